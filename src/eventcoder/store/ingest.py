"""Ingest a batch: read inputs, extract records, store each article in its own transaction.

Inputs are files (:func:`ingest`) or records already parsed from JSON, a web request's articles
(:func:`ingest_records`); both are read by :mod:`eventcoder.io.ingest`, so an article is stored
or rejected alike either way. One article that cannot be coded or stored becomes a Reject with
its reason and the batch goes on: its transaction is rolled back, so what is already stored stays
whole, and a rerun skips what was stored and meets the same article again. A failure of the
database itself ends the batch as a StoreError.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.exc import OperationalError

from eventcoder.article import Article
from eventcoder.errors import Errors, StoreError
from eventcoder.io.ingest import Reject, announce_warnings, read_inputs, read_records
from eventcoder.parallel import guarded
from eventcoder.store.database import Store, StoredArticle, error_cause, failure_reason

__all__ = ["STORE_SOURCE", "IngestSummary", "ingest", "ingest_records", "store_article"]

#: Where a Reject made by a failure to store an article says it came from.
STORE_SOURCE = "store"


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; its string is the summary line the CLI prints."""

    articles: int = 0  # read and coded: stored or skipped
    stored: int = 0
    skipped: int = 0  # already stored (same text)
    copies: int = 0  # stored as near-duplicates of an earlier article
    new_events: int = 0
    merged: int = 0
    rejected: list[Reject] = field(default_factory=list)  # unreadable, or failed to code or store

    def __str__(self) -> str:
        return (f"{self.articles} articles: {self.stored} stored ({self.copies} near-duplicate copies), "
                f"{self.skipped} already stored, {len(self.rejected)} rejected; "
                f"{self.new_events} new events, {self.merged} reports merged into existing events")


def ingest(inputs: Iterable[str], url: str | None = None, published: date | None = None,
           on_reject: Callable[[Reject], None] | None = None,
           progress: Callable[[Iterator], Iterator] | None = None,
           on_warning: Callable[[str], None] = lambda warning: None) -> IngestSummary:
    """Stores every readable article of ``inputs``; an article already stored is skipped unextracted.

    ``on_reject`` is called with each reject as it comes (the CLI prints it), ``on_warning`` with
    each article's warnings (an unreadable ``published``); ``progress`` wraps the stream of inputs
    (the CLI's progress bar).
    """
    stream = announce_warnings(read_inputs(list(inputs), published=published), on_warning)
    with Store(url) as store:
        return _store_all(store, progress(stream) if progress else stream, on_reject)


def ingest_records(store: Store, records: Iterable[Any], name: str) -> IngestSummary:
    """Stores articles given as parsed JSON objects, each read as a line of a JSONL file called
    ``name`` (an article without an id is ``name:N``); no file is written."""
    return _store_all(store, read_records(records, name), on_reject=None)


def _store_all(store: Store, stream: Iterable[Article | Reject],
               on_reject: Callable[[Reject], None] | None) -> IngestSummary:
    summary = IngestSummary()
    try:
        for item in stream:
            result = item if isinstance(item, Reject) else store_article(store, item)
            if isinstance(result, Reject):
                summary.rejected.append(result)
                if on_reject:
                    on_reject(result)
                continue
            summary.articles += 1
            if not result.stored:
                summary.skipped += 1
                continue
            summary.stored += 1
            summary.copies += result.duplicate_of is not None
            summary.new_events += result.new_events
            summary.merged += result.merged
    except OperationalError as error:
        raise StoreError(Errors.E035.format(where=store.where, reason=failure_reason(error))) from error
    return summary


def store_article(store: Store, article: Article) -> StoredArticle | Reject:
    """Extracts and stores one article (unless its text is stored already), or says why it could not.

    A failure of the database itself (unreachable, locked, full) still ends the run: every later
    article would fail alike, and a rerun resumes where it stopped.
    """
    from eventcoder.pipeline import extract_records

    if store.has_text(article.text):
        return StoredArticle(article.id, stored=False)
    records = guarded(extract_records, article)
    if isinstance(records, Reject):
        return records
    try:
        return store.add_article(article, records)
    except OperationalError:
        raise
    except Exception as error:  # noqa: BLE001 - one article the database refuses must not end the batch
        cause = error_cause(error)
        return Reject(article.id, STORE_SOURCE, None,
                      Errors.E033.format(kind=type(cause).__name__, message=str(cause)[:200]))
