"""Geoparsing alone: the places an article names, geocoded, without event coding."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventcoder.article import Article, PlaceMention
from eventcoder.gazetteer import load_gazetteer
from eventcoder.pipeline import process
from eventcoder.stages.places import DEMONYM

#: What :func:`infer_source_homes` asks of a source's leading country: votes, and their
#: share of all the source's votes; and of the leading division inside it: votes, and their
#: share of the country's.
MIN_HOME_VOTES = 3.0
MIN_COUNTRY_SHARE = 0.4
MIN_DIVISION_SHARE = 0.2
PLACE_FIELDS = ["text", "start", "end", "geonameid", "geo_source", "name", "latitude", "longitude",
                "country_code", "feature_class"]


def place_record(article: Article) -> dict:
    """DESIGN.md's geoparse record: one per article."""
    process(article, until="places")
    return {"article_id": article.id,
            "places": [{field: getattr(place, field) for field in PLACE_FIELDS} for place in toponyms(article)]}


def toponyms(article: Article) -> list[PlaceMention]:
    """The places an article names: not those told by what they are ("the Somali capital")."""
    return [place for place in article.places if place.named]


def infer_source_homes(articles: Iterable[Article]) -> dict[str, str]:
    """Each source's home, where its articles' places gather, as a place name for
    :attr:`Article.home` ("Ohio, United States", "Georgia").

    Every name an article uses spreads one vote over the countries of all its readings, and
    one over their first-level divisions, so "Dublin" hardly votes and "Cuyahoga Falls" votes
    for Ohio. The home is the leading country, narrowed to its leading division when that
    division holds enough of the country's votes; a source whose votes are too few or too
    spread (a national or world desk) gets none.
    """
    gazetteer = load_gazetteer()
    countries: dict[str, Counter] = defaultdict(Counter)
    divisions: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        if not article.source:
            continue
        if not article.places:
            process(article, until="places")
        for name in {m.text for m in toponyms(article) if m.feature_code != DEMONYM}:
            readings = [p for p in gazetteer.lookup(name) if p.country_code]
            for country_code in (spread := {p.country_code for p in readings}):
                countries[article.source][country_code] += 1 / len(spread)
            for division in (spread := {(p.country_code, p.admin1) for p in readings if p.admin1}):
                divisions[article.source][division] += 1 / len(spread)
    homes = {}
    for source, votes in countries.items():
        country_code, weight = votes.most_common(1)[0]
        if weight < MIN_HOME_VOTES or weight < MIN_COUNTRY_SHARE * sum(votes.values()):
            continue
        country = gazetteer.country_names.get(country_code, country_code)
        inside = {d: w for d, w in divisions[source].items() if d[0] == country_code}
        division = max(inside, key=inside.get, default=None)
        if (division and inside[division] >= MIN_HOME_VOTES
                and inside[division] >= MIN_DIVISION_SHARE * sum(inside.values())):
            homes[source] = f"{division[1]}, {country}"
        else:
            homes[source] = country
    return homes


@dataclass(frozen=True)
class WithSourceHomes:
    """``produce`` with each article's home taken from its source's, unless it has its own;
    picklable, so that worker processes and Ray tasks run it as they run ``produce``."""

    produce: Callable[[Article], list[dict]]
    homes: dict[str, str]

    def __call__(self, article: Article) -> list[dict]:
        if article.home is None and article.source in self.homes:
            article.home = self.homes[article.source]
        return self.produce(article)
