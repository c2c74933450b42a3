"""Gold in eventcoder's own record form, for any corpus a team has coded itself.

One JSON object a line: the article (``id``, ``text``, optional ``published``) and the events
it must yield, main event first, as DESIGN.md's records (any subset of their fields)::

    {"id": "a1", "text": "...", "published": "2024-05-10",
     "events": [{"event_type": "...", "sub_event_type": "...", "event_date": "2024-05-09",
                 "actor1": "...", "actor2": "...", "latitude": 2.04, "longitude": 45.34,
                 "fatalities": 3}]}

The main event is scored exactly as an ACLED row (evaluate/acled.py).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventcoder.errors import Errors, GoldFileError
from eventcoder.evaluate.acled import GoldEvent, score
from eventcoder.evaluate.parts import select
from eventcoder.evaluate.report import Report


def read_jsonl(path: Path) -> list[GoldEvent]:
    """The gold articles with their main event; a line that is not valid gold names itself."""
    golds = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                main = (item.get("events") or [{}])[0]
                golds.append(GoldEvent(
                    str(item.get("id") or f"{path.name}:{number}"), item["text"],
                    _day(item.get("published")), _day(main.get("event_date")),
                    main.get("event_type") or "", main.get("sub_event_type") or "",
                    main.get("actor1") or "", main.get("actor2") or "", main.get("location") or "",
                    main.get("latitude"), main.get("longitude"), main.get("fatalities")))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise GoldFileError(Errors.E055.format(path=path, line=number, error=error)) from error
    return golds


def evaluate(path: Path, part: str | None = None) -> Report:
    return score(select(read_jsonl(path), part), "jsonl")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
