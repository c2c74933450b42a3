"""A long batch, end to end: N articles through `eventcoder extract`, with time and peak memory.

Texts: the development sets in ../shared/data where present (MUC-4 messages, LGL and
GeoWebNews articles), else the project's own examples repeated with numbered ids.

    python benchmarks/corpus_run.py [N]
"""
from __future__ import annotations

import itertools
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


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


def main(count: int) -> None:
    source = shared_texts() if SHARED.is_dir() else itertools.cycle(list(example_texts()))
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for number, text in enumerate(itertools.islice(source, count)):
                out.write(json.dumps({"id": f"a{number:06d}", "text": text, "published": "2024-01-15"}) + "\n")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "eventcoder.cli", "extract", str(corpus),
                                 "-o", str(Path(folder) / "events.jsonl")], capture_output=True, text=True)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "(no summary)")
    print(f"{count} articles in {seconds:.1f} s ({count / seconds:.1f} articles/s), peak memory {peak_mb:.0f} MB")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
