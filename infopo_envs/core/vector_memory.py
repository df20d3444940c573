"""Shared memory for text observations, so ``AsyncVectorEnv(shared_memory=True)`` works.

Gymnasium reads a shared-memory buffer once, when the vector env is built, and hands that same
object back after every step. For ``Box`` the object is a live NumPy view; for ``Text`` it is a
tuple of strings decoded from the still-empty buffer, so every observation came back as the
charset's first character repeated, with no error. Registering ``UnicodeText`` with Gymnasium's
``read_from_shared_memory`` (a ``singledispatch`` function, its extension point) returns a live
view instead: a sequence that decodes the buffer when read. Writing and allocating keep
Gymnasium's own ``Text`` implementations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from gymnasium.vector.utils import read_from_shared_memory

from infopo_envs.core.text_space import UnicodeText


class SharedTexts(Sequence):
    """One string per sub-env, decoded from the shared buffer each time it is read.

    ``copy.deepcopy`` (what ``AsyncVectorEnv(copy=True)``, the default, returns) gives a plain
    tuple of strings; with ``copy=False`` the caller holds this live view, as with arrays.
    """

    def __init__(self, space: UnicodeText, memory: Any, n: int):
        self._space = space
        self._rows = np.frombuffer(memory.get_obj(), dtype=np.int32).reshape(n, space.max_length)
        self._padding = len(space.character_set)

    def __len__(self) -> int:
        return self._rows.shape[0]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        row = self._rows[index]
        ends = np.flatnonzero(row == self._padding)
        codes = row[: ends[0] if ends.size else row.size].tolist()
        characters = self._space.character_list
        return "".join([characters[code] for code in codes])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __deepcopy__(self, memo: dict) -> tuple[str, ...]:
        return tuple(self)

    def __repr__(self) -> str:
        return f"SharedTexts({tuple(self)!r})"


@read_from_shared_memory.register(UnicodeText)
def _read_unicode_text(space: UnicodeText, shared_memory: Any, n: int = 1) -> SharedTexts:
    return SharedTexts(space, shared_memory, n)
