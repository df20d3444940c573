"""Prompt context for small models: a system line and a worked example from the env's oracle.

A small instruction model rarely writes an env's action grammar from the instructions alone, so
every action is rejected and every feedback is the env's "Invalid action" message, which carries
no information about the user. One worked example before the real opening fixes that: the env's
own opening of a train task, then its oracle's first actions with the feedback they obtained.
It is built from the env and its oracle (``infopo_envs.core.agents.oracle_for``), so it works
for every InfoPO env, and from a train task, so it never shows a test task.

The example goes to ``rollout_groups(..., system=..., preamble=...)`` (``infopo_agent.rollout``),
where it is context only: no loss, no information gain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import gymnasium as gym

from infopo_envs.core.agents import oracle_for
from infopo_envs.core.seeding import TRAIN, TaskRef, stable_seed

#: The default system line: answer with one action in the grammar the opening describes.
DEFAULT_SYSTEM = (
    "You are an assistant acting in a text environment. Reply with exactly one action, written "
    "in the action format the instructions describe, and nothing else."
)


@dataclass(frozen=True)
class ExamplePrompt:
    """What goes before an episode's opening: ``system`` and ``preamble`` of a rollout."""

    system: str | None
    preamble: list[dict[str, str]]


def oracle_example(
    env_id_or_factory: str | Callable[[], gym.Env],
    turns: int = 2,
    task_id: str = "train-0000",
    system: str | None = DEFAULT_SYSTEM,
) -> ExamplePrompt:
    """The env's opening of ``task_id`` and its oracle's first ``turns`` actions, as messages.

    The messages alternate: the opening (user), action a_0 (assistant), feedback o_0 (user), ...,
    action a_{turns-1} (assistant). The last action's feedback is left out, so the real opening
    follows as the next user message. Fewer actions are shown when the oracle's episode ends
    sooner. ``turns=0`` gives no preamble (the system line alone).
    """
    if turns < 0:
        raise ValueError(f"turns must be >= 0, got {turns}")
    if TaskRef.parse(task_id).split != TRAIN:
        raise ValueError(f"{task_id}: examples come from the train split only")
    if turns == 0:
        return ExamplePrompt(system, [])
    env = _make_env(env_id_or_factory)
    try:
        observation, info = env.reset(seed=example_seed(task_id), options={"task_id": task_id})
        agent = oracle_for(env)
        agent.reset(env, observation, info)
        messages = [{"role": "user", "content": observation}]
        for _ in range(turns):
            action = agent.act(observation, info)
            messages.append({"role": "assistant", "content": action})
            observation, _, terminated, truncated, info = env.step(action)
            if not info["action_valid"]:
                raise RuntimeError(f"the oracle's action {action!r} was rejected: {observation}")
            if terminated or truncated:
                break
            messages.append({"role": "user", "content": observation})
    finally:
        env.close()
    if messages[-1]["role"] == "user":
        messages.pop()
    return ExamplePrompt(system, messages)


def example_seed(task_id: str) -> int:
    """The reset seed of the example's episode (fixed, so the example is the same everywhere)."""
    return stable_seed("oracle-example", task_id)


def _make_env(source: str | Callable[[], gym.Env]) -> gym.Env:
    if isinstance(source, str):
        import infopo_envs  # noqa: F401  (registers the ids)

        return gym.make(source)
    return source()
