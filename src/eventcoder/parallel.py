"""The local engine: runs ``produce`` over a stream of articles on several processes, output in
input order.

:func:`process_inputs` is the engine registered as ``local`` (see :mod:`eventcoder.runs`): it reads
the inputs in this process and hands the articles to :func:`process_records`, what ``--workers N``
calls. That keeps memory bounded whatever the corpus size: the input is read lazily, articles go
to a process pool in chunks (one pickle and one round trip per chunk, not per article), and at
most ``workers * CHUNKS_PER_WORKER`` chunks are in flight at once. Results come back in input
order, so the output is the same as one worker's; rejects never leave the parent and keep their
place in the stream.

An article on which ``produce`` raises becomes a Reject naming the error (:func:`guarded`),
so one bad article never ends a run of a hundred thousand.

Workers are started with ``forkserver`` where the platform has it (else ``spawn``), never
``fork``: a forked copy of a parent that already holds threads or open writers is unsafe.
The server preloads :mod:`eventcoder.warmup`, which loads the gazetteer index and lexicons
once (they are process-wide caches), so every worker forked from it starts with them. With
``spawn`` each worker loads them itself when it starts. A worker is kept for the whole run.
Neither start method passes on this process's globals, so each worker is given the user's actors
file of the process that starts the run (:func:`eventcoder.resources.current_actors`) and codes
with it.
"""
from __future__ import annotations

import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from itertools import chain, islice

from eventcoder.article import Article
from eventcoder.errors import Errors
from eventcoder.io.ingest import Reject, announce_warnings, input_units, read_inputs
from eventcoder.resources import ActorsFile, current_actors, use_actors
from eventcoder.runs import Produce, RunError

__all__ = ["CHUNK_SIZE", "CHUNKS_PER_WORKER", "guarded", "process_inputs", "process_records", "read_from"]

#: Articles sent to a worker at once: large enough that pickling and the round trip cost
#: little beside the pipeline, small enough that work stays balanced at the end of a run.
CHUNK_SIZE = 16
#: Chunks in flight per worker: one being worked on, the rest queued so no worker waits.
CHUNKS_PER_WORKER = 4
#: Where a Reject made by :func:`guarded` says it came from.
PIPELINE_SOURCE = "pipeline"


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

    ``on_warning`` gets a line for each article read with a warning.
    """
    return process_records(announce_warnings(read_from(inputs, published, skip), on_warning), produce, workers)


def read_from(inputs: list[str], published: date | None, skip: int) -> Iterator[Article | Reject]:
    """``read_inputs`` without its first ``skip`` items; files wholly skipped are not opened."""
    if not skip or "-" in inputs:
        yield from islice(read_inputs(inputs, published), skip, None)
    else:
        yield from chain.from_iterable(_skipped_units(inputs, published, skip))


def _skipped_units(inputs: list[str], published: date | None, skip: int) -> Iterator[Iterable]:
    for path, count in input_units(inputs):
        if skip and skip >= count:
            skip -= count
            continue
        yield islice(read_inputs([path], published), skip, None)
        skip = 0


def process_records(
    items: Iterable[Article | Reject],
    produce: Produce,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[list[dict] | Reject]:
    """For each input item in order: ``produce(article)`` for an Article, the Reject itself.

    With ``workers`` <= 1 everything runs in this process. Otherwise ``produce`` must be
    picklable (a module-level function, not a lambda) so that worker processes can run it.
    """
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, Reject) else guarded(produce, item)
        return
    _check_picklable(produce)
    window = workers * CHUNKS_PER_WORKER
    pending: deque[tuple[list[Article | Reject], Future | None]] = deque()
    stream = iter(items)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_start_worker,
                               initargs=(current_actors(),))
    try:
        while True:
            while len(pending) < window and (chunk := list(islice(stream, chunk_size))):
                articles = [item for item in chunk if not isinstance(item, Reject)]
                future = pool.submit(_produce_chunk, produce, articles) if articles else None
                pending.append((chunk, future))
            if not pending:
                return
            chunk, future = pending.popleft()
            results = iter(future.result() if future is not None else ())
            for item in chunk:
                yield item if isinstance(item, Reject) else next(results)
    finally:  # also when the consumer stops early ("| head"): drop queued chunks, do not wait for them
        pool.shutdown(cancel_futures=True)


def guarded(produce: Produce, article: Article) -> list[dict] | Reject:
    """``produce(article)``, or a Reject naming the error it raised."""
    try:
        return produce(article)
    except Exception as error:  # noqa: BLE001 - any bug on one article must not end the run
        reason = Errors.E017.format(kind=type(error).__name__, message=str(error)[:200])
        return Reject(article.id, PIPELINE_SOURCE, None, reason)


def _produce_chunk(produce: Produce, articles: list[Article]) -> list[list[dict] | Reject]:
    """Runs in a worker: the records of each article of one chunk."""
    return [guarded(produce, article) for article in articles]


def _start_worker(actors: ActorsFile | None) -> None:
    """Runs first in each worker: the data the server loaded, checked still current, and the
    actors file of the process that started the run."""
    from eventcoder.warmup import forget_stale_gazetteer

    forget_stale_gazetteer()
    use_actors(actors)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver, with the pipeline's modules and data loaded once in the server, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["eventcoder.warmup"])
        return context
    return multiprocessing.get_context("spawn")


def _check_picklable(produce: Produce) -> None:
    """Fails at once with a clear message, not deep inside the pool on the first chunk."""
    try:
        pickle.dumps(produce)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        raise RunError(Errors.E048.format(error=error)) from error
