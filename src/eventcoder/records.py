"""Turns an Article's events into flat event records (:class:`~eventcoder.event_record.EventRecord`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from calendar import month_name
from collections import Counter
from functools import cache
from typing import Callable

from eventcoder import taxonomy
from eventcoder.article import ActorMention, Article, AttributionMention, CasualtyMention, DateMention, Event
from eventcoder.event_record import EventRecord
from eventcoder.lexicon import load_lexicon
from eventcoder.resources import load_yaml
from eventcoder.stages.casualties import coded_share, side_of, tells_added_victims, tells_added_victims_at, tells_another_act, top_level

#: A month named alone is coded to this day of it (ACLED's convention for month precision).
MID_MONTH = 15
#: Longest period, in days, read as one month.
MONTH_DAYS = 31


def event_records(article: Article) -> list[EventRecord]:
    """One record per event, main event first, its fields in the record's order."""
    digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
    share = coded_share(article.text)
    records, seen = [], Counter()
    for event in article.events:
        key = f"{digest}:{event.trigger.start}:{event.sub_event_type}"
        seen[key] += 1
        if seen[key] > 1:
            key += f"#{seen[key]}"  # the same act at another place
        records.append(_record(article, event, key, share))
    return records


def _coded_day(date: DateMention) -> dt.date:
    """The day a date is coded to: a month named alone is coded to its 15th, as ACLED codes
    an event known only to its month; any other period to its first day."""
    day = date.date
    if date.precision == 3 and date.end_date and (date.end_date - day).days < MONTH_DAYS and day.day == 1:
        return day.replace(day=MID_MONTH)
    return day


def _record(article: Article, event: Event, key: str, share: tuple[str, int] | None) -> EventRecord:
    place = event.place
    # an event told only by its country gets no point: a country's centroid drawn on a map reads
    # as a place where something happened (GDELT's country-level artefact), and ACLED codes no
    # event to a whole country
    point = place if place and not place.is_country else None
    date = event.date
    day = _coded_day(date) if date and date.date else None
    totals = _coded_share_of(summarize_casualties(_as_reported(article, event), article.sentence_at), share)
    record: EventRecord = {
        "event_id": "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        "article_id": article.id,
        "event_date": day.isoformat() if day else None,
        "time_precision": date.precision if date and date.date else None,
        "date_text": (date.text or None) if date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_event": event.plover_event,
        "plover_mode": event.plover_mode,
        "actor1": _name(event.actor1, day),
        "actor2": _name(event.actor2, day),
        "assoc_actor_1": _name(event.assoc_actor_1, day),
        "assoc_actor_2": _name(event.assoc_actor_2, day),
        "inter1": event.actor1.category if event.actor1 else None,
        "inter2": event.actor2.category if event.actor2 else None,
        "civilian_targeting": _targets_civilians(event),
        "location": place.name if place else None,
        "admin1": (place.name if place.feature_code == "ADM1" else place.admin1) if place else None,
        "country": place.country if place else None,
        "country_code": place.country_code if place else None,
        "latitude": point.latitude if point else None,
        "longitude": point.longitude if point else None,
        "geonameid": place.geonameid if place else None,
        "geo_precision": _geo_precision(place) if place else None,
        "location_text": place.text if place else None,
        "geo_source": place.geo_source if place else None,
        "fatalities": totals["fatalities"],
        "killed_min": totals["killed_min"],
        "killed_max": totals["killed_max"],
        "injured_min": totals["injured_min"],
        "injured_max": totals["injured_max"],
        "victims": totals["victims"],
        "sources": sorted({a.source for a in event.attributions if a.source}),
        "certainty": event.certainty,
        "status": event.status,
        "evidence": [{"text": article.sentences[i].text, "start": article.sentences[i].start,
                      "end": article.sentences[i].end} for i in event.sentences],
        "notes": None,
    }
    record["notes"] = _note(record, event)
    return record


def _as_reported(article: Article, event: Event) -> list[CasualtyMention]:
    """The event's casualties without the deaths a side claims where the report tells its own
    figure for that side ("A soldier was killed. The militants claim eight dead." is one): ACLED
    does not take a party's claimed toll over what the report says, but keeps a claim of the
    other side's dead that nobody else counts ("The army claimed 15 militants killed; elders said
    4 soldiers died" is 19)."""
    claims = [a for a in event.attributions if a.certainty == "claimed"]
    if not claims:
        return event.casualties

    def in_claim(mention: CasualtyMention) -> bool:
        # a claim of the act itself after the toll ("seven soldiers were killed; JNIM claimed
        # the attack") owns the act, not the dead told before it
        return any(_sentence_index(article, a.start) == _sentence_index(article, mention.start)
                   and not (mention.start < a.start and _claims_the_act(article, a)) for a in claims)

    own_sides = {side_of(c.group) for c in event.casualties
                 if c.kind in ("killed", "injured") and (c.minimum or c.maximum) and not in_claim(c)}

    def counted_by_report(mention: CasualtyMention) -> bool:
        side = side_of(mention.group)
        return bool(own_sides) and (side is None or None in own_sides or side in own_sides)

    return [c for c in event.casualties if not (c.kind == "killed" and in_claim(c) and counted_by_report(c))]


def _claims_the_act(article: Article, attribution: AttributionMention) -> bool:
    """A claim of the act itself, not of its dead: "claimed responsibility", "JNIM claimed the attack"."""
    return (attribution.text.lower().endswith(("responsibility", "credit"))
            or _THE_ACT_AFTER.match(article.text, attribution.end) is not None)


#: After "claimed", the act it owns.
_THE_ACT_AFTER = re.compile(r"\s+(?:the\s+|an?\s+|both\s+)?(?:attacks?|bombings?|blasts?|ambush(?:es)?|raids?|killings?|assassinations?|abductions?|kidnappings?|explosions?|strikes?)\b", re.I)


def _coded_share_of(totals: dict, share: tuple[str, int] | None) -> dict:
    """The event's share of a toll its note says (:func:`coded_share`) is shared among several
    coded events."""
    if share is None or not totals["fatalities"]:
        return totals
    how, figure = share

    def shared(count: int | None) -> int | None:
        if count is None or figure == 0:
            return count
        return min(count, figure) if how == "here" else max(1, count // figure)

    return totals | {name: shared(totals[name]) for name in ("fatalities", "killed_min", "killed_max")}


def _sentence_index(article: Article, offset: int) -> int | None:
    sentence = article.sentence_at(offset)
    return sentence.index if sentence else None


def _name(actor: ActorMention | None, day: dt.date | None) -> str | None:
    """The actor's name with its country as it was on the event's day: "Toposa Ethnic Militia
    (Sudan)" in 2009."""
    if actor is None or actor.name is None:
        return None
    name = actor.name
    for old, since, new in _renamed() if day is not None else ():
        if day >= since and name.startswith(old):
            name = new + name[len(old):]  # "Unidentified Communal Militia (Kenya)" from 2016
    former = _former_states().get(actor.country_code or "")
    if former is None or day is None or day >= former[0]:
        return name
    countries = load_lexicon().countries
    return name.replace(countries[actor.country_code].name, countries[former[1]].name)


@cache
def _renamed() -> list[tuple[str, dt.date, str]]:
    """ACLED's names that changed on a day: (the old name, the day, the new name)."""
    return [(item["name"], dt.date.fromisoformat(item["since"]), item["to"]) for item in load_yaml("actors.yaml")["renamed_since"]]


@cache
def _former_states() -> dict[str, tuple[dt.date, str]]:
    """Country code -> (the day it became a state, the code of the state it was part of before)."""
    return {code: (dt.date.fromisoformat(state["since"]), state["part_of"])
            for code, state in load_yaml("country_history.yaml")["became_states"].items()}


def _targets_civilians(event: Event) -> bool:
    if event.actor2 is not None and event.actor2.category == taxonomy.CIVILIANS:
        return event.event_type in (taxonomy.VIOLENCE_AGAINST_CIVILIANS, taxonomy.EXPLOSIONS, taxonomy.RIOTS)
    return event.event_type == taxonomy.VIOLENCE_AGAINST_CIVILIANS


def _geo_precision(place) -> int:
    """A division is its province's precision (3), but a district is ACLED's 2."""
    if place.feature_class == "A" and place.feature_code != "ADM2":
        return 3
    return place.precision


def summarize_casualties(mentions: list[CasualtyMention], sentence_at: Callable[[int], object]) -> dict:
    """Totals for one event: groups in one sentence add up; retellings give the highest count
    ("Six died in the blast. Police said it killed four officers and two bystanders." is 6, not 12).

    ACLED's ``fatalities`` is the most conservative reported total: the lower bound, or the upper
    one when only "up to N" is said, and 0 when no death is reported.
    """
    totals: dict[str, tuple[int | None, int | None]] = {}
    for kind in ("killed", "injured"):
        lows, highs, added = [], [], []
        sides: set[str | None] = set()  # the sides whose dead the tolls so far counted
        attributed = False  # whether the last toll was told as someone's account
        for group in _by_clause_groups(mentions, kind, sentence_at):
            group = _one_account_per_group(group, sentence_at)
            low, high = _group_bounds(group)
            lows.append(low)
            highs.append(high)
            own_sides = {side_of(m.group) for m in group}
            how = _told_how(group[0], sentence_at) if added else _RETOLD
            if how == _RETOLD and added and None not in own_sides | sides and not own_sides & sides and not group[0].total:
                how = _OTHER_VICTIMS  # "Troops killed eight militants. Three soldiers were killed."
            if how == _RETOLD and added and kind == "killed" and any(
                    m.kind == "injured" and (m.start, m.end) == (group[0].start, group[0].end) for m in mentions):
                how = _OTHER_VICTIMS  # "... killing two. A child who was wounded in the shelling died the next day."
            if any(m.revised for m in group):
                how = _REVISED
            told_by = _sentence_says(group[0], sentence_at, _another_account())
            if how == _RETOLD and added and attributed and told_by and not (group[0].total and _sentence_says(group[0], sentence_at, _UPDATE)):
                # "..., according to the mayor. A rights group said more than 20 were killed.", "The
                # army claimed 13 militants killed. Elders put the overall death toll at 7."
                how = _OTHER_ACCOUNT
            attributed = told_by
            added.append(how)
            # (the wounded who died later, told by no group, leave the sides as they were: "two
            # soldiers were killed ... three of the injured died ... three gunmen were killed")
            sides |= own_sides - {None} if how == _OTHER_VICTIMS else own_sides
        low = _combined(lows, added)
        high = _combined(highs, added) if highs and all(h is not None for h in highs) else None
        if low is not None and high is not None and high < low:
            high = low
        totals[kind] = (low, high)
    killed_min, killed_max = totals["killed"]
    fatalities = killed_min if killed_min is not None else (killed_max or 0)
    victims = _victims(mentions)
    return {"fatalities": fatalities, "killed_min": killed_min, "killed_max": killed_max,
            "injured_min": totals["injured"][0], "injured_max": totals["injured"][1], "victims": victims}


def _group_bounds(group: list[CasualtyMention]) -> tuple[int | None, int | None]:
    """The counts of one stretch added up; a toll among them ("Dozens were killed; officials gave
    a toll of 30") is the whole of what they count, so it is never added to them: the larger of
    the toll and their sum."""
    revised = [m for m in group if m.revised]
    if revised:
        return revised[-1].minimum, revised[-1].maximum  # "initial reports spoke of 20; the toll was revised to 14"
    tolls = [m for m in group if m.total]
    counts = [m for m in group if not m.total]
    low = sum(m.minimum for m in counts if m.minimum is not None) if any(m.minimum is not None for m in counts) else None
    high = None if any(m.maximum is None for m in counts) else sum(m.maximum for m in counts)
    for toll in tolls:
        low = toll.minimum if low is None else max(low, toll.minimum or 0)
        high = None if high is None or toll.maximum is None else max(high, toll.maximum)
    return low, high


def _combined(counts: list[int | None], told: list[str]) -> int | None:
    """Each act's highest count, a retelling's, added up over the acts; a toll of other victims
    ("were also killed") adds to the retelling it follows ("A policeman was killed. Three
    civilians were also killed." is 4; after "An officer and two youths died", 3 still)."""
    acts: list[list[int]] = []  # per act: its highest retelling, the retelling being told
    for count, how in zip(counts, told):
        if count is None:
            continue
        if how == _REVISED:
            acts = [[count, count]]  # the corrected toll of all told so far
        elif how == _OTHER_ACCOUNT and acts:
            acts[-1] = [min(acts[-1][0], count), count]  # ACLED's most conservative account
        elif not acts or how == _ANOTHER_ACT:
            acts.append([count, count])
        elif how == _RETOLD and count >= sum(best for best, _ in acts):
            acts = [[count, count]]  # a total of all the acts told so far
        else:
            act = acts[-1]
            act[1] = act[1] + count if how == _OTHER_VICTIMS else count
            act[0] = max(act)
    return sum(best for best, _ in acts) if acts else None


#: How a later toll is told: retelling the act's dead, of another act, of other victims of it,
#: correcting what was told before, or as another source's account of the same dead.
_RETOLD, _ANOTHER_ACT, _OTHER_VICTIMS, _REVISED, _OTHER_ACCOUNT = (
    "retold", "another act", "other victims", "revised", "another account")


def _sentence_says(first: CasualtyMention, sentence_at: Callable[[int], object], cue: re.Pattern) -> bool:
    """Whether a toll's sentence holds the cue: told as someone's account ("according to the
    mayor", :func:`_another_account`) or as a later figure (``_UPDATE``)."""
    sentence = sentence_at(first.start)
    return sentence is not None and cue.search(sentence.text) is not None


def _told_how(first: CasualtyMention, sentence_at: Callable[[int], object]) -> str:
    """Whether the sentence of a toll tells, before it, of another act ("In retaliation, the
    herders shot a chief", "hours later they killed a driver"), or, in its own clause, of other
    victims ("Three civilians were also killed"); else it retells."""
    sentence = sentence_at(first.start)
    if sentence is None or first.total:
        return _RETOLD  # "The toll later rose to five" retells, whatever words come before
    offset = first.start - sentence.start
    if tells_another_act(sentence.text[:offset]):
        return _ANOTHER_ACT
    return _OTHER_VICTIMS if tells_added_victims_at(sentence.text, offset) else _RETOLD


def _by_clause_groups(mentions: list[CasualtyMention], kind: str,
                      sentence_at: Callable[[int], object]) -> list[list[CasualtyMention]]:
    """Top-level mentions of one kind, grouped by the sentence-sized stretch they sit in, never
    across a sentence's end; a count in brackets after one of its sentence breaks that one down
    ("15 killed in X and Y (8 coded for X)") and is left out."""
    groups: list[list[CasualtyMention]] = []
    for mention in sorted(top_level(mentions), key=lambda m: m.start):
        if mention.kind != kind or (mention.minimum is None and mention.maximum is None):
            continue
        sentence = sentence_at(mention.start)
        same_sentence = bool(groups) and sentence is sentence_at(groups[-1][-1].start)
        if same_sentence and sentence is not None:
            between = sentence.text[groups[-1][-1].end - sentence.start:mention.start - sentence.start]
            if between.count("(") > between.count(")") or between.count("[") > between.count("]"):
                continue
        if same_sentence and mention.start - groups[-1][-1].end < 120:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _one_account_per_group(mentions: list[CasualtyMention], sentence_at: Callable[[int], object]) -> list[CasualtyMention]:
    """Two sources' accounts of one group's dead in a sentence ("Al Shabaab said it killed 20
    soldiers, while the army said 5 soldiers died"; "more than 60 people were killed; an official
    put the toll at 45"): the conservative one (ACLED), not both. A toll, or a count naming no
    group, told in its own clause as another source's ("killing 26 civilians, according to
    hospital sources; residents said more than 30 died") tells all the dead counted before it."""
    kept: list[CasualtyMention] = []
    for mention in mentions:
        sentence = sentence_at(mention.start)
        if sentence is None:
            kept.append(mention)
            continue
        offset = mention.start - sentence.start
        # up to the count's own first clause: "nine people died, most of them militants"
        own_clause_end = offset + len(mention.text.split(",")[0])
        account = bool(kept) and _account_in_clause(sentence.text[kept[-1].end - sentence.start:own_clause_end])
        if account and (mention.total or mention.group is None):
            # a toll tells all the dead before it, as does an unnamed count after each side's
            # claim ("the army said it killed 70 militants, while Al Shabaab claimed 20 soldiers;
            # an elder said nine people died"); an unnamed count else those left unnamed, else the last
            sides = {k.group for k in kept}
            told = kept if mention.total or (len(sides) > 1 and None not in sides) else (
                [k for k in kept if k.group is None] or kept[-1:])
            if _least(mention) < sum(_least(k) for k in told):
                kept = [k for k in kept if k not in told] + [mention]
            continue
        if account and mention.group is not None and _CLAIMED.search(sentence.text, kept[-1].end - sentence.start, offset) \
                and any(k.group is None and _least(k) and (k.total or _EVERYONE.search(k.text)) for k in kept):
            continue  # "at least 11 people died, while Fano claimed dozens of soldiers": the count of all stands
        toll = next((k for k in kept if k.total and k.group is None), None)
        if account and toll is not None and _least(mention) < _least(toll):
            # "civil society put the toll at 11, while the army reported seven civilians killed":
            # the other source's fewer dead are the conservative account of the same dead
            kept[kept.index(toll)] = mention
            continue
        other = next((k for k in kept if k.group == mention.group and (mention.group or mention.total)), None) \
            or _own_dead_named_before(kept, mention, sentence.text, sentence.start)
        between = sentence.text[other.end - sentence.start:offset] if other is not None else ""
        if other is None or not _another_source(between):
            kept.append(mention)
        elif _least(mention) < _least(other):
            kept[kept.index(other)] = mention
    return kept


def _own_dead_named_before(kept: list[CasualtyMention], mention: CasualtyMention, text: str,
                           start: int) -> CasualtyMention | None:
    """The count a side's own account of "its" dead answers, when the other source named that
    side's dead before ("the NRF claimed 12 Taliban were killed, while Taliban officials said two of
    their fighters died"): the same dead, whatever each calls them."""
    if not _OWN_DEAD.search(mention.text):
        return None
    for counted in reversed(kept):
        speaker = text[counted.end - start:mention.start - start]
        names = set(_NAME.findall(counted.text))
        if names & set(_NAME.findall(speaker)):
            return counted
    return None


#: A side's own dead told by itself: "two of their fighters", "its own men".
_OWN_DEAD = re.compile(r"\b(?:its|their)\b", re.I)
#: A side's name in a count or an account: "SDF", "Taliban", "Al Shabaab".
_NAME = re.compile(r"\b[A-Z][\w-]*[A-Z][\w-]*\b|\b[A-Z][a-z]{2,}\b")


def _least(mention: CasualtyMention) -> int:
    """The conservative figure of a count: its lower bound, or "up to" its upper one."""
    return mention.minimum if mention.minimum is not None else (mention.maximum or 0)


#: Where a count's own clause begins: after a comma or semicolon, or at "while", "but", "though".
_CLAUSE_OPENING = re.compile(r"[,;]|\b(?:while|but|whereas|though|although)\b", re.I)


def _account_in_clause(between: str) -> bool:
    """Whether the words from the last count to the end of this one open this one's clause as
    another source's account, not as more dead ("police said, and two more died later", "said
    five of the wounded had died") nor as a later figure."""
    openings = list(_CLAUSE_OPENING.finditer(between))
    clause = between[openings[-1].start():] if openings else between
    return _another_source(clause) and not tells_added_victims(clause)


def _another_source(words: str) -> bool:
    """Whether words tell another source's account of the same dead, not a later figure."""
    return _another_account().search(words) is not None and _UPDATE.search(words) is None


#: A count of everyone who died, not of one side: "11 people died".
_EVERYONE = re.compile(r"\b(?:people|persons|individuals)\b", re.I)
#: Another side's claim of the dead it caused, in a clause of its own: "while Fano claimed to have
#: killed" (not the same speaker's "... died and claimed to have killed")
_CLAIMED = re.compile(r"(?:\b(?:while|but|whereas)|[;,])\s+(?:[\w'’-]+\s+){1,5}?claim(?:ed|s|ing)\b", re.I)
#: A later figure, not another source's at the same time: "officials later gave a toll of 30".
_UPDATE = re.compile(r"\b(?:later|subsequently|since|eventually|final)\b", re.I)


@cache
def _another_account() -> re.Pattern:
    """Between two counts of one group, a second source's account: "..., while the army said"."""
    reporting = load_yaml("english.yaml")["reporting_words"]
    # and a source owning to, or finding, fewer dead: "acknowledged only three", "recovered four bodies"
    return re.compile(r"\b(?:" + "|".join([*reporting, "claimed", "claims", "according to", "acknowledged", "admitted", "saying", "denied",
                                          "counted", "recorded", "recovered",
                                          r"(?:put|gave|placed)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}?(?:toll|figure|number)"]) + r")\b", re.I)


def _victims(mentions: list[CasualtyMention]) -> list[dict]:
    by_group: dict[str, dict] = {}
    for mention in mentions:
        if mention.kind not in ("killed", "injured") or not mention.group:
            continue
        entry = by_group.setdefault(mention.group, {"group": mention.group, "killed_min": None,
                                                    "killed_max": None, "injured_min": None, "injured_max": None})
        for bound, value in (("min", mention.minimum), ("max", mention.maximum)):
            field = f"{mention.kind}_{bound}"
            if value is not None:
                entry[field] = max(entry[field] or 0, value)
    return list(by_group.values())


def _note(record: EventRecord, event: Event) -> str:
    """One sentence in ACLED's note style: date, who did what to whom, where, and the toll."""
    template = taxonomy.note_template(event.sub_event_type)
    actor1 = record["actor1"] or "an unidentified actor"
    actor2 = record["actor2"] or "unidentified targets"
    what = template.format(actor1=actor1, actor2=actor2)
    parts = []
    if record["event_date"]:
        year, month, day = (int(x) for x in record["event_date"].split("-"))
        parts.append(f"On {day} {month_name[month]} {year}, ")
    parts.append(what[0].upper() + what[1:] if not parts else what)
    if record["location"]:
        where = record["location"]
        context = ", ".join(x for x in (record["admin1"], record["country"]) if x and x != where)
        nearby = "near " if record["geo_precision"] == 2 else "in "
        parts.append(f" {nearby}{where}" + (f" ({context})" if context else ""))
    if record["killed_min"] is not None or record["killed_max"] is not None:
        low, high = record["killed_min"], record["killed_max"]
        if low is not None and high is None:
            parts.append(f", killing at least {low}")
        elif low is not None and high is not None and high != low:
            parts.append(f", killing {low} to {high}")
        elif low is not None:
            parts.append(f", killing {low}")
        else:
            parts.append(f", killing up to {high}")
    if record["injured_min"]:
        parts.append(f" and injuring {'at least ' if record['injured_max'] is None else ''}{record['injured_min']}")
    if record["sources"]:
        parts.append(f", according to {' and '.join(record['sources'])}")
    return "".join(parts) + "."
