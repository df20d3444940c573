"""Benchmark: the cost of information gain relative to one teacher-forced pass.

On real SmolLM2 trajectories of InfoPO/TravelIntent-v0 (groups of episodes per task, actions
teacher-forced through the policy's chat template: the env's oracle in even episodes, a seeded
agent asking random questions from the env's menu in odd ones; tasks are those whose oracle needs
at least ``--turns`` turns, so every trajectory has exactly ``--turns`` turns), times in the
same run:

  (a) one teacher-forced pass scoring every action token (PPO's old log-probs),
  (b) fast information gain, including its real-branch pass (which also gives (a)'s log-probs),
  (c) reference information gain (two passes per turn).

Prints b/a (target <= 1.15) and c/b (target >= 7 at 8 turns) with the settings and the machine;
the last line is one JSON object. Runs on CUDA when present.

    python benchmarks/info_gain.py --groups 4 --group-size 4 --turns 8
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time

import gymnasium as gym
import torch

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_agent.info_gain import default_batch_tokens, trajectory_information_gain
from infopo_agent.policy import HFPolicy
from infopo_agent.rollout import record_episode
from infopo_envs.core.agents import RandomAgent, oracle_for

ENV_ID = "InfoPO/TravelIntent-v0"


class RandomQuestions(RandomAgent):
    """Asks a random question from the env's menu every turn: never books, never finishes."""

    def act(self, observation, info):
        menu = [a for a in self.env.candidate_actions() if a.startswith("[action]")]
        return menu[int(self.rng.integers(len(menu)))]


def build_trajectories(policy, groups: int, group_size: int, turns: int):
    """Groups of episodes on the first tasks whose oracle needs at least ``turns`` turns."""
    env = gym.make(ENV_ID, max_turns=turns)
    trajectories, index = [], 0
    while len(trajectories) < groups * group_size:
        task = {"task_id": f"test-{index:04d}"}
        index += 1
        probe = record_episode(policy.chat, env, oracle_for(env), options=task)
        if probe.num_turns < turns:
            continue
        for i in range(group_size):
            agent = oracle_for(env) if i % 2 == 0 else RandomQuestions(seed=1000 * index + i)
            trajectories.append(
                record_episode(policy.chat, env, agent, options=task, seed=i, group_id=str(index))
            )
    return trajectories


def single_pass(policy, trajectories, max_batch_tokens: int):
    """(a): log-probs of every action token, batched under the same token budget as (b)."""
    out, batch = [], []
    for trajectory in [*trajectories, None]:
        width = max(
            [len(t.token_ids) for t in batch] + [len(trajectory.token_ids) if trajectory else 0]
        )
        if batch and (trajectory is None or width * (len(batch) + 1) > max_batch_tokens):
            targets = [[j for s, e in t.action_spans for j in range(s, e)] for t in batch]
            out += policy.token_logprobs([t.token_ids for t in batch], targets)
            batch = []
        if trajectory is not None:
            batch.append(trajectory)
    return out


def clock(device: torch.device):
    """Wall time on CUDA; on CPU this process's CPU time, which other jobs on the machine
    slow down far less than wall time (both are reported)."""
    return time.perf_counter if device.type == "cuda" else time.process_time


def timed(fn, device: torch.device) -> tuple[float, float, object]:
    """(seconds on ``clock``, wall seconds, result)."""
    if device.type == "cuda":
        torch.cuda.synchronize()
    start, wall = clock(device)(), time.perf_counter()
    result = fn()
    if device.type == "cuda":
        torch.cuda.synchronize()
    return clock(device)() - start, time.perf_counter() - wall, result


def machine(policy) -> str:
    if policy.device.type == "cuda":
        return torch.cuda.get_device_name(policy.device)
    return f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} threads"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--group-size", type=int, default=4)
    parser.add_argument("--turns", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3, help="median of this many (a) and (b)")
    parser.add_argument(
        "--max-batch-tokens",
        type=int,
        help="padded tokens per pass, for (a) and (b) alike "
        "(default: the library's default for the device)",
    )
    parser.add_argument("--dtype", choices=["auto", "float32", "bfloat16"], default="auto")
    parser.add_argument("--attention", choices=["auto", "split", "dense"], default="auto")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads (CPU only)")
    args = parser.parse_args()

    dtype = None if args.dtype == "auto" else getattr(torch, args.dtype)
    policy = HFPolicy.embedded(dtype=dtype, packed_attention=args.attention)
    if policy.device.type == "cpu":
        torch.set_num_threads(args.threads)
    trajectories = build_trajectories(policy, args.groups, args.group_size, args.turns)
    budget = args.max_batch_tokens or default_batch_tokens(policy)
    single_pass(policy, trajectories[:1], budget)  # warm-up

    fast_ig = lambda: trajectory_information_gain(policy, trajectories, max_batch_tokens=budget)  # noqa: E731
    device = policy.device
    runs_a, runs_b = [], []
    for _ in range(args.repeats):  # interleaved, so that load changes hit both alike
        runs_a.append(timed(lambda: single_pass(policy, trajectories, budget), device)[:2])
        *seconds, fast = timed(fast_ig, device)
        runs_b.append(seconds)
    (a, wall_a), (b, wall_b) = (
        [statistics.median(x) for x in zip(*runs, strict=True)] for runs in (runs_a, runs_b)
    )
    c, wall_c, reference = timed(
        lambda: trajectory_information_gain(policy, trajectories, method="reference"), device
    )

    gap = max(
        (f - r).abs().nan_to_num(0).max().item()
        for f, r in zip(fast.per_turn, reference.per_turn, strict=True)
        if f.numel()
    )
    turns = [t.num_turns for t in trajectories]
    tokens = [len(t.token_ids) for t in trajectories]
    settings = {
        "env": ENV_ID,
        "model": "SmolLM2-135M-Instruct",
        "actions": "teacher-forced: oracle (even episodes), random questions (odd episodes)",
        "groups": args.groups,
        "group_size": args.group_size,
        "max_turns": args.turns,
        "mean_turns": statistics.mean(turns),
        "mean_tokens": statistics.mean(tokens),
        "ig_turns": sum(len(x) for x in fast.per_turn),
        "device": str(policy.device),
        "dtype": str(policy.dtype).removeprefix("torch."),
        "packed_attention": policy.packed_attention,
        "machine": machine(policy),
        "repeats": args.repeats,
        "max_batch_tokens": budget,
        "clock": "wall" if device.type == "cuda" else "process CPU time",
    }
    print(json.dumps(settings, indent=2))
    print(f"(a) single teacher-forced pass:  {a:8.2f} s  (wall {wall_a:.2f} s)")
    print(f"(b) fast IG incl. real pass:     {b:8.2f} s  (wall {wall_b:.2f} s)")
    print(f"(c) reference IG:                {c:8.2f} s  (wall {wall_c:.2f} s)")
    print(f"b/a = {b / a:.3f} (target <= 1.15)   c/b = {c / b:.2f} (target >= 7 at 8 turns)")
    print(f"wall clock: b/a = {wall_b / wall_a:.3f}   c/b = {wall_c / wall_b:.2f}")
    print(f"max |fast - reference| over turns: {gap:.2e}")
    result = {
        **settings,
        "single_pass_s": a,
        "fast_s": b,
        "reference_s": c,
        "fast_over_single_pass": b / a,
        "reference_over_fast": c / b,
        "wall_fast_over_single_pass": wall_b / wall_a,
        "wall_reference_over_fast": wall_c / wall_b,
        "max_abs_difference": gap,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
