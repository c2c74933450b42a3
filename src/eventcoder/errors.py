"""Every message eventcoder reports about bad input or misuse, in one place.

Messages carry a code (``[E005]``) so a user can search for it, and name the record and
what was expected. Readers turn an :class:`InputError` into a per-record reject; the
exceptions are also raised to callers where a whole call is misused (an unknown format). Every
error eventcoder raises on purpose is an :class:`EventcoderError`, so the command line catches
them in one place (``cli.main``) and prints the message as one line.
"""
from __future__ import annotations


class Errors:
    """Message templates, filled with ``str.format``; each starts with its code."""

    E001 = "[E001] no such file or directory"
    E002 = "[E002] cannot read: {error}"
    E003 = "[E003] empty text"
    E004 = "[E004] binary file, not text ({why})"
    E005 = "[E005] invalid UTF-8 at {where}; save the text as UTF-8"
    E006 = "[E006] too large: {size}, over the limit of {limit:,} characters per record"
    E007 = "[E007] malformed JSON on line {line}: {message}"
    E008 = "[E008] JSON {kind} on line {line}, expected an object with 'id' and 'text'"
    E009 = "[E009] no 'text' or 'html' field (found: {fields})"
    E010 = "[E010] field '{field}' must be a string, got {kind}"
    E012 = "[E012] no article text found in the HTML"
    E013 = "[E013] malformed CSV on line {line}: {message}"
    E014 = "[E014] CSV header has no 'text' or 'html' column (columns: {columns})"
    E015 = "[E015] directory holds no input files"
    E016 = "[E016] unknown output format {name!r}: expected one of {choices}"
    E017 = "[E017] failed in the pipeline ({kind}: {message}); please report it with this article"
    E018 = "[E018] cannot resume {output}: {why}"
    E019 = "[E019] {label} {value} is not a readable date; {fallback}"
    E020 = "[E020] {label} {value} has year {year}, outside {years}; {fallback}"
    E021 = "[E021] field '{field}' holds a lone surrogate {code} at character {index}: not valid Unicode"
    E022 = "[E022] invalid {encoding} (as its byte-order mark says) at {where}"
    E030 = "[E030] cannot open the database {where}: {reason}"
    E031 = "[E031] no event database at {where}: 'eventcoder ingest' creates one"
    E032 = "[E032] not a usable database URL: {reason}"
    E033 = "[E033] could not be stored ({kind}: {message}); nothing of it was kept"
    E034 = "[E034] near {value!r}: expected LAT,LON,KM with LAT -90..90, LON -180..180, KM >= 0, e.g. 34.45,40.92,25"
    E035 = "[E035] the database {where} failed: {reason}; what was stored before stays, and a rerun goes on from there"
    E036 = "[E036] ingest is disabled: the server was started without a token"
    E037 = "[E037] ingest needs the header 'Authorization: Bearer TOKEN'"
    E038 = "[E038] no {kind} {key!r}"
    E039 = "[E039] request body too large: the limit is {limit:,} bytes"
    E040 = "[E040] will not write {output}: it is {what} {input}, which would be emptied before it is read"
    E041 = "[E041] {path}{where}: {reason}"
    E042 = "[E042] {what} needs {package}: pip install 'eventcoder[{extra}]'"
    E043 = "[E043] a GeoJSON file cannot be continued: its features sit inside one object"
    E044 = "[E044] {name} output is binary: give a file to write it to (-o FILE)"
    E045 = "[E045] stdin cannot be split into shards; give files or directories"
    E046 = "[E046] unknown engine {name!r}: expected one of {choices}"
    E047 = "[E047] shards are written as {choices}, not {name}"
    E048 = "[E048] with workers > 1, produce must be a module-level function: {error}"
    E070 = "[E070] stage {stage!r} reads {field!r}, which no earlier stage sets and no article brings"
    E071 = "[E071] stage {stage!r} sets {field!r}, which is already set before it"
    E072 = "[E072] no stage named {name!r}: expected one of {choices}"
    E073 = "[E073] sub-event type {sub!r} has no trigger entry and no PLOVER event of its own"
    E049 = "[E049] a record value of type {kind} cannot be written as JSON"
    E050 = "[E050] cannot use {path}: {reason}"
    E051 = "[E051] {path}: the archive holds no .txt geoname table"
    E052 = "[E052] {path}:{line}: expected GeoNames' 19 tab-separated columns, got {count}"
    E053 = "[E053] {path}:{line}: expected code, name, asciiname, id"
    E054 = "[E054] cannot tell the gold format of {path}: give --format ({choices})"
    E055 = "[E055] {path}:{line}: not a gold line ({error})"
    E056 = "[E056] unknown part {part!r}: expected one of {choices}"
    E057 = "[E057] --source-homes reads the inputs twice, so it cannot read stdin"
    E058 = "[E058] --shards DIR needs --engine ray and replaces -o and --rejects; parquet output is written only as shards"
    E059 = "[E059] {kind}: {error}"
    E060 = ("[E060] {path}: a CSV file whose header is neither an ACLED export's ({acled}) nor a UCDP GED "
            "file's ({ucdp})")
    E061 = "[E061] {path}: cannot be read as CSV ({reason})"
    E062 = "[E062] {path}, line {line}: {column} {value!r} is not a {what}"
    E063 = "[E063] no imported source named {name!r}: {known}"
    E064 = "[E064] source name {name!r}: use at most 64 letters, digits, '.', '_' or '-', and not {reserved!r}"
    E065 = "[E065] --name names one coded source: give it with exactly one ACLED or UCDP file"
    E066 = "[E066] {name} {value!r}: expected one of {choices}"
    E067 = "[E067] {name} is given {count} times: it takes one value"
    E080 = "[E080] HTTP {status} {reason}"
    E081 = "[E081] no answer within {seconds:g} s"
    E082 = "[E082] not a web page: {content_type}"
    E083 = "[E083] larger than the limit of {limit:,} bytes"
    E084 = "[E084] {kind}: {reason}"
    E085 = "[E085] neither an RSS or Atom feed nor a sitemap ({reason})"
    E086 = "[E086] robots.txt of {host} could not be read ({reason}); its pages wait for a later pass"
    E087 = ("[E087] {source}: not a source: expected a feed or sitemap URL (http or https), a file listing "
            "them, or a folder")
    E088 = "[E088] watch needs at least one SOURCE (or --status to list what is followed)"
    E089 = "[E089] disallowed by robots.txt"
    E090 = "[E090] could not be read ({kind}: {message}); please report it with this source or page"


class EventcoderError(Exception):
    """The base of every error eventcoder raises, so callers can catch them together."""


class InputError(EventcoderError, ValueError):
    """One input record could not be read; says which record, where, and why."""

    def __init__(
        self,
        reason: str,
        record_id: str | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        self.reason = reason
        self.record_id = record_id
        self.source = source
        self.line = line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{record_id} ({where}): {reason}" if record_id else reason)


class UnknownFormatError(EventcoderError, ValueError):
    """An output format was asked for by a name no writer is registered under."""

    def __init__(self, name: str, choices: list[str]) -> None:
        self.name = name
        super().__init__(Errors.E016.format(name=name, choices=", ".join(sorted(choices))))


class BinaryOutputError(EventcoderError, ValueError):
    """A binary format (Parquet) was asked to write to stdout rather than to a file."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(Errors.E044.format(name=name))


class StoreError(EventcoderError):
    """The event database cannot be opened or is not there; says which database and why."""


class QueryError(EventcoderError, ValueError):
    """A query of the event store asks for what cannot be (a point off the globe)."""


class RequestError(EventcoderError):
    """A web request the API refuses; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class DataFileError(EventcoderError, ValueError):
    """A user's data file (an actors file) cannot be used; names the file, the line and why."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(Errors.E041.format(path=path, where=f", line {line}" if line else "", reason=reason))


class MissingExtraError(EventcoderError, ImportError):
    """An optional dependency is not installed; names the extra that brings it."""

    def __init__(self, what: str, package: str, extra: str) -> None:
        self.extra = extra
        super().__init__(Errors.E042.format(what=what, package=package, extra=extra))


class PipelineError(EventcoderError, ValueError):
    """Stages put together in an order that cannot work, or a stage asked for by a wrong name."""


class GeoNamesFormatError(EventcoderError, ValueError):
    """A file given to ``gazetteer import`` that is not in one of GeoNames' dump formats."""


class PlaceSourceError(EventcoderError, ValueError):
    """A coded file given to ``gazetteer import`` that cannot be read as places (an unknown
    header, a row whose point is not a number), or a source name that cannot be used."""


class GoldFileError(EventcoderError, ValueError):
    """A gold-standard file that cannot be scored: its format unknown, or a line that is not gold."""


class FetchError(EventcoderError):
    """A page or feed that could not be fetched: an HTTP error, a timeout, not HTML, too large.
    ``retry`` is False where a later pass cannot do better (not a web page, too large)."""

    def __init__(self, message: str, retry: bool = True) -> None:
        self.retry = retry
        super().__init__(message)


class UsageError(EventcoderError, ValueError):
    """Options that cannot go together, or an argument outside those a function accepts."""
