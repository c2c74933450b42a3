"""Writers of event records: JSON lines, CSV and GeoJSON, each streamed record by record.

A writer is a :class:`RecordWriter` made on a text stream: ``write(record)`` writes one record
dict (the event record of DESIGN.md) at once, ``close()`` ends the format. Records are dicts,
so writers know records, not stages. :data:`WRITERS` maps format names to writer classes; the
CLI picks one by name (:func:`get_writer`), and a new exporter plugs in by subclassing
:class:`RecordWriter` and adding itself to :data:`WRITERS`. ``write_jsonl``, ``write_csv`` and
``write_geojson`` write a whole iterable at once. Geoparse records (``article_id``,
``places``) are JSON lines too.

- JSONL: one record a line, the fields of :data:`RECORD_FIELDS` first in their order, then
  any others; UTF-8 as is (no ``\\u`` escapes).
- CSV: a header of :data:`RECORD_FIELDS` (or the ``fields`` given), then one row a record;
  ``null`` is an empty cell, booleans are ``true``/``false``, ``sources`` is joined with
  ``"; "``, other lists and objects (``victims``, ``evidence``) are compact JSON.
- GeoJSON: a FeatureCollection with one Point feature a record, ``id`` the ``event_id`` and
  the whole record as properties. A record without coordinates is kept with
  ``"geometry": null`` (allowed by RFC 7946), so the file holds every event.
- Parquet (:func:`write_record_parquet`, for Ray's shard files): one column per
  :data:`RECORD_FIELDS` entry, always the same types (:func:`record_parquet_schema`) so that
  every part file reads as one dataset; ``sources`` is a list of strings, ``victims`` and
  ``evidence`` JSON text, as in ``eventcoder export --format parquet``. Needs pyarrow.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, TextIO

from eventcoder.errors import UnknownFormatError

__all__ = [
    "RECORD_FIELDS",
    "WRITERS",
    "CsvWriter",
    "GeoJsonWriter",
    "JsonlWriter",
    "RecordWriter",
    "get_writer",
    "record_parquet_schema",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_record_parquet",
]

#: The event record's fields, in the order of DESIGN.md's table.
RECORD_FIELDS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "event_date",
    "time_precision",
    "date_text",
    "event_type",
    "sub_event_type",
    "plover_event",
    "plover_mode",
    "actor1",
    "actor2",
    "assoc_actor_1",
    "assoc_actor_2",
    "inter1",
    "inter2",
    "civilian_targeting",
    "location",
    "admin1",
    "country",
    "country_code",
    "latitude",
    "longitude",
    "geonameid",
    "geo_precision",
    "location_text",
    "fatalities",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "victims",
    "sources",
    "certainty",
    "status",
    "evidence",
    "notes",
)

#: Parquet column types other than text: whole numbers, decimals, booleans and lists of strings.
PARQUET_KINDS: dict[str, str] = {
    "time_precision": "int", "geonameid": "int", "geo_precision": "int", "fatalities": "int",
    "killed_min": "int", "killed_max": "int", "injured_min": "int", "injured_max": "int",
    "latitude": "float", "longitude": "float", "civilian_targeting": "bool", "sources": "strings",
}

#: CSV columns whose list of strings reads better joined than as JSON.
JOINED_FIELDS = frozenset({"sources"})
CSV_JOINER = "; "



def ordered(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record with RECORD_FIELDS first, in the table's order, then its other keys."""
    front = {name: record[name] for name in RECORD_FIELDS if name in record}
    return front | {name: value for name, value in record.items() if name not in front}


def _json_value(value: Any) -> str:
    """Serialises what JSON lacks: dates become ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"a record value of type {type(value).__name__} cannot be written as JSON")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_value)


class RecordWriter:
    """Writes records to a text stream one at a time: made on the stream, ``write`` each, ``close``.

    Subclasses write a header on creation and a footer on close when their format has them.
    ``close`` does not close the stream, which belongs to the caller. ``append=True`` continues
    a file an earlier writer of the same format left unfinished (a resumed run): no header.
    A format whose records stand alone as text sets ``encode`` (record -> its text), so that
    worker processes can encode records and the writing process only ``write_encoded`` them.
    """

    encode: Callable[[Mapping[str, Any]], str] | None = None

    def __init__(self, stream: TextIO, append: bool = False) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self._write(record)
        self.count += 1

    def _write(self, record: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def write_encoded(self, text: str) -> None:
        """Writes a record that ``encode`` turned into text."""
        self.stream.write(text)
        self.count += 1

    def close(self) -> None:
        self.stream.flush()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def jsonl_line(record: Mapping[str, Any]) -> str:
    """A record as its JSONL line, newline included."""
    return _dumps(ordered(record)) + "\n"


class JsonlWriter(RecordWriter):
    """One JSON object a line."""

    encode = staticmethod(jsonl_line)

    def _write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(jsonl_line(record))


def _csv_cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)) and name in JOINED_FIELDS and all(isinstance(v, str) for v in value):
        return CSV_JOINER.join(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_value)
    return value


class CsvWriter(RecordWriter):
    """A header row of ``fields``, then one row a record; keys outside ``fields`` are not written."""

    def __init__(self, stream: TextIO, fields: Sequence[str] = RECORD_FIELDS, append: bool = False) -> None:
        super().__init__(stream)
        self.fields = tuple(fields)
        self._rows = csv.writer(stream, lineterminator="\n")
        if not append:
            self._rows.writerow(self.fields)

    def _write(self, record: Mapping[str, Any]) -> None:
        self._rows.writerow([_csv_cell(name, record.get(name)) for name in self.fields])


def _is_coordinate(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _feature(record: Mapping[str, Any]) -> dict[str, Any]:
    latitude, longitude = record.get("latitude"), record.get("longitude")
    geometry = None
    if _is_coordinate(latitude) and _is_coordinate(longitude):
        geometry = {"type": "Point", "coordinates": [longitude, latitude]}
    feature: dict[str, Any] = {"type": "Feature"}
    if record.get("event_id") is not None:
        feature["id"] = record["event_id"]
    feature["geometry"] = geometry
    feature["properties"] = ordered(record)
    return feature


class GeoJsonWriter(RecordWriter):
    """A FeatureCollection: its header now, each feature as it comes, its footer on close."""

    def __init__(self, stream: TextIO, append: bool = False) -> None:
        if append:
            raise ValueError("a GeoJSON file cannot be continued: its features sit inside one object")
        super().__init__(stream)
        stream.write('{"type": "FeatureCollection", "features": [')

    def _write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(",\n" if self.count else "\n")
        self.stream.write(_dumps(_feature(record)))

    def close(self) -> None:
        self.stream.write("\n]}\n")
        super().close()


#: Format name -> writer class; a new exporter plugs in by adding itself here.
WRITERS: dict[str, type[RecordWriter]] = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "geojson": GeoJsonWriter,
}


def get_writer(name: str) -> type[RecordWriter]:
    """The writer registered under a format name; raises UnknownFormatError naming the choices."""
    try:
        return WRITERS[name.lower()]
    except KeyError:
        raise UnknownFormatError(name, list(WRITERS)) from None


def _write_all(writer: RecordWriter, records: Iterable[Mapping[str, Any]]) -> int:
    with writer:
        for record in records:
            writer.write(record)
    return writer.count


def write_jsonl(records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """Writes every record as JSON lines; returns how many."""
    return _write_all(JsonlWriter(stream), records)


def write_csv(
    records: Iterable[Mapping[str, Any]], stream: TextIO, fields: Sequence[str] = RECORD_FIELDS
) -> int:
    """Writes every record as CSV rows under a header; returns how many."""
    return _write_all(CsvWriter(stream, fields), records)


def write_geojson(records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """Writes every record as one GeoJSON FeatureCollection; returns how many."""
    return _write_all(GeoJsonWriter(stream), records)


def record_parquet_schema():
    """The Parquet schema of the event record: RECORD_FIELDS in order, text unless PARQUET_KINDS says."""
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "strings": pa.list_(pa.string())}
    return pa.schema([(name, types.get(PARQUET_KINDS.get(name), pa.string())) for name in RECORD_FIELDS])


def write_record_parquet(records: Iterable[Mapping[str, Any]], path: str) -> int:
    """Writes event records as one Parquet file of :func:`record_parquet_schema`; returns how many.

    Keys outside RECORD_FIELDS are not written. Raises ImportError naming the extra without pyarrow.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError("Parquet output needs pyarrow: pip install 'eventcoder[parquet]'") from None
    from eventcoder.io.exports import parquet_value  # one rule for lists and objects in every Parquet file

    rows = [{name: parquet_value(name, record.get(name)) for name in RECORD_FIELDS} for record in records]
    pq.write_table(pa.Table.from_pylist(rows, schema=record_parquet_schema()), path)
    return len(rows)
