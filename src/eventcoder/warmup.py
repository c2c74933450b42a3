"""Loads every stage's data once in the forkserver, before it forks the workers.

:mod:`eventcoder.parallel` names this module in ``set_forkserver_preload``: importing it runs
the pipeline over one short sentence, which loads the gazetteer index, the lexicons, wordfreq
and the compiled patterns into their process-wide caches (pure: the same input gives the same
output whatever was seen before). Each worker forked from the server then has them at once,
shared copy-on-write, instead of spending about two seconds loading them on its first article.
The server is single-threaded while it imports this, so forking after it is safe.

Importing this module anywhere else does the same loading; nothing else should import it.
"""
from __future__ import annotations

import sys
from datetime import date

from eventcoder.article import Article
from eventcoder.gazetteer import load_gazetteer
from eventcoder.gazetteer.build import index_path
from eventcoder.pipeline import extract_records

__all__ = ["forget_stale_gazetteer"]

#: Touches every stage: places (a city, a division, a country, a demonym, a rare name),
#: actors, a trigger, a number, a date and an attribution.
WARM_UP_TEXT = ("Gunmen from al-Shabaab killed at least 12 Somali soldiers near Afgooye, Lower Shabelle, "
                "on Friday, local officials said, and Syrian forces shelled Kafr Nabudah in Hama.")


def _warm_up() -> str | None:
    """Runs the pipeline once; the index path it loaded, or None when it failed (the workers
    then load lazily, as they would without the server, and meet the error themselves)."""
    try:
        extract_records(Article("warm-up", WARM_UP_TEXT, published=date(2024, 1, 1)))
        return str(index_path())
    except Exception as error:  # noqa: BLE001 - a failed warm-up must not take the server down
        print(f"eventcoder: workers start cold: {type(error).__name__}: {error}", file=sys.stderr)
        return None


WARMED_INDEX = _warm_up()


def forget_stale_gazetteer() -> None:
    """In a worker: drops the inherited gazetteer when places were imported (GeoNames dumps,
    coded sources) or removed since the server loaded it, so the worker loads the current index
    as a cold one would."""
    if WARMED_INDEX is not None and str(index_path()) != WARMED_INDEX:
        load_gazetteer.cache_clear()
