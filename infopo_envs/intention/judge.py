"""Judging questions about a vague request: what they ask about, what they earn, what they cover.

The env, not the simulator, decides which details a question asks about, by reading it with the
shared judging core (``infopo_envs.core.judging``): each detail's phrases (keywords curated in
the catalogue, broadened by ``vocabulary``: its label and shared concept synonyms that no other
detail of the request shares) are a lexicon matched on lemmas, with multi-word expressions,
hyphens and markdown normalized;
details the writer puts aside ("let's not worry about the budget yet") are not asked about; and
greetings and offers of help ("How can I help?", ``data/traps.json``) are about nothing.
Details come in the order the writer means them.

One message elicits at most one detail, as a person answers one thing at a time: the first
missing detail it asks about that is not covered yet. That detail alone is revealed and counted
in the coverage (the outcome). A message asking about more than ``MAX_DETAILS_PER_QUESTION``
details is a list of questions, not a question, and is answered as too vague; a strict user (the
reluctant persona) allows only one, the core's strictness rule. So the kitchen-sink message that
lists every question of the request covers nothing, and sending it again changes nothing.

A question that covers a detail earns 1.0 / 0.7 / 0.4 for its importance 3 / 2 / 1, minus 0.2
for each other detail the message asks about at once, floored at 0: one focused question per
detail pays best (IntentionGym's multi-detail penalty).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources

from pydantic import BaseModel

from infopo_envs.core.judging import Lexicon, read, topics
from infopo_envs.intention.details import DetailKind, RequestTemplate
from infopo_envs.intention.vocabulary import template_phrases

IMPORTANCE_REWARD = {3: 1.0, 2: 0.7, 1: 0.4}
EXTRA_DETAIL_PENALTY = 0.2
MAX_DETAILS_PER_QUESTION = 2


class Traps(BaseModel):
    """Phrases that name no detail however many keywords they contain ("how can I help")."""

    ignore: list[str]


@functools.cache
def traps() -> Traps:
    text = resources.files("infopo_envs.intention").joinpath("data", "traps.json").read_text()
    return Traps.model_validate(json.loads(text))


@functools.cache
def lexicon(template: RequestTemplate) -> Lexicon:
    """The template's details as a lexicon: detail name -> its curated and derived phrases."""
    return Lexicon(template_phrases(template), ignore=traps().ignore)


def details_asked_about(
    question: str, template: RequestTemplate, strict: bool = False
) -> list[DetailKind]:
    """The detail kinds of ``template`` that ``question`` asks about, in the writer's order;
    none when a strict reader finds more than one."""
    reading = read(question)
    found = topics(reading, lexicon(template), strict=strict)
    # a detail put off for later ("we can sort out the packing later") comes after those asked now;
    # a statement that only puts details off ("let's hold off on the salary for now") asks
    # nothing, while a question may still say "yet" ("have you picked a venue yet?")
    later = {hit.key for hit in reading.find(lexicon(template)) if hit.deferred}
    if "?" not in question and all(key in later for key in found.keys):
        return []
    return [template.detail(name) for name in sorted(found.keys, key=lambda k: k in later)]


def details_answered(asked: list[DetailKind]) -> list[DetailKind]:
    """The details a user takes the question to be about: none when it lists too many."""
    return [] if len(asked) > MAX_DETAILS_PER_QUESTION else asked


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
