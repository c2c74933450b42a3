"""Every development set is split in two by a stable hash of the id the set gives each record:
a tuning part, whose errors are studied and fixed, and a check part, whose errors are never
read, only counted. The quality pins hold the check part, so a rule fitted to the texts it was
written against shows up as a gap between the two parts rather than as progress.

The split depends on nothing but the id (ACLED's ``event_id_cnty``, PLOVER's ``id``, MUC-4's
message id, LGL's ``docid``, GeoWebNews' ``file``), so it is the same on every machine and
does not move when records are added or reordered.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TypeVar

from eventcoder.errors import Errors, UsageError

__all__ = ["CHECK_PERCENT", "PARTS", "part_of", "select"]

PARTS = ("tuning", "check")
#: About 30% of each set is held back as its check part.
CHECK_PERCENT = 30

Item = TypeVar("Item")


def part_of(record_id: str) -> str:
    """``"check"`` or ``"tuning"`` for a record's id."""
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return "check" if int.from_bytes(digest[:8], "big") % 100 < CHECK_PERCENT else "tuning"


def select(items: Iterable[Item], part: str | None,
           record_id: Callable[[Item], str] = attrgetter("id")) -> list[Item]:
    """The items of one part (all of them when ``part`` is None), by each item's ``id``."""
    if part is not None and part not in PARTS:
        raise UsageError(Errors.E056.format(part=part, choices=", ".join(PARTS)))
    return [item for item in items if part is None or part_of(record_id(item)) == part]
