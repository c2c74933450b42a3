"""The example article of ../shared/data/seed yields what expected.md asks for."""
import json

import pytest

from eventcoder.cli import main


@pytest.fixture
def seed_records(shared_data, tmp_path):
    out = tmp_path / "seed.jsonl"
    assert main(["extract", str(shared_data / "seed" / "article.jsonl"), "-o", str(out)]) == 0
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_main_event_is_the_coalition_airstrike_on_albu_kamal(seed_records):
    event = seed_records[0]
    assert event["status"] == "new"
    assert (event["event_type"], event["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (event["plover_event"], event["plover_mode"]) == ("ASSAULT", "aerial")
    assert "coalition" in event["actor1"].lower() and "United States" not in event["actor1"]
    assert event["actor2"] == "Civilians (Syria)" and event["civilian_targeting"] is True
    assert (event["geonameid"], event["geo_source"], event["geo_precision"]) == (174448, "geonames", 2)
    assert event["admin1"] == "Deir ez-Zor" and event["country_code"] == "SY"
    assert event["event_date"] == "2018-07-13" and event["time_precision"] == 1
    assert (event["killed_min"], event["killed_max"], event["fatalities"]) == (30, None, 30)
    assert {"women", "children"} <= {v["group"] for v in event["victims"]}
    assert {"local sources", "medical sources"} <= set(event["sources"])
    assert event["certainty"] == "reported"


def test_daraa_entry_agreement_and_talks_are_new_events_on_july_12(seed_records):
    new = [e for e in seed_records if e["status"] == "new"]
    entry = next(e for e in new if e["sub_event_type"] in (
        "Non-violent transfer of territory", "Government regains territory"))
    assert entry["actor1"] == "Military Forces of Syria" and entry["geonameid"] == 170905
    assert entry["event_date"] == "2018-07-12"
    agreement = next(e for e in new if e["sub_event_type"] == "Agreement")
    assert agreement["plover_event"] == "AGREE" and agreement["event_date"] == "2018-07-12"
    talks = next(e for e in new if e["plover_event"] == "CONSULT")
    assert talks["event_date"] == "2018-07-12" and talks["geonameid"] == 170905


def test_history_and_threats_are_not_new_events(seed_records):
    assert sum(event["status"] == "new" for event in seed_records) <= 5
    for event in seed_records:
        if event["status"] != "new":
            continue
        assert event["event_date"] is None or event["event_date"] >= "2018-07-01", event["notes"]
        assert not (event["location"] and "Idlib" in event["location"] and event["plover_event"] == "ASSAULT")
