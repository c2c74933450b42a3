"""Event-coding accuracy never drops silently: figures on the development sets and on our own
ACLED-style reports stay at or above their pins in quality_pins.json."""
import json
from pathlib import Path

import pytest

from eventcoder.evaluate import run_evaluation

PINS = json.loads((Path(__file__).parent / "quality_pins.json").read_text())
OWN_REPORTS = Path(__file__).parent / "data" / "acled_reports.csv"


def assert_pinned(name: str, figures: dict) -> None:
    for measure, floor in PINS[name].items():
        assert figures[measure] >= floor, f"{name} {measure} fell to {figures[measure]:.3f} (pinned {floor})"


def test_our_acled_reports():
    assert_pinned("acled", run_evaluation(OWN_REPORTS, "acled").figures)


def test_plover_gold_records(shared_data):
    assert_pinned("plover", run_evaluation(shared_data / "plover" / "PLOVER_GSR_CAMEO.txt", "plover").figures)


@pytest.mark.slow
def test_muc4_development_set(shared_data):
    assert_pinned("muc4", run_evaluation(shared_data / "muc4", "muc4").figures)
