"""The JSON API and the web page over an event store.

Read-only unless the operator sets a token: ``POST /api/ingest`` then needs
``Authorization: Bearer TOKEN`` and is refused outright when no token is set, before its body is
read. Request bodies are bounded (:data:`MAX_BODY_BYTES`), a bad parameter is a 400 naming it, and
every error, including an unexpected one, is JSON ``{"error": message}``: a client never sees a
traceback (the operator's log does). The routes only turn parameters into an
:class:`~eventcoder.store.EventFilter` and call the store, which does the querying. The page's
scripts and its Natural Earth country outlines come from this package, Leaflet and its marker
clustering from the ``xstatic-leaflet`` and ``xstatic-leaflet-markercluster`` packages and the
OpenAPI page's from ``fastapi-offline``, all served from here: the page loads nothing from
elsewhere but the map tiles the operator names.
"""
from __future__ import annotations

import itertools
import logging
import secrets
import threading
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

import eventcoder
from eventcoder.errors import Errors, QueryError, RequestError
from eventcoder.io.formats import export_text
from eventcoder.store import PERIODS, SORTS, EventFilter, Store, ingest_records, parse_near

__all__ = ["MAX_BODY_BYTES", "create_app"]

#: The largest request body accepted, in bytes.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: The most events one ``/api/events`` page returns.
MAX_PAGE = 5000
#: How often the page asks whether the store changed, in seconds.
POLL_SECONDS = 60.0
#: The largest ``offset`` a listing accepts: far past any store, well within every database's integers.
MAX_OFFSET = 2**31
#: ``/api/events?format=``: the JSON page, or every event of the filter as a download in one of
#: ``eventcoder export``'s formats: (export format, media type).
DOWNLOADS = {"csv": ("acled-csv", "text/csv; charset=utf-8"), "geojson": ("geojson", "application/geo+json")}
#: The query parameters that take one value: a second one is refused rather than silently chosen.
SINGLE_VALUED = ("since", "until", "near", "min_fatalities", "sort", "period", "format", "limit", "offset")
#: An article sent without an id is known as ``request.jsonl:N``, N its place in the request.
REQUEST_NAME = "request.jsonl"
STATIC_DIR = Path(__file__).with_name("static")
log = logging.getLogger(__name__)


class ArticleIn(BaseModel):
    """One article to ingest: the fields of a JSONL input line."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    url: str | None = None
    source: str | None = None
    title: str | None = None


class IngestRequest(BaseModel):
    articles: list[ArticleIn]


def create_app(db_url: str | None = None, token: str | None = None, tile_url: str | None = None,
               tile_attribution: str | None = None, poll_seconds: float = POLL_SECONDS) -> FastAPI:
    """The API and page over the store at ``db_url``; ingest is enabled only when ``token`` is set.
    The page asks every ``poll_seconds`` whether the store changed (a watcher adds to it)."""
    from xstatic.pkg import leaflet, leaflet_markercluster

    store = Store(db_url)
    ingest_lock = threading.Lock()  # one writer at a time: SQLite allows no more

    @asynccontextmanager
    async def closing_store(_app):
        yield
        store.close()

    app = FastAPIOffline(title="eventcoder", version=eventcoder.__version__, static_url="/vendor/docs",
                         lifespan=closing_store,
                         description="Conflict events extracted from news, merged across sources, with their evidence.")
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    _add_error_handlers(app)

    def require_token(authorization: str | None) -> None:
        if not token:
            raise RequestError(403, Errors.E036)
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.encode(), token.encode()):
            raise RequestError(401, Errors.E037)

    class TokenFirst(APIRoute):
        """A route that checks the token before FastAPI reads the body: a caller without the token
        learns nothing from the parsing of what it sent (a dependency would run only after it)."""

        def get_route_handler(self):
            handle = super().get_route_handler()

            async def checked(request: Request):
                require_token(request.headers.get("authorization"))
                return await handle(request)

            return checked

    @app.get("/api/config", tags=["page"])
    def config() -> dict:
        """What the page needs to know: the tile URL (null for none), whether ingest is open, and
        how often to look for new events."""
        return {"tile_url": tile_url, "tile_attribution": tile_attribution, "ingest": bool(token),
                "max_page": MAX_PAGE, "poll_seconds": poll_seconds}

    @app.get("/api/events", tags=["events"], response_model=None)
    def list_events(filters: EventFilter = Depends(_event_filter),
                    sort: str = Query("-event_date", description=f"one of {', '.join(SORTS)} (- for descending)"),
                    format: str = Query("json", description=f"json, or a download of every event: "
                                                            f"{', '.join(DOWNLOADS)}"),
                    limit: int = Query(500, ge=1, le=MAX_PAGE),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict | StreamingResponse:
        """Events matching every filter given, newest first by default: a page of them with the total
        that match, or with ``format`` every one of them as a file (ACLED's CSV columns, or GeoJSON)."""
        filters = replace(filters, sort=sort)
        if format == "json":
            return {"total": store.count(filters), "limit": limit, "offset": offset,
                    "events": store.events(filters, limit=limit, offset=offset)}
        if format not in DOWNLOADS:
            raise QueryError(Errors.E066.format(name="format", value=format, choices=", ".join(["json", *DOWNLOADS])))
        export_format, media_type = DOWNLOADS[format]
        chunks = export_text(store.records(filters), export_format)
        first = next(chunks)  # the query runs before the answer starts, so a failure is still a JSON error
        return StreamingResponse(itertools.chain([first], chunks), media_type=media_type,
                                 headers={"Content-Disposition": f'attachment; filename="events.{format}"'})

    @app.get("/api/summary", tags=["events"])
    def summary(filters: EventFilter = Depends(_event_filter),
                period: str | None = Query(None, description=f"one of {', '.join(PERIODS)}; by default the "
                                                             "finest that keeps the timeline short")) -> dict:
        """Totals of the events matching every filter given, by period and by place (a timeline and
        a map of the whole filter), and when the store last took an article."""
        return store.summary(filters, period)

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict:
        """One event with every report behind it (record, evidence, article text) and why they merged."""
        return _found(store.event(event_id, with_text=True), "event", event_id)  # also by one of its records' ids

    @app.get("/api/articles", tags=["articles"])
    def list_articles(limit: int = Query(100, ge=1, le=MAX_PAGE),
                      offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        """Stored articles without their text, in the order they were stored."""
        found = store.articles(limit=limit, offset=offset)
        return {"articles": found, "count": len(found), "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def get_article(article_id: str) -> dict:
        """One article with its text and the ids of the events it reports."""
        return _found(store.article(article_id), "article", article_id)

    def post_ingest(body: IngestRequest) -> dict:
        """Extracts and stores articles (needs ``Authorization: Bearer TOKEN``); each article that cannot
        be read, coded or stored is named with its reason, the rest go on."""
        with ingest_lock:
            summary = ingest_records(store, [a.model_dump(exclude_none=True) for a in body.articles], REQUEST_NAME)
        return {"articles": summary.articles, "stored": summary.stored, "skipped": summary.skipped,
                "copies": summary.copies, "new_events": summary.new_events, "merged": summary.merged,
                "rejected": [{"id": r.id, "reason": r.reason} for r in summary.rejected]}

    app.router.add_api_route("/api/ingest", post_ingest, methods=["POST"], tags=["ingest"],
                             route_class_override=TokenFirst)

    page_headers = {"Content-Security-Policy": _content_policy(tile_url), "X-Content-Type-Options": "nosniff"}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers=page_headers)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=leaflet_markercluster.BASE_DIR), name="markercluster")
    return app


def _event_filter(request: Request,
                  country: list[str] = Query([], description="a country name or ISO code; repeat for any of several"),
                  admin1: list[str] = Query([], description="a first-level division's name; repeat for any of several"),
                  type: list[str] = Query([], description="an event type or sub-event type; repeat for any of several"),
                  actor: list[str] = Query([], description="part of an actor's name; repeat for any of several"),
                  since: date | None = None, until: date | None = None,
                  near: str | None = Query(None, description="LAT,LON,KM: within KM of a point"),
                  min_fatalities: int | None = Query(None, ge=0)) -> EventFilter:
    """The filters of ``eventcoder events`` from the query: repeated values of one filter match any of
    them, different filters all; a repeated single-valued parameter is a 400."""
    for name in SINGLE_VALUED:
        if (count := len(request.query_params.getlist(name))) > 1:
            raise RequestError(400, Errors.E067.format(name=name, count=count))
    return EventFilter(country=tuple(country), admin1=tuple(admin1), event_type=tuple(type), actor=tuple(actor),
                       since=since, until=until, near=parse_near(near) if near else None,
                       min_fatalities=min_fatalities)


def _content_policy(tile_url: str | None) -> str:
    """Scripts only from this server; images also from the tile server, ``{s}`` subdomains included."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}.", "*."))
        images += f" {parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    return (f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {images}; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _add_error_handlers(app: FastAPI) -> None:
    """Every error as JSON ``{"error": message}``; an unexpected one is logged here, not shown."""

    @app.exception_handler(RequestError)
    async def refused(_request: Request, error: RequestError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=error.status)

    @app.exception_handler(QueryError)
    async def bad_query(_request: Request, error: QueryError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(error.detail)}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = ["{}: {}{}".format(".".join(str(part) for part in e["loc"]), e["msg"],
                                      f", got {e['input']!r}" if e["loc"][0] == "query" else "")
                    for e in error.errors()]
        return JSONResponse({"error": "; ".join(problems)}, status_code=400)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=error)
        return JSONResponse({"error": f"internal error ({type(error).__name__}); see the server log"},
                            status_code=500)


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413, by their declared length or as they stream in."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            response = JSONResponse({"error": self._message()}, status_code=413)
            await response(scope, receive, send)
            return
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                # FastAPI passes on only an HTTPException raised while it reads a body; any other is a 400
                raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, limited_receive, send)

    def _message(self) -> str:
        return Errors.E039.format(limit=self.max_bytes)


def _found(record: dict | None, kind: str, key: str) -> dict:
    """The stored record, or a JSON 404 naming what was asked for."""
    if record is None:
        raise RequestError(404, Errors.E038.format(kind=kind, key=key))
    return record
