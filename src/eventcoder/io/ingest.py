"""Reads articles from files, directories and stdin; a bad record becomes a Reject, never a crash.

Inputs, by extension:

- ``.txt`` (and any file of another extension): one article, id = the file name, text = its
  content.
- ``.html``/``.htm``/``.xhtml``: one article, boilerplate removed with trafilatura; title,
  date, url and site name come from the page's metadata when present.
- ``.jsonl``/``.ndjson``: one object a line, read a line at a time. Fields ``id``, ``text``
  or ``html`` (text wins), ``published`` (YYYY-MM-DD, or an ISO timestamp whose date is kept
  as written), ``url``, ``source``, ``title``, ``home`` (where the outlet is based, a place
  name: see :attr:`eventcoder.article.Article.home`). A record without an id gets
  ``<file name>:<line>``.
- ``.csv``: the same fields as columns under a header row.
- a directory: every file below it, in sorted order, skipping hidden files and folders and
  media files (images, audio, video, fonts); other unknown files are read as plain text.
- ``-``: stdin, read as JSONL when its first non-space character is ``{``, else as one plain
  text article with id ``stdin``.

``published`` given to :func:`read_inputs` applies only to records that carry no date of
their own (a record's field, or an HTML page's metadata). A record whose own date is invalid
is rejected, not silently undated, so users fix their data.

Each record that cannot be read is yielded as a :class:`Reject` with a one-line reason: a
missing or unreadable file, an empty text, a binary file, invalid UTF-8 (with its byte
offset), malformed JSON, a JSON value that is not an object, no text field, a bad field type
or date, and a text over ``max_chars``. Size limits are checked before reading everything:
a file larger than 4 bytes per allowed character is rejected from its size alone, other
texts are decoded a chunk at a time and dropped as soon as they pass the limit, and a JSONL
line longer than 6 bytes per allowed character (the longest ``\\uXXXX`` escape) is skipped
unparsed. For HTML, ``max_chars`` bounds the page as read, markup included.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from eventcoder.article import Article
from eventcoder.errors import Errors, InputError

__all__ = ["DEFAULT_MAX_CHARS", "Reject", "count_inputs", "input_units", "read_inputs"]

DEFAULT_MAX_CHARS = 5_000_000

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
#: Files in a directory that are clearly not articles: skipped without a reject.
MEDIA_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .ico .heic "
    ".mp3 .wav .ogg .flac .m4a .mp4 .mov .avi .mkv .webm "
    ".woff .woff2 .ttf .otf .eot".split()
)

STDIN_ID = "stdin"
CHUNK_BYTES = 1 << 20
#: The share of control bytes at the start of a file above which it is called binary.
BINARY_CONTROL_SHARE = 0.3
BINARY_SNIFF_BYTES = 8192
#: Bytes that occur in text: tab, newline, form feed, carriage return, escape, and >= 0x20.
TEXT_BYTES = bytes([7, 8, 9, 10, 12, 13, 27, *range(0x20, 0x7F), *range(0x80, 0x100)])
#: Lone surrogates left by decoding invalid UTF-8 with ``surrogateescape``.
UNDECODED_BYTE = re.compile("[\udc80-\udcff]")
RECORD_STRING_FIELDS = ("url", "source", "title", "home")


@dataclass(frozen=True, slots=True)
class Reject:
    """A record that could not be read: which one, where it came from, and why."""

    id: str
    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{self.id} ({where}): {self.reason}"


@dataclass(frozen=True, slots=True)
class _Options:
    published: date | None
    max_chars: int


def read_inputs(
    paths: Iterable[str],
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | Reject]:
    """Yields one Article per readable record and one Reject per unreadable one, streaming."""
    options = _Options(published, max_chars)
    for path in paths:
        if path == "-":
            yield from _read_stdin(options)
        else:
            yield from _read_path(Path(path), options, in_directory=False)


def count_inputs(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> int | None:
    """How many items :func:`read_inputs` will yield, for a progress bar's total.

    Exact for well-formed inputs (JSONL lines, CSV rows, files in directories); None when
    stdin is among the inputs, since it can be read only once.
    """
    paths = list(paths)
    if "-" in paths:
        return None
    return sum(count for _path, count in input_units(paths, max_chars))


def input_units(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[str, int]]:
    """The inputs split into files that :func:`read_inputs` can read alone, each with its item
    count (as :func:`count_inputs`), in reading order: lets another machine read a share of
    the stream. Media files in directories, which yield nothing, are left out; stdin cannot be
    split and raises ValueError. A count can be short for a malformed CSV file, so a reader of
    a file's last share should read to its end.
    """
    for path in map(Path, paths):
        if str(path) == "-":
            raise ValueError("stdin cannot be split into shards; give files or directories")
        files = _directory_files(path) if path.is_dir() else [path]
        if not files:  # read alone, an empty directory yields its one reject
            yield str(path), 1
        for file in files:
            if not (path.is_dir() and file.suffix.lower() in MEDIA_SUFFIXES):
                yield str(file), _count_path(file, max_chars, in_directory=False)


# --- files and directories -------------------------------------------------------------


def _read_path(path: Path, options: _Options, in_directory: bool) -> Iterator[Article | Reject]:
    if path.is_dir():
        yield from _read_directory(path, options)
        return
    suffix = path.suffix.lower()
    if in_directory and suffix in MEDIA_SUFFIXES:
        return
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(stream, path.name, str(path), options)
            elif suffix in CSV_SUFFIXES:
                yield from _read_csv(stream, path.name, str(path), options)
            else:
                read_file = _html_file if suffix in HTML_SUFFIXES else _text_file
                name = path.name
                yield _record_or_reject(name, str(path), None, read_file, stream, size, name, options)
    except FileNotFoundError:
        yield Reject(path.name, str(path), None, Errors.E001)
    except OSError as error:
        yield Reject(path.name, str(path), None, Errors.E002.format(error=error.strerror or error))


def _read_directory(directory: Path, options: _Options) -> Iterator[Article | Reject]:
    files = _directory_files(directory)
    if not files:
        yield Reject(directory.name or str(directory), str(directory), None, Errors.E015)
    for path in files:
        yield from _read_path(path, options, in_directory=True)


def _directory_files(directory: Path) -> list[Path]:
    """Every non-hidden file below a directory, sorted by its path relative to it."""
    files = []
    for root, folders, names in os.walk(directory):
        folders[:] = [name for name in folders if not name.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(files, key=lambda path: path.relative_to(directory).parts)


def _count_path(path: Path, max_chars: int, in_directory: bool) -> int:
    """The items one file yields: its JSONL lines or CSV rows (exact when well-formed), else 1."""
    suffix = path.suffix.lower()
    if in_directory and suffix in MEDIA_SUFFIXES:
        return 0
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                return sum(1 for line in stream if line.strip())
        if suffix in CSV_SUFFIXES:
            _allow_csv_fields(max_chars)
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
                return max(sum(1 for row in csv.reader(stream) if row) - 1, 0)
    except (OSError, csv.Error):
        return 1
    return 1


def _record_or_reject(
    default_id: str, source: str, line: int | None, read: Callable[..., Article], *args: Any
) -> Article | Reject:
    """Calls a reader of one record, turning its InputError into a Reject for that record."""
    try:
        return read(*args)
    except InputError as error:
        return Reject(error.record_id or default_id, source, line, error.reason)


def _text_file(stream: BinaryIO, size: int | None, record_id: str, options: _Options) -> Article:
    text = _read_text(stream, size, options.max_chars)
    return Article(id=record_id, text=text, published=options.published)


def _html_file(stream: BinaryIO, size: int, record_id: str, options: _Options) -> Article:
    html = _read_html(stream, size, options.max_chars)
    return _article_from_html(html, {}, record_id, options)


# --- bounded reading of one text ---------------------------------------------------------


def _check_not_binary(head: bytes) -> None:
    sample = head[:BINARY_SNIFF_BYTES]
    nul = sample.find(b"\0")
    if nul >= 0:
        raise InputError(Errors.E004.format(why=f"NUL byte at byte offset {nul}"))
    control = len(sample.translate(None, TEXT_BYTES))
    if sample and control / len(sample) > BINARY_CONTROL_SHARE:
        why = f"{control} of its first {len(sample)} bytes are control bytes"
        raise InputError(Errors.E004.format(why=why))


def _too_large(size: str, max_chars: int) -> InputError:
    return InputError(Errors.E006.format(size=size, limit=max_chars))


def _read_text(stream: BinaryIO, size: int | None, max_chars: int) -> str:
    """Decodes UTF-8 a chunk at a time, stopping as soon as the text passes ``max_chars``."""
    if size is not None and size > 4 * max_chars:  # UTF-8 spends at most 4 bytes a character
        raise _too_large(f"{size:,} bytes", max_chars)
    decoder = codecs.getincrementaldecoder("utf-8")()
    parts: list[str] = []
    chars = consumed = 0
    while chunk := stream.read(CHUNK_BYTES):
        if consumed == 0:
            _check_not_binary(chunk)
        nul = chunk.find(b"\0")
        if nul >= 0:
            raise InputError(Errors.E004.format(why=f"NUL byte at byte offset {consumed + nul}"))
        parts.append(_decode(decoder, chunk, consumed))
        consumed += len(chunk)
        chars += len(parts[-1])
        if chars > max_chars:
            raise _too_large(f"{size:,} bytes" if size else f"{chars:,}+ characters", max_chars)
    parts.append(_decode(decoder, b"", consumed, final=True))
    text = "".join(parts).removeprefix("\ufeff")
    if not text.strip():
        raise InputError(Errors.E003)
    return text


def _decode(decoder: codecs.IncrementalDecoder, chunk: bytes, consumed: int, final: bool = False) -> str:
    pending = len(decoder.getstate()[0])  # bytes of a character split across chunks
    try:
        return decoder.decode(chunk, final)
    except UnicodeDecodeError as error:
        offset = consumed - pending + error.start
        raise InputError(Errors.E005.format(where=f"byte offset {offset} ({error.reason})")) from None


def _read_html(stream: BinaryIO, size: int, max_chars: int) -> str:
    """Reads a page as UTF-8, or in the encoding it declares or trafilatura detects."""
    if size > 4 * max_chars:
        raise _too_large(f"{size:,} bytes", max_chars)
    raw = stream.read()
    _check_not_binary(raw)
    from trafilatura.utils import decode_file

    html = decode_file(raw)
    if len(html) > max_chars:
        raise _too_large(f"{len(html):,} characters", max_chars)
    if not html.strip():
        raise InputError(Errors.E003)
    return html


# --- records (JSONL lines, CSV rows) ---------------------------------------------------


def _article_from_fields(fields: dict[str, Any], default_id: str, options: _Options) -> Article:
    """Builds an Article from one record's fields, checking each; its InputError names the record."""
    record_id = fields.get("id")
    record_id = default_id if record_id is None or record_id == "" else str(record_id)
    try:
        return _checked_article(fields, record_id, options)
    except InputError as error:
        raise InputError(error.reason, record_id) from None


def _checked_article(fields: dict[str, Any], record_id: str, options: _Options) -> Article:
    text, html = _string_field(fields, "text"), _string_field(fields, "html")
    if text is None and html is None:
        if "text" in fields or "html" in fields:
            raise InputError(Errors.E003)
        raise InputError(Errors.E009.format(fields=", ".join(map(repr, fields)) or "none"))
    for value in (text, html):
        if value is not None and len(value) > options.max_chars:
            raise _too_large(f"{len(value):,} characters", options.max_chars)
    own_date = _published(fields.get("published"))
    strings = {name: _string_field(fields, name) for name in RECORD_STRING_FIELDS}
    if text is None:
        return _article_from_html(html, {**strings, "published": own_date}, record_id, options)
    if not text.strip():
        raise InputError(Errors.E003)
    return Article(id=record_id, text=text, published=own_date or options.published, **strings)


def _string_field(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(Errors.E010.format(field=name, kind=type(value).__name__))
    return value


def _published(value: Any) -> date | None:
    """A record's own publication date: YYYY-MM-DD, or the date of an ISO timestamp as written."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise InputError(Errors.E011.format(value=value))


def _article_from_html(html: str, known: dict[str, Any], record_id: str, options: _Options) -> Article:
    """Extracts the article from a page; the record's own fields win over the page's metadata."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise InputError(Errors.E012)
    page_date = _page_date(document.date)
    return Article(
        id=record_id,
        text=document.text,
        published=known.get("published") or page_date or options.published,
        url=known.get("url") or document.url,
        source=known.get("source") or document.sitename,
        title=known.get("title") or document.title,
        home=known.get("home"),
    )


def _page_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _record_from_line(
    line: bytes, line_number: int, offset: int, file_name: str, options: _Options
) -> Article:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        where = f"byte offset {offset + error.start} ({error.reason})"
        raise InputError(Errors.E005.format(where=where)) from None
    try:
        value = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        message = f"{error.msg} (column {error.colno})"
        raise InputError(Errors.E007.format(line=line_number, message=message)) from None
    if not isinstance(value, dict):
        raise InputError(Errors.E008.format(kind=_json_kind(value), line=line_number))
    return _article_from_fields(value, f"{file_name}:{line_number}", options)


def _json_kind(value: Any) -> str:
    kinds = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return kinds.get(type(value), "null")


def _read_jsonl(
    stream: BinaryIO, file_name: str, source: str, options: _Options
) -> Iterator[Article | Reject]:
    """Reads one line at a time; a line too long for ``max_chars`` is skipped unread."""
    line_limit = 6 * options.max_chars + 4096
    line_number = offset = 0
    while line := stream.readline(line_limit + 1):
        line_number += 1
        line_start, offset = offset, offset + len(line)
        default_id = f"{file_name}:{line_number}"
        if len(line) > line_limit and not line.endswith(b"\n"):
            offset += _skip_rest_of_line(stream)
            size = f"a line of more than {line_limit:,} bytes"
            yield Reject(default_id, source, line_number, _too_large(size, options.max_chars).reason)
            continue
        if not line.strip():
            continue
        args = (line, line_number, line_start, file_name, options)
        yield _record_or_reject(default_id, source, line_number, _record_from_line, *args)


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(CHUNK_BYTES):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _read_csv(
    stream: BinaryIO, file_name: str, source: str, options: _Options
) -> Iterator[Article | Reject]:
    """Reads rows under a header; invalid UTF-8 and malformed rows reject only their row."""
    try:
        _check_not_binary(stream.peek(BINARY_SNIFF_BYTES))
    except InputError as error:
        yield Reject(file_name, source, None, error.reason)
        return
    _allow_csv_fields(options.max_chars)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        yield Reject(file_name, source, None, Errors.E003)
        return
    except csv.Error as error:
        yield Reject(file_name, source, 1, Errors.E013.format(line=1, message=error))
        return
    if "text" not in header and "html" not in header:
        yield Reject(file_name, source, 1, Errors.E014.format(columns=", ".join(header) or "none"))
        return
    rows = iter(reader)
    while True:
        line_number = reader.line_num + 1
        default_id = f"{file_name}:{line_number}"
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            message = str(error)
            reason = (
                _too_large(f"a field of {options.max_chars + 1:,}+ characters", options.max_chars).reason
                if message.startswith("field larger than field limit")
                else Errors.E013.format(line=line_number, message=message)
            )
            yield Reject(default_id, source, line_number, reason)
            continue
        if not any(row):
            continue
        fields = dict(zip(header, row))
        yield _record_or_reject(default_id, source, line_number, _csv_record, fields, default_id, options)


def _csv_record(fields: dict[str, str], default_id: str, options: _Options) -> Article:
    for name, value in fields.items():
        if match := UNDECODED_BYTE.search(value):
            where = f"column '{name}', character {match.start()}"
            raise InputError(Errors.E005.format(where=where), fields.get("id") or None)
    return _article_from_fields(fields, default_id, options)


def _allow_csv_fields(max_chars: int) -> None:
    """Raises the csv module's field limit (128 KiB) so a field up to ``max_chars`` can be read;
    a longer one then fails its own row only."""
    if csv.field_size_limit() < max_chars + 1:
        csv.field_size_limit(max_chars + 1)


# --- stdin -----------------------------------------------------------------------------


class _ReplayedStream(io.RawIOBase):
    """A byte stream that first replays bytes already read: lets stdin be sniffed, then read."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._read_rest = getattr(rest, "read1", rest.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            data = self._read_rest(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_stdin(options: _Options) -> Iterator[Article | Reject]:
    """JSONL when the first non-space character is ``{``, else one plain-text article."""
    stdin = sys.stdin.buffer
    head = b""
    while (chunk := stdin.read(BINARY_SNIFF_BYTES)) and len(head) <= options.max_chars:
        head += chunk
        if head.lstrip(b"\xef\xbb\xbf \t\r\n"):
            break
    stream = io.BufferedReader(_ReplayedStream(head, stdin), CHUNK_BYTES)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _read_jsonl(stream, STDIN_ID, "<stdin>", options)
    else:
        yield _record_or_reject(STDIN_ID, "<stdin>", None, _text_file, stream, None, STDIN_ID, options)
