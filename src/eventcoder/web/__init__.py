"""The JSON API and the web page over an event store: ``create_app(db_url)`` builds the ASGI app."""
from eventcoder.web.app import create_app

__all__ = ["create_app"]
