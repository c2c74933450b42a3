"""The places imported beside the packaged ones: importing, listing and removing them.

``gazetteer import`` takes GeoNames dump files (:mod:`eventcoder.gazetteer.geonames_dump`) and
analysts' own coded data, ACLED exports and UCDP GED files
(:mod:`eventcoder.gazetteer.coded_places`), told apart by their header. A coded file becomes a
source under a name (``--name``, by default the file's stem) kept in the cache's ``imports/``
folder, and its places carry that name as their ``geo_source``. Importing under a name already
present replaces that source; the same file again changes nothing and rebuilds nothing. Every
file is read before anything is written, so one that cannot be read leaves the index as it was.
"""
from __future__ import annotations

import marshal
import re
from pathlib import Path

from eventcoder.article import GEONAMES
from eventcoder.errors import Errors, PlaceSourceError, UsageError
from eventcoder.gazetteer import load_gazetteer
from eventcoder.gazetteer.build import (SOURCE_SUFFIX, build_index, dump_files, imports_dir, index_path,
                                        source_files)
from eventcoder.gazetteer.coded_places import coded_format, read_coded, unknown_csv_error
from eventcoder.gazetteer.geonames_dump import Progress, quietly, store_dumps, stored_counts

__all__ = ["import_files", "list_sources", "remove_source"]

SOURCE_NAME = re.compile(r"^[\w.-]{1,64}$")
_NOT_IN_NAMES = re.compile(r"[^\w.-]+")
#: Files read as GeoNames' own: archives and the codes tables, whose first line is no header.
_GEONAMES_ONLY = re.compile(r"\.zip$|^admin[12]codes", re.IGNORECASE)


def import_files(paths, name: str | None = None, progress: Progress = quietly) -> dict:
    """Imports the files, rebuilding the index when anything changed; returns what each gave:
    ``sources``, one summary per coded file, and ``dumps``, the GeoNames dumps' (or None);
    ``progress`` wraps the long loops of reading and indexing a dump."""
    paths = [Path(p) for p in paths]
    coded, dumps = [], []
    for path in paths:
        kind = None if _GEONAMES_ONLY.search(path.name) else coded_format(path)
        if kind:
            source = name if name is not None else _NOT_IN_NAMES.sub("_", path.stem)[:64]
            _check_name(source)
            coded.append(read_coded(path, kind, source))
        elif path.suffix.lower() == ".csv":
            raise unknown_csv_error(path)
        else:
            dumps.append(path)
    if name is not None and (len(paths) != 1 or not coded):
        raise UsageError(Errors.E065)
    changed = [content["name"] for content in coded if _stored(content["name"]) != content]
    imports_dir().mkdir(parents=True, exist_ok=True)
    for content in coded:
        if content["name"] in changed:
            target = _source_path(content["name"])
            target.with_suffix(".tmp").write_bytes(marshal.dumps(content))
            target.with_suffix(".tmp").replace(target)
    dumped = store_dumps(dumps, imports_dir(), progress) if dumps else None
    if dumps or changed or not index_path().exists():
        build_index(progress)
        load_gazetteer.cache_clear()
    counts = load_gazetteer().source_counts
    if dumped:
        dumped["index_size"] = len(load_gazetteer())
    return {"sources": [_summary(content) | counts[content["name"]] | {"changed": content["name"] in changed}
                        for content in coded],
            "dumps": dumped, "index_size": len(load_gazetteer())}


def list_sources() -> list[dict]:
    """Each imported coded source with its counts (``added`` to the index, ``joined`` to a
    town in it, ``districts`` and ``areas`` added), then each GeoNames dump with its counts."""
    counts = load_gazetteer().source_counts
    listed = []
    for path in source_files():
        content = marshal.loads(path.read_bytes())
        listed.append(_summary(content) | counts.get(content["name"], {}))
    for path in dump_files():
        listed.append({"name": _dump_name(path), "format": "geonames", **stored_counts(path)})
    return listed


def remove_source(name: str) -> dict:
    """Takes one imported source (a coded source's name, or a dump's file name as listed) out
    and rebuilds the index; returns the index's size after it."""
    path = _source_path(name) if SOURCE_NAME.match(name) else None
    if path is None or not path.exists():
        path = next((p for p in dump_files() if _dump_name(p) == name), None)
    if path is None:
        known = [p.name.removesuffix(SOURCE_SUFFIX) for p in source_files()] + list(map(_dump_name, dump_files()))
        raise PlaceSourceError(Errors.E063.format(
            name=name, known="imported are " + ", ".join(known) if known else "none is imported"))
    path.unlink()
    build_index()
    load_gazetteer.cache_clear()
    return {"removed": name, "index_size": len(load_gazetteer())}


def _check_name(name: str) -> None:
    if not SOURCE_NAME.match(name) or name == GEONAMES:
        raise PlaceSourceError(Errors.E064.format(name=name, reserved=GEONAMES))


def _source_path(name: str) -> Path:
    return imports_dir() / f"{name}{SOURCE_SUFFIX}"


def _stored(name: str) -> dict | None:
    path = _source_path(name)
    return marshal.loads(path.read_bytes()) if path.exists() else None


def _summary(content: dict) -> dict:
    return {key: content[key] for key in ("name", "format", "file", "rows", "rows_used", "unknown_countries")} | {
        "places": len(content["places"])}


def _dump_name(path: Path) -> str:
    """The file name a dump was imported from, as its stored name keeps it: "SO.zip" of SO_zip."""
    stem, _, extension = path.stem.rpartition("_")
    return f"{stem}.{extension}" if stem else path.stem
