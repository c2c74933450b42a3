"""The JSON API on SQLite, and on PostgreSQL when EVENTCODER_TEST_POSTGRES_URL is set."""
import csv
import io
from datetime import date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from eventcoder.article import Article
from eventcoder.cli import main
from eventcoder.io.exports import ACLED_COLUMNS
from eventcoder.resources import read_actors_file, use_actors
from eventcoder.store import Store
from eventcoder.store.schema import metadata
from eventcoder.web import create_app
from eventcoder.web.app import MAX_BODY_BYTES
from tests.test_store import record as store_record

SCRIPT_TEXT = 'A car bomb killed eight in Mogadishu. <script>alert("x")</script> <b>bold</b>'


def record(**fields) -> dict:
    """test_store's Mogadishu car bomb, with evidence that names the place."""
    return store_record(event_id="ev-so", evidence=[
        {"text": "A car bomb killed eight in Mogadishu.", "start": 0, "end": 37}]) | fields


SUDAN = record(event_id="ev-sd", article_id="b", event_date="2024-06-05", event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", actor1="RSF: Rapid Support Forces",
               actor2="Civilians (Sudan)", location="El Fasher", admin1="North Darfur", country="Sudan",
               country_code="SD", latitude=13.628, longitude=25.349, geonameid=None, fatalities=9, killed_min=9,
               evidence=[{"text": "Shelling killed nine.", "start": 0, "end": 21}])
#: A clash placed by an analyst's own coding (a negative id), in another Somali region.
KISMAYO = record(event_id="ev-ki", article_id="c", event_date="2023-11-20", event_type="Battles",
                 sub_event_type="Armed clash", actor1="Military Forces of Somalia", actor2="Al Shabaab",
                 inter1="State forces", inter2="Rebel group", civilian_targeting=False, location="Kismayo",
                 admin1="Lower Juba", latitude=-0.358, longitude=42.545, geonameid=-7, geo_source="my_coding",
                 fatalities=3, killed_min=3, evidence=[{"text": "Three died in a clash.", "start": 0, "end": 22}])


@pytest.fixture
def url(url):
    """A database of each kind holding a Mogadishu bombing (two reports), an El Fasher shelling and a
    Kismayo clash."""
    with Store(url) as store:
        store.add_article(Article("a", SCRIPT_TEXT, published=date(2024, 2, 10), source="Wire"), [record()])
        store.add_article(Article("a2", "Eight were killed by a car bomb in Mogadishu on Saturday.",
                                  published=date(2024, 2, 11), source="Other"),
                          [record(event_id="ev-so2", article_id="a2", evidence=[])])
        store.add_article(Article("b", "Shelling killed nine.", published=date(2024, 6, 6), source="Wire"), [SUDAN])
        store.add_article(Article("c", "Three died in a clash.", published=date(2023, 11, 21), source="Wire"),
                          [KISMAYO])
    return url


@pytest.fixture
def client(url):
    with TestClient(create_app(url)) as client:
        yield client


def ids(client, query: str = "") -> list[str]:
    return [event["event_id"] for event in client.get(f"/api/events?{query}").json()["events"]]


def test_lists_every_event_newest_first_with_the_total(client):
    body = client.get("/api/events").json()
    assert [e["event_id"] for e in body["events"]] == ["ev-sd", "ev-so", "ev-ki"]
    assert body["total"] == 3 and body["events"][1]["article_ids"] == ["a", "a2"]


def test_the_total_counts_every_match_whatever_the_page(client):
    pages = [client.get(f"/api/events?limit=2&offset={offset}").json() for offset in (0, 2, 4)]
    assert [page["total"] for page in pages] == [3, 3, 3]
    assert [e["event_id"] for page in pages for e in page["events"]] == ids(client)


@pytest.mark.parametrize("query, expected", [
    ("country=SD", ["ev-sd"]), ("country=somalia", ["ev-so", "ev-ki"]), ("since=2024-03-01", ["ev-sd"]),
    ("until=2024-03-01", ["ev-so", "ev-ki"]), ("type=Shelling/artillery/missile attack", ["ev-sd"]),
    ("actor=shabaab", ["ev-so", "ev-ki"]), ("near=13.6,25.3,50", ["ev-sd"]), ("limit=1&offset=1", ["ev-so"]),
    ("admin1=lower juba", ["ev-ki"]), ("min_fatalities=8", ["ev-sd", "ev-so"]),
    ("min_fatalities=0", ["ev-sd", "ev-so", "ev-ki"]), ("country=", ["ev-sd", "ev-so", "ev-ki"]),
])
def test_filters_as_the_command_line_does(client, query, expected):
    assert ids(client, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("country=SD&country=so", ["ev-sd", "ev-so", "ev-ki"]),
    ("admin1=Banaadir&admin1=North Darfur", ["ev-sd", "ev-so"]),
    ("type=Battles&type=Shelling/artillery/missile attack", ["ev-sd", "ev-ki"]),
    ("actor=RSF&actor=military", ["ev-sd", "ev-ki"]),
])
def test_repeated_values_of_one_filter_match_any_of_them(client, query, expected):
    assert ids(client, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("country=SO&type=Battles", ["ev-ki"]), ("country=SO&country=SD&min_fatalities=9", ["ev-sd"]),
    ("actor=shabaab&since=2024-01-01", ["ev-so"]), ("country=SD&admin1=Banaadir", []),
])
def test_different_filters_must_all_match(client, query, expected):
    assert ids(client, query) == expected


@pytest.mark.parametrize("sort, expected", [
    ("event_date", ["ev-ki", "ev-so", "ev-sd"]), ("-event_date", ["ev-sd", "ev-so", "ev-ki"]),
    ("fatalities", ["ev-ki", "ev-so", "ev-sd"]), ("-fatalities", ["ev-sd", "ev-so", "ev-ki"]),
])
def test_sorts_in_the_database_across_pages(client, sort, expected):
    assert ids(client, f"sort={sort}&limit=2") + ids(client, f"sort={sort}&limit=2&offset=2") == expected


def test_near_keeps_a_point_inside_its_box_only_within_the_distance(client):
    corner = "1.437,44.744"  # 0.6 degrees south and west of Mogadishu: about 94 km away, inside an 80 km box
    assert ids(client, f"near={corner},80") == []
    assert ids(client, f"near={corner},100") == ["ev-so"]
    assert client.get(f"/api/events?near={corner},80").json()["total"] == 0


@pytest.mark.parametrize("query", ["", "country=SO", "min_fatalities=5&since=2024-01-01", "country=XX"])
def test_the_summary_totals_are_the_events_totals(client, query):
    summary = client.get(f"/api/summary?{query}").json()
    events = client.get(f"/api/events?{query}").json()
    assert summary["total"] == events["total"] == sum(period["events"] for period in summary["by_period"])
    assert summary["fatalities"] == sum(e["fatalities"] for e in events["events"])
    assert sum(place["fatalities"] for place in summary["by_place"]) == summary["fatalities"]


def test_the_summary_counts_by_place_and_says_when_the_store_last_changed(client):
    summary = client.get("/api/summary").json()
    places = [(p["geonameid"], p["location"], p["latitude"], p["events"], p["fatalities"]) for p in summary["by_place"]]
    assert places == [(None, "El Fasher", 13.628, 1, 9), (53654, "Mogadishu", 2.037, 1, 8),
                      (-7, "Kismayo", -0.358, 1, 3)]
    assert datetime.fromisoformat(summary["last_changed"]).utcoffset() == timedelta(0)


@pytest.mark.parametrize("query, period, starts", [
    ("", "week", ["2023-11-20", "2024-02-05", "2024-06-03"]),  # 198 days apart: weeks, from Monday
    ("country=SO", "day", ["2023-11-20", "2024-02-10"]),  # 82 days apart
    ("country=SD", "day", ["2024-06-05"]),
    ("period=year", "year", ["2023-01-01", "2024-01-01"]),
])
def test_the_period_is_chosen_from_the_span_or_forced(client, query, period, starts):
    summary = client.get(f"/api/summary?{query}").json()
    assert summary["period"] == period and [p["start"] for p in summary["by_period"]] == starts


def test_a_period_runs_from_its_first_to_its_last_day(client):
    by_period = client.get("/api/summary?period=month&country=SO").json()["by_period"]
    assert [(p["start"], p["end"], p["events"], p["fatalities"]) for p in by_period] == [
        ("2023-11-01", "2023-11-30", 1, 3), ("2024-02-01", "2024-02-29", 1, 8)]


def test_a_csv_download_is_what_the_command_line_exports(client, url, tmp_path):
    response = client.get("/api/events?format=csv&country=SO&sort=-fatalities")
    assert main(["export", "--db", url, "--country", "SO", "--sort=-fatalities", "-o", str(tmp_path / "cli.csv")]) == 0
    assert response.text == (tmp_path / "cli.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(ACLED_COLUMNS) and [row["event_id_cnty"] for row in rows] == ["ev-so", "ev-ki"]
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'


def test_a_geojson_download_holds_every_event_of_the_filter(client):
    response = client.get("/api/events?format=geojson&limit=1")
    collection = response.json()
    assert [feature["id"] for feature in collection["features"]] == ["ev-sd", "ev-so", "ev-ki"]
    assert response.headers["content-type"] == "application/geo+json"


@pytest.mark.parametrize("query, arguments", [
    ("country=SO&country=SD&sort=-fatalities", ["--country", "SO", "--country", "SD", "--sort=-fatalities"]),
    ("admin1=Lower Juba&admin1=banaadir&sort=event_date", ["--admin1", "Lower Juba", "--admin1", "banaadir"]),
    ("min_fatalities=8&type=Battles&type=Explosions/Remote violence&sort=fatalities",
     ["--min-fatalities", "8", "--type", "Battles", "--type", "Explosions/Remote violence", "--sort", "fatalities"]),
])
def test_the_command_line_selects_and_sorts_as_the_api_does(client, url, capsys, query, arguments):
    assert main(["events", "--db", url, *arguments]) == 0
    table = capsys.readouterr().out.splitlines()[1:-1]
    assert [line.split()[0] for line in table] == ids(client, query)


def test_an_event_comes_with_its_reports_evidence_text_and_merge_reason(client):
    event = client.get("/api/events/ev-so").json()
    assert [r["article_id"] for r in event["reports"]] == ["a", "a2"]
    first = event["reports"][0]
    assert first["article_text"] == SCRIPT_TEXT
    assert first["evidence"] == [{"text": "A car bomb killed eight in Mogadishu.", "start": 0, "end": 37}]
    assert event["merges"][0]["record_id"] == "ev-so2" and event["merges"][0]["reason"]


def test_article_markup_is_returned_as_plain_text(client):
    article = client.get("/api/articles/a").json()
    assert article["text"] == SCRIPT_TEXT and article["events"] == ["ev-so"]
    assert client.get("/api/articles/a").headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", ["/api/events/ev-none", "/api/articles/none", "/api/nothing"])
def test_an_unknown_id_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "error" in response.json()


BAD_FILTERS = ["since=last-week", "near=1,2", "near=garbage", "near=inf,0,10", "near=nan,0,10", "near=91,0,10",
               "near=0,181,10", "near=1,2,-5", "min_fatalities=-1"]


@pytest.mark.parametrize("path", [*(f"{route}?{query}" for route in ("events", "summary") for query in BAD_FILTERS),
                                  "events?sort=foo", "events?format=xml", "events?limit=0", f"events?offset={2**63}",
                                  "events?offset=-1", "summary?period=decade"])
def test_a_bad_value_is_a_json_400_naming_it(client, path):
    response = client.get(f"/api/{path}")
    name, value = path.split("?")[1].split("=")
    assert response.status_code == 400 and name in response.json()["error"] and value in response.json()["error"]


def test_a_single_valued_parameter_given_twice_is_a_json_400(client):
    response = client.get("/api/events?since=2024-01-01&since=2024-02-01")
    assert response.status_code == 400 and "since is given 2 times" in response.json()["error"]


def test_an_actor_filter_matches_percent_and_underscore_as_themselves(client):
    assert client.get("/api/events?actor=%25").json()["events"] == []
    assert client.get("/api/events?actor=_l").json()["events"] == []


def test_a_merged_records_id_finds_its_event_with_the_same_detail(client):
    assert client.get("/api/events/ev-so2").json() == client.get("/api/events/ev-so").json()


def test_ingest_is_refused_without_a_configured_token(client):
    response = client.post("/api/ingest", json={"articles": []}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "token" in response.json()["error"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret"])
@pytest.mark.parametrize("body", [b'{"articles": []}', b'{"articles": [', b'[1]'])
def test_ingest_needs_the_operators_token_before_it_reads_the_body(url, header, body):
    headers = {"Content-Type": "application/json"} | ({"Authorization": header} if header else {})
    with TestClient(create_app(url, token="s3cret")) as client:
        response = client.post("/api/ingest", content=body, headers=headers)
    assert response.status_code == 401 and "Bearer" in response.json()["error"]


def test_ingest_tells_a_token_holder_what_is_wrong_with_the_body(url):
    with TestClient(create_app(url, token="s3cret")) as client:
        response = client.post("/api/ingest", content=b'{"articles": [',
                               headers={"Content-Type": "application/json", "Authorization": "Bearer s3cret"})
    assert response.status_code == 400 and "JSON" in response.json()["error"]


def test_ingest_with_the_token_stores_articles_and_names_rejects(url):
    article = {"id": "c", "published": "2024-05-06", "text": "Gunmen killed three civilians in Kismayo on Sunday."}
    with TestClient(create_app(url, token="s3cret")) as client:
        response = client.post("/api/ingest", headers={"Authorization": "Bearer s3cret"},
                               json={"articles": [article, {"id": "d", "text": " "}, {"text": ""}]})
        summary = response.json()
        assert response.status_code == 200 and summary["stored"] == 1
        assert summary["rejected"] == [{"id": "d", "reason": "[E003] empty text"},
                                       {"id": "request.jsonl:3", "reason": "[E003] empty text"}]
        assert client.get("/api/articles/c").json()["events"]


def test_ingest_answers_with_the_articles_it_could_not_code_or_store(url):
    body = ('{"articles": [{"id": "surrogate", "text": "A car bomb killed eight in Mogadishu \\ud800."},'
            ' {"id": "huge-toll", "text": "A car bomb killed 99999999999999999999999 people in Mogadishu."},'
            ' {"id": "c", "published": "2024-05-06", "text": "Gunmen killed three civilians in Kismayo on Sunday."}]}')
    with TestClient(create_app(url, token="s3cret")) as client:
        response = client.post("/api/ingest", content=body.encode(),
                               headers={"Content-Type": "application/json", "Authorization": "Bearer s3cret"})
        assert response.status_code == 200 and response.json()["stored"] == 1
        assert [reject["id"] for reject in response.json()["rejected"]] == ["surrogate", "huge-toll"]
        assert client.get("/api/articles/huge-toll").status_code == 404


@pytest.fixture
def sunrise_actors(tmp_path):
    """A user's actors file naming a made-up group, in use until the test ends."""
    path = tmp_path / "actors.yaml"
    path.write_text("groups: [{name: Sunrise Brigade, category: Rebel group, country: KE, "
                    "aliases: [Sunrise fighters]}]\n", encoding="utf-8")
    use_actors(read_actors_file(path))
    yield
    use_actors(None)


def test_ingest_codes_with_the_actors_file_the_server_was_started_with(url, sunrise_actors):
    article = {"id": "sunrise", "published": "2024-05-08",
               "text": "Sunrise fighters attacked a village near Garissa on Monday, killing two farmers."}
    with TestClient(create_app(url, token="s3cret")) as client:
        client.post("/api/ingest", headers={"Authorization": "Bearer s3cret"}, json={"articles": [article]})
        event_id = client.get("/api/articles/sunrise").json()["events"][0]
        assert client.get(f"/api/events/{event_id}").json()["actor1"] == "Sunrise Brigade"


@pytest.mark.parametrize("streamed", [False, True])
def test_an_oversize_body_is_a_json_413(url, streamed):
    body = b"x" * (MAX_BODY_BYTES + 1)
    content = iter([body[:MAX_BODY_BYTES], body[MAX_BODY_BYTES:]]) if streamed else body  # no declared length
    with TestClient(create_app(url, token="s3cret")) as client:
        response = client.post("/api/ingest", content=content,
                               headers={"Content-Type": "application/json", "Authorization": "Bearer s3cret"})
    assert response.status_code == 413 and "too large" in response.json()["error"]


def test_an_unexpected_failure_is_json_without_a_traceback(url):
    app = create_app(url)
    with Store(url) as store, store.engine.begin() as connection:
        metadata.drop_all(connection)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/events")
    assert response.status_code == 500
    assert response.json()["error"].startswith("internal error") and "Traceback" not in response.text


def test_the_page_and_its_libraries_are_served_from_here(client):
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for path in ("/static/app.js", "/static/app.css", "/static/countries-110m.geojson", "/vendor/leaflet/leaflet.js",
                 "/vendor/leaflet/leaflet.css", "/vendor/markercluster/leaflet.markercluster.js"):
        assert client.get(path).status_code == 200, path
    docs = client.get("/docs").text
    assert "/vendor/docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
