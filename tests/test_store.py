"""The store's API on SQLite, and on PostgreSQL when EVENTCODER_TEST_POSTGRES_URL is set."""
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta

from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, func, inspect, select, text
from sqlalchemy.exc import OperationalError

from eventcoder.article import Article
from eventcoder.cli import main
from eventcoder.errors import QueryError, StoreError
from eventcoder.store import EventFilter, Store, database_url, ingest, ingest_records
from eventcoder.store.query import choose_period
from eventcoder.store.schema import LATEST_VERSION, articles, schema_version, sources

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "data" / "seed" / "article.jsonl"


def record(**fields) -> dict:
    """An event record as extract_records gives, with a Mogadishu car bomb's values by default."""
    base = {"event_id": "ev-1", "article_id": "a", "event_date": "2024-02-10", "time_precision": 1,
            "date_text": "on Saturday", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Remote explosive/landmine/IED", "plover_event": "ASSAULT", "plover_mode": "explosives",
            "actor1": "Al Shabaab", "actor2": "Civilians (Somalia)", "assoc_actor_1": None, "assoc_actor_2": None,
            "inter1": "Rebel group", "inter2": "Civilians", "civilian_targeting": True, "location": "Mogadishu",
            "admin1": "Banaadir", "country": "Somalia", "country_code": "SO", "latitude": 2.037, "longitude": 45.344,
            "geonameid": 53654, "geo_source": "geonames", "geo_precision": 1, "location_text": "Mogadishu", "fatalities": 8, "killed_min": 8,
            "killed_max": None, "injured_min": None, "injured_max": None, "victims": [], "sources": ["police"],
            "certainty": "reported", "status": "new",
            "evidence": [{"text": "A car bomb killed eight.", "start": 0, "end": 24}], "notes": "A car bomb."}
    return base | fields


def article(article_id: str, body: str, published=date(2024, 2, 10), outlet="Wire") -> Article:
    return Article(article_id, body, published=published, source=outlet)


def test_a_new_database_is_at_the_latest_schema_version(url):
    with Store(url) as store:
        assert store.version == LATEST_VERSION
    with Store(url) as store:  # reopening applies nothing twice
        assert store.version == LATEST_VERSION


def test_an_older_database_is_brought_to_the_latest_version(url):
    with Store(url) as store, store.engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_sources_record_id"))
        connection.execute(delete(schema_version).where(schema_version.c.version > 1))
    with Store(url) as store:
        assert store.version == LATEST_VERSION
        indexes = {index["name"] for index in inspect(store.engine).get_indexes("sources")}
        assert "ix_sources_record_id" in indexes


def test_a_database_from_before_geo_source_keeps_its_events(url):
    stored_before = {k: v for k, v in record().items() if k != "geo_source"}
    with Store(url) as store:
        store.add_article(article("a", "A car bomb killed eight."), [stored_before])
        with store.engine.begin() as connection:
            connection.execute(text("ALTER TABLE events DROP COLUMN geo_source"))
            connection.execute(delete(schema_version).where(schema_version.c.version > 2))
    with Store(url) as store:
        assert store.version == LATEST_VERSION
        store.add_article(article("b", "Gunmen killed two in Awdheegle.", published=date(2024, 3, 20)), [record(
            event_id="ev-2", event_date="2024-03-20", location="Awdheegle", latitude=1.985, longitude=44.83,
            geonameid=-12345, geo_source="my_acled")])
        events = store.events()
    assert [(e["location"], e["fatalities"], e["geo_source"]) for e in events] == [
        ("Mogadishu", 8, None), ("Awdheegle", 8, "my_acled")]


def test_the_same_text_is_stored_once(url):
    with Store(url) as store:
        assert store.add_article(article("a", "A car bomb killed eight."), [record()]).stored
        assert not store.add_article(article("a-again", "A car bomb killed eight."), [record()]).stored
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 1


def test_a_later_higher_toll_keeps_the_id_and_is_a_revision(url):
    with Store(url) as store:
        store.add_article(article("a", "Eight killed in a Mogadishu car bomb on Saturday."), [record()])
        later = record(event_id="ev-2", fatalities=12, killed_min=12, sources=["hospital"])
        result = store.add_article(article("b", "The toll of Saturday's bombing rose to 12.",
                                           published=date(2024, 2, 11), outlet="Other"), [later])
        assert result.merged == 1
        event = store.event("ev-1")
        assert (event["fatalities"], event["killed_min"], event["killed_max"]) == (12, 8, 12)
        assert event["source_count"] == 2 and event["outlets"] == ["Wire", "Other"]
        assert {"field": "fatalities", "old": 8, "new": 12, "record_id": "ev-2"}.items() <= \
            next(r for r in event["revisions"] if r["field"] == "fatalities").items()
        assert "the same date" in store.explain("ev-1")
        assert store.event("ev-2")["event_id"] == "ev-1"  # a merged record's id finds its event


def test_same_day_reports_that_disagree_give_the_lower_toll(url):
    with Store(url) as store:
        store.add_article(article("a", "Ten killed in Mogadishu."), [record(fatalities=10, killed_min=10)])
        store.add_article(article("b", "Eight killed in Mogadishu."), [record(event_id="ev-2")])
        assert store.event("ev-1")["fatalities"] == 8


def test_a_different_place_or_day_is_a_different_event(url):
    with Store(url) as store:
        store.add_article(article("a", "Bomb in Mogadishu."), [record()])
        store.add_article(article("b", "Bomb in Kismayo."), [record(event_id="ev-2", location="Kismayo",
                                                                  latitude=-0.358, longitude=42.545)])
        store.add_article(article("c", "Bomb in Mogadishu again."), [record(event_id="ev-3", event_date="2024-02-14")])
        assert store.counts()["events"] == 3 and store.counts()["merges"] == 0


def test_a_syndicated_copy_is_not_an_independent_source(url):
    story = ("An explosives-laden car blew up at a checkpoint in Mogadishu on Saturday, killing nine people, "
             "according to a Somali police official. Al Shabaab militants claimed the bombing.")
    with Store(url) as store:
        store.add_article(article("wire", story), [record()])
        copy = store.add_article(article("copy", story + " Reporting by a wire service.", outlet="Reprint"),
                                 [record(event_id="ev-2")])
        assert copy.duplicate_of == "wire"
        event = store.event("ev-1")
        assert event["source_count"] == 1
        assert event["merges"][0]["kind"] == "near-duplicate"
        assert "near-duplicate copy of wire" in store.explain("ev-1")


def test_filters_select_events(url):
    with Store(url) as store:
        store.add_article(article("a", "Bomb in Mogadishu."), [record()])
        store.add_article(article("b", "Clash near Aleppo."), [record(
            event_id="ev-2", event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Syria",
            country="Syria", country_code="SY", location="Aleppo", latitude=36.2, longitude=37.16,
            event_date="2023-05-01")])
        ids = lambda **f: [e["event_id"] for e in store.events(EventFilter(**f))]
        assert ids() == ["ev-2", "ev-1"]
        assert ids(country="somalia") == ids(country="SO") == ["ev-1"]
        assert ids(since=date(2024, 1, 1)) == ["ev-1"]
        assert ids(until=date(2024, 1, 1)) == ["ev-2"]
        assert ids(event_type="armed clash") == ids(event_type="Battles") == ["ev-2"]
        assert ids(actor="shabaab") == ["ev-1"]
        assert ids(actor="%") == ids(actor="_l") == []  # wildcards are plain characters
        assert ids(near=(2.0, 45.3, 10)) == ["ev-1"]
        assert ids(country=("SY", "somalia"), sort="-event_date") == ["ev-1", "ev-2"]
        assert store.events(limit=1, offset=1)[0]["event_id"] == "ev-1"
        assert store.count(EventFilter(actor=("syria", "shabaab"), min_fatalities=8)) == 2


@pytest.mark.parametrize("days, period", [(0, "day"), (92, "day"), (93, "week"), (731, "week"), (732, "month"),
                                          (5479, "month"), (5480, "year")])
def test_the_summary_period_is_the_finest_that_keeps_a_timeline_short(days, period):
    assert choose_period(date(2000, 1, 1), date(2000, 1, 1) + timedelta(days=days)) == period


def test_a_filter_takes_a_lone_string_as_one_value_and_refuses_an_unknown_sort():
    assert EventFilter(country="Somalia", actor=("", " shabaab ")) == EventFilter(country=("Somalia",), actor=("shabaab",))
    with pytest.raises(QueryError, match="sort 'newest'"):
        EventFilter(sort="newest")


def test_articles_and_evidence_are_served(url):
    with Store(url) as store:
        store.add_article(article("a", "A car bomb killed eight."), [record()])
        assert [a["article_id"] for a in store.articles()] == ["a"]
        stored = store.article("a")
        assert stored["text"] == "A car bomb killed eight." and stored["events"] == ["ev-1"]
        report = store.event("ev-1")["reports"][0]
        assert report["evidence"] == [{"text": "A car bomb killed eight.", "start": 0, "end": 24}]
        assert "article_text" not in report
        assert store.event("ev-1", with_text=True)["reports"][0]["article_text"] == "A car bomb killed eight."
        assert store.event("nope") is None and store.explain("nope") is None


def test_ingest_twice_adds_nothing_to_real_articles(url):
    inputs = [str(REPO / "examples" / "articles.jsonl"), str(REPO / "tests" / "data" / "merge" / "articles.jsonl")]
    inputs += [str(SEED)] if SEED.exists() else []
    first = ingest(inputs, url)
    with Store(url) as store:
        before = store.counts()
    again = ingest(inputs, url)
    assert first.stored >= 60 and again.stored == 0 and again.skipped == first.articles
    with Store(url) as store:
        assert store.counts() == before


def test_ingest_twice_adds_nothing(url, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "published": "2024-03-15", "text": body}) for i, body in
                              enumerate(BATCH[:3])) + "\n", encoding="utf-8")
    first = ingest([str(path)], url)
    again = ingest([str(path)], url)
    assert first.stored == 3 and again.stored == 0 and again.skipped == 3
    with Store(url) as store:
        assert store.counts()["articles"] == 3


TOWNS = ["Afgooye", "Baidoa", "Beledweyne", "Kismayo", "Jowhar", "Marka", "Bosaso", "Galkayo", "Dhusamareb",
         "Garowe", "Hargeisa", "Berbera", "Burao", "Luuq", "Bardera", "Dinsor", "Wanlaweyn", "Balad", "Qoryoley",
         "Baraawe", "Hobyo", "Adado", "Eyl", "Las Anod"]
BATCH = [f"Al-Shabaab militants attacked an army base in {town} on {day}, killing {n} soldiers, officials said."
         for n, (town, day) in enumerate(zip(TOWNS, ["Monday", "Tuesday", "Wednesday"] * 8), start=2)]


def test_a_killed_ingest_resumes_with_nothing_lost_or_doubled(url, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "published": "2024-03-15", "text": body})
                              for i, body in enumerate(BATCH)) + "\n", encoding="utf-8")
    Store(url).close()  # migrate first, so the child's first write is an article
    child = subprocess.Popen([sys.executable, "-m", "eventcoder.cli", "ingest", str(path), "--db", url],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = create_engine(database_url(url))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        with engine.connect() as connection:
            if connection.execute(select(func.count()).select_from(articles)).scalar() >= 3:
                break
        time.sleep(0.01)
    assert child.poll() is None, "the ingest finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    engine.dispose()
    with Store(url) as store:
        partial = store.counts()["articles"]
        assert 3 <= partial < len(BATCH)
        with store.engine.connect() as connection:  # every stored article has all its records
            orphans = connection.execute(select(func.count()).select_from(articles).where(
                ~articles.c.id.in_(select(sources.c.article_pk)))).scalar()
        assert orphans == 0
    resumed = ingest([str(path)], url)
    assert resumed.skipped == partial and resumed.stored == len(BATCH) - partial
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    ingest([str(path)], fresh)
    with Store(url) as store, Store(fresh) as reference:
        assert store.counts() == reference.counts()
        assert sorted(e["event_id"] for e in store.events()) == sorted(e["event_id"] for e in reference.events())
        with store.engine.connect() as connection:
            hashes = connection.execute(select(func.count(articles.c.content_hash.distinct()))).scalar()
            records = connection.execute(select(func.count(sources.c.record_id.distinct()))).scalar()
            if store.engine.dialect.name == "sqlite":
                assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        assert hashes == store.counts()["articles"] == len(BATCH)
        assert records == store.counts()["sources"]  # no record stored twice


def _open_new_databases(folder: str, rounds: int, start) -> None:
    """Runs in each of several processes: opens database 0, 1, 2... the moment all are ready."""
    for number in range(rounds):
        start.wait(timeout=60)
        Store(f"sqlite:///{folder}/{number}.sqlite").close()


def test_processes_creating_one_new_database_at_once_all_open_it(tmp_path):
    context = multiprocessing.get_context("spawn")
    processes, rounds = 4, 10
    start = context.Barrier(processes)
    openers = [context.Process(target=_open_new_databases, args=(str(tmp_path), rounds, start))
               for _ in range(processes)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(timeout=120)
    assert [opener.exitcode for opener in openers] == [0] * processes
    with Store(f"sqlite:///{tmp_path}/0.sqlite") as store, store.engine.connect() as connection:
        versions = connection.execute(select(schema_version.c.version)).scalars().all()
    assert versions == list(range(1, LATEST_VERSION + 1))


def test_an_article_that_cannot_be_coded_or_stored_is_rejected_and_the_batch_goes_on(url, tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "good", "text": BATCH[0]},
             {"id": "surrogate", "text": "A car bomb killed eight in Mogadishu \ud800 on Saturday."},
             {"id": "huge-toll", "text": "A car bomb killed 99999999999999999999999 people in Mogadishu on Saturday."},
             {"id": "good-too", "text": BATCH[1]}]
    path.write_text("".join(json.dumps(line | {"published": "2024-03-15"}) + "\n" for line in lines), encoding="utf-8")
    for run in range(2):  # a rerun meets the same two and skips what was stored
        summary = ingest([str(path)], url)
        assert [reject.id for reject in summary.rejected] == ["surrogate", "huge-toll"]
        assert summary.rejected[1].reason.startswith("[E033] could not be stored (")
        assert (summary.articles, summary.stored, summary.skipped) == (2, 2 - 2 * run, 2 * run)
    with Store(url) as store:
        assert [a["article_id"] for a in store.articles()] == ["good", "good-too"]  # nothing of huge-toll kept
        assert store.counts()["events"] == 2


def test_parsed_records_are_stored_or_rejected_as_the_lines_of_a_file(url):
    records = [{"id": "good", "published": "2024-03-15", "text": BATCH[0]}, {"text": " "},
               {"id": "huge-toll", "text": "A car bomb killed 99999999999999999999999 people in Mogadishu on Saturday."}]
    with Store(url) as store:
        summary = ingest_records(store, records, "request.jsonl")
        assert (summary.stored, [(r.id, r.reason[:6]) for r in summary.rejected]) == (
            1, [("request.jsonl:2", "[E003]"), ("huge-toll", "[E033]")])
        assert ingest_records(store, records[:1], "request.jsonl").skipped == 1
        assert [a["article_id"] for a in store.articles()] == ["good"]


def test_a_failing_database_ends_the_batch_as_one_store_error(url, monkeypatch):
    def fail(*_arguments):
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    with Store(url) as store:
        monkeypatch.setattr(store, "add_article", fail)
        with pytest.raises(StoreError, match=r"^\[E035\] the database .* failed: disk I/O error; "):
            ingest_records(store, [{"id": "a", "text": BATCH[0]}, {"id": "b", "text": BATCH[1]}], "request.jsonl")


@pytest.mark.parametrize("name, content", [("missing/events.sqlite", None), ("notes.txt", "notes " * 200)])
def test_a_database_that_cannot_be_opened_is_one_store_error(tmp_path, name, content):
    if content:
        (tmp_path / name).write_text(content)
    with pytest.raises(StoreError, match=r"^\[E030\] cannot open the database sqlite:///"):
        Store(str(tmp_path / name))


def test_reading_never_creates_a_database(tmp_path):
    typo = tmp_path / "evnets.sqlite"
    with pytest.raises(StoreError, match=r"^\[E031\] no event database at "):
        Store(str(typo), create=False)
    assert not typo.exists()
    Store(str(tmp_path / "events.sqlite")).close()
    Store(str(tmp_path / "events.sqlite"), create=False).close()


def test_the_commands_name_a_bad_database_in_one_line(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "evnets.sqlite")]) == 2
    assert main(["export", "--db", str(tmp_path / "evnets.sqlite")]) == 2
    assert main(["ingest", str(REPO / "examples" / "articles.jsonl"), "--db", str(tmp_path / "no" / "x.sqlite")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line[:19] for line in lines] == ["eventcoder: [E031] "] * 2 + ["eventcoder: [E030] "]
    assert not (tmp_path / "evnets.sqlite").exists()


@pytest.mark.parametrize("arguments", [["--limit", "-1"], ["--limit", "0"], ["--near", "inf,0,10"],
                                       ["--near", "1,2,-5"], ["--near", "91,0,10"], ["--min-fatalities", "-1"]])
def test_events_refuses_a_bad_limit_or_point(tmp_path, capsys, arguments):
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--db", str(tmp_path / "events.sqlite"), *arguments])
    assert exit_info.value.code == 2 and arguments[0] in capsys.readouterr().err


def test_events_names_an_unknown_sort(tmp_path, capsys):
    Store(str(tmp_path / "events.sqlite")).close()
    assert main(["events", "--db", str(tmp_path / "events.sqlite"), "--sort", "newest"]) == 2
    assert capsys.readouterr().err.startswith("eventcoder: [E066] sort 'newest': expected one of event_date,")
