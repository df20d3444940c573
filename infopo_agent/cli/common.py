"""What every ``infopo`` command shares: the console and one-line errors."""

from __future__ import annotations

import gymnasium as gym
from rich.console import Console

console = Console()
error_console = Console(stderr=True)


class UsageError(Exception):
    """A bad argument: printed as one line, exit status 2."""


class RunError(Exception):
    """A failure while running (an endpoint or a simulator failed): one line, exit status 1."""


def make_env(env_id: str, **kwargs) -> gym.Env:
    """``gym.make`` with a clear error for unknown ids and bad arguments."""
    import infopo_envs

    if env_id not in infopo_envs.ENVS:
        known = ", ".join(sorted(infopo_envs.ENVS))
        raise UsageError(f"unknown env id {env_id!r}; known: {known}")
    try:
        return gym.make(env_id, **kwargs)
    except (ValueError, TypeError) as error:
        raise UsageError(f"cannot make {env_id}: {error}") from None
