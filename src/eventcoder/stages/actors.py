"""The actor stage: who is named in the article, as ACLED-style canonical actors.

Finding: one Aho-Corasick automaton over a lower-cased copy of the text that keeps every
offset (only length-preserving changes: case, curly quotes, dash variants), matches kept at
word boundaries, the longest match winning. The facts are data: named groups, coalitions,
context-dependent acronyms and generic words in ``data/actors.yaml``; state forces of every
country are generated from pycountry and ``data/demonyms.csv`` ("Syrian army", "army of
Syria" -> Military Forces of Syria).

Resolving: generic mentions ("militants", "the army", "civilians") and context-dependent
ones ("the coalition", "AA") are resolved against the article's main country (from the place
stage's mentions, else from country names and demonyms in the text) and, for armed groups,
the non-state group the article names most, weighted towards the sentence at hand.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import ahocorasick
import pycountry

from eventcoder.article import ActorMention, Article
from eventcoder.resources import ActorsFile, actor_data, current_actors
from eventcoder.spans import Spans

NON_STATE_ARMED = frozenset({"Rebel group", "Political militia", "Identity militia"})
#: Generic kinds that an adjacent named actor absorbs: "Daesh terrorists", "Houthi fighters".
ABSORBED_GENERICS = frozenset({"armed", "military"})
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
    country_code: str | None = None


@dataclass(slots=True)
class Lexicon:
    automaton: ahocorasick.Automaton
    countries: dict[str, Country]
    generic_names: dict[str, tuple[str, str]]  # kind -> (name template, category)
    actors_by_name: dict[str, Actor] = field(default_factory=dict)
    subject_verbs: dict[str, str] = field(default_factory=dict)  # verb -> state branch
    state_actors: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (code, branch)


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    entry: Entry


def find_actors(article: Article) -> Article:
    """Sets ``article.actors``: actor mentions sorted by start, never overlapping."""
    lexicon = load_lexicon()
    text = article.text
    matches, cues = _matched(text)
    sentence_starts = [s.start for s in article.sentences]
    country = main_country(article, cues, sentence_starts)
    year = article.published.year if article.published else None
    cue_ending_at = {end + 1: (start, code) for start, end, code in cues if text[end:end + 1] == " "}
    mentions: list[ActorMention] = []
    generics: dict[int, tuple[str, str | None]] = {}  # id(mention) -> (kind, own country)
    for match in matches:
        entry = match.entry
        span = text[match.start:match.end]
        if entry.kind == "actor":
            mentions.append(_named(span, match, entry.actor, country, lexicon))
        elif entry.kind == "contextual":
            actor = _contextual(entry, country, year)
            if actor:
                mentions.append(_named(span, match, actor, country, lexicon))
        elif entry.kind == "generic":
            mention = ActorMention(span, match.start, match.end, generic=True)
            own_country = None
            demonym = cue_ending_at.get(match.start)
            if demonym and (not mentions or mentions[-1].end <= demonym[0]):
                mention.start, own_country = demonym  # "Sudanese rebels", "Somali civilians"
                mention.text = text[mention.start:mention.end]
            mentions.append(mention)
            generics[id(mention)] = (entry.generic, own_country)
    mentions = _absorb_generics(mentions, generics, text)
    mentions = sorted(mentions + _countries_as_subjects(text, cues, mentions, lexicon), key=lambda m: m.start)
    named = _NamedMentions(mentions, sentence_starts)
    for mention in mentions:
        if mention.generic:
            kind, own_country = generics[id(mention)]
            _resolve_generic(mention, kind, named, own_country or country, own_country, lexicon)
    article.actors = [m for m in mentions if m.name]
    return article


# After a country's name: another country joined by "and", "which", a time phrase or adverb,
# an auxiliary ("has", "will not"), then the verb that says which branch acts.
_SUBJECT_VERB = re.compile(
    r"['’]?(?:\s+and\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s*(?:(?:which|that|who)\s+)?"
    r"(?:(?:on\s+[A-Z][a-z]+day|today|yesterday|tonight|again|also|now|finally|once\s+again|\w+ly)\s+)*"
    r"(?:(has|have|had|will|would|is|are|was|were|may|might|could|can|did|does|do)\s+(?:not\s+)?(?:been\s+)?"
    r"(?:(?:also|again|now|once\s+again|\w+ly)\s+)*)?([a-z]+)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|from|of|to|with|at|on|by|near|across|inside|between|against)\s+(?:the\s+)?$", re.I)


def _countries_as_subjects(text: str, cues: tuple[tuple[int, int, str], ...], mentions: list[ActorMention],
                           lexicon: Lexicon) -> list[ActorMention]:
    """A country's name followed by an act's verb stands for its state ("Russia warns ...")."""
    found = []
    taken = Spans((m.start, m.end) for m in mentions)
    for start, end, code in cues:
        country = lexicon.countries.get(code)
        if country is None or text[start:end] not in country.names or not text[start:end][:1].isupper():
            continue
        verb = _SUBJECT_VERB.match(text, end)
        branch = (lexicon.subject_verbs.get(verb.group(2)) or lexicon.subject_verbs.get(verb.group(1) or "")) if verb else None
        if branch is None or _PREPOSITION_BEFORE.search(text[max(0, start - 30):start]):
            continue
        if taken.overlap(start, end):
            continue
        actor = lexicon.state_actors[code, branch]
        found.append(ActorMention(text[start:end], start, end, name=actor.name, category=actor.category,
                                  country_code=code))
    return found


def main_country(article: Article, cues: tuple[tuple[int, int, str], ...],
                 sentence_starts: list[int]) -> str | None:
    """The country the article is about: its places (weighted to early sentences; demonyms
    only when it names no place, as "Russian aircraft" says who, not where), else the country
    names in its text; None when neither names one."""
    named = [p for p in article.places if p.country_code]
    located = [(p.start, p.country_code) for p in
               ([p for p in named if p.feature_code != "DEMONYM"] or named)]
    votes: Counter[str] = Counter()
    for start, code in located or [(start, code) for start, _, code in cues]:
        votes[code] += 1 + 2 / (1 + _sentence_of(start, sentence_starts))
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def normalise(text: str) -> str:
    """A lower-cased copy of the same length, so offsets carry over unchanged."""
    translated = text.translate(_NORMALISE)
    lowered = translated.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in translated)


def _matched(text: str) -> tuple[tuple[_Match, ...], tuple[tuple[int, int, str], ...]]:
    return _matched_with(text, current_actors())


@lru_cache(maxsize=1)
def _matched_with(text: str, actors: ActorsFile | None) -> tuple[tuple[_Match, ...], tuple[tuple[int, int, str], ...]]:
    """:func:`_match` over the whole lexicon, kept for the text in hand: the places stage asks
    first (:func:`armed_group_spans`), the actors stage next, and the automaton runs once."""
    matches, cues = _match(text, load_lexicon())
    return tuple(matches), tuple(cues)


def _match(text: str, lexicon: Lexicon) -> tuple[list[_Match], list[tuple[int, int, str]]]:
    """Valid matches, longest first without overlaps and sorted by start, and country cues."""
    haystack = normalise(text)
    letters = sum(map(str.isalpha, text))
    capitals_text = letters > 0 and sum(map(str.isupper, text)) > 0.8 * letters
    candidates: list[_Match] = []
    cues: list[tuple[int, int, str]] = []
    for last, (length, entries) in lexicon.automaton.iter(haystack):
        end = last + 1
        start = end - length
        if not _at_word_boundaries(haystack, start, end):
            continue
        for entry in entries:
            if not _case_fits(text, start, end, entry, capitals_text):
                continue
            if entry.kind == "country":
                if not (capitals_text and entry.acronym):  # "LET US", "A CAR"
                    cues.append((start, end, entry.country_code))
            elif not _after_negating_prefix(haystack, start):
                candidates.append(_Match(start, end, entry))
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
    return kept, cues


def _at_word_boundaries(haystack: str, start: int, end: int) -> bool:
    return ((start == 0 or not haystack[start - 1].isalnum())
            and (end == len(haystack) or not haystack[end].isalnum()))


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


def _named(span: str, match: _Match, actor: Actor, country: str | None,
           lexicon: Lexicon) -> ActorMention:
    name, code = actor.name, actor.country_code
    if actor.qualify and country and ("*" in actor.qualify or country in actor.qualify):
        name, code = f"{actor.name} ({lexicon.countries[country].name})", country
    return ActorMention(span, match.start, match.end, name=name, category=actor.category,
                        country_code=code)


def _contextual(entry: Entry, country: str | None, year: int | None) -> Actor | None:
    """The actor a context-dependent alias names in this country at this date, if any."""
    choices = dict(entry.by_country).get(country) if country else None
    if not choices:
        return None
    if year is not None:
        for actor in choices:
            if actor.active and actor.active[0] <= year <= actor.active[1]:
                return actor
    return choices[-1]


def _absorb_generics(mentions: list[ActorMention], generics: dict[int, tuple[str, str | None]],
                     text: str) -> list[ActorMention]:
    """"Daesh terrorists" is one mention of Islamic State, not a name and a generic word."""
    kept: list[ActorMention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if (mention.generic and generics[id(mention)][0] in ABSORBED_GENERICS and previous
                and not previous.generic and text[previous.end:mention.start] == " "):
            previous.end = mention.end
            previous.text = text[previous.start:mention.end]
            continue
        kept.append(mention)
    return kept


def _resolve_generic(mention: ActorMention, kind: str, named: _NamedMentions,
                     country: str | None, own_country: str | None, lexicon: Lexicon) -> None:
    """Names a generic mention; ``own_country`` is set by a demonym in the mention itself."""
    actor = None
    if kind == "armed":
        actor = named.dominant_armed_group(mention, own_country)
    elif kind in ("military", "police") and not own_country:  # "Russian aircraft" is Russia's
        actor = named.recent_state_force(mention, kind, lexicon)
    if actor:
        mention.name, mention.category = actor.name, actor.category
        mention.country_code = actor.country_code
        return
    template, category = lexicon.generic_names[kind]
    mention.name = _fill(template, lexicon.countries[country] if country else None)
    mention.category, mention.country_code = category, country


def _fill(template: str, country: Country | None) -> str:
    """"Civilians ({country})" -> "Civilians (Syria)", "Military Forces of {country}" ->
    "Military Forces of the United States", or "Civilians" with no country."""
    if country:
        return template.replace("of {country}", "of " + country.article + "{country}").format(country=country.name)
    return template.replace(" ({country})", "").replace(" of {country}", "")


def _sentence_of(offset: int, sentence_starts: list[int]) -> int:
    return max(bisect_right(sentence_starts, offset) - 1, 0)


class _NamedMentions:
    """The article's actor mentions, sorted by start, indexed once so that resolving each
    generic mention reads only its neighbourhood (reading them all each time made a long
    article's cost grow with the square of its length). Generic mentions never count as
    named, so naming them one by one leaves the index true."""

    def __init__(self, mentions: list[ActorMention], sentence_starts: list[int]):
        self.mentions = mentions
        self.named = [m for m in mentions if not m.generic]
        self.named_starts = [m.start for m in self.named]
        self.sentence_starts = sentence_starts
        self._armed: dict[str | None, _ArmedGroupTally] = {}

    def dominant_armed_group(self, mention: ActorMention, own_country: str | None) -> Actor | None:
        """The non-state armed group the article names most (of the mention's own country, if
        it has one), counting names in the same sentence three times and in the sentences
        next to it twice."""
        tally = self._armed.get(own_country or None)
        if tally is None:
            tally = self._armed[own_country or None] = _ArmedGroupTally(self, own_country)
        return tally.dominant(_sentence_of(mention.start, self.sentence_starts))

    def recent_state_force(self, mention: ActorMention, branch: str, lexicon: Lexicon) -> Actor | None:
        """"Russian troops ... the soldiers": the last state force of this branch named in the
        same or the previous sentence."""
        here = _sentence_of(mention.start, self.sentence_starts)
        for position in range(bisect_left(self.named_starts, mention.start) - 1, -1, -1):
            other = self.named[position]
            if here - _sentence_of(other.start, self.sentence_starts) > 1:
                break
            actor = lexicon.actors_by_name.get(other.name)
            if actor and actor.branch == branch:
                return actor
        return None


class _ArmedGroupTally:
    """How often each non-state armed group is named, in all and per sentence."""

    def __init__(self, named: _NamedMentions, own_country: str | None):
        self.totals: Counter[str] = Counter()
        self.by_sentence: dict[int, Counter[str]] = defaultdict(Counter)
        self.first_seen: dict[str, tuple[int, ActorMention]] = {}  # name -> (order, first mention)
        for other in named.named:
            if other.category not in NON_STATE_ARMED:
                continue
            if own_country and other.country_code != own_country:
                continue
            self.totals[other.name] += 1
            self.by_sentence[_sentence_of(other.start, named.sentence_starts)][other.name] += 1
            self.first_seen.setdefault(other.name, (len(self.first_seen), other))
        self.leader = max(self.totals, key=lambda name: self._rank(name, self.totals[name]), default=None)

    def _rank(self, name: str, score: int) -> tuple[int, int, int]:
        """Highest score first, then the name seen first."""
        order, first = self.first_seen[name]
        return score, -first.start, -order

    def dominant(self, here: int) -> Actor | None:
        """A name's score is its count plus 2 per mention in sentence ``here`` and 1 per
        mention in the sentences either side; only names near ``here`` can overtake the
        name counted most overall."""
        if self.leader is None:
            return None
        nearby = {here: 2, here - 1: 1, here + 1: 1}
        bonus: Counter[str] = Counter()
        for sentence, weight in nearby.items():
            for name, count in self.by_sentence.get(sentence, {}).items():
                bonus[name] += weight * count
        best = max({self.leader, *bonus}, key=lambda name: self._rank(name, self.totals[name] + bonus[name]))
        named = self.first_seen[best][1]
        return Actor(named.name, named.category, named.country_code)


# --- loading the data ------------------------------------------------------------------


def _data_text(name: str) -> str:
    return resources.files("eventcoder").joinpath("data", name).read_text("utf-8")


@cache
def load_countries() -> dict[str, Country]:
    """Every pycountry country (plus rows only the data file has, e.g. Kosovo) with its
    ACLED name, the names news uses for it and its demonyms."""
    rows = {row["code"]: row for row in csv.DictReader(
        line for line in _data_text("demonyms.csv").splitlines() if not line.startswith("#"))}
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
                      active=tuple(group["active"]) if group.get("active") else None)
        actors_by_name[actor.name] = actor
        for alias in [actor.name.split(": ")[-1], *group["aliases"]]:
            builder.add(alias, "actor", actor=actor)

    state = data["state_forces"]
    for code, country in countries.items():
        for branch, spec in ((b, state[b]) for b in ("military", "police", "government")):
            actor = Actor(_fill(spec["name"], country), spec["category"], code, branch=branch)
            actors_by_name[actor.name] = actor
            state_actors[code, branch] = actor
            for alias in state["extra_aliases"].get(code, {}).get(branch, []):
                builder.add(alias, "actor", actor=actor)
            for template in spec["by_demonym"]:
                for adjective in country.demonyms:
                    builder.add(template.format(adj=adjective), "actor", actor=actor)
            for template in spec["by_name"]:
                for name in country.names:
                    builder.add(template.format(name=name), "actor", actor=actor)
        for cue in (*country.names, *country.demonyms):
            builder.add(cue, "country", country_code=code)

    _add_identity_militias(builder, data["identity_militia"], countries, actors_by_name)

    for item in data["contextual"]:
        by_country = tuple((code, tuple(actors_by_name[name] for name in names))
                           for code, names in item["by_country"].items())
        for alias in item["aliases"]:
            builder.add(alias, "contextual", by_country=by_country)

    generic_names = {}
    for kind, spec in data["generic"].items():
        generic_names[kind] = (spec["name"], spec["category"])
        for word in spec["words"]:
            builder.add(word, "generic", generic=kind)
    for phrase in data["not_actors"]:
        builder.add(phrase, "block")
    subject_verbs = {verb: branch for branch, verbs in data["country_as_subject"].items() for verb in verbs}
    return Lexicon(builder.compile(), countries, generic_names, actors_by_name, subject_verbs, state_actors)


def _add_identity_militias(builder: _Builder, spec: dict, countries: dict[str, Country],
                           actors_by_name: dict[str, Actor]) -> None:
    """An ethnic group's or clan's name before a word for its armed men ("Pokot raiders") names
    its militia as ACLED does ("Pokot Ethnic Militia (Kenya)")."""
    rows = csv.DictReader(line for line in _data_text("identity_groups.csv").splitlines() if not line.startswith("#"))
    for row in rows:
        country = countries[row["country"]]
        name = spec["name"].format(group=row["name"], kind=row["kind"], country=country.name)
        actor = Actor(name, spec["category"], country.code)
        actors_by_name[name] = actor
        for word in spec["words"]:
            builder.add(f"{row['name']} {word}", "actor", actor=actor)


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


def armed_group_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a non-state armed group: "Boko Haram" and "al-Shabab" name no place."""
    matches, _ = _matched(text)
    return [(m.start, m.end) for m in matches
            if m.entry.kind == "actor" and m.entry.actor.category in NON_STATE_ARMED]


def unnamed_actor(kind: str, country_code: str | None, at: int) -> ActorMention:
    """An actor the event implies without naming it: the crowd of "thousands marched" is
    "Protesters (Mali)", as ACLED codes every demonstration with its crowd."""
    lexicon = load_lexicon()
    template, category = lexicon.generic_names[kind]
    country = lexicon.countries.get(country_code) if country_code else None
    return ActorMention("", at, at, name=_fill(template, country),
                        category=category, country_code=country_code if country else None, generic=True)
