"""The event store: articles, merged events, their sources, evidence, merges and revisions.

``Store(url)`` opens (and migrates) a database and answers every query of it, selecting events
by an ``EventFilter``; ``ingest(inputs, url)`` stores a batch of files,
``ingest_records(store, records, name)`` a batch of parsed JSON objects.
"""
from eventcoder.store.database import DEFAULT_URL, Store, StoredArticle, database_url
from eventcoder.store.ingest import IngestSummary, ingest, ingest_records
from eventcoder.store.query import PERIODS, SORTS, EventFilter, parse_near

__all__ = ["DEFAULT_URL", "PERIODS", "SORTS", "EventFilter", "IngestSummary", "Store", "StoredArticle", "database_url",
           "ingest", "ingest_records", "parse_near"]
