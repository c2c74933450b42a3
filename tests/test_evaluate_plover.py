import json
import time

import pytest

from eventcoder.article import Article
from eventcoder.evaluate.plover import GoldActor, actor_key, evaluate, match_actor, read_gold
from eventcoder.pipeline import extract_records

GOLD = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "notes"},
    {"id": "R-1", "event": "DEMAND", "date": "2001-03-04",
     "text": "Hungarian officials urged Romania to reopen the border crossing.",
     "source": [{"actorText": "Hungarian officials", "code": "HUN", "sector": "GOV"}],
     "target": [{"actorText": "Romania", "code": "ROU"}]},
    {"id": "R-2", "event": "FIGHT", "date": "2001-03-05",
     "text": "Syrian army shelled rebel positions near Idlib, killing four fighters.",
     "source": [{"actorText": "Syrian army", "code": "SYR", "sector": "MIL"}], "target": ""},
    {"id": "R-3", "event": "AID", "date": "2001-03-06",
     "text": "The weather was mild on Tuesday.",
     "source": [{"actorText": "United Nations", "code": "IGO"}]},
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD))
    return path


def test_gold_types_are_renamed_to_plover_2021_and_documents_left_out(gold_file):
    records = read_gold(gold_file)
    assert [(r.id, r.event) for r in records] == [("R-1", "REQUEST"), ("R-2", "ASSAULT"), ("R-3", "AID")]
    assert records[0].sources == (GoldActor("Hungarian officials", "HU", "HUN", "government"),)
    assert records[1].targets == ()
    assert records[2].sources[0].country is None


@pytest.mark.parametrize("name, key", [
    ("Government of Hungary", ("HU", "government")),
    ("Military Forces of Syria", ("SY", "military")),
    ("Civilians (Syria)", ("SY", "civilians")),
    ("Unidentified Armed Group (Syria)", ("SY", "non-state")),
    ("Islamic State (Syria)", ("SY", "non-state")),
])
def test_our_names_reduce_to_country_and_role(name, key):
    assert actor_key(name) == key


def test_actor_match_levels():
    government = (GoldActor("Syrian officials", "SY", "SYR", "government"),)
    state = (GoldActor("Syria", "SY", "SYR", None),)
    assert match_actor("Government of Syria", government) == (True, True)
    assert match_actor("Military Forces of Syria", government) == (True, False)
    assert match_actor("Military Forces of Syria", state) == (True, True)
    assert match_actor("Government of Iraq", government) == (False, False)
    assert match_actor(None, government) == (False, False)
    assert match_actor("NATO", (GoldActor("NATO troops", None, "IGO", "military"),)) == (True, True)


def test_report_figures_confusion_and_cases(gold_file):
    report = evaluate(gold_file)
    assert report.name == "plover" and report.figures["records"] == 3
    assert sum(report.confusion.values()) == 3
    assert report.confusion["AID", "none"] == 1  # no event found counts as wrong
    assert report.confusion["ASSAULT", "ASSAULT"] == 1
    assert report.figures["event_accuracy"] == pytest.approx(
        sum(n for (g, p), n in report.confusion.items() if g == p) / 3)
    assert report.figures["source_records"] == 3 and report.figures["target_records"] == 1
    assert {case.id for case in report.cases} == {"R-1", "R-2", "R-3"}
    assert 0.0 <= report.figures["macro_f1"] <= 1.0


@pytest.mark.parametrize("text, plover", [
    ("The UN condemned the airstrike that killed ten civilians in Idlib.", "ASSAULT"),
    ("Hamas rejected the Egyptian ceasefire proposal on Sunday.", "REJECT"),
    ("The opposition called for a ceasefire in the north.", "REQUEST"),
    ("Germany on Monday imposed sanctions on Russia.", "SANCTION"),
    ("Rebels accused the army of violating the truce.", "ACCUSE"),
    ("The government lifted the curfew in the capital.", "CONCEDE"),
    ("Japan gave Kenya 5 million dollars in food aid.", "AID"),
])
def test_statements_are_typed_and_violence_still_wins(text, plover):
    records = extract_records(Article("t", text))
    assert records and records[0]["plover_event"] == plover


def test_plover_gold_file(shared_data):
    started = time.perf_counter()
    report = evaluate(shared_data / "plover" / "PLOVER_GSR_CAMEO.txt")
    assert time.perf_counter() - started < 20
    assert report.figures["records"] == sum(report.confusion.values()) > 300
    assert 0.0 < report.figures["event_accuracy"] <= report.figures["accuracy_when_found"] <= 1.0
    assert 0.0 < report.figures["source_country"] <= 1.0
