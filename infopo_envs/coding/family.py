"""What a coding task is (``CodingTask``, its hidden ``Fact``s) and the registry of the task
families that draw them (``families/``). The families import this module and nothing above it,
so ``tasks`` can import the families without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


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
    calls: tuple[tuple, ...]  # test arguments: the family's own, then the chosen hidden tests
    facts: tuple[Fact, ...]
    summary: str = ""  # what the function is for, in the user's words (the request unframed)

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
