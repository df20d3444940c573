"""Task rows for trainers that read datasets: TRL, verl, or any loop over Hugging Face datasets.

One row per task of a split, with the columns the stacks read:

- ``prompt``: chat messages, the env's opening as the one user message (what a rollout starts
  from; ``prompt=False`` leaves it out for TRL's ``environment_factory``, whose ``reset``
  supplies the opening);
- ``env_id``, ``task_id``, ``seed``, ``split``: what ``reset`` needs (TRL passes every column to
  ``reset(**row)``; ``infopo_rollout_func`` finds the task of a prompt through them);
- ``data_source`` (the env id) and ``agent_name`` (``"infopo_agent"``, the registered agent loop)
  for verl, and ``extra_info`` with ``index`` and ``interaction_kwargs`` (``env_id``,
  ``task_id``, ``seed``: what verl hands the agent loop for each sample).

Seeds derive from (env id, task id, ``seed``) with ``stable_seed``, so the same arguments write
the same rows in any process.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym

from infopo_envs.core.seeding import TEST, TRAIN, rng_for, stable_seed

AGENT_LOOP_NAME = "infopo_agent"
TRAIN_TASK_RANGE = 2**31


def task_ids(env: gym.Env, split: str, count: int | None, seed: int = 0) -> list[str]:
    """``count`` task ids of ``split`` (every test task when None), drawn from ``seed``."""
    if split == TEST:
        size = env.unwrapped.test_size
        if count is not None and count > size:
            raise ValueError(f"the test split has {size} tasks, {count} asked")
        return [f"test-{i:04d}" for i in range(size if count is None else count)]
    if split != TRAIN:
        raise ValueError(f"split must be {TRAIN!r} or {TEST!r}, got {split!r}")
    if count is None:
        raise ValueError("the train split is unbounded: give a number of tasks")
    indices = rng_for("infopo-export", split, seed).choice(TRAIN_TASK_RANGE, count, replace=False)
    return [f"train-{int(i):04d}" for i in indices]


def task_rows(
    env_id: str,
    *,
    split: str = TEST,
    count: int | None = None,
    seed: int = 0,
    prompt: bool = True,
    make_kwargs: dict[str, Any] | None = None,
    tasks: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """One row per task (see the module docstring); ``tasks`` overrides ``split``/``count``."""
    import infopo_envs  # noqa: F401  (registers the ids)

    env = gym.make(env_id, **(make_kwargs or {}))
    try:
        chosen = list(tasks) if tasks is not None else task_ids(env, split, count, seed)
        rows = []
        for index, task_id in enumerate(chosen):
            episode_seed = stable_seed("infopo-export", env_id, task_id, seed)
            row: dict[str, Any] = {}
            if prompt:
                opening, _ = env.reset(seed=episode_seed, options={"task_id": task_id})
                row["prompt"] = [{"role": "user", "content": opening}]
            kwargs = {"env_id": env_id, "task_id": task_id, "seed": episode_seed}
            row.update(kwargs, split=task_id.split("-", 1)[0])
            row.update(data_source=env_id, agent_name=AGENT_LOOP_NAME)
            row["extra_info"] = {"index": index, "interaction_kwargs": kwargs}
            rows.append(row)
        return rows
    finally:
        env.close()


def task_dataset(env_id: str, **options: Any):
    """``task_rows`` as a ``datasets.Dataset`` (needs the ``datasets`` package)."""
    from datasets import Dataset

    return Dataset.from_list(task_rows(env_id, **options))
