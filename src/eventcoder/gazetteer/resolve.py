"""Choosing one gazetteer place for each toponym, and its geo-precision.

Each candidate place is scored by its population, by the country context of the article
(countries named in it, the countries of its unambiguous places), by admin hints next to
the name ("Afgooye, Lower Shabelle", "(Qandala, Bari)", "X in Y province"), by division
cues ("province of X" prefers the first-level division), by nearness to the likely
readings of the article's other names (spatial coherence: "Gainesville" next to "Sherman"
is the Texan one; "Paris" next to "Henry County" the Tennessean), and by the outlet's home
when it is known (local news names its own towns without their state). Precision follows
ACLED: 1 the place itself, 2 near or part of it, 3 only a division (first or second level), a
region or a country. Every number of it, and of the places stage's finding, is in
``data/places_weights.yaml`` (:func:`weights`).

Each candidate comes with its name's key and each place with its own (see
:meth:`eventcoder.gazetteer.Gazetteer.find`): names are compared by key, never keyed again.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from types import SimpleNamespace
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz

from eventcoder.article import PlaceMention
from eventcoder.resources import load_yaml
from eventcoder.gazetteer import Place, load_gazetteer
from eventcoder.gazetteer.names import name_key, skeleton_key

#: Feature classes of areas (regions, water, relief; GeoNames L, H, T).
AREA_CLASSES = frozenset("LHT")
_HINT_GAP = re.compile(r"^\s*(?:,|\(|\bin\b|\bof\b)\s*(?:the\s+)?$", re.IGNORECASE)
#: Between a place and the place it lies in: "Salima village in", "Kuri,", "Tiwi in", "Pala Village of",
#: "Kale township,", "Gao commune,"
_CONTAINED_GAP = re.compile(r"^\s*(?P<word>(?:(?:village|town|city|area|estate|location|ward|(?:refugee\s+)?camp|township|commune|locality)\s+)?(?:in|of)\b"
                            r"|village|town|township|commune|locality)?"
                            r"\s*(?P<mark>,|\()?\s*(?:the\s+)?$", re.IGNORECASE)

#: A capitalised word right after a name: the name opens another's ("China Roads and Bridges")
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


@dataclass(slots=True)
class Candidate:
    """A span found in the text, its name's key and the places the name may denote; ``loose``
    when they were reached by the skeleton key only."""

    start: int
    end: int
    text: str
    key: str
    places: list[Place]
    loose: bool = False
    #: every mention of the name opens a building's or an organisation's name ("Westgate Mall")
    facility: bool = False


@cache
def weights() -> SimpleNamespace:
    """The numbers of ``data/places_weights.yaml`` by their names, read once per process."""
    return SimpleNamespace(**load_yaml("places_weights.yaml"))


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
    villages = "|".join(raw["village_words"])
    cues["village_after"] = re.compile(r"^\s+(?:" + villages + r")\b", re.IGNORECASE)
    cues["village_of"] = re.compile(r"\b(?:the|a)\s+(?:" + villages + r")\s+of\s+$", re.IGNORECASE)
    cues["settlement_of"] = re.compile(r"\b(?:the|a)\s+(?:" + "|".join(raw["settlement_words"]) + "|" + villages
                                       + r")\s+of\s+$", re.IGNORECASE)
    cues["district_after"] = re.compile(r"^\s+(?:" + "|".join(raw["district_after"]) + r")\b", re.IGNORECASE)
    # "Awdheegle village (", "Gidan Dawa (Zurmi, ": a named settlement, then its divisions in brackets
    settlement = "|".join(raw["settlement_words"])
    cues["village_before"] = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:" + settlement + r"))?\s*\(\s*(?:[^(),]+,\s*)*$")
    return cues


def without_settlement_word(name: str) -> str:
    """The name without a trailing "City", "Town" or "Village" ("Dublin City" -> "Dublin")."""
    return _cues()["settlement_after"].sub("", name)


def resolve_candidates(text: str, candidates: list[Candidate],
                       mentioned_countries: set[str] = frozenset(),
                       home: tuple[str, str] | None = None,
                       coded_countries: frozenset[str] = frozenset(),
                       grounded_countries: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """One PlaceMention per candidate, with the best-scoring place's fields filled;
    ``mentioned_countries`` are countries the text names otherwise (by demonyms), ``home``
    the (country code, first-level division name or "") where the outlet is based,
    ``coded_countries`` those of the places the user imported from their own coding,
    ``grounded_countries`` those a demonym ties to the events' ground ("a Kenyan village")."""
    candidates = [c for c in (_told_as_village(text, c) for c in candidates) if c.places]
    candidates = [c for i, c in enumerate(candidates) if not _unknown_inside(candidates, i, text)]
    if not candidates:
        return []
    around = [_surroundings(candidates, i, text) for i in range(len(candidates))]
    standings = [_standing(c) for c in candidates]
    named_countries = {c.places[0].country_code for c in candidates
                       if len(c.places) >= 1 and c.places[0].is_country
                       and all(p.is_country for p in c.places)}
    first_scores = [_scores(c, _Context(named_countries, home=home, coded_countries=coded_countries), near, standing)
                    for c, near, standing in zip(candidates, around, standings)]
    first = [c.places[_argmax(s)] for c, s in zip(candidates, first_scores)]
    # a skeleton match ("Qoryoley" for Qoryooley) is only trusted inside a country the article
    # names, or a province it names ("Qoryoley (Lower Shabelle)")
    named_divisions = {(place.country_code, place.admin1_code) for c, place in zip(candidates, first)
                       if place.is_admin1 and not c.loose}

    def untrusted(candidate: Candidate, place: Place) -> bool:
        return candidate.loose and place.country_code not in named_countries and (
            (place.country_code, place.admin1_code) not in named_divisions)

    country_votes: dict[str, set[str]] = defaultdict(set)
    division_votes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for candidate, place in zip(candidates, first):
        if untrusted(candidate, place) or _directions_only(candidate.text):
            continue  # a skeleton match that will not be kept (see below), or "North Western", is no evidence
        country_votes[place.country_code].add(candidate.key)
        if place.is_admin1:
            division_votes[(place.country_code, place.admin1_code)].add(candidate.key)
    for country_code in mentioned_countries:
        # a demonym of the events' ground ("Kenyan troops") votes as a known place would; one of
        # people ("an Italian volunteer") only counts beside other names
        country_votes[country_code].add("" if country_code in grounded_countries else _PEOPLE_VOTER)
    support_by_key = {c.key: _division_weights(c) for c in candidates}
    total_support: dict[tuple[str, str], float] = defaultdict(float)
    for division_weights in support_by_key.values():
        for division, weight in division_weights.items():
            total_support[division] += weight

    def context(candidate: Candidate, readings: dict[str, list[_Reading]],
                nearness_by_key: dict[str, dict[int, float]]) -> _Context:
        # a name is no context for itself: "Georgia" alone must not vote for Georgia; every
        # mention of a name sees the same readings of the others, so shares their nearness
        key = candidate.key
        own = support_by_key[key]
        return _Context(
            named_countries,
            countries={cc for cc, voters in country_votes.items() if voters - {key}},
            divisions={d for d, voters in division_votes.items() if voters - {key}},
            support={d: total_support[d] - own.get(d, 0.0)
                     for d in {(p.country_code, p.admin1_code) for p in candidate.places}},
            neighbours=[r for other, rs in readings.items() if other != key for r in rs],
            nearness=nearness_by_key.setdefault(key, {}), home=home, coded_countries=coded_countries)

    readings = _likely_readings(candidates, first_scores)
    for _ in range(weights().coherence_rounds):
        nearness_by_key: dict[str, dict[int, float]] = {}
        readings = _likely_readings(candidates, [
            _scores(c, context(c, readings, nearness_by_key), near, standing)
            for c, near, standing in zip(candidates, around, standings)])
    w = weights()
    known = {c.key for c, place in zip(candidates, first) if place.key == c.key and (
        place.is_country or place.is_admin1 or place.population >= w.known_city_population)}
    # the names too small to make their country the article's against a known place; with the
    # outlet's home, which weighs as a demonym would for this choice only (as, without one, do
    # the countries of the user's own coding), any name not known
    weak = {c.key for c, place in zip(candidates, first)
            if place.feature_class == "P" and (home or coded_countries or place.population < w.small_population)} - known
    # the outlet's home (or the user's coding) votes on its own, beside the text's demonyms
    votes = dict(country_votes)
    for country_code in {home[0]} if home else coded_countries:
        votes[country_code] = votes.get(country_code, set()) | {_HOME_VOTER}
    main_country = _main_country(votes, known | {"", _HOME_VOTER}, weak)
    plain_country = _plain_country(
        [place for candidate, place, near in zip(candidates, _as_told(candidates, first, first_scores, around), around)
         if not candidate.loose and not _directions_only(candidate.text) and ((place.is_country and not _NAME_GOES_ON.match(text, candidate.end))
                                     or (near.division_cued and place.feature_class in "PA"))],
        mentioned_countries, {cc: len(voters) for cc, voters in country_votes.items()})
    trusted = known | {"", _PEOPLE_VOTER, _HOME_VOTER}  # demonyms, the outlet's home and well-known places
    mentions = []
    nearness_by_key = {}
    for candidate, near, standing in zip(candidates, around, standings):
        others = {cc: voters - {candidate.key} for cc, voters in votes.items()}  # a name is no vote for itself
        # what the other names, the outlet's home and the user's own coding tell, for a local
        # outlet's far-fetched readings (a Somali outlet reports Kenya's border villages too)
        told = ({cc for cc, voters in others.items() if voters} | coded_countries
                if home and (main_country or plain_country) else None)
        scores = _scores(candidate, context(candidate, readings, nearness_by_key), near, standing)
        place = candidate.places[_argmax(scores)]
        if (place.country_code, place.admin1_code) not in near.province:  # its province, named beside it, stands
            place = _within_agreed_country(candidate, place, scores, others)
        if untrusted(candidate, place):
            continue
        penalty = standing.penalties
        own_penalty = penalty[candidate.places.index(place)]
        if (place.country_code, "") not in near.hints and (
                (main_country and _far_fetched(candidate, place, main_country, own_penalty, told))
                or (plain_country and _far_fetched(candidate, place, plain_country, own_penalty, told)
                    and _across_the_world(place, plain_country))
                or _on_another_continent(place, others, trusted, told_as_division=near.division_cued)
                or _facility_abroad(candidate, place, others, home, coded_countries)):
            renowned = [i for i, p in enumerate(candidate.places)
                        if (p.is_country or p.feature_code == "PPLC") and not penalty[i]
                        and not _named_by_alternate(p, candidate.key)]
            if not renowned:
                continue
            place = candidate.places[max(renowned, key=scores.__getitem__)]  # "Lebanon", "Washington"
        mentions.append(_mention(text, candidate, place, near))
    return mentions


def _as_told(candidates: list[Candidate], first: list[Place], scores: list[list[float]],
             around: list[_Surroundings]) -> list[Place]:
    """Each name's first reading, a division's for a name told as a division that has one:
    "(Calbayog City, Samar)" names the Philippine province, not Russia's Samara."""
    told = []
    for candidate, place, score, near in zip(candidates, first, scores, around):
        divisions = [i for i, p in enumerate(candidate.places) if p.feature_class == "A"]
        if near.division_cued and place.feature_class != "A" and divisions:
            place = candidate.places[max(divisions, key=score.__getitem__)]
        told.append(place)
    return told


#: the voter standing for the outlet's home, or the user's coding, in the country votes
_HOME_VOTER = "\0home"
#: the voter standing for the demonyms of people, who may be far from home ("an Italian
#: volunteer"); "" stands for those of the events' ground ("Kenyan troops")
_PEOPLE_VOTER = "\0people"


def _within_agreed_country(candidate: Candidate, place: Place, scores: list[float],
                           others: dict[str, set[str]]) -> Place:
    """The name's best reading inside the one country every other name (and demonym, and the
    outlet's home) lies in, when the best of all lies a continent away and is no city of a
    million: "Kenyan troops shelled camps in Madera county" is Mandera, not California's."""
    countries = [cc for cc, voters in others.items() if cc and voters]
    if len(countries) != 1 or place.country_code == countries[0] or place.population >= weights().major_population \
            or not _across_the_world(place, countries[0]):
        return place
    inside = [i for i, p in enumerate(candidate.places) if p.country_code == countries[0]]
    return candidate.places[max(inside, key=scores.__getitem__)] if inside else place


def _main_country(country_votes: dict[str, set[str]], known: set[str], weak: set[str]) -> str | None:
    """The country most of the article's names (and demonyms) lie in, when no other has as
    many; between equals, the one of a known place (a city, a division, a country named or
    implied, by its own name) over those that only ``weak`` names read: Nakuru's Kenya, not
    the Canadian hamlet of the Jubilee Party's name."""
    ranked = sorted(((len(voters), cc) for cc, voters in country_votes.items() if cc), reverse=True)
    if not ranked:
        return None
    tied = [cc for count, cc in ranked if count == ranked[0][0]]
    if len(tied) == 1:
        return tied[0]
    home = [cc for cc in tied if _HOME_VOTER in country_votes[cc]]
    if home:
        return home[0]  # the outlet's home breaks a tie: a Kenyan paper's "Somali" people in "Eastleigh"
    strong = [cc for cc in tied if country_votes[cc] & known]
    if len(strong) == 1 and all(country_votes[cc] <= weak for cc in tied if cc != strong[0]):
        return strong[0]
    return None


def _plain_country(plain: list[Place], demonyms: set[str], votes: dict[str, int]) -> str | None:
    """The one country the article plainly is about: that of a first-level division it calls
    so ("Garissa County"), or the one it names (or names by demonym) when more of its places
    lie there than in any other; a country named alone is often named from abroad."""
    divisions = {p.country_code for p in plain if not p.is_country}
    countries = divisions | {p.country_code for p in plain if p.is_country} | set(demonyms)
    if len(countries) != 1:
        return None
    (country,) = countries
    if country in divisions or all(votes.get(country, 0) > n for cc, n in votes.items() if cc != country):
        return country
    return None


def _on_another_continent(place: Place, others: dict[str, set[str]], trusted: set[str],
                          told_as_division: bool = False) -> bool:
    """A town of no great size, in a country nothing else in the article names, far from every
    country the rest of the article lies in, as ``trusted`` voters among the ``others`` tell it
    twice at least, or once by a demonym of the events' ground when no other name lies in the
    town's country ("Kenyan troops shelled Bula"; but "an Italian volunteer" may be far from
    home): a name that is only an English town's ("Fareham") is none in a report that names
    only Kenyans and Somalis. Forces' demonym alone never puts a neighbour's town on another
    continent, however far their country's own point lies ("Russian forces shelled Bakhmut").
    A name told as a province ("Samar province" beside the Philippines' NPA) is no city abroad
    of any size."""
    if place.feature_class != "P" or (place.population >= weights().known_city_population and not told_as_division):
        return False
    telling = {cc: voters & trusted for cc, voters in others.items() if cc}
    countries = {cc for cc, voters in telling.items() if voters}
    told = sum(map(len, telling.values()))
    by_demonym_alone = told == 1 and any("" in voters for voters in telling.values()) and not others.get(place.country_code)
    neighbours = load_gazetteer().neighbours
    return ((told >= 2 or by_demonym_alone) and place.country_code not in countries
            and all(_across_the_world(place, country_code)
                    and not (by_demonym_alone and place.country_code in neighbours.get(country_code, ()))
                    for country_code in countries))


def _facility_abroad(candidate: Candidate, place: Place, others: dict[str, set[str]],
                     home: tuple[str, str] | None, coded_countries: frozenset[str]) -> bool:
    """A building's or an organisation's name ("the Polling Station", "Westgate Mall") read as a
    small town of a country nothing else in the article names, or as a province of one while
    the article's other names lie elsewhere ("the Capital Hotel" in Kisii): the building is
    where the article is, and a place abroad that only shares its first word is no reading of it."""
    placed_elsewhere = any(voters for country_code, voters in others.items() if country_code)
    return (candidate.facility and not others.get(place.country_code) and (
                (place.is_admin1 and placed_elsewhere)
                or (place.feature_class == "P" and place.population < weights().known_city_population))
            and place.country_code not in coded_countries and (home is None or home[0] != place.country_code))


def _across_the_world(place: Place, country_code: str) -> bool:
    """A place as far from the country's point as another continent would be."""
    country = load_gazetteer().country(country_code)
    return country is None or distance_km(place.latitude, place.longitude, country.latitude,
                                          country.longitude) > weights().other_continent_km


def _far_fetched(candidate: Candidate, place: Place, main_country: str, penalty: float,
                 told: set[str] | None) -> bool:
    """A town beyond the article's country and its neighbours, named by another of its names or
    too small to be known abroad, for a name with no reading inside that country: "Tana" read as
    Antananarivo, "Matan" as Matane in a report from Kenya. A local outlet (``told``: the
    countries the article's other names and the outlet's home tell) names a town abroad bare
    only when it is a major city ("Mau" is Kenya's forest, not the Indian town), and a village
    across the border only when its country is told."""
    w = weights()
    if (place.feature_class != "P" or place.country_code in (main_country, "")
            or any(p.country_code == main_country for p in candidate.places)):
        return False
    if told is not None and place.country_code not in told and _named_by_alternate(place, candidate.key):
        return True
    if place.country_code in load_gazetteer().neighbours.get(main_country, ()):
        return told is not None and place.country_code not in told and place.population < w.small_population
    known = w.known_city_population if told is None else w.major_population
    return bool(penalty) or (place.population < known and place.feature_code != "PPLC")


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
    #: the :func:`_nearness` of each place to them by its index, as far as worked out
    nearness: dict[int, float] = field(default_factory=dict)
    #: the outlet's (country code, first-level division name or "")
    home: tuple[str, str] | None = None
    #: the countries of the user's own imported coding
    coded_countries: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Surroundings:
    """What the text right around a name says."""

    #: (country, admin1 code) named right after it ("Qandala, Bari"); admin1 "" for a country
    hints: set[tuple[str, str]]
    #: the same of the place named right before it, whose hint it may be ("Las Vegas, Nevada")
    hinted_by: set[tuple[str, str]]
    division_cued: bool
    #: a word before it that puts something near a point: "a village near Beni", "outside Goma"
    near_cued: bool
    #: (country, admin1 code) of the province its brackets end with ("Harper (Harper, Maryland)")
    province: set[tuple[str, str]]


def _argmax(values: list[float]) -> int:
    return max(range(len(values)), key=values.__getitem__)


def _likely_readings(candidates: list[Candidate],
                     scores: list[list[float]]) -> dict[str, list[_Reading]]:
    """Each name's most likely point places with their likelihood, 10**score normalised
    (scores are in log10 units); countries, first-level divisions and areas are no points.
    A name that may be a country gives none: towns named after countries cluster ("Peru"
    and "Mexico" are neighbours in Indiana), and would pull each other there."""
    readings: dict[str, list[_Reading]] = {}
    most = weights().coherence_readings
    for candidate, values in zip(candidates, scores):
        key = candidate.key
        if key in readings or any(p.is_country for p in candidate.places):
            continue
        top = max(values)
        likelihoods = [10 ** (v - top) for v in values]
        total = sum(likelihoods)
        ranked = sorted(zip(likelihoods, candidate.places), key=lambda item: -item[0])
        readings[key] = [_Reading(p.latitude, p.longitude, w / total, key, (p.country_code, p.admin1_code))
                         for w, p in ranked[:most] if _is_point(p)]
    return readings


def _is_point(place: Place) -> bool:
    return (place.feature_class in "PA" and not place.is_country and not place.is_admin1
            and place.feature_code != "CONT")


def _nearness(place: Place, neighbours: list[_Reading]) -> float:
    """Coherence and close pairs in one pass over the other names' readings: their likelihood
    mass near this place (within ``coherence_near_km``, half within ``coherence_far_km``) and
    the names with one within ``pair_km``, each weighted by its bonus and capped."""
    w = weights()
    near, far, pair = w.coherence_near_km, w.coherence_far_km, w.pair_km
    reach = max(far, pair) / 111.0
    mass, paired = 0.0, set()
    latitude, longitude = place.latitude, place.longitude
    phi1 = math.radians(latitude)
    cos_phi1 = math.cos(phi1)
    for lat, lon, likelihood, key, _ in neighbours:
        if abs(lat - latitude) > reach:
            continue
        # distance_km's haversine, inlined with this place's terms computed once: the same operations
        phi2 = math.radians(lat)
        a = math.sin((phi2 - phi1) / 2) ** 2 + cos_phi1 * math.cos(phi2) * math.sin(math.radians(lon - longitude) / 2) ** 2
        distance = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
        if distance <= near:
            mass += likelihood
        elif distance <= far:
            mass += likelihood / 2
        if distance <= pair:
            paired.add(key)
    return w.coherence_bonus * min(mass, w.max_coherence) + w.pair_bonus * min(len(paired), w.max_pairs)


def _contained(place: Place, neighbours: list[_Reading]) -> float:
    """The likelihood mass of other names' readings inside this first-level division; capped."""
    division = (place.country_code, place.admin1_code)
    return min(sum(r.likelihood for r in neighbours if r.division == division), weights().max_contained)


def _division_weights(candidate: Candidate) -> dict[tuple[str, str], float]:
    """The first-level divisions a name may lie in, each weighted 1/their number."""
    divisions = {(p.country_code, p.admin1_code) for p in candidate.places
                 if p.admin1_code and not p.is_country
                 and (p.feature_code != "ADM2" or p.key == candidate.key)}
    return {d: 1.0 / len(divisions) for d in divisions}


def _division_cue(text: str, candidate: Candidate) -> bool:
    cues, w = _cues(), weights()
    before = text[max(0, candidate.start - w.division_cue_before):candidate.start]
    return bool(cues["division_before"].search(before)
                or cues["division_after"].match(text[candidate.end:candidate.end + w.division_cue_after])
                or _closes_brackets(text, candidate))


def _closes_brackets(text: str, candidate: Candidate) -> bool:
    """The last name in a place's brackets, where notes put its province: "Orlivka (Donetsk)",
    "Sake (Masisi, North Kivu)"; not a country's name ("Mexico City (Mexico)")."""
    opened = text.rfind("(", 0, candidate.start)
    return (opened > 0 and not any(p.is_country for p in candidate.places)
            and _BRACKET_CLOSE.match(text, candidate.end) is not None
            and _BRACKET_LIST.fullmatch(text, opened + 1, candidate.start) is not None
            and _NAME_BEFORE_BRACKET.search(text, 0, opened) is not None)


def _near_cue(text: str, candidate: Candidate) -> bool:
    """A word before the name that puts something near it ("near", "outside", "km from")."""
    cues, w = _cues(), weights()
    return bool(cues["near_before"].search(text[max(0, candidate.start - w.near_cue_before):candidate.start]))


def _surroundings(candidates: list[Candidate], index: int, text: str) -> _Surroundings:
    candidate, bracketed = candidates[index], _bracket_names(candidates, index, text)
    province = _bracket_province(text, bracketed)
    return _Surroundings(_admin_hints(candidates, index, text, bracketed, province), _hinted_by(candidates, index, text),
                         _division_cue(text, candidate), _near_cue(text, candidate), province)


def _admin_hints(candidates: list[Candidate], index: int, text: str, bracketed: list[Candidate],
                 province: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(country, admin1 code) pairs named right after a place: "Qandala, Bari", "X in Y", and the
    last name of its brackets, the province: "Harper (Harper, Maryland)" is Liberia's Harper, in
    Maryland county, whatever a Harper County beside Kansas's Harper says. In a country the
    province may lie in: "Trujillo (Trujillo, La Libertad)" is Peru's, whatever Venezuela's
    Trujillo state says."""
    hints: set[tuple[str, str]] = set()
    candidate = candidates[index]
    for other in candidates[index + 1:index + 2]:
        if _HINT_GAP.match(text[candidate.end:other.start]):
            hints.update((p.country_code, p.admin1_code) for p in other.places if p.is_admin1)
            hints.update((p.country_code, "") for p in other.places if p.is_country)
    if not bracketed:
        return hints
    hints |= province
    countries = {p.country_code for p in bracketed[-1].places if p.is_admin1 or p.is_country}
    return {hint for hint in hints if hint[0] in countries} if len(bracketed) > 1 and countries else hints


def _bracket_province(text: str, bracketed: list[Candidate]) -> set[tuple[str, str]]:
    """The first-level divisions the last name of a name's brackets (:func:`_bracket_names`) may
    be, its province; none for a name of a direction ("Central", "North Western"), which many
    countries have."""
    if not bracketed or _directions_only(bracketed[-1].text) or not _BRACKET_CLOSE.match(text, bracketed[-1].end):
        return set()  # and a name before a last one the gazetteer lacks is no province
    return {(p.country_code, p.admin1_code) for p in bracketed[-1].places if p.is_admin1}


def _unknown_inside(candidates: list[Candidate], index: int, text: str) -> bool:
    """A small place's name set inside another place ("Salima village in Laisamis", "Kuri,
    Isiolo County", a division by its word) while none of its readings shares a country with
    that place: the gazetteer lacks it, and its namesake abroad would pull the article there."""
    if index + 1 >= len(candidates):
        return False
    candidate, container = candidates[index], candidates[index + 1]
    bracketed = [c for c in _bracket_containers(candidates, index, text) if c.key != candidate.key]
    if bracketed:
        if _known_city(candidate) and not any(p.feature_class == "A" for c in bracketed for p in c.places):
            return False  # "Batumi (Batumi, Adjara)": a town abroad named like its province vetoes no city
        return (_no_reading_inside(candidate, bracketed, _bracket_province(text, bracketed))
                or _no_reading_in_division(candidate, bracketed))
    if not _tells_where(container):
        return False  # a skeleton match ("Turkana" as Türkan) or a hamlet says little of where the name lies
    gap = _CONTAINED_GAP.match(text[candidate.end:container.start])
    if gap is None:
        return False
    cues = _cues()
    after = text[container.end:container.end + weights().division_cue_after]
    divided = cues["division_after"].match(after) or cues["district_after"].match(after)
    if gap["word"] is None and not (divided and gap["mark"]):
        return False  # "Kampala, Nairobi and Dar es Salaam": a list, not a place inside another
    if any(p.is_country or p.is_admin1 for p in candidate.places) or (gap["word"] is None and _known_city(candidate)):
        return False  # a known city in a list may be abroad; "the Hamilton area of Kisumu" is not
    # "Orlivka, Donetsk region": a province told by its word holds the name, not its namesakes elsewhere
    return _no_reading_inside(candidate, [container]) or bool(divided and _no_reading_in_division(candidate, [container]))


def _known_city(candidate: Candidate) -> bool:
    """Whether the name is itself a city of some size (a reading of that very name)."""
    known = weights().known_city_population
    return any(p.population >= known and p.key == candidate.key for p in candidate.places)


def _tells_where(container: Candidate) -> bool:
    """Whether a name says where a place inside it lies: a division or a town of some size, not a
    skeleton match nor a hamlet, nor a province named only by its direction ("North Western",
    "Central"), which many countries have."""
    small = weights().small_population
    return (not container.loose and not _directions_only(container.text)
            and any(p.feature_class == "A" or p.population >= small for p in container.places))


def _directions_only(name: str) -> bool:
    return all(word in _direction_words() for word in re.split(r"[\s-]+", name.lower()) if word)


@cache
def _direction_words() -> frozenset[str]:
    return frozenset(load_yaml("places_context.yaml")["direction_words"])


def _no_reading_inside(candidate: Candidate, containers: list[Candidate],
                       province: set[tuple[str, str]] = frozenset()) -> bool:
    """Whether none of the name's readings lies in a country its containers lie in; when its
    brackets end with a province, in that province's country ("El Alto (Murillo, La Paz)" is
    Bolivia's, whatever a Murillo in Mexico says)."""
    countries = ({cc for cc, _ in province} if province
                 else {p.country_code for c in containers for p in c.places})
    return bool(countries) and not any(p.country_code in countries for p in candidate.places)


def _no_reading_in_division(candidate: Candidate, containers: list[Candidate]) -> bool:
    """Whether a first-level division named as holding the name ("Orlivka (Donetsk)", "Orlivka,
    Donetsk region") is the only one of its name in the name's country and none of the name's
    readings lies in it or near it: its namesakes in other provinces are other villages (a town
    on a border may be filed under the next province: Thika and Kiambu county)."""
    countries = {p.country_code for p in candidate.places}
    reach = weights().division_reach_km
    for container in containers:
        if any(p.is_country for p in container.places):
            continue  # "Mexico City (Mexico)" names the country, not the State of Mexico
        divisions = [p for p in container.places if p.is_admin1 and p.country_code in countries and p.key == container.key]
        # (those split from it still bear its former name: "Timika (Papua)" lies in Central Papua)
        held = {(p.country_code, p.admin1_code) for p in container.places if p.is_admin1 and p.country_code in countries}
        if len(divisions) == 1 and not any(
                (p.country_code, p.admin1_code) in held
                or distance_km(p.latitude, p.longitude, divisions[0].latitude, divisions[0].longitude) <= reach
                for p in candidate.places):
            return True
    return False


def _bracket_containers(candidates: list[Candidate], index: int, text: str) -> list[Candidate]:
    """The divisions a name's brackets place it in, as ACLED's notes and many reports write a
    village: "Kalo (Kalo, Tillaberi)", "Sake (Masisi, North Kivu)"; for a name inside the
    brackets, those after it ("Masisi, North Kivu"). Only known places (a division, or a town of
    some size) say where the name lies."""
    return [c for c in _bracket_names(candidates, index, text) if _tells_where(c)]


def _bracket_names(candidates: list[Candidate], index: int, text: str) -> list[Candidate]:
    """The names in a name's brackets, or after it in the brackets it is in, each a whole item
    of their list: "Techiman (Techiman Municipal, Bono East)" holds neither "Bono" nor a name
    the gazetteer lacks."""
    candidate = candidates[index]
    opened = text.rfind("(", 0, candidate.start)
    in_brackets = (opened != -1 and ")" not in text[opened:candidate.start]
                   and _BRACKET_LIST.fullmatch(text, opened + 1, candidate.start))
    gap = (_BRACKET_NEXT if in_brackets else _BRACKET_OPENING).match(text, candidate.end)
    closing = text.find(")", candidate.end)
    if gap is None or closing == -1 or not _BRACKET_LIST.fullmatch(text, gap.end(), closing):
        return []
    return [c for c in candidates[index + 1:] if c.end <= closing and _ITEM_BEFORE.search(text, 0, c.start)
            and _ITEM_AFTER.match(text, c.end)]


#: What opens a name's brackets ("Kalo (", "Kani town (") and what goes on inside them ("Kalo, ");
#: a list of names inside the brackets before a name.
_BRACKET_OPENING = re.compile(r"(?:\s+(?:town|village|city))?\s*\(\s*")
_BRACKET_NEXT = re.compile(r"\s*,\s*")
_BRACKET_LIST = re.compile(r"[\s\w'’.-]*(?:,[\s\w'’.-]*)*")
#: Around a whole item of a list in brackets.
_ITEM_BEFORE = re.compile(r"[(,]\s*$")
_ITEM_AFTER = re.compile(r"\s*[,)]")
#: What closes a name's brackets, and the name the brackets follow ("Orlivka (").
_BRACKET_CLOSE = re.compile(r"\s*\)")
_NAME_BEFORE_BRACKET = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:town|village|city))?\s*$")


def _told_as_village(text: str, candidate: Candidate) -> Candidate:
    """The candidate with its towns only when the text calls it a village ("Damascus village
    of Nyeri County", "the village of Toronto"): its namesake city or division is another place."""
    cues, w = _cues(), weights()
    if not (cues["village_after"].match(text[candidate.end:candidate.end + w.division_cue_after])
            or cues["village_of"].search(text[max(0, candidate.start - w.division_cue_before):candidate.start])):
        return candidate
    small = [p for p in candidate.places
             if p.feature_class == "P" and p.population < w.known_city_population and p.feature_code != "PPLC"]
    return candidate if len(small) == len(candidate.places) else replace(candidate, places=small)


def _hinted_by(candidates: list[Candidate], index: int, text: str) -> set[tuple[str, str]]:
    """The divisions and countries of the towns named right before a name, as a hint of
    which the name may stand: "Las Vegas, Nevada" gives Nevada's and the United States'."""
    if index == 0 or not _HINT_GAP.match(text[candidates[index - 1].end:candidates[index].start]):
        return set()
    towns = [p for p in candidates[index - 1].places if p.feature_class == "P"]
    return {(p.country_code, p.admin1_code) for p in towns} | {(p.country_code, "") for p in towns}


def _alternate_name_penalties(candidate: Candidate) -> list[float]:
    """Per place, the penalty of a town that the text names only by one of its alternate
    names ("Washington" for Watervliet, "Moscow" for Dalton): usually an old or foreign name,
    rarely the one meant. A city named so ("Berea" for Aleppo) yields to a town that bears the
    name itself; not to a division ("New York" stays the city)."""
    w = weights()
    bare = name_key(without_settlement_word(candidate.text))  # "Dublin City" is Dublin's own name
    alternate = [_named_by_alternate(p, candidate.key) and _named_by_alternate(p, bare)
                 for p in candidate.places]
    big_too = any(not named_by_alternate and p.feature_class == "P"
                  for p, named_by_alternate in zip(candidate.places, alternate))
    return [w.alternate_name_penalty if named_by_alternate and (
                big_too or place.population < w.alternate_name_population) else 0.0
            for place, named_by_alternate in zip(candidate.places, alternate)]


class _Standing(NamedTuple):
    """What a name's places tell of each other, the same in every round of scoring."""

    #: per place, from :func:`_alternate_name_penalties`
    penalties: list[float]
    #: the countries where the name is also a town's, a hamlet aside: a hamlet named like its
    #: country's province is rarely the one meant ("Samburu" the county, not the coastal village)
    towns_by_country: set[str]
    #: per place, the population of the first-level division it is the seat of, else 0 (see :func:`_standing`)
    seat_populations: list[int]


def _standing(candidate: Candidate) -> _Standing:
    """A town named like the first-level division it lies in is that division's seat, and weighs
    as the division does ("Kwale", Kenya's county and its town, over a Nigerian town of the name),
    unless the division's capital is another town ("Baringo" the county, seated at Kabarnet)."""
    towns_by_country = {p.country_code for p in candidate.places
                        if p.feature_class == "P" and p.population >= weights().small_population}
    divisions = {(p.country_code, p.admin1_code): p.population for p in candidate.places if p.is_admin1}

    def as_seat(place: Place) -> int:
        population = divisions.get((place.country_code, place.admin1_code), 0)
        return population if population and _may_be_seat(place) else 0

    return _Standing(_alternate_name_penalties(candidate), towns_by_country, list(map(as_seat, candidate.places)))


def _scores(candidate: Candidate, context: _Context, near: _Surroundings, standing: _Standing) -> list[float]:
    """The score of each of the candidate's places, in units of log10(population), less its
    penalty from :func:`_alternate_name_penalties`."""
    return [_score(place, context, near, standing.towns_by_country, candidate.key, seat_population) - penalty
            for place, penalty, seat_population in zip(candidate.places, standing.penalties, standing.seat_populations)]


def _may_be_seat(place: Place) -> bool:
    """A town whose division lists no other capital, or the user's own place of the division's
    name (their coding's point for "Laikipia")."""
    capital = _admin1_seats().get((place.country_code, place.admin1))
    return place.feature_class == "P" and (capital is None or name_key(capital) == place.key
                                           or load_gazetteer().coded(place.geonameid))


def _named_by_alternate(place: Place, key: str) -> bool:
    """A town named by a name unlike its own; a spelling of its own name ("Dara'a" for
    Dar‘ā, same consonants) is not an alternate, a near miss ("Minnesota" for Minneota) is."""
    if place.feature_class != "P":
        return False
    own = place.key
    return own != key and (fuzz.ratio(own, key) < weights().same_name_similarity
                           or skeleton_key(own) != skeleton_key(key))


def _score(place: Place, context: _Context, near: _Surroundings, towns_by_country: set[str],
           key: str, division_population: int = 0) -> float:
    w = weights()
    population = max(place.population, division_population)
    if not population and place.feature_class in AREA_CLASSES:
        population = w.area_population
    score = math.log10(population + w.population_offset)
    country_code, is_country, is_admin1 = place.country_code, place.is_country, place.is_admin1
    division = (country_code, place.admin1_code)
    if not is_admin1 and division in context.divisions:
        score += w.context_division_bonus
    if not is_country and place.admin1_code:
        score += w.division_support_bonus * min(context.support.get(division, 0.0),
                                                w.max_division_support)
    if country_code in context.named_countries:
        score += w.named_country_bonus
    if country_code in context.countries:
        score += w.context_country_bonus
    if context.home and country_code == context.home[0] and context.home[1] in ("", place.admin1):
        score += w.home_bonus
    if country_code in context.coded_countries:
        score += w.coded_country_bonus
        if load_gazetteer().coded(place.geonameid):
            score += w.coded_place_bonus
    if division in near.hints or (country_code, "") in near.hints:
        score += w.admin_hint_bonus
    if ((is_admin1 and division in near.hinted_by)
            or (is_country and (country_code, "") in near.hinted_by)):
        score += w.hint_division_bonus
    if is_country:
        score += w.country_bonus
    elif place.feature_code == "PPLC":
        score += w.capital_bonus
    if place.feature_code == "ADM2" and not near.division_cued and key != place.key:
        score -= w.division_without_cue_penalty  # "Barrow", not "Barrow County"
    if is_admin1:
        score += w.contained_bonus * _contained(place, context.neighbours)
        if near.division_cued:
            score += w.division_cue_bonus
        elif country_code in towns_by_country or near.near_cued:
            score -= w.division_without_cue_penalty  # and one is near a town, not a province
        elif any(d[0] == country_code and d != division for d in context.divisions):
            score += w.sibling_division_bonus
    if context.neighbours and _is_point(place):
        nearness = context.nearness.get(place.index)
        if nearness is None:
            nearness = context.nearness[place.index] = _nearness(place, context.neighbours)
        score += nearness
    return score


def _mention(text: str, candidate: Candidate, place: Place, near: _Surroundings) -> PlaceMention:
    return PlaceMention(
        text=candidate.text, start=candidate.start, end=candidate.end,
        geonameid=place.geonameid, name=anyascii(place.name), latitude=place.latitude,
        longitude=place.longitude, country_code=place.country_code, country=place.country,
        admin1=place.admin1, feature_class=place.feature_class,
        feature_code=place.feature_code, population=place.population,
        precision=_precision(text, candidate, place, near))


def _precision(text: str, candidate: Candidate, place: Place, near: _Surroundings) -> int:
    """ACLED's geo-precision: 3 a province, region or country; 2 a district (a second-level
    division, a town named as its district, or the district in brackets after a village the
    gazetteer lacks: "Awdheegle village (Afgooye, Lower Shabelle)"), or near a place, as an end
    of a road is ("the Eldoret-Malaba highway"); 1 the place itself."""
    if place.is_country or place.is_admin1 or place.feature_class in AREA_CLASSES:
        return 3
    cues, w = _cues(), weights()
    before = text[max(0, candidate.start - w.near_cue_before):candidate.start]
    after = text[candidate.end:candidate.end + w.near_cue_after]
    if place.feature_code == "ADM2" or cues["district_after"].match(after) or cues["village_before"].search(before):
        return 2
    if near.division_cued:
        return 3
    if near.near_cued or cues["near_after"].match(after) or road_end(text, candidate.start, candidate.end):
        return 2
    return 1


def told_as_settlement(text: str, start: int) -> bool:
    """Whether the name starting here is told as a settlement's: "the town of Sake"."""
    return bool(_cues()["settlement_of"].search(text, max(0, start - weights().division_cue_before), start))


def road_end(text: str, start: int, end: int) -> bool:
    """A name joined by a hyphen to another: one end of a road or a route ("the Eldoret-Malaba
    highway"), which an event on it is near, not at."""
    return text[end:end + 1] == "-" or text[start - 1:start] == "-"


def told_beyond(text: str, start: int, end: int, paired: bool = True) -> bool:
    """A name told as a border, an origin, a destination or its money ("near the border with
    Somalia", "militants from Somalia", "US dollars"), or, when ``paired``, as one side of a border
    ("the Kenya-Somalia border"): what happened lies outside it."""
    before, after, pair_after = _beyond_cues()
    return bool(before.search(text, max(0, start - 30), start) or (pair_after if paired else after).match(text, end))


@cache
def _beyond_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    raw = load_yaml("places_context.yaml")
    words = "|".join(raw["beyond_after"])
    return (re.compile(r"\b(?:" + "|".join(raw["beyond_before"]) + r")\s+(?:the\s+)?$", re.I),
            re.compile(rf"\s+(?:{words})\b", re.I), re.compile(rf"(?:\s*-\s*[A-Z][\w ]*?)?\s+(?:{words})\b", re.I))


def division_seat(place: PlaceMention) -> PlaceMention:
    """A first-level division at its capital, as ACLED codes an event known only to its province
    (geo-precision 3): "Turkana" at Lodwar, its capital in ``data/places_admin1_seats.yaml``,
    else at a town of the division's name ("Mandera County" at Mandera).
    A division with neither keeps its own point."""
    if place.feature_code != "ADM1" or not place.name:
        return place
    gazetteer = load_gazetteer()
    capital = _admin1_seats().get((place.country_code, place.admin1))
    # a listed capital by any of its names; else a town by the division's own name
    towns = [p for p in gazetteer.lookup(capital or place.name) if p.feature_class == "P"
             and (capital is not None or p.key == name_key(place.name))
             and p.country_code == place.country_code and p.admin1 == place.admin1]
    if not towns:
        return place
    seat = max(towns, key=lambda p: p.population)
    return replace(place, geonameid=seat.geonameid, name=anyascii(seat.name), latitude=seat.latitude,
                   longitude=seat.longitude, feature_class="P", feature_code=seat.feature_code,
                   population=seat.population, precision=3, geo_source=gazetteer.source_of(seat.geonameid))


@cache
def _admin1_seats() -> dict[tuple[str, str], str]:
    """(country code, first-level division name) -> the name of its capital town."""
    return {(cc, division): seat for cc, seats in load_yaml("places_admin1_seats.yaml")["countries"].items()
            for division, seat in seats.items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))

