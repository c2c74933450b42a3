"""Every output format in one registry: its writer, whether it needs a file, which commands offer it.

``eventcoder extract``, ``geoparse`` and ``export`` take their ``--format`` choices from
:data:`FORMATS` (:func:`format_names`), and the batch run and :func:`export` pick writers from
it (:func:`get_format`); the web API's downloads stream the same writers' text
(:func:`export_text`). A new format plugs in by writing a
:class:`~eventcoder.io.writers.RecordWriter` and adding an :class:`OutputFormat` here.
"""
from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.errors import BinaryOutputError, UnknownFormatError
from eventcoder.io.exports import AcledCsvWriter, PloverJsonWriter
from eventcoder.io.writers import CsvWriter, GeoJsonWriter, JsonlWriter, ParquetWriter, RecordWriter, write_all

__all__ = ["FORMATS", "OutputFormat", "export", "export_text", "format_names", "get_format"]


@dataclass(frozen=True)
class OutputFormat:
    """A format: its writer, the commands that offer it, and whether it needs a file.

    A writer is made on a text stream, or with ``needs_file`` (a binary format) on a file path,
    so that format cannot go to stdout.
    """

    name: str
    writer: type[RecordWriter]
    commands: tuple[str, ...]
    needs_file: bool = False


#: About how many characters :func:`export_text` gathers before it hands them on.
TEXT_CHUNK = 64 * 1024

FORMATS: dict[str, OutputFormat] = {output.name: output for output in (
    OutputFormat("jsonl", JsonlWriter, ("extract", "geoparse")),
    OutputFormat("csv", CsvWriter, ("extract",)),
    OutputFormat("geojson", GeoJsonWriter, ("extract", "export")),
    OutputFormat("parquet", ParquetWriter, ("extract", "export"), needs_file=True),
    OutputFormat("acled-csv", AcledCsvWriter, ("export",)),
    OutputFormat("plover-json", PloverJsonWriter, ("export",)),
)}


def format_names(command: str) -> list[str]:
    """The names of the formats a command offers, sorted."""
    return sorted(name for name, output in FORMATS.items() if command in output.commands)


def get_format(name: str, command: str | None = None) -> OutputFormat:
    """The format registered under a name (offered by ``command`` when given); raises
    UnknownFormatError naming the choices."""
    output = FORMATS.get(name.lower())
    if output is None or (command and command not in output.commands):
        raise UnknownFormatError(name, format_names(command) if command else list(FORMATS))
    return output


def export(records: Iterable[Mapping[str, Any]], name: str, output: str | Path | None = None) -> int:
    """Writes stored events in one of ``eventcoder export``'s formats to a file, or to stdout when
    ``output`` is None; returns how many. BinaryOutputError for Parquet without a file."""
    chosen = get_format(name, "export")
    if chosen.needs_file:
        if output is None:
            raise BinaryOutputError(chosen.name)
        return write_all(chosen.writer(output), records)
    if output is None:
        return write_all(chosen.writer(sys.stdout), records)
    with open(output, "w", encoding="utf-8", newline="") as stream:
        return write_all(chosen.writer(stream), records)


def export_text(records: Iterable[Mapping[str, Any]], name: str) -> Iterator[str]:
    """Stored events in one of ``eventcoder export``'s text formats, written by the same writer as
    :func:`export`, handed on in pieces of about :data:`TEXT_CHUNK` characters as the records come:
    a web download of any size. BinaryOutputError for Parquet."""
    chosen = get_format(name, "export")
    if chosen.needs_file:
        raise BinaryOutputError(chosen.name)
    buffer = io.StringIO()
    with chosen.writer(buffer) as writer:
        for record in records:
            writer.write(record)
            if buffer.tell() >= TEXT_CHUNK:
                yield _emptied(buffer)
    yield _emptied(buffer)


def _emptied(buffer: io.StringIO) -> str:
    """What the buffer holds, leaving it empty."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
