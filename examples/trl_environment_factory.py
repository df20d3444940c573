"""Train on an InfoPO env with a stock TRL ``GRPOTrainer`` and its ``environment_factory``.

    python examples/trl_environment_factory.py [--env InfoPO/TravelIntent-v0] [--steps 2]

The env becomes a zero-argument class whose tools are the env's action kinds
(``infopo_agent.adapters.trl_env``); each training row names a task; TRL plays the episode by
calling the tools and takes the episode's outcome from ``get_reward()``. The model is the
embedded SmolLM2-135M-Instruct with TRL's Qwen2.5 tool-calling template. On a CPU keep the
numbers small; on a GPU raise ``--tasks``, ``--generations`` and ``--max-completion``.
"""

from __future__ import annotations

import argparse
import os

import torch
from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import GRPOConfig, GRPOTrainer

from infopo_agent.adapters.dataset_export import task_rows
from infopo_agent.adapters.trl_env import environment_class, tool_calling_tokenizer
from simulators.llm.embedded import smollm2_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", default="InfoPO/TravelIntent-v0")
    parser.add_argument("--tasks", type=int, default=8, help="train tasks in the dataset")
    parser.add_argument("--generations", type=int, default=2, help="rollouts per task (G)")
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--max-completion", type=int, default=256, help="tokens per episode")
    parser.add_argument("--out", default="infopo-runs/trl-environment-factory")
    args = parser.parse_args()
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

    model_dir = smollm2_dir()
    tokenizer = tool_calling_tokenizer(AutoTokenizer.from_pretrained(model_dir))
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    rows = task_rows(args.env, split="train", count=args.tasks, prompt=False)
    for row in rows:  # TRL appends the opening from reset() to this message
        row["prompt"] = [{"role": "user", "content": "Use the tools to help the user."}]
    trainer = GRPOTrainer(
        model=model,
        args=GRPOConfig(
            output_dir=args.out,
            per_device_train_batch_size=args.generations,
            num_generations=args.generations,
            max_steps=args.steps,
            max_completion_length=args.max_completion,
            logging_steps=1,
            report_to="none",
            save_strategy="no",
            use_cpu=not torch.cuda.is_available(),
        ),
        train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer,
        environment_factory=environment_class(args.env),
    )
    trainer.train()
    for entry in trainer.state.log_history:
        print(entry)


if __name__ == "__main__":
    main()
