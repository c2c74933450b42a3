"""Evaluation against gold-standard corpora: one reader per format, shared report shape.

Each format's module has ``evaluate(path, part=None) -> Report``; they are imported only when
asked for. ``part`` ("tuning" or "check", see :mod:`eventcoder.evaluate.parts`) scores one part
of a development set.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from eventcoder.errors import Errors, GoldFileError
from eventcoder.evaluate.report import Report

#: format name -> module holding its ``evaluate(path, part) -> Report``
FORMATS = {
    "acled": "eventcoder.evaluate.acled",
    "muc4": "eventcoder.evaluate.muc4",
    "plover": "eventcoder.evaluate.plover",
    "geoxml": "eventcoder.evaluate.geoxml",
    "jsonl": "eventcoder.evaluate.jsonl",
}


def detect_format(path: Path) -> str:
    """Guesses a gold file's format from its name and first bytes."""
    if path.is_dir() or path.suffix == ".muc4" or "muc" in path.name.lower():
        return "muc4"
    if path.suffix == ".csv":
        return "acled"
    if path.suffix == ".xml":
        return "geoxml"
    if path.suffix == ".jsonl":
        return "jsonl"
    with path.open(encoding="utf-8", errors="replace") as stream:
        if "PLOVER" in stream.read(4096):
            return "plover"
    raise GoldFileError(Errors.E054.format(path=path, choices=", ".join(sorted(FORMATS))))


def run_evaluation(path: Path, gold_format: str | None = None, part: str | None = None) -> Report:
    """Extracts from every text of a gold file (or of one part of it) and scores the result
    against its coding."""
    gold_format = gold_format or detect_format(path)
    report = import_module(FORMATS[gold_format]).evaluate(path, part)
    if part:
        report.name = f"{report.name} ({part} part)"
    return report
