import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import eventcoder
from eventcoder.cli import main
from eventcoder.resources import current_actors
from eventcoder.store import Store

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
    assert main(["extract", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    ids = [json.loads(line)["article_id"] for line in captured.out.splitlines()]
    assert ids == ["good-1", "good-2"]
    for name in ("batch.jsonl:2", "no-text", "empty.txt", "binary.txt", "latin1.txt"):
        assert name in captured.err
    assert "Traceback" not in captured.err
    assert "2 articles, 2 events, 5 rejected" in captured.err


def test_exit_status_is_2_when_nothing_could_be_read(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "typo.jsonl"), "-o", str(tmp_path / "out.jsonl")]) == 2
    (tmp_path / "broken.jsonl").write_text("{broken\n[1]\n", encoding="utf-8")
    assert main(["geoparse", str(tmp_path / "broken.jsonl")]) == 2
    assert "0 articles, 0 places, 2 rejected" in capsys.readouterr().err


def test_an_unreadable_published_date_is_a_warning_and_the_article_is_coded(tmp_path, capsys):
    lines = [json.dumps({"id": "odd-date", "text": ARTICLE, "published": "sometime last spring"}),
             json.dumps({"id": "scraped", "text": ARTICLE, "published": "9:43 PM, May 7, 2024"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(tmp_path / "batch.jsonl")]) == 0
    captured = capsys.readouterr()
    odd, scraped = (json.loads(line) for line in captured.out.splitlines())
    assert (odd["article_id"], odd["event_date"]) == ("odd-date", None)
    assert scraped["event_date"] == "2024-05-05"
    assert "warning: odd-date: [E019]" in captured.err and "scraped" not in captured.err


def test_an_output_that_is_an_input_is_refused_untouched(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for option, target in (("-o", corpus / "a.txt"), ("--rejects", corpus / "a.txt"), ("-o", corpus / "out.jsonl")):
        assert main(["extract", str(corpus), option, str(target)]) == 2
        assert "E040" in capsys.readouterr().err
    assert (corpus / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert sorted(path.name for path in corpus.iterdir()) == ["a.txt"]


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
        assert main(["extract", str(batch), "-o", str(tmp_path / f"{workers}.jsonl"), "--workers", workers]) == 1
    one = (tmp_path / "1.jsonl").read_bytes()
    assert one and one == (tmp_path / "2.jsonl").read_bytes()


def test_rejects_file_holds_each_reject_with_its_reason(tmp_path, capsys):
    batch = _batch(tmp_path / "batch.jsonl", 10)
    rejects = tmp_path / "rejects.jsonl"
    assert main(["extract", str(batch), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(rejects)]) == 1
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


def test_ingest_and_serve_exit_statuses(tmp_path, capsys):
    db = str(tmp_path / "events.sqlite")
    (tmp_path / "mixed.jsonl").write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n{broken\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "missing.jsonl"), "--db", db]) == 2
    assert main(["ingest", str(tmp_path / "mixed.jsonl"), "--db", db]) == 1
    assert main(["serve", "--db", str(tmp_path / "no" / "such" / "folder.sqlite")]) == 2
    assert "[E030]" in capsys.readouterr().err


def test_an_unwritable_output_or_a_bad_file_to_import_is_one_coded_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "out.jsonl")]) == 2
    assert capsys.readouterr().err == f"eventcoder: [E050] cannot use {tmp_path / 'no' / 'out.jsonl'}: No such file or directory\n"
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "SO.txt").write_text("not\ta\tgeoname\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(tmp_path / "SO.txt")]) == 2
    assert capsys.readouterr().err.startswith(f"eventcoder: [E052] {tmp_path / 'SO.txt'}:1: expected GeoNames' 19")


def test_gazetteer_import_list_and_remove(tmp_path, import_cache, capsys):
    (tmp_path / "past.csv").write_text(
        "country,admin1,admin2,location,latitude,longitude,geo_precision\n"
        "Kenya,Lamu,Lamu West,Maemba Village,-2.21,40.71,1\nKenya,Lamu,Lamu West,Witu,-2.39,40.44,3\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(tmp_path / "past.csv"), "--name", "my-coding"]) == 0
    assert "my-coding (acled): 1 places from 1 of 2 rows, 1 added" in capsys.readouterr().err
    assert main(["gazetteer", "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["name", "format", "places"] and row.split()[:3] == ["my-coding", "acled", "1"]
    assert main(["gazetteer", "remove", "my-coding"]) == 0 and main(["gazetteer", "list"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("arguments, content, code", [
    (["remove", "nothing-by-this-name"], None, "[E063] no imported source named 'nothing-by-this-name': none"),
    (["import", "{path}"], "id,text\n1,hello\n", "[E060] {path}: a CSV file whose header is neither"),
    (["import", "{path}", "--name", "geonames"], "country,location,latitude,longitude,geo_precision\n", "[E064]"),
])
def test_a_gazetteer_command_that_cannot_be_done_is_one_coded_line_and_changes_nothing(
        tmp_path, import_cache, capsys, arguments, content, code):
    path = tmp_path / "mine.csv"
    if content:
        path.write_text(content, encoding="utf-8")
    before = sorted(import_cache.rglob("*"))
    assert main(["gazetteer", *(a.format(path=path) for a in arguments)]) == 2
    assert capsys.readouterr().err.startswith("eventcoder: " + code.format(path=path))
    assert sorted(import_cache.rglob("*")) == before


SUNRISE = "Sunrise fighters attacked a village near Garissa on Monday, killing two farmers."


@pytest.fixture
def actors_file(tmp_path):
    """A user's actors file with one group, and an article that names it by its alias."""
    path = tmp_path / "my-actors.yaml"
    path.write_text("groups:\n  - {name: Sunrise Brigade, category: Rebel group, country: KE, "
                    "aliases: [Sunrise fighters]}\n", encoding="utf-8")
    (tmp_path / "sunrise.jsonl").write_text(
        json.dumps({"id": "s1", "text": SUNRISE, "published": "2024-05-08"}) + "\n", encoding="utf-8")
    return path


def _actor1(capsys) -> str:
    return json.loads(capsys.readouterr().out.splitlines()[0])["actor1"]


def test_extract_codes_the_groups_of_an_actors_file(tmp_path, actors_file, capsys):
    article = str(tmp_path / "sunrise.jsonl")
    assert main(["extract", article]) == 0
    assert _actor1(capsys) != "Sunrise Brigade"
    assert main(["extract", article, "--actors", str(actors_file)]) == 0
    assert _actor1(capsys) == "Sunrise Brigade"
    assert current_actors() is None  # main leaves the process as it found it


def test_the_environment_names_an_actors_file_and_the_flag_wins(tmp_path, actors_file, monkeypatch, capsys):
    monkeypatch.setenv("EVENTCODER_ACTORS", str(actors_file))
    assert main(["extract", str(tmp_path / "sunrise.jsonl")]) == 0
    assert _actor1(capsys) == "Sunrise Brigade"
    monkeypatch.setenv("EVENTCODER_ACTORS", str(tmp_path / "missing.yaml"))
    assert main(["extract", str(tmp_path / "sunrise.jsonl"), "--actors", str(actors_file)]) == 0
    assert _actor1(capsys) == "Sunrise Brigade"


def test_geoparse_and_ingest_run_with_an_actors_file(tmp_path, actors_file, capsys):
    article, db = str(tmp_path / "sunrise.jsonl"), str(tmp_path / "events.sqlite")
    assert main(["geoparse", article, "--actors", str(actors_file)]) == 0
    assert "Garissa" in [place["text"] for place in json.loads(capsys.readouterr().out)["places"]]
    assert main(["ingest", article, "--db", db, "--actors", str(actors_file)]) == 0
    with Store(db) as store:
        assert [event["actor1"] for event in store.events()] == ["Sunrise Brigade"]


def test_a_malformed_actors_file_is_refused_with_its_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  - name: Sunrise Brigade\n    category: Rebels\n", encoding="utf-8")
    for command in (["extract", str(tmp_path)], ["serve"]):
        assert main([*command, "--actors", str(bad)]) == 2
        assert capsys.readouterr().err.startswith(f"eventcoder: [E041] {bad}, line 2: group 'Sunrise Brigade'")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _call(url: str, body: dict | None = None, token: str | None = None) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def test_serve_ingests_with_an_actors_file(tmp_path, actors_file):
    pytest.importorskip("uvicorn")
    port = _free_port()
    environment = {**os.environ, "PYTHONPATH": str(Path(eventcoder.__file__).parents[1])}
    server = subprocess.Popen([sys.executable, "-m", "eventcoder.cli", "serve", "--db", str(tmp_path / "events.sqlite"),
                               "--port", str(port), "--token", "secret", "--actors", str(actors_file)],
                              env=environment, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                _call(f"{base}/api/config")
                break
            except OSError:
                assert server.poll() is None, "the server ended"
                time.sleep(0.2)
        article = {"id": "s1", "text": SUNRISE, "published": "2024-05-08"}
        assert _call(f"{base}/api/ingest", {"articles": [article]}, "secret")["stored"] == 1
        assert [event["actor1"] for event in _call(f"{base}/api/events")["events"]] == ["Sunrise Brigade"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_program_ends_quietly_when_its_reader_hangs_up(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": f"a{i}", "text": SUNRISE, "published": "2024-05-08"}) + "\n"
                                for i in range(200)), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(Path(eventcoder.__file__).parents[1])}
    program = subprocess.Popen([sys.executable, "-m", "eventcoder.cli", "extract", str(articles)], env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    program.stdout.read(1)
    program.stdout.close()  # "| head -c 1"
    stderr = program.stderr.read().decode()
    program.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_main_leaves_the_calling_programs_signals_alone(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": SUNRISE, "published": "2024-05-08"}) + "\n", encoding="utf-8")
    before = signal.getsignal(signal.SIGPIPE)
    assert main(["extract", str(articles), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert signal.getsignal(signal.SIGPIPE) == before  # servers on other threads must not die of it
