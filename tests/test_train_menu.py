"""Menu decoding: exact option log-probs, valid actions, and the chosen option's own tokens."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest

import infopo_envs  # noqa: F401
from infopo_agent.menu import menu_logprobs, option_ids
from infopo_agent.policy import SamplingParams
from infopo_agent.rollout import rollout_groups
from tests.agent_models import tiny_policy


def prompt(policy, text):
    convo = policy.chat.conversation()
    convo.add("user", text)
    return convo.generation_prompt()


MENU = ["[action] How many guests?", "[finish]", "[answer] A standard plan.", "[action] Budget?"]


def test_packed_option_logprobs_equal_separate_teacher_forcing():
    policy = tiny_policy()
    prompts = [prompt(policy, "Plan a party."), prompt(policy, "A much longer request, please.")]
    menus = [[option_ids(policy, m) for m in MENU], [option_ids(policy, m) for m in MENU[:2]]]
    packed = menu_logprobs(policy, prompts, menus)
    for p, options, got in zip(prompts, menus, packed, strict=True):
        sequences = [p + o for o in options]
        targets = [list(range(len(p), len(p) + len(o))) for o in options]
        expected = [float(s.sum()) for s in policy.token_logprobs(sequences, targets)]
        np.testing.assert_allclose(got, expected, atol=1e-4)


def test_greedy_choice_is_the_most_likely_option_and_sampling_is_seeded():
    policy = tiny_policy()
    p = prompt(policy, "Plan a party.")
    scores = menu_logprobs(policy, [p], [[option_ids(policy, m) for m in MENU]])[0]
    (greedy,) = policy.choose([p], [MENU], SamplingParams(temperature=0))
    assert greedy.text == MENU[int(np.argmax(scores))]
    assert list(greedy.token_ids) == option_ids(policy, greedy.text)
    params = SamplingParams(temperature=1.0)
    draws = [policy.choose([p] * 8, [MENU] * 8, params, seed=s) for s in (1, 1, 2)]
    assert draws[0] == draws[1]
    assert {g.text for g in draws[0]} <= set(MENU)


def test_menu_rollouts_play_only_valid_actions_with_the_options_tokens():
    policy = tiny_policy()
    env = lambda: gym.make("InfoPO/Intention-v0", max_turns=3)  # noqa: E731
    trajectories = rollout_groups(
        policy, env, ["train-0001"], 3, SamplingParams(temperature=1.0), decoding="menu"
    )
    for t in trajectories:
        actions = [m["content"] for m in t.messages if m["role"] == "assistant"]
        assert actions and len(actions) == t.num_turns
        for text, (start, end) in zip(actions, t.action_spans, strict=True):
            assert t.token_ids[start:end] == option_ids(policy, text)
            assert "Invalid" not in text
        feedback = [m["content"] for m in t.messages[2:] if m["role"] == "user"]
        assert not any(f.startswith("Invalid action") for f in feedback)


def test_empty_menu_and_unknown_decoding_are_errors():
    policy = tiny_policy()
    with pytest.raises(ValueError, match="menu"):
        policy.choose([prompt(policy, "Hi")], [[]])
    with pytest.raises(ValueError, match="decoding"):
        rollout_groups(policy, "InfoPO/Intention-v0", ["train-0001"], 1, decoding="beam")
