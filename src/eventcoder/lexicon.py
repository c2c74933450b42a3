"""The actor dictionary and its matcher: every alias of every actor, found in a text at once.

Not a stage: the actor stage and the places stage both read what :func:`match_names` finds (the
places stage to know that "Boko Haram" names no place), and evaluation reads the dictionary.

Matching: one Aho-Corasick automaton over a lower-cased copy of the text that keeps every offset
(only length-preserving changes: case, curly quotes, dash variants), matches kept at word
boundaries, the longest match winning. The facts are data: named groups, coalitions,
context-dependent acronyms and generic words in ``data/actors.yaml``, with a user's own actors
file merged in (:mod:`eventcoder.resources`); state forces of every country are generated from
pycountry and ``data/demonyms.csv`` ("Syrian army", "army of Syria" -> Military Forces of Syria).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache

import ahocorasick
import pycountry

from eventcoder import taxonomy
from eventcoder.article import ActorMention
from eventcoder.resources import ActorsFile, actor_data, current_actors, data_rows

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_NORMALISE = str.maketrans({
    **{c: "'" for c in "\u2018\u2019\u02bc\u02bf\u0060\u00b4"},
    **{c: '"' for c in "\u201c\u201d\u201e"},
    **{c: "-" for c in _DASHES},
    "\u00a0": " ", "\n": " ", "\t": " ", "\r": " ",
})
_ALIAS_TOKEN = re.compile(r"[A-Za-z.]+")
_CAPITALS_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.!?:;\n]")
_NEGATING_PREFIXES = ("pro-", "anti-")
_CAPITALS_RUN = re.compile(r"[A-Za-z]\.?[A-Z]")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    category: str
    country_code: str | None = None
    branch: str | None = None  # military | police | government, for state forces
    qualify: frozenset[str] | None = None  # countries whose name is appended; "*" = any
    active: tuple[int, int] | None = None
    sides_with_state: bool = False  # a state's auxiliaries: "the jihadists" they fight are never them
    #: (the day, the state's forces) a group that took power became: the Taliban in August 2021
    became_state: tuple[dt.date, str] | None = None


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    #: "the " when ACLED writes "of the ..." in an actor's name ("Military Forces of the
    #: United States"), else ""
    article: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """What one alias means: a named actor, a context-dependent alias, a generic word, a
    phrase that names no actor, or a country cue (name or demonym, never a mention)."""

    kind: str  # actor | contextual | generic | block | country
    exact_caps: tuple[tuple[int, str], ...] = ()  # offsets that must be these capitals
    needs_capital: bool = False
    acronym: int = 0  # letters of an all-capitals alias ("IS": 2), else 0
    actor: Actor | None = None
    by_country: tuple[tuple[str, tuple[Actor, ...]], ...] = ()
    generic: str | None = None
    after_demonym: bool = False  # a generic word that names a side only after a demonym ("Ukrainian positions")
    country_code: str | None = None


@dataclass(slots=True)
class Lexicon:
    automaton: ahocorasick.Automaton
    countries: dict[str, Country]
    generic_names: dict[str, tuple[str, str]]  # kind -> (name template, category)
    actors_by_name: dict[str, Actor] = field(default_factory=dict)
    subject_verbs: dict[str, str] = field(default_factory=dict)  # verb -> state branch
    state_actors: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (code, branch)
    absorbed_generics: frozenset[str] = frozenset()  # generic kinds a named actor just before absorbs
    #: an ethnic group's or clan's bare name before an act ("Pokomo attack"), and its militia by name
    identity_subjects: re.Pattern | None = None
    identity_militias: dict[str, Actor] = field(default_factory=dict)
    #: a group living in several countries: its militia by name -> that militia in each of them
    identity_homes: dict[str, dict[str, Actor]] = field(default_factory=dict)
    #: two groups named as the sides of a fight ("between the Borana and Gabra communities")
    identity_pairs: re.Pattern | None = None
    #: armed men told by the group they come from ("raiders from the Pokot")
    identity_origins: re.Pattern | None = None
    #: generic words for one civilian told alone ("a driver"): a side struck, never a crowd
    one_person: frozenset[str] = frozenset()

    def militia_in(self, name: str, country_code: str | None) -> Actor | None:
        """The militia named ``name`` as named in another country its group lives in ("Fulani
        Ethnic Militia (Mali)"); None when the group lives in no other or not there."""
        return self.identity_homes.get(name, {}).get(country_code or "")


#: Between armed men and whom they are said to be: "raiders, suspected to be Pokots", "youths
#: believed to be part of the Mungiki", "gunmen who were thought to be from Ethiopia".
SUSPECTED_TO_BE = (r"\s*,?\s+(?:who\s+(?:were|are|was|is)\s+)?(?i:suspected|believed|alleged|thought|said)\s+to\s+be"
                   r"(?:\s+(?i:part|members?|a\s+faction)\s+of)?")


@dataclass(slots=True)
class NameMatch:
    start: int
    end: int
    entry: Entry
    #: for a contextual alias, what the words mean outside the countries it is listed for: a
    #: generic kind ("militants") or the actor they name elsewhere ("al-Shabaab": Somalia's)
    elsewhere: Entry | None = None


@dataclass(frozen=True, slots=True)
class ActorNames:
    """What the dictionary finds in one text: alias matches, and country cues (start, end, code)."""

    matches: tuple[NameMatch, ...]
    country_cues: tuple[tuple[int, int, str], ...]



def normalise(text: str) -> str:
    """A lower-cased copy of the same length, so offsets carry over unchanged."""
    translated = text.translate(_NORMALISE)
    lowered = translated.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in translated)


def match_names(text: str, lexicon: Lexicon) -> ActorNames:
    """Valid matches, longest first without overlaps and sorted by start, and country cues."""
    haystack = normalise(text)
    letters = sum(map(str.isalpha, text))
    capitals_text = letters > 0 and sum(map(str.isupper, text)) > 0.8 * letters
    candidates: list[NameMatch] = []
    cues: list[tuple[int, int, str]] = []
    for last, (length, entries) in lexicon.automaton.iter(haystack):
        end = last + 1
        start = end - length
        if not _at_word_boundaries(haystack, start, end):
            continue
        for index, entry in enumerate(entries):
            if not _case_fits(text, start, end, entry, capitals_text):
                continue
            if entry.kind == "country":
                # not "LET US", "A CAR", nor a cause's country ("pro-Palestinian protesters")
                if not (capitals_text and entry.acronym) and not _after_negating_prefix(haystack, start):
                    cues.append((start, end, entry.country_code))
            elif not _after_negating_prefix(haystack, start) and not _HOLDER_SUFFIX.match(haystack, end):
                elsewhere = next((e for e in entries[index + 1:] if e.kind in ("generic", "actor")), None) if entry.kind == "contextual" else None
                candidates.append(NameMatch(start, end, entry, elsewhere))
                break
    candidates.sort(key=lambda m: (m.start - m.end, m.start))
    taken = bytearray(len(text))
    kept = []
    for match in candidates:
        if any(taken[match.start:match.end]):
            continue
        taken[match.start:match.end] = b"\x01" * (match.end - match.start)
        if match.entry.kind != "block":
            kept.append(match)
    kept.sort(key=lambda m: m.start)
    return ActorNames(tuple(kept), tuple(cues))


def _at_word_boundaries(haystack: str, start: int, end: int) -> bool:
    return ((start == 0 or not haystack[start - 1].isalnum())
            and (end == len(haystack) or not haystack[end].isalnum()))


#: After a side's name, what makes it the one running the body named next, not an actor: "the
#: Houthi-run health ministry" (ground it holds stays its: "fired from M23-held hills").
_HOLDER_SUFFIX = re.compile(r"-(?:run|administered|owned|operated)\b")


def _after_negating_prefix(haystack: str, start: int) -> bool:
    """"pro-Russian forces" are not Russia's forces, nor are "anti-government protesters"
    the government."""
    return any(haystack.endswith(prefix, 0, start)
               and (start == len(prefix) or not haystack[start - len(prefix) - 1].isalnum())
               for prefix in _NEGATING_PREFIXES)


def _case_fits(text: str, start: int, end: int, entry: Entry, capitals_text: bool) -> bool:
    """Acronyms must be in capitals ("IS", not "is"); proper names need a capital; an acronym
    inside an all-capitals heading ("WHAT IS NEXT") is not one. In text written all in
    capitals (old wire copy) acronyms count, except two-letter ones such as "IS" and "AA"."""
    if any(text[start + offset] != char for offset, char in entry.exact_caps):
        return False
    if entry.needs_capital and text[start:end].islower():
        return False
    if entry.acronym:
        if capitals_text:
            return entry.acronym > 2
        return not _in_capitals_run(text, start, end)
    return True


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Whether the words around a span, within its sentence, are mostly in capitals."""
    before = _CLAUSE_END.split(text[max(0, start - 40):start])[-1]
    after = _CLAUSE_END.split(text[end:end + 40])[0]
    words = [w for w in _CAPITALS_WORD.findall(before + " " + after) if len(w) > 1]
    return bool(words) and 2 * sum(w.isupper() for w in words) > len(words)

def fill_name(template: str, country: Country | None) -> str:
    """"Civilians ({country})" -> "Civilians (Syria)", "Military Forces of {country}" ->
    "Military Forces of the United States", or "Civilians" with no country."""
    if country:
        return template.replace("of {country}", "of " + country.article + "{country}").format(country=country.name)
    return template.replace(" ({country})", "").replace(" of {country}", "")


# --- loading the data ------------------------------------------------------------------

@cache
def load_countries() -> dict[str, Country]:
    """Every pycountry country (plus rows only the data file has, e.g. Kosovo) with its
    ACLED name, the names news uses for it and its demonyms."""
    rows = {row["code"]: row for row in data_rows("demonyms.csv")}
    explicit = {name for row in rows.values() for name in _split(row["other_names"])}
    countries = {}
    codes = [c.alpha_2 for c in pycountry.countries] + [c for c in rows if
                                                         not pycountry.countries.get(alpha_2=c)]
    for code in codes:
        record = pycountry.countries.get(alpha_2=code)
        row = rows.get(code, {"acled_name": "", "other_names": "", "demonyms": ""})
        standard = [getattr(record, key, "") for key in ("common_name", "name")] if record else []
        standard = [name for name in standard if name and "," not in name and "(" not in name]
        name = row["acled_name"] or standard[0]
        names = [name, *_split(row["other_names"])]
        names += [n for n in standard if n not in explicit]
        countries[code] = Country(code, name, tuple(dict.fromkeys(names)),
                                  tuple(_split(row["demonyms"])), "the " if row.get("the") else "")
    return countries


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def load_lexicon() -> Lexicon:
    """The packaged dictionary with the user's actors file of this process, if any."""
    return _lexicon_with(current_actors())


@cache
def _lexicon_with(actors: ActorsFile | None) -> Lexicon:
    """Compiles every alias into one automaton (once per process and actors file)."""
    data = actor_data(actors)
    countries = load_countries()
    variants = [tuple(pair) for pair in data["spelling_variants"]]
    builder = _Builder(variants)
    actors_by_name: dict[str, Actor] = {}
    state_actors: dict[tuple[str, str], Actor] = {}

    for group in data["groups"]:
        qualify = group.get("qualify")
        actor = Actor(group["name"], group["category"], group.get("country"),
                      qualify=frozenset(["*"] if qualify == "any" else qualify or []) or None,
                      active=tuple(group["active"]) if group.get("active") else None,
                      sides_with_state=group.get("sides_with_state", False),
                      became_state=((dt.date.fromisoformat(group["became_state"]["since"]), group["became_state"]["name"])
                                    if group.get("became_state") else None))
        actors_by_name[actor.name] = actor
        for alias in [actor.name.split(": ")[-1], *group["aliases"]]:
            builder.add(alias, "actor", actor=actor)

    state = data["state_forces"]
    for code, country in countries.items():
        for branch, spec in ((b, state[b]) for b in ("military", "police", "government")):
            actor = Actor(fill_name(spec["name"], country), spec["category"], code, branch=branch)
            actors_by_name[actor.name] = actor
            state_actors[code, branch] = actor
            for alias in state["extra_aliases"].get(code, {}).get(branch, []):
                builder.add(alias, "actor", actor=actor)
                for template in spec.get("forces_of", []):
                    builder.add(template.format(alias=alias), "actor", actor=state_actors[code, "military"])
            for template in spec["by_demonym"]:
                for adjective in country.demonyms:
                    builder.add(template.format(adj=adjective), "actor", actor=actor)
            for template in spec["by_name"]:
                for name in country.names:
                    builder.add(template.format(name=name), "actor", actor=actor)
        for cue in (*country.names, *country.demonyms):
            builder.add(cue, "country", country_code=code)

    identity_militias, identity_homes = _add_identity_militias(builder, data["identity_militia"], countries, actors_by_name)

    for item in data["contextual"]:
        by_country = tuple((code, tuple(actors_by_name[name] for name in names))
                           for code, names in item["by_country"].items())
        for alias in item["aliases"]:
            builder.add(alias, "contextual", by_country=by_country)
            if "after_demonym" in item:  # outside those countries, a demonym's forces'
                builder.add(alias, "generic", generic=item["after_demonym"], after_demonym=True)

    generic_names = {}
    for kind, spec in data["generic"].items():
        generic_names[kind] = (spec["name"], spec["category"])
        for word in [*spec["words"], *spec.get("one_person", ())]:
            builder.add(word, "generic", generic=kind)
        for word in spec.get("after_demonym", ()):
            builder.add(word, "generic", generic=kind, after_demonym=True)
    for phrase in data["not_actors"]:
        builder.add(phrase, "block")
    one_person = frozenset(word for spec in data["generic"].values() for word in spec.get("one_person", ()))
    subject_verbs = {verb: branch for branch, verbs in data["country_as_subject"].items() for verb in verbs}
    absorbed = frozenset(kind for kind, spec in data["generic"].items() if spec.get("absorbed"))
    groups = "|".join(re.escape(name) for name in sorted(identity_militias, key=len, reverse=True))
    identity = data["identity_militia"]
    verbs = "|".join(identity["acting_verbs"])
    identity_subjects = re.compile(rf"(?<![\w-])(?P<group>{groups})s?(?=\s+(?:{verbs})\b)")
    side_words = "|".join(re.escape(w) for w in sorted([*identity["words"], *identity["pair_words"]], key=len, reverse=True))
    # "between the Borana and Gabra", "Degodia and Garre clans": two groups, the two sides
    # each may name its sub-clan in brackets: "Habar Gidir (Saleebaan) and Dir (Surre) clan militias"
    sub_group = r"(?:\s*\([^()]{1,30}\))?"
    identity_pairs = re.compile(
        rf"(?:(?P<between>between)\s+(?:the\s+)?)?(?<![\w-])(?P<first>{groups})s?{sub_group}\s+and\s+(?:the\s+)?"
        rf"(?P<second>{groups})s?{sub_group}(?:\s+(?:ethnic\s+|rival\s+)?(?P<word>{side_words}))?\b")
    # "bandits from the Pokot": armed men told by the group they come from
    origin_words = "|".join(re.escape(w) for w in sorted(identity["origin_words"], key=len, reverse=True))
    # "militias of two Marehan sub-clans", "militias from the Sacad and Saleebaan sub-clans of the Habar Gidir"
    sub_clans = r"(?:(?:two|rival|several|[\w-]+\s+and\s+[\w-]+)\s+)?(?:sub-?clans?\s+of\s+(?:the\s+)?)?"
    identity_origins = re.compile(
        rf"(?<![\w-])(?i:{origin_words})(?:\s+(?:from|of)|{SUSPECTED_TO_BE}(?:\s+from)?)\s+(?:the\s+)?{sub_clans}(?P<group>{groups})s?\b"
        rf"(?!\s+(?i:county|district|sub-county|constituency|region|side|border)\b)"
        rf"(?:\s+(?i:clan|sub-clan|community|tribe|ethnic group)\b)?")  # "militia from the Garre clan"
    return Lexicon(builder.compile(), countries, generic_names, actors_by_name, subject_verbs, state_actors, absorbed,
                   identity_subjects, identity_militias, identity_homes, identity_pairs, identity_origins, one_person)


def _add_identity_militias(builder: _Builder, spec: dict, countries: dict[str, Country],
                           actors_by_name: dict[str, Actor]) -> tuple[dict[str, Actor], dict[str, dict[str, Actor]]]:
    """An ethnic group's or clan's name before a word for its armed men ("Pokot raiders") names
    its militia as ACLED does ("Pokot Ethnic Militia (Kenya)"); returns each group's militia,
    in the first of its countries, and for a group of several countries its militia in each."""
    militias, homes = {}, {}
    for row in data_rows("identity_groups.csv"):
        in_each = {}
        for code in identity_group_countries(row):
            name = spec["name"].format(group=row["name"], kind=row["kind"], country=countries[code].name)
            in_each[code] = actors_by_name[name] = Actor(name, spec["category"], code)
        actor = next(iter(in_each.values()))
        if len(in_each) > 1:
            homes[actor.name] = in_each
        for spelling in identity_group_spellings(row):
            militias[spelling] = actor
            for word in [*spec["words"], *spec.get("one_person", ())]:
                builder.add(f"{spelling} {word}", "actor", actor=actor)
    return militias, homes


def identity_group_countries(row: dict[str, str]) -> list[str]:
    """A row of ``data/identity_groups.csv``'s countries, the one most of the group lives in first."""
    return row["country"].split()


def identity_group_spellings(row: dict[str, str]) -> list[str]:
    """A row of ``data/identity_groups.csv``'s name and its other spellings ("Masai")."""
    return [row["name"], *filter(None, row["aliases"].split("|"))]


def party_spellings(row: dict[str, str]) -> str:
    """A row of ``data/parties.csv``'s spellings as alternatives, longest first; initials count
    only in capitals ("ODM", not the word "odm")."""
    spellings = sorted(row["aliases"].split("|"), key=len, reverse=True)
    return "|".join(rf"(?-i:{re.escape(s)})" if s.isupper() else re.escape(s) for s in spellings)


class _Builder:
    """Collects aliases (with their spelling variants) into automaton keys."""

    def __init__(self, variants: list[tuple[str, str]]):
        pairs = variants + [(b, a) for a, b in variants]
        self.variants = [(a, b, a.capitalize(), b.capitalize()) for a, b in pairs]
        self.variant_words = re.compile("|".join(re.escape(a) for a, _ in pairs), re.I)
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self.interned: dict[tuple, Entry] = {}

    def add(self, alias: str, kind: str, **meaning) -> None:
        if not alias.isascii():
            alias = alias.translate(_NORMALISE)
        for form in self._forms(alias.strip()):
            caps = _exact_case_letters(form) if _CAPITALS_RUN.search(form) else ()
            needs_capital = not caps and not form.islower()
            letters = form.replace(".", "")
            acronym = len(letters) if caps and letters.isupper() else 0
            signature = (kind, caps, needs_capital, acronym, *meaning.items())
            entry = self.interned.get(signature)
            if entry is None:
                entry = Entry(kind, caps, needs_capital, acronym, **meaning)
                self.interned[signature] = entry
            bucket = self.entries[form.lower() if form.isascii() else normalise(form)]
            if entry not in bucket:
                # a country's own meaning is tried before the one the alias has everywhere else
                # ("al-Shabaab": Cabo Delgado's insurgents in Mozambique, Somalia's elsewhere)
                if kind == "contextual":
                    bucket.insert(0, entry)
                else:
                    bucket.append(entry)

    def _forms(self, alias: str) -> set[str]:
        forms = {alias, alias.replace("-", " ")} if "-" in alias else {alias}
        if self.variant_words.search(alias):
            for a, b, cap_a, cap_b in self.variants:
                forms |= {form.replace(a, b).replace(cap_a, cap_b) for form in forms}
        return forms

    def compile(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key, entries in self.entries.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        return automaton


def _exact_case_letters(alias: str) -> tuple[tuple[int, str], ...]:
    """Offsets whose case must match: the capitals of acronyms ("FSA", "U.S.") and every
    letter of short mixed-case tokens ("LeT" is not "let" nor "LET")."""
    exact = []
    for match in _ALIAS_TOKEN.finditer(alias):
        token, letters = match.group(), match.group().replace(".", "")
        if len(letters) >= 2 and letters.isupper():
            exact += [(match.start() + i, ch) for i, ch in enumerate(token) if ch.isupper()]
        elif len(letters) <= 4 and any(ch.isupper() for ch in token[1:]):
            exact += [(match.start() + i, ch) for i, ch in enumerate(token)]
    return tuple(exact)


def armed_group_spans(names: ActorNames) -> list[tuple[int, int]]:
    """Where the text names a non-state armed group: "Boko Haram" and "al-Shabab" name no place."""
    return [(m.start, m.end) for m in _armed_group_matches(names)]


def armed_group_countries(names: ActorNames) -> set[str]:
    """The home countries of the non-state armed groups the text names ("JNIM" is Mali's)."""
    return {code for m in _armed_group_matches(names) if (code := _actor_entry(m).actor.country_code)}


def contextual_armed_countries(names: ActorNames) -> set[str]:
    """The countries where initials the text uses would name an armed group, whichever it is
    ("ADF" is Congo's or Uganda's rebels, or Cameroon's separatists): where its events may be.
    Initials that name a state's forces somewhere ("SNA") point nowhere."""
    armed = taxonomy.category_group("non_state_armed")
    return {country for m in names.matches if m.entry.kind == "contextual" and m.entry.acronym
            and all(a.category in armed for _, actors in m.entry.by_country for a in actors)
            for country, _ in m.entry.by_country}


def _armed_group_matches(names: ActorNames) -> list[NameMatch]:
    armed = taxonomy.category_group("non_state_armed")
    return [m for m in names.matches if (entry := _actor_entry(m)) is not None and entry.actor.category in armed]


def _actor_entry(match: NameMatch) -> Entry | None:
    """The named actor a match stands for, a country's own meaning aside ("al-Shabaab" is
    Somalia's group wherever the text is set)."""
    entry = match.elsewhere if match.entry.kind == "contextual" else match.entry
    return entry if entry is not None and entry.kind == "actor" else None


def sides_with_state(mention: ActorMention) -> bool:
    """Whether the actor named is a state's auxiliaries (``sides_with_state`` in data/actors.yaml)."""
    actor = load_lexicon().actors_by_name.get(mention.name)
    return actor is not None and actor.sides_with_state


def in_country(actor: ActorMention | None, country_code: str | None) -> ActorMention | None:
    """A generic side named with no country ("Protesters"), given the country of the place its
    event is found at later: "Protesters (Iran)"."""
    if actor is None or not actor.generic or actor.country_code or not country_code:
        return actor
    lexicon = load_lexicon()
    country = lexicon.countries.get(country_code)
    template = next((template for template, category in lexicon.generic_names.values()
                     if category == actor.category and fill_name(template, None) == actor.name), None)
    if country is None or template is None:
        return actor
    return replace(actor, name=fill_name(template, country), country_code=country_code)


def unnamed_actor(kind: str, country_code: str | None, at: int) -> ActorMention:
    """An actor the event implies without naming it: the crowd of "thousands marched" is
    "Protesters (Mali)", as ACLED codes every demonstration with its crowd."""
    lexicon = load_lexicon()
    template, category = lexicon.generic_names[kind]
    country = lexicon.countries.get(country_code) if country_code else None
    return ActorMention("", at, at, name=fill_name(template, country),
                        category=category, country_code=country_code if country else None, generic=True)
