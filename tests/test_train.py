"""The training step: its log-probs match the scorer's; updates favour the better trajectories."""

from __future__ import annotations

import math

import gymnasium as gym
import pytest
import torch

import infopo_envs  # noqa: F401
from infopo_agent.advantages import BetaSchedule
from infopo_agent.loss import LossConfig
from infopo_agent.policy import HFPolicy, SamplingParams
from infopo_agent.rollout import record_episode
from infopo_agent.train import InfoPOTrainer, TrainConfig, _TokenBatch, action_logprobs
from infopo_envs.core.agents import RandomAgent, oracle_for
from tests.agent_models import new_tiny_policy


def travel_env():
    return gym.make("InfoPO/TravelIntent-v0", max_turns=6, max_episode_steps=6)


def scripted_group(policy: HFPolicy, task_id: str = "test-0005"):
    """One group of four on one task: two oracle episodes (outcome 1) and two random ones."""
    trajectories = []
    for i, agent in enumerate([None, RandomAgent(1), None, RandomAgent(2)]):
        env = gym.make("InfoPO/TravelIntent-v0")
        agent = agent or oracle_for(env)
        trajectories.append(
            record_episode(
                policy.chat, env, agent, options={"task_id": task_id}, seed=i, group_id="g0"
            )
        )
    return trajectories


def mean_action_logprob(policy: HFPolicy, trajectory) -> float:
    targets = [list(range(s, e)) for s, e in trajectory.action_spans]
    flat = [j for span in targets for j in span]
    (scores,) = policy.token_logprobs([trajectory.token_ids], [flat])
    return float(scores.mean())


def test_grad_path_log_probs_equal_the_scorer_s():
    policy = new_tiny_policy(0)
    trajectories = scripted_group(policy)[:2]
    from infopo_agent.advantages import compute_advantages

    advantages = compute_advantages(
        ["g", "g"], [t.outcome for t in trajectories],
        [[None] * t.num_turns for t in trajectories], beta=0.0,
    )  # fmt: skip
    real = [torch.zeros(len(t.token_ids)) for t in trajectories]
    batch = _TokenBatch.build(trajectories, advantages, real)
    with torch.no_grad():
        ours = action_logprobs(policy, batch, slice(0, 2))
    for row, t in enumerate(trajectories):
        positions = [j for s, e in t.action_spans for j in range(s, e)]
        (expected,) = policy.token_logprobs([t.token_ids], [positions])
        torch.testing.assert_close(ours[row, positions], expected, atol=1e-5, rtol=1e-5)
        assert torch.all(ours[row][~batch.loss_mask[row]] == 0)


def test_learning_moves_probability_toward_the_better_trajectories():
    policy = new_tiny_policy(0)
    group = scripted_group(policy)
    assert [t.outcome for t in group][::2] == [1.0, 1.0]
    assert all(t.outcome < 1.0 for t in group[1::2])
    before = [mean_action_logprob(policy, t) for t in group]
    config = TrainConfig(
        learning_rate=3e-3, beta=BetaSchedule(0.0), loss=LossConfig(kl_coef=0.0), micro_batch=3
    )
    trainer = InfoPOTrainer(policy, travel_env, config)
    result = trainer.learn(group)
    after = [mean_action_logprob(policy, t) for t in group]
    gain = [a - b for a, b in zip(after, before, strict=True)]
    assert min(gain[0], gain[2]) > max(gain[1], gain[3])
    assert result.metrics["clip_fraction"] == 0.0  # first epoch: ratio 1 everywhere
    assert math.isfinite(result.metrics["grad_norm"]) and result.metrics["grad_norm"] > 0
    assert trainer.steps_done == 1


def test_step_rolls_out_groups_and_reports_finite_metrics():
    policy = new_tiny_policy(1)
    config = TrainConfig(
        group_size=2,
        beta=BetaSchedule(1.0, 0.0, decay_steps=2, kind="linear"),
        sampling=SamplingParams(temperature=1.0, max_new_tokens=12),
        loss=LossConfig(kl_coef=0.01),
        ppo_epochs=2,
        learning_rate=1e-3,
    )
    trainer = InfoPOTrainer(policy, travel_env, config)
    weights = [p.detach().clone() for p in policy.model.parameters()]
    first = trainer.step(["train-0001", "train-0002"], seed=0)
    second = trainer.step(["train-0003", "train-0004"], seed=1)
    assert len(first.trajectories) == 4
    assert [first.metrics["beta"], second.metrics["beta"]] == [1.0, 0.5]
    for key in ("policy_loss", "kl", "mean_gate", "mean_info_gain", "grad_norm", "mean_outcome"):
        assert math.isfinite(first.metrics[key]), key
    assert first.metrics["kl"] >= 0.0
    changed = [
        not torch.equal(w, p) for w, p in zip(weights, policy.model.parameters(), strict=True)
    ]
    assert any(changed)
    reference = trainer.reference
    assert reference is not None and not any(p.requires_grad for p in reference.model.parameters())


def test_kl_coefficient_zero_keeps_no_reference():
    trainer = InfoPOTrainer(
        new_tiny_policy(0), travel_env, TrainConfig(loss=LossConfig(0.2, 0.28, 0.0))
    )
    assert trainer.reference is None


@pytest.mark.parametrize("bad", [0, -1])
def test_empty_or_bad_group_size_is_an_error(bad):
    trainer = InfoPOTrainer(new_tiny_policy(0), travel_env, TrainConfig(group_size=bad))
    with pytest.raises(ValueError, match="group_size"):
        trainer.step(["train-0001"])
