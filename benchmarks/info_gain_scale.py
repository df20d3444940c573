"""Benchmark: information gain at growing context length, against one teacher-forced pass.

Per length (1k, 2k, 4k, 8k, 16k tokens by default) and per kind of trajectory, in one run, with
the same SmolLM2 model:

  plain      one causal teacher-forced pass scoring every action token (PPO's old log-probs);
  split      fast information gain, packed branches with split attention (the default);
  dense      fast information gain, packed branches with a dense L x L mask (the fallback);
  reference  two independent passes per turn.

Kinds: ``synthetic`` (random token ids in turns of ``--turn-tokens`` tokens: a feedback, a
template wrapper and a short action; the turn count grows with the length) and ``real``
(WebShop-v0 episodes of an agent that searches and opens items and never buys, recorded through
SmolLM2's chat template and cut at the last whole turn within the length). Each trajectory has
exactly one IG turn per feedback followed by an action.

Cost: this process's CPU time on a CPU (``time.process_time``, with ``--threads`` threads; the
machine may be shared), wall time on CUDA. Memory: the peak resident set (CPU; reset through
``/proc/self/clear_refs``) or the peak allocated CUDA memory during the call, above what was
resident just before it (the loaded model and the trajectory). Reference IG at long lengths is
measured on ``--reference-turns`` evenly spaced turns and scaled to all turns (marked
``reference_sampled``). Plain, split and dense run interleaved ``--repeats`` times (once above
``--repeat-max-tokens``); each reports its best run, as ``timeit`` does, since load from other
processes only ever adds time. Dense runs only up to ``--dense-max-tokens`` (its mask grows
with L^2), real trajectories only up to ``--real-max-tokens`` and reference IG only up to
``--reference-max-tokens`` (to keep the run short).

    python benchmarks/info_gain_scale.py --lengths 1024 2048 4096 8192 16384

Targets: split/plain <= 1.25 at every length; peak memory split/plain <= 1.5 at 8k. The last
printed line is one JSON object.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import platform
import time

import gymnasium as gym
import numpy as np
import torch

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_agent.info_gain import information_gain
from infopo_agent.policy import HFPolicy
from infopo_agent.rollout import record_episode

REAL_ENV = "InfoPO/WebShop-v0"
PLACEHOLDER = "No information found."


class Browser:
    """Searches and opens items at random from the env's menu; never buys, so it never ends."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)

    def reset(self, env, observation, info):
        self.env = env.unwrapped

    def act(self, observation, info):
        menu = [a for a in self.env.candidate_actions() if "buy" not in a.lower()]
        return menu[int(self.rng.integers(len(menu)))]


class Case:
    """One trajectory: ids, action spans, (feedback, next action) pairs, placeholder ids."""

    def __init__(self, ids, actions, feedback, next_actions, placeholder):
        self.ids, self.actions, self.placeholder = list(ids), list(actions), list(placeholder)
        self.feedback, self.next_actions = list(feedback), list(next_actions)

    @property
    def turns(self) -> int:
        return len(self.feedback)

    def branch_tokens(self) -> int:
        return sum(len(self.placeholder) + ae - fe for (_, fe), (_, ae) in self.turn_pairs())

    def turn_pairs(self):
        return list(zip(self.feedback, self.next_actions, strict=True))


def synthetic_case(policy, length: int, turn_tokens: int, action_tokens: int) -> Case:
    """Random ids in turns: [feedback | wrapper | action]; the first turn opens with a prompt."""
    rng = np.random.default_rng(length)
    wrapper = policy.chat.encode("<|im_end|>\n<|im_start|>assistant\n")
    ids = list(rng.integers(100, 40000, turn_tokens - action_tokens))
    actions, feedback = [], []
    while len(ids) + action_tokens + turn_tokens <= length:
        actions.append((len(ids), len(ids) + action_tokens))
        ids += list(rng.integers(100, 40000, action_tokens))
        start = len(ids)
        ids += list(rng.integers(100, 40000, turn_tokens - action_tokens - len(wrapper)))
        feedback.append((start, len(ids)))
        ids += wrapper
    actions.append((len(ids), len(ids) + action_tokens))
    ids += list(rng.integers(100, 40000, action_tokens))
    return Case(ids, actions, feedback, actions[1:], policy.chat.encode(PLACEHOLDER))


def real_case(policy, length: int) -> Case:
    """A WebShop browsing episode, cut after the last action that ends within ``length``."""
    turns = max(4, length // 120)
    env = gym.make(REAL_ENV, max_turns=turns, max_episode_steps=turns)
    trajectory = record_episode(
        policy.chat, env, Browser(seed=length), options={"task_id": "test-0001"}, seed=0
    )
    if len(trajectory.token_ids) < length:
        raise RuntimeError(f"{REAL_ENV} episode has {len(trajectory.token_ids)} < {length} tokens")
    actions = [s for s in trajectory.action_spans if s[1] <= length]
    cut = actions[-1][1]
    feedback, next_actions = trajectory.ig_turns()
    pairs = [(f, a) for f, a in zip(feedback, next_actions, strict=True) if a[1] <= cut]
    return Case(
        trajectory.token_ids[:cut],
        actions,
        [f for f, _ in pairs],
        [a for _, a in pairs],
        trajectory.placeholder_ids,
    )


# ---- measuring -------------------------------------------------------------------------------
_LIBC = ctypes.CDLL("libc.so.6") if platform.system() == "Linux" else None


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def measure(fn, device: torch.device) -> tuple[float, float, object]:
    """(seconds, peak MiB above the memory in use just before, result)."""
    gc.collect()
    if device.type == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
        base = torch.cuda.memory_allocated()
        start = time.perf_counter()
        result = fn()
        torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        return seconds, (torch.cuda.max_memory_allocated() - base) / 2**20, result
    if _LIBC is not None:
        _LIBC.malloc_trim(0)  # hand freed memory back, so the resident set starts from what is used
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # reset the peak resident set (VmHWM) to the current one
    base = _status_kb("VmRSS")
    start = time.process_time()
    result = fn()
    seconds = time.process_time() - start
    return seconds, (_status_kb("VmHWM") - base) / 1024, result


def plain_pass(policy, case: Case):
    targets = [j for s, e in case.actions for j in range(s, e)]
    return policy.token_logprobs([case.ids], [targets])


def fast_ig(policy, case: Case, attention: str):
    policy.packed_attention = attention
    return information_gain(
        policy,
        [case.ids],
        [case.feedback],
        [case.next_actions],
        case.placeholder,
        logprob_spans=[case.actions],
    )


def reference_ig(policy, case: Case, turns: list[int]):
    return information_gain(
        policy,
        [case.ids],
        [[case.feedback[t] for t in turns]],
        [[case.next_actions[t] for t in turns]],
        case.placeholder,
        method="reference",
    )


def sampled_turns(total: int, count: int) -> list[int]:
    if total <= count:
        return list(range(total))
    return sorted({round(i * (total - 1) / (count - 1)) for i in range(count)})


def run_length(policy, case: Case, args) -> dict:
    device, row = policy.device, {"tokens": len(case.ids), "turns": case.turns}
    row["branch_tokens"] = case.branch_tokens()
    row["token_bound"] = 1 + row["branch_tokens"] / len(case.ids)
    methods = {"plain": lambda: plain_pass(policy, case)}
    methods["split"] = lambda: fast_ig(policy, case, "split")
    if len(case.ids) <= args.dense_max_tokens:
        methods["dense"] = lambda: fast_ig(policy, case, "dense")
    runs: dict[str, list] = {name: [] for name in methods}
    for _ in range(args.repeats if len(case.ids) <= args.repeat_max_tokens else 1):
        for name, fn in methods.items():  # interleaved, so that load changes hit all alike
            runs[name].append(measure(fn, device))
    outputs = {}
    for name, measured in runs.items():
        row[f"{name}_s"] = min(m[0] for m in measured)
        row[f"{name}_mib"] = min(m[1] for m in measured)
        outputs[name] = measured[0][2]
    split = outputs["split"]
    if "dense" in outputs:
        gap = (split.per_turn[0] - outputs["dense"].per_turn[0]).abs().max().item()
        row["max_abs_split_minus_dense"] = gap
    policy.packed_attention = "split"
    if len(case.ids) > args.reference_max_tokens:
        return _ratios(row)
    turns = sampled_turns(case.turns, args.reference_turns)
    seconds, row["reference_mib"], reference = measure(
        lambda: reference_ig(policy, case, turns), device
    )
    row["reference_s"] = seconds * case.turns / max(len(turns), 1)
    row["reference_sampled"] = len(turns) < case.turns
    gap = (split.per_turn[0][turns] - reference.per_turn[0]).abs().max().item()
    row["max_abs_split_minus_reference"] = gap
    row["reference_over_split"] = row["reference_s"] / row["split_s"]
    return _ratios(row)


def _ratios(row: dict) -> dict:
    row["split_over_plain"] = row["split_s"] / row["plain_s"]
    row["split_memory_over_plain"] = row["split_mib"] / max(row["plain_mib"], 1.0)
    if "dense_s" in row:
        row["dense_over_plain"] = row["dense_s"] / row["plain_s"]
        row["dense_memory_over_plain"] = row["dense_mib"] / max(row["plain_mib"], 1.0)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[1024, 2048, 4096, 8192, 16384])
    parser.add_argument(
        "--kinds", nargs="+", choices=["synthetic", "real"], default=["synthetic", "real"]
    )
    parser.add_argument("--turn-tokens", type=int, default=256, help="synthetic tokens per turn")
    parser.add_argument("--action-tokens", type=int, default=16, help="synthetic action tokens")
    parser.add_argument("--reference-turns", type=int, default=4)
    parser.add_argument("--dense-max-tokens", type=int, default=8192)
    parser.add_argument("--reference-max-tokens", type=int, default=1 << 20)
    parser.add_argument("--repeats", type=int, default=2, help="best of this many (not ref)")
    parser.add_argument("--repeat-max-tokens", type=int, default=8192, help="longer: one run")
    parser.add_argument("--real-max-tokens", type=int, default=8192)
    parser.add_argument("--threads", type=int, default=1, help="CPU threads (CPU only)")
    parser.add_argument("--dtype", choices=["auto", "float32", "bfloat16"], default="auto")
    args = parser.parse_args()

    dtype = None if args.dtype == "auto" else getattr(torch, args.dtype)
    policy = HFPolicy.embedded(dtype=dtype)
    if policy.device.type == "cpu":
        torch.set_num_threads(args.threads)
    settings = {
        "model": "SmolLM2-135M-Instruct",
        "device": str(policy.device),
        "dtype": str(policy.dtype).removeprefix("torch."),
        "threads": torch.get_num_threads(),
        "clock": "wall" if policy.device.type == "cuda" else "process CPU time",
        "memory": "peak above resident before the call"
        + (" (CUDA allocated)" if policy.device.type == "cuda" else " (RSS)"),
        "real_env": REAL_ENV,
        "turn_tokens": args.turn_tokens,
        "action_tokens": args.action_tokens,
    }
    print(json.dumps(settings, indent=2), flush=True)
    warm = synthetic_case(policy, 512, args.turn_tokens, args.action_tokens)
    for attention in ("split", "dense"):
        fast_ig(policy, warm, attention)
    plain_pass(policy, warm)

    results: dict[str, dict[str, dict]] = {}
    header = (
        f"{'kind':9} {'tokens':>6} {'turns':>5} {'bound':>5} {'plain s':>8} {'split':>6} "
        f"{'dense':>6} {'ref':>6} {'plain MiB':>9} {'split':>6} {'dense':>6}  |ig split-ref|"
    )
    print(header, flush=True)
    for kind in args.kinds:
        for length in args.lengths:
            if kind == "real" and length > args.real_max_tokens:
                continue
            case = (
                synthetic_case(policy, length, args.turn_tokens, args.action_tokens)
                if kind == "synthetic"
                else real_case(policy, length)
            )
            row = run_length(policy, case, args)
            results.setdefault(kind, {})[str(length)] = row
            dense = f"{row['dense_over_plain']:6.2f}" if "dense_s" in row else f"{'-':>6}"
            reference = (
                f"{row['reference_over_split']:6.1f}{'*' if row['reference_sampled'] else ' '}"
                if "reference_s" in row
                else f"{'-':>6} "
            )
            gap = row.get("max_abs_split_minus_reference", float("nan"))
            dense_mem = (
                f"{row['dense_memory_over_plain']:6.2f}" if "dense_s" in row else f"{'-':>6}"
            )
            print(
                f"{kind:9} {row['tokens']:6d} {row['turns']:5d} {row['token_bound']:5.2f} "
                f"{row['plain_s']:8.2f} {row['split_over_plain']:6.2f} {dense} "
                f"{reference}"
                f"{row['plain_mib']:9.0f} {row['split_memory_over_plain']:6.2f} {dense_mem}  "
                f"{gap:.1e}",
                flush=True,
            )
    print("split/dense/ref: ratios to plain time (ref: to split; * = sampled turns, scaled)")
    print("MiB columns: plain's peak, then split and dense as ratios to it")
    summary = {
        kind: {
            length: {
                k: row[k]
                for k in (
                    "tokens",
                    "turns",
                    "token_bound",
                    "split_over_plain",
                    "dense_over_plain",
                    "reference_over_split",
                    "split_memory_over_plain",
                    "dense_memory_over_plain",
                    "max_abs_split_minus_reference",
                )
                if k in row
            }
            for length, row in rows.items()
        }
        for kind, rows in results.items()
    }
    print(json.dumps({**settings, "results": results, "ratios": summary}))


if __name__ == "__main__":
    main()
