"""Reads articles from files, directories and stdin; a bad record becomes a Reject, never a crash.

Inputs, by extension:

- ``.txt`` (and any file of another extension): one article, id = the file name, text = its
  content.
- ``.html``/``.htm``/``.xhtml``: one article, boilerplate removed with trafilatura; title,
  date, url and site name come from the page's metadata when present.
- ``.jsonl``/``.ndjson``: one object a line, read a line at a time. Fields ``id`` (a string;
  a number is taken as written, ``7`` -> ``"7"``; an object, array or boolean is refused),
  ``text`` or ``html`` (text wins), ``published``, ``url``, ``source``, ``title``, ``home``
  (where the outlet is based, a place name: see :attr:`eventcoder.article.Article.home`). A
  record without an id gets ``<file name>:<line>``.
- ``.csv``: the same fields as columns under a header row. A quoted field may run over several
  lines, but such a record must then close its quote properly and have the header's number of
  fields; otherwise its quote is taken to be unclosed, and rather than swallow the rows after
  it, its first line alone is rejected and reading resumes on the next line. A stray quote
  within one line is read leniently, as the csv module does by default.
- a directory: every file below it, in sorted order, skipping hidden files and folders and
  media files (images, audio, video, fonts); other unknown files are read as plain text.
- ``-``: stdin, read as JSONL when its first non-space character is ``{``, else as one plain
  text article with id ``stdin``.

Records already parsed from JSON (the articles of a web request) are read by
:func:`read_records` as the lines of a JSONL file, to the same Articles and Rejects.

Text is UTF-8, or UTF-16 or UTF-32 when it starts with their byte-order mark: such text is
re-encoded as UTF-8 as it is read, so every reader sees UTF-8 (without a mark, UTF-16 reads as
binary). A file name that is not UTF-8 gives an id with U+FFFD for its bad bytes.

Publication dates are read as news is dated: ISO dates and timestamps first (the date as
written), then with dateparser in English ("December 7, 2016", "9:43 PM, Dec 7", RFC 2822
"Wed, 07 Dec 2016 21:43:00 +0000"). A day and month are required; a date without a year takes
the year that puts it on or before the run's reference date (``published`` given to
:func:`read_inputs`, else today); relative phrases ("2 hours ago": ago from when?) are not
read. A record's own date wins over an HTML page's metadata date, which wins over the
``published`` given to :func:`read_inputs`. A date that cannot be read, or whose year is
outside 1900-2100, costs the article only its date: it is passed over with a warning in
:attr:`eventcoder.article.Article.warnings` ([E019], [E020]).

Each record that cannot be read is yielded as a :class:`Reject` with a one-line reason: a
missing or unreadable file, an empty text, a binary file, invalid UTF-8 (with its byte
offset) or invalid UTF-16/32 (after the records before it), malformed JSON (which includes
nesting deeper than Python's recursion limit and integers over its 4,300-digit conversion
limit), a JSON value that is not an object, no text field, a bad field type, a string field
holding a lone surrogate (JSON's ``"\\ud800"`` escape, which no encoder takes), a malformed
CSV row (an unclosed quote, a NUL byte), and a text over ``max_chars``. Size limits are
checked before reading everything: a file larger than 4 bytes per allowed character is
rejected from its size alone, other texts are decoded a chunk at a time and dropped as soon
as they pass the limit, and a JSONL line longer than 6 bytes per allowed character (the
longest ``\\uXXXX`` escape) is skipped unparsed. For HTML, ``max_chars`` bounds the page as
read, markup included.
"""
from __future__ import annotations

import codecs
import csv
import functools
import io
import json
import os
import re
import reprlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from eventcoder.article import Article
from eventcoder.errors import Errors, InputError, UsageError

__all__ = ["DEFAULT_MAX_CHARS", "Reject", "announce_warnings", "article_files", "count_inputs", "input_units",
           "read_inputs", "read_records"]

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
#: What may come before stdin's first character: a UTF-8 byte-order mark and blanks.
LEADING_BLANKS = b"\xef\xbb\xbf \t\r\n"
#: The byte-order marks read as UTF-32 or UTF-16; UTF-32's first, as its little-endian mark
#: starts with UTF-16's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32-LE"),
    (codecs.BOM_UTF32_BE, "UTF-32-BE"),
    (codecs.BOM_UTF16_LE, "UTF-16-LE"),
    (codecs.BOM_UTF16_BE, "UTF-16-BE"),
)
#: Lone surrogates left by decoding invalid UTF-8 with ``surrogateescape``.
UNDECODED_BYTE = re.compile("[\udc80-\udcff]")
#: Any surrogate: in a decoded text one is always unpaired, and no encoder takes it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
RECORD_STRING_FIELDS = ("url", "source", "title", "home")
#: The years a publication date may have; others are typos or placeholders (0001-01-01).
PUBLISHED_YEARS = range(1900, 2101)
#: No date is longer, and dateparser's time grows with what it is given.
MAX_DATE_CHARS = 100
#: The start of the csv module's message for a field over ``csv.field_size_limit()``.
CSV_FIELD_LIMIT_ERROR = "field larger than field limit"

_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxstring = _SHORT_REPR.maxother = 60


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
    #: The date on or before which a date without a year falls: ``published``, else today.
    reference: date


def read_inputs(
    paths: Iterable[str],
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | Reject]:
    """Yields one Article per readable record and one Reject per unreadable one, streaming."""
    options = _Options(published, max_chars, published or date.today())
    for path in paths:
        if path == "-":
            yield from _read_stdin(options)
        else:
            yield from _read_path(Path(path), options, in_directory=False)


def read_records(
    records: Iterable[Any],
    name: str,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | Reject]:
    """Reads records already parsed from JSON (a web request's articles) as the lines of a JSONL
    file called ``name``: record N is checked as line N, so it is the same Article or Reject."""
    options = _Options(published, max_chars, published or date.today())
    for number, value in enumerate(records, start=1):
        default_id = f"{name}:{number}"
        yield _record_or_reject(default_id, name, number, _record_from_value, value, number, default_id, options)


def announce_warnings(items: Iterable[Article | Reject], on_warning: Callable[[str], None]) -> Iterator[Article | Reject]:
    """The items as they are, after passing each article's warnings to ``on_warning``."""
    for item in items:
        if isinstance(item, Article):
            for warning in item.warnings:
                on_warning(f"{item.id}: {warning}")
        yield item


def count_inputs(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> int | None:
    """How many items :func:`read_inputs` will yield, for a progress bar's total.

    Counted with the readers' own splitting of JSONL lines and CSV records, so exact unless a
    file changes or fails midway; None when stdin is among the inputs, since it can be read
    only once.
    """
    paths = list(paths)
    if "-" in paths:
        return None
    return sum(count for _path, count in input_units(paths, max_chars))


def input_units(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[str, int]]:
    """The inputs split into files that :func:`read_inputs` can read alone, each with its item
    count (as :func:`count_inputs`), in reading order: lets another machine read a share of
    the stream. Media files in directories, which yield nothing, are left out; stdin cannot be
    split and raises UsageError. Should a file change before it is read, a count can be off,
    so a reader of a file's last share should read to its end.
    """
    for path in map(Path, paths):
        if str(path) == "-":
            raise UsageError(Errors.E045)
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
    name, source = _label(path.name), _label(str(path))
    try:
        with path.open("rb") as raw:
            size = os.fstat(raw.fileno()).st_size
            stream = _utf8(raw)
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(stream, name, source, options)
            elif suffix in CSV_SUFFIXES:
                yield from _read_csv(stream, name, source, options)
            else:
                read_file = _html_file if suffix in HTML_SUFFIXES else _text_file
                yield _record_or_reject(name, source, None, read_file, stream, size, name, options)
    except FileNotFoundError:
        yield Reject(name, source, None, Errors.E001)
    except OSError as error:
        yield Reject(name, source, None, Errors.E002.format(error=error.strerror or error))
    except InputError as error:  # UTF-16 or UTF-32 invalid midway: the records before were read
        yield Reject(name, source, None, error.reason)


def _label(name: str) -> str:
    """A file name as text that can be written: bytes that are not UTF-8, which the OS hands
    over as lone surrogates, become U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace")


def _read_directory(directory: Path, options: _Options) -> Iterator[Article | Reject]:
    files = _directory_files(directory)
    if not files:
        yield Reject(_label(directory.name or str(directory)), _label(str(directory)), None, Errors.E015)
    for path in files:
        yield from _read_path(path, options, in_directory=True)


def article_files(directory: Path) -> list[Path]:
    """The files of a directory that are read as articles: not hidden, not media."""
    return [path for path in _directory_files(directory) if path.suffix.lower() not in MEDIA_SUFFIXES]


def _directory_files(directory: Path) -> list[Path]:
    """Every non-hidden file below a directory, sorted by its path relative to it."""
    files = []
    for root, folders, names in os.walk(directory):
        folders[:] = [name for name in folders if not name.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(files, key=lambda path: path.relative_to(directory).parts)


def _count_path(path: Path, max_chars: int, in_directory: bool) -> int:
    """The items one file yields: its JSONL lines or CSV records, as the readers split them, else 1."""
    suffix = path.suffix.lower()
    if in_directory and suffix in MEDIA_SUFFIXES:
        return 0
    if suffix not in JSONL_SUFFIXES | CSV_SUFFIXES:
        return 1
    try:
        with path.open("rb") as raw:
            stream = _utf8(raw)
            if suffix in JSONL_SUFFIXES:
                return _count_until_failure(_jsonl_lines(stream, _jsonl_line_limit(max_chars)))
            _header, rows = _csv_table(stream, max_chars)
            return _count_until_failure(rows)
    except (OSError, InputError):  # the file is one reject
        return 1


def _count_until_failure(items: Iterable) -> int:
    """The items a reader yields for these: one each, and one reject if the text fails midway."""
    count = 0
    try:
        for _item in items:
            count += 1
    except InputError:
        count += 1
    return count


def _record_or_reject(
    default_id: str, source: str, line: int | None, read: Callable[..., Article], *args: Any
) -> Article | Reject:
    """Calls a reader of one record, turning its InputError into a Reject for that record,
    named by the record's own id unless that id is not valid text."""
    try:
        return read(*args)
    except InputError as error:
        record_id = error.record_id
        if not record_id or LONE_SURROGATE.search(record_id):
            record_id = default_id
        return Reject(record_id, source, line, error.reason)


def _text_file(stream: BinaryIO, size: int | None, record_id: str, options: _Options) -> Article:
    text = _read_text(stream, size, options.max_chars)
    return Article(id=record_id, text=text, published=options.published)


def _html_file(stream: BinaryIO, size: int, record_id: str, options: _Options) -> Article:
    html = _read_html(stream, size, options.max_chars)
    return _article_from_html(html, {}, [], record_id, options)


# --- bounded reading of one text ---------------------------------------------------------


def _check_no_nul(data: bytes, offset: int) -> None:
    if (nul := data.find(b"\0")) >= 0:
        raise InputError(Errors.E004.format(why=f"NUL byte at byte offset {offset + nul}"))


def _check_not_binary(head: bytes) -> None:
    """Calls a text binary when many of its first bytes are control bytes."""
    sample = head[:BINARY_SNIFF_BYTES]
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
    while True:
        chunk = stream.read(CHUNK_BYTES)
        _check_no_nul(chunk, consumed)
        if consumed == 0:
            _check_not_binary(chunk)
        text, invalid_at = _decode(decoder, chunk, consumed, final=not chunk)
        if invalid_at:
            raise InputError(Errors.E005.format(where=invalid_at))
        parts.append(text)
        consumed += len(chunk)
        chars += len(text)
        if chars > max_chars:
            raise _too_large(f"{size:,} bytes" if size else f"{chars:,}+ characters", max_chars)
        if not chunk:
            break
    text = "".join(parts).removeprefix("\ufeff")
    if not text.strip():
        raise InputError(Errors.E003)
    return text


def _decode(
    decoder: codecs.IncrementalDecoder, chunk: bytes, consumed: int, final: bool
) -> tuple[str, str | None]:
    """The text of the next chunk, and None; or, at invalid bytes, the text before them and
    where they are ("byte offset N (reason)")."""
    pending = len(decoder.getstate()[0])  # bytes of a character split across chunks
    try:
        return decoder.decode(chunk, final), None
    except UnicodeDecodeError as error:
        offset = consumed - pending + error.start
        return error.object[: error.start].decode(error.encoding), f"byte offset {offset} ({error.reason})"


def _read_html(stream: BinaryIO, size: int, max_chars: int) -> str:
    """Reads a page as UTF-8, or in the encoding it declares or trafilatura detects."""
    if size > 4 * max_chars:
        raise _too_large(f"{size:,} bytes", max_chars)
    raw = stream.read()
    _check_no_nul(raw, 0)
    _check_not_binary(raw)
    from trafilatura.utils import decode_file

    html = decode_file(raw)
    if len(html) > max_chars:
        raise _too_large(f"{len(html):,} characters", max_chars)
    if not html.strip():
        raise InputError(Errors.E003)
    return html


# --- UTF-16 and UTF-32 -------------------------------------------------------------------


def _utf8(stream: io.BufferedReader) -> io.BufferedReader:
    """The stream; or, for text that a byte-order mark says is UTF-16 or UTF-32, that text
    re-encoded as UTF-8 as it is read."""
    start = stream.peek(4)[:4]
    for mark, encoding in BYTE_ORDER_MARKS:
        if start.startswith(mark):
            stream.read(len(mark))
            return io.BufferedReader(_Recoded(stream, encoding, len(mark)), CHUNK_BYTES)
    return stream


class _Recoded(io.RawIOBase):
    """A text in another encoding read as UTF-8 bytes. Where it stops being valid, reading
    raises an InputError naming the byte offset, once the text before has been read."""

    def __init__(self, source: io.BufferedReader, encoding: str, offset: int) -> None:
        self._source = source
        self._encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self._consumed = offset
        self._ready = b""
        self._ended = False
        self._failure: InputError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._ready and not self._ended:
            self._recode(self._source.read1(CHUNK_BYTES))
        if not self._ready and self._failure:
            raise self._failure
        size = min(len(buffer), len(self._ready))
        buffer[:size] = self._ready[:size]
        self._ready = self._ready[size:]
        return size

    def _recode(self, chunk: bytes) -> None:
        text, invalid_at = _decode(self._decoder, chunk, self._consumed, final=not chunk)
        self._consumed += len(chunk)
        self._ready = text.encode("utf-8")
        if invalid_at:
            self._failure = InputError(Errors.E022.format(encoding=self._encoding, where=invalid_at))
        self._ended = not chunk or self._failure is not None


# --- records (JSONL lines, CSV rows) ---------------------------------------------------


def _article_from_fields(fields: dict[str, Any], default_id: str, options: _Options) -> Article:
    """Builds an Article from one record's fields, checking each; its InputError names the record."""
    record_id = _record_id(fields.get("id"), default_id)
    try:
        return _checked_article(fields, record_id, options)
    except InputError as error:
        raise InputError(error.reason, record_id) from None


def _record_id(value: Any, default_id: str) -> str:
    """A record's own id: a string, or a number as written. An object, array or boolean is
    refused, not turned into its Python repr."""
    if value is None or value == "":
        return default_id
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(Errors.E010.format(field="id", kind=type(value).__name__))


def _checked_article(fields: dict[str, Any], record_id: str, options: _Options) -> Article:
    text, html = _string_field(fields, "text"), _string_field(fields, "html")
    if text is None and html is None:
        if "text" in fields or "html" in fields:
            raise InputError(Errors.E003)
        raise InputError(Errors.E009.format(fields=", ".join(map(_quoted, fields)) or "none"))
    for value in (text, html):
        if value is not None and len(value) > options.max_chars:
            raise _too_large(f"{len(value):,} characters", options.max_chars)
    strings = {name: _string_field(fields, name) for name in RECORD_STRING_FIELDS}
    _check_unicode({"id": record_id, "text": text, "html": html, **strings})
    claimed_dates = [("published", fields.get("published"))]
    if text is None:
        return _article_from_html(html, strings, claimed_dates, record_id, options)
    if not text.strip():
        raise InputError(Errors.E003)
    published, warnings = _publication(claimed_dates, options)
    return Article(id=record_id, text=text, published=published, **strings, warnings=warnings)


def _string_field(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(Errors.E010.format(field=name, kind=type(value).__name__))
    return value


def _check_unicode(fields: dict[str, str | None]) -> None:
    """Refuses a lone surrogate, which JSON's ``\\ud800`` escape lets in and nothing can encode."""
    for name, value in fields.items():
        if value and (match := LONE_SURROGATE.search(value)):
            code = f"U+{ord(match.group()):04X}"
            raise InputError(Errors.E021.format(field=name, code=code, index=match.start()))


def _quoted(value: Any) -> str:
    """A value as a message shows it: its repr, shortened, on one line and encodable."""
    return _SHORT_REPR.repr(value)


def _publication(
    claimed_dates: Iterable[tuple[str, Any]], options: _Options
) -> tuple[date | None, tuple[str, ...]]:
    """The first usable of a record's dates, given as (label, value) with the most trusted
    first, else the run's ``published``; and a warning for each date given but unusable,
    which costs the article its date, not the article."""
    unusable: list[tuple[str, dict[str, Any]]] = []
    for label, value in claimed_dates:
        if value is None or value == "":
            continue
        found = _read_date(value, options.reference)
        if found is not None and found.year in PUBLISHED_YEARS:
            published, fallback = found, f"used the {label} {found}"
            break
        named = {"label": label, "value": _quoted(value)}
        if found is None:
            unusable.append((Errors.E019, named))
        else:
            years = f"{PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[-1]}"
            unusable.append((Errors.E020, {**named, "year": found.year, "years": years}))
    else:
        published = options.published
        fallback = f"used --published {published}" if published else "coded with relative dates unresolved"
    return published, tuple(template.format(**fields, fallback=fallback) for template, fields in unusable)


def _read_date(value: Any, reference: date) -> date | None:
    """A date as news is dated, or None (see the module's docstring): ISO forms first, being
    exact and fast, then dateparser."""
    if not isinstance(value, str) or len(value) > MAX_DATE_CHARS:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = _date_parser(reference).get_date_data(text).date_obj
    return found.date() if found else None


@functools.lru_cache(maxsize=4)
def _date_parser(reference: date):
    """dateparser set to avoid surprises; made once per reference date, as it is slow to load."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            # with RELATIVE_BASE, a date without a year falls on or before the reference day
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime.combine(reference, time.max),
            "REQUIRE_PARTS": ["day", "month"],  # "December 2016" names no day
            "PARSERS": ["custom-formats", "absolute-time"],  # no "2 hours ago", no Unix timestamps
        },
    )


def _article_from_html(
    html: str, known: dict[str, Any], claimed_dates: list[tuple[str, Any]], record_id: str, options: _Options
) -> Article:
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
    published, warnings = _publication([*claimed_dates, ("page date", document.date)], options)
    return Article(
        id=record_id,
        text=document.text,
        published=published,
        url=known.get("url") or document.url,
        source=known.get("source") or document.sitename,
        title=known.get("title") or document.title,
        home=known.get("home"),
        warnings=warnings,
    )


# --- JSONL -----------------------------------------------------------------------------


def _jsonl_line_limit(max_chars: int) -> int:
    """The longest line a record of ``max_chars`` can take: 6 bytes a character (``\\uXXXX``)
    and some room for the other fields."""
    return 6 * max_chars + 4096


def _jsonl_lines(stream: BinaryIO, line_limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """Each non-blank line with its number and byte offset; None for a line over
    ``line_limit``, which is skipped unread."""
    line_number = offset = 0
    while line := stream.readline(line_limit + 1):
        line_number += 1
        line_start, offset = offset, offset + len(line)
        if len(line) > line_limit and not line.endswith(b"\n"):
            offset += _skip_rest_of_line(stream)
            yield line_number, line_start, None
        elif line.strip():
            yield line_number, line_start, line


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(CHUNK_BYTES):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _read_jsonl(
    stream: BinaryIO, file_name: str, source: str, options: _Options
) -> Iterator[Article | Reject]:
    """Reads one line at a time; a line too long for ``max_chars`` is skipped unread."""
    line_limit = _jsonl_line_limit(options.max_chars)
    for line_number, line_start, line in _jsonl_lines(stream, line_limit):
        default_id = f"{file_name}:{line_number}"
        if line is None:
            size = f"a line of more than {line_limit:,} bytes"
            yield Reject(default_id, source, line_number, _too_large(size, options.max_chars).reason)
        else:
            args = (line, line_number, line_start, file_name, options)
            yield _record_or_reject(default_id, source, line_number, _record_from_line, *args)


def _record_from_line(
    line: bytes, line_number: int, offset: int, file_name: str, options: _Options
) -> Article:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        where = f"byte offset {offset + error.start} ({error.reason})"
        raise InputError(Errors.E005.format(where=where)) from None
    value = _json_value(text.removeprefix("\ufeff"), line_number)
    return _record_from_value(value, line_number, f"{file_name}:{line_number}", options)


def _record_from_value(value: Any, line_number: int, default_id: str, options: _Options) -> Article:
    """The article of one parsed JSONL line, which must be an object."""
    if not isinstance(value, dict):
        raise InputError(Errors.E008.format(kind=_json_kind(value), line=line_number))
    return _article_from_fields(value, default_id, options)


def _json_value(text: str, line_number: int) -> Any:
    """Parses one line; whatever json.loads raises makes it malformed JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = f"{error.msg} (column {error.colno})"
    except RecursionError:
        message = "arrays or objects nested too deeply"
    except ValueError:  # the only other: an integer over Python's int conversion limit
        message = f"a number of more than {sys.get_int_max_str_digits():,} digits"
    raise InputError(Errors.E007.format(line=line_number, message=message))


def _json_kind(value: Any) -> str:
    kinds = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return kinds.get(type(value), "null")


# --- CSV -------------------------------------------------------------------------------


def _read_csv(
    stream: io.BufferedReader, file_name: str, source: str, options: _Options
) -> Iterator[Article | Reject]:
    """Reads rows under a header; a bad row rejects only itself."""
    try:
        header, rows = _csv_table(stream, options.max_chars)
    except InputError as error:
        yield Reject(file_name, source, error.line, error.reason)
        return
    for line_number, row in rows:
        default_id = f"{file_name}:{line_number}"
        if isinstance(row, InputError):
            yield Reject(default_id, source, line_number, row.reason)
        else:
            args = (dict(zip(header, row)), line_number, default_id, options)
            yield _record_or_reject(default_id, source, line_number, _csv_record, *args)


def _csv_table(
    stream: io.BufferedReader, max_chars: int
) -> tuple[list[str], Iterator[tuple[int, list[str] | InputError]]]:
    """A CSV file's header and its rows to come; an InputError, with its line, when the file
    cannot be read at all: binary, empty, or its header malformed or without a text column."""
    _check_not_binary(stream.peek(BINARY_SNIFF_BYTES))
    _allow_csv_fields(max_chars)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    records = _csv_records(text, max_chars)
    first = next(records, None)
    if first is None:
        raise InputError(Errors.E003)
    line, header = first
    if isinstance(header, InputError):
        raise InputError(header.reason, line=line)
    header = [name.strip().lower() for name in header]
    if "text" not in header and "html" not in header:
        raise InputError(Errors.E014.format(columns=", ".join(map(_quoted, header)) or "none"), line=line)
    return header, records


class _Lines:
    """A text's physical lines, numbered from 1, that can be given back to be read again."""

    def __init__(self, text: TextIO) -> None:
        self._text = text
        self._count = 0
        self._given_back: list[tuple[int, str]] = []
        #: The (number, line) pairs taken for the record being read.
        self.taken: list[tuple[int, str]] = []
        #: Whether the record being read asked for a line past the end.
        self.ran_out = False

    def start_record(self) -> None:
        self.taken.clear()
        self.ran_out = False

    def give_back_all_but_first(self) -> None:
        self._given_back.extend(reversed(self.taken[1:]))

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._given_back:
            number, line = self._given_back.pop()
        else:
            line = self._text.readline()
            if not line:
                self.ran_out = True
                raise StopIteration
            self._count += 1
            number = self._count
        self.taken.append((number, line))
        return line


def _csv_records(text: TextIO, max_chars: int) -> Iterator[tuple[int, list[str] | InputError]]:
    """Each record of a CSV text, the header first, with its first line number; or why it
    cannot be read. Blank rows after the header are skipped."""
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    width = None
    while True:
        lines.start_record()
        try:
            record = _csv_fields(reader, lines, width)
        except StopIteration:
            return
        except csv.Error as error:  # within one line, read leniently
            message = str(error)
            record = (
                _too_large(f"a field of {max_chars + 1:,}+ characters", max_chars)
                if message.startswith(CSV_FIELD_LIMIT_ERROR)
                else InputError(Errors.E013.format(line=lines.taken[0][0], message=message))
            )
        if width is None:
            width = len(record) if isinstance(record, list) else 0
        elif isinstance(record, list) and not any(record):
            continue
        yield lines.taken[0][0], record


def _csv_fields(reader: Iterator[list[str]], lines: _Lines, width: int | None) -> list[str] | InputError:
    """The next record's fields, read strictly; raises csv.Error for a row malformed within
    its line (a field over the limit).

    A quoted field may run over several lines, but the record must then parse strictly and,
    after the header (of ``width`` fields), have the header's width. Otherwise its quote was
    never closed: the record's first line is rejected and the lines after it are read again,
    rather than swallowed. A stray quote within one line is read leniently, as csv does by
    default.
    """
    try:
        fields = next(reader)
    except csv.Error as error:
        if lines.ran_out:
            return _unclosed_quote(lines, "the file ends first")
        if len(lines.taken) > 1:
            return _unclosed_quote(lines, f"line {lines.taken[-1][0]} then reads: {error}")
        return next(csv.reader([lines.taken[0][1]]))
    if len(lines.taken) > 1 and width not in (None, len(fields)):
        why = f"closing it on line {lines.taken[-1][0]} leaves {len(fields)} fields, the header has {width}"
        return _unclosed_quote(lines, why)
    return fields


def _unclosed_quote(lines: _Lines, why: str) -> InputError:
    """Rejects a record's first line, whose quote was never closed, and gives back the lines
    after it to be read as rows of their own."""
    lines.give_back_all_but_first()
    message = f"a quoted field opened on this line is never properly closed ({why})"
    return InputError(Errors.E013.format(line=lines.taken[0][0], message=message))


def _csv_record(fields: dict[str, str], line: int, default_id: str, options: _Options) -> Article:
    """Refuses what only a CSV row can hold, undecodable bytes and NUL, then checks the row
    as any record."""
    for name, value in fields.items():
        if match := UNDECODED_BYTE.search(value):
            reason = Errors.E005.format(where=f"column {_quoted(name)}, character {match.start()}")
        elif "\0" in value:
            reason = Errors.E013.format(line=line, message=f"a NUL byte in column {_quoted(name)}")
        else:
            continue
        raise InputError(reason, fields.get("id") or None)
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


def _replayed(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(_ReplayedStream(head, rest), CHUNK_BYTES)


def _read_stdin(options: _Options) -> Iterator[Article | Reject]:
    """JSONL when the first non-space character is ``{``, else one plain-text article."""
    raw = sys.stdin.buffer
    try:
        stdin = _utf8(_replayed(raw.read(4), raw))
        head = b""
        while (chunk := stdin.read(BINARY_SNIFF_BYTES)) and len(head) <= options.max_chars:
            head += chunk
            if head.lstrip(LEADING_BLANKS):
                break
        stream = _replayed(head, stdin)
        if head.lstrip(LEADING_BLANKS).startswith(b"{"):
            yield from _read_jsonl(stream, STDIN_ID, "<stdin>", options)
        else:
            yield _record_or_reject(STDIN_ID, "<stdin>", None, _text_file, stream, None, STDIN_ID, options)
    except InputError as error:  # UTF-16 or UTF-32 invalid midway: the records before were read
        yield Reject(STDIN_ID, "<stdin>", None, error.reason)
