"""Reading articles in (with a reason for each record that cannot be read) and writing records out."""
from eventcoder.io.formats import (
    RECORD_FIELDS,
    WRITERS,
    RecordWriter,
    get_writer,
    write_csv,
    write_geojson,
    write_jsonl,
)
from eventcoder.io.ingest import DEFAULT_MAX_CHARS, Reject, count_inputs, read_inputs

__all__ = [
    "DEFAULT_MAX_CHARS",
    "RECORD_FIELDS",
    "WRITERS",
    "RecordWriter",
    "Reject",
    "count_inputs",
    "get_writer",
    "read_inputs",
    "write_csv",
    "write_geojson",
    "write_jsonl",
]
