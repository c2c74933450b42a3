"""The actor stages: who is named in the article, as ACLED-style canonical actors.

Finding (:func:`match_actor_names`): the actor dictionary of :mod:`eventcoder.lexicon` run
over the text once; the places stage reads it too.

Resolving: generic mentions ("militants", "the army", "civilians") and context-dependent
ones ("the coalition", "AA") are resolved against the article's main country (from the place
stage's mentions, else from country names and demonyms in the text) and, for armed groups,
the non-state group the article names most, weighted towards the sentence at hand.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from datetime import date
from functools import cache

from eventcoder.article import ActorMention, Article, PlaceMention
from eventcoder import taxonomy
from eventcoder.gazetteer.resolve import told_beyond
from eventcoder.lexicon import (SUSPECTED_TO_BE, Actor, Entry, Lexicon, NameMatch, fill_name, load_lexicon,
                                match_names, sides_with_state)
from eventcoder.resources import load_yaml
from eventcoder.spans import Spans
from eventcoder.stages import stage
from eventcoder.stages.places import ground_after
from eventcoder.stages.text import dateline_end



@stage("actor_names", reads=("text",), sets=("actor_names",))
def match_actor_names(article: Article) -> Article:
    """Sets ``article.actor_names``: every alias and country cue the actor dictionary finds."""
    article.actor_names = match_names(article.text, load_lexicon())
    return article


@stage("actors", reads=("text", "sentences", "actor_names", "places", "published"), sets=("actors",))
def find_actors(article: Article) -> Article:
    """Sets ``article.actors``: actor mentions sorted by start, never overlapping."""
    lexicon = load_lexicon()
    text = article.text
    matches, cues = article.actor_names.matches, article.actor_names.country_cues
    sentence_starts = [s.start for s in article.sentences]
    country = main_country(article, cues, sentence_starts)
    ground = main_country(article, cues, sentence_starts, places_only=True)
    year = article.published.year if article.published else None
    cue_ending_at = {end + 1: (start, code) for start, end, code in cues if text[end:end + 1] == " "}
    cue_at = {start: code for start, _, code in cues}
    mentions: list[ActorMention] = []
    generics: dict[int, tuple[str, str | None]] = {}  # id(mention) -> (kind, own country)
    for match in matches:
        entry = match.entry
        span = text[match.start:match.end]
        contextual = _contextual(entry, country, year) if entry.kind == "contextual" else None
        if entry.kind == "contextual" and contextual is None and match.elsewhere is not None:
            entry = match.elsewhere  # what the alias means outside the countries it is listed for
        if entry.kind == "actor":
            mention = _named(span, match, entry.actor, country, lexicon, article.published)
            if mention.category == taxonomy.STATE_FORCES and _no_longer_serving().search(text, max(0, match.start - 12), match.start):
                # "former ANDSF members": the force's men who no longer serve are its country's civilians
                generic = ActorMention(span, match.start, match.end, generic=True)
                generics[id(generic)] = ("civilians", mention.country_code)
                mention = generic
            mentions.append(mention)
        elif contextual is not None:
            mentions.append(_named(span, match, contextual, country, lexicon))
        if entry.kind == "generic":
            demonym = cue_ending_at.get(match.start) or (entry.generic == "military" and _demonym_before_model(text, match.start, cue_ending_at))
            if entry.after_demonym and not demonym:
                continue
            if entry.generic == "military" and _COUP_AFTER.match(text, match.end):
                continue  # "protested against the military coup": the act protested, no force on the ground
            mention = ActorMention(span, match.start, match.end, generic=True)
            own_country = None
            if demonym and (not mentions or mentions[-1].end <= demonym[0]):
                mention.start, own_country = demonym  # "Sudanese rebels", "Somali civilians"
                mention.text = text[mention.start:mention.end]
            elif origin := _ORIGIN_AFTER.match(text, match.end):
                own_country = cue_at.get(origin.end())  # "raiders from Ethiopia"
            mentions.append(mention)
            kind = entry.generic
            if kind in ("military", "police") and _no_longer_serving().search(text, max(0, mention.start - 12), mention.start):
                kind = "civilians"  # "former army officers"
            elif kind == "armed" and mention.text.lower().endswith("armed with") and _only_clubs_after(text, mention.end):
                kind = "rioters"  # "masked men armed with rods and sticks": a mob's arms, no armed group's
            elif kind == "civilians" and _PROTESTING_AFTER.match(text, mention.end):
                kind = "protesters"  # "fired on villagers who had been blockading a road": the crowd it met
            elif kind == "civilians" and (armed := _ARMED_BEFORE.search(text, max(0, mention.start - 24), mention.start)):
                kind = "communal"  # "armed herders", "heavily armed villagers": a community's armed men
                mention.start, mention.text = armed.start(), text[armed.start():mention.end]
            generics[id(mention)] = (kind, own_country)
    mentions = _absorb_generics(mentions, generics, text, lexicon.absorbed_generics)
    mentions = _with_group_militias(text, mentions, lexicon)
    mentions = _with_named_gangs(article, mentions)
    mentions = _with_named_clans(text, mentions, lexicon, ground or country)
    _said_to_be_named(text, mentions)
    mentions = sorted(mentions + _countries_as_subjects(text, cues, mentions, lexicon)
                      + _groups_as_subjects(text, mentions, lexicon) + _paired_state_forces(text, cues, mentions, lexicon),
                      key=lambda m: m.start)
    named = _NamedMentions(mentions, sentence_starts, lexicon, text)
    for mention in mentions:
        if mention.generic:
            kind, own_country = generics[id(mention)]
            # victims are the place's people unless told otherwise ("Somali militants shot two
            # herders" in an unknown village are not Somali herders)
            setting = ground if kind == "civilians" else country
            _resolve_generic(mention, kind, named, own_country or setting, own_country, lexicon)
        elif home := lexicon.militia_in(mention.name, ground):
            mention.name, mention.country_code = home.name, home.country_code  # Fulani in Mali: "(Mali)"
    _crowd_words_told_before(mentions, generics)
    for mention, named_after in zip(mentions, mentions[1:]):
        if (mention.generic and not named_after.generic and mention.category == named_after.category == taxonomy.STATE_FORCES
                and _UNIT_OF.fullmatch(text, mention.end, named_after.start)):
            # "the bomb disposal unit of the Nigerian Army": the force named is the unit's
            mention.name, mention.country_code = named_after.name, named_after.country_code
        elif (mention.category == taxonomy.STATE_FORCES and named_after.category == taxonomy.EXTERNAL_FORCES
              and named_after.country_code and mention.country_code not in (None, named_after.country_code)
              and _SERVING_IN.fullmatch(text, mention.end, named_after.start)):
            # "Tanzanian troops serving with SAMIM": a foreign contingent acts as its mission (ACLED)
            mention.name, mention.category, mention.country_code = named_after.name, named_after.category, named_after.country_code
    article.actors = [m for m in mentions if m.name]
    return article


#: After people, the relative clause that tells them protesting: "residents who had gathered
#: there in anger", "villagers who had been blockading a road", "farmers who were trying to stop".
_PROTESTING_AFTER = re.compile(
    r"(?:\s+(?!who\b|that\b)[\w'’-]+){0,4}?(?:\s*\([^()]{0,60}\))?\s+(?:who|that)\s+(?:had\s+|have\s+|has\s+|were\s+|was\s+)?(?:been\s+)?(?:\w+ly\s+)?"
    r"(?:protest\w*|demonstrat\w*|march(?:ed|ing)|blockad\w*|rall(?:ied|ying)|picket\w*|staged\s+a|(?:trying|tried)\s+to\s+(?:stop|block|prevent)"
    r"|gathered\b[^.;]{0,30}?\b(?:to\s+(?:protest|demand|demonstrate|oppose|block|stop|press)|in\s+(?:anger|protest)|demanding|protesting|chanting))", re.I)
#: After "the military" that only tells whose act a coup was: "the military coup", "military takeover".
_COUP_AFTER = re.compile(r"\s+(?:coups?|takeovers?|putsch)\b", re.I)
_UNIT_OF = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?")
#: Between a foreign contingent and the mission it serves in: "Botswana soldiers of SAMIM",
#: "troops serving with", "a gunship operating under", "deployed as part of".
_SERVING_IN = re.compile(r"\s+(?:of|(?:(?:serving|operating|deployed|fighting)\s+)?(?:with|under|in|for|as\s+part\s+of))\s+(?:the\s+)?")


# After a country's name: another country joined by "and", "which", a time phrase or adverb,
# an auxiliary ("has", "will not"), then the verb that says which branch acts.
_SUBJECT_VERB = re.compile(
    r"['’]?(?:\s+and\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s*(?:(?:which|that|who)\s+)?"
    r"(?:(?:on\s+[A-Z][a-z]+day|today|yesterday|tonight|again|also|now|finally|once\s+again|\w+ly)\s+)*"
    r"(?:(has|have|had|will|would|is|are|was|were|may|might|could|can|did|does|do)\s+(?:not\s+)?(?:been\s+)?"
    r"(?:(?:also|again|now|once\s+again|\w+ly)\s+)*)?([a-z]+)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|from|of|to|with|at|on|by|near|across|inside|between|against)\s+(?:the\s+)?$", re.I)


def _demonym_before_model(text: str, start: int, cue_ending_at: dict[int, tuple[int, str]]) -> tuple[int, str] | None:
    """The demonym before a weapon's model and kind: "Russian [Iskander-M ballistic] missiles"."""
    for word in reversed(list(_MODEL_WORD.finditer(text, max(0, start - 40), start))):
        if not _MODEL_WORDS.fullmatch(text, word.start(), start):
            return None
        if word.start() in cue_ending_at:
            return cue_ending_at[word.start()]
    return None


#: A word before a weapon, and a run of one to three of its model's or kind's words: "Kh-101",
#: "Iskander-M", "cruise", "Shahed".
_MODEL_WORD = re.compile(r"(?<![\w-])[\w-]+\s+")
_MODEL_WORDS = re.compile(r"(?:(?:[A-Z][\w-]*|\w+-\w[\w-]*|ballistic|cruise|guided|glide|kamikaze|attack|combat|armed|hypersonic|long-range)\s+){1,3}")


def _countries_as_subjects(text: str, cues: tuple[tuple[int, int, str], ...], mentions: list[ActorMention],
                           lexicon: Lexicon) -> list[ActorMention]:
    """A country's name followed by an act's verb stands for its state ("Russia warns ...")."""
    found = []
    taken = Spans((m.start, m.end) for m in mentions)
    named = Spans((start, end) for start, end, _ in cues)
    for start, end, code in cues:
        country = lexicon.countries.get(code)
        if (country is None or text[start:end] not in country.names or not text[start:end][:1].isupper()
                or named.strictly_cover(start, end)):  # "Sudan" in "South Sudan"
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


def _paired_state_forces(text: str, cues: tuple[tuple[int, int, str], ...], mentions: list[ActorMention],
                         lexicon: Lexicon) -> list[ActorMention]:
    """The first of two countries sharing their forces' noun ("Russian and Ukrainian forces
    clashed"): that country's forces of the same branch, a side of their own."""
    cue_ending_at = {end: (start, code) for start, end, code in cues}
    found = []
    for mention in mentions:
        if mention.generic or mention.category != taxonomy.STATE_FORCES or not mention.country_code:
            continue
        joined = _AND_BEFORE.search(text, max(0, mention.start - 6), mention.start)
        cue = cue_ending_at.get(joined.start()) if joined else None
        branch = _state_branches().get(mention.name)
        if (cue is None or cue[1] == mention.country_code or branch is None or (cue[1], branch) not in lexicon.state_actors
                or text[cue[0]:joined.start()] in lexicon.countries[cue[1]].names):
            continue  # an adjective shares the noun, not a country's name ("raiders from Sudan and Kenyan police")
        actor = lexicon.state_actors[cue[1], branch]
        found.append(ActorMention(text[cue[0]:joined.start()], cue[0], joined.start(), name=actor.name,
                                  category=actor.category, country_code=cue[1]))
    return found


@cache
def _state_branches() -> dict[str, str]:
    """A state actor's name to its branch ("Military Forces of Kenya" -> military)."""
    return {actor.name: branch for (_, branch), actor in load_lexicon().state_actors.items()}


#: Between two countries' adjectives sharing one noun: "Russian and Ukrainian forces".
_AND_BEFORE = re.compile(r"\s+and\s+$")


def _groups_as_subjects(text: str, mentions: list[ActorMention], lexicon: Lexicon) -> list[ActorMention]:
    """An ethnic group's bare name acting ("Pokomo attack Orma village") stands for its militia;
    not after a preposition or a determiner ("in Turkana", "the Turkana attack")."""
    taken = Spans((m.start, m.end) for m in mentions)
    found = []
    for match in lexicon.identity_subjects.finditer(text):
        start, end = match.span()
        if taken.overlap(start, end) or _PREPOSITION_BEFORE.search(text[max(0, start - 30):start]) \
                or _DETERMINER_BEFORE.search(text[max(0, start - 10):start]):
            continue
        actor = lexicon.identity_militias[match["group"]]
        found.append(ActorMention(match.group(), start, end, name=actor.name, category=actor.category,
                                  country_code=actor.country_code))
    return found


def _with_group_militias(text: str, mentions: list[ActorMention], lexicon: Lexicon) -> list[ActorMention]:
    """Ethnic groups or clans told as armed sides in ways a dictionary of names cannot hold, in
    place of whatever their words alone matched: two named as the sides of a fight ("clashes
    between the Borana and Gabra", "Degodia and Garre clans battle"), and armed men told by the
    group they come from ("bandits from the Pokot")."""
    pairs = [m for m in lexicon.identity_pairs.finditer(text) if m["between"] or m["word"]]
    origins = list(lexicon.identity_origins.finditer(text))
    if not pairs and not origins:
        return mentions
    found = [(m.span(side), m[side]) for m in pairs for side in ("first", "second")]
    found += [(m.span(), m["group"]) for m in origins]
    taken = Spans(m.span() for m in (*pairs, *origins))
    kept = [m for m in mentions if not taken.overlap(m.start, m.end)]
    for (start, end), group in found:
        actor = lexicon.identity_militias[group]
        kept.append(ActorMention(text[start:end], start, end, name=actor.name, category=actor.category,
                                 country_code=actor.country_code))
    return sorted(kept, key=lambda m: m.start)


#: A gang told by its own name: "Gran Grif gang members", "the 400 Mawozo gang".
_NAMED_GANG = re.compile(r"\b(?P<name>(?:\d+\s+)?(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+gangs?\b")
#: A Latin American gang or cartel by its Spanish name and the members it names ("Los Lobos
#: gunmen", "Los Tiguerones"), as ACLED names them; a place so named ("Los Angeles") is a place.
_SPANISH_NAMED_GROUP = re.compile(r"\b(?P<name>(?:Los|Las)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                                  r"(?:\s+(?:gunmen|hitmen|members|fighters|inmates|gang|cartel|cell|faction)\b)?")


def _with_named_gangs(article: Article, mentions: list[ActorMention]) -> list[ActorMention]:
    """A gang its report names ("Gran Grif gang members attacked", "Los Lobos gunmen") is the side
    ACLED names so ("Gran Grif Gang", "Los Lobos"), in place of the words its members matched; not
    a place's gang ("a Nairobi gang"), a people's, nor a side the dictionary knows ("the Mungiki
    gang")."""
    text = article.text
    stop_words = _stop_words()
    places = Spans((p.start, p.end) for p in article.places)
    named = Spans((m.start, m.end) for m in mentions if not m.generic)
    gangs = []
    for match in _NAMED_GANG.finditer(text):
        start, end = match.span("name")
        words = match["name"].split()
        if (any(w.lower() in stop_words for w in words) or places.overlap(start, end) or named.overlap(start, end)
                or (start == 0 or text[:start].rstrip().endswith((".", "!", "?"))) and len(words) == 1):
            continue
        gangs.append(ActorMention(text[start:match.end()], start, match.end(), name=f"{match['name']} Gang",
                                  category=taxonomy.POLITICAL_MILITIA))
    for match in _SPANISH_NAMED_GROUP.finditer(text):
        if not (places.overlap(*match.span()) or named.overlap(*match.span())):
            gangs.append(ActorMention(match.group(), match.start(), match.end(), name=match["name"],
                                      category=taxonomy.POLITICAL_MILITIA))
    return _in_place_of(mentions, gangs)


def _in_place_of(mentions: list[ActorMention], found: list[ActorMention]) -> list[ActorMention]:
    """The mentions ``found`` in place of those they overlap, sorted by start."""
    taken = Spans((m.start, m.end) for m in found)
    return sorted([m for m in mentions if not taken.overlap(m.start, m.end)] + found, key=lambda m: m.start)


@cache
def _stop_words() -> frozenset[str]:
    """Capitalised words that never name anything: "The", "Armed", "One"."""
    return frozenset(load_yaml("places_context.yaml")["stop_words"])


#: Armed men told by the clan, tribe or family they come from, which no list names: "gunmen from
#: the Al-Hawashim family", "fighters of the Al-Bu Muhammad clan".
_CLAN_MEN = re.compile(r"\b(?:(?i:gunmen|armed\s+men|fighters|militiamen|militias?|members|tribesmen|clansmen)\s+(?:from|of|belonging\s+to)\s+"
                       r"(?:the\s+)?(?P<name>[A-Z][\w'’]*(?:[\s-][A-Z][\w'’]*){0,2})\s+(?P<kind>clan|tribe|family)"
                       # a community's only when armed: "armed youths from the Irigwe community"
                       r"|(?i:gunmen|armed\s+(?:men|youths?)|militiamen|militias?)\s+(?:from|of|belonging\s+to)\s+"
                       r"(?:the\s+)?(?P<people>[A-Z][\w'’]*(?:[\s-][A-Z][\w'’]*){0,2})\s+(?P<community>community))\b")
#: Two clans or tribes no list names, told as the two sides: "members of the Nyakach and Sigoti
#: clans", "Sikin and Ambulin tribesmen".
_CLAN_PAIR = re.compile(r"\b(?P<first>[A-Z][\w'’]*)\s+and\s+(?:the\s+)?(?P<second>[A-Z][\w'’]*)\s+"
                        r"(?P<kind>clan|tribe)(?:s|smen|\s+militias?)?\b")
#: ACLED's word for each kind: "Al Hawashim Clan Militia (Egypt)", "Turi Tribal Militia (Pakistan)".
_CLAN_KINDS = {"clan": "Clan", "family": "Clan", "tribe": "Tribal", "community": "Ethnic"}


def _with_named_clans(text: str, mentions: list[ActorMention], lexicon: Lexicon, country: str | None) -> list[ActorMention]:
    """Armed men of a clan, tribe or family the report names are that group's militia, as ACLED
    codes them, in place of the words they matched; clans the identity list knows keep its name."""
    clans = []
    stop_words = _stop_words()
    for match in _CLAN_PAIR.finditer(text):
        if any(match[side].lower() in stop_words or any(m.start <= match.start(side) < m.end and not m.generic for m in mentions)
               for side in ("first", "second")):
            continue  # "The Degodia and Garre clans": the list's own militias
        clans += [_clan_militia(match[side], _CLAN_KINDS[match["kind"]], match.start(side), match.end(side), text, lexicon, country)
                  for side in ("first", "second")]
    for match in _CLAN_MEN.finditer(text):
        group = "name" if match["name"] else "people"
        if any(m.start <= match.start(group) < m.end and not m.generic for m in mentions):
            continue  # "members of the Degodia clan": the list's own militia
        clans.append(_clan_militia(match[group].replace("-", " "), _CLAN_KINDS[match["kind"] or match["community"]],
                                   match.start(), match.end(), text, lexicon, country))
    return _in_place_of(mentions, clans)


def _clan_militia(name: str, kind: str, start: int, end: int, text: str, lexicon: Lexicon,
                  country: str | None) -> ActorMention:
    """The militia ACLED names for a clan, tribe or community: "Nyakach Clan Militia (Kenya)"."""
    return ActorMention(text[start:end], start, end, category=taxonomy.IDENTITY_MILITIA, country_code=country,
                        name=fill_name(f"{name} {kind} Militia ({{country}})", lexicon.countries.get(country) if country else None))


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their)\s+$", re.I)


@cache
def _no_longer_serving() -> re.Pattern:
    """Right before a force's members who no longer serve: "former ", "ex-"."""
    return re.compile(r"\b(?:" + "|".join(load_yaml("english.yaml")["no_longer_serving"]) + r")[\s-]+$", re.I)


def main_country(article: Article, cues: tuple[tuple[int, int, str], ...],
                 sentence_starts: list[int], places_only: bool = False) -> str | None:
    """The country the article is about: its places (weighted to early sentences; demonyms
    only when it names no place, as "Russian aircraft" says who, not where), else the country
    names in its text; None when neither names one. "Chinese nationals" counts nowhere, nor a
    country told as an origin ("raiders from Ethiopia"); a border's first side ("the
    Kenya-Ethiopia border") is the article's own."""
    named = [p for p in article.places if p.country_code and not _foreigners(article.text, p)
             and not (p.is_country and told_beyond(article.text, p.start, p.end, paired=False))]
    grounded = [p for p in named if p.feature_code != "DEMONYM"]
    # a country named as whose forces they are ("Botswana soldiers of SAMIM clashed ... in Cabo
    # Delgado") tells who, not where, when the report names places
    grounded = [p for p in grounded if not (p.is_country and _FORCES_AFTER.match(article.text, p.end))] or grounded
    # a dateline tells where the report was filed ("NAIROBI (Reuters) - ... in Sudan's Darfur"):
    # the places of its body, where there are any
    dateline = dateline_end(article.text)
    grounded = [p for p in grounded if p.start >= dateline] or grounded
    # else demonyms; for places_only, only those of the land or its state's forces ("Somali troops")
    demonyms = [p for p in named if ground_after().match(article.text, p.end)] if places_only else named
    located = [(p.start, p.country_code, _weight(p)) for p in grounded or demonyms]
    votes: Counter[str] = Counter()
    named_in_text = [(start, code, 1.0) for start, end, code in cues if not _foreigner_nouns().match(article.text, end)
                     and (not places_only or (ground_after().match(article.text, end)
                                              and not told_beyond(article.text, start, end, paired=False)))]
    for start, code, weight in located or named_in_text:
        votes[code] += weight * (1 + 2 / (1 + _sentence_of(start, sentence_starts)))
    if not votes:
        return None
    return votes.most_common(1)[0][0]


#: After a country's name, its forces: "Botswana soldiers", "Rwanda Defence Force troops".
_FORCES_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:troops|soldiers|army|forces|police|policemen|contingents?|peacekeepers|navy|air\s+force)\b")


def _only_clubs_after(text: str, end: int) -> bool:
    """Whether the arms told right after "armed with" are a crowd's alone: sticks, rods and stones, no gun or blade."""
    arms = _ARMS_TOLD.match(text, end)
    return bool(arms and _CLUBS.search(arms.group()) and not _GUNS_OR_BLADES.search(arms.group()))


#: The arms a side was armed with, up to the clause's end.
_ARMS_TOLD = re.compile(r"[^.;:]{1,80}")
_CLUBS = re.compile(r"\b(?:sticks|rods|clubs|stones|rocks|bricks|iron bars|pipes|bats|canes|whips|batons|knobkerries)\b", re.I)
_GUNS_OR_BLADES = re.compile(r"\b(?:guns?|rifles?|pistols?|firearms?|AK-?47s?|machetes?|pangas?|knives|knife|swords?|axes|spears?|"
                             r"arrows|bows|grenades?|explosives?|weapons)\b", re.I)
#: Right before people told as armed: "armed ", "heavily armed ".
_ARMED_BEFORE = re.compile(r"\b(?:heavily\s+|well[\s-]+)?armed\s+$", re.I)
#: After a generic mention, before the country its people come from: "raiders from Ethiopia".
_ORIGIN_AFTER = re.compile(rf"(?:{SUSPECTED_TO_BE})?\s+from\s+(?:the\s+)?")
#: Between generic words and the named side they are said to be: "young men thought to be
#: members of the banned Mungiki sect", "gunmen believed to be al-Shabab fighters".
_SAID_TO_BE = re.compile(rf"{SUSPECTED_TO_BE}\s+(?:(?:the|an?)\s+)?(?:(?i:outlawed|banned|proscribed)\s+)?")


def _foreigners(text: str, place: PlaceMention) -> bool:
    """A demonym naming people away from home ("Chinese nationals", "a British citizen"): it
    tells who they are, not where the article is."""
    return place.feature_code == "DEMONYM" and bool(_foreigner_nouns().match(text, place.end))


@cache
def _foreigner_nouns() -> re.Pattern:
    nouns = load_yaml("places_context.yaml")["foreigner_nouns"]
    return re.compile(r"\s+(?:" + "|".join(nouns) + r")\b", re.IGNORECASE)


def _weight(place: PlaceMention) -> float:
    """How much a place says where the article is: a country or region most, a town of many
    thousands more than a hamlet abroad whose name a local street or clan only happens to share."""
    if place.feature_class == "A" or not place.population:
        return 2.0 if place.feature_class == "A" else 1.0
    return 1.0 + math.log10(1 + place.population) / 3


def _named(span: str, match: NameMatch, actor: Actor, country: str | None,
           lexicon: Lexicon, published: date | None = None) -> ActorMention:
    if actor.became_state and published and published >= actor.became_state[0]:
        # a group that took power is the state's forces from that day (ACLED: the Taliban since
        # 15 August 2021 are Military Forces of Afghanistan (2021-))
        actor = Actor(actor.became_state[1], taxonomy.STATE_FORCES, actor.country_code)
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


def _said_to_be_named(text: str, mentions: list[ActorMention]) -> None:
    """Generic words told to be a named side are that side: the "gunmen believed to be members of
    the Mungiki" who burned a shop were the Mungiki's."""
    for mention, following in zip(mentions, mentions[1:]):
        if mention.generic and not following.generic and _SAID_TO_BE.fullmatch(text, mention.end, following.start):
            mention.generic = False
            mention.name, mention.category, mention.country_code = following.name, following.category, following.country_code


def _crowd_words_told_before(mentions: list[ActorMention], generics: dict[int, tuple[str, str | None]]) -> None:
    """A crowd's word that repeats the head of an armed side named before ("Armed youths
    attacked soldiers ... eight youths were killed") is that side again, not a mob."""
    for index, mention in enumerate(mentions):
        if not mention.generic or generics[id(mention)][0] != "rioters" or " " in mention.text.strip():
            continue
        word = mention.text.lower()
        earlier = next((m for m in reversed(mentions[:index]) if m.text.lower().endswith(" " + word)
                        and m.category not in (taxonomy.RIOTERS, taxonomy.PROTESTERS)), None)
        if earlier is not None:
            mention.name, mention.category, mention.country_code = earlier.name, earlier.category, earlier.country_code


def _absorb_generics(mentions: list[ActorMention], generics: dict[int, tuple[str, str | None]],
                     text: str, absorbed: frozenset[str]) -> list[ActorMention]:
    """"Daesh terrorists" is one mention of Islamic State, not a name and a generic word."""
    kept: list[ActorMention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if (mention.generic and generics[id(mention)][0] in absorbed and previous
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
    if kind == "armed" and not told_as_unknown(mention.text):  # "unknown gunmen" stay unknown
        actor = named.dominant_armed_group(mention, own_country)
    elif kind in ("military", "police") and not own_country:  # "Russian aircraft" is Russia's
        actor = named.recent_state_force(mention, kind)
    if actor:
        mention.name, mention.category = actor.name, actor.category
        mention.country_code = actor.country_code
        return
    template, category = lexicon.generic_names[kind]
    mention.name = fill_name(template, lexicon.countries[country] if country else None)
    mention.category, mention.country_code = category, country


def told_as_unknown(words: str) -> bool:
    """A generic side the report says it does not know: "unknown assailants", "unidentified gunmen"."""
    return _UNKNOWN.match(words) is not None


def denied_after(text: str, end: int) -> bool:
    """A group's denial right after its name: "The TPNPB denied involvement", "the OLA, which denied",
    or its blame of another ("the OLA, which in turn accused government militias")."""
    return _DENIED_AFTER.match(text, end) is not None


def counter_claimed(text: str, start: int) -> bool:
    """A group named as a blamed group's own blame of another ("the OLA, which in turn accused
    Amhara militias"): a claim contested, naming no doer."""
    return _COUNTER_CLAIM.search(text, max(0, start - 60), start) is not None


_COUNTER_CLAIM = re.compile(r"\bwhich\s+(?:in\s+turn\s+)?(?:accused|blamed)\b[^.;]*$", re.I)
_UNKNOWN = re.compile(r"(?:unknown|unidentified|unnamed)\b", re.I)
_DENIED_AFTER = re.compile(r"(?:,\s*which)?\s+(?:has\s+|had\s+|have\s+)?(?:in\s+turn\s+)?(?:denied|denies|rejected|blamed|accused)\b", re.I)


def _sentence_of(offset: int, sentence_starts: list[int]) -> int:
    return max(bisect_right(sentence_starts, offset) - 1, 0)


class _NamedMentions:
    """The article's actor mentions, sorted by start, indexed once so that resolving each
    generic mention reads only its neighbourhood (reading them all each time made a long
    article's cost grow with the square of its length). Generic mentions never count as
    named, so naming them one by one leaves the index true."""

    def __init__(self, mentions: list[ActorMention], sentence_starts: list[int], lexicon: Lexicon, text: str):
        self.mentions = mentions
        self.text = text
        self.lexicon = lexicon
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

    def recent_state_force(self, mention: ActorMention, branch: str) -> Actor | None:
        """"Russian troops ... the soldiers": the last state force of this branch named in the
        same or the previous sentence."""
        here = _sentence_of(mention.start, self.sentence_starts)
        for position in range(bisect_left(self.named_starts, mention.start) - 1, -1, -1):
            other = self.named[position]
            if here - _sentence_of(other.start, self.sentence_starts) > 1:
                break
            actor = self.lexicon.actors_by_name.get(other.name)
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
            if (other.category not in taxonomy.category_group("non_state_armed") or sides_with_state(other)
                    or denied_after(named.text, other.end) or counter_claimed(named.text, other.start)):
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
