"""What every evaluator returns: headline figures, a confusion table, error distances and the
cases behind them, so the terminal table, ``--json`` and the HTML report share one shape."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventcoder.article import Article
from eventcoder.io.ingest import Reject
from eventcoder.parallel import guarded
from eventcoder.pipeline import extract_records


@dataclass(slots=True)
class Case:
    """One gold item set beside what eventcoder extracted from its text."""

    id: str
    text: str
    expected: dict
    extracted: dict
    score: float  # 1.0 all right, 0.0 all wrong: the report lists the lowest first
    note: str = ""


@dataclass(slots=True)
class Report:
    name: str  # e.g. "muc4", "plover", "lgl"
    figures: dict[str, float | int] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)  # (gold label, predicted label) -> count
    distances_km: list[float] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    #: the gold texts the pipeline failed on, each "id: reason"; scored as finding no event
    rejected: list[str] = field(default_factory=list)

    def records_of(self, article: Article) -> list[dict]:
        """The event records of one gold text; an error on it is noted in :attr:`rejected` and
        the text scored as finding nothing, so one failing text does not end an evaluation."""
        found = guarded(extract_records, article)
        if isinstance(found, Reject):
            if (noted := f"{found.id}: {found.reason}") not in self.rejected:
                self.rejected.append(noted)
            return []
        return found

    def worst(self, count: int = 50) -> list[Case]:
        return sorted(self.cases, key=lambda case: case.score)[:count]

    def as_json(self) -> dict:
        return {"name": self.name, "figures": self.figures,
                "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(self.confusion.items())]}


def share(hits: int, total: int) -> float:
    """A proportion that is 0.0, not an error, on an empty set."""
    return hits / total if total else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
