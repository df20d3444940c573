"""Choosing hidden tests that tell a task apart from the other variants of its family.

A family's variants differ in their hidden parameters (a threshold, a rounding rule, a tie-break).
A test on which most variants return the same value measures nothing about what the agent asked:
a submission that guessed the parameters passes it anyway. So each task's hidden tests are chosen
from a pool of candidate inputs (its own, those of its sibling variants, and small mutations of
them, kept only where every variant runs without raising) as the ones on which the fewest
siblings agree with the task's reference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from infopo_envs.coding.sandbox import Expected, expected_of_each, values_match

#: Hidden tests per task.
TESTS = 12
#: Mutated candidates added to the pool.
MUTATIONS = 64


def same_outcome(left: Expected, right: Expected) -> bool:
    if left.raises is not None or right.raises is not None:
        return left.raises == right.raises
    return values_match(left.value, right.value)


def mutate(value: Any, rng: np.random.Generator) -> Any:
    """A nearby value of the same shape (numbers nudged, text edited, one element changed)."""
    kind = type(value)
    if kind is bool or value is None:
        return value
    if kind is int:
        return (
            value + int(rng.choice((-3, -2, -1, 1, 2, 3, 5, 10)))
            if value
            else int(rng.integers(1, 6))
        )
    if kind is float:
        return round(
            value * float(rng.choice((0.5, 0.9, 1.1, 1.5, 2.0))) + float(rng.choice((0, 0.25))), 2
        )
    if kind is str:
        return _mutate_text(value, rng)
    if kind in (list, tuple) and value:
        items = list(value)
        index = int(rng.integers(len(items)))
        choice = int(rng.integers(3))
        if choice == 0:
            items[index] = mutate(items[index], rng)
        elif choice == 1 and len(items) > 1:
            del items[index]
        else:
            items.insert(index, items[index])
        return kind(items)
    if kind is dict and value:
        key = list(value)[int(rng.integers(len(value)))]
        return {**value, key: mutate(value[key], rng)}
    return value


def _mutate_text(text: str, rng: np.random.Generator) -> str:
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    choice = int(rng.integers(5))
    if choice == 3:
        return text + text[-1:] if text else "a"
    if choice == 4 and text:
        i = int(rng.integers(len(text)))
        return text[:i] + text[i + 1 :]
    if choice == 0 and digits:
        i = digits[int(rng.integers(len(digits)))]
        return text[:i] + str(int(rng.integers(10))) + text[i + 1 :]
    if choice == 1 and letters:
        i = letters[int(rng.integers(len(letters)))]
        return text[:i] + text[i].swapcase() + text[i + 1 :]
    words = text.split(" ")
    i = int(rng.integers(len(words)))
    return " ".join([*words[: i + 1], words[i], *words[i + 1 :]])


def candidate_pool(
    own: Sequence[tuple], siblings_calls: Sequence[Sequence[tuple]], rng: np.random.Generator
) -> tuple[list[tuple], int]:
    """The task's own calls and its siblings' calls, then mutations of them, without duplicates;
    also how many of them are unmutated (inputs the family itself uses)."""
    pool: dict[str, tuple] = {}
    for calls in (own, *siblings_calls):
        for call in calls:
            pool.setdefault(repr(call), tuple(call))
    seeds = list(pool.values())
    for _ in range(MUTATIONS):
        base = seeds[int(rng.integers(len(seeds)))]
        for _ in range(int(rng.integers(1, 3)) if base else 0):  # one or two edits
            position = int(rng.integers(len(base)))
            base = (*base[:position], mutate(base[position], rng), *base[position + 1 :])
        pool.setdefault(repr(base), base)
    return list(pool.values()), len(seeds)


def discriminating_tests(
    reference: Callable[..., Any],
    siblings: Sequence[Callable[..., Any]],
    pool: Sequence[tuple],
    family_inputs: int,
    rng: np.random.Generator,
    count: int = TESTS,
) -> list[tuple]:
    """``count`` inputs of ``pool`` that tell ``reference`` from its ``siblings``.

    First, greedily, inputs that each rule out the most siblings not yet ruled out (so no
    sibling passes every test, where the pool allows); then those on which the fewest siblings
    agree with the reference. The first ``family_inputs`` inputs of the pool are the family's
    own; a mutated input on which the reference raises lies outside the family's domain and is
    dropped. Ties are broken by ``rng``.
    """
    mine, *theirs = expected_of_each([reference, *siblings], list(pool))
    candidates = []
    for index in range(len(pool)):
        if index >= family_inputs and mine[index].raises is not None:
            continue
        differs = frozenset(
            k for k, outcome in enumerate(theirs) if not same_outcome(mine[index], outcome[index])
        )
        candidates.append((differs, float(rng.random()), index))
    candidates.sort(key=lambda item: (-len(item[0]), item[1]))
    chosen: list[tuple] = []
    alive = set(range(len(siblings)))
    while alive and len(chosen) < count:
        best = max(candidates, key=lambda item: len(item[0] & alive), default=None)
        if best is None or not best[0] & alive:
            break
        chosen.append(best)
        alive -= best[0]
        candidates.remove(best)
    # Then the inputs most siblings get wrong, spread over the reference's outputs: tests that
    # all expect one value (None, say) would let a constant function pass them all.
    repeats = {item[2]: _repeats(item[2], chosen, mine) for item in candidates}
    while candidates and len(chosen) < count:
        best = min(candidates, key=lambda item: _cost(item, repeats[item[2]], len(siblings)))
        chosen.append(best)
        candidates.remove(best)
        for _, _, index in candidates:
            repeats[index] += same_outcome(mine[index], mine[best[2]])
    return [pool[index] for _, _, index in chosen]


def _repeats(index: int, chosen, mine: list[Expected]) -> int:
    """How many chosen tests expect the same outcome as input ``index``."""
    return sum(same_outcome(mine[index], mine[other]) for _, _, other in chosen)


def _cost(item, repeats: int, siblings: int) -> tuple:
    """Siblings agreeing on this input, plus a share of all siblings per chosen test that
    expects the same outcome (``repeats``); ties by the candidate's random draw."""
    differs, draw, _ = item
    return (siblings - len(differs) + repeats * (siblings // 2 + 1), draw)
