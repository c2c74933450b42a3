"""PLOVER evaluation on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).

Each gold record is one news sentence with its PLOVER event type and its source and target
actors as CAMEO codes. We run the whole pipeline on the sentence and compare the main record.

Event types: the gold file is coded in PLOVER 0.5b1, whose DEMAND, DISAPPROVE, INVESTIGATE
and FIGHT became REQUEST, ACCUSE, ACCUSE (mode investigate) and ASSAULT in the 2021 manual
(the CAMEO2PLOVER-2021 table) that eventcoder follows, so gold types are renamed before they
are compared. A record with no event counts as wrong ("none").

Actors: gold gives {code: CAMEO country or organisation code, sector: GOV, MIL, REB, ...};
eventcoder gives canonical names ("Military Forces of Syria", "Civilians (Syria)", named
groups). Both sides are reduced to (country, role): the role is government, military, police,
civilians or non-state (rebels, opposition, militias, protesters, rioters). Gold codes with no
country (IGO, NGO, ...) match when a distinctive word of the gold actor's text ("NATO",
"Amnesty"; not "United" or "Forces") is in our actor's name.
Two figures are reported: ``country`` (the right country or organisation, whatever its role)
and ``exact`` (country and a compatible role; a gold country without a sector is its state,
so any of government, military or police). Actor1 is scored against the gold sources,
actor2 against the gold targets, on records whose gold has them.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pycountry

from eventcoder import taxonomy
from eventcoder.article import Article
from eventcoder.evaluate.parts import select
from eventcoder.evaluate.report import Case, Report, f1, share
from eventcoder.lexicon import load_countries, load_lexicon

#: PLOVER 0.5b1 type -> PLOVER 2021 type (CAMEO2PLOVER-2021: CAMEO 09 INVESTIGATE is ACCUSE,
#: 10 DEMAND is REQUEST, 11 DISAPPROVE is ACCUSE, 19 FIGHT is ASSAULT).
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                "FIGHT": "ASSAULT"}
#: CAMEO country codes that are not ISO 3166-1 alpha-3 (as the gold file writes them).
CAMEO_COUNTRIES = {"JAP": "JP", "ITL": "IT", "VTN": "VN", "HKG": "HK"}
#: CAMEO sector (first three letters) -> our role.
SECTOR_ROLES = {
    "GOV": "government", "LEG": "government", "JUD": "government", "ELI": "government",
    "SPY": "government", "MIL": "military", "COP": "police",
    "CVL": "civilians", "CIV": "civilians", "REF": "civilians", "MED": "civilians",
    "EDU": "civilians", "LAB": "civilians", "JRN": "civilians", "BUS": "civilians",
    "AGR": "civilians", "REL": "civilians", "SOC": "civilians",
    "REB": "non-state", "UAF": "non-state", "OPP": "non-state", "PTY": "non-state",
    "CRM": "non-state",
}
STATE_ROLES = frozenset({"government", "military", "police"})
_CATEGORY_ROLES = {taxonomy.CIVILIANS: "civilians", taxonomy.PROTESTERS: "non-state", taxonomy.RIOTERS: "non-state",
                   taxonomy.REBEL_GROUP: "non-state", taxonomy.POLITICAL_MILITIA: "non-state",
                   taxonomy.IDENTITY_MILITIA: "non-state", taxonomy.EXTERNAL_FORCES: "external"}
_QUALIFIED = re.compile(r"^(?P<base>.+?) \((?P<country>[^()]+)\)$")
_WORD = re.compile(r"[A-Za-z]{3,}")
#: Words too common in actor names to tie an organisation to one of ours.
_COMMON_WORDS = frozenset({"united", "states", "nations", "national", "forces", "military", "government",
                           "police", "civilians", "group", "armed", "army", "front", "unidentified",
                           "the", "and", "for", "international", "people", "peoples"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None  # ISO alpha-2, None for organisations (IGO, NGO, ...)
    code: str
    role: str | None  # None: unsaid ("***" or no sector)


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    published: date | None
    event: str  # PLOVER 2021 type
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def read_gold(path: Path) -> list[GoldRecord]:
    """The gold records of a PLOVER GSR file, leaving out its DOCUMENT records."""
    records = []
    for item in json.loads(Path(path).read_text("utf-8")):
        if item.get("event") == "DOCUMENT" or not item.get("text"):
            continue
        records.append(GoldRecord(
            item["id"], item["text"], _date(item.get("date")),
            LEGACY_TYPES.get(item["event"], item["event"]),
            _gold_actors(item.get("source")), _gold_actors(item.get("target"))))
    return records


def evaluate(path: Path, part: str | None = None) -> Report:
    """Event type accuracy, per-type P/R/F1 and actor matches over the gold records."""
    gold_records = select(read_gold(path), part)
    report = Report("plover")
    typed = typed_right = 0
    actor_hits = Counter()
    actor_totals = Counter()
    for gold in gold_records:
        records = report.records_of(Article(gold.id, gold.text, published=gold.published))
        main = records[0] if records else {}
        predicted = main.get("plover_event") or "none"
        report.confusion[gold.event, predicted] += 1
        right = predicted == gold.event
        if predicted != "none":
            typed += 1
            typed_right += right
        scores = [float(right)]
        extracted_actors = {}
        for side, gold_actors, field_name in (("source", gold.sources, "actor1"),
                                              ("target", gold.targets, "actor2")):
            ours = main.get(field_name)
            extracted_actors[field_name] = ours
            if not gold_actors:
                continue
            country, exact = match_actor(ours, gold_actors)
            actor_totals[side] += 1
            actor_hits[side, "country"] += country
            actor_hits[side, "exact"] += exact
            scores.append(0.5 * country + 0.5 * exact)
        report.cases.append(Case(
            gold.id, gold.text,
            expected={"event": gold.event, "source": [a.text for a in gold.sources],
                      "target": [a.text for a in gold.targets]},
            extracted={"event": predicted, "sub_event_type": main.get("sub_event_type"),
                       **extracted_actors},
            score=sum(scores) / len(scores),
            note="" if right else f"{gold.event} coded as {predicted}"))

    total = len(gold_records)
    right_total = sum(n for (g, p), n in report.confusion.items() if g == p)
    report.figures = {"records": total, "event_accuracy": share(right_total, total),
                      "with_event": typed, "accuracy_when_found": share(typed_right, typed)}
    report.figures.update(_per_type(report.confusion))
    for side in ("source", "target"):
        report.figures[f"{side}_records"] = actor_totals[side]
        for level in ("country", "exact"):
            report.figures[f"{side}_{level}"] = share(actor_hits[side, level], actor_totals[side])
    return report


def _per_type(confusion: Counter) -> dict[str, float]:
    """Precision, recall and F1 for each gold type, and their unweighted mean (macro F1)."""
    figures, scores = {}, []
    for label in sorted({g for g, _ in confusion}):
        hits = confusion[label, label]
        predicted = sum(n for (_, p), n in confusion.items() if p == label)
        gold = sum(n for (g, _), n in confusion.items() if g == label)
        precision, recall = share(hits, predicted), share(hits, gold)
        figures[f"{label}_precision"], figures[f"{label}_recall"] = precision, recall
        figures[f"{label}_f1"] = f1(precision, recall)
        scores.append(figures[f"{label}_f1"])
    figures["macro_f1"] = sum(scores) / len(scores) if scores else 0.0
    return figures


def match_actor(name: str | None, gold_actors: tuple[GoldActor, ...]) -> tuple[bool, bool]:
    """(right country or organisation, right country and role) against any gold actor."""
    if not name:
        return False, False
    country, role = actor_key(name)
    words = _distinctive_words(name)
    country_hit = exact_hit = False
    for gold in gold_actors:
        if gold.country is None:
            hit = bool(words & _distinctive_words(gold.text))
            country_hit |= hit
            exact_hit |= hit
            continue
        if gold.country != country:
            continue
        country_hit = True
        if gold.role is None:
            exact_hit |= role in STATE_ROLES or gold.text.lower() in name.lower()
        else:
            exact_hit |= role == gold.role
    return country_hit, exact_hit


def _distinctive_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _COMMON_WORDS


def actor_key(name: str) -> tuple[str | None, str | None]:
    """(country, role) of one of our canonical actor names."""
    actor = load_lexicon().actors_by_name.get(name)
    qualified = _QUALIFIED.match(name)
    if actor is None and qualified:  # "Civilians (Syria)", "Islamic State (Syria)"
        actor = load_lexicon().actors_by_name.get(qualified["base"])
        country = _country_codes_by_name().get(qualified["country"])
        category = actor.category if actor else _generic_category(qualified["base"])
        return country, _role(category, actor.branch if actor else None)
    if actor is None:
        return None, _role(_generic_category(name), None)
    return actor.country_code, _role(actor.category, actor.branch)


def _role(category: str | None, branch: str | None) -> str | None:
    if category == taxonomy.STATE_FORCES:
        return branch or "military"
    return _CATEGORY_ROLES.get(category or "")


def _generic_category(base: str) -> str | None:
    """The category of a generic template name: "Civilians", "Unidentified Armed Group"."""
    for template, category in load_lexicon().generic_names.values():
        if template.split(" (")[0].split(" of ")[0] == base:
            return category
    return None


@cache
def _country_codes_by_name() -> dict[str, str]:
    return {country.name: code for code, country in load_countries().items()}


def _gold_actors(value) -> tuple[GoldActor, ...]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return ()
    actors = []
    for item in value:
        code = (item.get("code") or "").upper()
        sector = (item.get("sector") or "")[:3].upper()
        actors.append(GoldActor(item.get("actorText", ""), _country(code), code,
                                SECTOR_ROLES.get(sector)))
    return tuple(actors)


def _country(code: str) -> str | None:
    if code in CAMEO_COUNTRIES:
        return CAMEO_COUNTRIES[code]
    record = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return record.alpha_2 if record else None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
