"""Canonical state hashing and gold-action replay: how tool-use episodes are judged.

The goal state of a task is the initial state with the task's gold calls applied; an episode
succeeds on the state only when its final state hashes to the same value. The hash is SHA-256 of
the state's JSON with sorted keys, so it does not depend on dict order or on the process.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

from pydantic import BaseModel

from infopo_envs.tooluse.core.calls import ToolCall
from infopo_envs.tooluse.core.registry import ToolError, ToolRegistry


class GoldReplayError(RuntimeError):
    """A task's gold call failed on its own initial state: the task generator is wrong."""


def state_hash(state: BaseModel) -> str:
    """The canonical hash of a pydantic state (database, phone, or both)."""
    text = json.dumps(
        state.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(text.encode()).hexdigest()


def replay(
    world: BaseModel, calls: Iterable[ToolCall], registries: Mapping[str, ToolRegistry]
) -> BaseModel:
    """``world`` after ``calls`` (each run by the registry of its actor); ``world`` is unchanged."""
    for call in calls:
        try:
            world, _ = registries[call.actor].call(world, call)
        except ToolError as error:
            raise GoldReplayError(f"gold call {call.to_dict()} failed: {error}") from None
    return world
