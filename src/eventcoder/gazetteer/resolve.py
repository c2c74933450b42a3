"""Choosing one gazetteer place for each toponym, and its geo-precision.

Each candidate place is scored by its population, by the country context of the article
(countries named in it, the countries of its unambiguous places), by admin hints next to
the name ("Afgooye, Lower Shabelle", "(Qandala, Bari)", "X in Y province"), by division
cues ("province of X" prefers the first-level division), by nearness to the likely
readings of the article's other names (spatial coherence: "Gainesville" next to "Sherman"
is the Texan one; "Paris" next to "Henry County" the Tennessean), and by the outlet's home
when it is known (local news names its own towns without their state). Precision follows
ACLED: 1 the place itself, 2 near or part of it, 3 only a division (first or second level), a
region or a country.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz

from eventcoder.article import PlaceMention
from eventcoder.resources import load_yaml
from eventcoder.gazetteer import Place
from eventcoder.gazetteer.names import name_key, skeleton_key

#: Weights of the scoring rules, in units of log10(population).
NAMED_COUNTRY_BONUS = 3.0
CONTEXT_COUNTRY_BONUS = 2.0
#: For a place inside a first-level division the article names ("Ohio", "Kentucky").
CONTEXT_DIVISION_BONUS = 2.0
ADMIN_HINT_BONUS = 6.0
DIVISION_CUE_BONUS = 6.0
COUNTRY_BONUS = 2.5
DIVISION_WITHOUT_CUE_PENALTY = 1.5
#: Spatial coherence: a place gains this much per unit of the article's other names that
#: lie near it, each name counting with the likelihood (from the first pass) of each of its
#: readings, fully within the first distance and half within the second; capped.
COHERENCE_BONUS = 1.0
COHERENCE_KM = (100.0, 200.0)
MAX_COHERENCE = 3.0
#: _Readings of a name that take part in coherence: its most likely few.
COHERENCE_READINGS = 5
#: Close pairs: a place gains this much per other name (up to MAX_PAIRS) with any of its
#: likely readings within PAIR_KM, however unlikely that reading alone: local news names a
#: town beside its county or its neighbour, which no famous namesake has.
PAIR_BONUS = 1.0
PAIR_KM = 30.0
MAX_PAIRS = 2
#: Rounds in which every name's readings are weighed again with the others' readings of the
#: round before, so that two names that only fit together (Huntsville beside Walker County,
#: Texas) find each other.
COHERENCE_ROUNDS = 1
#: A first-level division gains this much per unit of likelihood of the other names'
#: readings inside it ("Georgia" beside "Atlanta"); capped.
CONTAINED_BONUS = 2.0
MAX_CONTAINED = 2.0
#: For a division or country named right after a place that lies in it ("Las Vegas,
#: Nevada"): it is that place's hint, so the division and not a town of its name.
HINT_DIVISION_BONUS = 2.0
#: For a place in the outlet's home division (or country, when that is all that is known).
HOME_BONUS = 4.0
#: For a first-level division that no town of its country shares its name with, when the
#: article names another division of that country ("Unlike Alabama, Georgia ...").
SIBLING_DIVISION_BONUS = 2.0
#: Per unit of support from the article's other names for a place's first-level division: a
#: name whose places all lie in one division gives one unit, a name spread over n divisions
#: 1/n ("Texas" backs Palestine, Texas; "Washington" backs little). Capped.
DIVISION_SUPPORT_BONUS = 2.0
MAX_DIVISION_SUPPORT = 2.0
#: For a national capital (PPLC): capitals are named far more often than their namesakes.
CAPITAL_BONUS = 1.5
#: For a town below :data:`ALTERNATE_NAME_POPULATION` that the text names only by one of its
#: alternate names ("Washington" for Watervliet, "Moscow" for Dalton): usually an old or
#: foreign name, rarely the one meant.
ALTERNATE_NAME_PENALTY = 3.0
ALTERNATE_NAME_POPULATION = 1_000_000
#: rapidfuzz ratio of name keys above which two names are spellings of one name.
SAME_NAME_SIMILARITY = 88
#: Feature classes of areas (regions, water, relief; GeoNames L, H, T): a curated area
#: without a population (``data/places_regions.yaml``) weighs as a place this big.
AREA_CLASSES = frozenset("LHT")
AREA_POPULATION = 10_000_000
_HINT_GAP = re.compile(r"^\s*(?:,|\(|\bin\b|\bof\b)\s*(?:the\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """A span found in the text with the places its name may denote."""

    start: int
    end: int
    text: str
    places: list[Place]
    loose: bool = False
    run_before: list = field(default_factory=list)
    run_after: list = field(default_factory=list)
    token_index: int = 0
    last_token_index: int = 0
    tokens: list = field(default_factory=list)
    sentence_initial: bool = False


@cache
def _cues() -> dict:
    raw = load_yaml("places_context.yaml")
    cues = {}
    for key in ("near_before", "division_before"):
        phrases = sorted(raw[key], key=len, reverse=True)
        cues[key] = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\s+(?:the\s+)?"
            r"(?:(?:city|town|village|province|governorate|region|district)\s+of\s+)?$",
            re.IGNORECASE)
    for key in ("near_after", "division_after"):
        cues[key] = re.compile(r"^\s+(?:" + "|".join(raw[key]) + r")\b", re.IGNORECASE)
    cues["settlement_after"] = re.compile(r"\s+(?:" + "|".join(raw["settlement_words"]) + r")$", re.IGNORECASE)
    return cues


def without_settlement_word(name: str) -> str:
    """The name without a trailing "City", "Town" or "Village" ("Dublin City" -> "Dublin")."""
    return _cues()["settlement_after"].sub("", name)


def resolve_candidates(text: str, candidates: list[Candidate],
                       mentioned_countries: set[str] = frozenset(),
                       home: tuple[str, str] | None = None) -> list[PlaceMention]:
    """One PlaceMention per candidate, with the best-scoring place's fields filled;
    ``mentioned_countries`` are countries the text names otherwise (by demonyms), ``home``
    the (country code, first-level division name or "") where the outlet is based."""
    if not candidates:
        return []
    around = [_Surroundings(_admin_hints(candidates, i, text), _hinted_by(candidates, i, text),
                            _division_cue(text, c)) for i, c in enumerate(candidates)]
    named_countries = {c.places[0].country_code for c in candidates
                       if len(c.places) >= 1 and c.places[0].is_country
                       and all(p.is_country for p in c.places)}
    first_scores = [_scores(c, _Context(named_countries, home=home), near)
                    for c, near in zip(candidates, around)]
    first = [c.places[_argmax(s)] for c, s in zip(candidates, first_scores)]
    keys = [name_key(c.text) for c in candidates]
    country_votes: dict[str, set[str]] = defaultdict(set)
    division_votes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, place in zip(keys, first):
        country_votes[place.country_code].add(key)
        if place.is_admin1:
            division_votes[(place.country_code, place.admin1_code)].add(key)
    for country_code in mentioned_countries:
        country_votes[country_code].add("")
    support_by_key = {key: _division_weights(c) for key, c in zip(keys, candidates)}
    total_support: dict[tuple[str, str], float] = defaultdict(float)
    for weights in support_by_key.values():
        for division, weight in weights.items():
            total_support[division] += weight

    def context(key: str, candidate: Candidate, readings: dict[str, list[_Reading]]) -> _Context:
        # a name is no context for itself: "Georgia" alone must not vote for Georgia
        own = support_by_key[key]
        return _Context(
            named_countries,
            countries={cc for cc, voters in country_votes.items() if voters - {key}},
            divisions={d for d, voters in division_votes.items() if voters - {key}},
            support={d: total_support[d] - own.get(d, 0.0)
                     for d in {(p.country_code, p.admin1_code) for p in candidate.places}},
            neighbours=[r for other, rs in readings.items() if other != key for r in rs],
            home=home)

    readings = _likely_readings(keys, candidates, first_scores)
    for _ in range(COHERENCE_ROUNDS):
        readings = _likely_readings(keys, candidates, [
            _scores(c, context(key, c, readings), near) for key, c, near in zip(keys, candidates, around)])
    mentions = []
    for key, candidate, near in zip(keys, candidates, around):
        place = candidate.places[_argmax(_scores(candidate, context(key, candidate, readings), near))]
        if candidate.loose and place.country_code not in named_countries:
            continue  # a skeleton match is only trusted inside a country the article names
        mentions.append(_mention(text, candidate, place, near.division_cued))
    return mentions


class _Reading(NamedTuple):
    """One likely reading of a name, as the other names see it."""

    latitude: float
    longitude: float
    likelihood: float
    key: str  # the name's key
    division: tuple[str, str]  # (country code, first-level division code)


@dataclass(slots=True)
class _Context:
    """What the rest of the article says about where its places are."""

    named_countries: set[str]
    countries: set[str] = field(default_factory=set)
    divisions: set[tuple[str, str]] = field(default_factory=set)
    support: dict[tuple[str, str], float] = field(default_factory=dict)
    #: the likely readings of the other names
    neighbours: list[_Reading] = field(default_factory=list)
    #: the outlet's (country code, first-level division name or "")
    home: tuple[str, str] | None = None


@dataclass(slots=True)
class _Surroundings:
    """What the text right around a name says."""

    #: (country, admin1 code) named right after it ("Qandala, Bari"); admin1 "" for a country
    hints: set[tuple[str, str]]
    #: the same of the place named right before it, whose hint it may be ("Las Vegas, Nevada")
    hinted_by: set[tuple[str, str]]
    division_cued: bool


def _argmax(values: list[float]) -> int:
    return max(range(len(values)), key=values.__getitem__)


def _likely_readings(keys: list[str], candidates: list[Candidate],
                     scores: list[list[float]]) -> dict[str, list[_Reading]]:
    """Each name's most likely point places with their likelihood, 10**score normalised
    (scores are in log10 units); countries, first-level divisions and areas are no points.
    A name that may be a country gives none: towns named after countries cluster ("Peru"
    and "Mexico" are neighbours in Indiana), and would pull each other there."""
    readings: dict[str, list[_Reading]] = {}
    for key, candidate, values in zip(keys, candidates, scores):
        if key in readings or any(p.is_country for p in candidate.places):
            continue
        top = max(values)
        weights = [10 ** (v - top) for v in values]
        total = sum(weights)
        ranked = sorted(zip(weights, candidate.places), key=lambda item: -item[0])
        readings[key] = [_Reading(p.latitude, p.longitude, w / total, key, (p.country_code, p.admin1_code))
                         for w, p in ranked[:COHERENCE_READINGS] if _is_point(p)]
    return readings


def _is_point(place: Place) -> bool:
    return (place.feature_class in "PA" and not place.is_country and not place.is_admin1
            and place.feature_code != "CONT")


def _nearness(place: Place, neighbours: list[_Reading]) -> float:
    """Coherence and close pairs in one pass over the other names' readings: their likelihood
    mass near this place (see COHERENCE_KM) and the names with one within PAIR_KM, each
    weighted by its bonus and capped."""
    near, far = COHERENCE_KM
    reach = max(far, PAIR_KM) / 111.0
    mass, paired = 0.0, set()
    for lat, lon, likelihood, key, _ in neighbours:
        if abs(lat - place.latitude) > reach:
            continue
        distance = distance_km(place.latitude, place.longitude, lat, lon)
        if distance <= near:
            mass += likelihood
        elif distance <= far:
            mass += likelihood / 2
        if distance <= PAIR_KM:
            paired.add(key)
    return COHERENCE_BONUS * min(mass, MAX_COHERENCE) + PAIR_BONUS * min(len(paired), MAX_PAIRS)


def _contained(place: Place, neighbours: list[_Reading]) -> float:
    """The likelihood mass of other names' readings inside this first-level division; capped."""
    division = (place.country_code, place.admin1_code)
    return min(sum(r.likelihood for r in neighbours if r.division == division), MAX_CONTAINED)


def _division_weights(candidate: Candidate) -> dict[tuple[str, str], float]:
    """The first-level divisions a name may lie in, each weighted 1/their number."""
    key = name_key(candidate.text)
    divisions = {(p.country_code, p.admin1_code) for p in candidate.places
                 if p.admin1_code and not p.is_country
                 and (p.feature_code != "ADM2" or name_key(p.name) == key)}
    return {d: 1.0 / len(divisions) for d in divisions}


def _division_cue(text: str, candidate: Candidate) -> bool:
    cues = _cues()
    before = text[max(0, candidate.start - 40):candidate.start]
    return bool(cues["division_before"].search(before)
                or cues["division_after"].match(text[candidate.end:candidate.end + 20]))


def _admin_hints(candidates: list[Candidate], index: int, text: str) -> set[tuple[str, str]]:
    """(country, admin1 code) pairs named right after a place: "Qandala, Bari", "X in Y"."""
    hints: set[tuple[str, str]] = set()
    candidate = candidates[index]
    for other in candidates[index + 1:index + 2]:
        if _HINT_GAP.match(text[candidate.end:other.start]):
            hints.update((p.country_code, p.admin1_code) for p in other.places if p.is_admin1)
            hints.update((p.country_code, "") for p in other.places if p.is_country)
    return hints


def _hinted_by(candidates: list[Candidate], index: int, text: str) -> set[tuple[str, str]]:
    """The divisions and countries of the towns named right before a name, as a hint of
    which the name may stand: "Las Vegas, Nevada" gives Nevada's and the United States'."""
    if index == 0 or not _HINT_GAP.match(text[candidates[index - 1].end:candidates[index].start]):
        return set()
    towns = [p for p in candidates[index - 1].places if p.feature_class == "P"]
    return {(p.country_code, p.admin1_code) for p in towns} | {(p.country_code, "") for p in towns}


def _scores(candidate: Candidate, context: _Context, near: _Surroundings) -> list[float]:
    """The score of each of the candidate's places, in units of log10(population)."""
    towns_by_country = {p.country_code for p in candidate.places if p.feature_class == "P"}
    key = name_key(candidate.text)
    bare = name_key(without_settlement_word(candidate.text))  # "Dublin City" is Dublin's own name
    alternate = [_named_by_alternate(p, key) and _named_by_alternate(p, bare) for p in candidate.places]
    # a city named by an old or foreign name of it ("Berea" for Aleppo) yields to a town
    # that bears the name itself; not to a division ("New York" stays the city)
    big_too = any(not named_by_alternate and p.feature_class == "P"
                  for p, named_by_alternate in zip(candidate.places, alternate))
    return [_score(place, context, near, towns_by_country, key)
            - (ALTERNATE_NAME_PENALTY if named_by_alternate and (
                big_too or place.population < ALTERNATE_NAME_POPULATION) else 0.0)
            for place, named_by_alternate in zip(candidate.places, alternate)]


def _named_by_alternate(place: Place, key: str) -> bool:
    """A town named by a name unlike its own; a spelling of its own name ("Dara'a" for
    Dar‘ā, same consonants) is not an alternate, a near miss ("Minnesota" for Minneota) is."""
    if place.feature_class != "P":
        return False
    own = name_key(place.name)
    return own != key and (fuzz.ratio(own, key) < SAME_NAME_SIMILARITY
                           or skeleton_key(own) != skeleton_key(key))


def _score(place: Place, context: _Context, near: _Surroundings, towns_by_country: set[str],
           key: str) -> float:
    population = place.population
    if not population and place.feature_class in AREA_CLASSES:
        population = AREA_POPULATION
    score = math.log10(population + 10)
    division = (place.country_code, place.admin1_code)
    if not place.is_admin1 and division in context.divisions:
        score += CONTEXT_DIVISION_BONUS
    if not place.is_country and place.admin1_code:
        score += DIVISION_SUPPORT_BONUS * min(context.support.get(division, 0.0),
                                              MAX_DIVISION_SUPPORT)
    if place.country_code in context.named_countries:
        score += NAMED_COUNTRY_BONUS
    if place.country_code in context.countries:
        score += CONTEXT_COUNTRY_BONUS
    if context.home and place.country_code == context.home[0] and context.home[1] in ("", place.admin1):
        score += HOME_BONUS
    if division in near.hints or (place.country_code, "") in near.hints:
        score += ADMIN_HINT_BONUS
    if ((place.is_admin1 and division in near.hinted_by)
            or (place.is_country and (place.country_code, "") in near.hinted_by)):
        score += HINT_DIVISION_BONUS
    if place.is_country:
        score += COUNTRY_BONUS
    elif place.feature_code == "PPLC":
        score += CAPITAL_BONUS
    if place.feature_code == "ADM2" and not near.division_cued and key != name_key(place.name):
        score -= DIVISION_WITHOUT_CUE_PENALTY  # "Barrow", not "Barrow County"
    if place.is_admin1:
        score += CONTAINED_BONUS * _contained(place, context.neighbours)
        if near.division_cued:
            score += DIVISION_CUE_BONUS
        elif place.country_code in towns_by_country:
            score -= DIVISION_WITHOUT_CUE_PENALTY
        elif any(d[0] == place.country_code and d != division for d in context.divisions):
            score += SIBLING_DIVISION_BONUS
    if context.neighbours and _is_point(place):
        score += _nearness(place, context.neighbours)
    return score


def _mention(text: str, candidate: Candidate, place: Place, division_cued: bool) -> PlaceMention:
    return PlaceMention(
        text=candidate.text, start=candidate.start, end=candidate.end,
        geonameid=place.geonameid, name=anyascii(place.name), latitude=place.latitude,
        longitude=place.longitude, country_code=place.country_code, country=place.country,
        admin1=place.admin1, feature_class=place.feature_class,
        feature_code=place.feature_code, population=place.population,
        precision=_precision(text, candidate, place, division_cued))


def _precision(text: str, candidate: Candidate, place: Place, division_cued: bool) -> int:
    if (place.is_country or place.is_admin1 or place.feature_code == "ADM2"
            or place.feature_class in AREA_CLASSES or division_cued):
        return 3
    cues = _cues()
    before = text[max(0, candidate.start - 45):candidate.start]
    after = text[candidate.end:candidate.end + 20]
    if cues["near_before"].search(before) or cues["near_after"].match(after):
        return 2
    return 1


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))

