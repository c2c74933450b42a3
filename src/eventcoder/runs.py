"""What every way of running a batch shares: its summary, its errors, its rejects' lines, the
actors file a resumable run records, and the registry of engines.

The leaf of the run layer: :mod:`eventcoder.batch` (one writer, resume), :mod:`eventcoder.parallel`
(the local engine) and :mod:`eventcoder.ray_engine` (the Ray engine, shards) import it, and it
imports none of them. :data:`ENGINES` names each engine's function by module, imported when a
run asks for it (as :data:`eventcoder.evaluate.FORMATS` does for gold formats), so Ray's module is
loaded only for ``--engine ray``.

An engine is called as ``engine(inputs, produce, published=..., skip=..., workers=...,
on_warning=...)`` and gives, for each input record after the first ``skip`` in input order,
``produce``'s records for it or its Reject, coding with the actors file of the calling process
(:func:`eventcoder.resources.current_actors`) wherever it runs.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from eventcoder.article import Article
from eventcoder.errors import Errors, EventcoderError
from eventcoder.io.ingest import Reject
from eventcoder.resources import ActorsFile

__all__ = ["ENGINES", "Engine", "OutputPathError", "Produce", "ResumeError", "RunError", "Summary",
           "actors_state", "check_outputs", "check_same_actors", "find_engine", "reject_record"]

Produce = Callable[[Article], list[dict]]
Engine = Callable[..., Iterator[list[dict] | Reject]]

#: engine name -> "module:function" running a batch (see the module's docstring)
ENGINES = {
    "local": "eventcoder.parallel:process_inputs",
    "ray": "eventcoder.ray_engine:process_inputs",
}


class ResumeError(EventcoderError):
    """A run cannot be resumed as asked; says which output and why."""


class OutputPathError(EventcoderError):
    """An output path is one of the inputs, or lies in an input folder."""


class RunError(EventcoderError, ValueError):
    """A run was asked for in a way it cannot be done: an unknown engine, a format shards are
    not written in, a ``produce`` that worker processes cannot be sent."""


def find_engine(name: str) -> Engine:
    """The function of the engine registered as ``name``."""
    if name not in ENGINES:
        raise RunError(Errors.E046.format(name=name, choices=", ".join(ENGINES)))
    module, function = ENGINES[name].split(":")
    return getattr(import_module(module), function)


@dataclass
class Summary:
    """What a run did; its string is the summary line the CLI prints."""

    unit: str = "events"
    articles: int = 0
    records: int = 0
    rejected: int = 0
    seconds: float = 0.0
    resumed_after: int = 0
    parts_kept: int = 0

    def __str__(self) -> str:
        line = (f"{self.articles} articles, {self.records} {self.unit}, {self.rejected} rejected, "
                f"{self.seconds:.1f} seconds")
        line += f" (resumed after {self.resumed_after} input records)" if self.resumed_after else ""
        return line + (f" ({self.parts_kept} parts kept from an earlier run)" if self.parts_kept else "")


def check_outputs(inputs: Iterable[str], outputs: Iterable[str | None]) -> None:
    """Refuses an output that is an input file or lies inside an input folder: opening it for
    writing would empty it before it is read (or add the run's own output to its input)."""
    sources = [Path(path).resolve() for path in inputs if path != "-"]
    for output in filter(None, outputs):
        target = Path(output).resolve()
        for source in sources:
            if source in target.parents:
                what = "inside the input folder"
            elif target == source or (target.exists() and source.exists() and os.path.samefile(target, source)):
                what = "the input"
            else:
                continue
            raise OutputPathError(Errors.E040.format(output=output, what=what, input=source))


def reject_record(reject: Reject) -> dict:
    """A reject as the JSON object of a rejects file."""
    return {"id": reject.id, "source": reject.source, "line": reject.line, "reason": reject.reason}


def actors_state(actors: ActorsFile | None) -> dict:
    """What the state of a resumable run records of the user's actors file: its fingerprint, or
    nothing without one, so that a state written before actors files existed reads as packaged-only."""
    return {"actors": actors.fingerprint} if actors else {}


def check_same_actors(output: object, state: dict, actors: ActorsFile | None) -> None:
    """Raises ResumeError when the run whose state is ``state`` began with other actors than
    ``actors``: its output would be coded with two dictionaries."""
    began = state.get("actors")
    if began == (actors and actors.fingerprint):
        return
    then = f"an actors file of sha256 {began[:12]}..." if began else "the packaged actors only"
    now = f"the actors file {actors.name} (sha256 {actors.fingerprint[:12]}...)" if actors else "the packaged actors only"
    why = f"it was begun with {then}, and this run codes with {now}; give the run's own actors file, or start anew"
    raise ResumeError(Errors.E018.format(output=output, why=why))
