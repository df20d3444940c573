"""Gymnasium conventions: async vector envs with shared memory, standard wrappers, spec round
trips, and ``reward_mode``."""

from __future__ import annotations

import copy

import gymnasium as gym
import pytest
from gymnasium.wrappers import RecordEpisodeStatistics

import infopo_envs
from infopo_envs.core import SharedTexts
from infopo_envs.core.agents import oracle_for, run_episode

ENV_IDS = sorted(infopo_envs.ENVS)
CHEAP = "InfoPO/Telepathy-v0"


def _menu(env_id: str, task_id: str, count: int) -> list[str]:
    env = gym.make(env_id)
    env.reset(seed=0, options={"task_id": task_id})
    return env.unwrapped.candidate_actions()[:count]


@pytest.mark.parametrize("shared_memory", [True, False])
def test_async_vector_env_returns_the_same_text_as_single_envs(shared_memory):
    tasks = ["test-0001", "test-0002"]
    vec = gym.make_vec(
        CHEAP, 2, vectorization_mode="async", vector_kwargs={"shared_memory": shared_memory}
    )
    singles = [gym.make(CHEAP) for _ in tasks]
    try:
        obs, _ = vec.reset(seed=[3, 4], options={"task_id": tasks[0]})
        expected = [singles[0].reset(seed=3, options={"task_id": tasks[0]})[0]]
        expected.append(singles[1].reset(seed=4, options={"task_id": tasks[0]})[0])
        assert list(obs) == expected and isinstance(obs, tuple)
        actions = _menu(CHEAP, tasks[0], 3)
        for action in actions:
            obs, rewards, _, _, _ = vec.step((action, "not an action"))
            first = singles[0].step(action)
            second = singles[1].step("not an action")
            assert list(obs) == [first[0], second[0]]
            assert list(rewards) == [first[1], second[1]]
    finally:
        vec.close()


def test_shared_texts_view_is_live_and_copies_to_a_tuple():
    vec = gym.make_vec(CHEAP, 2, vectorization_mode="async", vector_kwargs={"copy": False})
    try:
        view, _ = vec.reset(seed=0)
        assert isinstance(view, SharedTexts)
        opening = tuple(view)
        assert copy.deepcopy(view) == opening and view[:1] == opening[:1]
        vec.step(("not an action", "not an action"))
        assert view[0].startswith("Invalid action") and view[0] != opening[0]
    finally:
        vec.close()


@pytest.mark.parametrize("env_id", ENV_IDS)
def test_make_from_spec_round_trips(env_id):
    env = gym.make(env_id, reward_mode="outcome")
    again = gym.make(env.spec)
    assert again.spec == env.spec and again.unwrapped.reward_mode == "outcome"
    first = env.reset(seed=5, options={"task_id": "test-0007"})
    second = again.reset(seed=5, options={"task_id": "test-0007"})
    assert first == second


def test_reward_mode_outcome_pays_the_outcome_once_at_the_end():
    for task in ("test-0000", "test-0001", "test-0002"):
        shaped = run_episode(
            gym.make("InfoPO/TravelIntent-v0"), _oracle(), seed=1, options={"task_id": task}
        )
        env = gym.make("InfoPO/TravelIntent-v0", reward_mode="outcome")
        outcome = run_episode(env, _oracle(), seed=1, options={"task_id": task})
        rewards = [turn["reward"] for turn in outcome.transcript["turns"]]
        assert rewards[:-1] == [0.0] * (len(rewards) - 1)
        assert rewards[-1] == outcome.outcome == outcome.total_reward == shaped.outcome
        assert shaped.total_reward != shaped.outcome  # the shaped return is not the outcome


class _LazyOracle:
    """The env's oracle, found at reset (so it also works through wrappers)."""

    def reset(self, env, observation, info):
        self.agent = oracle_for(env)
        self.agent.reset(env, observation, info)

    def act(self, observation, info):
        return self.agent.act(observation, info)


def _oracle():
    return _LazyOracle()


def test_wrappers_compose_and_episode_return_is_the_outcome():
    env = gym.make("InfoPO/TravelIntent-v0", reward_mode="outcome")
    env = RecordEpisodeStatistics(gym.wrappers.TimeAwareObservation(env, flatten=False))
    obs, info = env.reset(seed=2, options={"task_id": "test-0004"})
    assert set(obs) == {"obs", "time"} and obs["time"] == 0
    agent = _oracle()
    agent.reset(env, obs["obs"], info)
    done = False
    while not done:
        obs, _, terminated, truncated, info = env.step(agent.act(obs["obs"], info))
        done = terminated or truncated
    assert info["episode"]["r"] == pytest.approx(info["outcome"]) and info["outcome"] == 1.0
    assert info["episode"]["l"] == info["turn"]


def test_bad_reward_mode_is_refused_at_make_time():
    with pytest.raises(ValueError, match="reward_mode"):
        gym.make(CHEAP, reward_mode="sum")
