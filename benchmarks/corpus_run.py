"""A long run, end to end: a folder of N article files through `eventcoder extract`, timed, with
the peak memory of the whole process tree, and optionally killed part-way and resumed.

    python benchmarks/corpus_run.py FOLDER [--articles 100000] [--workers 2] [--kill-after SECONDS]

FOLDER is filled (once) with N .txt files, 1,000 a sub-folder, cycling the project's own example
articles under numbered names. With ``--kill-after``, the run's whole process tree is killed with
SIGKILL after that many seconds (as a lost machine would be) and the same command is run again
with ``--resume``. Then the output is checked: every article's events present once, in order.
The texts of the development sets in ../shared/data are also used by ``speed.py``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
FILES_PER_FOLDER = 1000
PUBLISHED = "2024-01-15"


def shared_texts():
    """Article texts from the development sets, read in place."""
    muc = SHARED / "muc4" / "dev"
    for path in sorted(muc.glob("dev-muc3-*")):
        for message in re.split(r"\n(?=DEV-MUC3-\d{4})", path.read_text(encoding="latin-1")):
            body = message.split("--", 1)[-1].strip()
            if body:
                yield body
    for name in ("lgl.xml", "GWN.xml"):
        path = SHARED / "geoparsing" / name
        if path.exists():
            for text in ElementTree.parse(path).getroot().iter("text"):
                if text.text and text.text.strip():
                    yield text.text


def example_texts():
    for line in (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        yield json.loads(line)["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=100_000, metavar="N")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-after", type=float, metavar="SECONDS")
    args = parser.parse_args()
    texts = list(example_texts())
    _fill(args.folder, args.articles, texts)
    output = args.folder.with_suffix(".events.jsonl")
    command = [sys.executable, "-m", "eventcoder.cli", "extract", str(args.folder), "-o", str(output),
               "--published", PUBLISHED, "--workers", str(args.workers),
               "--rejects", str(args.folder.with_suffix(".rejects.jsonl"))]
    runs = [_measure(command, kill_after=args.kill_after)]
    if args.kill_after:
        runs.append(_measure([*command, "--resume"]))
    for name, (seconds, peak_mb, summary) in zip(("run", "resumed run"), runs):
        print(f"{name}: {seconds:.1f} s, peak memory of the process tree {peak_mb:.0f} MB (PSS); {summary}")
    total = sum(seconds for seconds, _, _ in runs)
    print(f"{args.articles} articles in {total:.1f} s: {args.articles / total:.1f} articles/s")
    print(_check(output, args.articles, texts))


def _fill(folder: Path, count: int, texts: list[str]) -> None:
    if folder.is_dir() and sum(1 for _ in folder.rglob("*.txt")) == count:
        return
    for number in range(count):
        path = folder / f"{number // FILES_PER_FOLDER:04d}" / f"a{number:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[number % len(texts)], encoding="utf-8")


def _measure(command: list[str], kill_after: float | None = None) -> tuple[float, float, str]:
    """Wall time, peak PSS of the process tree (sampled every 0.5 s) and the summary line."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(process.pid, peak, done, kill_after))
    sampler.start()
    err = process.communicate()[1]
    done.set()
    sampler.join()
    summary = err.strip().splitlines()[-1] if err.strip() else f"exit status {process.returncode}"
    return time.perf_counter() - started, peak[0] / 1024, summary


def _sample(pid: int, peak: list[int], done: threading.Event, kill_after: float | None) -> None:
    started = time.perf_counter()
    while not done.wait(0.5):
        tree = process_tree(pid)
        peak[0] = max(peak[0], sum(memory_kb(p, "Pss:") for p in tree))
        if kill_after and time.perf_counter() - started > kill_after:
            for member in tree:  # the whole tree at once, as a lost machine
                try:
                    os.kill(member, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            return


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                stack += map(int, Path(f"/proc/{current}/task/{task}/children").read_text().split())
        except OSError:
            continue
    return found


def memory_kb(pid: int, field: str) -> int:
    """Pss: proportional set size (shared pages split between sharers, so it adds up); VmRSS: RSS."""
    name = f"/proc/{pid}/smaps_rollup" if field == "Pss:" else f"/proc/{pid}/status"
    try:
        for line in Path(name).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _check(output: Path, count: int, texts: list[str]) -> str:
    """Every article once, in order, with as many events as its text gives on its own."""
    from eventcoder.article import Article
    from eventcoder.pipeline import extract_records

    per_text = [len(extract_records(Article("x", text, published=date.fromisoformat(PUBLISHED))))
                for text in texts]
    seen, order_ok, lines = {}, True, 0
    last = None
    with output.open(encoding="utf-8") as stream:
        for line in stream:
            lines += 1
            article = json.loads(line)["article_id"]
            if article != last:
                order_ok &= article not in seen and (last is None or article > last)
                seen[article] = 0
                last = article
            seen[article] += 1
    wrong = [name for name, events in seen.items() if events != per_text[int(name[1:8]) % len(texts)]]
    expected = sum(per_text[number % len(texts)] for number in range(count))
    ok = order_ok and not wrong and lines == expected and len(seen) == count
    return (f"check: {lines} events for {len(seen)} articles (expected {expected} for {count}), in order: "
            f"{order_ok}, articles with a wrong count: {len(wrong)} -> {'OK' if ok else 'FAILED'}")


if __name__ == "__main__":
    main()
