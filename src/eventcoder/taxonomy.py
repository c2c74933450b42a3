"""ACLED's taxonomy, named once: the strings rules compare with, and the tables built from
``data/taxonomy.yaml`` (event types, disorder types, actor categories and their groups).

Rules write ``taxonomy.ARMED_CLASH``, not ``"Armed clash"``, so a misspelt name fails at import
rather than silently never matching; :func:`check` holds every name here against the data file.
"""
from __future__ import annotations

from datetime import date
from functools import cache

from eventcoder.resources import load_yaml

# Event types
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

# Sub-event types the rules name
ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
ARRESTS = "Arrests"
SEXUAL_VIOLENCE = "Sexual violence"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
OTHER = "Other"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
AGREEMENT = "Agreement"
GRENADE = "Grenade"
SHELLING = "Shelling/artillery/missile attack"
AIR_DRONE_STRIKE = "Air/drone strike"
DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
LOOTING = "Looting/property destruction"
HEADQUARTERS_ESTABLISHED = "Headquarters or base established"

# Actor categories (ACLED's "inter")
STATE_FORCES = "State forces"
REBEL_GROUP = "Rebel group"
POLITICAL_MILITIA = "Political militia"
IDENTITY_MILITIA = "Identity militia"
RIOTERS = "Rioters"
PROTESTERS = "Protesters"
CIVILIANS = "Civilians"
EXTERNAL_FORCES = "External/Other forces"

#: Sub-event types whose crowd ACLED calls rioters.
RIOT_SUB_TYPES = (VIOLENT_DEMONSTRATION, MOB_VIOLENCE)


@cache
def _data() -> dict:
    return load_yaml("taxonomy.yaml")


@cache
def event_type_of() -> dict[str, str]:
    """Sub-event type -> its event type."""
    return {sub: event for event, subs in _data()["event_types"].items() for sub in subs}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder type of an event: its sub type's where that decides, else its type's."""
    table = _data()["disorder_types"]
    return table["by_sub_event_type"].get(sub_event_type) or table.get(event_type)


@cache
def categories() -> tuple[str, ...]:
    """Actor categories in ACLED's interaction-code order."""
    return tuple(_data()["categories"])


@cache
def category_group(name: str) -> frozenset[str]:
    """A group of categories the rules reason with: ``armed``, ``non_state_armed``, ``crowd``."""
    return frozenset(_data()[f"{name}_categories"])


def attacker_first_since() -> date:
    """The day from which ACLED lists a battle's attacker first, not the state it attacked."""
    return _data()["attacker_first_since"]


def note_template(sub_event_type: str) -> str:
    """The ACLED-style note sentence of a sub-event type, with ``{actor1}`` and ``{actor2}``."""
    return _data()["note_templates"][sub_event_type]


def check() -> list[str]:
    """The names above that ``data/taxonomy.yaml`` does not hold (none when the two agree)."""
    known = {*event_type_of(), *event_type_of().values(), *categories()}
    return [value for name, value in globals().items()
            if name.isupper() and isinstance(value, str) and value not in known]
