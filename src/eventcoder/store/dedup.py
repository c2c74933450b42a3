"""Near-duplicate articles (syndicated copies): word shingles, MinHash and LSH bands.

A wire story reprinted by ten outlets is one source, not ten. Each article's normalised text is
cut into overlapping word shingles; a 64-value MinHash signature is split into 32 bands of two
values, and an article sharing any band with an earlier one is a candidate. Candidates are
checked exactly: the share of the smaller article's shingles found in the other (so a copy with
an added paragraph or a new headline still counts).
"""
from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
from anyascii import anyascii

PERMUTATIONS = 64
BAND_ROWS = 2
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"[a-z0-9]+")


@cache
def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Fixed hash permutations, so signatures stored by one run match the next run's."""
    rng = np.random.default_rng(20240315)
    a = rng.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)
    return a, b


def normalise(text: str) -> list[str]:
    """Lower-case ASCII words: quotes, dashes and accents do not hide a copy."""
    return _WORD.findall(anyascii(text).lower())


def shingles(text: str, width: int) -> set[int]:
    """Hashes of every run of ``width`` words (the whole text when it is shorter)."""
    words = normalise(text)
    if len(words) < width:
        runs = [" ".join(words)] if words else []
    else:
        runs = [" ".join(words[i:i + width]) for i in range(len(words) - width + 1)]
    return {int.from_bytes(hashlib.blake2b(run.encode(), digest_size=4).digest(), "big") for run in runs}


def overlap(first: set[int], second: set[int]) -> float:
    """The share of the smaller set found in the other: 1.0 for a copy, even one with additions."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def band_hashes(shingle_set: set[int]) -> list[int]:
    """One 63-bit hash per LSH band of the MinHash signature, to look candidates up by index."""
    if not shingle_set:
        return []
    a, b = _coefficients()
    values = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    with np.errstate(over="ignore"):
        signature = ((np.outer(a, values) + b[:, None]) % _PRIME).min(axis=1)
    bands = signature.reshape(-1, BAND_ROWS)
    return [int.from_bytes(hashlib.blake2b(band.tobytes(), digest_size=8).digest(), "big") >> 1
            for band in bands]
