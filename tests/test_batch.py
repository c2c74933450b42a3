"""A run killed and resumed writes what one uninterrupted run writes, coded with the actors it began with."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventcoder.batch import ResumeError, run_batch
from eventcoder.cli import main
from eventcoder.pipeline import extract_records
from eventcoder.resources import use_actors

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


SUNRISE = "Sunrise fighters attacked a village near Garissa on Monday, killing two farmers."


def _sunrise_batch(tmp_path: Path, count: int) -> str:
    batch = tmp_path / "sunrise.jsonl"
    batch.write_text("".join(json.dumps({"id": f"s{n}", "text": SUNRISE, "published": "2024-06-03"}) + "\n"
                             for n in range(count)), encoding="utf-8")
    return str(batch)


def _first_actors(output: Path) -> set[str]:
    return {json.loads(line)["actor1"] for line in output.read_text(encoding="utf-8").splitlines()}


def _stop_after(count: int):
    def progress(items):
        for number, item in enumerate(items):
            if number == count:
                raise KeyboardInterrupt
            yield item
    return progress


def test_worker_processes_code_with_the_users_actors_file(tmp_path, user_actors):
    out = tmp_path / "out.jsonl"
    summary = run_batch([_sunrise_batch(tmp_path, 4)], extract_records, output=str(out), workers=2)
    assert summary.records == 4
    assert _first_actors(out) == {"Sunrise Fighters"}


def test_a_resume_with_other_actors_is_refused_and_the_output_kept(tmp_path, user_actors):
    batch, out = _sunrise_batch(tmp_path, 4), tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch([batch], extract_records, output=str(out), progress=_stop_after(2))
    written = out.read_bytes()
    use_actors(None)
    with pytest.raises(ResumeError, match="begun with an actors file of sha256 .* packaged actors only"):
        run_batch([batch], extract_records, output=str(out), resume=True)
    assert out.read_bytes() == written
    use_actors(user_actors)
    assert run_batch([batch], extract_records, output=str(out), resume=True).resumed_after == 2
    assert _first_actors(out) == {"Sunrise Fighters"} and out.read_text().count("\n") == 4
