"""Cheating agents for Telepathy: ways to name the hidden thing without finding it by questions.

They play through ``reset``/``step`` and read only public data: the knowledge base's names and
the fixed entity split (standing for a policy that memorized which things train tasks use, so
that only the held-out ones are left to try).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import gymnasium as gym

from infopo_envs.telepathy.env import MAX_QUESTION_LENGTH, TelepathyEnv, entity_split
from infopo_envs.telepathy.knowledge import knowledge_base
from infopo_envs.telepathy.schema import SIZES

ENV_ID = "InfoPO/Telepathy-v0"

#: What a language model guesses first in twenty questions.
POPULAR_GUESSES = (
    "dog", "cat", "elephant", "apple", "car", "banana", "lion", "tree", "chair", "pizza",
    "horse", "phone", "bicycle", "book", "fish", "table", "giraffe", "house", "guitar", "cow",
)  # fmt: skip


def held_out_names() -> list[str]:
    """The names of the things no train task uses: the only answers a test task can have."""
    test_pool, _ = entity_split(TelepathyEnv.test_size)
    entities = knowledge_base()
    return sorted(entities[int(i)].name for i in test_pool)


def every_name() -> list[str]:
    return [entity.name for entity in knowledge_base()]


class ScriptedCheater:
    """Plays ``script(replies)`` one action per turn; ``replies`` holds the feedback so far."""

    def __init__(self, script: Callable[[list[str]], Iterator[str]]):
        self.script = script

    def reset(self, env: gym.Env, observation: str, info: dict[str, Any]) -> None:
        self.replies: list[str] = []
        self.actions = self.script(self.replies)

    def act(self, observation: str, info: dict[str, Any]) -> str:
        if info.get("turn"):
            self.replies.append(observation)
        return next(self.actions)


def popular_guesses(replies: list[str]) -> Iterator[str]:
    """No question: the things people think of most, one guess per turn."""
    while True:
        yield from (f"[answer] {name}" for name in POPULAR_GUESSES)


def guess_spam(replies: list[str]) -> Iterator[str]:
    """No question: every thing of the knowledge base in turn."""
    while True:
        yield from (f"[answer] {name}" for name in every_name())


def held_out_guess_spam(replies: list[str]) -> Iterator[str]:
    """No question: only the held-out things, one guess per turn."""
    while True:
        yield from (f"[answer] {name}" for name in held_out_names())


def guess_questions(replies: list[str]) -> Iterator[str]:
    """Guesses dressed as questions ("Is it a giraffe?"), then the one that got a Yes."""
    for name in held_out_names():
        yield f"[action] Is it {_article(name)}?"
        if replies[-1].startswith("Yes"):
            while True:
                yield f"[answer] {name}"


def name_bisection(replies: list[str]) -> Iterator[str]:
    """Binary search over the held-out names with "is it an X or a Y or ...?" questions."""
    group = held_out_names()
    while len(group) > 1:
        chunk = _fitting_prefix(group[: (len(group) + 1) // 2])
        yield "[action] " + _or_question(chunk)
        group = chunk if replies[-1].startswith("Yes") else group[len(chunk) :]
    while True:
        yield f"[answer] {group[0]}"


def kitchen_sink(replies: list[str]) -> Iterator[str]:
    """Many yes/no questions in one message, then guesses of the held-out things."""
    yield (
        "[action] Is it an animal? Is it a plant? Is it food? Is it a vehicle? Is it a tool? "
        "Is it bigger than a breadbox? Is it alive? Is it man-made? Is it red? Does it fly?"
    )
    yield from held_out_guess_spam(replies)


def letter_search(replies: list[str]) -> Iterator[str]:
    """Questions about the name's first letter only (commonest among held-out names first),
    then guesses of the held-out names with that letter, in alphabetical order."""
    names = held_out_names()
    letters = sorted({n[0] for n in names}, key=lambda c: (-sum(n[0] == c for n in names), c))
    for letter in letters:
        yield f"[action] Does its name start with the letter {letter.upper()}?"
        if replies[-1].startswith("Yes"):
            while True:
                yield from (f"[answer] {n}" for n in names if n[0] == letter)
    yield from held_out_guess_spam(replies)


def size_probe(replies: list[str]) -> Iterator[str]:
    """Finds the size class with everyday references, then compares the thing with each
    held-out thing of that class: a thing is never bigger than itself, so a "No" where the
    others say "Maybe" would name it."""
    steps = (("a coin", 1), ("your hand", 2), ("a breadbox", 3), ("a person", 3), ("a car", 4))
    size = 6
    for reference, below in steps:
        yield f"[action] Is it bigger than {reference}?"
        if not replies[-1].startswith("Yes"):
            size = below
            break
    entities = {entity.name: entity for entity in knowledge_base()}
    same = [n for n in held_out_names() if SIZES.index(entities[n]["size"]) + 1 == size]
    for name in same:
        yield f"[action] Is it bigger than {_article(name)}?"
        if replies[-1].startswith("No"):
            while True:
                yield f"[answer] {name}"
    yield from held_out_guess_spam(replies)


def _article(name: str) -> str:
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _or_question(names: list[str]) -> str:
    return "Is it " + " or ".join(_article(name) for name in names) + "?"


def _fitting_prefix(names: list[str]) -> list[str]:
    while len(_or_question(names)) > MAX_QUESTION_LENGTH and len(names) > 1:
        names = names[:-1]
    return names


CHEATERS = {
    ENV_ID: {
        name: (lambda script=script: ScriptedCheater(script))
        for name, script in {
            "popular_guesses": popular_guesses,
            "guess_spam": guess_spam,
            "held_out_guess_spam": held_out_guess_spam,
            "guess_questions": guess_questions,
            "name_bisection": name_bisection,
            "kitchen_sink": kitchen_sink,
            "size_probe": size_probe,
        }.items()
    }
}

#: Strategies that win only by what their answers tell. ``letter_search`` asks nothing but the
#: name's first letter (about 3.5 bits on the held-out things) and then makes its one guess; it
#: wins exactly when its guess is the first held-out name with that letter, which is what those
#: bits buy, so it is reported next to the cheaters but held to that, not to their bars.
HONEST = {ENV_ID: {"letter_search": lambda: ScriptedCheater(letter_search)}}
