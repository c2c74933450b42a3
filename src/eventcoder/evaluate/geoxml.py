"""Geoparsing evaluation on LGL and GeoWebNews (GWN) XML.

Toponym finding is scored by span overlap (a predicted span matches a gold span when the
two share at least one character); geocoding on the matched pairs whose gold has
coordinates: the share within 161 km (100 miles, the field's usual "accuracy@161"), the
share with the gold GeoNames id, and the mean error in km.
"""
from __future__ import annotations

import statistics
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.article import Article
from eventcoder.gazetteer.resolve import distance_km
from eventcoder.stages.places import find_places
from eventcoder.stages.text import split_sentences

ACCURACY_KM = 161.0
#: GWN toponym types that name a place (its metonymic and non-locational types do not).
GWN_LOCATIONAL = {"Literal", "Mixed", "Embedded_Literal", "Literal_Modifier", "Homonym",
                  "Embedded_Non_Lit", "Demonym"}


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def read_lgl(path: Path) -> list[GoldArticle]:
    """LGL: <article docid><text/><toponyms><toponym><start/><end/><phrase/><gaztag>."""
    articles = []
    for element in ElementTree.parse(path).getroot().iter("article"):
        article = GoldArticle(element.get("docid", ""), element.findtext("text") or "")
        for toponym in element.iter("toponym"):
            gaztag = toponym.find("gaztag")
            article.toponyms.append(GoldToponym(
                int(toponym.findtext("start")), int(toponym.findtext("end")),
                toponym.findtext("phrase") or "",
                _int(gaztag.get("geonameid")) if gaztag is not None else None,
                _float(gaztag.findtext("lat")) if gaztag is not None else None,
                _float(gaztag.findtext("lon")) if gaztag is not None else None))
        articles.append(article)
    return articles


def read_gwn(path: Path) -> list[GoldArticle]:
    """GeoWebNews: <article file><text/><toponyms><toponym><extractedName/><type/>
    <nonLocational/><start/><end/><geonamesID/><latitude/><longitude/>; only toponyms that
    name a place (locational types) are gold."""
    articles = []
    for element in ElementTree.parse(path).getroot().iter("article"):
        article = GoldArticle(element.get("file", ""), element.findtext("text") or "")
        for toponym in element.iter("toponym"):
            if toponym.findtext("nonLocational") == "Yes":
                continue
            if toponym.findtext("type") not in GWN_LOCATIONAL:
                continue
            article.toponyms.append(GoldToponym(
                int(toponym.findtext("start")), int(toponym.findtext("end")),
                toponym.findtext("extractedName") or "",
                _int(toponym.findtext("geonamesID")), _float(toponym.findtext("latitude")),
                _float(toponym.findtext("longitude"))))
        articles.append(article)
    return articles


def evaluate(articles: list[GoldArticle]) -> dict:
    """Finding (precision, recall, F1 by overlap) and geocoding figures over the articles."""
    true_positive = predicted_total = gold_total = 0
    errors: list[float] = []
    exact_ids = with_id = 0
    for gold in articles:
        article = Article(id=gold.id, text=gold.text)
        split_sentences(article)
        find_places(article)
        predicted = article.places
        predicted_total += len(predicted)
        gold_total += len(gold.toponyms)
        used: set[int] = set()
        for toponym in gold.toponyms:
            match = next((i for i, m in enumerate(predicted) if i not in used
                          and m.start < toponym.end and toponym.start < m.end), None)
            if match is None:
                continue
            used.add(match)
            true_positive += 1
            mention = predicted[match]
            if toponym.latitude is not None and mention.latitude is not None:
                errors.append(distance_km(mention.latitude, mention.longitude,
                                          toponym.latitude, toponym.longitude))
            if toponym.geonameid:
                with_id += 1
                exact_ids += mention.geonameid == toponym.geonameid
    precision = true_positive / predicted_total if predicted_total else 0.0
    recall = true_positive / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(articles), "gold": gold_total, "predicted": predicted_total,
        "matched": true_positive, "precision": precision, "recall": recall, "f1": f1,
        "geocoded": len(errors),
        "within_161km": sum(e <= ACCURACY_KM for e in errors) / len(errors) if errors else 0.0,
        "exact_geonameid": exact_ids / with_id if with_id else 0.0,
        "mean_error_km": statistics.fmean(errors) if errors else 0.0,
    }


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None
