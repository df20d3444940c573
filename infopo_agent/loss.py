"""The InfoPO policy loss: PPO clipped surrogate (clip-higher), k3 KL to a reference, entropy bonus.

Per action token, with ratio r = exp(log pi - log pi_old) and advantage A (``advantages.py``):

    policy  = -min(r * A, clip(r, 1 - clip_low, 1 + clip_high) * A)     # clipped_surrogate
    kl      = exp(log pi_ref - log pi) - (log pi_ref - log pi) - 1        # kl_k3, >= 0
    loss    = token_mean(policy + kl_coef * kl - entropy_coef * entropy)  # infopo_loss

``token_mean`` averages over every action token of the batch (not per sequence first), so long
and short answers weigh by their tokens. Tokens outside the loss mask take no part: their
inputs are replaced by zeros before any arithmetic, so padding with -inf or NaN log-probs can
neither poison the loss nor its gradient.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from infopo_agent.advantages import AdvantageStats

MAX_LOG_RATIO = 20.0
"""Log-ratios are clamped to +-20 before exp, keeping ratios and the k3 KL finite."""


@dataclass(frozen=True)
class LossConfig:
    """Coefficients of the loss. ``kl_coef = 0`` drops the reference model entirely."""

    clip_low: float = 0.2
    clip_high: float = 0.28
    kl_coef: float = 0.001
    entropy_coef: float = 0.0

    def __post_init__(self) -> None:
        for name in ("clip_low", "clip_high", "kl_coef", "entropy_coef"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value >= 0):
                raise ValueError(f"{name} must be finite and >= 0, got {value}")
        if self.clip_low >= 1:
            raise ValueError(f"clip_low must be < 1, got {self.clip_low}")


@dataclass(frozen=True)
class LossOutput:
    loss: torch.Tensor
    """Scalar to call ``backward`` on."""
    metrics: dict[str, float]
    """policy_loss, clip_fraction (and its low/high parts), kl when reference log-probs were
    given, entropy when entropies were given, and the advantage statistics when passed."""


def token_mean(values: torch.Tensor, mask: torch.Tensor, num_tokens: float | None = None):
    """Sum of ``values`` over masked tokens divided by their count (or by ``num_tokens``)."""
    total = torch.where(mask, values, torch.zeros_like(values)).sum()
    denominator = mask.sum().clamp(min=1) if num_tokens is None else max(float(num_tokens), 1.0)
    return total / denominator


def clipped_surrogate(
    log_ratio: torch.Tensor, advantages: torch.Tensor, clip_low: float, clip_high: float
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per-token PPO loss -min(rA, clip(r)A), and where the low / high clip was active."""
    ratio = torch.exp(log_ratio.clamp(-MAX_LOG_RATIO, MAX_LOG_RATIO))
    clipped = ratio.clamp(1.0 - clip_low, 1.0 + clip_high)
    loss = -torch.minimum(ratio * advantages, clipped * advantages)
    low_clipped = (ratio < 1.0 - clip_low) & (advantages < 0)
    high_clipped = (ratio > 1.0 + clip_high) & (advantages > 0)
    return loss, low_clipped, high_clipped


def kl_k3(logprobs: torch.Tensor, ref_logprobs: torch.Tensor) -> torch.Tensor:
    """Schulman's k3 estimator of KL(pi || pi_ref) per token: e^d - d - 1 >= 0, d = ref - pi.

    Written as expm1(d) - d, which stays >= 0 in floating point for tiny d as well.
    """
    d = (ref_logprobs - logprobs).clamp(-MAX_LOG_RATIO, MAX_LOG_RATIO)
    return torch.expm1(d) - d


def entropy_from_logits(logits: torch.Tensor) -> torch.Tensor:
    """Entropy of the softmax over the last dimension, in nats."""
    log_p = torch.log_softmax(logits.float(), dim=-1)
    return -(log_p.exp() * log_p).sum(-1)


def infopo_loss(
    logprobs: torch.Tensor,
    advantages: torch.Tensor,
    loss_mask: torch.Tensor,
    *,
    old_logprobs: torch.Tensor | None = None,
    ref_logprobs: torch.Tensor | None = None,
    entropy: torch.Tensor | None = None,
    config: LossConfig | None = None,
    advantage_stats: AdvantageStats | None = None,
    num_tokens: float | None = None,
) -> LossOutput:
    """The InfoPO loss over per-token tensors of one shape, usually (B, T).

    ``logprobs`` carries the gradient; ``old_logprobs`` defaults to ``logprobs.detach()`` (one
    update per rollout: every ratio is 1). ``ref_logprobs`` is required when ``kl_coef > 0`` and
    ``entropy`` (e.g. ``entropy_from_logits``) when ``entropy_coef > 0``. ``num_tokens`` replaces
    the local token count as denominator, for gradient accumulation over micro-batches.
    """
    config = config or LossConfig()
    mask = loss_mask.bool()
    for name, tensor in (("advantages", advantages), ("loss_mask", loss_mask)):
        if tensor.shape != logprobs.shape:
            raise ValueError(
                f"{name} has shape {tuple(tensor.shape)}, logprobs {tuple(logprobs.shape)}"
            )
    if config.kl_coef > 0 and ref_logprobs is None:
        raise ValueError("kl_coef > 0 needs ref_logprobs (or set kl_coef=0)")
    if config.entropy_coef > 0 and entropy is None:
        raise ValueError("entropy_coef > 0 needs per-token entropy")

    def masked(tensor: torch.Tensor) -> torch.Tensor:
        return torch.where(mask, tensor.float(), torch.zeros((), device=tensor.device))

    logp = masked(logprobs)
    old = masked(logprobs.detach() if old_logprobs is None else old_logprobs)
    adv = masked(advantages)
    per_token, low_clipped, high_clipped = clipped_surrogate(
        logp - old, adv, config.clip_low, config.clip_high
    )
    policy_loss = token_mean(per_token, mask, num_tokens)
    loss = policy_loss
    token_count = mask.sum().clamp(min=1)
    metrics = {
        "policy_loss": policy_loss.item(),
        "clip_fraction": ((low_clipped | high_clipped) & mask).sum().item() / token_count.item(),
        "clip_low_fraction": (low_clipped & mask).sum().item() / token_count.item(),
        "clip_high_fraction": (high_clipped & mask).sum().item() / token_count.item(),
    }
    if ref_logprobs is not None:
        per_token_kl = kl_k3(logp, masked(ref_logprobs))
        metrics["kl"] = token_mean(per_token_kl, mask).item()
        if config.kl_coef > 0:
            loss = loss + config.kl_coef * token_mean(per_token_kl, mask, num_tokens)
    if entropy is not None:
        per_token_entropy = masked(entropy)
        metrics["entropy"] = token_mean(per_token_entropy, mask).item()
        if config.entropy_coef > 0:
            loss = loss - config.entropy_coef * token_mean(per_token_entropy, mask, num_tokens)
    if advantage_stats is not None:
        metrics.update(advantage_stats.as_metrics())
    return LossOutput(loss=loss, metrics=metrics)
