"""Accuracy never drops silently: each development set's check part (eventcoder.evaluate.parts)
stays at or above its pins in quality_pins.json. Errors are studied on the tuning part only, so
these figures stand for text the rules were not written against."""
import json
from pathlib import Path

import pytest

from eventcoder.evaluate import run_evaluation
from eventcoder.evaluate.geoxml import read_gwn, read_lgl, score
from eventcoder.evaluate.parts import select

PINS = json.loads((Path(__file__).parent / "quality_pins.json").read_text())
OWN_REPORTS = Path(__file__).parent / "data" / "acled_reports.csv"
GEOPARSING = {"lgl": (read_lgl, "lgl.xml"), "gwn": (read_gwn, "GWN.xml")}


#: Measures where lower is better: their pin is a ceiling.
CEILINGS = {"location_beyond_300km"}


def assert_pinned(name: str, figures: dict) -> None:
    for measure, pin in PINS[name].items():
        if measure in CEILINGS:
            assert figures[measure] <= pin, f"{name} {measure} rose to {figures[measure]:.3f} (pinned {pin})"
        else:
            assert figures[measure] >= pin, f"{name} {measure} fell to {figures[measure]:.3f} (pinned {pin})"


@pytest.mark.parametrize("corpus", ["lgl", "gwn"])
def test_geoparsing(shared_data, corpus):
    reader, file_name = GEOPARSING[corpus]
    articles = select(reader(shared_data / "geoparsing" / file_name), "check")
    assert_pinned(corpus, score(articles))


def test_our_acled_reports():
    assert_pinned("acled", run_evaluation(OWN_REPORTS, "acled", "check").figures)


def test_plover_gold_records(shared_data):
    assert_pinned("plover", run_evaluation(shared_data / "plover" / "PLOVER_GSR_CAMEO.txt", "plover", "check").figures)


@pytest.mark.slow
def test_muc4_development_set(shared_data):
    assert_pinned("muc4", run_evaluation(shared_data / "muc4", "muc4", "check").figures)


@pytest.mark.slow
def test_acled_kenya(shared_data):
    kenya = shared_data / "acled-kenya" / "acled_kenya_2007_2019.csv"
    assert_pinned("kenya", run_evaluation(kenya, "acled", "check").figures)
