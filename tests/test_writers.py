import csv
import io
import json
import sys
from datetime import date, datetime, timezone

import pytest

from eventcoder.errors import MissingExtraError
from eventcoder.event_record import RECORD_FIELDS
from eventcoder.io.formats import FORMATS
from eventcoder.io.writers import ParquetWriter, write_csv, write_geojson, write_jsonl, write_parquet


def record(event_id: str = "ev1", **changes) -> dict:
    """A full event record, built in reverse field order so writers must reorder it."""
    values = {
        "event_id": event_id,
        "article_id": "kidal.txt",
        "event_date": "2019-05-04",
        "time_precision": 1,
        "civilian_targeting": True,
        "location": "Kidal",
        "country_code": "ML",
        "latitude": 18.44,
        "longitude": 1.41,
        "fatalities": 5,
        "killed_max": None,
        "victims": [{"group": "civilians", "killed_min": 5, "killed_max": None}],
        "sources": ["local officials", "Radio Kledu"],
        "evidence": [{"text": "Gunmen killed five villagers.", "start": 0, "end": 29}],
        "notes": "On 4 May 2019, gunmen killed five villagers near Kidal \u2014 officials said.",
    }
    values.update(changes)
    full = {name: values.get(name) for name in RECORD_FIELDS}
    return dict(reversed(full.items()))


def test_jsonl_writes_fields_in_order_unescaped():
    stream = io.StringIO()
    extra = {**record(), "extra": 1, "published": date(2019, 5, 4)}
    assert write_jsonl([extra, record("ev2")], stream) == 2
    first, second = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert list(first) == [*RECORD_FIELDS, "extra", "published"] and first["published"] == "2019-05-04"
    assert second == record("ev2") and "\u2014" in stream.getvalue()


def test_jsonl_writes_geoparse_records_as_they_are():
    stream = io.StringIO()
    write_jsonl([{"article_id": "a", "places": [{"text": "Gao", "start": 0, "end": 3}]}], stream)
    assert json.loads(stream.getvalue()) == {"article_id": "a", "places": [{"text": "Gao", "start": 0, "end": 3}]}


def test_csv_flattens_lists_and_reads_back():
    stream = io.StringIO()
    write_csv([record(), record("ev2", sources=[], victims=[])], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(rows[0]) == list(RECORD_FIELDS) and len(rows) == 2
    first = rows[0]
    assert first["sources"] == "local officials; Radio Kledu"
    assert json.loads(first["victims"]) == record()["victims"]
    assert json.loads(first["evidence"])[0]["end"] == 29
    assert (first["civilian_targeting"], first["killed_max"], first["latitude"]) == ("true", "", "18.44")
    assert (rows[1]["sources"], rows[1]["victims"]) == ("", "[]")


def test_csv_with_no_records_is_just_the_header():
    stream = io.StringIO()
    assert write_csv([], stream) == 0
    assert stream.getvalue() == ",".join(RECORD_FIELDS) + "\n"


def test_geojson_keeps_records_without_coordinates_as_null_geometry():
    stream = io.StringIO()
    write_geojson([record(), record("ev2", latitude=None, longitude=None)], stream)
    collection = json.loads(stream.getvalue())
    located, unlocated = collection["features"]
    assert collection["type"] == "FeatureCollection"
    assert located["geometry"] == {"type": "Point", "coordinates": [1.41, 18.44]}
    assert (located["id"], list(located["properties"])) == ("ev1", list(RECORD_FIELDS))
    assert (unlocated["id"], unlocated["geometry"]) == ("ev2", None)


def test_geojson_with_no_records_is_an_empty_collection():
    stream = io.StringIO()
    write_geojson(iter([]), stream)
    assert json.loads(stream.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("name", sorted(name for name, output in FORMATS.items() if not output.needs_file))
def test_each_record_is_written_as_it_arrives_and_the_stream_stays_open(name):
    stream = io.StringIO()
    writer = FORMATS[name].writer(stream)
    writer.write(record("first-event"))
    assert "first-event" in stream.getvalue()
    writer.write(record("second-event"))
    writer.close()
    assert writer.count == 2 and not stream.closed


def test_parquet_has_one_schema_typed_from_the_record(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    stored = {**record(), "event_date": date(2019, 5, 4), "outlets": ["Wire"], "source_count": 2,
              "created_at": datetime(2024, 1, 1, 12, tzinfo=timezone.utc), "not_a_field": 1}
    assert write_parquet([record(), stored], path) == 2
    table = parquet.read_table(path)
    assert table.schema.names == [*RECORD_FIELDS, "outlets", "article_ids", "source_count", "created_at", "updated_at"]
    types = {name: str(table.schema.field(name).type) for name in table.schema.names}
    assert (types["time_precision"], types["latitude"], types["civilian_targeting"]) == ("int64", "double", "bool")
    assert (types["sources"], types["victims"], types["created_at"]) == \
        ("list<element: string>", "string", "timestamp[us, tz=UTC]")
    extracted, from_store = table.to_pylist()
    assert json.loads(extracted["victims"]) == record()["victims"] and extracted["outlets"] is None
    assert from_store["event_date"] == "2019-05-04" and from_store["outlets"] == ["Wire"]


def test_parquet_without_pyarrow_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"\[E042\] Parquet output needs pyarrow.*eventcoder\[parquet\]"):
        ParquetWriter(tmp_path / "events.parquet")
