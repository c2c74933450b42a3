"""Is coding one article linear in its length? One long article at 100 KB, 400 KB and 1.6 MB.

    python benchmarks/linear.py [--sizes 100000 400000 1600000] [--limit 5.0]

Each article is built, deterministically, by cycling the conflict-news paragraphs below
(dates, tolls, places, actors and sources in each, so that every stage has work) until it
reaches the size. All three are coded in this one process with the library's pipeline
(:func:`eventcoder.pipeline.extract_records`), after a short warm-up that loads the data files.
It prints the seconds for each size and the ratio of each step to the one before; it exits with
status 1 when a step that quadruples the text costs more than ``--limit`` times as much
(default 5). Meant to be run by hand: timing depends on the machine, so no test asserts it.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from eventcoder.article import Article
from eventcoder.pipeline import extract_records

PUBLISHED = date(2024, 3, 15)
SIZES = (100_000, 400_000, 1_600_000)

#: Written for this benchmark; varied on purpose (datelines, passives, subsets, ranges,
#: relative dates, history and threats) so that no stage idles.
PARAGRAPHS = (
    "MOGADISHU, March 14 - Al-Shabaab militants stormed a Somali army base near Afgooye on "
    "Wednesday, killing at least 11 soldiers and wounding 17 others, a military official said. "
    "The fighters set off a car bomb at the gate before opening fire, Captain Abdi Nur told "
    "reporters by telephone. Government forces retook the base after fighting that lasted "
    "several hours, he said.",

    "Artillery shelling by the Rapid Support Forces killed eight civilians, including three "
    "children, in El Fasher on Tuesday, according to local medics. The RSF has been besieging "
    "the city, the capital of North Darfur state, since May 10. Separately, dozens of people were "
    "abducted by gunmen near Kutum on March 12, residents said.",

    "Hundreds of protesters marched in Port Sudan on Thursday demanding an end to the war. "
    "Police fired tear gas to disperse the crowd and arrested 23 people, witnesses said. "
    "Two protesters were injured, a doctors' committee reported.",

    "A Russian missile strike on Kharkiv overnight killed four people and injured 19, the "
    "regional governor said on Friday. The strike hit a residential building in the Kyivskyi "
    "district. Ukrainian air defence shot down 12 of 15 drones launched over the Kharkiv region "
    "between 10 and 12 March, the air force said.",

    "Suspected Boko Haram fighters attacked the village of Konduga in Borno state late on Monday, "
    "killing 14 farmers, a local official said. The militants burned dozens of homes and "
    "abducted at least seven women. The Nigerian army said its troops killed five of the "
    "attackers in a clash near Maiduguri two days ago.",

    "Israeli airstrikes on Rafah killed at least 31 Palestinians, among them 12 children, the "
    "health ministry in Gaza said on Wednesday. The death toll from the strikes rose to 40 by "
    "the evening, it said. Israel said it targeted Hamas fighters in the city.",

    "M23 rebels seized the town of Rubaya in North Kivu province earlier this week after heavy "
    "fighting with the Congolese army, local sources said. The rebels, who are backed by "
    "Rwanda, have captured several mining towns since January 2024. The army vowed to retake "
    "the town in the coming days.",

    "Gunmen shot dead a police officer in Peshawar on Sunday morning, police said. No group "
    "claimed the attack. Tehreek-e-Taliban Pakistan has carried out dozens of attacks in Khyber "
    "Pakhtunkhwa province since the end of a ceasefire in November 2022.",

    "Turkish drones struck positions of the Kurdistan Workers' Party in northern Iraq on "
    "March 9, the defence ministry in Ankara said, adding that 9 militants had been "
    "neutralised. The strikes came a day after two Turkish soldiers were killed in the Duhok "
    "region, the ministry said.",

    "In Mali, jihadists linked to al-Qaeda ambushed a convoy near Gao last month, killing "
    "between 20 and 25 soldiers, according to security sources. Separately, the army said it "
    "had arrested 18 suspects in Mopti in recent days. The junta has banned political "
    "activities since April 2023.",
)


def build_article(size: int) -> str:
    """Paragraphs in a fixed cycle, joined by newlines, until ``size`` characters (cut at a paragraph)."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size:
        paragraph = PARAGRAPHS[index % len(PARAGRAPHS)]
        parts.append(paragraph)
        total += len(paragraph) + 1
        index += 1
    return "\n".join(parts)


def code(text: str) -> tuple[float, int]:
    """Seconds to code one article with this text, and how many event records it gave."""
    started = time.perf_counter()
    records = extract_records(Article("linear", text, PUBLISHED, source="benchmark"))
    return time.perf_counter() - started, len(records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="CHARS")
    parser.add_argument("--limit", type=float, default=5.0,
                        help="the most a 4x step may cost, as a multiple of the step before (default 5)")
    args = parser.parse_args(argv)
    code(build_article(2_000))  # loads the gazetteer, lexicons and automata
    seconds = []
    for size in args.sizes:
        text = build_article(size)
        elapsed, events = code(text)
        seconds.append(elapsed)
        print(f"{len(text):>10,} characters: {elapsed:8.2f} s, {events} events", flush=True)
    failed = False
    for (small, a), (large, b) in zip(zip(args.sizes, seconds), zip(args.sizes[1:], seconds[1:])):
        ratio = b / a if a else float("inf")
        allowed = args.limit * (large / small) / 4
        verdict = "ok" if ratio <= allowed else f"TOO SLOW (limit {allowed:.1f})"
        failed |= ratio > allowed
        print(f"{large // 1000}K / {small // 1000}K: {ratio:5.2f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
