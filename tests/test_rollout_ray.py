"""Rollouts with envs in Ray actors: the same trajectories for any number of workers, and a
worker killed mid-run is replaced with nothing lost or counted twice."""

from __future__ import annotations

import functools
import threading

import gymnasium as gym
import pytest

pytest.importorskip("ray")

import infopo_envs  # noqa: F401
from infopo_agent.policy import SamplingParams
from infopo_agent.ray_envs import RayEnvPool
from infopo_agent.rollout import rollout_groups
from tests.agent_models import parrot_policy

ENV_ID = "InfoPO/TravelIntent-v0"
TASKS = ["test-0001", "test-0002", "test-0003"]
GREEDY = SamplingParams(temperature=0.0, max_new_tokens=24)
MAKE = {"max_turns": 5}


@functools.cache
def asking_policy():
    return parrot_policy("[action] Which city would you like to visit?")


def play(env):
    return [t.to_dict() for t in rollout_groups(asking_policy(), env, TASKS, 2, GREEDY, seed=7)]


@functools.cache
def in_process():
    return play(lambda: gym.make(ENV_ID, **MAKE))


@pytest.mark.parametrize("workers", [1, 2])
def test_trajectories_do_not_depend_on_the_number_of_workers(local_ray, workers):
    with RayEnvPool(ENV_ID, workers, make_kwargs=MAKE) as pool:
        assert play(pool.make) == in_process()
        assert pool.replacements == 0


def test_a_killed_worker_is_replaced_and_its_episodes_rerun(local_ray):
    with RayEnvPool(ENV_ID, 2, make_kwargs=MAKE) as pool:
        envs = [pool.make() for _ in range(len(TASKS) * 2)]  # env objects: the rollout keeps them
        victim = pool.workers[0]
        killed = threading.Event()

        def kill_after_the_first_steps():
            while not killed.is_set():  # once every env of the first worker has stepped twice
                if all(len(env._history) >= 2 for env in envs[::2]):
                    local_ray.kill(victim, no_restart=True)
                    killed.set()
                killed.wait(0.01)

        killer = threading.Thread(target=kill_after_the_first_steps, daemon=True)
        killer.start()
        trajectories = play(envs)
        killed.set()
        killer.join()
        assert pool.replacements == 1 and pool.workers[0] is not victim
        assert trajectories == in_process()
        # every env, moved or not, holds each step exactly once
        for env, trajectory in zip(envs, trajectories, strict=True):
            assert len(env.transcript()["turns"]) == len(trajectory["action_spans"]) == 5


def test_a_worker_count_below_one_is_refused(local_ray):
    with pytest.raises(ValueError, match="workers"):
        RayEnvPool(ENV_ID, 0)
