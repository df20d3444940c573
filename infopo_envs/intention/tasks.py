"""Procedural Intention tasks: a vague request and the 3 to 6 details it leaves out.

Pure functions of a seed, testable without the env. Train and test are disjoint by content: a
train draw that leaves out the same details with the same values as a test task is drawn again.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from infopo_envs.core.seeding import TEST, TaskRef, rng_for
from infopo_envs.intention.details import DetailKind, RequestTemplate
from infopo_envs.intention.requests import TEMPLATES

MIN_MISSING, MAX_MISSING = 3, 6

OPENINGS = (
    "Hi! Could you help me {request}?",
    "I need to {request}. Can you help?",
    "Please help me {request}.",
    "I want to {request}, but I don't know where to start.",
)


@dataclass(frozen=True)
class MissingDetail:
    """A detail the user knows but left out of the request: its kind and the value they hold."""

    kind: DetailKind
    value: str

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def phrasings(self) -> tuple[str, ...]:
        return self.kind.phrasings(self.value)


@dataclass(frozen=True)
class IntentionTask:
    template: RequestTemplate
    opening: str
    missing: tuple[MissingDetail, ...]

    @property
    def total_importance(self) -> int:
        return sum(detail.kind.importance for detail in self.missing)

    @property
    def content(self) -> tuple:
        """What the agent must find out: the request and the hidden details with their values."""
        return (self.template.name, tuple((d.name, d.value) for d in self.missing))


def generate_task(rng: np.random.Generator) -> IntentionTask:
    """Draw a request template, how it is phrased, and which details it leaves out."""
    template = TEMPLATES[int(rng.integers(len(TEMPLATES)))]
    count = int(rng.integers(MIN_MISSING, min(MAX_MISSING, len(template.details)) + 1))
    picked = sorted(int(i) for i in rng.choice(len(template.details), size=count, replace=False))
    missing = []
    for index in picked:
        kind = template.details[index]
        missing.append(MissingDetail(kind, kind.values[int(rng.integers(len(kind.values)))]))
    opening = OPENINGS[int(rng.integers(len(OPENINGS)))].format(request=template.request)
    return IntentionTask(template, opening, tuple(missing))


TEST_SIZE = 100


@functools.cache
def test_contents() -> frozenset[tuple]:
    return frozenset(task_for(TaskRef(TEST, index)).content for index in range(TEST_SIZE))


def task_for(ref: TaskRef) -> IntentionTask:
    """The task of a task id; train tasks never repeat a test task's content."""
    rng = rng_for("Intention", ref.split, ref.index)
    task = generate_task(rng)
    if ref.split == TEST:
        return task
    while task.content in test_contents():
        task = generate_task(rng)
    return task
