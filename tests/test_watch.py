"""eventcoder watch against a real HTTP server started here: feeds, a sitemap, robots.txt, pages
that fail, retries, conditional requests, a folder, two watchers and kill -9; on SQLite and PostgreSQL."""
import contextlib
import os
import signal
import subprocess
import sys
import threading
from datetime import date
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import delete, inspect, select

from eventcoder.cli import main
from eventcoder.store import Store
from eventcoder.store.schema import LATEST_VERSION, articles, schema_version, watch_items
from eventcoder.watch.run import run_pass
from eventcoder.watch.settings import Politeness
from eventcoder.watch.sources import expand_sources, normalise_url

FAST = Politeness(timeout=1, delay=0, backoff=0.01)

#: Article bodies written for these tests, each a different event.
STORIES = {
    "a": ("Car bomb kills eight in Mogadishu",
          "A car bomb exploded near a busy market in Mogadishu on Saturday, killing eight civilians and wounding "
          "twelve others, police said. Al-Shabaab said it carried out the attack. Witnesses described smoke "
          "rising over the district as ambulances carried the wounded to hospital."),
    "b": ("Gunmen kill three in Kismayo",
          "Gunmen killed three traders at a checkpoint outside Kismayo on Friday, local elders said. The attackers "
          "fled towards the forest before security forces arrived, and no group has said it was behind the "
          "killings, which follow a week of rising tension in the port city."),
    "c": ("Clashes near Baidoa leave ten dead",
          "Fighting between the Somali army and Al-Shabaab militants near Baidoa on Thursday left ten fighters "
          "dead, a military officer said. The clashes began at dawn when militants attacked an army outpost west "
          "of the town, and lasted for several hours before the attackers withdrew."),
    "flaky": ("Protest in Garissa over arrests",
              "Hundreds of people protested in Garissa on Wednesday against the arrest of four local leaders, "
              "residents said. Officers used tear gas to break up the gathering near the county offices, and shops "
              "in the town centre stayed closed for most of the day as the demonstrators marched."),
    "slow": ("Explosion in Mandera",
             "A roadside bomb struck a police vehicle near Mandera on Tuesday, killing two officers, a police "
             "commander said. The blast happened on the road to the border crossing, which has been attacked "
             "several times this year, and the wounded were taken to the county hospital."),
    "later": ("Drone strike near Jilib",
              "A drone strike hit a militant camp near Jilib on Monday, killing six Al-Shabaab fighters, the "
              "Somali government said. The strike was carried out in support of troops advancing through the "
              "Middle Juba region, officials said, and residents reported hearing several explosions."),
}


def page(key: str) -> bytes:
    title, text = STORIES[key]
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article><footer>Copyright Test News</footer>"
            "</body></html>").encode()


class Site:
    """A news site: what it serves, what it was asked, and the paths that misbehave."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict]] = []
        self.not_modified = 0
        self.feed_version = "v1"
        self.rss_items = ["/news/a.html?utm_source=rss", "/private/secret.html", "/news/missing.html",
                          "/news/flaky.html", "/news/slow.html"]
        self.flaky_failures = 2
        self.stall_once = None  # a path that stalls on its first request, then answers
        self.stalled = threading.Event()
        self.hang_seconds = 3.0
        self.closing = threading.Event()  # ends every stall when the test ends

    def count(self, path: str) -> int:
        return sum(1 for asked, _ in self.requests if asked == path)

    def answer(self, path: str, headers: dict) -> tuple[int, str, bytes, dict]:
        self.requests.append((path, headers))
        validators = {"ETag": f'"{self.feed_version}"', "Last-Modified": formatdate(1733000000, usegmt=True)}
        if path in ("/rss.xml", "/atom.xml", "/sitemap.xml"):
            if headers.get("If-None-Match") == validators["ETag"]:
                self.not_modified += 1
                return 304, "", b"", validators
            return 200, "application/xml", self.feed(path), validators
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}
        if path == "/go/b":
            return 301, "text/plain", b"", {"Location": "/news/b.html"}
        if path == "/files/report.pdf":
            return 200, "application/pdf", b"%PDF-1.4", {}
        if path == "/news/big.html":
            return 200, "text/html", page("b") + b" " * 100_000, {}
        if path == "/news/flaky.html" and self.flaky_failures:
            self.flaky_failures -= 1
            return 500, "text/plain", b"busy", {}
        if path == self.stall_once:
            self.stall_once = None
            self.stalled.set()
            self.closing.wait(self.hang_seconds)
        elif path == "/news/slow.html":
            self.closing.wait(self.hang_seconds)
        key = path.removeprefix("/news/").removesuffix(".html").removesuffix("-copy")
        if path.startswith("/news/") and key in STORIES:
            return 200, "text/html; charset=utf-8", page(key), {}
        return 404, "text/plain", b"not here", {}

    def feed(self, path: str) -> bytes:
        if path == "/rss.xml":
            items = "".join(f"<item><title>{STORIES.get(p.split('/')[-1].split('.')[0], ('Secret',))[0]}</title>"
                            f"<link>{p}</link><pubDate>Sat, 10 Feb 2024 09:{i:02d}:00 +0300</pubDate></item>"
                            for i, p in enumerate(self.rss_items))
            return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test News</title>'
                    f"<link>/</link>{items}</channel></rss>").encode()
        if path == "/atom.xml":
            return (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>'
                    b'<entry><title>Gunmen kill three</title><link href="/news/b.html"/>'
                    b"<updated>2024-02-09T12:00:00Z</updated></entry>"
                    b'<entry><title>Car bomb</title><link href="/news/a.html#top"/>'
                    b"<updated>2024-02-10T12:00:00Z</updated></entry></feed>")
        return (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                b"<url><loc>/news/c.html</loc><news:news><news:publication_date>8 February 2024</news:publication_date>"
                b"<news:title>Clashes near Baidoa</news:title></news:news></url>"
                b"<url><loc>/news/c-copy.html</loc><lastmod>2024-02-08</lastmod></url></urlset>")


@pytest.fixture
def site():
    """The site served on a free port of this machine; yields (site, base URL)."""
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, kind, body, headers = served.answer(self.path, dict(self.headers))
            self.send_response(status)
            for name, value in ({"Content-Type": kind, "Content-Length": str(len(body))} | headers).items():
                if value:
                    self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(ConnectionError):  # a client that gave up (a timeout, kill -9)
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = False  # server_close() waits for every answer, so none is written after the test
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    served.closing.set()
    server.shutdown()
    server.server_close()


def watch_once(url: str, listed: list[str]):
    with Store(url) as store:
        return run_pass(store, listed, FAST)


def sources(base: str) -> list[str]:
    return [f"{base}/rss.xml", f"{base}/atom.xml", f"{base}/sitemap.xml"]


def stored_ids(url: str) -> list[str]:
    with Store(url) as store, store.engine.connect() as connection:
        return sorted(connection.execute(select(articles.c.article_id)).scalars())


def statuses(url: str) -> dict[str, str]:
    with Store(url) as store, store.engine.connect() as connection:
        return {row.url.rsplit("/", 1)[-1]: row.status for row in connection.execute(select(watch_items))}


def test_urls_are_known_without_tracking_parameters_or_fragment():
    assert normalise_url("HTTP://News.Example.org:80/a?id=3&utm_source=rss&fbclid=x#comments") == \
        "http://news.example.org/a?id=3"


def test_a_list_file_names_sources_and_comments_are_skipped(tmp_path):
    listed = tmp_path / "sources.txt"
    listed.write_text(f"# our feeds\nhttps://example.org/rss.xml  # the wire\n\n{tmp_path}\n", encoding="utf-8")
    assert expand_sources([str(listed)]) == ["https://example.org/rss.xml", str(tmp_path)]


def test_passes_store_each_allowed_page_once_and_ask_conditionally(url, site):
    served, base = site
    first = watch_once(url, sources(base))
    page_ids = [f"{base}/news/{name}.html" for name in ("a", "b", "c", "flaky")]
    assert stored_ids(url) == sorted(page_ids)
    assert statuses(url) == {"a.html": "stored", "secret.html": "disallowed", "missing.html": "failed",
                             "flaky.html": "stored", "slow.html": "failed", "b.html": "stored", "c.html": "stored",
                             "c-copy.html": "duplicate"}
    assert served.count("/news/flaky.html") == 3 and served.count("/private/secret.html") == 0
    assert {headers["User-Agent"].split("/")[0] for _, headers in served.requests} == {"eventcoder"}
    assert (first.stored, first.duplicates, first.failures) == (4, 1, 2) and first.new_events >= 4
    with Store(url) as store:  # each with its item's date, read from RSS, Atom and a news sitemap
        stored = {name: store.article(f"{base}/news/{name}.html") for name in ("a", "b", "c")}
    assert [(a["published"], a["outlet"], a["title"]) for a in stored.values()] == [
        (date(2024, 2, 10), "Test News", STORIES["a"][0]), (date(2024, 2, 9), "Atom Wire", "Gunmen kill three"),
        (date(2024, 2, 8), "127.0.0.1", "Clashes near Baidoa")]

    second = watch_once(url, sources(base))
    assert (second.stored, second.items, second.failures) == (0, 2, 2)  # the two failures tried again
    assert served.not_modified == 3 and stored_ids(url) == sorted(page_ids)
    asked = next(headers for path, headers in reversed(served.requests) if path == "/rss.xml")
    assert asked["If-None-Match"] == '"v1"' and asked["If-Modified-Since"] == formatdate(1733000000, usegmt=True)

    served.rss_items.append("/news/later.html")
    served.feed_version = "v2"
    third = watch_once(url, sources(base))
    assert third.stored == 1 and stored_ids(url) == sorted([*page_ids, f"{base}/news/later.html"])


def test_a_page_that_keeps_failing_is_given_up_and_the_status_names_it(url, site, capsys):
    served, base = site
    served.rss_items = ["/news/missing.html"]
    for expected in (1, 1, 1, 1):
        assert main(["watch", f"{base}/rss.xml", "--db", url, "--once", "--delay", "0"]) == expected
    assert statuses(url) == {"missing.html": "given-up"}
    assert served.count("/news/missing.html") == 4
    assert main(["watch", f"{base}/rss.xml", "--db", url, "--once", "--delay", "0"]) == 0
    assert served.count("/news/missing.html") == 4
    capsys.readouterr()
    assert main(["watch", "--status", "--db", url]) == 0
    shown = capsys.readouterr().out
    assert f"{base}/rss.xml (feed: Test News)" in shown and "1 given-up" in shown
    assert "[E080] HTTP 404 Not Found (given up)" in shown


def test_a_redirect_is_followed_and_a_page_too_large_or_not_html_is_given_up_at_once(url, site):
    served, base = site
    served.rss_items = ["/go/b", "/news/big.html", "/files/report.pdf"]
    with Store(url) as store:
        summary = run_pass(store, [f"{base}/rss.xml"], Politeness(delay=0, max_bytes=50_000))
    assert (summary.stored, summary.failures) == (1, 2)
    assert stored_ids(url) == [f"{base}/go/b"]
    with Store(url) as store:
        assert store.article(f"{base}/go/b")["url"] == f"{base}/news/b.html"
    assert statuses(url) == {"b": "stored", "big.html": "given-up", "report.pdf": "given-up"}


def test_sigterm_gives_back_the_item_in_hand(url, site):
    served, base = site
    served.rss_items = ["/news/a.html"]
    served.stall_once = "/news/a.html"
    served.hang_seconds = 30
    watcher = subprocess.Popen([sys.executable, "-m", "eventcoder.cli", "watch", f"{base}/rss.xml", "--db", url,
                                "--once", "--delay", "0", "--timeout", "60"], stderr=subprocess.PIPE, text=True)
    assert served.stalled.wait(120)
    watcher.terminate()
    assert watcher.wait(60) == 130 and "watch stopped" in watcher.stderr.read()
    with Store(url) as store, store.engine.connect() as connection:
        assert connection.execute(select(watch_items.c.status, watch_items.c.claimed_at)).all() == [("claimed", None)]


def test_nothing_read_is_status_2(url, site, capsys):
    _, base = site
    assert main(["watch", f"{base}/nowhere.xml", "--db", url, "--once", "--delay", "0"]) == 2
    assert f"failed {base}/nowhere.xml: [E080] HTTP 404 Not Found" in capsys.readouterr().err
    assert main(["watch", "--db", url]) == 2


def test_a_folder_codes_each_file_once_and_an_edited_file_as_a_new_version(url, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = STORIES["a"][1]
    (inbox / "report.txt").write_text(text, encoding="utf-8")
    (inbox / ".partial.txt").write_text("being written", encoding="utf-8")
    assert watch_once(url, [str(inbox)]).stored == 1
    assert watch_once(url, [str(inbox)]).items == 0
    (inbox / "report.txt").write_text(text.replace("twelve others", "fifteen others"), encoding="utf-8")
    edited = watch_once(url, [str(inbox)])
    assert (edited.stored, edited.new_events) == (1, 0) and edited.merged >= 1
    with Store(url) as store:
        versions = store.articles()
    assert [(a["article_id"], a["duplicate_of"]) for a in versions] == [("report.txt", None),
                                                                        ("report.txt", "report.txt")]


def test_two_watchers_at_once_fetch_and_store_each_article_once(url, site):
    served, base = site
    watchers = [threading.Thread(target=watch_once, args=(url, sources(base))) for _ in range(2)]
    for watcher in watchers:
        watcher.start()
    for watcher in watchers:
        watcher.join()
    assert stored_ids(url) == sorted(f"{base}/news/{name}.html" for name in ("a", "b", "c", "flaky"))
    assert [served.count(f"/news/{name}.html") for name in ("a", "b", "c", "c-copy")] == [1, 1, 1, 1]


def test_kill_9_during_a_pass_loses_and_doubles_nothing(url, site):
    served, base = site
    served.rss_items = ["/news/a.html", "/news/b.html", "/news/c.html", "/news/later.html"]
    served.stall_once = "/news/c.html"
    served.hang_seconds = 30
    command = [sys.executable, "-m", "eventcoder.cli", "watch", f"{base}/rss.xml", "--db", url, "--once",
               "--delay", "0", "--timeout", "60"]
    watcher = subprocess.Popen(command, stderr=subprocess.PIPE)
    assert served.stalled.wait(120)
    os.kill(watcher.pid, signal.SIGKILL)
    watcher.wait()
    assert statuses(url)["c.html"] == "claimed"
    again = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    wanted = sorted(f"{base}/news/{name}.html" for name in ("a", "b", "c", "later"))
    assert stored_ids(url) == wanted
    assert set(statuses(url).values()) == {"stored"}


def test_an_older_store_gains_the_watch_tables(url):
    with Store(url) as store, store.engine.begin() as connection:
        for table in ("watch_log", "watch_items", "watch_sources"):
            connection.exec_driver_sql(f"DROP TABLE {table}")
        connection.execute(delete(schema_version).where(schema_version.c.version > 3))
    with Store(url) as store:
        assert store.version == LATEST_VERSION
        assert {"watch_sources", "watch_items", "watch_log"} <= set(inspect(store.engine).get_table_names())


def test_a_broken_link_or_a_source_that_is_no_feed_fails_alone(url, site, capsys):
    served, base = site
    served.rss_items = ["http://[::1/broken", "mailto:desk@example.org", "/news/a.html"]
    assert main(["watch", f"{base}/rss.xml", f"{base}/robots.txt", "--db", url, "--once", "--delay", "0"]) == 1
    assert stored_ids(url) == [f"{base}/news/a.html"]
    assert f"failed {base}/robots.txt: [E085] neither an RSS or Atom feed nor a sitemap" in capsys.readouterr().err
