"""Event detection: triggers typed by ACLED's taxonomy, then arguments attached from the sentence.

Finding and deciding are separate steps. ``find_triggers`` matches the trigger lexicon
(``data/event_types.yaml``) over each sentence in one compiled pass. ``find_events`` keeps one
trigger per family and sentence (the most specific weapon or act), attaches actors, place, date
and casualties from the clause around it (passive "X was killed by Y", "clashes between X and
Y", the subject before the verb, the object after it), decides the sub-type where it depends on
who acted on whom, and merges sentences that retell the same event ("the airstrikes").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from functools import cache
from operator import attrgetter
from typing import Callable, Iterator

from eventcoder import taxonomy
from eventcoder.article import (
    ActorMention,
    Article,
    CasualtyMention,
    DateMention,
    Event,
    Mention,
    PlaceMention,
    Trigger,
)
from eventcoder.alternation import Dispatched, dispatched, group_name
from eventcoder.errors import Errors, PipelineError
from eventcoder.gazetteer.resolve import division_seat, road_end, told_beyond
from eventcoder.lexicon import in_country, load_lexicon as load_actor_lexicon, party_spellings, sides_with_state, unnamed_actor
from eventcoder.resources import data_rows, load_yaml
from eventcoder.spans import Spans
from eventcoder.stages import stage
from eventcoder.stages.actors import counter_claimed, denied_after, told_as_unknown
from eventcoder.stages.casualties import imputes_deed, mourned_by_kin, tells_added_victims_at, tolls_by_place, top_level
from eventcoder.stages.text import dateline_end

#: A protest's story: its sentence and the next ones, where news tells how it went on ("Police
#: dispersed them with tear gas").
PROTEST_STORY_SENTENCES = 3
#: Characters before a cue searched for a word that denies it ("devoid of running battles").
NEGATION_REACH = 40
#: Characters before a toll searched for what a protest is about ("justice for ...").
GRIEVANCE_REACH = 100
#: The sentences that open a report and tell its main event: a news lead, or a coder's note.
LEAD_SENTENCES = 3
#: Protesters injured from which the force against them is excessive (ACLED: gravely hurt).
EXCESSIVE_INJURED = 10
#: How far after an act the post of armed men it was aimed at may be named ("attacked a police station").
ARMED_POST_REACH = 60
#: The year ACLED's sub-event typology began, and with it today's coding of road blockades.
TYPOLOGY_YEAR = 2019
#: Sentences after an event that may give its toll without telling an act of their own
#: ("Al Shabaab targeted police with an IED. Three deaths were reported.").
TOLL_SENTENCES = 2
#: How far before a death the words that remember it may open ("in memory of civilians").
REMEMBERED_REACH = 60
#: After a side that will not tell what happened: "the army did not say how many soldiers died".
_WITHHELD_REPORT = re.compile(r"\s+(?:(?:did|does|would|could|has|have)\s+not|declined\s+to|refused\s+to)\s+"
                              r"(?:say|give|disclose|confirm|reveal|comment|specify)\b", re.I)
#: A lower-case word inside a place's name: "Bajos de Mena", "Dar es Salaam".
_NAME_PARTICLE = r"(?:de|del|da|do|dos|das|la|el|al|es|wa)"


def _crowd_agent_gap(sites: list[str], crude_weapons: list[str], captures: list[str]) -> re.Pattern:
    """Between civilians named and the act they did: where they are from (``sites``: the words
    after a place's name), what they carried (``crude_weapons``), when, a first act, or the
    capture of their victim (``captures``) told at any length before it."""
    division = rf"(?:(?:{'|'.join(map(re.escape, sites))})\b\s*)"  # "Kiganjo municipality", "Oshodi market"
    weapon = rf"(?:{'|'.join(map(re.escape, crude_weapons))})"
    capture = rf"(?:{'|'.join(map(re.escape, captures))})"
    # (a quarter's number is part of its name: "residents of Zone 8 in Seshego")
    return re.compile(rf"^\s+(?:(?:of|at|from)\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|-|{_NAME_PARTICLE})\s+(?:\d[\w-]*\s+)?){{1,4}}{division}?"
                      # a coder's divisions in brackets: "residents of Kiganjo (Nyeri) burned"
                      r"(?:\([^()]{1,60}\)\s+)?"
                      # or whose people they are: "relatives of a deceased patient vandalised", "relatives
                      # of a woman who died after childbirth in Mangochi ransacked"
                      r"|of\s+(?:an?|the|their|his|her)\s+(?:[a-z][\w'’-]*\s+){1,3}"
                      r"(?:(?:who\s+(?:had\s+)?(?:just\s+|recently\s+)?died|killed|murdered)\b[^.;]{0,100}?\s+)?)?"
                      # and where that is: "residents of Kiria in Gatura, Murang'a county, beat up", "of
                      # the El Bosque neighbourhood of Cartagena", "in a rural area near Caranavi"
                      rf"(?:(?:in|near|outside|of)\s+(?:(?:an?|the)\s+(?:[a-z]+\s+){{1,2}}(?:of|in|near|outside)\s+)?(?:[A-Z][\w'’-]*\s*){{1,3}}{division}?(?:,\s*(?:[A-Z][\w'’-]*\s+){{1,2}}{division}?\s*)?,?\s*"
                      r"(?:\([^()]{1,60}\)\s*)?)?"
                      # and their grievance between commas: "miners in Hire, angered by the destruction of
                      # their equipment, attacked"
                      r"(?:,\s*(?:angered|enraged|incensed|outraged|infuriated|upset|frustrated|furious|angry|unhappy)\b[^,;.()]{0,120},\s+)?"
                      # and what they carried: "residents armed with pangas and sticks attacked"
                      rf"(?:armed\s+with\s+{weapon}(?:,?\s+(?:and\s+|or\s+)?{weapon})*,?\s+)?"
                      # and when: "residents of Kiganjo on Monday night set ablaze"
                      # ("residents of Kiganjo on 19 February 2022 set fire")
                      r"(?:(?:early\s+|late\s+)?on\s+(?:the\s+night\s+of\s+)?[\w/-]+(?:\s+(?-i:[A-Z])[a-z]+(?:\s+\d{4})?)?(?:\s+(?:night|morning|evening|afternoon))?,?\s+)?"
                      # and a first act of theirs: "parents stormed the school and destroyed", "villagers
                      # caught three men they accused of stealing cattle and beat"
                      # ("villagers tied two men to a pole and beat them", "vandalised the hospital (Chitwan) and assaulted")
                      r"(?:(?!(?:was|were|is|are|been|being|had|have|has|got)\b|[a-z]+ing\b)[a-z]+\s+(?:[^\s.;:]+\s+){0,9}?and\s+"
                      rf"|{capture}\s+[^.;:]{{1,100}}?(?:,\s*(?:and\s+)?|\s+and\s+))?"
                      # (not another subject: "the traders they were attacking" were struck)
                      r"(?:(?!(?:they|he|she|we|it)\b)\w+\s+){0,2}?$")
#: Between a clash's verb and the side it names: "clashed with", "fought against the", "battled".
_WITH = re.compile(r"\s+(?:(?:with|against)\s+)?(?:(?:the|their|its|his|her)\s+)?(?:suspected\s+)?", re.I)
#: Place mentions the place stage emits that name no event location: demonyms, continents.
NOT_EVENT_LOCATIONS = {"DEMONYM", "CONT"}

_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:where|and)\b|\b(?:which|who|when|after|before|while|whereas|as|but|said|says|"
    r"told|stated|reported|indicating|indicated|claimed|added|that)\b", re.I)
#: A violent act told as a verb ("sect members attacked a woman", "a body was found dumped"
#: aside): an event even when the coder recognises neither side.
_VIOLENT_VERB = re.compile(r"(?:attack(?:ed|s)?|kill(?:ed|s)?|shoots?|shot(?: dead)?|beat(?:en|s)?(?: up)?|thrashed|stabbed|raided|stormed|assaulted|ston(?:e|es|ed)|burn(?:s|t|ed)|set upon|punched|kicked|slapped|whipped|flogged|"
                           r"murdered|gunned down|hacked(?: to death)?|slashed|clubbed|beat(?:en)? to death|lynched|executed|torture[ds])", re.I)
#: A burning, of things or people: "set ablaze", "set a suspected thief alight".
_BURNING = re.compile(r"set(?:s|ting)?\s+(?:[\w'’-]+\s+){0,4}?(?:ablaze|alight|on\s+fire)", re.I)
#: A burning whose object is a person told by a pronoun, or the dead: "set him on fire", "set
#: their bodies alight".
_BURNT_PERSON = re.compile(r"set(?:s|ting)?\s+(?:him|her|them|himself|herself|themselves|(?:his|her|their|the)\s+bod(?:y|ies))\s", re.I)
#: A violent verb as the trigger tells it, passive too: "was beaten", "were brutally attacked".
_VIOLENT_VERB_TOLD = re.compile(r"(?P<auxiliary>(?:was|were|is|are|been|got)\s+(?:\w+ly\s+)?)?(?:"
                                + _VIOLENT_VERB.pattern + ")", re.I)
#: A verb form no noun takes: after "a patient", "assaulted" is still the act.
_PARTICIPLE = re.compile(r"\b\w+(?:ed|en)\b", re.I)
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|another|such)\s+(?:[\w-]+\s+)?$", re.I)
#: Between a passive verb and its agent, across the day and the place an ACLED note tells there
#: ("were kidnapped near Ganthier (Croix-des-Bouquets, Ouest) on 12 May 2023 by"), not into
#: another clause ("was injured when the ambulance was attacked by": that verb's agent).
_BY_AGENT = re.compile(r"^\W*(?:(?!(?:was|were|been|when|after|as|while)\s)(?:[\w'’-]+|\([^()]{1,60}\)),?\s+){0,10}?by\b", re.I)
#: A person named by whom they stand with or belong to: "a critic of the government", "the wife
#: of a police officer"; the side named after it is not the one struck.
_PERSON_OF = re.compile(r"\b(?:critics?|opponents?|supporters?|relatives?|wife|husband|sons?|daughters?|brothers?|"
                        r"sisters?|mother|father|friends?|employees?|staff|spokes(?:man|woman|person))\s+of\s+(?:the\s+|an?\s+)?$", re.I)
# "shelling by the RSF", "an IED planted by suspected ISIS militants", "a raid by 90 armed
# bandits", "bombers suspected to be from Boko Haram": the agent named right after the act.
#: A side that met an attack: "fought back", and "repelled" or "fought off" the attack itself.
_FOUGHT_BACK = re.compile(r"fought\s+back|returned\s+fire|hit\s+back", re.I)
_REPELLED = re.compile(r"repel|repuls|fought\s+off|beat\s+back|" + _FOUGHT_BACK.pattern, re.I)
#: Between "repelled" and the side whose attack it was, and the attack after it: "repelled an IS
#: attack", "repelled a night attack by JAS fighters".
_ATTACK_NOUNS = r"(?:attacks?|assaults?|raids?|offensives?|incursions?|ambush(?:es)?)"
_ATTACKER_GAP = re.compile(r"\s+(?:an?|the)\s+(?:[a-z]+\s+)?")
_ATTACK_AFTER = re.compile(r"\s+" + _ATTACK_NOUNS + r"\b", re.I)
_WHO_ATTACKED = re.compile(r"\s+(?:who|that)\s+(?:had\s+)?(?:attacked|invaded|raided|stormed|tried|attempted)\b", re.I)
_ATTACK_ENDS = re.compile(r"\s" + _ATTACK_NOUNS + r"$|\bgroups?$", re.I)
_ATTACK_BY_GAP = re.compile(r"\s+(?:an?|the)\s+(?:[a-z]+\s+)?" + _ATTACK_NOUNS + r"\s+by\s+(?:the\s+)?", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+|an?\s+)?$", re.I)
_NOMINAL_BY = re.compile(r"^\s+(?:(?:[a-z]+\s+){0,2}by|on\s+(?-i:[A-Z])[\w-]*\s+(?:[a-z]+\s+)?by|(?:suspected|believed|thought)\s+to\s+(?:be\s+from|belong\s+to))"
                         r"\s+(?:the\s+|an?\s+)?(?:(?-i:[a-z]+)\s+|\d[\d,]*\s+){0,3}$", re.I)
#: A bomber told by the group he came from: "a suicide bomber from Al Shabaab".
_BOMBER = re.compile(r"\bbombers?$", re.I)
_FROM_GROUP = re.compile(r"\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?", re.I)
# "backed by X", "alongside X": allies that acted with a side (ACLED's associated actors).
_ALLY_CUE = re.compile(r"\b(?:(?:backed|supported|aided|assisted|accompanied|joined) by|alongside|together with|"
                       r"with the (?:support|help|backing) of|in coordination with|allied with)\s+(?:the\s+)?$", re.I)
_PAST_ASIDE = re.compile(r"\b(?:(?:who|which|that)\s+(?:(?:the\s+[\w'’-]+|(?!(?:said|says|they|he|she|it|we|you)\b)(?-i:[A-Z])[\w'’-]*)\s+){0,3}?"
                         r"|where\s+(?:(?:the\s+)?(?!(?:they|he|she|it|we|you)\b)[\w'’-]+\s+){0,3}?"  # "retook the area, where TTP fighters had set up posts"
                         r"|(?:after|before|once|by\s+the\s+time)\s+(?:he|she|they)\s+)"  # "police arrived after he had died"
                         r"had\s+(?:been\s+)?(?:\w+ly\s+)?$", re.I)
#: A part a person had taken in an act, told to say who they are: "an activist who took part in
#: the October protests", "a man who had joined the raid", "an activist who had led housing protests".
_PART_TAKEN = re.compile(r"\b(?:who|that)\s+(?:had\s+)?(?:took\s+part|taken\s+part|participated|joined|led|organi[sz]ed|staged|called)\s+(?:in\s+|for\s+)?"
                         r"(?:the\s+|a\s+|an\s+|last\s+\w+['’]s\s+)?(?:(?!(?:was|were|is|are|has|have|had|and|but)\b)[\w'’-]+\s+){0,3}$", re.I)
#: A source's verb right before "that": the clause after it is what was said, no aside.
_TOLD_BEFORE_THAT = re.compile(r"\b(?:said|says|announced|announces|reported|reports|claimed|claims|stated|confirmed|added|told\s+\w+)\s+$", re.I)
#: Between a date that names an event and the event's word, a noun phrase's words: "the March 2012
#: Machakos bus| bombing" (not "the 2008 election violence in Kiambaa| gathered": a clause goes on).
_NAMED_BY_DATE = re.compile(r"(?:\s+(?!(?:in|at|on|of|from|to|by|for|with|near|and|or|was|were|is|are|has|had|have)\b)[\w'’-]+){0,4}\s+", re.I)
_AFTER_NEXT = re.compile(r"\s+(?:after|following)\b", re.I)
_AFTER_PHRASE = re.compile(r"\b(?:after|following|since|in\s+the\s+wake\s+of|ending|to\s+end|an\s+end\s+to|over)\s+"
                           # who did it, told in a clause: "days after he led a protest", "after staging a flash protest"
                           r"(?:(?:he|she|they|it|we)\s+\w+ed\s+|\w+ing\s+)?"
                           r"(?:(?:the|a|an)\s+)?(?:last\s+\w+['’]s\s+|[\w-]+['’]s\s+)?"
                           r"(?:(?:series|wave|spate|string|number|days|weeks|months)\s+of\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,2}$", re.I)
# ", which is linked to al-Qaeda,": an aside about the subject, whose actors do not act.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;.]*,")
#: Sentences after an event's own in which a claim of it is looked for.
CLAIM_SENTENCES = 2
# The word before a participle that is its subject: a noun, not a pronoun or relative that
# acts ("they arrested", "who killed").
_HEADLINE_SUBJECT = re.compile(r"(?<!\bthey)(?<!\bwho)(?<!\bwhich)(?<!\bthat)(?<!\bhe)(?<!\bshe)(?<!\bwe)\b[A-Za-z][\w'’-]*\s+$")
_RIVAL = re.compile(r"\brival\s+$", re.I)
_AND = re.compile(r"[\w'’]*(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
                  r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?")
#: After an act, the phrase that names both its sides, a place's name perhaps before it: "died in
#: Kiganjo, Nyeri County between rival militias".
_BETWEEN = re.compile(r"^\s*(?:(?:in|at|near)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
                      r"(?-i:[A-Z][\w'’-]*)(?:,?\s+(?-i:[A-Z][\w'’-]*)){0,3},?\s+)?"
                      # "clashes erupted on 16 May 2023 between"
                      r"(?:(?:erupted|broke\s+out|occurred|took\s+place)\s+on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+(?:\s+\d{4})?,?\s+)?"
                      r"(?:\w+\s+){0,3}?between\b", re.I)
_YEAR = re.compile(r"\b\d{4}\b")
_STATUS_RANK = {"new": 0, "ongoing": 1, "future": 2, "background": 3}


@dataclass(frozen=True)
class _Entry:
    sub_event_type: str
    event_type: str
    family: str
    rank: int
    plover_event: str | None
    plover_mode: str | None
    weak: bool
    generic: bool
    suppresses_weapons: bool | str  # "defused a bomb": the weapon was not used; "always": not even when it killed
    mutual: bool  # fighting between two sides: a battle even when civilians die in it
    label: bool  # a note's own label of what it codes ("Movement of forces:"): its one event


@dataclass(frozen=True)
class _Lexicon:
    entries: tuple[_Entry, ...]
    trigger_pattern: Dispatched
    cues: dict[str, re.Pattern]
    civilian_groups: frozenset[str]
    armed_groups: frozenset[str]
    attacker_groups: frozenset[str]
    civilian_members: frozenset[str]
    armed_when_acting: frozenset[str]
    herding_people: dict[str, str]  # country code -> the people most of its herders are
    partisans: frozenset[str]
    party_followers: frozenset[str]  # "BNP activists": a named party's followers who may be its militia
    material_families: frozenset[str]
    fallen_forces: dict[str, str]  # victim group -> the state's force it names (data/actors.yaml, generic)


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.I)


@cache
def load_lexicon() -> _Lexicon:
    """Compiles the trigger lexicon once: one alternation, most specific entries first."""
    data = load_yaml("event_types.yaml")
    plover = load_yaml("plover_triggers.yaml")
    event_type_of = taxonomy.event_type_of()
    raw = sorted(data["triggers"] + (plover or {}).get("triggers", []), key=lambda entry: -entry["rank"])
    entries, alternatives = [], []
    for index, entry in enumerate(raw):
        plover_event, plover_mode = entry["plover"]
        entries.append(_Entry(entry["sub_event_type"], event_type_of[entry["sub_event_type"]],
                              entry["family"], entry["rank"], plover_event, plover_mode,
                              entry.get("weak", False), entry.get("generic", False),
                              entry.get("suppresses_weapons", False), entry.get("mutual", False),
                              entry.get("label", False)))
        alternatives.append((f"t{index}", entry["patterns"]))
    trigger_pattern = dispatched(alternatives)
    cue_names = ["protest_intervention", "protest_excessive_force", "non_violent_transfer",
                 "non_combatant_subjects", "riot_cues", "crowds_fighting", "fighting_cues", "small_arms_fire", "armed_posts", "non_conflict_causes",
                 "unarmed_groups", "crowd_weapons", "mob_killings", "election_violence", "crowd_assaults", "demonstration_words", "declared_demonstration",
                 "during_demonstration", "demonstrators",
                 "symbols_burnt", "road_blocked"]
    cues = {name: _alternation(data[name]) for name in cue_names}
    # and what the text goes on to tell of that act: "..., in which more than 100 people were killed"
    name_word = r"[A-Z][\w'’-]*"
    cues["organisation"] = re.compile(
        rf"\b(?P<name>(?:{name_word}(?:\s+(?:{name_word}|of|for|the|and))*?\s+)?(?:{'|'.join(data['organisation_words'])})\b"
        rf"(?:\s+(?:of|for|and)(?:\s+the)?(?:\s+{name_word})+)*)(?:\s+\((?P<initials>[A-Z]{{2,8}})\))?")
    cues["member_before"] = re.compile(r"\b(?:" + "|".join(data["member_of"]) + r")\s+(?:the\s+)?$", re.I)
    cues["member_after"] = re.compile(r"\s+(?:" + "|".join(data["member_nouns"]) + r")\b", re.I)
    cues["arrest_reason"] = re.compile(r"\b(?:" + "|".join(data["arrest_reasons"]) + r")\s[^.;]*$", re.I)
    cues["crowd_size_tag"] = re.compile("|".join(data["crowd_size_tag"]), re.I)
    cues["new_incident"] = re.compile(r"\W*(?:" + "|".join(data["new_incident_cues"]) + r")\b", re.I)
    blamed_for_deaths = [cue for cue in data["blamed_cues"] if cue != "for"]
    cues["cause"] = re.compile(r"\b(?:" + "|".join(data["cause_cues"] + data["inquiry_cues"] + blamed_for_deaths) + r")\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?"
                               r"(?:killings?|deaths?|murders?|lynchings?|beheadings?|shootings?)\s+of\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?$", re.I)
    cues["inquiry_before"] = re.compile(r"\b(?:" + "|".join(data["inquiry_cues"]) + r")\s+(?:the\s+)?$", re.I)
    cues["earlier"] = re.compile(r"\b(?:" + "|".join(data["earlier_attack_cues"]) + r")\b[^,.;:()]*$", re.I)
    # "clashes erupted after four bodies were found", "houses were torched after a rider was
    # killed": the dead the act came after
    cues["came_after"] = re.compile(r"\b(?:after|following)\s+(?:the\s+|(?:the\s+|an?\s+)?(?:[\w-]+\s+){1,4}?"
                                    r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?$", re.I)
    cues["blamed"] = re.compile(r"\b(?:" + "|".join(data["blamed_cues"]) + r")\s+(?:allegedly\s+|having\s+)?"
                                r"(?:[a-z]+ing\s+and\s+)?(?:killing|killed|murdering|murdered)\s+(?:(?:his|her|their|its|the|an?)\s+)?$", re.I)
    # within the grievance's own sentence: "against the junta. Security forces fired" is not one
    cues["grievance"] = re.compile(r"\b(?:" + "|".join(data["grievance_cues"]) + r")\b(?:[^\w;]*?(?<![.!?]\s)[\w'’-]+){0,6}?[^\w;]*$", re.I)
    cues["grievance_far"] = re.compile(r"\b(?:" + "|".join(data["grievance_cues"]) + r")\b(?P<between>.*)$", re.I | re.S)
    cues["protest_own_violence"] = _alternation(data["protest_own_violence"])
    english = load_yaml("english.yaml")
    cues["passive_before"] = re.compile(
        r"\b(?:" + "|".join(english["passive_auxiliaries"] + english["get_passives"])
        + r")\s+(?:(?:\w+ly|also|later|then|on\s+\w+day|yesterday|overnight)\s+){0,2}"
        + r"(?:\w+(?:ed|en)\s+(?:up\s+)?and\s+)?$", re.I)  # "were tied up and beaten": the second participle too
    cues["auxiliary_first"] = re.compile(r"(?:" + "|".join(english["passive_auxiliaries"] + english["get_passives"]) + r")\s", re.I)
    cues["struck_device"] = re.compile(r"\b(?:" + "|".join(data["struck_device"]) + r")\s+(?:an?|the|two|three|several)\s+"
                                       r"(?:[\w-]+\s+){0,3}$", re.I)
    cues["fellow_member"] = re.compile(r"\s+(?:dead\s+|down\s+|on\s+|at\s+)?(?:" + "|".join(data["fellow_members"]) + r")\s+(?:"
                                       + "|".join(data["fellow_nouns"]) + r")\b", re.I)
    cues["headline_passive"] = re.compile(r"(?:" + "|".join(data["passive_without_auxiliary"]) + r")", re.I)
    cues["headline_passive_follower"] = re.compile(data["headline_passive_follower"], re.I)
    # after an actor that is a report's source ("police said", "a Taliban spokesman told"), not
    # "said to be"
    cues["source_after"] = re.compile(r"(?:\s+(?:spokesman|spokesperson|spokeswoman|spokesmen|officials?|sources?|statement|leaders?|commanders?))?"
                                      r"\s+(?:" + "|".join(english["reporting_words"]) + r")\b(?!\s+to\b)", re.I)
    # a side only worn as a guise ("posing as soldiers, ISWAP fighters shot dead four travellers")
    cues["guise_before"] = re.compile(r"\b(?:posing\s+as|disguised\s+as|dressed\s+as|pretending\s+to\s+be|"
                                       r"impersonating)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
    # a side named as the owner of an office that counts the dead, which fights no one: "the
    # Houthi health ministry first reported 3 dead"
    cues["counting_office_after"] = re.compile(r"\s+(?:health|information)\s+(?:ministry|authorities|office)\b", re.I)
    cues["denied_act"] = re.compile(r"\b(?:" + "|".join(english["nominal_negations"]) + r")(?:\s+[\w'-]+)?\s+$", re.I)
    cues["served_side_before"] = re.compile(r"\b(?:" + "|".join(data["served_side_before"]) + r")\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
    cues["found_by"] = re.compile(r"\s+(?:(?:later|also|has|have|had|reportedly|on\s+\w+day)\s+){0,2}(?:"
                                  + "|".join(data["finding_verbs"]) + r")\s+(?:[\w'’-]+\s+){0,3}$", re.I)
    cues["finder_before"] = re.compile(r"\b(?:" + "|".join(data["finding_verbs"]) + r")\s+by\s+(?:the\s+)?$", re.I)
    cues["freed_before"] = re.compile(r"\b(?:" + "|".join(data["freeing_verbs"]) + r")\s+(?:[\w'’-]+\s+){0,3}$", re.I)
    cues["not_territory_after"] = re.compile("|".join(data["not_territory_after"]), re.I)
    cues["not_territory_before"] = re.compile(r"(?:" + "|".join(data["not_territory_before"]) + r")$", re.I)
    cues["harm_noun"] = re.compile("|".join(load_yaml("casualty_terms.yaml")["none_nouns"]), re.I)
    cues["negated"] = re.compile(r"\b(?:" + "|".join(english["negations"]) + r")\b(?:\W+[\w'-]+){0,4}\W*$", re.I)
    # "Al Shabaab claimed ...", "ISWAP, which claimed the attack", "IS cells are suspected"
    cues["responsibility_after"] = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*(?:,\s*(?:which|who)\s+|\s)(?:(?:cells?|elements|operatives|affiliates|coalition|alliance|unit|faction|movement|brigades?|network)\s+)?(?:(?:has|have|had|later|quickly|swiftly|reportedly|also)\s+){0,2}(?:"
                                              + "|".join(data["responsibility_after"]) + ")", re.I)
    # (and the unit of the group named: "blamed the Jaime Martinez Front of the FARC-EMC")
    cues["responsibility_before"] = re.compile(r"\b(?:" + "|".join(data["responsibility_before"])
                                               + r")\s+(?:the\s+|an?\s+)?(?:suspected\s+|alleged\s+)?"
                                               + r"(?:(?-i:[A-Z][\w'’-]*\s+){1,4}(?:" + "|".join(data["unit_words"]) + r")\s+of\s+(?:the\s+)?)?$", re.I)
    cues["anaphora"] = re.compile(r"\b(?:" + "|".join(data["anaphora"]) + r")\s+(?:\w+\s+){0,2}$", re.I)
    places = load_yaml("places_context.yaml")
    cues["where_before"] = re.compile(r"\b(?i:" + "|".join(places["where_prepositions"]) + r")\s+(?:the\s+)?(?:[a-z]+\s+(?:of\s+)?)?$")
    offices = "|".join(places["office_words"])
    cues["office_after"] = re.compile(rf"\s+(?i:{offices})\b")
    cues["office_before"] = re.compile(rf"\b(?i:{offices})\s+(?:of|for)\s+(?:the\s+)?$")
    cues["coded_location_before"] = re.compile(r"\b(?i:" + "|".join(places["coded_location_before"]) + r")\s+$")
    cues["facility_after"] = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?i:" + "|".join(places["facility_words"]) + r")\b")
    cues["body_after"] = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’-]*){0,2}(?:\s+(?:" + "|".join(places["body_modifiers"]) + r")){0,2}\s+(?i:"
                                    + "|".join(places["body_words"]) + r")\b")
    captures = "|".join(map(re.escape, data["crowd_captures"]))
    # (past where the crowd is from: "residents of Korangi (Korangi, Sindh) caught")
    cues["crowd_capture_after"] = re.compile(rf"(?:\s+(?:of|in|from)(?:\s+(?-i:[A-Z])[\w'’-]*){{1,3}}(?:\s+\([^()]{{1,60}}\))?)?\s+(?:{captures})\b", re.I)
    cues["crowd_capture"] = re.compile(captures, re.I)
    # those taken before the act that befell them: "villagers seized five suspected kidnappers and burnt them"
    # (not "caught in police crossfire")
    cues["captured_before"] = re.compile(rf"\b(?:{captures})\s+(?!(?:in|up|between)\b)(?:[\w-]+\s+){{0,3}}$", re.I)
    cues["crowd_agent_gap"] = _crowd_agent_gap([*places["place_suffixes"], *data["crowd_sites"]], data["crude_weapons"],
                                               data["crowd_captures"])
    return _Lexicon(tuple(entries), trigger_pattern, cues, frozenset(data["civilian_victim_groups"]),
                    frozenset(data["armed_victim_groups"]), frozenset(data["attacker_victim_groups"]),
                    frozenset(data["civilian_members"]),
                    frozenset(data["armed_when_acting"]), data["herding_people"], frozenset(data["partisans_when_attacking"]),
                    frozenset(data["party_followers"]), frozenset(data["material_families"]), data["fallen_forces"])


#: Between a side and the "that" opening its relative clause ("a crowd that was beating him").
_RIGHT_BEFORE_THAT = re.compile(r"\s+that", re.I)
#: A trigger that holds its own subject and auxiliary: "houses and a chapel were burned".
_AUXILIARY_INSIDE = re.compile(r"\s(?:was|were|been)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)$", re.I)
#: A trigger told in the progressive ("a crowd that was beating him"): the subject acts.
_PROGRESSIVE = re.compile(r"[a-z]+ing\b", re.I)


@stage("triggers", reads=("text", "sentences"), sets=("triggers",))
def find_triggers(article: Article) -> Article:
    """Sets ``article.triggers``: every trigger phrase in every sentence, typed by the lexicon
    entry it matched, with where its clause starts (the status stage reads what comes before)."""
    lexicon = load_lexicon()
    triggers = []
    for sentence in article.sentences:
        for match in lexicon.trigger_pattern.finditer(sentence.text):
            entry_index = int(group_name(match)[1:])
            entry = lexicon.entries[entry_index]
            start = sentence.start + match.start()
            before = article.text[max(sentence.start, start - 40):start]
            end = sentence.start + match.end()
            # "... was beaten": the auxiliary before the trigger, or inside it; "was beating" is no passive
            auxiliary = lexicon.cues["passive_before"].search(before)
            if auxiliary and auxiliary.group().startswith("IS ") and not sentence.text.isupper():
                auxiliary = None  # "an IS suicide bomber": the group's initials, not "is"
            passive = bool((auxiliary and not _PROGRESSIVE.match(match.group()))
                           or lexicon.cues["auxiliary_first"].match(match.group())
                           or _AUXILIARY_INSIDE.search(match.group())) or bool(
                lexicon.cues["headline_passive"].fullmatch(match.group()) and _HEADLINE_SUBJECT.search(before)
                and lexicon.cues["headline_passive_follower"].match(article.text, end, sentence.end))
            triggers.append(Trigger(
                match.group(), start, end, sentence=sentence.index,
                event_type=entry.event_type, sub_event_type=entry.sub_event_type,
                plover_event=entry.plover_event, plover_mode=entry.plover_mode,
                passive=passive, entry=entry_index, family=entry.family,
                clause_start=_clause_break(article.text, sentence.start, start)[0],
            ))
    article.triggers = triggers
    return article


def _entry_of(trigger: Trigger) -> _Entry:
    return load_lexicon().entries[trigger.entry]


#: Before heavy arms told as a fight's instruments: "with automatic rifles and", "using machine guns
#: and", "under heavy artillery".
_ARMS_OF_A_FIGHT = re.compile(r"\b(?:(?:with|using)\s+(?:[\w,-]+\s+){0,4}|under\s+(?:the\s+)?(?:heavy\s+)?)$", re.I)
#: Before explosives told as what a side carried or traded: "armed with sticks and", "exchanged gunfire and".
_CARRIED_ARMS = re.compile(r"\b(?:armed\s+with|exchang(?:ed|ing)\s+(?:[\w-]+\s+)?(?:gun)?fire\s+and)\s+(?:[\w,-]+\s+){0,4}$", re.I)
#: A trigger that tells the dead found, not the act that killed them: "body of a herder was found".
_BODY_FOUND = re.compile(r"bod(?:y|ies)\b", re.I)
#: A violent act told by its verb, past or bare: "beat him", "shot", "lynched".
_ACT_VERB = re.compile(r"(?:\w+ed|beat|shot|hit|struck|stabbed|burnt|slit|cut)\b", re.I)
#: Between an exchange of bodies and whose they were: "the bodies| of |6 fighters".
_BODIES_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
#: From a strike to what it was aimed at: "carried out air strikes on positions and ".
_AIMED_AT = re.compile(r"[^.;]*?\b(?:on|against|targeting|at)\s+(?:[\w-]+\s+){0,4}", re.I)
#: Before weapons that were sent, some of which the defences stopped: "launched 57 drones and
#: 29 missiles ..., air defences destroyed 18 missiles": the strike happened.
_LAUNCHED_BEFORE = re.compile(r"\b(?:launched|fired|lobbed|unleashed)\s+(?!from\b)(?:[\w-]+\s+){0,4}$", re.I)
#: Vigilantes, a crowd's word that makes a riot event, but a side when they fight.
_CROWD_NOUN = re.compile(r"vigilantes?", re.I)
#: Raids told as the setting of the arrests before them ("arrested 15 men in raids"), or made
#: to arrest ("stormed his home and took him into custody").
_RAID = re.compile(r"raid(?:s|ed|ing)?|storm(?:s|ed|ing)", re.I)
#: A force's operation named as the act ("conducted an operation against drug dealers").
_OPERATION = re.compile(r"\boperations?\b", re.I)


def _non_state_retreat(actors: list[ActorMention], retreat: Trigger) -> bool:
    """Whether the side told right before a withdrawal, in its clause, is a non-state armed group
    ("the rebels withdrew"): attackers leaving a fight give up no ground of their own."""
    side = next((a for a in reversed(actors) if retreat.clause_start <= a.start and a.end <= retreat.start), None)
    return side is not None and side.category in taxonomy.category_group("non_state_armed")


def _setting_before(words: str) -> re.Pattern:
    """Right before an act told as the setting of another, after one of ``words``: "in raids"."""
    return re.compile(rf"\b(?:{words})\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){{0,2}}$", re.I)


#: Before the raids that arrests were made in: "arrested 15 men in raids".
_SETTING_BEFORE = _setting_before("in|during")
#: Before a fight that is the setting of an act told earlier: "during ethnic clashes", "four days of clashes".
_SETTING_OF_ACT = _setting_before("in|during|amid|amidst|of|covering")
#: A fight's sides right after it: "clashes between herders and farmers", "fighting with police".
_SIDES_AFTER = re.compile(r"\s+(?:between|with|involving|pitting)\b", re.I)
#: Before the act that a destruction resulted in or went on to: "set a house on fire, killing
#: four", "torched houses and shot at fleeing residents".
_RESULT_BEFORE = re.compile(r"(?:,|\band)\s*$")


def _pick_per_family(text: str, triggers: list[Trigger], actors: list[ActorMention],
                     casualties: list[CasualtyMention]) -> list[Trigger]:
    """One trigger per family in a sentence: the highest-ranked; weak ones only when alone."""
    best: dict[str, tuple[_Entry, Trigger]] = {}
    # "amid protests against the law, a mob hacked two men to death": the protest told as the
    # setting gives way to the crowd's own act
    retreats = [t for t in triggers if t.plover_event == "RETREAT" and t.sub_event_type == taxonomy.NON_VIOLENT_TRANSFER
                and not _entry_of(t).weak and _non_state_retreat(actors, t)]
    if (retreats and any(t.family == "violence" and _entry_of(t).mutual for t in triggers)
            and all(t in retreats for t in triggers if t.family == "territory")):
        triggers = [t for t in triggers if t not in retreats]  # "...in the firefight; the rebels withdrew": how the fight ended
    errands = [t for t in triggers if t.family == "protest" and _PROTEST_AS_ERRAND.search(text, max(0, t.start - 50), t.start)]
    if errands and any(t.family == "violence" for t in triggers):
        triggers = [t for t in triggers if t not in errands]  # "a medic treating wounded protesters was abducted"
    protests = [t for t in triggers if t.family == "protest"]
    as_time = [t for t in protests if _PROTEST_AS_TIME.search(text, max(0, t.start - 50), t.start)]
    set_in = [t for t in protests if t in as_time or _PROTEST_AS_SETTING.search(text, max(0, t.start - 40), t.start)]
    if set_in and len(set_in) < len(protests):
        triggers = [t for t in triggers if t not in set_in]
    elif set_in and len(as_time) == len(set_in) and any(
            (t.family == "arrest" and t.start < set_in[0].start) or (t.family == "violence" and not _entry_of(t).weak)
            for t in triggers) and not (_victim_groups(casualties) & {"protesters"}):
        # "police arrested the union's leader on the first day of the national strike", "on the first
        # day of the hartal, youths hurled crude bombs at a police picket": the act is the event, the
        # strike when it happened (not "arrested 20 marchers during the protest")
        triggers = [t for t in triggers if t not in set_in]
    elif set_in and any(t.sub_event_type == taxonomy.SEXUAL_VIOLENCE for t in triggers):
        triggers = [t for t in triggers if t not in set_in]  # "during protests, security forces raped women": the rapes
    act_told = any(t.family == "violence" and _ACT_VERB.match(t.text) for t in triggers)
    for trigger in triggers:
        entry = _entry_of(trigger)
        held = best.get(entry.family)
        # an act told as done beats one of its kind told as planned or promised ("signed a peace
        # agreement, agreeing to surrender their weapons"), then the higher rank; the dead found
        # give way to the act told beside them ("his body was found, a day after residents beat him")
        if held is None or (trigger.status != "future", entry.rank, not (act_told and _BODY_FOUND.match(trigger.text))) > (
                held[1].status != "future", held[0].rank, not (act_told and _BODY_FOUND.match(held[1].text))):
            best[entry.family] = (entry, trigger)
    harmed = any(c.kind in ("killed", "injured") and (c.minimum or c.maximum) for c in casualties)
    violence = best.get("violence")
    if violence and (violence[1].plover_mode == "heavy-weapons" or violence[0].event_type == taxonomy.EXPLOSIONS) \
            and _ARMS_OF_A_FIGHT.search(text, max(0, violence[1].start - 60), violence[1].start):
        # "exchanged fire with automatic rifles and RPGs", "under heavy artillery cover fought",
        # "clashed with sticks and crude bombs": arms told as what a fight was fought with make it
        # no shelling or bombing (ACLED: the fight)
        fight = max((t for t in triggers if t.family == "violence" and _entry_of(t).mutual
                     and (violence[1].plover_mode == "heavy-weapons" or t.end <= violence[1].start)),
                    key=lambda t: _entry_of(t).rank, default=None)
        if fight is not None:
            violence = best["violence"] = (_entry_of(fight), fight)
    if violence and violence[0].event_type == taxonomy.EXPLOSIONS and _CARRIED_ARMS.search(text, max(0, violence[1].start - 60), violence[1].start):
        # "militants armed with machetes and crude bombs attacked police", "exchanged gunfire and
        # crude bombs": the bombs were what they fought with, the act is the one told beside them
        act = max((t for t in triggers if t.family == "violence" and _entry_of(t).event_type != taxonomy.EXPLOSIONS),
                  key=lambda t: _entry_of(t).rank, default=None)
        if act is not None:
            violence = best["violence"] = (_entry_of(act), act)
    if violence and violence[0].sub_event_type in (taxonomy.ABDUCTION, taxonomy.SEXUAL_VIOLENCE) and any(
            c.kind == "killed" and (c.minimum or c.maximum) for c in casualties):
        # "killed five villagers and kidnapped ten": the killing is the event ACLED codes
        generic = next((t for t in triggers if _entry_of(t).generic), None)
        if generic is not None:
            best["violence"] = (_entry_of(generic), generic)
    if violence and violence[0].sub_event_type == taxonomy.ABDUCTION and load_lexicon().cues["crowd_capture"].fullmatch(violence[1].text):
        # "residents seized five suspected gang members, stoned them and set them on fire": a
        # crowd's capture is how its violence began, the violence the event
        if not any(a.end <= violence[1].start and not _is_crowd(a) for a in actors) and any(
                a.end <= violence[1].start for a in actors):
            later = next((t for t in triggers if t.family == "violence" and t.start > violence[1].end and not _entry_of(t).weak), None)
            if later is not None:
                best["violence"] = violence = (_entry_of(later), later)
    if violence and violence[0].mutual and _SETTING_OF_ACT.search(text, max(0, violence[1].start - 40), violence[1].start) \
            and not _SIDES_AFTER.match(text, violence[1].end):
        # "raiders attacked a teacher during ethnic clashes": the clash is where the act was
        # done; the act told before it, by a side named before on civilians, is the event,
        # unless the clash's sides follow it
        act = max((t for t in triggers if t.family == "violence" and not _entry_of(t).mutual and t.start < violence[1].start),
                  key=lambda t: _entry_of(t).rank, default=None)
        if (act is not None and any(not _is_victim(a) and a.end <= violence[1].start for a in actors)
                and any(_is_victim(a) for a in actors)):
            best["violence"] = violence = (_entry_of(act), act)
    if violence and _RAID.fullmatch(violence[1].text) and _SETTING_BEFORE.search(text, max(0, violence[1].start - 40), violence[1].start):
        # "villagers caught three robbers during a night raid and beat them": the raid is when,
        # the act told beside it the event
        act = max((t for t in triggers if t.family == "violence" and t is not violence[1] and not _entry_of(t).weak),
                  key=lambda t: _entry_of(t).rank, default=None)
        if act is not None:
            best["violence"] = violence = (_entry_of(act), act)
    # weapons a strike was aimed at ("air strikes on positions and weapons depots") stop nothing
    suppressing = {entry.suppresses_weapons for entry, trigger in best.values()
                   if not (violence and entry.family == "mobilize" and _AIMED_AT.fullmatch(text, violence[1].start, trigger.start))}
    launched = violence and _LAUNCHED_BEFORE.search(text, max(0, violence[1].start - 40), violence[1].start)
    if violence and (("always" in suppressing and not (launched and harmed)) or (not launched and (
            violence[0].event_type == taxonomy.EXPLOSIONS and True in suppressing and not harmed))):
        # "defused a roadside bomb", "killed when the bomb they were planting went off": the
        # bomb names what was stopped or went wrong, as do rockets fired that all were shot down
        best.pop("violence")
    # Protest words and violence words in one sentence describe one protest event; a fight
    # for ground is one territorial event ("retook the town after heavy fighting").
    strong = {family for family, (entry, _) in best.items() if not entry.weak}
    if "protest" in strong and violence and violence[0].mutual and _CROWD_NOUN.fullmatch(best["protest"][1].text):
        best.pop("protest")  # "vigilantes clashed with bandits": the word names a side of the fight
        strong.discard("protest")
    if "protest" in strong and _BLOCKING.match(best["protest"][1].text) and _blocked_by_arms(text, best["protest"][1], violence, actors):
        best.pop("protest")  # "gunmen blocked the highway and abducted 14 passengers": no demonstration
        strong.discard("protest")
    if "protest" in strong and violence and _struck_at_gathering(text, best["protest"][1], violence, actors):
        best.pop("protest")  # "grenades exploded at a rally": the gathering is where it struck
        strong.discard("protest")
    if "protest" in strong:
        planned = best["protest"][1].status == "future"
        for family in ("violence", "arrest", "property"):
            if family in best and not (planned and best[family][1].status != "future"):
                best.pop(family)  # but police who "arrested youths planning to disrupt a rally" acted
    if ("territory" in strong and best["territory"][1].status != "future"  # not ground a side set out to take
            and "violence" in best and best["violence"][0].sub_event_type in (taxonomy.ARMED_CLASH, taxonomy.ATTACK)):
        best.pop("violence")
    arrest = best.get("arrest", (None, None))[1]
    if (violence and arrest and not harmed and _RAID.fullmatch(violence[1].text)
            and (arrest.start < violence[1].start) == bool(_SETTING_BEFORE.search(text, max(0, violence[1].start - 40), violence[1].start))):
        # "arrested 15 youths in raids across the town", "raided the party's offices and arrested
        # 27": raids made to arrest (not "whips used during a raid, 10 suspects arrested"); the
        # act may be gone already, a fight for ground's
        best.pop("violence", None)
    elif violence and arrest and not harmed and _OPERATION.search(violence[1].text):
        best.pop("violence", None)  # "an operation against drug dealers, arresting 12": made to arrest
    killing, destruction = best.get("violence", (None, None))[1], best.get("property", (None, None))[1]
    if killing is not None and "violence" in strong and destruction and harmed and (
            killing.start < destruction.start or _RESULT_BEFORE.search(text, destruction.end, killing.start)):
        # "killed 17 villagers and burnt houses", "set a house on fire, killing four": ACLED's
        # destruction is one without a fight; not "torched trucks after a driver killed a rider"
        best.pop("property")
    acts = [(family, trigger) for family, (entry, trigger) in best.items() if not entry.weak]

    def silencing(weak: Trigger) -> set[str]:  # a weak act gives way to these, but not to a plan
        return {family for family, trigger in acts if trigger.status != "future" or weak.status == "future"}
    return sorted((trigger for family, (entry, trigger) in best.items()
                   if not entry.weak or not _silenced(family, silencing(trigger))), key=lambda t: t.start)


def _struck_at_gathering(text: str, protest: Trigger, violence: tuple[_Entry, Trigger], actors: list[ActorMention]) -> bool:
    """An explosion, or an armed group's attack, told at a gathering ("two grenades exploded at a
    rally", "militants attacked worshippers during a vigil"): an attack where people gathered, not
    a protest that met force."""
    entry, act = violence
    at_gathering = _GATHERING.fullmatch(protest.text) and _AT_GATHERING.search(text, max(0, protest.start - 40), protest.start)
    # or on people told as marching: "gunmen opened fire on residents who were marching through the town"
    marching = act.end <= protest.start and _WHO_WERE.search(text, max(0, protest.start - 20), protest.start)
    if not (at_gathering or marching):
        return False
    return entry.event_type == taxonomy.EXPLOSIONS or any(
        a.category in taxonomy.category_group("non_state_armed") and a.end <= act.start for a in actors)


#: Before a protest told as what the people struck were doing: "residents who were| marching".
_WHO_WERE = re.compile(r"\b(?:who|that)\s+(?:were|was|had\s+been)\s+$", re.I)
#: A crowd's acts that an armed group does as well: blocking a road, pouring into the streets.
_BLOCKING = re.compile(r"block(?:ed|ing|s)?\b|barricad|(?:took|take|takes|taking|poured|pour|spilled)\s+(?:in)?to\s+the\s+streets", re.I)
_ANAPHOR = re.compile(r"(?:the|this|that)\s", re.I)
#: Between who blocked a road and the blocking: "gunmen blocked", "bandits on motorcycles blocked".
_BLOCKER_GAP = re.compile(r"\s+(?:(?:who|that)\s+(?:had\s+)?|(?!(?:who|which|that|and)\b)[a-z][\w'’-]*\s+){0,3}")


def _blocked_by_arms(text: str, blocking: Trigger, violence: tuple | None, actors: list[ActorMention]) -> bool:
    """A road armed men blocked ("gunmen blocked the highway", "soldiers blocked the road to
    Kiganjo"), or a fight did ("rebels and soldiers fought around Kiganjo, blocking traffic"):
    a cordon, an ambush or a battle's effect, no crowd's protest."""
    armed = [a for a in actors if a.category in taxonomy.category_group("armed") and not _is_crowd(a)
             and not _ANAPHOR.match(a.text)]  # "the group blocked a road": whoever was named before
    if any(_BLOCKER_GAP.fullmatch(text, a.end, blocking.start) if a.category in taxonomy.category_group("non_state_armed")
           # (a state's force only as the subject of "blocked": not "angered by police brutality| blocked",
           # nor "broke through police| barricades")
           else blocking.text[:5].lower() == "block" and _STATE_BLOCKER_GAP.fullmatch(text, a.end, blocking.start) for a in armed):
        return True
    return bool(violence and violence[0].mutual and violence[1].end <= blocking.start and armed
                and _COMMA_BEFORE.search(text, max(0, blocking.start - 3), blocking.start)
                and not any(a.category in taxonomy.category_group("crowd") or a.category == taxonomy.CIVILIANS for a in actors))


#: Between a state's force and the road it blocked: "soldiers| |blocked", "police| who had |blocked".
_STATE_BLOCKER_GAP = re.compile(r"\s+(?:(?:who|that)\s+)?(?:(?:had|have|has|also|then)\s+)*")
#: A gathering named as an event, not its people: "a rally", "the vigil", "the hartal".
_GATHERING = re.compile(r"(?:rall(?:y|ies)|vigils?|march(?:es)?|demonstrations?|protests?|sit-ins?|gatherings?|processions?"
                        r"|hartals?|bandhs?|shutdowns?|general\s+strikes?|blockades?)", re.I)
#: Before a gathering that is where an act took place: "at a rally", "during the vigil".
_AT_GATHERING = re.compile(r"\b(?:at|during|amid|amidst|in\s+the\s+midst\s+of)\s+(?:an?|the|their|his|her)\s+(?:[\w/'’-]+\s+){0,3}$", re.I)


def _act_amid_protest(article: Article, triggers: list[Trigger], casualties: list[CasualtyMention]) -> list[Trigger]:
    """Journalists struck while covering a protest ("police assaulted a journalist covering the
    demonstration", "reporters beaten by police during the riots"): ACLED codes an attack on
    civilians, not the protest they reported on."""
    framed = [t for t in triggers if t.family == "protest" and _PROTEST_AS_SETTING.search(
        article.text, max(0, t.start - 40), t.start)]
    acts = [t for t in triggers if t.family == "violence" and not _entry_of(t).mutual and not _entry_of(t).weak]
    sentence = article.sentences[triggers[0].sentence].text if triggers else ""
    if not framed or not acts or not (_victim_groups(casualties) & {"journalists"} or _journalists().search(sentence)):
        return triggers
    return [t for t in triggers if t not in framed]


#: Words that make a protest named after them a time: "on the first day of the national strike".
_PROTEST_AS_TIME = re.compile(r"\b(?:(?:first|second|third|last|\w+th)\s+day|early\s+hours|eve|start|height)\s+of\s+(?:an?|the|their|its)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
#: Words that make the protest named after them a setting: "during riots", "covering the demonstration",
#: "filming the dispersal of a protest".
_PROTEST_AS_SETTING = re.compile(r"\b(?:during|amid|amidst|covering|filming|photographing|reporting\s+on|in\s+the\s+midst\s+of)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}$", re.I)
#: Words that make the protest after them a victim's errand: "a medic treating wounded protesters",
#: "activists organising the sit-in", "returning from the rally" were struck, not protesting.
_PROTEST_AS_ERRAND = re.compile(r"\b(?:treat(?:ing|ed)|organi[sz](?:ing|ed)|return(?:ing|ed)\s+(?:home\s+)?from|on\s+(?:his|her|their)\s+way\s+(?:to|from|home\s+from)"
                                r"|head(?:ing|ed)\s+(?:home\s+)?(?:to|from)|after\s+(?:attending|leaving))\s+(?:(?:an?|the|their|his|her)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)


@cache
def _journalists() -> re.Pattern:
    """The press's words, as the casualties stage names its victims (data/casualty_terms.yaml)."""
    return _alternation([re.escape(w) for w in load_yaml("casualty_terms.yaml")["groups"]["journalists"]])


def _silenced(family: str, strong: set[str]) -> bool:
    """A weak trigger gives way: a weak act ("entered") to any other event in its sentence, a
    weak statement ("rejected") only to an act on the ground."""
    others = strong - {family}
    return bool(others if family == "territory" else others & load_lexicon().material_families)


#: A death told of the one a subject is named by: "(relatives of a woman) who had just died".
_WHO_DIED = re.compile(r"\s+(?:had\s+)?(?:just\s+|recently\s+)?died\b", re.I)
#: A death whose time or cause "before" or "after" tells: "who died after childbirth".
_DIED_BEFORE = re.compile(r"\bdied\s+$", re.I)
#: A time of day after "before" or "after": "before dawn", "after nightfall".
_TIME_OF_DAY = re.compile(r"\s+(?:dawn|dusk|daybreak|sunrise|sunset|nightfall|noon|midday|midnight|daylight)\b", re.I)


def _clause_break(text: str, sentence_start: int, position: int) -> tuple[int, str]:
    """The clause's start and the word that opened it ("" at the sentence start)."""
    start, opener = sentence_start, ""
    for match in _CLAUSE_BREAK.finditer(text, sentence_start, position):
        word = match.group().lower()
        if word in ("which", "who") and "," in text[match.end():position]:
            continue  # "Al-Shabaab, which is linked to al-Qaeda, has fought": the aside is closed
        if word in ("before", "after") and (_TIME_OF_DAY.match(text, match.end())
                                            or _DIED_BEFORE.search(text, max(0, match.start() - 12), match.start())):
            continue  # "caught three men before dawn and beat them", "who died after childbirth": no clause
        if word == "who" and _WHO_DIED.match(text, match.end()):
            continue  # "relatives of a woman who died in the ward ransacked it": the dead, told aside
        start, opener = match.end(), word
        closed = text.find(",", match.end(), position) if word in ("after", "before", "when", "while") else -1
        if closed != -1 and match.start() - sentence_start < _OPENING_REACH:
            # "On 17 October, after soldiers detained him, gunmen attacked": the sentence's
            # opening clause is closed; the main one follows it
            start, opener = closed + 1, ""
    return start, opener


#: How far into a sentence a subordinate clause may open and still be its opening clause.
_OPENING_REACH = 30


def _speaker_of_clause(text: str, before: list[ActorMention], clause_start: int, opener: str) -> ActorMention | None:
    """The side whose words open the clause with its own pronoun ("the army said it killed",
    "Al Shabaab claimed they had stormed"): it is the clause's subject."""
    if not _PRONOUN_AFTER.match(text, clause_start):
        return None
    return _reporter(text, before, clause_start, opener)


def _reporter(text: str, before: list[ActorMention], clause_start: int, opener: str) -> ActorMention | None:
    """The side whose words the clause tells: "police said", "ISWAP, which later claimed"; not
    one "said to be recruiting"."""
    if opener not in _REPORTING_OPENERS or _SAID_TO.match(text, clause_start):
        return None
    said_at = clause_start - len(opener)
    return next((a for a in reversed(before) if a.end <= said_at and _SPEAKER_GAP.fullmatch(text, a.end, said_at)), None)


#: Words opening a clause of what a side said, and the side's own pronoun after them ("said
#: its aircraft struck").
_REPORTING_OPENERS = frozenset({"said", "says", "told", "stated", "reported", "claimed", "added"})
_PRONOUN_AFTER = re.compile(r"\s+(?:that\s+)?(?:on\s+\w+\s+)?(?:it|they|its|their)\b", re.I)
_SAID_TO = re.compile(r"\s+to\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|we)\b", re.I)
_SPEAKER_GAP = re.compile(r",?\s+(?:(?:which|who)\s+)?(?:(?:\w+ly|also|later|has|had|have)\s+)?")


def _is_victim(actor: ActorMention) -> bool:
    return actor.category == taxonomy.CIVILIANS


#: Before the source of a report: "according to (the local) police".
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.I)
#: The words that only count an act's dead.
_TOLL_WORD = re.compile(r"(?:death\s+)?toll|dead|deaths|casualties", re.I)
#: Between a source and the toll it gives: "The government| put the |death toll", "medics| spoke of dozens of |dead".
_TOLL_GIVEN = re.compile(r"\s+(?:\w+ly\s+|later\s+|first\s+)?(?:put|puts|gave|gives|placed|places|raised|raises|revised|cited|cites|"
                         r"spoke\s+of|speaks\s+of|reported|reports)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}", re.I)


def _assign_actors(article: Article, trigger: Trigger, actors: list[ActorMention],
                   casualties: list[CasualtyMention]) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 acted, actor2 was acted upon, read from the clause around the trigger; an actor
    told as killed or hurt ("Four soldiers dead") was acted upon whatever its category, but in a
    fight both sides lose men."""
    text = article.text
    # "a body was found by residents": the finder is no side of the act
    finder, guise = load_lexicon().cues["finder_before"], load_lexicon().cues["guise_before"]
    toll = _TOLL_WORD.fullmatch(trigger.text) is not None
    actors = [a for a in actors if not finder.search(text, max(0, a.start - 30), a.start)
              and not guise.search(text, max(0, a.start - 40), a.start)  # "posing as soldiers"
              and not _RESCUER_BEFORE.search(text, max(0, a.start - 30), a.start)  # "rescued by police"
              and not _ACCORDING_TO.search(text, max(0, a.start - 30), a.start)  # "according to police": the source
              # nor the one who says whose act it was: "Residents attributed the killing to", or
              # how many it killed: "The government put the death toll at 9"
              and not (a.end <= trigger.start and (_ATTRIBUTES.fullmatch(text, a.end, trigger.start)
                                                   or (toll and _TOLL_GIVEN.fullmatch(text, a.end, trigger.start))))]
    fight = _entry_of(trigger).mutual or trigger.sub_event_type == taxonomy.ARMED_CLASH
    harmed = Spans(() if fight else ((c.start, c.end) for c in casualties if c.kind in ("killed", "injured")))

    captured = load_lexicon().cues["captured_before"]

    def taken(actor: ActorMention) -> bool:
        return actor.end <= trigger.start and captured.search(text, max(0, actor.start - 40), actor.start) is not None

    def victim(actor: ActorMention) -> bool:
        return _is_victim(actor) or harmed.cover(actor.start, actor.end) or taken(actor)

    sentence = article.sentences[trigger.sentence]
    clause_start, opener = _clause_break(text, sentence.start, trigger.start)
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text, sentence.start, trigger.start)]
    found_by = load_lexicon().cues["found_by"]
    moved = _entry_of(trigger).family == "mobilize"
    before = [a for a in actors if (a.start < trigger.start or (a.start == trigger.start and (a.end >= trigger.end or moved))
                                    or (moved and a.end <= trigger.end))  # "sent 600 special forces troops to"
              # "Turkish drones" holds "drones struck"; "fighter jets" is both the act and its doer;
              # "soldiers who had trained abroad arrived in" opens with the side that moved
              and not any(start <= a.start and a.end <= end for start, end in asides)
              # "police found the bodies" (but "the army found and dismantled rocket launchers" disrupted them)
              and (trigger.family == "disrupted" or not found_by.fullmatch(text, a.end, trigger.start))
              and not _WITHHELD_REPORT.match(text, a.end)  # "the army did not say how many died"
              and not load_lexicon().cues["counting_office_after"].match(text, a.end)]
    served = load_lexicon().cues["served_side_before"]
    # the side told after the act, not the source that tells it ("..., police said")
    after = [a for a in actors if a.start >= trigger.end and not served.search(text, trigger.end, a.start)
             and not load_lexicon().cues["source_after"].match(text, a.end)
             and not _ACT_ENDED.search(text, trigger.end, a.start)]
    in_clause = [a for a in before if a.start >= clause_start]
    speaker = _speaker_of_clause(text, before, clause_start, opener)
    if speaker is not None:
        in_clause.insert(0, speaker)  # "the army said it killed 20 militants": the army acted
    actor1 = actor2 = None

    if _is_label(article, trigger):
        # a note's label ("Movement of forces: troops were deployed to ..."): its sides are those
        # of the act the note goes on to tell, else the first told after it
        told = next((t for t in article.in_sentence(article.triggers, trigger.sentence) if not _is_label(article, t)), None)
        sides = _assign_actors(article, told, actors, casualties) if told is not None else (None, None)
        if sides != (None, None):
            return sides
        acting = [a for a in after if not victim(a)]
        actor1 = acting[0] if acting else None
        return actor1, next((a for a in after if a is not actor1 and (actor1 is None or a.name != actor1.name)), None)
    if after and _TAKEN_BY_WHAT_FOLLOWS.fullmatch(trigger.text):
        # "the base fell to the RSF", "came under the control of M23": the side named after took it
        lost = [a for a in in_clause or before if a.name != after[0].name]
        return after[0], lost[-1] if lost else None
    if after and _BETWEEN.match(text[trigger.end:after[0].start]):
        # "clashes between X and Y"; what follows no "and" is no side ("between rival militias
        # in Tripoli killed 55 people"), and "between rival militias" names both sides at once
        actor1 = after[0]
        paired = len(after) > 1 and _AND.fullmatch(text, actor1.end, after[1].start)
        actor2 = after[1] if paired else (actor1 if _RIVAL.search(text, max(0, actor1.start - 10), actor1.start) else None)
        return actor1, actor2
    nominal_agent = next((a for a in after[:1] if _NOMINAL_BY.match(text[trigger.end:a.start]) or (
        _BOMBER.search(trigger.text) and _FROM_GROUP.fullmatch(text, trigger.end, a.start))), None)
    # or the agent told inside the act: "a drone launched by Hezbollah struck an army post"
    nominal_agent = nominal_agent or next((a for a in actors if trigger.start < a.start and a.end <= trigger.end
                                           and _AGENT_BEFORE.search(text, trigger.start, a.start)), None)
    # or the attacker whose attack was repelled: "PMF fighters repelled an IS attack", "repelled
    # a night attack by JAS fighters"
    nominal_agent = nominal_agent or next((a for a in after[:1] if _REPELLED.match(text, trigger.start) and (
        (_ATTACKER_GAP.fullmatch(text, trigger.end, a.start)
         and (_ATTACK_AFTER.match(text, a.end) or _ATTACK_ENDS.search(a.text)))  # "repelled a Russian assault"
        or (_OPTIONAL_THE.fullmatch(text, trigger.end + 1, a.start) and _WHO_ATTACKED.match(text, a.end))  # "repelled bandits who attacked"
        or _ATTACK_BY_GAP.fullmatch(text, trigger.end, a.start))), None)
    if nominal_agent is not None and not trigger.passive:
        victims = [a for a in actors if victim(a)]
        # and the side that met it: "the army repelled an attack by JNIM"
        others = [a for a in after[1:] + in_clause if a.name != nominal_agent.name and not victim(a)]
        return nominal_agent, (victims or others or [None])[0]
    if trigger.passive:
        agent = next((a for a in after if _BY_AGENT.match(text[trigger.end:a.start])), None)
        if agent:
            # not a side named only to say who the struck person was: "a critic of the government"
            struck = [a for a in in_clause if not _PERSON_OF.search(text, max(0, a.start - 40), a.start)]
            if struck or in_clause:
                return agent, struck[0] if struck else None
            return agent, before[-1] if before else None
        patient = in_clause[0] if in_clause else None
        if _entry_of(trigger).family == "mobilize":
            return patient, None  # "troops were deployed", "fighters were seen crossing": they moved
        if trigger.plover_event == "ASSAULT":
            # "one was killed after a mob attacked them": the one told as attacking acted; or the
            # side the clause after the harm opens with ("three were killed when al Shabaab
            # launched a raid", "five were injured when suspected militants sprayed their car")
            # (the state's forces too when the dead are rebels: "five Taliban fighters were killed
            # when Afghan army and police forces launched a clearing operation")
            others = [a for a in actors if a is not patient]
            rebels_struck = patient is not None and patient.category in taxonomy.category_group("non_state_armed")
            opening = next((a for a in others if a.start >= trigger.end and not victim(a)
                            and (a.category in taxonomy.category_group("non_state_armed")
                                 or (rebels_struck and a.category == taxonomy.STATE_FORCES))
                            and _WHEN_CLAUSE_OPENS.fullmatch(text, trigger.end, a.start)), None)
            return _doer(text, others) or opening, patient
        return None, patient

    acting = [a for a in in_clause if not victim(a)]
    # a side named as the owner of a noun is no subject while another is ("after the army's
    # return, Shield Forces fighters killed")
    acting = [a for a in acting if not _POSSESSIVE.match(text, a.end)] or acting
    if not acting and before and not victim(before[-1]) and (
            opener in ("which", "who") or (opener == "that" and _RIGHT_BEFORE_THAT.fullmatch(text, before[-1].end, clause_start))):
        acting = [before[-1]]  # "... and Israel, which has beefed up", "a crowd that was beating him": the antecedent acts
    # the crowd in the act's clause, or one that caught its victim before a clause opened
    # ("residents caught two robbers after a snatching in Landhi and beat them")
    untaken = [a for a in in_clause if not taken(a)]
    crowd = untaken[-1] if untaken else next(
        (a for a in before[-1:] if load_lexicon().cues["crowd_capture_after"].match(text, a.end)), None)
    if (not acting and crowd is not None and load_lexicon().cues["crowd_agent_gap"].match(text[crowd.end:trigger.start])
            and not harmed.cover(crowd.start, crowd.end)  # "the 12 people killed were traders"
            and _last_word(crowd) not in load_actor_lexicon().one_person  # "Teacher attacked": struck
            and (_VIOLENT_VERB.match(trigger.text) or _BURNING.match(trigger.text) or _entry_of(trigger).mutual
                 or _entry_of(trigger).family in ("property", "arrest"))):
        # "villagers lynched a suspected thief", "residents set ablaze a house", not "villagers
        # died": civilians who act
        acting = [crowd]
    if _DIED.match(trigger.text):
        # a death's doer is one told doing violence before it, not any side named ("Police
        # rescued him; he died in hospital", but "militiamen raped five women; one later died")
        violent = [t.start for t in article.in_sentence(article.triggers, trigger.sentence)
                   if t.family == "violence" and t.start < trigger.start and t is not trigger]
        before = [a for a in before if any(a.end <= start for start in violent)]
        # or the doer of the violence told right after it: "two SDF members died when IS cell
        # members on motorcycles opened fire"
        cause = next((t for t in article.in_sentence(article.triggers, trigger.sentence)
                      if t.family == "violence" and t.start > trigger.end and not _DIED.match(t.text)
                      and _DIED_WHEN.fullmatch(text, trigger.end, t.start)), None)
        if not acting and not violent and cause is not None:
            doer, _ = _assign_actors(article, cause, actors, casualties)
            acting = [doer] if doer is not None and not victim(doer) else []
    reporter = None if acting else _reporter(text, before, clause_start, opener)
    if reporter is not None and (opener == "claimed" or _SUBJECT_PRONOUN.search(text, clause_start, trigger.start)):
        # "planted by ISWAP, which later claimed the blast", "Switzerland said today it had
        # expelled": the claimant, or the side that says it did it, acted
        acting = [reporter]
    # the source of what the clause tells did not do it: "police said the bodies were found"
    acting = acting or [a for a in before if not victim(a) and a is not reporter]
    if acting:
        actor1 = acting[0]
        joined = next((a for a in acting[1:2] if _AND.fullmatch(text, actor1.end, a.start)), None)
        if joined is not None and joined.category == taxonomy.STATE_FORCES and sides_with_state(actor1):
            # "Macawisley militia and SNA troops attacked": the state's force leads its auxiliaries
            actor1, acting = joined, [joined, actor1, *acting[2:]]
        if trigger.sub_event_type in (taxonomy.ARMED_CLASH, taxonomy.AGREEMENT):
            # "Hawadle and Habar Gidir elders signed a truce": both sides acted; a side named
            # again by its initials ("the Kurdistan Workers' Party (PKK) and Turkish forces") is one
            fought = after[0] if after and _WITH.fullmatch(text, trigger.end, after[0].start) else None
            # "X and Y clashed with Z": Z is the other side, Y fought beside X, as did an ally
            # ("backed by US airstrikes")
            actor2 = fought or next((a for a in acting[1:] if a.name != actor1.name
                                     and not _ALLY_CUE.search(text, max(0, a.start - 40), a.start)), None)
            attacker = next((a for a in reversed(before) if a.end <= clause_start and a.name != actor1.name
                             and not victim(a)), None) if _FOUGHT_BACK.match(text, trigger.start) else None
            if attacker is not None and actor2 is None:
                # "BIFF gunmen attacked a MILF community, and MILF members fought back": the
                # attack's side acted first, the side that fought back met it
                actor1, actor2 = attacker, actor1
    elif trigger.plover_event == "PROTEST":
        actor1 = next(iter(in_clause or before or after), None)
    if actor2 is None:
        # another crowd of the same kind is another side ("supporters of X attacked supporters of Y")
        remaining = [a for a in after if a is not actor1 and (a.name != (actor1.name if actor1 else None) or _is_crowd(a))]
        victims = [a for a in actors if victim(a) and a is not actor1]
        if trigger.plover_event == "ASSAULT" and victims and (not remaining or victims[0].start < remaining[0].start):
            actor2 = victims[0]
        elif remaining:
            actor2 = remaining[0]
        elif victims:
            actor2 = victims[0]
    if actor1 is None and actor2 is not None and trigger.plover_event != "ASSAULT":
        others = [a for a in after if a is not actor2]
        actor1 = others[0] if others else None
    if actor1 is None and trigger.plover_event == "ASSAULT":
        # "two died after Samburu raiders attacked a village": the one told as attacking acted
        doer = _doer(text, actors)
        if doer is not None:
            actor1, actor2 = doer, (actor2 if actor2 is not doer else None)
    return actor1, actor2


#: Between a harm and the side that opens the clause telling how it came: " and eight more wounded when ".
_WHEN_CLAUSE_OPENS = re.compile(r"(?:\s+[^.;]{0,80}?)?\s+when\s+(?:the\s+|an?\s+)?(?:suspected\s+|alleged\s+)?", re.I)
#: Between an act and a side told after it that is no side of it: "beat him until police arrived",
#: "he died before police arrived".
_ACT_ENDED = re.compile(r"\buntil\b|\b(?:before|by\s+the\s+time)\s+(?:the\s+)?$", re.I)
#: Between a side and the act it names to say whose it was: "attributed the killing", "blamed the attack".
_ATTRIBUTES = re.compile(r"\s+(?:\w+ly\s+)?(?:attribut(?:ed|es|ing)|blam(?:ed|es|ing)|link(?:ed|s)|tied)\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?", re.I)
#: After a side's name, the mark of its owning what follows: "the army's return".
_POSSESSIVE = re.compile(r"['’]s?\s", re.I)
#: Between a death and the violence that caused it: "died when gunmen on motorcycles opened fire".
_DIED_WHEN = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:when|after|as)\s+[^;.]*?", re.I)
#: A death told by its intransitive verb.
_DIED = re.compile(r"(?:died|dies|succumbed|succumbs|perished)\b", re.I)
#: Ground changing hands told with its taker after: "fell to", "under the control of", "came under M23 control".
_TAKEN_BY_WHAT_FOLLOWS = re.compile(r"fell\s+(?:to|into\s+the\s+hands\s+of)|under\s+(?:the\s+)?control\s+of|came\s+under", re.I)


def _is_label(article: Article, trigger: Trigger) -> bool:
    """A note's own label opening it: "Movement of forces: ..."."""
    return _entry_of(trigger).label and not article.text[article.sentences[trigger.sentence].start:trigger.start].strip()


def _doer(text: str, actors: list[ActorMention]) -> ActorMention | None:
    """The first actor told as doing violence: the subject right before a violent verb, or the
    agent of a violent act's noun or passive verb ("a herder died in a raid by suspected
    bandits", "died after being tortured by the police")."""
    return next((a for a in actors if not _is_victim(a) and (
        (_VIOLENT_VERB.match(text, a.end + 1) and text[a.end:a.end + 1] == " ")
        or _VIOLENT_NOUN_BY.search(text, max(0, a.start - 60), a.start)
        # "killed in a so-called 'gunfight' with the RAB": the force of a fight in name only
        or _DOUBTED_FIGHT_WITH.search(text, max(0, a.start - 40), a.start))), None)


#: Before a fight the report doubts: "a so-called 'gunfight'", "an alleged encounter".
_DOUBTED = r"\b(?:so-called|alleged|staged|fake)\s+['\"‘“]?"
_DOUBTED_BEFORE = re.compile(_DOUBTED + "$", re.I)
#: And the side of such a fight: "in a so-called 'gunfight' with the".
_DOUBTED_FIGHT_WITH = re.compile(_DOUBTED + r"(?:gun ?fight|encounter|cross-?fire|shoot-?out|exchange of fire)"
                                 r"['\"’”]?\s+with\s+(?:the\s+)?$", re.I)


_VIOLENT_NOUN_BY = re.compile(r"\b(?:attacks?|raids?|ambush(?:es)?|assaults?|shootings?|bombings?|killings?|"
                              + _VIOLENT_VERB.pattern + r")\s+"
                              # "the attack on the village that was carried out by"
                              r"(?:[\w-]+\s+){0,4}?(?:(?:that|which)\s+(?:was|were)\s+)?"
                              r"(?:(?:carried\s+out|launched|staged|perpetrated|conducted)\s+)?"
                              r"by\s+(?:the\s+|an?\s+)?(?:suspected\s+|alleged\s+|presumed\s+)?$", re.I)


_BOMB_DISPOSAL = re.compile(r"\bbomb\s+(?:disposal|squad)|\bBDS\b", re.I)


def _sides_as_acled_codes_them(article: Article, trigger: Trigger, actor1: ActorMention | None,
                               actor2: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
    """Who the sides of violence are in ACLED's terms, beyond who is subject and object."""
    lexicon = load_lexicon()
    if (trigger.plover_mode == "explosives" and actor1 is not None and (actor2 is None or actor2.name == actor1.name)
            and lexicon.cues["struck_device"].search(article.text, trigger.clause_start, trigger.start)):
        # "an army convoy hit an IED, killing two soldiers": the side struck is acted upon
        actor1, actor2 = None, actor1
    if (actor1 is not None and actor1.category == taxonomy.STATE_FORCES
            and lexicon.cues["fellow_member"].match(article.text, trigger.end)):
        actor2 = actor1  # "an officer shot dead two of his colleagues": the force fought itself
    if actor1 is not None and (_branch(actor1) == "government" or _BOMB_DISPOSAL.search(actor1.text)) \
            and trigger.plover_mode in ("explosives", "suicide-attack"):
        # "according to authorities, a blast killed ten", "the bomb squad said the device went
        # off": officials and bomb disposal units tell of bombs, they do not plant them
        actor1 = None
    if actor2 is not None and _branch(actor2) == "government":
        # "two government officials were ambushed": officials struck are civilians (ACLED)
        actor2 = unnamed_actor("civilians", actor2.country_code, actor2.start)
    if (actor2 is not None and actor2.category != taxonomy.CIVILIANS and actor1 is not None and actor1 is not actor2
            and _TIES_IMPUTED.search(article.text, max(0, actor2.start - 60), actor2.start)):
        # "shot them dead, accusing them of supporting the NRF", "killed him as a police
        # informer": the side the victims were said to help is no side of the act; they are civilians
        actor2 = unnamed_actor("civilians", actor2.country_code, actor2.start)
    if actor2 is not None and actor2.category == taxonomy.IDENTITY_MILITIA and _last_word(actor2) in lexicon.civilian_members:
        # "Gabra militia killed five Borana herders": a community's people attacked are civilians,
        # but its armed men are its militia ("troops engaged armed herdsmen")
        actor2 = (_community_militia(actor2) if actor2.generic and _ARMED_WORD.match(actor2.text)
                  else unnamed_actor("civilians", actor2.country_code, actor2.start))
    if (_entry_of(trigger).mutual and actor1 is not None and actor2 is not None and _is_victim(actor1)
            and _is_victim(actor2) and {_last_word(actor1), _last_word(actor2)} & lexicon.armed_when_acting):
        # "farmers clashed with herders": farmer-herder fighting is between communal militias
        actor1, actor2 = (_community_militia(a) for a in (actor1, actor2))
    elif actor1 is not None and (_is_victim(actor1) or (actor1.generic and actor1.category == taxonomy.IDENTITY_MILITIA)) \
            and _last_word(actor1) in lexicon.armed_when_acting:
        # "herders killed ten", "armed herdsmen invaded a village": herders who kill are a
        # community's militia, not a mob, and where most herders are of one people, theirs
        actor1 = _community_militia(actor1)
    elif (_entry_of(trigger).mutual and actor1 is not None and actor1.category in (taxonomy.RIOTERS, taxonomy.CIVILIANS)
          and actor2 is not None and actor2.category in (taxonomy.POLITICAL_MILITIA, taxonomy.REBEL_GROUP)):
        # "vigilantes clashed with bandits", "residents took up arms to battle raiding fighters":
        # people who fight an armed group are their community's militia, not a mob
        actor1 = _community_militia(actor1)
    elif (_entry_of(trigger).mutual and _REPELLED.match(trigger.text) and actor2 is not None
          and actor2.category in (taxonomy.RIOTERS, taxonomy.CIVILIANS)
          and actor1 is not None and actor1.category in (taxonomy.POLITICAL_MILITIA, taxonomy.REBEL_GROUP)):
        actor2 = _community_militia(actor2)  # "vigilantes repelled bandits who invaded the village": so are those who fought it off
    if (actor1 is not None and not _entry_of(trigger).mutual
            and not _STORMED.match(trigger.text)  # "supporters stormed the governor's house": a riot
            and not (actor2 is not None and actor2.category == taxonomy.STATE_FORCES)  # "supporters attacked police": a riot
            and actor2 is not actor1):
        # "supporters attacked a candidate": followers who attack are an armed group, their
        # party's militia when it is named ("BNP activists torched the house"), whoever they
        # struck ("AL activists beat up BNP supporters"; unnamed, rival crowds fight a riot)
        party = _party_followed(article.text, actor1)
        followers = lexicon.partisans | lexicon.party_followers if party else lexicon.partisans
        if _last_word(actor1) in followers and (party or actor2 is None or _last_word(actor2) not in followers):
            actor1 = _party_militia(actor1, party) if party else unnamed_actor("armed", actor1.country_code, actor1.start)
    return actor1, actor2


def _party_followed(text: str, followers: ActorMention) -> tuple[str, str] | None:
    """The party (data/parties.csv) named as whose the followers are: "ODM supporters",
    "supporters of the BNP"; its ACLED name and country."""
    before, after, parties = _parties()
    named = before.search(text, max(0, followers.start - 40), followers.start) or after.match(text, followers.end)
    return parties[named.lastgroup] if named else None


def _party_militia(followers: ActorMention, party: tuple[str, str]) -> ActorMention:
    """The followers named as their party's militia (its ACLED name and country)."""
    return replace(followers, name=party[0], category=taxonomy.POLITICAL_MILITIA, country_code=party[1], generic=False)


@cache
def _parties() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, str]]]:
    """Every party's spellings right before its followers and after them with "of", and each
    spelling's party; initials count only in capitals."""
    parties, alternatives = {}, []
    for index, row in enumerate(data_rows("parties.csv")):
        key = f"p{index}"
        parties[key] = (row["name"], row["country"])
        alternatives.append(rf"(?P<{key}>{party_spellings(row)})")
    names = "|".join(alternatives)
    return (re.compile(rf"\b(?:{names})(?:['’]s)?\s+$", re.I), re.compile(rf"\s+of\s+(?:the\s+)?(?:{names})\b", re.I), parties)


#: Before a side the victims were said to help: "accusing them of supporting the", "on suspicion
#: of links to", "of being a police" (informer).
_TIES_IMPUTED = re.compile(r"\b(?:suspicion\s+of|accus(?:ed|ing)\s+(?:them|him|her)\s+of|suspected\s+of)\s+(?:supporting|aiding|helping|"
                           r"collaborating\s+with|spying\s+for|working\s+for|links?\s+(?:to|with)|ties\s+to|being\s+(?:an?\s+)?(?:members?\s+of\s+)?)"
                           r"\s*(?:the\s+|an?\s+)?$", re.I)
#: A crowd's act on a building, a riot whoever the crowd follows: "stormed the governor's house".
_STORMED = re.compile(r"storm", re.I)
#: Before those a mob took for criminals: "two suspected kidnappers", "an alleged thief".
_SUSPECTED_BEFORE = re.compile(r"\b(?:suspected|alleged|presumed)\s+(?:[\w-]+\s+)?$", re.I)
#: Before or in a crowd's words, that no one knows who they were: "unidentified youths", "a group of masked men".
_UNKNOWN_MEN_BEFORE = re.compile(r"\b(?:unidentified|unknown|masked|hooded|hired)\s+(?:group\s+of\s+)?(?:[\w-]+\s+)?(?:youths?|young\s+men|men)\b", re.I)
#: After a side's name, its followers rather than the side: "Houthi supporters".
_FOLLOWERS_AFTER = re.compile(r"\s+(?:supporters|followers|loyalists|sympathi[sz]ers|partisans)\b", re.I)
#: A protest's word that names a gathering whoever holds it: "held a rally", "rallies".
_RALLY = re.compile(r"(?:held\s+(?:an?\s+)?)?rall(?:y|ies|ied)", re.I)
#: The word that makes a community's people its fighters: "armed herdsmen".
_ARMED_WORD = re.compile(r"(?:heavily\s+)?armed\b", re.I)


def _community_militia(people: ActorMention) -> ActorMention:
    """The militia of people who took up arms: their community's, or, for herders where most
    herders are of one people ("herdsmen attacked a village" in Nigeria), that people's."""
    lexicon = load_lexicon()
    herding = lexicon.herding_people.get(people.country_code or "")
    if herding is None or _last_word(people) not in lexicon.armed_when_acting:
        return unnamed_actor("communal", people.country_code, people.start)
    actors = load_actor_lexicon()
    militia = actors.identity_militias[herding]
    militia = actors.militia_in(militia.name, people.country_code) or militia
    return replace(people, name=militia.name, category=militia.category, country_code=militia.country_code, generic=False)


def _last_word(actor: ActorMention) -> str:
    return actor.text.lower().rsplit(" ", 1)[-1]


def _victim_groups(casualties: list[CasualtyMention]) -> set[str]:
    return {c.group for c in casualties if c.group}


def _decide_sub_type(article: Article, trigger: Trigger, actor1: ActorMention | None, actor2: ActorMention | None,
                     casualties: list[CasualtyMention], place: PlaceMention | None) -> tuple[str, str, str | None, str | None]:
    """The sub-type that depends on who acted on whom, on protest escalation and on deals."""
    lexicon = load_lexicon()
    entry = _entry_of(trigger)
    sentence = article.sentences[trigger.sentence].text
    sub = trigger.sub_event_type
    groups = _victim_groups(top_level(casualties))  # "seven people, including a police officer": people
    if _is_label(article, trigger):
        return entry.event_type, sub, trigger.plover_event, trigger.plover_mode  # the coder named it
    # ACLED codes a road blocked as a protest, violent only when the crowd did more ("residents
    # blocked the road for three hours over water cuts"): so its notes since its 2019 typology
    # (tagged with the crowd's size) and news since; its older notes, recoded, count it a riot
    tagged = entry.family == "protest" and (_tagged(article) or (article.published is not None
                                                                 and article.published.year >= TYPOLOGY_YEAR))
    if tagged and sub == taxonomy.VIOLENT_DEMONSTRATION and lexicon.cues["road_blocked"].fullmatch(trigger.text):
        sub = taxonomy.PEACEFUL_PROTEST
    crowds = (taxonomy.RIOTERS, taxonomy.PROTESTERS)
    nearby = _with_next(article, trigger.sentence)  # the sentence and the next, where news tells how an act went on
    crowd = actor1 if _is_crowd(actor1) else actor2 if (
        entry.mutual and actor2 is not None and actor2.category in crowds
        and actor1 is not None and actor1.category == taxonomy.STATE_FORCES) else None
    if crowd is not None and (entry.family == "property"
                              or (entry.family == "arrest" and crowd.end <= trigger.start)  # "residents detained four officers"
                              or (entry.family == "violence" and (
            sub in (taxonomy.ATTACK, taxonomy.ARMED_CLASH) or (sub == taxonomy.ABDUCTION and crowd.category in crowds)))):
        # an unorganised crowd's violence or destruction is a riot, demonstrators' a violent
        # demonstration (ACLED); so are the hostages a mob takes ("angry villagers seized and
        # beat a chief"; not men "in civilian clothes") and its fight with the police ("police
        # clashed with youths"), for ACLED's rioters act only in riots; destruction by an armed
        # group stays looting
        against_state = any(a is not None and a is not crowd and a.category == taxonomy.STATE_FORCES for a in (actor1, actor2))
        # (a party's crowd facing the state's forces makes its politics plain: "PTI supporters clashed with police")
        # (and so does a crowd that loots or burns where the state's forces meet it, or over its
        # grievance: "looted the mall, clashing with police", "striking workers torched two buses";
        # a mob strikes at people)
        destroying = entry.family == "property"
        declared = destroying and (lexicon.cues["declared_demonstration"].search(_lead(article, trigger))
                                   or lexicon.cues["during_demonstration"].search(sentence))
        demonstrating = declared or against_state and (
            destroying or lexicon.cues["demonstration_words"].search(nearby)
            or _party_followed(article.text, crowd) is not None)
        sub = taxonomy.VIOLENT_DEMONSTRATION if crowd.category == taxonomy.PROTESTERS or demonstrating else taxonomy.MOB_VIOLENCE
    elif entry.family == "property" and actor1 is None and not trigger.passive and lexicon.cues["demonstrators"].search(_lead(article, trigger)):
        sub = taxonomy.VIOLENT_DEMONSTRATION  # "striking mineworkers set a vehicle alight": demonstrators the coder cannot name
    elif (entry.family == "violence" and sub in (taxonomy.ATTACK, taxonomy.ARMED_CLASH) and lexicon.cues["mob_killings"].search(sentence)
          and actor1 is None):
        sub = taxonomy.MOB_VIOLENCE  # "two men accused of theft were burnt to death": no armed side named
    elif (entry.family == "violence" and entry.generic and actor1 is None
          and lexicon.cues["election_violence"].fullmatch(trigger.text)):
        sub = taxonomy.VIOLENT_DEMONSTRATION  # "post-election violence persists in Kisumu", nobody named
    elif (entry.family == "violence" and entry.mutual
          and (lexicon.cues["unarmed_groups"].search(sentence) or _told(lexicon.cues["crowd_weapons"], nearby))
          and (all(a is None or a.category in (taxonomy.STATE_FORCES, taxonomy.CIVILIANS) for a in (actor1, actor2))
               # groups of no name fighting with sticks and stones, no gun told: "two rival clans
               # fought with sticks, stones and knives"
               or (_told(lexicon.cues["crowd_weapons"], sentence) and not _told(lexicon.cues["small_arms_fire"], nearby)
                   and all(a is None or a.generic or a.category == taxonomy.CIVILIANS for a in (actor1, actor2))))):
        # "rival supporters clashed", "students engaged police in running battles": no armed
        # side named but the state's (the crowd itself may be named as civilians), the crowd's
        # fight is mob violence; a demonstrating crowd's, told beside its protest ("The protests
        # began as..."), a violent demonstration
        party_against_state = any(a is not None and a.category == taxonomy.STATE_FORCES for a in (actor1, actor2)) and any(
            a is not None and a.category != taxonomy.STATE_FORCES and _party_followed(article.text, a) for a in (actor1, actor2))
        # (and so does one told by a demonstration's words: "opponents of the bid clashed with
        # police, blocking streets with burning tyres")
        state_side = any(a is not None and _force_on_the_ground(a) for a in (actor1, actor2))
        sub = (taxonomy.VIOLENT_DEMONSTRATION if _protest_beside(article, trigger.sentence) or party_against_state or (
            state_side and lexicon.cues["demonstration_words"].search(nearby))
               else taxonomy.MOB_VIOLENCE)
    elif (entry.family == "violence" and sub in (taxonomy.ATTACK, taxonomy.ARMED_CLASH) and actor1 is not None
          and _force_on_the_ground(actor1) and actor2 is not None and actor2.category == taxonomy.PROTESTERS
          and _STRUCK_CROWD_GAP.fullmatch(article.text, trigger.end, actor2.start)):
        # the state's force on a crowd told as protesting ("fired on villagers who had been
        # blockading a road"): force against protesters, excessive when it killed or hurt
        told = [c for index in (trigger.sentence, trigger.sentence + 1) for c in article.in_sentence(article.casualties, index)]
        harmed = any(c.kind in ("killed", "injured") and (c.minimum or c.maximum) for c in told)
        sub = (taxonomy.EXCESSIVE_FORCE if harmed or lexicon.cues["protest_excessive_force"].search(nearby)
               else taxonomy.PROTEST_WITH_INTERVENTION)
    elif entry.family == "violence" and sub in (taxonomy.ATTACK, taxonomy.ARMED_CLASH):
        civilian_target = (actor2 is not None and _is_victim(actor2)) or (
            groups & lexicon.civilian_groups and not groups & lexicon.armed_groups)
        armed_target = ((actor2 is not None and actor2.category in taxonomy.category_group("armed"))
                        or bool(groups & lexicon.armed_groups)
                        or _armed_post(article, trigger) is not None)
        if entry.generic:
            sub = taxonomy.ARMED_CLASH if armed_target and (not civilian_target or groups & lexicon.armed_groups) else taxonomy.ATTACK
        elif civilian_target and not armed_target and not entry.mutual:
            sub = taxonomy.ATTACK  # "stormed a village, killing ten civilians"
    elif entry.family == "protest" and sub == taxonomy.PEACEFUL_PROTEST:
        story = _protest_story_text(article, trigger.sentence)
        if _rioted(lexicon.cues["road_blocked"].sub(" ", story) if tagged else story):
            sub = taxonomy.VIOLENT_DEMONSTRATION
        elif _force_against_protesters(article, story, casualties):
            sub = taxonomy.EXCESSIVE_FORCE
        elif _met_intervention(story):
            sub = taxonomy.PROTEST_WITH_INTERVENTION
    elif entry.family == "territory":
        fought = _told(lexicon.cues["fighting_cues"], sentence)
        if sub == taxonomy.NON_VIOLENT_TRANSFER and not entry.weak and not fought:
            pass
        elif sub == taxonomy.NON_VIOLENT_TRANSFER and _gave_ground(article, trigger):
            # "at least five soldiers were killed and the troops withdrew": the side that withdrew
            # under fire lost the ground to the other
            sub = (taxonomy.GOVERNMENT_REGAINS_TERRITORY if actor2 is not None and actor2.category == taxonomy.STATE_FORCES
                   and not (actor1 is not None and actor1.category == taxonomy.STATE_FORCES)
                   else taxonomy.NON_STATE_ACTOR_OVERTAKES_TERRITORY)
        elif lexicon.cues["non_violent_transfer"].search(nearby) and not fought:
            sub = taxonomy.NON_VIOLENT_TRANSFER
        elif actor1 is not None and _regained_for_the_state(actor1, actor2, place):
            sub = taxonomy.GOVERNMENT_REGAINS_TERRITORY
        else:
            sub = taxonomy.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    if sub == taxonomy.VIOLENT_DEMONSTRATION and (_crowds_fight(article, trigger) or _mob_assault(article, trigger)):
        sub = taxonomy.MOB_VIOLENCE
    if sub == trigger.sub_event_type:
        return entry.event_type, sub, trigger.plover_event, trigger.plover_mode
    return _retype(sub)


#: Between the state's force used and the crowd it struck: "fired on", "opened fire on the".
_STRUCK_CROWD_GAP = re.compile(r"\s+(?:(?:on|at|upon|into)\s+)?(?:(?:the|a|an|some|several|dozens\s+of|hundreds\s+of)\s+)?", re.I)


def _gave_ground(article: Article, trigger: Trigger) -> bool:
    """A withdrawal told as such ("the troops withdrew"), not forces that entered a place, beside
    the capture it gave ground to ("overran the base ... the troops withdrew"), not the raiders'
    own retreat after their attack."""
    return (trigger.plover_event == "RETREAT" and trigger.sub_event_type == taxonomy.NON_VIOLENT_TRANSFER
            and not _entry_of(trigger).weak
            and any(t.family == "territory" and t.sub_event_type != taxonomy.NON_VIOLENT_TRANSFER for t in article.triggers))


def _protest_beside(article: Article, index: int) -> bool:
    """Whether a protest is told in the sentence or the one after it."""
    return any(t.family == "protest" and t.sub_event_type == taxonomy.PEACEFUL_PROTEST and index <= t.sentence <= index + 1
               for t in article.triggers)


def _with_next(article: Article, index: int) -> str:
    """A sentence and the one after it, where news tells how an act went on."""
    return " ".join(s.text for s in article.sentences[index:index + 2])


def _regained_for_the_state(actor1: ActorMention, actor2: ActorMention | None, place: PlaceMention | None) -> bool:
    """Ground the state's forces take in their own country, or from rebels abroad; or that a
    mission takes in the country it serves (AMISOM in Somalia), from no state."""
    if actor1.category == taxonomy.STATE_FORCES:
        return not _abroad(place, actor1) or _from_rebels(actor2)
    return (actor1.category == taxonomy.EXTERNAL_FORCES and bool(actor1.country_code) and not _abroad(place, actor1)
            and (actor2 is None or _from_rebels(actor2)))


def _from_rebels(actor2: ActorMention | None) -> bool:
    """Ground taken from armed men of no state ("Rwandan troops recaptured Mbau from insurgents"):
    a foreign force or a mission fighting them beside the state regains it, as ACLED codes the state's allies."""
    return actor2 is not None and actor2.category in taxonomy.category_group("non_state_armed")


def _abroad(place: PlaceMention | None, actor: ActorMention) -> bool:
    """A state's force acting outside its country ("Russian forces captured a village near
    Avdiivka"): taking ground there is no government's regaining it, but, in ACLED's codebook,
    a foreign state actor's overtaking it."""
    return bool(place and place.country_code and actor.country_code and place.country_code != actor.country_code)


def _crowds_fight(article: Article, trigger: Trigger) -> bool:
    """A protest's crowds fighting each other ("rival supporters threw stones at each other"),
    not the state's forces named before ("running battles between the two groups" of protesters
    and police); police who come after to arrest are not one of the sides."""
    if _entry_of(trigger).family != "protest":
        return False
    story = _protest_story(article, trigger.sentence)
    start, end = article.sentences[story[0]].start, article.sentences[story[-1]].end
    fight = next(_told_cues(load_lexicon().cues["crowds_fighting"], article.text[start:end]), None)
    return fight is not None and not any(_force_on_the_ground(a)
                                         and a.start < start + fight.end() for a in article.actors if a.start >= start)


def _struck_by_mob(article: Article, index: int, actors: list[ActorMention]) -> ActorMention | None:
    """The people or forces named after a crowd's first blow ("pelted the police with stones")."""
    story = _protest_story(article, index)
    start, end = article.sentences[story[0]].start, article.sentences[story[-1]].end
    blow = next(_told_cues(load_lexicon().cues["crowd_assaults"], article.text[start:end]), None)
    if blow is None:
        return None
    text = article.text
    return next((a for a in actors if a.start >= start + blow.end()
                 and a.category in (taxonomy.CIVILIANS, taxonomy.STATE_FORCES)
                 # not the police who tell of it, rescue its victim or arrive after it
                 and not load_lexicon().cues["source_after"].match(text, a.end)
                 and not _RESCUER_BEFORE.search(text, max(0, a.start - 30), a.start) and not _RESCUER_AFTER.match(text, a.end)
                 and not _ACT_ENDED.search(text, max(0, a.start - 20), a.start)), None)


#: Before those who saved a victim: "rescued by", "taken to hospital by".
_RESCUER_BEFORE = re.compile(r"\b(?:rescued|saved|taken\s+to\s+hospital)\s+by\s+(?:the\s+)?$", re.I)
#: After those who saved a victim: "police rescued the third".
_RESCUER_AFTER = re.compile(r"\s+(?:later\s+|eventually\s+)?(?:rescued|saved|intervened)\b", re.I)


def _mob_assault(article: Article, trigger: Trigger) -> bool:
    """A crowd's riot that strikes at people with no demonstration told ("youths stoned passing
    motorists", "rioters beat up clerks"): a mob's attack, not a protest turned violent."""
    cues = load_lexicon().cues
    story = _protest_story_text(article, trigger.sentence)
    if not _told(cues["crowd_assaults"], story) or cues["demonstration_words"].search(story):
        return False
    # a party's crowd that stones the state's forces makes its politics plain ("NUP supporters
    # stoned a police patrol"), as when it clashes with them
    actors = _story_actors(article, trigger.sentence)
    return not (any(_force_on_the_ground(a) for a in actors) and any(_is_crowd(a) and _party_followed(article.text, a) for a in actors))


#: Before an arrest or a beating that a protest is about, not one that met it: "demanding the
#: release of", "protested the arrest of", "a chief who had been arrested", "after being beaten",
#: "the failure of police to arrest", "was allegedly barred", "Mungiki adherents who had beaten
#: them", "accused police of discriminatory arrests".
_GRIEVED_INTERVENTION = re.compile(r"\b(?:(?:the\s+)?arrests?\s+of|release\s+of|(?:had|has|have)\s+(?:recently\s+)?been|after\s+being"
                                   r"|(?:who|he|she)\s+(?:was|were|had\s+been)|failure\s+(?:of|to)"
                                   r"|(?:who|which|that)\s+had\s+(?:recently\s+|earlier\s+|previously\s+)?|accus(?:ed|es|ing)\s+(?:[\w-]+\s+){1,3}?of"
                                   r"|(?:was|were|had|has|have)\s+(?:allegedly|arbitrarily|unlawfully|illegally|wrongfully|wrongly))\s+(?:[\w-]+\s+){0,3}"
                                   r"(?:re-)?$"  # "who had been re-arrested"
                                   # what a protest is against: "marched to protest against the attack on demonstrators"
                                   r"|\b(?:protest\w*|demonstrat\w*|march\w*|rall(?:y|ies|ied|ying))\s+(?:against|over)\s+(?:the|an?|their|his|her)\s+"
                                   r"(?:(?!(?:was|were|is|are|had|has|have|been)\b)[\w-]+\s+){0,2}$", re.I)

#: Before violence a protest is about, not one it did: "victims of ethnic clashes", "in response
#: to a clash", "the failure to stop clashes", "the removal of a roadblock", "a campaign to destroy",
#: "to denounce the blockade".
_GRIEVANCE_BEFORE = re.compile(r"\b(?:victims?\s+of|in\s+response\s+to|failure\s+to(?:\s+(?:stop|prevent|end))?|removal\s+of"
                               r"|whose\s+(?:[\w'’-]+\s+){1,2}(?:was|were|had|have|has)"  # "residents whose homes were destroyed"
                               r"|campaign\s+to|denounc(?:e|ed|es|ing)|condemn(?:s|ed|ing)?"
                               # a riot imputed to others: "houses of people it accused of throwing stones", "linked to the stone-pelting"
                               r"|accus(?:ed|ing)\s+(?:\w+\s+)?of|linked\s+to|blamed\s+for)\s+(?:[\w'’-]+\s+){0,3}$", re.I)

#: After damage the state, or those the crowd protests against, did: "stalls destroyed by county
#: officers", "a woman set on fire by her attackers".
_DONE_BY_OTHERS = re.compile(r"\s+(?:[\w-]+\s+){0,2}?by\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?(?:police|officers|security\s+forces|authorities|soldiers|army|government|askaris"
                          r"|attackers|assailants|killers|rapists|gunmen)\b", re.I)

#: Where a sentence of a story joined by spaces opens.
_SENTENCE_OPENING = re.compile(r"[.!?]\s+")


def _told(cue: re.Pattern, text: str) -> bool:
    """Whether the text tells what the cue names, not only denies it ("devoid of running battles")."""
    return any(_told_cues(cue, text))


#: The next three words: where a riot cue's object is told ("burning Israeli flags").
_THREE_WORDS = re.compile(r"(?:\s+\S+){0,3}")


def _rioted(story: str) -> bool:
    """Whether the protest's crowd turned violent, not only the violence or damage it is about
    ("victims of ethnic clashes held a demonstration", "stalls destroyed by county officers")."""
    cues = load_lexicon().cues
    return any(not _GRIEVANCE_BEFORE.search(story, max(0, cue.start() - 60), cue.start())
               and not _PEACEFULLY_BEFORE.search(story, max(0, cue.start() - 24), cue.start())  # "peacefully blocking", "a peaceful road blockade"
               and not _NAMED_BY_YEAR.search(story, max(0, cue.start() - 40), cue.start())  # "the 2002 riots": another year's
               and not _DONE_BY_OTHERS.match(story, cue.end())
               and not _done_by_nature(story, cue.start())  # "as drought destroyed their crops"
               # what was burnt, in the cue or in the three words after it
               and not cues["symbols_burnt"].search(story, cue.start(), _THREE_WORDS.match(story, cue.end()).end())
               for cue in _told_cues(cues["riot_cues"], story))


def _done_by_nature(text: str, start: int) -> bool:
    """Whether a flood, a drought or a fire is the subject right before ``start``, or the damage
    is told as done in one ("3,000 shops were destroyed in the blaze")."""
    return any(_NATURE_GAP.fullmatch(text, cause.end(), start)
               for cause in load_lexicon().cues["non_conflict_causes"].finditer(text, max(0, start - 40), start)) or (
        _IN_A_DISASTER.match(text, start) is not None)


#: Damage told as a disaster's: "destroyed in the blaze", "gutted by the fire", "washed away in the floods".
_IN_A_DISASTER = re.compile(r"[\w-]+\s+(?:in|by)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:fire|blaze|floods?|storm|earthquake|cyclone|landslide)\b", re.I)
#: Between a disaster and the damage it did: "drought| |destroyed", "floods| had |destroyed",
#: "erosion|, which has |destroyed".
_NATURE_GAP = re.compile(r"\s*,?\s+(?:(?:which|that)\s+)?(?:(?:had|have|has|also|then)\s+)?")


#: A year that names past violence: "the 2002 riots", "the 2007 post-election violence", "the 1992 Mombasa clashes".
#: (names and compounds only between: not "the 2024 protests| threw stones")
_NAMED_BY_YEAR = re.compile(r"\b(?:the|his|her|their|its|this|that)\s+(?:1[89]|2[01])\d\d\s+(?:(?-i:[A-Z])[\w'’-]*\s+|\w+-[\w-]+\s+){0,2}$", re.I)
_PEACEFULLY_BEFORE = re.compile(r"\bpeaceful(?:ly)?\s+(?:(?!and\b)[\w-]+\s+)?$", re.I)


def _met_intervention(story: str) -> bool:
    """Whether the authorities stepped in on the protest, not only on what it is about
    ("demanding the release of a chief who had been arrested")."""
    return any(not _GRIEVED_INTERVENTION.search(_SENTENCE_OPENING.split(story[max(0, cue.start() - 40):cue.start()])[-1])
               and not _TO_DEATH.match(story, cue.end())  # "the man beaten to death by police": a killing protested
               # a participle naming someone held before: "supporters of a detained activist"
               and not (cue.group().endswith("ed") and _DETERMINER_BEFORE.search(story, max(0, cue.start() - 20), cue.start()))
               for cue in _told_cues(load_lexicon().cues["protest_intervention"], story))


#: Before a participle that names someone rather than an act: "a detained activist".
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|their|his|her|its)\s+(?:\w+ly\s+)?$", re.I)


_TO_DEATH = re.compile(r"\s+to\s+death\b", re.I)


def _told_cues(cue: re.Pattern, text: str) -> Iterator[re.Match]:
    """The cue's matches that the text does not deny."""
    negated = load_lexicon().cues["negated"]
    return (match for match in cue.finditer(text)
            if not negated.search(text, max(0, match.start() - NEGATION_REACH), match.start()))


#: Between an act's noun and the victims it names: "the killing of".
_OWN_OBJECT_GAP = re.compile(r"\s+of\s+")


def _is_cause(article: Article, start: int) -> bool:
    """Deaths told from ``start`` as the cause of the act told ("in revenge for the killing of a herder")."""
    sentence_start = article.sentence_at(start).start
    before = article.text[max(sentence_start, start - 80):start]
    cues = load_lexicon().cues
    return bool(cues["cause"].search(before) or cues["blamed"].search(before) or cues["earlier"].search(before)
                or cues["came_after"].search(before))


def _is_crowd(actor: ActorMention | None) -> bool:
    """Protesters, rioters, or civilians named as the ones acting ("villagers lynched a thief")."""
    return actor is not None and (actor.category in taxonomy.category_group("crowd") or _is_victim(actor))


def _protest_story(article: Article, index: int) -> range:
    """The sentences that tell how a protest went: its own and the next two until one names an
    armed group, and the one before when that one tells no event of its own ("Students
    barricaded the road. The protest ...")."""
    first = index - 1 if index > 0 and not _has_trigger(article, index - 1) else index
    last = index
    while last + 1 < min(index + PROTEST_STORY_SENTENCES, len(article.sentences)) and not _names_armed_group(article, last + 1):
        last += 1  # an armed group's act is another story ("Al Shabaab later attacked a police post")
    return range(first, last + 1)


def _protest_story_text(article: Article, index: int) -> str:
    """The text of :func:`_protest_story`'s sentences."""
    return " ".join(article.sentences[i].text for i in _protest_story(article, index))


def _story_actors(article: Article, index: int) -> list[ActorMention]:
    """The actors of :func:`_protest_story`'s sentences."""
    return [a for i in _protest_story(article, index) for a in article.in_sentence(article.actors, i)]


def _force_on_the_ground(actor: ActorMention) -> bool:
    """A state's force that acts (police, soldiers), not its government."""
    return actor.category == taxonomy.STATE_FORCES and _branch(actor) != "government"


def _names_armed_group(article: Article, index: int) -> bool:
    return any(a.category in taxonomy.category_group("non_state_armed") and not a.generic
               for a in article.in_sentence(article.actors, index))


def _has_trigger(article: Article, index: int) -> bool:
    return bool(article.in_sentence(article.triggers, index))


#: A clause telling what an act did, right before its toll: ", killing", ", leaving".
_RESULT_CLAUSE = re.compile(r",\s*(?-i:[a-z]+ing)\s+$")


def _is_grievance(text_before: str) -> bool:
    """A killing told as what a protest is about: "protest against the killing of ...", "justice
    for their colleague, a nurse, who was found dead"."""
    cues = load_lexicon().cues
    text = text_before[-GRIEVANCE_REACH:]
    if _RESULT_CLAUSE.search(text) or _CLAUSE_GOES_ON.search(text):
        # "fired on protesting farmers, killing one": what the firing did; "after a rumour
        # spread, and beat |": the crowd's own act goes on
        return False
    if cues["grievance"].search(text):
        return True
    # further back, only inside the phrase that names the grievance: not after a clause ends
    # ("after the MP's killing, an officer was killed") nor once the protest's own violence is told
    far = cues["grievance_far"].search(text)
    return bool(far and not text.rstrip().endswith((",", ";")) and not cues["protest_own_violence"].search(far["between"]))


#: A comma and a verb of the main clause again, right before a victim: ", and beat |", ", and then shot |".
_CLAUSE_GOES_ON = re.compile(r",\s+and\s+(?:then\s+)?(?-i:[a-z]+)\s+$", re.I)


def _force_against_protesters(article: Article, story: str, casualties: list[CasualtyMention]) -> bool:
    """Live fire on the crowd, or deaths or injuries in it, that are not what the protest is about."""
    for cue in load_lexicon().cues["protest_excessive_force"].finditer(story):
        # what the protest is about is told in the cue's own sentence ("over housing. A boy
        # was critically wounded" tells the force)
        if not _is_grievance(_SENTENCE_OPENING.split(story[:cue.start()])[-1]):
            return True
    # ACLED: protesters killed or injured (news reports the serious injuries), not "minor injuries"
    return any(c.kind in ("killed", "injured") and (c.minimum or c.maximum)
               and not (c.kind == "injured" and _MINOR.search(article.text, c.start, c.end + 30))
               for c in _protest_casualties(article, casualties))


#: After the hurt, what makes it no excessive force: "several suffered minor injuries".
_MINOR = re.compile(r"\b(?:minor|slight|light|superficial)\s+(?:injur|wound|bruis|cuts)", re.I)


def _protest_casualties(article: Article, casualties: list[CasualtyMention]) -> list[CasualtyMention]:
    """A protest's own casualties (those of its sentence): not those it protests against."""
    return [c for c in casualties if not _told_as_grievance(article, c)]


def _told_as_grievance(article: Article, casualty: CasualtyMention) -> bool:
    """Dead or hurt told in their sentence as what a crowd protests or is angered by."""
    return _is_grievance(article.text[article.sentence_at(casualty.start).start:casualty.start])


def _grievance_told_again(article: Article, casualty: CasualtyMention) -> bool:
    """A victim of what a crowd protests, told again in a later sentence by the noun first used:
    "marched over the rape of a girl. The girl died four days later"."""
    opening = article.sentence_at(casualty.start).start
    told_again = casualty.text.isalpha() and _TOLD_AGAIN.search(article.text, max(opening, casualty.start - 6), casualty.start)
    return bool(told_again) and any(
        _is_grievance(article.text[article.sentence_at(earlier.start()).start:earlier.start()])
        for earlier in re.finditer(rf"\b{re.escape(casualty.text)}\b", article.text[:opening], re.I))


#: Before a victim told again by the noun they were first named with: "The| girl", "this| student".
_TOLD_AGAIN = re.compile(r"\b(?:the|this)\s+$", re.I)


def _retype_event(event: Event, sub: str) -> None:
    event.event_type, event.sub_event_type, event.plover_event, event.plover_mode = _retype(sub)


@cache
def _first_entry(sub: str) -> tuple[int, _Entry] | None:
    """The lexicon's first entry of a sub-type, with its index."""
    return next(((i, e) for i, e in enumerate(load_lexicon().entries) if e.sub_event_type == sub), None)


@cache
def _retype(sub: str) -> tuple[str, str, str | None, str | None]:
    found = _first_entry(sub)
    if found is not None:
        entry = found[1]
        return entry.event_type, sub, entry.plover_event, entry.plover_mode
    if sub in (taxonomy.PROTEST_WITH_INTERVENTION,):
        return taxonomy.PROTESTS, sub, "PROTEST", "demonstrate"
    if sub == taxonomy.EXCESSIVE_FORCE:
        return taxonomy.PROTESTS, sub, "COERCE", "crowd-control"
    raise PipelineError(Errors.E073.format(sub=sub))


def _specificity(place: PlaceMention) -> int:
    """0 a town, 1 another place (a district, a county), 2 a province, 3 a country."""
    if place.feature_class == "P":
        return 0
    if place.feature_code == "ADM1":
        return 2
    if place.is_country:
        return 3
    return 1


def _locates(place: PlaceMention) -> bool:
    """Whether a place mention can locate an event: "Syrian" or "Europe" cannot."""
    if place.feature_code in NOT_EVENT_LOCATIONS:
        return False
    return place.geonameid is not None or place.feature_code in ("ADM1", "ADM2")


def _best_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The most specific resolved place: a town before a province before a country."""
    resolved = [p for p in places if _locates(p)]
    return min(resolved, key=lambda p: (_specificity(p), p.precision), default=None)


def _beyond(text: str, place: PlaceMention) -> bool:
    """A country told as a border, an origin or a destination ("near the border with Somalia",
    "militants from Somalia", "fled into Somalia"), or any place its people fled to ("thousands
    fled towards Kobo and Dessie"): where the event happened lies outside it."""
    return (_specificity(place) == 3 and told_beyond(text, place.start, place.end)) or bool(
        _FLED_TO_BEFORE.search(text, max(0, place.start - 60), place.start))


#: Before where people fled: "fled towards |", "fled to Dessie and |", "sought refuge in the |".
_FLED_TO_BEFORE = re.compile(r"\b(?:fled|fleeing|flee|flees|escaped)\s+(?:\w+\s+){0,2}?(?:to|towards?|into)\s+(?:the\s+)?"
                             r"(?:[A-Z][\w'’-]*\s+){0,3}?(?:(?:and|,)\s+)?$|\b(?:sought|seeking|took|taking)\s+refuge\s+in\s+(?:the\s+)?$")


def _filed(article: Article) -> date | None:
    """The day a report was filed: its dateline's day when it has one, else its publication."""
    end = dateline_end(article.text)
    told = [d for d in article.dates if d.end <= end and d.date is not None and d.precision == 1]
    return told[0].date if told and (article.published is None or told[0].date <= article.published) else article.published


def _place_near(article: Article, trigger: Trigger, entry: _Entry) -> PlaceMention | None:
    """The place its divisions follow in brackets (ACLED's coded place), else the most specific
    place of the trigger's own clause, a town before a road's end, the nearest among equals; the
    dateline's place ("NAIROBI (Reuters)") only when the sentence names no other, and a protest's
    not where what it protests happened ("in Mombasa against the port in Naivasha")."""
    names = Spans((a.start, a.end) for a in article.in_sentence(article.actors, trigger.sentence))
    # "Kenya" in "Kenya Defence Forces" names who acted, not where
    places = [p for p in article.in_sentence(article.places, trigger.sentence)
              if _locates(p) and not names.strictly_cover(p.start, p.end) and not _beyond(article.text, p)]
    dateline = dateline_end(article.text)
    containers = _containers(article.text, places)
    grievance = {id(p) for p in places if entry.family == "protest" and p.start > trigger.end
                 and _is_grievance(article.text[trigger.end:p.start])}
    for listed, following in zip(places, places[1:]):  # places are in text order
        if id(listed) in grievance and _LIST_GAP.fullmatch(article.text, listed.end, following.start):
            grievance.add(id(following))  # "against ... in Nakuru, Kikuyu and Nyeri": the list is one
    return min(places, key=lambda p: (p.end <= dateline, not _WITH_DIVISIONS.match(article.text, p.end),
                                      road_end(article.text, p.start, p.end),
                                      p.end <= trigger.clause_start, id(p) in containers, _route_end(article.text, p),
                                      _names_office_seat(article.text, p), _specificity(p), id(p) in grievance,
                                      not _told_as_where(article.text, p, trigger), _names_facility(article.text, p),
                                      abs(p.start - trigger.start)), default=None)


#: A place's divisions in brackets after it, every one named, as ACLED's notes give the place they
#: code: "Baghdad (Resafa, Baghdad)" (not a wire's capitals: "USULUTAN (ACAN-EFE)"); stricter than
#: places.py's test that keeps a word a place, which reads the first name only.
_DIVISION_NAME = r"[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*)*"
_WITH_DIVISIONS = re.compile(rf"\s*\((?=[^)]*[a-z]){_DIVISION_NAME}(?:,\s*{_DIVISION_NAME})*\)")


def _route_end(text: str, place: PlaceMention) -> bool:
    """Where a journey told beside the act began or ended ("as the convoy travelled from
    Islamabad to the Dasu dam"): not where the act was, while another place is named."""
    return bool(_FROM_BEFORE.search(text, max(0, place.start - 8), place.start) and _TO_AFTER.match(text, place.end)
                or _FROM_TO_BEFORE.search(text, max(0, place.start - 40), place.start)
                # or only where it was going: "a bus bound for Mandera", "a Nairobi-bound truck"
                or _BOUND_FOR_BEFORE.search(text, max(0, place.start - 30), place.start) or _BOUND_AFTER.match(text, place.end))


#: Around a journey's ends: "from Islamabad to", "from Moyale to the".
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_AFTER = re.compile(r"\s+to\b", re.I)
_BOUND_FOR_BEFORE = re.compile(r"\b(?:bound\s+for|head(?:ed|ing)\s+(?:to|for|towards?)|en\s+route\s+to|destined\s+for"
                               r"|on\s+(?:its|their|his|her|the)\s+way\s+to|travell?(?:ed|ing)\s+to)\s+(?:the\s+)?$", re.I)
_BOUND_AFTER = re.compile(r"-bound\b", re.I)
_FROM_TO_BEFORE = re.compile(r"\bfrom\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+to\s+(?:the\s+)?$")


def _containers(text: str, places: list[PlaceMention]) -> set[int]:
    """The places named right after another of their province as where it lies: "Nyeri" in
    "Kiganjo, Nyeri", in "a village, Kiganjo Division in Nyeri" and in "Kiganjo Police Post in
    Nyeri"; the place they hold is nearer."""
    return {id(outer) for inner, outer in zip(places, places[1:])  # places are in text order
            if outer.admin1 and outer.admin1 == inner.admin1 and not outer.is_country
            and _CONTAINER_GAP.fullmatch(text, inner.end, outer.start)}


#: Between a place and the division it lies in: ", ", " (", " Division in ".
_CONTAINER_GAP = re.compile(r"\s*[,(]\s*(?:in\s+)?|\s+(?:(?:division|ward|location|sub-?county|constituency|district)\s+)?(?:in|of)\s+"
                            # the post, school or market a village names: "Pandanguo Police Camp in Lamu"
                            # (a road or a church may bear a far place's or a saint's name)
                            r"|\s+(?:(?:police|military|army|security|border|primary|secondary|high|trading)\s+)?"
                            r"(?:camp|post|station|base|barracks|school|market|factory|cent(?:re|er)|dispensary)\s+in\s+", re.I)


def _told_as_where(text: str, place: PlaceMention, trigger: Trigger) -> bool:
    """A place after a word that puts something there ("in Nairobi", "near the town of Wajir")
    or the object of the act ("attacked Awdheegle"), not one naming where people come from
    ("800 Mandera teachers", "Bungoma senator")."""
    return _after_where_word(text, place) or _OBJECT_GAP.fullmatch(text, trigger.end, place.start) is not None


def _after_where_word(text: str, place: PlaceMention) -> bool:
    """Right after a word that puts something at a place: "in", "near the town of"."""
    return bool(load_lexicon().cues["where_before"].search(text, max(0, place.start - 30), place.start))


#: Between an act and the place it was done to: "attacked Awdheegle", "raided the village of Bulo".
_OBJECT_GAP = re.compile(r"\s+(?:the\s+(?:[a-z]+\s+)?[a-z]+\s+of\s+)?")
#: Between an act and the people it was done to, as the casualties stage reads them without
#: their determiner: "seized the village chief".
_PEOPLE_GAP = re.compile(r"\s+(?:the\s+(?:[a-z]+\s+)?[a-z]+\s+of\s+|(?:the|a|an|their|his|her)\s+)?")
#: "and beat", "and later executed": a second verb whose object the first shares
_SHARED_OBJECT_VERB = re.compile(r"\s+and\s+(?:later\s+|then\s+|subsequently\s+)?(?-i:[a-z]+(?:ed|t|s))\b", re.I)


def _names_office_seat(text: str, place: PlaceMention) -> bool:
    """A place named as an office holder's seat ("the Kapseret MP", "the governor of Migori"):
    whom the act touched, not where it was, unless told as where ("in the Nyeri county assembly")."""
    cues = load_lexicon().cues
    return (bool(cues["office_after"].match(text, place.end) or cues["office_before"].search(text, max(0, place.start - 40), place.start))
            and not _after_where_word(text, place))


def _names_facility(text: str, place: PlaceMention) -> bool:
    """A name that is part of a building's, an institution's or a road's ("Juba Primary School",
    "Kismayo Road"): a town of its own named beside it is where the event was."""
    return not road_end(text, place.start, place.end) and bool(load_lexicon().cues["facility_after"].match(text, place.end))


#: Relations of a date that a sentence's other dates beat: the night before publication, what
#: the news came after ("a day after"), the day it was said ("police said on Wednesday").
_OTHER_DAYS = frozenset({"overnight", "came_after", "said"})


def _best_date(dates: list[DateMention], status: str, published=None) -> DateMention | None:
    """A day beats a week beats a month; "since" dates only what is ongoing or history."""
    usable = [d for d in dates if d.date is not None and d.relation != "named"
              and (d.relation != "since" or status != "new")]
    best = min(usable, key=lambda d: (d.relation in _OTHER_DAYS, d.precision), default=None)
    if best is not None and status == "future" and published and best.date < published \
            and not _YEAR.search(best.text):
        # "in September" in a plan means the coming September, not the last one, and "on Tuesday"
        # the coming Tuesday; unresolved when there is none (after the year 9999, or a 29
        # February with no year named).
        try:
            if (published - best.date).days < 7:
                best = replace(best, date=best.date + timedelta(days=7))
            else:
                best = replace(best, date=best.date.replace(year=best.date.year + 1))
        except (ValueError, OverflowError):
            best = replace(best, date=None, end_date=None)
    return best


def _statuses(article: Article) -> dict[int, str]:
    """Each sentence's status (new, ongoing, future, background) by sentence index."""
    return {s.sentence: s.status for s in article.statuses}


def _certainty(attributions: list) -> str:
    return _certainty_of({a.certainty for a in attributions})


def _certainty_of(found: set[str]) -> str:
    """The first of denied, alleged, claimed and confirmed among those found, else reported."""
    order = ["denied", "alleged", "claimed", "confirmed", "reported"]
    return next((c for c in order if c in found), "reported")


_QUALIFIER = re.compile(r"\s+\([^()]*\)$")


def _compatible(first: Event, second: Event, text: str) -> bool:
    riot = first.sub_event_type in taxonomy.RIOT_SUB_TYPES
    if first.trigger.family != second.trigger.family and not (
            riot and (second.sub_event_type in taxonomy.RIOT_SUB_TYPES or _CROWD_DISPERSED.match(second.trigger.text))):
        # a riot told by its act, then by its crowd ("youths stormed the base ... two rioters were
        # shot"), or by the crowd's dispersal ("crowds torched shops. Police dispersed the crowds")
        return False
    if first.status != second.status and "background" in (first.status, second.status):
        return False
    if first.date and second.date and first.date.date != second.date.date and second.date.relation not in _OTHER_DAYS:
        return False
    if first.place and second.place and first.place.geonameid != second.place.geonameid:
        p, q = first.place, second.place
        if p.feature_class == "P" and q.feature_class == "P" and not any(_names_body(text, x) or _treated_at(text, x) for x in (p, q)):
            return False
    if not (first.actor1 and second.actor1):
        return True
    if (first.sub_event_type == second.sub_event_type == taxonomy.ATTACK and first.actor2
            and _side(second.actor1) == _side(first.actor2)):
        return False  # the struck striking back: a reprisal, not the attack told again
    names1 = {_side(a) for a in (first.actor1, first.actor2) if a}
    names2 = {_side(a) for a in (second.actor1, second.actor2) if a}
    return _side(first.actor1) in names2 or _side(second.actor1) in names1


#: A protest's word that only tells the crowd was broken up: "dispersed the crowds".
_CROWD_DISPERSED = re.compile(r"dispers|tear ?gas|baton", re.I)


def _names_body(text: str, place: PlaceMention) -> bool:
    """A place told in the name of a body of people ("the Wad Madani Resistance Committee
    said"), which tells where the body sits, not where the act was."""
    return load_lexicon().cues["body_after"].match(text, place.end) is not None


def _treated_at(text: str, place: PlaceMention) -> bool:
    """Where the wounded were treated or the dead taken ("died of his wounds at the hospital in
    Niamey", "succumbed at Kongoussi hospital"), not where they were struck."""
    return (_TREATED_BEFORE.search(text, max(0, place.start - 40), place.start) is not None
            or (_TREATED_AFTER.match(text, place.end) is not None
                and _TREATMENT.search(text, max(0, place.start - 60), place.start) is not None))


_CARE = r"(?:hospital|clinic|mortuary|morgue|health (?:centre|center))"
#: Before the town of a hospital or a mortuary: "at the hospital in", "to a clinic at".
_TREATED_BEFORE = re.compile(rf"\b{_CARE}\s+(?:in|at|of)\s+$", re.I)
#: After it, told after the care ("succumbed at Kongoussi hospital", "was rushed to Kisumu District
#: Hospital"), not a hospital attacked.
_TREATED_AFTER = re.compile(rf"\s+(?:[A-Z][a-z]+\s+){{0,2}}(?i:{_CARE})\b")
_TREATMENT = re.compile(r"\b(?:died|succumbed|treated|admitted|taken|rushed|evacuated|hospitali[sz]ed|pronounced\s+dead)\b", re.I)


def _fight_for_ground(territory: Event, fight: Event) -> bool:
    """A battle between the sides of a change of ground ("SAF retook the palace from RSF. The army
    said 89 RSF fighters were killed."): the territorial event's own fight, whose dead ACLED counts there."""
    if territory.trigger.family != "territory" or fight.sub_event_type != taxonomy.ARMED_CLASH:
        return False
    sides = {_side(a) for a in (territory.actor1, territory.actor2) if a}
    others = [a for a in (fight.actor1, fight.actor2) if a and not a.generic and _side(a) not in sides]
    # the side the ground was taken from may be named only in its fight ("the army retook Dessie.
    # Dozens of TPLF fighters were killed in the fighting for the city"), told at no other place
    return not others or (len(others) == 1 and territory.actor2 is None and (
        fight.place is None or territory.place is None or fight.place.geonameid == territory.place.geonameid))


def _side(actor: ActorMention) -> str:
    """An actor's name without the country or years ACLED adds ("Rioters (Kenya)" is "Rioters"),
    and a crowd's whatever its protest became: the protesters who rioted are the same crowd."""
    return taxonomy.PROTESTERS if actor.category in (taxonomy.PROTESTERS, taxonomy.RIOTERS) else _QUALIFIER.sub("", actor.name)


#: The end of a lead that tells its act as before the one reported: "the officer had been |".
_TOLD_AS_EARLIER = re.compile(r"\bhad\s+(?:been\s+)?\w*\s*$", re.I)
#: A sentence that opens on someone told before: "He", "The victim", "Both men".
_VICTIM_AGAIN = re.compile(r"(?:He|She|They|(?:The|Both)\s+(?:man|men|woman|women|victims?|boy|girl|youths?))\s", re.I)


def _retells(article: Article, previous: Event, event: Event) -> bool:
    """A later mention of the same event: "the airstrikes", or the very next sentence going on."""
    if previous.status != event.status:
        return False
    trigger = event.trigger
    sentence = article.sentences[trigger.sentence]
    lead = article.text[sentence.start:trigger.start]
    if load_lexicon().cues["new_incident"].match(lead):
        return False
    if previous.sub_event_type == event.sub_event_type and load_lexicon().cues["anaphora"].search(lead[-40:]):
        return True
    last = previous.sentences[-1]  # sentences are kept in order
    adjacent = trigger.sentence - last <= 1
    if adjacent and (_compatible(previous, event, article.text) or _fight_for_ground(previous, event)):
        return True
    # "Rebels captured Bambu. Nine soldiers were killed.": a toll with nothing new of its own, or
    # the fate of those it struck ("He was handed over to police and died in hospital")
    entry = _entry_of(trigger)
    # (a toll whose one named side is both its actors names its dead: "Al Shabaab's leader was among the dead")
    victims_only = (event.actor1 is not None and event.actor2 is not None and _side(event.actor1) == _side(event.actor2)
                    and previous.trigger.family == trigger.family)
    # (nor does an attacker the coder had to supply where only civilians are named: "Several people
    # were killed", unless told as before the act: "the officer had been killed in an ambush")
    unnamed = (event.actor1 is not None and not event.actor1.text and not _TOLD_AS_EARLIER.search(lead)
               and all(a.category == taxonomy.CIVILIANS for a in article.in_sentence(article.actors, trigger.sentence)))
    return (entry.generic and (event.actor1 is None or unnamed or victims_only or _VICTIM_AGAIN.match(lead))
            and trigger.sentence - last <= 2
            and previous.trigger.family in load_lexicon().material_families  # not an accusation's
            and not _arrested_for(article, trigger)  # nor the toll of the act an arrest was for
            # an office's seat ("according to the Bastar IG") is no other place
            and (event.place is None or previous.place is None or event.place.geonameid == previous.place.geonameid
                 or _names_office_seat(article.text, event.place))
            and (event.date is None or previous.date is None or event.date.date == previous.date.date))


def _other_armed_side(attack: Event, fight: Event) -> ActorMention | None:
    """The side of a fight told after an attack that is not the attacker, when it bears arms."""
    return next((a for a in (fight.actor1, fight.actor2) if a is not None and a.category != taxonomy.CIVILIANS
                 and (attack.actor1 is None or _side(a) != _side(attack.actor1))), None)


class _Retellings:
    """Merges each event, in sentence order, into the latest earlier one it retells.

    Only a few earlier events can be retold: one that reaches into the last two sentences
    (the next sentence going on, or a toll with nothing new of its own), or the latest of the
    same status and sub-type (an anaphora: "the airstrikes"); :func:`_retells` is asked of
    those alone, latest first, which picks what asking it of every earlier event did. A
    merged event also keeps the keys of its casualties and attributions, so that absorbing
    another costs what that one brings, not all the event has gathered.
    """

    def __init__(self, article: Article):
        self.article = article
        self.merged: list[Event] = []
        self.latest: dict[tuple[str, str], int] = {}  # (status, sub-type) -> position in merged
        self.recent: dict[int, None] = {}  # positions whose last sentence may be within two
        self.kept: list[tuple[set, set, set[str]]] = []  # casualty and attribution keys, certainties

    def add(self, event: Event) -> None:
        index = event.trigger.sentence
        self.recent = {p: None for p in self.recent if self.merged[p].sentences[-1] >= index - 2}
        candidates = set(self.recent)
        latest = self.latest.get((event.status, event.sub_event_type))
        if latest is not None:
            candidates.add(latest)
        family = event.trigger.family  # an act of the same kind first: a killing told after an arson joins the attack
        for position in sorted(candidates, key=lambda p: (self.merged[p].trigger.family == family, p), reverse=True):
            if _retells(self.article, self.merged[position], event):
                self._absorb(position, event)
                self.recent[position] = None
                return
        position = len(self.merged)
        self.merged.append(event)
        self.kept.append(({_value(c) for c in event.casualties}, {_value(a) for a in event.attributions},
                          {a.certainty for a in event.attributions}))
        self.latest[event.status, event.sub_event_type] = position
        self.recent[position] = None

    def _absorb(self, position: int, other: Event) -> None:
        target = self.merged[position]
        casualty_keys, attribution_keys, certainties = self.kept[position]
        last = target.sentences[-1]
        if other.sentences[0] >= last and other.sentences == sorted(set(other.sentences)):
            target.sentences.extend(s for s in other.sentences if s > last)
        else:
            target.sentences = sorted(set(target.sentences) | set(other.sentences))
        target.actor1 = target.actor1 or other.actor1
        if target.trigger.family == "territory" and target.actor2 is None and other.sub_event_type == taxonomy.ARMED_CLASH:
            target.actor2 = _other_armed_side(target, other)  # the side that lost the ground in its fight
        if (target.sub_event_type == taxonomy.ATTACK and other.sub_event_type == taxonomy.ARMED_CLASH
                and _entry_of(other.trigger).mutual and (fought := _other_armed_side(target, other))):
            # "gunmen opened fire on students ... they later exchanged fire with police": the attack was fought
            _retype_event(target, taxonomy.ARMED_CLASH)
            target.actor2 = fought
        if target.actor2 is None or (other.actor2 is not None and other.actor2.generic is False and target.actor2.generic):
            target.actor2 = target.actor2 or other.actor2
        if target.place is None or (other.place is not None and _specificity(other.place) < _specificity(target.place)
                                    and (target.place.is_country or other.place.country_code == target.place.country_code)):
            target.place = other.place  # a retelling narrows the place down, not abroad
        target.date = target.date or other.date
        casualties = [c for c in other.casualties if _value(c) not in casualty_keys]
        target.casualties += casualties
        casualty_keys.update(_value(c) for c in casualties)
        attributions = [a for a in other.attributions if _value(a) not in attribution_keys]
        target.attributions += attributions
        attribution_keys.update(_value(a) for a in attributions)
        certainties.update(a.certainty for a in attributions)
        target.certainty = _certainty_of(certainties)


@cache
def _field_values(kind: type) -> Callable[[object], tuple]:
    return attrgetter(*(f.name for f in fields(kind)), "__class__")


def _value(mention: Mention) -> tuple:
    """What ``==`` compares between two mentions (their class and every field), hashable."""
    return _field_values(type(mention))(mention)


def _coded_location(article: Article) -> PlaceMention | None:
    """The place a coder's note says the event was coded at ("coded as Nyeri with GP2",
    "coordinates for Marsabit town used"): the note's location, whatever else it names."""
    cue = load_lexicon().cues["coded_location_before"]
    return next((p for p in article.places if p.named and not p.is_country
                 and cue.search(article.text, max(0, p.start - 40), p.start)), None)


def _context_place(article: Article, index: int) -> PlaceMention | None:
    """For a sentence that names no place: the last place named in the two sentences before,
    else the next named in the two after ("... The attack took place in Kapedo."); the
    dateline's only when its sentence names no other."""
    dateline = dateline_end(article.text)
    for other in (*range(index - 1, max(index - 3, -1), -1), *range(index + 1, min(index + 3, len(article.sentences)))):
        places = article.in_sentence(article.places, other)
        place = _best_place([p for p in places if p.start >= dateline]) or _best_place(places)
        if place:
            return place
    return None


def _context_date(article: Article, statuses: dict[int, str], index: int, status: str) -> DateMention | None:
    """For a sentence that names no date: the date of the sentences just before, if they tell
    the same kind of news (a date from history does not date today's event)."""
    for back in range(index - 1, max(index - 3, -1), -1):
        if statuses.get(back, "new") != status:
            break
        date = _best_date(_dates_in(article, back), status, article.published)
        if date:
            return date
    return None


def _names(article: Article) -> tuple[Spans, Spans, Spans]:
    """The spans of the actors' names that can hold a trigger: all but state and foreign forces'
    ("coalition warplanes" bomb); of those, the names of armed groups; and the forces' own names
    past their first letter."""
    forces = (taxonomy.STATE_FORCES, taxonomy.EXTERNAL_FORCES)
    named = [a for a in article.actors if a.category not in forces]
    armed = taxonomy.category_group("non_state_armed")
    return (Spans((a.start, a.end) for a in named),
            Spans((a.start, a.end) for a in named if a.category in armed and not a.generic),
            Spans((a.start + 1, a.end) for a in article.actors if a.category in forces and not a.generic))


def _inside_a_name(names: tuple[Spans, Spans, Spans], trigger: Trigger) -> bool:
    """"Liberation" in "National Liberation Front" names a group, not an act, and so does
    "Accord" in "Government of National Accord"; a state's forces named by what they do ("an
    Israeli airstrike", "Ukrainian air defence") still do it."""
    every, armed, state = names
    if trigger.family == "protest":
        # "protesters" is both the crowd and the act, but "Yan Sakai vigilantes" name a militia
        return armed.cover(trigger.start, trigger.end)
    return every.cover(trigger.start, trigger.end) or (trigger.text.istitle() and state.cover(trigger.start, trigger.end))


def _told_as_past_aside(article: Article, trigger: Trigger) -> bool:
    """"farmers who had been kidnapped in June were freed": the aside is history; so is an act
    its date names ("suspected of the March 2012 bus station bombing")."""
    sentence = article.sentences[trigger.sentence]
    # (a noun's, not a verb's: "families displaced since the 2011 crisis marched")
    if not trigger.text.split()[0].lower().endswith("ed") and any(
            d.relation == "named" and _NAMED_BY_DATE.fullmatch(article.text, d.end, trigger.start)
            for d in article.in_sentence(article.dates, trigger.sentence)):
        return True
    if trigger.family == "protest" and (
            any(t.family in ("arrest", "violence") and t.start < trigger.start
                for t in article.in_sentence(article.triggers, trigger.sentence))
            or load_lexicon().cues["protest_intervention"].search(article.text, sentence.start, trigger.start)):
        # "police arrested 25 residents who had staged a sit-in", "fired at residents who had
        # gathered to stop", "used water cannon against supporters who had gathered": the
        # gathering they were held, shot at or dispersed
        return False
    lead = article.text[max(sentence.start, trigger.start - 60):trigger.start]
    if _PART_TAKEN.search(lead) or _HUNTED_FOR.search(lead):
        # "an activist who took part in the October protests was abducted", "soldiers hunting
        # for those who attacked the post burned houses": who they were
        return True
    if _COMMA_BEFORE.search(lead) and _EARLIER_ASIDE.match(article.text, trigger.end):
        return True  # "supporters of a leader, arrested two days earlier, clashed with police": who he was
    aside = _PAST_ASIDE.search(lead)
    # not what a source said had happened: "the army announced that troops had recaptured"
    return aside is not None and aside.start() >= len(lead) - 40 and not _TOLD_BEFORE_THAT.search(lead, 0, aside.start())


#: Before the deed that names whom a hunt is for: "searching for the gunmen who (had)".
_HUNTED_FOR = re.compile(r"\b(?:(?:hunt(?:ing|ed)?|search(?:ing|ed)?|look(?:ing|ed)|manhunt|pursuit)\s+(?:for|of)|pursu(?:ing|ed)"
                         r"|track(?:ing|ed)\s+down)\s+(?:those|(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:men|people|gunmen|attackers|assailants"
                         r"|militants|fighters|suspects|perpetrators|group|bandits|raiders))\s+(?:who|that)\s+(?:had\s+)?(?:\w+ly\s+)?$", re.I)
#: A participle's aside between commas, told as earlier than the news: ", arrested two days earlier,".
_COMMA_BEFORE = re.compile(r",\s*$")
_EARLIER_ASIDE = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:earlier|before|previously|ago|last\s+(?:week|month|year))\s*,", re.I)

#: How far before an act the words telling whose deed or death it was may start ("accused of "
#: and four words, "relatives of a woman who ").
_LEAD_CHARS = 120


def _lead(article: Article, trigger: Trigger) -> str:
    """The words of the trigger's sentence right before it."""
    return article.text[max(article.sentences[trigger.sentence].start, trigger.start - _LEAD_CHARS):trigger.start]


#: A relative clause opening before an act: "accused of planting bombs that were detonated".
_RELATIVE_OPENS = re.compile(r"\b(?:who|which|that)\b[^,;]*$", re.I)


def _arrested_over(article: Article, trigger: Trigger, told: list[Trigger]) -> bool:
    """A protest, or the looting of a riot, told as what an arrest in its sentence was for
    ("arrested 15 activists over a protest held last week", "arrested 39 suspects over looting and
    arson during last week's protests"): not the event, the arrest is."""
    return trigger.family in ("protest", "property") and _reason_of(article, trigger, told, "arrest", _ARRESTED_OVER)


def _reason_of(article: Article, trigger: Trigger, told: list[Trigger], family: str, gap: re.Pattern) -> bool:
    """Whether an act of ``family`` told before the trigger in its sentence names it as what the
    act was for, ``gap`` the words between them ("arrested 15 activists over", "deployed troops to
    contain")."""
    return any(t.family == family and t.end <= trigger.start and gap.search(article.text, t.end, trigger.start)
               for t in article.in_sentence(told, trigger.sentence))


#: Between an arrest and the protest it was for: "arrested 15 activists over a protest held last
#: week", "detained for taking part in", "inciting violence during the protests", "as they prepared
#: to commemorate the anniversary of", "arrested eleven organisers of the", "shortly after they had
#: taken part in".
_ARRESTED_OVER = re.compile(r"\b(?:over|accused\s+of|suspected\s+of|suspicion\s+of|involvement\s+in|for\s+(?:taking\s+part|participating)\s+in|for\s+(?:organi[sz]ing|joining|leading|staging)"
                            r"|(?:an?\s+)?(?:organi[sz]ers?|leaders?|conveners?|convenors?|coordinators?)\s+of|of\s+organi[sz]ing|in\s+connection\s+with|linked\s+to"
                            r"|after\s+(?:they|he|she)\s+had\s+(?:taken\s+part|participated)\s+in"
                            r"|inciting\s+(?:[\w-]+\s+)?during|anniversary\s+of)\s+(?:[\w'’#-]+\s+){0,8}$", re.I)


def _imputed(article: Article, trigger: Trigger) -> bool:
    """An act a person is accused of ("the two men were accused of planting an IED"): another
    act than the one reported, unless the report tells no other ("Police accused of killing three
    protesters"); an armed side accused of it did it ("the army was accused of shelling"), but
    never a protest."""
    armed = taxonomy.category_group("armed")
    lead = _lead(article, trigger)
    if trigger.passive and not _RELATIVE_OPENS.search(lead):
        return False  # "three men suspected of theft were tied up and beaten": what befell them
    # the act's words run on past the trigger: "women accused of witchcraft were beaten to death"
    act = article.text[trigger.start:article.sentences[trigger.sentence].end]
    told = article.in_sentence(article.triggers, trigger.sentence)
    # (a deed of those an arrest took is theirs whoever arrested them: "the SBU detained a man
    # suspected of helping to adjust missile strikes")
    return imputes_deed(lead, act) and (trigger.family == "protest" or any(t.family == "arrest" and t.end <= trigger.start for t in told)
                                        or not any(a.category in armed and trigger.clause_start <= a.start and a.end <= trigger.start
                                                   for a in article.in_sentence(article.actors, trigger.sentence)))


def _arrested_for(article: Article, told: Trigger | CasualtyMention) -> bool:
    """An act, or a toll, told as what an arrest was for ("police arrested 16 suspects in
    connection with the attack, in which ten died"): the suspects' alleged act, an earlier event
    than the arrest."""
    if isinstance(told, Trigger) and told.family == "arrest":
        return False
    sentence = article.sentence_at(told.start)
    opening = sentence.start if sentence is not None else 0
    reason = load_lexicon().cues["arrest_reason"].search(article.text, max(opening, told.start - _LEAD_CHARS), told.start)
    return reason is not None and any(t.family == "arrest" and opening <= t.start and t.end <= told.start for t in article.triggers)


def _release_demanded(article: Article, trigger: Trigger) -> bool:
    """Those whose release is demanded were held before ("youths demanding the release of
    suspects arrested over the killing attacked two churches"): no arrest of this report."""
    return trigger.family == "arrest" and _RELEASE_OF.search(article.text, max(0, trigger.start - 50), trigger.start) is not None


#: Before those held whose freedom is asked: "the release of suspects", "freedom for the".
_RELEASE_OF = re.compile(r"\b(?:release|freedom)\s+(?:of|for)\s+(?:the\s+|their\s+|his\s+|her\s+|all\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)


def _mourned(article: Article, trigger: Trigger) -> bool:
    """A death told of the one whose kin act ("relatives of a man who died in the ward stormed
    it") or that a gathering remembers ("in memory of civilians killed at the end of the war"):
    an earlier death, not an act."""
    start = article.sentences[trigger.sentence].start
    return trigger.family == "violence" and (
        mourned_by_kin(_lead(article, trigger))
        or _REMEMBERED.search(article.text, max(start, trigger.start - REMEMBERED_REACH), trigger.start) is not None)


def _witnessed(article: Article, trigger: Trigger, told: list[Trigger]) -> bool:
    """Violence told as what people fled or recorded, after the act its sentence tells
    ("arrested two journalists filming clashes", "families who had fled insurgent attacks"):
    the setting of that act, not an act."""
    start = article.sentences[trigger.sentence].start
    return (trigger.family == "violence"
            and _WITNESSED_BEFORE.search(article.text, max(start, trigger.start - 60), trigger.start) is not None
            and any(t.end <= trigger.start for t in article.in_sentence(told, trigger.sentence)))


#: Right before violence people fled or recorded: "fled insurgent", "filming the".
_WITNESSED_BEFORE = re.compile(r"\b(?:fled|fleeing|escaped|escaping|displaced\s+by|film(?:ing|ed)|photograph(?:ing|ed)|cover(?:ing|ed)"
                               r"|document(?:ing|ed)|report(?:ing|ed)\s+on|record(?:ing|ed))\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _names_the_speaker(article: Article, trigger: Trigger) -> bool:
    """A word that only says who tells the news, in the clause that closes a sentence ("..., a
    local vigilante leader said", "..., protest organisers told reporters"): no act of its own."""
    sentence = article.sentences[trigger.sentence]
    said = _SPEAKER_AFTER.match(article.text, trigger.end)
    return (said is not None and sentence.end - said.end() <= 40
            and _SPEAKER_BEFORE.search(article.text, max(sentence.start, trigger.start - 40), trigger.start) is not None)


#: Before and after a word inside a closing speaker clause: ", a local [vigilante] leader said".
_SPEAKER_BEFORE = re.compile(r",\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?$", re.I)
_SPEAKER_AFTER = re.compile(r"(?:\s+(?!(?:was|were|is|are|been|being|has|have|had)\b)[\w-]+){0,2}\s+(?:said|says|told|reported|claimed|stated|added|confirmed)\b", re.I)


def _attack_told_repelled(article: Article, trigger: Trigger) -> bool:
    """How the attack just told ended ("mercenaries attacked Ukrainian positions; the assault was
    repelled"): the attack is the event, its sides as the attack told them."""
    start = article.sentences[trigger.sentence].start
    retold = _THE_ATTACK_WAS.search(article.text, max(start, trigger.start - 40), trigger.start)
    return (retold is not None and trigger.passive and _REPELLED.match(trigger.text) is not None
            and any(t.family == "violence" and t.end <= retold.start()
                    for t in article.in_sentence(article.triggers, trigger.sentence)))


#: The attack told again as the subject of how it ended: "the assault was".
_THE_ATTACK_WAS = re.compile(r"\b(?:the|this|that)\s+" + _ATTACK_NOUNS + r"\s+(?:was|were)\s+(?:\w+ly\s+)?$", re.I)


def _arrest_denied(article: Article, trigger: Trigger) -> bool:
    """An arrest told as not made ("Nobody was arrested", "no arrests were made"): no act."""
    start = article.sentences[trigger.sentence].start
    return trigger.family == "arrest" and _NO_ONE_BEFORE.search(article.text, max(start, trigger.start - 40), trigger.start) is not None


#: Before an act that did not happen: "nobody was", "no one has been", "no".
_NO_ONE_BEFORE = re.compile(r"\b(?:no|nobody|no\s+one|none)\s+(?:(?:[\w-]+\s+){0,2}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?$", re.I)


def _protest_ended(article: Article, trigger: Trigger) -> bool:
    """A protest told as what a deal or a decision ended ("agreed to repeal the decree, ending 11
    days of protests", "the union called off the strike"): what was ended, not an act."""
    start = article.sentences[trigger.sentence].start
    if trigger.family != "protest":
        return False
    ending = _ENDING_BEFORE.search(article.text, max(start, trigger.start - 40), trigger.start)
    # but a march the crowd ended where it was going was held: "farmers ended a six-day march at Azad Maidan"
    return ending is not None and not (_MARCH.search(trigger.text) and _MARCH_END_AFTER.match(article.text, trigger.end))


#: Before a protest that was ended: "ending 11 days of", "called off the", "to end their", "ending the six-day", "to halt its".
_ENDING_BEFORE = re.compile(r"\b(?:end(?:ing|ed|s)?|call(?:ing|ed|s)?\s+off|suspend(?:ing|ed|s)?|halt(?:ing|ed|s)?)\s+"
                            r"(?:(?:the|their|its|a|an|weeks|days|months|\d+|[a-z]+teen|two|three|four|five|six|seven|eight|nine|ten|"
                            r"eleven|twelve|of|national|general|indefinite|nationwide|[\w]+-(?:day|week|month)(?:-long)?)\s+){0,5}$", re.I)

#: A protest's word that names a march going somewhere.
_MARCH = re.compile(r"\b(?:march|walk|procession|trek)", re.I)
#: Where a march ended: "(a march) from Nashik at Azad Maidan", "(the long march) in Mumbai".
_MARCH_END_AFTER = re.compile(r"(?:\s+from\s+[^.;,]{1,40}?)?\s+(?:at|in|outside)\s+(?:the\s+)?(?-i:[A-Z])", re.I)


def _names_a_gang(article: Article, trigger: Trigger) -> bool:
    """An act's word that tells what a group or its members do ("a kidnapping gang", "two
    robbery suspects", "a bombing cell"): a name for them, no act of its own."""
    return (trigger.family == "violence" and " " not in trigger.text and not trigger.text.lower().endswith("ed")  # "engaged gang members" acted
            and _GANG_AFTER.match(article.text, trigger.end) is not None)


#: After an act's word, the group it names: "kidnapping gang", "robbery suspects".
_GANG_AFTER = re.compile(r"\s+(?:gangs?|rings?|syndicates?|cells?|networks?|kingpins?|suspects?|masterminds?|cartels?|squads?)\b", re.I)


def _deployed_over(article: Article, trigger: Trigger, told: list[Trigger]) -> bool:
    """Unrest told as what troops were sent for ("deployed army troops in Dhaka to contain the
    protests", "troops were deployed following the previous day's riots", "to enforce a curfew
    imposed after the looting", "ahead of a planned march"): the move is the event. So is violence
    named as a thing ("four days after a JNIM attack that killed 54 soldiers", "to halt the
    offensive"), but not violence told by a clause of its own ("after gunmen killed two traders
    on Monday"), which is the news."""
    if trigger.family in ("protest", "property"):
        return _reason_of(article, trigger, told, "mobilize", _SENT_OVER)
    if trigger.family != "violence":
        return False
    in_sentence = article.in_sentence(told, trigger.sentence)
    for move in (t for t in in_sentence if t.family == "mobilize" and t.end <= trigger.start):
        cue = _SENT_OVER.search(article.text, move.end, trigger.start)
        named = next((t for t in in_sentence if t.family == "violence" and t.start >= cue.start()), None) if cue else None
        if named is not None and _NAMED_VIOLENCE.fullmatch(named.text):
            return True
    return False


#: Violence named as a thing: "an attack", "the offensive", "fighting".
_NAMED_VIOLENCE = re.compile(r"(?:[\w-]+\s+)?(?:attacks?|offensives?|fighting|clash(?:es)?|violence|killings?|raids?|assaults?|ambush(?:es)?|"
                             r"incursions?|bombings?|shelling|unrest|insurgency|battles?|hostilities)", re.I)


#: Between a deployment and the unrest it was sent for.
_SENT_OVER = re.compile(r"\b(?:to\s+(?:contain|quell|disperse|curb|control|stop|halt|repel|counter|prevent|suppress|clear|end|break\s+up|restore\s+order)"
                        r"|following|after|amid|in\s+response\s+to|over|ahead\s+of|before)\b[^.;]*$", re.I)


def _party_to_deal(article: Article, trigger: Trigger, told: list[Trigger]) -> bool:
    """A protest's word naming people who made a deal ("the ministry and protesting farmers signed
    an agreement", "bandit leaders signed a pact with community vigilantes"), or an act the deal's
    terms name ("signed an accord, pledging to return stolen livestock and end revenge attacks"):
    the deal is the event."""
    if trigger.family not in ("protest", "violence", "property"):
        return False
    deals = [t for t in article.in_sentence(told, trigger.sentence) if t.family == "agreement"]
    if trigger.family == "protest" and deals and _NAMES_PEOPLE.match(article.text, trigger.start) is not None:
        return True
    # or what it ended: "agreed to a ceasefire, halting months of fighting"
    return any(deal.end <= trigger.start and (_DEAL_TERMS.search(article.text, deal.end, trigger.start)
                                              or _DEAL_PARTY.search(article.text, deal.end, trigger.start)
                                              or _ENDING_BEFORE.search(article.text, max(deal.end, trigger.start - 40), trigger.start))
               for deal in deals)


#: What a deal's parties undertook, up to the act it names: "agreeing to release captives".
_DEAL_TERMS = re.compile(r"\b(?:agree(?:d|ing|s)?|pledg(?:ed|ing|es)|commit(?:ted|ting|s)|promis(?:ed|ing|es)|undert(?:ook|aking|akes))\s+to\b"
                         r"(?![^.;]*\b(?:but|however|yet)\b)", re.I)
#: A party named right after the deal: "signed a peace pact with community vigilantes".
_DEAL_PARTY = re.compile(r"\bwith\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


#: A protest's word as the mark of people: "protesting farmers", "protest leader", "protest organisers",
#: "the protesters reached an agreement".
_NAMES_PEOPLE = re.compile(r"protesting\s+(?!(?:against|over|for|in|at|on|outside|near|the|a|an|their|his|her)\b)[a-z]+"
                           r"|protest\s+(?:leaders?|organi[sz]ers?|movement|group|committee)\b"
                           r"|(?:protesters|demonstrators|strikers)\b(?=\s+(?:reached|signed|agreed|struck|accepted)\b)", re.I)


def _protested_against(article: Article, trigger: Trigger, told: list[Trigger]) -> bool:
    """Violence a protest told before it in its sentence is about ("marched to demand justice for
    two men lynched a week earlier", "protested the killing of a trader"): its grievance, not an act."""
    if trigger.family != "violence" and trigger.sub_event_type != taxonomy.MOB_VIOLENCE:
        return False
    return any(t.family == "protest" and t.sub_event_type == taxonomy.PEACEFUL_PROTEST and t.end <= trigger.start
               # not a crowd told by its protest ("traders who were protesting against a tax
               # beat a thief")
               and not _RELATIVE_OPENS.search(article.text, max(article.sentences[t.sentence].start, t.start - 30), t.start)
               # nor one told as the setting ("amid protests against the law, a mob hacked two men to death")
               and not _PROTEST_AS_SETTING.search(article.text, max(0, t.start - 40), t.start)
               and _is_grievance(article.text[t.end:trigger.start]) for t in article.in_sentence(told, trigger.sentence))


#: Before deaths a gathering remembers, up to the trigger: "in memory of civilians".
_REMEMBERED = re.compile(r"\b(?:in\s+(?:the\s+)?memory\s+of|in\s+hono(?:u)?r\s+of|commemorat\w*|anniversary\s+of)"
                         r"\s+(?:[\w'’-]+\s+){0,5}$", re.I)


def _avenged(article: Article, trigger: Trigger) -> bool:
    """An act told after what avenged it ("burnt houses in reprisal for a separatist attack",
    "threatened to shell towns in retaliation for an air raid where 100 were killed"): an earlier
    act, not the one reported, unless the report tells no other."""
    sentence = article.sentences[trigger.sentence]
    cue = _AVENGED.search(article.text, sentence.start, trigger.start)
    # another act told before the cue, or after the avenged act ("in retaliation for the previous
    # day's attack, armed tribesmen torched houses"); the act after the cue's clause is the one
    # reported ("in reprisal for the previous day's attack, youths attacked a settlement")
    return cue is not None and not _PHRASE_END.search(article.text, cue.end(), trigger.start) and any(
        t.start < cue.start() or t.start > trigger.end for t in article.in_sentence(article.triggers, trigger.sentence))


#: What names an earlier act as the one avenged: "in reprisal for", "to avenge".
_AVENGED = re.compile(r"\b(?:in\s+(?:apparent\s+|suspected\s+|possible\s+)?(?:retaliation|revenge|reprisal)\s+(?:for|to)|to\s+avenge|avenging"
                      # and a rumour that set it off: "burned shops after rumours that a child had been abducted"
                      r"|(?:after|over|amid|following)\s+(?:false\s+|unfounded\s+)?rumou?rs?\s+(?:that|of))\b", re.I)


#: Where a phrase ends: a comma, semicolon or dash.
_PHRASE_END = re.compile(r"[,;]|\s[-–—]\s")


#: A mob's act, as against its name: "lynched", "lynching".
_MOB_VERB = re.compile(r"lynch", re.I)


def _crowd_as_victims(article: Article, trigger: Trigger) -> bool:
    """A mob's word naming the dead, the hurt or the struck ("bandits attacked the village,
    killing 5 vigilantes", "bandits attacked vigilantes"): the vigilantes were struck, they did
    not act."""
    if trigger.sub_event_type != taxonomy.MOB_VIOLENCE or _MOB_VERB.match(trigger.text):
        return False
    sentence_start = article.sentences[trigger.sentence].start
    struck = _STRUCK_BEFORE.search(article.text, max(sentence_start, trigger.start - 60), trigger.start)
    armed = taxonomy.category_group("armed")
    return (struck is not None and any(a.category in armed and not _is_crowd(a) and a.end <= struck.start()
                                       for a in article.in_sentence(article.actors, trigger.sentence))) or any(
        c.kind in ("killed", "injured") and c.start <= trigger.start and trigger.end <= c.end
        for c in article.in_sentence(article.casualties, trigger.sentence))


#: A violent verb before the crowd an armed side struck: "bandits attacked vigilantes", "ambushed a vigilante group".
_STRUCK_BEFORE = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:attack(?:ed|ing)?|ambush(?:ed|es|ing)?|raid(?:ed|ing)?|kill(?:ed|s|ing)?|shot|shoots?|"
                            r"abduct(?:ed|s|ing)?|kidnapp?(?:ed|s|ing)?)\s+(?:(?!by\b|and\b)[\w'’-]+\s+){0,6}?$", re.I)


def _freed_captives(article: Article, trigger: Trigger) -> bool:
    """Captives named by their abduction as they are freed ("rescued 15 kidnapped victims"):
    the abduction was another, earlier event."""
    return (trigger.sub_event_type == taxonomy.ABDUCTION and trigger.text.lower().endswith("ed")
            and bool(load_lexicon().cues["freed_before"].search(article.text, max(0, trigger.start - 40), trigger.start)))


def _people_seized(article: Article, trigger: Trigger) -> Trigger:
    """A capture whose object is people ("gunmen seized two Chinese engineers", "villagers were
    seized by troops"), as the casualties stage reads them, is their abduction, not ground
    taken; so is one whose object a second verb shares ("seized and beat a chief", "captured and
    executed two soldiers")."""
    if trigger.family != "territory":
        return trigger
    shared = _SHARED_OBJECT_VERB.match(article.text, trigger.end)
    civilians_seized = (trigger.passive and trigger.text.lower().startswith("seiz") and any(
        a.category == taxonomy.CIVILIANS and trigger.clause_start <= a.start and a.end <= trigger.start
        for a in article.in_sentence(article.actors, trigger.sentence)))  # "fishermen ... were seized by"
    if not civilians_seized and not any((c.kind == "abducted" and _PEOPLE_GAP.fullmatch(article.text, trigger.end, c.start))
               # "30 villagers were seized by junta troops" (those "captured" are often prisoners taken in battle)
               or (c.kind == "abducted" and trigger.passive and not trigger.text.lower().startswith("captur")
                   and trigger.clause_start <= c.start < c.end <= trigger.start)
               or (shared is not None and _PEOPLE_GAP.fullmatch(article.text, shared.end(), c.start))
               for c in article.in_sentence(article.casualties, trigger.sentence)):
        return trigger
    return _as_entry_of(trigger, taxonomy.ABDUCTION)


def _people_set_afire(article: Article, trigger: Trigger) -> Trigger:
    """Burning whose object is people ("set him on fire", "set ablaze a suspected pickpocket",
    as the casualties stage reads them): an attack on them, not property destroyed."""
    if trigger.family != "property" or not (_BURNT_PERSON.match(trigger.text) or any(
            c.kind == "killed" and trigger.start <= c.start <= trigger.end + 1
            for c in article.in_sentence(article.casualties, trigger.sentence))):
        return trigger
    return _as_entry_of(trigger, taxonomy.ATTACK)


def _as_entry_of(trigger: Trigger, sub: str) -> Trigger:
    """The trigger typed as the lexicon's first entry of a sub-type."""
    index, entry = _first_entry(sub)
    return replace(trigger, entry=index, family=entry.family, event_type=entry.event_type,
                   sub_event_type=entry.sub_event_type, plover_event=entry.plover_event, plover_mode=entry.plover_mode)


def _fight_in_name_only(article: Article, trigger: Trigger) -> bool:
    """A fight the report doubts ("killed in a so-called 'gunfight' with the RAB", "an alleged
    encounter"): the force's killing is the act, no exchange of fire."""
    return _entry_of(trigger).mutual and _DOUBTED_BEFORE.search(article.text, max(0, trigger.start - 14), trigger.start) is not None


def _protest_banned(article: Article, trigger: Trigger) -> bool:
    """Protests an authority banned ("a ban on all public demonstrations", "banned protests in
    the capital") or stopped before they began ("arrested 40 students before they could hold a
    rally"): the ban or the arrest is the event, not a protest."""
    return trigger.family == "protest" and _BANNED_BEFORE.search(article.text, max(0, trigger.start - 50), trigger.start) is not None


#: Before what was banned: "a ban on all public", "prohibited" (not "a banned demonstration", which was held).
_BANNED_BEFORE = re.compile(r"\b(?:bans?\s+on|(?<!a\s)(?<!an\s)(?<!the\s)(?:bann(?:ed|ing)|prohibit(?:ed|ing|s)?|outlaw(?:ed|ing|s)?|forb(?:ade|idden|ids?))"
                            r"|before\s+they\s+could|prevent(?:ed|ing)\s+(?:them\s+)?from)\s+"
                            r"(?:(?:all|any|further|public|street|political|opposition|the)\s+){0,3}$", re.I)


def _protest_of_its_people(article: Article, trigger: Trigger) -> bool:
    """A protest that tells who someone is ("an organiser of the Karbala sit-in", "an activist
    who had led protests in the city") rather than one that took place."""
    return (trigger.family == "protest" and not trigger.text.lower().endswith(("ed", "ing"))  # a noun, not a crowd's verb
            and _PEOPLE_OF_A_PROTEST.search(article.text, max(0, trigger.start - 60), trigger.start) is not None)


#: Before a protest named as someone's: "coordinators of the", "who had led".
_PEOPLE_OF_A_PROTEST = re.compile(r"\b(?:(?:organi[sz]ers?|coordinators?|leaders?|activists?|veterans?)\s+of\s+(?:the|a|an|its|their)"
                                  r"|who\s+(?:had\s+)?(?:led|organi[sz]ed|co-?ordinated|called)(?:\s+(?:the|a|an))?)\s+(?:[\w'’#-]+\s+){0,3}$", re.I)


def _denied(article: Article, trigger: Trigger) -> bool:
    """"No fighting was reported", "the march went ahead without violence": the act did not happen.
    "No casualties" denies only the harm, which the casualties stage counts as none."""
    cues = load_lexicon().cues
    if _UNSURE_BEFORE.search(article.text, article.sentences[trigger.sentence].start, trigger.start):
        return True  # "it is not clear if police returned fire": not told to have happened
    return bool(cues["denied_act"].search(article.text, trigger.clause_start, trigger.start)
                and not cues["harm_noun"].fullmatch(trigger.text))


_UNSURE_BEFORE = re.compile(r"\b(?:not\s+clear|unclear|not\s+known|unknown|uncertain)\s+(?:if|whether)\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def _ground_receiver(article: Article, trigger: Trigger, actors: list[ActorMention]) -> ActorMention | None:
    """The side ground was handed to: "surrendered their camp to the KNLA"."""
    sentence = article.sentences[trigger.sentence]
    ends = [m.end() + sentence.start for m in _HANDED_TO.finditer(sentence.text)]
    return next((a for a in actors for end in ends if a.start >= end and _OPTIONAL_THE.fullmatch(article.text, end, a.start)), None) or next(
        (a for a in actors if (moved := _MOVED_IN.match(article.text, a.end)) and (moved.end() <= trigger.start or moved.start() >= trigger.end)), None)


#: Ground handed over, up to who it went to: "surrendered their camp to the", "handed the town over
#: to", "handed over its camp in Goundam (Goundam, Tombouctou) to".
_HANDED_TO = re.compile(r"\b(?:hand(?:ed|ing|s)?|surrender(?:ed|ing|s)?)\b(?:[^.;,()]|\([^()]{0,60}\)){0,60}?\bto\s+", re.I)
#: After the side that took ground left to it: "troops pulled out; JNIM militants moved into the
#: village", "troops entered the town after Al Shabaab withdrew".
_MOVED_IN = re.compile(r"\s+(?:\w+ly\s+|later\s+|then\s+)?(?:moved|marched|walked|rolled)\s+in(?:to)?\b|\s+(?:\w+ly\s+|later\s+|then\s+)?(?:took\s+over|entered|occupied)\b", re.I)
_OPTIONAL_THE = re.compile(r"(?:the\s+)?", re.I)


def _no_ground_taken(article: Article, trigger: Trigger) -> bool:
    """"Security forces regained control of the hotel": a siege ended, no ground changed hands;
    nor when vehicles "were seized" or the attackers "withdrew" after their attack."""
    cues, sentence = load_lexicon().cues, article.sentences[trigger.sentence]
    return trigger.family == "territory" and bool(
        cues["not_territory_after"].match(article.text, trigger.end, sentence.end)
        or cues["not_territory_before"].search(article.text, max(sentence.start, trigger.start - 80), trigger.start))


def _main_clause_triggers(article: Article, triggers: list[Trigger]) -> list[Trigger]:
    """Drops triggers that only say what came before ("curfew after clashes") when the
    sentence's main clause holds a trigger of another family; but a main clause told in the
    passive ("students suspended after staging a protest", "classes were suspended after youths
    attacked the school") says what followed the act the report is about."""
    def subordinate(trigger: Trigger) -> bool:
        sentence = article.sentences[trigger.sentence]
        return bool(_AFTER_PHRASE.search(article.text[max(sentence.start, trigger.start - 40):trigger.start]))

    def passive(trigger: Trigger) -> bool:  # "was suspended", and a headline's "suspended after"
        return trigger.passive or (trigger.text.lower().endswith("ed") and bool(_AFTER_NEXT.match(article.text, trigger.end)))

    main = [t for t in triggers if not subordinate(t)]
    main_families = {t.family for t in main}
    material = load_lexicon().material_families
    consequence = not main_families & material and all(passive(t) for t in main)
    return [t for t in triggers if not subordinate(t) or not main_families - {t.family}
            or (t.family in material and consequence)]


def _without_support(article: Article, triggers: list[Trigger]) -> list[Trigger]:
    """Drops strikes told as support of another act ("troops, backed by US airstrikes, battled
    Al Shabaab", "... retook the town"): the act is the ground battle or the ground taken
    (ACLED), its backer an ally."""
    def support(trigger: Trigger) -> bool:
        # the backing itself, not the act told after it ("backed by airstrikes retook", "backed
        # by Wazalendo fighters recaptured")
        if trigger.family != "violence":
            return False  # only arms back an act: "backed by the air force, troops retook the town"
        cue = _SUPPORT_BEFORE.search(article.text, max(trigger.clause_start, trigger.start - 40), trigger.start)
        return cue is not None and not any(cue.start("words") <= o.start and o.end <= trigger.start for o in triggers) and not (
            cue["words"] and _PAST_VERB.match(trigger.text))
    backing = [t for t in triggers if support(t)]
    material = load_lexicon().material_families
    backed = any(t.family in material and t not in backing for t in triggers)
    return [t for t in triggers if t not in backing or not backed]


_PAST_VERB = re.compile(r"[a-z]+ed\b")
#: Before a weapon told as the backing of an act: "backed by US airstrikes", "under the cover of artillery".
_SUPPORT_BEFORE = re.compile(r"\b(?:(?:backed|supported|aided|assisted|covered) by|with (?:the )?(?:support|help|backing|cover) of|"
                             r"under (?:the )?cover of)\s+(?P<words>(?:[\w-]+\s+){0,3})$", re.I)


@stage("events", reads=("text", "sentences", "published", "places", "actors", "dates", "casualties", "attributions",
                        "triggers", "statuses"), sets=("events",))
def find_events(article: Article) -> Article:
    """Sets ``article.events`` (main event first)."""
    names = _names(article)
    statuses = _statuses(article)
    by_sentence: dict[int, list[Trigger]] = {}
    told = [_people_set_afire(article, _people_seized(article, t)) for t in article.triggers
            if not (_inside_a_name(names, t) or _told_as_past_aside(article, t) or _denied(article, t)
                    or _no_ground_taken(article, t) or _crowd_as_victims(article, t) or _freed_captives(article, t)
                    or _fight_in_name_only(article, t) or _protest_of_its_people(article, t) or _protest_banned(article, t)
                    or _names_the_speaker(article, t) or _names_a_gang(article, t)
                    or _attack_told_repelled(article, t) or _arrest_denied(article, t) or _protest_ended(article, t))]
    material = load_lexicon().material_families
    # a death mourned is never the act ("families of people killed last year rallied"), nor a
    # protest those arrested were held over ("arrested 15 activists over a protest held last week")
    never_acts = {id(t) for t in told if _mourned(article, t) or _witnessed(article, t, told) or _arrested_over(article, t, told)
                  or _protested_against(article, t, told)
                  or _deployed_over(article, t, told) or _party_to_deal(article, t, told) or _release_demanded(article, t)}
    acts = [t for t in told if id(t) not in never_acts and not (_imputed(article, t) or _avenged(article, t))]
    # "lynched two men accused of planting an IED": no bombing told beside the lynching; nor a
    # protest imputed to those arrested ("arrested four, accusing them of mobilising for a march")
    unmourned = [t for t in told if id(t) not in never_acts and not (
        t.family == "protest" and t not in acts and any(a.family == "arrest" and a.start < t.start
                                                        for a in article.in_sentence(told, t.sentence)))]
    for trigger in acts if any(t.family in material for t in acts) else unmourned:
        by_sentence.setdefault(trigger.sentence, []).append(trigger)
    for index, triggers in by_sentence.items():
        labels = [t for t in triggers if _is_label(article, t)]
        # a note's label tells the one event its sentence codes; else each family's act is one
        by_sentence[index] = labels[:1] or _without_support(article, _main_clause_triggers(article, triggers))

    events: list[Event] = []
    for index, triggers in sorted(by_sentence.items()):
        actors = article.in_sentence(article.actors, index)
        casualties = article.in_sentence(article.casualties, index)
        for trigger in _pick_per_family(article.text, _act_amid_protest(article, triggers, casualties), actors, casualties):
            # "the bodies were found, having been shot": when the picked word tells no act,
            # another of its kind in the sentence may
            for candidate in [trigger, *(t for t in triggers if t is not trigger and t.entry == trigger.entry)]:
                event = _build_event(article, candidate, _entry_of(candidate), actors, casualties)
                if event is not None:
                    events.append(event)
                    break

    # ACLED's mark of a demonstration's note: its crowd's size
    tagged = _tagged(article)
    if not events:
        events = _bare_report(article, by_sentence) or (_tagged_demonstration(article) if tagged else [])
    retellings = _Retellings(article)
    for event in events:
        retellings.add(event)
    merged = _with_protest_violence(article, _met_with_force(article, retellings.merged))
    _add_following_tolls(article, merged, set(by_sentence))
    for event in merged:
        if event.trigger.family == "protest":  # the dead it protests, told again after it, are not its own
            event.casualties = [c for c in event.casualties if not _grievance_told_again(article, c)]
    _protests_met_with_force(article, merged)
    merged = _harmless_raids(article, merged)
    _captives_killed(merged)
    _captives_disappeared(article, merged)
    _ambushes_of_civilians(merged)
    _attacks_met_by_arms(merged)
    _grenades_with_gunfire(article, merged)
    merged = _disruptions_fought(merged)
    _interventions_fought(article, merged)
    filed = _filed(article)
    coded = _coded_location(article)
    for event in merged:
        event.place = coded or event.place or _context_place(article, event.sentences[0])
        if event.place is not None:
            event.place = division_seat(event.place)
            event.actor1, event.actor2 = (in_country(a, event.place.country_code) for a in (event.actor1, event.actor2))
        source = next((a for a in article.in_sentence(article.actors, event.sentences[0])
                       if _FIRED_FROM.search(article.text, max(0, a.start - 30), a.start)), None) if event.actor1 is None else None
        if source is not None:
            # "shells fired from a junta base struck a ward", "fire from army positions"
            event.actor1, event.actor2 = source, (None if event.actor2 is source else event.actor2)
        attributable = event.trigger.family in ("violence", "disrupted", "property")
        if attributable and _told_unknown(event.actor1):
            # "unidentified gunmen attacked a bus ... Al Shabaab claimed responsibility"
            event.actor1 = _claimant(article, event.sentences[0]) or event.actor1
        captors = _captors(article, event) if attributable and event.actor1 is None else None
        if captors is not None:
            # "the bodies of two men abducted by Al Shabaab were found": their captors killed them
            event.actor1 = captors
            if event.actor2 is not None and event.actor2.name == captors.name:
                event.actor2 = None  # "men abducted by Al Shabaab": not struck themselves
        if attributable and event.actor1 is None:
            # ACLED's actor for violence whose perpetrator the report does not name: an
            # unidentified armed group of the country where it happened; for an air or drone
            # strike, the military of that country, which flies the aircraft there
            foe = _rebels_foe(event)
            if foe is not None:
                # the force that lost men and the rebels the text names, in ACLED's order of the day
                day = _event_day(article, event)
                attacker_first = day is not None and day >= taxonomy.attacker_first_since()
                event.actor1, event.actor2 = (event.actor2, foe) if attacker_first else (foe, event.actor2)
            event.actor1 = (event.actor1 or _device_handlers(article, event) or _claimant(article, event.sentences[0])
                            or _custodian(article, event)
                            or _unnamed_in_place("military" if event.sub_event_type == taxonomy.AIR_DRONE_STRIKE else "armed", event))
            if event.actor2 is not None and event.actor2.name == event.actor1.name:
                event.actor2 = None  # "a blast blamed on Al Shabaab": the group blamed struck no one of its own
        elif (event.trigger.family == "disrupted" and event.actor2 is None
              and event.actor1.category == taxonomy.STATE_FORCES):
            # the group whose device the state's force defused: "the army attributed the device to Lakurawa"
            event.actor2 = _claimant(article, event.sentences[0])
        elif event.actor1 is None and event.trigger.family == "arrest":
            event.actor1 = _unnamed_in_place("police", event)  # "several were arrested": by the police
        if event.sub_event_type == taxonomy.ARRESTS:
            # ACLED's side arrested: the group or party the detainees are told of, else the
            # place's civilians ("the governor was arrested")
            event.actor2 = _detainees_side(article, event) or event.actor2 or _unnamed_in_place("civilians", event)
        if event.sub_event_type == taxonomy.ARRESTS and _disappeared(article, event):
            _retype_event(event, taxonomy.ABDUCTION)
        elif (event.sub_event_type == taxonomy.ABDUCTION and event.actor1 is not None and _branch(event.actor1) == "police"
              and _CAPTURED.match(event.trigger.text)):
            _retype_event(event, taxonomy.ARRESTS)  # "police captured a gang leader": an arrest
        if (event.sub_event_type == taxonomy.MOB_VIOLENCE and (event.actor2 is None or event.actor2.category == taxonomy.CIVILIANS)
                and (side := _riot_post_holder(article, event.trigger))):
            event.actor2 = _unnamed_in_place(side, event)  # "a mob burnt down the police post": the force that held it
        teller = _own_losses_teller(article, event) if event.trigger.family == "violence" else None
        if (teller is not None and (event.actor2 is None or event.actor2.category == taxonomy.CIVILIANS)
                and (event.actor1 is None or teller.name != event.actor1.name)):
            event.actor2 = teller  # "a drone hit a car. The SDF said two of its members were killed": the SDF was struck
        if event.actor2 is None and event.sub_event_type in (taxonomy.PROTEST_WITH_INTERVENTION, taxonomy.EXCESSIVE_FORCE):
            event.actor2 = _unnamed_in_place("police", event)  # the type tells a force stepped in; none is named
        if event.actor2 is None and (event.event_type == taxonomy.VIOLENCE_AGAINST_CIVILIANS
                                     or event.sub_event_type in (taxonomy.MOB_VIOLENCE, taxonomy.LOOTING)
                                     or _struck_people(event) or _civilian_site_bombed(article, event)):
            # ACLED's side acted upon when the report names none: the civilians of the place,
            # whose property is looted or destroyed too
            event.actor2 = _unnamed_in_place("civilians", event)
        if (event.sub_event_type == taxonomy.ARMED_CLASH and event.actor2 is not None
                and event.actor2.name == event.actor1.name and not _is_crowd(event.actor1)):
            # a fight's two sides told by one name, where the report names the other: "ISWAP
            # attacked an army position ... the army said it repelled the assault"
            event.actor2 = _other_side(article, event) or event.actor2
        if event.actor2 is None and event.sub_event_type == taxonomy.ARMED_CLASH:
            # who fell fought: "attacked a military base ... 6 soldiers were killed" (the state's
            # force), "police killed 2 armed robbers in an exchange of fire" (an armed group)
            if event.actor1 is None or event.actor1.category != taxonomy.STATE_FORCES:
                side = _fallen_force(event.casualties)
            else:
                side = "armed" if _victim_groups(event.casualties) & load_lexicon().armed_groups else None
            # else the other armed side its sentences name: "Two National Guard members and four
            # attackers were killed when CJNG gunmen ambushed a patrol"
            event.actor2 = _unnamed_in_place(side, event) if side else (event.actor1 and _other_side(article, event))
        _state_first_when_attacked(article, event, _event_day(article, event))
        if event.actor2 is None and event.sub_event_type == taxonomy.ARMED_CLASH and (side := _post_holder(article, event.trigger)):
            # "attacked a police station": the force that held it, second, as the attack was told
            event.actor2 = _unnamed_in_place(side, event)
        event.date = event.date or _context_date(article, statuses, event.sentences[0], event.status)
        if event.date is None and event.status in ("new", "ongoing") and filed:
            # Reported with no date of its own, or going on as the report is filed: on or before
            # the dateline's day ("KABUL, March 6 (AP) -"), else publication, as ACLED codes it.
            event.date = DateMention("", 0, 0, date=filed, precision=2, relation="reported")
    harm_told = any(e.trigger.family == "violence" and any(c.kind in ("killed", "injured") for c in e.casualties)
                    for e in merged)
    violence_told = {e.sentences[0] for e in merged if e.trigger.family == "violence"}
    merged.sort(key=lambda e: _main_first(e, harm_told, violence_told))
    _deadly_act_first(merged)
    if any(e.trigger.family == "arrest" for e in merged):
        # "police arrested 16 suspects in connection with the attack": the arrest first, then the
        # attack, unless the report goes on to tell the attack ("... One person was killed.")
        merged.sort(key=lambda e: _arrested_for(article, e.trigger) and e.sentences == [e.trigger.sentence])
    if merged and tagged:
        _as_demonstration(article, merged)
    article.events = merged + [copy for event in merged for copy in _at_other_places(article, event)]
    return article


def _at_other_places(article: Article, event: Event) -> list[Event]:
    """ACLED codes an event at each place: a toll told place by place ("two deaths, one in
    Embu and the other in Meru") gives each place its share, the event keeping its own; the
    other places of a list the event's place is in ("protests in Nakuru, Nyeri and Eldoret")
    are events with no toll, the toll told once staying with the first."""
    shares = _shares_by_place(article, event)
    if not shares:
        return [replace(event, place=division_seat(place), casualties=[]) for place in _listed_with(article, event.place)]
    own = next((share for share in shares if event.place and share[0].start == event.place.start), shares[0])
    others = [c for c in event.casualties if c.kind != "killed"]
    event.place, event.casualties = division_seat(own[0]), [*others, own[1]]
    return [replace(event, place=division_seat(place), casualties=[toll]) for place, toll in shares if toll is not own[1]]


def _shares_by_place(article: Article, event: Event) -> list[tuple[PlaceMention, CasualtyMention]]:
    """The places of a toll told place by place in the event's sentences, each with its share,
    when the shares add up to the toll read (or the first share is all that was read)."""
    killed = sum(c.minimum or 0 for c in top_level([c for c in event.casualties if c.kind == "killed"]))
    if not killed:
        return []  # most events: no toll to share out, so no sentence is searched
    for index in event.sentences:
        sentence = article.sentences[index]
        shares = tolls_by_place(article.text, sentence.start, sentence.end)
        if len(shares) < 2 or killed not in (sum(n for n, _ in shares), shares[0][0]):
            continue
        places = {p.start: p for p in article.in_sentence(article.places, index) if _locates(p) and not p.is_country}
        if all(start in places for _, start in shares):
            return [(places[start], CasualtyMention(places[start].text, start, places[start].end, minimum=count, maximum=count))
                    for count, start in shares]
    return []


def _listed_with(article: Article, place: PlaceMention | None) -> list[PlaceMention]:
    """The other places of a list the event's place is in; a road's ends ("between Embu and
    Meru"), where people came from and the province named after a town are no list."""
    sentence = article.sentence_at(place.start) if place is not None and not place.is_country else None
    if sentence is None:
        return []
    text = article.text
    places = [p for p in article.in_sentence(article.places, sentence.index) if _locates(p) and not p.is_country]
    containers = _containers(text, places)
    places = [p for p in places if id(p) not in containers]
    at = next((i for i, p in enumerate(places) if p.start == place.start), None)
    if at is None:
        return []
    first = last = at
    while first > 0 and _LIST_GAP.fullmatch(text, places[first - 1].end, places[first].start):
        first -= 1
    while last + 1 < len(places) and _LIST_GAP.fullmatch(text, places[last].end, places[last + 1].start):
        last += 1
    members = places[first:last + 1]
    if (not any(_LIST_AND.search(text, a.end, b.start) for a, b in zip(members, members[1:]))
            or _LIST_OPENING.search(text, max(0, members[0].start - 12), members[0].start)):
        return []
    named = {place.name}
    others = []
    for member in members:
        if member.name not in named:
            named.add(member.name)
            others.append(member)
    return others


#: Between two places of a list: ", ", " and ", ", and ", " town and ".
_LIST_GAP = re.compile(r"(?:\s+(?:town|city|village|county|district)s?)?(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)", re.I)
_LIST_AND = re.compile(r"\s(?:and|&)\s")
_LIST_OPENING = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)


def _bare_report(article: Article, by_sentence: dict[int, list[Trigger]]) -> list[Event]:
    """A report that tells nothing but a violent act named without a determiner ("Cattle
    rustling attacks.", "Raids continue, killings unconfirmed") reports that act."""
    for index, triggers in sorted(by_sentence.items()):
        for trigger in triggers:
            entry = _entry_of(trigger)
            if entry.family == "violence" and entry.generic:
                event = _build_event(article, trigger, entry, article.in_sentence(article.actors, index),
                                     article.in_sentence(article.casualties, index), only_report=True)
                if event is not None:
                    return [event]
    return []


def _tagged(article: Article) -> bool:
    """Whether the note carries ACLED's mark of a demonstration, its crowd's size."""
    return load_lexicon().cues["crowd_size_tag"].search(article.text) is not None


def _tagged_demonstration(article: Article) -> list[Event]:
    """A note ACLED tags with its crowd's size codes a demonstration even when no word of it is
    one the lexicon knows ("drivers parked their bikes along the main road and chanted"): a
    peaceful protest, told by the note's first sentence."""
    if not article.sentences:
        return []
    index, entry = _first_entry(taxonomy.PEACEFUL_PROTEST)
    opening = article.sentences[0].start
    trigger = Trigger("", opening, opening, sentence=0, event_type=entry.event_type, sub_event_type=entry.sub_event_type,
                      plover_event=entry.plover_event, plover_mode=entry.plover_mode, entry=index, family=entry.family,
                      clause_start=opening)
    event = _build_event(article, trigger, entry, article.in_sentence(article.actors, 0), article.in_sentence(article.casualties, 0))
    return [event] if event is not None else []


def _main_first(event: Event, harm_told: bool, violence_told: set[int]) -> tuple[int, int, bool, int]:
    """New events first, acts before statements; among what has not happened yet, the threat
    that was made before the act it threatens; an arrest after violence that killed or hurt
    (ACLED codes the violence: "police arrested and beat a man to death"), an arrest or
    destruction after the violence of its sentence ("beat him while arresting him", "destroyed
    two trucks with an IED")."""
    family = event.trigger.family
    threat = event.status == "future" and family == "threaten"
    return (_STATUS_RANK.get(event.status, 9), 0 if threat else 1 + (family not in load_lexicon().material_families),
            (family == "arrest" and harm_told) or (family in ("arrest", "property") and event.sentences[0] in violence_told),
            event.sentences[0])


def _met_with_force(article: Article, events: list[Event]) -> list[Event]:
    """An attack and the fight it met, told in the next sentence, are one armed clash, as ACLED
    codes them: "Gunmen attacked a village. Soldiers pushed them back." The fight's sides join
    the attack's: its attacker stays actor1, the side that fought back becomes actor2. The
    state's response that killed attackers, told next, is part of their attack too, and arrests
    told with a protest are its intervention, one event as ACLED codes it."""
    kept: list[Event] = []
    for event in events:
        attack = kept[-1] if kept else None
        told_next = (attack is not None and event.status == attack.status
                     and 0 <= event.sentences[0] - attack.sentences[-1] <= 1)
        if told_next and attack.sub_event_type == taxonomy.ATTACK and _entry_of(event.trigger).mutual:
            _retype_event(attack, taxonomy.ARMED_CLASH)
            _absorb(attack, event)
            defender = next((a for a in (event.actor1, event.actor2) if a is not None
                             and (attack.actor1 is None or a.name != attack.actor1.name)), None)
            attack.actor2 = defender or attack.actor2
            continue
        if (told_next and attack.sub_event_type in (taxonomy.ATTACK, taxonomy.ARMED_CLASH)
                and event.trigger.family == "violence" and not _killed(attack) and _killed(event)
                and attack.actor1 is not None and attack.actor1.category != taxonomy.STATE_FORCES
                and event.actor1 is not None and event.actor1.category == taxonomy.STATE_FORCES):
            _absorb(attack, event)  # "Police intervened, shooting dead two of them": the attack's dead
            continue
        if attack is not None and _arrests_at_protest(article, attack, event):
            _absorb(attack, event)  # "Police dispersed them and arrested 15": the protest's intervention
            continue
        if attack is not None and _arrests_at_protest(article, event, attack):
            _absorb(event, attack)  # ranked first, the arrests told after the dispersal are still its intervention
            kept[-1] = event
            continue
        kept.append(event)
    return kept


def _arrests_at_protest(article: Article, protest: Event, arrest: Event) -> bool:
    """Arrests by the state told with a protest, in its sentence or the next: not "arrested 39
    over last week's riots"."""
    return (protest.trigger.family == "protest" and arrest.trigger.family == "arrest" and protest.status == arrest.status
            and 0 <= arrest.sentences[0] - protest.sentences[-1] <= 1 and not _killed(arrest)
            and (arrest.actor1 is None or arrest.actor1.category == taxonomy.STATE_FORCES)
            and not _arrested_for(article, protest.trigger))


def _event_day(article: Article, event: Event) -> date | None:
    """The event's own day, else the report's: the day ACLED's order of a battle's sides goes by."""
    return event.date.date if event.date is not None and event.date.date else article.published


def _state_first_when_attacked(article: Article, event: Event, day: date | None) -> None:
    """Armed men who attack a state's forces fight a battle whose sides ACLED's coders listed the
    state first until they came to list the attacker first (:func:`taxonomy.attacker_first_since`);
    a clash both sides fought keeps the order the text tells."""
    if day is not None and day >= taxonomy.attacker_first_since():
        return
    if (event.sub_event_type == taxonomy.ARMED_CLASH
            and (not _entry_of(event.trigger).mutual or _REPELLED.match(article.text, event.trigger.start))
            and event.actor2 is not None and event.actor2.category == taxonomy.STATE_FORCES
            and (event.actor1 is None or event.actor1.category != taxonomy.STATE_FORCES)):
        event.actor1, event.actor2 = event.actor2, event.actor1
        event.assoc_actor_1, event.assoc_actor_2 = event.assoc_actor_2, event.assoc_actor_1


def _deadly_act_first(events: list[Event]) -> None:
    """In a report's lead, the violent act whose dead it tells takes the place of the first
    violent act when that one killed no one ("Gunmen raided two villages. In a second raid
    they killed eleven."): the lead's toll is its main event's."""
    violent = [i for i, e in enumerate(events) if e.trigger.family == "violence" and e.sentences[0] < LEAD_SENTENCES]
    if not violent or _killed(events[violent[0]]):
        return
    first = events[violent[0]]
    deadly = next((i for i in violent[1:] if events[i].status == first.status and _killed_as_reported(events[i])), None)
    if deadly is not None:
        events[violent[0]], events[deadly] = events[deadly], first


#: After a force, its use of force: "soldiers fired live rounds", "police opened fire".
_FORCE_USED = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:fired|opened\s+fire|shot|beat|attacked|charged|assaulted|killed|used)\b", re.I)


def _as_demonstration(article: Article, events: list[Event]) -> None:
    """A note ACLED tags with its crowd's size codes a demonstration: one the coder found becomes
    the main event, unless the state's violence against the crowd comes first; else the main event
    is the crowd's, the state's arrests or force its intervention (excessive when it killed, fired
    live rounds or hurt), other violence or destruction a mob's, and any
    other act (a sit-in read as an occupation, a statement) a peaceful protest."""
    demonstrations = (taxonomy.PROTESTS, taxonomy.RIOTS)
    found = next((e for e in events if e.event_type in demonstrations), None)
    main = events[0]
    state = main.actor1 if main.actor1 is not None and main.actor1.category == taxonomy.STATE_FORCES else None
    if found is not None and (found is main or main.trigger.family != "violence" or state is None):
        events.remove(found)
        events.insert(0, found)
        return
    if found is not None:  # "police opened fire on residents ... The crowd was chanting slogans"
        events.remove(found)
        _absorb(main, found)
    crowds = taxonomy.category_group("crowd")
    if main.actor1 is None or (main.actor1.generic and main.actor1.category in taxonomy.category_group("non_state_armed")):
        # an act that names no one: the force its sentence tells firing ("a man was killed when
        # soldiers fired at a gathering")
        state = next((a for a in article.in_sentence(article.actors, main.sentences[0])
                      if a.category == taxonomy.STATE_FORCES and _FORCE_USED.match(article.text, a.end)), None)
    if main.trigger.family == "arrest" and _rioted(load_lexicon().cues["road_blocked"].sub(" ", _protest_story_text(article, main.sentences[0]))):
        # "broke windows and scuffled with police; four were detained" (a road blocked until
        # the police cleared it is no riot)
        sub, crowd, other = taxonomy.VIOLENT_DEMONSTRATION, "rioters", state
    elif main.trigger.family == "arrest" or (main.trigger.family == "violence" and state is not None):
        main.casualties = _protest_casualties(article, main.casualties)  # not the deaths it protests against
        excessive = _killed(main) or (main.trigger.family == "violence" and _force_against_protesters(
            article, _protest_story_text(article, main.sentences[0]), main.casualties))
        sub, crowd, other = taxonomy.EXCESSIVE_FORCE if excessive else taxonomy.PROTEST_WITH_INTERVENTION, "protesters", state
    elif main.trigger.family in ("violence", "property"):
        victim = main.actor2 if main.actor2 is not None and main.actor2.category not in crowds else None
        sub, crowd, other = taxonomy.MOB_VIOLENCE, "rioters", victim
    else:
        # how the note tells the crowd was met: "police used water cannon to stop a procession"
        force = next((a for a in article.actors if a.category == taxonomy.STATE_FORCES), None)
        if force is not None and _force_against_protesters(article, article.text, main.casualties):
            sub, crowd, other = taxonomy.EXCESSIVE_FORCE, "protesters", force
        elif force is not None and _met_intervention(article.text):
            sub, crowd, other = taxonomy.PROTEST_WITH_INTERVENTION, "protesters", force
        else:
            sub, crowd, other = taxonomy.PEACEFUL_PROTEST, "protesters", None
    _retype_event(main, sub)
    main.actor1, main.actor2 = _unnamed_in_place(crowd, main), other
    if sub == taxonomy.EXCESSIVE_FORCE and other is not None:
        main.actor1, main.actor2 = other, main.actor1  # the force comes first, as in _protest_sides
    main.assoc_actor_1 = main.assoc_actor_2 = None


def _killed_as_reported(event: Event) -> bool:
    """Violence whose dead the report tells as fact, not as a side's claim or a denial."""
    return event.trigger.family == "violence" and event.certainty in ("reported", "confirmed") and _killed(event)


def _killed(event: Event) -> bool:
    return any(c.kind == "killed" and c.minimum for c in event.casualties)


def _absorb(event: Event, part: Event) -> None:
    """Makes ``part`` a part of ``event``: its sentences and the casualties it told."""
    event.sentences = sorted({*event.sentences, *part.sentences})
    held = {id(c) for c in event.casualties}
    event.casualties += [c for c in part.casualties if id(c) not in held]


def _with_protest_violence(article: Article, events: list[Event]) -> list[Event]:
    """A demonstration and the violence its story tells are one event, as ACLED codes them:
    "Traders rioted over market fees. Police opened fire, killing one." gives the riot its dead, not a
    separate attack. Violence by a named armed group other than the state stays its own event."""
    telling: dict[int, list[Event]] = {}  # sentence -> the demonstrations whose story holds it
    for protest in (e for e in events if e.event_type in (taxonomy.PROTESTS, taxonomy.RIOTS)):
        for index in _protest_story(article, protest.sentences[0]):
            if index >= protest.sentences[0]:
                telling.setdefault(index, []).append(protest)
    kept: list[Event] = []
    placed: set[int] = set()  # the demonstrations kept already, where the act they absorbed stood
    for event in events:
        if id(event) in placed:
            continue
        first = event.sentences[0]
        protest = next((p for p in telling.get(first, ()) if p is not event and p.status == event.status), None)
        if protest is None or not (event.trigger.family == "violence" and _told_in_demonstration(event, protest)) or \
                _is_grievance(article.text[article.sentences[first].start:event.trigger.start]):
            kept.append(event)
            placed.add(id(event))
            continue
        _absorb(protest, event)
        if id(protest) not in placed:
            kept.append(protest)  # told after the act it absorbed, it takes the act's place
            placed.add(id(protest))
    return kept


#: Its victims let go unhurt: "the herders were released unhurt", "left without harming anyone".
_UNHARMED = re.compile(r"\b(?:unhurt|unharmed|unscathed|without\s+(?:harming|hurting|injuring)\s+(?:anyone|anybody|them))\b", re.I)

#: A raid told by what it stole: "stole 40 goats", "rustled cattle".
_THEFT = re.compile(r"(?:st(?:ole|eal)|rustl)", re.I)


def _harmless_raids(article: Article, events: list[Event]) -> list[Event]:
    """A raid on people's property that the report says hurt no one ("troops set fire to 80
    houses during a raid. No one was hurt") destroyed property: ACLED's looting or destruction,
    not an attack, and one event with the looting its sentence tells."""
    absorbed: set[int] = set()
    for event in events:
        raid = ((event.sub_event_type == taxonomy.ATTACK and _entry_of(event.trigger).generic)
                # "stormed the office": no one fought (not "clashes took place, buildings burnt")
                or (event.sub_event_type == taxonomy.ARMED_CLASH and event.actor2 is None and not _entry_of(event.trigger).mutual))
        if not raid or id(event) in absorbed:
            continue
        lootings = [e for e in events if e is not event and e.trigger.family == "property"
                    and e.sentences[0] == event.sentences[0] and e.status == event.status]
        # the hurt told beside the raid or its looting ("looting foodstuffs ... no one was hurt")
        harm = [c for e in (event, *lootings) for c in e.casualties if c.kind in ("killed", "injured")]
        unharmed = not any(c.minimum or c.maximum for c in harm) and (
            harm or _UNHARMED.search(_with_next(article, event.sentences[-1])))
        if (unharmed
                and (_THEFT.match(event.trigger.text)  # "rustled 500 head of cattle. No one was hurt."
                     or any(t.family == "property" for t in article.in_sentence(article.triggers, event.sentences[0])))):
            _retype_event(event, taxonomy.LOOTING)
            for looting in lootings:
                _absorb(event, looting)
                absorbed.add(id(looting))
    return [e for e in events if id(e) not in absorbed]


def _protests_met_with_force(article: Article, events: list[Event]) -> None:
    """A peaceful protest whose story goes on to tell its dead, once the sentences after it have
    joined it, met excessive force: "police fired tear gas at the marchers. Two young men were
    killed" (its hurt, whom news tells of at every dispersal, make no more than an intervention)."""
    for event in events:
        if (event.trigger.family == "protest" and len(event.sentences) > 1
                and event.sub_event_type in (taxonomy.PEACEFUL_PROTEST, taxonomy.PROTEST_WITH_INTERVENTION)
                and any(c.kind == "killed" and c.minimum for c in _protest_casualties(article, event.casualties))):
            _retype_event(event, taxonomy.EXCESSIVE_FORCE)
            force = event.actor2
            if force is None or force.category != taxonomy.STATE_FORCES:
                # the force that met the crowd, not its dead
                force = next((a for a in _story_actors(article, event.sentences[0]) if _force_on_the_ground(a)),
                             None) or _unnamed_in_place("police", event)
            event.actor1, event.actor2 = _crowd_control(force), event.actor1 or _unnamed_in_place("protesters", event)  # as _protest_sides


def _told_in_demonstration(event: Event, protest: Event) -> bool:
    """Violence a demonstration's own story tells: by the state or by the crowd, named as acting,
    or, in a demonstration rather than a mob's attack, by nobody named beside them ("two were
    shot dead in clashes with police"); never a bombing, which no crowd or police handling a
    crowd sets off."""
    if event.event_type == taxonomy.EXPLOSIONS:
        return False
    actor = event.actor1 or event.actor2
    if actor is None:  # a fight between crowds is a riot of the crowds, not a mob's attack
        crowds = protest.actor2 is not None and protest.actor2.category == taxonomy.RIOTERS
        return (protest.sub_event_type != taxonomy.MOB_VIOLENCE or crowds) and event.sentences[0] - protest.sentences[0] <= 1
    return actor.category == taxonomy.STATE_FORCES or _is_crowd(actor)


def _add_following_tolls(article: Article, events: list[Event], told: set[int]) -> None:
    """Gives each event the casualties of the sentences right after it that tell no act."""
    for event in events:
        last = max(event.sentences)
        for index in range(last + 1, min(last + 1 + TOLL_SENTENCES, len(article.sentences))):
            if index in told:
                break
            told.add(index)  # one event's toll only
            counted = {c.kind for c in event.casualties if c.minimum or c.maximum}
            # "A man was lynched. 1 fatality.": a kind already counted is told again, not added,
            # unless told as more ("An eighth victim succumbed in hospital")
            # (but a figure that corrects them is taken: "Fatalities coded as 10")
            event.casualties.extend(c for c in article.in_sentence(article.casualties, index)
                                    if c.kind not in counted or c.revised or tells_added_victims_at(article.text, c.start))


def _captives_killed(events: list[Event]) -> None:
    """An arrest or an abduction whose captives are then killed is an attack on them, as ACLED
    codes it ("two men were detained by police; their bodies were found days later"); PLOVER
    still names an abduction one."""
    for event in events:
        if (event.sub_event_type in (taxonomy.ARRESTS, taxonomy.ABDUCTION)
                and any(c.kind == "killed" and c.minimum and c.start > event.trigger.end for c in event.casualties)):
            event_type, sub, plover_event, plover_mode = _retype(taxonomy.ATTACK)
            if event.sub_event_type == taxonomy.ARRESTS:
                event.plover_event, event.plover_mode = plover_event, plover_mode
            event.event_type, event.sub_event_type = event_type, sub


def _captives_disappeared(article: Article, events: list[Event]) -> None:
    """An arrest whose captives were taken where no one knows, or not seen since, is their
    forced disappearance (ACLED): "soldiers detained two civilians at a checkpoint and took them
    to an unknown location"."""
    for event in events:
        if event.sub_event_type == taxonomy.ARRESTS and any(
                _DISAPPEARED.search(article.sentences[i].text) for i in range(event.sentences[0], min(event.sentences[0] + 2, len(article.sentences)))):
            _retype_event(event, taxonomy.ABDUCTION)


#: That captives vanished: "to an unknown location", "his whereabouts remain unknown", "not been seen since".
_DISAPPEARED = re.compile(r"\b(?:(?:unknown|undisclosed|secret)\s+(?:location|destination|place)|whereabouts\s+(?:remain|remained|are|were|is|was)\s+"
                          r"(?:still\s+)?unknown|(?:not|never)\s+been\s+seen\s+(?:since|again)|enforced\s+disappearance|forcibly\s+disappeared"
                          r"|no\s+(?:news|information|word)\s+(?:of|about|from)\s+(?:him|her|them))", re.I)


def _detainees_side(article: Article, event: Event) -> ActorMention | None:
    """The non-state armed group its people are tied to, or else the party named, in an arrest's
    sentence: "14 people suspected of collecting taxes for Al Shabaab were arrested", "arrested
    nine members of the National Alliance for Change (ANC)"."""
    index, text, cues = event.trigger.sentence, article.text, load_lexicon().cues
    group = next((a for a in article.in_sentence(article.actors, index)
                  if a.category in taxonomy.category_group("non_state_armed") and not a.generic
                  and (cues["member_before"].search(text, max(0, a.start - 40), a.start) or cues["member_after"].match(text, a.end))),
                 None)
    if group is not None:
        return group
    sentence = article.sentences[index]
    named = cues["organisation"].search(text, sentence.start, sentence.end)
    if named is None:
        # people held over a protest they took part in: "arrested 12 people who had taken part
        # in road blockades", "arrested 15 student activists over a protest held last week"
        if _PROTEST_ACTIVITY.search(text, event.trigger.end, sentence.end):
            return unnamed_actor("protesters", event.place.country_code if event.place else None, event.trigger.start)
        return None
    name = f"{named['initials']}: {named['name']}" if named["initials"] else named["name"]
    return ActorMention(named.group(), named.start(), named.end(), name=name, category=taxonomy.POLITICAL_MILITIA)


#: A protest the detainees took part in or were held over, not one that only came before ("arrested
#: party workers after the violent protests").
#: Or one they were held at or before: "before they could hold a rally", "who had gathered to mark".
_PROTEST_ACTIVITY = re.compile(r"\b(?:(?:(?:took|taken|taking)\s+part\s+in|participat\w*\s+in|over|for\s+(?:staging|organi[sz]ing|leading|joining)"
                               r"|before\s+they\s+could\s+(?:hold|stage|start|begin|join)|(?:who\s+were|while|as\s+they\s+were)\s+(?:staging|holding))"
                               r"\s+(?:[\w'’-]+\s+){0,3}?(?:protests?|demonstrations?|blockades?|marches|rall(?:y|ies)|sit-ins?)\b"
                               r"|(?:as\s+they|who\s+had|who)\s+gathered\b)", re.I)


#: The words of a capture that the police make an arrest.
_CAPTURED = re.compile(r"captur|seiz|nabb|apprehend", re.I)


def _other_side(article: Article, event: Event) -> ActorMention | None:
    """The first armed side the event's sentences name that is not its actor1 (officials fight no one)."""
    return next((a for index in event.sentences for a in article.in_sentence(article.actors, index)
                 if a.name != event.actor1.name and not _is_crowd(a) and _branch(a) != "government"), None)


def _rebels_foe(event: Event) -> ActorMention | None:
    """The state's force that fought the rebels a fight names alone, when only its dead name it
    ("fighting entered its second day as Taliban militants held several neighbourhoods ... 14
    soldiers had been killed")."""
    if (event.sub_event_type != taxonomy.ARMED_CLASH or event.actor2 is None or event.actor2.generic
            or event.actor2.category not in taxonomy.category_group("non_state_armed")):
        return None  # (a group named, not "the gunman" of a shoot-out)
    side = _fallen_force(event.casualties)
    return _unnamed_in_place(side, event) if side else None


def _fallen_force(casualties: list[CasualtyMention]) -> str | None:
    """The state's force that the dead or wounded name ("five police"), if any."""
    lexicon = load_lexicon()
    return next((lexicon.fallen_forces[g] for g in sorted(_victim_groups(casualties)) if g in lexicon.fallen_forces), None)


def _armed_post(article: Article, trigger: Trigger) -> re.Match | None:
    """The post of armed men named just after the act ("attacked a police station")."""
    return load_lexicon().cues["armed_posts"].search(article.text, trigger.end, trigger.end + ARMED_POST_REACH)


def _riot_post_holder(article: Article, trigger: Trigger) -> str | None:
    """The force whose post a crowd's riot struck, named after its act or after the act of its
    sentence before it ("a crowd stormed a police station, pelting it with stones")."""
    acts = [t for t in article.in_sentence(article.triggers, trigger.sentence) if t.end <= trigger.start] + [trigger]
    return next((side for t in acts if t.family in ("violence", "protest", "property") and (side := _post_holder(article, t))), None)


def _post_holder(article: Article, trigger: Trigger) -> str | None:
    """The state's force whose post the act was aimed at ("attacked a police station", "stormed
    a checkpost"): the police's when the post is named theirs, else the military's."""
    post = _armed_post(article, trigger)
    if post is None:
        return None
    return "police" if "police" in post.group().lower() else "military"


def _own_losses_teller(article: Article, event: Event) -> ActorMention | None:
    """The armed side that tells of its own dead among the event's ("the SDF said two of its
    members were killed", "the ministry said 13 of its personnel died")."""
    text = article.text
    for casualty in event.casualties:
        if casualty.kind == "killed" and _OWN_LOSSES.search(casualty.text):
            sentence = article.sentence_at(casualty.start)
            return next((a for a in reversed(article.in_sentence(article.actors, sentence.index))
                         if a.end <= casualty.start and _SAYS_OWN.fullmatch(text, a.end, casualty.start)
                         and a.category in taxonomy.category_group("armed")), None)
    return None


#: A toll of a side's own people, and what stands between the side and it.
_OWN_LOSSES = re.compile(r"\bof\s+(?:its|their)\s+(?:own\s+)?(?:members|fighters|men|soldiers|personnel|troops|officers|militants)\b", re.I)
_SAYS_OWN = re.compile(r"\s+(?:\w+ly\s+)?(?:said|says|reported|announced|confirmed|acknowledged|admitted)\s+(?:that\s+)?", re.I)


def _struck_people(event: Event) -> bool:
    """A strike, shelling or blast whose dead or wounded are told only as people, by number or
    by community, none as fighters ("an airstrike on a house killed 11 Palestinians"): ACLED's
    side struck is the civilians."""
    harmed = [c for c in event.casualties if c.kind in ("killed", "injured") and (c.minimum or c.maximum)]
    groups = {c.group for c in harmed}
    return (event.event_type == taxonomy.EXPLOSIONS and bool(harmed)
            and groups - {None} <= load_lexicon().civilian_groups)


def _civilian_site_bombed(article: Article, event: Event) -> bool:
    """A grenade thrown at a home, a shop or a place of worship, hurting no one ("lobbed a grenade
    at the house of a tribal elder"): ACLED's side struck is the civilians."""
    return (event.sub_event_type == taxonomy.GRENADE
            and _CIVILIAN_SITE.search(article.text, event.trigger.end, article.sentences[event.trigger.sentence].end) is not None)


#: Where civilians live, work or pray.
_CIVILIAN_SITE = re.compile(r"\b(?:houses?|homes?|residences?|compounds?|shops?|stores?|bars?|restaurants?|hotels?|churche?s?|mosques?|"
                            r"schools?|businesses|markets?)\b", re.I)


def _ambushes_of_civilians(events: list[Event]) -> None:
    """An ambush or a raid whose victims, told in the sentences after it, are all civilians is an
    attack on them ("gunmen ambushed a bus. They killed two passengers."), as its own sentence's
    victims would have made it."""
    lexicon = load_lexicon()
    for event in events:
        entry = _entry_of(event.trigger)
        if event.sub_event_type != taxonomy.ARMED_CLASH or entry.mutual or entry.generic:
            continue
        groups = _victim_groups([c for c in event.casualties if c.kind in ("killed", "injured")])
        if (event.actor2 is not None and _is_victim(event.actor2)) or (
                event.actor2 is None and groups and groups <= lexicon.civilian_groups):
            _retype_event(event, taxonomy.ATTACK)


def _attacks_met_by_arms(events: list[Event]) -> None:
    """An attack whose dead or wounded, told in the sentences after it, are all armed men, or
    count the attackers' own, was fought back: "bandits raided the village; two of the raiders
    were killed" is an armed clash, as its own sentence's victims would have made it; "nine
    people were injured; two officers are among the wounded" stays an attack."""
    lexicon = load_lexicon()
    for event in events:
        if event.sub_event_type != taxonomy.ATTACK or not _entry_of(event.trigger).generic:
            continue
        groups = {c.group for c in event.casualties if c.kind in ("killed", "injured") and (c.minimum or c.maximum)}
        if groups & lexicon.attacker_groups or (groups and groups <= lexicon.armed_groups):
            _retype_event(event, taxonomy.ARMED_CLASH)


def _interventions_fought(article: Article, events: list[Event]) -> None:
    """A state's force that stepped in on an armed side's attack and killed fought that side:
    "Raiders torched houses. Police intervened, shooting dead three" killed raiders, not
    civilians, unless the text names whom it struck."""
    non_state = taxonomy.category_group("non_state_armed")
    for event in events:
        doer, index = event.actor1, event.sentences[0]
        if (event.sub_event_type != taxonomy.ATTACK or doer is None or doer.category != taxonomy.STATE_FORCES
                or (event.actor2 is not None and event.actor2.text)
                or not _RESPONSE_AFTER.match(article.text, doer.end, event.trigger.start)):
            continue
        told_before = [a for i in (index - 1, index) if i >= 0 for a in article.in_sentence(article.actors, i)
                       if a.category in non_state and a.end <= event.trigger.start and a.name != doer.name]
        if told_before:
            event.actor2 = told_before[-1]
            _retype_event(event, taxonomy.ARMED_CLASH)


#: Right after a force, that it stepped in on an attack: "police intervened, shooting dead".
_RESPONSE_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:intervened|intervene|intervenes|responded|respond|responds|reacted|react|"
                             r"retaliated|repulsed|repelled|fought\s+back)\b", re.I)


def _disruptions_fought(events: list[Event]) -> list[Event]:
    """A state's force that foiled an attack by killing its men fought them: "police thwarted an
    attack and killed a wanted fighter" is one battle, the killing told in it a part of it;
    bombers killed by their own device stay a disruption."""
    parts: set[int] = set()
    for event in events:
        if (event.sub_event_type != taxonomy.DISRUPTED_WEAPONS_USE or event.actor1 is None
                or event.actor1.category != taxonomy.STATE_FORCES or not _killed(event)):
            continue
        _retype_event(event, taxonomy.ARMED_CLASH)
        for other in events:
            if (other is not event and other.sub_event_type == taxonomy.ARMED_CLASH and other.sentences == event.sentences
                    and other.actor1 is not None and other.actor1.name == event.actor1.name):
                _absorb(event, other)
                event.actor2 = event.actor2 or other.actor2
                parts.add(id(other))
    return [e for e in events if id(e) not in parts]


#: Rockets used beside guns in one assault: "with anti-tank missiles and machine guns".
_ROCKETS_WITH_GUNS = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,3}?(?:rockets?|missiles?|RPGs?|rocket-propelled\s+grenades?|mortars?)"
                                r"\s+and\s+(?:[\w-]+\s+){0,2}?(?:small\s+arms|machine\s?guns?|rifles|guns|gunfire|automatic\s+weapons)\b", re.I)


def _grenades_with_gunfire(article: Article, events: list[Event]) -> None:
    """Grenades or rockets fired at an armed side by men who also fired guns on it fought a
    battle: "hurled grenades at a checkpoint and fired their weapons", "attacked the posts with
    rockets and small arms"; at civilians, they stay a grenade attack or shelling."""
    cue = load_lexicon().cues["small_arms_fire"]
    for event in events:
        if not ((event.sub_event_type == taxonomy.GRENADE and _told(cue, _with_next(article, event.sentences[0])))
                or (event.sub_event_type == taxonomy.SHELLING
                    and _ROCKETS_WITH_GUNS.search(article.sentences[event.sentences[0]].text))):
            continue
        if event.actor2 is None:  # "attacks police officers with grenades, AK-47s", "at a police checkpoint"
            event.actor2 = next((a for a in article.in_sentence(article.actors, event.sentences[0])
                                 if a.category == taxonomy.STATE_FORCES and a is not event.actor1), None)
        if event.actor2 is None:  # the post named after the act's verb or weapon: "attacked an army post ... with rockets"
            side = next(filter(None, (_post_holder(article, t) for t in article.in_sentence(article.triggers, event.sentences[0]))), None)
            event.actor2 = _unnamed_in_place(side, event) if side else None
        if event.actor2 is not None and event.actor2.category in taxonomy.category_group("armed"):
            _retype_event(event, taxonomy.ARMED_CLASH)


def _told_as_verb(text: str, trigger: Trigger) -> bool:
    """A violent act as a verb ("attacked a woman", "was beaten"), not a noun after a determiner
    ("the attack")."""
    told = _VIOLENT_VERB_TOLD.fullmatch(text[trigger.start:trigger.end])
    return bool(told) and (bool(told.group("auxiliary")) or bool(_PARTICIPLE.search(told.group()))
                           or not _NOUN_BEFORE.search(text[max(0, trigger.start - 40):trigger.start]))


def _after_determiner(text: str, trigger: Trigger) -> bool:
    """"the attack", "their raids": a noun pointing at an act told elsewhere."""
    return bool(_NOUN_BEFORE.search(text[max(0, trigger.start - 40):trigger.start]))


def _reported_at(article: Article, trigger: Trigger) -> bool:
    """An act named without a determiner and put at a place, as a headline or a note reports
    one ("Cattle raid against herders in Kapedo"), or one told before and now placed ("The
    attack took place in Besham"), not "the attack drew condemnation"."""
    if _after_determiner(article.text, trigger) and not _TOOK_PLACE.match(article.text, trigger.end):
        return False
    return any(_locates(p) and p.start > trigger.end for p in article.in_sentence(article.places, trigger.sentence))


#: After an act named before, the words that place it: "the attack took place in", "happened near".
_TOOK_PLACE = re.compile(r"\s+(?:(?:was|were)\s+carried\s+out|took\s+place|happened|occurred)\s+(?:in|at|near|on|outside)\b", re.I)


def _unnamed_in_place(kind: str, event: Event) -> ActorMention:
    """The generic actor of a kind ("armed", "police") in the country where the event happened."""
    return unnamed_actor(kind, event.place.country_code if event.place else None, event.trigger.start)


#: Before the side a weapon came from: "fired from a", "launched from".
_FIRED_FROM = re.compile(r"\b(?:fired|launched|shot|dropped|fire)\s+from\s+(?:an?\s+|the\s+|their\s+)?$", re.I)


def _device_handlers(article: Article, event: Event) -> ActorMention | None:
    """"Two Al Shabaab bombers died when the explosives they carried went off": a disrupted
    device's group is the one named in its sentence."""
    if event.trigger.family != "disrupted":
        return None
    armed = taxonomy.category_group("non_state_armed")
    return next((a for a in article.in_sentence(article.actors, event.sentences[0]) if a.category in armed), None)


def _captors(article: Article, event: Event) -> ActorMention | None:
    """The armed group told holding the dead before they died ("the bodies of two men abducted
    by Al Shabaab the previous week were found"): who killed its captives, as ACLED codes them."""
    if not any(c.kind == "killed" and c.minimum for c in event.casualties):
        return None
    return next((a for a in article.in_sentence(article.actors, event.sentences[0])
                 if a.category in taxonomy.category_group("armed") and a.category != taxonomy.STATE_FORCES
                 and _TAKEN_BY.search(article.text, max(0, a.start - 30), a.start)), None)


#: Before the group that took captives: "abducted by", "who had been kidnapped by".
_TAKEN_BY = re.compile(r"\b(?:abducted|kidnapped|seized|taken|held|captured)\s+by\s+(?:the\s+)?$", re.I)


def _custodian(article: Article, event: Event) -> ActorMention | None:
    """The force that held one who died or was hurt in its custody ("died in custody at a police
    station", "tortured in military custody"): ACLED's perpetrator."""
    held = _CUSTODY.search(article.sentences[event.sentences[0]].text)
    if held is None:
        return None
    return _unnamed_in_place("military" if held["force"] and held["force"].lower() in ("military", "army") else "police", event)


_CUSTODY = re.compile(r"\bin\s+(?:(?P<force>police|military|army)\s+)?(?:custody|detention|a\s+police\s+cell)\b", re.I)


def _disappeared(article: Article, event: Event) -> bool:
    """Captives taken by armed men of no state ("rounded up by M23 fighters"), or held where no
    one is told ("relatives have not been told where she is held"): an abduction or forced
    disappearance, not an arrest (ACLED: arrests are the state's, by due process)."""
    if (event.actor1 is not None and event.actor1.category in taxonomy.category_group("non_state_armed")
            and not event.trigger.text.lower().startswith("arrest")):  # an "arrest" is told of the state's
        return True
    return _WHEREABOUTS_UNKNOWN.search(_with_next(article, max(event.sentences))) is not None


#: "His whereabouts remain unknown", "have not been told where she is held", "an enforced
#: disappearance", "has not heard from him since", "not produced in any court", "police denied holding him".
_WHEREABOUTS_UNKNOWN = re.compile(r"\bwhereabouts\s+(?:\w+\s+){0,2}?(?:unknown|unclear|not\s+known)|\bnot\s+(?:been\s+)?(?:told|informed)\s+where\b"
                                  r"|\b(?:enforced|forced)\s+disappearance|\bincommunicado\b|\b(?:remains?|remained)\s+missing\b"
                                  r"|\bnot\s+(?:heard|had\s+(?:any\s+)?news)\s+(?:from|of)\s+(?:him|her|them)\b"
                                  r"|\bnot\s+(?:been\s+)?produced\s+(?:in|before)\s+(?:any\s+|a\s+)?court\b"
                                  r"|\bdenied\s+(?:holding|detaining|arresting|having\s+(?:arrested|detained))\b", re.I)


def _told_unknown(actor: ActorMention | None) -> bool:
    """A side the report says it does not know: "unidentified gunmen", "unknown assailants"."""
    return actor is not None and actor.generic and told_as_unknown(actor.text)


def _claimant(article: Article, sentence: int) -> ActorMention | None:
    """The armed group that claimed or is blamed for an attack whose text names no attacker:
    "Two car bombs exploded in Mogadishu. Al Shabaab claimed responsibility.", "a blast blamed on
    Al Shabaab". Not "No group claimed it"."""
    cues = load_lexicon().cues
    text = article.text
    for index in range(sentence, min(sentence + CLAIM_SENTENCES + 1, len(article.sentences))):
        for actor in article.in_sentence(article.actors, index):
            if (actor.category in taxonomy.category_group("armed")
                    and (cues["responsibility_after"].match(text, actor.end)
                         or cues["responsibility_before"].search(text, max(0, actor.start - 80), actor.start))
                    and not text[max(actor.start - 3, 0):actor.start].lower().startswith("no")
                    and not counter_claimed(text, actor.start)
                    and not denied_after(text, actor.end)):  # "blamed the OLA, which denied responsibility"
                return actor
    return None


def _protest_assailant(article: Article, trigger: Trigger) -> ActorMention | None:
    """Those not of the state told doing violence before the protest in its sentence, when no
    state force is named there: armed men ("unidentified armed men opened fire on residents
    protesting"), or a crowd whose blow fell on the protesters themselves ("ruling party
    supporters attacked peaceful protesters with clubs")."""
    index = trigger.sentence
    actors = article.in_sentence(article.actors, index)
    if any(a.category == taxonomy.STATE_FORCES for a in actors):
        return None
    blow = next((t for t in article.in_sentence(article.triggers, index) if t.family == "violence" and t.end <= trigger.start), None)
    if blow is None:
        return None
    armed = next((a for a in actors if a.end <= blow.start and a.category in taxonomy.category_group("non_state_armed")), None)
    if armed is not None or not _BLOW_ON_PROTEST.fullmatch(article.text, blow.end, trigger.start):
        return armed
    return next((a for a in actors if a.end <= blow.start and a.category in (taxonomy.RIOTERS, taxonomy.CIVILIANS)), None)


#: Between a blow and the protest it fell on: "attacked [peaceful] protesters", "attacked students demonstrating".
_BLOW_ON_PROTEST = re.compile(r"(?:\s+(?!(?:during|at|in|amid|after|before|while)\b)[\w-]+){0,2}\s+")


def _crowds_country(article: Article, trigger: Trigger) -> str | None:
    """The country of the people a demonym names as the protest's crowd, before its act in its
    clause ("Somali residents of Eastleigh protested", "Nigerians living in Nairobi marched"):
    ACLED names protesters abroad by where they are from. Not a crowd of several peoples, nor
    one whose demonym tells whose something is ("workers of a Chinese company")."""
    countries = {p.country_code for p in article.in_sentence(article.places, trigger.sentence)
                 if p.feature_code == "DEMONYM" and trigger.clause_start <= p.start < trigger.start
                 and not _OF_BEFORE.search(article.text, max(0, p.start - 12), p.start)}
    return countries.pop() if len(countries) == 1 else None


#: Before a demonym that tells whose something is: "of a Chinese company", "of the Somali embassy".
_OF_BEFORE = re.compile(r"\bof\s+(?:an?\s+|the\s+)?$", re.I)


def _protest_sides(sub: str, actors: list[ActorMention],
                   struck: ActorMention | None = None) -> tuple[ActorMention | None, ActorMention | None]:
    """ACLED's sides of a protest: the crowd acts, unless the state's force against it is the event;
    a mob's side acted on is the one its blows struck."""
    crowd = next((a for a in actors if a.category in taxonomy.category_group("crowd")), None)
    forces = [a for a in actors if a.category == taxonomy.STATE_FORCES]
    # the police or army that met the crowd, not the government it protested against
    force = next((a for a in forces if _branch(a) != "government"), forces[0] if forces else None)
    if force is None and crowd is not None:
        # armed men who set on the crowd, told before it ("goons attacked peaceful protesters"),
        # not a group the crowd protests against, told after it
        force = next((a for a in actors if a.category in taxonomy.category_group("non_state_armed") and a.end <= crowd.start), None)
    if crowd is not None and sub in taxonomy.RIOT_SUB_TYPES and crowd.category == taxonomy.PROTESTERS:
        crowd = replace(crowd, name=crowd.name.replace(taxonomy.PROTESTERS, taxonomy.RIOTERS, 1), category=taxonomy.RIOTERS)
    elif crowd is not None and sub not in taxonomy.RIOT_SUB_TYPES and crowd.category == taxonomy.RIOTERS:
        crowd = replace(crowd, name=crowd.name.replace(taxonomy.RIOTERS, taxonomy.PROTESTERS, 1), category=taxonomy.PROTESTERS)
    if sub == taxonomy.EXCESSIVE_FORCE:
        return force, crowd
    if sub == taxonomy.PEACEFUL_PROTEST:
        return crowd, None
    if sub == taxonomy.MOB_VIOLENCE:
        victim = struck or next((a for a in actors if a.category == taxonomy.CIVILIANS), None)
        return crowd, victim
    return crowd, force


def _branch(actor: ActorMention) -> str | None:
    """military, police or government, for a state's actor."""
    known = load_actor_lexicon().actors_by_name.get(actor.name)
    return known.branch if known else None


def _ally_of(article: Article, actors: list[ActorMention], actor1: ActorMention | None,
             actor2: ActorMention | None) -> ActorMention | None:
    """An actor introduced as an ally ("backed by Russian jets") of the acting side."""
    if actor1 is None:
        return None
    for actor in actors:
        if actor is actor1 or actor is actor2 or actor.name in (actor1.name, actor2.name if actor2 else None):
            continue
        if _ALLY_CUE.search(article.text[max(0, actor.start - 40):actor.start]):
            return actor
        if sides_with_state(actor) and actor1.category == taxonomy.STATE_FORCES:
            first, second = sorted((actor, actor1), key=attrgetter("start"))
            if _AND.fullmatch(article.text, first.end, second.start):
                return actor  # "SNA troops and Macawisley militia attacked": the auxiliaries fought beside them
    return None


def _dates_in(article: Article, index: int) -> list[DateMention]:
    """The dates a sentence gives, leaving out the dateline's filing date."""
    dateline = dateline_end(article.text)
    return [d for d in article.in_sentence(article.dates, index) if d.start >= dateline]


def _own_dates(article: Article, trigger: Trigger, entry: _Entry) -> list[DateMention]:
    """Dates in the trigger's sentence; a threat is dated by what comes before the threat,
    not by when the threatened attack is due; a protest not by the day of the killing it
    protests ("protested the death of a boy who died last week")."""
    dates = _dates_in(article, trigger.sentence)
    if entry.family == "threaten":
        dates = [d for d in dates if d.end <= trigger.start]
    elif entry.family == "protest":
        dates = [d for d in dates if d.start < trigger.end or not _is_grievance(article.text[trigger.end:d.start])]
    return dates


def _harm_of_any_cause(entry: _Entry) -> bool:
    """Words for harm that a flood, a crash or a fire does as well as an armed man: "killed",
    "destroyed"."""
    return (entry.family == "violence" and entry.generic) or entry.family == "property"


#: A state's forces told by no branch: "security forces fired tear gas".
_UNBRANCHED_FORCES = re.compile(r"(?:the\s+)?security\s+(?:forces|personnel|agents|officers)", re.I)


def _unknown_doer(trigger: Trigger, actors: list[ActorMention]) -> ActorMention | None:
    """The armed side right before an act that the report says no one knows: "unidentified
    men" (but "unknown people torched the offices" are a crowd still)."""
    doer = next((a for a in reversed(actors) if trigger.clause_start <= a.start and a.end <= trigger.start), None)
    return doer if _told_unknown(doer) and not _is_crowd(doer) else None


def _crowd_control(actor: ActorMention | None) -> ActorMention | None:
    """The "security forces" who disperse a crowd, meet a riot or fire on protesters told before
    are its police, as ACLED codes crowd control; soldiers named as such stay soldiers."""
    if actor is not None and actor.generic and actor.category == taxonomy.STATE_FORCES and _UNBRANCHED_FORCES.fullmatch(actor.text):
        return unnamed_actor("police", actor.country_code, actor.start)
    return actor


#: Before an act no one has claimed: "no group claimed the blast", "nobody has claimed responsibility for the attack".
_UNCLAIMED_BEFORE = re.compile(r"\b(?:no\s+(?:one|group|organi[sz]ation|faction|party)|nobody|none)\s+(?:has\s+|had\s+|have\s+)?(?:yet\s+|immediately\s+)?"
                               r"(?:claimed|admitted|taken|took)\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|this|that|its)?\s*$", re.I)


def _build_event(article: Article, trigger: Trigger, entry: _Entry,
                 actors: list[ActorMention], casualties: list[CasualtyMention], only_report: bool = False) -> Event | None:
    lexicon = load_lexicon()
    index = trigger.sentence
    actor1, actor2 = _assign_actors(article, trigger, actors, casualties)
    if _UNCLAIMED_BEFORE.search(article.text, max(0, trigger.start - 60), trigger.start):
        actor1 = None  # "the army blamed a faction; no group claimed the blast": no doer told
    if entry.family == "territory" and entry.weak and actor1 is not None:
        subject = article.text[trigger.clause_start:trigger.start]
        if lexicon.cues["non_combatant_subjects"].search(subject):
            return None
    if (entry.family == "territory" and entry.weak and actor1 is None
            and (actor2 is None or actor2.category not in taxonomy.category_group("armed"))):
        return None  # "workers ... entered the governor's office": no armed side, no ground taken
    if (entry.family == "violence" and entry.generic and actor1 is None and actor2 is None and not casualties
            and not _told_as_verb(article.text, trigger) and not _reported_at(article, trigger)
            and not (only_report and not _after_determiner(article.text, trigger))):
        return None  # "the attack drew condemnation", with nobody and no victims: a word, not an event
    if (_harm_of_any_cause(entry) and (actor1 is None or _is_victim(actor1))
            and not _victim_groups(casualties) & lexicon.armed_groups  # "35 fighters were killed, some drowned while fleeing"
            and lexicon.cues["non_conflict_causes"].search(article.text, max(trigger.clause_start, trigger.start - 60),
                                                           min(article.sentences[index].end, trigger.end + 60))
            and all(_harm_of_any_cause(_entry_of(t)) for t in article.in_sentence(article.triggers, index))):
        return None  # "floods killed 12", "died when a bus collided", "a fire destroyed 50 houses": no one acted in a conflict
    # and an arrest's are not those of the act it was for, told after it
    reason = _arrested_for(article, trigger)
    # (but a killing looked into is the act, its dead its own: "an investigation into the killing of
    # three civilians")
    looked_into = lexicon.cues["inquiry_before"].search(article.text, max(0, trigger.start - 40), trigger.start) is not None
    casualties = [c for c in casualties if ((looked_into and _OWN_OBJECT_GAP.fullmatch(article.text, trigger.end, c.start))
                                            or not _is_cause(article, c.start))
                  and (reason or not _arrested_for(article, c))]
    if entry.family == "agreement":
        # "exchanged 14 prisoners and the bodies of 6 fighters": the dead handed over fell before
        casualties = [c for c in casualties if not _BODIES_OF.fullmatch(article.text, trigger.end, c.start)]
    if (entry.family in ("violence", "property") and not entry.mutual and actor1 is not None and actor1.generic
            and actor1.category in (taxonomy.RIOTERS, taxonomy.CIVILIANS)
            and _UNKNOWN_MEN_BEFORE.search(article.text, max(0, actor1.start - 30), actor1.end)):
        # "an unidentified group of youths attacked a journalist", "unknown young men set fire to a
        # bus": men no one knows who set on someone or something are an armed group, not a crowd
        # ("unknown people torched the offices" are a crowd still, as ACLED's coders take them)
        actor1 = unnamed_actor("armed", actor1.country_code, actor1.start)
    if entry.family == "violence":
        actor1, actor2 = _sides_as_acled_codes_them(article, trigger, actor1, actor2)
    place = _place_near(article, trigger, entry)
    event_type, sub, plover_event, plover_mode = _decide_sub_type(article, trigger, actor1, actor2, casualties, place)
    if sub != taxonomy.NON_VIOLENT_TRANSFER and _gave_ground(article, trigger):
        actor1, actor2 = actor2, actor1  # the taker acted
    elif (sub == taxonomy.NON_VIOLENT_TRANSFER and (receiver := _ground_receiver(article, trigger, actors)) is not None
          and (actor1 is None or receiver.name != actor1.name)):
        actor1, actor2 = receiver, actor1  # "soldiers surrendered their camp to the KNLA": the taker acted
    if sub == taxonomy.HEADQUARTERS_ESTABLISHED:
        actor2 = None  # a base is set up, not against anyone ("set up headquarters in X, which it captured from the army")
    if sub == taxonomy.ARMED_CLASH and entry.generic and actor2 is not None and actor2.category == taxonomy.CIVILIANS:
        # "attacked the town, killing three civilians and five police": the force that fell fought
        force = _fallen_force(casualties)
        if force is not None:
            actor2 = unnamed_actor(force, actor2.country_code or (place.country_code if place else None), actor2.start)
    doer = _unknown_doer(trigger, actors) if entry.family == "protest" and sub in taxonomy.RIOT_SUB_TYPES else None
    if doer is not None:
        # "two unidentified men threw Molotov cocktails at a newspaper's office": men no one
        # knows are no crowd, their act destruction, or an attack when it hurt
        hurt = any(c.kind in ("killed", "injured") and (c.minimum or c.maximum) for c in casualties)
        event_type, sub, plover_event, plover_mode = _retype(taxonomy.ATTACK if hurt else taxonomy.LOOTING)
        actor1 = unnamed_actor("armed", doer.country_code or (place.country_code if place else None), doer.start)
        actor2 = None
    elif (entry.family == "protest" and sub == taxonomy.PEACEFUL_PROTEST and _RALLY.fullmatch(trigger.text)
          and actor1 is not None and not actor1.generic and actor1.category in (taxonomy.REBEL_GROUP, taxonomy.STATE_FORCES)
          and not _FOLLOWERS_AFTER.match(article.text, actor1.end)):  # "Houthi supporters rallied": a crowd
        # "the AFC/M23 held a rally to present its governor": an armed side's own gathering is no
        # protest, but a development of its rule (ACLED: Other)
        event_type, sub, plover_event, plover_mode = _retype(taxonomy.OTHER)
        actor2 = None
    elif entry.family == "protest":
        casualties = _protest_casualties(article, casualties)
        story_actors = _story_actors(article, index)
        struck = _struck_by_mob(article, index, story_actors) if sub == taxonomy.MOB_VIOLENCE else None
        actor1, actor2 = _protest_sides(sub, story_actors, struck)
        crowd = unnamed_actor("rioters" if sub in taxonomy.RIOT_SUB_TYPES else "protesters",
                              _crowds_country(article, trigger) or (place.country_code if place else None), trigger.start)
        assailant = _protest_assailant(article, trigger) if sub in (
            taxonomy.EXCESSIVE_FORCE, taxonomy.PROTEST_WITH_INTERVENTION, taxonomy.VIOLENT_DEMONSTRATION) else None
        mob = assailant is not None and assailant.category not in taxonomy.category_group("non_state_armed")
        party = _party_followed(article.text, assailant) if mob else None
        if party is not None:
            # "Chhatra League activists attacked students demonstrating": a party's men who set on
            # protesters are its militia, as when they attack anyone
            mob, assailant = False, _party_militia(assailant, party)
        if assailant is not None and (mob or party or sub == taxonomy.EXCESSIVE_FORCE):
            # "unidentified men wielding pangas attacked participants in a demonstration": armed
            # men who are not the state's attacked the protesters, no force policed them (men who
            # only whipped them intervened in it); a crowd that set on them is a mob
            event_type, sub, plover_event, plover_mode = _retype(taxonomy.MOB_VIOLENCE if mob else taxonomy.ATTACK)
            actor1 = unnamed_actor("rioters", crowd.country_code, assailant.start) if mob else assailant
            actor2 = unnamed_actor("protesters", crowd.country_code, trigger.start)
        elif sub == taxonomy.EXCESSIVE_FORCE:
            actor2 = actor2 or crowd
        else:
            actor1 = actor1 or crowd
        if (sub == taxonomy.MOB_VIOLENCE and (actor2 is None or actor2.category == taxonomy.CIVILIANS)
                and _crowds_fight(article, trigger)):
            actor2 = crowd  # the other crowd, whoever of the people it hurt
    elif sub in taxonomy.RIOT_SUB_TYPES and actor1 is not None and actor1.category == taxonomy.STATE_FORCES and entry.mutual:
        # "police clashed with traders": the crowd rioted, the state is the side it fought
        actor1, actor2 = unnamed_actor("rioters", actor1.country_code or (place.country_code if place else None),
                                       trigger.start), actor1
    elif sub in taxonomy.RIOT_SUB_TYPES and (actor1 is None or _is_crowd(actor1) and actor1.category != taxonomy.RIOTERS):
        # the crowd of a riot is its rioters, named or not ("houses were torched by a crowd")
        actor1 = unnamed_actor("rioters", (actor1.country_code if actor1 else None) or (place.country_code if place else None),
                               actor1.start if actor1 else trigger.start)
    if (sub == taxonomy.MOB_VIOLENCE and entry.family == "violence" and entry.mutual
            and (actor2 is None or actor2.category == taxonomy.CIVILIANS)):
        actor2 = replace(actor1, start=trigger.end)  # "rival supporters clashed": rioters fought rioters
    elif (sub == taxonomy.MOB_VIOLENCE and entry.family == "violence" and not entry.mutual and actor2 is not None
          and actor2.category in taxonomy.category_group("crowd")):
        # "supporters of X attacked supporters of Y": the crowd set upon are civilians (ACLED)
        actor2 = unnamed_actor("civilians", actor2.country_code, actor2.start)
    if (sub == taxonomy.MOB_VIOLENCE and actor2 is not None and actor2.generic
            and actor2.category in taxonomy.category_group("non_state_armed")
            and _SUSPECTED_BEFORE.search(article.text, max(0, actor2.start - 30), actor2.start)):
        # "residents set ablaze two suspected kidnappers": those a mob judged are its civilians (ACLED)
        actor2 = unnamed_actor("civilians", actor2.country_code, actor2.start)
    if entry.family != "protest" and sub in taxonomy.RIOT_SUB_TYPES:
        # "a crowd angered by the death of a trader set fire to": the grievance told before the act
        casualties = [c for c in casualties if c.start > trigger.start or not _told_as_grievance(article, c)]
    if event_type == taxonomy.RIOTS or sub in (taxonomy.PROTEST_WITH_INTERVENTION, taxonomy.EXCESSIVE_FORCE):
        actor1, actor2 = _crowd_control(actor1), _crowd_control(actor2)
    elif event_type != taxonomy.PROTESTS and actor2 is not None and actor2.generic and actor2.category == taxonomy.RIOTERS:
        # a crowd struck by a bomb or gunmen is its civilians ("detonated her explosives in a crowd")
        actor2 = unnamed_actor("civilians", actor2.country_code, actor2.start)
    assoc1 = _ally_of(article, actors, actor1, actor2)
    status = trigger.status
    attributions = article.in_sentence(article.attributions, index)
    event = Event(
        trigger=trigger, sentences=[index], event_type=event_type, sub_event_type=sub,
        plover_event=plover_event, plover_mode=plover_mode, actor1=actor1, actor2=actor2,
        assoc_actor_1=assoc1, place=place,
        date=_best_date(_own_dates(article, trigger, entry), status, article.published),
        casualties=list(casualties), attributions=list(attributions), status=status,
        certainty=_certainty(attributions),
    )
    return event
