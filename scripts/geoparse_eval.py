"""Prints toponym finding and geocoding figures on LGL and/or GeoWebNews.

Usage: python scripts/geoparse_eval.py [lgl|gwn|both] [--data DIR]
Spans match when they overlap; geocoding figures are over the matched toponyms with gold
coordinates. "standard" scores literal and associative toponyms (Gritta et al. 2019) and
ignores predictions on GWN's Demonym and Language toponyms; "strict" scores literal
toponyms only and counts every other prediction as wrong (see eventcoder.evaluate.geoxml).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventcoder.evaluate.geoxml import read_gwn, read_lgl, score

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
        figures = score(reader(args.data / file_name))
        seconds = time.perf_counter() - started
        print(f"{name}: {figures['articles']} articles")
        for label, prefix in (("standard", ""), ("strict", "strict_")):
            f = {key[len(prefix):]: value for key, value in figures.items()
                 if key.startswith(prefix)}
            print(f"  {label}: {f['gold']} gold toponyms, {f['predicted']} predicted, "
                  f"{f['matched']} matched, {f['ignored']} ignored (span overlap)")
            print(f"    finding:   P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
            print(f"    geocoding: {f['within_161km']:.3f} within 161 km, "
                  f"{f['exact_geonameid']:.3f} same geonameid, "
                  f"mean error {f['mean_error_km']:.0f} km over {f['geocoded']}")
        print(f"  time: {seconds:.1f} s")


if __name__ == "__main__":
    main()
