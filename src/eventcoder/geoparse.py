"""Geoparsing alone: the places an article names, geocoded, without event coding."""
from __future__ import annotations

from eventcoder.article import Article
from eventcoder.stages.places import find_places
from eventcoder.stages.text import split_sentences

PLACE_FIELDS = ["text", "start", "end", "geonameid", "name", "latitude", "longitude",
                "country_code", "feature_class"]


def place_record(article: Article) -> dict:
    """DESIGN.md's geoparse record: one per article."""
    find_places(split_sentences(article))
    return {"article_id": article.id,
            "places": [{field: getattr(place, field) for field in PLACE_FIELDS} for place in article.places]}
