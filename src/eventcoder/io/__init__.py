"""Reading articles in (with a reason for each record that cannot be read) and writing records out."""
from eventcoder.io.formats import FORMATS, OutputFormat, export, format_names, get_format
from eventcoder.io.ingest import DEFAULT_MAX_CHARS, Reject, count_inputs, read_inputs
from eventcoder.io.writers import RecordWriter, write_csv, write_geojson, write_jsonl, write_parquet

__all__ = [
    "DEFAULT_MAX_CHARS",
    "FORMATS",
    "OutputFormat",
    "RecordWriter",
    "Reject",
    "count_inputs",
    "export",
    "format_names",
    "get_format",
    "read_inputs",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
