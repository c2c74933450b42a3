"""How long does a pass of ``eventcoder watch`` take, and what does an unchanged feed cost?

    python benchmarks/watch.py [--pages 45] [--db URL]

Serves, on a local port, an RSS feed of ``--pages`` article pages (each two of the conflict-news
paragraphs of ``benchmarks/linear.py``, a different pair each) and a robots.txt, then times
through the library (:func:`eventcoder.watch.run.run_pass`, no delay between requests) a first
pass that stores them, a second pass over the unchanged feed, and a third after one page is added.
It prints each pass's summary line and the requests the server answered. Into a new SQLite file
in a temporary folder unless ``--db`` names a store (whose watch state is then used as it is).
Meant to be run by hand: timing depends on the machine, so no test asserts it.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from collections import Counter
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linear import PARAGRAPHS  # noqa: E402

from eventcoder.store import Store  # noqa: E402
from eventcoder.watch.run import run_pass  # noqa: E402
from eventcoder.watch.settings import Politeness  # noqa: E402


class Feed:
    """The pages served, the feed's version, and the requests answered by kind."""

    def __init__(self, pages: int) -> None:
        pairs = list(combinations(range(len(PARAGRAPHS)), 2))
        self.pages = [f"{PARAGRAPHS[a]}\n{PARAGRAPHS[b]}" for a, b in pairs[:pages]]
        self.shown = len(self.pages) - 1  # the last page is added before the third pass
        self.answered: Counter[str] = Counter()

    def answer(self, path: str, etag: str | None) -> tuple[int, str, bytes]:
        if path == "/robots.txt":
            self.answered["robots.txt"] += 1
            return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n"
        if path == "/rss.xml":
            if etag == f'"{self.shown}"':
                self.answered["feed, not modified"] += 1
                return 304, "", b""
            self.answered["feed"] += 1
            items = "".join(f"<item><title>Report {i}</title><link>/news/{i}.html</link>"
                            f"<pubDate>Fri, 15 Mar 2024 0{i % 10}:00:00 GMT</pubDate></item>" for i in range(self.shown))
            return 200, "application/rss+xml", (f'<?xml version="1.0"?><rss version="2.0"><channel>'
                                                f"<title>Benchmark Wire</title>{items}</channel></rss>").encode()
        number = path.removeprefix("/news/").removesuffix(".html")
        if number.isdigit() and int(number) < len(self.pages):
            self.answered["page"] += 1
            body = "".join(f"<p>{escape(p)}</p>" for p in self.pages[int(number)].split("\n"))
            return 200, "text/html", f"<html><body><article>{body}</article></body></html>".encode()
        return 404, "text/plain", b""


def serve(feed: Feed) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, kind, body = feed.answer(self.path, self.headers.get("If-None-Match"))
            self.send_response(status)
            if status == 200:
                self.send_header("ETag", f'"{feed.shown}"')
                self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=45, help="article pages in the feed (2 to 45)")
    parser.add_argument("--db", help="a store URL (default: a new SQLite file)")
    args = parser.parse_args(argv)
    feed = Feed(min(max(args.pages, 2), 45))
    server = serve(feed)
    source = f"http://127.0.0.1:{server.server_address[1]}/rss.xml"
    with tempfile.TemporaryDirectory() as folder, Store(args.db or f"sqlite:///{folder}/watch.sqlite") as store:
        for name in ("first pass", "unchanged feed", "one page added"):
            if name == "one page added":
                feed.shown += 1
            feed.answered.clear()
            summary = run_pass(store, [source], Politeness(delay=0))
            print(f"{name}: {summary}; requests: {dict(feed.answered)}", flush=True)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
