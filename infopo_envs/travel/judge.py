"""Deciding what a question to the traveller is about, from the lexicon alone.

The env, not the simulator, decides whether a question elicited a preference. A question is about
a preference kind when it uses one of the kind's keywords and the aspect is clear: named in the
question, or the only aspect of the trip with such a kind. A strict user (the reluctant persona)
requires the aspect to be named every time.
"""

from __future__ import annotations

from infopo_envs.core.lexicon import mentions, words_of
from infopo_envs.travel.catalogue import ASPECT_WORDS, KINDS, PreferenceKind


def kinds_asked_about(question: str, aspects: list[str], strict: bool) -> list[PreferenceKind]:
    """The preference kinds of the trip's ``aspects`` that ``question`` concretely asks about."""
    text = words_of(question)
    named = [a for a in aspects if mentions(text, ASPECT_WORDS[a])]
    hits: list[PreferenceKind] = []
    for aspect in aspects:
        for kind in KINDS[aspect]:
            if not mentions(text, kind.keywords):
                continue
            if aspect in named or (not strict and not named and _unambiguous(kind, aspects, text)):
                hits.append(kind)
    return hits


def _unambiguous(kind: PreferenceKind, aspects: list[str], text: str) -> bool:
    """No other aspect of the trip has a kind that the same words would match."""
    return not any(
        mentions(text, other.keywords)
        for aspect in aspects
        if aspect != kind.aspect
        for other in KINDS[aspect]
    )
