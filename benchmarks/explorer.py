"""The explorer's API over 50,000 stored events: the first view and each filter, timed through the app.

    .venv/bin/python benchmarks/explorer.py [--events 50000] [--db URL] [--repeat 5]

Fills a new SQLite store (or the empty database at ``--db``; one that already holds events is
used as it is) with synthetic events: ten years of dates, twelve countries with eight regions and
250 places each (one in ten placed by a point alone), every ACLED sub-event type, 60 actors,
tolls mostly small with a long tail, one article and source row per event. The rows go straight
into the store's tables, in bulk: merging each one through ``Store.add_article`` costs about 4 ms
an event (over three minutes for 50,000) and measures ingest, not the explorer.

A view is what the page asks for when it opens or a filter changes: ``/api/summary`` and the
first page (500) of ``/api/events``, both with the filter. Each is timed through the real ASGI app
in this process (FastAPI's TestClient: routing, the store's SQL, JSON encoding): the very first
request after the app starts, then the median of ``--repeat`` more. The two downloads of every
event are timed once.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert

from eventcoder import taxonomy
from eventcoder.store import Store
from eventcoder.store.schema import articles, events, sources
from eventcoder.web import create_app

COUNTRIES = {"SO": "Somalia", "KE": "Kenya", "ET": "Ethiopia", "SD": "Sudan", "SS": "South Sudan", "NG": "Nigeria",
             "ML": "Mali", "BF": "Burkina Faso", "SY": "Syria", "YE": "Yemen", "AF": "Afghanistan", "UA": "Ukraine"}
REGIONS_PER_COUNTRY, PLACES_PER_COUNTRY = 8, 250
FIRST_DAY, DAYS = date(2015, 1, 1), 3653
BATCH = 5000
#: (name, query): the page's first view, then a filter of each kind and some together.
VIEWS = [
    ("first view, no filter", ""),
    ("one country", "country=SO"),
    ("three countries (OR)", "country=SO&country=KE&country=ET"),
    ("one year", "since=2023-01-01&until=2023-12-31"),
    ("one event type", "type=Battles"),
    ("an actor, part of a name", "actor=group 07"),
    ("within 150 km of a point", "near=3.0,45.0,150"),
    ("one region", "admin1=SO region 3"),
    ("10 deaths or more, deadliest first", "min_fatalities=10&sort=-fatalities"),
    ("country, type, since and deaths", "country=SO&type=Battles&since=2020-01-01&min_fatalities=1"),
]
DOWNLOADS = ["csv", "geojson"]


def places(rng: random.Random) -> list[dict]:
    """Each country's places, in a box of 8 by 8 degrees (Somalia's around 3 N, 45 E, for the near view)."""
    found = []
    for number, (code, country) in enumerate(COUNTRIES.items()):
        lat0, lon0 = (3.0, 45.0) if code == "SO" else (-20.0 + 5 * number, -10.0 + 8 * number)
        for index in range(PLACES_PER_COUNTRY):
            geonameid = 1_000_000 + number * 1000 + index if rng.random() > 0.1 else None
            found.append({"location": f"{code} place {index}", "admin1": f"{code} region {index % REGIONS_PER_COUNTRY}",
                          "country": country, "country_code": code, "geonameid": geonameid,
                          "latitude": round(lat0 + rng.uniform(-4, 4), 4),
                          "longitude": round(lon0 + rng.uniform(-4, 4), 4)})
    return found


def event_rows(count: int, rng: random.Random) -> list[dict]:
    """``count`` synthetic events as rows of the events table."""
    sub_types = list(taxonomy.event_type_of().items())
    actors = [f"Armed group {n:02d}" for n in range(60)]
    where = places(rng)
    now = datetime.now(timezone.utc)
    rows = []
    for number in range(count):
        sub_type, event_type = rng.choice(sub_types)
        place = rng.choice(where)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS)) if rng.random() > 0.01 else None
        deaths = 0 if rng.random() < 0.4 else int(rng.expovariate(0.2))
        rows.append(place | {
            "event_id": f"bench-{number:06d}", "event_date": day, "time_precision": 1, "event_type": event_type,
            "sub_event_type": sub_type, "actor1": rng.choice(actors), "actor2": rng.choice(actors),
            "civilian_targeting": False, "fatalities": deaths, "killed_min": deaths, "geo_precision": 1,
            "certainty": "reported", "status": "new", "sources": json.dumps(["police"]), "source_count": 1,
            "notes": f"Synthetic event {number}: {sub_type.lower()} in {place['location']}.",
            "geo_source": "geonames", "created_at": now, "updated_at": now})
    return rows


def fill(store: Store, count: int) -> None:
    """The synthetic events, an article and a source row each, inserted in batches."""
    rows = event_rows(count, random.Random(12))
    now = datetime.now(timezone.utc)
    with store.engine.begin() as connection:
        for start in range(0, count, BATCH):
            batch = range(start, min(start + BATCH, count))
            connection.execute(insert(events), [dict(rows[n], id=n + 1) for n in batch])
            connection.execute(insert(articles), [
                {"id": n + 1, "article_id": f"article-{n}", "content_hash": f"{n:064x}", "outlet": f"Outlet {n % 40}",
                 "published": rows[n]["event_date"], "text": rows[n]["notes"], "ingested_at": now} for n in batch])
            connection.execute(insert(sources), [
                {"event_pk": n + 1, "article_pk": n + 1, "record_id": rows[n]["event_id"], "rank": 0,
                 "independent": True, "record": "{}"} for n in batch])


def timed(client: TestClient, path: str) -> tuple[float, dict]:
    started = time.perf_counter()
    response = client.get(path)
    seconds = time.perf_counter() - started
    response.raise_for_status()
    return seconds, response


def view(client: TestClient, query: str) -> tuple[float, int]:
    """Seconds for the summary and the first page of one filter, and how many events match."""
    summary_seconds, summary = timed(client, f"/api/summary?{query}")
    page_seconds, _page = timed(client, f"/api/events?{query}")
    return summary_seconds + page_seconds, summary.json()["total"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--db", help="a SQLAlchemy URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'explorer.sqlite'}"
        with Store(url) as store:
            if not store.count():
                started = time.perf_counter()
                fill(store, args.events)
                print(f"filled {args.events:,} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            stored = store.count()
        with TestClient(create_app(url)) as client:
            print(f"{stored:,} events stored; seconds for /api/summary + the first page of /api/events")
            print(f"{'view':<38} {'events':>7} {'first':>7} {'median':>7}")
            for name, query in VIEWS:
                first, matched = view(client, query)
                median = statistics.median(view(client, query)[0] for _ in range(args.repeat))
                print(f"{name:<38} {matched:>7,} {first:>7.3f} {median:>7.3f}")
            for name in DOWNLOADS:
                seconds, response = timed(client, f"/api/events?format={name}")
                print(f"download of every event as {name}: {seconds:.2f} s, {len(response.content) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
