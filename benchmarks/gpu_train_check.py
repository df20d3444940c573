"""Two InfoPO training steps on CUDA, through the same entry point as ``infopo train``.

The run config is the CPU one with nothing changed but the step count: ``device: auto`` picks
CUDA and ``dtype: auto`` bf16, so the model runs in bf16 and trains through fp32 master weights
(full fine-tuning) or fp32 LoRA adapters. Checks that the model sits on CUDA in bf16, that both
steps give finite metrics, and that the trained weights moved; prints the step times and peak
CUDA memory. The last line is one JSON object; the exit status is 1 when a check fails.

    python benchmarks/gpu_train_check.py                  # SmolLM2 with LoRA, then full
    python benchmarks/gpu_train_check.py --model tiny --device cpu   # a smoke run without a GPU
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile

import torch

from infopo_agent.train import InfoPOTrainer
from infopo_agent.training.config import resolve
from infopo_agent.training.run import (
    build_policy,
    env_factory,
    prompt_context,
    step_seed,
    step_tasks,
    trainer_config,
)


def check(model: str, device: str, lora: bool) -> dict:
    config = resolve(
        {
            "env": "InfoPO/Intention-v0",
            "env_kwargs": {"max_turns": 3},
            "model": model,
            "device": device,
            "lora": {"enabled": lora},
            "steps": 2,
            "tasks_per_step": 2,
            "group_size": 4,
            "lr": 1e-5,
            "gradient_checkpointing": True,
            "sampling": {"max_new_tokens": 48},
            "output_dir": tempfile.mkdtemp(prefix="gpu-train-check-"),
        }
    )
    make_env = env_factory(config)
    policy = build_policy(config)
    system, preamble = prompt_context(config, make_env)
    trainer = InfoPOTrainer(policy, make_env, trainer_config(config, system, preamble))
    before = [m.detach().clone() for m in trainer.master.parameters()]
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    steps = []
    for step in range(config.steps):
        metrics = trainer.step(step_tasks(config, step), seed=step_seed(config, step)).metrics
        steps.append({k: v for k, v in metrics.items() if isinstance(v, float)})
    after = trainer.master.parameters()
    changed = sum(int((a != m.detach()).sum()) for a, m in zip(before, after, strict=True))
    moved = changed / sum(a.numel() for a in before)
    weight = next(policy.model.parameters())
    result = {
        "model": model,
        "lora": lora,
        "device": str(weight.device),
        "dtype": str(weight.dtype).removeprefix("torch."),
        "master_copies": trainer.master.copies,
        "fraction_of_trained_weights_moved": moved,
        "step_times_s": [round(s["time_step_s"], 2) for s in steps],
        "phases_s": {k: round(v, 2) for k, v in steps[-1].items() if k.startswith("time_")},
        "finite": all(math.isfinite(v) for s in steps for v in s.values()),
    }
    if torch.cuda.is_available():
        result["peak_cuda_mb"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    result["ok"] = bool(
        result["finite"]
        and moved > 0.5
        and (device != "cuda" or (weight.device.type == "cuda" and weight.dtype == torch.bfloat16))
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2")
    parser.add_argument("--device", default="cuda", choices=["cuda", "cpu"])
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        print("no CUDA device: run with --device cpu for a smoke run", file=sys.stderr)
        return 2
    results = [check(args.model, args.device, lora) for lora in (True, False)]
    for r in results:
        print(f"{'LoRA' if r['lora'] else 'full'}: {r['device']} {r['dtype']}, steps "
              f"{r['step_times_s']} s, moved {r['fraction_of_trained_weights_moved']:.3f}, "
              f"ok={r['ok']}")  # fmt: skip
    print(json.dumps({"checks": results, "ok": all(r["ok"] for r in results)}))
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
