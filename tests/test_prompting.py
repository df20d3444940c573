"""Worked examples from an env's oracle: alternating messages, valid actions, train tasks only."""

from __future__ import annotations

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_agent.prompting import DEFAULT_SYSTEM, ExamplePrompt, example_seed, oracle_example

ENV_IDS = [
    "InfoPO/TravelIntent-v0",
    "InfoPO/Intention-v0",
    "InfoPO/Function-v0",
    "InfoPO/Telepathy-v0",
    "InfoPO/ToolUse-Retail-v0",
    "InfoPO/WebShop-v0",
]


@pytest.mark.parametrize("env_id", ENV_IDS)
def test_example_alternates_and_replays_as_valid_actions(env_id):
    example = oracle_example(env_id, turns=2)
    assert example.system == DEFAULT_SYSTEM
    messages = example.preamble
    roles = [m["role"] for m in messages]
    assert roles == ["user", "assistant", "user", "assistant"][: len(roles)]
    assert roles[-1] == "assistant" and len(roles) in (2, 4)  # the real opening follows
    assert all(isinstance(m["content"], str) and m["content"] for m in messages)
    # Replaying the actions on the same train task gives back the same opening and feedback.
    env = gym.make(env_id)
    observation, _ = env.reset(seed=example_seed("train-0000"), options={"task_id": "train-0000"})
    assert observation == messages[0]["content"]
    for at in range(1, len(messages), 2):
        observation, _, _, _, info = env.step(messages[at]["content"])
        assert info["action_valid"], observation
        if at + 1 < len(messages):
            assert observation == messages[at + 1]["content"]
    env.close()


def test_examples_are_deterministic_and_sized_by_turns():
    factory = lambda: gym.make("InfoPO/TravelIntent-v0", max_turns=3)  # noqa: E731
    assert oracle_example(factory, turns=2) == oracle_example(factory, turns=2)
    one = oracle_example(factory, turns=1, system=None)
    assert one.system is None and [m["role"] for m in one.preamble] == ["user", "assistant"]
    assert "at most 3 turns" in one.preamble[0]["content"]  # the factory's env, not the default
    assert oracle_example(factory, turns=0) == ExamplePrompt(DEFAULT_SYSTEM, [])
    other = oracle_example(factory, turns=1, task_id="train-0001")
    assert other.preamble[0]["content"] != one.preamble[0]["content"]


def test_examples_never_show_a_test_task_and_need_an_oracle():
    with pytest.raises(ValueError, match="train split"):
        oracle_example("InfoPO/TravelIntent-v0", task_id="test-0000")
    with pytest.raises(ValueError, match="turns"):
        oracle_example("InfoPO/TravelIntent-v0", turns=-1)
