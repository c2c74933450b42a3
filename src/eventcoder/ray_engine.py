"""``--engine ray``: the same extraction as a local run, with shards of the input read on a Ray cluster.

The input files are cut into shards of about :data:`SHARD_ITEMS` records (a run of small files,
or a line range of a large JSONL or CSV file). Each shard is one Ray task that reads its share
of the files itself (so inputs must sit on storage every node sees), runs the pipeline and
returns its records; the driver keeps a bounded number of tasks in flight and takes their
results in shard order, so the output, written by the driver, is byte for byte the local run's,
and resuming works as for a local run. Ray is optional: ``pip install eventcoder[ray]``.
Each task is given the user's actors file of the driver (its name and text, not a path, so no
node needs the file on its disk) and codes with it.

Without ``RAY_ADDRESS`` (or a ``ray.init`` made by the caller), Ray starts on this machine with
``workers`` CPUs; with it, tasks go to that cluster.

For an archive too big for one writer, :func:`write_shards` has each task write its own part
instead: ``DIR/part-00000.jsonl`` (or ``.parquet``) and ``DIR/rejects-00000.jsonl`` for the
first :data:`PART_ITEMS` input records, and so on, so the driver only keeps the books. Read in
part order, the parts are the local run's output and rejects files. Each file is written under
a temporary name and renamed when whole; the driver notes each finished part (its files' sizes,
counts and input segments) in ``DIR/manifest.json.progress``, and when every part is done writes
``DIR/manifest.json`` and removes the progress file, so a manifest means a finished run. A rerun
into the same directory keeps every part whose files still have the noted sizes and whose input
segments are the same, and writes only the others. The progress file and the manifest note the
fingerprint of the user's actors file, if any: a rerun with other actors is refused.
"""
from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TextIO

from eventcoder.article import Article
from eventcoder.errors import Errors, MissingExtraError
from eventcoder.io.writers import JsonlWriter, write_parquet
from eventcoder.io.ingest import Reject, input_units, read_inputs
from eventcoder.parallel import process_records
from eventcoder.resources import ActorsFile, current_actors, use_actors
from eventcoder.runs import (Produce, ResumeError, RunError, Summary, actors_state, check_outputs,
                             check_same_actors, reject_record)

__all__ = ["PART_ITEMS", "SHARD_FORMATS", "SHARD_ITEMS", "Segment", "plan_shards", "process_inputs", "write_shards"]

#: Records a task reads: enough that scheduling costs little beside the pipeline.
SHARD_ITEMS = 64
#: Tasks in flight per cluster CPU, so no CPU waits for the driver.
TASKS_PER_CPU = 2
#: Input records a part file holds in shard mode: a 10-million-article archive makes 10,000 parts.
PART_ITEMS = 1000
SHARD_FORMATS = ("jsonl", "parquet")
MANIFEST = "manifest.json"
PROGRESS = MANIFEST + ".progress"
#: Files a run writes in its directory (parts, rejects, their temporary names), cleared when not its own.
PART_FILE = re.compile(r"(part|rejects)-\d+\.")


@dataclass(frozen=True, slots=True)
class Segment:
    """Items ``start`` to ``stop`` (to the end when None) of what ``read_inputs([path])`` yields."""

    path: str
    start: int
    stop: int | None


def process_inputs(
    inputs: list[str],
    produce: Produce,
    *,
    published: date | None = None,
    skip: int = 0,
    workers: int = 1,
    on_warning: Callable[[str], None] = lambda warning: None,
) -> Iterator[list[dict] | Reject]:
    """For each input record after the first ``skip``, in order: its records, or its Reject.

    The engine registered as ``ray``. The articles are read by the tasks, so their warnings stay
    in the tasks' logs and ``on_warning`` is not called. Raises MissingExtraError at once, before
    any input is read, when Ray is not installed.
    """
    ray = _import_ray()
    return _ordered_results(ray, inputs, produce, published, skip, workers)


def _start_ray(ray, workers: int) -> bool:
    """Connects to RAY_ADDRESS or starts a local Ray, unless the caller did; True when started here."""
    if ray.is_initialized():
        return False
    address = os.environ.get("RAY_ADDRESS")
    ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR",
             **({} if address else {"num_cpus": max(workers, 1)}))
    return True


def _window(ray) -> int:
    return max(int(ray.cluster_resources().get("CPU", 1)), 1) * TASKS_PER_CPU


def _ordered_results(ray, inputs: list[str], produce: Produce, published: date | None, skip: int,
                     workers: int) -> Iterator[list[dict] | Reject]:
    started_here = _start_ray(ray, workers)
    run_shard = ray.remote(_run_shard)
    window = _window(ray)
    actors = ray.put(current_actors())
    shards = plan_shards(input_units(inputs), skip, SHARD_ITEMS)
    pending: deque = deque()
    try:
        while True:
            while len(pending) < window and (shard := next(shards, None)):
                pending.append(run_shard.remote(shard, produce, published, actors))
            if not pending:
                return
            yield from ray.get(pending.popleft())
    finally:
        for task in pending:
            ray.cancel(task)
        if started_here:
            ray.shutdown()


def plan_shards(units: Iterable[tuple[str, int]], skip: int, size: int) -> Iterator[list[Segment]]:
    """Cuts (path, item count) units, less the first ``skip`` items, into shards of ``size`` items.

    A file's last segment reads to its end, so a short count loses nothing.
    """
    shard: list[Segment] = []
    room = size
    for path, count in units:
        if skip and skip >= count:
            skip -= count
            continue
        start, skip = skip, 0
        while True:
            take = min(room, max(count - start, 0))
            last = start + take >= count
            shard.append(Segment(path, start, None if last else start + take))
            start += take
            room -= take
            if room <= 0:
                yield shard
                shard, room = [], size
            if last:
                break
    if shard:
        yield shard


def _run_shard(segments: list[Segment], produce: Produce, published: date | None,
               actors: ActorsFile | None) -> list[list[dict] | Reject]:
    """Runs in a Ray worker: reads its segments and codes them with the driver's actors file."""
    use_actors(actors)
    return list(process_records(_read_segments(segments, published), produce))


def _read_segments(segments: list[Segment], published: date | None) -> Iterator[Article | Reject]:
    return chain.from_iterable(islice(read_inputs([s.path], published), s.start, s.stop) for s in segments)


# --- shard mode: each task writes its own part ------------------------------------------


def write_shards(
    inputs: list[str],
    produce: Produce,
    directory: str,
    unit: str = "events",
    output_format: str = "jsonl",
    published: date | None = None,
    workers: int = 1,
    part_items: int | None = None,
) -> Summary:
    """Codes the inputs on Ray into part files in ``directory`` (see the module's docstring).

    Raises RunError for a format other than SHARD_FORMATS, ValueError for stdin among the inputs,
    ResumeError when ``directory`` holds parts of another run or of a run with other actors,
    OutputPathError when it is or lies in an input folder, MissingExtraError without Ray.
    """
    started = time.perf_counter()
    check_outputs(inputs, [directory])
    if output_format not in SHARD_FORMATS:
        raise RunError(Errors.E047.format(choices=" or ".join(SHARD_FORMATS), name=output_format))
    ray = _import_ray()
    if output_format == "parquet":
        write_parquet([], os.devnull)  # no pyarrow: say so here, not from every task
    folder = Path(directory).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    actors = current_actors()
    header = {"inputs": inputs, "unit": unit, "format": output_format,
              "published": published and published.isoformat(), "part_items": part_items or PART_ITEMS}
    header |= actors_state(actors)
    kept = _earlier_parts(folder, header, actors)
    plan = enumerate(plan_shards(input_units(inputs), 0, header["part_items"]))
    summary = Summary(unit=unit)
    entries = []
    started_here = _start_ray(ray, workers)
    try:
        parts = _part_entries(ray, plan, kept, folder, produce, published, output_format, actors)
        with _progress_file(folder, header, kept.values()) as progress, closing(parts):
            for entry, was_kept in parts:
                if not was_kept:
                    progress.write(json.dumps(entry) + "\n")
                    progress.flush()
                summary.parts_kept += was_kept
                summary.articles += entry["articles"]
                summary.records += entry["records"]
                summary.rejected += entry["rejected"]
                entries.append(entry)
    finally:
        if started_here:
            ray.shutdown()
    entries.sort(key=lambda entry: entry["part"])
    manifest = header | {"articles": summary.articles, "records": summary.records,
                         "rejected": summary.rejected, "parts": entries}
    _write_atomically(folder / MANIFEST, lambda path: path.write_text(_manifest_text(manifest), encoding="utf-8"))
    (folder / PROGRESS).unlink()
    _remove_strays(folder, {name for entry in entries for name in (entry["file"], entry["rejects"])})
    summary.seconds = time.perf_counter() - started
    return summary


def _manifest_text(manifest: dict) -> str:
    """JSON with one line a part, so that a manifest of many parts still reads in a pager."""
    head = json.dumps({key: value for key, value in manifest.items() if key != "parts"}, indent=1)
    parts = ",\n".join("  " + json.dumps(entry) for entry in manifest["parts"])
    return f'{head[:-2]},\n "parts": [\n{parts}\n ]\n}}\n'


def _part_entries(ray, plan: Iterable[tuple[int, list[Segment]]], kept: dict[int, dict], folder: Path,
                  produce: Produce, published: date | None, output_format: str,
                  actors: ActorsFile | None) -> Iterator[tuple[dict, bool]]:
    """(manifest entry, kept from an earlier run) for every planned part, as the parts finish."""
    write_part = ray.remote(_write_part)
    window = _window(ray)
    actors_ref = ray.put(actors)
    pending: list = []
    try:
        for number, segments in plan:
            earlier = kept.get(number)
            if earlier and _is_whole(earlier, segments, folder):
                yield earlier, True
                continue
            if len(pending) >= window:
                ready, pending = ray.wait(pending, num_returns=1)
                yield ray.get(ready[0]), False
            pending.append(write_part.remote(number, segments, produce, published, str(folder), output_format,
                                             actors_ref))
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            yield ray.get(ready[0]), False
    finally:
        for task in pending:
            ray.cancel(task)


def _write_part(number: int, segments: list[Segment], produce: Produce, published: date | None,
                directory: str, output_format: str, actors: ActorsFile | None) -> dict:
    """Runs in a Ray worker: codes its segments with the driver's actors file into its part and
    rejects files; returns its manifest entry."""
    use_actors(actors)
    records: list[dict] = []
    rejects: list[str] = []
    articles = 0
    for item in process_records(_read_segments(segments, published), produce):
        if isinstance(item, Reject):
            rejects.append(json.dumps(reject_record(item), ensure_ascii=False) + "\n")
        else:
            articles += 1
            records.extend(item)
    folder = Path(directory)
    entry = {"part": number, "file": f"part-{number:05d}.{output_format}", "rejects": f"rejects-{number:05d}.jsonl"}
    write_records = _write_jsonl_file if output_format == "jsonl" else write_parquet
    entry["bytes"] = _write_atomically(folder / entry["file"], lambda path: write_records(records, str(path)))
    entry["rejects_bytes"] = _write_atomically(
        folder / entry["rejects"], lambda path: path.write_text("".join(rejects), encoding="utf-8", newline=""))
    return entry | {"articles": articles, "records": len(records), "rejected": len(rejects),
                    "segments": [asdict(segment) for segment in segments]}


def _write_jsonl_file(records: list[dict], path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream, JsonlWriter(stream) as writer:
        for record in records:
            writer.write(record)


def _write_atomically(path: Path, write: Callable[[Path], object]) -> int:
    """Writes under a temporary name, then renames: the file is whole or absent. Returns its size."""
    temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path.stat().st_size


def _is_whole(entry: dict, segments: list[Segment], folder: Path) -> bool:
    """A noted part can be kept: same input segments, both files there with the noted sizes."""
    if entry.get("segments") != [asdict(segment) for segment in segments]:
        return False
    for name, size in ((entry["file"], entry["bytes"]), (entry["rejects"], entry["rejects_bytes"])):
        path = folder / name
        if not path.is_file() or path.stat().st_size != size:
            return False
    return True


def _earlier_parts(folder: Path, header: dict, actors: ActorsFile | None) -> dict[int, dict]:
    """Part number -> entry noted by an earlier run into ``folder``; refuses one of another run."""
    noted: list[tuple[dict, list[dict]]] = []
    if (folder / MANIFEST).exists():
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        noted.append((manifest, manifest.get("parts", [])))
    if (folder / PROGRESS).exists():
        lines = (folder / PROGRESS).read_text(encoding="utf-8").split("\n")[:-1]  # a torn last line is dropped
        if lines:
            noted.append((json.loads(lines[0]), [json.loads(line) for line in lines[1:]]))
    kept: dict[int, dict] = {}
    for written, entries in noted:
        check_same_actors(folder, written, actors)
        begun = {key: written.get(key) for key in header}
        if begun != header:
            why = f"it holds the parts of another run ({begun}); use a new directory"
            raise ResumeError(Errors.E018.format(output=folder, why=why))
        kept.update((entry["part"], entry) for entry in entries)
    return kept


@contextmanager
def _progress_file(folder: Path, header: dict, kept: Iterable[dict]) -> Iterator[TextIO]:
    """The progress file, begun anew with the header and the kept entries; the old manifest goes."""
    lines = [json.dumps(header), *(json.dumps(entry) for entry in kept)]
    _write_atomically(folder / PROGRESS, lambda path: path.write_text("\n".join(lines) + "\n", encoding="utf-8"))
    (folder / MANIFEST).unlink(missing_ok=True)  # a manifest says the run is finished
    with (folder / PROGRESS).open("a", encoding="utf-8") as stream:
        yield stream


def _remove_strays(folder: Path, own: set[str]) -> None:
    """Removes part and rejects files (and temporary ones) that the finished manifest does not name."""
    for path in folder.iterdir():
        if PART_FILE.match(path.name) and path.name not in own:
            path.unlink()


def _import_ray():
    try:
        import ray
    except ImportError:
        raise MissingExtraError("The ray engine", "ray", "ray") from None
    return ray
