"""Status: whether what the article tells is news, goes on, is history or has not happened.

The one stage that decides status (DESIGN.md's ``status``). It sets two things:

* ``article.statuses``: one :class:`SentenceStatus` per sentence, decided in this order:

  1. a date within 7 days before publication and a past-tense verb that is not only a
     reporting verb ("Earlier on Thursday, ... had entered") -> ``new``;
  2. a threat or plan ("will", "plan to", "vowed to", "in anticipation of") -> ``future``;
  3. a "since" date -> ``background`` when it started more than 60 days before
     publication, ``ongoing`` otherwise;
  4. dated references that all lie more than 60 days before publication -> ``background``;
  5. dates only after publication -> ``future``;
  6. a history cue ("first broke out", "was formed", "previously") -> ``background``;
  7. a lasting-state cue ("continues", "in recent days", "has been besieging") or a date the
     dates stage marks ``relation="ongoing"`` -> ``ongoing``;
  8. a bare "would" (a hypothetical: "its return would cut ...") -> ``future``, since such a
     clause is no event; any ongoing or history cue outranks it;
  9. otherwise ``new``.

  Without a publication date, dates count only through explicit years: a year before the
  latest year the article names is old.

* each trigger's ``status``: its sentence's, except that a threat (a trigger of the ``threaten``
  family) or a future or conditional cue between the start of its clause and the trigger
  ("vowed to attack") makes it ``future``; a ``background`` sentence stays background; and a
  sentence made ``future`` by a cue that only comes after the trigger ("protested against a
  planned eviction") gives the trigger the status the sentence has without its future cues.

Reads ``sentences``, ``dates`` and ``triggers``; cue words live in ``data/status.yaml``.
"""
from __future__ import annotations

import re
from calendar import month_abbr, monthrange
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventcoder.alternation import dispatched_alternatives
from eventcoder.article import Article, DateMention, Sentence, SentenceStatus
from eventcoder.resources import load_yaml
from eventcoder.stages import stage
from eventcoder.stages.dates import YEAR
from eventcoder.stages.text import WORD_TOKEN

RECENT_DAYS = 7
BACKGROUND_DAYS = 60

_YEAR = re.compile(rf"\b{YEAR}\b")
_MONTH = re.compile(r"\b(?:" + "|".join(m.lower() for m in month_abbr[1:]) + r")[a-z]*\.?\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    future: re.Pattern
    weak_future: re.Pattern
    ongoing: re.Pattern
    background: re.Pattern
    clause_future: re.Pattern
    irregular_past: frozenset
    speech_past: frozenset


@cache
def _cues() -> _Cues:
    """Loads and compiles ``data/status.yaml`` once, on first use."""
    data = load_yaml("status.yaml")

    def alternatives(key: str) -> re.Pattern:
        # every cue opens at a word boundary: checked first, it spares the alternatives mid-word;
        # at a word start, only the cues that can begin with its letter are tried
        return re.compile(r"\b(?:" + dispatched_alternatives([f"(?:{p})" for p in data[key]]) + ")", re.IGNORECASE)

    return _Cues(
        future=alternatives("future"),
        weak_future=alternatives("weak_future"),
        ongoing=alternatives("ongoing"),
        background=alternatives("background"),
        clause_future=re.compile(r"\b(?:" + "|".join(data["clause_future"]) + r")\b", re.I),
        irregular_past=frozenset(data["irregular_past"]),
        speech_past=frozenset(data["speech_past"]),
    )


@stage("statuses", reads=("text", "sentences", "published", "dates", "triggers"), sets=("statuses",))
def find_statuses(article: Article) -> Article:
    """Sets ``article.statuses`` and the ``status`` of every trigger."""
    cues = _cues()
    reference_year = _latest_explicit_year(article.dates) if article.published is None else None
    article.statuses = [_sentence_status(article, sentence, cues, reference_year) for sentence in article.sentences]
    _retellings_of_history(article)
    for trigger in article.triggers:
        status = article.statuses[trigger.sentence].status
        if status == "future" and not _future_cue_before(article, trigger.sentence, trigger.end, cues):
            # "Workers protested against a planned eviction": the plan is not the act told
            status = _sentence_status(article, article.sentences[trigger.sentence], cues,
                                      reference_year, future_cues=False).status
        # (the cue may look at the trigger itself: "to stop a march" is no plan to march)
        if status != "background" and (trigger.family == "threaten" or any(
                cue.end() <= trigger.start for cue in cues.clause_future.finditer(article.text, trigger.clause_start, trigger.end))):
            status = "future"  # a threat or a plan: its act has not happened
        trigger.status = status
    return article



def _retellings_of_history(article: Article) -> None:
    """A report whose lead tells a dated act long past ("On 3 March 2019, militants attacked a
    post. Five were killed.") tells history: the sentences after the lead that name no date or
    cue of their own and tell more of the same kind of act are history too. A history paragraph
    inside news is left alone: what follows it often returns to the news."""
    if not article.sentences or not any(d.date is not None for d in article.in_sentence(article.dates, 0)):
        return  # (an empty text has no lead)
    families = [set() for _ in article.sentences]
    for trigger in article.triggers:
        families[trigger.sentence].add(trigger.family)
    for index in range(1, len(article.statuses)):
        sentence, before = article.statuses[index], article.statuses[index - 1]
        if not (sentence.status == "new" and sentence.cue is None and before.status == "background"
                and not article.in_sentence(article.dates, index) and families[index]
                and families[index] <= families[index - 1]):
            return
        article.statuses[index] = SentenceStatus(index, "background", before.cue)


def _future_cue_before(article: Article, index: int, end: int, lexicon: _Cues) -> bool:
    """A threat or plan cue in the sentence up to the end of a trigger ("will march", "plan to
    attack"): only such a cue puts that trigger's act in the future."""
    start = article.sentences[index].start
    return any(cue.search(article.text, start, end) for cue in (lexicon.future, lexicon.weak_future))


def _sentence_status(
    article: Article, sentence: Sentence, lexicon: _Cues, reference_year: int | None, future_cues: bool = True
) -> SentenceStatus:
    text = sentence.text
    dates = [d for d in article.in_sentence(article.dates, sentence.index) if d.date is not None]
    since = [d for d in dates if _is_since(article.text, d)]
    pointed = [d for d in dates if d not in since and d.relation not in {"until", "ongoing", "named"}]
    lasting = [d for d in dates if d.relation == "ongoing"]
    ongoing_cue = lexicon.ongoing.search(text)

    def status(name: str, cue: str | None) -> SentenceStatus:
        return SentenceStatus(sentence.index, name, cue)

    recent = [d for d in pointed if _is_recent(d, article.published) and not _overlaps(d, sentence, ongoing_cue)]
    if recent and _has_past_event_verb(text, lexicon):
        return status("new", recent[0].text)
    future_cue = lexicon.future.search(text) if future_cues else None
    if future_cue:
        return status("future", future_cue.group())
    if since:
        old = _is_old(since[0], article.published, reference_year)
        return status("background" if old else "ongoing", since[0].text)
    judged = pointed if article.published else [d for d in pointed if _explicit_year(d) is not None]
    if judged and all(_is_old(d, article.published, reference_year) for d in judged):
        return status("background", judged[0].text)
    if pointed and article.published and all(d.date > article.published for d in pointed):
        return status("future", pointed[0].text)
    background_cue = lexicon.background.search(text)
    if background_cue:
        return status("background", background_cue.group())
    if ongoing_cue or lasting:
        return status("ongoing", ongoing_cue.group() if ongoing_cue else lasting[0].text)
    weak_future_cue = lexicon.weak_future.search(text) if future_cues else None
    if weak_future_cue:
        return status("future", weak_future_cue.group())
    return status("new", None)


def _is_since(text: str, mention: DateMention) -> bool:
    return mention.relation == "since" or bool(_SINCE_BEFORE.search(text[max(0, mention.start - 12):mention.start]))


def _is_recent(mention: DateMention, published: date | None) -> bool:
    if published is None:
        return False
    return 0 <= (published - mention.date).days <= RECENT_DAYS


def _is_old(mention: DateMention, published: date | None, reference_year: int | None) -> bool:
    """More than ~60 days before publication, judged by the end of the period the date names."""
    if published is not None:
        return (published - _period_end(mention)).days > BACKGROUND_DAYS
    year = _explicit_year(mention)
    return reference_year is not None and year is not None and year < reference_year


def _period_end(mention: DateMention) -> date:
    if mention.end_date is not None:
        return mention.end_date
    start = mention.date
    if mention.precision < 3:
        return start
    if _YEAR.search(mention.text) and not _MONTH.search(mention.text):
        return date(start.year, 12, 31)
    return date(start.year, start.month, monthrange(start.year, start.month)[1])


def _explicit_year(mention: DateMention) -> int | None:
    return mention.date.year if mention.date is not None and _YEAR.search(mention.text) else None


def _latest_explicit_year(dates: list[DateMention]) -> int | None:
    years = [year for year in map(_explicit_year, dates) if year is not None]
    return max(years, default=None)


def _overlaps(mention: DateMention, sentence: Sentence, cue: re.Match | None) -> bool:
    """True when a date is itself the ongoing cue ("in recent days")."""
    if cue is None:
        return False
    start, end = sentence.start + cue.start(), sentence.start + cue.end()
    return mention.start < end and start < mention.end


def _has_past_event_verb(text: str, lexicon: _Cues) -> bool:
    """A past-tense verb other than a reporting one: "entered", "struck", not "said"."""
    for match in WORD_TOKEN.finditer(text):
        word = match.group().lower()
        if "-" in word or word in lexicon.speech_past:
            continue
        if word in lexicon.irregular_past or (word.endswith("ed") and len(word) > 4):
            return True
    return False
