"""The database tables and their versioned migrations.

``schema_version`` holds one row per applied migration. :data:`MIGRATIONS` lists migration
functions in order; :func:`migrate` applies those a database lacks, each in its own transaction
with its version row, so an interrupted upgrade leaves the database at the last whole version.
Each of those transactions first takes a lock (SQLite's write lock, a PostgreSQL advisory lock)
and then reads the version, so processes opening one new database at once apply each step once.
The tables below are the latest schema and version 1 creates them whole, so a later step must
be a no-op where its change already exists (``checkfirst``, ``IF NOT EXISTS``): it then brings
an old database to the same schema a new one gets.

Tables:

- ``articles``: one row per stored article, unique by ``content_hash`` (SHA-256 of its text),
  with ``duplicate_of`` set when it is a near-duplicate copy of an earlier article;
  ``article_bands`` holds its MinHash band hashes to find copies by index.
- ``events``: one row per real event (merged across articles), ``event_id`` stable forever; its
  columns are the record's fields (:mod:`eventcoder.event_record`), typed from it.
- ``sources``: one row per article's record of an event (the record as JSON), ``independent``
  false for a copy's.
- ``evidence``: the sentences of each source, with offsets into the article text.
- ``merges``: each source joined to an existing event, with the plain-language reason.
- ``revisions``: each change to an event's fields, old and new value, and the source that made it.
- ``watch_sources``: each source ``eventcoder watch`` follows (a feed, a sitemap, a folder), with
  what a conditional request needs (``etag``, ``last_modified``), its last pass and its failures.
- ``watch_items``: each item a source listed, unique by ``item_key`` (SHA-256 of the normalised
  URL, or of a file's path and content hash), claimed by one watcher before it is fetched; its
  status, tries, last error and the article it became.
- ``watch_log``: each failure of a pass (a source or an item), as ``watch --status`` lists them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from sqlalchemy import (Boolean, Column, Connection, Date, DateTime, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, BigInteger, insert, inspect, select, func, text)

from eventcoder.event_record import EventRecord, field_types

metadata = MetaData()

#: The record's fields the events table keeps, in the column order databases already have (the
#: article id and victims stay in each source's record, evidence has its own table).
EVENT_FIELDS = (
    "event_id", "event_date", "time_precision", "date_text", "event_type", "sub_event_type", "plover_event",
    "plover_mode", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "civilian_targeting",
    "location", "admin1", "country", "country_code", "latitude", "longitude", "geonameid", "geo_precision",
    "location_text", "fatalities", "killed_min", "killed_max", "injured_min", "injured_max", "certainty", "status",
    "sources", "notes", "geo_source",
)
#: Lengths of the bounded text columns; other text fields are TEXT.
TEXT_LENGTHS = {
    "event_id": 64, "event_type": 64, "sub_event_type": 64, "plover_event": 32, "plover_mode": 32,
    "actor1": 256, "actor2": 256, "assoc_actor_1": 256, "assoc_actor_2": 256, "inter1": 64, "inter2": 64,
    "location": 256, "admin1": 256, "country": 128, "country_code": 2, "certainty": 16, "status": 16,
    "geo_source": 64,
}
#: Columns every event must fill, with the value an insert without them gets (None: no default).
REQUIRED_COLUMNS = {"event_id": None, "event_type": None, "sub_event_type": None, "civilian_targeting": False,
                    "fatalities": 0}
SQL_TYPES = {int: Integer, float: Float, bool: Boolean}
RECORD_TYPES = field_types(EventRecord)


def _record_column(name: str) -> Column:
    """A record field's column, its type the record's: ``event_date`` a date, to filter and sort
    by; ``sources``, a list, JSON text."""
    kind = RECORD_TYPES[name]
    if name == "event_date":
        sql_type = Date
    elif kind is str:
        sql_type = String(TEXT_LENGTHS[name]) if name in TEXT_LENGTHS else Text
    else:
        sql_type = SQL_TYPES.get(kind, Text)
    return Column(name, sql_type, nullable=name not in REQUIRED_COLUMNS, default=REQUIRED_COLUMNS.get(name),
                  unique=name == "event_id")


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", String(512), nullable=False, index=True),  # the input's id
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("outlet", String(512)),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("duplicate_of", Integer, ForeignKey("articles.id")),
    Column("duplicate_overlap", Float),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

article_bands = Table(
    "article_bands", metadata,
    Column("article_pk", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Index("ix_article_bands_band_hash", "band", "hash"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    *(_record_column(name) for name in EVENT_FIELDS),
    Column("source_count", Integer, nullable=False, default=1),  # independent articles
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_events_type_date", "event_type", "event_date"),
    Index("ix_events_date", "event_date"),
    Index("ix_events_country", "country_code"),
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("article_pk", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("record_id", String(64), nullable=False),  # the record's own event_id
    Column("rank", Integer, nullable=False),  # 0 for the article's main event
    Column("independent", Boolean, nullable=False),
    Column("record", Text, nullable=False),  # the whole record as JSON
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_pk", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("article_pk", Integer, ForeignKey("articles.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

merges = Table(
    "merges", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("source_pk", Integer, ForeignKey("sources.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # "same-event" or "near-duplicate"
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

revisions = Table(
    "revisions", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("source_pk", Integer, ForeignKey("sources.id"), nullable=False),
    Column("field", String(64), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

watch_sources = Table(
    "watch_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),  # a URL, or a folder's absolute path
    Column("kind", String(16)),  # feed, sitemap or folder: known once read
    Column("title", Text),  # the feed's own title, the outlet of its items
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_pass", DateTime(timezone=True)),
    Column("last_result", Text),  # what the last pass found, or why it failed
    Column("failures", Integer, nullable=False, default=0),  # passes failed in a row
)

watch_items = Table(
    "watch_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_key", String(64), nullable=False, unique=True),
    Column("source_pk", Integer, ForeignKey("watch_sources.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),  # normalised URL, or the file's path
    Column("title", Text),
    Column("published", Text),  # as the feed or sitemap wrote it, read as ingest reads dates
    Column("status", String(16), nullable=False),  # claimed, stored, duplicate, failed, given-up, disallowed
    Column("claimed_by", String(256)),  # host:pid:token of the watcher holding the claim
    Column("claimed_at", DateTime(timezone=True)),
    Column("tries", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("article_id", String(512)),  # the stored article (or the one it duplicates)
    Column("content_hash", String(64)),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_watch_items_status", "source_pk", "status"),
)

watch_log = Table(
    "watch_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("source_pk", Integer, ForeignKey("watch_sources.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("message", Text, nullable=False),
)

WATCH_TABLES = (watch_sources, watch_items, watch_log)

#: Finds the event an extracted record went to (``events --explain`` takes a record's id too).
sources_record_id = Index("ix_sources_record_id", sources.c.record_id)

VERSION_1_TABLES = (articles, article_bands, events, sources, evidence, merges, revisions)


def _create_version_1(connection: Connection) -> None:
    metadata.create_all(connection, tables=list(VERSION_1_TABLES))


def _index_record_ids(connection: Connection) -> None:
    sources_record_id.create(connection, checkfirst=True)


def _add_geo_source(connection: Connection) -> None:
    """The events' ``geo_source``; events stored before it leave it null (not recorded)."""
    if "geo_source" in {column["name"] for column in inspect(connection).get_columns("events")}:
        return
    sql_type = events.c.geo_source.type.compile(dialect=connection.dialect)
    connection.execute(text(f"ALTER TABLE events ADD COLUMN geo_source {sql_type}"))


def _add_watch_tables(connection: Connection) -> None:
    """What ``eventcoder watch`` keeps: sources, items seen, and its log."""
    metadata.create_all(connection, tables=list(WATCH_TABLES))


#: (version, migration) in the order they apply.
MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _create_version_1),
    (2, _index_record_ids),
    (3, _add_geo_source),
    (4, _add_watch_tables),
]
LATEST_VERSION = MIGRATIONS[-1][0]
#: The PostgreSQL advisory lock that migrating processes take in turn (any fixed 64-bit number).
MIGRATION_LOCK_KEY = 0x6576656E74636F64  # "eventcod"


def current_version(connection: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not inspect(connection).has_table("schema_version"):
        return 0
    return connection.execute(select(func.max(schema_version.c.version))).scalar() or 0


def migrate(engine, create: bool = True) -> int:
    """Applies the migrations a database lacks, one locked transaction each; returns the version reached.

    An up-to-date database is only read, so opening it needs no write access and waits for no one.
    With ``create`` False an empty database is left empty, at version 0.
    """
    with engine.connect() as connection:
        version = current_version(connection)
    if version == 0 and not create:
        return 0
    for number, step in MIGRATIONS:
        if number <= version:
            continue
        with _migration_lock(engine) as connection:
            schema_version.create(connection, checkfirst=True)
            version = current_version(connection)  # another process may have applied it meanwhile
            if number <= version:
                continue
            step(connection)
            connection.execute(insert(schema_version).values(version=number, applied_at=datetime.now(timezone.utc)))
            version = number
    return version


@contextmanager
def _migration_lock(engine) -> Iterator[Connection]:
    """A transaction that holds the lock only one migrating process at a time can take.

    SQLite: ``BEGIN IMMEDIATE`` takes the write lock before the version is read (the driver would
    begin only at the first write, after another process had read the same version).
    PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        yield connection
        connection.commit()
