import re

import pytest

from eventcoder.alternation import dispatched, group_name

NAMED = [
    ("air", ["air ?strikes?", "(?:drone|missile) attacks?"]),
    ("attack", ["attack(?:ed|s)?", "(?<!-)struck"]),
    ("clash", ["clash(?:ed|es)?", "[Ff]ighting"]),
    ("any", [r"\w+-led"]),  # starts with a class: tried everywhere
    ("maybe", ["(?:heavy )?shelling", "shell(?:ed|s)?"]),
]
TEXT = ("Drone attacks and heavy shelling hit the town; fighting and clashes followed. "
        "A US-led AIR STRIKE struck a market, rebels attacked, pre-struck shells fell.")


def _plain(named):
    return re.compile(r"\b(?:" + "|".join(f"(?P<{n}>" + "|".join(p) + ")" for n, p in named) + r")\b", re.I)


@pytest.mark.parametrize("named", [NAMED, NAMED[::-1]])
def test_same_matches_and_names_as_the_plain_alternation(named):
    plain = [(m.span(), m.lastgroup) for m in _plain(named).finditer(TEXT)]
    fast = [(m.span(), group_name(m)) for m in dispatched(named).finditer(TEXT)]
    assert fast == plain
    assert {"air", "attack", "clash", "any", "maybe"} <= {name for _span, name in fast}
