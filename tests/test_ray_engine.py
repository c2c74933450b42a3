"""The Ray engine: shard planning, and in a local Ray the same output as a local run."""
import json
import sys

import pytest

from eventcoder.ray_engine import Segment, plan_shards

TEXTS = [
    "Gunmen killed three farmers in Benue state on Sunday, police said.",
    "Police fired tear gas at protesters in Nairobi on Tuesday; two people were injured.",
    "Nothing of note happened in the capital yesterday.",
]


def test_shards_cover_the_stream_once_after_the_skipped_items():
    shards = list(plan_shards([("a.jsonl", 5), ("b.txt", 1), ("c.jsonl", 4)], skip=3, size=3))
    assert shards == [
        [Segment("a.jsonl", 3, None), Segment("b.txt", 0, None)],
        [Segment("c.jsonl", 0, 3)],
        [Segment("c.jsonl", 3, None)],
    ]


def test_ray_writes_what_a_local_run_writes(tmp_path, monkeypatch):
    pytest.importorskip("ray")
    from eventcoder import ray_engine
    from eventcoder.cli import main

    monkeypatch.setattr(ray_engine, "SHARD_ITEMS", 3)  # several shards, one cutting the JSONL file

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        (folder / f"t{number}.txt").write_text(TEXTS[number % 3], encoding="utf-8")
    lines = [json.dumps({"id": f"j{n}", "text": TEXTS[n % 3], "published": "2024-05-07"}) for n in range(6)]
    (folder / "batch.jsonl").write_text("\n".join([*lines[:2], "{broken", *lines[2:]]) + "\n", encoding="utf-8")
    common = ["extract", str(folder), "--published", "2024-05-07"]
    assert main([*common, "-o", str(tmp_path / "local.jsonl"), "--rejects", str(tmp_path / "local.rej")]) == 0
    assert main([*common, "-o", str(tmp_path / "ray.jsonl"), "--rejects", str(tmp_path / "ray.rej"),
                 "--engine", "ray", "--workers", "2"]) == 0
    local = (tmp_path / "local.jsonl").read_bytes()
    assert local.count(b"\n") >= 5 and local == (tmp_path / "ray.jsonl").read_bytes()
    assert (tmp_path / "local.rej").read_bytes() == (tmp_path / "ray.rej").read_bytes() != b""


def test_without_ray_the_engine_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    from eventcoder.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--engine", "ray"]) == 2
    assert "pip install 'eventcoder[ray]'" in capsys.readouterr().err
