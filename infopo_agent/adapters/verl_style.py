"""InfoPO as a verl-style advantage estimator: token-level rewards in, token-level advantages out.

verl's estimators in ``verl/trainer/ppo/core_algos.py`` share one call shape::

    advantages, returns = fn(token_level_rewards, response_mask, index, epsilon=..., config=...)

over response tensors of shape (bs, response_length), with ``index`` the group id (uid) of each
row. ``compute_infopo_outcome_advantage`` keeps that shape. In a multi-turn response the mask is
1 on the policy's tokens and 0 on feedback, so each run of ones is one action; the outcome of a
row is the sum of its token-level rewards, as in verl's GRPO. Information gain is not something
verl computes, so it comes in through ``turn_info_gain`` (bind it with ``functools.partial`` or
pass it where the trainer calls the estimator); without it the result is InfoPO's GRPO.

Differences from verl's GRPO at beta = 0: the std is the population std (verl: sample std) and
a group of one gets advantage 0 (verl: its raw score).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np
import torch

from infopo_agent.advantages import (
    DEFAULT_EPS,
    DEFAULT_TAU,
    InfoGain,
    action_spans_from_mask,
    align_info_gains,
    compute_advantages,
    token_advantages,
)


def compute_infopo_outcome_advantage(
    token_level_rewards: torch.Tensor,
    response_mask: torch.Tensor,
    index: np.ndarray | Sequence[Hashable],
    epsilon: float = DEFAULT_EPS,
    config: Any = None,
    *,
    turn_info_gain: Sequence[Sequence[InfoGain]] | None = None,
    beta: float = 0.0,
    tau: float = DEFAULT_TAU,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Fused InfoPO advantages on response tokens; ``returns`` equals ``advantages`` (as in GRPO).

    Args:
        token_level_rewards: (bs, response_length); a row's outcome is its sum.
        response_mask: (bs, response_length), 1 on the policy's own tokens.
        index: group id of each row.
        epsilon: added to the std in every z-score.
        config: accepted for verl's calling convention and not read.
        turn_info_gain: per row, one IG per action in order (None/NaN where undefined; a
            shorter list leaves the last actions without IG). None: no IG anywhere.
        beta: weight of the information advantage; 0 gives InfoPO's GRPO.
        tau: temperature of the outcome-variance gate.
    """
    del config
    masks = response_mask.detach().cpu().numpy()
    spans = [action_spans_from_mask(row) for row in masks]
    gains = turn_info_gain if turn_info_gain is not None else [[] for _ in spans]
    if len(gains) != len(spans):
        raise ValueError(f"turn_info_gain has {len(gains)} rows for {len(spans)} responses")
    aligned = [align_info_gains(g, len(s)) for g, s in zip(gains, spans, strict=True)]
    outcomes = token_level_rewards.detach().float().sum(-1).cpu().numpy()
    result = compute_advantages(list(index), outcomes, aligned, beta=beta, tau=tau, eps=epsilon)
    per_token, _ = token_advantages(result.turns, spans, masks.shape[1])
    advantages = torch.as_tensor(per_token, device=token_level_rewards.device)
    return advantages, advantages.clone()
