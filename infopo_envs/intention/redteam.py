"""Cheating agents for Intention: ways to earn coverage without asking one question per detail.

Each reads only the opening (to find which catalogue request it is, the catalogue being public
data) and plays through ``reset``/``step``; none sees which details the task leaves out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from typing import Any

import gymnasium as gym

from infopo_envs.intention.details import RequestTemplate
from infopo_envs.intention.env import VAGUE_QUESTION
from infopo_envs.intention.requests import TEMPLATES

ENV_ID = "InfoPO/Intention-v0"


def template_of(opening: str) -> RequestTemplate:
    """The catalogue request the opening asks for (the longest request clause it contains)."""
    found = [t for t in TEMPLATES if t.request in opening]
    if not found:
        raise ValueError("the opening names no catalogue request")
    return max(found, key=lambda template: len(template.request))


class ScriptedCheater:
    """Plays the actions ``script(template)`` yields, one per turn, without reading replies."""

    def __init__(self, script: Callable[[RequestTemplate], Iterator[str]]):
        self.script = script

    def reset(self, env: gym.Env, observation: str, info: dict[str, Any]) -> None:
        self.actions = self.script(template_of(observation))

    def act(self, observation: str, info: dict[str, Any]) -> str:
        return next(self.actions)


def kitchen_sink(template: RequestTemplate) -> Iterator[str]:
    """Every canonical question of the request in one message, sent again every turn."""
    message = " ".join(kind.question for kind in template.details)
    while True:
        yield f"[action] {message}"


def rotating_kitchen_sink(template: RequestTemplate) -> Iterator[str]:
    """The kitchen-sink message with a different question first each turn."""
    questions = [kind.question for kind in template.details]
    for turn in count():
        shift = turn % len(questions)
        yield "[action] " + " ".join(questions[shift:] + questions[:shift])


def keyword_salad(template: RequestTemplate) -> Iterator[str]:
    """Every lexicon keyword of the request's details, as one list, every turn."""
    words = [kind.keywords[0] for kind in template.details]
    while True:
        yield f"[action] Tell me about: {', '.join(words)}?"


def catalogue_salad(template: RequestTemplate) -> Iterator[str]:
    """The labels of every detail of every request, without even reading the opening."""
    labels = sorted({kind.label for t in TEMPLATES for kind in t.details})
    message = "What about the " + ", ".join(labels) + "?"
    while True:
        yield f"[action] {message}"


def vague_spam(template: RequestTemplate) -> Iterator[str]:
    """The same open question every turn."""
    while True:
        yield f"[action] {VAGUE_QUESTION}"


def blind_answer(template: RequestTemplate) -> Iterator[str]:
    """No question: a plan that names every acceptable value of every detail."""
    values = "; ".join(f"{k.label}: {' or '.join(k.values)}" for k in template.details)
    yield f"[answer] I will {template.request} with {values}."


def one_question_per_detail(template: RequestTemplate) -> Iterator[str]:
    """Not a cheat: the canonical question of every detail of the request, one per turn,
    without using the answers. It is what asking about the missing details means when the
    agent cannot know which ones are missing, so it must keep reaching full coverage."""
    for kind in template.details:
        yield f"[action] {kind.question}"
    yield "[finish]"


CHEATERS = {
    ENV_ID: {
        name: (lambda script=script: ScriptedCheater(script))
        for name, script in {
            "kitchen_sink": kitchen_sink,
            "rotating_kitchen_sink": rotating_kitchen_sink,
            "keyword_salad": keyword_salad,
            "catalogue_salad": catalogue_salad,
            "vague_spam": vague_spam,
            "blind_answer": blind_answer,
        }.items()
    }
}

#: Honest strategies that need no hidden state; the fixes must leave them at full coverage.
HONEST = {ENV_ID: {"one_question_per_detail": lambda: ScriptedCheater(one_question_per_detail)}}
