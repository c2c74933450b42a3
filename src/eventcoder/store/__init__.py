"""The event store: articles, merged events, their sources, evidence, merges and revisions.

``Store(url)`` opens (and migrates) a database and answers every query of it; ``ingest(inputs, url)``
stores a batch of files, ``ingest_records(store, records, name)`` a batch of parsed JSON objects.
"""
from eventcoder.store.database import DEFAULT_URL, EventFilter, Store, StoredArticle, database_url, parse_near
from eventcoder.store.ingest import IngestSummary, ingest, ingest_records

__all__ = ["DEFAULT_URL", "EventFilter", "IngestSummary", "Store", "StoredArticle", "database_url", "ingest",
           "ingest_records", "parse_near"]
