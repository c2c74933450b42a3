"""No rule or test may be written from a development set's own sentences: a run of 8 words of
their running text (articles, notes, sentences) found in the package or the tests is a rule fitted
to one text, which will not carry over to news the coder has never read.

Only running text is compared: file-format lines, column headers, answer keys, taxonomy labels
and actor names are not read from the sets. EXEMPT lists the runs that may be shared anyway,
each with its reason.
"""
import csv
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = (ROOT / "src" / "eventcoder", ROOT / "tests")
TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".json", ".jsonl", ".txt", ".md", ".js", ".html", ".css"}
RUN = 8
WORD = re.compile(r"[a-z0-9']+")

#: Runs that may appear in both, with the reason.
EXEMPT = {
    "one two three four five six seven eight": "counting words, a number lexicon, not prose",
    "two three four five six seven eight nine": "counting words, a number lexicon, not prose",
}


def runs(text: str) -> Iterator[str]:
    words = WORD.findall(text.lower())
    return (" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1))


def running_texts(data: Path) -> Iterator[str]:
    """The prose of each development set, read in place."""
    yield (data / "seed" / "article.txt").read_text(encoding="utf-8")
    for record in json.loads((data / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8")):
        yield record.get("text") or ""
    for path in sorted((data / "muc4").rglob("*")):
        if path.is_file() and not path.name.startswith(("key", "text-headers")):
            yield path.read_text(encoding="latin-1")  # messages and the slot documentation
    for name in ("lgl.xml", "GWN.xml"):
        for element in ElementTree.parse(data / "geoparsing" / name).getroot().iter("text"):
            yield element.text or ""
    with open(data / "acled-kenya" / "acled_kenya_2007_2019.csv", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            yield row["notes"]


def our_runs() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in OURS:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                for run in runs(path.read_text(encoding="utf-8", errors="replace")):
                    found.setdefault(run, path.relative_to(ROOT))
    return found


def test_no_run_of_eight_words_is_taken_from_a_development_set(shared_data):
    ours = our_runs()
    shared = {run: path for text in running_texts(shared_data) for run in runs(text)
              if run in ours and run not in EXEMPT for path in [ours[run]]}
    listed = "\n".join(f"  {path}: {run!r}" for run, path in sorted(shared.items(), key=lambda item: str(item[1])))
    assert not shared, f"{len(shared)} runs of {RUN} words copied from ../shared/data:\n{listed}"


def test_the_check_finds_a_copied_sentence():
    sentence = "Officials said the convoy was hit twice near the northern checkpoint before dawn."
    assert set(runs(sentence)) & set(runs(f"A rule: {sentence.lower()}"))
