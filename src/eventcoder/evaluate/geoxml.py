"""Geoparsing evaluation on LGL and GeoWebNews (GWN) XML.

Toponym finding is scored by span overlap (a predicted span matches a gold span when the
two share at least one character); geocoding on the matched pairs whose gold has
coordinates: the share within 161 km (100 miles, the field's usual "accuracy@161"), the
share with the gold GeoNames id, and the mean error in km.

Which gold toponyms count follows Gritta et al., "A Pragmatic Guide to Geoparsing
Evaluation" (2019), whose taxonomy GWN is annotated with:

* literal toponyms (Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier) name the
  place itself;
* associative toponyms (Metonymic "Turkey said", Non_Literal_Modifier "Syrian army",
  Embedded_Non_Lit) are toponyms too: the paper asks geotaggers to find both kinds, and
  GWN gives them coordinates;
* Demonym and Language are toponym types that GWN leaves without coordinates and that
  geoparsers treat differently (CLIFF maps demonyms to countries, others skip them);
* Homonym, Non_Toponym and the *_Expression annotations are not toponyms.

Two sets of figures are reported, so that nobody is misled:

* **standard** (``precision``, ``recall``, ``f1``, ``within_161km`` ...): gold is literal
  plus associative toponyms; a prediction overlapping only a Demonym or Language toponym is
  *ignored*, neither a true nor a false positive (counted in ``ignored``);
* **strict** (``strict_*``): gold is the literal toponyms alone and every other prediction is
  a false positive, which is what matters to a user asking where events happened.

LGL has no types: every gold toponym is literal, nothing is ignored, and the two agree.
"""
from __future__ import annotations

import statistics
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.article import Article, PlaceMention
from eventcoder.evaluate.parts import select
from eventcoder.evaluate.report import Case, Report, f1, share
from eventcoder.gazetteer.resolve import distance_km
from eventcoder.geoparse import infer_source_homes, toponyms
from eventcoder.pipeline import process

ACCURACY_KM = 161.0
LITERAL = "literal"
ASSOCIATIVE = "associative"
UNSCORED = "unscored"
#: GWN toponym type -> its group in Gritta et al.'s taxonomy; types absent are not toponyms.
GWN_GROUPS = {
    "Literal": LITERAL, "Mixed": LITERAL, "Coercion": LITERAL, "Embedded_Literal": LITERAL,
    "Literal_Modifier": LITERAL,
    "Metonymic": ASSOCIATIVE, "Non_Literal_Modifier": ASSOCIATIVE,
    "Embedded_Non_Lit": ASSOCIATIVE,
    "Demonym": UNSCORED, "Language": UNSCORED,
}


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    group: str = LITERAL


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    source: str | None = None


def read_lgl(path: Path) -> list[GoldArticle]:
    """LGL: <article docid><text/><toponyms><toponym><start/><end/><phrase/><gaztag>."""
    return _read_lgl(ElementTree.parse(path).getroot())


def read_gwn(path: Path) -> list[GoldArticle]:
    """GeoWebNews: <article file><text/><toponyms><toponym><extractedName/><type/>
    <nonLocational/><start/><end/><geonamesID/><latitude/><longitude/>; keeps the toponym
    types of :data:`GWN_GROUPS`, each with its group."""
    return _read_gwn(ElementTree.parse(path).getroot())


def _read_lgl(root: ElementTree.Element) -> list[GoldArticle]:
    articles = []
    for element in root.iter("article"):
        article = GoldArticle(element.get("docid", ""), element.findtext("text") or "",
                              source=element.findtext("domain"))
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


def _read_gwn(root: ElementTree.Element) -> list[GoldArticle]:
    articles = []
    for element in root.iter("article"):
        article = GoldArticle(element.get("file", ""), element.findtext("text") or "")
        for toponym in element.iter("toponym"):
            group = GWN_GROUPS.get(toponym.findtext("type") or "")
            if group is None or toponym.findtext("nonLocational") == "Yes":
                continue
            article.toponyms.append(GoldToponym(
                int(toponym.findtext("start")), int(toponym.findtext("end")),
                toponym.findtext("extractedName") or "",
                _int(toponym.findtext("geonamesID")), _float(toponym.findtext("latitude")),
                _float(toponym.findtext("longitude")), group))
        articles.append(article)
    return articles


@dataclass(slots=True)
class _Tally:
    """Counts of one scoring (standard or strict)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    ignored: int = 0
    errors: list[float] = field(default_factory=list)
    with_id: int = 0
    exact_ids: int = 0

    def figures(self, prefix: str = "") -> dict:
        precision, recall = share(self.matched, self.predicted), share(self.matched, self.gold)
        return {
            f"{prefix}gold": self.gold, f"{prefix}predicted": self.predicted,
            f"{prefix}matched": self.matched, f"{prefix}ignored": self.ignored,
            f"{prefix}precision": precision, f"{prefix}recall": recall,
            f"{prefix}f1": f1(precision, recall), f"{prefix}geocoded": len(self.errors),
            f"{prefix}within_161km": share(sum(e <= ACCURACY_KM for e in self.errors),
                                           len(self.errors)),
            f"{prefix}exact_geonameid": share(self.exact_ids, self.with_id),
            f"{prefix}mean_error_km": statistics.fmean(self.errors) if self.errors else 0.0,
        }


@dataclass(slots=True)
class _Outcome:
    """One article's standard scoring: pairs, misses and spurious predictions."""

    pairs: list[tuple[GoldToponym, PlaceMention, float | None]] = field(default_factory=list)
    missed: list[GoldToponym] = field(default_factory=list)
    spurious: list[PlaceMention] = field(default_factory=list)


def score(articles: list[GoldArticle]) -> dict:
    """Standard and strict (``strict_`` prefix) finding and geocoding figures."""
    return _score(articles)[0]


def _score(articles: list[GoldArticle]) -> tuple[dict, list[tuple[GoldArticle, list, _Outcome]]]:
    standard, strict = _Tally(), _Tally()
    scored, found = [], []
    for gold in articles:
        article = Article(id=gold.id, text=gold.text, source=gold.source)
        process(article, until="places")
        found.append(article)
        found_toponyms = toponyms(article)
        outcome = _match(gold.toponyms, found_toponyms, {LITERAL, ASSOCIATIVE}, {UNSCORED}, standard)
        _match(gold.toponyms, found_toponyms, {LITERAL}, set(), strict)
        scored.append((gold, found_toponyms, outcome))
    figures = {"articles": len(articles), **standard.figures(), **strict.figures("strict_")}
    if any(gold.source for gold in articles):
        figures |= _with_source_homes(articles, found)
    return figures, scored


def _with_source_homes(articles: list[GoldArticle], found: list[Article]) -> dict:
    """The standard figures again with each outlet's home inferred from its own articles
    (:func:`eventcoder.geoparse.infer_source_homes`), as ``eventcoder geoparse
    --source-homes`` does on a corpus of local news."""
    homes = infer_source_homes(found)
    tally = _Tally()
    for gold in articles:
        article = Article(id=gold.id, text=gold.text, home=homes.get(gold.source))
        process(article, until="places")
        _match(gold.toponyms, toponyms(article), {LITERAL, ASSOCIATIVE}, {UNSCORED}, tally)
    sources = {gold.source for gold in articles if gold.source}
    return {**tally.figures("homes_"), "homes_sources": len(sources), "homes_inferred": len(homes)}


def _match(toponyms: list[GoldToponym], predicted: list[PlaceMention], scored_groups: set[str],
           ignored_groups: set[str], tally: _Tally) -> _Outcome:
    """Pairs each scored gold toponym with the first unused overlapping prediction; an
    unpaired prediction overlapping an ignored toponym is neither right nor wrong."""
    outcome = _Outcome()
    gold = [t for t in toponyms if t.group in scored_groups]
    used: set[int] = set()
    for toponym in gold:
        match = next((i for i, m in enumerate(predicted) if i not in used
                      and _overlap(m, toponym)), None)
        if match is None:
            outcome.missed.append(toponym)
            continue
        used.add(match)
        mention = predicted[match]
        error = None
        if toponym.latitude is not None and mention.latitude is not None:
            error = distance_km(mention.latitude, mention.longitude, toponym.latitude,
                                toponym.longitude)
            tally.errors.append(error)
        if toponym.geonameid:
            tally.with_id += 1
            tally.exact_ids += mention.geonameid == toponym.geonameid
        outcome.pairs.append((toponym, mention, error))
    ignored = [t for t in toponyms if t.group in ignored_groups]
    for i, mention in enumerate(predicted):
        if i in used:
            continue
        if any(_overlap(mention, t) for t in ignored):
            tally.ignored += 1
        else:
            outcome.spurious.append(mention)
    tally.gold += len(gold)
    tally.matched += len(outcome.pairs)
    tally.predicted += len(outcome.pairs) + len(outcome.spurious)
    return outcome


def _overlap(mention: PlaceMention, toponym: GoldToponym) -> bool:
    return mention.start < toponym.end and toponym.start < mention.end


def evaluate(path: Path, part: str | None = None) -> Report:
    """Geoparses every article of an LGL or GWN file (told apart by their elements) and
    scores it; cases are articles, their score the share of their toponyms done right."""
    root = ElementTree.parse(path).getroot()
    is_gwn = root.find(".//toponym/extractedName") is not None
    articles = select(_read_gwn(root) if is_gwn else _read_lgl(root), part)
    figures, scored = _score(articles)
    report = Report(name="gwn" if is_gwn else "lgl", figures=figures)
    for gold, predicted, outcome in scored:
        report.distances_km.extend(e for _, _, e in outcome.pairs if e is not None)
        report.cases.append(_case(gold, predicted, outcome))
    return report


def _case(gold: GoldArticle, predicted: list[PlaceMention], outcome: _Outcome) -> Case:
    far = sorted(((e, t, m) for t, m, e in outcome.pairs if e is not None and e > ACCURACY_KM),
                 key=lambda item: -item[0])
    right = len(outcome.pairs) - len(far)
    total = len(outcome.pairs) + len(outcome.missed) + len(outcome.spurious)
    notes = ([f"far: {t.phrase} -> {m.name}, {m.country_code} ({e:,.0f} km)" for e, t, m in far[:5]]
             + [f"missed: {t.phrase}" for t in outcome.missed[:5]]
             + [f"spurious: {m.text} ({m.name}, {m.country_code})" for m in outcome.spurious[:5]])
    return Case(
        id=gold.id, text=gold.text,
        expected={"toponyms": [{"text": t.phrase, "start": t.start, "group": t.group,
                                "geonameid": t.geonameid, "lat": t.latitude, "lon": t.longitude}
                               for t in gold.toponyms]},
        extracted={"places": [{"text": m.text, "start": m.start, "geonameid": m.geonameid,
                               "name": m.name, "lat": m.latitude, "lon": m.longitude}
                              for m in predicted]},
        score=share(right, total) if total else 1.0, note="; ".join(notes))


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None
