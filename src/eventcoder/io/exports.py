"""Writers of stored events in other coders' vocabularies: ACLED CSV and PLOVER JSON.

They take the event dicts of :meth:`eventcoder.store.Store.events`
(:class:`~eventcoder.event_record.StoredEvent`: the record's fields plus ``outlets``,
``article_ids`` and ``source_count``), so they know records, not the database. ``eventcoder
export`` also offers the record's own GeoJSON and Parquet (:mod:`eventcoder.io.writers`); the
formats each command offers are listed in :mod:`eventcoder.io.formats`.

- ``acled-csv``: ACLED's columns in ACLED's order (:data:`ACLED_COLUMNS`), so R and pandas code
  written for ACLED's exports reads it unchanged: ``event_id_cnty`` is our stable event id,
  ``inter1``/``inter2`` and ``interaction`` are ACLED's category words ("State forces-Rebel
  group"), ``iso`` the numeric ISO 3166 code, ``source`` the outlets joined with "; ",
  ``timestamp`` the Unix time of the event's last change; ACLED columns we do not code
  (admin2, admin3, source_scale, tags) are empty.
- ``plover-json``: one JSON object a line with PLOVER's field names (event, mode, actor,
  recipient, ...), location and fatalities beside them.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timezone
from functools import cache
from typing import Any, TextIO

import pycountry

from eventcoder import taxonomy
from eventcoder.io.writers import CsvWriter, TextWriter, to_json
from eventcoder.resources import load_yaml

__all__ = ["ACLED_COLUMNS", "AcledCsvWriter", "PloverJsonWriter", "acled_row", "plover_object"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

@cache
def _regions() -> dict[str, str]:
    raw = load_yaml("acled_regions.yaml")
    return {code: region for region, codes in raw.items() for code in codes}


@cache
def _iso_numeric(code: str) -> int | None:
    country = pycountry.countries.get(alpha_2=code)
    return int(country.numeric) if country else None


def _category_code(category: str) -> int:
    """A category's place in ACLED's interaction-code order; unknown ones last."""
    order = taxonomy.categories()
    return order.index(category) if category in order else len(order)


def _interaction(inter1: str | None, inter2: str | None) -> str | None:
    """ACLED's interaction: the two categories, lower code first, or "X only" for one side."""
    named = sorted((c for c in (inter1, inter2) if c), key=lambda c: _category_code(c))
    if not named:
        return None
    return f"{named[0]} only" if len(named) == 1 else "-".join(named)


def _timestamp(value: Any) -> int | None:
    if not isinstance(value, datetime):
        return None
    return int((value if value.tzinfo else value.replace(tzinfo=timezone.utc)).timestamp())


def acled_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One event as an ACLED CSV row (column name -> value)."""
    day = event.get("event_date")
    day = date.fromisoformat(day) if isinstance(day, str) else day
    code = event.get("country_code")
    kind, sub = event.get("event_type"), event.get("sub_event_type")
    return {
        "event_id_cnty": event.get("event_id"),
        "event_date": day,
        "year": day.year if day else None,
        "time_precision": event.get("time_precision"),
        "disorder_type": taxonomy.disorder_type(kind, sub),
        "event_type": kind,
        "sub_event_type": sub,
        "actor1": event.get("actor1"),
        "assoc_actor_1": event.get("assoc_actor_1"),
        "inter1": event.get("inter1"),
        "actor2": event.get("actor2"),
        "assoc_actor_2": event.get("assoc_actor_2"),
        "inter2": event.get("inter2"),
        "interaction": _interaction(event.get("inter1"), event.get("inter2")),
        "civilian_targeting": "Civilian targeting" if event.get("civilian_targeting") else None,
        "iso": _iso_numeric(code) if code else None,
        "region": _regions().get(code) if code else None,
        "country": event.get("country"),
        "admin1": event.get("admin1"),
        "admin2": None,
        "admin3": None,
        "location": event.get("location"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": event.get("geo_precision"),
        "source": "; ".join(event.get("outlets") or event.get("sources") or []) or None,
        "source_scale": None,
        "notes": event.get("notes"),
        "fatalities": event.get("fatalities") or 0,
        "tags": None,
        "timestamp": _timestamp(event.get("updated_at")),
    }


class AcledCsvWriter(CsvWriter):
    """ACLED's CSV: its header and column order, one row an event."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream, ACLED_COLUMNS)

    def _write(self, record: Mapping[str, Any]) -> None:
        super()._write(acled_row(record))


class PloverJsonWriter(TextWriter):
    """One PLOVER-style JSON object a line."""

    def _write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(to_json(plover_object(record)) + "\n")


def plover_object(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event in PLOVER's vocabulary: event and mode, actor and recipient, where and when."""
    return {
        "id": event.get("event_id"),
        "date": event.get("event_date"),
        "event": event.get("plover_event"),
        "mode": event.get("plover_mode"),
        "actor": event.get("actor1"),
        "actor_category": event.get("inter1"),
        "recipient": event.get("actor2"),
        "recipient_category": event.get("inter2"),
        "location": {key: event.get(key) for key in
                     ("location", "admin1", "country", "country_code", "latitude", "longitude", "geonameid",
                      "geo_precision")},
        "fatalities": event.get("fatalities"),
        "acled_event_type": event.get("event_type"),
        "acled_sub_event_type": event.get("sub_event_type"),
        "sources": event.get("outlets") or [],
        "articles": event.get("article_ids") or [],
        "text": event.get("notes"),
    }
