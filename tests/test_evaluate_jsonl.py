import json

import pytest

from eventcoder.evaluate.jsonl import evaluate, read_jsonl

GOLD = {"id": "g1", "published": "2024-05-10",
        "text": "Gunmen killed three farmers in Benue on Wednesday, police said.",
        "events": [{"event_type": "Violence against civilians", "sub_event_type": "Attack",
                    "event_date": "2024-05-08", "fatalities": 3, "actor2": "Civilians (Nigeria)"}]}


def test_the_main_event_is_scored(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    figures = evaluate(path).figures
    assert figures["sub_event_type_accuracy"] == 1.0
    assert figures["fatalities_exact"] == 1.0
    assert figures["date_exact"] == 1.0


def test_a_bad_line_names_itself(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n{\"id\": \"x\"}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^\[E055\] .*gold.jsonl:2"):
        read_jsonl(path)
