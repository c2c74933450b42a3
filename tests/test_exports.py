"""Exports of stored events: ACLED CSV and PLOVER JSON (io/exports.py), GeoJSON and Parquet."""
import csv
import json
from datetime import date

import pytest

from eventcoder.event_record import RECORD_FIELDS
from eventcoder.io.exports import ACLED_COLUMNS
from eventcoder.io import formats
from eventcoder.io.formats import export, export_text
from eventcoder.store import Store
from tests.test_store import article, record

#: ACLED's export columns in ACLED's order (ACLED codebook, "Columns" of the data export).
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                "notes,fatalities,tags,timestamp").split(",")


@pytest.fixture
def events(tmp_path):
    """Two stored events: a car bomb reported by two outlets, and a clash."""
    with Store(f"sqlite:///{tmp_path / 'events.sqlite'}") as store:
        store.add_article(article("a", "Eight killed by a car bomb in Mogadishu."), [record()])
        store.add_article(article("b", "Twelve killed by Saturday's car bomb.", date(2024, 2, 11), "Other"),
                          [record(event_id="ev-2", fatalities=12, killed_min=12)])
        store.add_article(article("c", "Clash near Aleppo."), [record(
            event_id="ev-3", event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Syria",
            inter1="State forces", actor2="Islamic State", inter2="Rebel group", civilian_targeting=False,
            country="Syria", country_code="SY", location="Aleppo", latitude=36.2, longitude=37.16,
            event_date="2023-05-01", fatalities=0, killed_min=None)])
        yield list(store.records())


def test_acled_csv_has_acleds_columns_in_acleds_order(events, tmp_path):
    path = tmp_path / "events.csv"
    assert export(events, "acled-csv", path) == 2
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(ACLED_COLUMNS) == ACLED_HEADER == list(rows[0])
    clash, bomb = rows
    assert (bomb["event_id_cnty"], bomb["event_date"], bomb["year"], bomb["fatalities"]) == \
        ("ev-1", "2024-02-10", "2024", "12")
    assert bomb["source"] == "Wire; Other" and bomb["iso"] == "706" and bomb["region"] == "Eastern Africa"
    assert bomb["civilian_targeting"] == "Civilian targeting" and clash["civilian_targeting"] == ""
    assert clash["interaction"] == "State forces-Rebel group" and clash["disorder_type"] == "Political violence"


def test_geojson_is_a_feature_collection_of_points(events, tmp_path):
    path = tmp_path / "events.geojson"
    export(events, "geojson", path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    feature = collection["features"][1]
    assert feature["type"] == "Feature" and feature["geometry"] == {"type": "Point", "coordinates": [45.344, 2.037]}
    assert feature["properties"]["event_id"] == "ev-1"


def test_plover_json_names_plover_fields(events, tmp_path):
    path = tmp_path / "events.jsonl"
    export(events, "plover-json", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["ev-3", "ev-1"]
    assert lines[1]["event"] == "ASSAULT" and lines[1]["actor"] == "Al Shabaab"
    assert lines[1]["sources"] == ["Wire", "Other"] and lines[1]["location"]["country_code"] == "SO"


def test_parquet_has_the_record_fields_then_the_stores(events, tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export(events, "parquet", path) == 2
    table = parquet.read_table(path)
    assert table.schema.names[:len(RECORD_FIELDS)] == list(RECORD_FIELDS)
    clash, bomb = table.to_pylist()
    assert (clash["event_id"], clash["event_date"], clash["evidence"]) == ("ev-3", "2023-05-01", None)
    assert bomb["article_ids"] == ["a", "b"] and bomb["outlets"] == ["Wire", "Other"]
    assert (bomb["fatalities"], bomb["source_count"], bomb["updated_at"].tzname()) == (12, 2, "UTC")


@pytest.mark.parametrize("name", ["acled-csv", "geojson", "plover-json"])
def test_streamed_text_is_the_export_in_pieces(events, tmp_path, monkeypatch, name):
    export(events, name, tmp_path / "whole")
    monkeypatch.setattr(formats, "TEXT_CHUNK", 100)
    pieces = list(export_text(events, name))
    assert len(pieces) > 2 and "".join(pieces) == (tmp_path / "whole").read_text(encoding="utf-8")
