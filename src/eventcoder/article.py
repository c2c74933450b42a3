"""The typed objects every stage reads and fills.

An :class:`Article` flows through the pipeline; each stage adds one kind of
:class:`Mention` (or the events) and never touches what another stage set.
All offsets are character offsets into ``Article.text``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: ``PlaceMention.geo_source`` of a place from the gazetteer's own sources (GeoNames, and the
#: packaged data on its divisions, regions and countries) rather than from an imported one.
GEONAMES = "geonames"


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A span of the article text; subclasses say what it refers to."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class PlaceMention(Mention):
    geonameid: int | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    feature_class: str | None = None  # GeoNames: P populated place, A admin area
    feature_code: str | None = None  # PPL..., PCLI country, ADM1 first-level division
    population: int = 0
    # 1 the place itself, 2 near / outskirts / part of it, 3 only the region is known
    precision: int = 1
    # GEONAMES, or the name of the imported source (gazetteer import --name) the place is from
    geo_source: str = GEONAMES
    # False for a place told by what it is, not by its name ("the Somali capital"): where an
    # event was, but no toponym
    named: bool = True

    @property
    def is_country(self) -> bool:
        """A country, independent or not (GeoNames PCLI, PCLD, PCLS...)."""
        return bool(self.feature_code and self.feature_code.startswith("PCL"))


@dataclass(slots=True)
class ActorMention(Mention):
    name: str | None = None  # canonical ACLED-style name, None while unresolved
    category: str | None = None  # ACLED inter category, e.g. "State forces"
    country_code: str | None = None
    generic: bool = False  # "militants", "the army": resolved from context


@dataclass(slots=True)
class DateMention(Mention):
    date: date | None = None  # start of the period, None when unresolvable
    end_date: date | None = None  # end of a range ("3-5 July"), else None
    precision: int = 1  # ACLED time_precision: 1 day, 2 week/range, 3 month or more
    relation: str = "on"  # on | since | until | before | after | named ("the August 8 polls")


@dataclass(slots=True)
class CasualtyMention(Mention):
    kind: str = "killed"  # killed | injured | abducted | arrested
    group: str | None = None  # civilians, children, soldiers, ... None when unsaid
    minimum: int | None = None
    maximum: int | None = None  # None for "at least", equal to minimum for exact counts
    total: bool = False  # a toll ("the death toll rose to 5"): the act's dead so far, never added
    revised: bool = False  # a toll that corrects the counts told before it ("was revised down to 14")


@dataclass(slots=True)
class AttributionMention(Mention):
    source: str | None = None  # "local sources", "the health ministry"
    certainty: str = "reported"  # reported | claimed | alleged | confirmed | denied


@dataclass(slots=True)
class SentenceStatus:
    """How one sentence relates to the article's news: new, ongoing, background, future."""

    sentence: int
    status: str
    cue: str | None = None


@dataclass(slots=True)
class Trigger(Mention):
    """A word or phrase that evokes an event, with the type it evokes."""

    sentence: int = 0
    event_type: str = ""
    sub_event_type: str = ""
    plover_event: str | None = None
    plover_mode: str | None = None
    passive: bool = False
    entry: int = -1  # index of the lexicon entry it matched
    family: str = ""  # the entry's family: violence, protest, threaten...
    clause_start: int = 0  # where the clause holding it begins
    status: str = "new"  # set by the status stage


@dataclass(slots=True)
class Event:
    """One real-world event as the article tells it; fields follow DESIGN.md's record."""

    trigger: Trigger
    sentences: list[int]
    event_type: str
    sub_event_type: str
    plover_event: str | None = None
    plover_mode: str | None = None
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: ActorMention | None = None
    assoc_actor_2: ActorMention | None = None
    place: PlaceMention | None = None
    date: DateMention | None = None
    casualties: list[CasualtyMention] = field(default_factory=list)
    attributions: list[AttributionMention] = field(default_factory=list)
    status: str = "new"
    certainty: str = "reported"
    civilian_targeting: bool = False


@dataclass
class Article:
    id: str
    text: str
    published: date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    #: Where the outlet is based, as a place name ("Dublin, Ohio"): local news names its own
    #: towns without their state, so their readings near it are preferred.
    home: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    #: What the actor dictionary finds in the text (an ``eventcoder.lexicon.ActorNames``).
    actor_names: Any = None
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    attributions: list[AttributionMention] = field(default_factory=list)
    statuses: list[SentenceStatus] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: One-line notes from reading the input that did not cost the article, such as a
    #: publication date that could not be read ("[E019] ...").
    warnings: tuple[str, ...] = ()

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding a character offset (sentences are in text order)."""
        position = bisect_right(self.sentences, offset, key=_start) - 1
        if position >= 0 and offset < self.sentences[position].end:
            return self.sentences[position]
        return None

    def in_sentence(self, mentions: list, index: int) -> list:
        """The mentions of one kind that start in sentence ``index``.

        ``mentions`` is sorted by start, as every stage leaves its field, so the sentence's
        stretch of it is found by bisection rather than by reading the whole list.
        """
        sentence = self.sentences[index]
        first = bisect_left(mentions, sentence.start, key=_start)
        return mentions[first:bisect_left(mentions, sentence.end, first, key=_start)]


def _start(span: Mention | Sentence) -> int:
    return span.start
