import io
import json
import sys
import time
from datetime import date

import pytest

from eventcoder.article import Article
from eventcoder.io import ingest
from eventcoder.io.ingest import Reject, count_inputs, read_inputs

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
        ('{"id": "x", "text": "Raid.", "published": "last Friday"}', "[E011]"),
        ('{"id": "x", "text": "Raid.", "published": 20180713}', "[E011]"),
        ('{"id": "x", "text": "Raid.", "url": 3}', "[E010] field 'url'"),
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
        ("r3", "[E011]"),
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
