"""The places of imported GeoNames dumps: an index in a SQLite file, beside the one in memory.

allCountries.zip holds about five million populated places and divisions, with their alternate
names: too many for the marshal index (:mod:`eventcoder.gazetteer.build`), which is loaded
whole at every start. They are compiled into a SQLite file of the cache instead and looked up
key by key: a ``places`` table by geonameid, and ``exact`` and ``loose`` tables of (key, place)
pairs, sorted WITHOUT ROWID tables, so that one look-up reads a few pages and the process holds
none of the rest. Dump rows whose place the in-memory index holds are not in it (the build
gives their names to that record), nor first-level divisions (the build makes those).
"""
from __future__ import annotations

import os
import sqlite3
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
"""
#: Each tier is filled in key order after every row is in, which is much faster than keeping
#: its B-tree in order row by row; the pairs then live only in the tier (no rowid, no copy).
_TIERS = """
CREATE TABLE exact (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
INSERT OR IGNORE INTO exact SELECT key, place FROM staging.exact ORDER BY key, place;
CREATE TABLE loose (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
INSERT OR IGNORE INTO loose SELECT key, place FROM staging.loose ORDER BY key, place;
CREATE TABLE counts AS SELECT count(*) AS places FROM places;
"""
#: The most places one key brings back from the file, divisions and the most populous first:
#: a name that hundreds of the dump's villages bear is told apart only by what the article says,
#: and the resolver weighs every reading it is given against every other's (measured on the
#: speed corpus with a 13 M-line dump: 46 s uncapped, 32 s with 40 or with 10; 25.6 s without it).
MAX_PLACES_PER_KEY = 40
_FIND = ("SELECT places.* FROM {tier} JOIN places ON places.geonameid = {tier}.place WHERE {tier}.key = ? "
         f"ORDER BY places.fclass = 'A' DESC, places.population DESC LIMIT {MAX_PLACES_PER_KEY}")
_FIND_EXACT, _FIND_LOOSE = _FIND.format(tier="exact"), _FIND.format(tier="loose")


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


class DumpIndex:
    """Look-ups in a compiled dump index; each gives rows of (geonameid, name, latitude,
    longitude, country code, admin1 code, feature class, feature code, population, and the
    name's key, computed once at the build rather than at every look-up)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._size: int | None = None
        self._absent: dict[str, set[str]] = {_FIND_EXACT: set(), _FIND_LOOSE: set()}

    def __len__(self) -> int:
        if self._size is None:
            self._size = self._db().execute("SELECT places FROM counts").fetchone()[0]
        return self._size

    def exact(self, key: str) -> list[tuple]:
        """The places one of whose names has this :func:`~eventcoder.gazetteer.names.name_key`."""
        return self._rows(_FIND_EXACT, key)

    def loose(self, skeleton: str) -> list[tuple]:
        """The places one of whose names has this skeleton key."""
        return self._rows(_FIND_LOOSE, skeleton)

    def place(self, geonameid: int) -> tuple | None:
        return self._db().execute("SELECT * FROM places WHERE geonameid = ?", (geonameid,)).fetchone()

    def _rows(self, query: str, key: str) -> list[tuple]:
        absent = self._absent[query]
        if key in absent:
            return []
        rows = self._db().execute(query, (key,)).fetchall()
        if not rows:
            if len(absent) >= ABSENT_KEYS:
                absent.clear()
            absent.add(key)
        return rows

    def _db(self) -> sqlite3.Connection:
        """This process's read-only connection: one opened before a fork is not used after it."""
        if self._pid != os.getpid():
            self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection
