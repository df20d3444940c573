"""Rollouts against a real local HTTP user simulator: envs step concurrently with the same
results as one at a time, and an episode whose simulator fails is recorded, not fatal."""

from __future__ import annotations

import functools

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_agent.policy import SamplingParams
from infopo_agent.rollout import rollout_groups
from simulators import SimulatorError
from tests.agent_models import parrot_policy
from tests.servers import faulty_server

ENV_ID = "InfoPO/TravelIntent-v0"
TASKS = ["test-0001", "test-0002", "test-0003"]
GREEDY = SamplingParams(temperature=0.0, max_new_tokens=24)


@functools.cache
def asking_policy():
    return parrot_policy("[action] Which city would you like to visit?")


def play(url: str, env_threads: int, **kwargs):
    def make():
        return gym.make(ENV_ID, max_turns=4, simulator=f"openai:m?base_url={url}&max_retries=1")

    return rollout_groups(
        asking_policy(), make, TASKS, 2, GREEDY, seed=3, env_threads=env_threads, **kwargs
    )


def test_concurrent_envs_give_the_same_trajectories_and_overlap_their_requests():
    with faulty_server("flaky", fail_every=10**9, delay=0.05) as (url, server):
        serial = play(url, env_threads=1)
        assert server.max_in_flight == 1
        server.max_in_flight = 0
        concurrent = play(url, env_threads=6)
        assert server.max_in_flight > 1  # requests were in flight together
    assert [t.to_dict() for t in serial] == [t.to_dict() for t in concurrent]
    assert all(t.simulator_error is None and t.num_turns == 4 for t in serial)
    # every action reached the user, whose reply came from the server
    assert all(m["content"] == "Sure, happy to help." for t in serial for m in t.messages[2::2])


def test_an_episode_whose_simulator_fails_is_recorded_and_the_rest_go_on():
    with faulty_server("flaky", fail_every=5) as (url, server):
        first = play(url, env_threads=4)
        failed_requests = server.failed_requests
        again = play(url, env_threads=2)
    assert [t.to_dict() for t in first] == [t.to_dict() for t in again]
    failed = [t for t in first if t.simulator_error is not None]
    assert 0 < len(failed) < len(first)
    assert failed_requests >= 2 * len(failed)  # each failed call was retried once
    for trajectory in failed:
        assert "500" in trajectory.simulator_error and url in trajectory.simulator_error
        # the action whose reply failed is kept, with no feedback and no reward after it
        assert len(trajectory.action_spans) == len(trajectory.feedback_spans) + 1
        assert len(trajectory.rewards) == len(trajectory.feedback_spans)
        assert trajectory.messages[-1]["role"] == "assistant"
    for trajectory in first:
        if trajectory.simulator_error is None:
            assert trajectory.num_turns == 4 and trajectory.truncated


def test_fail_fast_raises_the_simulators_error():
    with faulty_server("500") as (url, _), pytest.raises(SimulatorError, match="500"):
        play(url, env_threads=2, fail_fast=True)


def test_env_threads_must_be_positive():
    with pytest.raises(ValueError, match="env_threads"):
        rollout_groups(asking_policy(), ENV_ID, TASKS, 1, GREEDY, env_threads=0)
