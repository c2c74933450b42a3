"""Importing GeoNames' own dump files, for places that cities500 lacks.

Reads ``allCountries.zip``, a country file such as ``SO.zip`` or its extracted ``.txt`` (the
19-column tab-separated "geoname" table), and ``admin1CodesASCII.txt`` /
``admin2Codes.txt``. Each file is stored compactly in the cache's ``imports/`` folder and the
index is rebuilt, so its places are found from then on.
"""
from __future__ import annotations

import io
import marshal
import zipfile
from pathlib import Path

from eventcoder.errors import Errors, GeoNamesFormatError

#: Feature classes kept from a geoname table: populated places and administrative areas.
KEPT_CLASSES = {"P", "A"}
_ADMIN_CODES = {"admin1codesascii.txt": "admin1", "admin2codes.txt": "admin2"}


def import_geonames(paths) -> dict:
    """Imports dump files into the cache and rebuilds the index; returns counts per file."""
    from eventcoder.gazetteer import load_gazetteer
    from eventcoder.gazetteer.build import build_index, imports_dir

    summary: dict = {"files": [], "places": 0, "admin1": 0, "admin2": 0}
    imports_dir().mkdir(parents=True, exist_ok=True)
    for path in map(Path, paths):
        content = _read_dump(path)
        target = imports_dir() / f"{path.name.replace('.', '_')}.marshal"
        target.write_bytes(marshal.dumps(content))
        counts = {kind: len(content.get(kind, ())) for kind in ("places", "admin1", "admin2")}
        summary["files"].append({"path": str(path), **counts})
        for kind, count in counts.items():
            summary[kind] += count
    build_index()
    load_gazetteer.cache_clear()
    summary["index_size"] = len(load_gazetteer())
    return summary


def _read_dump(path: Path) -> dict:
    kind = _ADMIN_CODES.get(path.name.lower())
    if kind:
        return {kind: _read_admin_codes(path.read_text("utf-8").splitlines(), path)}
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.endswith(".txt")
                       and not n.lower().startswith("readme")]
            if not members:
                raise GeoNamesFormatError(Errors.E051.format(path=path))
            with archive.open(members[0]) as handle:
                lines = io.TextIOWrapper(handle, encoding="utf-8")
                return {"places": _read_geonames(lines, path)}
    with path.open(encoding="utf-8") as lines:
        return {"places": _read_geonames(lines, path)}


def _read_geonames(lines, path: Path) -> list[tuple]:
    """Rows of (id, name, asciiname, alternates, lat, lon, class, code, cc, admin1, population)."""
    places = []
    for number, line in enumerate(lines, 1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 19:
            raise GeoNamesFormatError(Errors.E052.format(path=path, line=number, count=len(fields)))
        if fields[6] not in KEPT_CLASSES:
            continue
        alternates = tuple(a for a in fields[3].split(",") if a)
        places.append((int(fields[0]), fields[1], fields[2], alternates, float(fields[4]),
                       float(fields[5]), fields[6], fields[7], fields[8], fields[10],
                       int(fields[14] or 0)))
    return places


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
