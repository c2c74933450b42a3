"""One batch run: inputs through an engine into a writer, with a rejects file, resume and a summary.

This is what ``eventcoder extract`` and ``geoparse`` do; the CLI only parses arguments.

- Engines (registered in :mod:`eventcoder.runs`): ``local`` runs on this machine, on ``workers``
  processes (:mod:`eventcoder.parallel`); ``ray`` runs on a Ray cluster (:mod:`eventcoder.ray_engine`).
  Both give the records in input order, so the output is the same whatever the engine or number
  of workers, and both code with the user's actors file of this process.
- Rejects: each record that could not be read or coded goes to ``on_reject``, or, given a
  rejects file, one JSON line there with its id, source, line and reason.
- Resume: with an output file, a sidecar ``OUT.progress`` gets a line after each input record
  whose results are flushed: how many input records are done and the byte sizes of the output
  and rejects files then. A run stopped at any moment (Ctrl-C, kill -9, a lost machine) and
  started again with ``resume=True`` cuts both files back to the last whole line of the
  sidecar and skips that many input records, so nothing is lost or written twice. The sidecar
  is removed when a run ends well. Its first line names the inputs, format and default date,
  and the fingerprint of the user's actors file, if any, so a resume over other inputs or with
  other actors is refused rather than mixed in.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from eventcoder.article import Article
from eventcoder.errors import Errors
from eventcoder.geoparse import place_record
from eventcoder.io.formats import get_format
from eventcoder.io.ingest import Reject
from eventcoder.resources import ActorsFile, current_actors
from eventcoder.runs import (OutputPathError, Produce, ResumeError, Summary, actors_state, check_outputs,
                             check_same_actors, find_engine, reject_record)

#: OutputPathError and ResumeError are named here too: they are what a caller of run_batch catches.
__all__ = ["RESUMABLE_FORMATS", "OutputPathError", "ResumeError", "geoparse_records", "run_batch"]

#: Formats whose files can be cut back and continued (GeoJSON ends with a footer).
RESUMABLE_FORMATS = frozenset({"jsonl", "csv"})
PROGRESS_SUFFIX = ".progress"


def geoparse_records(article: Article) -> list[dict]:
    """``eventcoder geoparse``'s one record per article, as a module-level function workers can run."""
    return [place_record(article)]


def run_batch(
    inputs: list[str],
    produce: Produce,
    unit: str = "events",
    *,
    output: str | None = None,
    output_format: str = "jsonl",
    published: date | None = None,
    workers: int = 1,
    engine: str = "local",
    rejects: str | None = None,
    resume: bool = False,
    on_reject: Callable[[Reject], None] = lambda reject: None,
    on_warning: Callable[[str], None] = lambda warning: None,
    progress: Callable[[Iterator], Iterator] = lambda items: items,
) -> Summary:
    """Writes ``produce``'s records for every input record to ``output`` (stdout when None),
    coded with the user's actors file of this process (see :func:`eventcoder.resources.use_actors`).

    ``on_warning`` gets a line for each article read with a warning (an unreadable
    ``published``, see :attr:`Article.warnings`); with the Ray engine the articles are read on
    the cluster and the warnings stay in the tasks' logs.
    """
    started = time.perf_counter()
    check_outputs(inputs, (output, rejects))
    if resume and not output:
        raise ResumeError(Errors.E018.format(output="stdout", why="--resume needs an output file (-o)"))
    if resume and output_format not in RESUMABLE_FORMATS:
        why = f"{output_format} output cannot be continued; use {' or '.join(sorted(RESUMABLE_FORMATS))}"
        raise ResumeError(Errors.E018.format(output=output, why=why))
    run_engine = find_engine(engine)
    actors = current_actors()
    header = {"inputs": inputs, "format": output_format,
              "published": published and published.isoformat()} | actors_state(actors)
    checkpoint = _Checkpoint(output, rejects, header, actors, resume)
    summary = Summary(unit=unit, resumed_after=checkpoint.done)
    writer_class = get_format(output_format).writer
    writer = writer_class(checkpoint.output, **({"append": True} if checkpoint.resumed else {}))
    write = writer.write
    if writer_class.encode and (workers > 1 or engine != "local"):
        produce, write = _Encoded(produce, writer_class.encode), writer.write_encoded
    checkpoint.save()
    try:
        results = run_engine(inputs, produce, published=published, skip=checkpoint.done, workers=workers,
                             on_warning=on_warning)
    except BaseException:
        checkpoint.close()
        raise
    try:
        for item in progress(results):
            if isinstance(item, Reject):
                summary.rejected += 1
                if checkpoint.rejects:
                    checkpoint.rejects.write(json.dumps(reject_record(item), ensure_ascii=False) + "\n")
                else:
                    on_reject(item)
            else:
                summary.articles += 1
                for record in item:
                    write(record)
                summary.records += len(item)
            checkpoint.advance()
        writer.close()
        checkpoint.finish()
    finally:
        results.close()  # stops worker processes at once when the run is interrupted
        checkpoint.close()
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(frozen=True)
class _Encoded:
    """``produce`` with its records encoded as the output's text, so that the worker processes
    do that work rather than the one process that reads and writes for them all."""

    produce: Produce
    encode: Callable[[dict], str]

    def __call__(self, article: Article) -> list[str]:
        return [self.encode(record) for record in self.produce(article)]


class _Checkpoint:
    """The output and rejects files and their progress sidecar (see the module's docstring)."""

    def __init__(self, output: str | None, rejects: str | None, header: dict, actors: ActorsFile | None,
                 resume: bool) -> None:
        self.done = 0
        self.sidecar: IO[str] | None = None
        self.path = Path(output + PROGRESS_SUFFIX) if output else None
        self.resumed = bool(resume and self.path and self.path.exists())
        sizes = (0, 0)
        if resume and output:
            self.done, sizes = _resume_point(Path(output), self.path, header, actors)
        self.output = _open(output, sizes[0], self.resumed) if output else sys.stdout
        self.rejects = _open(rejects, sizes[1], self.resumed) if rejects else None
        if self.path:
            self.sidecar = self.path.open("a" if self.resumed else "w", encoding="utf-8")
            if not self.resumed:
                self.sidecar.write(json.dumps(header) + "\n")

    def save(self) -> None:
        """Flushes the files, then notes how far they go: a line written means its records are out."""
        if self.sidecar is None:
            return
        self.output.flush()
        rejects_size = 0
        if self.rejects:
            self.rejects.flush()
            rejects_size = self.rejects.buffer.tell()
        self.sidecar.write(f"{self.done} {self.output.buffer.tell()} {rejects_size}\n")
        self.sidecar.flush()

    def advance(self) -> None:
        self.done += 1
        self.save()

    def finish(self) -> None:
        if self.path:
            self.sidecar.close()
            self.path.unlink()

    def close(self) -> None:
        for stream in (self.output, self.rejects, self.sidecar):
            if stream is not None and stream is not sys.stdout and not stream.closed:
                stream.close()


def _open(path: str, size: int, resumed: bool) -> IO[str]:
    """A file to write: when resuming, cut back to ``size`` bytes and continued, else new."""
    if resumed and os.path.exists(path):
        os.truncate(path, size)
        return open(path, "a", encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="")


def _resume_point(output: Path, sidecar: Path, header: dict, actors: ActorsFile | None) -> tuple[int, tuple[int, int]]:
    """(input records done, (output bytes, rejects bytes)) from the sidecar's last whole line."""
    def refuse(why: str) -> ResumeError:
        return ResumeError(Errors.E018.format(output=output, why=why))

    if not sidecar.exists():
        if output.exists() and output.stat().st_size:
            raise refuse(f"no {sidecar.name} beside it (the run finished, or eventcoder did not write it)")
        return 0, (0, 0)
    lines = sidecar.read_text(encoding="utf-8").split("\n")
    try:
        written = json.loads(lines[0])
    except json.JSONDecodeError:
        written = None
    if isinstance(written, dict):
        check_same_actors(output, written, actors)
    if written != header:
        raise refuse(f"it was written from other inputs or in another format ({sidecar.name}: {lines[0][:200]})")
    done, sizes = 0, (0, 0)
    for line in lines[1:-1]:  # the last piece has no newline: whole or not, it is not trusted
        fields = line.split()
        if len(fields) == 3 and all(field.isdigit() for field in fields):
            done, sizes = int(fields[0]), (int(fields[1]), int(fields[2]))
    if sizes[0] > (output.stat().st_size if output.exists() else 0):
        raise refuse(f"it is shorter than {sidecar.name} says: it was changed since")
    return done, sizes
