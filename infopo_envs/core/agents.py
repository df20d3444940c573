"""Scripted agents for tests and baselines: each env's oracle, and a random agent.

Every env family has an ``oracle`` module with a class ``Oracle``: it may read the env's hidden
state (it is a test instrument, not a policy) and must reach outcome 1.0 on every test task. The
family's ``__init__`` registers it for its env classes (``register_oracle``); ``oracle_for(env)``
looks it up along the env class's bases, so a family's shared base class can name one oracle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import gymnasium as gym
import numpy as np


class Agent(Protocol):
    def reset(self, env: gym.Env, observation: str, info: dict[str, Any]) -> None: ...

    def act(self, observation: str, info: dict[str, Any]) -> str: ...


class PlannedAgent:
    """An agent whose whole plan is known at reset; subclasses implement ``plan``."""

    def __init__(self):
        self._queue: deque[str] = deque()

    def plan(self, env: Any) -> list[str]:
        raise NotImplementedError

    def reset(self, env: gym.Env, observation: str, info: dict[str, Any]) -> None:
        self._queue = deque(self.plan(env.unwrapped))

    def act(self, observation: str, info: dict[str, Any]) -> str:
        if not self._queue:
            raise RuntimeError("the oracle's plan is exhausted but the episode goes on")
        return self._queue.popleft()


class RandomAgent:
    """Picks uniformly from the env's ``candidate_actions()`` menu with its own seeded generator."""

    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)

    def reset(self, env: gym.Env, observation: str, info: dict[str, Any]) -> None:
        self.env = env.unwrapped

    def act(self, observation: str, info: dict[str, Any]) -> str:
        menu = self.env.candidate_actions()
        return menu[int(self.rng.integers(len(menu)))]


ORACLES: dict[type, Callable[[], Agent]] = {}


def register_oracle(env_class: type, factory: Callable[[], Agent]) -> None:
    """Name ``factory`` (a zero-argument callable, e.g. the ``Oracle`` class) as the oracle of
    ``env_class`` and of its subclasses that register none of their own."""
    ORACLES[env_class] = factory


def oracle_for(env: gym.Env) -> Agent:
    """A fresh oracle for ``env``: the one registered for its class or its nearest base."""
    for cls in type(env.unwrapped).__mro__:
        if cls in ORACLES:
            return ORACLES[cls]()
    raise ValueError(f"{type(env.unwrapped).__name__} has no oracle agent")


@dataclass
class EpisodeResult:
    task_id: str
    outcome: float
    success: bool
    turns: int
    total_reward: float
    invalid_actions: int
    terminated: bool
    transcript: dict[str, Any]


def run_episode(
    env: gym.Env, agent: Agent, *, seed: int | None = None, options: dict | None = None
) -> EpisodeResult:
    """Play one episode of ``agent`` in ``env`` and summarize it."""
    observation, info = env.reset(seed=seed, options=options)
    agent.reset(env, observation, info)
    total, invalid, terminated, truncated = 0.0, 0, False, False
    while not (terminated or truncated):
        action = agent.act(observation, info)
        observation, reward, terminated, truncated, info = env.step(action)
        total += reward
        invalid += not info["action_valid"]
    return EpisodeResult(
        task_id=info["task_id"],
        outcome=info["outcome"],
        success=info["success"],
        turns=info["turn"],
        total_reward=total,
        invalid_actions=invalid,
        terminated=terminated,
        transcript=env.unwrapped.transcript.to_dict(),
    )
