"""Adapters: shaped per-turn rewards, the verl-style estimator, and TRL's GRPOTrainer."""

import math
import os

import numpy as np
import pytest
import torch

from infopo_agent.adapters.rewards import info_shaped_turn_rewards
from infopo_agent.adapters.verl_style import compute_infopo_outcome_advantage
from infopo_agent.advantages import information_advantages, outcome_advantages, outcome_gates

EPS = 1e-6

# --- plain per-turn rewards ---------------------------------------------------------------------


def test_shaped_rewards_by_hand():
    rewards = info_shaped_turn_rewards(
        [0, 0], [0.5, 0.5], [[0.4, None], [0.0, 0.2, None]], beta=0.2, tau=0.05
    )
    std = math.sqrt(0.08 / 3)
    z = 0.2 / (std + EPS)
    assert rewards[0] == pytest.approx([0.2 * 0.5 * z, 0.5])
    assert rewards[1] == pytest.approx([0.2 * 0.5 * -z, 0.0, 0.5])


def test_shaped_rewards_sum_to_outcome_plus_gated_information():
    group_ids, outcomes = ["a", "a", "a"], [1.0, 0.0, 0.0]
    gains = [[0.3, 0.1], [math.nan], [0.0, 0.5, None]]
    rewards = info_shaped_turn_rewards(group_ids, outcomes, gains, beta=2.0)
    gate = outcome_gates(outcomes, group_ids)
    a_info = information_advantages(gains, group_ids)
    for i, turn_rewards in enumerate(rewards):
        expected = outcomes[i] + 2.0 * gate[i] * a_info[i].sum()
        assert sum(turn_rewards) == pytest.approx(expected)


def test_shaped_rewards_need_an_action_to_carry_the_outcome():
    with pytest.raises(ValueError, match="action"):
        info_shaped_turn_rewards([0], [1.0], [[]], beta=1.0)


# --- verl-style estimator -----------------------------------------------------------------------


def multi_turn_batch():
    # two actions per response (runs of ones), feedback tokens in between, padding at the end
    response_mask = torch.tensor(
        [
            [1, 1, 0, 0, 1, 1, 0],
            [1, 0, 0, 1, 1, 1, 0],
            [1, 1, 1, 0, 1, 0, 0],
            [1, 0, 1, 0, 0, 0, 0],
        ]
    )
    token_level_rewards = torch.zeros(4, 7)
    token_level_rewards[0, 5] = 1.0
    token_level_rewards[2, 4] = 1.0
    return token_level_rewards, response_mask, np.array(["u1", "u1", "u2", "u2"], dtype=object)


def test_verl_style_at_beta_zero_is_grpo_on_response_tokens():
    rewards, mask, index = multi_turn_batch()
    advantages, returns = compute_infopo_outcome_advantage(rewards, mask, index)
    grpo = outcome_advantages([1.0, 0.0, 1.0, 0.0], list(index))
    expected = torch.tensor(grpo, dtype=torch.float32)[:, None] * mask
    assert torch.equal(advantages, expected)
    assert torch.equal(returns, advantages)
    assert advantages.dtype == torch.float32


def test_verl_style_places_information_advantage_on_the_asking_action():
    rewards, mask, index = multi_turn_batch()
    rewards.zero_()  # both groups now tie: gate 0.5, A_out 0
    gains = [[0.6], [0.2, None], [0.1], [None, None]]
    advantages, _ = compute_infopo_outcome_advantage(
        rewards, mask, index, turn_info_gain=gains, beta=1.0
    )
    z = 0.2 / (0.2 + EPS)
    assert advantages[0].tolist() == pytest.approx([0.5 * z] * 2 + [0] * 5)
    assert advantages[1].tolist() == pytest.approx([-0.5 * z] + [0] * 6)
    assert advantages[2].tolist() == [0.0] * 7  # a single valid turn in its group: no spread
    assert advantages[3].tolist() == [0.0] * 7


def test_verl_style_rejects_more_gains_than_actions():
    rewards, mask, index = multi_turn_batch()
    with pytest.raises(ValueError):
        compute_infopo_outcome_advantage(
            rewards, mask, index, turn_info_gain=[[0.1, 0.2, 0.3], [], [], []], beta=1.0
        )


# --- TRL ----------------------------------------------------------------------------------------

trl = pytest.importorskip("trl")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

from datasets import Dataset  # noqa: E402
from tokenizers import Tokenizer, models, pre_tokenizers  # noqa: E402
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast  # noqa: E402

from infopo_agent.adapters.trl_grpo import (  # noqa: E402
    InfoPOGRPOTrainer,
    grpo_config_kwargs,
    info_gain_reward,
)
from infopo_agent.loss import LossConfig  # noqa: E402

PROMPTS = ["w1 w2", "w3 w4"]


def word_tokenizer() -> PreTrainedTokenizerFast:
    """A word-level tokenizer built in memory: no download."""
    vocab = {w: i for i, w in enumerate(["<pad>", "<eos>"] + [f"w{i}" for i in range(30)])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="<pad>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", eos_token="<eos>")


def tiny_model() -> LlamaForCausalLM:
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=32,
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=2,
        pad_token_id=0,
        eos_token_id=1,
    )
    return LlamaForCausalLM(config)


def scripted_rollout(outcomes, gains):
    """A multi-turn rollout_func: action, one feedback token, action; fixed outcomes and IG."""
    tokenizer = word_tokenizer()

    def rollout(prompts, trainer):
        n = len(prompts)
        completions = [[5, 6, 20, 7 + i % 3, 8, 1][: 4 + i % 3] for i in range(n)]
        return {
            "prompt_ids": [tokenizer(p)["input_ids"] for p in prompts],
            "completion_ids": completions,
            "logprobs": [[-1.0] * len(c) for c in completions],
            "env_mask": [[1, 1, 0] + [1] * (len(c) - 3) for c in completions],
            "info_gain": [gains[i % len(gains)] for i in range(n)],
            "outcome": [outcomes[i % len(outcomes)] for i in range(n)],
        }

    return rollout


def outcome_reward(prompts, completions, outcome, **kwargs):
    return outcome


def make_trainer(tmp_path, rollout, trainer_class=InfoPOGRPOTrainer, config=None, **extra):
    args = trl.GRPOConfig(
        output_dir=str(tmp_path),
        per_device_train_batch_size=8,
        num_generations=4,
        max_steps=1,
        logging_steps=1,
        report_to="none",
        use_cpu=True,
        save_strategy="no",
        max_completion_length=8,
        **grpo_config_kwargs(LossConfig(kl_coef=0.0)),
        **(config or {}),
    )
    return trainer_class(
        model=tiny_model(),
        reward_funcs=outcome_reward,
        args=args,
        train_dataset=Dataset.from_dict({"prompt": PROMPTS}),
        processing_class=word_tokenizer(),
        rollout_func=rollout,
        **extra,
    )


def batch():
    return [{"prompt": p} for p in PROMPTS for _ in range(4)]


def test_trl_beta_zero_is_stock_grpo(tmp_path):
    rollout = scripted_rollout([1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], [[0.9, None], [0.1]])
    stock = make_trainer(tmp_path, rollout, trainer_class=trl.GRPOTrainer)
    ours = make_trainer(tmp_path, rollout, infopo_beta=0.0)
    stock_out = stock._generate_and_score_completions(batch())
    ours_out = ours._generate_and_score_completions(batch())
    mask = ours_out["completion_mask"] * ours_out["tool_mask"]
    expected = stock_out["advantages"][:, None] * mask
    assert ours_out["advantages"].shape == mask.shape
    assert torch.equal(ours_out["advantages"], expected)


def test_trl_fused_advantages_on_action_tokens(tmp_path):
    # every group ties (TRL's A_out = 0, gate = 0.5): the advantage is 0.5 * beta * A_info
    rollout = scripted_rollout([1.0], [[0.4, None], [0.0, None]])
    trainer = make_trainer(tmp_path, rollout, infopo_beta=2.0)
    out = trainer._generate_and_score_completions(batch())
    z = 0.2 / (0.2 + EPS)
    first_action = out["advantages"][:, :2]
    assert first_action[0::2] == pytest.approx(torch.full((4, 2), 0.5 * 2.0 * z))
    assert first_action[1::2] == pytest.approx(torch.full((4, 2), -0.5 * 2.0 * z))
    assert torch.all(out["advantages"][:, 2:] == 0)  # feedback and the last action: no IG
    assert trainer._metrics["train"]["infopo/mean_gate"][-1] == pytest.approx(0.5)
    assert trainer._metrics["train"]["infopo/zero_variance_fraction"][-1] == 1.0


def test_trl_completions_masked_as_truncated_carry_nothing(tmp_path):
    # only completions of length 6 end with EOS; TRL masks the others out entirely
    rollout = scripted_rollout([1.0, 0.0], [[0.4, None], [0.0, 0.1]])
    trainer = make_trainer(
        tmp_path, rollout, config={"mask_truncated_completions": True}, infopo_beta=1.0
    )
    out = trainer._generate_and_score_completions(batch())
    kept = out["completion_mask"].sum(1) > 0
    assert kept.tolist() == [i % 3 == 2 for i in range(8)]
    assert torch.all(out["advantages"][~kept] == 0)
    assert torch.all(torch.isfinite(out["advantages"]))


def test_trl_training_step_runs_and_logs(tmp_path):
    rollout = scripted_rollout([1.0, 0.0, 0.5, 0.5], [[0.4, None], [0.0, 0.1]])
    trainer = make_trainer(tmp_path, rollout, infopo_beta=1.0)
    before = [p.detach().clone() for p in trainer.model.parameters()]
    trainer.train()
    logged = trainer.state.log_history[0]
    assert math.isfinite(logged["loss"])
    assert {"infopo/mean_gate", "infopo/mean_info_gain", "infopo/beta"} <= logged.keys()
    after = list(trainer.model.parameters())
    assert any(not torch.equal(b, a) for b, a in zip(before, after, strict=True))


def test_trl_trainer_requires_info_gain(tmp_path):
    def rollout_without_gain(prompts, trainer):
        output = scripted_rollout([1.0], [[None]])(prompts, trainer)
        del output["info_gain"]
        return output

    with pytest.raises(ValueError, match="rollout_func"):
        make_trainer(tmp_path, None)
    trainer = make_trainer(tmp_path, rollout_without_gain)
    with pytest.raises(ValueError, match="info_gain"):
        trainer._generate_and_score_completions(batch())


def test_trl_info_gain_reward_and_config_kwargs():
    reward = info_gain_reward(weight=2.0)
    assert reward([], [], info_gain=[[0.2, None, 0.4], [math.nan], []]) == pytest.approx(
        [0.6, 0.0, 0.0]
    )
    kwargs = grpo_config_kwargs(LossConfig(clip_low=0.2, clip_high=0.28, kl_coef=0.01))
    assert kwargs == {
        "epsilon": 0.2,
        "epsilon_high": 0.28,
        "beta": 0.01,
        "entropy_coef": 0.0,
        "loss_type": "dapo",
    }
