"""InfoPO advantages: group-normalized outcomes fused with gated, group-normalized information gain.

For a group of G rollouts of one task, trajectory i with outcome R_i and actions a_0 .. a_{n-1}:

    A_out_i   = (R_i - mean_g R) / (std_g R + eps)                  # outcome_advantages
    A_info_it = (IG_it - mean_g IG) / (std_g IG + eps)               # information_advantages
    gate_g    = sigmoid(-std_g R / tau)                              # outcome_gates
    A_it      = A_out_i + beta * gate_g * A_info_it                  # compute_advantages

IG_it is the information gain of the feedback o_t, credited to the action a_t that obtained it; the
information statistics pool every turn of the group whose IG is defined. Every std is the
population std (ddof 0) of the group's own values. A group whose values spread no more than
``zero_std_tol`` gets z-scores of exactly 0 (groups of one, all-equal outcomes, all-zero IG), so
nothing here divides noise by ``eps``. With beta = 0 the per-turn advantage is A_out_i on every
action: multi-turn GRPO. ``token_advantages`` broadcasts per-turn values to the tokens of each
action and builds the loss mask (only the policy's own action tokens carry loss).

Everything here is numpy over plain Python inputs, so any training loop can use it.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

DEFAULT_TAU = 0.05
DEFAULT_EPS = 1e-6
ZERO_STD_TOL = 1e-8

Span = tuple[int, int]
"""Half-open token range [start, end) of one action in a sequence."""

InfoGain = float | None
"""Information gain of one turn; None or NaN where it is undefined (no next action)."""


@dataclass(frozen=True)
class BetaSchedule:
    """The weight beta of the information advantage over training steps.

    ``constant`` keeps ``initial``; ``linear`` and ``cosine`` move from ``initial`` at step 0 to
    ``final`` at ``decay_steps`` and stay there.
    """

    initial: float = 1.0
    final: float = 0.0
    decay_steps: int = 0
    kind: Literal["constant", "linear", "cosine"] = "constant"

    def __post_init__(self) -> None:
        if self.kind not in ("constant", "linear", "cosine"):
            raise ValueError(f"kind must be constant, linear or cosine, got {self.kind!r}")
        for name in ("initial", "final"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value >= 0):
                raise ValueError(f"{name} must be finite and >= 0, got {value}")
        if self.kind != "constant" and self.decay_steps <= 0:
            raise ValueError(f"a {self.kind} schedule needs decay_steps > 0")

    def at(self, step: int) -> float:
        """beta at training step ``step`` (counted from 0)."""
        if step < 0:
            raise ValueError(f"step must be >= 0, got {step}")
        if self.kind == "constant":
            return self.initial
        progress = min(step / self.decay_steps, 1.0)
        if self.kind == "linear":
            weight = 1.0 - progress
        else:
            weight = 0.5 * (1.0 + math.cos(math.pi * progress))
        return self.final + (self.initial - self.final) * weight


@dataclass(frozen=True)
class AdvantageStats:
    """Batch statistics worth logging; the loss passes them through as metrics."""

    mean_info_gain: float
    """Mean IG over the valid turns of the batch (0.0 when there are none)."""
    mean_gate: float
    """Mean gate over groups (each group counted once)."""
    zero_variance_fraction: float
    """Fraction of groups whose outcomes all tie (spread <= zero_std_tol)."""
    valid_turns: int
    groups: int

    def as_metrics(self) -> dict[str, float]:
        return {
            "mean_info_gain": self.mean_info_gain,
            "mean_gate": self.mean_gate,
            "zero_variance_fraction": self.zero_variance_fraction,
        }


@dataclass(frozen=True)
class InfoPOAdvantages:
    """Per-turn advantages of a batch and the parts they were fused from."""

    turns: list[np.ndarray]
    """Fused advantage A_it, one float64 array per trajectory, one entry per action."""
    outcome: np.ndarray
    """A_out_i, shape (B,)."""
    information: list[np.ndarray]
    """A_info_it per trajectory and action; 0 where IG is undefined."""
    gate: np.ndarray
    """The gate of each trajectory's group, shape (B,)."""
    beta: float
    stats: AdvantageStats


def _group_index(group_ids: Sequence[Hashable]) -> np.ndarray:
    """Dense group numbers 0..K-1 in order of first appearance."""
    numbers: dict[Hashable, int] = {}
    return np.array([numbers.setdefault(g, len(numbers)) for g in group_ids], dtype=np.int64)


def _group_mean_std(values: np.ndarray, groups: np.ndarray, zero_std_tol: float):
    """Per-group mean and population std; spreads within ``zero_std_tol`` snap to exactly 0."""
    count = np.bincount(groups)
    present = count > 0
    mean = np.zeros(len(count))
    mean[present] = np.bincount(groups, weights=values)[present] / count[present]
    deviation = values - mean[groups]
    std = np.zeros(len(count))
    std[present] = np.sqrt(np.bincount(groups, weights=deviation**2)[present] / count[present])
    std[std <= zero_std_tol] = 0.0
    return mean, std


def _checked_values(values, group_ids: Sequence[Hashable], what: str) -> np.ndarray:
    """``values`` as a float64 vector, one finite value per group id."""
    x = np.asarray(values, dtype=np.float64)
    if x.shape != (len(group_ids),):
        raise ValueError(f"got {x.size} {what} for {len(group_ids)} group ids")
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{what} must be finite")
    return x


def group_zscores(
    values: Sequence[float] | np.ndarray,
    group_ids: Sequence[Hashable],
    *,
    eps: float = DEFAULT_EPS,
    zero_std_tol: float = ZERO_STD_TOL,
) -> np.ndarray:
    """(x - mean_g) / (std_g + eps) within each group; exactly 0 in groups with no spread."""
    x = _checked_values(values, group_ids, "values")
    if x.size == 0:
        return x
    groups = _group_index(group_ids)
    mean, std = _group_mean_std(x, groups, zero_std_tol)
    z = (x - mean[groups]) / (std[groups] + eps)
    return np.where(std[groups] > 0, z, 0.0)


def outcome_advantages(
    outcomes: Sequence[float],
    group_ids: Sequence[Hashable],
    *,
    eps: float = DEFAULT_EPS,
    zero_std_tol: float = ZERO_STD_TOL,
) -> np.ndarray:
    """GRPO's outcome advantage A_out_i: the z-score of R_i within its group, shape (B,)."""
    return group_zscores(outcomes, group_ids, eps=eps, zero_std_tol=zero_std_tol)


def outcome_gates(
    outcomes: Sequence[float],
    group_ids: Sequence[Hashable],
    *,
    tau: float = DEFAULT_TAU,
    zero_std_tol: float = ZERO_STD_TOL,
) -> np.ndarray:
    """gate_g = sigmoid(-std_g R / tau) for each trajectory's group, shape (B,).

    It is 0.5 when every outcome in the group ties and falls towards 0 as outcomes differ.
    """
    if not (math.isfinite(tau) and tau > 0):
        raise ValueError(f"tau must be finite and > 0, got {tau}")
    x = np.asarray(outcomes, dtype=np.float64)
    if x.shape != (len(group_ids),):
        raise ValueError(
            f"got {x.shape[0] if x.ndim else 0} outcomes for {len(group_ids)} group ids"
        )
    if not np.all(np.isfinite(x)):
        raise ValueError("outcomes must be finite")
    if x.size == 0:
        return x
    groups = _group_index(group_ids)
    _, std = _group_mean_std(x, groups, zero_std_tol)
    shrink = np.exp(-std / tau)  # sigmoid(-s) = e^-s / (1 + e^-s), stable for s >= 0
    return (shrink / (1.0 + shrink))[groups]


def is_defined_info_gain(value: InfoGain) -> bool:
    """True for a defined IG; False for None/NaN; an infinite IG is a caller bug."""
    if value is None:
        return False
    value = float(value)
    if math.isnan(value):
        return False
    if math.isinf(value):
        raise ValueError("information gain must be finite, None or NaN")
    return True


def information_advantages(
    info_gains: Sequence[Sequence[InfoGain]],
    group_ids: Sequence[Hashable],
    *,
    eps: float = DEFAULT_EPS,
    zero_std_tol: float = ZERO_STD_TOL,
) -> list[np.ndarray]:
    """A_info_it: IG z-scored over every valid turn of the group; 0 on undefined turns."""
    if len(info_gains) != len(group_ids):
        raise ValueError(f"got {len(info_gains)} IG lists for {len(group_ids)} group ids")
    flat_values, flat_groups, where = [], [], []
    for i, (turn_gains, group) in enumerate(zip(info_gains, group_ids, strict=True)):
        for t, value in enumerate(turn_gains):
            if is_defined_info_gain(value):
                flat_values.append(float(value))
                flat_groups.append(group)
                where.append((i, t))
    z = group_zscores(flat_values, flat_groups, eps=eps, zero_std_tol=zero_std_tol)
    result = [np.zeros(len(turn_gains)) for turn_gains in info_gains]
    for (i, t), value in zip(where, z, strict=True):
        result[i][t] = value
    return result


def align_info_gains(info_gains: Sequence[InfoGain], num_actions: int) -> list[InfoGain]:
    """Pad a per-turn IG list with None up to ``num_actions`` (the last turns often have no IG)."""
    if len(info_gains) > num_actions:
        raise ValueError(f"{len(info_gains)} IG values for only {num_actions} actions")
    return [*info_gains, *([None] * (num_actions - len(info_gains)))]


def compute_advantages(
    group_ids: Sequence[Hashable],
    outcomes: Sequence[float],
    info_gains: Sequence[Sequence[InfoGain]],
    *,
    beta: float,
    tau: float = DEFAULT_TAU,
    eps: float = DEFAULT_EPS,
    zero_std_tol: float = ZERO_STD_TOL,
) -> InfoPOAdvantages:
    """Fused per-turn advantages A_it = A_out_i + beta * gate_g * A_info_it.

    ``info_gains[i]`` has one entry per action of trajectory i (None or NaN where IG is undefined;
    see ``align_info_gains``). ``beta`` is a float; take it from ``BetaSchedule.at(step)`` to decay.
    """
    if not (math.isfinite(beta) and beta >= 0):
        raise ValueError(f"beta must be finite and >= 0, got {beta}")
    if not (len(group_ids) == len(outcomes) == len(info_gains)):
        raise ValueError(
            f"group_ids, outcomes and info_gains differ in length: "
            f"{len(group_ids)}, {len(outcomes)}, {len(info_gains)}"
        )
    a_out = outcome_advantages(outcomes, group_ids, eps=eps, zero_std_tol=zero_std_tol)
    gate = outcome_gates(outcomes, group_ids, tau=tau, zero_std_tol=zero_std_tol)
    a_info = information_advantages(info_gains, group_ids, eps=eps, zero_std_tol=zero_std_tol)
    return InfoPOAdvantages(
        turns=fuse(a_out, gate, a_info, beta),
        outcome=a_out,
        information=a_info,
        gate=gate,
        beta=float(beta),
        stats=advantage_stats(group_ids, outcomes, info_gains, tau=tau, zero_std_tol=zero_std_tol),
    )


def fuse(
    outcome: Sequence[float], gate: Sequence[float], information: Sequence[np.ndarray], beta: float
) -> list[np.ndarray]:
    """A_it = A_out_i + beta * gate_i * A_info_it, one array per trajectory."""
    return [
        a_out + beta * g * a_info
        for a_out, g, a_info in zip(outcome, gate, information, strict=True)
    ]


def advantage_stats(
    group_ids: Sequence[Hashable],
    outcomes: Sequence[float],
    info_gains: Sequence[Sequence[InfoGain]],
    *,
    tau: float = DEFAULT_TAU,
    zero_std_tol: float = ZERO_STD_TOL,
) -> AdvantageStats:
    """Mean IG over valid turns, mean gate over groups, fraction of groups whose outcomes tie."""
    valid = [float(v) for turn_gains in info_gains for v in turn_gains if is_defined_info_gain(v)]
    if not group_ids:
        return AdvantageStats(0.0, 0.0, 0.0, 0, 0)
    gate = outcome_gates(outcomes, group_ids, tau=tau, zero_std_tol=zero_std_tol)
    groups = _group_index(group_ids)
    _, std = _group_mean_std(np.asarray(outcomes, dtype=np.float64), groups, zero_std_tol)
    first_of_group = np.unique(groups, return_index=True)[1]
    return AdvantageStats(
        mean_info_gain=float(np.mean(valid)) if valid else 0.0,
        mean_gate=float(np.mean(gate[first_of_group])),
        zero_variance_fraction=float(np.mean(std == 0.0)),
        valid_turns=len(valid),
        groups=len(std),
    )


def token_advantages(
    turn_advantages: Sequence[Sequence[float]],
    action_spans: Sequence[Sequence[Span]],
    seq_len: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Broadcast per-turn advantages onto the tokens of each action.

    Returns ``(advantages, loss_mask)``, float32 and bool arrays of shape (B, seq_len): the tokens
    of action t of row i carry ``turn_advantages[i][t]`` and mask True; every other token (prompt,
    feedback, padding) carries 0 and mask False. Spans are half-open [start, end) positions of
    the scored tokens in each row, sorted and non-overlapping; zero-length spans are allowed.
    """
    if len(turn_advantages) != len(action_spans):
        raise ValueError(f"{len(turn_advantages)} advantage rows for {len(action_spans)} span rows")
    advantages = np.zeros((len(action_spans), seq_len), dtype=np.float32)
    mask = np.zeros((len(action_spans), seq_len), dtype=bool)
    for i, (values, spans) in enumerate(zip(turn_advantages, action_spans, strict=True)):
        if len(values) != len(spans):
            raise ValueError(f"row {i}: {len(values)} advantages for {len(spans)} action spans")
        previous_end = 0
        for value, (start, end) in zip(values, spans, strict=True):
            if not (previous_end <= start <= end <= seq_len):
                raise ValueError(
                    f"row {i}: span ({start}, {end}) is out of order, overlapping or outside "
                    f"[0, {seq_len})"
                )
            if not math.isfinite(value):
                raise ValueError(f"row {i}: advantage {value} is not finite")
            advantages[i, start:end] = value
            mask[i, start:end] = True
            previous_end = end
    return advantages, mask


def action_spans_from_mask(mask: Sequence[int] | np.ndarray) -> list[Span]:
    """The maximal runs of nonzero entries in a 0/1 mask: one span per action.

    Multi-turn trainers (TRL's ``env_mask``, verl's ``response_mask``) mark the policy's own tokens
    with 1 and feedback with 0, so each run is one action.
    """
    flags = np.asarray(mask).astype(bool).astype(np.int8)
    edges = np.diff(np.concatenate([[0], flags, [0]]))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return [(int(s), int(e)) for s, e in zip(starts, ends, strict=True)]
