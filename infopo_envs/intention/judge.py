"""Judging questions about a vague request: what they ask about, what they earn, what they cover.

The env, not the simulator, decides which details a question asks about: a question asks about
a detail of the request when it uses one of the detail's keywords (``infopo_envs.core.lexicon``),
in the order the question mentions them.

One message elicits at most one detail, as a person answers one thing at a time: the first
missing detail it asks about that is not covered yet. That detail alone is revealed and counted
in the coverage (the outcome). A message asking about more than ``MAX_DETAILS_PER_QUESTION``
details is a list of questions, not a question, and is answered as too vague; a strict user (the
reluctant persona) allows only one. So the kitchen-sink message that lists every question of the
request covers nothing, and sending it again changes nothing.

A question that covers a detail earns 1.0 / 0.7 / 0.4 for its importance 3 / 2 / 1, minus 0.2
for each other detail the message asks about at once, floored at 0: one focused question per
detail pays best (IntentionGym's multi-detail penalty).
"""

from __future__ import annotations

from collections.abc import Iterable

from infopo_envs.core.lexicon import words_of
from infopo_envs.intention.details import DetailKind, RequestTemplate

IMPORTANCE_REWARD = {3: 1.0, 2: 0.7, 1: 0.4}
EXTRA_DETAIL_PENALTY = 0.2
MAX_DETAILS_PER_QUESTION = 2


def details_asked_about(question: str, template: RequestTemplate) -> list[DetailKind]:
    """The detail kinds of ``template`` that ``question`` asks about, in the order it asks."""
    text = words_of(question)
    first_mention = {}
    for kind in template.details:
        positions = [text.find(f" {phrase} ") for phrase in kind.keywords]
        found = [position for position in positions if position >= 0]
        if found:
            first_mention[kind.name] = (min(found), kind)
    return [kind for _, kind in sorted(first_mention.values(), key=lambda item: item[0])]


def details_answered(asked: list[DetailKind], strict: bool = False) -> list[DetailKind]:
    """The details a user takes the question to be about: none when it lists too many."""
    limit = 1 if strict else MAX_DETAILS_PER_QUESTION
    return [] if len(asked) > limit else asked


def question_reward(importance: int | None, asked_count: int) -> float:
    """The reward for a question that covers a detail of ``importance`` (None: nothing) while
    asking about ``asked_count`` details in all."""
    if importance is None:
        return 0.0
    reward = IMPORTANCE_REWARD[importance] - EXTRA_DETAIL_PENALTY * (asked_count - 1)
    return round(max(reward, 0.0), 10)


def coverage(covered_importances: Iterable[int], all_importances: Iterable[int]) -> float:
    """Importance-weighted share of the missing details covered, in [0, 1]."""
    total = sum(all_importances)
    return sum(covered_importances) / total if total else 1.0
