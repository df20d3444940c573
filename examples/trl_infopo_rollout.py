"""Train with InfoPO's fused advantages inside TRL: ``InfoPOGRPOTrainer`` + the reference rollout.

    python examples/trl_infopo_rollout.py [--env InfoPO/Telepathy-v0] [--steps 1]

Each group of rollouts is played by ``rollout_groups`` with the trainer's model, information
gain is scored per turn, and the trainer fuses it with TRL's group advantage
(``A_out + beta * gate * A_info`` on each action's tokens). The model is the embedded
SmolLM2-135M-Instruct; keep the numbers small on a CPU.
"""

from __future__ import annotations

import argparse
import os

import torch
from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import GRPOConfig

from infopo_agent.adapters.dataset_export import task_rows
from infopo_agent.adapters.trl_grpo import InfoPOGRPOTrainer, grpo_config_kwargs
from infopo_agent.adapters.trl_rollout import infopo_rollout_func, outcome_reward
from infopo_agent.loss import LossConfig
from infopo_agent.policy import SamplingParams
from simulators.llm.embedded import smollm2_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", default="InfoPO/Telepathy-v0")
    parser.add_argument("--tasks", type=int, default=4)
    parser.add_argument("--generations", type=int, default=2)
    parser.add_argument("--steps", type=int, default=1)
    parser.add_argument("--max-turns", type=int, default=4)
    parser.add_argument("--beta", type=float, default=1.0)
    parser.add_argument("--out", default="infopo-runs/trl-infopo-rollout")
    args = parser.parse_args()
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

    import gymnasium as gym

    model_dir = smollm2_dir()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    rows = task_rows(args.env, split="train", count=args.tasks)
    trainer = InfoPOGRPOTrainer(
        model=model,
        args=GRPOConfig(
            output_dir=args.out,
            per_device_train_batch_size=args.generations,
            num_generations=args.generations,
            max_steps=args.steps,
            max_completion_length=2048,
            logging_steps=1,
            report_to="none",
            save_strategy="no",
            use_cpu=not torch.cuda.is_available(),
            **grpo_config_kwargs(LossConfig()),
        ),
        train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer,
        reward_funcs=outcome_reward,
        rollout_func=infopo_rollout_func(
            lambda: gym.make(args.env, max_turns=args.max_turns),
            rows,
            params=SamplingParams(temperature=1.0, max_new_tokens=48),
        ),
        infopo_beta=args.beta,
    )
    trainer.train()
    for entry in trainer.state.log_history:
        print(entry)


if __name__ == "__main__":
    main()
