"""The places of imported GeoNames dumps: an index in a SQLite file, beside the one in memory.

allCountries.zip holds about five million populated places and divisions, with their alternate
names: too many for the marshal index (:mod:`eventcoder.gazetteer.build`), which is loaded
whole at every start. They are compiled into a SQLite file of the cache instead and looked up
key by key: a ``places`` table by geonameid, and ``exact`` and ``loose`` tables of (key, rank,
place), sorted WITHOUT ROWID tables holding each key's best places already ranked, so that one
look-up reads a few pages and the process holds none of the rest. Most names an article's spans
make are in no tier, and each tier's keys are also kept as a sorted array of their hashes, which
the first look-up loads and every look-up checks before asking SQLite. Dump rows whose place the
in-memory index holds are not in it (the build gives their names to that record), nor
first-level divisions (the build makes those).
"""
from __future__ import annotations

import os
import sqlite3
import zlib
from array import array
from bisect import bisect_left
from contextlib import closing
from itertools import islice
from pathlib import Path

from eventcoder.gazetteer.geonames_dump import BATCH_ROWS, Progress, open_store, stored_rows
from eventcoder.gazetteer.names import name_key, tier_keys

#: ``Place.index`` of the file's places: this plus their geonameid, past any in-memory position.
DUMP_POSITIONS = 1 << 32
#: Keys remembered as absent from a tier (then forgotten all at once): an article's every
#: capitalised span is looked up, most of them in vain, and the same spans recur from article
#: to article. The keys found are remembered with their places by the gazetteer.
ABSENT_KEYS = 1 << 17
#: The dump rows the file leaves to the in-memory index's divisions.
FIRST_LEVEL = "fclass = 'A' AND fcode = 'ADM1'"
#: Written without a journal or waiting for the disk: the file is renamed into place only
#: once it is whole. The sort that fills each tier runs in this much page cache (KiB).
_FAST_WRITES = """
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF;
"""
_TABLES = """
CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
                     admin1 TEXT, fclass TEXT, fcode TEXT, population INTEGER, key TEXT);
CREATE TABLE staging.exact (key TEXT, place INTEGER);
CREATE TABLE staging.loose (key TEXT, place INTEGER);
CREATE TABLE key_hashes (tier TEXT PRIMARY KEY, hashes BLOB);
"""
#: The most places one key brings back from the file, divisions and the most populous first
#: (then by id): a name that hundreds of the dump's villages bear is told apart only by what the
#: article says, and the resolver weighs every reading it is given against every other's
#: (measured on the speed corpus with a 13 M-line dump: 46 s uncapped, 32 s with 40 or with 10;
#: 25.6 s without it). The build ranks each key's places once and keeps only these.
MAX_PLACES_PER_KEY = 40
#: Each tier is filled in key order after every row is in, which is much faster than keeping
#: its B-tree in order row by row; the pairs then live only in the tier (no rowid, no copy).
_TIER = """
CREATE TABLE {tier} (key TEXT, rank INTEGER, place INTEGER, PRIMARY KEY (key, rank)) WITHOUT ROWID;
INSERT INTO {tier} SELECT key, rank, place FROM (
    SELECT pair.key, pair.place, row_number() OVER (
        PARTITION BY pair.key ORDER BY places.fclass = 'A' DESC, places.population DESC, pair.place) - 1 AS rank
    FROM (SELECT DISTINCT key, place FROM staging.{tier}) AS pair JOIN places ON places.geonameid = pair.place)
WHERE rank < {most} ORDER BY key, rank;
"""
_TIERS = (_TIER.format(tier="exact", most=MAX_PLACES_PER_KEY) + _TIER.format(tier="loose", most=MAX_PLACES_PER_KEY)
          + "CREATE TABLE counts AS SELECT count(*) AS places FROM places;")
_FIND = {tier: f"SELECT places.* FROM {tier} JOIN places ON places.geonameid = {tier}.place WHERE {tier}.key = ? "
                "ORDER BY rank" for tier in ("exact", "loose")}


def compile_dump_index(stores: list[Path], path: Path, left_out: set[int], progress: Progress) -> None:
    """Writes the index of the places of imported geoname tables to ``path``, but for the ids
    in ``left_out`` (those of the in-memory index); where two tables hold one id, the first's
    record is kept and both tables' names reach it."""
    building, staging = (path.with_name(f"{path.name}.{part}") for part in ("tmp", "staging"))
    for part in (building, staging):
        part.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(building)) as index:
            index.execute("ATTACH DATABASE ? AS staging", (str(staging),))
            index.executescript(_FAST_WRITES + _TABLES)
            for store_path in stores:
                with closing(open_store(store_path)) as store:
                    rows = progress(stored_rows(store, f"NOT ({FIRST_LEVEL})"), f"indexing {store_path.stem}")
                    while batch := list(islice(rows, BATCH_ROWS)):
                        _insert(index, [row for row in batch if row.geonameid not in left_out])
            index.executescript(_TIERS)
            for tier in ("exact", "loose"):
                index.execute("INSERT INTO key_hashes VALUES (?, ?)", (tier, _tier_hashes(index, tier).tobytes()))
            index.commit()
            index.execute("DETACH DATABASE staging")
    except BaseException:
        building.unlink(missing_ok=True)
        raise
    finally:
        staging.unlink(missing_ok=True)
    building.replace(path)


def _insert(index: sqlite3.Connection, rows: list) -> None:
    exact, loose = [], []
    for row in rows:
        keys, skeletons = tier_keys((row.name, *row.other_names()))
        exact += [(key, row.geonameid) for key in keys]
        loose += [(skeleton, row.geonameid) for skeleton in skeletons]
    index.executemany("INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [(r.geonameid, r.name, r.lat, r.lon, r.cc, r.admin1, r.fclass, r.fcode, r.population,
                        name_key(r.name)) for r in rows])
    index.executemany("INSERT INTO staging.exact VALUES (?, ?)", exact)
    index.executemany("INSERT INTO staging.loose VALUES (?, ?)", loose)


def key_hash(key: str) -> int:
    """A key's hash as the index keeps it: the same in every process and on every run."""
    return zlib.crc32(key.encode())


def _tier_hashes(index: sqlite3.Connection, tier: str) -> array:
    """The sorted, distinct hashes of a tier's keys (sorted by SQLite, in its own memory)."""
    index.create_function("key_hash", 1, key_hash, deterministic=True)
    return array("I", (value for (value,) in index.execute(f"SELECT DISTINCT key_hash(key) FROM {tier} ORDER BY 1")))


class DumpIndex:
    """Look-ups in a compiled dump index; each gives rows of (geonameid, name, latitude,
    longitude, country code, admin1 code, feature class, feature code, population, and the
    name's key, computed once at the build rather than at every look-up)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._size: int | None = None
        self._hashes: dict[str, memoryview] = {}
        self._absent: dict[str, set[str]] = {"exact": set(), "loose": set()}

    def __len__(self) -> int:
        if self._size is None:
            self._size = self._db().execute("SELECT places FROM counts").fetchone()[0]
        return self._size

    def exact(self, key: str) -> list[tuple]:
        """The places one of whose names has this :func:`~eventcoder.gazetteer.names.name_key`."""
        return self._rows("exact", key)

    def loose(self, skeleton: str) -> list[tuple]:
        """The places one of whose names has this skeleton key."""
        return self._rows("loose", skeleton)

    def place(self, geonameid: int) -> tuple | None:
        return self._db().execute("SELECT * FROM places WHERE geonameid = ?", (geonameid,)).fetchone()

    def _rows(self, tier: str, key: str) -> list[tuple]:
        absent = self._absent[tier]
        if key in absent:
            return []
        rows = self._db().execute(_FIND[tier], (key,)).fetchall() if self._may_hold(tier, key) else []
        if not rows:
            if len(absent) >= ABSENT_KEYS:
                absent.clear()
            absent.add(key)
        return rows

    def _may_hold(self, tier: str, key: str) -> bool:
        """False when no key of the tier has this key's hash: a look-up in SQLite of a key it
        lacks costs tens of microseconds in a file of the whole dump, this a few (a hash shared
        with another key, one in a thousand or so, only costs the look-up)."""
        hashes = self._hashes.get(tier)
        if hashes is None:  # read in place, not copied: tens of MB for the whole dump
            blob = self._db().execute("SELECT hashes FROM key_hashes WHERE tier = ?", (tier,)).fetchone()[0]
            hashes = self._hashes[tier] = memoryview(blob).cast("I")
        value = key_hash(key)
        position = bisect_left(hashes, value)
        return position < len(hashes) and hashes[position] == value

    def _db(self) -> sqlite3.Connection:
        """This process's read-only connection: one opened before a fork is not used after it."""
        if self._pid != os.getpid():
            self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection
