"""Normalising place names so that transliterations of one name meet in one key.

Two tiers: :func:`name_key` folds script, case, apostrophes, hyphens, the Arabic article
and a few whole-token spellings (``data/places_names.yaml``); :func:`skeleton_key` goes
further (vowels, doubled letters, q/k, dh/d) and is only consulted when the exact key finds
nothing, because it also brings unrelated names together.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from anyascii import anyascii

from eventcoder.resources import load_yaml

_APOSTROPHES = re.compile(r"['’‘`ʿʾʼ´′ʻ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouyw]+")
_CONSONANT_FOLDS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"),
                    ("ph", "f"), ("ch", "c"), ("q", "k"), ("c", "k"), ("j", "g"),
                    ("g", "k"), ("v", "b"), ("z", "s"))
_DOUBLES = re.compile(r"(.)\1+")
_LATIN = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF]+$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$|\d")
#: Shortest skeleton key kept in the loose tier: shorter ones join too many unrelated names.
MIN_SKELETON = 3
#: Names whose keys are remembered: every capitalised span of an article is keyed, and
#: the same spans and place names recur from article to article.
KEY_CACHE_SIZE = 1 << 17


@cache
def _rules() -> dict:
    rules = load_yaml("places_names.yaml")
    rules["articles"] = frozenset(a.strip("-") for a in rules["articles"])
    rules["division_words"] = frozenset(rules["division_words"])
    return rules


def name_tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, apostrophes removed, the Arabic article dropped."""
    if name.isascii():  # most names: transliterating hands them back, and ASCII has two apostrophes
        ascii_name = name.replace("'", "").replace("`", "").lower()
    else:
        ascii_name = _APOSTROPHES.sub("", anyascii(_APOSTROPHES.sub("", name))).lower()
    rules = _rules()
    if ascii_name.isalnum():  # one word ("Nairobi"): nothing to split, no article to drop
        return [rules["token_variants"].get(ascii_name, ascii_name)]
    tokens = [t for t in _NON_ALNUM.split(ascii_name) if t]
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in rules["articles"]] or tokens[-1:]
    variants = rules["token_variants"]
    tokens = [variants.get(t, t) for t in tokens]
    if len(tokens) > 1:
        tokens[0] = rules["leading_variants"].get(tokens[0], tokens[0])
    return tokens


@lru_cache(maxsize=KEY_CACHE_SIZE)
def name_key(name: str) -> str:
    """The exact-tier key: "Dayr al-Zawr", "Deir ez-Zor" and "Dayr az Zawr" all give "deirzor"."""
    return "".join(name_tokens(name))


def skeleton_key(key: str) -> str:
    """The loose-tier key of a :func:`name_key`: first letter kept, later vowels dropped.

    "kismayo", "kismaayo" and "kismayu" all give "ksm"; used only when the exact key fails.
    """
    if key.startswith("al") and len(key) > 6:
        key = key[2:]
    if not key:
        return key
    head, tail = key[0], key[1:]
    for old, new in _CONSONANT_FOLDS:
        tail = tail.replace(old, new)
    tail = _VOWELS.sub("", tail.replace("h", ""))
    head = {"q": "k", "c": "k", "j": "k", "g": "k", "v": "b", "z": "s"}.get(head, head)
    if head in "aeiouy":
        head = "a"
    return _DOUBLES.sub(r"\1", head + tail)


def usable_alternate(name: str) -> bool:
    """Latin-script names with a capital; drops codes (IATA "DEZ") and lower-case junk."""
    return (len(name) > 1 and _LATIN.match(name) is not None and not _CODE_LIKE.search(name)
            and any(ch.isupper() for ch in name))


def tier_keys(names) -> tuple[set[str], set[str]]:
    """The exact keys of a place's names, and the skeleton keys of them that the loose tier
    keeps (at least :data:`MIN_SKELETON` letters)."""
    keys = {key for name in names for key in (name_key(name), _article_joined_key(name))} - {""}
    return keys, {s for s in map(skeleton_key, keys) if len(s) >= MIN_SKELETON}


def _article_joined_key(name: str) -> str:
    """The key of a name whose leading article is written joined to it: "Elwak" for El Wak,
    "Albayda" for Al Bayda; "" for a name without a leading article."""
    words = re.split(r"[\s-]+", anyascii(name).strip())
    if len(words) < 2 or words[0].lower() not in _rules()["articles"]:
        return ""
    return name_key("".join(words))


#: The word linking a leading division word to the name in English, French, Italian, Spanish and
#: Portuguese: "Province of Samar", "Province de la Tapoa".
_LINKING_ARTICLE = re.compile(r"^(?:of(?:\s+the)?\s|de\s+la|de\s+los|de\s+las|de\s+l['’]|du|des|de|d['’]|di|del|della|do|da|dos|das)\s*(?=\S)", re.I)


def strip_division_word(name: str) -> str | None:
    """The name without a trailing or leading division word ("Idlib Governorate" -> "Idlib")."""
    words = name.split()
    division_words = _rules()["division_words"]
    if len(words) > 1 and words[-1].lower() in division_words:
        return " ".join(words[:-1])
    first = words[0].lower() if words else ""
    if len(words) > 1 and first in division_words:
        # "Province de la Tapoa", "Provincia di Roma": the name after the linking article
        return _LINKING_ARTICLE.sub("", " ".join(words[1:])) or None
    if "-" in first and first.split("-")[0] in division_words:
        return name.split("-", 1)[1].lstrip("e ").strip() or None
    return None
