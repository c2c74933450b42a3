"""Date mentions resolved against the publication date, with ACLED's time_precision.

Candidates come from a handful of compiled regexes (explicit dates, ranges, months, years,
weekdays, relative words); where two overlap the longer wins. A mention's text includes the
preposition or modifier before the date ("since June 19", "late on Monday"), which sets its
``relation``: on, since, until, before, after, and those that only this stage gives:

- ``overnight``: the night before publication, dated to the publication day; a weekday or
  another date in the same sentence should win over it.
- ``relative``: "a day earlier": counted back from publication, the story's news taken to be
  the anchor.
- ``came_after``: "a day after": counted back the same way, but it dates what the news came
  after ("The strikes come a day after the army entered" dates the army's entry), not the news.
- ``said``: a date right after a reporting word ("police said on Wednesday"): the day of the
  report, not of what it reports.
- ``ongoing``: "in recent days": a span running up to publication.

Relative dates without a publication date stay ``date=None``, as do those that would fall
outside the calendar ``datetime.date`` can represent (years 1 to 9999: "next week" published
on 9999-12-31); dates that name their year still resolve. Weeks, months and years carry their
last day in ``end_date``. Expressions
that count from another event ("a year later", "the next day") are not emitted.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Callable

from eventcoder.alternation import dispatched_alternatives, first_chars_guard
from eventcoder.article import Article, DateMention
from eventcoder.resources import load_yaml
from eventcoder.stages import stage

#: How far after publication a date without a year may fall before it is read as last year's.
FUTURE_TOLERANCE = timedelta(days=3)
_ORDINAL = r"(?:st|nd|rd|th)?"
#: A year as news writes one (the other stages read it too).
YEAR = r"(?:1[89]|20)\d{2}"
_RANGE_JOINER = r"\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\bthrough\b)\s*"


@dataclass(frozen=True)
class _Prefix:
    start: int
    prep: str | None
    mod: str | None


@dataclass(frozen=True)
class _Terms:
    months: dict[str, int]
    weekdays: dict[str, int]
    relations: dict[str, str]
    relative_days: dict[str, dict]
    relative_periods: dict[str, dict]
    recent_spans: dict[str, dict]
    month_parts: dict[str, list[int]]
    year_parts: dict[str, list[int]]
    count_words: dict[str, int]
    prefix: re.Pattern
    patterns: tuple[tuple[re.Pattern, Callable], ...]
    determiner_before: re.Pattern  # right before a date
    determiner_first: re.Pattern  # opening a date's text: "the 26 October"
    noun_after: re.Pattern  # a lower-case noun right after a date
    named_noun_after: re.Pattern  # one after a name: "the March 2012 Machakos bus bombing"
    said_before: re.Pattern  # a reporting word right before a date: "police said "


@stage("dates", reads=("text", "sentences", "published"), sets=("dates",))
def find_dates(article: Article) -> Article:
    """Sets ``article.dates``: every date mention, sorted by start, with exact offsets."""
    terms = _terms()
    candidates: list[DateMention] = []
    for pattern, resolve in terms.patterns:
        for match in pattern.finditer(article.text):
            prefix = _prefix(terms, match)
            mention = resolve(terms, match, prefix, article.published)
            if mention is not None:
                if _names_an_event(terms, article.text, mention, prefix):
                    mention.relation = "named"
                elif mention.relation == "on" and terms.said_before.search(article.text, max(0, mention.start - 40), mention.start):
                    mention.relation = "said"
                candidates.append(mention)
    article.dates = _longest_non_overlapping(candidates)
    return article


def _prefix(terms: _Terms, match: re.Match) -> _Prefix:
    """The preposition and modifier just before a date ("since", "late on", "mid-")."""
    before = terms.prefix.search(match.string, max(0, match.start() - 40), match.start())
    possessive = match.string.startswith(("'s", "’s"), match.end())  # "from Friday's shelling"
    if before is None or before.start() == before.end() or possessive:
        return _Prefix(match.start(), None, None)
    return _Prefix(before.start(), before["prep"], before["mod"])


def _names_an_event(terms: _Terms, text: str, mention: DateMention, prefix: _Prefix) -> bool:
    """"his October 26 election victory": a calendar date between a determiner and a noun. After
    a month or a year, names may come first ("the March 2012 Machakos bus bombing"); after a day
    they may be the subject ("on the 5 June Kenyan troops attacked"). A date told with its
    preposition names none ("said that on 11 February it carried out")."""
    if prefix.prep:
        return False
    after_determiner = (terms.determiner_before.search(text, max(0, mention.start - 12), mention.start)
                        or terms.determiner_first.match(mention.text))
    noun_after = terms.noun_after.match(text, mention.end) or (
        mention.precision >= 3 and terms.named_noun_after.match(text, mention.end))
    return bool(after_determiner and any(c.isdigit() for c in mention.text) and noun_after)


def _longest_non_overlapping(candidates: list[DateMention]) -> list[DateMention]:
    """Longest first (the earlier of equals, then the earlier pattern), each kept unless it
    overlaps one already kept. The kept characters are marked in a bytearray, so each test
    costs the mention's length, not the number kept."""
    chosen: list[DateMention] = []
    taken = bytearray(max((m.end for m in candidates), default=0))
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if taken.find(1, mention.start, mention.end) < 0:  # mentions are never empty
            taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _alternation(words) -> str:
    """The words, longest first, each tried only where it can begin: the month, weekday and
    relative-word patterns are scanned over the whole text."""
    return dispatched_alternatives([re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)])


@cache
def _terms() -> _Terms:
    raw = load_yaml("date_terms.yaml")
    months: dict[str, int] = {}
    for name, (number, *abbreviations) in raw["months"].items():
        months[name] = number
        months.update({abbreviation: number for abbreviation in abbreviations})
    full_months = _alternation(raw["months"])
    any_month = rf"(?:{_alternation(months)})\b\.?"
    weekday = _alternation(raw["weekdays"])
    prefix = (rf"\b(?:(?P<prep>{_alternation(raw['relations'])})\s+)?"
              rf"(?:(?P<mod>early|late|earlier|later|mid|overnight)(?:\s+on|\s+in)?(?:\s+|-))?"
              rf"(?:(?:{weekday}),?\s+)?$")
    bodies: list[tuple[str, Callable]] = [
        (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso),
        # day first, as ACLED's notes and most of the world write it: "16/03/2024"
        (r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b", _numeric),
        (rf"(?P<between>between\s+)?(?P<d1>\d{{1,2}}){_ORDINAL}(?:\s+(?P<m1>{any_month}))?{_RANGE_JOINER}"
         rf"(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>{any_month})(?:,?\s+(?P<y>{YEAR}))?\b", _day_range),
        (rf"(?P<between>between\s+)?(?P<m1>{any_month})\s+(?P<d1>\d{{1,2}}){_ORDINAL}{_RANGE_JOINER}"
         rf"(?:(?P<m2>{any_month})\s+)?(?P<d2>\d{{1,2}}){_ORDINAL}\b(?:,?\s+(?P<y>{YEAR})\b)?", _day_range),
        (rf"(?:the\s+)?(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m>{any_month})"
         rf"(?:,?\s+(?P<y>{YEAR}))?\b", _day_month),
        (rf"(?P<m>{any_month})\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?:,?\s+(?P<y>{YEAR})\b)?", _day_month),
        (rf"(?P<m>{any_month})(?:,?\s+|\s+of\s+)(?P<y>{YEAR})\b", _month_year),
        (rf"(?:(?P<which>last|next|this|past)\s+)?(?P<m>{full_months})\b(?!\s*\d)", _month_alone),
        (rf"(?:between|from)\s+(?P<y1>{YEAR})\s*(?:and|to|-|–)\s*(?P<y2>{YEAR})\b"
         rf"|\b(?P<y3>{YEAR})\s*[-–]\s*(?P<y4>{YEAR})\b", _year_range),
        (rf"(?:the\s+year\s+)?(?P<y>{YEAR})\b(?![-–/.,]?\d)", _year),
        (rf"(?:(?P<which>last|next|this\s+coming|this|past)\s+)?(?P<wd>{weekday})\b"
         rf"(?:\s+(?:morning|afternoon|evening|night))?", _weekday),
        (rf"(?P<rel>{_alternation([*raw['relative_days'], *raw['relative_periods'], *raw['recent_spans']])})\b",
         _relative),
        (rf"(?P<n>\d{{1,2}}|{_alternation(raw['count_words'])})\s+(?P<unit>day|week|month|year)s?\s+ago\b", _ago),
    ]
    # each pattern fails at once at a word start its body cannot begin with
    patterns = tuple((re.compile(rf"\b{first_chars_guard(body)}(?:{body})", re.IGNORECASE), resolve)
                     for body, resolve in bodies)
    noun_after = rf"\s+(?!(?:{_alternation(raw['not_nouns_after'])})\b)(?-i:[a-z])[a-z-]+\b"
    return _Terms(months, raw["weekdays"], raw["relations"], raw["relative_days"], raw["relative_periods"],
                  raw["recent_spans"], raw["month_parts"], raw["year_parts"], raw["count_words"],
                  re.compile(prefix, re.IGNORECASE), patterns,
                  re.compile(rf"\b(?:{_alternation(raw['naming_determiners'])})\s+$", re.IGNORECASE),
                  re.compile(rf"(?:{_alternation(raw['naming_determiners'])})\s", re.IGNORECASE),
                  re.compile(noun_after), re.compile(rf"(?:\s+(?-i:[A-Z])[\w'’-]*){{1,3}}{noun_after}"),
                  re.compile(rf"\b(?:{_alternation(raw['said_before'])})(?:\s+(?:reporters|journalists|the\s+press|(?-i:[A-Z])[\w'’.-]*)){{0,2}}\s+$",
                             re.IGNORECASE))


def _mention(match: re.Match, prefix: _Prefix, terms: _Terms, day: date | None, precision: int,
             end_date: date | None = None, relation: str | None = None) -> DateMention:
    """Builds the mention from the prefix on; a preposition's relation wins over the default "on"."""
    prep_relation = terms.relations[re.sub(r"\s+", " ", prefix.prep.lower())] if prefix.prep else "on"
    if relation is None or prep_relation != "on":
        relation = prep_relation
    return DateMention(match.string[prefix.start:match.end()], prefix.start, match.end(), date=day,
                       end_date=end_date, precision=precision, relation=relation)


def _month(terms: _Terms, word: str) -> int:
    return terms.months[word.rstrip(".").lower()]


def _is_capitalised(word: str | None) -> bool:
    return word is None or word[0].isupper()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shifted(day: date, days: int) -> date | None:
    """``day`` moved by a number of days; None when that leaves the calendar (years 1-9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _without_year(published: date | None, month: int, day: int) -> date | None:
    """The latest such date not more than a few days after publication."""
    if published is None:
        return None
    latest = _shifted(published, FUTURE_TOLERANCE.days) or date.max
    for year in (published.year + 1, published.year, published.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= latest:
            return candidate
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _iso(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _mention(match, prefix, terms, day, 1) if day else None


def _numeric(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    """A date in figures with its year; figures without one ("3/4") may be a score or a share."""
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _mention(match, prefix, terms, day, 1) if day else None


def _day_month(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    if not _is_capitalised(match["m"]):
        return None
    month, day_of_month = _month(terms, match["m"]), int(match["d"])
    if match["y"]:
        day = _safe_date(int(match["y"]), month, day_of_month)
        if day is None:
            return None
    else:
        if not 1 <= day_of_month <= 31:
            return None
        day = _without_year(published, month, day_of_month)
    return _mention(match, prefix, terms, day, 1)


def _day_range(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    """ "3-5 July", "between 3 and 5 July 2018", "July 3-5", "June 28 to July 2"."""
    if not (_is_capitalised(match["m1"]) and _is_capitalised(match["m2"])):
        return None
    if re.search(r"\band\b", match.group(), re.IGNORECASE) and not match["between"]:
        return None
    end_month = _month(terms, match["m2"] or match["m1"])
    start_month = _month(terms, match["m1"] or match["m2"])
    first, last = int(match["d1"]), int(match["d2"])
    if match["y"]:
        end = _safe_date(int(match["y"]), end_month, last)
        start = _safe_date(end.year, start_month, first) if end else None
        if start is not None and start > end:
            start = _safe_date(end.year - 1, start_month, first)
    else:
        # a range that began by publication may run on past it ("between 9-13 Aug", told on the 9th)
        start = _without_year(published, start_month, first)
        end = _safe_date(start.year, end_month, last) if start else None
        if end is not None and end < start:
            end = _safe_date(start.year + 1, end_month, last)
    if end is None:
        return _mention(match, prefix, terms, None, 2) if published is None and not match["y"] else None
    if start is None or start >= end:
        return None
    return _mention(match, prefix, terms, start, 2 if (end - start).days <= 31 else 3, end_date=end)


def _month_year(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    if not _is_capitalised(match["m"]):
        return None
    year, month = int(match["y"]), _month(terms, match["m"])
    first, last = _month_span(terms, prefix.mod, year, month)
    return _mention(match, prefix, terms, first, 3, end_date=last)


def _month_span(terms: _Terms, mod: str | None, year: int, month: int) -> tuple[date, date]:
    """The whole month, or its early/mid/late part."""
    end = _month_end(year, month)
    part = terms.month_parts.get((mod or "").lower())
    if part is None:
        return date(year, month, 1), end
    return date(year, month, part[0]), min(end, date(year, month, min(part[1], end.day)))


def _month_alone(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    """ "in September": the latest such month up to publication (futurity is another stage's)."""
    if not _is_capitalised(match["m"]) or not (prefix.prep or prefix.mod or match["which"]):
        return None
    if published is None:
        return _mention(match, prefix, terms, None, 3)
    month = _month(terms, match["m"])
    which = (match["which"] or "").lower()
    year = published.year if month <= published.month else published.year - 1
    if which == "last" and month == published.month:
        year -= 1
    elif which == "next":
        year = published.year if month > published.month else published.year + 1
    if not date.min.year <= year <= date.max.year:
        return _mention(match, prefix, terms, None, 3)
    first, last = _month_span(terms, prefix.mod, year, month)
    return _mention(match, prefix, terms, first, 3, end_date=last)


def _year_range(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    first, last = int(match["y1"] or match["y3"]), int(match["y2"] or match["y4"])
    if last <= first:
        return None
    return _mention(match, prefix, terms, date(first, 1, 1), 3, end_date=date(last, 12, 31))


def _year(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    """A bare year only counts after a preposition or "early/mid/late" ("in 2015", "mid-2014"),
    or as the name of an event of that year ("the 2013 Westgate mall attack", see :func:`_names_an_event`)."""
    year = int(match["y"])
    part = terms.year_parts.get((prefix.mod or "").lower())
    first_month, last_month = part if part else (1, 12)
    mention = _mention(match, prefix, terms, date(year, first_month, 1), 3, end_date=_month_end(year, last_month))
    if prefix.prep or prefix.mod or match.group().lower().startswith("the year") or _names_an_event(
            terms, match.string, mention, prefix):
        return mention
    return None


def _weekday(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    """The most recent such day on or before publication; "last" excludes it, "next" looks ahead."""
    if published is None:
        return _mention(match, prefix, terms, None, 1)
    target = terms.weekdays[match["wd"].lower()]
    which = re.sub(r"\s+", " ", (match["which"] or "").lower())
    back = (published.weekday() - target) % 7
    if which in ("last", "past") and back == 0:
        back = 7
    if which in ("next", "this coming"):
        return _mention(match, prefix, terms, _shifted(published, (target - published.weekday()) % 7 or 7), 1)
    return _mention(match, prefix, terms, _shifted(published, -back), 1)


def _relative(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    phrase = re.sub(r"\s+", " ", match["rel"].lower())
    if phrase in terms.relative_days:
        spec = terms.relative_days[phrase]
        day = _shifted(published, spec["offset"]) if published else None
        if spec.get("relation") == "came_after":
            prefix = _Prefix(match.start(), None, None)  # "on Monday, a day after ...": Monday is the news's own
        return _mention(match, prefix, terms, day, 1, relation=spec.get("relation"))
    if phrase in terms.recent_spans:
        spec = terms.recent_spans[phrase]
        start = _shifted(published, -spec["days"]) if published else None
        return _mention(match, prefix, terms, start, spec["precision"], end_date=published if start else None,
                        relation="ongoing")
    spec = terms.relative_periods[phrase]
    precision = 2 if spec["unit"] == "week" else 3
    period = _period(published, spec["unit"], spec["offset"]) if published else None
    if period is None:
        return _mention(match, prefix, terms, None, precision)
    start, end = period
    if spec.get("to_published"):
        end = published
    return _mention(match, prefix, terms, start, precision, end_date=end)


def _period(published: date, unit: str, offset: int) -> tuple[date, date] | None:
    """The calendar week (Monday-Sunday), month or year ``offset`` units from publication's;
    None when it does not lie wholly inside the calendar (years 1-9999)."""
    try:
        if unit == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
            return monday, monday + timedelta(days=6)
        if unit == "month":
            year, month = divmod(published.year * 12 + published.month - 1 + offset, 12)
            return date(year, month + 1, 1), _month_end(year, month + 1)
        return date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)
    except (OverflowError, ValueError):  # past date.max or before date.min
        return None


def _ago(terms: _Terms, match: re.Match, prefix: _Prefix, published: date | None) -> DateMention | None:
    """ "two days ago" (a day), "a week ago" (a week), "three months ago" (a month)."""
    count_text = re.sub(r"\s+", " ", match["n"].lower())
    count = int(count_text) if count_text.isdigit() else terms.count_words[count_text]
    unit = match["unit"].lower()
    precision = {"day": 1, "week": 2}.get(unit, 3)
    if published is None:
        return _mention(match, prefix, terms, None, precision)
    if unit in ("day", "week"):
        return _mention(match, prefix, terms, _shifted(published, -count * (7 if unit == "week" else 1)), precision)
    period = _period(published, unit, -count)
    if period is None:
        return _mention(match, prefix, terms, None, precision)
    start, end = period
    return _mention(match, prefix, terms, start, precision, end_date=end)
