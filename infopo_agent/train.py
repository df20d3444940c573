"""One InfoPO update, top to bottom: rollout -> information gain -> advantages -> loss -> step.

``InfoPOTrainer.step(tasks)`` rolls out ``group_size`` episodes of each task with the current
policy, scores every turn's information gain with the fast counterfactual pass (whose real pass
also gives the old log-probs), fuses it with the group-normalized outcomes, and takes
``ppo_epochs`` optimizer steps on the clipped surrogate with k3 KL to a frozen reference. It
needs no extra environment calls: the counterfactuals are teacher-forced offline.

Micro-batches of ``micro_batch`` trajectories are accumulated into one optimizer step; the loss is
a token mean over the whole batch (``num_tokens``), so the split does not change the gradient.

Updates stay correct in low precision: a model that runs in bf16/fp16 is trained through fp32
master weights (``training.precision``). With LoRA adapters (``training.lora.apply_lora``) the KL
reference is the base model with the adapters disabled, not a copy. The learning rate follows a
``transformers`` schedule with warm-up, stepped once per ``learn``; gradient checkpointing is an
option. Every step reports its time per phase (rollout, information gain, reference, update).
"""

from __future__ import annotations

import contextlib
import copy
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

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
from infopo_agent.training.lora import adapters_disabled, is_peft
from infopo_agent.training.memory import reset_peak_rss, window_peak_rss_mb
from infopo_agent.training.precision import MasterWeights
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
    system: str | None = None
    """System message of every episode (e.g. ``prompting.DEFAULT_SYSTEM``)."""
    preamble: Sequence[Mapping[str, str]] = ()
    """Context messages before the opening (e.g. ``prompting.oracle_example(...).preamble``)."""
    decoding: Literal["sample", "menu"] = "sample"
    """``menu``: choose among the env's ``candidate_actions()`` (``infopo_agent.menu``)."""
    menu_score: Literal["sum", "mean"] = "sum"
    lr_schedule: str = "constant_with_warmup"
    """A ``transformers.get_scheduler`` name (``constant_with_warmup``, ``linear``, ``cosine``)."""
    warmup_steps: int = 0
    total_steps: int | None = None
    """Length of a decaying schedule, in ``learn`` calls (needed by ``linear`` and ``cosine``)."""
    weight_decay: float = 0.0
    gradient_checkpointing: bool = False


@dataclass
class StepResult:
    trajectories: list[Trajectory]
    advantages: InfoPOAdvantages
    metrics: dict[str, float]
    info_gains: list[list[float | None]] = field(default_factory=list)
    """IG_t per trajectory and action (None where undefined), as the advantages saw them."""


class InfoPOTrainer:
    """Trains ``policy`` in place on the envs of ``env`` (an id, a factory or env objects)."""

    def __init__(self, policy: HFPolicy, env: EnvSource, config: TrainConfig | None = None):
        self.policy, self.env = policy, env
        self.config = config or TrainConfig()
        self.steps_done = 0
        cfg = self.config
        if cfg.gradient_checkpointing:
            policy.model.activation_checkpointing_enable(
                activation_checkpointing_kwargs={"use_reentrant": False}
            )
        self.master = MasterWeights(policy.model.parameters())
        self.optimizer = torch.optim.AdamW(
            self.master.parameters(), lr=cfg.learning_rate, weight_decay=cfg.weight_decay
        )
        self.scheduler = _scheduler(self.optimizer, cfg)
        self.reference: HFPolicy | None = None
        self.reference_is_base = False  # True: the reference is the policy without adapters
        if cfg.loss.kl_coef > 0 and is_peft(policy.model):
            self.reference, self.reference_is_base = policy, True
        elif cfg.loss.kl_coef > 0:
            frozen = copy.deepcopy(policy.model).requires_grad_(False)
            self.reference = HFPolicy(
                frozen, policy.tokenizer, device=policy.device, dtype=policy.dtype
            )

    def step(self, tasks: Sequence[str], *, seed: int = 0) -> StepResult:
        """Roll out ``group_size`` episodes of each task, then learn from them."""
        clock = _Clock()
        trajectories = self.collect(tasks, seed=seed)
        clock.lap("rollout")
        result = self.learn(trajectories)
        result.metrics |= clock.metrics(total=None)
        result.metrics["time_step_s"] = (
            result.metrics["time_rollout_s"] + result.metrics["time_learn_s"]
        )
        return result

    def collect(self, tasks: Sequence[str], *, seed: int = 0) -> list[Trajectory]:
        """Groups of on-policy trajectories, in group order."""
        cfg = self.config
        self.policy.model.eval()
        return rollout_groups(
            self.policy, self.env, tasks, cfg.group_size, cfg.sampling,
            seed=seed, max_context_tokens=cfg.max_context_tokens,
            system=cfg.system, preamble=cfg.preamble,
            decoding=cfg.decoding, menu_score=cfg.menu_score,
        )  # fmt: skip

    def learn(self, trajectories: Sequence[Trajectory]) -> StepResult:
        """Information gain, advantages, and ``ppo_epochs`` updates on these trajectories."""
        cfg = self.config
        trajectories = [t for t in trajectories if t.simulator_error is None]  # not scored
        if not trajectories:
            raise RuntimeError("every episode of this step lost its user simulator")
        clock = _Clock()
        self.policy.model.eval()
        gains = trajectory_information_gain(self.policy, trajectories)
        clock.lap("info_gain")
        per_turn = zip(gains.as_lists(), trajectories, strict=True)
        info_gains = [align_info_gains(g, t.num_turns) for g, t in per_turn]
        advantages = compute_advantages(
            [t.group_id for t in trajectories],
            [t.outcome for t in trajectories],
            info_gains,
            beta=cfg.beta.at(self.steps_done),
            tau=cfg.tau,
        )
        batch = _TokenBatch.build(trajectories, advantages, gains.real_logprobs)
        ref_logprobs = self._reference_logprobs(batch)
        clock.lap("reference")
        metrics: dict[str, float] = {}
        learning_rate = self.scheduler.get_last_lr()[0]
        self.policy.model.train()
        for _ in range(cfg.ppo_epochs):
            metrics = self._update(batch, ref_logprobs, advantages)
        self.policy.model.eval()
        self.scheduler.step()
        clock.lap("update")
        self.steps_done += 1
        metrics.update(
            beta=advantages.beta,
            learning_rate=learning_rate,
            mean_outcome=float(np.mean([t.outcome for t in trajectories])),
            mean_turns=float(np.mean([t.num_turns for t in trajectories])),
            tokens=float(sum(batch.lengths)),
            action_tokens=float(batch.loss_mask.sum()),
            **clock.metrics(),
        )
        return StepResult(trajectories, advantages, metrics, info_gains)

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
        self.master.gradients_to_master()
        grad_norm = torch.nn.utils.clip_grad_norm_(self.master.parameters(), cfg.max_grad_norm)
        self.optimizer.step()
        self.master.master_to_model()
        sums.update(advantages.stats.as_metrics(), grad_norm=float(grad_norm))
        return sums

    def _reference_logprobs(self, batch: _TokenBatch) -> torch.Tensor | None:
        if self.reference is None:
            return None
        base = adapters_disabled if self.reference_is_base else _no_change
        with torch.no_grad(), base(self.reference):
            return torch.cat(
                [
                    action_logprobs(self.reference, batch, rows)
                    for rows in batch.micro_batches(self.config.micro_batch)
                ]
            )


def _scheduler(optimizer, cfg: TrainConfig):
    """The learning-rate schedule of ``cfg`` (``transformers.get_scheduler``)."""
    from transformers import get_scheduler

    if cfg.warmup_steps < 0:
        raise ValueError(f"warmup_steps must be >= 0, got {cfg.warmup_steps}")
    needs_length = cfg.lr_schedule not in ("constant", "constant_with_warmup")
    if needs_length and not cfg.total_steps:
        raise ValueError(f"the {cfg.lr_schedule!r} schedule needs total_steps")
    return get_scheduler(
        cfg.lr_schedule,
        optimizer,
        num_warmup_steps=cfg.warmup_steps,
        num_training_steps=cfg.total_steps,
    )


def _no_change(policy: HFPolicy):
    return contextlib.nullcontext()


class _Clock:
    """Seconds spent per phase of a step, and the peak resident size during each (Linux)."""

    def __init__(self):
        self.last, self.laps, self.peaks = time.perf_counter(), {}, {}
        self.tracks_peaks = reset_peak_rss()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name], self.last = now - self.last, now
        if self.tracks_peaks:
            self.peaks[name] = window_peak_rss_mb()
            reset_peak_rss()

    def metrics(self, total: str | None = "learn") -> dict[str, float]:
        out = {f"time_{name}_s": seconds for name, seconds in self.laps.items()}
        out |= {f"peak_rss_{name}_mb": mb for name, mb in self.peaks.items()}
        if total:
            out[f"time_{total}_s"] = sum(self.laps.values())
        return out


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
