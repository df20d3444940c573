"""Rollout throughput with envs in Ray workers: episodes per second with 1 and 2 workers.

    python benchmarks/rollout_scale.py [--episodes 16] [--scripted-env ID] [--model-env ID]
                                       [--no-model] [--address ADDRESS]

Scripted: the env's oracle plays whole episodes (``infopo_envs.core.agents.run_episode``) as Ray
tasks, at most N at once for N workers, against the same episodes played one after another in
this process (the baseline). Model: ``rollout_groups`` with the embedded SmolLM2 in this process
and the envs in a ``RayEnvPool`` of N workers, against the same rollout with local envs. Every
configuration must give the same outcomes as its baseline (checked). A short warm-up is not
timed. Ratios are against the baseline measured here; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time

import gymnasium as gym
import ray

import infopo_envs  # noqa: F401
from infopo_agent.ray_envs import RayEnvPool
from infopo_agent.rollout import rollout_groups
from infopo_envs.core.agents import oracle_for, run_episode

WORKER_COUNTS = (1, 2)


def play_oracle(env_id: str, task_id: str) -> float:
    env = gym.make(env_id)
    try:
        return run_episode(env, oracle_for(env), seed=0, options={"task_id": task_id}).outcome
    finally:
        env.close()


remote_play = ray.remote(num_cpus=1)(play_oracle)


def scripted(env_id: str, tasks: list[str]) -> dict:
    play_oracle(env_id, tasks[0])  # warm-up: imports, indexes
    start = time.perf_counter()
    baseline = [play_oracle(env_id, t) for t in tasks]
    base_rate = len(tasks) / (time.perf_counter() - start)
    result = {"env": env_id, "baseline_episodes_per_s": round(base_rate, 3)}
    for workers in WORKER_COUNTS:
        ray.get([remote_play.remote(env_id, t) for t in tasks[:workers]])  # warm the workers
        start = time.perf_counter()
        pending, outcomes = [], {}
        for index, task in enumerate(tasks):  # at most `workers` episodes in flight
            if len(pending) == workers:
                done, pending = ray.wait(pending, num_returns=1)
                outcomes.update(ray.get(done[0]))
            pending.append(_indexed.remote(env_id, index, task))
        for ref in pending:
            outcomes.update(ray.get(ref))
        rate = len(tasks) / (time.perf_counter() - start)
        if [outcomes[i] for i in range(len(tasks))] != baseline:
            raise AssertionError(f"{workers} workers changed the outcomes")
        result[f"workers_{workers}_episodes_per_s"] = round(rate, 3)
        result[f"workers_{workers}_ratio"] = round(rate / base_rate, 3)
    return result


@ray.remote(num_cpus=1)
def _indexed(env_id: str, index: int, task_id: str) -> dict[int, float]:
    return {index: play_oracle(env_id, task_id)}


def model(env_id: str, tasks: list[str], group: int, max_turns: int) -> dict:
    import torch

    from infopo_agent.policy import HFPolicy, SamplingParams

    torch.set_num_threads(max(1, (os.cpu_count() or 2) // 2))
    policy = HFPolicy.embedded(device="cpu", dtype=torch.float32)
    params = SamplingParams(temperature=1.0, max_new_tokens=24)
    kwargs = {"max_turns": max_turns}

    def run(env) -> tuple[float, list]:
        start = time.perf_counter()
        trajectories = rollout_groups(policy, env, tasks, group, params, seed=0)
        elapsed = time.perf_counter() - start
        return len(trajectories) / elapsed, [t.to_dict() for t in trajectories]

    run(lambda: gym.make(env_id, **kwargs))  # warm-up
    base_rate, baseline = run(lambda: gym.make(env_id, **kwargs))
    result = {"env": env_id, "baseline_episodes_per_s": round(base_rate, 3)}
    for workers in WORKER_COUNTS:
        with RayEnvPool(env_id, workers, make_kwargs=kwargs) as pool:
            rate, trajectories = run(pool.make)
        if trajectories != baseline:
            raise AssertionError(f"{workers} env workers changed the trajectories")
        result[f"workers_{workers}_episodes_per_s"] = round(rate, 3)
        result[f"workers_{workers}_ratio"] = round(rate / base_rate, 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=16, help="scripted episodes")
    parser.add_argument("--scripted-env", default="InfoPO/CodingCollab-v0")
    parser.add_argument("--model-env", default="InfoPO/TravelIntent-v0")
    parser.add_argument("--model-tasks", type=int, default=2)
    parser.add_argument("--group", type=int, default=2)
    parser.add_argument("--max-turns", type=int, default=3)
    parser.add_argument("--no-model", action="store_true", help="skip the embedded-model part")
    parser.add_argument("--address", help="a Ray cluster (default: a local instance)")
    args = parser.parse_args()

    ray.init(address=args.address, include_dashboard=False, log_to_driver=False)
    tasks = [f"test-{i:04d}" for i in range(args.episodes)]
    report = {
        "benchmark": "rollout_scale",
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "ray_cpus": ray.cluster_resources().get("CPU"),
        "scripted": scripted(args.scripted_env, tasks),
    }
    print(json.dumps(report["scripted"]))
    if not args.no_model:
        model_tasks = tasks[: args.model_tasks]
        report["model"] = model(args.model_env, model_tasks, args.group, args.max_turns)
        print(json.dumps(report["model"]))
    ray.shutdown()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
