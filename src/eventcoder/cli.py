"""The command line: parse arguments, call the library, report rejects and a summary on stderr.

Every error the library raises on purpose is an :class:`~eventcoder.errors.EventcoderError`;
:func:`main` catches them, and a user's file that cannot be read or written, in one place: one
line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from eventcoder.article import Article
from eventcoder.errors import Errors, EventcoderError, MissingExtraError, UsageError
from eventcoder.io.formats import format_names
from eventcoder.io.ingest import count_inputs
from eventcoder.resources import actors_from_environment, current_actors, read_actors_file, use_actors
from eventcoder.runs import ENGINES
from eventcoder.watch.settings import Politeness

#: The commands that code articles, so take ``--actors FILE`` (or ``EVENTCODER_ACTORS``).
ACTORS_COMMANDS = ("extract", "geoparse", "ingest", "serve", "watch")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="eventcoder", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="news articles in, one event record a line out")
    _add_io_arguments(extract, formats=format_names("extract"))

    geoparse = commands.add_parser("geoparse", help="places named in each article, geocoded")
    _add_io_arguments(geoparse, formats=format_names("geoparse"))

    evaluation = commands.add_parser("eval", help="score extraction against a gold-coded file")
    evaluation.add_argument("gold", type=Path, metavar="GOLD",
                            help="ACLED CSV, MUC-4 folder or key file, PLOVER gold file, LGL/GWN XML, or JSONL")
    evaluation.add_argument("--format", choices=["acled", "muc4", "plover", "geoxml", "jsonl"],
                            help="the gold file's format (guessed from its name when left out)")
    evaluation.add_argument("--part", choices=["tuning", "check"],
                            help="score one part of a development set: study errors on 'tuning' only, "
                                 "'check' is what the quality pins hold (eventcoder.evaluate.parts)")
    evaluation.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluation.add_argument("--report", type=Path, metavar="DIR",
                            help="also write an HTML report with pictures and the worst cases")

    gazetteer = commands.add_parser("gazetteer", help="manage the place index")
    gazetteer_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    importer = gazetteer_commands.add_parser(
        "import", help="add GeoNames dump files (allCountries.zip, SO.zip, admin1CodesASCII.txt...), "
                       "or your own ACLED export or UCDP GED file as a source of places")
    importer.add_argument("files", nargs="+", metavar="FILE")
    importer.add_argument("--name", help="the name of the source an ACLED or UCDP file makes, which its places "
                                         "carry as geo_source (default: the file's stem); an existing one is replaced")
    gazetteer_commands.add_parser("list", help="the sources imported, with their counts")
    remover = gazetteer_commands.add_parser("remove", help="take an imported source out of the index")
    remover.add_argument("name", metavar="NAME", help="a name that 'gazetteer list' shows")
    _add_store_commands(commands)
    _add_watch_command(commands)
    _add_serve_command(commands)
    for name in ACTORS_COMMANDS:
        commands.choices[name].add_argument(
            "--actors", metavar="FILE",
            help="your own actors, in the schema of the packaged actors.yaml: they add to its groups, "
                 "and one with the canonical name of a packaged group replaces it (env EVENTCODER_ACTORS)")
    return parser.parse_args(argv)


def _add_io_arguments(parser: argparse.ArgumentParser, formats: list[str]) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a directory or - for stdin")
    parser.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="publication date for inputs that carry none")
    parser.add_argument("--format", choices=formats, default="jsonl")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--workers", type=_positive, default=1, metavar="N",
                        help="processes to run on (output is the same as with one)")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="local",
                        help="ray: run on a Ray cluster (RAY_ADDRESS) or a local Ray; needs eventcoder[ray]")
    parser.add_argument("--rejects", metavar="FILE", help="write unreadable records here, one JSON line each")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same -o file: nothing lost or doubled")
    parser.add_argument("--source-homes", action="store_true",
                        help="first read the inputs once to infer where each source (outlet) is based "
                             "from the places its articles name, then prefer readings near it: for local news")
    parser.add_argument("--shards", metavar="DIR",
                        help="with --engine ray: each task writes its own part file (jsonl or parquet) "
                             "and rejects file here, plus manifest.json; a rerun redoes only missing parts")


def _positive(value: str) -> int:
    return _whole_number(value, least=1)


def _whole_number(value: str, least: int = 0) -> int:
    if not value.isdigit() or int(value) < least:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least {least}, got {value!r}")
    return int(value)


def run() -> None:
    """The ``eventcoder`` program: :func:`main` in a process of its own."""
    sys.exit(main(own_process=True))


def main(argv: list[str] | None = None, own_process: bool = False) -> int:
    """Runs one command and returns its exit status; an error that stops it is one line on stderr, 2."""
    args = parse_args(argv)
    if own_process and hasattr(signal, "SIGPIPE"):
        # "| head" ends the output quietly; a client or a site that hangs up on the server or the
        # watcher must fail its one request, not end the process. Only a process of its own: run
        # inside another program (the tests, with servers on other threads) the signal is not ours
        signal.signal(signal.SIGPIPE, signal.SIG_IGN if args.command in ("serve", "watch") else signal.SIG_DFL)
    try:
        return _with_actors(args)
    except EventcoderError as error:
        message = str(error)
    except OSError as error:  # a user's file that cannot be read or written, such as an unwritable -o
        message = (Errors.E050.format(path=error.filename, reason=error.strerror) if error.filename
                   else Errors.E059.format(kind=type(error).__name__, error=error))
    print(f"eventcoder: {message}", file=sys.stderr)
    return 2


def _with_actors(args: argparse.Namespace) -> int:
    """Runs the command with the user's actors file, if any, and leaves the process as it was."""
    if args.command not in ACTORS_COMMANDS:
        return _command(args)
    before = current_actors()
    use_actors(read_actors_file(args.actors) if args.actors else actors_from_environment())
    try:
        return _command(args)
    finally:
        use_actors(before)


def _command(args: argparse.Namespace) -> int:
    if args.command == "gazetteer":
        return _gazetteer(args)
    if args.command == "eval":
        return _evaluate(args)
    if args.command == "serve":
        return _serve(args)
    if args.command in STORE_COMMANDS:
        return _store_command(args)
    if args.command == "watch":
        return _watch(args)
    if args.command == "geoparse":
        from eventcoder.batch import geoparse_records

        return _run(args, geoparse_records, "places")
    from eventcoder.pipeline import extract_records

    return _run(args, extract_records, "events")


# --- the event store: ingest, events, export -----------------------------------------------

STORE_COMMANDS = ("ingest", "events", "export")


def _add_store_commands(commands) -> None:
    ingest = commands.add_parser("ingest", help="extract articles and store their events, merged across articles")
    ingest.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a directory or - for stdin")
    ingest.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="publication date for inputs that carry none")
    for name, helptext in (("events", "list stored events as a table"),
                           ("export", "write stored events as ACLED CSV, GeoJSON, Parquet or PLOVER JSON")):
        command = commands.add_parser(name, help=helptext, epilog="A filter given more than once matches any of "
                                                                  "its values; different filters must all match.")
        command.add_argument("--country", action="append", default=[], help="a country name or ISO code")
        command.add_argument("--admin1", action="append", default=[], help="a first-level division's name")
        command.add_argument("--type", action="append", default=[], help="an event type or sub-event type")
        command.add_argument("--actor", action="append", default=[], help="part of an actor's name")
        command.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
        command.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
        command.add_argument("--near", type=_near, metavar="LAT,LON,KM", help="within KM of a point")
        command.add_argument("--min-fatalities", type=_whole_number, metavar="N", help="at least N deaths")
        command.add_argument("--sort", default="event_date", metavar="KEY",
                             help="event_date (the default, oldest first) or fatalities; descending as "
                                  "--sort=-event_date or --sort=-fatalities")
    commands.choices["events"].add_argument("--explain", metavar="ID", help="why an event's reports were merged")
    commands.choices["events"].add_argument("--limit", type=_positive, default=None, metavar="N")
    commands.choices["export"].add_argument("--format", choices=format_names("export"), default="acled-csv")
    commands.choices["export"].add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    for name in STORE_COMMANDS:
        commands.choices[name].add_argument("--db", metavar="URL",
                                            help="SQLAlchemy URL or SQLite file (default eventcoder.sqlite)")


def _near(value: str) -> tuple[float, float, float]:
    from eventcoder.store import parse_near

    try:
        return parse_near(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _store_command(args: argparse.Namespace) -> int:
    """ingest creates the database when it is new; events and export only read an existing one."""
    from eventcoder.store import EventFilter, Store, ingest

    if args.command == "ingest":
        summary = ingest(args.inputs, args.db, args.published,
                         on_reject=lambda reject: print(f"eventcoder: rejected {reject}", file=sys.stderr),
                         progress=lambda stream: _progress(stream, args.inputs), on_warning=_warn)
        print(summary, file=sys.stderr)
        return batch_status(summary.articles, len(summary.rejected))
    filters = EventFilter(country=tuple(args.country), admin1=tuple(args.admin1), event_type=tuple(args.type),
                          actor=tuple(args.actor), since=args.since, until=args.until, near=args.near,
                          min_fatalities=args.min_fatalities, sort=args.sort)
    store = Store(args.db, create=False)
    with store:
        if args.command == "export":
            from eventcoder.io.formats import export

            count = export(store.records(filters), args.format, args.output)
            print(f"{count} events exported", file=sys.stderr)
            return 0
        if args.explain:
            text = store.explain(args.explain)
            print(text or f"eventcoder: no event {args.explain}", file=sys.stdout if text else sys.stderr)
            return 0 if text else 1
        from eventcoder.store.table import format_events

        print(format_events(store.events(filters, limit=args.limit)))
    return 0


def _add_watch_command(commands) -> None:
    watch = commands.add_parser("watch", help="follow feeds, sitemaps and folders, storing each new article",
                                epilog="Exit status of a pass: 0 all read, 1 some pages or sources failed, "
                                       "2 nothing could be read.")
    watch.add_argument("sources", nargs="*", metavar="SOURCE",
                       help="an RSS or Atom feed URL, a sitemap URL, a file listing such URLs (one a line, "
                            "# comments), or a folder whose files are coded once each")
    watch.add_argument("--db", metavar="URL", help="SQLAlchemy URL or SQLite file (default eventcoder.sqlite)")
    watch.add_argument("--every", type=_minutes, default=15, metavar="MINUTES", help="minutes between passes (15)")
    watch.add_argument("--once", action="store_true", help="make one pass and exit (for cron and CI)")
    watch.add_argument("--status", action="store_true", help="list the sources followed, their last pass and errors")
    watch.add_argument("--timeout", type=_seconds, default=Politeness.timeout, metavar="SECONDS",
                       help=f"for each read of an answer ({Politeness.timeout:g})")
    watch.add_argument("--delay", type=_seconds, default=Politeness.delay, metavar="SECONDS",
                       help=f"between two requests to one host, or the site's Crawl-delay ({Politeness.delay:g})")
    watch.add_argument("--max-bytes", type=_positive, default=Politeness.max_bytes, metavar="N",
                       help=f"the largest page read ({Politeness.max_bytes:,})")
    watch.add_argument("--user-agent", default=Politeness.user_agent, metavar="TEXT",
                       help="how requests name us, and the name robots.txt rules are read for; "
                            "add a contact address for the sites you read")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}")
    return seconds


def _minutes(value: str) -> float:
    minutes = _seconds(value)
    if minutes <= 0:
        raise argparse.ArgumentTypeError(f"expected a number of minutes above 0, got {value!r}")
    return minutes


def _watch(args: argparse.Namespace) -> int:
    """One pass (--once) or a pass every --every minutes into the store; --status lists the sources."""
    try:
        from eventcoder.watch.run import follow
        from eventcoder.watch.state import WatchState
    except ModuleNotFoundError as error:
        raise MissingExtraError("watch", error.name, "watch") from None
    from eventcoder.store import Store

    if args.status:
        with Store(args.db, create=False) as store:
            print(_watch_status(WatchState(store).report()))
        return 0
    if not args.sources:
        raise UsageError(Errors.E088)
    politeness = Politeness(user_agent=args.user_agent, timeout=args.timeout, delay=args.delay,
                            max_bytes=args.max_bytes)
    with Store(args.db) as store:
        try:
            last = follow(store, args.sources, args.every, args.once, politeness,
                          on_pass=lambda summary: print(f"eventcoder: {summary}", file=sys.stderr),
                          on_failure=lambda url, message: print(f"eventcoder: failed {url}: {message}", file=sys.stderr),
                          on_warning=_warn, progress=lambda items, label: _rows_progress(items, label, " items"))
        except KeyboardInterrupt:
            print("eventcoder: watch stopped; the next start goes on from what is stored", file=sys.stderr)
            return 130 if args.once else 0
    return batch_status(last.read, last.failures)


def _watch_status(report: list[dict]) -> str:
    """``watch --status``: each source, its last pass, its items by status and its latest errors."""
    if not report:
        return "no sources followed yet: 'eventcoder watch SOURCE... --db DB' starts"
    lines = []
    for source in report:
        when = source["last_pass"].strftime("%Y-%m-%d %H:%M UTC") if source["last_pass"] else "never"
        items = ", ".join(f"{count} {status}" for status, count in sorted(source["items"].items())) or "no items"
        failing = f"; failed on the last {source['failures']} passes" if source["failures"] else ""
        lines.append(f"{source['url']} ({source['kind'] or 'not read yet'}"
                     f"{': ' + source['title'] if source['title'] else ''})")
        lines.append(f"  last pass {when}: {source['last_result'] or 'nothing yet'}{failing}; items: {items}")
        lines.extend(f"  {error['at']:%Y-%m-%d %H:%M} {error['url']}: {error['message']}" for error in source["errors"])
    return "\n".join(lines)


def _add_serve_command(commands) -> None:
    serve = commands.add_parser("serve", help="a JSON API and a web page (map, timeline, table) over the store")
    serve.add_argument("--db", metavar="URL", help="SQLAlchemy URL or SQLite file (default eventcoder.sqlite)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--token", default=os.environ.get("EVENTCODER_TOKEN"),
                       help="enables POST /api/ingest for 'Authorization: Bearer TOKEN' (env EVENTCODER_TOKEN)")
    serve.add_argument("--tiles", metavar="URL", default=os.environ.get("EVENTCODER_TILE_URL"),
                       help="map tile URL, e.g. https://tile.example.org/{z}/{x}/{y}.png (env EVENTCODER_TILE_URL)")
    serve.add_argument("--tiles-attribution", metavar="TEXT", default=os.environ.get("EVENTCODER_TILE_ATTRIBUTION"),
                       help="credit shown for the tiles (env EVENTCODER_TILE_ATTRIBUTION)")


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from eventcoder.web import create_app
    except ModuleNotFoundError as error:
        raise MissingExtraError("serve", error.name, "web") from None
    app = create_app(args.db, token=args.token, tile_url=args.tiles, tile_attribution=args.tiles_attribution)
    mode = "ingest open to the token" if args.token else "read-only"
    print(f"eventcoder: serving http://{args.host}:{args.port}/ ({mode})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _gazetteer(args: argparse.Namespace) -> int:
    """import and remove report on stderr what they did; list prints the sources on stdout."""
    from eventcoder.gazetteer import sources

    if args.gazetteer_command == "list":
        listed = sources.list_sources()
        if not listed:
            print("no sources imported: the index holds the packaged GeoNames places only", file=sys.stderr)
            return 0
        columns = ("name", "format", "places", "added", "joined", "districts", "areas", "rows", "rows_used", "file")
        rows = [columns] + [tuple(str(entry.get(c, "")) for c in columns) for entry in listed]
        widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        return 0
    if args.gazetteer_command == "remove":
        summary = sources.remove_source(args.name)
        print(f"eventcoder: removed {summary['removed']}; the index holds {summary['index_size']:,} places",
              file=sys.stderr)
        return 0
    summary = sources.import_files([Path(f) for f in args.files], args.name, progress=_rows_progress)
    for source in summary["sources"]:
        unknown = ", ".join(f"{country or '(none)'} {count}" for country, count in source["unknown_countries"].items())
        print(f"eventcoder: {source['name']} ({source['format']}): {source['places']:,} places from "
              f"{source['rows_used']:,} of {source['rows']:,} rows, {source['added']:,} added and "
              f"{source['joined']:,} joined to places in the index, {source['districts']:,} districts and "
              f"{source['areas']:,} areas added"
              f"{'' if source['changed'] else ' (unchanged)'}"
              f"{'; rows of countries not known: ' + unknown if unknown else ''}", file=sys.stderr)
    if summary["dumps"]:
        print(summary["dumps"], file=sys.stderr)
    print(f"eventcoder: the index holds {summary['index_size']:,} places", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from eventcoder.evaluate import run_evaluation
    from eventcoder.evaluate.html import write_report

    report = run_evaluation(args.gold, args.format, args.part)
    for rejected in report.rejected:
        print(f"eventcoder: failed on {rejected} (scored as no event)", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        width = max(map(len, report.figures), default=0)
        print(report.name)
        for name, value in report.figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else value
            print(f"  {name:<{width}}  {shown}")
    if args.report:
        print(f"report: {write_report([report], args.report)}", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace, produce: Callable[[Article], list[dict]], unit: str) -> int:
    """Streams inputs through ``produce`` into the chosen writer; rejects go to stderr or --rejects."""
    from eventcoder.batch import run_batch

    if args.source_homes:
        if "-" in args.inputs:
            raise UsageError(Errors.E057)
        produce = _with_source_homes(args, produce)
    if args.shards or args.format == "parquet":
        return _run_shards(args, produce, unit)
    summary = run_batch(
        args.inputs, produce, unit, output=args.output, output_format=args.format,
        published=args.published, workers=args.workers, engine=args.engine, rejects=args.rejects,
        resume=args.resume, on_reject=lambda reject: print(f"eventcoder: rejected {reject}", file=sys.stderr),
        on_warning=_warn, progress=lambda items: _progress(items, args.inputs))
    print(summary, file=sys.stderr)
    return batch_status(summary.articles, summary.rejected, summary.resumed_after)


def _warn(line: str) -> None:
    print(f"eventcoder: warning: {line}", file=sys.stderr)


def batch_status(articles: int, rejected: int, done_before: int = 0) -> int:
    """A batch command's exit status: 0 every record read, 1 some rejected (the output still
    written), 2 nothing could be read, so that ``extract typo.jsonl -o out && next`` stops."""
    if not articles and (rejected or not done_before):
        return 2
    return 1 if rejected else 0


def _with_source_homes(args: argparse.Namespace, produce: Callable[[Article], list[dict]]):
    """``produce`` with the homes of the inputs' sources, inferred in a first pass over them."""
    from eventcoder.geoparse import WithSourceHomes, infer_source_homes
    from eventcoder.io.ingest import read_inputs

    articles = (item for item in _progress(read_inputs(args.inputs, args.published), args.inputs)
                if isinstance(item, Article))
    homes = infer_source_homes(articles)
    print(f"eventcoder: source homes: {len(homes)} inferred"
          + "".join(f"; {source}: {home}" for source, home in sorted(homes.items())[:5])
          + ("; ..." if len(homes) > 5 else ""), file=sys.stderr)
    return WithSourceHomes(produce, homes)


def _run_shards(args: argparse.Namespace, produce: Callable[[Article], list[dict]], unit: str) -> int:
    """``--shards DIR``: part files written by Ray tasks, see :mod:`eventcoder.ray_engine`."""
    if not args.shards or args.engine != "ray" or args.output or args.rejects:
        raise UsageError(Errors.E058)
    from eventcoder.ray_engine import write_shards

    summary = write_shards(args.inputs, produce, args.shards, unit, output_format=args.format,
                           published=args.published, workers=args.workers)
    print(summary, file=sys.stderr)
    return batch_status(summary.articles, summary.rejected, summary.parts_kept)


def _progress(items: Iterable, inputs: list[str]) -> Iterator:
    """A progress bar on a terminal; nothing in a pipe or a log."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=count_inputs(inputs), unit=" articles", file=sys.stderr, dynamic_ncols=True)


def _rows_progress(rows: Iterable, what: str, unit: str = " rows") -> Iterable:
    """A count of the rows done on a terminal, for a GeoNames dump's minutes of reading and
    indexing, or a watched source's items."""
    if not sys.stderr.isatty():
        return rows
    from tqdm import tqdm

    return tqdm(rows, desc=what, unit=unit, unit_scale=True, file=sys.stderr, dynamic_ncols=True)


if __name__ == "__main__":
    run()
