"""Coding tasks: what the user asks for, what they secretly know, and how it is tested.

A task family (``families/``) is a pure function of a NumPy generator that draws the hidden
parameters (thresholds, rounding, tie-breaking, edge cases, return format) and returns a
``CodingTask``. A family's *variants* are its distinct references; one in ``TEST_SHARE`` of
them is reserved for the test split, which walks them all, while train tasks draw a family and
its parameters from the seed and redraw any reserved variant (``draw_variant``).
``generate_task`` then chooses the hidden tests that tell the variant from its siblings
(``probing.py``) and frames the opening. ``task_for(split, index)`` caches the result.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from dataclasses import replace

from infopo_envs.coding.families import FAMILIES
from infopo_envs.coding.family import CodingTask, Fact  # noqa: F401  (the task's types)
from infopo_envs.coding.probing import candidate_pool, discriminating_tests
from infopo_envs.coding.sandbox import Expected, expected_of
from infopo_envs.core import TaskRef, rng_for
from infopo_envs.core.seeding import TEST

ENV_NAME = "CodingCollab"
MIN_TESTS = 10


def family_names() -> list[str]:
    return sorted(FAMILIES)


#: Draws per family that enumerate its variants (distinct references).
VARIANT_DRAWS = 256
#: One variant in TEST_SHARE of each family (at least one) is reserved for the test split.
TEST_SHARE = 4
#: Sibling variants a task's hidden tests are chosen against.
SIBLINGS = 32


def content_hash(reference: str, calls: tuple[tuple, ...] = ()) -> str:
    """SHA-256 of a task's content: its reference and, when given, its hidden tests."""
    return hashlib.sha256(f"{reference}\x1f{calls!r}".encode()).hexdigest()


@functools.cache
def variants(name: str) -> tuple[CodingTask, ...]:
    """The family's variants, one per distinct reference, in a fixed order."""
    seen: dict[str, CodingTask] = {}
    for draw in range(VARIANT_DRAWS):
        task = FAMILIES[name](rng_for(ENV_NAME, "variant", name, draw))
        seen.setdefault(task.reference, task)
    return tuple(seen.values())


@functools.cache
def reserved_for_test(name: str) -> tuple[CodingTask, ...]:
    """The variants only the test split uses: the share with the smallest reference hashes."""
    ranked = sorted(variants(name), key=lambda task: content_hash(task.reference))
    if len(ranked) < 2:
        raise ValueError(f"family {name} has one variant: it cannot serve both splits")
    return tuple(ranked[: max(1, len(ranked) // TEST_SHARE)])


@functools.cache
def _reserved_references(name: str) -> frozenset[str]:
    return frozenset(task.reference for task in reserved_for_test(name))


@functools.lru_cache(maxsize=1)
def reserved_catalogue() -> tuple[tuple[str, int], ...]:
    """Every reserved (family, variant index) in a fixed order that deals the families round
    by round (one variant of every family, in a shuffled order, then the next), so any prefix
    of the test split spreads over the families."""
    rng = rng_for(ENV_NAME, "test catalogue")
    rounds: dict[int, list[tuple[str, int]]] = {}
    for name in family_names():
        for depth, i in enumerate(rng.permutation(len(reserved_for_test(name)))):
            rounds.setdefault(depth, []).append((name, int(i)))
    entries = []
    for depth in sorted(rounds):
        entries += [rounds[depth][int(i)] for i in rng.permutation(len(rounds[depth]))]
    return tuple(entries)


def draw_variant(ref: TaskRef) -> CodingTask:
    """The task's family and hidden parameters, before its hidden tests are chosen.

    Test tasks walk the catalogue of reserved variants (so all of them are distinct); train
    tasks draw a family and its parameters from the seed, redrawing any reserved variant.
    """
    names = family_names()
    if ref.split == TEST:
        name, index = reserved_catalogue()[ref.index % len(reserved_catalogue())]
        return reserved_for_test(name)[index]
    rng = rng_for(ENV_NAME, ref.split, ref.index)
    name = names[int(rng.integers(len(names)))]
    for attempt in itertools.count():
        task = FAMILIES[name](rng_for(ENV_NAME, ref.split, ref.index, name, attempt))
        if task.reference not in _reserved_references(name):
            return task
    raise AssertionError("unreachable")


#: Ways a user opens the conversation around the family's request (drawn per task).
OPENING_FRAMES = (
    "{request}",
    "Hi! {request}",
    "Hello, I could use a hand with some code. {request}",
    "{request} Can you help me with that?",
    "Quick one for you: {request}",
    "I'm stuck on something. {request} Thanks in advance!",
)


def generate_task(ref: TaskRef) -> CodingTask:
    """The task named by ``ref``: a variant, then hidden tests that tell it from its siblings."""
    task = draw_variant(ref)
    rng = rng_for(ENV_NAME, "tests", ref.split, ref.index)
    family_variants = [v for v in variants(task.family) if v.reference != task.reference]
    chosen = rng.choice(len(family_variants), min(SIBLINGS, len(family_variants)), replace=False)
    siblings = [family_variants[int(i)] for i in sorted(chosen)]
    pool, family_inputs = candidate_pool(task.calls, [s.calls for s in siblings], rng)
    references = [sibling.reference_function() for sibling in siblings]
    calls = discriminating_tests(task.reference_function(), references, pool, family_inputs, rng)
    frame = OPENING_FRAMES[int(rng.integers(len(OPENING_FRAMES)))]
    return replace(
        task,
        calls=tuple(calls),
        request=frame.format(request=task.request),
        summary=task.request,
    )


@functools.lru_cache(maxsize=4096)
def task_for(split: str, index: int) -> CodingTask:
    return generate_task(TaskRef(split, index))


@functools.lru_cache(maxsize=4096)
def expected_for(split: str, index: int) -> tuple[Expected, ...]:
    """Expected outcomes of a task's tests, computed once per task from our reference."""
    task = task_for(split, index)
    return tuple(expected_of(task.reference_function(), list(task.calls)))
