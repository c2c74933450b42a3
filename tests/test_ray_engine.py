"""The Ray engine: shard planning, and in a local Ray the same output as a local run, with the user's actors."""
import json
import sys
from datetime import date

import pytest

from eventcoder.event_record import RECORD_FIELDS
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


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """A folder of texts and a JSONL file with a broken line, and a local run's output and rejects."""
    from eventcoder.cli import main

    tmp_path = tmp_path_factory.mktemp("corpus")
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        (folder / f"t{number}.txt").write_text(TEXTS[number % 3], encoding="utf-8")
    lines = [json.dumps({"id": f"j{n}", "text": TEXTS[n % 3], "published": "2024-05-07"}) for n in range(6)]
    (folder / "batch.jsonl").write_text("\n".join([*lines[:2], "{broken", *lines[2:]]) + "\n", encoding="utf-8")
    common = ["extract", str(folder), "--published", "2024-05-07"]
    assert main([*common, "-o", str(tmp_path / "local.jsonl"), "--rejects", str(tmp_path / "local.rej")]) == 1
    local = (tmp_path / "local.jsonl").read_bytes()
    rejects = (tmp_path / "local.rej").read_bytes()
    assert local.count(b"\n") >= 5 and rejects != b""
    return common, local, rejects


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray for the module's tests; the engine uses a Ray it finds started."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


def test_ray_writes_what_a_local_run_writes(tmp_path, monkeypatch, local_run, local_ray):
    from eventcoder import ray_engine
    from eventcoder.cli import main

    monkeypatch.setattr(ray_engine, "SHARD_ITEMS", 3)  # several shards, one cutting the JSONL file
    common, local, rejects = local_run
    assert main([*common, "-o", str(tmp_path / "ray.jsonl"), "--rejects", str(tmp_path / "ray.rej"),
                 "--engine", "ray", "--workers", "2"]) == 1
    assert (tmp_path / "ray.jsonl").read_bytes() == local
    assert (tmp_path / "ray.rej").read_bytes() == rejects


def _shard_run(main, common, shards, *options):
    return main([*common, "--engine", "ray", "--workers", "2", "--shards", str(shards), *options])


def _concatenated(shards, prefix):
    manifest = json.loads((shards / "manifest.json").read_text(encoding="utf-8"))
    return b"".join((shards / part[prefix]).read_bytes() for part in manifest["parts"])


def test_shards_in_order_are_the_local_output_and_rejects(tmp_path, monkeypatch, local_run, local_ray):
    from eventcoder import ray_engine
    from eventcoder.cli import main

    monkeypatch.setattr(ray_engine, "PART_ITEMS", 4)  # 12 input records: 3 parts, one cutting the JSONL file
    common, local, rejects = local_run
    assert _shard_run(main, common, tmp_path / "shards") == 1
    assert sorted(path.name for path in (tmp_path / "shards").glob("part-*")) == [
        "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert _concatenated(tmp_path / "shards", "file") == local
    assert _concatenated(tmp_path / "shards", "rejects") == rejects
    assert not (tmp_path / "shards" / "manifest.json.progress").exists()


def test_parquet_shards_hold_the_local_records(tmp_path, monkeypatch, local_run, local_ray):
    pq = pytest.importorskip("pyarrow.parquet")
    from eventcoder import ray_engine
    from eventcoder.cli import main

    monkeypatch.setattr(ray_engine, "PART_ITEMS", 4)
    common, local, _rejects = local_run
    assert _shard_run(main, common, tmp_path / "shards", "--format", "parquet") == 1
    parts = [str(path) for path in sorted((tmp_path / "shards").glob("part-*.parquet"))]
    rows = pq.read_table(parts, columns=list(RECORD_FIELDS)).to_pylist()  # the store's columns are null
    for row in rows:
        row["victims"], row["evidence"] = json.loads(row["victims"]), json.loads(row["evidence"])
    assert rows == [json.loads(line) for line in local.splitlines()]


def test_a_rerun_rewrites_only_the_missing_part(tmp_path, monkeypatch, local_run, local_ray, capsys):
    from eventcoder import ray_engine
    from eventcoder.cli import main

    monkeypatch.setattr(ray_engine, "PART_ITEMS", 4)
    common, local, _rejects = local_run
    shards = tmp_path / "shards"
    assert _shard_run(main, common, shards) == 1
    kept = {name: (shards / name).stat().st_ino for name in ("part-00000.jsonl", "part-00002.jsonl")}
    (shards / "part-00001.jsonl").unlink()
    assert _shard_run(main, common, shards) == 1
    assert "2 parts kept from an earlier run" in capsys.readouterr().err
    assert {name: (shards / name).stat().st_ino for name in kept} == kept
    assert _concatenated(shards, "file") == local


def test_a_shard_directory_of_other_inputs_is_refused(tmp_path, monkeypatch, local_run, capsys):
    pytest.importorskip("ray")
    from eventcoder.cli import main

    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "manifest.json").write_text(json.dumps({"inputs": ["elsewhere/"], "parts": []}), encoding="utf-8")
    assert _shard_run(main, local_run[0], shards) == 2
    assert "parts of another run" in capsys.readouterr().err


def test_without_ray_the_engine_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    from eventcoder.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--engine", "ray"]) == 2
    assert "pip install 'eventcoder[ray]'" in capsys.readouterr().err


def test_parquet_is_written_only_as_shards(tmp_path, capsys):
    from eventcoder.cli import main

    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--format", "parquet", "-o", str(tmp_path / "out")]) == 2
    assert "--shards DIR" in capsys.readouterr().err


def test_ray_tasks_code_with_the_users_actors_and_shards_refuse_others(tmp_path, user_actors, local_ray):
    from eventcoder.batch import run_batch
    from eventcoder.pipeline import extract_records
    from eventcoder.ray_engine import write_shards
    from eventcoder.resources import use_actors
    from eventcoder.runs import ResumeError

    text = tmp_path / "in" / "sunrise.txt"
    text.parent.mkdir()
    text.write_text("Sunrise fighters attacked a village near Garissa on Monday, killing two farmers.")
    common = {"published": date(2024, 6, 3), "workers": 2}
    run_batch([str(text)], extract_records, output=str(tmp_path / "ray.jsonl"), engine="ray", **common)
    write_shards([str(text)], extract_records, str(tmp_path / "shards"), **common)
    for output in (tmp_path / "ray.jsonl", tmp_path / "shards" / "part-00000.jsonl"):
        assert json.loads(output.read_text())["actor1"] == "Sunrise Fighters"
    use_actors(None)
    with pytest.raises(ResumeError, match="packaged actors only"):
        write_shards([str(text)], extract_records, str(tmp_path / "shards"), **common)
