"""Canonical attribute and option values, and the one rule that says two values are the same.

WebShop compares values with a token-set ratio, which treats a value as matching any value that
contains its words ("gold" and "rose gold", "iphone 15" and "iphone 15 pro") and ignores which
number a value carries ("pack of 2" and "pack of 3"). Here a value is read as its numbers (parsed,
compared exactly, in order) and its words (units spelled one way, compared as a whole phrase);
the only fuzziness left bridges spelling and case: a word of 4 or more letters may differ from
its counterpart by one edit (two from 8 letters), so "grey"/"gray" and "colour"/"color" match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

#: Unit spellings -> one canonical spelling (applied to whole words, longest first).
UNITS = {
    "fluid ounces": "fl oz",
    "fluid ounce": "fl oz",
    "fl. oz": "fl oz",
    "floz": "fl oz",
    "ounces": "oz",
    "ounce": "oz",
    "inches": "inch",
    "pounds": "lb",
    "pound": "lb",
    "lbs": "lb",
    "ct": "count",
    "pk": "pack",
    "watts": "w",
    "watt": "w",
}
_UNIT = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r")"
    r"(?![a-z])"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_INCH = re.compile(r'(\d)\s*(?:"|”|″|in\b)')
_PACK_FIRST = re.compile(r"(\d+(?:\.\d+)?)\s*pack\b")
_NOT_WORD = re.compile(r"[^a-z0-9.%#]+")
_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")
MIN_FUZZY_WORD = 4
LONG_WORD = 8


def canonical(value: str) -> str:
    """Lower case, accents and punctuation dropped, hyphens as spaces, units spelled one way,
    ``N pack`` as ``pack of N``: ``"Pack-of-2"``, ``"2 Pack"`` -> ``"pack of 2"``."""
    text = _INCH.sub(r"\1 inch", value.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = _DOTS.sub(" ", text.replace("fl.", "fl"))
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    text = _UNIT.sub(lambda m: UNITS[m.group(1)], text)
    text = re.sub(r"(\d)(?=[a-z])", r"\1 ", text)  # "65w" -> "65 w", "2k" -> "2 k"
    text = _PACK_FIRST.sub(r"pack of \1", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Value:
    """A value as numbers and words: ``"8 oz (pack of 4)"`` -> (8, 4), ``"# oz pack of #"``."""

    numbers: tuple[Decimal, ...]
    words: tuple[str, ...]

    @classmethod
    def read(cls, value: str) -> Value:
        return _read(value)


@functools.lru_cache(maxsize=8192)  # the catalogue's values are a small, fixed vocabulary
def _read(value: str) -> Value:
    text = canonical(value)
    numbers = tuple(Decimal(n) for n in _NUMBER.findall(text))
    return Value(numbers, tuple(_NUMBER.sub("#", text).split()))


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_WORD or not a.isalpha() or not b.isalpha():
        return False
    allowed = 2 if min(len(a), len(b)) >= LONG_WORD else 1
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def same_value(a: str, b: str) -> bool:
    """Whether two attribute or option values are the same: equal numbers, and the same words
    in the same order up to spelling (never one value's words a subset of the other's)."""
    first, second = Value.read(a), Value.read(b)
    if first.numbers != second.numbers or len(first.words) != len(second.words):
        return False
    return all(_same_word(x, y) for x, y in zip(first.words, second.words, strict=True))
