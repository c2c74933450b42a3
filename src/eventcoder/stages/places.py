"""The place stage: finding toponyms in the text and geocoding them.

Finding: capitalised word sequences (with lower-case connectors such as "al-" or "de"
inside) are looked up in the gazetteer, longest span first; each look-up hands back the
span's key and its places with theirs, and the rules after it compare those keys. Precision
comes from general rules over the context (``data/places_context.yaml``, thresholds in
``data/places_weights.yaml``): stop words, person titles and "X said", a name continued by an
unknown capitalised word, organisation words after the name, and a caution for common English
words that are also small places. Resolving and geo-precision are in
:mod:`eventcoder.gazetteer.resolve`.

Demonyms ("Syrian", "Palestinians", "European") are toponyms too (gold sets count them):
they are emitted as their country or continent with ``feature_code`` :data:`DEMONYM`, so
that later stages can tell them from places where something happened; their countries
also count as the article's country context.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources

from rapidfuzz.fuzz import ratio

from eventcoder.alternation import Dispatched, dispatched
from eventcoder.article import Article, PlaceMention
from eventcoder.resources import data_rows, load_yaml
from eventcoder.gazetteer import Found, Gazetteer, Place, load_gazetteer
from eventcoder.gazetteer.names import name_key
from eventcoder.gazetteer.resolve import (Candidate, distance_km, resolve_candidates, told_as_settlement, weights,
                                          without_settlement_word)
from eventcoder.lexicon import (armed_group_countries, armed_group_spans, contextual_armed_countries,
                                identity_group_countries, identity_group_spellings, load_lexicon, match_names)
from eventcoder.spans import Spans
from eventcoder.stages import stage

MAX_SPAN_TOKENS = 6
#: ``PlaceMention.feature_code`` of a demonym: it names a country's or continent's people,
#: not a location of the events.
DEMONYM = "DEMONYM"
#: Words whose frequency is remembered: each capitalised span asks for its words' frequency,
#: and an archive's vocabulary of such words is mostly the same from article to article.
FREQUENCY_CACHE_SIZE = 1 << 16
#: Outlets' home places remembered, each read once.
HOME_CACHE_SIZE = 1 << 12

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|[^\W\d_][\w'’‘ʿ`]*(?:-(?=[^\W\d_])[\w'’‘ʿ`]*)*", re.UNICODE)  # a hyphen only before a letter
_VOWEL_RUN = re.compile(r"[aeiouy]+")
#: The capitalised parts of a hyphenated word, each of three letters or more.
_HYPHEN_PART = re.compile(r"(?<![^-])[A-Z][^\W\d_]{2,}(?![^-])")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")  # what a possessive ends with, checked first
_POSSESSIVE_GAPS = ("'s ", "’s ")  # between a possessive word stripped and the next
_DEMONYM_WORD = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)*$")
_NO_PLURAL = ("ese", "ish", "ch", "ss", "s")
#: What in the gap before a token ends the sentence before it.
# An organisation's initials after a place: "Migori MCAs", "Kisumu ODM": the place's people.
_INITIALS = re.compile(r"[A-Z]{2,5}s?")
_SENTENCE_BREAK = re.compile(r'[\n.!?:"“]')
_PHRASE_BREAK = re.compile(r"[,;:()\[\]]")
#: A party and a place, as US news writes a politician's seat: "D-Charleston", "R-Texas".
_PARTY_PREFIX = re.compile(r"^[DRI]-(?=[A-Z][a-z])")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ed|ash|as|az|ez|ar|an|at|adh|ath|ech|esh|es|en)-"
                             r"(?=[A-Z])")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    capitalised: bool
    sentence_initial: bool


@dataclass(slots=True, kw_only=True)
class _Match(Candidate):
    """A gazetteer match and where it sits among the text's tokens, for the rules that judge it."""

    run_before: list[_Token]
    run_after: list[_Token]
    token_index: int
    last_token_index: int
    tokens: list[_Token]
    sentence_initial: bool
    #: the word before it in its run is a place name too, so no first name of a surname
    follows_place: bool


@cache
def _context() -> dict:
    raw = load_yaml("places_context.yaml")
    return {key: frozenset(raw[key]) for key in (
        "stop_words", "connectors", "person_titles", "person_verbs", "organisation_words",
        "place_suffixes", "never_alone", "direction_words", "place_prepositions",
        "name_abbreviations", "affiliation_words", "affiliation_modifiers", "feature_words", "not_building_words", "ground_nouns",
        "people_qualifiers", "pointing_words", "name_links", "occasion_words", "name_joiners")}


@cache
def _demonym_pattern() -> tuple[Dispatched, dict[str, Place]]:
    """Demonyms (and their plurals) to their country's or continent's record: countries from
    ``data/demonyms.csv``, continents from ``data/places_aliases.yaml``."""
    gazetteer = load_gazetteer()
    targets: dict[str, Place] = {}
    data = resources.files("eventcoder").joinpath("data")
    for row in csv.DictReader(line for line in data.joinpath("demonyms.csv").read_text(
            "utf-8").splitlines() if not line.startswith("#")):
        country = gazetteer.country(row["code"])
        for word in row["demonyms"].split("|") if country else ():
            targets.setdefault(word, country)
    aliases = load_yaml("places_aliases.yaml")
    for geonameid, words in (aliases.get("continent_demonyms") or {}).items():
        continent = gazetteer.by_geonameid(int(geonameid))
        for word in words if continent else ():
            targets[word] = continent
    forms: dict[str, Place] = {}
    for word, place in targets.items():
        if not _DEMONYM_WORD.match(word) or any(p.is_country for p in gazetteer.lookup(word)):
            continue  # "US", "New Zealand": names, found as places
        forms[word] = place
        if not word.endswith(_NO_PLURAL):
            forms[word + "s"] = place
    alternatives = [re.escape(w) for w in sorted(forms, key=len, reverse=True)]
    return dispatched([("demonym", alternatives)], prefix=r"(?<![\w-])", suffix=r"(?![\w’']|-[a-z])", flags=0), forms


@cache
def _zipf():
    """wordfreq's English frequency, loaded on first use, each word's figure remembered."""
    from wordfreq import zipf_frequency

    return lru_cache(maxsize=FREQUENCY_CACHE_SIZE)(partial(zipf_frequency, lang="en"))


@stage("places", reads=("text", "sentences", "actor_names", "home", "source"), sets=("places",))
def find_places(article: Article) -> Article:
    """Sets ``article.places``: toponyms, geocoded, sorted by start.

    The gazetteer is consulted in one step (:func:`_match`); the rules after it judge the
    matches by the keys they carry, and the resolver ranks the places of those kept."""
    home = home_division(article.home) if article.home else outlet_country(article.source)
    tokens = _tokens(article)
    demonyms = _demonyms(article.text)
    demonym_spans = Spans((d.start, d.end) for d in demonyms)
    groups = Spans(armed_group_spans(article.actor_names))
    gazetteer = load_gazetteer()
    matched = [c for c in _match(article.text, tokens, gazetteer, bare_towns=bool(article.home))
               if not _inside_demonym(c, demonym_spans) and not groups.cover(c.start, c.end)]
    for candidate in matched:
        if _names_a_feature(candidate, article.text):
            candidate.places = [p for p in candidate.places if p.key == candidate.key]
    matched = [c for c in matched if c.places]
    surnames = {c.text for c in matched if _surname(c, article.text)}
    affiliations = {c.key for c in matched if _affiliation(c, article.text)}
    candidates = [c for c in matched if _plausible(c, article.text)
                  and not (c.text in surnames and not _is_major(c)) and c.key not in affiliations]
    # a name only ever told as a building's or an organisation's ("Westgate Mall"), not a road's
    buildings = _building_words()
    named_alone = {c.key for c in candidates if not any(t.lower in buildings for t in c.run_after)}
    for candidate in candidates:
        candidate.facility = candidate.key not in named_alone
    abbreviated = _abbreviations(article.text)
    abbreviated_spans = Spans((a.start, a.end) for a in abbreviated)
    candidates = sorted([c for c in candidates if not abbreviated_spans.overlap(c.start, c.end)] + abbreviated,
                        key=lambda c: c.start)
    candidate_spans = Spans((c.start, c.end) for c in candidates)
    kept = [d for d in demonyms if not candidate_spans.cover(d.start, d.end)]
    # an ethnic group's country, like a demonym of land or forces, is where its events are
    identities = _identity_countries(article.text)
    # an armed group fights where it is at home more often than not, as an ethnic group lives
    identities |= armed_group_countries(article.actor_names)
    # and initials that name an armed group in a few countries point at those, as a party's
    # name points at its country ("Awami League supporters clashed in Gopalganj")
    mentioned = ({d.country_code for d in kept if d.country_code} | identities | contextual_armed_countries(article.actor_names)
                 | _party_countries(article.text) | _division_word_countries(article.text))
    grounded = frozenset(identities | {d.country_code for d in kept
                                       if d.country_code and ground_after().match(article.text, d.end)})
    places = resolve_candidates(article.text, candidates, mentioned, home=home,
                                coded_countries=gazetteer.coded_countries, grounded_countries=grounded)
    places = _inside_their_brackets(article.text, _quarters_near_their_towns(article.text, sorted(places, key=lambda m: m.start)))
    for place in places:
        place.geo_source = gazetteer.source_of(place.geonameid)
    capitals = _capitals_told(article.text, kept, home, gazetteer)
    article.places = sorted(places + kept + capitals, key=lambda m: m.start)
    return article


#: After a town's quarter whose town is left unsaid: "Hawl Wadaag neighbourhood" (not "the Crown
#: Heights neighborhood of Brooklyn", which names it).
_QUARTER_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|suburbs?)\b(?!\s+of\b)", re.I)
#: How far a town's quarter may lie from the town, and how far before it the town is told.
QUARTER_REACH_KM = 40
QUARTER_TOWN_REACH = 300


def _quarters_near_their_towns(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """A quarter told just after a town ("shells fell on Baidoa ... a house in Hawl Wadaag
    neighbourhood") is the town's: a reading of its name far from every town told shortly before
    is another city's quarter of the same name, and no place of this story."""
    towns: list[PlaceMention] = []
    kept = []
    for place in places:
        near = [t for t in towns if place.start - t.end <= QUARTER_TOWN_REACH]
        if (near and place.latitude is not None and _QUARTER_AFTER.match(text, place.end)
                and all(distance_km(t.latitude, t.longitude, place.latitude, place.longitude) > QUARTER_REACH_KM for t in near)):
            continue
        if place.feature_class == "P" and place.latitude is not None:
            towns.append(place)
        kept.append(place)
    return kept


def _inside_their_brackets(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """A name whose brackets give its divisions ("Raiganj police station (Sirajganj)", as ACLED's
    notes place a village) lies in their country: its only readings abroad are a namesake the
    gazetteer holds for a place it lacks, and the divisions tell where the place is. A capital or
    a province's seat is no namesake ("Addis Ababa (Bole sub-city)", whose Bole the gazetteer may
    read in China)."""
    def abroad(place: PlaceMention) -> bool:
        if place.feature_class != "P" or place.feature_code in _SEATS or not place.country_code:
            return False
        countries = _bracket_countries(text, place, places)
        return len(countries) == 1 and place.country_code not in countries
    return [place for place in places if not abroad(place)]


def _bracket_countries(text: str, place: PlaceMention, places: list[PlaceMention]) -> set[str]:
    """The countries of the places named as whole items of the brackets right after a place (not
    "Bono" of "(Techiman Municipal, Bono East)")."""
    opening = _BRACKET_AFTER.match(text, place.end)
    closing = text.find(")", opening.end()) if opening else -1
    if closing < 0:
        return set()
    return {p.country_code for p in places if p.country_code and opening.end() <= p.start and p.end <= closing
            and _ITEM_OPENS.search(text, opening.end() - 1, p.start) and _ITEM_CLOSES.match(text, p.end)}


#: The seats of a country or a province, which a village's brackets do not move abroad.
_SEATS = frozenset({"PPLC", "PPLA", "PPLG"})
#: Around a whole item of a bracket list: "(|Sirajganj|)", ", |Borno|)".
_ITEM_OPENS = re.compile(r"[(,]\s*$")
_ITEM_CLOSES = re.compile(r"\s*[,)]")
#: From a place to the brackets of its divisions: "Raiganj| police station (", "Bulo (", and
#: of the locality it is told in: "Bangkal|, Seruyan Raya (".
_BRACKET_AFTER = re.compile(r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?(?:\s+[a-z][\w-]*){0,3}\s*\(")


def _capitals_told(text: str, demonyms: list[PlaceMention], home: tuple[str, str] | None,
                   gazetteer: Gazetteer) -> list[PlaceMention]:
    """A capital told by its country, not its name: "in the Somali capital", and for an outlet
    at home in a country "outside the capital"; not "the capital of ..." nor "the capital, Nairobi"."""
    told = [(d.start, match.end(), d.country_code) for d in demonyms
            if d.country_code and _THE_BEFORE.search(text, max(0, d.start - 4), d.start)
            and (match := _CAPITAL_AFTER.match(text, d.end))]
    if home:
        told += [(match.start("capital"), match.end(), home[0]) for match in _HOME_CAPITAL.finditer(text)]
    capitals = [(start, end, gazetteer.capital(country_code)) for start, end, country_code in told]
    return [_told_by_other_words(capital, text, start, end, admin1=capital.admin1,
                                 geo_source=gazetteer.source_of(capital.geonameid), named=False)
            for start, end, capital in capitals if capital is not None]


#: Around a capital told by its country: "the Somali capital", "in the capital" (not "the capital
#: of Kenya", "the capital, Nairobi", "the capital Nairobi" nor "capital punishment").
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOT_NAMED_AFTER = r"(?!,?\s+(?:of\b|[A-Z]|punishment|markets?|gains?|flight))"
_CAPITAL_AFTER = re.compile(r"\s+capital(?:\s+city)?\b" + _NOT_NAMED_AFTER)
_HOME_CAPITAL = re.compile(r"\b(?i:in|at|near|outside|around|into|across|to|of)\s+(?P<capital>the\s+capital(?:\s+city)?)\b"
                           + _NOT_NAMED_AFTER)


@lru_cache(maxsize=HOME_CACHE_SIZE)
def home_division(home: str) -> tuple[str, str] | None:
    """(country code, first-level division name, "" for a whole country) of an outlet's home
    place name, read as a toponym of its own; None when it names no place."""
    places = _read_as_places(home)
    place = next((p for p in places if p.admin1), None) or next(iter(places), None)
    if place is None or not place.country_code:
        return None
    return place.country_code, place.admin1 or ""


@lru_cache(maxsize=HOME_CACHE_SIZE)
def outlet_country(source: str | None) -> tuple[str, str] | None:
    """(country code, "") of an outlet that names its country in its name, by the country, a
    demonym or the capital: "Star (Kenya)", "Sudan Tribune", "Nairobi News". A source listing
    several outlets ("Somali Memo; Daily Nation (Kenya)") has a home only where those that
    name a country agree."""
    if not source:
        return None
    countries = {country for outlet in source.split(";") if (country := next((
        p.country_code for p in _read_as_places(outlet.strip()) if p.country_code and (
            p.is_country or p.feature_code in ("PPLC", DEMONYM))), None))}
    return (countries.pop(), "") if len(countries) == 1 else None


def _read_as_places(name: str) -> list[PlaceMention]:
    """The places a short name of its own holds: an outlet's home or its name."""
    return find_places(Article("name", name, actor_names=match_names(name, load_lexicon()))).places


def _demonyms(text: str) -> list[PlaceMention]:
    """Demonym mentions, each set to its country's (or continent's) record."""
    pattern, forms = _demonym_pattern()
    found = []
    for match in pattern.finditer(text):
        found.append(_told_by_other_words(forms[match.group()], text, match.start(), match.end(),
                                          feature_code=DEMONYM, precision=3))
    return found


def _told_by_other_words(place: Place, text: str, start: int, end: int, **fields) -> PlaceMention:
    """A mention of a gazetteer place in words other than its name ("Somali", "the capital")."""
    return PlaceMention(**{
        "text": text[start:end], "start": start, "end": end, "geonameid": place.geonameid, "name": place.name,
        "latitude": place.latitude, "longitude": place.longitude, "country_code": place.country_code or None,
        "country": place.country, "feature_class": place.feature_class, "feature_code": place.feature_code,
        "population": place.population, **fields})


@cache
def _identity_pattern() -> tuple[Dispatched, dict[str, str]]:
    """The names of ethnic groups and clans (``data/identity_groups.csv``) with the country
    most of each lives in."""
    countries = {spelling: identity_group_countries(row)[0] for row in data_rows("identity_groups.csv")
                 for spelling in identity_group_spellings(row)}
    alternatives = [re.escape(n) for n in sorted(countries, key=len, reverse=True)]
    return dispatched([("group", alternatives)], prefix=r"(?<![\w-])", suffix=r"(?![\w-])", flags=0), countries


def _identity_countries(text: str) -> set[str]:
    """The countries of the ethnic groups and clans a text names: "Orma" and "Pokomo" say
    the report is from Kenya as "Kenyan" would, though either may also name a place."""
    pattern, countries = _identity_pattern()
    return {countries[match.group()] for match in pattern.finditer(text)}


@cache
def _party_pattern() -> tuple[Dispatched, dict[str, str]]:
    """The spellings of political parties (``data/parties.csv``) with each one's country, matched
    as written (initials in capitals, names as news capitalise them)."""
    countries = {spelling: row["country"] for row in data_rows("parties.csv") for spelling in row["aliases"].split("|")}
    alternatives = [re.escape(s) for s in sorted(countries, key=len, reverse=True)]
    return dispatched([("party", alternatives)], prefix=r"(?<![\w-])", suffix=r"(?![\w-])", flags=0), countries


def _party_countries(text: str) -> set[str]:
    """The countries of the parties a text names: "BNP" says the report is from Bangladesh."""
    pattern, countries = _party_pattern()
    return {countries[match.group()] for match in pattern.finditer(text)}


def _division_word_countries(text: str) -> set[str]:
    """The countries whose local divisions' words a text uses: "Barangay" says the Philippines."""
    pattern, countries = _division_words()
    return {code for match in pattern.finditer(text) for code in countries[match.group().lower()]}


@cache
def _division_words() -> tuple[re.Pattern, dict[str, list[str]]]:
    countries = {word.lower(): codes for word, codes in load_yaml("places_division_words.yaml").items()}
    words = "|".join(sorted(map(re.escape, countries), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE), countries


@cache
def _people_before() -> re.Pattern:
    numbers = load_yaml("numbers.yaml")
    words = "|".join(sorted([*numbers["units"], *numbers["tens"], *numbers["vague"], *_context()["people_qualifiers"]],
                            key=len, reverse=True))
    return re.compile(rf"(?:\b\d+|\b(?:{words}))\s+$", re.IGNORECASE)


def _told_as_people(text: str, start: int) -> bool:
    """Whether a count of people, or a word that makes people suspects or fighters, ends right
    before: "6 ", "dozens ", "suspected ", "armed "."""
    return _people_before().search(text, max(0, start - 20), start) is not None


@cache
def _abbreviation_pattern() -> tuple[re.Pattern, dict[str, Found]]:
    """Division abbreviations ("Ky.", "W.Va.", from ``data/places_aliases.yaml``) with their
    key and their division's record (none when the gazetteer lacks it); only after a comma,
    hyphen or bracket."""
    gazetteer = load_gazetteer()
    divisions: dict[str, Found] = {}
    for code, abbreviations in (load_yaml("places_aliases.yaml").get("division_abbreviations") or {}).items():
        country_code, admin1 = code.split(".", 1)
        places = [p for p in gazetteer.lookup(gazetteer.admin1_names.get(code) or "") if p.is_admin1
                  and p.country_code == country_code and p.admin1_code == admin1]
        divisions.update((a, Found(name_key(a), places)) for a in abbreviations)
    alternatives = "|".join(re.escape(a) for a in sorted(divisions, key=len, reverse=True))
    return re.compile(rf"(?:(?<=,\s)|(?<=[-(]))(?:{alternatives})(?![\w.])"), divisions


def _abbreviations(text: str) -> list[Candidate]:
    """Candidates for abbreviated divisions ("Louisville, Ky."), each with its one division."""
    pattern, divisions = _abbreviation_pattern()
    return [Candidate(start=match.start(), end=match.end(), text=match.group(),
                      key=division.key, places=list(division.places))
            for match in pattern.finditer(text) if (division := divisions[match.group()]).places]


def _inside_demonym(candidate: Candidate, demonyms: Spans) -> bool:
    """A place match that a demonym covers ("Russian" the town) yields to it; a longer name
    holding a demonym ("American Samoa") does not."""
    return demonyms.cover(candidate.start, candidate.end)


def _tokens(article: Article) -> list[_Token]:
    text = article.text
    starts = {s.start for s in article.sentences} or {0}
    tokens = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.start(), match.end()
        party = _PARTY_PREFIX.match(word) if word[1:2] == "-" else None
        if party:
            word, start = word[party.end():], start + party.end()
        possessive = _POSSESSIVE.search(word) if word.endswith(_POSSESSIVE_ENDS) else None
        if possessive and len(word) > 3 and not word.isupper():
            word = word[:possessive.start()]
            end = start + len(word)
        gap = text[previous_end:start]
        initial = start in starts or (gap != " " and _opens_sentence(gap))
        previous_end = match.end()
        # most words are lower-case, and an article prefix has its hyphen
        capitalised = word[0].isupper() or ("-" in word and _ARTICLE_PREFIX.match(word) is not None)
        tokens.append(_Token(start, end, word, word.lower(), capitalised, initial))
    if tokens:
        tokens[0].sentence_initial = True
    return tokens


def _opens_sentence(gap: str) -> bool:
    return _SENTENCE_BREAK.search(gap) is not None


def _sequences(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Runs of capitalised tokens joined by single spaces, connectors allowed inside."""
    context = _context()
    stop, connectors = context["stop_words"], context["connectors"]
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for index, token in enumerate(tokens):
        is_name = token.capitalised and token.lower not in stop
        # one connector or two ("Fernando de la Mora") before the name goes on
        is_connector = (not token.capitalised and token.lower in connectors and bool(run) and any(
            index + step < len(tokens) and tokens[index + step].capitalised
            and all(not t.capitalised and t.lower in connectors for t in tokens[index + 1:index + step])
            for step in (1, 2)))
        joined = bool(run) and (_joins(text[run[-1].end:token.start]) or (
            text[run[-1].end:token.start] == ". "
            and run[-1].lower in context["name_abbreviations"]))
        if (is_name or is_connector) and (joined or not run):
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = [token] if is_name else []
    if run:
        runs.append(run)
    for run in runs:
        while run and not run[-1].capitalised:
            run.pop()
    return [r for r in runs if r]


def _joins(gap: str) -> bool:
    return gap in (" ", "-") or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def _match(text: str, tokens: list[_Token], gazetteer: Gazetteer, bare_towns: bool) -> list[_Match]:
    """Longest gazetteer matches inside each capitalised run: every look-up the stage makes
    for an article's names. A span the exact key misses, if its words are rare, may misspell a
    place of the user's own coding; failing that, it tries the skeleton tier when long enough
    to carry a skeleton. With ``bare_towns`` (a local outlet),
    the towns of a name without its settlement word are readings too (see :func:`_add_bare_towns`)."""
    found: list[_Match] = []
    position = {id(t): i for i, t in enumerate(tokens)}
    zipf, w = _zipf(), weights()
    for run in _possessive_names(text, _sequences(text, tokens), gazetteer):
        letters = [len(t.text) for t in run]
        i = 0
        while i < len(run):
            if (i + 1 < len(run) and run[i].lower == run[i + 1].lower
                    and not gazetteer.find(text[run[i].start:run[i + 1].end]).places):
                i += 2  # "Boda Boda riders": a doubled word is a word of its own, not its town
                continue
            for j in range(min(len(run), i + MAX_SPAN_TOKENS), i, -1):
                if not run[j - 1].capitalised or not run[i].capitalised:
                    continue
                span = text[run[i].start:run[j - 1].end]
                looked_up = gazetteer.find(span)
                places = looked_up.places
                length = sum(letters[i:j])
                coded = bool(gazetteer.coded_countries) and length >= w.coded_spelling_min_letters
                # a word's frequency is asked only here, for a span long enough for a second
                # look-up: wordfreq's first answer for a word is slow
                if not places and (coded or length >= w.loose_min_letters) and all(
                        zipf(t.lower) < w.loose_max_zipf for t in run[i:j]):
                    if coded:
                        looked_up = gazetteer.find_coded_spelling(span, w.coded_spelling_similarity)
                        places = looked_up.places
                    if not places and length >= w.loose_min_letters:
                        looked_up = gazetteer.find_loose(looked_up.key, min_population=w.loose_min_population)
                        places = _loose_places(looked_up)
                if places:
                    match = _Match(
                        start=run[i].start, end=run[j - 1].end, text=span, key=looked_up.key,
                        places=places, loose=looked_up.loose, run_before=run[:i], run_after=run[j:],
                        token_index=position[id(run[i])], last_token_index=position[id(run[j - 1])],
                        tokens=tokens, sentence_initial=run[i].sentence_initial,
                        follows_place=i > 0 and bool(gazetteer.lookup(run[i - 1].text)))
                    if bare_towns:
                        _add_bare_towns(match, gazetteer)
                    found.append(match)
                    i = j
                    break
            else:
                found += _hyphen_parts(run, i, tokens, position, gazetteer)
                i += 1
    return found


def _possessive_names(text: str, runs: list[list[_Token]], gazetteer: Gazetteer) -> list[list[_Token]]:
    """Runs split at a possessive that together name a place: "Cox's Bazar" (not "Kenya's Lamu")."""
    joined: list[list[_Token]] = []
    for run in runs:
        if (joined and text[joined[-1][-1].end:run[0].start] in _POSSESSIVE_GAPS
                and gazetteer.find(text[joined[-1][-1].start:run[0].end]).places):
            joined[-1] = joined[-1] + run
        else:
            joined.append(run)
    return joined


def _hyphen_parts(run: list[_Token], i: int, tokens: list[_Token], position: dict[int, int],
                  gazetteer: Gazetteer) -> list[_Match]:
    """The places a hyphenated word the gazetteer lacks joins: "the Eldoret-Kitale road", "the
    Isiolo-Garissa border" name two towns; each part is a match of its own, looked up exactly."""
    token = run[i]
    if "-" not in token.text:  # most words: nothing joined
        return []
    parts = list(_HYPHEN_PART.finditer(token.text))
    if len(parts) < 2 or len(parts) != token.text.count("-") + 1:
        return []
    matches = []
    for part in parts:
        found = gazetteer.find(part.group())
        if found.places and part.group().lower() not in _context()["connectors"]:
            matches.append(_Match(
                start=token.start + part.start(), end=token.start + part.end(), text=part.group(),
                key=found.key, places=found.places, run_before=run[:i], run_after=run[i + 1:],
                token_index=position[id(token)], last_token_index=position[id(token)], tokens=tokens,
                sentence_initial=token.sentence_initial and part.start() == 0, follows_place=False))
    return matches


def _add_bare_towns(candidate: Candidate, gazetteer: Gazetteer) -> None:
    """For a local outlet: "Dublin City" names Dublin, Ireland by an alternate name, but the
    outlet's own Dublin has a city council too, so the towns called Dublin become readings."""
    bare = without_settlement_word(candidate.text)
    if bare == candidate.text or any(p.key == candidate.key for p in candidate.places):
        return
    known = {p.index for p in candidate.places}
    candidate.places += [p for p in gazetteer.lookup(bare) if p.feature_class == "P" and p.index not in known]


def _loose_places(found: Found) -> list[Place]:
    """The places a skeleton match may reach (big enough, or divisions: the look-up left out the
    others) whose main name still looks like the name, its vowels too (rejects "Kafriya" for
    "Kfar HaRo'e", Kitale for "Kutulo")."""
    w = weights()
    folded = _VOWEL_RUN.sub("a", found.key)
    return [p for p in found.places if ratio(folded, _VOWEL_RUN.sub("a", p.key)) >= w.loose_min_similarity
            and ratio(found.key, p.key) >= w.loose_min_plain_similarity]


#: Divisions in brackets right after a name: "Sake (Masisi, North Kivu)", "Bulo (Hiraan)".
#: Initials in brackets are none: "the Guard and Reserve (ESGR)".
_DIVISIONS_AFTER = re.compile(r"\s*\(\s*[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*[,)]")


def _plausible(candidate: _Match, text: str) -> bool:
    """General rules that keep person names, organisations and common words out."""
    context, w = _context(), weights()
    tokens = candidate.tokens
    places = _finding_places(candidate)
    strong = any(p.feature_class == "A" or p.population >= w.strong_population for p in places)
    country = any(p.is_country for p in places)
    major = country or any(p.population >= w.major_population for p in places)
    # a city known by this name, unless it is only the city's foreign name and a town bears the
    # name itself: "Grenade" (Granada in French, and a French village) is the word
    named_so = any(p.key == candidate.key for p in places)
    known = any(p.population >= w.known_city_population
                and (p.key == candidate.key or p.feature_class != "P" or not named_so) for p in places)
    before = tokens[candidate.token_index - 1] if candidate.token_index > 0 else None
    after = (tokens[candidate.last_token_index + 1]
             if candidate.last_token_index + 1 < len(tokens) else None)
    adjacent_after = after is not None and _joins(text[candidate.end:after.start])
    gap_before = text[before.end:candidate.start] if before is not None else ""
    if (gap_before.lstrip(".") in (" ", "\u00a0") and before is not None
            and before.lower in context["person_titles"]):
        return False
    single = candidate.last_token_index == candidate.token_index
    if single and candidate.text.lower() in context["never_alone"]:
        return False
    if (single and not country and candidate.token_index >= 2 and before.lower in context["name_links"]
            and gap_before == " " and tokens[candidate.token_index - 2].capitalised
            and text[tokens[candidate.token_index - 2].end:before.start] == " "):
        return False  # "Lanao del Sur": the end of a longer name
    if single and not country and adjacent_after and after.text in context["name_joiners"]:
        joined = tokens[candidate.last_token_index + 2] if candidate.last_token_index + 2 < len(tokens) else None
        if joined is not None and joined.capitalised and text[after.end:joined.start] == " ":
            return False  # "Ras al Arah": the start of a longer name
    if (before is not None and before.lower in context["pointing_words"] and gap_before.strip() == ""
            and candidate.text.isupper()):
        return False  # wire copy in capitals: "IN THIS CAPITAL" points back (not "this Nairobi suburb")
    if single and adjacent_after and after.text == candidate.text.lower():
        return False  # "Boda boda", "Tuk tuk": a word said twice is a thing, not a place
    if candidate.run_after and candidate.run_after[0].capitalised and candidate.run_after[-1].lower in context["occasion_words"]:
        return False  # "Al Quds Day": a holiday
    if candidate.run_after and not country:
        following = candidate.run_after[0]
        run_end = candidate.last_token_index + len(candidate.run_after) + 1
        # and the word after the run, for a town of some size named so: "Athens City Council",
        # "Huntsville Memorial Hospital"; for a smaller place, when the run's words are common
        # ones ("Kapedo Catholic church"), not a person's name ("Dedan Kimathi University")
        sized = any(p.feature_class == "A" or (p.population >= w.small_population and p.key == candidate.key)
                    for p in places) or all(_zipf()(t.lower) >= w.facility_word_zipf for t in candidate.run_after)
        next_word = tokens[run_end:run_end + 1] if sized else []
        if next_word and _PHRASE_BREAK.search(text, candidate.run_after[-1].end, next_word[0].start):
            next_word = []  # "Adan Yabaal, Middle Shabelle": the next phrase's word names nothing of this one
        named = candidate.run_after + next_word
        if (following.capitalised and following.lower not in context["place_suffixes"]
                and not _INITIALS.fullmatch(following.text)
                and not any(t.lower in context["organisation_words"] for t in named)
                and not (strong and _zipf()(following.lower) >= w.name_word_zipf)):
            return False  # "Victoria Beckham", "Southern Front"; not "Springfield Science Museum", "Migori MCAs"
    if candidate.run_before and not country:
        preceding = candidate.run_before[-1]
        if (preceding.capitalised and not preceding.sentence_initial
                and preceding.lower not in context["direction_words"]):
            return False  # "Patrick Henry", "Ahrar al-Sham"; not "North Texas"
    located = (before is not None and not candidate.run_before
               and before.lower in context["place_prepositions"])
    if (single and adjacent_after and after.lower in context["person_verbs"] and not strong
            and not located):
        return False
    # a name whose divisions follow in brackets, or told as a settlement's ("the town of Sake"),
    # is a place whatever else the word means
    if (single and not major and not _DIVISIONS_AFTER.match(text, candidate.end)
            and not told_as_settlement(text, candidate.start)):
        frequency = _zipf()(candidate.text.lower())
        # the user's own coding gives the place, and the text puts something there: "in Engineer"
        coded = located and any(load_gazetteer().coded(p.geonameid) for p in places)
        if ((frequency >= w.common_word_zipf and not (known or coded))
                or (candidate.sentence_initial and frequency >= w.initial_word_zipf
                    and not (strong or known))
                or (candidate.sentence_initial and frequency >= w.everyday_word_zipf)):
            return False
    if candidate.loose and single and candidate.sentence_initial:
        return False
    if (_told_as_people(text, candidate.start) and candidate.text in _identity_pattern()[1]
            and not (adjacent_after and after.lower in context["place_suffixes"])):
        return False  # "6 Kikuyu", "three Pokot herders": people counted, not "200 Kisii county" staff's county
    if single and candidate.text.isupper() and len(candidate.text) <= w.acronym_length and not known:
        return False  # "OAS", "FMLN": an organisation's initials, not a small town of those letters
    if single and all(p.population < w.small_population and p.feature_class == "P"
                      and p.key != candidate.key for p in places):
        return False  # a small place known by this name only as an alternate: usually a surname
    return True


@cache
def _affiliation_patterns() -> tuple[re.Pattern, re.Pattern]:
    """After a name, the lower-case word ("Party" aside); before it, that word opening a
    sentence too ("Supporters of NASA"), but not a title's ("The Boys of Summer")."""
    ranked = sorted(_context()["affiliation_words"], key=len, reverse=True)
    words = "|".join(ranked)
    opening = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in ranked)
    modifiers = "|".join(_context()["affiliation_modifiers"])
    name = r"[A-Z][\w'’-]*"
    return (re.compile(rf"(?:\s+and\s+{name}(?:\s+{name})?)?\s+(?:(?:{modifiers})\s+)?(?:{words}|Party|Parties)\b"),
            re.compile(rf"(?:^|[.!?]\s+|\b[a-z]+\s+)(?:{opening})\s+of\s+(?:the\s+)?(?:{name}\s+and\s+)?$"))


def _affiliation(candidate: _Match, text: str) -> bool:
    """A name told as a party's or a faction's ("Jubilee supporters", "the Jubilee gubernatorial
    candidate", "Members of Jubilee and NASA parties", "supporters of NASA and Jubilee", "Gaza
    boys"): the name is then an affiliation everywhere in the article, unless a known place by
    a name rarer than a common word ("Mandera MCAs", but "Orange politicians")."""
    after, before = _affiliation_patterns()
    w = weights()
    if not (after.match(text, candidate.end) or before.search(text[max(0, candidate.start - 60):candidate.start])):
        return False
    places = _finding_places(candidate)
    if any(p.is_country or p.feature_class == "A" for p in places):
        return False
    known = any(p.population >= w.known_city_population for p in places)
    return not known or _zipf()(candidate.text.lower()) >= w.common_word_zipf


def _names_a_feature(candidate: _Match, text: str) -> bool:
    """"Boni Forest", "Tana River": the name before a natural feature's word is the feature's."""
    return bool(_feature_after().match(text, candidate.end))


@cache
def ground_after() -> re.Pattern:
    """After a demonym, a word for its land or its state's forces: "Kenyan village", "Kenyan troops"."""
    words = "|".join(sorted(_context()["ground_nouns"], key=len, reverse=True))
    return re.compile(rf"\s+(?:[a-z]+\s+)?(?:{words})\b")


@cache
def _building_words() -> frozenset[str]:
    return _context()["organisation_words"] - _context()["not_building_words"]


@cache
def _feature_after() -> re.Pattern:
    return re.compile(r"\s+(?:" + "|".join(_context()["feature_words"]) + r")\b", re.IGNORECASE)


def _surname(candidate: _Match, text: str) -> bool:
    """A one-word match seen once after a first name or an initial ("Matthew D. Flores",
    "Eric Stevens"): the word is then a surname everywhere in the article."""
    if candidate.last_token_index != candidate.token_index or candidate.token_index == 0:
        return False
    before = candidate.tokens[candidate.token_index - 1]
    gap = text[before.end:candidate.start]
    if len(before.text) == 1 and before.text.isupper() and gap == ". ":
        return True
    return (gap == " " and before.capitalised
            and bool(candidate.run_before) and before.lower not in _context()["stop_words"]
            and not candidate.follows_place)


def _is_major(candidate: Candidate) -> bool:
    return any(p.is_country or p.population >= weights().major_population
               for p in _finding_places(candidate))


def _finding_places(candidate: Candidate) -> list[Place]:
    """The places that say whether a span is a toponym at all: a second-level division named
    without its division word ("Warren" for Warren County) is only a reading of a name that
    other places already hold, never a reason to keep the span."""
    return [p for p in candidate.places
            if p.feature_code != "ADM2" or p.key == candidate.key] or candidate.places
