"""The InfoPO loss: clipping at both ranges, k3 KL, entropy bonus, token mean, masked gradients."""

import math

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from infopo_agent.advantages import AdvantageStats
from infopo_agent.loss import (
    LossConfig,
    clipped_surrogate,
    entropy_from_logits,
    infopo_loss,
    kl_k3,
    token_mean,
)

NO_KL = LossConfig(kl_coef=0.0)


def test_on_policy_loss_is_minus_the_token_mean_advantage():
    advantages = torch.tensor([[1.0, 2.0, 0.0], [-3.0, 0.0, 0.0]])
    mask = torch.tensor([[True, True, False], [True, False, False]])
    logprobs = torch.full((2, 3), -1.0, requires_grad=True)
    out = infopo_loss(logprobs, advantages, mask, config=NO_KL)
    # token mean over the 3 action tokens of the batch, not a mean of per-row means
    assert out.loss.item() == pytest.approx(-(1.0 + 2.0 - 3.0) / 3)
    assert out.metrics["clip_fraction"] == 0.0
    assert "kl" not in out.metrics and "entropy" not in out.metrics


def per_token_case(ratio: float, advantage: float, config: LossConfig):
    logprobs = torch.tensor([[math.log(ratio)]], requires_grad=True)
    out = infopo_loss(
        logprobs,
        torch.tensor([[advantage]]),
        torch.tensor([[True]]),
        old_logprobs=torch.zeros(1, 1),
        config=config,
    )
    out.loss.backward()
    return out, logprobs.grad.item()


@pytest.mark.parametrize(
    ("ratio", "advantage", "value", "clipped", "has_grad"),
    [
        (1.5, 2.0, -1.3 * 2.0, "high", False),  # above 1 + clip_high with A > 0: clipped
        (1.2, 2.0, -1.2 * 2.0, None, True),  # inside the range
        (0.5, 2.0, -0.5 * 2.0, None, True),  # below the range with A > 0: pessimistic, unclipped
        (0.5, -2.0, 0.9 * 2.0, "low", False),  # below 1 - clip_low with A < 0: clipped
        (0.95, -2.0, 0.95 * 2.0, None, True),
        (1.5, -2.0, 1.5 * 2.0, None, True),  # above the range with A < 0: unclipped
    ],
)
def test_clip_ranges_are_separate(ratio, advantage, value, clipped, has_grad):
    config = LossConfig(clip_low=0.1, clip_high=0.3, kl_coef=0.0)
    out, grad = per_token_case(ratio, advantage, config)
    assert out.loss.item() == pytest.approx(value, rel=1e-5)
    assert out.metrics["clip_low_fraction"] == (1.0 if clipped == "low" else 0.0)
    assert out.metrics["clip_high_fraction"] == (1.0 if clipped == "high" else 0.0)
    assert out.metrics["clip_fraction"] == (0.0 if clipped is None else 1.0)
    assert (grad != 0.0) == has_grad


def test_clip_higher_lets_the_ratio_rise_further_than_it_falls():
    config = LossConfig(clip_low=0.2, clip_high=0.28, kl_coef=0.0)
    assert per_token_case(1.25, 1.0, config)[1] != 0.0  # 1.25 < 1.28: still learning
    assert per_token_case(0.79, -1.0, config)[1] == 0.0  # 0.79 < 0.8: clipped


@given(
    st.lists(st.floats(-30, 30), min_size=1, max_size=20),
    st.lists(st.floats(-30, 30), min_size=1, max_size=20),
)
def test_k3_is_never_negative(a, b):
    n = min(len(a), len(b))
    kl = kl_k3(torch.tensor(a[:n]), torch.tensor(b[:n]))
    assert torch.all(kl >= 0) and torch.all(torch.isfinite(kl))


def test_k3_is_zero_at_the_reference_and_unbiased_for_kl():
    p = torch.log_softmax(torch.tensor([2.0, 0.5, -1.0, 0.0]), dim=0)
    q = torch.log_softmax(torch.tensor([0.0, 1.0, 0.3, -0.5]), dim=0)
    assert torch.all(kl_k3(p, p) == 0)
    # E_{x ~ pi}[k3(x)] = KL(pi || pi_ref), exactly, summing over the vocabulary
    expected = (p.exp() * (p - q)).sum()
    assert (p.exp() * kl_k3(p, q)).sum().item() == pytest.approx(expected.item(), rel=1e-5)


def test_kl_term_adds_coefficient_times_mean_k3():
    logprobs = torch.tensor([[-1.0, -2.0]], requires_grad=True)
    ref = torch.tensor([[-1.5, -2.0]])
    mask = torch.ones(1, 2, dtype=torch.bool)
    advantages = torch.zeros(1, 2)
    out = infopo_loss(logprobs, advantages, mask, ref_logprobs=ref, config=LossConfig(kl_coef=0.1))
    k3 = math.exp(-0.5) + 0.5 - 1
    assert out.metrics["kl"] == pytest.approx(k3 / 2, rel=1e-6)
    assert out.loss.item() == pytest.approx(0.1 * k3 / 2, rel=1e-6)
    out = infopo_loss(logprobs, advantages, mask, ref_logprobs=logprobs.detach())
    assert out.metrics["kl"] == 0.0


def test_kl_coefficient_zero_needs_no_reference_and_positive_one_does():
    logprobs = torch.zeros(1, 2)
    mask = torch.ones(1, 2, dtype=torch.bool)
    infopo_loss(logprobs, torch.ones(1, 2), mask, config=NO_KL)
    with pytest.raises(ValueError, match="ref_logprobs"):
        infopo_loss(logprobs, torch.ones(1, 2), mask, config=LossConfig(kl_coef=0.01))


def test_entropy_bonus():
    logits = torch.zeros(1, 2, 8)
    entropy = entropy_from_logits(logits)
    assert entropy == pytest.approx(torch.full((1, 2), math.log(8)))
    mask = torch.tensor([[True, False]])
    config = LossConfig(kl_coef=0.0, entropy_coef=0.01)
    out = infopo_loss(torch.zeros(1, 2), torch.zeros(1, 2), mask, entropy=entropy, config=config)
    assert out.metrics["entropy"] == pytest.approx(math.log(8))
    assert out.loss.item() == pytest.approx(-0.01 * math.log(8))
    with pytest.raises(ValueError, match="entropy"):
        infopo_loss(torch.zeros(1, 2), torch.zeros(1, 2), mask, config=config)


def test_gradients_flow_only_through_action_tokens_even_next_to_nan_padding():
    logprobs = torch.tensor(
        [[-1.0, -0.5, -2.0, -math.inf], [-0.3, -0.7, math.nan, math.nan]], requires_grad=True
    )
    mask = torch.tensor([[False, True, True, False], [True, True, False, False]])
    advantages = torch.tensor([[9.0, 1.0, -1.0, math.nan], [0.5, 2.0, math.inf, 0.0]])
    ref = torch.tensor([[0.0, -0.4, -2.5, math.nan], [-0.2, -0.9, -math.inf, 0.0]])
    entropy = torch.tensor([[1.0, 2.0, 3.0, math.nan], [0.5, 0.5, math.inf, 0.0]])
    old = logprobs.detach() - 0.05
    out = infopo_loss(
        logprobs,
        advantages,
        mask,
        old_logprobs=old,
        ref_logprobs=ref,
        entropy=entropy,
        config=LossConfig(kl_coef=0.1, entropy_coef=0.01),
    )
    assert math.isfinite(out.loss.item())
    assert all(math.isfinite(v) for v in out.metrics.values())
    out.loss.backward()
    grad = logprobs.grad
    assert torch.all(torch.isfinite(grad))
    assert torch.all(grad[~mask] == 0)
    assert torch.all(grad[mask] != 0)


def test_num_tokens_replaces_the_local_count():
    values = torch.tensor([[2.0, 4.0]])
    mask = torch.tensor([[True, True]])
    assert token_mean(values, mask).item() == 3.0
    assert token_mean(values, mask, num_tokens=6).item() == 1.0
    assert token_mean(values, torch.zeros_like(mask)).item() == 0.0


def test_advantage_stats_pass_through_as_metrics():
    stats = AdvantageStats(
        mean_info_gain=0.3, mean_gate=0.2, zero_variance_fraction=0.5, valid_turns=4, groups=2
    )
    ones = torch.ones(1, 1)
    out = infopo_loss(ones, ones, ones, advantage_stats=stats, config=NO_KL)
    assert out.metrics["mean_info_gain"] == 0.3
    assert out.metrics["mean_gate"] == 0.2
    assert out.metrics["zero_variance_fraction"] == 0.5


def test_shape_mismatch_and_bad_config_are_rejected():
    with pytest.raises(ValueError, match="shape"):
        infopo_loss(torch.zeros(1, 2), torch.zeros(1, 3), torch.ones(1, 2), config=NO_KL)
    with pytest.raises(ValueError):
        LossConfig(clip_low=1.0)
    with pytest.raises(ValueError):
        LossConfig(kl_coef=-0.1)


def test_clipped_surrogate_reports_where_it_clipped():
    log_ratio = torch.log(torch.tensor([0.5, 1.5, 1.0, 1.5]))
    advantages = torch.tensor([-1.0, 1.0, 1.0, -1.0])
    _, low, high = clipped_surrogate(log_ratio, advantages, 0.2, 0.28)
    assert low.tolist() == [True, False, False, False]
    assert high.tolist() == [False, True, False, False]
