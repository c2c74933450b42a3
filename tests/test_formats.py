"""The output format registry (io/formats.py): what each command offers, unknown names, binary output."""
from pathlib import Path

import pytest

from eventcoder.cli import parse_args
from eventcoder.errors import BinaryOutputError, UnknownFormatError
from eventcoder.io.formats import FORMATS, export, format_names, get_format

RECORD_DOC = Path(__file__).resolve().parents[1] / "docs" / "record.md"


def test_each_command_offers_its_registered_formats():
    assert format_names("extract") == ["csv", "geojson", "jsonl", "parquet"]
    assert format_names("geoparse") == ["jsonl"]
    assert format_names("export") == ["acled-csv", "geojson", "parquet", "plover-json"]


@pytest.mark.parametrize("command", ["extract", "geoparse", "export"])
def test_the_command_line_takes_its_choices_from_the_registry(command):
    inputs = [] if command == "export" else ["articles.jsonl"]
    for name in format_names(command):
        assert parse_args([command, *inputs, "--format", name]).format == name
    with pytest.raises(SystemExit):
        parse_args([command, *inputs, "--format", "xml"])


def test_unknown_format_names_the_choices():
    with pytest.raises(UnknownFormatError, match="'xml'.*acled-csv, csv, geojson, jsonl, parquet, plover-json"):
        get_format("xml")
    with pytest.raises(UnknownFormatError, match="'csv'.*acled-csv, geojson, parquet, plover-json$"):
        get_format("csv", "export")


def test_only_parquet_needs_a_file():
    assert [name for name, output in FORMATS.items() if output.needs_file] == ["parquet"]
    with pytest.raises(BinaryOutputError, match=r"\[E044\] parquet .*-o FILE"):
        export([], "parquet")


def test_every_format_is_documented():
    documented = RECORD_DOC.read_text(encoding="utf-8")
    assert [name for name in FORMATS if f"`{name}`" not in documented] == []
