"""Low-precision and LoRA updates: fp32 master weights, the base model as KL reference."""

from __future__ import annotations

import gymnasium as gym
import torch

import infopo_envs  # noqa: F401
from infopo_agent.advantages import BetaSchedule
from infopo_agent.loss import LossConfig
from infopo_agent.policy import HFPolicy
from infopo_agent.train import InfoPOTrainer, TrainConfig, _scheduler
from infopo_agent.training.lora import apply_lora
from tests.agent_models import new_tiny_policy
from tests.test_train import mean_action_logprob, scripted_group


def travel_env():
    return gym.make("InfoPO/TravelIntent-v0", max_turns=6, max_episode_steps=6)


def bf16_policy(seed: int = 0) -> HFPolicy:
    fp32 = new_tiny_policy(seed)
    return HFPolicy(fp32.model, fp32.tokenizer, device="cpu", dtype=torch.bfloat16)


def changed_fraction(before: list[torch.Tensor], after: list[torch.Tensor]) -> float:
    changed = sum(int((a != b).sum()) for a, b in zip(before, after, strict=True))
    return changed / sum(b.numel() for b in before)


def outcome_only(lr: float, **kwargs) -> TrainConfig:
    return TrainConfig(
        learning_rate=lr, beta=BetaSchedule(0.0), loss=LossConfig(kl_coef=0.0), **kwargs
    )


def test_bf16_update_at_lr_1e_6_moves_the_fp32_master_weights():
    policy = bf16_policy()
    group = scripted_group(policy)
    trainer = InfoPOTrainer(policy, travel_env, outcome_only(1e-6))
    assert trainer.master.copies == len(list(policy.model.parameters()))
    before = [m.detach().clone() for m in trainer.master.parameters()]
    trainer.learn(group)
    after = [m.detach() for m in trainer.master.parameters()]
    assert changed_fraction(before, after) > 0.9
    for p, master in trainer.master.pairs:  # the model runs on the rounded master weights
        assert p.dtype == torch.bfloat16 and torch.equal(p, master.to(torch.bfloat16))


def test_plain_adamw_on_bf16_weights_rounds_the_same_update_away():
    """The failure the master weights exist for, measured on the same model and batch."""
    policy = bf16_policy()
    group = scripted_group(policy)
    trainer = InfoPOTrainer(policy, travel_env, outcome_only(1e-6))
    params = list(policy.model.parameters())
    trainer.master = type(trainer.master)(params)
    trainer.master.pairs = [(p, p) for p in params]  # no copies: AdamW writes bf16 directly
    trainer.optimizer = torch.optim.AdamW(params, lr=1e-6, weight_decay=0.0)
    trainer.scheduler = _scheduler(trainer.optimizer, trainer.config)
    before = [p.detach().clone() for p in params]
    trainer.learn(group)
    assert changed_fraction(before, [p.detach() for p in params]) < 0.05


def test_lora_trains_adapters_only_and_its_reference_is_the_base_model():
    policy = new_tiny_policy(0)
    group = scripted_group(policy)
    initial = [mean_action_logprob(policy, t) for t in group]
    apply_lora(policy, rank=4, alpha=8)
    base = {n: p.detach().clone() for n, p in policy.model.named_parameters() if "lora" not in n}
    config = TrainConfig(learning_rate=1e-2, beta=BetaSchedule(0.0), loss=LossConfig(kl_coef=0.1))
    trainer = InfoPOTrainer(policy, travel_env, config)
    assert trainer.reference is policy and trainer.reference_is_base
    first = trainer.learn(group)
    assert first.metrics["kl"] == 0.0  # B = 0 at init: the policy equals its base
    second = trainer.learn(group)
    assert second.metrics["kl"] > 0.0
    for name, p in policy.model.named_parameters():
        if "lora" not in name:
            assert torch.equal(p, base[name]), name
    trained = [mean_action_logprob(policy, t) for t in group]
    assert trained != initial
    with policy.model.disable_adapter():
        reference = [mean_action_logprob(policy, t) for t in group]
    assert reference == initial


def test_gradient_checkpointing_gives_the_same_update():
    results = []
    for checkpointing in (False, True):
        policy = new_tiny_policy(0)
        group = scripted_group(policy)
        config = outcome_only(1e-3, gradient_checkpointing=checkpointing)
        InfoPOTrainer(policy, travel_env, config).learn(group)
        assert policy.model.is_activation_checkpointing == checkpointing
        results.append([p.detach().clone() for p in policy.model.parameters()])
    for a, b in zip(*results, strict=True):
        torch.testing.assert_close(a, b, atol=1e-6, rtol=1e-5)


def test_warmup_schedule_ramps_the_learning_rate():
    policy = new_tiny_policy(0)
    group = scripted_group(policy)[:2]
    config = outcome_only(1e-3, lr_schedule="linear", warmup_steps=2, total_steps=4)
    trainer = InfoPOTrainer(policy, travel_env, config)
    rates = [trainer.learn(group).metrics["learning_rate"] for _ in range(4)]
    assert rates == [0.0, 5e-4, 1e-3, 5e-4]
