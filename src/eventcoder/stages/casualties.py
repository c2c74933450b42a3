"""Casualty mentions: how many were killed, injured, abducted or arrested, and who they were.

Each sentence is scanned for casualty verbs ("killed", "lost their lives", "wounding"); the
victims are read to the verb's left when it is passive or intransitive ("at least 40
villagers lost their lives", "three were wounded", "12 dead") and to its right when it
is active ("killing five soldiers and two civilians", "the killing of 12 people"). Counts
after a number ("12 deaths"), tolls ("the death toll rose to 45") and denials ("no
casualties") are found apart.

A mention's span is its victim phrase, the number and the group ("At least 30 civilians",
"five others", "two"), not the verb. Counts follow ACLED: an exact figure is minimum =
maximum; "at least 30"/"more than 30" is minimum 30, maximum None; "up to 7" minimum None,
maximum 7; an approximation ("about 50", "nearly 50") is the stated figure; vague words take
numbers.yaml's conventional values ("dozens" at least 12, "several" at least 3, "many" unknown).

Subsets: in "30 civilians, including 12 children, were killed" the top-level mention spans
"30 civilians, including 12 children" and the subset "12 children" (group children) is a
mention of its own that lies inside it (when the subset follows the verb, "22 were killed,
among them 10 children", the top-level mention spans the clause up to its end). A mention
inside a longer one of the same kind is a subset; :func:`top_level` drops them so that totals
do not count anyone twice.

Objects of abduction and arrest verbs need a victim group ("seized 300 weapons" is not an
abduction); a bare number after "killed" or "wounded" counts people ("the blast killed two").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from eventcoder import taxonomy
from eventcoder.alternation import Dispatched, dispatched
from eventcoder.article import Article, CasualtyMention
from eventcoder.lexicon import identity_group_spellings
from eventcoder.resources import data_rows, load_yaml
from eventcoder.spans import Spans
from eventcoder.stages import stage
from eventcoder.stages.dates import YEAR

_DETERMINERS = r"(?:the|its|their|his|her|all|all\s+the)"
#: Short words that end a noun phrase ("a pickpocket at the stage").
_SHORT_WORDS = ("in", "on", "at", "by", "to", "of", "as", "or", "if")
#: Kinds whose verbs also take things ("seized 300 weapons"), so their objects need a group.
_PEOPLE_ONLY = {"abducted", "arrested"}
#: How far after a toll noun its number may come, within its clause.
TOLL_REACH = 140
_CLAUSE_BREAK = re.compile(r"[.;:]")
#: Where a deed imputed to a victim ends: its clause's punctuation.
_DEED_END = re.compile(r"[,;:()]|\.(?:\s|$)")


@dataclass(frozen=True)
class _Lexicon:
    cue: Dispatched
    roles: dict[str, dict[str, str]]  # phrase -> {role: kind}; roles passive/intransitive/active
    passive_left: re.Pattern
    passive_before: re.Pattern
    struck_then_died: re.Pattern  # "A man was shot by police and" before "died": who died
    passive_follower: re.Pattern
    victim: re.Pattern
    victim_item: re.Pattern  # one victim of a list, up to the next "," or "and"
    victim_after: re.Pattern
    second_verb: re.Pattern  # "and burnt" between an active verb and the victims both verbs share
    shared_subject: re.Pattern  # "and later", between two passive verbs whose victims are one
    one_after: re.Pattern  # "a suspected thief", "him" after an active verb: one person, whatever the noun
    named_after: re.Pattern  # "Hassan Suleiman Mwayuyu" after an active verb: one person, by name
    bare_one_after: re.Pattern  # a headline's "kill activist outside his shop": one person
    continuation: re.Pattern
    subset_after: re.Pattern
    quantity: re.Pattern
    count_noun: re.Pattern
    count_word: re.Pattern  # count_noun's noun alone: a sentence without one needs no count_noun
    labelled_count: re.Pattern  # "FATALITIES: 12", "Injured: 4": a note's field and its figure
    labelled_kinds: dict[str, str]
    coded_shares: dict[str, list[re.Pattern]]  # "coded across 6 events": how a toll is shared out
    toll_by_place: re.Pattern  # "three in Kisumu and two in Siaya": a toll told place by place
    toll_share: re.Pattern  # one share of it: its count and where its place's name starts
    toll: re.Pattern
    toll_link: re.Pattern  # "rose to", "stood at": after a toll noun, before its number
    to_death: re.Pattern  # "stoned a suspected thief to death": the victim inside the verb phrase
    killed_them: re.Pattern  # "caught three suspected thieves and lynched them": those counted before
    set_afire: re.Pattern  # "set a suspected thief ablaze", "burnt him alive": the same, people only
    set_afire_first: re.Pattern  # "set ablaze a suspected pickpocket"
    denial: re.Pattern
    near_miss: re.Pattern  # "nearly killed", "tried to lynch"
    listed_before: re.Pattern  # "3 soldiers and " before a counted armed group named as a victim
    running_total: re.Pattern  # "bringing the death toll to": a total with earlier acts' dead
    revision: re.Pattern  # "revised down": the toll after it corrects those told before
    along_with: re.Pattern  # "..., along with two bodyguards", "..., as was a soldier", "plus two": victims added after the verb
    along_with_kin: re.Pattern  # "... with his wife and son": one person each
    of_whom_died: re.Pattern  # "one of whom succumbed": those of the wounded who died
    perpetrators_too: re.Pattern  # "... as well as himself": the one who died by his own attack, added
    and_more: re.Pattern  # "six died at the scene and three more in hospital", "... and a seventh later"
    body_found: re.Pattern  # "his body was found": one death
    death_caused: re.Pattern  # "leading to her death": one death
    people_only: frozenset[str]  # verbs said of things too: they count only people named ("set ablaze")
    be_before: re.Pattern  # a form of "to be" somewhere before a verb: "were attacked and set ablaze"
    killed_self: re.Pattern  # "then turned his rifle on himself": one death
    self_and: re.Pattern  # "himself and" before the other victims of "killing himself and six others"
    pronoun_and: re.Pattern  # "him and" before the others struck with that person: "killing him and his driver"
    kin_of: re.Pattern  # "relatives of " before the dead whose kin act: dead before the act
    kin_heading: re.Pattern  # a victim told as kin of someone: the someone died, not the kin
    kin_death: re.Pattern  # "relatives of a woman who " before her death: not the act's
    captives_dead: re.Pattern  # "their bodies were found": the captives told before, dead
    armed_modifier: re.Pattern  # "armed" before a group word: its people are armed
    out_of_service: re.Pattern  # "off-duty" before a force's group word: civilians
    out_of_service_groups: frozenset[str]
    count_before: re.Pattern  # "more than 15", "8 suspected": the count before a named group
    fate_after: re.Pattern  # "were killed", "shot dead": a passive or intransitive verb after it
    imputed_deed: re.Pattern  # "accused of", "suspected to have": a deed imputed to the victim
    imputed_lead: re.Pattern  # an imputed deed's cue ending a clause's words: "accused of planting "
    main_fate: re.Pattern  # "were shot dead", "died" after a subject's imputed deed, not "who was"
    groups: dict[str, str | None]
    singular: frozenset[str]  # group words naming one person: "the mayor", "a soldier"
    unspecified: frozenset[str]
    unspecified_one: frozenset[str]  # "the victim": one person, whoever it was
    breakdown_groups: frozenset[str]  # "three men and a woman": the parts of a count told before
    pair_words: frozenset[str]  # "an elderly couple": two people
    household_words: frozenset[str]  # "a family of eight": as many as its size
    unit_after: re.Pattern  # "... Battalion No. 5 headquarters" after a group word: a unit or its post
    count_kinds: dict[str, str]
    toll_kinds: dict[str, str]
    denial_kinds: dict[str, list[str]]
    perfect_auxiliaries: frozenset[str]
    number_words: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, list[int | None]]
    unknown_count: re.Pattern  # "an unknown number of": beside a counted group, no more dead
    qualifier_class: dict[str, str]


# "..., wounding 20 others, a military official said": the official is the source, not a victim.
# A singular subject before "was killed"; "he" and "she" too (one person, who, told again in
# another sentence, a retelling's count does not add to).
_SINGULAR_PASSIVE = re.compile(r"(?<!\bit)\s+(?:is|was|has\s+been|had\s+been)\s+"
                               r"(?:\w+ly\s+|also\s+|later\s+|on\s+\w+day\s+(?:morning\s+|evening\s+|night\s+)?|yesterday\s+|overnight\s+)?"
                               r"(?:\w+ed\s+and\s+)?$", re.I)

_THOSE_BEFORE = re.compile(r"\bthose\s+$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_AN_BEFORE = re.compile(r"\ban?\s+$", re.I)

# "He later died in hospital": one person, as "he was killed" is ("he was taken to hospital with
# head injuries and died two days later" too).
_SINGULAR_DIED = re.compile(r"\b(?:he|she)\s+(?:(?:was|had\s+been)\s+[^.;,]{1,60}?\s+and\s+)?(?:\w+ly\s+|also\s+|later\s+|then\s+|subsequently\s+)?$", re.I)

#: An age told between commas after a person's name in mixed case ("Juan Perez, 25, who"), no count.
_AGE = re.compile(r"\d{1,2}")
_AGE_OF_NAMED = re.compile(r"(?<![\w'’-])(?!(?:In|At|On|From|Near|Outside|Inside|By|Of)\b)(?-i:[A-Z][a-z])[\w'’-]*\s+(?-i:[A-Z][a-z])[\w'’-]*,\s*$")
#: A person told by name and age, then what befell them: "Alberto Quiroga, 33, (was hit by a canister and) ".
_NAMED_AGED = re.compile(r"(?<![\w'’-])(?-i:[A-Z][a-z][\w'’-]*\s+){1,3}(?-i:[A-Z][a-z])[\w'’-]*,\s*\d{1,2},\s+"
                         r"(?:(?:was|had\s+been)\s+[^.;]{1,160}?\s+and\s+)?(?:\w+ly\s+|later\s+|was\s+|had\s+been\s+)?$")
_SINGULAR_WAS = re.compile(r"\b(?:he|she)\s+(?:was|is)\s+(?:already\s+)?$", re.I)

#: Letters of Latin-script names, accented ones too ("Andrés Mejía").
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# A headline's singular subject, a clause that opens with it: "Suspected gang member killed in
# Kayole", "MP's bodyguard shot and killed."
_NOT_A_NOUN = r"(?!(?:is|was|were|are|been|has|have|had|they|them|who|which)\b)"
_SINGULAR_HEADLINE = re.compile(rf"\s*(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{_NOT_A_NOUN}[a-z][\w'’-]*\s+){{0,2}}"
                                rf"{_NOT_A_NOUN}[a-z]{{4,}}(?<!s)\s+(?:[a-z]+\s+and\s+)?")


@stage("casualties", reads=("text", "sentences", "actors"), sets=("casualties",))
def find_casualties(article: Article) -> Article:
    """Sets ``article.casualties``: every casualty mention, sorted by start, subsets included."""
    lexicon = _lexicon()
    spans = [(s.start, s.end) for s in article.sentences] or [(0, len(article.text))]
    found: dict[tuple[str, int, int], CasualtyMention] = {}
    text = _names_unnumbered(article)
    for start, end in spans:
        for mention in _in_sentence(lexicon, text, start, end):
            mention.text = article.text[mention.start:mention.end]
            told = found.setdefault((mention.kind, mention.start, mention.end), mention)
            if mention.total and told is not mention:  # "revised the toll to 14 civilians killed": a count told as a toll
                told.total, told.revised = True, mention.revised
    taken = Spans((m.start, m.end) for m in found.values())
    for mention in _named_group_victims(lexicon, article, found):
        told = found.get((mention.kind, mention.start, mention.end))
        if told is not None and told.group is None:
            told.group = mention.group  # "15 soldiers and 5 VDP were killed": the VDP are fighters
        elif not taken.overlap(mention.start, mention.end):
            found[(mention.kind, mention.start, mention.end)] = mention
    mentions = sorted(found.values(), key=lambda m: (m.start, -m.end, m.kind))
    mentions = sorted(mentions + _figures_revised(lexicon, article, mentions), key=lambda m: (m.start, -m.end, m.kind))
    _revise_first_reports(article, mentions)
    article.casualties = sorted(mentions + _captives_found_dead(lexicon, article.text, mentions),
                                key=lambda m: (m.start, -m.end, m.kind))
    return article


def _names_unnumbered(article: Article) -> str:
    """The text with the numbers inside groups' names blanked ("two Barrio 18 members" counts two,
    not 18), each character in place so that offsets hold."""
    text = article.text
    for actor in article.actors:
        if not actor.generic and any(c.isdigit() for c in text[actor.start:actor.end]):
            name = _NUMBER_IN_NAME.sub(lambda m: "X" * len(m.group()), text[actor.start:actor.end])
            text = text[:actor.start] + name + text[actor.end:]
    return text


#: A number standing alone in a name: "Barrio 18", "Brigade 313".
_NUMBER_IN_NAME = re.compile(r"\b\d+\b")


def _figures_revised(lexicon: _Lexicon, article: Article, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """A figure told without a noun of its own that corrects the count told before it, in its
    sentence or the one before: "nine dead; it rose to 13 the next day", "later raised the
    figure to nine", "first reported 40 dead; a medical source later confirmed 23." It counts
    what that count counted."""
    revised = []
    counted = [m for m in top_level(mentions) if m.minimum is not None or m.maximum is not None]
    taken = Spans((m.start, m.end) for m in mentions)
    for cue in _FIGURE_REVISED.finditer(article.text):
        item = lexicon.victim.match(article.text, cue.end())
        if item is None or not _quantity(item) or taken.overlap(item.start(), item.end()):
            continue
        sentence = article.sentence_at(cue.start())
        opening = article.sentences[sentence.index - 1].start if sentence is not None and sentence.index else 0
        before = [m for m in counted if opening <= m.start and m.end <= cue.start()]
        if not before:
            continue
        mention = _mention(lexicon, article.text, before[-1].kind, item, item.start(), item.end())
        if mention is not None and (mention.minimum is not None or mention.maximum is not None):
            mention.group = mention.group or before[-1].group
            mention.total = mention.revised = True
            revised.append(mention)
    return revised


#: Before a figure with no noun that corrects a count: "it rose to", "raised the figure to",
#: "later confirmed" (then the figure and the clause's end).
_FIGURE_REVISED = re.compile(
    r"\b(?:(?:it|the\s+(?:figure|number|count|tally))\s+(?:later\s+|then\s+|has\s+|had\s+)?(?:rose|risen|climbed|jumped|fell|dropped)\s+to"
    r"|(?:raised|revised|lowered|increased|reduced|updated)\s+(?:it|the\s+(?:figure|number|count|tally))\s+(?:up\s+|down\s+)?to"
    r"|later\s+(?:confirmed|counted|put\s+it\s+at)(?=\s+\S+\s*[.;]))\s+", re.I)


def _revise_first_reports(article: Article, mentions: list[CasualtyMention]) -> None:
    """A count told as the first report ("initial reports spoke of six dead", "authorities
    initially reported one dead") gives way to the next count of its kind, in its sentence or the
    next: "... but officials later said four passengers were killed" is 4, not 10."""
    counted = [m for m in top_level(mentions) if m.minimum is not None or m.maximum is not None]
    for index, first in enumerate(counted):
        sentence = article.sentence_at(first.start)
        opening = sentence.start if sentence is not None else 0
        clause_start = max([opening, *(m.end() for m in _CLAUSE_START.finditer(article.text, opening, first.start))])
        if not _FIRST_REPORT.search(article.text, clause_start, first.start):
            continue
        # not the wounded who died since ("two of the wounded had died"), nor another side's dead
        later = next((m for m in counted[index + 1:] if m.kind == first.kind and not _OF_THE_WOUNDED.search(m.text)
                      and (m.group is None or first.group is None or m.group == first.group)), None)
        if later is not None and article.text.count(".", first.end, later.start) <= 1:
            later.revised = True


#: Where a count's clause starts, and what tells that clause's count as a first report.
_CLAUSE_START = re.compile(r"[,;:]")
_FIRST_REPORT = re.compile(r"\b(?:initial(?:ly)?|originally|at\s+first|first\s+(?:reported|spoke\s+of|said|gave|put)|preliminary|early\s+reports?)\b", re.I)


def _captives_found_dead(lexicon: _Lexicon, text: str, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """The captives told before "their bodies were found" or "they were later found dead": as
    many dead as were taken ("police detained a lawyer and a driver. Their bodies were found")."""
    dead = []
    counted = top_level(mentions)
    for remains in lexicon.captives_dead.finditer(text):
        earlier = [m for m in counted if m.end <= remains.start()]
        if not earlier or earlier[-1].kind not in _PEOPLE_ONLY:
            continue
        taken = [m for m in earlier if m.kind == earlier[-1].kind and text.count(".", m.end, earlier[-1].end) == 0]
        if all(m.minimum is not None for m in taken):
            count = sum(m.minimum for m in taken)
            dead.append(CasualtyMention(remains.group(), remains.start(), remains.end(), kind="killed",
                                        group=taken[0].group if len(taken) == 1 else None, minimum=count, maximum=count))
    return dead


def _named_group_victims(lexicon: _Lexicon, article: Article,
                         found: dict[tuple[str, int, int], CasualtyMention]) -> list[CasualtyMention]:
    """A counted armed group named as the victim, with no group noun: "more than 15 Al Shabaab
    were killed", "8 suspected SLDF shot dead", "four Taliban were killed" (the state's forces
    since 2021), and the counted victims it is listed with: "3 soldiers and 5 Al Shabaab dead",
    "the deaths of 4 soldiers and 2 Taliban"."""
    armed = taxonomy.category_group("non_state_armed") | {taxonomy.STATE_FORCES}
    text = article.text
    mentions = []
    for actor in article.actors:
        if actor.generic or actor.category not in armed:
            continue
        state = actor.category == taxonomy.STATE_FORCES
        sentence_start = article.sentence_at(actor.start).start
        count = lexicon.count_before.search(text, sentence_start, actor.start)
        if count is None:
            continue
        minimum, maximum = _count(lexicon, count["qty"])
        if minimum is None and maximum is None:
            continue
        listed = lexicon.listed_before.search(text, sentence_start, count.start("qty"))
        earlier = next((m for m in found.values() if listed and m.end == listed.end("item")), None)
        fate = lexicon.fate_after.match(text, actor.end)
        if fate is not None:
            kind = next(iter(lexicon.roles[_normal(fate["cue"])].values()))
            if listed is not None and earlier is None and (
                    item := _mention(lexicon, text, kind, listed, listed.start("item"), listed.end("item"))) is not None:
                mentions.append(item)  # "3 soldiers and 5 Al Shabaab dead": the soldiers too
        elif earlier is not None:
            kind = earlier.kind
        else:
            continue
        mentions.append(CasualtyMention(text[count.start("qty"):actor.end], count.start("qty"), actor.end,
                                        kind=kind, group="soldiers" if state else "militants", minimum=minimum, maximum=maximum))
    return mentions


def imputes_deed(lead: str, act: str) -> bool:
    """Whether the words before an act impute it to someone ("the two were accused of
    planting"): a deed told of a person, not the act reported; never the person's fate ("a man
    held on suspicion of theft died"), nor the doer's next act ("caught a man accused of stealing
    phones and burnt him to death": a finite verb after "and", not another gerund)."""
    lexicon = _lexicon()
    if _AND_END.search(lead) and not _GERUND.match(act) and not _DEED_NOUN.match(act):
        return False
    return lexicon.imputed_lead.search(lead) is not None and not lexicon.main_fate.match(act)


_AND_END = re.compile(r"\band\s+$", re.I)
_AND_NEXT = re.compile(r",?\s+and\s", re.I)
#: Before a person whose property, not body, the verb befell: "the house of".
_OWNED_BEFORE = re.compile(r"\b(?:houses?|homes?|residences?|cars?|vehicles?|offices?|shops?|property|properties|businesses?|farms?|crops)\s+of\s+(?:the\s+|an?\s+)?$", re.I)
_GERUND = re.compile(r"\w+ing\b", re.I)
#: A deed told as a noun, listed after another: "wanted for drug trafficking and murder".
_DEED_NOUN = re.compile(r"(?:murders?|kidnappings?|robber(?:y|ies)|rapes?|extortion|terrorism|homicides?)\b(?!\s+(?:him|her|them)\b)", re.I)


def tells_another_act(lead: str) -> bool:
    """Whether words before a toll tell of an act after the one already counted."""
    return _another_act_cue().search(lead) is not None


@cache
def _another_act_cue() -> re.Pattern:
    return re.compile(rf"\b(?:{_alternation(_load('casualty_terms.yaml')['another_act_cues'])})", re.IGNORECASE)


def mourned_by_kin(lead: str) -> bool:
    """Whether the words before a death make it the one a crowd's kin act over ("relatives of a
    woman who had just died", "families of people killed in the protests"): a death before the
    act, not an act of its own."""
    return _lexicon().kin_death.search(lead) is not None


def tells_added_victims(clause: str) -> bool:
    """Whether a toll's own clause tells of victims besides those counted ("were also killed")."""
    return _added_victim_cue().search(clause) is not None


def tells_added_victims_at(text: str, start: int) -> bool:
    """:func:`tells_added_victims` of the clause opening at ``start``, up to its next comma,
    semicolon or full stop ("An eighth victim died in hospital, police said")."""
    return tells_added_victims(_CLAUSE.match(text, start).group())


_CLAUSE = re.compile(r"[^,;.]*")


@cache
def _added_victim_cue() -> re.Pattern:
    terms = _load("casualty_terms.yaml")
    ordinal = (rf"an?\s+(?:{_alternation(terms['added_victim_ordinals'])})\s+"
               rf"(?!(?:[\w-]+\s+)?(?:{_alternation(terms['not_victim_ordinal_nouns'])})\b)")  # "a fourth soldier"
    return re.compile(rf"\b(?:(?:{_alternation(terms['added_victim_cues'])})\b(?!\s+than\b)|{ordinal})", re.IGNORECASE)


@cache
def side_of(group: str | None) -> str | None:
    """The side of a battle a victim group fell on ("soldiers": the state's, "militants": the
    armed men's), None for people of no one side."""
    return _load("casualty_terms.yaml")["victim_sides"].get(group)


def coded_share(text: str) -> tuple[str, int] | None:
    """A coder's note on how the report's toll is shared among the events coded from it:
    ("split", 6) for "coded across 6 events", ("here", 8) for "coded as 8 here"."""
    lowered = text.lower()
    if "coded" not in lowered and "events" not in lowered and "locations" not in lowered:
        return None  # most reports: no pattern can match
    lexicon = _lexicon()
    for how, patterns in lexicon.coded_shares.items():
        for pattern in patterns:
            match = pattern.search(text)
            if match is not None:
                return how, _number(lexicon, match["n"])
    return None


def tolls_by_place(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A toll told place by place between ``start`` and ``end`` ("two deaths, one in Embu and
    the other in Meru", "killed three in Kisumu and two in Siaya"): each share's count, with
    where its place's name starts."""
    lexicon = _lexicon()
    found = lexicon.toll_by_place.search(text, start, end)
    if found is None:
        return []
    shares = lexicon.toll_share.finditer(text, found.start(), found.end())
    return [(1 if share["n"].lower() in ("the other", "another") else _number(lexicon, share["n"]), share.start("place"))
            for share in shares]


def top_level(casualties: list[CasualtyMention]) -> list[CasualtyMention]:
    """The mentions to add up: those not inside a longer mention of the same kind, in the
    order given."""
    spans_by_kind: dict[str, list[tuple[int, int]]] = {}
    for mention in casualties:
        spans_by_kind.setdefault(mention.kind, []).append((mention.start, mention.end))
    holders = {kind: Spans(spans) for kind, spans in spans_by_kind.items()}
    return [m for m in casualties if not holders[m.kind].strictly_cover(m.start, m.end)]


def _in_sentence(lexicon: _Lexicon, text: str, start: int, end: int) -> list[CasualtyMention]:
    mentions: list[CasualtyMention] = []
    boundary = start
    subjects: list[CasualtyMention] = []  # the last passive verb's, with where that verb ends
    subjects_end = start
    imputed = _imputed_deeds(lexicon, text, start, end)
    imputed_spans = Spans(imputed)
    toll_nouns = list(lexicon.toll.finditer(text, start, end))
    tolls = Spans(m.span() for m in toll_nouns)
    for cue in lexicon.cue.finditer(text, start, end):
        if cue.start() < boundary or imputed_spans.overlap(cue.start(), cue.end()) or tolls.cover(cue.start(), cue.end()):
            continue  # and "the number of people killed" is a toll's noun, its figure told after it
        if lexicon.near_miss.search(text, max(start, cue.start() - 24), cue.start()):
            continue  # "nearly killed", "tried to lynch": they lived
        if _THOSE_BEFORE.search(text, max(start, cue.start() - 8), cue.start()) or (
                cue.group().endswith("ed") and _THE_BEFORE.search(text, max(start, cue.start() - 8), cue.start())) or (
                cue.group().endswith("ing") and _AN_BEFORE.search(text, max(start, cue.start() - 8), cue.start())):
            continue  # "two of those arrested later died", "the injured", "a losing candidate": no verb
        roles = lexicon.roles[_normal(cue.group())]
        people_only = _normal(cue.group()) in lexicon.people_only
        found: list[CasualtyMention] = []
        after_passive_auxiliary = lexicon.passive_before.search(text, max(boundary, cue.start() - 40), cue.start())
        if "active" in roles and not after_passive_auxiliary:
            found = _objects(lexicon, text, cue, end, roles["active"], people_only)
        left_kind = roles.get("passive") or roles.get("intransitive")
        if not found and left_kind and subjects and lexicon.shared_subject.fullmatch(text, subjects_end, cue.start()):
            # "two traders were kidnapped and later killed": the second verb's victims are the first's
            found = [replace(m, kind=left_kind) for m in subjects if m.kind != left_kind]
        elif not found and left_kind and (not people_only or lexicon.be_before.search(text, max(boundary, cue.start() - 40), cue.start())):
            # "residents set ablaze a house": without an auxiliary before it such a verb is active
            found = _subjects(lexicon, text, boundary, cue, end, roles, imputed)
            if people_only:
                found = [m for m in found if m.group]  # "20 lorries were set on fire": no one died
            subjects, subjects_end = found, cue.end()
        uncounted = all(m.minimum is None and m.maximum is None for m in found) and len(found) <= 1
        kind = _one_person(lexicon, text, boundary, cue, end, roles) if uncounted and not people_only else None
        if (kind and not found and mentions and mentions[-1].kind == kind and mentions[-1].minimum == mentions[-1].maximum == 1
                and (_SINGULAR_DIED.search(text, max(boundary, cue.start() - 30), cue.start())
                     or _SINGULAR_WAS.search(text, max(boundary, cue.start() - 30), cue.start()))):
            kind = None  # "lynched a man, beating him until he died": the man again
        if kind:
            found = found or [CasualtyMention(cue.group(), cue.start(), cue.end(), kind=kind)]
            found[0].minimum = found[0].maximum = 1
        if found:
            found += _along_with(lexicon, text, max(cue.end(), *(m.end for m in found)), end, found[0].kind)
        mentions += found
        boundary = max([boundary, cue.end(), *(m.end for m in found)])
    mentions += _counts(lexicon, text, start, end, mentions)
    killed_before = any(m.kind == "killed" for m in mentions)
    bodies = [m for m in lexicon.body_found.finditer(text, start, end)
              if not (killed_before and m.group()[:3].lower() in ("his", "her"))]  # "was killed and her body dumped"
    counted = Spans((m.start, m.end) for m in mentions if m.kind == "killed")
    caused = [m for m in lexicon.death_caused.finditer(text, start, end) if not counted.overlap(*m.span())]  # "a herder was shot and later died": once
    mentions += [CasualtyMention(m.group(), m.start(), m.end(), kind="killed", minimum=1, maximum=1)
                 for m in [*bodies, *lexicon.killed_self.finditer(text, start, end), *caused]]
    for died in lexicon.of_whom_died.finditer(text, start, end):  # "wounded six, one of whom succumbed": the wounded who died
        count = _number(lexicon, died["count"])
        mentions.append(CasualtyMention(died["count"], died.start("count"), died.end("count"), kind="killed",
                                        minimum=count, maximum=count))
    mentions += _to_death(lexicon, text, start, end, mentions)
    mentions += [toll for toll in _tolls(lexicon, text, start, end, toll_nouns) if not _running_total(lexicon, text, toll, mentions)]
    mentions += _denials(lexicon, text, start, end)
    return [m for m in mentions if not imputed_spans.overlap(m.start, m.end)
            and not lexicon.kin_of.search(text, max(start, m.start - 30), m.start)
            and not lexicon.kin_heading.match(m.text)  # "relatives of Naveed, who was killed in custody, staged a sit-in"
            and not _SPEAKER_AFTER.match(text, m.end)  # "..., the mayor of Sidakan said": who tells it
            and not _SOURCE_BEFORE.search(text, max(start, m.start - 20), m.start)]  # "according to a local official, 11 ..."


def _imputed_deeds(lexicon: _Lexicon, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a sentence tells what its victims were accused of: after an active verb's victim
    ("lynched a man accused of killing a trader") to the clause's end; after a subject ("a youth
    suspected of joining a raid that killed four herders was stoned to death") up to the verb
    that tells the subject's fate, and nowhere when none follows ("Police accused of killing three
    protesters" tells the act itself)."""
    spans = []
    for deed in lexicon.imputed_deed.finditer(text, start, end):
        clause_end = next((m.start() for m in _DEED_END.finditer(text, deed.end(), end)), end)
        after_act = any("active" in lexicon.roles[_normal(cue.group())]
                        for cue in lexicon.cue.finditer(text, start, deed.start()))
        if not after_act:
            main = lexicon.main_fate.search(text, deed.end(), clause_end)
            if main is None:
                continue
            clause_end = main.start()
        spans.append((deed.start(), clause_end))
    return spans


def _one_person(lexicon: _Lexicon, text: str, boundary: int, cue: re.Match, end: int,
                roles: dict[str, str]) -> str | None:
    """The kind of casualty when a verb's subject is one person, named or not: "the mayor was
    assassinated", "Oqueli was found dead", a headline's "Suspected gang member killed in
    Kayole", "he later died in hospital"."""
    before = max(boundary, cue.start() - 30)
    if "passive" in roles and (_SINGULAR_PASSIVE.search(text, before, cue.start()) or (
            _SINGULAR_HEADLINE.fullmatch(text, boundary, cue.start()) and lexicon.passive_follower.match(text, cue.end(), end))):
        return roles["passive"]
    if _NAMED_AGED.search(text, max(boundary, cue.start() - 200), cue.start()):
        return roles.get("intransitive") or roles["passive"]  # "Alberto Quiroga, 33, died", "X, 21, was hit ... and died"
    if "intransitive" in roles and (_SINGULAR_DIED.search(text, max(boundary, cue.start() - 100), cue.start())
                                    or (cue.group().lower() == "dead" and _SINGULAR_WAS.search(text, before, cue.start())
                                        and not text.startswith(" set", cue.end()))):
        return roles["intransitive"]  # "he later died", "he was dead by the time police arrived"
    return None


def _along_with(lexicon: _Lexicon, text: str, position: int, end: int, kind: str) -> list[CasualtyMention]:
    """Victims added after the verb: "the MP was shot dead along with two bodyguards", one
    person each for "with his wife and son", the bombers who died by their own blast (ACLED counts
    them), more of them told where they fell ("six died at the scene and a seventh on the way to
    hospital")."""
    added = lexicon.along_with.match(text, position, end)
    if added is not None:
        items = list(lexicon.victim_item.finditer(text, added.start("list"), added.end("list")))
        return _mentions(lexicon, text, kind, items, None)
    own = lexicon.perpetrators_too.match(text, position, end)
    if own is not None:  # "killing five soldiers as well as himself", "in addition to the two bombers"
        count = _number(lexicon, own["count"]) if own["count"] else 1
        return [CasualtyMention(own["who"], own.start("who"), own.end("who"), kind=kind, minimum=count, maximum=count)]
    more = lexicon.and_more.match(text, position, end)
    if more is not None:
        count = 1 if more["ordinal"] else _number(lexicon, more["count"])
        return [CasualtyMention(more["item"], more.start("item"), more.end("item"), kind=kind, minimum=count, maximum=count)]
    kin = lexicon.along_with_kin.match(text, position, end)
    if kin is None:
        return []
    return [CasualtyMention(kin[name], kin.start(name), kin.end(name), kind=kind, minimum=1, maximum=1)
            for name in ("first", "second") if kin[name]]


def _subjects(lexicon: _Lexicon, text: str, boundary: int, cue: re.Match, end: int,
              roles: dict[str, str], imputed: list[tuple[int, int]]) -> list[CasualtyMention]:
    """Victims before a passive or intransitive verb: "Five soldiers were killed", and before
    the deed imputed to them: "Two men suspected of killing a trader were shot dead"."""
    deed = next((span for span in imputed if lexicon.main_fate.match(text, span[1], cue.end())), None)
    verb_start = deed[0] if deed else cue.start()
    match = lexicon.passive_left.search(text, boundary, verb_start)
    while match is not None and (_YEAR.fullmatch(match["list"]) or _AGE.fullmatch(match["list"]) and _AGE_OF_NAMED.search(
            text, max(boundary, match.start("list") - 40), match.start("list")) and text.startswith(",", match.end("list"))):
        # (nor an age: "Juan Perez, 25, who was wounded")
        # "On 18 March 2024, Al Shabaab ambushed a convoy, leaving 5 soldiers dead": a note's
        # year is no count of victims
        match = lexicon.passive_left.search(text, match.end("list"), verb_start)
    if match is None and ("intransitive" in roles or "passive" in roles):
        # "A man was shot by police in Kiganjo and died in hospital", "a priest was dragged
        # from his car and killed"
        struck = lexicon.struck_then_died.search(text, boundary, cue.start())
        if struck and "intransitive" not in roles and (struck["acted"] is not None or _PRONOUN.search(text, struck.end("list"), cue.start())):
            struck = None  # "a trader was freed on bail; later he was beaten and killed": a clause of its own
        items = list(lexicon.victim_item.finditer(text, struck.start("list"), struck.end("list"))) if struck else []
        return _mentions(lexicon, text, roles.get("intransitive") or roles["passive"], items, None)
    if match is None or _OWNED_BEFORE.search(text, max(boundary, match.start("list") - 30), match.start("list")):
        return []  # (not "the house of a former senator was set ablaze")
    items = list(lexicon.victim_item.finditer(text, match.start("list"), match.end("list")))
    kind = roles.get("intransitive") or roles["passive"]
    if "intransitive" not in roles and deed is None:
        auxiliaries = set(match["aux"].lower().split())
        if auxiliaries & lexicon.perfect_auxiliaries and "been" not in auxiliaries:
            return []  # "have killed": active, and it found no object
        if not auxiliaries:
            if not lexicon.passive_follower.match(text, cue.end(), end):
                return []  # "gunmen killed the chief"
            if not any(_quantity(item) or _normal(item["group"] or "") in lexicon.singular for item in items):
                return []  # but a headline's "Pastor killed outside church" counts one
    subset = match if match["subset"] else lexicon.subset_after.match(text, cue.end(), end)
    return _mentions(lexicon, text, kind, items, subset)


def _objects(lexicon: _Lexicon, text: str, cue: re.Match, end: int, kind: str,
             people_only: bool = False) -> list[CasualtyMention]:
    """Victims after an active verb: "killing three soldiers and two civilians", or after a
    second verb that shares them ("lynched and burnt a suspected thief"; not "killed and
    injured 12", whose second verb counts them itself)."""
    start = cue.end()
    shared = lexicon.second_verb.match(text, start, end)
    if shared is not None and _normal(shared["verb"]) not in lexicon.roles:
        start = shared.end()
    reflexive = lexicon.self_and.match(text, start, end)
    if reflexive is not None:
        start = reflexive.end()  # "killing himself and six others": killed_self counts him
    pronoun = lexicon.pronoun_and.match(text, start, end)
    if pronoun is not None:
        # "killing her and a campaign volunteer": she is one, the others are told after
        others = _victims_from(lexicon, text, pronoun.end(), end, kind, people_only, right_after_verb=False)
        if others:
            return [CasualtyMention(pronoun["pronoun"], pronoun.start("pronoun"), pronoun.end("pronoun"),
                                    kind=kind, minimum=1, maximum=1), *others]
    return _victims_from(lexicon, text, start, end, kind, people_only, right_after_verb=start == cue.end())


def _victims_from(lexicon: _Lexicon, text: str, start: int, end: int, kind: str, people_only: bool,
                  right_after_verb: bool) -> list[CasualtyMention]:
    """The victims listed from ``start``, of an active verb of ``kind``."""
    first = lexicon.victim_after.match(text, start, end)
    named = first is not None and _normal(first["group"] or "") in lexicon.groups
    uncounted = first is not None and not _quantity(first) and not named
    people_only = people_only or kind in _PEOPLE_ONLY
    if not people_only and (first is None or uncounted):
        # a headline's lone victim after words that name no group: "kill Pokot peace activist"
        # an uncounted community ("killed Somalis") counts no one, but a first name that ends like
        # a plural starts a person's name ("killed James Mwangi", not "killed Al Shabaab defectors")
        one = (_whole_name(lexicon.named_after.match(text, start, end), text) if uncounted
               else lexicon.one_after.match(text, start, end) or lexicon.named_after.match(text, start, end))
        if one is None and right_after_verb:
            one = lexicon.bare_one_after.match(text, start, end)
        if one is not None:  # "lynched a suspected thief", "gunned down Hassan Mwayuyu": one person
            noun = _normal(one["victim"]).rsplit(" ", 1)[-1]
            count = 2 if noun in lexicon.pair_words else 1  # "an elderly couple"
            size = _HOUSEHOLD_SIZE.match(text, one.end("victim"), end) if noun in lexicon.household_words else None
            count = (_count(lexicon, size["n"])[0] or count) if size else count  # "a family of eight"
            person = CasualtyMention(one["victim"], one.start("victim"), one.end("victim"), kind=kind, minimum=count, maximum=count)
            # "killing General Musa and three soldiers"; but what follows a comma tells who they were
            more = lexicon.continuation.match(text, one.end("victim"), end) if _AND_NEXT.match(text, one.end("victim")) else None
            return _listed(lexicon, text, kind, more, more.end(), end, [person]) if more else [person]
    if first is None or (people_only and (not named or lexicon.unit_after.match(text, first.end(), end))):
        # "seized 300 weapons": only people named as people are abducted or arrested; "captured
        # Border Guard Police Battalion No. 5 headquarters": a unit's post, not its men
        return []
    return _listed(lexicon, text, kind, first, first.end(), end)


def _listed(lexicon: _Lexicon, text: str, kind: str, item: re.Match | None, position: int, end: int,
            before: list[CasualtyMention] = ()) -> list[CasualtyMention]:
    """The victims listed from ``item`` on ("three soldiers, two of them officers, and a
    civilian"), after those ``before`` it, each told once."""
    mentions = list(before)
    while item is not None:
        subset = lexicon.subset_after.match(text, position, end)
        mentions += _mentions(lexicon, text, kind, [item], subset)
        position = subset.end("subset") if subset else position
        item = lexicon.continuation.match(text, position, end)
        position = item.end() if item else position
    return _without_appositive(lexicon, text, mentions)


def _without_appositive(lexicon: _Lexicon, text: str, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """One person told twice, a comma apart: "killed their bodyguard, a police officer", "a
    teacher, a mother of three, was shot"; a count told again by sex and age, or person by person
    when no side is among them: "beheaded four villagers, three men and a woman". A list of people
    has its "and"."""
    if len(mentions) < 2 or not _APPOSITION.fullmatch(text, mentions[0].end, mentions[1].start):
        return mentions
    first, parts = mentions[0], mentions[1:]
    if len(mentions) == 2 and all(m.minimum == m.maximum == 1 for m in mentions):
        return [first]
    if (first.minimum is not None and first.group not in lexicon.breakdown_groups
            and all(m.group in lexicon.breakdown_groups for m in parts) and sum(m.minimum or 0 for m in parts) == first.minimum):
        return [first]
    if (len(parts) > 1 and first.minimum is not None and sum(m.minimum or 0 for m in parts) == first.minimum
            and side_of(first.group) is None and all(side_of(m.group) is None for m in parts)):
        return [first]  # "shot dead two passengers, a retired teacher and a trader" (not "two soldiers, a teacher and a trader")
    return mentions


#: Words that open a phrase after a verb ("shot dead outside Kismayo Airport"), not what a victim was.
_PREPOSITIONS = r"(?:in|at|on|near|outside|inside|after|during|over|and|from|to|into|with|by|for|across|along|around|behind|between|the)"
#: A household's size after its word: "killing a family of eight".
_HOUSEHOLD_SIZE = re.compile(r"\s+of\s+(?P<n>\d+|[a-z]+)\b", re.I)

#: After a person who tells of the dead, not one of them.
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+$", re.I)
_SPEAKER_AFTER = re.compile(r"[\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}\s+(?:said|says|told|added|stated)\b")
_APPOSITION = re.compile(rf"\s*,\s*(?:{_DETERMINERS}\s+)?")


def _whole_name(name: re.Match | None, text: str) -> re.Match | None:
    """A name that ends a phrase, not the modifier of a noun after it."""
    return name if name is not None and _NAME_END.match(text, name.end()) else None


#: After a person's name: punctuation, the end, or a word that opens another phrase.
_NAME_END = re.compile(r"\s*(?:[,.;:()]|$|(?:in|at|on|near|outside|inside|and|who|after|during|as|while|from|of)\b)")


def _mentions(lexicon: _Lexicon, text: str, kind: str, items: list[re.Match],
              subset: re.Match | None) -> list[CasualtyMention]:
    """One mention per victim phrase; the last one stretches over its "including ..." subset."""
    has_subset = subset is not None and subset["subset"] is not None
    mentions = []
    for index, item in enumerate(items):
        last = index == len(items) - 1
        end = subset.end("subset") if last and has_subset else item.end("item")
        mention = _mention(lexicon, text, kind, item, item.start("item"), end)
        if mention is not None:
            mentions.append(mention)
    if has_subset and mentions:
        for item in lexicon.victim_item.finditer(text, subset.start("subset"), subset.end("subset")):
            mention = _mention(lexicon, text, kind, item, item.start("item"), item.end("item"))
            if mention is not None:
                mentions.append(mention)
    if any(m.minimum is not None and m.minimum == m.maximum for m in mentions):
        mentions = [replace(m, minimum=0) if lexicon.unknown_count.match(m.text) else m for m in mentions]
    return _without_appositive(lexicon, text, mentions)


def _mention(lexicon: _Lexicon, text: str, kind: str, item: re.Match, start: int,
             end: int) -> CasualtyMention | None:
    quantity = _quantity(item)
    alias = _normal(item["group"]) if item["group"] else None
    # "killed the mayor", "the victim died", "killed mayoral candidate Ramiro Tapia"
    one = quantity is None and alias is not None and (
        alias in lexicon.singular or alias.rsplit(" ", 1)[-1] in lexicon.singular or alias in lexicon.unspecified_one)
    if quantity is None and not one and (alias not in lexicon.groups or alias in lexicon.unspecified):
        return None  # "killing them", "others were hurt": nobody counted or named
    minimum, maximum = _count(lexicon, quantity) if quantity else (None, None)
    if one:
        minimum = maximum = 1
    group = lexicon.groups.get(alias) if alias else None
    modifiers = (start, item.start("group") if item["group"] else start)
    if lexicon.armed_modifier.search(text, *modifiers):
        group = "militants"  # "two armed men", "three heavily armed youths": not civilians
    elif group in lexicon.out_of_service_groups and lexicon.out_of_service.search(text, *modifiers):
        group = "civilians"  # "an off-duty policeman"
    return CasualtyMention(text[start:end], start, end, kind=kind, group=group, minimum=minimum, maximum=maximum)


#: Most characters between victims counted and their verb ("22 people |have |died: 5 soldiers").
_VERB_GAP = 12


def _quantity(item: re.Match) -> str | None:
    """The count of a victim phrase, whichever of its forms matched."""
    found = item.groupdict()
    return found["qty"] or found.get("bare")


def _counts(lexicon: _Lexicon, text: str, start: int, end: int,
            found: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "12 deaths", "45 fatalities", "claimed 12 lives", a note's "Fatalities: 12" (unless its
    figure opens a victim phrase already counted: "FATALITIES: 19 people were killed")."""
    mentions = []
    taken = Spans((m.start, m.end) for m in found)
    kinds_by_pattern = [(lexicon.count_noun, lexicon.count_kinds, False)] if lexicon.count_word.search(text, start, end) else []
    if ":" in text[start:end] or "coded" in text[start:end]:  # most sentences: the field form cannot match
        kinds_by_pattern.append((lexicon.labelled_count, lexicon.labelled_kinds, True))
    for pattern, kinds, labelled in kinds_by_pattern:
        for match in pattern.finditer(text, start, end):
            minimum, maximum = _count(lexicon, match["qty"])
            if (minimum is None and maximum is None) or (labelled and taken.overlap(*match.span("qty"))):
                continue  # "many deaths"; "FATALITIES: 19 people were killed" counted already
            if labelled and any(0 <= match.start() - m.end <= _VERB_GAP for m in found):
                continue  # the verb of victims counted, not a field: "22 people died: 5 soldiers and 17 attackers"
            # the figure the coder settled on corrects those told before it
            mentions.append(CasualtyMention(match.group(), match.start(), match.end(), kind=kinds[_normal(match["noun"])],
                                            minimum=minimum, maximum=maximum, revised=labelled and bool(match.groupdict().get("coded"))))
    return mentions


#: Between a victim and kin killed with them: "him| and his |son".
_WITH_KIN = re.compile(r"\s+(?:and|along\s+with)\s+(?:his|her|their)\s+", re.I)


def _to_death(lexicon: _Lexicon, text: str, start: int, end: int,
              found: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "beat two men to death", "shot two suspects dead": whoever stands between the verb and
    "to death" or "dead" died, one unless a number says more; so did people set ablaze or burnt
    alive ("set a suspected thief ablaze", "burnt two men alive"), but not things ("set two cars
    on fire")."""
    mentions: list[CasualtyMention] = []
    lowered = text[start:end].lower()  # most sentences: the regexes need not run
    outright = list(lexicon.to_death.finditer(text, start, end)) if "death" in lowered or "dead" in lowered else []
    pronoun_kills = list(lexicon.killed_them.finditer(text, start, end)) if " them" in lowered else []
    outright += pronoun_kills
    burnt = [m for pattern in (lexicon.set_afire, lexicon.set_afire_first) for m in pattern.finditer(text, start, end)
             if _normal(m["noun"]) in lexicon.groups] if "set" in lowered or "alive" in lowered else []
    taken = Spans((m.start, m.end) for m in found)
    for match in [*outright, *burnt]:
        if taken.overlap(match.start("victim"), match.end("victim")):
            continue
        quantity, group = match["qty"], None
        minimum, maximum = _count(lexicon, quantity) if quantity else (None, None)
        if quantity is None and match["victim"].lower() == "them":
            # those counted before in the sentence, when told killed outright: "seized three
            # suspected thieves and beat them to death" (not "set them alight", whom some survive)
            told = [m for m in lexicon.victim_after.finditer(text, start, match.start()) if m["qty"]] if match in outright else []
            if told:
                minimum, maximum = _count(lexicon, told[-1]["qty"])
                group = lexicon.groups.get(_normal(told[-1]["group"] or ""))
            elif match in pronoun_kills:
                continue  # "gunmen killed them": nobody counted
        elif (match["victim"].lower() in ("him", "her") and match.group().split()[0].lower().endswith("ing")
              and any(m.kind == "killed" and m.minimum == m.maximum == 1 for m in found)):
            continue  # "lynched a man suspected of theft, stoning him to death": the man again
        elif (quantity is not None and quantity.lower() in ("a", "an", "another")) or (
                quantity is None and not match["victim"].endswith("s")):
            # one ("beat a man in his thirties to death"), and each of kin told with them: "hacked
            # him and his son to death", "beat a man and his wife to death" are two
            minimum = maximum = 1 + len(_WITH_KIN.findall(match["victim"]))
        elif quantity is None:
            minimum = maximum = None  # a plural, uncounted
        mentions.append(CasualtyMention(match["victim"], match.start("victim"), match.end("victim"),
                                        kind="killed", group=group, minimum=minimum, maximum=maximum))
    return mentions


def _tolls(lexicon: _Lexicon, text: str, start: int, end: int, toll_nouns: list[re.Match]) -> list[CasualtyMention]:
    """ "the death toll rose to 45": the victim phrase after each of the sentence's toll nouns, with a number."""
    mentions = []
    for match in toll_nouns:
        # "updating an earlier toll of three", "the initial toll of 30 was raised to 45": the
        # first figure is the one the report replaces
        superseded = _SUPERSEDED.search(text, max(start, match.start() - 20), match.start()) is not None
        # the number may follow any link of the clause: "the toll from Friday's shelling of the
        # market has risen to 12" (not "of the market")
        clause_end = min(end, match.end() + TOLL_REACH)
        clause_end = next((m.start() for m in _CLAUSE_BREAK.finditer(text, match.end(), clause_end)), clause_end)
        for link in lexicon.toll_link.finditer(text, match.end(), clause_end):
            quote = _QUOTE.match(text, link.end())  # a source's own figure: "put the toll at 'at least 50'"
            item = lexicon.victim.match(text, quote.end() if quote else link.end(), end)
            if item is None or not _quantity(item):
                continue
            # "the toll, initially put at 38, was raised to 41": the first figure, told as the
            # first, gives way to one after it
            # (or "initially gave a toll of 27, later raising it to 35")
            if superseded or (_TOLD_FIRST.search(text, max(start, match.start() - 30), link.start())
                              and lexicon.toll_link.search(text, item.end(), clause_end)):
                superseded = False
                continue
            mention = _mention(lexicon, text, lexicon.toll_kinds[_normal(match["noun"])], item, item.start(), item.end())
            if mention is not None and (mention.minimum is not None or mention.maximum is not None):
                mention.total = True
                mention.revised = lexicon.revision.search(text, max(start, match.start() - 20), item.start()) is not None
                mentions.append(mention)
                break
    return mentions


#: An opening quotation mark.
_QUOTE = re.compile(r"['\"‘“]")
#: A subject pronoun, which opens a clause of its own.
_PRONOUN = re.compile(r"\b(?:he|she|they|it)\b", re.I)

#: A year, which a victim list never is.
_YEAR = re.compile(YEAR)
#: Between a toll and a figure the report replaces: "the toll, initially put at 38, ...".
_TOLD_FIRST = re.compile(r"\b(?:initially|originally|first|at\s+first|earlier)\b", re.I)
#: Before a toll the report replaces: "an earlier toll of", "the initial death toll of".
_SUPERSEDED = re.compile(r"\b(?:earlier|initial|previous|first|preliminary|old)\s+(?:death\s+)?$", re.I)


def _running_total(lexicon: _Lexicon, text: str, toll: CasualtyMention, mentions: list[CasualtyMention]) -> bool:
    """A toll that adds this act's dead to earlier ones, after the act's own count: "killed two,
    bringing the death toll to nine" (ACLED codes the act's two)."""
    return (any(m.kind == toll.kind and m.end <= toll.start and m.minimum for m in mentions)
            and lexicon.running_total.search(text, max(0, toll.start - TOLL_REACH), toll.start) is not None)


_OF_THE_WOUNDED = re.compile(r"\bof\s+(?:the|those)\s+(?:wounded|injured)\b", re.I)


def _denials(lexicon: _Lexicon, text: str, start: int, end: int) -> list[CasualtyMention]:
    """ "no casualties", "without deaths": zero of each kind the noun covers."""
    return [CasualtyMention(match.group(), match.start(), match.end(), kind=kind, minimum=0, maximum=0)
            for match in lexicon.denial.finditer(text, start, end)
            for kind in lexicon.denial_kinds[_normal(match["noun"])]]


def _count(lexicon: _Lexicon, quantity: str) -> tuple[int | None, int | None]:
    """(minimum, maximum) of a quantity phrase such as "at least 30", "three to five", "dozens"."""
    parts = lexicon.quantity.fullmatch(quantity)
    if parts is None:
        return None, None
    if parts["zero"]:
        return 0, 0
    if parts["one"]:
        return 1, 1
    if parts["vague"]:
        low, high = lexicon.vague[_normal(parts["vague"])]
    elif parts["b1"]:
        low, high = _number(lexicon, parts["b1"]), _number(lexicon, parts["b2"])
    else:
        low = _number(lexicon, parts["n1"])
        high = _number(lexicon, parts["n2"]) if parts["n2"] else low
        if parts["more"]:
            high = None
    qualifier = lexicon.qualifier_class.get(_normal(parts["qual"] or ""))
    if qualifier == "at_least":
        return low, None
    if qualifier == "at_most":
        return None, high if high is not None else low
    return low, high


def _number(lexicon: _Lexicon, words: str) -> int:
    """ "1,200" -> 1200, "twenty-one" -> 21, "two hundred and fifty" -> 250, "1.5 million"."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower().replace(",", "")) if t and t != "and"]
    total = current = 0.0
    for token in tokens:
        if token in lexicon.scales:
            scale = lexicon.scales[token]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        elif token in lexicon.number_words:
            current += lexicon.number_words[token]
        else:
            current += float(token)
    return int(total + current)


def _normal(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


def _plural(word: str, irregular: dict[str, str]) -> str:
    """English plural of a group word, enough to tell "soldier" from "soldiers" in one list."""
    if word in irregular:
        return irregular[word]
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _alternation(words) -> str:
    return "|".join(_alternatives(words))


def _alternatives(words) -> list[str]:
    return [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]


def _load(name: str) -> dict:
    return load_yaml(name)


def _uncaptured(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def _lexicon() -> _Lexicon:
    numbers, terms = _load("numbers.yaml"), _load("casualty_terms.yaml")
    number_words = {**numbers["units"], **numbers["tens"]}
    qualifier_class = {_normal(q): cls for cls, words in numbers["qualifiers"].items() for q in words}

    number_word = _alternation([*number_words, *numbers["scales"]])
    number = (rf"(?:\d{{1,3}}(?:,\d{{3}})+\b|\d+(?:\.\d+)?\s+(?:{_alternation(numbers['scales'])})\b|\d+\b"
              rf"|(?:{number_word})(?:(?:[\s-]+|\s+and\s+)(?:{number_word}))*\b)")
    suffix = _alternation(numbers["at_least_suffixes"])
    counted = (rf"(?:(?P<qual>{_alternation(qualifier_class)})\s+)?"
               rf"(?:between\s+(?P<b1>{number})\s+and\s+(?P<b2>{number})"
               rf"|(?P<n1>{number})(?:(?:\s*[-–—]\s*|\s+(?:to|or)\s+)(?P<n2>{number}))?(?P<more>\s*(?:{suffix}))?"
               rf"|(?P<vague>{_alternation(numbers['vague'])})\b)")
    zero = _alternation(numbers["zero"])
    # "no" and "a" only count before a group ("no civilians", "a soldier").
    quantity_parser = re.compile(rf"{counted}|(?P<zero>{zero}|no)\b|(?P<one>an?|another)", re.IGNORECASE)
    quantity_plain = _uncaptured(rf"{counted}|(?:{zero})\b")

    groups: dict[str, str | None] = {_normal(a): g for g, aliases in terms["groups"].items() for a in aliases}
    groups.update({_normal(a): None for a in terms["unspecified"]})
    irregular = load_yaml("english.yaml")["irregular_plurals"]
    singular = frozenset(a for a in groups if groups[a] and (plural := _plural(a, irregular)) in groups and plural != a)
    # A capitalised plural is a nationality or community ("23 Palestinians"), and so is an ethnic
    # group's or clan's name, whose plural is the name ("six Kikuyu"): counted, group None.
    communities = _alternation(spelling for row in data_rows("identity_groups.csv") for spelling in identity_group_spellings(row))
    group_words = _alternation(groups)
    # and so is an armed group's acronym after a figure ("5 VDP", "12 RSF", "two CODECO"): counted, group None
    after_figure = "(?:" + "|".join([r"(?<=\d\s)", *(rf"(?<=\b(?i:{word})\s)" for word in numbers["units"])]) + ")"
    group = (rf"{group_words}|(?!(?:{_alternation(numbers['vague'])})\b)(?-i:[A-Z][a-z]+s|(?:{communities})\b(?!\s+(?:[A-Z]|(?i:{group_words})\b))"
             rf"|{after_figure}[A-Z]{{2,6}}\b(?!\s+(?:[A-Z]|(?i:{group_words})\b))"
             # or after a number told in words: "an unknown number of RSF"
             rf"|(?<=number of )[A-Z]{{2,6}}\b(?!\s+(?:[A-Z]|(?i:{group_words})\b)))"
             # "3 militia and 2 Al Shabaab": after a figure, a militia's members
             rf"|(?<=\d\s)militias?\b(?!\s+(?!and\b|or\b)[a-z])"
             # a plural that is a count ("dozens", "scores") is no group of its own
             rf"|(?!(?:{_alternation([*terms['not_victims'], *terms['not_modifier_words'], *numbers['vague']])})\b)(?-i:[a-z]{{2,}}[a-rt-z]s)")
    modifier = (rf"(?:\d+\s+(?:years?|months?)\s+old\b"  # an age: "the 48 year old man"
                # a side's initials after a figure, whatever word they spell: "2 AS militants"
                rf"|{after_figure}(?-i:[A-Z]{{2,6}})\b"
                rf"|(?!(?:{_alternation(terms['not_modifiers'])})\b)(?-i:[A-Z])[\w'’]*(?:-[\w'’]+)*"
                # a name's particles and a group's digits: "12 Saraya al Salam fighters", "3R fighters"
                rf"|(?-i:al|el|ad|ash|ar|bin|ibn|abu)\b|(?-i:\d[A-Z])\b"
                rf"|[\w'’]+(?:-[\w'’]+)+|(?:{_alternation(terms['modifiers'])})\b"
                rf"|(?-i:[a-z]{{3,}})['’]s\b"  # whose: "a herder's wife", "the owner's daughter"
                rf"|(?-i:[a-z]{{3,}}s)['’](?=\s)"  # and of many: "ten soldiers' bodies"
                # a number word is a count, never a modifier: "Al-Shabaab two Kenyan soldiers"
                rf"|(?!(?:{_alternation(terms['not_modifier_words'])}|{quantity_plain})\b)(?-i:[a-z]{{3,}})\b)")
    # After the group, where it was or whose members it counts: "four traders in Garissa", "three
    # members of the Tembo clan" (capitalised words, which a verb or a number never is), "three
    # residents of the town".
    proper = r"(?:(?:al|el|ad|as|ash|ar)[- ])?(?-i:[A-Z])[\w'’-]*"
    complement_nouns = _alternation(terms['complement_nouns'])
    complement = (rf"(?:\s+(?:in|at|from|of)\s+(?:(?:(?:the|an?)\s+)?{proper}(?:\s+{proper}){{0,2}}"
                  rf"(?:\s+(?:[a-z]+\s+)?(?:{complement_nouns})\b)?"
                  rf"|(?:(?:the|a|that|their|his|her|both|each|either)\s+)?(?:[a-z]+\s+)?(?:{complement_nouns})\b)){{0,2}}")
    units = "|".join(terms["units_after_number"])
    # a number before units is a measure: "the 48 year old man" is one man, aged 48
    measure = rf"(?!\s*-?\s*(?:{units})\b)"
    # a count or a group quoted as a claim: "the army said 'dozens' of terrorists were killed", "30 'terrorists'"
    with_group = (rf"(?:['‘\"“]?(?P<qty>{quantity_plain}|no|an?|another)['’\"”]?{measure}(?:\s+of(?:\s+(?:the|those|its|their|his|our)(?:\s+own)?)?)?\s+)?"
                  # not a possessive: "a doctors' group said" names no doctor (a quote closing
                  # a claim before its verb is none: "'several terrorists' were"); nor a thing of
                  # theirs: "two police camps"
                  rf"(?:{modifier}\s+){{0,3}}?['‘\"“]?(?P<group>{group})\b(?!['’](?!\s+(?:were|was|had|have|are|is)\b))(?!\s+(?:{_alternation(terms['not_victims'])})\b){complement}")
    # "three of them", "two of those arrested", "three of the injured"
    bare = (rf"(?P<bare>{quantity_plain})(?![\w+/-])(?!\s+(?:{units}|{_alternation(terms['not_victims'])})\b)"
            rf"(?:\s+of\s+(?:them|those(?:\s+(?-i:[a-z]+ed))?|the\s+(?-i:[a-z]+ed))\b|\s+(?:more|others)\b)?")  # "8 more killed"
    victim = rf"(?<![\w/-])(?P<item>{with_group}|{bare})"
    # Several victims are listed only with their groups ("two soldiers and a civilian"), so that
    # "Since June 19, 30 people were killed" does not read "19" as a victim.
    listed = rf"(?<![\w-]){_uncaptured(with_group)}"
    # "a man and his son", "three soldiers and all five attackers": later items may open with a
    # possessive or a determiner
    victim_list = (rf"(?:{listed}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their|its|the|all(?:\s+(?:of\s+)?the)?)\s+)?{listed})*"
                   rf"|(?<![\w/-]){_uncaptured(bare)})")
    # what opens a subset: a cue ("including"), or a share of the victims told by its group
    # ("four of them children")
    subset_cue = rf"(?:{_alternation(terms['subset_cues'])}|(?:{quantity_plain})\s+of\s+(?:them|whom)(?=\s+(?:[\w-]+\s+){{0,2}}(?:{group})\b))"

    roles: dict[str, dict[str, str]] = {}
    for kind, words in terms["kinds"].items():
        for role in ("passive", "intransitive", "active"):
            for phrase in words[role]:
                roles.setdefault(_normal(phrase), {})[role] = kind
    cue = _alternation(roles)
    fates = _alternation(p for p, r in roles.items() if "passive" in r or "intransitive" in r)
    intransitive = _alternation(p for p, r in roles.items() if "intransitive" in r)
    active = _alternation(p for p, r in roles.items() if "active" in r)
    # and a note's date there: "were on 24/02 lynched"
    auxiliaries = _alternation(terms["auxiliaries"]) + r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    english = load_yaml("english.yaml")
    passive_auxiliaries = _alternation(english["passive_auxiliaries"] + english["get_passives"])
    reporting = _alternation(english["reporting_words"])

    def kinds_of(field: str) -> dict[str, str]:
        return {_normal(w): kind for kind, words in terms["kinds"].items() for w in words[field]}

    count_kinds, toll_kinds = kinds_of("count_nouns"), kinds_of("toll_nouns")
    labelled_kinds = {**count_kinds, **{word: kind for word, kind in {**kinds_of("passive"), **kinds_of("intransitive")}.items()
                                        if " " not in word}}
    flags = re.IGNORECASE
    # what a headline's lone victim cannot be ("kill activist", "kill Mungiki sect spokesman")
    not_one = (rf"(?:{_alternation([*terms['not_victims'], *terms['not_modifier_words'], *terms['time_words'], *_SHORT_WORDS, 'him', 'her', 'them', 'time'])})\b"
               r"|\d")
    companions = _alternation(terms["companions"])
    # how a victim inside a verb phrase opens: "two", "a", "the", "their" ("beat two men to death")
    victim_opening = rf"(?:(?P<qty>{quantity_plain}|an?|another)\s+|(?:the|his|her|their)\s+)?"
    # who was set ablaze or burnt: "a suspected thief", not "the house of a chief" nor "cars owned by"
    burnt = rf"(?P<victim>{victim_opening}(?:(?!of\b|belonging\b|owned\b)[\w'’-]+\s+){{0,3}}?(?P<noun>[\w'’-]+))"
    # a share of a toll: "three in Kisumu", "one person at Embu", "the other in Meru"
    share = (rf"(?P<n>{number}|the\s+other|another)(?:\s+(?!(?:in|at)\b)(?-i:[a-z]+)){{0,2}}?\s+(?:in|at)\s+"
             rf"(?P<place>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*)")
    imputed_aside = (r"(?:(?:suspected|accused|believed|alleged|linked|tied)\s+(?:of|to|with)\s+[^,;.()]{1,40}?\s+)?"
                     r"(?:on\s+patrol\s+|on\s+duty\s+)?")
    clause_words = r"(?:[^,;.()]|\([^()]{0,60}\)){0,120}?"
    of_institution = r"(?:\s+of\s+(?-i:[A-Z])[\w'’-]+)?"
    # who they were, told between commas: ", Peter Mwangi,", ", a driver, 21,", ", aged 15 and 18,",
    # names shortened to an initial: ", Ridwan L. and Yusuf K.,"
    between_commas = (r"\s*,\s*(?:(?-i:[A-Z])|(?:on|while|during|an?|the|his|her|their|one|both|each|aged)\s|\d{1,3}-year-old\s)"
                      r"(?:[^,;.()]|\(\d{1,3}\)|(?<=\s(?-i:[A-Z]))\.){1,90}?\s*,(?:\s*\d{1,3}\s*,)?")
    return _Lexicon(
        # dispatched by first character: searched in every sentence, and the plainer regex was its stage's slowest
        cue=dispatched([("cue", _alternatives(roles))], prefix=r"(?<![\w-])", suffix=r"(?![\w-])", flags=flags),
        roles=roles,
        passive_left=re.compile(
            rf"(?P<list>{victim_list})['’]?"  # and a claim's closing quote: "'several terrorists' were"
            rf"(?:(?:\s*[,(—–]\s*|\s+)(?:(?:reportedly|allegedly|possibly|apparently|probably)\s+)?(?P<subset>(?:{subset_cue})\s+[^;()—–.]{{1,100}}?"
            # or its cue after it: "nine civilians, two novice monks among them, were killed"
            rf"|[^,;()—–.]{{1,60}}?\s+among\s+(?:them|the\s+dead|the\s+victims))\s*[,)—–]?)?"
            rf"(?:\s*\([^()]{{1,40}}\))?"  # an aside: "At least nine (police say 12) have died"
            rf"(?:\s+(?:on|from)\s+(?:both|each|either)\s+sides?)?"  # "dozens of fighters on both sides were killed"
            # what they were thought to be or tied to: "two men suspected of theft were lynched",
            # "a cleric linked to Al Shabaab was shot dead"
            rf"(?:\s+(?:suspected|accused|believed|alleged|linked|tied|affiliated|associated|connected|wanted)"
            rf"\s+(?:of|to|with|for|by|in\s+connection\s+with)\s+[^,;.()]{{1,40}}?)?"
            # an aside between commas, names or where they were: "two local leaders, Peter Mwangi and
            # John Otieno, were shot dead", "ten soldiers, on patrol near the border, died"; names
            # may run up to the verb: "two local leaders, Peter Mwangi and John Otieno were shot dead"
            # a victim's age after the name ("a driver, Aditya Pratama, 21, was"), and a breakdown
            # ("two workers, one Indonesian and one Chinese national, were killed")
            # and ages ("two young men, Joel Romero (24) and Brayan Huaman (22), were", "one
            # demonstrator, 22-year-old Jesus Medina, died", "two teenagers, aged 15 and 18, were")
            rf"(?:{between_commas}|\s*,\s*(?-i:[A-Z])[^,;.()]{{1,90}}?(?-i:[A-Z])[\w'’-]+)?"
            # what had been done to them, and by whom: "a woman (who was) shot by bandits in
            # Kapedo succumbed", not the bandits
            rf"(?:\s*,?\s+(?:(?:who|that)\s+(?:was|were|had\s+been)\s+)?(?-i:[a-z]+(?:ed|en|t))\s+by\s+[^,;.()]{{1,50}}?,?)?"
            # what they were doing or where they were: "Two traders riding to the market were shot
            # dead", "two civilians caught in the crossfire were killed"
            rf"(?:\s+(?:(?-i:[a-z]{{3,}}ing)\b|(?:{_alternation(terms['placed_participles'])})\s+(?:in|at|on|inside|near|under)\b)"
            rf"[^,;.()]{{0,40}}?)?"
            # or who they were: "two traders who were travelling to Garissa were killed", "three
            # paramedics who were on duty there died"
            rf"(?:\s+(?:who|that)\s+(?:were|was|had(?:\s+been)?|could(?:\s+not|n['’]t)|did(?:\s+not|n['’]t))\s+(?-i:[a-z]{{2,}})\b[^,;.()]{{0,50}}?)?"
            # and the divisions an ACLED note gives that place: "herding sheep in Hays (Hays, Al Hudaydah)"
            rf"(?:\s*\((?-i:[A-Z])[^()]{{1,60}}\))?"
            rf"\s*(?:,\s*(?=who\b))?"  # "one gang member, who died later"
            # "were attacked and killed": a first participle joined to the casualty verb
            rf"(?P<aux>(?:\b(?:{auxiliaries})\s+){{0,5}}\b(?:{passive_auxiliaries})\s+(?:[a-z]+\s*,\s*){{0,2}}"
            rf"(?:[a-z]+ed|(?:run|knocked|mowed)\s+(?:over|down)|hit|struck|shot|beaten|stabbed|caught|tied)\s+and\s+"
            rf"|(?:\b(?:{auxiliaries})\s+){{0,6}})[\"“'‘]?$", flags),
        # (what they were thought to be, and a note's divisions on the way: "a man accused of
        # witchcraft was dragged from his house in Nyamache (Bobasi, Kisii) and burnt to death");
        # one who died may have acted first: "a soldier on patrol stepped on a mine and died"; what
        # they were doing may come before their name ("a journalist covering the march, John
        # Kamau, was hit by pellets and died")
        struck_then_died=re.compile(
            rf"(?P<list>{victim_list})(?:\s+(?-i:[a-z]{{3,}}ing)\b[^,;.()]{{0,40}}?(?={between_commas}))?(?:{between_commas})?\s+{imputed_aside}(?:(?:(?:{auxiliaries})\s+){{0,3}}?(?:{passive_auxiliaries})\s+(?:\w+ly\s+)?"
            rf"|(?P<acted>))(?-i:[a-z]+(?:ed|en|t))\b{clause_words}\s+(?:and|but)\s+(?:(?:later|then|subsequently|eventually|\w+ly)\s+)?$", flags),
        passive_before=re.compile(rf"\b(?:{passive_auxiliaries})\s+(?:\w+ly\s+)?$", flags),
        passive_follower=re.compile(
            rf"\s*(?:$|[,.;:()/\"'“”‘’—–-]|(?:{_alternation(terms['passive_followers'])})\b)", flags),
        victim=re.compile(victim, flags),
        victim_item=re.compile(rf"{victim}(?=\s*,|\s+and\s|\s*$)", flags),
        # a toll quoted as a claim: killed "dozens of terrorists", were "neutralised", had 'neutralised' 20
        victim_after=re.compile(rf"['’\"”]?\s+[\"“]?(?:{_DETERMINERS}\s+)?{victim}", flags),
        second_verb=re.compile(r"\s+and\s+(?P<verb>(?-i:[a-z]+(?:s|ed|t)))(?=\s)", flags),
        # "were kidnapped and later killed", "wounded by raiders later died": the wounded died,
        # not their attackers
        # "a child who was wounded in the shelling died": the wounded died
        shared_subject=re.compile(r"(?:\s+by\s+(?:(?!and\b)[^\W\d_][\w'’-]*\s+){0,4}?(?!and\b)[^\W\d_][\w'’-]*\s+|\s*,?\s*(?:and|before\s+being)\s+"
                                  r"|\s+(?:in|during)\s+(?:the|that)\s+(?:[\w-]+\s+)?(?:attack|shelling|strike|blast|explosion|raid|ambush|clash(?:es)?|fighting)\s+)"
                                  r"(?:(?:later|then|subsequently|eventually|\w+ly)\s+)?"
                                  r"(?:(?:was|were|had\s+been|have\s+been)\s+)?", flags),
        one_after=re.compile(
            # (an institution named in the title: "a House of Representatives candidate")
            rf"\s+(?P<victim>(?:an?|another|his|her)\s+(?!(?:{_alternation(terms['not_victims'])})\b)[\w'’-]+{of_institution}"
            rf"(?:\s+(?!(?:{_alternation([*terms['not_victims'], *terms['not_modifier_words'], *_SHORT_WORDS])})\b)"
            rf"[\w'’-]+{of_institution}){{0,3}}|(?:him|her)\b)", flags),
        # a name of two to four words, not a group's ("Al Shabaab militants") nor a country's people
        # a person's name, after a word or two of what they were ("shot dead pharmacist Khaled
        # al-Masri"), with the particles names hold ("al-", "bin", "de")
        named_after=re.compile(
            rf"\s+(?P<victim>(?:(?-i:[A-Z][a-z]+)\s+(?=(?-i:[a-z])))?(?:(?!(?:{_PREPOSITIONS}|when|while|where|because|since|until|who|which|that)\b)(?-i:[a-z][a-z'’-]{{2,}})\s+){{0,3}}(?-i:[{_UPPER}][{_LOWER}'’-]+)"
            rf"(?:\s+(?-i:(?:al|el|ad|as|ar|bin|ibn|abu|van|von|de|da|del|dos|du|la|le)[-\s])?(?-i:[{_UPPER}][{_LOWER}'’-]+)){{1,3}})"
            rf"\b(?!['’]|\s+(?:{group_words})\b)"),
        bare_one_after=re.compile(
            rf"\s+(?P<victim>(?:(?!{not_one})[\w'’-]+\s+){{0,2}}(?!{not_one})"
            rf"(?-i:[a-z]{{4,}})(?<!s)(?<!ing))(?=\s*(?:$|[,.;]|(?:at|in|on|near|outside|inside|after|during|over|and)\b))"),
        continuation=re.compile(
            # after a name or a title told between commas: "killing the chief, Mr. Moussa Hamadou,
            # and two of his sons"; and "as well as"
            rf"(?:\s*,\s*(?:[^,;]{{1,80}}?,\s*){{0,2}}and\s+|\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+)(?:{_DETERMINERS}\s+)?(?<![\w-])(?P<item>{with_group})"
            # not the subject of a verb of its own: "..., a police officer told reporters"
            rf"(?!(?:\s+(?!(?:and|or|but|then|while|as|before|after|when|until|who|which|that)\b)[\w-]+)?\s+(?:(?:{passive_auxiliaries})|(?:{cue})|(?:{reporting}))\b)", flags),
        subset_after=re.compile(
            # or a breakdown after a colon: "22 people died: 5 soldiers and 17 attackers"
            rf"(?:\s*[,(—–]\s*|\s+|(?=\s*:))(?P<subset>(?:(?:{subset_cue})\s+|\s*:\s*)[^,;()—–]+?)"
            rf"(?=\s*[,;()—–.]|\s*$|\s+and\s+(?:{active})\b)", flags),
        quantity=quantity_parser,
        toll_by_place=re.compile(rf"(?<![\w-]){_uncaptured(share)}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+){_uncaptured(share)})+", flags),
        toll_share=re.compile(share, flags),
        count_noun=re.compile(
            rf"(?<![\w-])(?P<qty>{quantity_plain})\s+(?:of\s+)?(?:{modifier}\s+){{0,2}}?"  # "dozens of deaths"
            rf"(?P<noun>{_alternation(count_kinds)})\b", flags),
        count_word=re.compile(rf"\b(?:{_alternation(count_kinds)})\b", flags),
        labelled_count=re.compile(
            # or the coder's own figure: "Fatalities coded as 10"
            rf"(?<![\w-])(?P<noun>{_alternation(labelled_kinds)})(?:\s*:|\s+(?:(?:were|was|are|is)\s+)?(?P<coded>coded\s+(?:as|at)))\s*"
            rf"(?P<qty>{quantity_plain})(?![\w:/.-]*\d)", flags),
        labelled_kinds=labelled_kinds,
        coded_shares={how: [re.compile(p.replace("NUMBER", rf"(?P<n>{number})"), flags) for p in patterns]
                      for how, patterns in terms["coded_shares"].items()},
        toll=re.compile(rf"\b(?P<noun>{_alternation(toll_kinds)})\b", flags),
        to_death=re.compile(
            rf"\b(?:{_alternation(terms['to_death_verbs'])})\s+(?!(?:and|or|then|up)\b)(?P<victim>{victim_opening}"
            # (not a second verb's: "beat them and burned them to death")
            rf"(?:(?!(?:{_alternation(terms['to_death_verbs'])})\b)[\w'’-]+\s+){{0,3}}?[\w'’-]+)(?:\s+(?:to\s+death|dead)|(?:,\s+[^,;.()]{{1,30}}){{1,2}},\s+to\s+death)\b", flags),
        killed_them=re.compile(rf"\b(?:{_alternation(terms['killed_them_verbs'])})\s+(?P<qty>(?!))?(?P<victim>them)\b", flags),
        set_afire=re.compile(
            rf"\b(?:set(?:s|ting)?|burn(?:s|ed|t|ing)?)\s+{burnt}\s+(?:ablaze|alight|on\s+fire|alive)\b", flags),
        set_afire_first=re.compile(
            rf"\bset(?:s|ting)?\s+(?:ablaze|alight|on\s+fire)\s+(?!(?:by|in|at|on|near|during|after|over|when|while)\b){burnt}"
            rf"(?=\s*(?:$|[,.;:()]|(?:after|in|at|on|near|for|who|as|and)\b))", flags),
        running_total=re.compile(rf"\b(?:{_alternation(terms['running_total_cues'])})\s+(?:the|a)\s+(?:[\w-]+\s+){{0,6}}?"
                                 rf"(?:{_alternation(toll_kinds)}|total|tally)\b[^,;.]*$", flags),
        revision=re.compile(rf"\b(?:{_alternation(terms['revision_cues'])})\b", flags),
        toll_link=re.compile(r"\b(?:to|at|of|reached|reaching|hit|is|was|now|stood\s+at|stands\s+at|between)\s+", flags),
        denial=re.compile(
            rf"\b(?:no|without|zero)\s+(?:reports?\s+of\s+)?(?:(?:immediate|reported|known|further|other|serious|major)\s+)?"
            rf"(?P<noun>{_alternation(terms['none_nouns'])})\b", flags),
        along_with=re.compile(
            rf"[^,;.]{{0,40}}?,?\s*(?:(?:along|together)\s+with|as\s+(?:was|were)|plus)\s+(?:(?:his|her|their|its)\s+)?(?P<list>{victim_list})"
            rf"(?=\s*(?:[,;.]|$|\b(?:in|at|on|near|by|when|after|as)\b))", flags),
        of_whom_died=re.compile(rf"\b(?P<count>{number})\s+of\s+(?:whom|them)\s+(?:later\s+|subsequently\s+|has\s+since\s+|have\s+since\s+)?"
                                rf"(?:died|succumbed|(?:was|were)\s+killed)\b", flags),
        perpetrators_too=re.compile(
            rf"[^,;.]{{0,40}}?,?\s*(?:as\s+well\s+as|besides|in\s+addition\s+to|along\s+with|and)\s+(?P<who>(?:him|her)self"
            rf"|(?:the\s+)?(?P<count>{number})\s+(?:suicide\s+)?(?:bombers|attackers|assailants)"
            rf"|the\s+(?:suicide\s+)?(?:bomber|attacker|assailant))\b(?!\s+(?:and|were|was)\b)", flags),
        and_more=re.compile(
            rf"[^,;.]{{0,40}}?\s+and\s+(?P<item>(?P<count>{number})\s+(?:more|others)|an?\s+(?P<ordinal>{_alternation(terms['added_victim_ordinals'])}))"
            rf"(?=\s+(?:in|at|on|near|later|after|before|while|the\s+next|overnight|died|succumbed|passed\s+away)\b)", flags),
        along_with_kin=re.compile(
            rf"[^,;.]{{0,40}}?,?\s*(?:(?:(?:along|together)\s+)?with|and)\s+(?:his|her|their)\s+(?P<first>{companions})"
            rf"(?:\s+and\s+(?:(?:his|her|their)\s+)?(?P<second>{companions}))?"
            rf"(?=\s*(?:[,;.]|$|\b(?:in|at|on|near|by|when|after|as)\b))", flags),
        body_found=re.compile(terms["body_found"], flags),
        death_caused=re.compile(terms["death_caused"], flags),
        people_only=frozenset(map(_normal, terms["people_only_cues"])),
        be_before=re.compile(rf"\b(?:{_alternation(english['passive_auxiliaries'])})\b", flags),
        killed_self=re.compile(terms["killed_self"], flags),
        self_and=re.compile(terms["self_and"], flags),
        pronoun_and=re.compile(terms["pronoun_and"], flags),
        kin_of=re.compile(rf"\b(?:{_alternation(terms['kin_of'])})\s+of\s+$", flags),
        kin_heading=re.compile(rf"(?:{_alternation(terms['kin_of'])})\s+of\b", flags),
        kin_death=re.compile(rf"\b(?:{_alternation(terms['kin_of'])})\s+of\s+(?:[^.;]{{1,40}}?\bwho\s+(?:had\s+)?(?:just\s+|recently\s+)?"
                             rf"|(?:the\s+|those\s+)?(?:\w+\s+)?(?:people|persons|victims|those|men|women|youths|students|protesters)\s+)$", flags),
        captives_dead=re.compile(terms["captives_found_dead"], flags),
        armed_modifier=re.compile(rf"\b(?:{_alternation(terms['armed_modifiers'])})\b", flags),
        out_of_service=re.compile(rf"\b(?:{_alternation(terms['out_of_service_modifiers'])})\b", flags),
        out_of_service_groups=frozenset(terms["out_of_service_groups"]),
        count_before=re.compile(rf"(?<![\w-])(?P<qty>{quantity_plain})\s+(?:(?:{_alternation(terms['named_group_modifiers'])})\s+)?$",
                                flags),
        listed_before=re.compile(rf"(?<![\w-])(?P<item>{with_group})\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", flags),
        fate_after=re.compile(rf"\s+(?:(?:{auxiliaries})\s+){{0,3}}(?P<cue>{fates})(?![\w-])", flags),
        imputed_deed=re.compile(rf"\b(?:{'|'.join(terms['imputed_deed_cues'])})\b", flags),
        # (and the part taken: "accused of taking part in the fuel protests")
        imputed_lead=re.compile(rf"\b(?:{'|'.join(terms['imputed_deed_cues'])})\s+"
                                rf"(?:(?:taking\s+part|participating|involvement|a\s+role)\s+in\s+(?:[\w'’-]+\s+){{0,3}}|(?:[\w'’-]+\s+){{0,4}})$", flags),
        main_fate=re.compile(rf"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:(?:{passive_auxiliaries})\s+"
                             rf"(?:(?:\w+ly|later|then|also)\s+)?(?:{cue})|(?:(?:later|then)\s+)?(?:{intransitive}))(?![\w-])", flags),
        near_miss=re.compile(rf"\b(?:{_alternation(terms['near_misses'])})\s+$", flags),
        groups=groups,
        singular=singular,
        unspecified=frozenset(_normal(a) for a in terms["unspecified"]),
        unspecified_one=frozenset(_normal(a) for a in terms["unspecified_one"]),
        breakdown_groups=frozenset(terms["breakdown_groups"]),
        pair_words=frozenset(terms["pair_words"]),
        household_words=frozenset(terms["household_words"]),
        unit_after=re.compile(rf"(?:\s+(?:(?-i:[A-Z])[\w.'’-]*|\d+))*?\s+(?:{_alternation(terms['unit_words'])})\b", flags),
        count_kinds=count_kinds,
        toll_kinds=toll_kinds,
        denial_kinds={_normal(k): v for k, v in terms["none_nouns"].items()},
        perfect_auxiliaries=frozenset(_normal(a) for a in terms["perfect_auxiliaries"]),
        number_words=number_words,
        scales=numbers["scales"],
        vague=numbers["vague"],
        unknown_count=re.compile(rf"(?:{_alternation(numbers['unknown_counts'])})\b", re.I),
        qualifier_class=qualifier_class,
    )
