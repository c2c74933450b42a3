import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from eventcoder.alternation import _first_chars, dispatched, dispatched_alternatives, first_chars_guard, group_name

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


@pytest.mark.parametrize("pos, endpos", [(0, len(TEXT)), (5, 60), (30, 31)])
def test_search_without_the_groups_finds_what_the_grouped_regex_finds(pos, endpos):
    fast = dispatched(NAMED)
    grouped = re.compile(fast.pattern, re.I)
    assert ([(m.span(), m.lastgroup) for m in fast.finditer(TEXT, pos, endpos)]
            == [(m.span(), m.lastgroup) for m in grouped.finditer(TEXT, pos, endpos)])


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
def test_an_alternation_inside_a_regex_matches_as_the_plain_one(flags):
    patterns = [p for _name, named in NAMED for p in named if not p.startswith("\\")] + ["a", "air"]  # "a" before "air"
    plain = re.compile(r"\b(?P<x>" + "|".join(patterns) + r")(?: (?P<y>\w+))?", flags)
    guard = first_chars_guard("|".join(patterns), flags)
    fast = re.compile(r"\b" + guard + "(?P<x>" + dispatched_alternatives(patterns, flags) + r")(?: (?P<y>\w+))?", flags)
    assert guard and [(m.span(), m.groupdict()) for m in fast.finditer(TEXT)] == [
        (m.span(), m.groupdict()) for m in plain.finditer(TEXT)]


@pytest.mark.parametrize("pattern, first", [
    ("(?:heavy )?shelling|(?<!-)struck", {"h", "s"}),
    (r"\bAIR ?strikes?", {"a"}),
    ("[A-C]x|d{0,2}e|(?-i:F)", {"a", "b", "c", "d", "e", "f"}),
    (r"\x41|\.|[\]-]", {"a", ".", "]", "-"}),
    (r"\w+-led|[^a]b|.", {None}),  # a class of any character: tried everywhere
    ("a?|b*", {None}),  # can match empty
    (r"(a)\1", {None}),  # a back-reference: not read, so tried everywhere
])
def test_first_characters_of_a_pattern(pattern, first):
    assert _first_chars(pattern, re.IGNORECASE) == first


ATOMS = st.sampled_from(["a", "C", "é", "-", r"\.", r"\x41", "[ab]", "[a-c]", "[^a]", r"\w", ".", r"\b", "$"])
GROUPS = st.sampled_from(["(?:", "(", "(?=", "(?!", "(?-i:"])
ITEMS = st.recursive(ATOMS, lambda inner: st.builds(lambda head, alternatives: head + "|".join(alternatives) + ")",
                                                    GROUPS, st.lists(inner, min_size=1, max_size=3)), max_leaves=8)
PATTERNS = st.lists(st.tuples(ITEMS, st.sampled_from(["", "?", "*", "+", "{0,2}", "{2}", "+?"])),
                    min_size=1, max_size=4).map(lambda items: "".join(item + repeat for item, repeat in items))


@settings(max_examples=300, deadline=None)
@given(PATTERNS, st.text(alphabet="abcAC-.é x", max_size=10))
def test_every_match_begins_with_one_of_the_first_characters(pattern, text):
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:  # a repeated \b or $
        assume(False)
    first = _first_chars(pattern, re.IGNORECASE)
    for at in range(len(text) + 1):
        match = compiled.match(text, at)
        assert first == {None} or match is None or (match.end() > at and text[at].lower() in first)
