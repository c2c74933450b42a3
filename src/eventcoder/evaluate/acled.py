"""ACLED-format evaluation: eventcoder's main event of each ACLED note against that row's coding.

``evaluate(path)`` reads a CSV with ACLED's own column names, as researchers export them
(missing columns are tolerated, extra ones ignored). Each row's ``notes`` is the article text;
its publication date is the row's ``event_date``: a note is written about one day, as a news
report is published on the day it reports (most of ACLED's notes name no date of their own, so
without it no date could be resolved). The date figure therefore measures whether the coder keeps
the reported day rather than moving it to a relative or background date. Without an
``event_date`` column, a note that opens with a date ("On 9 December 2019", "On December 9 2019",
"On Oct 12th, 2013", "On or about 3 May 2015") is taken as written that day. ``event_date`` is
read in every form ACLED exports use: 2024-03-14, 14 March 2024, and day-first dates with a
two-digit year, 31-12-19 and 1-Apr-23. The first record ``extract_records`` returns (the main
event) is set beside the row. ACLED codes an event at each place and day, so one note may be
coded as several rows: those rows share out the note's events (:func:`paired`).

Figures: event type and sub-event type accuracy (with a sub-event confusion table); fatalities
exact and within 20% of ACLED's figure, and exact on the rows where ACLED counts a death (where
always answering 0 scores nothing); the share of rows whose place lies within 10, 25 and
50 km of ACLED's coordinates, and the share of the events we placed that lie more than 300 km
from it (a place read in another province, country or continent); the event date exact; actor1
and actor2 matched.

Actor rule (:func:`actors_match`): both names are lower-cased, ACLED's period suffixes such as
"(2022-)" or "(2000-2024)" and the word "the" are dropped ("Military Forces of the Democratic
Republic of Congo" is ours without "the"), and every run of characters other than letters and
digits becomes one space; the names then match when equal or when one contains the other as
whole words ("al shabaab" in "al shabaab", "jnim" in "jnim group for support of islam and
muslims"). An empty name never matches. actor2 is scored only on rows where ACLED codes one.
"""
from __future__ import annotations

from collections.abc import Iterable

import csv
import re
import statistics
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path

from eventcoder.article import Article
from eventcoder.evaluate.parts import select
from eventcoder.evaluate.report import Case, Report, share
from eventcoder.geoparse import infer_source_homes
from eventcoder.gazetteer.resolve import distance_km

FIELDS = ("event_type", "sub_event_type", "fatalities", "location", "event_date", "actor1", "actor2")
RADII_KM = (10, 25, 50)
#: a placed event this far from ACLED's point is in the wrong region, not a nearby village
FAR_KM = 300
#: a case's location counts as right within this distance
LOCATION_KM = 25
FATALITY_TOLERANCE = 0.2
NONE = "(none)"

_NOTE_DATE = re.compile(
    r"^\s*On (?:or (?:about|around|before|after) )?(?:the night of )?"
    r"(\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+\.?,? \d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_THE = re.compile(r"\bthe\b")
#: ACLED's date spellings: ISO in current exports, "12 March 2024" / "12-March-2024" in older
#: ones, day first with a two-digit year ("31-12-19", "1-Apr-23") in others
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%d-%m-%y", "%d-%b-%y", "%d %b %Y",
                 "%d-%b-%Y", "%B %d %Y", "%b %d %Y")


@dataclass(slots=True)
class GoldEvent:
    """One ACLED row, the fields scored and the note they were coded from."""

    id: str
    notes: str
    published: date | None
    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    #: the first of the outlets the row cites ("Star (Kenya)"), whose home a second pass infers
    source: str | None = None


def read_acled(path: Path) -> list[GoldEvent]:
    """The rows of an ACLED CSV export that have a note; other columns may be absent."""
    events = []
    with open(path, encoding="utf-8-sig", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream), 1):
            get = partial(_cell, row)
            notes = get("notes")
            if not notes:
                continue
            event_date = _date(get("event_date"))
            said = _NOTE_DATE.match(notes)
            published = event_date or (_date(said.group(1)) if said else None)
            events.append(GoldEvent(
                get("event_id_cnty") or str(number), notes, published, event_date,
                get("event_type"), get("sub_event_type"), get("actor1"), get("actor2"),
                get("location"), _float(get("latitude")), _float(get("longitude")),
                _int(get("fatalities")), (get("source") or "").split(";")[0].strip() or None))
    return events


def normalise_actor(name: str | None) -> str:
    """Lower case, no accents, no period suffix, no "the", words separated by single spaces
    ("Kraze Baryè Gang" is ACLED's "Kraze Barye Gang")."""
    if not name:
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", _THE.sub(" ", _PERIOD.sub(" ", folded))).strip()


def actors_match(gold: str | None, ours: str | None) -> bool:
    """Equal after :func:`normalise_actor`, or one contains the other as whole words."""
    gold, ours = normalise_actor(gold), normalise_actor(ours)
    if not gold or not ours:
        return False
    return gold == ours or f" {gold} " in f" {ours} " or f" {ours} " in f" {gold} "


def fatalities_close(gold: int, ours: int | None) -> bool:
    """Within 20% of ACLED's figure (exact when ACLED codes 0)."""
    return ours is not None and abs(ours - gold) <= FATALITY_TOLERANCE * gold


def evaluate(path: Path, part: str | None = None) -> Report:
    """Runs the pipeline over every note of an ACLED CSV (or of one part) and scores its main event."""
    return score(select(read_acled(path), part), "acled")


def score(golds: Iterable[GoldEvent], name: str) -> Report:
    """Scores our main event of each gold text against its coded event; where the rows name
    their sources, the location figures again with each source's home inferred from its own
    notes (``homes_``), as ``eventcoder extract --source-homes`` reads a feed."""
    golds = list(golds)
    report = Report(name)
    hits = dict.fromkeys(("event_type", "sub_event_type", "fatalities_exact",
                          "fatalities_within_20pct", "fatalities_exact_when_killed", "event_date", "actor1",
                          "actor2"), 0)
    totals = dict.fromkeys(("event_type", "sub_event_type", "fatalities", "killed", "event_date", "actor1",
                            "actor2"), 0)
    articles = [Article(gold.id, gold.notes, published=gold.published, source=gold.source) for gold in golds]
    found = [report.records_of(article) for article in articles]
    no_event = sum(not records for records in found)
    placed = []
    for gold, ours in zip(golds, paired(golds, found)):
        right: dict[str, bool] = {}
        if gold.event_type:
            right["event_type"] = ours.get("event_type") == gold.event_type
        if gold.sub_event_type:
            right["sub_event_type"] = ours.get("sub_event_type") == gold.sub_event_type
            report.confusion[(gold.sub_event_type, ours.get("sub_event_type") or NONE)] += 1
        if gold.fatalities is not None:
            right["fatalities"] = ours.get("fatalities") == gold.fatalities
            hits["fatalities_within_20pct"] += fatalities_close(gold.fatalities, ours.get("fatalities"))
            if gold.fatalities > 0:
                totals["killed"] += 1
                hits["fatalities_exact_when_killed"] += right["fatalities"]
        distance = _distance(gold, ours)
        if gold.latitude is not None and gold.longitude is not None:
            right["location"] = distance is not None and distance <= LOCATION_KM
        if gold.event_date:
            right["event_date"] = ours.get("event_date") == gold.event_date.isoformat()
        if gold.actor1:
            right["actor1"] = actors_match(gold.actor1, ours.get("actor1"))
        if gold.actor2:
            right["actor2"] = actors_match(gold.actor2, ours.get("actor2"))
        for name, ok in right.items():
            if name != "location":  # scored by distance above
                totals[name] += 1
                hits["fatalities_exact" if name == "fatalities" else name] += ok
        report.cases.append(_case(gold, ours, right, distance))
        placed.append(ours)
    report.distances_km = [d for gold, ours in zip(golds, placed) if (d := _distance(gold, ours)) is not None]
    report.figures = {
        "reports": len(report.cases),
        "no_event": no_event,
        "event_type_accuracy": share(hits["event_type"], totals["event_type"]),
        "sub_event_type_accuracy": share(hits["sub_event_type"], totals["sub_event_type"]),
        "fatalities_exact": share(hits["fatalities_exact"], totals["fatalities"]),
        "fatalities_within_20pct": share(hits["fatalities_within_20pct"], totals["fatalities"]),
        "fatalities_exact_when_killed": share(hits["fatalities_exact_when_killed"], totals["killed"]),
        **_location_figures(golds, placed),
        "date_exact": share(hits["event_date"], totals["event_date"]),
        "actor1_match": share(hits["actor1"], totals["actor1"]),
        "actor2_match": share(hits["actor2"], totals["actor2"]),
    }
    if any(gold.source for gold in golds):
        report.figures |= _with_source_homes(report, golds, articles)
    return report


def paired(golds: list[GoldEvent], found: list[list[dict]]) -> list[dict]:
    """The record set beside each row: our main event, unless ACLED coded several rows from the
    row's note (an event each place and day) and another of the note's events is more like the
    row (:func:`_likeness`). Each of those others goes beside one row at most, the likest pair
    first."""
    chosen = [records[0] if records else {} for records in found]
    rows_of: dict[str, list[int]] = {}
    for row, gold in enumerate(golds):
        rows_of.setdefault(gold.notes, []).append(row)
    for rows in rows_of.values():
        if len(rows) < 2:
            continue
        main = {row: _likeness(golds[row], chosen[row]) for row in rows}
        pairs = sorted(((likeness, index, row) for row in rows for index, record in enumerate(found[row][1:], 1)
                        if (likeness := _likeness(golds[row], record)) > main[row]),
                       key=lambda pair: pair[0], reverse=True)
        rows_paired, events_paired = set(), set()
        for _, index, row in pairs:
            if row not in rows_paired and index not in events_paired:
                chosen[row] = found[row][index]
                rows_paired.add(row)
                events_paired.add(index)
    return chosen


def _likeness(gold: GoldEvent, ours: dict) -> tuple[bool, ...]:
    """How many of the scored fields a record shares with a row, then which: the sub-event type
    first, then the place within 25 km, the toll, the day and actor1."""
    distance = _distance(gold, ours)
    fields = (ours.get("sub_event_type") == gold.sub_event_type,
              distance is not None and distance <= LOCATION_KM,
              ours.get("fatalities") == gold.fatalities,
              gold.event_date is not None and ours.get("event_date") == gold.event_date.isoformat(),
              actors_match(gold.actor1, ours.get("actor1")))
    return (sum(fields), *fields)


def _with_source_homes(report: Report, golds: list[GoldEvent], articles: list[Article]) -> dict:
    """The location figures again with each source's home inferred from its own notes
    (:func:`eventcoder.geoparse.infer_source_homes`)."""
    homes = infer_source_homes(articles)
    placed = paired(golds, [report.records_of(Article(gold.id, gold.notes, published=gold.published, source=gold.source,
                                                      home=homes.get(gold.source))) for gold in golds])
    sources = {gold.source for gold in golds if gold.source}
    return {**{f"homes_{name}": value for name, value in _location_figures(golds, placed).items()},
            "homes_sources": len(sources), "homes_inferred": len(homes)}


def _distance(gold: GoldEvent, ours: dict) -> float | None:
    """Kilometres from ACLED's point to ours; None when either is missing."""
    if None in (gold.latitude, gold.longitude, ours.get("latitude"), ours.get("longitude")):
        return None
    return distance_km(gold.latitude, gold.longitude, ours["latitude"], ours["longitude"])


def _location_figures(golds: list[GoldEvent], placed: list[dict]) -> dict:
    """Shares of the located rows within each radius of ACLED's point, the share of our placed
    events beyond :data:`FAR_KM`, and the median error."""
    located = [(gold, ours) for gold, ours in zip(golds, placed) if gold.latitude is not None and gold.longitude is not None]
    distances = [d for gold, ours in located if (d := _distance(gold, ours)) is not None]
    return {**{f"location_within_{km}km": share(sum(d <= km for d in distances), len(located)) for km in RADII_KM},
            f"location_beyond_{FAR_KM}km": share(sum(d > FAR_KM for d in distances), len(distances)),
            "median_error_km": statistics.median(distances) if distances else 0.0}


def _case(gold: GoldEvent, ours: dict, right: dict[str, bool], distance: float | None) -> Case:
    expected = {"event_type": gold.event_type, "sub_event_type": gold.sub_event_type,
                "fatalities": gold.fatalities, "location": gold.location,
                "latitude": gold.latitude, "longitude": gold.longitude,
                "event_date": gold.event_date.isoformat() if gold.event_date else None,
                "actor1": gold.actor1, "actor2": gold.actor2}
    extracted = {name: ours.get(name) for name in (*expected, "location_text")}
    wrong = [name for name in FIELDS if name in right and not right[name]]
    note = "wrong: " + ", ".join(wrong) if wrong else ""
    if distance is not None and not right.get("location", True):
        note += f" ({distance:.0f} km off)"
    return Case(gold.id, gold.notes, expected, extracted,
                share(sum(right.values()), len(right)) if right else 1.0, note)


def _cell(row: dict[str, str | None], column: str) -> str:
    """A CSV cell; an absent column (or a short row) reads as ""."""
    return (row.get(column) or "").strip()


def _date(text: str) -> date | None:
    text = _ORDINAL.sub(r"\1", text.replace(",", "").replace(".", ""))
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _float(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _int(text: str) -> int | None:
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None
