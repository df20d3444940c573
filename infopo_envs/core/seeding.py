"""Stable seeds and task splits.

Python's ``hash()`` of a string changes between processes, and the clock changes between runs, so
neither may seed anything. Seeds here come from SHA-256 of their labels: the same labels give the
same seed on every machine and in every process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

TRAIN = "train"
TEST = "test"
SPLITS = (TRAIN, TEST)


def stable_seed(*labels: object) -> int:
    """A 63-bit seed derived from ``labels`` (their ``str``), identical in every process."""
    digest = hashlib.sha256("\x1f".join(str(label) for label in labels).encode()).digest()
    return int.from_bytes(digest[:8], "little") >> 1


def rng_for(*labels: object) -> np.random.Generator:
    """A NumPy generator seeded by ``stable_seed(*labels)``."""
    return np.random.default_rng(stable_seed(*labels))


@dataclass(frozen=True)
class TaskRef:
    """Names one generated task: the split it belongs to and its index within that split.

    Task ids read ``"test-0007"`` or ``"train-123456"``. The test split is the fixed list of
    ``test_size`` indices; train indices are unbounded, and their generation seeds are disjoint
    from the test split's because the split name is part of every seed.
    """

    split: str
    index: int

    @property
    def task_id(self) -> str:
        return f"{self.split}-{self.index:04d}"

    @classmethod
    def parse(cls, task_id: str) -> TaskRef:
        split, sep, index = str(task_id).partition("-")
        if not sep or split not in SPLITS or not index.isdigit():
            raise ValueError(
                f"bad task_id {task_id!r}: expected 'train-<n>' or 'test-<n>', e.g. 'test-0003'"
            )
        return cls(split, int(index))
