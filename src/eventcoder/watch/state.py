"""What watch keeps in the store, so that what it has seen is stored, not guessed.

Each source's row holds what a conditional request needs and how its last pass went; each item's
row (unique by its key) says whether it is stored, a duplicate, failing or given up, and who holds
it. A watcher claims an item before fetching it: a new item by inserting its row as ``claimed``
(the unique key lets exactly one watcher win), a known one by an update that succeeds only if the
row is still as it was read. So two watchers on one PostgreSQL store never fetch an article twice,
and a watcher stopped by ``kill -9`` leaves at most its claimed item, which is taken over as soon
as its watcher is seen to be gone: at once on the same machine (its process is no longer running),
after :data:`CLAIM_LEASE` from another.
"""
from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from eventcoder.store import Store
from eventcoder.store.database import in_utc
from eventcoder.store.schema import watch_items, watch_log, watch_sources
from eventcoder.watch.sources import Item

__all__ = ["CLAIM_LEASE", "MAX_PASSES", "Claim", "WatchState"]

CLAIMED, STORED, DUPLICATE, FAILED, GIVEN_UP, DISALLOWED = (
    "claimed", "stored", "duplicate", "failed", "given-up", "disallowed")
#: Passes on which a failing item is tried before it is given up.
MAX_PASSES = 4
#: A claim this old is taken over whoever holds it: its watcher died on another machine.
CLAIM_LEASE = timedelta(minutes=10)
#: Keys looked up in one query.
KEY_BATCH = 500


def _now() -> datetime:
    return datetime.now(timezone.utc)


#: Tells this process from an earlier one that had the same process id.
PROCESS_TOKEN = secrets.token_hex(4)


def watcher_name() -> str:
    """Who holds a claim: this machine, process id and process."""
    return f"{socket.gethostname()}:{os.getpid()}:{PROCESS_TOKEN}"


@dataclass(frozen=True, slots=True)
class Claim:
    """An item this watcher holds: its row and the tries made before this one."""

    pk: int
    tries: int
    status: str  # what it was before it was claimed (claimed for a new item)


class WatchState:
    """The watch tables of one store."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    # --- sources ---------------------------------------------------------------------------

    def source(self, url: str):
        """The source's row, added the first time it is followed."""
        with self.engine.connect() as connection:
            row = connection.execute(select(watch_sources).where(watch_sources.c.url == url)).first()
        if row is not None:
            return row
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(watch_sources).values(url=url, failures=0))
        except IntegrityError:
            pass  # another watcher added it meanwhile
        with self.engine.connect() as connection:
            return connection.execute(select(watch_sources).where(watch_sources.c.url == url)).one()

    def source_read(self, pk: int, **values) -> None:
        """A pass read the source: ``values`` are its kind, title, validators and what it found."""
        with self.engine.begin() as connection:
            connection.execute(update(watch_sources).where(watch_sources.c.id == pk)
                               .values(**values, last_pass=_now(), failures=0))

    def source_failed(self, source, message: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(update(watch_sources).where(watch_sources.c.id == source.id).values(
                last_pass=_now(), last_result=message, failures=watch_sources.c.failures + 1))
        self.log(source.id, source.url, message)

    # --- items -----------------------------------------------------------------------------

    def known(self, keys: Iterable[str]) -> dict[str, object]:
        """The rows of the items among ``keys`` that any source listed before."""
        keys = list(keys)
        found = {}
        with self.engine.connect() as connection:
            for start in range(0, len(keys), KEY_BATCH):
                batch = keys[start:start + KEY_BATCH]
                found |= {row.item_key: row for row in connection.execute(
                    select(watch_items).where(watch_items.c.item_key.in_(batch)))}
        return found

    def unfinished(self, source_pk: int) -> list:
        """The source's items that a pass should try again (see :meth:`may_retry`)."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(watch_items).where(
                watch_items.c.source_pk == source_pk,
                watch_items.c.status.in_((FAILED, DISALLOWED, CLAIMED))).order_by(watch_items.c.id)).all()
        return [row for row in rows if self.may_retry(row)]

    @staticmethod
    def may_retry(row) -> bool:
        """Whether an item seen before is tried again: it failed on an earlier pass, robots.txt
        kept it out (and may no longer), or its claim is stale."""
        if row.status in (FAILED, DISALLOWED):
            return True
        if row.status != CLAIMED:
            return False
        if row.claimed_at is None or in_utc(row.claimed_at) < _now() - CLAIM_LEASE:
            return True
        host, pid, token = ((row.claimed_by or "").rsplit(":", 2) + ["", ""])[:3]
        if host != socket.gethostname() or not pid.isdigit():
            return False
        if int(pid) == os.getpid():
            return token != PROCESS_TOKEN  # an earlier process that had our id
        return not _running(int(pid))

    def claim(self, source_pk: int, item: Item, row=None) -> Claim | None:
        """Claims ``item`` for this watcher: a new one (``row`` None) or the one read as ``row``;
        None when another watcher was first."""
        now = _now()
        held = {"status": CLAIMED, "claimed_by": watcher_name(), "claimed_at": now, "updated_at": now}
        try:
            with self.engine.begin() as connection:
                if row is None:
                    pk = connection.execute(insert(watch_items).values(
                        item_key=item.key, source_pk=source_pk, url=item.url, title=item.title,
                        published=item.published, content_hash=item.content_hash, tries=0,
                        **held)).inserted_primary_key[0]
                    return Claim(pk, 0, CLAIMED)
                taken = connection.execute(update(watch_items).where(
                    watch_items.c.id == row.id, watch_items.c.status == row.status, watch_items.c.tries == row.tries,
                    watch_items.c.claimed_by.is_not_distinct_from(row.claimed_by)).values(**held)).rowcount
                return Claim(row.id, row.tries, row.status) if taken else None
        except IntegrityError:
            return None

    def finish(self, claim: Claim, status: str, article_id: str | None = None) -> None:
        """The item is done: stored, a duplicate of ``article_id``, or disallowed."""
        self._settle(claim, status=status, article_id=article_id, last_error=None)

    def fail(self, claim: Claim, source_pk: int, url: str, message: str, retry: bool) -> str:
        """The item failed on this pass; it is given up after :data:`MAX_PASSES` or when a
        later pass cannot do better. Logged; returns its new status."""
        tries = claim.tries + 1
        status = FAILED if retry and tries < MAX_PASSES else GIVEN_UP
        self._settle(claim, status=status, tries=tries, last_error=message)
        self.log(source_pk, url, message + ("" if status == FAILED else " (given up)"))
        return status

    def release(self, claim: Claim) -> None:
        """Gives back a claim of a watcher that is stopping, for the next one to take at once."""
        self._settle(claim, status=claim.status, claimed_at=None)

    def _settle(self, claim: Claim, **values) -> None:
        with self.engine.begin() as connection:
            connection.execute(update(watch_items).where(watch_items.c.id == claim.pk)
                               .values(**values, updated_at=_now()))

    # --- log and status --------------------------------------------------------------------

    def log(self, source_pk: int, url: str, message: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(insert(watch_log).values(at=_now(), source_pk=source_pk, url=url, message=message))

    def report(self, errors_per_source: int = 5) -> list[dict]:
        """Each source with its last pass, its items by status and its latest errors."""
        with self.engine.connect() as connection:
            counts: dict[int, dict[str, int]] = {}
            for source_pk, status, count in connection.execute(
                    select(watch_items.c.source_pk, watch_items.c.status, func.count())
                    .group_by(watch_items.c.source_pk, watch_items.c.status)):
                counts.setdefault(source_pk, {})[status] = count
            report = []
            for source in connection.execute(select(watch_sources).order_by(watch_sources.c.id)):
                errors = connection.execute(select(watch_log).where(watch_log.c.source_pk == source.id)
                                            .order_by(watch_log.c.id.desc()).limit(errors_per_source)).all()
                report.append({
                    "url": source.url, "kind": source.kind, "title": source.title,
                    "last_pass": source.last_pass and in_utc(source.last_pass), "last_result": source.last_result,
                    "failures": source.failures, "items": counts.get(source.id, {}),
                    "errors": [{"at": in_utc(e.at), "url": e.url, "message": e.message} for e in reversed(errors)]})
        return report


def _running(pid: int) -> bool:
    """Whether a process of this machine is still running (a reaped one is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
