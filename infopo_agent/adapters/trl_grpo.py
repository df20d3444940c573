"""InfoPO inside TRL's ``GRPOTrainer`` (trl 1.x; install with the ``trl`` extra).

TRL already has InfoPO's loss: ``GRPOConfig(epsilon=clip_low, epsilon_high=clip_high, beta=kl_coef,
entropy_coef=..., loss_type="dapo")`` is the clipped surrogate with clip-higher, the k3 KL to the
reference and the token mean (``grpo_config_kwargs`` builds these from a ``LossConfig``). What it
lacks is the per-turn information advantage, and it accepts per-token advantages of shape (B, T)
from subclasses. Two ways in:

1. ``InfoPOGRPOTrainer`` (exact): a ``GRPOTrainer`` whose advantages become
   ``A_out + beta * gate * A_info`` on the tokens of each action. ``A_out`` is TRL's own group
   advantage (so ``scale_rewards`` and friends still apply and beta = 0 is stock TRL), the gate
   and ``A_info`` come from ``infopo_agent.advantages``. It needs a ``rollout_func`` (TRL's
   multi-turn hook) that returns, besides ``prompt_ids``, ``completion_ids`` and ``logprobs``:

   - ``env_mask``: per completion, 1 on the policy's tokens and 0 on feedback tokens (TRL masks
     feedback out of the loss with it); each run of ones is one action;
   - ``info_gain``: per completion, one IG per action in order, credited to the action that
     obtained the feedback (None/NaN where undefined; a shorter list leaves the last actions
     without IG).

   ``infopo_agent.adapters.trl_rollout.infopo_rollout_func`` is that function for any InfoPO
   env (it plays ``rollout_groups`` with the trainer's model and scores IG).

2. ``info_gain_reward`` (approximate): a reward function that adds the mean IG of a completion
   to its reward, for a stock ``GRPOTrainer`` whose ``rollout_func`` returns ``info_gain``. The
   bonus is sequence-level: no per-turn credit and no gate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import torch
from accelerate.utils import gather_object
from trl import GRPOTrainer

from infopo_agent.advantages import (
    DEFAULT_TAU,
    BetaSchedule,
    InfoGain,
    action_spans_from_mask,
    advantage_stats,
    align_info_gains,
    fuse,
    information_advantages,
    is_defined_info_gain,
    outcome_gates,
    token_advantages,
)
from infopo_agent.loss import LossConfig

INFO_GAIN_FIELD = "info_gain"


def grpo_config_kwargs(loss: LossConfig) -> dict[str, Any]:
    """``GRPOConfig`` arguments giving TRL's loss the settings of ``loss``."""
    return {
        "epsilon": loss.clip_low,
        "epsilon_high": loss.clip_high,
        "beta": loss.kl_coef,
        "entropy_coef": loss.entropy_coef,
        "loss_type": "dapo",
    }


def info_gain_reward(weight: float = 1.0) -> Callable[..., list[float]]:
    """A TRL reward function: ``weight`` times the mean defined IG of a completion (0 if none)."""

    def info_gain(prompts, completions, **kwargs) -> list[float]:
        gains = kwargs.get(INFO_GAIN_FIELD)
        if gains is None:
            raise ValueError(f"the rollout_func must return {INFO_GAIN_FIELD!r} per completion")
        rewards = []
        for turn_gains in gains:
            valid = [float(v) for v in turn_gains if is_defined_info_gain(v)]
            rewards.append(weight * float(np.mean(valid)) if valid else 0.0)
        return rewards

    return info_gain


class InfoPOGRPOTrainer(GRPOTrainer):
    """``GRPOTrainer`` with InfoPO's fused per-token advantages.

    Args:
        infopo_beta: weight of the information advantage, a float or a ``BetaSchedule`` read at
            the trainer's global step.
        infopo_tau: temperature of the outcome-variance gate.
        Everything else goes to ``GRPOTrainer``; a ``rollout_func`` returning ``env_mask`` and
        ``info_gain`` is required (see the module docstring).
    """

    def __init__(
        self,
        *args: Any,
        infopo_beta: float | BetaSchedule = 1.0,
        infopo_tau: float = DEFAULT_TAU,
        **kwargs: Any,
    ) -> None:
        if kwargs.get("rollout_func") is None:
            raise ValueError("InfoPOGRPOTrainer needs a rollout_func that returns info_gain")
        super().__init__(*args, **kwargs)
        if isinstance(infopo_beta, BetaSchedule):
            self.infopo_beta = infopo_beta
        else:
            self.infopo_beta = BetaSchedule(initial=infopo_beta)
        self.infopo_tau = infopo_tau
        self._infopo_rewards: torch.Tensor | None = None

    def _calculate_rewards(self, inputs, prompts, completions, completion_ids_list):
        rewards_per_func = super()._calculate_rewards(
            inputs, prompts, completions, completion_ids_list
        )
        self._infopo_rewards = rewards_per_func  # gathered over processes: every group is whole
        return rewards_per_func

    def _generate_and_score_completions(self, inputs):
        # Read the mode first: a rollout_func that wraps the model in ``HFPolicy`` leaves it in
        # eval mode, and the metrics of a training step would be logged under ``eval_*``.
        mode = "train" if self.model.training else "eval"
        output = super()._generate_and_score_completions(inputs)
        group_size = self.num_generations if mode == "train" else self.num_generations_eval
        if any(INFO_GAIN_FIELD not in example for example in inputs):
            raise ValueError(f"the rollout_func must return {INFO_GAIN_FIELD!r} per completion")
        loss_mask = output["completion_mask"] * output.get("tool_mask", 1)
        spans = [action_spans_from_mask(row) for row in loss_mask.cpu().numpy()]
        local_gains = [
            _gains_per_action(x[INFO_GAIN_FIELD], len(row_spans))
            for x, row_spans in zip(inputs, spans, strict=True)
        ]
        gains: list[Sequence[InfoGain]] = gather_object(local_gains)
        rewards = self._infopo_rewards
        outcomes = (rewards * self.reward_weights.to(rewards.device)).nansum(dim=1).cpu().numpy()
        group_ids = [i // group_size for i in range(len(outcomes))]
        beta = self.infopo_beta.at(self.state.global_step)
        gate = outcome_gates(outcomes, group_ids, tau=self.infopo_tau)
        a_info = information_advantages(gains, group_ids)

        start = self.accelerator.process_index * len(inputs)
        local = slice(start, start + len(inputs))
        a_out = output["advantages"].cpu().numpy()  # TRL's own, already the local slice
        turns = fuse(a_out, gate[local], a_info[local], beta)
        per_token, _ = token_advantages(turns, spans, loss_mask.shape[1])
        output["advantages"] = torch.as_tensor(per_token, device=output["advantages"].device)

        stats = advantage_stats(group_ids, outcomes, gains, tau=self.infopo_tau)
        for name, value in stats.as_metrics().items():
            self._metrics[mode][f"infopo/{name}"].append(value)
        self._metrics[mode]["infopo/beta"].append(beta)
        return output


def _gains_per_action(gains: Sequence[InfoGain], num_actions: int) -> list[InfoGain]:
    """One IG entry per action.

    A completion TRL masked out entirely (``mask_truncated_completions``) has no action left to
    credit, so its IG takes no part in the group statistics.
    """
    return align_info_gains(gains, num_actions) if num_actions else []
