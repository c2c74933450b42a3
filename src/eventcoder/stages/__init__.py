"""Pipeline stages: each a plain function over one Article that reads some fields and sets others.

A stage says which with :func:`stage`, as spaCy components declare what they require and
assign; :mod:`eventcoder.pipeline` checks the order from these declarations when it is built.
"""
from __future__ import annotations

from collections.abc import Callable

from eventcoder.article import Article

StageFunction = Callable[[Article], Article]


def stage(name: str, *, reads: tuple[str, ...], sets: tuple[str, ...]) -> Callable[[StageFunction], StageFunction]:
    """Declares a function a stage called ``name`` that reads and sets these Article fields."""
    def declare(function: StageFunction) -> StageFunction:
        function.stage_name = name
        function.reads = reads
        function.sets = sets
        return function
    return declare
