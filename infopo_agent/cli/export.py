"""``infopo export``: an env's tasks as a dataset for TRL, verl or any datasets-based loop."""

from __future__ import annotations

import argparse
from pathlib import Path

from infopo_agent.cli.common import UsageError, console, make_env
from infopo_agent.cli.runs import positive
from infopo_envs.core.seeding import TEST, TRAIN

FORMATS = ("parquet", "hf", "jsonl")


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export", help="write an env's tasks as a dataset (parquet, Hugging Face, JSONL)"
    )
    parser.add_argument("env_id")
    parser.add_argument("--split", choices=(TRAIN, TEST), default=TEST)
    parser.add_argument(
        "--tasks", type=positive, help="tasks to write (default: every test task; needed for train)"
    )
    parser.add_argument("--seed", type=int, default=0, help="draws train tasks and reset seeds")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="parquet",
        help="parquet: one file; hf: a datasets.save_to_disk folder; jsonl: one row per line",
    )
    parser.add_argument(
        "--no-prompt",
        action="store_true",
        help="leave out the prompt column (TRL's environment_factory supplies it at reset)",
    )
    parser.add_argument("--out", required=True, help="file (parquet, jsonl) or folder (hf)")
    parser.set_defaults(handler=export)


def export(args: argparse.Namespace) -> int:
    from infopo_agent.adapters.dataset_export import task_dataset

    make_env(args.env_id).close()  # an unknown id is a one-line usage error
    if args.split == TRAIN and args.tasks is None:
        raise UsageError("--split train needs --tasks N (the train split is unbounded)")
    try:
        dataset = task_dataset(
            args.env_id, split=args.split, count=args.tasks, seed=args.seed,
            prompt=not args.no_prompt,
        )  # fmt: skip
    except ValueError as error:
        raise UsageError(str(error)) from None
    out = Path(args.out).expanduser()
    if args.format == "hf":
        dataset.save_to_disk(str(out))
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        if args.format == "parquet":
            dataset.to_parquet(str(out))
        else:
            dataset.to_json(str(out), lines=True, force_ascii=False)
    console.print(f"Wrote {len(dataset)} tasks of {args.env_id} ({args.split}) to {out}")
    return 0
