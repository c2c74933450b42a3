"""One regex over hundreds of alternatives that tries, at each position, only those that can start there.

Python's ``re`` tries every branch of an alternation at every word start; with ~500 trigger
patterns that was a third of the time an article took. :func:`dispatched` groups the branches
by the characters they can begin with (read by :class:`_FirstChars`, a small reader of the regex
syntax) behind one lookahead per character, keeping their order inside each group, with one
lookahead over all those characters before them. At any position only the branches that could
match there are tried, in the order they had, so every match is the one the plain alternation
finds, with the same named group: ``name`` followed by ``_<n>``; :func:`group_name` reads it
back. The search itself runs without the named groups (:class:`Dispatched`).
:func:`dispatched_alternatives` groups an alternation inside a larger regex the same way, and
:func:`first_chars_guard` puts one lookahead of a pattern's first characters before it.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator

__all__ = ["Dispatched", "dispatched", "dispatched_alternatives", "first_chars_guard", "group_name"]

#: A back-reference (``\\1``, ``(?P=name)``) or a conditional (``(?(1)...)``): these count groups.
_COUNTS_GROUPS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")

_Chars = set[str] | None  # None: any character


def dispatched(named: list[tuple[str, list[str]]], prefix: str = r"\b", suffix: str = r"\b",
               flags: int = re.IGNORECASE) -> Dispatched:
    """``prefix(?:(?P<name>p|p...)|...)suffix`` for (name, patterns) in order, dispatched by first character."""
    buckets: dict[str | None, list[tuple[str, str]]] = {}
    for name, patterns in named:
        for pattern in patterns:
            for char in _first_chars(pattern, flags):
                buckets.setdefault(char, []).append((name, pattern))
    anywhere = buckets.pop(None, [])  # patterns whose first character could not be read: tried everywhere
    # one lookahead over every first character: a word's end or a character no branch begins
    # with fails once there, not once per bucket
    guard = "" if anywhere else _lookahead(buckets)

    def regex(named_groups: bool) -> re.Pattern:
        branches = [f"{_lookahead(char)}(?:{_groups(items, number, named_groups)})"
                    for number, (char, items) in enumerate(sorted(buckets.items()))]
        if anywhere:
            branches.append(f"(?:{_groups(anywhere, len(branches), named_groups)})")
        return re.compile(prefix + guard + "(?:" + "|".join(branches) + ")" + suffix, flags)

    grouped = regex(named_groups=True)
    # a back-reference or a conditional counts groups: without ours it would name another
    counts_groups = any(_COUNTS_GROUPS.search(p) for _, patterns in named for p in patterns)
    return Dispatched(grouped, grouped if counts_groups else regex(named_groups=False))


def dispatched_alternatives(patterns: list[str], flags: int = re.IGNORECASE) -> str:
    """``p|p|...`` as a fragment for a larger regex (it adds no group), its branches grouped by
    the characters they can begin with as :func:`dispatched` groups them: inside a regex scanned
    over a whole text, the branches are tried only where they can begin, in the order they had."""
    buckets: dict[str | None, list[str]] = {}
    for pattern in patterns:
        for char in _first_chars(pattern, flags):
            buckets.setdefault(char, []).append(pattern)
    if None in buckets:  # a branch that may begin anywhere: dispatching would save nothing
        return "|".join(patterns)
    return _lookahead(buckets) + "(?:" + "|".join(
        f"{_lookahead(char)}(?:{'|'.join(items)})" for char, items in sorted(buckets.items())) + ")"


def first_chars_guard(pattern: str, flags: int = re.IGNORECASE) -> str:
    """A lookahead for the characters a match of ``pattern`` can begin with ("" when unknown):
    put before it, the regex fails at once where the pattern cannot begin, without trying it."""
    chars = _first_chars(pattern, flags)
    return "" if None in chars else _lookahead(chars)


def _lookahead(chars) -> str:
    return "(?=[" + "".join(map(re.escape, sorted(chars))) + "])"


class Dispatched:
    """The dispatched regex, searched for without its named groups and matched with them only
    where it matches: ``re`` clears every mark below a group's number each time a branch
    enters it, so hundreds of groups cost at each word start, not only at each match."""

    def __init__(self, grouped: re.Pattern, scanner: re.Pattern) -> None:
        self.pattern = grouped.pattern
        self._grouped = grouped
        self._scanner = scanner

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        """The matches ``re.finditer`` gives, named groups included."""
        for found in self._scanner.finditer(string, pos, endpos):
            yield self._grouped.match(string, found.start(), endpos)


def group_name(match: re.Match) -> str:
    """The name given to :func:`dispatched` for the alternative that matched."""
    return match.lastgroup.rsplit("_", 2)[0]


def _groups(items: list[tuple[str, str]], bucket: int, named_groups: bool) -> str:
    """Consecutive patterns of one name share a group; every group name is unique in the regex."""
    runs: list[tuple[str, list[str]]] = []
    for name, pattern in items:
        if runs and runs[-1][0] == name:
            runs[-1][1].append(pattern)
        else:
            runs.append((name, [pattern]))
    return "|".join((f"(?P<{name}_{bucket}_{run}>" if named_groups else "(?:") + "|".join(patterns) + ")"
                    for run, (name, patterns) in enumerate(runs))


def _first_chars(pattern: str, flags: int) -> set[str | None]:
    """The lower-cased characters a match can begin with; {None} when unknown or it can be empty."""
    if flags & re.VERBOSE:
        return {None}
    try:
        chars, can_be_empty = _FirstChars(pattern).whole()
    except _Unread:
        return {None}
    if chars is None or can_be_empty:
        return {None}
    return {char.lower() for char in chars} if flags & re.IGNORECASE else chars


class _Unread(Exception):
    """Syntax the reader leaves to ``re`` (back-references, conditionals, ``\\N{name}``...): tried everywhere."""


#: ``(`` then ``?:``, ``?P<name>``, ``?-i:`` (flags for the group) or nothing: the group matches
#: its content; ``?=``, ``?!``, ``?<=``, ``?<!``: a lookaround, which matches no character.
_GROUP_START = re.compile(r"\?(?:P<\w+>|[aiLmsu]*(?:-[imsx]+)?:)|(?P<lookaround>\?<?[=!])|(?!\?)")
#: ``?``, ``*``, ``{0,n}``, ``{,n}`` (the item may be left out), ``+`` or ``{m,n}``; lazy or possessive.
_QUANTIFIER = re.compile(r"(?:(?P<optional>[?*]|\{(?:0+(?:,\d*)?|,\d*)\})|\+|\{\d+(?:,\d*)?\})[?+]?")
_CONTROL = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


class _FirstChars:
    """Reads a pattern for the characters its matches can begin with and whether it can match
    empty; each method returns that pair for the part it reads."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def whole(self) -> tuple[_Chars, bool]:
        found = self._alternatives()
        if self.at < len(self.pattern):  # a ")" without its "("
            raise _Unread
        return found

    def _alternatives(self) -> tuple[_Chars, bool]:
        chars, empty = self._sequence()
        while self._take("|"):
            more, more_empty = self._sequence()
            chars = None if chars is None or more is None else chars | more
            empty |= more_empty
        return chars, empty

    def _sequence(self) -> tuple[_Chars, bool]:
        """Items up to ``|`` or ``)``: the first characters of those that can begin the match."""
        chars: _Chars = set()
        empty = True
        while self.at < len(self.pattern) and self.pattern[self.at] not in "|)":
            found, found_empty = self._quantified()
            if empty:
                chars = None if chars is None or found is None else chars | found
                empty = found_empty
        return chars, empty

    def _quantified(self) -> tuple[_Chars, bool]:
        chars, empty = self._item()
        quantifier = _QUANTIFIER.match(self.pattern, self.at)
        if quantifier:
            self.at = quantifier.end()
            empty |= quantifier["optional"] is not None
        return chars, empty

    def _item(self) -> tuple[_Chars, bool]:
        char = self._next()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class(), False
        if char == "\\":
            return self._escape()
        if char == ".":
            return None, False
        if char in "^$":
            return set(), True
        if char in "*+?":  # a quantifier with nothing before it: re refuses the pattern
            raise _Unread
        return {char}, False

    def _group(self) -> tuple[_Chars, bool]:
        start = _GROUP_START.match(self.pattern, self.at)
        if not start:
            raise _Unread
        self.at = start.end()
        found = self._alternatives()
        if not self._take(")"):
            raise _Unread
        return (set(), True) if start["lookaround"] else found

    def _class(self) -> _Chars:
        """The members of ``[...]``; None when it is negated or holds a class such as ``\\w``."""
        negated = self._take("^")
        members: _Chars = set()
        first = self.at
        while self.at == first or not self._take("]"):  # a "]" first is a member
            low = self._class_member()
            if self.pattern.startswith("-", self.at) and self.pattern[self.at + 1:self.at + 2] not in ("]", ""):
                self.at += 1
                high = self._class_member()
                found = None if low is None or high is None else set(map(chr, range(ord(low), ord(high) + 1)))
            else:
                found = None if low is None else {low}
            members = None if members is None or found is None else members | found
        return None if negated else members

    def _class_member(self) -> str | None:
        char = self._next()
        if char != "\\":
            return char
        escaped = self._next()
        if escaped in "dDsSwW":
            return None
        return "\b" if escaped == "b" else self._literal(escaped)

    def _escape(self) -> tuple[_Chars, bool]:
        escaped = self._next()
        if escaped in "bBAZ":
            return set(), True
        if escaped in "dDsSwW":
            return None, False
        return {self._literal(escaped)}, False

    def _literal(self, escaped: str) -> str:
        """The character ``\\<escaped>`` stands for: a control character, a code point (``\\xhh``,
        ``\\uhhhh``, ``\\Uhhhhhhhh``) or the character itself."""
        if escaped in _CONTROL:
            return _CONTROL[escaped]
        if escaped in _HEX_DIGITS:
            digits = self.pattern[self.at:self.at + _HEX_DIGITS[escaped]]
            self.at += len(digits)
            try:
                return chr(int(digits, 16))
            except ValueError:  # not hex digits, or past the last code point: re refuses the pattern
                raise _Unread from None
        if escaped.isascii() and escaped.isalnum():
            raise _Unread
        return escaped

    def _next(self) -> str:
        if self.at >= len(self.pattern):
            raise _Unread
        self.at += 1
        return self.pattern[self.at - 1]

    def _take(self, text: str) -> bool:
        if not self.pattern.startswith(text, self.at):
            return False
        self.at += len(text)
        return True
