"""Ingest a batch: read inputs, extract records, store each article in its own transaction."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from eventcoder.io.ingest import Reject, read_inputs
from eventcoder.store.database import Store


@dataclass(slots=True)
class IngestSummary:
    articles: int = 0  # read
    stored: int = 0
    skipped: int = 0  # already stored (same text)
    copies: int = 0  # stored as near-duplicates of an earlier article
    new_events: int = 0
    merged: int = 0
    rejected: list[Reject] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.articles} articles: {self.stored} stored ({self.copies} near-duplicate copies), "
                f"{self.skipped} already stored, {len(self.rejected)} rejected; "
                f"{self.new_events} new events, {self.merged} reports merged into existing events")


def ingest(inputs: Iterable[str], url: str | None = None, published: date | None = None,
           on_reject: Callable[[Reject], None] | None = None, items: Callable | None = None) -> IngestSummary:
    """Stores every readable article of ``inputs``; an article already stored is skipped unextracted.

    ``on_reject`` is called with each unreadable record as it comes (the CLI prints it);
    ``items`` wraps the stream of inputs (the CLI's progress bar).
    """
    from eventcoder.pipeline import extract_records

    summary = IngestSummary()
    stream = read_inputs(list(inputs), published=published)
    with Store(url) as store:
        for item in items(stream) if items else stream:
            if isinstance(item, Reject):
                summary.rejected.append(item)
                if on_reject:
                    on_reject(item)
                continue
            summary.articles += 1
            if store.has_text(item.text):
                summary.skipped += 1
                continue
            result = store.add_article(item, extract_records(item))
            if not result.stored:
                summary.skipped += 1
                continue
            summary.stored += 1
            summary.copies += result.duplicate_of is not None
            summary.new_events += result.new_events
            summary.merged += result.merged
    return summary
