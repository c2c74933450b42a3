"""Sentence splitting: cheap rules that keep character offsets into the original text.

News wire copy breaks at paragraph ends and at ``. ! ?`` followed by a capital or a quote;
abbreviations such as "Gen." or "U.S." and initials do not end a sentence. In hard-wrapped
copy (old wire services, e-mail) a single line break is only a wrap: there a paragraph ends at a
blank line or an indented line.
"""
from __future__ import annotations

import re
import string
from functools import cache

from eventcoder.article import Article, Sentence
from eventcoder.resources import load_yaml
from eventcoder.stages import stage

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")
_WRAPPED_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*|\n(?=[ \t])")
#: A text is hard-wrapped when most of its lines are of one middling width.
_WRAP_WIDTHS = range(45, 100)
#: A word with its inner apostrophes, points and hyphens ("al-Shabaab", "U.S", "don't").
WORD_TOKEN = re.compile(r"\w+(?:[’'.\-]\w+)*")
#: What the word before a full stop is made of ("U.S", "Gen"); it begins at a letter.
_WORD_CHARACTERS = frozenset(string.ascii_letters + ".")
#: A wire story's dateline ("GOMA, Congo, March 20 (Reuters) - ", "KABUL (AP) — "): where the
#: report was filed, not where what it tells happened.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[\w .]{2,30}?){0,2}(?:\s*\([^)]{1,30}\))?\s*[-—–]{1,2}\s+")


@stage("sentences", reads=("text",), sets=("sentences",))
def split_sentences(article: Article) -> Article:
    """Sets ``article.sentences``."""
    text = article.text
    sentences: list[Sentence] = []
    start = 0
    boundary = _WRAPPED_BOUNDARY if _hard_wrapped(text) else _BOUNDARY
    for match in boundary.finditer(text):
        end = match.end()
        if match.group().startswith((".",)) and _is_abbreviation(_word_before(text, start, match.start())):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    article.sentences = sentences
    return article


def _hard_wrapped(text: str) -> bool:
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    return max(lines) < 100 and sum(width in _WRAP_WIDTHS for width in lines) >= 0.7 * len(lines)


def _word_before(text: str, start: int, stop: int) -> str | None:
    """The letters and dots just before the full stop at ``stop``, from the first letter, read
    back no further than ``start``; None when there is no letter. Reading back from the stop
    costs the word's length, where a search from the sentence start cost the sentence's."""
    first = stop
    while first > start and text[first - 1] in _WORD_CHARACTERS:
        first -= 1
    while first < stop and text[first] == ".":
        first += 1
    return text[first:stop] if first < stop else None


def _is_abbreviation(word: str | None) -> bool:
    if not word:
        return False
    token = word.lower()
    return token in _abbreviations() or len(token) == 1 or (len(token) <= 4 and "." in token)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_yaml("english.yaml")["abbreviations"])


def dateline_end(text: str) -> int:
    """Where a report's dateline ends (0 when it has none)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0
