"""Measures merging: ingest a set of articles into a fresh database and compare with gold events.

The set is a folder with ``articles.jsonl`` (DESIGN.md's input lines, with ``source`` the
outlet) and ``gold.csv`` (``article_id,event``: the real event each article's main event
reports; lines starting with ``#`` are comments). Each article's main record is followed to
the stored event it went to; every pair of articles is then a right merge (same gold event,
same stored event), a wrong merge (different gold events, one stored event) or a missed merge
(same gold event, different stored events). Near-duplicate copies found are reported too.
"""
from __future__ import annotations

import csv
import tempfile
from itertools import combinations
from pathlib import Path

from eventcoder.evaluate.report import Case, Report, f1, share
from eventcoder.store.database import Store
from eventcoder.store.ingest import ingest


def read_gold(path: Path) -> dict[str, str]:
    """article id -> gold event name."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(line for line in stream if not line.startswith("#"))
        return {row["article_id"]: row["event"] for row in rows}


def evaluate(path: Path) -> Report:
    """Pairwise merge precision, recall and F1 over the article pairs of a merge set."""
    gold = read_gold(path / "gold.csv")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'merge.sqlite'}"
        summary = ingest([str(path / "articles.jsonl")], url)
        with Store(url) as store:
            stored = {article_id: store.article(article_id) for article_id in gold}
            predicted = {a: (s["events"][0] if s and s["events"] else f"none:{a}") for a, s in stored.items()}
            explained = {event: store.event(event) for event in set(predicted.values()) if not event.startswith("none:")}
            store.close()
    report = Report("merge")
    right = wrong = missed = 0
    for first, second in combinations(sorted(gold), 2):
        same_gold = gold[first] == gold[second]
        same_ours = predicted[first] == predicted[second]
        right += same_gold and same_ours
        wrong += same_ours and not same_gold
        missed += same_gold and not same_ours
        if same_gold != same_ours:
            report.cases.append(_case(first, second, same_gold, predicted, explained))
        report.confusion[("same" if same_gold else "different", "merged" if same_ours else "apart")] += 1
    precision, recall = share(right, right + wrong), share(right, right + missed)
    copies = [a for a, s in stored.items() if s and s["duplicate_of"]]
    report.figures = {
        "articles": len(gold), "gold_events": len(set(gold.values())), "stored_events_main": len(set(predicted.values())),
        "pairs_right": right, "pairs_wrong": wrong, "pairs_missed": missed,
        "precision": precision, "recall": recall, "f1": f1(precision, recall),
        "near_duplicates_found": len(copies), "rejected": len(summary.rejected),
    }
    return report


def _case(first: str, second: str, same_gold: bool, predicted: dict, explained: dict) -> Case:
    def main_record(article_id: str) -> dict:
        event = explained.get(predicted[article_id])
        for report in (event or {}).get("reports", []):
            if report["article_id"] == article_id and report["rank"] == 0:
                record = report["record"]
                return {k: record[k] for k in ("sub_event_type", "event_date", "location", "country_code",
                                               "actor1", "actor2", "killed_min")}
        return {}

    note = "missed: same real event, kept apart" if same_gold else "wrong: different events merged"
    return Case(id=f"{first}+{second}", text=note, expected={"same": same_gold},
                extracted={first: main_record(first), second: main_record(second)}, score=0.0, note=note)
