"""Whole-word phrase lookup, for envs whose judge decides from keywords what a message is about.

Envs judge what a message is about from their own hidden state and a lexicon, never from a
simulator's words, so the judgement is the same for every simulator. Matching is on whole
lower-cased words, so ``"cat"`` does not match ``"category"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9$+]+(?:[-'][a-z0-9]+)*")


def words_of(text: str) -> str:
    """Lower-cased words joined by single spaces, padded, for whole-word phrase lookup."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def mentions(padded_words: str, phrases: Iterable[str]) -> bool:
    """Whether any phrase (lower case, words separated by single spaces) occurs in the text."""
    return any(f" {phrase} " in padded_words for phrase in phrases)


def count_mentions(padded_words: str, phrases: Iterable[str]) -> int:
    """How many of the phrases occur in the text."""
    return sum(f" {phrase} " in padded_words for phrase in phrases)


def with_plurals(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` plus the regular English plural of each one's last word, without duplicates.

    Lets a lexicon list ``"guest"`` and still match ``"guests"`` (``"party"`` -> ``"parties"``,
    ``"box"`` -> ``"boxes"``). Irregular plurals must be listed by hand.
    """
    forms: dict[str, None] = {}
    for word in words:
        forms[word] = None
        forms[_plural(word)] = None
    return tuple(forms)


def _plural(phrase: str) -> str:
    if phrase.endswith("s") or not phrase[-1:].isalpha():
        return phrase
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    if phrase.endswith(("x", "ch", "sh")):
        return phrase + "es"
    return phrase + "s"
