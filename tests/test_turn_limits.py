"""``gym.make(id, max_turns=N)`` gives episodes of N turns for any N, ending with a score."""

from __future__ import annotations

import gymnasium as gym
import pytest

import infopo_envs
from infopo_envs.core.env import InfoPOEnv

CHEAP = ["InfoPO/Function-v0", "InfoPO/CodingCollab-v0", "InfoPO/Intention-v0"]


@pytest.mark.parametrize("env_id", sorted(infopo_envs.ENVS))
def test_registered_default_is_the_envs_own_limit(env_id):
    env = gym.make(env_id)
    assert isinstance(env.unwrapped, InfoPOEnv)
    assert env.spec.max_episode_steps == env.unwrapped.max_turns == infopo_envs.ENVS[env_id][1]


@pytest.mark.parametrize("env_id", CHEAP)
@pytest.mark.parametrize("turns", [3, 25, 45])
def test_any_max_turns_is_honoured_and_the_last_info_is_scored(env_id, turns):
    env = gym.make(env_id, max_turns=turns)
    assert env.spec.max_episode_steps == turns
    env.reset(seed=0, options={"task_id": "test-0000"})
    steps, truncated, terminated = 0, False, False
    while not (terminated or truncated):
        _, _, terminated, truncated, info = env.step("[action] hello there")
        steps += 1
    assert truncated and not terminated and steps == turns
    assert isinstance(info["outcome"], float) and info["success"] is False


def test_readme_loop_runs_past_the_registered_default():
    env = gym.make("InfoPO/CodingCollab-v0", max_turns=12)
    env.reset(seed=1)
    done = False
    while not done:
        _, _, terminated, truncated, info = env.step("[action] What should it do?")
        done = terminated or truncated
    assert info["turn"] == 12 and "outcome" in info and "success" in info
