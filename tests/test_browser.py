"""The page in headless Chromium over a store of the example articles and thousands of made-up events.

At 1400x900 and at a phone's 390x844: counts against the API's totals, server sorting and timeline
filtering by keyboard, a CSV download read back, provenance in words, and markup that never runs.
Needs Debian's chromium and chromium-driver (``.ci/run`` installs them); skips where they are absent.
Screenshots go to ``$EVENTCODER_SCREENSHOT_DIR`` (a temporary folder when unset) and are printed.
"""
import csv
import json
import os
import shutil
import socket
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.request import urlopen

import pytest

from eventcoder.article import Article
from eventcoder.store import Store, ingest
from eventcoder.web import create_app
from tests.test_store import record

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
#: An article whose text carries markup that must show as text and never run.
HOSTILE = {"id": "hostile", "published": "2024-05-06", "source": "test wire", "title": "<b>Bold</b> title",
           "text": "Gunmen killed three civilians in Kismayo on Sunday, police said. "
                   "<script>window.pwned = true;</script> <img src=x onerror=\"window.pwned = true\">"}

#: A second outlet's report of the examples' Afgooye attack, to be merged with it.
SECOND_REPORT = {"id": "second-wire-afgooye", "published": "2024-03-15", "source": "second wire",
                 "title": "Somali troops repel militant raid near Afgooye",
                 "text": "Al-Shabaab fighters attacked a Somali army base near Afgooye on Thursday, killing 14 people, "
                         "a military official said on Friday.\nThe official said soldiers pushed the militants back "
                         "after several hours of fighting."}

#: Made-up events: as many as a season of a real conflict, so that nothing is loaded whole.
SYNTHETIC_EVENTS = 3000
#: (location, admin1, country, country code, latitude, longitude, GeoNames id)
PLACES = [("Mogadishu", "Banaadir", "Somalia", "SO", 2.037, 45.344, 53654),
          ("Kismayo", "Lower Juba", "Somalia", "SO", -0.358, 42.545, 55671),
          ("Baidoa", "Bay", "Somalia", "SO", 3.114, 43.650, 64013),
          ("Garissa", "Garissa", "Kenya", "KE", -0.453, 39.646, 197745),
          ("Mandera", "Mandera", "Kenya", "KE", 3.937, 41.856, 187585),
          ("Khartoum", "Khartoum", "Sudan", "SD", 15.552, 32.532, 379252),
          ("El Fasher", "North Darfur", "Sudan", "SD", 13.628, 25.349, 379003),
          ("Goma", "North Kivu", "DR Congo", "CD", -1.679, 29.228, 216281),
          ("Bunia", "Ituri", "DR Congo", "CD", 1.566, 30.252, 217831),
          ("Maiduguri", "Borno", "Nigeria", "NG", 11.846, 13.160, 2331447),
          ("Gao", "Gao", "Mali", "ML", 16.272, -0.044, 2457163),
          ("Kharkiv", "Kharkiv", "Ukraine", "UA", 49.988, 36.232, 706483)]
#: (event type, sub-event type, actor 1, actor 2)
KINDS = [("Battles", "Armed clash", "Government forces", "Rebels"),
         ("Explosions/Remote violence", "Air/drone strike", "Air force", "Civilians"),
         ("Violence against civilians", "Attack", "Unidentified gunmen", "Civilians"),
         ("Protests", "Peaceful protest", "Protesters", None),
         ("Riots", "Mob violence", "Rioters", "Civilians")]


def add_synthetic_events(store: Store, count: int) -> None:
    """``count`` events, one place's events four days apart (too far to merge), over about three years before the examples'."""
    per_article = 100
    for first in range(0, count, per_article):
        records = []
        for i in range(first, min(count, first + per_article)):
            location, admin1, country, code, lat, lon, geonameid = PLACES[i % len(PLACES)]
            event_type, sub_event_type, actor1, actor2 = KINDS[i % len(KINDS)]
            day = date(2020, 9, 7) + timedelta(days=4 * (i // len(PLACES)))
            records.append(record(event_id=f"made-up-{i}", article_id=f"made-up-{first}", event_date=day.isoformat(),
                                  event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2,
                                  location=location, admin1=admin1, country=country, country_code=code,
                                  latitude=lat, longitude=lon, geonameid=geonameid, fatalities=(i * 7) % 13 // 3,
                                  evidence=[], notes="Made up for the page's test."))
        store.add_article(Article(f"made-up-{first}", f"Made-up events from {first}.", published=date(2024, 6, 1),
                                  source="Test wire"), records)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """A SQLite store of the example articles and the made-up events."""
    folder = tmp_path_factory.mktemp("browser")
    written = folder / "written.jsonl"
    written.write_text("".join(json.dumps(a) + "\n" for a in (SECOND_REPORT, HOSTILE)), encoding="utf-8")
    inputs = [str(ROOT / "examples" / "articles.jsonl"), str(written)]
    seed = ROOT.parent / "shared" / "data" / "seed" / "article.jsonl"
    if seed.is_file():
        inputs.append(str(seed))
    db = f"sqlite:///{folder / 'events.sqlite'}"
    summary = ingest(inputs, db)
    assert summary.stored == summary.articles >= 3 and not summary.rejected
    with Store(db) as store:
        add_synthetic_events(store, SYNTHETIC_EVENTS)
    return db


@pytest.fixture(scope="module")
def server(db):
    """A server on a free port over the store, its page looking for new events every second; yields its URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uvicorn_server = uvicorn.Server(uvicorn.Config(create_app(db, poll_seconds=1), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uvicorn_server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = os.environ.get("EVENTCODER_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def save(browser, folder: Path, name: str) -> None:
    path = folder / name
    browser.save_screenshot(str(path))
    print(f"screenshot: {path}")


def get(url: str, path: str) -> dict:
    with urlopen(url + path) as response:
        return json.load(response)


def wait_for(browser, css: str):
    return WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, css))


def wait_until_loaded(browser) -> None:
    WebDriverWait(browser, 30).until(lambda b: b.execute_script(
        "return document.body.dataset.ready === 'true' && document.getElementById('loading').hidden"))


def open_page(browser, url: str, width: int, height: int, address: str = "") -> None:
    """The page loaded afresh in a viewport of exactly ``width`` x ``height`` CSS pixels, a phone's below 800."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800})
    browser.get("about:blank")  # a new address differing only after the # would not load the page again
    browser.get(url + address)
    wait_until_loaded(browser)


def shown_total(browser) -> int:
    # read in one script: the page may replace the element between a look-up and a read
    return int(browser.execute_script("return document.getElementById('total').dataset.total"))


def first_row_deaths(browser) -> int:
    return int(browser.find_element(By.CSS_SELECTOR, "#events tbody tr td.num").text)


def press(browser, key: str) -> None:
    webdriver.ActionChains(browser).send_keys(key).perform()


def test_the_page_counts_the_whole_store_and_its_table_fits_at_1400x900(server, browser, screenshots):
    summary = get(server, "api/summary")
    open_page(browser, server, 1400, 900)
    assert shown_total(browser) == summary["total"] > SYNTHETIC_EVENTS
    assert len(browser.find_elements(By.CSS_SELECTOR, "#events tbody tr.event-row")) == 100
    assert f"of {summary['total']:,}" in browser.find_element(By.ID, "page-info").text
    placed = sum(place["events"] for place in summary["by_place"])
    WebDriverWait(browser, 30).until(lambda b: placed == b.execute_script(  # once the clusters' animation ends
        "return [...document.querySelectorAll('#map [data-events]')].reduce((sum, e) => sum + +e.dataset.events, 0)"))
    markers = browser.find_elements(By.CSS_SELECTOR, "#map .leaflet-marker-icon")
    assert markers and all(marker.get_attribute("tabindex") == "0" for marker in markers)
    browser.execute_script("arguments[0].focus()", browser.find_element(By.CSS_SELECTOR, "#map .place-marker"))
    press(browser, Keys.ENTER)
    assert "event" in wait_for(browser, "#map .leaflet-popup")[0].get_attribute("textContent")  # its events and deaths
    assert browser.find_element(By.ID, "map-note").is_displayed()
    assert len(wait_for(browser, "#map .leaflet-overlay-pane path")) > 100  # the country outlines
    table_pane = browser.execute_script("const pane = document.querySelector('.right'); return [pane.scrollWidth, pane.clientWidth]")
    assert table_pane[0] <= table_pane[1]
    assert "nullnull" not in browser.find_element(By.TAG_NAME, "body").text
    save(browser, screenshots, "events-1400x900.png")


def test_the_keyboard_sorts_the_table_and_filters_by_a_timeline_bar_whose_csv_reads_back(server, browser, downloads):
    open_page(browser, server, 1400, 900)
    browser.execute_script("document.querySelector('th[data-sort=event_date] button').focus()")
    press(browser, Keys.TAB)
    deaths_header = browser.switch_to.active_element
    assert deaths_header.text == "Deaths"
    for key, sort, direction in ((Keys.ENTER, "-fatalities", "descending"), (Keys.SPACE, "fatalities", "ascending")):
        press(browser, key)
        # the header row is drawn afresh on sorting: a header found just before may be gone
        WebDriverWait(browser, 30, ignored_exceptions=(StaleElementReferenceException,)).until(lambda b: b.find_element(
            By.CSS_SELECTOR, "th[data-sort=fatalities]").get_attribute("aria-sort") == direction)
        wait_until_loaded(browser)
        assert first_row_deaths(browser) == get(server, f"api/events?sort={sort}&limit=1")["events"][0]["fatalities"]

    tab_stops = browser.find_elements(By.CSS_SELECTOR, "#timeline .bin[tabindex='0']")
    assert len(tab_stops) == 1  # the timeline is one tab stop; arrows move along it
    browser.execute_script("arguments[0].focus()", tab_stops[0])
    press(browser, Keys.ARROW_LEFT)
    bar = browser.switch_to.active_element
    since, until = bar.get_attribute("data-start"), bar.get_attribute("data-end")
    expected = get(server, f"api/summary?since={since}&until={until}")["total"]
    assert expected > 0
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda b: f"since={since}&until={until}" in b.current_url
                                     and b.find_elements(By.ID, "total") and shown_total(b) == expected)

    browser.find_element(By.ID, "download-csv").click()
    WebDriverWait(browser, 30).until(lambda b: [f for f in downloads.iterdir() if f.suffix == ".csv"])
    (download,) = [f for f in downloads.iterdir() if f.suffix == ".csv"]
    with download.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == expected
    assert all(since <= row["event_date"] <= until for row in rows)


def test_on_a_phone_the_page_is_one_scrolling_column_and_an_opened_event_takes_the_focus(server, browser, screenshots):
    open_page(browser, server, 390, 844)
    boxes = browser.execute_script("""return ['.bar', '.status-line', '.map-box', '.timeline', '#events']
        .map((css) => document.querySelector(css).getBoundingClientRect())
        .map((box) => ({top: box.top, bottom: box.bottom, left: box.left, right: box.right}))""")
    assert all(box["left"] >= 0 and box["right"] <= 390 for box in boxes)
    assert all(above["bottom"] <= below["top"] + 1 for above, below in zip(boxes, boxes[1:]))  # nothing overlaps
    page = browser.execute_script("const page = document.scrollingElement; return [page.scrollWidth, page.scrollHeight]")
    assert page[0] <= 390 < 844 < page[1]
    save(browser, screenshots, "events-390x844.png")

    link = browser.find_element(By.CSS_SELECTOR, "#events tbody tr.event-row a")
    event_id = link.find_element(By.XPATH, "./ancestor::tr").get_attribute("data-event-id")
    browser.execute_script("arguments[0].focus()", link)
    press(browser, Keys.ENTER)
    wait_for(browser, f"#event-view[data-event-id='{event_id}']")
    heading = browser.find_element(By.CSS_SELECTOR, "#event-view h2")
    assert browser.switch_to.active_element == heading
    view = browser.execute_script("const box = document.getElementById('event-view').getBoundingClientRect(); "
                                  "return [box.top, box.height]")
    assert 0 <= view[0] < 100 and view[1] > 400  # in sight, and not a sliver
    save(browser, screenshots, "event-390x844.png")


def test_an_event_tells_where_its_reports_come_from_in_words(server, browser, screenshots):
    examples = get(server, "api/events?since=2024-01-01&limit=500")["events"]
    best = max(examples, key=lambda e: (len(e["article_ids"]), e["fatalities"]))  # the most reported event
    event = get(server, f"api/events/{best['event_id']}")
    assert event["merges"] and event["revisions"]
    open_page(browser, server, 1400, 900, f"#/event/{best['event_id']}")
    marks = wait_for(browser, f"#event-view[data-event-id='{best['event_id']}'] mark.evidence")
    evidence = {span["text"] for report in event["reports"] for span in report["evidence"]}
    assert {mark.text for mark in marks} <= evidence
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-view section.report")) == len(event["reports"])
    reports = {report["record_id"]: report for report in event["reports"]}
    reasons = browser.find_elements(By.CSS_SELECTOR, "#event-view ul.merges li")[1:]  # after the first report
    for merge, reason in zip(event["merges"], reasons, strict=True):
        merged = reports[merge["record_id"]]
        assert merge["reason"] in reason.text and merged["outlet"] in reason.text and merged["title"] in reason.text
    revisions = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#event-view ul.revisions li")]
    assert len(revisions) == len(event["revisions"])
    assert not any("[" in text or "_" in text for text in revisions)  # no JSON, no field names
    page = browser.find_element(By.ID, "event-view").text
    assert "nullnull" not in page and not any(merge["record_id"] in page for merge in event["merges"])
    save(browser, screenshots, "event-1400x900.png")


def test_a_link_restores_the_sort_and_the_map_view(server, browser):
    open_page(browser, server, 1400, 900, "#/?sort=fatalities&view=49.988,36.232,6")  # centred on Kharkiv
    assert browser.find_element(By.CSS_SELECTOR, "th[data-sort=fatalities]").get_attribute("aria-sort") == "ascending"
    assert first_row_deaths(browser) == get(server, "api/events?sort=fatalities&limit=1")["events"][0]["fatalities"]
    WebDriverWait(browser, 30).until(lambda b: b.execute_script("""  // once the map has settled
        const middle = (box) => [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
        const [x, y] = middle(document.getElementById('map').getBoundingClientRect());
        const kharkiv = [...document.querySelectorAll('#map .place-marker')].find((m) => m.textContent.includes('Kharkiv'));
        return kharkiv && Math.hypot(...middle(kharkiv.getBoundingClientRect()).map((v, i) => v - [x, y][i])) < 3"""))


def test_a_failed_filter_leaves_no_old_results(server, browser):
    open_page(browser, server, 1400, 900)
    browser.execute_script("location.hash = '#/?near=nowhere'")
    WebDriverWait(browser, 30).until(lambda b: b.find_element(By.ID, "error").is_displayed())
    assert not browser.find_elements(By.CSS_SELECTOR, "#events tbody tr, #timeline .bin, #map [data-events], #total")
    assert not browser.find_element(By.ID, "downloads").is_displayed()


def test_markup_in_an_article_shows_as_text_and_never_runs(server, browser):
    hostile = next(e for e in get(server, "api/events?since=2024-05-01&until=2024-05-31&limit=500")["events"]
                   if e["article_ids"] == ["hostile"])
    open_page(browser, server, 1400, 900, f"#/event/{hostile['event_id']}")
    wait_for(browser, f"#event-view[data-event-id='{hostile['event_id']}'] .article-text")
    text = browser.find_element(By.CSS_SELECTOR, "#event-view .article-text").text
    assert "<script>window.pwned = true;</script>" in text and "<img src=x" in text
    assert browser.execute_script("return window.pwned === undefined && !document.querySelector('#event-view img')")
    assert "<b>Bold</b> title" in browser.find_element(By.CSS_SELECTOR, "#event-view .report h4").text


def test_new_events_appear_without_a_reload_where_the_reader_is(server, db, browser):
    open_page(browser, server, 1400, 900, "#/?sort=fatalities&offset=100")
    before = shown_total(browser)
    browser.execute_script("window.notReloaded = true")
    with Store(db) as store:  # as a watcher stores an article
        store.add_article(Article("watched", "Made-up news of a clash far from the others.", published=date(2025, 1, 2),
                                  source="Test wire"),
                          [record(event_id="watched-1", article_id="watched", event_date="2025-01-01", location="Tromso",
                                  admin1="Troms", country="Norway", country_code="NO", latitude=69.65, longitude=18.96,
                                  geonameid=None, evidence=[], notes="Made up for the page's test.")])
    WebDriverWait(browser, 30).until(lambda b: shown_total(b) == before + 1)
    assert browser.execute_script("return window.notReloaded === true")
    assert f"101–200 of {before + 1:,}" in browser.find_element(By.ID, "page-info").text
    assert browser.find_element(By.CSS_SELECTOR, "th[data-sort=fatalities]").get_attribute("aria-sort") == "ascending"
