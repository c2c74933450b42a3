from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from eventcoder.evaluate import report as report_module
from eventcoder.evaluate.acled import actors_match, evaluate, fatalities_close, normalise_actor, read_acled

GOLD = Path(__file__).parent / "data" / "acled_reports.csv"

TINY = (
    "\ufeffevent_id_cnty,event_date,sub_event_type,event_type,actor1,actor2,latitude,longitude,"
    "fatalities,notes,something_else\n"
    'SOM1,2024-03-12,Armed clash,Battles,Al Shabaab,Military Forces of Somalia (2022-),2.1381,45.1212,'
    '12,"On 12 March 2024, Al Shabaab attacked a base in Afgooye, killing 12 soldiers.",x\n'
    "SOM2,5 June 2023,Attack,Violence against civilians,Al Shabaab,,,,0,"
    '"Around 5 June 2023 (as reported), militants beat a man in Jowhar.",y\n'
    "SOM3,2024-01-01,Attack,Violence against civilians,,,,,,,z\n"
)


@pytest.fixture
def tiny(tmp_path) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_reader_tolerates_missing_and_extra_columns(tiny):
    first, second = read_acled(tiny)  # the row without notes is left out
    assert first.id == "SOM1" and first.published == first.event_date == date(2024, 3, 12)
    assert (first.latitude, first.fatalities, first.location) == (2.1381, 12, "")
    assert second.event_date == second.published == date(2023, 6, 5)
    assert second.latitude is None and second.actor2 == ""


@pytest.mark.parametrize("written", ["2019-12-31", "31 December 2019", "31-12-19", "31-Dec-19", "31-December-2019"])
def test_every_acled_date_form_is_read(tmp_path, written):
    (tmp_path / "a.csv").write_text(f'event_id_cnty,event_date,notes\nKEN1,{written},"Riots in Nakuru."\n')
    assert read_acled(tmp_path / "a.csv")[0].event_date == date(2019, 12, 31)


@pytest.mark.parametrize("opening", ["On December 31st, 2019,", "On or about 31 Dec. 2019,"])
def test_a_note_opening_with_a_date_is_dated_without_a_date_column(tmp_path, opening):
    (tmp_path / "a.csv").write_text(f'event_id_cnty,notes\nKEN1,"{opening} riots in Nakuru."\n')
    assert read_acled(tmp_path / "a.csv")[0].published == date(2019, 12, 31)


@pytest.mark.parametrize("gold, ours, expected", [
    ("Military Forces of Somalia (2022-)", "Military Forces of Somalia", True),
    ("Military Forces of Syria (2000-2024)", "military forces of syria", True),
    ("Military Forces of the Democratic Republic of Congo (2019-)",
     "Military Forces of Democratic Republic of Congo", True),
    ("JNIM: Group for Support of Islam and Muslims", "JNIM", True),
    ("Al Shabaab", "Al-Shabaab", True),
    ("Civilians (Syria)", "Civilians (Russia)", False),
    ("Al Shabaab", None, False),
    ("Hamas Movement", "Hamas Mov", False),
])
def test_actor_rule(gold, ours, expected):
    assert actors_match(gold, ours) is expected


def test_normalise_drops_periods_and_punctuation():
    assert normalise_actor("Military Forces of Yemen (2017-) Houthi") == "military forces of yemen houthi"


@pytest.mark.parametrize("gold, ours, expected", [(0, 0, True), (0, 1, False), (10, 12, True),
                                                   (10, 13, False), (5, None, False)])
def test_fatalities_within_twenty_percent(gold, ours, expected):
    assert fatalities_close(gold, ours) is expected


def test_metrics_over_fixed_records(tiny, monkeypatch):
    records = {"SOM1": [{"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 12,
                         "latitude": 2.2, "longitude": 45.1212, "event_date": "2024-03-12",
                         "actor1": "Al Shabaab", "actor2": "Military Forces of Somalia"}],
               "SOM2": []}
    monkeypatch.setattr(report_module, "extract_records", lambda article: records[article.id])
    report = evaluate(tiny)
    figures = report.figures
    assert figures["reports"] == 2 and figures["no_event"] == 1
    assert figures["sub_event_type_accuracy"] == 0.5 and figures["fatalities_exact"] == 0.5
    assert figures["fatalities_exact_when_killed"] == 1.0  # SOM2's toll is 0: only SOM1 counts
    assert figures["location_within_10km"] == 1.0 and figures["location_within_25km"] == 1.0
    assert figures["actor1_match"] == 0.5 and figures["actor2_match"] == 1.0
    assert report.confusion == Counter({("Armed clash", "Armed clash"): 1, ("Attack", "(none)"): 1})
    assert 6 < report.distances_km[0] < 8
    assert [case.score for case in report.worst()] == [0.0, 1.0]


def test_gold_file_covers_every_sub_event_type():
    rows = read_acled(GOLD)
    counts = Counter(row.sub_event_type for row in rows)
    assert len(rows) >= 70 and len(counts) == 25 and min(counts.values()) >= 2


def test_run_over_gold_file_is_sane():
    report = evaluate(GOLD)
    assert report.figures["reports"] == len(report.cases) == sum(report.confusion.values())
    assert all(0.0 <= value <= 1.0 for name, value in report.figures.items()
               if name not in ("reports", "no_event", "homes_sources", "homes_inferred")
               and not name.endswith("median_error_km"))
    assert report.figures["no_event"] < report.figures["reports"]
    assert all(distance >= 0 for distance in report.distances_km)


def test_the_share_beyond_300km_counts_the_events_placed(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("event_id_cnty,latitude,longitude,notes\nK1,0,37,a\nK2,0,37,b\nK3,0,37,c\n")
    placed = {"K1": [{"latitude": 0.1, "longitude": 37}], "K2": [{"latitude": 0, "longitude": 40}], "K3": []}
    monkeypatch.setattr(report_module, "extract_records", lambda article: placed[article.id])
    figures = evaluate(tmp_path / "a.csv").figures
    assert figures["location_within_25km"] == pytest.approx(1 / 3) and figures["location_beyond_300km"] == 0.5


def test_a_second_pass_reads_each_source_from_its_home(tmp_path, monkeypatch):
    rows = "".join(f'K{i},0,37,"Traders rioted in {town}.",Coast Herald; Radio Two\n'
                   for i, town in enumerate(["Mombasa", "Malindi", "Kilifi", "Mombasa"]))
    (tmp_path / "a.csv").write_text("event_id_cnty,latitude,longitude,notes,source\n" + rows)
    homes_seen = []

    def extract(article):
        homes_seen.append(article.home)
        return [{"latitude": 0, "longitude": 37}]
    monkeypatch.setattr(report_module, "extract_records", extract)
    figures = evaluate(tmp_path / "a.csv").figures
    assert (figures["homes_sources"], figures["homes_inferred"]) == (1, 1)
    assert homes_seen[:4] == [None] * 4 and set(homes_seen[4:]) == {"Kenya"}
    assert figures["homes_location_within_10km"] == 1.0


def test_rows_coded_from_one_note_share_out_its_events_the_likest_pairs_first(tmp_path, monkeypatch):
    note = '"Protests in Embu and Meru; a protester died in Meru."'
    (tmp_path / "a.csv").write_text("event_id_cnty,sub_event_type,latitude,longitude,fatalities,notes\n"
                                    f"K1,Peaceful protest,0,37,0,{note}\nK2,Peaceful protest,1,38,1,{note}\n"
                                    f"K3,Peaceful protest,1,38,0,{note}\nK4,Riot,0,37,0,\"A riot in Embu.\"\n")
    embu = {"sub_event_type": "Peaceful protest", "latitude": 0, "longitude": 37, "fatalities": 0}
    meru = embu | {"latitude": 1, "longitude": 38, "fatalities": 1}
    monkeypatch.setattr(report_module, "extract_records", lambda article: [embu, meru] if article.id != "K4" else [])
    report = evaluate(tmp_path / "a.csv")
    assert [case.extracted["latitude"] for case in report.cases] == [0, 1, 0, None]  # K3 keeps the main event
    assert report.figures["fatalities_exact"] == 0.75


def test_a_text_the_pipeline_fails_on_is_named_and_scored_as_no_event(tiny, monkeypatch):
    working = report_module.extract_records

    def failing_on_jowhar(article):
        if "Jowhar" in article.text:
            raise KeyError("violence")  # a bug on one text, as a stage may have
        return working(article)

    monkeypatch.setattr(report_module, "extract_records", failing_on_jowhar)
    scored = evaluate(tiny)
    assert len(scored.rejected) == 1 and scored.rejected[0].startswith("SOM2: [E017]") and "KeyError" in scored.rejected[0]
    assert scored.figures["reports"] == 2 and scored.figures["no_event"] == 1  # SOM3 has no note


def test_actor_names_match_without_their_accents():
    assert actors_match("Kraze Barye Gang", "Kraze Baryè Gang")
