"""The page in headless Chromium over a server holding the example articles: map, table, evidence, safety.

Needs Debian's chromium and chromium-driver (``.ci/run`` installs them); skips where they are absent.
Screenshots go to ``$EVENTCODER_SCREENSHOT_DIR`` (a temporary folder when unset) and are printed.
"""
import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

from eventcoder.store import Store, ingest
from eventcoder.web import create_app

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on a free port over a SQLite store of the example articles; yields (url, events)."""
    import uvicorn

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
        events = store.events()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uvicorn_server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uvicorn_server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/", events
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1600,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
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


def wait_for(browser, css: str):
    return WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, css))


def test_the_page_shows_every_stored_event_on_the_map_and_in_the_table(server, browser, screenshots):
    url, events = server
    browser.get(url)
    wait_for(browser, "body[data-ready=true]")
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr.event-row")
    markers = browser.find_elements(By.CSS_SELECTOR, "#map path.event-marker")
    assert len(rows) == len(events)
    assert len(markers) == sum(e["latitude"] is not None for e in events) > 0
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect.events-bar")
    save(browser, screenshots, "events.png")


def test_an_event_shows_every_source_with_the_evidence_highlighted(server, browser, screenshots):
    url, events = server
    best = max(events, key=lambda e: (len(e["article_ids"]), e["fatalities"]))  # the most reported event
    browser.get(url)
    wait_for(browser, "body[data-ready=true]")
    browser.find_element(By.CSS_SELECTOR, f"tr[data-event-id='{best['event_id']}']").click()
    marks = wait_for(browser, f"#event-view[data-event-id='{best['event_id']}'] mark.evidence")
    with urlopen(f"{url}api/events/{best['event_id']}") as response:
        event = json.load(response)
    evidence = {span["text"] for report in event["reports"] for span in report["evidence"]}
    assert {mark.text for mark in marks} <= evidence
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-view section.report")) == len(event["reports"])
    reasons = browser.find_elements(By.CSS_SELECTOR, "#event-view ul.merges li")
    assert len(reasons) == len(event["merges"])
    assert all(merge["reason"] in li.text for merge, li in zip(event["merges"], reasons))
    save(browser, screenshots, "event.png")
    browser.execute_script("document.querySelector('#event-view section.report:last-of-type').scrollIntoView()")
    save(browser, screenshots, "event-sources.png")


def test_markup_in_an_article_shows_as_text_and_never_runs(server, browser):
    url, events = server
    hostile = next(e for e in events if e["article_ids"] == ["hostile"])
    browser.get(f"{url}#/event/{hostile['event_id']}")
    wait_for(browser, f"#event-view[data-event-id='{hostile['event_id']}'] .article-text")
    text = browser.find_element(By.CSS_SELECTOR, "#event-view .article-text").text
    assert "<script>window.pwned = true;</script>" in text and "<img src=x" in text
    assert browser.execute_script("return window.pwned === undefined && !document.querySelector('#event-view img')")
    assert "<b>Bold</b> title" in browser.find_element(By.CSS_SELECTOR, "#event-view .report h4").text
