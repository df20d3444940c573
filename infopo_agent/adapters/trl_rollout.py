"""The reference ``rollout_func`` for TRL: play an InfoPO env with the trainer's model, with IG.

``InfoPOGRPOTrainer(rollout_func=infopo_rollout_func(env_id, rows), reward_funcs=outcome_reward)``
trains on whole multi-turn episodes: each group is ``rollout_groups`` (the one episode loop),
information gain is ``trajectory_information_gain`` (its real pass also gives the sampling
log-probs), and the fields TRL and ``InfoPOGRPOTrainer`` read come from the trajectories' exact
spans. ``rows`` are the training rows (``infopo export`` writes them): TRL hands the function
prompts only, so each prompt's opening finds its row, and with it the task.

Two traps of trl 1.16 handled here:

- the prompts arrive already repeated ``num_generations`` times, consecutively (its docstring
  says the function gets each prompt once); each run of equal prompts is one group;
- ``HFPolicy`` puts the model in eval mode, and TRL reads ``model.training`` for the loss and to
  name its metrics; the model's mode is restored before returning.

Reward: the episode's outcome (``reward_mode="outcome"``), passed to reward functions as the
``outcome`` field (``outcome_reward`` returns it). A failed user simulator raises: TRL has no
way to drop one sample of a batch.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import torch

from infopo_agent.info_gain import trajectory_information_gain
from infopo_agent.policy import HFPolicy, SamplingParams
from infopo_agent.rollout import EnvSource, rollout_groups
from infopo_agent.trajectory import Trajectory
from infopo_envs.core.seeding import stable_seed


def outcome_reward(prompts, completions, outcome, **kwargs) -> list[float]:
    """A TRL reward function: each episode's outcome, as the rollout returned it."""
    return [float(value) for value in outcome]


def infopo_rollout_func(
    env: EnvSource,
    rows: Sequence[Mapping[str, Any]],
    *,
    params: SamplingParams | None = None,
    seed: int = 0,
    max_context_tokens: int | None = None,
):
    """A TRL ``rollout_func`` playing ``env`` on the tasks of ``rows`` (``prompt``, ``task_id``)."""
    by_opening = {_opening(row["prompt"]): row for row in rows}
    if len(by_opening) != len(rows):
        raise ValueError("two rows share an opening; each prompt must identify its task")
    calls = itertools.count()

    def rollout(prompts: list, trainer) -> dict[str, list]:
        groups = _groups(prompts)
        tasks = []
        for prompt in groups:
            row = by_opening.get(_opening(prompt))
            if row is None:
                raise KeyError(f"no row has the opening {_opening(prompt)[:80]!r}...")
            tasks.append({"task_id": row["task_id"]})
        group_size = len(prompts) // len(groups)
        model = trainer.model
        was_training = model.training
        policy = HFPolicy(
            model,
            trainer.processing_class,
            device=next(model.parameters()).device,
            dtype=next(model.parameters()).dtype,
        )
        call = next(calls)
        try:
            trajectories = rollout_groups(
                policy, env, tasks, group_size, params,
                seed=stable_seed("trl-rollout", seed, call, trainer.accelerator.process_index),
                max_context_tokens=max_context_tokens, fail_fast=True,
            )  # fmt: skip
            gains = trajectory_information_gain(policy, trajectories)
        finally:
            model.train(was_training)
        fields = [
            _completion(t, lp) for t, lp in zip(trajectories, gains.real_logprobs, strict=True)
        ]
        output = {key: [f[key] for f in fields] for key in fields[0]}
        output["info_gain"] = gains.as_lists()
        output["outcome"] = [t.outcome for t in trajectories]
        return output

    return rollout


def _opening(prompt: Any) -> str:
    """The text of the prompt's last user message (or the prompt itself when it is text)."""
    if isinstance(prompt, str):
        return prompt
    return next(m["content"] for m in reversed(prompt) if m["role"] == "user")


def _groups(prompts: list) -> list:
    """One prompt per group; TRL repeats each prompt ``num_generations`` times in a row."""
    runs = [list(g) for _, g in itertools.groupby(prompts, key=_opening)]
    if len({len(run) for run in runs}) != 1:
        raise ValueError(f"prompts do not come in equal runs: {[len(run) for run in runs]}")
    return [run[0] for run in runs]


def _completion(trajectory: Trajectory, real_logprobs: torch.Tensor) -> dict[str, list]:
    """TRL's fields for one episode: everything from the first action to the end of the last."""
    start, end = trajectory.action_spans[0][0], trajectory.action_spans[-1][1]
    mask = [0] * (end - start)
    for a, b in trajectory.action_spans:
        mask[a - start : b - start] = [1] * (b - a)
    logprobs = torch.nan_to_num(real_logprobs[start:end].float(), nan=0.0).tolist()
    return {
        "prompt_ids": list(trajectory.token_ids[:start]),
        "completion_ids": list(trajectory.token_ids[start:end]),
        "logprobs": logprobs,
        "env_mask": mask,
    }
