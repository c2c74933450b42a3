"""One pass over the sources, and the loop that repeats it until it is stopped.

A pass reads every source (a feed or sitemap conditionally, a folder's files), then, source by
source, claims each item not seen before and each one to try again (:mod:`eventcoder.watch.state`),
fetches it, and reads, codes and stores it as ``ingest`` does (the same reader, so a feed's dates
are read in every form ingest reads, and the same store, so its events merge with every other
outlet's). What is stored is the article's URL (its id), title, outlet and publication date:
the item's own where the source gives them, else the page's. One failure is named to
``on_failure`` and in the watch log, and the pass goes on.

A stop (Ctrl-C, SIGTERM) gives back the item in hand; ``kill -9`` leaves it claimed until the
next watcher sees its owner gone. Either way an item is stored exactly once: an article's text
is stored once (its content hash), and an item stored before it was marked is recognised by its id.
"""
from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from eventcoder.article import Article
from eventcoder.errors import Errors, FetchError, StoreError
from eventcoder.io.ingest import Reject, read_inputs, read_records
from eventcoder.store import Store
from eventcoder.store.database import failure_reason
from eventcoder.store.ingest import store_article
from eventcoder.watch.fetch import Fetcher, Politeness
from eventcoder.watch.sources import (FOLDER, Item, Listing, expand_sources, folder_listing, is_web_url,
                                      normalise_url, read_listing)
from eventcoder.watch.state import DISALLOWED, DUPLICATE, GIVEN_UP, STORED, Claim, WatchState

__all__ = ["PassSummary", "follow", "run_pass"]

#: ``progress(items, label)``: the items as they are worked on (the CLI's progress bar).
Progress = Callable[[list, str], Iterable]


@dataclass(slots=True)
class PassSummary:
    """What one pass did; its string is the line the CLI prints after each pass."""

    sources: int = 0
    sources_read: int = 0  # read, or answered not modified
    items: int = 0  # items worked on: new ones, and ones tried again
    new_items: int = 0
    stored: int = 0
    duplicates: int = 0  # their text was stored already, from another URL or an earlier run
    new_events: int = 0
    merged: int = 0  # reports merged into events already stored
    disallowed: int = 0  # items first found disallowed by robots.txt
    failures: int = 0  # sources, pages and records that failed
    seconds: float = 0.0

    @property
    def read(self) -> int:
        """Sources and items that could be read: none means nothing could be (exit status 2)."""
        return self.sources_read + self.stored + self.duplicates

    def __str__(self) -> str:
        return (f"watch pass: {self.sources} sources ({self.sources - self.sources_read} failed), "
                f"{self.items} items ({self.new_items} new): {self.stored} stored, {self.duplicates} already stored"
                f"{f', {self.disallowed} disallowed by robots.txt' if self.disallowed else ''}; "
                f"{self.new_events} new events, {self.merged} reports merged; {self.failures} failures; "
                f"{self.seconds:.1f} seconds")


def run_pass(store: Store, sources: list[str], politeness: Politeness = Politeness(), *,
             on_failure: Callable[[str, str], None] = lambda where, message: None,
             on_warning: Callable[[str], None] = lambda warning: None,
             progress: Progress = lambda items, label: items) -> PassSummary:
    """One pass over ``sources`` (URLs and folders, see :func:`expand_sources`) into ``store``.

    ``on_failure(url, message)`` hears of each failure, ``on_warning`` of each article's warnings.
    StoreError when the database itself fails: what was stored stays, and the next start goes on.
    """
    started = time.perf_counter()
    with Fetcher(politeness) as fetcher:
        one_pass = _Pass(store, fetcher, on_failure, on_warning, progress)
        try:
            for source in sources:
                one_pass.read_source(source)
        except OperationalError as error:
            raise StoreError(Errors.E035.format(where=store.where, reason=failure_reason(error))) from error
    one_pass.summary.seconds = time.perf_counter() - started
    return one_pass.summary


def follow(store: Store, arguments: list[str], every_minutes: float = 15, once: bool = False,
           politeness: Politeness = Politeness(), *, on_pass: Callable[[PassSummary], None] = lambda summary: None,
           **hooks) -> PassSummary:
    """Passes over the sources ``arguments`` name (a list file is read again for each pass),
    one every ``every_minutes`` until stopped, or one alone with ``once``; returns the last.

    SIGTERM stops it as Ctrl-C does, with KeyboardInterrupt, after the item in hand is given back.
    """
    with _sigterm_interrupts():
        while True:
            started = time.monotonic()
            summary = run_pass(store, expand_sources(arguments), politeness, **hooks)
            on_pass(summary)
            if once:
                return summary
            time.sleep(max(0.0, started + every_minutes * 60 - time.monotonic()))


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (systemd's stop, ``kill``) raises KeyboardInterrupt, as Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt
    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


class _Pass:
    """The work of one pass: its fetcher, the items done, what it found."""

    def __init__(self, store: Store, fetcher: Fetcher, on_failure, on_warning, progress: Progress) -> None:
        self.store = store
        self.state = WatchState(store)
        self.fetcher = fetcher
        self.on_failure = on_failure
        self.on_warning = on_warning
        self.progress = progress
        self.summary = PassSummary()
        self.done: set[str] = set()  # keys worked on in this pass, whichever source listed them

    def read_source(self, url: str) -> None:
        """Reads one source and works on its items; then saves its state, so that a watcher
        stopped before it is done reads the whole source again rather than a 304."""
        self.summary.sources += 1
        source = self.state.source(url)
        try:
            listing, state = self._listing(source)
        except SQLAlchemyError:
            raise
        except Exception as error:  # noqa: BLE001 - a source that breaks a reader must not stop the watch
            message = _failure_message(error)
            self.summary.failures += 1
            self.state.source_failed(source, message)
            self.on_failure(url, message)
            return
        self.summary.sources_read += 1
        title = listing.title or source.title
        for item, row in self.progress(self._work(source, listing), url):
            self._work_on(source.id, title, item, row, listing.kind == FOLDER)
        self.state.source_read(source.id, **state)

    def _listing(self, source) -> tuple[Listing, dict]:
        """The source's items (none when it answers not modified) and the state to save."""
        if not is_web_url(source.url):
            if not Path(source.url).is_dir():
                raise FetchError(Errors.E001)
            listing = folder_listing(source.url)
            return listing, {"kind": FOLDER, "last_result": f"{len(listing.items)} files"}
        page = self.fetcher.get(source.url, source.etag, source.last_modified)
        if page.not_modified:
            return Listing(source.kind), {"last_result": "not modified"}
        listing = read_listing(page.content, page.url)
        for sitemap in listing.sitemaps:
            try:
                listing.items += read_listing(self.fetcher.get(sitemap).content, sitemap).items
            except FetchError as error:
                self._failed_elsewhere(source.id, sitemap, str(error))
        return listing, {"kind": listing.kind, "title": listing.title, "etag": page.etag,
                         "last_modified": page.last_modified, "last_result": f"{len(listing.items)} items"}

    def _work(self, source, listing: Listing) -> list[tuple[Item, object]]:
        """The items to work on, with their rows if seen before: those listed and not seen, or
        seen and to be tried again; and for a feed or sitemap, its items to try again that it no
        longer lists (a folder's are superseded by the files it now holds)."""
        listed = {item.key: item for item in listing.items}
        known = self.state.known(listed)
        work = [(item, known.get(key)) for key, item in listed.items()
                if key not in known or self.state.may_retry(known[key])]
        if listing.kind != FOLDER:
            work += [(Item(row.url, row.item_key, row.title, row.published), row)
                     for row in self.state.unfinished(source.id) if row.item_key not in listed]
        return [(item, row) for item, row in work if item.key not in self.done]

    def _work_on(self, source_pk: int, title: str | None, item: Item, row, from_folder: bool) -> None:
        if not from_folder and not self._allowed(item.url):
            if row is None or row.status != DISALLOWED:
                claim = self.state.claim(source_pk, item, row)
                if claim:
                    self.state.finish(claim, DISALLOWED)
                    self.summary.disallowed += 1
            return
        claim = self.state.claim(source_pk, item, row)
        if claim is None:
            return  # another watcher is on it
        self.done.add(item.key)
        self.summary.items += 1
        self.summary.new_items += row is None
        try:
            entries = self._read_file(item) if from_folder else self._read_page(item, title)
            self._store(claim, source_pk, item, entries)
        except Exception as error:  # noqa: BLE001 - a page that breaks a reader must not stop the watch
            if isinstance(error, SQLAlchemyError):
                self._give_back(claim)
                raise
            retry = error.retry if isinstance(error, FetchError) else True
            self._failed(claim, source_pk, item.url, _failure_message(error), retry)
        except BaseException:
            self._give_back(claim)
            raise

    def _give_back(self, claim: Claim) -> None:
        """Releases the claim of a watcher that is stopping, if the database still answers."""
        with contextlib.suppress(SQLAlchemyError):
            self.state.release(claim)

    def _allowed(self, url: str) -> bool:
        """robots.txt's answer; an unreadable robots.txt is the page's failure, when it is fetched."""
        try:
            return self.fetcher.allowed(url)
        except FetchError:
            return True

    def _read_page(self, item: Item, title: str | None) -> list[Article | Reject]:
        """The page's article: its id the item's URL, its URL where the page was found after redirects,
        its outlet the feed's title, else the page's site name, else its host."""
        from trafilatura.utils import decode_file

        page = self.fetcher.get(item.url, html=True)
        record = {"id": item.article_id, "html": decode_file(page.content), "url": normalise_url(page.url),
                  "title": item.title, "source": title, "published": item.published}
        entries = list(read_records([record], name=item.url))
        for entry in entries:
            if isinstance(entry, Article) and not entry.source:
                entry.source = urlsplit(item.url).hostname
        return entries

    @staticmethod
    def _read_file(item: Item) -> list[Article | Reject]:
        return list(read_inputs([item.url]))

    def _store(self, claim: Claim, source_pk: int, item: Item, entries: list[Article | Reject]) -> None:
        """Codes and stores what an item held; the item is stored (or a duplicate) when one of its
        articles is, else failed with the reasons."""
        outcome: tuple[str, str] | None = None
        problems = []
        for entry in entries:
            result = entry if isinstance(entry, Reject) else store_article(self.store, entry)
            if isinstance(result, Reject):
                problems.append(f"{result.id}: {result.reason}" if result.id != item.article_id else result.reason)
                continue
            for warning in entry.warnings:
                self.on_warning(f"{item.url}: {warning}")
            self.summary.new_events += result.new_events
            self.summary.merged += result.merged
            holder = entry.id if result.stored else self.store.stored_article_id(entry.text)
            status = STORED if holder == entry.id else DUPLICATE
            if outcome is None or (status == STORED and outcome[0] == DUPLICATE):
                outcome = (status, holder)
        if outcome is None:
            self._failed(claim, source_pk, item.url, "; ".join(problems) or Errors.E003, retry=True)
            return
        self.state.finish(claim, *outcome)
        self.summary.stored += outcome[0] == STORED
        self.summary.duplicates += outcome[0] == DUPLICATE
        for problem in problems:
            self._failed_elsewhere(source_pk, item.url, problem)

    def _failed(self, claim: Claim, source_pk: int, url: str, message: str, retry: bool) -> None:
        status = self.state.fail(claim, source_pk, url, message, retry)
        self.summary.failures += 1
        self.on_failure(url, message + (" (given up)" if status == GIVEN_UP else ""))

    def _failed_elsewhere(self, source_pk: int, url: str, message: str) -> None:
        """A failure that is not an item's own: a sitemap of an index, a record of a file."""
        self.summary.failures += 1
        self.state.log(source_pk, url, message)
        self.on_failure(url, message)


def _failure_message(error: Exception) -> str:
    """What a failure to read a source or page says: a FetchError's own message, or what broke."""
    if isinstance(error, FetchError):
        return str(error)
    return Errors.E090.format(kind=type(error).__name__, message=str(error)[:200])
