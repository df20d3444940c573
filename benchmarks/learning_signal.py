"""The learning-signal experiment: InfoPO against GRPO (beta 0), same seeds, budget and settings.

For each seed, two runs that differ only in beta (InfoPO: ``--beta``; GRPO: 0) start from the
same model (a tiny random Llama built with that seed, or SmolLM2 with ``--model smollm2``), see
the same train tasks in the same order, and draw from the same rollout seeds. The default setting
is one where outcomes tie early, as in the paper's early training: ``InfoPO/WebShopIntent-v0``
with 10 turns, played by a tiny model with menu decoding, so that every action is valid and the
whole experiment runs in minutes on a CPU. An untrained policy there rarely buys the item the
user wants, so most groups of 4 episodes all score 0 (about 80% at the first step).
``--env InfoPO/Intention-v0 --max-turns 3`` is a denser setting (5% of groups tie).

Recorded per step (from each run's ``metrics.jsonl``): zero-variance fraction, mean outcome,
mean IG, gate and IG by turn index. At the end: test-split outcome of the untrained policy and of
both trained ones (each seed's policy on the same test episodes), with 95% intervals over seeds
and the paired InfoPO - GRPO difference. Writes ``summary.json`` and ``learning_signal.png``
under ``--out``; the last printed line is one JSON object.

    python benchmarks/learning_signal.py                   # the full default (5 seeds x 2)
    python benchmarks/learning_signal.py --env InfoPO/Intention-v0 --max-turns 3 --steps 12
    python benchmarks/learning_signal.py --model smollm2 --decoding sample --steps 100
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

#: Two-sided 95% Student t quantiles by degrees of freedom (numpy has no t distribution).
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
       9: 2.262, 10: 2.228, 15: 2.131, 20: 2.086, 30: 2.042}  # fmt: skip
METHODS = ("infopo", "grpo")
PER_STEP = ("zero_variance_fraction", "mean_outcome", "mean_info_gain", "mean_gate")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", default="InfoPO/WebShopIntent-v0")
    parser.add_argument("--max-turns", type=int, default=10)
    parser.add_argument("--model", default="tiny", help="tiny, smollm2 or a model directory")
    parser.add_argument("--decoding", default="menu", choices=["menu", "sample"])
    parser.add_argument("--menu-score", default="mean", choices=["mean", "sum"])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--tasks-per-step", type=int, default=3)
    parser.add_argument("--group-size", type=int, default=4)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--beta", type=float, default=1.0, help="InfoPO's beta (GRPO: 0)")
    parser.add_argument("--eval-tasks", type=int, default=16)
    parser.add_argument("--eval-k", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="runs in parallel processes")
    parser.add_argument("--out", default="runs/learning_signal")
    return parser.parse_args()


def run_config(args: argparse.Namespace, method: str, seed: int) -> dict:
    lora = {"enabled": args.model != "tiny", "rank": 16}
    return {
        "env": args.env,
        "env_kwargs": {"max_turns": args.max_turns},
        "model": args.model,
        "tiny": {"seed": seed},
        "lora": lora,
        "decoding": args.decoding,
        "menu_score": args.menu_score,
        "steps": args.steps,
        "tasks_per_step": args.tasks_per_step,
        "group_size": args.group_size,
        "seed": seed,
        "lr": args.lr,
        "beta": {"initial": args.beta if method == "infopo" else 0.0},
        "loss": {"kl_coef": 0.0},
        "sampling": {"temperature": 1.0, "max_new_tokens": 64},
        "prompt": {"oracle_example_turns": 0 if args.model == "tiny" else 2},
        # both runs of a seed start from the same model: only InfoPO's evaluates it untrained
        "eval": {
            "every": args.steps,
            "at_start": method == "infopo",
            "tasks": args.eval_tasks,
            "k": args.eval_k,
        },
        "output_dir": str(Path(args.out) / f"{method}-seed{seed}"),
    }


def run_one(data: dict) -> dict:
    """One training run in this process (one thread); its metrics and evaluations."""
    import torch

    torch.set_num_threads(1)
    from infopo_agent.training.config import resolve
    from infopo_agent.training.run import train

    shutil.rmtree(data["output_dir"], ignore_errors=True)
    started = time.perf_counter()
    result = train(resolve(data))
    rows = [json.loads(line) for line in (result.output_dir / "metrics.jsonl").open()]
    return {"rows": rows, "evals": result.evaluations, "seconds": time.perf_counter() - started}


def interval(values) -> dict:
    """Mean and 95% t interval half-width over seeds."""
    x = np.asarray(values, dtype=np.float64)
    if x.size < 2:
        return {"mean": float(x.mean()), "ci95": 0.0, "n": int(x.size)}
    t = T95[max(k for k in T95 if k <= x.size - 1)]
    return {
        "mean": float(x.mean()),
        "ci95": float(t * x.std(ddof=1) / math.sqrt(x.size)),
        "n": int(x.size),
    }


def per_step_means(runs: list[dict], key: str) -> list[float]:
    steps = range(len(runs[0]["rows"]))
    return [float(np.mean([run["rows"][s][key] for run in runs])) for s in steps]


def per_step_summary(runs: list[dict]) -> dict:
    curves = {key: per_step_means(runs, key) for key in PER_STEP}
    return {**curves, "info_gain_by_turn": ig_by_turn(runs)}


def ig_by_turn(runs: list[dict]) -> list[list[float | None]]:
    """[step][turn] mean IG over seeds (None where no seed had that turn)."""
    out = []
    for s in range(len(runs[0]["rows"])):
        turns = max(len(run["rows"][s]["info_gain_by_turn"]) for run in runs)
        row = []
        for t in range(turns):
            values = [
                run["rows"][s]["info_gain_by_turn"][t]
                for run in runs
                if t < len(run["rows"][s]["info_gain_by_turn"])
                and run["rows"][s]["info_gain_by_turn"][t] is not None
            ]
            row.append(float(np.mean(values)) if values else None)
        out.append(row)
    return out


def plot(summary: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 4, figsize=(18, 4))
    steps = np.arange(len(summary["per_step"]["infopo"]["mean_outcome"]))
    for method, colour in zip(METHODS, ("tab:blue", "tab:orange"), strict=True):
        curves = summary["per_step"][method]
        axes[0].plot(steps, curves["mean_outcome"], label=method, color=colour)
        axes[1].plot(steps, curves["zero_variance_fraction"], label=method, color=colour)
    axes[0].set(title="train outcome (mean over seeds)", xlabel="step")
    axes[1].set(title="zero-variance group fraction", xlabel="step", ylim=(0, 1))
    by_turn = summary["per_step"]["infopo"]["info_gain_by_turn"]
    for t in range(max(len(r) for r in by_turn)):
        axes[2].plot(
            steps, [r[t] if t < len(r) and r[t] is not None else np.nan for r in by_turn],
            label=f"turn {t}",
        )  # fmt: skip
    axes[2].set(title="InfoPO: mean IG by turn index", xlabel="step")
    final = summary["test"]
    names = ["untrained", "grpo", "infopo"]
    axes[3].bar(
        names, [final[n]["mean"] for n in names], yerr=[final[n]["ci95"] for n in names],
        color=["tab:gray", "tab:orange", "tab:blue"], capsize=6,
    )  # fmt: skip
    axes[3].set(title="test outcome (95% CI over seeds)")
    for ax in axes[:3]:
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(m, s) for s in range(args.seeds) for m in METHODS]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(run_one, [run_config(args, m, s) for m, s in jobs]))
    wall = time.perf_counter() - started
    runs = {m: [r for (rm, _), r in zip(jobs, results, strict=True) if rm == m] for m in METHODS}
    untrained = [run["evals"][0]["test_outcome"] for run in runs["infopo"]]
    final = {m: [run["evals"][-1]["test_outcome"] for run in runs[m]] for m in METHODS}
    summary = {
        "settings": {k: v for k, v in vars(args).items() if k not in ("out", "workers")},
        "machine": {"python": platform.python_version(), "cpu": platform.machine()},
        "wall_seconds": round(wall, 1),
        "per_step": {m: per_step_summary(runs[m]) for m in METHODS},
        "test": {
            "untrained": interval(untrained),
            "grpo": interval(final["grpo"]),
            "infopo": interval(final["infopo"]),
            "infopo_minus_grpo": interval(np.subtract(final["infopo"], final["grpo"])),
            "grpo_minus_untrained": interval(np.subtract(final["grpo"], untrained)),
            "infopo_minus_untrained": interval(np.subtract(final["infopo"], untrained)),
        },
        "per_seed": {"untrained": untrained, **final},
        "early_zero_variance_fraction": float(
            np.mean([run["rows"][0]["zero_variance_fraction"] for m in METHODS for run in runs[m]])
        ),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    plot(summary, out / "learning_signal.png")
    for name, value in summary["test"].items():
        print(f"{name:>24}: {value['mean']:+.4f} ± {value['ci95']:.4f} (n={value['n']})")
    print(
        json.dumps(
            {
                "untrained": summary["test"]["untrained"],
                "grpo": summary["test"]["grpo"],
                "infopo": summary["test"]["infopo"],
                "infopo_minus_grpo": summary["test"]["infopo_minus_grpo"],
                "early_zero_variance_fraction": summary["early_zero_variance_fraction"],
                "wall_seconds": summary["wall_seconds"],
            }
        )
    )


if __name__ == "__main__":
    main()
