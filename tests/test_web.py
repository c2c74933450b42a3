"""The JSON API on SQLite, and on PostgreSQL when EVENTCODER_TEST_POSTGRES_URL is set."""
from datetime import date

import pytest
from fastapi.testclient import TestClient

from eventcoder.article import Article
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
               country_code="SD", latitude=13.628, longitude=25.349, fatalities=9, killed_min=9,
               evidence=[{"text": "Shelling killed nine.", "start": 0, "end": 21}])


@pytest.fixture
def url(url):
    """A database of each kind holding a Mogadishu bombing (two reports) and an El Fasher shelling."""
    with Store(url) as store:
        store.add_article(Article("a", SCRIPT_TEXT, published=date(2024, 2, 10), source="Wire"), [record()])
        store.add_article(Article("a2", "Eight were killed by a car bomb in Mogadishu on Saturday.",
                                  published=date(2024, 2, 11), source="Other"),
                          [record(event_id="ev-so2", article_id="a2", evidence=[])])
        store.add_article(Article("b", "Shelling killed nine.", published=date(2024, 6, 6), source="Wire"), [SUDAN])
    return url


@pytest.fixture
def client(url):
    with TestClient(create_app(url)) as client:
        yield client


def test_lists_every_event_by_date(client):
    body = client.get("/api/events").json()
    assert [e["event_id"] for e in body["events"]] == ["ev-so", "ev-sd"]
    assert body["events"][0]["article_ids"] == ["a", "a2"]


@pytest.mark.parametrize("query, expected", [
    ("country=SD", ["ev-sd"]), ("country=somalia", ["ev-so"]), ("since=2024-03-01", ["ev-sd"]),
    ("until=2024-03-01", ["ev-so"]), ("type=Shelling/artillery/missile attack", ["ev-sd"]),
    ("actor=shabaab", ["ev-so"]), ("near=13.6,25.3,50", ["ev-sd"]), ("limit=1&offset=1", ["ev-sd"]),
])
def test_filters_as_the_command_line_does(client, query, expected):
    assert [e["event_id"] for e in client.get(f"/api/events?{query}").json()["events"]] == expected


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


@pytest.mark.parametrize("query", ["since=last-week", "near=1,2", "limit=0", "near=inf,0,10", "near=nan,0,10",
                                   "near=91,0,10", "near=0,181,10", "near=1,2,-5", f"offset={2**63}", "offset=-1"])
def test_a_bad_parameter_is_a_json_400_naming_it(client, query):
    response = client.get(f"/api/events?{query}")
    name = query.split("=")[0]
    assert response.status_code == 400 and name in response.json()["error"]


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
               "text": "Sunrise fighters attacked a police post in Garissa on Monday, killing two officers."}
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
