"""Prints toponym finding and geocoding figures on LGL and/or GeoWebNews.

Usage: python scripts/geoparse_eval.py [lgl|gwn|both] [--data DIR]
Spans match when they overlap; geocoding figures are over the matched toponyms with gold
coordinates.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventcoder.evaluate.geoxml import evaluate, read_gwn, read_lgl

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"
READERS = {"lgl": (read_lgl, "lgl.xml"), "gwn": (read_gwn, "GWN.xml")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="both", choices=["lgl", "gwn", "both"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    names = ["lgl", "gwn"] if args.corpus == "both" else [args.corpus]
    for name in names:
        reader, file_name = READERS[name]
        started = time.perf_counter()
        figures = evaluate(reader(args.data / file_name))
        seconds = time.perf_counter() - started
        print(f"{name}: {figures['articles']} articles, {figures['gold']} gold toponyms, "
              f"{figures['predicted']} predicted, {figures['matched']} matched (span overlap)")
        print(f"  finding:   P {figures['precision']:.3f}  R {figures['recall']:.3f}  "
              f"F1 {figures['f1']:.3f}")
        print(f"  geocoding: {figures['within_161km']:.3f} within 161 km, "
              f"{figures['exact_geonameid']:.3f} same geonameid, "
              f"mean error {figures['mean_error_km']:.0f} km over {figures['geocoded']}")
        print(f"  time: {seconds:.1f} s")


if __name__ == "__main__":
    main()
