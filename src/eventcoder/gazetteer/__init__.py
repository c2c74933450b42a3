"""The gazetteer: GeoNames places, countries and first-level divisions behind one index.

``load_gazetteer()`` returns the process-wide :class:`Gazetteer`, building the on-disk index
on first use (see :mod:`eventcoder.gazetteer.build`); ``sources.import_files`` adds GeoNames dump
files to it, and ``sources.import_files`` analysts' own ACLED and UCDP GED exports, whose places
say which source they came from (:meth:`Gazetteer.source_of`). A look-up (:meth:`Gazetteer.find`) keys a name once and hands back the key with
the places, each place carrying the key of its own name, so that whoever filters and ranks
them compares keys and never keys a name again (the skeleton tier, :meth:`Gazetteer.find_loose`,
starts from that key too). The places of imported GeoNames dumps are looked up on disk
(:mod:`eventcoder.gazetteer.dump_index`) and come back beside the in-memory ones.
"""
from __future__ import annotations

import gc
import marshal
import re
from array import array
from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz, process

from eventcoder.article import GEONAMES
from eventcoder.gazetteer.build import build_index, cache_dir, country_capitals, dump_index_path, index_path
from eventcoder.gazetteer.dump_index import DUMP_POSITIONS, DumpIndex
from eventcoder.gazetteer.names import name_key, skeleton_key

__all__ = ["Found", "Gazetteer", "Place", "cache_dir", "load_gazetteer"]

#: Keys remembered with their places, per tier (then forgotten all at once): the dump index's
#: millions of places must not pile up in a long run's memory.
FOUND_KEYS = 1 << 17


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record; ``index`` is its position in the index, stable within a build
    (from :data:`~eventcoder.gazetteer.dump_index.DUMP_POSITIONS` up for the dump index's),
    ``key`` the :func:`~eventcoder.gazetteer.names.name_key` of its name."""

    index: int
    geonameid: int | None
    name: str
    key: str
    latitude: float
    longitude: float
    country_code: str
    country: str | None
    admin1_code: str
    admin1: str | None
    feature_class: str
    feature_code: str
    population: int

    @property
    def is_country(self) -> bool:
        return self.feature_code == "PCLI"

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"


class Found(NamedTuple):
    """What one look-up of a name found: the name's key and the places it reaches; ``loose``
    when they are the skeleton tier's (:meth:`Gazetteer.find_loose`)."""

    key: str
    places: list[Place]
    loose: bool = False


class Gazetteer:
    """Look-ups by normalised name over the compiled index, and the dump index if any."""

    def __init__(self, index: dict, dumps: DumpIndex | None = None) -> None:
        self._geonameid = array("q")
        self._geonameid.frombytes(index["geonameid"])
        self._lat = array("d")
        self._lat.frombytes(index["lat"])
        self._lon = array("d")
        self._lon.frombytes(index["lon"])
        self._population = array("q")
        self._population.frombytes(index["population"])
        self._name = index["name"]
        self._cc = index["cc"]
        self._admin1 = index["admin1"]
        self._fclass = index["fclass"]
        self._fcode = index["fcode"]
        self._exact = index["exact"]
        self._loose = index["loose"]
        self._dumps = dumps
        self.admin1_names: dict[str, str] = index["admin1_names"]
        self.country_names: dict[str, str] = index["country_names"]
        #: each country's land neighbours (ISO alpha-2), from GeoNames' countryInfo
        self.neighbours: dict[str, frozenset[str]] = {
            code: frozenset(filter(None, codes.split(","))) for code, codes in index["neighbours"].items()}
        self._sources: dict[int, str] = index["sources"]
        self._confirmed: frozenset[int] = frozenset(index["confirmed"])
        #: each imported coded source's places: ``added`` to the index, ``joined`` to a town in it
        self.source_counts: dict[str, dict[str, int]] = index["source_counts"]
        #: the countries of the places imported from analysts' own coding: where they work
        self.coded_countries: frozenset[str] = frozenset(index["coded_countries"])
        self._places: dict[int, Place] = {}  # the in-memory index's places made so far
        # the places of each key that has any, exact and skeleton tier: articles look up
        # the same names again and again, and a key's list is built once (see FOUND_KEYS)
        self._exact_found: dict[str, tuple[Place, ...]] = {}
        self._loose_found: dict[str, tuple[Place, ...]] = {}

    def __len__(self) -> int:
        return len(self._name) + (len(self._dumps) if self._dumps else 0)

    def lookup(self, name: str) -> list[Place]:
        """Places whose normalised name equals this one's."""
        return self._found("exact", name_key(name))

    def find(self, name: str) -> Found:
        """The name's key and the places whose normalised name equals it."""
        key = name_key(name)
        return Found(key, self._found("exact", key))

    def find_loose(self, key: str, min_population: int = 0) -> Found:
        """The places whose skeleton key equals that of a name's key: a wider net, for a name
        that :meth:`find` found nowhere; the caller checks that each still looks like the name.
        Only those of ``min_population`` or more, or divisions (feature class A), are made: a
        skeleton key reaches up to 1,500 places, a third of them on average smaller."""
        return Found(key, self._found("loose", skeleton_key(key), min_population), loose=True)

    def find_coded_spelling(self, name: str, similarity: float) -> Found:
        """The places of the user's own coding whose name the name misspells ("Elwak" for El Wak,
        "Pandaguo" for Pandanguo), as ``rapidfuzz``'s ratio of the two names without spaces and
        hyphens tells: the key handed back is the place's, whose spelling the name is."""
        match = process.extractOne(_squeezed(name), self._coded_spellings.keys(), scorer=fuzz.ratio, score_cutoff=similarity)
        if match is None:
            return Found(name_key(name), [])
        places = [self.place(index) for index in self._coded_spellings[match[0]]]
        return Found(places[0].key, places)

    @cached_property
    def _coded_spellings(self) -> dict[str, list[int]]:
        """The positions of the coded places by their squeezed names (see :func:`_squeezed`)."""
        spellings: dict[str, list[int]] = {}
        for index, geonameid in enumerate(self._geonameid):
            if geonameid and self.coded(geonameid):
                spellings.setdefault(_squeezed(self._name[index]), []).append(index)
        return spellings

    def by_geonameid(self, geonameid: int) -> Place | None:
        if geonameid in self._geonameid:
            return self.place(self._geonameid.index(geonameid))
        row = self._dumps.place(geonameid) if self._dumps else None
        return self._dump_place(row) if row else None

    def source_of(self, geonameid: int | None) -> str:
        """Where a place's record came from: an imported source's name, else GeoNames (with the
        packaged data that names its divisions, regions and countries)."""
        return self._sources.get(geonameid, GEONAMES)

    def coded(self, geonameid: int | None) -> bool:
        """Whether the user's own imported coding gives this place: added by it, or joined to it."""
        return geonameid in self._sources or geonameid in self._confirmed

    def country(self, country_code: str) -> Place | None:
        """The country record of an ISO alpha-2 code."""
        name = self.country_names.get(country_code)
        if name is None:
            return None
        return next((p for p in self.lookup(name) if p.is_country
                     and p.country_code == country_code), None)

    def capital(self, country_code: str) -> Place | None:
        """The capital town of an ISO alpha-2 code, as GeoNames marks it (PPLC)."""
        name = country_capitals().get(country_code)
        return next((p for p in self.lookup(name) if p.feature_code == "PPLC"
                     and p.country_code == country_code), None) if name else None

    def place(self, index: int) -> Place:
        if index >= DUMP_POSITIONS:
            return self._dump_place(self._dumps.place(index - DUMP_POSITIONS))
        place = self._places.get(index)
        if place is None:
            name = self._name[index]
            place = self._places[index] = self._record(
                index, self._geonameid[index], name, self._lat[index], self._lon[index], self._cc[index],
                self._admin1[index], self._fclass[index], self._fcode[index], self._population[index],
                name_key(name))
        return place

    def _dump_place(self, row: tuple) -> Place:
        """The place of a row of the dump index (see :meth:`DumpIndex.exact`)."""
        return self._record(DUMP_POSITIONS + row[0], *row)

    def _record(self, index: int, geonameid: int, name: str, lat: float, lon: float, cc: str,
                admin1: str, fclass: str, fcode: str, population: int, key: str) -> Place:
        return Place(
            index=index, geonameid=geonameid or None, name=name, key=key, latitude=lat,
            longitude=lon, country_code=cc, country=self.country_names.get(cc), admin1_code=admin1,
            admin1=self.admin1_names.get(f"{cc}.{admin1}"), feature_class=fclass, feature_code=fcode,
            population=population)

    def _found(self, tier: str, key: str, min_population: int = 0) -> list[Place]:
        """A new list of the places of ``key`` in one tier ("exact" or "loose"), in memory then
        on disk, those smaller than ``min_population`` left out unless divisions; keys without
        places are not kept."""
        known = self._exact_found if tier == "exact" else self._loose_found
        remembered = (key, min_population)
        places = known.get(remembered)
        if places is None:
            positions = (self._exact if tier == "exact" else self._loose).get(key)
            if positions is None and self._dumps is None:
                return []  # most spans of an article name no place
            positions = [] if positions is None else [positions] if isinstance(positions, int) else positions
            if min_population:  # read from the arrays: a place left out is never made
                positions = [i for i in positions if _big_enough(self._population[i], self._fclass[i], min_population)]
            found = list(map(self.place, positions))
            if self._dumps is not None:
                held = {place.index for place in found}
                found += [place for place in map(self._dump_place, getattr(self._dumps, tier)(key))
                          if place.index not in held
                          and (not min_population or _big_enough(place.population, place.feature_class, min_population))]
            if not found:
                return []
            if len(known) >= FOUND_KEYS:
                known.clear()
            places = known[remembered] = tuple(found)
        return list(places)


def _big_enough(population: int, feature_class: str, min_population: int) -> bool:
    """A place of ``min_population`` or more, or a division of any size."""
    return population >= min_population or feature_class == "A"


def _squeezed(name: str) -> str:
    """A name in lower-case ASCII letters alone: "El Wak" and "Elwak" meet in "elwak"."""
    return re.sub(r"[^a-z]", "", anyascii(name).lower())


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, from the cached index (built on first use)."""
    path, dumps_path = index_path(), dump_index_path()
    dumps = DumpIndex(dumps_path) if dumps_path else None
    if not path.exists() or (dumps_path and not dumps_path.exists()):
        return Gazetteer(build_index(), dumps)
    # Millions of small objects: the cyclic collector would walk them again and again while
    # they load and at every full collection afterwards, though none of them is ever garbage.
    gc.disable()
    try:
        gazetteer = Gazetteer(marshal.loads(path.read_bytes()), dumps)
    finally:
        gc.enable()
    gc.freeze()
    return gazetteer
