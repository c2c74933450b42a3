"""Which stored events a query selects and in what order, as SQL: one filter for the command line and the API.

``eventcoder events`` and ``export`` build an :class:`EventFilter` from their flags, ``/api/events``
and ``/api/summary`` from their query parameters, and the store turns it into SQL here
(:func:`conditions`, :func:`sort_order`), so every way in selects the same events. A categorical
filter (country, admin1, type, actor) holds any number of values and an event matches any of
them; different filters must all match. ``near`` is a bounding box an index can use, then the
exact great-circle distance, both in SQL, so totals and pages agree with the distance. The
timeline's periods (:func:`period_start`) are SQL too, written for SQLite and PostgreSQL.
"""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Date, DateTime, Float, cast, func, literal_column, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

from eventcoder.errors import Errors, QueryError
from eventcoder.store.merge import km_between
from eventcoder.store.schema import events

__all__ = ["PERIODS", "SORTS", "EventFilter", "box", "choose_period", "conditions", "parse_near", "period_end",
           "period_start", "sort_order", "sqlite_km_between"]

_KM_PER_DEGREE = 111.2
#: The filters that may hold several values, any of which an event may match.
CATEGORICAL_FILTERS = ("country", "admin1", "event_type", "actor")
ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
#: Each sort's ORDER BY: ``-`` is descending; ties go newest first, then by storage order, so pages never overlap.
_ORDERS = {
    "event_date": (events.c.event_date.asc().nulls_last(), events.c.id.asc()),
    "-event_date": (events.c.event_date.desc().nulls_last(), events.c.id.desc()),
    "fatalities": (events.c.fatalities.asc(), events.c.event_date.desc().nulls_last(), events.c.id.desc()),
    "-fatalities": (events.c.fatalities.desc(), events.c.event_date.desc().nulls_last(), events.c.id.desc()),
}
SORTS = tuple(_ORDERS)
PERIODS = ("day", "week", "month", "year")
#: The longest span of event dates, in days, each period is chosen for (so a timeline has at most
#: about 93 days, 105 weeks or 180 months); a longer span is counted by year.
PERIOD_LONGEST_SPAN = {"day": 92, "week": 731, "month": 5479}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to select, and their order; an empty or None filter matches every event.

    A single string given for a categorical filter is taken as its one value; blank values are
    dropped (an empty form field filters nothing). QueryError for a sort that does not exist.
    """

    country: tuple[str, ...] = ()  # names or ISO 3166-1 alpha-2 codes
    admin1: tuple[str, ...] = ()  # first-level divisions, by name
    event_type: tuple[str, ...] = ()  # event types or sub-event types
    actor: tuple[str, ...] = ()  # parts of any actor's name, any case
    since: date | None = None
    until: date | None = None
    near: tuple[float, float, float] | None = None  # latitude, longitude, km
    min_fatalities: int | None = None
    sort: str = "event_date"  # one of SORTS

    def __post_init__(self) -> None:
        for name in CATEGORICAL_FILTERS:
            values = getattr(self, name)
            values = (values,) if isinstance(values, str) else values
            object.__setattr__(self, name, tuple(value.strip() for value in values if value and value.strip()))
        _check_choice("sort", self.sort, SORTS)


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise QueryError(Errors.E066.format(name=name, value=value, choices=", ".join(choices)))


def parse_near(value: str) -> tuple[float, float, float]:
    """``LAT,LON,KM`` as the ``near`` filter: a real point on the globe and a distance of at least 0."""
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise QueryError(Errors.E034.format(value=value)) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= km < math.inf):  # also false for nan
        raise QueryError(Errors.E034.format(value=value))
    return lat, lon, km


def conditions(filters: EventFilter) -> list:
    """The WHERE conditions of a filter, to be joined with AND."""
    found = []
    if filters.country:
        found.append(or_(events.c.country_code.in_([value.upper() for value in filters.country]),
                         func.lower(events.c.country).in_([value.lower() for value in filters.country])))
    if filters.admin1:
        found.append(func.lower(events.c.admin1).in_([value.lower() for value in filters.admin1]))
    if filters.event_type:
        types = [value.lower() for value in filters.event_type]
        found.append(or_(func.lower(events.c.event_type).in_(types), func.lower(events.c.sub_event_type).in_(types)))
    if filters.actor:  # autoescape: "%" and "_" in a name are themselves, not wildcards
        found.append(or_(*(events.c[column].icontains(value, autoescape=True)
                           for value in filters.actor for column in ACTOR_COLUMNS)))
    if filters.since:
        found.append(events.c.event_date >= filters.since)
    if filters.until:
        found.append(events.c.event_date <= filters.until)
    if filters.min_fatalities is not None:
        found.append(events.c.fatalities >= filters.min_fatalities)
    if filters.near:
        lat, lon, km = filters.near
        found.extend(box(lat, lon, km))
        found.append(KmBetween(lat, lon, events.c.latitude, events.c.longitude) <= km)
    return found


def box(lat: float, lon: float, km: float) -> list:
    """A latitude/longitude box holding every point within ``km`` (wide open near the poles)."""
    dlat = km / _KM_PER_DEGREE
    cos = math.cos(math.radians(lat))
    dlon = 180.0 if cos < 0.01 else min(180.0, km / (_KM_PER_DEGREE * cos))
    found = [events.c.latitude.between(lat - dlat, lat + dlat)]
    if dlon < 180.0 and -180.0 <= lon - dlon and lon + dlon <= 180.0:
        found.append(events.c.longitude.between(lon - dlon, lon + dlon))
    return found


def sort_order(sort: str) -> tuple:
    """The ORDER BY of one of SORTS."""
    return _ORDERS[sort]


class KmBetween(GenericFunction):
    """Great-circle km between two points in SQL, by :func:`~eventcoder.store.merge.km_between`'s
    formula: SQLite calls that Python function (registered on each connection as ``km_between``),
    PostgreSQL computes the same haversine itself."""

    name = "km_between"
    type = Float()
    inherit_cache = True


@compiles(KmBetween, "postgresql")
def _km_between_in_postgresql(element: KmBetween, compiler, **kw) -> str:
    lat1, lon1, lat2, lon2 = (compiler.process(argument, **kw) for argument in element.clauses)
    half_chord = (f"power(sin(radians({lat2} - {lat1}) / 2), 2) + cos(radians({lat1})) * cos(radians({lat2}))"
                  f" * power(sin(radians({lon2} - {lon1}) / 2), 2)")
    return f"(2 * 6371.0 * asin(least(1.0, sqrt({half_chord}))))"


def sqlite_km_between(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    """``km_between`` as SQLite calls it: NULL when a point is missing, as SQL's own functions answer."""
    return None if None in (lat1, lon1, lat2, lon2) else km_between(lat1, lon1, lat2, lon2)


def choose_period(first: date | None, last: date | None, period: str | None = None) -> str:
    """``period`` if given (QueryError unless one of PERIODS), else the finest period that keeps a
    timeline of the dates from ``first`` to ``last`` short (:data:`PERIOD_LONGEST_SPAN`)."""
    if period is not None:
        _check_choice("period", period, PERIODS)
        return period
    span = (last - first).days if first and last else 0
    return next((name for name, longest in PERIOD_LONGEST_SPAN.items() if span <= longest), "year")


def period_start(period: str, dialect: str):
    """The first day of the period holding each event's date, as SQL: weeks start on Monday."""
    day = events.c.event_date
    if period == "day":
        return day
    if dialect == "postgresql":  # the period is one of PERIODS, written into the SQL for GROUP BY to match
        return cast(func.date_trunc(literal_column(f"'{period}'"), cast(day, DateTime)), Date)
    if period == "week":  # SQLite: on to the Sunday ending the week (the day itself if a Sunday), back to Monday
        return func.date(day, "weekday 0", "-6 days", type_=Date)
    return func.strftime("%Y-%m-01" if period == "month" else "%Y-01-01", day, type_=Date)


def period_end(start: date, period: str) -> date:
    """The last day of the period that starts on ``start``."""
    if period == "week":
        return start + timedelta(days=6)
    if period == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if period == "year":
        return start.replace(month=12, day=31)
    return start
