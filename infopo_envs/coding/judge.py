"""Deciding what a message to the user is about, through the shared judging core.

The env, not the simulator, decides what a question elicits. Each hidden fact's keywords are
the phrases of a ``Lexicon`` (matched on lemmas, hyphens and inflections by
``infopo_envs.core.judging``): a question is about the fact with the most phrases it uses and
does not refuse ("don't worry about rounding yet" is about nothing); on a tie, the one whose
longest matching phrase is longer (more specific), then the one listed first. A question about
what the function is for ("What exactly do you need the function to do?") is about its
*purpose*, answered with a summary of the request, never with a hidden test.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from infopo_envs.coding.family import Fact
from infopo_envs.core.judging import Lexicon, read

PURPOSE = "purpose"
#: Phrases that ask what the function is for, as a whole, rather than about one detail.
PURPOSE_PHRASES = (
    "what ... function ... do",
    "what ... it ... do",
    "what should ... do",
    "what do you need",
    "what do you want",
    "what exactly",
    "what is it for",
    "what is the function for",
    "what is the purpose",
    "purpose",
    "goal",
    "tell me more",
    "more detail",
    "describe",
    "explain what",
    "use case",
    "what ... trying to",
    "what ... supposed to",
)


@lru_cache(maxsize=4096)
def _lexicon(facts: tuple[Fact, ...]) -> Lexicon:
    return Lexicon({fact.key: fact.keywords for fact in facts})


_PURPOSE = Lexicon({PURPOSE: PURPOSE_PHRASES})


def fact_asked_about(question: str, facts: tuple[Fact, ...]) -> Fact | None:
    """The fact ``question`` is most clearly about, or None when it names none."""
    hits = [hit for hit in read(question).find(_lexicon(facts)) if not hit.negated]
    if not hits:
        return None
    counts = Counter(hit.key for hit in hits)
    longest = Counter()
    for hit in hits:
        longest[hit.key] = max(longest[hit.key], len(hit.phrase.split()))
    score = {key: (counts[key], longest[key]) for key in counts}
    best = max(score.values())
    return next(fact for fact in facts if score.get(fact.key) == best)


def asks_purpose(question: str) -> bool:
    """Whether ``question`` asks what the function is for as a whole."""
    return PURPOSE in read(question).keys(_PURPOSE)
