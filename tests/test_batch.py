"""A run killed with SIGKILL and resumed writes what one uninterrupted run writes."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from eventcoder.cli import main

TEXTS = [
    "Gunmen killed three farmers in Benue state on Sunday, police said.",
    "Police fired tear gas at protesters in Nairobi on Tuesday; two people were injured.",
    "A roadside bomb killed two soldiers near Kandahar on Wednesday, officials said.",
    "Al-Shabaab fighters attacked a base near Afgooye on Thursday, killing 12 soldiers.",
]


def _progress_lines(sidecar: Path) -> int:
    return sidecar.read_text().count("\n") if sidecar.exists() else 0


def test_killed_run_resumes_with_nothing_lost_or_doubled(tmp_path):
    lines = [json.dumps({"id": f"n{n}", "text": TEXTS[n % 4] * (1 + n % 3), "published": "2024-05-07"})
             if n % 9 != 4 else "{broken" for n in range(3000)]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    args = ["extract", str(batch), "-o", str(out), "--rejects", str(rejects)]
    run = subprocess.Popen([sys.executable, "-m", "eventcoder.cli", *args], stderr=subprocess.DEVNULL)
    sidecar = tmp_path / "out.jsonl.progress"
    while _progress_lines(sidecar) < 50 and run.poll() is None:
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert sidecar.exists(), "the run ended before it could be killed"
    assert main([*args, "--resume"]) == 1  # the broken lines are rejected
    assert not sidecar.exists()
    assert main(["extract", str(batch), "-o", str(tmp_path / "whole.jsonl"),
                 "--rejects", str(tmp_path / "whole-rejects.jsonl")]) == 1
    assert out.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert rejects.read_bytes() == (tmp_path / "whole-rejects.jsonl").read_bytes()
