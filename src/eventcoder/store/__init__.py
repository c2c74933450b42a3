"""The event store: articles, merged events, their sources, evidence, merges and revisions.

``Store(url)`` opens (and migrates) a database; ``ingest(inputs, url)`` stores a batch.
"""
from eventcoder.store.database import DEFAULT_URL, EventFilter, Store, StoredArticle, database_url, parse_near
from eventcoder.store.ingest import IngestSummary, ingest

__all__ = ["DEFAULT_URL", "EventFilter", "IngestSummary", "Store", "StoredArticle", "database_url", "ingest",
           "parse_near"]
