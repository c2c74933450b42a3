"""Reading analysts' own coded event data as places: ACLED exports and UCDP GED files.

Every coded event names where it happened and gives a point; the rows whose point is the
place's own (ACLED geo_precision 1, UCDP where_prec 1: ``data/coded_sources.yaml``) give the
source's places, which reach the villages cities500 lacks. A row's location is read without
what coders add to a name: divisions in brackets ("Awdheegle village (Afgooye, Lower
Shabelle)", its admin2 and admin1 where the row has none in their columns) and a settlement
word ("Mogadishu town"); the place is known by the name with and without that word. The rows of
one name in one country whose points lie within ``same_place_km`` of each other's first are
one place, at the point most of them give. Every row with a point, precise or not, also tells
which second-level division it lies in: each such district becomes a place at the middle of its
rows' points, for a village the gazetteer lacks that a text names with its district. A name
coded only with a nearby town's point (ACLED geo_precision 2, UCDP where_prec 2: "Trans Mara")
is an area at the point most of its rows give, as the coder would place it again. Countries
are read by name as the gazetteer knows them, with the exports' own spellings from the data file.
"""
from __future__ import annotations

import csv
import re
import statistics
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from eventcoder.errors import Errors, PlaceSourceError
from eventcoder.gazetteer import Gazetteer, load_gazetteer
from eventcoder.gazetteer.build import km_apart
from eventcoder.gazetteer.names import name_key, strip_division_word
from eventcoder.resources import load_yaml

#: Columns a header may lack and still be of its format.
OPTIONAL_COLUMNS = ("admin1", "admin2")
_BRACKETS = re.compile(r"\s*\(([^()]*)\)\s*$")


@cache
def _rules() -> dict:
    rules = load_yaml("coded_sources.yaml")
    words = "|".join(map(re.escape, rules["settlement_words"]))
    rules["settlement_word"] = re.compile(rf"\s+(?:{words})$", re.IGNORECASE)
    return rules


def _required(kind: str) -> list[str]:
    columns = _rules()["formats"][kind]["columns"]
    return [column for field, column in columns.items() if field not in OPTIONAL_COLUMNS]


def coded_format(path: Path) -> str | None:
    """``"acled"`` or ``"ucdp"`` when the file's first line is the header of one of them."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as stream:
        header = {column.strip() for column in next(csv.reader([stream.readline()]), [])}
    return next((kind for kind in _rules()["formats"] if header.issuperset(_required(kind))), None)


def unknown_csv_error(path: Path) -> PlaceSourceError:
    """The error of a CSV file that is neither format, naming the columns each needs."""
    return PlaceSourceError(Errors.E060.format(path=path, acled=", ".join(_required("acled")),
                                               ucdp=", ".join(_required("ucdp"))))


def read_coded(path: Path, kind: str, name: str) -> dict:
    """The source ``name`` from a file of ``kind``: its places as ``(name, spellings, country
    code, admin1, admin2, latitude, longitude)`` tuples, its ``districts`` and ``areas`` as
    ``(name, spellings, country code, admin1, latitude, longitude)``; its ``rows``, the ``rows_used`` (a precise
    point in a known country) and the precise rows of each country it could not tell."""
    rules = _rules()
    columns = rules["formats"][kind]["columns"]
    gazetteer = load_gazetteer()
    countries: dict[str, str | None] = {}
    unknown_countries: Counter = Counter()
    by_name: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    in_district: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    in_area: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    rows = rows_used = 0
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            for row in reader:
                rows += 1
                cell = {field: (row.get(column) or "").strip() for field, column in columns.items()}
                line = reader.line_num
                if not cell["location"] or not cell["latitude"] or not cell["longitude"]:
                    continue
                precision = _number(cell["precision"] or "0", path, line, columns["precision"])
                precise = precision == rules["formats"][kind]["precise"]
                country = cell["country"]
                if country not in countries:
                    countries[country] = _country_code(country, gazetteer)
                if countries[country] is None:
                    unknown_countries[country] += precise
                    continue
                if cell["admin2"] and (point := _point(cell)) is not None:
                    in_district[(countries[country], name_key(cell["admin2"]))].append((cell["admin2"], cell["admin1"], *point))
                place, written, divisions = split_location(cell["location"])
                if not name_key(place):
                    continue
                if precision == rules["formats"][kind]["area"] and (point := _point(cell)) is not None:
                    in_area[(countries[country], name_key(place))].append((place, written, cell["admin1"], "", *point))
                if not precise:
                    continue
                rows_used += 1
                by_name[(countries[country], name_key(place))].append((
                    place, written, cell["admin1"] or (divisions[-1] if divisions else ""),
                    cell["admin2"] or (divisions[0] if len(divisions) > 1 else ""),
                    _coordinate(cell["latitude"], 90, path, line, columns["latitude"]),
                    _coordinate(cell["longitude"], 180, path, line, columns["longitude"])))
    except (UnicodeDecodeError, csv.Error) as error:
        raise PlaceSourceError(Errors.E061.format(path=path, reason=error)) from None
    places = [_place(country_code, cluster) for (country_code, _), named in by_name.items()
              for cluster in _clusters(named, rules["same_place_km"])]
    districts = [_district(country_code, named) for (country_code, key), named in in_district.items() if key]
    named_otherwise = by_name.keys() | in_district.keys()
    areas = [(name, spellings, code, admin1, lat, lon)
             for (country_code, key), named in in_area.items() if (country_code, key) not in named_otherwise
             for name, spellings, code, admin1, _, lat, lon in [_place(country_code, named)]]
    return {"name": name, "format": kind, "file": str(path.resolve()), "rows": rows, "rows_used": rows_used,
            "unknown_countries": {c: n for c, n in unknown_countries.items() if n}, "places": places,
            "districts": districts, "areas": areas}


def split_location(location: str) -> tuple[str, str, list[str]]:
    """The place's name, the name as written without brackets, and the divisions in brackets:
    "Awdheegle village (Afgooye, Lower Shabelle)" gives ("Awdheegle", "Awdheegle village",
    ["Afgooye", "Lower Shabelle"])."""
    bracketed = _BRACKETS.search(location)
    divisions = [d.strip() for d in bracketed.group(1).split(",") if d.strip()] if bracketed else []
    written = location[:bracketed.start()].strip() if bracketed else location
    return _rules()["settlement_word"].sub("", written) or written, written, divisions


def _country_code(name: str, gazetteer: Gazetteer) -> str | None:
    """The ISO alpha-2 code of an export's country name: the data file's spelling, else the
    one country the gazetteer knows by the name, by the name without its brackets ("DR Congo
    (Zaire)") or by the name in them."""
    listed = _rules()["country_codes"].get(name)
    if listed:
        return listed
    bracketed = _BRACKETS.search(name)
    variants = [name, name[:bracketed.start()], bracketed.group(1)] if bracketed else [name]
    for variant in filter(None, variants):
        codes = {p.country_code for p in gazetteer.lookup(variant) if p.is_country}
        if len(codes) == 1:
            return codes.pop()
    return None


def _clusters(rows: list[tuple], same_place_km: float) -> list[list[tuple]]:
    """Rows of one name grouped by nearness to each group's first point."""
    clusters: list[list[tuple]] = []
    for row in rows:
        home = next((c for c in clusters if km_apart(c[0][4], c[0][5], row[4], row[5]) <= same_place_km), None)
        if home is None:
            clusters.append([row])
        else:
            home.append(row)
    return clusters


def _place(country_code: str, rows: list[tuple]) -> tuple:
    """One place from its rows: the name, divisions and point most of them give, and every
    spelling."""
    spellings = tuple(sorted({spelling for row in rows for spelling in row[:2]}))
    lat, lon = _most_given((row[4], row[5]) for row in rows)
    return (_most_given(row[0] for row in rows), spellings, country_code,
            _most_given(row[2] for row in rows), _most_given(row[3] for row in rows), lat, lon)


def _district(country_code: str, rows: list[tuple]) -> tuple:
    """A second-level division from the rows coded in it, precise or not: its name as most of
    them write it, with and without a division word ("Afgooye district"), its first-level
    division, and the middle of their points (the median of each coordinate, which one far
    row does not move)."""
    name = _most_given(row[0] for row in rows)
    spellings = tuple(sorted({name, strip_division_word(name) or name}))
    return (name, spellings, country_code, _most_given(row[1] for row in rows),
            statistics.median(row[2] for row in rows), statistics.median(row[3] for row in rows))


def _point(cell: dict) -> tuple[float, float] | None:
    """A row's point where both coordinates read as such; only a precise row's point must."""
    try:
        lat, lon = float(cell["latitude"]), float(cell["longitude"])
    except ValueError:
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _most_given(values):
    """The value given most often, the first given among equals; "" when none is."""
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else ""


def _number(text: str, path: Path, line: int, column: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise PlaceSourceError(Errors.E062.format(path=path, line=line, column=column, value=text,
                                                  what="number")) from None


def _coordinate(text: str, limit: float, path: Path, line: int, column: str) -> float:
    value = _number(text, path, line, column)
    if not -limit <= value <= limit:
        raise PlaceSourceError(Errors.E062.format(path=path, line=line, column=column, value=text,
                                                  what=f"coordinate within ±{limit:g}"))
    return value
