"""The event record (event_record.py): one field list that the docs and the store follow."""
import re
from pathlib import Path

from eventcoder.event_record import RECORD_FIELDS, StoredEvent, field_types
from eventcoder.store.schema import events

RECORD_DOC = Path(__file__).resolve().parents[1] / "docs" / "record.md"
#: Fields that issues added to the record after DESIGN.md's table, each documented in docs/record.md.
FIELDS_SINCE_DESIGN = ("geo_source",)  # issue 10: where each event's place came from


def table_fields(markdown: str) -> tuple[str, ...]:
    """The field names of a Markdown table's first column, in order."""
    return tuple(name for row in markdown.splitlines() if row.startswith("| `")
                 for name in re.findall(r"`(\w+)`", row.split("|")[1]))


def test_the_record_doc_lists_the_record_fields_in_order():
    document = RECORD_DOC.read_text(encoding="utf-8")
    assert table_fields(document.split("## Formats", 1)[0]) == RECORD_FIELDS


def test_the_design_table_lists_the_record_fields_in_order(shared_data):
    design = (shared_data.parent / "DESIGN.md").read_text(encoding="utf-8")
    assert table_fields(design.split("### extract", 1)[1].split("### geoparse", 1)[0]) == tuple(
        name for name in RECORD_FIELDS if name not in FIELDS_SINCE_DESIGN)


def test_field_types_leave_out_none():
    types = field_types(StoredEvent)
    assert (types["killed_min"], types["sources"], types["fatalities"]) == (int, list[str], int)
    assert list(types)[len(RECORD_FIELDS):] == ["outlets", "article_ids", "source_count", "created_at", "updated_at"]


def test_the_store_keeps_every_record_field_but_those_of_each_report():
    stored = {column.name for column in events.columns} & set(RECORD_FIELDS)
    assert set(RECORD_FIELDS) - stored == {"article_id", "victims", "evidence"}
    assert (str(events.c.fatalities.type), str(events.c.latitude.type), str(events.c.sources.type)) == \
        ("INTEGER", "FLOAT", "TEXT")
