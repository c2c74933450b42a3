"""What a source lists: the items of an RSS or Atom feed (feedparser), of a sitemap or news
sitemap (lxml), or the files of a folder; and the sources a command line names.

An item is known by its key: the SHA-256 of its normalised URL (courlan's normalisation, which
drops tracking parameters such as ``utm_source``, and no fragment), or for a file of its path and
content hash, so an edited file is a new item, a new version of its article.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from eventcoder.errors import Errors, FetchError, UsageError
from eventcoder.io.ingest import article_files
from eventcoder.store.database import content_hash

__all__ = ["FOLDER", "Item", "Listing", "expand_sources", "folder_listing", "is_web_url", "normalise_url",
           "read_listing"]

FOLDER = "folder"
#: How many sitemaps a sitemap index may point to that are read in one pass.
MAX_CHILD_SITEMAPS = 50
#: The longest article id; a longer URL is cut and ends with its hash.
MAX_ARTICLE_ID = 512


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a source lists: a page (its normalised URL) or a file (its path)."""

    url: str
    key: str
    title: str | None = None
    published: str | None = None  # as the source wrote it
    content_hash: str | None = None  # a file's

    @property
    def article_id(self) -> str:
        """A page's stored article id: its URL, stable across passes and watchers."""
        if len(self.url) <= MAX_ARTICLE_ID:
            return self.url
        return f"{self.url[:MAX_ARTICLE_ID - 65]}#{content_hash(self.url)}"


@dataclass(slots=True)
class Listing:
    """What reading a source gave: its kind, its own title, its items, and for a sitemap index
    the sitemaps it points to."""

    kind: str
    title: str | None = None
    items: list[Item] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def is_web_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def normalise_url(url: str) -> str:
    """The URL an item is known by: scheme and host in lower case, default port, tracking
    parameters and fragment dropped."""
    from courlan import normalize_url

    return urldefrag(normalize_url(url.strip()))[0]


def web_item(url: str, title: str | None = None, published: str | None = None) -> Item:
    normalised = normalise_url(url)
    return Item(normalised, content_hash(normalised), title or None, published or None)


def expand_sources(arguments: list[str]) -> list[str]:
    """The sources the command line names: URLs as given, folders as absolute paths, and the
    lines of a list file (blank lines and ``#`` comments skipped) in their place."""
    sources: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if is_web_url(argument):
            sources.append(argument)
        elif path.is_dir():
            sources.append(str(path.resolve()))
        elif path.is_file():
            lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
            listed = [line for line in lines if line]
            for line in listed:
                if not (is_web_url(line) or Path(line).is_dir()):
                    raise UsageError(Errors.E087.format(source=f"{argument}: {line}"))
            sources.extend(expand_sources(listed))
        else:
            raise UsageError(Errors.E087.format(source=argument))
    return list(dict.fromkeys(sources))


def read_listing(content: bytes, url: str) -> Listing:
    """A fetched source's items: a sitemap (``urlset``) or sitemap index, else a feed."""
    root = _xml_root(content)
    if root is not None and _local_name(root.tag) in ("urlset", "sitemapindex"):
        return _sitemap_listing(root, url)
    import feedparser

    parsed = feedparser.parse(content)
    if not parsed.version:
        reason = str(parsed.get("bozo_exception") or "no feed elements")
        raise FetchError(Errors.E085.format(reason=reason.splitlines()[0][:200]))
    links = [(entry.link, entry.get("title"), entry.get("published") or entry.get("updated"))
             for entry in parsed.entries if entry.get("link")]
    return Listing("feed", parsed.feed.get("title") or None, _pages(url, links))


def _pages(base: str, links: list[tuple[str, str | None, str | None]]) -> list[Item]:
    """The items of (link, title, publication date) that are web pages, a relative link read
    from ``base``: a ``mailto:`` link, or one that is no URL, is no article to fetch."""
    pages = []
    for link, title, published in links:
        try:
            item = web_item(urljoin(base, link.strip()), title, published)
        except ValueError:  # "http://[::1": not a URL
            continue
        if is_web_url(item.url):
            pages.append(item)
    return pages


def _xml_root(content: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        return etree.fromstring(content, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local_name(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _sitemap_listing(root, url: str) -> Listing:
    """A sitemap's pages with their news title and publication date, or (lastmod) the date the
    page last changed; a sitemap index's sitemaps."""
    if _local_name(root.tag) == "sitemapindex":
        found = root.xpath("*[local-name()='sitemap']/*[local-name()='loc']/text()")
        return Listing("sitemap", sitemaps=[urljoin(url, loc.strip()) for loc in found[:MAX_CHILD_SITEMAPS]])
    links = []
    for entry in root.xpath("*[local-name()='url']"):
        loc = _first(entry, "*[local-name()='loc']")
        if loc:
            published = (_first(entry, "*[local-name()='news']/*[local-name()='publication_date']")
                         or _first(entry, "*[local-name()='lastmod']"))
            links.append((loc, _first(entry, "*[local-name()='news']/*[local-name()='title']"), published))
    return Listing("sitemap", items=_pages(url, links))


def _first(element, path: str) -> str | None:
    found = element.xpath(f"{path}/text()")
    return found[0].strip() if found else None


def folder_listing(folder: str) -> Listing:
    """The files of a folder that ingest reads, each known by its path and content hash."""
    items = []
    for path in article_files(Path(folder)):
        try:
            digest = _file_hash(path)
        except OSError:
            continue  # gone or unreadable since it was listed: its next listing decides
        items.append(Item(str(path), content_hash(f"{path}\0{digest}"), content_hash=digest))
    return Listing(FOLDER, items=items)


def _file_hash(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
