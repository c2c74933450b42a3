"""Which of many spans covers or overlaps a given one, answered by bisection.

Stages ask such questions once per mention ("is this trigger inside an actor's name?", "is
this place inside a demonym?"); asking every span each time made a long article's cost grow
with the square of its length. :class:`Spans` sorts the spans once and keeps, for each prefix
of them, the furthest end reached, so each question costs a logarithm.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Iterable

__all__ = ["Spans"]


class Spans:
    """A fixed set of (start, end) character spans, in any order, overlapping or not."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        #: the furthest end among the spans up to each one, in start order
        self._reach = list(accumulate((end for _, end in ordered), max))

    def _furthest(self, count: int) -> int | None:
        """The furthest end among the first ``count`` spans in start order."""
        return self._reach[count - 1] if count else None

    def cover(self, start: int, end: int) -> bool:
        """Whether a span holds all of ``start:end`` (it may be that same span)."""
        reach = self._furthest(bisect_right(self._starts, start))
        return reach is not None and reach >= end

    def strictly_cover(self, start: int, end: int) -> bool:
        """Whether a longer span holds all of ``start:end``."""
        before = self._furthest(bisect_left(self._starts, start))  # starting strictly before
        at_or_before = self._furthest(bisect_right(self._starts, start))
        return (before is not None and before >= end) or (at_or_before is not None and at_or_before > end)

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span starts before ``end`` and ends after ``start``: they share text."""
        reach = self._furthest(bisect_left(self._starts, end))  # starting before ``end``
        return reach is not None and reach > start
