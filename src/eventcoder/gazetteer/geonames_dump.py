"""Importing GeoNames' own dump files, for places that cities500 lacks.

Reads ``allCountries.zip``, a country file such as ``SO.zip`` or its extracted ``.txt`` (the
19-column tab-separated "geoname" table), and ``admin1CodesASCII.txt`` /
``admin2Codes.txt``. A geoname table is streamed line by line into a SQLite file in the cache's
``imports/`` folder (its populated places and administrative areas only: 13 million lines
never sit in memory), a codes file into a small marshal file; then the index is to be rebuilt
(:func:`eventcoder.gazetteer.build.build_index`), so the places are found from then on. Every
file is read into a temporary file first, so one that cannot be read leaves the imports as
they were.
"""
from __future__ import annotations

import io
import marshal
import sqlite3
import zipfile
from contextlib import closing, contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from eventcoder.errors import Errors, GeoNamesFormatError
from eventcoder.gazetteer.names import usable_alternate

#: Wraps the items of a long loop with what it does, to show its progress (the command line's
#: bar on a terminal).
Progress = Callable[[Iterable, str], Iterable]

#: Feature classes kept from a geoname table: populated places and administrative areas.
KEPT_CLASSES = {"P", "A"}
#: Rows written to SQLite at a time.
BATCH_ROWS = 20_000
_ADMIN_CODES = {"admin1codesascii.txt": "admin1", "admin2codes.txt": "admin2"}
#: How an imported geoname table is stored in ``imports/`` (``SO_zip.sqlite``).
DUMP_SUFFIX = ".sqlite"
_STORE_TABLE = ("CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, asciiname TEXT, "
                "alternates TEXT, lat REAL, lon REAL, fclass TEXT, fcode TEXT, cc TEXT, admin1 TEXT, "
                "population INTEGER)")


class DumpRow(NamedTuple):
    """The columns of a geoname table the index uses, as an imported dump keeps them."""

    geonameid: int
    name: str
    asciiname: str
    alternates: str  # comma-separated, as in the dump
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    admin1: str
    population: int

    def other_names(self) -> list[str]:
        """The ASCII name and alternate names that may name the place in English news."""
        return [n for n in (self.asciiname, *self.alternates.split(",")) if usable_alternate(n)]


def quietly(items: Iterable, what: str) -> Iterable:
    """No progress shown: the library prints nothing unless asked."""
    return items


def store_dumps(paths, folder: Path, progress: Progress = quietly) -> dict:
    """Stores dump files in the imports ``folder`` (the index is then to be rebuilt); returns
    counts per file and in all."""
    summary: dict = {"files": [], "places": 0, "admin1": 0, "admin2": 0}
    folder.mkdir(parents=True, exist_ok=True)
    targets = []
    try:
        for path in map(Path, paths):
            suffix = ".marshal" if path.name.lower() in _ADMIN_CODES else DUMP_SUFFIX
            targets.append(folder / (path.name.replace(".", "_") + suffix))
            summary["files"].append({"path": str(path), **_read_dump(path, _temporary(targets[-1]), progress)})
    except BaseException:
        for target in targets:
            _temporary(target).unlink(missing_ok=True)
        raise
    for target in targets:
        _temporary(target).replace(target)
    for entry in summary["files"]:
        for kind in ("places", "admin1", "admin2"):
            summary[kind] += entry[kind]
    return summary


def stored_counts(path: Path) -> dict[str, int]:
    """How many places, first- and second-level codes an imported dump file holds."""
    counts = dict.fromkeys(("places", "admin1", "admin2"), 0)
    if path.name.endswith(".marshal"):
        counts.update({kind: len(codes) for kind, codes in marshal.loads(path.read_bytes()).items()})
    else:
        with closing(open_store(path)) as store:
            counts["places"] = store.execute("SELECT count(*) FROM places").fetchone()[0]
    return counts


def open_store(path: Path) -> sqlite3.Connection:
    """A read-only connection to an imported geoname table (see :func:`stored_rows`)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def stored_rows(store: sqlite3.Connection, where: str = "1", parameters=()):
    """The rows of an imported geoname table, as :class:`DumpRow`, in the order of their ids."""
    cursor = store.execute(f"SELECT * FROM places WHERE {where} ORDER BY geonameid", parameters)
    return map(DumpRow._make, cursor)


def _temporary(target: Path) -> Path:
    return target.with_name(target.name + ".tmp")


def _read_dump(path: Path, target: Path, progress: Progress) -> dict[str, int]:
    """Writes the file's content to ``target``; returns its counts (see :func:`stored_counts`)."""
    counts = dict.fromkeys(("places", "admin1", "admin2"), 0)
    kind = _ADMIN_CODES.get(path.name.lower())
    if kind:
        codes = _read_admin_codes(path.read_text("utf-8").splitlines(), path)
        target.write_bytes(marshal.dumps({kind: codes}))
        return counts | {kind: len(codes)}
    with _lines(path) as lines, _new_store(target) as store:
        rows = _read_geonames(progress(lines, f"reading {path.name}"), path)
        while batch := list(islice(rows, BATCH_ROWS)):
            counts["places"] += store.executemany(
                "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", batch).rowcount
    return counts


@contextmanager
def _lines(path: Path):
    """The lines of a geoname table, from the archive's ``.txt`` member or the file itself."""
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8") as lines:
            yield lines
        return
    with zipfile.ZipFile(path) as archive:
        members = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise GeoNamesFormatError(Errors.E051.format(path=path))
        with archive.open(members[0]) as handle:
            yield io.TextIOWrapper(handle, encoding="utf-8")


@contextmanager
def _new_store(path: Path):
    """A new SQLite file for a dump's rows, written without a journal: it is a temporary file
    until the whole dump is read, and removed if the reading fails."""
    path.unlink(missing_ok=True)
    store = sqlite3.connect(path)
    try:
        store.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _STORE_TABLE)
        yield store
        store.commit()
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    store.close()


def _read_geonames(lines, path: Path):
    """Rows of the populated places and administrative areas, as :class:`DumpRow` columns."""
    for number, line in enumerate(lines, 1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 19:
            raise GeoNamesFormatError(Errors.E052.format(path=path, line=number, count=len(fields)))
        if fields[6] in KEPT_CLASSES:
            yield (int(fields[0]), fields[1], fields[2], fields[3], float(fields[4]), float(fields[5]),
                   fields[6], fields[7], fields[8], fields[10], int(fields[14] or 0))


def _read_admin_codes(lines: list[str], path: Path) -> dict[str, tuple]:
    """``{"SO.03": (name, asciiname, geonameid)}`` from an admin1/admin2 codes file."""
    codes = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise GeoNamesFormatError(Errors.E053.format(path=path, line=number))
        codes[fields[0]] = (fields[1], fields[2], int(fields[3]))
    return codes
