"""Accuracy never drops silently: development-set figures must stay at or above their pins."""
import json
from pathlib import Path

import pytest

from eventcoder.evaluate.geoxml import read_gwn, read_lgl, score

PINS = json.loads((Path(__file__).parent / "quality_pins.json").read_text())
READERS = {"lgl": (read_lgl, "lgl.xml"), "gwn": (read_gwn, "GWN.xml")}


@pytest.mark.parametrize("corpus", ["lgl", "gwn"])
def test_geoparsing_stays_above_its_pins(shared_data, corpus):
    reader, file_name = READERS[corpus]
    figures = score(reader(shared_data / "geoparsing" / file_name))
    for measure, floor in PINS[corpus].items():
        assert figures[measure] >= floor, f"{corpus} {measure} fell to {figures[measure]:.3f} (pinned {floor})"
