"""A polite fetcher: what a site's operator expects of a robot that reads it every few minutes.

- robots.txt is read once a pass per host (``urllib.robotparser``) and obeyed, for our named
  User-Agent; a robots.txt that answers 401 or 403 forbids the site, other 4xx allow it, and one
  that cannot be read (5xx, no answer) holds the host's pages back until a later pass.
- One request at a time (a pass fetches in turn) and at least ``delay`` seconds, or the site's
  Crawl-delay, between two requests to one host.
- Conditional requests (ETag, Last-Modified) for feeds: an unchanged feed answers 304 and costs
  the site nothing.
- A timeout on every read and on the whole answer, redirects followed up to ``max_redirects``,
  a size cap checked from the headers and again as the body arrives, and up to ``tries`` tries
  with doubling back-off (or the site's Retry-After) on 429 and 5xx.

Every failure is a :class:`~eventcoder.errors.FetchError` whose message says what went wrong; the
URL is for the caller to name.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from eventcoder.errors import Errors, FetchError
from eventcoder.watch.settings import MAX_CRAWL_DELAY, MAX_RETRY_AFTER, Politeness

__all__ = ["HTML_TYPES", "Fetcher", "Page"]

#: Content types read as web pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Page:
    """An answer: 200 with its content, or 304 (not modified) without."""

    url: str  # where it was found, after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    retry_after: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Fetches for one pass: its robots.txt answers and hosts' turns last as long as it does."""

    def __init__(self, politeness: Politeness = Politeness()) -> None:
        self.politeness = politeness
        self.client = httpx.Client(headers={"User-Agent": politeness.user_agent}, follow_redirects=True,
                                   max_redirects=politeness.max_redirects, timeout=politeness.timeout)
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._next_turn: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            html: bool = False) -> Page:
        """The page at ``url`` (``html``: it must be a web page), asked conditionally when
        ``etag`` or ``last_modified`` is given; FetchError when it cannot be had."""
        robots = self._robots_for(url)
        if not robots.can_fetch(self.politeness.user_agent, url):
            raise FetchError(Errors.E089, retry=False)
        headers = {name: value for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified))
                   if value}
        host = urlsplit(url).netloc
        delay = max(self.politeness.delay, min(robots.crawl_delay(self.politeness.user_agent) or 0, MAX_CRAWL_DELAY))
        for attempt in range(1, self.politeness.tries + 1):
            page = self._request(url, headers, host, delay)
            if page.status != 429 and page.status < 500:
                break
            wait = self._backoff(attempt, page)
            if attempt == self.politeness.tries or wait is None:
                break
            time.sleep(wait)
        if page.status >= 400:
            raise FetchError(Errors.E080.format(status=page.status, reason=httpx.codes.get_reason_phrase(page.status)))
        if html and not page.not_modified and not page.content_type.startswith(HTML_TYPES):
            raise FetchError(Errors.E082.format(content_type=page.content_type or "no content type"), retry=False)
        return page

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``; FetchError when it cannot be read."""
        return self._robots_for(url).can_fetch(self.politeness.user_agent, url)

    def _backoff(self, attempt: int, page: Page) -> float | None:
        """Seconds to wait before the next try: the site's Retry-After (in seconds) if it gives
        one we will wait for, else doubling from ``backoff``; None when the site asks too long."""
        asked = (page.retry_after or "").strip()
        if not asked.isdigit():
            return self.politeness.backoff * 2 ** (attempt - 1)
        return float(asked) if float(asked) <= MAX_RETRY_AFTER else None

    def _robots_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            self._robots[key] = self._read_robots(key, parts.netloc)
        robots = self._robots[key]
        if isinstance(robots, FetchError):
            raise robots
        return robots

    def _read_robots(self, site: str, host: str) -> RobotFileParser | FetchError:
        robots = RobotFileParser(f"{site}/robots.txt")
        try:
            page = self._request(robots.url, {}, host, self.politeness.delay)
        except FetchError as error:
            return FetchError(Errors.E086.format(host=host, reason=error))
        if page.status in (401, 403):
            robots.disallow_all = True
        elif page.status >= 500:
            return FetchError(Errors.E086.format(host=host, reason=f"HTTP {page.status}"))
        elif page.status < 400:
            robots.parse(page.content.decode("utf-8", "replace").splitlines())
        else:
            robots.allow_all = True
        return robots

    def _request(self, url: str, headers: dict[str, str], host: str, delay: float) -> Page:
        """One GET in the host's turn, its body read up to the size cap within the time allowed."""
        wait = self._next_turn.get(host, 0.0) - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        limit = self.politeness.max_bytes
        deadline = time.monotonic() + 4 * self.politeness.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(Errors.E083.format(limit=limit), retry=False)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(Errors.E083.format(limit=limit), retry=False)
                    if time.monotonic() > deadline:
                        raise FetchError(Errors.E081.format(seconds=4 * self.politeness.timeout))
        except httpx.TimeoutException:
            raise FetchError(Errors.E081.format(seconds=self.politeness.timeout)) from None
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            raise FetchError(Errors.E084.format(kind=type(error).__name__, reason=error)) from None
        finally:
            self._next_turn[host] = time.monotonic() + delay
        return Page(str(response.url), response.status_code, bytes(body),
                    response.headers.get("Content-Type", "").split(";")[0].strip().lower(),
                    response.headers.get("ETag"), response.headers.get("Last-Modified"),
                    response.headers.get("Retry-After"))
