"""Events as a plain-text table for the terminal."""
from __future__ import annotations

COLUMNS = (("event_id", "id"), ("event_date", "date"), ("sub_event_type", "type"), ("actor1", "actor1"),
           ("actor2", "actor2"), ("location", "location"), ("country_code", "cc"), ("fatalities", "deaths"),
           ("source_count", "sources"))
MAX_WIDTH = 32


def format_events(rows: list[dict]) -> str:
    """A fixed-width table, one event a row, long cells cut with an ellipsis."""
    cells = [[_cell(row.get(key)) for key, _ in COLUMNS] for row in rows]
    header = [title for _, title in COLUMNS]
    widths = [max(len(c) for c in column) for column in zip(header, *cells)]
    lines = ["  ".join(value.ljust(width) for value, width in zip(line, widths)).rstrip()
             for line in [header, *cells]]
    lines.append(f"({len(rows)} event{'s' * (len(rows) != 1)})")
    return "\n".join(lines)


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_WIDTH else text[:MAX_WIDTH - 1] + "…"
