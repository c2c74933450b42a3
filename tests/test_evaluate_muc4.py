from datetime import date
from pathlib import Path

import pytest

from eventcoder.evaluate.muc4 import (Template, dateline_date, evaluate, incident_type, key_template,
                                      location_right, map_templates, read_keys, read_messages)

KEY = """\
0.  MESSAGE: ID                     TEST-MUC4-0001 (WRITTEN)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 14 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY)
4.  INCIDENT: TYPE                  BOMBING
10. PERP: ORGANIZATION ID           "SHINING PATH" / "SENDERO LUMINOSO"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "POLICEMEN"
                                    ? INJURY: "PASSERSBY"

;;; a comment line
0.  MESSAGE: ID                     TEST-MUC4-0002 (WRITTEN)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
"""

MESSAGES = """\
TEST-MUC4-0001 (WRITTEN)

   LIMA, 14 MAR 90 (AFP) -- [TEXT] A CAR BOMB EXPLODED YESTERDAY IN LIMA, KILLING THREE
POLICEMEN.

TEST-MUC4-0002 (WRITTEN)

   BOGOTA, NO DATE -- [TEXT] THE PRESIDENT MET THE CABINET TODAY.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "key-test.muc4").write_text(KEY)
    (tmp_path / "test-muc4-0001").write_text(MESSAGES)
    return tmp_path


@pytest.mark.parametrize("body, expected", [
    ("   SAN SALVADOR, 3 JAN 90 -- [REPORT]", date(1990, 1, 3)),
    ("   BOGOTA, 18 APRIL 89 (AFP) -- [TEXT]", date(1989, 4, 18)),
    ("   PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT]", date(1989, 6, 11)),
    ("   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT]", None),
    ("   SAN SALVADOR, NO DATE -- [SPEECH]", None),
])
def test_dateline_date(body, expected):
    assert dateline_date(body) == expected


def test_read_keys_and_messages(corpus):
    keys = read_keys(corpus / "key-test.muc4")
    assert keys["TEST-MUC4-0002"] == []
    (key,) = keys["TEST-MUC4-0001"]
    assert key.types == ("BOMBING",)
    assert key.date_anchors == (date(1990, 3, 14),)
    assert key.organisations == (("SHINING PATH", "SENDERO LUMINOSO"),)
    assert (key.death, key.injury) == (True, None)
    messages = read_messages(corpus / "test-muc4-0001")
    assert [m.published for m in messages] == [date(1990, 3, 14), None]


def test_location_is_accent_and_case_insensitive():
    key = key_template("M", {3: ["COLOMBIA: MEDELLIN (CITY)"]})
    assert location_right(key, Template("M", ("ATTACK",), location="Medellín"))
    assert not location_right(key, Template("M", ("ATTACK",), location="Bogotá"))


def test_mapping_needs_compatible_types_and_an_overlapping_slot():
    key = key_template("M", {2: ["05 MAY 90"], 3: ["PERU: LIMA (CITY)"], 4: ["KIDNAPPING"]})
    lima_bombing = Template("M", ("BOMBING",), location="Lima")
    lima_attack = Template("M", ("ATTACK",), location="Lima")
    elsewhere = Template("M", ("KIDNAPPING",), location="Quito")
    lima_kidnapping = Template("M", ("KIDNAPPING",), location="Lima")
    assert map_templates([key], [lima_bombing, elsewhere]) == []
    assert map_templates([key], [lima_attack, lima_kidnapping]) == [(0, 1)]


def test_incident_type_refined_by_evidence():
    record = {"sub_event_type": "Attack", "evidence": [{"text": "Rebels set fire to three buses."}]}
    assert incident_type(record) == "ARSON"
    assert incident_type({"sub_event_type": "Armed clash", "civilian_targeting": False}) is None
    assert incident_type({"sub_event_type": "Armed clash", "civilian_targeting": True}) == "ATTACK"


def test_evaluate_small_corpus(corpus):
    report = evaluate(corpus)
    assert report.figures["messages"] == 2
    assert report.figures["key_templates"] == 1
    assert len(report.cases) == 1
    assert 0.0 <= report.cases[0].score <= 1.0


@pytest.mark.slow
def test_dev_set_figures(shared_data):
    """Full MUC-4 dev set (about 30 s): the targets the project works towards."""
    figures = evaluate(shared_data / "muc4").figures
    assert figures["key_templates"] > 900
    assert figures["type_accuracy"] >= 0.75


def test_a_clash_that_hits_civilians_is_a_muc_attack():
    from eventcoder.evaluate.muc4 import incident_type

    clash = {"sub_event_type": "Armed clash", "victims": [{"group": "soldiers"}]}
    assert incident_type(clash) is None  # guerrilla warfare, not terrorism
    assert incident_type({**clash, "victims": [{"group": "journalists"}]}) == "ATTACK"


def test_a_bomb_found_and_defused_is_an_attempted_muc_bombing():
    from eventcoder.evaluate.muc4 import incident_type

    assert incident_type({"sub_event_type": "Disrupted weapons use"}) == "BOMBING"


def test_captives_later_killed_are_still_a_muc_kidnapping():
    assert incident_type({"sub_event_type": "Attack", "plover_mode": "abduct"}) == "KIDNAPPING"
