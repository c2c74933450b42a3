"""eventcoder: news about armed conflict in, geocoded and sourced event records out."""
import logging

from eventcoder.article import Article
from eventcoder.pipeline import process

__all__ = ["Article", "process"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
