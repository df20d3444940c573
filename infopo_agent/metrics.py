"""Evaluation metrics over repeated runs of the same tasks."""

from __future__ import annotations

from collections.abc import Iterable
from math import comb


def pass_hat_k(successes_per_task: Iterable[tuple[int, int]], k: int) -> float:
    """pass^k: the chance that k runs of a task, drawn from its n runs, all succeed.

    ``successes_per_task`` holds ``(c, n)`` per task: c successes out of n runs (n >= k). Each
    task contributes C(c, k) / C(n, k), the unbiased estimate; the result is their mean.
    pass^1 is the mean success rate; pass^k falls as k grows unless the agent is consistent.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    ratios = []
    for successes, runs in successes_per_task:
        if not 0 <= successes <= runs:
            raise ValueError(f"need 0 <= successes <= runs, got {successes} of {runs}")
        if runs < k:
            raise ValueError(f"pass^{k} needs at least {k} runs per task, got {runs}")
        ratios.append(comb(successes, k) / comb(runs, k))
    if not ratios:
        raise ValueError("pass^k needs at least one task")
    return sum(ratios) / len(ratios)
