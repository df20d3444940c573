"""Evaluation on the test split: mean outcome with a 95% interval, success, and pass^k.

Each of ``tasks`` test tasks is played ``k`` times with the policy (fixed seeds, so every
evaluation of a run sees the same episodes for the same weights). pass^j is tau-bench's
reliability: the chance that j independent episodes of a task all succeed, estimated per task
with c successes out of k as C(c, j) / C(k, j) and averaged over tasks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import gymnasium as gym
import numpy as np

from infopo_agent.policy import HFPolicy, SamplingParams
from infopo_agent.rollout import rollout_groups

EVAL_SEED = 1_000_003


def pass_hat_k(successes: Sequence[Sequence[bool]], j: int) -> float:
    """Mean over tasks of C(c, j) / C(n, j): all of j episodes succeed."""
    values = []
    for trials in successes:
        n, c = len(trials), sum(bool(s) for s in trials)
        if j > n:
            raise ValueError(f"pass^{j} needs at least {j} episodes per task, got {n}")
        values.append(math.comb(c, j) / math.comb(n, j))
    return float(np.mean(values)) if values else 0.0


def mean_interval(values: Sequence[float]) -> tuple[float, float]:
    """Mean and the half-width of its normal 95% interval (0 for fewer than two values)."""
    x = np.asarray(values, dtype=np.float64)
    if x.size < 2:
        return float(x.mean()) if x.size else 0.0, 0.0
    return float(x.mean()), float(1.96 * x.std(ddof=1) / math.sqrt(x.size))


def evaluate(
    policy: HFPolicy,
    env: Callable[[], gym.Env] | str,
    *,
    tasks: int,
    k: int,
    params: SamplingParams,
    system: str | None = None,
    preamble: Sequence[Mapping[str, str]] = (),
    decoding: str = "sample",
    menu_score: str = "sum",
    max_context_tokens: int | None = None,
) -> dict[str, float]:
    """Play ``k`` episodes of the first ``tasks`` test tasks; outcome, success and pass^1..k."""
    task_ids = [f"test-{i:04d}" for i in range(tasks)]
    policy.model.eval()
    trajectories = rollout_groups(
        policy, env, task_ids, k, params, seed=EVAL_SEED, system=system, preamble=preamble,
        decoding=decoding, menu_score=menu_score, max_context_tokens=max_context_tokens,
    )  # fmt: skip
    outcomes = [t.outcome for t in trajectories]
    per_task = [trajectories[i * k : (i + 1) * k] for i in range(tasks)]
    task_means = [float(np.mean([t.outcome for t in group])) for group in per_task]
    mean, half_width = mean_interval(task_means)
    result = {
        "test_outcome": mean,
        "test_outcome_ci95": half_width,
        "test_success": float(np.mean([t.success for t in trajectories])),
        "test_episodes": float(len(outcomes)),
    }
    successes = [[t.success for t in group] for group in per_task]
    for j in range(1, k + 1):
        result[f"test_pass^{j}"] = pass_hat_k(successes, j)
    return result
