"""Writers of event records in the record's own formats: JSON lines, CSV, GeoJSON and Parquet.

A writer is a :class:`RecordWriter`: made on its output, ``write(record)`` writes one record dict
(:class:`~eventcoder.event_record.EventRecord`) at once, ``close()`` ends the format. Records
are dicts, so writers know records, not stages. The text formats are :class:`TextWriter`\\ s,
made on a text stream; Parquet is binary and made on a file path. ``write_jsonl``,
``write_csv``, ``write_geojson`` and ``write_parquet`` write a whole iterable at once.
Geoparse records (``article_id``, ``places``) are JSON lines too. Which command offers which
format is said in :mod:`eventcoder.io.formats`.

- JSONL: one record a line, the fields of :data:`RECORD_FIELDS` first in their order, then
  any others; UTF-8 as is (no ``\\u`` escapes).
- CSV: a header of :data:`RECORD_FIELDS` (or the ``fields`` given), then one row a record;
  ``null`` is an empty cell, booleans are ``true``/``false``, lists of strings (``sources``)
  are joined with ``"; "``, other lists and objects (``victims``, ``evidence``) are compact JSON.
- GeoJSON: a FeatureCollection with one Point feature a record, ``id`` the ``event_id`` and
  the whole record as properties. A record without coordinates is kept with
  ``"geometry": null`` (allowed by RFC 7946), so the file holds every event.
- Parquet: one column per field of :class:`~eventcoder.event_record.StoredEvent` (the record's
  fields, then what the store adds), always the same types (:func:`parquet_schema`), so that
  Ray's part files and ``eventcoder export`` files all read as one dataset; a field a record
  lacks is null. Needs pyarrow (the ``parquet`` extra).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from eventcoder.errors import Errors, MissingExtraError, UsageError
from eventcoder.event_record import RECORD_FIELDS, EventRecord, StoredEvent, field_types

__all__ = [
    "CsvWriter",
    "GeoJsonWriter",
    "JsonlWriter",
    "ParquetWriter",
    "RecordWriter",
    "TextWriter",
    "parquet_schema",
    "to_json",
    "write_all",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]

#: CSV columns whose list of strings reads better joined than as JSON: the record's ``list[str]`` fields.
JOINED_FIELDS = frozenset(name for name, kind in field_types(EventRecord).items() if kind == list[str])
CSV_JOINER = "; "
#: Parquet columns: the stored event's fields with their types (``None`` taken out).
PARQUET_COLUMNS = field_types(StoredEvent)
#: Records a Parquet row group holds, so that a large export is written as it is read.
PARQUET_ROW_GROUP = 10_000


def ordered(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record with RECORD_FIELDS first, in the table's order, then its other keys."""
    front = {name: record[name] for name in RECORD_FIELDS if name in record}
    return front | {name: value for name, value in record.items() if name not in front}


def _json_value(value: Any) -> str:
    """Serialises what JSON lacks: dates become ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    raise UsageError(Errors.E049.format(kind=type(value).__name__))


def to_json(value: Any) -> str:
    """A value as JSON text, UTF-8 as is, dates as ISO strings."""
    return json.dumps(value, ensure_ascii=False, default=_json_value)


class RecordWriter:
    """Writes records one at a time: made on its output, ``write`` each, ``close`` at the end.

    ``close`` does not close a stream it was given, which belongs to the caller.
    """

    def __init__(self) -> None:
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self._write(record)
        self.count += 1

    def _write(self, record: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class TextWriter(RecordWriter):
    """A writer made on a text stream.

    Subclasses write a header on creation and a footer on close when their format has them.
    ``append=True`` continues a file an earlier writer of the same format left unfinished (a
    resumed run): no header. A format whose records stand alone as text sets ``encode``
    (record -> its text), so that worker processes can encode records and the writing process
    only ``write_encoded`` them.
    """

    encode: Callable[[Mapping[str, Any]], str] | None = None

    def __init__(self, stream: TextIO, append: bool = False) -> None:
        super().__init__()
        self.stream = stream

    def write_encoded(self, text: str) -> None:
        """Writes a record that ``encode`` turned into text."""
        self.stream.write(text)
        self.count += 1

    def close(self) -> None:
        self.stream.flush()


def jsonl_line(record: Mapping[str, Any]) -> str:
    """A record as its JSONL line, newline included."""
    return to_json(ordered(record)) + "\n"


class JsonlWriter(TextWriter):
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


class CsvWriter(TextWriter):
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


class GeoJsonWriter(TextWriter):
    """A FeatureCollection: its header now, each feature as it comes, its footer on close."""

    def __init__(self, stream: TextIO, append: bool = False) -> None:
        if append:
            raise UsageError(Errors.E043)
        super().__init__(stream)
        stream.write('{"type": "FeatureCollection", "features": [')

    def _write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(",\n" if self.count else "\n")
        self.stream.write(to_json(_feature(record)))

    def close(self) -> None:
        self.stream.write("\n]}\n")
        super().close()


def _pyarrow():
    """pyarrow with its parquet module loaded; MissingExtraError names the extra without it."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtraError("Parquet output", "pyarrow", "parquet") from None
    return pyarrow


def parquet_schema():
    """The one Parquet schema: PARQUET_COLUMNS in order, typed as the record says; nested lists
    and objects (``victims``, ``evidence``) are JSON text."""
    pa = _pyarrow()
    types = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
             datetime: pa.timestamp("us", tz="UTC"), list[str]: pa.list_(pa.string())}
    return pa.schema([(name, types.get(kind, pa.string())) for name, kind in PARQUET_COLUMNS.items()])


def _parquet_value(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if kind == list[str]:
        return [str(v) for v in value]
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return value


class ParquetWriter(RecordWriter):
    """One Parquet file of :func:`parquet_schema`, a row group at a time; keys outside
    PARQUET_COLUMNS are not written."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self._pyarrow = _pyarrow()
        self._schema = parquet_schema()
        self._file = self._pyarrow.parquet.ParquetWriter(str(path), self._schema)
        self._rows: list[dict[str, Any]] = []

    def _write(self, record: Mapping[str, Any]) -> None:
        self._rows.append({name: _parquet_value(kind, record.get(name)) for name, kind in PARQUET_COLUMNS.items()})
        if len(self._rows) >= PARQUET_ROW_GROUP:
            self._write_rows()

    def _write_rows(self) -> None:
        self._file.write_table(self._pyarrow.Table.from_pylist(self._rows, schema=self._schema))
        self._rows = []

    def close(self) -> None:
        if self._rows:
            self._write_rows()
        self._file.close()


def write_all(writer: RecordWriter, records: Iterable[Mapping[str, Any]]) -> int:
    """Writes every record with ``writer`` and closes it; returns how many."""
    with writer:
        for record in records:
            writer.write(record)
    return writer.count


def write_jsonl(records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """Writes every record as JSON lines; returns how many."""
    return write_all(JsonlWriter(stream), records)


def write_csv(
    records: Iterable[Mapping[str, Any]], stream: TextIO, fields: Sequence[str] = RECORD_FIELDS
) -> int:
    """Writes every record as CSV rows under a header; returns how many."""
    return write_all(CsvWriter(stream, fields), records)


def write_geojson(records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """Writes every record as one GeoJSON FeatureCollection; returns how many."""
    return write_all(GeoJsonWriter(stream), records)


def write_parquet(records: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Writes every record as one Parquet file; returns how many. MissingExtraError without pyarrow."""
    return write_all(ParquetWriter(path), records)
