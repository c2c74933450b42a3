"""``--engine ray``: the same extraction as a local run, with shards of the input read on a Ray cluster.

The input files are cut into shards of about :data:`SHARD_ITEMS` records (a run of small files,
or a line range of a large JSONL or CSV file). Each shard is one Ray task that reads its share
of the files itself (so inputs must sit on storage every node sees), runs the pipeline and
returns its records; the driver keeps a bounded number of tasks in flight and takes their
results in shard order, so the output, written by the driver, is byte for byte the local run's,
and resuming works as for a local run. Ray is optional: ``pip install eventcoder[ray]``.

Without ``RAY_ADDRESS`` (or a ``ray.init`` made by the caller), Ray starts on this machine with
``workers`` CPUs; with it, tasks go to that cluster.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice

from eventcoder.article import Article
from eventcoder.io.ingest import Reject, input_units, read_inputs
from eventcoder.parallel import process_records

__all__ = ["SHARD_ITEMS", "Segment", "plan_shards", "process_inputs"]

#: Records a task reads: enough that scheduling costs little beside the pipeline.
SHARD_ITEMS = 64
#: Tasks in flight per cluster CPU, so no CPU waits for the driver.
TASKS_PER_CPU = 2

Produce = Callable[[Article], list[dict]]


@dataclass(frozen=True, slots=True)
class Segment:
    """Items ``start`` to ``stop`` (to the end when None) of what ``read_inputs([path])`` yields."""

    path: str
    start: int
    stop: int | None


def process_inputs(
    inputs: list[str],
    produce: Produce,
    published: date | None = None,
    skip: int = 0,
    workers: int = 1,
    shard_items: int | None = None,
) -> Iterator[list[dict] | Reject]:
    """For each input record after the first ``skip``, in order: its records, or its Reject.

    Raises ImportError at once, before any input is read, when Ray is not installed.
    """
    ray = _import_ray()
    return _ordered_results(ray, inputs, produce, published, skip, workers, shard_items or SHARD_ITEMS)


def _ordered_results(ray, inputs: list[str], produce: Produce, published: date | None, skip: int,
                     workers: int, shard_items: int) -> Iterator[list[dict] | Reject]:
    started_here = not ray.is_initialized()
    if started_here:
        address = os.environ.get("RAY_ADDRESS")
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR",
                 **({} if address else {"num_cpus": max(workers, 1)}))
    run_shard = ray.remote(_run_shard)
    window = max(int(ray.cluster_resources().get("CPU", 1)), 1) * TASKS_PER_CPU
    shards = plan_shards(input_units(inputs), skip, shard_items)
    pending: deque = deque()
    try:
        while True:
            while len(pending) < window and (shard := next(shards, None)):
                pending.append(run_shard.remote(shard, produce, published))
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


def _run_shard(segments: list[Segment], produce: Produce, published: date | None) -> list[list[dict] | Reject]:
    """Runs in a Ray worker: reads its segments and codes them."""
    items = chain.from_iterable(islice(read_inputs([s.path], published), s.start, s.stop) for s in segments)
    return list(process_records(items, produce))


def _import_ray():
    try:
        import ray
    except ImportError:
        raise ImportError("--engine ray needs Ray: pip install 'eventcoder[ray]'") from None
    return ray
