"""Judging questions about a vague request: what they cover and what they earn.

The env, not the simulator, decides which details a question covers: a question covers a detail
of the request when it uses one of the detail's keywords (``infopo_envs.core.lexicon``). A
strict user (the reluctant persona) answers only questions about exactly one detail, so a
question touching several counts as too vague.

A question that covers new details earns the reward of the most important one (1.0 / 0.7 / 0.4
for importance 3 / 2 / 1), minus 0.2 for each extra detail it covers at once, floored at 0:
one focused question per detail pays best.
"""

from __future__ import annotations

from collections.abc import Iterable

from infopo_envs.core.lexicon import mentions, words_of
from infopo_envs.intention.details import DetailKind, RequestTemplate

IMPORTANCE_REWARD = {3: 1.0, 2: 0.7, 1: 0.4}
EXTRA_DETAIL_PENALTY = 0.2


def details_asked_about(
    question: str, template: RequestTemplate, strict: bool = False
) -> list[DetailKind]:
    """The detail kinds of ``template`` that ``question`` asks about, in catalogue order."""
    text = words_of(question)
    hits = [kind for kind in template.details if mentions(text, kind.keywords)]
    return [] if strict and len(hits) > 1 else hits


def question_reward(new_importances: Iterable[int]) -> float:
    """The reward for a question that newly covers details of these importances."""
    importances = list(new_importances)
    if not importances:
        return 0.0
    reward = IMPORTANCE_REWARD[max(importances)] - EXTRA_DETAIL_PENALTY * (len(importances) - 1)
    return round(max(reward, 0.0), 10)


def coverage(covered_importances: Iterable[int], all_importances: Iterable[int]) -> float:
    """Importance-weighted share of the missing details covered, in [0, 1]."""
    total = sum(all_importances)
    return sum(covered_importances) / total if total else 1.0
