"""Memory and time of InfoPO training steps: RSS after every step, peak RSS, time per phase.

Default: SmolLM2-135M with LoRA on CPU, Intention with 3 turns and the oracle example in the
prompt, 2 tasks x 4 episodes per step. Prints one line per step and, last, one JSON object.

    python benchmarks/train_memory.py --steps 20
"""

from __future__ import annotations

import argparse
import json

import gymnasium as gym

import infopo_envs  # noqa: F401
from infopo_agent.advantages import BetaSchedule
from infopo_agent.loss import LossConfig
from infopo_agent.policy import HFPolicy, SamplingParams
from infopo_agent.prompting import oracle_example
from infopo_agent.train import InfoPOTrainer, TrainConfig
from infopo_agent.training.config import TinyModel
from infopo_agent.training.lora import apply_lora
from infopo_agent.training.memory import map_large_allocations, release_memory, rss_mb
from infopo_agent.training.run import tiny_policy

ENV_ID = "InfoPO/Intention-v0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--tasks", type=int, default=2)
    parser.add_argument("--group-size", type=int, default=4)
    parser.add_argument("--max-new-tokens", type=int, default=48)
    parser.add_argument("--full", action="store_true", help="full fine-tuning instead of LoRA")
    parser.add_argument("--model", default="smollm2", choices=["smollm2", "tiny"])
    parser.add_argument("--no-release", action="store_true", help="skip release_memory()")
    parser.add_argument(
        "--heap", action="store_true", help="keep glibc's default (no map_large_allocations)"
    )
    parser.add_argument("--micro-batch", type=int, default=2)
    parser.add_argument(
        "--no-checkpointing", action="store_true", help="keep every activation for backward"
    )
    args = parser.parse_args()

    if not args.heap:
        map_large_allocations()
    loaded = rss_mb()
    if args.model == "tiny":
        policy = tiny_policy(TinyModel(), device="cpu")
    else:
        policy = HFPolicy.embedded(device="cpu")
    if not args.full:
        apply_lora(policy, rank=16, alpha=32)
    example = oracle_example(ENV_ID, turns=2)
    config = TrainConfig(
        group_size=args.group_size,
        learning_rate=1e-5 if args.full else 1e-4,
        beta=BetaSchedule(1.0),
        micro_batch=args.micro_batch,
        gradient_checkpointing=not args.no_checkpointing,
        sampling=SamplingParams(temperature=1.0, max_new_tokens=args.max_new_tokens),
        loss=LossConfig(kl_coef=0.01),
        system=example.system,
        preamble=example.preamble,
    )
    trainer = InfoPOTrainer(
        policy, lambda: gym.make(ENV_ID, max_turns=3, max_episode_steps=3), config
    )
    after_load = rss_mb()
    rows = []
    for step in range(args.steps):
        tasks = [f"train-{1 + step * args.tasks + i:04d}" for i in range(args.tasks)]
        metrics = trainer.step(tasks, seed=step).metrics
        phase_peaks = [v for k, v in metrics.items() if k.startswith("peak_rss_")]
        if not args.no_release:
            release_memory()
        row = {
            "step": step,
            "rss_mb": round(rss_mb(), 1),
            "step_peak_rss_mb": round(max(phase_peaks), 1),
            **{k: round(v, 1) for k, v in metrics.items() if k.startswith("peak_rss_")},
            **{k: round(v, 2) for k, v in metrics.items() if k.startswith("time_")},
            "tokens": int(metrics["tokens"]),
            "mean_outcome": round(metrics["mean_outcome"], 3),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    rss = [r["rss_mb"] for r in rows]
    phases = [k for k in rows[0] if k.startswith("time_")]
    summary = {
        "model": args.model,
        "release_memory": not args.no_release,
        "map_large_allocations": not args.heap,
        "lora": not args.full,
        "episodes_per_step": args.tasks * args.group_size,
        "steps": len(rows),
        "rss_before_load_mb": round(loaded, 1),
        "rss_after_load_mb": round(after_load, 1),
        "rss_first_step_mb": rss[0],
        "rss_last_step_mb": rss[-1],
        "rss_growth_after_first_mb": round(rss[-1] - rss[0], 1),
        "max_step_peak_rss_mb": max(r["step_peak_rss_mb"] for r in rows),
        "first_step_peak_rss_mb": rows[0]["step_peak_rss_mb"],
        "last_step_peak_rss_mb": rows[-1]["step_peak_rss_mb"],
        "gradient_checkpointing": not args.no_checkpointing,
        "micro_batch": args.micro_batch,
        **{f"mean_{k}": round(sum(r[k] for r in rows) / len(rows), 2) for k in phases},
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
