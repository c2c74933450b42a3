"""Database access: store an article's records, merge them into events, and query what is stored.

One :class:`Store` wraps a SQLAlchemy engine on any URL (SQLite by default, PostgreSQL for teams)
with the same code. :meth:`Store.add_article` stores an article and its records in one
transaction: a crash at any point leaves either all of it or none of it, and an article whose
content hash is already stored is skipped, so rerunning an interrupted batch finishes it with no
duplicate. The query methods return plain dicts (JSON-ready but for dates) for the CLI, the
exporters and a web API; what they select is an :class:`~eventcoder.store.query.EventFilter`,
made SQL in :mod:`eventcoder.store.query`, and counting, sorting, paging and the summary's
totals are done by the database.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (Engine, and_, case, create_engine, event as sa_event, func, insert, or_, select,
                        update)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, StatementError

from eventcoder.article import Article
from eventcoder.errors import Errors, StoreError
from eventcoder.store import schema
from eventcoder.store.dedup import band_hashes, overlap, shingles
from eventcoder.store.merge import (Decision, SourceReport, compare, compatible_event_types, load_rules,
                                    max_distance_km, max_window_days, merged_fields)
from eventcoder.store.query import (EventFilter, box, choose_period, conditions, period_end, period_start,
                                    sort_order, sqlite_km_between)
from eventcoder.store.schema import article_bands, articles, events, evidence, merges, revisions, sources

__all__ = ["DEFAULT_URL", "StoredArticle", "Store", "database_url", "error_cause", "failure_reason", "in_utc"]

DEFAULT_URL = "sqlite:///eventcoder.sqlite"
#: Merged fields whose changes are kept as revisions.
REVISED_FIELDS = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                  "assoc_actor_1", "assoc_actor_2", "location", "country_code", "latitude", "longitude",
                  "geo_precision", "fatalities", "killed_min", "killed_max", "injured_min", "injured_max",
                  "civilian_targeting", "certainty", "sources")
EVENT_COLUMNS = tuple(c.name for c in events.columns if c.name not in ("id", "created_at", "updated_at"))
#: At most this many earlier articles are compared exactly as possible copies.
MAX_DUPLICATE_CANDIDATES = 50
#: How long a SQLite connection waits for another process's lock before it gives up.
SQLITE_BUSY_SECONDS = 30
#: Events read from the database at a time by :meth:`Store.records`.
RECORD_BATCH = 500
#: What the summary counts of a group of events: how many, and their deaths.
_EVENTS = func.count().label("events")
_DEATHS = func.coalesce(func.sum(events.c.fatalities), 0).label("fatalities")


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL: as given, a file path as SQLite, PostgreSQL through psycopg 3."""
    if not value:
        return DEFAULT_URL
    if "://" not in value:
        return f"sqlite:///{value}"
    for prefix in ("postgres://", "postgresql://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix):]
    return value


def _sqlite_file_exists(database: str | None) -> bool:
    """Whether a SQLite URL's file is there (an in-memory database always is)."""
    return database in (None, "", ":memory:") or Path(database).is_file()


def _prepare_sqlite(connection, _record) -> None:
    """WAL survives a killed process with every committed article; foreign keys are checked; the
    ``near`` filter's distance function is there."""
    connection.create_function("km_between", 4, sqlite_km_between, deterministic=True)
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _use_wal(cursor) -> None:
    """Puts the file in WAL mode, which it keeps once set. Setting it takes an exclusive lock that
    SQLite does not wait for, so while other processes open the same new file it is tried again."""
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What storing one article did."""

    article_id: str
    stored: bool  # False when the same text was already stored
    duplicate_of: str | None = None  # the article it is a near-duplicate copy of
    new_events: int = 0
    merged: int = 0


def content_hash(text: str) -> str:
    """SHA-256 of the text; a lone surrogate is hashed as is, so checking such a text cannot crash."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def error_cause(error: Exception) -> Exception:
    """The driver's own exception inside SQLAlchemy's wrapper, whose message repeats the SQL and its values."""
    return error.orig if isinstance(error, StatementError) and error.orig is not None else error


def failure_reason(error: Exception) -> str:
    """The first line of the driver's message: what went wrong, without the SQL."""
    return str(error_cause(error)).strip().splitlines()[0]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _event_values(fields: dict) -> dict:
    values = {k: fields.get(k) for k in EVENT_COLUMNS if k in fields}
    if isinstance(values.get("event_date"), str):
        values["event_date"] = date.fromisoformat(values["event_date"])
    values["sources"] = json.dumps(fields.get("sources") or [], ensure_ascii=False)
    values["fatalities"] = values.get("fatalities") or 0
    return values


def _comparable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    return value


class Store:
    """An event database at a SQLAlchemy URL, migrated to the latest schema on opening.

    With ``create`` False (commands that only read) a database that does not exist yet is an
    error, not a new empty one. Every failure to open is a :class:`StoreError` naming the database.
    """

    def __init__(self, url: str | None = None, create: bool = True) -> None:
        self.url = database_url(url)
        try:
            self.engine: Engine = create_engine(self.url)
        except (ArgumentError, NoSuchModuleError, ImportError) as error:  # a bad scheme, or its driver missing
            raise StoreError(Errors.E032.format(reason=error)) from error
        #: The URL as messages name it, without a password.
        self.where = self.engine.url.render_as_string(hide_password=True)
        if self.engine.dialect.name == "sqlite":
            if not create and not _sqlite_file_exists(self.engine.url.database):
                raise StoreError(Errors.E031.format(where=self.where))
            sa_event.listen(self.engine, "connect", _prepare_sqlite)
        try:
            self.version = schema.migrate(self.engine, create)
        except DBAPIError as error:
            self.engine.dispose()
            raise StoreError(Errors.E030.format(where=self.where, reason=failure_reason(error))) from error
        if not self.version:
            self.engine.dispose()
            raise StoreError(Errors.E031.format(where=self.where))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------

    def has_text(self, text: str) -> bool:
        """Whether an article with exactly this text is stored (checked before extracting it)."""
        return self.stored_article_id(text) is not None

    def stored_article_id(self, text: str) -> str | None:
        """The id of the stored article with exactly this text, if any."""
        with self.engine.connect() as connection:
            return connection.execute(select(articles.c.article_id).where(
                articles.c.content_hash == content_hash(text))).scalar()

    def add_article(self, article: Article, records: list[dict]) -> StoredArticle:
        """Stores an article and its records, merging each into an event, in one transaction."""
        try:
            with self.engine.begin() as connection:
                return _Writer(connection, article).write(records)
        except IntegrityError:
            # another process stored the same text between our check and our commit
            if self.has_text(article.text):
                return StoredArticle(article.id, stored=False)
            raise

    # --- reading ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        with self.engine.connect() as connection:
            return {table.name: connection.execute(select(func.count()).select_from(table)).scalar()
                    for table in schema.VERSION_1_TABLES}

    def events(self, filters: EventFilter = EventFilter(), limit: int | None = None, offset: int = 0) -> list[dict]:
        """A page of the events matching ``filters`` in the filter's order, each with its outlets and article ids."""
        with self.engine.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(_selected(filters).limit(limit).offset(offset))]
            return self._with_sources(connection, rows)

    def count(self, filters: EventFilter = EventFilter()) -> int:
        """How many events match ``filters``."""
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(events).where(*conditions(filters))).scalar()

    def records(self, filters: EventFilter = EventFilter()) -> Iterator[dict]:
        """Every event matching ``filters`` as :meth:`events` gives them, for the exporters: one query
        read a batch at a time (a server-side cursor on PostgreSQL), so memory stays bounded."""
        with self.engine.connect() as connection:
            result = connection.execution_options(yield_per=RECORD_BATCH).execute(_selected(filters))
            for rows in result.partitions():
                yield from self._with_sources(connection, [dict(row._mapping) for row in rows])

    def summary(self, filters: EventFilter = EventFilter(), period: str | None = None) -> dict:
        """The totals of the events matching ``filters``, counted by period and by place, and when the
        store last took an article: what a timeline and a map of the whole filter need.

        ``period`` (day, week, month, year) is by default chosen from the span of the events' dates
        (:func:`~eventcoder.store.query.choose_period`); only periods and places with events are
        listed, a period from its first to its last day. A place is a GeoNames id (a negative id
        from an imported source), or a point for events placed without one; undated and unplaced
        events count in the totals only. QueryError for an unknown period.
        """
        where = conditions(filters)
        with self.engine.connect() as connection:
            total, fatalities, first, last = connection.execute(select(
                _EVENTS, _DEATHS, func.min(events.c.event_date), func.max(events.c.event_date)).where(*where)).one()
            period = choose_period(first, last, period)
            start = period_start(period, self.engine.dialect.name).label("start")
            by_period = connection.execute(
                select(start, _EVENTS, _DEATHS)
                .where(*where, events.c.event_date.is_not(None)).group_by(start).order_by(start)).all()
            by_place = connection.execute(_places(where)).all()
            last_changed = connection.execute(select(func.max(articles.c.ingested_at))).scalar()
        return {
            "total": total, "fatalities": fatalities, "first_date": first, "last_date": last, "period": period,
            "by_period": [{"start": row.start, "end": period_end(row.start, period), "events": row.events,
                           "fatalities": row.fatalities} for row in by_period],
            "by_place": [dict(row._mapping) for row in by_place],
            "last_changed": last_changed and in_utc(last_changed),
        }

    def event(self, event_id: str, with_text: bool = False) -> dict | None:
        """One event with every report behind it (article, record, evidence), its merges and revisions.

        ``event_id`` may also be the id of an extracted record: the event it was merged into.
        ``with_text`` adds each report's ``article_text``, which the web page shows beside the evidence.
        """
        with self.engine.connect() as connection:
            row = connection.execute(select(events).where(events.c.event_id == event_id)).first()
            if row is None:
                row = connection.execute(select(events).join(sources, sources.c.event_pk == events.c.id)
                                         .where(sources.c.record_id == event_id).order_by(sources.c.id)).first()
            if row is None:
                return None
            result = self._with_sources(connection, [dict(row._mapping)])[0]
            pk = row.id
            texts = [articles.c.text] if with_text else []
            reports = connection.execute(
                select(sources, articles.c.article_id, articles.c.outlet, articles.c.title, articles.c.url,
                       articles.c.published, *texts).join(articles, sources.c.article_pk == articles.c.id)
                .where(sources.c.event_pk == pk).order_by(sources.c.id)).all()
            spans = connection.execute(select(evidence).join(sources, evidence.c.source_pk == sources.c.id)
                                       .where(sources.c.event_pk == pk).order_by(evidence.c.start)).all()
            by_source: dict[int, list[dict]] = {}
            for span in spans:
                by_source.setdefault(span.source_pk, []).append({"text": span.text, "start": span.start, "end": span.end})
            result["reports"] = [{
                "record_id": r.record_id, "article_id": r.article_id, "outlet": r.outlet, "title": r.title,
                "url": r.url, "published": r.published, "rank": r.rank, "independent": r.independent,
                "record": json.loads(r.record), "evidence": by_source.get(r.id, [])}
                | ({"article_text": r.text} if with_text else {}) for r in reports]
            record_ids = {r.id: r.record_id for r in reports}
            result["merges"] = [
                {"record_id": record_ids.get(m.source_pk), "kind": m.kind, "reason": m.reason, "created_at": m.created_at}
                for m in connection.execute(select(merges).where(merges.c.event_pk == pk).order_by(merges.c.id))]
            result["revisions"] = [
                {"field": v.field, "old": json.loads(v.old_value), "new": json.loads(v.new_value),
                 "record_id": record_ids.get(v.source_pk), "created_at": v.created_at}
                for v in connection.execute(select(revisions).where(revisions.c.event_pk == pk).order_by(revisions.c.id))]
            return result

    def explain(self, event_id: str) -> str | None:
        """In words: the sources behind an event, why each was merged, and how its fields changed."""
        found = self.event(event_id)
        if found is None:
            return None
        lines = [f"{found['event_id']}: {found['sub_event_type']} in {found['location'] or 'an unknown place'}"
                 f" on {found['event_date'] or 'an unknown date'}, fatalities {found['fatalities']}"
                 f" ({found['source_count']} independent source{'s' * (found['source_count'] != 1)})"]
        for report in found["reports"]:
            copy = "" if report["independent"] else ", a near-duplicate copy"
            lines.append(f"- {report['article_id']} ({report['outlet'] or 'unknown outlet'}, "
                         f"{report['published'] or 'undated'}{copy}): record {report['record_id']}")
        if not found["merges"]:
            lines.append("No merges: one report.")
        for merge in found["merges"]:
            lines.append(f"Merged {merge['record_id']}: {merge['reason']}")
        for revision in found["revisions"]:
            lines.append(f"Revised {revision['field']}: {revision['old']} -> {revision['new']} "
                         f"(from {revision['record_id']})")
        return "\n".join(lines)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Stored articles without their text, in the order they were stored."""
        columns = [c for c in articles.columns if c.name != "text"]
        with self.engine.connect() as connection:
            query = select(*columns).order_by(articles.c.id).limit(limit).offset(offset)
            return [self._article_dict(connection, row) for row in connection.execute(query)]

    def article(self, article_id: str) -> dict | None:
        """One article with its text and the event ids its records went to (latest stored if ids repeat)."""
        with self.engine.connect() as connection:
            row = connection.execute(select(articles).where(articles.c.article_id == article_id)
                                     .order_by(articles.c.id.desc())).first()
            if row is None:
                return None
            result = self._article_dict(connection, row)
            result["text"] = row.text
            result["events"] = list(connection.execute(
                select(events.c.event_id).join(sources, sources.c.event_pk == events.c.id)
                .where(sources.c.article_pk == row.id).order_by(sources.c.rank)).scalars())
            return result

    @staticmethod
    def _article_dict(connection: Connection, row) -> dict:
        result = {k: v for k, v in row._mapping.items() if k not in ("id", "text", "duplicate_of")}
        result["duplicate_of"] = None
        if row.duplicate_of is not None:
            result["duplicate_of"] = connection.execute(
                select(articles.c.article_id).where(articles.c.id == row.duplicate_of)).scalar()
        return result

    @staticmethod
    def _with_sources(connection: Connection, rows: list[dict]) -> list[dict]:
        """Adds each event's outlets and article ids; turns stored JSON back into lists."""
        pks = [row["id"] for row in rows]
        linked: dict[int, list] = {}
        if pks:
            query = (select(sources.c.event_pk, sources.c.independent, articles.c.article_id, articles.c.outlet)
                     .join(articles, sources.c.article_pk == articles.c.id)
                     .where(sources.c.event_pk.in_(pks)).order_by(sources.c.id))
            for link in connection.execute(query):
                linked.setdefault(link.event_pk, []).append(link)
        for row in rows:
            links = linked.get(row.pop("id"), [])
            row["sources"] = json.loads(row["sources"] or "[]")
            row["article_ids"] = [link.article_id for link in links]
            row["outlets"] = list(dict.fromkeys(link.outlet for link in links if link.outlet))
        return rows


def _selected(filters: EventFilter):
    """The events matching ``filters``, in the filter's order."""
    return select(events).where(*conditions(filters)).order_by(*sort_order(filters.sort))


def _places(where: list):
    """The events of ``where`` by place: by GeoNames id, or by point where there is none; the most
    events first. A place's name and point are its events' (the same for one id)."""
    unnamed = events.c.geonameid.is_(None)
    shown = (func.min(events.c[name]).label(name) for name in ("location", "admin1", "country", "latitude", "longitude"))
    return (select(events.c.geonameid, *shown, _EVENTS, _DEATHS)
            .where(*where, events.c.latitude.is_not(None), events.c.longitude.is_not(None))
            .group_by(events.c.geonameid, case((unnamed, events.c.latitude)), case((unnamed, events.c.longitude)))
            .order_by(_EVENTS.desc(), _DEATHS.desc(), "location", "latitude", "longitude"))


def in_utc(moment: datetime) -> datetime:
    """A stored time in UTC; SQLite gives back the UTC time it was stored with, without its zone."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


class _Writer:
    """Stores one article inside an open transaction: copy check, records, merges, revisions."""

    def __init__(self, connection: Connection, article: Article) -> None:
        self.connection = connection
        self.article = article
        self.rules = load_rules()
        self.now = _now()

    def write(self, records: list[dict]) -> StoredArticle:
        article, connection = self.article, self.connection
        digest = content_hash(article.text)
        if connection.execute(select(articles.c.id).where(articles.c.content_hash == digest)).first():
            return StoredArticle(article.id, stored=False)
        shingle_set = shingles(article.text, self.rules.shingle_words)
        bands = band_hashes(shingle_set)
        original, share = self._original(shingle_set, bands)
        self.pk = connection.execute(insert(articles).values(
            article_id=article.id, content_hash=digest, outlet=article.source, url=article.url,
            title=article.title, published=article.published, text=article.text,
            duplicate_of=original[0] if original else None, duplicate_overlap=share,
            ingested_at=self.now)).inserted_primary_key[0]
        if bands:
            connection.execute(insert(article_bands), [{"article_pk": self.pk, "band": i, "hash": h}
                                                       for i, h in enumerate(bands)])
        self.copy_of = original
        self.share = share
        self.family = self._family_events(original[0]) if original else set()
        taken: set[int] = set()
        new = merged = 0
        for rank, record in enumerate(records):
            event_pk, was_merged = self._place(record, rank, taken)
            taken.add(event_pk)
            merged += was_merged
            new += not was_merged
        return StoredArticle(article.id, True, original[1] if original else None, new, merged)

    def _original(self, shingle_set: set[int], bands: list[int]) -> tuple[tuple[int, str] | None, float | None]:
        """The earlier article this one copies ((pk, article id) of the first of its family), if any."""
        if not bands:
            return None, None
        hits = or_(*(and_(article_bands.c.band == i, article_bands.c.hash == h) for i, h in enumerate(bands)))
        candidates = self.connection.execute(
            select(article_bands.c.article_pk).where(hits).group_by(article_bands.c.article_pk)
            .order_by(func.count().desc()).limit(MAX_DUPLICATE_CANDIDATES)).scalars().all()
        best, best_share = None, 0.0
        for pk in candidates:
            row = self.connection.execute(select(articles.c.id, articles.c.article_id, articles.c.text,
                                                 articles.c.duplicate_of).where(articles.c.id == pk)).one()
            share = overlap(shingle_set, shingles(row.text, self.rules.shingle_words))
            if share >= self.rules.near_duplicate_overlap and share > best_share:
                root = row.duplicate_of or row.id
                root_id = row.article_id if row.duplicate_of is None else self.connection.execute(
                    select(articles.c.article_id).where(articles.c.id == root)).scalar()
                best, best_share = (root, root_id), share
        return best, (round(best_share, 3) if best else None)

    def _family_events(self, root: int) -> set[int]:
        """Events that the original article or its other copies reported."""
        family = select(articles.c.id).where(or_(articles.c.id == root, articles.c.duplicate_of == root))
        return set(self.connection.execute(
            select(sources.c.event_pk).where(sources.c.article_pk.in_(family))).scalars())

    def _candidates(self, record: dict, taken: set[int]) -> list[tuple[int, Decision, bool]]:
        """Events this record may join: (event pk, decision, from the copied article)."""
        found: dict[int, dict] = {}
        day = record["event_date"]
        if day and record["latitude"] is not None:
            day = date.fromisoformat(day)
            window = max_window_days()
            query = select(events).where(
                events.c.sub_event_type.in_(compatible_event_types(record["sub_event_type"])),
                events.c.event_date.between(day - timedelta(days=window), day + timedelta(days=window)),
                _near(record))
            found = {row.id: dict(row._mapping) for row in self.connection.execute(query)}
        missing = self.family - found.keys()
        if missing:
            found |= {row.id: dict(row._mapping) for row in self.connection.execute(
                select(events).where(events.c.id.in_(missing)))}
        decisions = []
        for pk, row in found.items():
            if pk in taken:
                continue
            decision = compare(record, row)
            in_family = pk in self.family
            if not decision.same and in_family and _same_record(record, row):
                decision = Decision(True, "The same type, date, place and actors as the copied article's record.", -1.0)
            if decision.same:
                decisions.append((pk, decision, in_family))
        return sorted(decisions, key=lambda d: (not d[2], d[1].score))

    def _place(self, record: dict, rank: int, taken: set[int]) -> tuple[int, bool]:
        """Adds the record to its best matching event, or starts a new one; returns (event pk, merged)."""
        connection = self.connection
        candidates = self._candidates(record, taken)
        independent = self.copy_of is None
        if candidates:
            event_pk, decision, in_family = candidates[0]
            source_pk = self._add_source(event_pk, record, rank, independent)
            kind, reason = "same-event", decision.reason
            if in_family:
                kind = "near-duplicate"
                reason = (f"Article {self.article.id} is a near-duplicate copy of {self.copy_of[1]} "
                          f"({self.share:.0%} of its 5-word phrases shared), not an independent source. {reason}")
            connection.execute(insert(merges).values(event_pk=event_pk, source_pk=source_pk, kind=kind,
                                                     reason=reason, created_at=self.now))
            self._refresh(event_pk, source_pk)
            return event_pk, True
        event_id = record["event_id"]
        if connection.execute(select(events.c.id).where(events.c.event_id == event_id)).first():
            event_id = f"{event_id}-{self.pk}"
        values = _event_values(merged_fields([SourceReport(record, self.article.published, True)]))
        event_pk = connection.execute(insert(events).values(
            event_id=event_id, **values, source_count=1 if independent else 0,
            created_at=self.now, updated_at=self.now)).inserted_primary_key[0]
        self._add_source(event_pk, record, rank, independent)
        return event_pk, False

    def _add_source(self, event_pk: int, record: dict, rank: int, independent: bool) -> int:
        source_pk = self.connection.execute(insert(sources).values(
            event_pk=event_pk, article_pk=self.pk, record_id=record["event_id"], rank=rank,
            independent=independent, record=json.dumps(record, ensure_ascii=False))).inserted_primary_key[0]
        spans = [{"source_pk": source_pk, "article_pk": self.pk, "text": e["text"], "start": e["start"],
                  "end": e["end"]} for e in record.get("evidence") or []]
        if spans:
            self.connection.execute(insert(evidence), spans)
        return source_pk

    def _refresh(self, event_pk: int, source_pk: int) -> None:
        """Recomputes the event from all its reports; each changed field becomes a revision."""
        connection = self.connection
        rows = connection.execute(
            select(sources.c.record, sources.c.independent, sources.c.article_pk, articles.c.published)
            .join(articles, sources.c.article_pk == articles.c.id)
            .where(sources.c.event_pk == event_pk).order_by(sources.c.id)).all()
        reports = [SourceReport(json.loads(r.record), r.published, r.independent) for r in rows]
        values = _event_values(merged_fields(reports))
        values["source_count"] = len({r.article_pk for r in rows if r.independent})
        current = connection.execute(select(events).where(events.c.id == event_pk)).one()._mapping
        changes = [{"event_pk": event_pk, "source_pk": source_pk, "field": name,
                    "old_value": _revision_value(name, current[name]), "new_value": _revision_value(name, values[name]),
                    "created_at": self.now}
                   for name in REVISED_FIELDS if _comparable(current[name]) != _comparable(values[name])]
        if changes:
            connection.execute(insert(revisions), changes)
        connection.execute(update(events).where(events.c.id == event_pk).values(**values, updated_at=self.now))


def _revision_value(name: str, value: Any) -> str:
    """A field's value as JSON text; ``sources`` is stored as JSON already."""
    return value if name == "sources" else json.dumps(_comparable(value), ensure_ascii=False)


def _same_record(record: dict, row: dict) -> bool:
    """A copy's record that says what the original's said, even with no date or place to compare."""
    day = row["event_date"].isoformat() if row["event_date"] else None
    return (record["sub_event_type"] == row["sub_event_type"] and record["event_date"] == day
            and record["location"] == row["location"] and record["actor1"] == row["actor1"]
            and record["actor2"] == row["actor2"])


def _near(record: dict):
    """Where an event joinable with the record may lie: within the merge rules' widest distance,
    or in the record's own province, whose capital may stand at its far edge."""
    near = and_(*box(record["latitude"], record["longitude"], max_distance_km()))
    if not record.get("admin1"):
        return near
    return or_(near, and_(events.c.country_code == record["country_code"], events.c.admin1 == record["admin1"]))
