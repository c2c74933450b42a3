import json

from eventcoder.cli import main

ARTICLE = "Gunmen killed three farmers in Benue state on Sunday, police said."


def test_extract_writes_records_and_a_summary(tmp_path, capsys):
    (tmp_path / "report.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(tmp_path / "report.txt"), "--published", "2024-05-07", "-o", str(out)]) == 0
    record = json.loads(out.read_text().splitlines()[0])
    assert record["article_id"] == "report.txt"
    assert record["event_date"] == "2024-05-05"
    assert "1 articles, 1 events, 0 rejected" in capsys.readouterr().err


def test_bad_records_are_named_and_the_rest_come_out(tmp_path, capsys):
    lines = [json.dumps({"id": "good-1", "text": ARTICLE, "published": "2024-05-07"}), "{not json",
             json.dumps({"id": "no-text"}), json.dumps({"id": "good-2", "text": ARTICLE})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 bombing".encode("latin-1"))
    assert main(["extract", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    ids = [json.loads(line)["article_id"] for line in captured.out.splitlines()]
    assert ids == ["good-1", "good-2"]
    for name in ("batch.jsonl:2", "no-text", "empty.txt", "binary.txt", "latin1.txt"):
        assert name in captured.err
    assert "Traceback" not in captured.err
    assert "2 articles, 2 events, 5 rejected" in captured.err


def test_geoparse_lists_places(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Fighting broke out in Mogadishu and Kismayo.", encoding="utf-8")
    assert main(["geoparse", str(tmp_path / "a.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [p["text"] for p in record["places"]] == ["Mogadishu", "Kismayo"]
    assert {p["country_code"] for p in record["places"]} == {"SO"}


def test_geojson_output(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--format", "geojson"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection"
    assert collection["features"][0]["properties"]["sub_event_type"] == "Attack"


TEXTS = [
    "Gunmen killed three farmers in Benue state on Sunday, police said.",
    "Police fired tear gas at protesters in Nairobi on Tuesday; two people were injured.",
    "A roadside bomb killed two soldiers near Kandahar on Wednesday, officials said.",
    "Al-Shabaab fighters attacked a base near Afgooye on Thursday, killing 12 soldiers.",
]


def _batch(path, count):
    """``count`` articles with a malformed line every 7th, so the stream holds rejects too."""
    lines = [json.dumps({"id": f"n{n}", "text": TEXTS[n % len(TEXTS)], "published": "2024-05-07"})
             if n % 7 != 3 else "{broken" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_workers_write_what_one_writes(tmp_path):
    batch = _batch(tmp_path / "batch.jsonl", 40)
    for workers in ("1", "2"):
        assert main(["extract", str(batch), "-o", str(tmp_path / f"{workers}.jsonl"), "--workers", workers]) == 0
    one = (tmp_path / "1.jsonl").read_bytes()
    assert one and one == (tmp_path / "2.jsonl").read_bytes()


def test_rejects_file_holds_each_reject_with_its_reason(tmp_path, capsys):
    batch = _batch(tmp_path / "batch.jsonl", 10)
    rejects = tmp_path / "rejects.jsonl"
    assert main(["extract", str(batch), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(rejects)]) == 0
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["batch.jsonl:4"]
    assert "malformed JSON" in lines[0]["reason"]
    assert "9 articles, 9 events, 1 rejected" in capsys.readouterr().err


def test_resume_refuses_a_finished_output_and_other_inputs(tmp_path, capsys):
    batch = _batch(tmp_path / "batch.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(batch), "-o", str(out)]) == 0
    assert main(["extract", str(batch), "-o", str(out), "--resume"]) == 2
    (tmp_path / "out.jsonl.progress").write_text(json.dumps({"inputs": ["other.jsonl"], "format": "jsonl"}) + "\n")
    assert main(["extract", str(batch), "-o", str(out), "--resume"]) == 2
    assert "other inputs" in capsys.readouterr().err


def test_source_homes_place_a_local_papers_towns_near_it(tmp_path, capsys):
    from tests.test_geoparse import LOCAL

    lines = [json.dumps({"id": f"v{n}", "text": text, "source": "villager"}) for n, text in enumerate(LOCAL)]
    (tmp_path / "local.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["geoparse", str(tmp_path / "local.jsonl"), "--source-homes"]) == 0
    captured = capsys.readouterr()
    dublin = json.loads(captured.out.splitlines()[4])["places"][0]
    assert (dublin["text"], dublin["country_code"]) == ("Dublin", "US")
    assert "villager: Ohio, United States" in captured.err
    assert main(["geoparse", "-", "--source-homes"]) == 2
    assert "cannot read stdin" in capsys.readouterr().err
