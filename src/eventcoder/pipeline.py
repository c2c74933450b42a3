"""Runs the stages in order. Each stage reads what earlier ones set and fills its own fields."""
from __future__ import annotations

from eventcoder.article import Article
from eventcoder.stages.actors import find_actors
from eventcoder.stages.attribution import find_attributions
from eventcoder.stages.casualties import find_casualties
from eventcoder.stages.dates import find_dates
from eventcoder.stages.events import find_events
from eventcoder.stages.places import find_places
from eventcoder.stages.text import split_sentences

#: (stage, fields it sets); the order is the order they run in.
STAGES = [
    (split_sentences, ["sentences"]),
    (find_places, ["places"]),
    (find_actors, ["actors"]),
    (find_dates, ["dates"]),
    (find_casualties, ["casualties"]),
    (find_attributions, ["attributions", "statuses"]),
    (find_events, ["triggers", "events"]),
]


def process(article: Article) -> Article:
    """Runs every stage over one article and returns it with its events filled in."""
    for stage, _fields in STAGES:
        stage(article)
    return article


def extract_records(article: Article) -> list[dict]:
    """The event records of one article (DESIGN.md's record), main event first."""
    from eventcoder.records import event_records

    return event_records(process(article))
