"""What an analyst's past coding gives as places: Kenya's ACLED events before 2016 imported,
the check part of the events from 2016 on evaluated with and without them.

    python benchmarks/past_coding.py

Reads ../shared/data/acled-kenya/acled_kenya_2007_2019.csv in place and writes its rows of
each period to a temporary folder; there, under a temporary EVENTCODER_CACHE (the user's cache
is left alone), it runs ``eventcoder eval LATER.csv --format acled --part check`` (the check
part of :mod:`eventcoder.evaluate.parts`), then ``eventcoder gazetteer import PAST.csv
--name past_coding`` and the same evaluation again, and prints the location figures side by side
(``homes_``: with each source's home inferred from its own notes).
Each command is a process of its own, as a user would run them.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

KENYA = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled-kenya" / "acled_kenya_2007_2019.csv"
#: Events of this year and later are evaluated; those before it are the past coding imported.
FIRST_EVALUATED_YEAR = 2016
FIGURES = ("location_within_25km", "location_within_50km", "location_beyond_300km", "median_error_km",
           "homes_location_within_25km", "homes_location_beyond_300km")


def main() -> None:
    if not KENYA.exists():
        print(f"skipped: {KENYA} is not on this machine (the development sets live in ../shared/data)")
        return
    with tempfile.TemporaryDirectory(prefix="past-coding-") as folder:
        folder = Path(folder)
        past, later = _split(KENYA, folder)
        environment = os.environ | {"EVENTCODER_CACHE": str(folder / "cache")}
        without = _evaluate(later, environment)
        imported = _eventcoder(["gazetteer", "import", str(past), "--name", "past_coding"], environment)
        with_past = _evaluate(later, environment)
    print(imported.stderr.strip())
    print(f"check part of the events from {FIRST_EVALUATED_YEAR} on: {without['reports']} ACLED notes")
    print(f"{'':<30}{'GeoNames only':>15}{'+ past coding':>15}")
    for name in FIGURES:
        print(f"{name:<30}{without[name]:>15.3f}{with_past[name]:>15.3f}")


def _split(path: Path, folder: Path) -> tuple[Path, Path]:
    """The rows before FIRST_EVALUATED_YEAR and the rest, each as a CSV file with the header."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    parts = {"past": [r for r in rows if int(r["year"]) < FIRST_EVALUATED_YEAR],
             "later": [r for r in rows if int(r["year"]) >= FIRST_EVALUATED_YEAR]}
    for name, part in parts.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, reader.fieldnames)
            writer.writeheader()
            writer.writerows(part)
    print(f"{len(parts['past'])} events before {FIRST_EVALUATED_YEAR} imported, {len(parts['later'])} from it on")
    return folder / "past.csv", folder / "later.csv"


def _evaluate(gold: Path, environment: dict) -> dict:
    command = ["eval", str(gold), "--format", "acled", "--part", "check", "--json"]
    return json.loads(_eventcoder(command, environment).stdout)["figures"]


def _eventcoder(arguments: list[str], environment: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder.cli", *arguments], env=environment,
                          capture_output=True, text=True, check=True)


if __name__ == "__main__":
    main()
