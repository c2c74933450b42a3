"""How watch treats the sites it reads: plain values, importable without the ``watch`` extra."""
from __future__ import annotations

from dataclasses import dataclass

from eventcoder import __version__

__all__ = ["MAX_CRAWL_DELAY", "MAX_RETRY_AFTER", "USER_AGENT", "Politeness"]

USER_AGENT = f"eventcoder/{__version__} (news monitor for event data; robots.txt obeyed)"
#: The longest wait a Retry-After header is obeyed for within a pass; a longer one fails the try.
MAX_RETRY_AFTER = 30.0
#: The longest Crawl-delay obeyed; a site asking more is read at this pace.
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True)
class Politeness:
    """How the fetcher treats the sites it reads; the command line's options fill it, and its
    class attributes are the defaults."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds: for each read, and the whole answer may take four times it
    delay: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000
    tries: int = 3
    backoff: float = 1.0  # seconds before the second try, doubled for each later one
    max_redirects: int = 5
