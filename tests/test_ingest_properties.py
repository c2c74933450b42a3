"""Every reader turns any input into Articles and Rejects, one per record, never an exception."""
import csv
import io
import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.article import Article
from eventcoder.io.ingest import Reject, count_inputs, read_inputs

FIELDS = ["id", "text", "html", "published", "url", "source", "title", "home"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# any character, and often an awkward one: a lone surrogate, NUL, a quote, a line break
awkward = st.sampled_from('\ud800\udc80\udfff\0"\n\r{')
# built from lists, as st.text never gives surrogates
strings = st.lists(st.characters(exclude_categories=()) | awkward, max_size=30).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | strings,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(strings, children, max_size=3),
    max_leaves=8,
)
records = st.fixed_dictionaries({}, optional={field: strings | json_values for field in FIELDS})
jsonl = st.lists(records, max_size=3).map(lambda lines: "\n".join(map(json.dumps, lines)).encode())
pages = strings.map(lambda text: f"<html><body><p>{text}</p></body></html>".encode("utf-8", "surrogatepass"))
# what a CSV writer can write and UTF-8 encode: anything but surrogates
cells = st.text(st.characters(exclude_categories=("Cs",)) | st.sampled_from('\0",\n\r'), max_size=30)


def read_all(path, **options) -> list:
    return list(read_inputs([str(path)], **options))


def assert_well_formed(items: list) -> None:
    """Only Articles and Rejects, every string of them writable as UTF-8, every message one line."""
    for item in items:
        assert isinstance(item, Article | Reject), item
        if isinstance(item, Reject):
            texts, messages = [item.id, item.source, item.reason], [item.reason]
        else:
            texts = [item.id, item.text, item.url, item.source, item.title, item.home, *item.warnings]
            messages = list(item.warnings)
        for text in filter(None, texts):
            text.encode("utf-8")
        assert not any("\n" in message for message in messages)


def non_blank_lines(data: bytes) -> int:
    return sum(1 for line in data.split(b"\n") if line.strip())


def well_formed_items(path, data: bytes) -> list:
    """What the readers give for a file holding ``data``, checked to be articles and named rejects."""
    path.write_bytes(data)
    items = read_all(path)
    assert_well_formed(items)
    return items


def set_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@FAST
@given(data=st.binary(max_size=300))
def test_any_bytes_as_jsonl(tmp_path, data):
    path = tmp_path / "any.jsonl"
    items = well_formed_items(path, data)
    assert len(items) == count_inputs([str(path)])
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\0\0\xfe\xff")):  # UTF-16 and UTF-32 split lines otherwise
        assert len(items) == non_blank_lines(data)


@FAST
@given(lines=st.lists(records, max_size=5), ensure_ascii=st.booleans())
def test_any_json_values_in_jsonl_fields(tmp_path, lines, ensure_ascii):
    path = tmp_path / "records.jsonl"
    text = "\n".join(json.dumps(record, ensure_ascii=ensure_ascii) for record in lines)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # a raw lone surrogate is invalid UTF-8
    items = read_all(path, published=None)
    assert_well_formed(items)
    assert len(items) == len(lines) == count_inputs([str(path)])


@FAST
@given(data=st.binary(max_size=300))
def test_any_bytes_as_csv(tmp_path, data):
    path = tmp_path / "any.csv"
    assert len(well_formed_items(path, data)) == count_inputs([str(path)])


@FAST
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=3), max_size=6))
def test_well_formed_csv_gives_one_item_per_row(tmp_path, rows):
    stream = io.StringIO(newline="")
    csv.writer(stream).writerows([["id", "text", "published"], *rows])
    path = tmp_path / "rows.csv"
    path.write_text(stream.getvalue(), encoding="utf-8", newline="")
    items = read_all(path)
    assert_well_formed(items)
    given_rows = [row for row in rows if any(row)]  # blank rows are skipped
    assert len(items) == len(given_rows) == count_inputs([str(path)])
    for item, (record_id, text, _published) in zip(items, given_rows):
        if isinstance(item, Article):  # an empty id gives way to <file>:<line>
            assert (item.id, item.text) == (record_id or item.id, text)


@FAST
@given(data=st.binary(max_size=300))
def test_any_bytes_as_text(tmp_path, data):
    assert len(well_formed_items(tmp_path / "any.txt", data)) == 1  # one article, or its reject


@SLOW
@given(data=st.binary(max_size=300) | pages)
def test_any_bytes_as_html(tmp_path, data):
    assert len(well_formed_items(tmp_path / "any.html", data)) == 1


@FAST
@given(data=st.binary(max_size=300) | jsonl)
def test_any_bytes_on_stdin(tmp_path, monkeypatch, data):
    set_stdin(monkeypatch, data)
    items = list(read_inputs(["-"]))
    assert_well_formed(items)
    (tmp_path / "same.jsonl").write_bytes(data)
    assert len(items) in {1, count_inputs([str(tmp_path / "same.jsonl")])}  # one text, or JSONL as from a file
