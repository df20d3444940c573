"""Canonical state hashing and gold-action replay: how tool-use episodes are judged.

The goal state of a task is the initial state with the task's gold calls applied; an episode
succeeds on the state only when its final state hashes to the same value. The hash
(``cow.state_hash``) is SHA-256 of the state's canonical JSON, row by row, so it depends on
neither dict order nor the process.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import BaseModel

from infopo_envs.tooluse.core.calls import ToolCall
from infopo_envs.tooluse.core.cow import fork, state_hash
from infopo_envs.tooluse.core.registry import ToolError, ToolRegistry

__all__ = ["GoldReplayError", "replay", "state_hash"]


class GoldReplayError(RuntimeError):
    """A task's gold call failed on its own initial state: the task generator is wrong."""


def replay(
    world: BaseModel, calls: Iterable[ToolCall], registries: Mapping[str, ToolRegistry]
) -> BaseModel:
    """``world`` after ``calls`` (each run by the registry of its actor); ``world`` is unchanged."""
    world = fork(world)
    for call in calls:
        try:
            world, _ = registries[call.actor].call(world, call)
        except ToolError as error:
            raise GoldReplayError(f"gold call {call.to_dict()} failed: {error}") from None
    return world
