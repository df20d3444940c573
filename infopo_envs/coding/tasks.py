"""Coding tasks: what the user asks for, what they secretly know, and how it is tested.

A task family (``families/``) is a pure function of a NumPy generator that draws the hidden
parameters (thresholds, rounding, tie-breaking, edge cases, return format) and returns a
``CodingTask``. ``task_for(ref)`` picks the family and its parameters from the task's seed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from infopo_envs.coding.sandbox import Expected, expected_of
from infopo_envs.core import TaskRef, rng_for

ENV_NAME = "CodingCollab"
MIN_TESTS = 10


@dataclass(frozen=True)
class Fact:
    """One hidden requirement the user can reveal.

    ``keywords`` are the lexicon a question must use to be about this fact (whole words or
    phrases, lower case); ``phrasings`` are alternative ways the user says it, in plain words;
    ``question`` is a canonical concrete question (for the oracle and the docs).
    """

    key: str
    keywords: tuple[str, ...]
    phrasings: tuple[str, ...]
    question: str


@dataclass(frozen=True)
class CodingTask:
    family: str
    function: str
    signature: str  # e.g. "def bulk_price(unit_price: float, quantity: int) -> float"
    request: str  # the vague opening request
    reference: str  # source text of the hidden reference implementation
    calls: tuple[tuple, ...]  # positional arguments of each hidden test
    facts: tuple[Fact, ...]

    def reference_function(self) -> Callable[..., Any]:
        """Our own reference, compiled in this (trusted) process."""
        namespace: dict[str, Any] = {"__name__": f"reference_{self.family}"}
        exec(compile(self.reference, f"<reference {self.family}>", "exec"), namespace)
        return namespace[self.function]


Family = Callable[[np.random.Generator], CodingTask]
FAMILIES: dict[str, Family] = {}


def family(name: str) -> Callable[[Family], Family]:
    """Register a task family under ``name`` (its key in task seeds: renaming changes tasks)."""

    def register(builder: Family) -> Family:
        if name in FAMILIES:
            raise ValueError(f"task family {name!r} registered twice")
        FAMILIES[name] = builder
        return builder

    return register


def fact(key: str, keywords: tuple[str, ...], question: str, *phrasings: str) -> Fact:
    return Fact(key, keywords, phrasings, question)


def pick(rng: np.random.Generator, options: Any) -> Any:
    """One element of a sequence, drawn from ``rng``."""
    options = tuple(options)
    return options[int(rng.integers(len(options)))]


def family_names() -> list[str]:
    from infopo_envs.coding import families  # noqa: F401  (registers every family)

    return sorted(FAMILIES)


def generate_task(ref: TaskRef) -> CodingTask:
    """The task named by ``ref``: its family, then its hidden parameters, from the task's seed."""
    names = family_names()
    rng = rng_for(ENV_NAME, ref.split, ref.index)
    name = names[int(rng.integers(len(names)))]
    return FAMILIES[name](rng_for(ENV_NAME, ref.split, ref.index, name))


@functools.lru_cache(maxsize=4096)
def task_for(split: str, index: int) -> CodingTask:
    return generate_task(TaskRef(split, index))


@functools.lru_cache(maxsize=4096)
def expected_for(split: str, index: int) -> tuple[Expected, ...]:
    """Expected outcomes of a task's tests, computed once per task from our reference."""
    task = task_for(split, index)
    return tuple(expected_of(task.reference_function(), list(task.calls)))
