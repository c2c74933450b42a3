"""The event record: its fields in the order of docs/record.md, each with its type, declared once.

Records stay plain dicts, ready for JSON, so the store, the evaluation and the web app read them
as they are; :class:`EventRecord` names their keys and value types. The writers' columns, the
CSV header, the one Parquet schema and the store's events columns all take from it, so a new
field is added here and nowhere else. :class:`StoredEvent` adds what the store knows of an event
merged across articles.
"""
from __future__ import annotations

import types
from datetime import datetime
from typing import Any, TypedDict, get_args, get_type_hints

__all__ = ["RECORD_FIELDS", "EventRecord", "Evidence", "StoredEvent", "Victim", "field_types"]


class Victim(TypedDict):
    """The toll of one victim group the article names."""

    group: str
    killed_min: int | None
    killed_max: int | None
    injured_min: int | None
    injured_max: int | None


class Evidence(TypedDict):
    """A sentence that tells the event: its text and character offsets into the article text."""

    text: str
    start: int
    end: int


class EventRecord(TypedDict):
    """One event as ``eventcoder extract`` writes it; field names follow ACLED where ACLED has one."""

    event_id: str
    article_id: str
    event_date: str | None  # ISO date
    time_precision: int | None
    date_text: str | None
    event_type: str
    sub_event_type: str
    plover_event: str | None
    plover_mode: str | None
    actor1: str | None
    actor2: str | None
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    inter1: str | None
    inter2: str | None
    civilian_targeting: bool
    location: str | None
    admin1: str | None
    country: str | None
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    geo_precision: int | None
    location_text: str | None
    geo_source: str | None
    fatalities: int
    killed_min: int | None
    killed_max: int | None
    injured_min: int | None
    injured_max: int | None
    victims: list[Victim]
    sources: list[str]
    certainty: str
    status: str
    evidence: list[Evidence]
    notes: str


class StoredEvent(EventRecord, total=False):
    """An event as the store gives it: the record's fields merged across its reports (without
    ``article_id``, ``victims`` and ``evidence``, which stay with each report), plus these."""

    outlets: list[str]
    article_ids: list[str]
    source_count: int  # independent articles
    created_at: datetime
    updated_at: datetime


def field_types(record_type: type) -> dict[str, Any]:
    """Each field of a record type, in order, with its type less ``None``: ``int | None`` is ``int``."""
    return {name: _without_none(kind) for name, kind in get_type_hints(record_type).items()}


def _without_none(kind: Any) -> Any:
    if isinstance(kind, types.UnionType):
        (kind,) = (arg for arg in get_args(kind) if arg is not type(None))
    return kind


#: The event record's fields, in their order.
RECORD_FIELDS: tuple[str, ...] = tuple(field_types(EventRecord))
