"""Red-teaming: cheating agents that try to score without doing the task, and their bars.

An env is only worth training on if an optimizer cannot reach its outcome without doing the
task. Each env family keeps its cheating agents (question spam, kitchen-sink messages, blind
scripts, guessing from the observation, memorizing train tasks, wrong purchases, random moves)
in its own ``redteam`` module as a mapping ``CHEATERS: {env_id: {name: agent factory}}``. They
play through ``reset``/``step`` only, like any policy, and may read nothing hidden. This module
plays them over a split and reports mean outcome and success rate next to the oracle's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any

import gymnasium as gym

from infopo_envs.core.agents import Agent, oracle_for, run_episode

#: Families with a ``redteam`` module, in the order the benchmark prints them.
FAMILIES = (
    "travel",
    "intention",
    "telepathy",
    "function",
    "coding",
    "tooluse",
    "webshop",
    "sokoban",
)

AgentFactory = Callable[[], Agent]
#: A cheater's plan: yields actions, is sent the observation after each.
Script = Generator[str, str, None]


class ScriptedAgent:
    """An agent whose moves come from a generator that is sent each observation in turn.

    ``script(observation)`` yields actions and receives the observation after each; when it
    runs out the agent ends the episode with ``[finish]``.
    """

    def __init__(self, script: Callable[[str], Script]):
        self._make = script
        self._script: Script | None = None
        self._started = False

    def reset(self, env: Any, observation: str, info: dict[str, Any]) -> None:
        self._script, self._started = self._make(observation), False

    def act(self, observation: str, info: dict[str, Any]) -> str:
        try:
            if not self._started:
                self._started = True
                return next(self._script)
            return self._script.send(observation)
        except StopIteration:
            return "[finish]"


@dataclass(frozen=True)
class RedTeamResult:
    """How one agent did on the first ``tasks`` tasks of a split."""

    env_id: str
    agent: str
    tasks: int
    mean_outcome: float
    success_rate: float


def cheaters() -> Iterator[tuple[str, str, AgentFactory]]:
    """Every registered cheating agent as ``(env_id, name, factory)``."""
    for family in FAMILIES:
        try:
            module = importlib.import_module(f"infopo_envs.{family}.redteam")
        except ModuleNotFoundError as error:
            if error.name != f"infopo_envs.{family}.redteam":
                raise
            continue
        for env_id, agents in module.CHEATERS.items():
            for name, factory in agents.items():
                yield env_id, name, factory


def evaluate(
    env_id: str,
    agent: AgentFactory | None,
    *,
    name: str = "oracle",
    tasks: int = 100,
    split: str = "test",
    seed: int = 0,
    **make_kwargs,
) -> RedTeamResult:
    """Play ``agent`` (a factory; None for the env's oracle) on tasks 0..tasks-1 of ``split``."""
    import infopo_envs  # noqa: F401  (registers the envs)

    env = gym.make(env_id, **make_kwargs)
    outcomes, successes = [], 0
    try:
        for index in range(tasks):
            player = oracle_for(env) if agent is None else agent()
            result = run_episode(
                env, player, seed=seed + index, options={"task_id": f"{split}-{index:04d}"}
            )
            outcomes.append(result.outcome)
            successes += bool(result.success)
    finally:
        env.close()
    return RedTeamResult(
        env_id=env_id,
        agent=name,
        tasks=tasks,
        mean_outcome=sum(outcomes) / len(outcomes),
        success_rate=successes / tasks,
    )
