"""Whether two event records describe the same real event, why, and what the merged event says.

Rules (data/merge_rules.yaml): compatible sub-event types (groups that may span event types:
outlets call one car bomb an attack on civilians, a remote explosive or a suicide bombing) and
statuses, dates within a window set by the coarser time_precision, places within a distance set
by the coarser geo_precision, and compatible actors (the same, or one side unknown or generic).
Reports whose types differ also need one positive tie: a named actor in both, or the same place.
Every decision carries a plain-language reason, stored with the merge.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from eventcoder.resources import load_yaml

_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)$")
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")
PRECISION_WORDS = {1: "day", 2: "week", 3: "month"}
GEO_WORDS = {1: "exact places", 2: "places near a town", 3: "regions"}
#: Fields the merged event takes from one chosen report, group by group.
DATE_FIELDS = ("event_date", "time_precision", "date_text")
PLACE_FIELDS = ("location", "admin1", "country", "country_code", "latitude", "longitude",
                "geonameid", "geo_precision", "location_text", "geo_source")
ACTOR_ROLES = (("actor1", "inter1"), ("actor2", "inter2"), ("assoc_actor_1", None), ("assoc_actor_2", None))


@dataclass(frozen=True, slots=True)
class Rules:
    date_window_days: dict[int, int]
    distance_km: dict[int, float]
    province_reach_km: float
    sub_event_groups: tuple[frozenset[str], ...]
    status_groups: dict[str, int]
    generic_prefixes: tuple[str, ...]
    place_qualified_actors: tuple[str, ...]
    actor_networks: dict[str, str]  # member name, casefolded -> network
    province_named_town_precision: int
    event_type_precedence: tuple[str, ...]
    shingle_words: int
    near_duplicate_overlap: float


@cache
def load_rules() -> Rules:
    """The merge rules, read once from the packaged data file."""
    raw = load_yaml("merge_rules.yaml")
    return Rules(
        date_window_days={int(k): int(v) for k, v in raw["date_window_days"].items()},
        distance_km={int(k): float(v) for k, v in raw["distance_km"].items()},
        province_reach_km=float(raw["province_reach_km"]),
        sub_event_groups=tuple(frozenset(group) for group in raw["compatible_sub_event_types"]),
        status_groups={name: i for i, group in enumerate(raw["compatible_statuses"]) for name in group},
        generic_prefixes=tuple(raw["generic_actor_prefixes"]),
        place_qualified_actors=tuple(raw["place_qualified_actors"]),
        actor_networks={member.casefold(): network for network, members in raw["actor_networks"].items()
                        for member in members},
        province_named_town_precision=int(raw["province_named_town_precision"]),
        event_type_precedence=tuple(raw["event_type_precedence"]),
        shingle_words=int(raw["shingle_words"]),
        near_duplicate_overlap=float(raw["near_duplicate_overlap"]),
    )


@dataclass(frozen=True, slots=True)
class Decision:
    same: bool
    reason: str
    score: float = math.inf  # lower is closer; compares candidates that all pass


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def max_window_days() -> int:
    return max(load_rules().date_window_days.values())


def max_distance_km() -> float:
    return max(load_rules().distance_km.values())


def canonical_actor(name: str | None) -> str | None:
    """The actor's name without ACLED's government period ("(2022-)" does not make a new actor),
    and without the country of a place-qualified group ("Civilians (Syria)" is "civilians")."""
    if not name:
        return None
    name = _PERIOD.sub("", name).strip()
    if name.startswith(load_rules().place_qualified_actors):
        name = _QUALIFIER.sub("", name)
    return name.casefold()


def actor_network(name: str | None) -> str | None:
    """The network an armed group belongs to ("Al Qaeda" for JNIM), None for others."""
    if not name:
        return None
    networks = load_rules().actor_networks
    name = _PERIOD.sub("", name).strip().casefold()
    return networks.get(name) or networks.get(_QUALIFIER.sub("", name))


def is_generic(name: str | None) -> bool:
    return name is None or name.startswith(load_rules().generic_prefixes)


def sub_types_compatible(first: str, second: str) -> bool:
    """Whether two sub-event types can name one incident (the same, or in one group)."""
    return first == second or any(first in group and second in group for group in load_rules().sub_event_groups)


def compatible_event_types(sub_event_type: str) -> set[str]:
    """The sub-event types a record of this sub-event type may merge with, itself included."""
    return {sub_event_type}.union(*(group for group in load_rules().sub_event_groups if sub_event_type in group))


def geo_precision(record: dict) -> int:
    """The record's geo_precision, coarsened for a town named like its province (3 when unknown)."""
    precision = record["geo_precision"] or 3
    if record["location"] and record.get("admin1") and record["location"].casefold() == record["admin1"].casefold():
        precision = max(precision, load_rules().province_named_town_precision)
    return precision


def _both_told_by_day(new: dict, old: dict) -> bool:
    """Both reports name the day ("on Tuesday", "on 13 February") and neither the night that
    runs into the next one: two different days are two events (ACLED: a new event each day)."""
    told = [record.get("date_text") for record in (new, old)]
    return (all(told) and new["time_precision"] == old["time_precision"] == 1
            and not any(_NIGHT.search(text) for text in told))


_NIGHT = re.compile(r"night|overnight|midnight|dawn|early hours", re.I)


def _days_apart(days: int) -> str:
    return f"{days} day{'s' * (days > 1)} apart"


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def compare(new: dict, old: dict) -> Decision:
    """Whether record ``new`` is the same real event as ``old`` (a record or a merged event)."""
    rules = load_rules()
    sub_new, sub_old = new["sub_event_type"], old["sub_event_type"]
    if not sub_types_compatible(sub_new, sub_old):
        if new["event_type"] != old["event_type"]:
            return Decision(False, f"different event types ({new['event_type']} / {old['event_type']})")
        return Decision(False, f"incompatible sub-event types ({sub_new} / {sub_old})")
    if rules.status_groups.get(new["status"]) != rules.status_groups.get(old["status"]):
        return Decision(False, f"one is a threat or plan, the other happened ({new['status']} / {old['status']})")

    day_new, day_old = _as_date(new["event_date"]), _as_date(old["event_date"])
    if day_new is None or day_old is None:
        return Decision(False, "a date is unknown")
    precision = max(new["time_precision"] or 3, old["time_precision"] or 3)
    window = 0 if _both_told_by_day(new, old) else rules.date_window_days[precision]
    days = abs((day_new - day_old).days)
    if days > window:
        return Decision(False, f"dates {day_old} and {day_new} are {_days_apart(days)} "
                               + ("(both reports name their day)" if window == 0 else f"(window {window})"))

    if new["country_code"] and old["country_code"] and new["country_code"] != old["country_code"]:
        return Decision(False, f"different countries ({old['country_code']} / {new['country_code']})")
    geo = max(geo_precision(new), geo_precision(old))
    limit = rules.distance_km[geo]
    if None not in (new["latitude"], new["longitude"], old["latitude"], old["longitude"]):
        km = km_between(new["latitude"], new["longitude"], old["latitude"], old["longitude"])
    elif new.get("geonameid") is not None and new.get("geonameid") == old.get("geonameid"):
        km = 0.0  # both told only by their country, which has no point
    else:
        return Decision(False, "a place is unknown")
    if geo == 3 and new.get("admin1") and new.get("admin1") == old.get("admin1"):
        limit = max(limit, rules.province_reach_km)  # a province told alone lies at its capital
    if km > limit:
        return Decision(False, f"places {old['location']} and {new['location']} are {km:.0f} km apart (limit {limit:.0f} km)")

    actors = _actors_agree(new, old)
    if actors is None:
        return Decision(False, "the actors differ: " + _actor_list(old) + " / " + _actor_list(new))
    said, named_matches = actors
    same_place = new.get("geonameid") is not None and new.get("geonameid") == old.get("geonameid")
    if sub_new != sub_old and not named_matches and not same_place:
        return Decision(False, f"types differ ({sub_old} / {sub_new}) with no actor or place named by both")

    sub_text = (f"the same type ({sub_old})" if sub_new == sub_old
                else f"compatible types ({sub_old} / {sub_new})")
    window_text = ("the day both name" if window == 0 else
                   f"within {window} day{'s' * (window > 1)} for {PRECISION_WORDS[precision]}-precise dates")
    day_text = ("the same date" if days == 0 else f"dates {_days_apart(days)}") + (
        f" ({day_old}{'' if days == 0 else ' / ' + str(day_new)}; {window_text})")
    place_names = old["location"] if old["location"] == new["location"] else f"{old['location']} / {new['location']}"
    place_text = f"places {km:.1f} km apart ({place_names}; within {limit:.0f} km for {GEO_WORDS[geo]})"
    reason = f"{sub_text}, {day_text}, {place_text}, {said}."
    score = km / limit + days / (window + 1) + (sub_new != sub_old) * 0.5 - 0.2 * named_matches
    return Decision(True, reason[0].upper() + reason[1:], score)


def _actor_list(record: dict) -> str:
    return " vs ".join(record.get(role) or "unknown" for role in ("actor1", "actor2"))


def _actors_agree(new: dict, old: dict) -> tuple[str, int] | None:
    """How the actors agree (in words, and the count of named matches), or None when they clash.

    Each side agrees when both name the same actor (main or associated) or two groups of one
    network (JNIM and Al Qaeda), or when either side is unknown or generic ("Unidentified Armed
    Group"). Sides may be swapped: outlets differ on who
    attacked whom in a clash.
    """
    best = None
    for swapped in (False, True):
        said, matches = [], 0
        for side in (1, 2):
            theirs = (3 - side) if swapped else side
            name_new, name_old = new[f"actor{side}"], old[f"actor{theirs}"]
            if is_generic(name_new) or is_generic(name_old):
                named = name_new if not is_generic(name_new) else name_old
                if named:
                    said.append(f"{named} named by one report, the other unknown or generic")
                continue
            group_new = {canonical_actor(name_new), canonical_actor(new[f"assoc_actor_{side}"])}
            group_old = {canonical_actor(name_old), canonical_actor(old[f"assoc_actor_{theirs}"])}
            network = actor_network(name_new)
            if canonical_actor(name_new) == canonical_actor(name_old):
                said.append(f"{name_new} in both")
            elif canonical_actor(name_new) in group_old or canonical_actor(name_old) in group_new:
                said.append(f"{name_old} / {name_new} (allies)")
            elif network and network == actor_network(name_old):
                said.append(f"{name_old} / {name_new} (both of the {network} network)")
            else:
                break
            matches += 1
        else:
            text = "actors " + ("; ".join(said) if said else "unknown in both") + (", sides swapped" if swapped else "")
            if best is None or matches > best[1]:
                best = (text, matches)
    return best


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One article's record of an event, as the merged event is built from it."""

    record: dict
    published: date | None
    independent: bool  # False for a near-duplicate copy of another stored article


def merged_fields(reports: list[SourceReport]) -> dict:
    """The merged event's fields from all its reports, in the order they were stored.

    Date and place come from the most precise report; the type from the majority of independent
    reports, after an event type that takes precedence (an explosion over an attack on
    civilians); actors from the first that names them, sides aligned with the first report;
    casualties span every report (``killed_min`` the lowest figure, ``killed_max`` the highest),
    and ``fatalities`` follows ACLED: the most conservative figure among the latest reports that
    give a toll, so a later report of a risen toll raises it, while outlets that disagree on the
    same day give the lower figure.
    """
    records = [r.record for r in reports]
    first = records[0]
    fields: dict[str, Any] = {}
    dated = [r for r in records if r["event_date"]] or [first]
    fields |= {k: min(dated, key=lambda r: r["time_precision"] or 3).get(k) for k in DATE_FIELDS}
    placed = [r for r in records if r["latitude"] is not None] or [first]
    fields |= {k: min(placed, key=lambda r: r["geo_precision"] or 3).get(k) for k in PLACE_FIELDS}
    independent = [r.record for r in reports if r.independent] or records
    sub = Counter(r["sub_event_type"] for r in _leading_type(independent)).most_common(1)[0][0]
    typed = next(r for r in records if r["sub_event_type"] == sub)
    fields |= {"event_type": typed["event_type"], "sub_event_type": sub, "plover_event": typed["plover_event"],
               "plover_mode": typed["plover_mode"]}
    sided = [_same_sides(r, first) for r in records]
    for role, category in ACTOR_ROLES:
        named = [r for r in sided if r[role]]
        chosen = next((r for r in named if not is_generic(r[role])), named[0] if named else first)
        fields[role] = chosen[role]
        if category:
            fields[category] = chosen[category] if chosen[role] else None
    for kind in ("killed", "injured"):
        lows = [r[f"{kind}_min"] for r in records if r[f"{kind}_min"] is not None]
        highs = [r[f"{kind}_max"] if r[f"{kind}_max"] is not None else r[f"{kind}_min"] for r in records]
        highs = [h for h in highs if h is not None]
        fields[f"{kind}_min"] = min(lows) if lows else None
        fields[f"{kind}_max"] = max(highs) if highs else None
    fields["fatalities"] = conservative_fatalities(reports)
    fields["civilian_targeting"] = any(r["civilian_targeting"] for r in records)
    fields["certainty"] = Counter(r["certainty"] for r in independent).most_common(1)[0][0]
    fields["status"] = first["status"]
    fields["sources"] = sorted({s for r in records for s in r.get("sources") or []})
    fields["notes"] = first["notes"]
    return fields


def _leading_type(records: list[dict]) -> list[dict]:
    """The records of the event type that takes precedence among them, else all of them."""
    for event_type in load_rules().event_type_precedence:
        leading = [r for r in records if r["event_type"] == event_type]
        if leading:
            return leading
    return records


def _same_sides(record: dict, reference: dict) -> dict:
    """The record with its sides swapped when it names the reference's actor1 as actor2, or the
    reverse: outlets differ on who attacked whom, and the merged event keeps one orientation."""
    def ties(first: dict, second: dict) -> int:
        return sum(bool(first[f"actor{side}"]) and canonical_actor(first[f"actor{side}"]) ==
                   canonical_actor(second[f"actor{side}"]) for side in (1, 2))
    swapped = record | {"actor1": record["actor2"], "actor2": record["actor1"], "inter1": record["inter2"],
                        "inter2": record["inter1"], "assoc_actor_1": record["assoc_actor_2"],
                        "assoc_actor_2": record["assoc_actor_1"]}
    return swapped if ties(swapped, reference) > ties(record, reference) else record


def conservative_fatalities(reports: list[SourceReport]) -> int:
    """ACLED's fatalities: the lowest figure among the most recently published reports with a toll."""
    tolled = [r for r in reports if r.record["killed_min"] is not None or r.record["killed_max"] is not None]
    if not tolled:
        return 0
    latest = max(r.published or date.min for r in tolled)
    return min(r.record["fatalities"] for r in tolled if (r.published or date.min) == latest)
