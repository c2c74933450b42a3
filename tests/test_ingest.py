import codecs
import io
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from eventcoder.article import Article
from eventcoder.io import ingest
from eventcoder.io.ingest import Reject, count_inputs, read_inputs, read_records

STORY = "Gunmen killed five villagers near Kidal on Monday, local officials said."
PAGE = """<html><head><title>Strike | Example News</title>
<meta property="og:title" content="Air strike kills 12 near Idlib">
<meta property="og:site_name" content="Example News">{date}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Air strike kills 12 near Idlib</h1>
<p>An air strike hit a market in Maarat al-Numan on Saturday, killing at least 12 civilians, rescuers said.</p>
<p>Rescuers said women and children were among the dead and that they were still searching the rubble.</p>
<p>The government denied targeting civilians and said it struck positions held by armed groups.</p>
</article><footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"""
PAGE_DATE = '<meta property="article:published_time" content="2019-05-04T08:00:00Z">'
GIVEN = date(2020, 1, 1)


def read(*paths, **options) -> list:
    return list(read_inputs([str(path) for path in paths], **options))


def only_reject(items: list) -> Reject:
    assert len(items) == 1 and isinstance(items[0], Reject), items
    return items[0]


def set_stdin(monkeypatch, data: bytes) -> io.BytesIO:
    raw = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    return raw


def test_text_file_is_one_article_named_by_its_file(tmp_path):
    (tmp_path / "kidal.txt").write_text(STORY, encoding="utf-8")
    [article] = read(tmp_path / "kidal.txt", published=GIVEN)
    assert (article.id, article.text, article.published) == ("kidal.txt", STORY, GIVEN)


def test_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    assert read(tmp_path / "bom.txt")[0].text == STORY


@pytest.mark.parametrize(("head", "expected"), [(PAGE_DATE, date(2019, 5, 4)), ("", GIVEN)])
def test_html_file_loses_boilerplate_and_keeps_page_metadata(tmp_path, head, expected):
    (tmp_path / "idlib.html").write_text(PAGE.format(date=head), encoding="utf-8")
    [article] = read(tmp_path / "idlib.html", published=GIVEN)
    assert "killing at least 12 civilians" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert (article.title, article.source, article.published) == ("Air strike kills 12 near Idlib", "Example News", expected)


def test_html_in_a_declared_legacy_encoding_is_decoded(tmp_path):
    page = PAGE.format(date='<meta charset="windows-1252">').replace("Numan", "Nu\u2019man")
    (tmp_path / "legacy.htm").write_bytes(page.encode("windows-1252"))
    assert "Nu\u2019man" in read(tmp_path / "legacy.htm")[0].text


def test_jsonl_records_and_published_precedence(tmp_path):
    lines = [
        '{"id": "a", "text": "Shelling hit Donetsk.", "published": "2022-03-01", "url": "https://e.org/a"}',
        '{"id": "b", "text": "A drone struck Marib.", "published": "2021-02-03T23:30:00-05:00"}',
        '{"id": "c", "text": "Clashes in Goma.", "published": null}',
        "",
        '{"text": "No id given.", "title": "Untitled", "source": "Radio Okapi", "home": "Goma"}',
    ]
    (tmp_path / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles = read(tmp_path / "news.jsonl", published=GIVEN)
    assert [(a.id, a.published) for a in articles] == [
        ("a", date(2022, 3, 1)),
        ("b", date(2021, 2, 3)),
        ("c", GIVEN),
        ("news.jsonl:5", GIVEN),
    ]
    assert (articles[0].url, articles[3].title, articles[3].source) == ("https://e.org/a", "Untitled", "Radio Okapi")
    assert (articles[0].home, articles[3].home) == (None, "Goma")


def test_jsonl_html_field_is_extracted_and_text_wins(tmp_path):
    records = [{"id": "h", "html": PAGE.format(date="")}, {"id": "t", "text": STORY, "html": "<p>ignored</p>"}]
    (tmp_path / "pages.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    html, text = read(tmp_path / "pages.jsonl")
    assert "killing at least 12 civilians" in html.text and html.title == "Air strike kills 12 near Idlib"
    assert text.text == STORY


def test_csv_rows_with_quoted_newlines(tmp_path):
    (tmp_path / "news.csv").write_text(
        'ID,text,published,url\nr1,"Clashes in Tripoli,\nLibya.",2020-01-02,https://e.org\n,Raid in Mogadishu.,,\n',
        encoding="utf-8",
    )
    first, second = read(tmp_path / "news.csv", published=GIVEN)
    assert (first.id, first.text, first.published, first.url) == ("r1", "Clashes in Tripoli,\nLibya.", date(2020, 1, 2), "https://e.org")
    assert (second.id, second.published, second.url) == ("news.csv:4", GIVEN, None)


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a/c.txt", "a/d", ".hidden.txt", ".git/e.txt", "photo.png"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    assert [item.id for item in read(tmp_path)] == ["c.txt", "d", "b.txt"]


def test_empty_directory_is_rejected(tmp_path):
    assert only_reject(read(tmp_path)).reason.startswith("[E015]")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "[E003]"),
        ("blank.txt", b" \n\t\n", "[E003]"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "[E004]"),
        ("controls.txt", bytes(range(1, 7)) * 50, "[E004]"),
        ("latin1.txt", "Tr\u00e8s grave".encode("latin-1"), "[E005]"),
        ("no-bom.txt", "Raid in Gao.".encode("utf-16-le"), "[E004]"),
        ("page.html", b"<html><body><script>var a = 1;</script></body></html>", "[E012]"),
    ],
)
def test_bad_file_is_rejected_with_its_reason(tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    reject = only_reject(read(tmp_path / name))
    assert (reject.id, reject.reason[:6]) == (name, code)


def test_missing_file_is_rejected_and_the_rest_go_on(tmp_path):
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    missing, article = read(tmp_path / "gone.txt", tmp_path / "ok.txt")
    assert missing.reason.startswith("[E001]") and article.id == "ok.txt"


def test_invalid_utf8_names_its_byte_offset_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 4)
    (tmp_path / "bad.txt").write_bytes("abcd\u20acef".encode() + b"\xffg")
    assert "byte offset 9 " in only_reject(read(tmp_path / "bad.txt")).reason


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"id": "x", "text": "cut', "[E007] malformed JSON on line 2"),
        ("[1, 2]", "[E008] JSON array"),
        ('"just a string"', "[E008] JSON string"),
        ('{"id": "x", "body": "no text"}', "[E009]"),
        ('{"id": "x", "text": ""}', "[E003]"),
        ("[" * 100_000, "[E007] malformed JSON on line 2: arrays or objects nested too deeply"),
        ('{"id": "x", "text": "Raid.", "n": %s}' % ("1" * 5000), "[E007] malformed JSON on line 2: a number of"),
        ('{"id": "x", "text": "Raid.", "url": 3}', "[E010] field 'url'"),
        ('{"id": {"a": 1}, "text": "Raid."}', "[E010] field 'id' must be a string, got dict"),
        ('{"id": ["a"], "text": "Raid."}', "[E010] field 'id' must be a string, got list"),
        ('{"id": "x", "text": "Caf\xe9"}', "[E005] invalid UTF-8 at byte offset"),
    ],
)
def test_bad_jsonl_line_is_rejected_among_good_ones(tmp_path, line, code):
    good = '{"id": "ok%d", "text": "Shelling hit Kharkiv."}'
    content = b"\n".join([(good % 1).encode(), line.encode("latin-1"), (good % 3).encode()])
    (tmp_path / "mixed.jsonl").write_bytes(content)
    first, reject, last = read(tmp_path / "mixed.jsonl")
    assert (first.id, last.id) == ("ok1", "ok3")
    assert (reject.line, reject.reason[: len(code)]) == (2, code)
    assert reject.id in {"x", "mixed.jsonl:2"}


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"id,body\na,Raid.\n", "[E014]"),
        (b"", "[E003]"),
        (b"id,text\n\x00\x01\x02\x00", "[E004]"),
    ],
)
def test_unreadable_csv_file_is_one_reject(tmp_path, content, code):
    (tmp_path / "bad.csv").write_bytes(content)
    assert only_reject(read(tmp_path / "bad.csv")).reason.startswith(code)


def test_bad_csv_rows_reject_only_themselves(tmp_path):
    rows = b"id,text,published\nr1,Raid.,\nr2,Caf\xe9,\nr3,Raid.,July\nr4," + b"x" * 50 + b",\nr5,Raid.,\n"
    (tmp_path / "rows.csv").write_bytes(rows)
    items = read(tmp_path / "rows.csv", max_chars=20)
    assert [(item.id, getattr(item, "reason", "")[:6]) for item in items] == [
        ("r1", ""),
        ("r2", "[E005]"),
        ("r3", ""),
        ("r4", "[E006]"),
        ("r5", ""),
    ]


def test_huge_file_is_rejected_from_its_size_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 10_000_000)  # 50 MB
    started = time.perf_counter()
    reject = only_reject(read(path))
    assert time.perf_counter() - started < 0.5
    assert reject.reason.startswith("[E006] too large: 50,000,000 bytes")


def test_huge_stdin_is_rejected_after_reading_just_past_the_limit(monkeypatch):
    raw = set_stdin(monkeypatch, b"word " * 10_000_000)
    assert only_reject(read("-")).reason.startswith("[E006]")
    assert raw.tell() < 8_000_000


@pytest.mark.parametrize(("text", "accepted"), [("\u0645" * 1000, True), ("a" * 1001, False)])
def test_limit_counts_characters_not_bytes(tmp_path, text, accepted):
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    assert isinstance(read(tmp_path / "t.txt", max_chars=1000)[0], Article) is accepted


def test_overlong_jsonl_line_is_skipped_unparsed(tmp_path):
    long_line = '{"id": "long", "text": "%s"}' % ("x" * 100_000)
    (tmp_path / "long.jsonl").write_text(long_line + '\n{"id": "next", "text": "Raid."}\n', encoding="utf-8")
    reject, article = read(tmp_path / "long.jsonl", max_chars=1000)
    assert (reject.line, reject.reason[:6], article.id) == (1, "[E006]", "next")


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (b'\n  {"id": "s1", "text": "Raid."}\n{"text": "Ambush."}\n', ["s1", "stdin:3"]),
        (b'\xef\xbb\xbf{"id": "s1", "text": "Raid."}', ["s1"]),
        (b"Plain text about a raid in Gao.", ["stdin"]),
    ],
)
def test_stdin_is_jsonl_or_plain_text(monkeypatch, data, ids):
    set_stdin(monkeypatch, data)
    assert [item.id for item in read("-", published=GIVEN)] == ids


def test_count_inputs_matches_what_is_read(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "A."}\n\n{"id": "2", "text": "B."}\n', encoding="utf-8")
    (tmp_path / "b.csv").write_text('id,text\n1,"A\nB."\n2,C.\n', encoding="utf-8")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "c.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "dir" / "d.png").write_bytes(b"\x89PNG")
    paths = [str(tmp_path / name) for name in ["a.jsonl", "b.csv", "dir", "missing.txt"]]
    assert count_inputs(paths) == len(list(read_inputs(paths))) == 6
    assert count_inputs(["-"]) is None


def test_csv_text_longer_than_the_csv_module_default_is_read(tmp_path):
    text = "Raid. " * 40_000  # 240,000 characters, over csv's 131,072 default
    (tmp_path / "long.csv").write_text(f"id,text\nlong,{text}\n", encoding="utf-8")
    assert read(tmp_path / "long.csv")[0].text == text


@pytest.mark.parametrize("field", ["text", "html", "id", "url", "source", "title", "home"])
def test_lone_surrogate_in_any_string_field_is_rejected(tmp_path, field):
    record = {"id": "x", "text": "Raid.", field: "<p>Raid \ud800</p>"}
    (tmp_path / "s.jsonl").write_text(json.dumps(record) + '\n{"id": "next", "text": "Raid."}\n', encoding="utf-8")
    reject, article = read(tmp_path / "s.jsonl")
    assert reject.reason.startswith(f"[E021] field '{field}' holds a lone surrogate U+D800")
    assert (reject.id, article.id) == ("s.jsonl:1" if field == "id" else "x", "next")


def test_numeric_jsonl_id_is_kept_as_written(tmp_path):
    (tmp_path / "n.jsonl").write_text('{"id": 7, "text": "Raid."}', encoding="utf-8")
    assert read(tmp_path / "n.jsonl")[0].id == "7"


def test_file_name_that_is_not_utf8_gives_a_readable_id(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as file:
        file.write(STORY.encode())
    [article] = read(tmp_path)
    assert article.id == "caf\ufffd.txt"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the quote is closed on line 4 by a quote that opens a field: a strict parse fails there
        ('r1,"Clashes in Tripoli\nr2,Raid in Gao.\nr3,"Ambush, near Kidal."\n', [2, "r2", "r3"]),
        # never closed before the end of the file
        ('r1,Raid.\nr2,"Clashes in Tripoli\nr3,Raid in Gao.\n', ["r1", 3, "r3"]),
        # closed by a stray quote on line 3, leaving a row wider than the header
        ('r1,"He said,\nr2,Raid at 5",x\n', [2, "r2"]),
    ],
)
def test_unclosed_csv_quote_rejects_only_its_line(tmp_path, rows, expected):
    (tmp_path / "q.csv").write_text("id,text\n" + rows, encoding="utf-8")
    items = read(tmp_path / "q.csv")
    assert [item.line if isinstance(item, Reject) else item.id for item in items] == expected
    assert all(item.reason.startswith("[E013]") for item in items if isinstance(item, Reject))
    assert count_inputs([str(tmp_path / "q.csv")]) == len(items)


def test_nul_in_a_csv_row_rejects_only_that_row(tmp_path):
    (tmp_path / "nul.csv").write_bytes(b"id,text\nr1,Raid.\nr2,Ra\x00id.\nr3,Raid.\n")
    first, reject, last = read(tmp_path / "nul.csv")
    assert (first.id, reject.id, reject.line, last.id) == ("r1", "r2", 3, "r3")
    assert reject.reason == "[E013] malformed CSV on line 3: a NUL byte in column 'text'"


UNICODE_FILES = [
    ("a.txt", STORY, [STORY]),
    ("a.jsonl", '{"id": "1", "text": "Raid in G\u00e2o."}\n{"id": "2", "text": "Ambush."}\n', ["Raid in G\u00e2o.", "Ambush."]),
    ("a.csv", 'id,text\n1,"Raid,\nin G\u00e2o."\n2,Ambush.\n', ["Raid,\nin G\u00e2o.", "Ambush."]),
]
BYTE_ORDER_MARKS = [
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
]


@pytest.mark.parametrize(("name", "content", "texts"), UNICODE_FILES)
@pytest.mark.parametrize(("bom", "encoding"), BYTE_ORDER_MARKS)
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(tmp_path, name, content, texts, bom, encoding):
    (tmp_path / name).write_bytes(bom + content.encode(encoding))
    assert [article.text for article in read(tmp_path / name)] == texts
    assert count_inputs([str(tmp_path / name)]) == len(texts)


def test_utf16_stdin_is_read_as_jsonl(monkeypatch):
    set_stdin(monkeypatch, codecs.BOM_UTF16_LE + '{"id": "s1", "text": "Raid."}'.encode("utf-16-le"))
    assert [item.id for item in read("-")] == ["s1"]


def test_invalid_utf16_is_rejected_after_the_lines_before_it(tmp_path):
    good = '{"id": "1", "text": "Raid."}\n'.encode("utf-16-le")
    (tmp_path / "bad.jsonl").write_bytes(codecs.BOM_UTF16_LE + good + b"\x00\xd8" + good)
    article, reject = read(tmp_path / "bad.jsonl")
    offset = len(codecs.BOM_UTF16_LE + good)
    assert article.id == "1"
    assert reject.reason.startswith(f"[E022] invalid UTF-16-LE (as its byte-order mark says) at byte offset {offset} ")
    assert count_inputs([str(tmp_path / "bad.jsonl")]) == 2


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("December 7, 2016", date(2016, 12, 7)),
        ("9:43 PM, December 7, 2016", date(2016, 12, 7)),
        ("Wed, 07 Dec 2016 21:43:00 +0000", date(2016, 12, 7)),
        ("2016-12-07T23:30:00-05:00", date(2016, 12, 7)),
        ("Dec 7", date(2019, 12, 7)),  # no year: the last Dec 7 on or before --published
        ("9:43 PM, Jan 1", date(2020, 1, 1)),
        ("Jan 2", date(2019, 1, 2)),
    ],
)
def test_published_as_news_sites_write_it(tmp_path, published, expected):
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": "Raid.", "published": published}), encoding="utf-8")
    [article] = read(tmp_path / "d.jsonl", published=GIVEN)
    assert (article.published, article.warnings) == (expected, ())


def test_a_date_without_a_year_falls_on_or_before_today_without_published(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"text": "Raid.", "published": "Jan 1"}', encoding="utf-8")
    assert read(tmp_path / "d.jsonl")[0].published == date(date.today().year, 1, 1)


@pytest.mark.parametrize(
    ("published", "problem"),
    [
        ("last Friday", "[E019] published 'last Friday' is not a readable date"),
        (20180713, "[E019] published 20180713 is not a readable date"),
        ({"day": 7}, "[E019] published {'day': 7} is not a readable date"),
        ("0001-01-01", "[E020] published '0001-01-01' has year 1, outside 1900-2100"),
    ],
)
@pytest.mark.parametrize(
    ("given", "fallback"), [(GIVEN, "used --published 2020-01-01"), (None, "coded with relative dates unresolved")]
)
def test_unreadable_published_is_a_warning_not_a_reject(tmp_path, published, problem, given, fallback):
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "x", "text": "Raid.", "published": published}), encoding="utf-8")
    [article] = read(tmp_path / "d.jsonl", published=given)
    assert (article.id, article.published, article.warnings) == ("x", given, (f"{problem}; {fallback}",))


def test_unreadable_published_of_a_page_gives_way_to_the_page_date(tmp_path):
    record = {"id": "p", "html": PAGE.format(date=PAGE_DATE), "published": "soon"}
    (tmp_path / "p.jsonl").write_text(json.dumps(record), encoding="utf-8")
    [article] = read(tmp_path / "p.jsonl", published=GIVEN)
    assert article.published == date(2019, 5, 4)
    assert article.warnings == ("[E019] published 'soon' is not a readable date; used the page date 2019-05-04",)


def test_csv_row_whose_id_is_not_utf8_is_rejected_under_its_line(tmp_path):
    (tmp_path / "ids.csv").write_bytes(b"id,text\nr\xff,Raid.\n")
    reject = only_reject(read(tmp_path / "ids.csv"))
    assert (reject.id, reject.reason[:6]) == ("ids.csv:2", "[E005]")


def test_parsed_records_are_read_as_the_lines_of_a_jsonl_file(tmp_path, monkeypatch):
    records = [{"id": "a", "text": STORY, "published": "May 6, 2024"}, {"text": STORY + " Again."},
               {"id": "c", "text": " "}, ["not", "an object"], {"id": "d", "text": STORY, "title": 7},
               {"id": "e", "text": "\ud800"}, {"id": 7, "text": STORY, "published": "soon"}]
    monkeypatch.chdir(tmp_path)
    Path("request.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert list(read_records(records, "request.jsonl", published=GIVEN)) == read("request.jsonl", published=GIVEN)
