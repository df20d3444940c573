"""Deciding which hidden fact a question to the user is about, from the lexicon alone.

The env, not the simulator, decides what a question elicits. A question is about a fact when it
uses the fact's keywords (whole words, ``infopo_envs.core.lexicon``); when several facts match,
the one with the most matching keywords wins, then the one listed first.
"""

from __future__ import annotations

from infopo_envs.coding.tasks import Fact
from infopo_envs.core.lexicon import mentions, words_of


def fact_asked_about(question: str, facts: tuple[Fact, ...]) -> Fact | None:
    """The fact ``question`` is most clearly about, or None when it names none."""
    text = words_of(question)
    best, best_hits = None, 0
    for fact in facts:
        hits = sum(mentions(text, (keyword,)) for keyword in _normalised(fact.keywords))
        if hits > best_hits:
            best, best_hits = fact, hits
    return best


def _normalised(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """Keywords in the lexicon's normal form, so "tax-free" or "don't" match as written."""
    return tuple(words_of(keyword).strip() for keyword in keywords)
