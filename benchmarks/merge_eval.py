"""Merge quality on a merge set: pairwise right, wrong and missed merges, precision and recall.

    .venv/bin/python benchmarks/merge_eval.py [tests/data/merge] [--cases]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from eventcoder.store.evaluation import evaluate

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "merge"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--cases", action="store_true", help="print every wrong or missed pair")
    args = parser.parse_args()
    report = evaluate(args.folder)
    for name, value in report.figures.items():
        print(f"{name:<20} {value:.3f}" if isinstance(value, float) else f"{name:<20} {value}")
    if args.cases:
        for case in report.cases:
            print(f"{case.id}: {case.note}\n    {case.extracted}")


if __name__ == "__main__":
    main()
