"""One InfoPO update, top to bottom: rollout -> information gain -> advantages -> loss -> step.

``InfoPOTrainer.step(tasks)`` rolls out ``group_size`` episodes of each task with the current
policy, scores every turn's information gain with the fast counterfactual pass (whose real pass
also gives the old log-probs), fuses it with the group-normalized outcomes, and takes
``ppo_epochs`` optimizer steps on the clipped surrogate with k3 KL to a frozen reference. It
needs no extra environment calls: the counterfactuals are teacher-forced offline.

Micro-batches of ``micro_batch`` trajectories are accumulated into one optimizer step; the loss is
a token mean over the whole batch (``num_tokens``), so the split does not change the gradient.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from infopo_agent.advantages import (
    BetaSchedule,
    InfoPOAdvantages,
    align_info_gains,
    compute_advantages,
    token_advantages,
)
from infopo_agent.info_gain import trajectory_information_gain
from infopo_agent.loss import LossConfig, infopo_loss
from infopo_agent.policy import HFPolicy, SamplingParams
from infopo_agent.rollout import EnvSource, rollout_groups
from infopo_agent.trajectory import Trajectory


@dataclass
class TrainConfig:
    group_size: int = 4
    beta: BetaSchedule = field(default_factory=BetaSchedule)
    tau: float = 0.05
    learning_rate: float = 1e-6
    ppo_epochs: int = 1
    micro_batch: int = 2
    max_grad_norm: float = 1.0
    max_context_tokens: int | None = 4096
    sampling: SamplingParams = field(default_factory=SamplingParams)
    loss: LossConfig = field(default_factory=LossConfig)


@dataclass
class StepResult:
    trajectories: list[Trajectory]
    advantages: InfoPOAdvantages
    metrics: dict[str, float]


class InfoPOTrainer:
    """Trains ``policy`` in place on the envs of ``env`` (an id, a factory or env objects)."""

    def __init__(self, policy: HFPolicy, env: EnvSource, config: TrainConfig | None = None):
        self.policy, self.env = policy, env
        self.config = config or TrainConfig()
        self.steps_done = 0
        self.optimizer = torch.optim.AdamW(policy.model.parameters(), lr=self.config.learning_rate)
        self.reference = None
        if self.config.loss.kl_coef > 0:
            frozen = copy.deepcopy(policy.model).requires_grad_(False)
            self.reference = HFPolicy(
                frozen, policy.tokenizer, device=policy.device, dtype=policy.dtype
            )

    def step(self, tasks: Sequence[str], *, seed: int = 0) -> StepResult:
        """Roll out ``group_size`` episodes of each task, then learn from them."""
        return self.learn(self.collect(tasks, seed=seed))

    def collect(self, tasks: Sequence[str], *, seed: int = 0) -> list[Trajectory]:
        """Groups of on-policy trajectories, in group order."""
        cfg = self.config
        self.policy.model.eval()
        return rollout_groups(
            self.policy, self.env, tasks, cfg.group_size, cfg.sampling,
            seed=seed, max_context_tokens=cfg.max_context_tokens,
        )  # fmt: skip

    def learn(self, trajectories: Sequence[Trajectory]) -> StepResult:
        """Information gain, advantages, and ``ppo_epochs`` updates on these trajectories."""
        cfg = self.config
        trajectories = [t for t in trajectories if t.simulator_error is None]  # not scored
        if not trajectories:
            raise RuntimeError("every episode of this step lost its user simulator")
        self.policy.model.eval()
        gains = trajectory_information_gain(self.policy, trajectories)
        per_turn = zip(gains.as_lists(), trajectories, strict=True)
        advantages = compute_advantages(
            [t.group_id for t in trajectories],
            [t.outcome for t in trajectories],
            [align_info_gains(g, t.num_turns) for g, t in per_turn],
            beta=cfg.beta.at(self.steps_done),
            tau=cfg.tau,
        )
        batch = _TokenBatch.build(trajectories, advantages, gains.real_logprobs)
        ref_logprobs = self._reference_logprobs(batch)
        metrics: dict[str, float] = {}
        self.policy.model.train()
        for _ in range(cfg.ppo_epochs):
            metrics = self._update(batch, ref_logprobs, advantages)
        self.policy.model.eval()
        self.steps_done += 1
        metrics.update(
            beta=advantages.beta,
            mean_outcome=float(np.mean([t.outcome for t in trajectories])),
            mean_turns=float(np.mean([t.num_turns for t in trajectories])),
        )
        return StepResult(trajectories, advantages, metrics)

    def _update(self, batch, ref_logprobs, advantages: InfoPOAdvantages) -> dict[str, float]:
        cfg = self.config
        self.optimizer.zero_grad(set_to_none=True)
        total_tokens = float(batch.loss_mask.sum())
        sums: dict[str, float] = {}
        device = self.policy.device
        for rows in batch.micro_batches(cfg.micro_batch):
            logprobs = action_logprobs(self.policy, batch, rows)
            out = infopo_loss(
                logprobs,
                batch.advantages[rows].to(device),
                batch.loss_mask[rows].to(device),
                old_logprobs=batch.old_logprobs[rows].to(device),
                ref_logprobs=None if ref_logprobs is None else ref_logprobs[rows],
                config=cfg.loss,
                advantage_stats=advantages.stats,
                num_tokens=total_tokens,
            )
            out.loss.backward()
            weight = float(batch.loss_mask[rows].sum()) / max(total_tokens, 1.0)
            for key, value in out.metrics.items():
                sums[key] = sums.get(key, 0.0) + value * weight
        grad_norm = torch.nn.utils.clip_grad_norm_(
            self.policy.model.parameters(), cfg.max_grad_norm
        )
        self.optimizer.step()
        sums.update(advantages.stats.as_metrics(), grad_norm=float(grad_norm))
        return sums

    def _reference_logprobs(self, batch: _TokenBatch) -> torch.Tensor | None:
        if self.reference is None:
            return None
        with torch.no_grad():
            return torch.cat(
                [
                    action_logprobs(self.reference, batch, rows)
                    for rows in batch.micro_batches(self.config.micro_batch)
                ]
            )


@dataclass
class _TokenBatch:
    """Right-padded token ids with per-token advantages, loss mask and old log-probs."""

    token_ids: torch.Tensor  # (B, T)
    lengths: list[int]
    advantages: torch.Tensor  # (B, T) float32
    loss_mask: torch.Tensor  # (B, T) bool
    old_logprobs: torch.Tensor  # (B, T) float32, 0 off the actions

    @classmethod
    def build(cls, trajectories, advantages: InfoPOAdvantages, real_logprobs) -> _TokenBatch:
        width = max(len(t.token_ids) for t in trajectories)
        ids = torch.zeros((len(trajectories), width), dtype=torch.long)
        old = torch.zeros((len(trajectories), width), dtype=torch.float32)
        for row, (t, scored) in enumerate(zip(trajectories, real_logprobs, strict=True)):
            ids[row, : len(t.token_ids)] = torch.tensor(t.token_ids)
            old[row, : len(scored)] = torch.nan_to_num(scored.float(), nan=0.0)
        adv, mask = token_advantages(
            [list(turns) for turns in advantages.turns],
            [t.action_spans for t in trajectories],
            width,
        )
        if mask[:, 0].any():
            raise ValueError("an action starts at token 0: nothing conditions it")
        return cls(
            ids,
            [len(t.token_ids) for t in trajectories],
            torch.from_numpy(adv),
            torch.from_numpy(mask),
            old,
        )

    def micro_batches(self, size: int) -> list[slice]:
        return [slice(i, i + size) for i in range(0, len(self.lengths), max(size, 1))]


def action_logprobs(policy: HFPolicy, batch: _TokenBatch, rows: slice) -> torch.Tensor:
    """log pi(x_j | x_<j) at the loss-masked tokens of ``rows`` (0 elsewhere), with gradients.

    Scored by ``HFPolicy.logprobs_at``, the same code that gave the old log-probs, so the first
    ratio of every update is exactly 1 whatever the model's output head does.
    """
    ids = batch.token_ids[rows].to(policy.device)
    mask = batch.loss_mask[rows].to(policy.device)
    where = mask.nonzero(as_tuple=True)
    picked = policy.logprobs_at(ids, batch.lengths[rows], where)
    out = torch.zeros(mask.shape, dtype=torch.float32, device=policy.device)
    return out.index_put(where, picked)
