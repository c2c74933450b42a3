"""Prints toponym finding and geocoding figures on LGL and/or GeoWebNews.

Usage: python scripts/geoparse_eval.py [lgl|gwn|both] [--part tuning|check] [--data DIR]
Spans match when they overlap; geocoding figures are over the matched toponyms with gold
coordinates. "standard" scores literal and associative toponyms (Gritta et al. 2019) and
ignores predictions on GWN's Demonym and Language toponyms; "strict" scores literal
toponyms only and counts every other prediction as wrong (see eventcoder.evaluate.geoxml).
Where the gold names each article's outlet (LGL's domains), the standard geocoding figures
are given again with each outlet's home inferred from its own articles, as ``eventcoder
geoparse --source-homes`` does.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventcoder.evaluate.geoxml import read_gwn, read_lgl, score
from eventcoder.evaluate.parts import PARTS, select

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"
READERS = {"lgl": (read_lgl, "lgl.xml"), "gwn": (read_gwn, "GWN.xml")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="both", choices=["lgl", "gwn", "both"])
    parser.add_argument("--part", choices=PARTS, help="one part of each set (eventcoder.evaluate.parts)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    names = ["lgl", "gwn"] if args.corpus == "both" else [args.corpus]
    for name in names:
        reader, file_name = READERS[name]
        started = time.perf_counter()
        figures = score(select(reader(args.data / file_name), args.part))
        seconds = time.perf_counter() - started
        print(f"{name}{f' ({args.part} part)' if args.part else ''}: {figures['articles']} articles")
        for label, prefix in (("standard", ""), ("strict", "strict_")):
            f = {key[len(prefix):]: value for key, value in figures.items()
                 if key.startswith(prefix)}
            print(f"  {label}: {f['gold']} gold toponyms, {f['predicted']} predicted, "
                  f"{f['matched']} matched, {f['ignored']} ignored (span overlap)")
            print(f"    finding:   P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
            print(f"    geocoding: {f['within_161km']:.3f} within 161 km, "
                  f"{f['exact_geonameid']:.3f} same geonameid, "
                  f"mean error {f['mean_error_km']:.0f} km over {f['geocoded']}")
        if "homes_f1" in figures:
            print(f"  with source homes ({figures['homes_inferred']} of {figures['homes_sources']} sources given "
                  f"a home inferred from their own articles, see eventcoder.geoparse.infer_source_homes):")
            print(f"    geocoding: {figures['homes_within_161km']:.3f} within 161 km, "
                  f"{figures['homes_exact_geonameid']:.3f} same geonameid, "
                  f"mean error {figures['homes_mean_error_km']:.0f} km over {figures['homes_geocoded']}")
        print(f"  time: {seconds:.1f} s")


if __name__ == "__main__":
    main()
