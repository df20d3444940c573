"""``infopo train CONFIG``: train a policy from a YAML or TOML config, with a live view.

Every field can be overridden (``--set lr=1e-5 --set lora.rank=8``); ``--resume`` continues the
run in the config's ``output_dir`` from its last checkpoint, exactly. See ``docs/training.md``.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Group
from rich.live import Live
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from infopo_agent.cli.common import UsageError, console

#: (metric key, label, format) of the live view's table, in order.
SHOWN = (
    ("mean_outcome", "outcome", "{:.3f}"),
    ("zero_variance_fraction", "zero-variance groups", "{:.2f}"),
    ("mean_info_gain", "mean IG", "{:+.4f}"),
    ("mean_gate", "gate", "{:.3f}"),
    ("beta", "beta", "{:.3f}"),
    ("kl", "KL", "{:.5f}"),
    ("clip_fraction", "clip fraction", "{:.3f}"),
    ("learning_rate", "learning rate", "{:.2e}"),
    ("tokens_per_s", "tokens/s", "{:.0f}"),
    ("time_step_s", "step time (s)", "{:.1f}"),
    ("time_rollout_s", "  rollout", "{:.1f}"),
    ("time_info_gain_s", "  information gain", "{:.1f}"),
    ("time_reference_s", "  reference", "{:.1f}"),
    ("time_update_s", "  update", "{:.1f}"),
    ("peak_rss_mb", "peak RSS (MB)", "{:.0f}"),
    ("peak_cuda_mb", "peak CUDA (MB)", "{:.0f}"),
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "train", help="train a policy with InfoPO (or GRPO with beta 0) from a config file"
    )
    parser.add_argument("config", help="a YAML or TOML run config (see docs/training.md)")
    parser.add_argument(
        "--set", dest="overrides", action="append", default=[], metavar="FIELD=VALUE",
        help="override a config field, e.g. --set lr=1e-5 --set lora.rank=8 (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--resume", action="store_true", help="continue the run in output_dir from its checkpoint"
    )
    parser.set_defaults(handler=train_command)


def train_command(args: argparse.Namespace) -> int:
    from infopo_agent.training.config import ConfigError, load
    from infopo_agent.training.run import train

    try:
        config = load(args.config, args.overrides)
        result = train(config, resume=args.resume, view=LiveView())
    except ConfigError as error:
        raise UsageError(str(error)) from None
    console.print(f"Wrote {result.output_dir} (metrics.jsonl, eval.jsonl, checkpoints/)")
    return 0


class LiveView:
    """A progress bar over the steps and a table of the last step's metrics and evaluation."""

    def __init__(self):
        self.progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), console=console,
        )  # fmt: skip
        self.last: dict[str, Any] = {}
        self.last_eval: dict[str, Any] = {}
        self.live: Live | None = None

    def start(self, config, first_step: int) -> None:
        name = f"{config.env} · {config.model}" + (" · LoRA" if config.lora.enabled else "")
        self.task = self.progress.add_task(name, total=config.steps, completed=first_step)
        if console.is_terminal:
            self.live = Live(self._render(), console=console, refresh_per_second=4)
            self.live.start()

    def step(self, row: dict[str, Any]) -> None:
        self.last = row
        self.progress.update(self.task, completed=row["step"] + 1)
        self._show(f"step {row['step'] + 1}: outcome {row['mean_outcome']:.3f}")

    def evaluation(self, row: dict[str, Any]) -> None:
        self.last_eval = row
        self._show(
            f"eval at step {row['step']}: test outcome {row['test_outcome']:.3f} "
            f"± {row['test_outcome_ci95']:.3f}, pass^1 {row['test_pass^1']:.3f}"
        )

    def finish(self) -> None:
        if self.live is not None:
            self.live.update(self._render())
            self.live.stop()

    def _show(self, line: str) -> None:
        if self.live is not None:
            self.live.update(self._render())
        else:
            console.print(line)

    def _render(self):
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="dim")
        table.add_column(justify="right")
        for key, label, fmt in SHOWN:
            if isinstance(self.last.get(key), (int, float)):
                table.add_row(label, fmt.format(self.last[key]))
        for key, value in self.last_eval.items():
            if key.startswith("test_") and isinstance(value, float):
                table.add_row(f"{key} (step {self.last_eval['step']})", f"{value:.3f}")
        return Group(self.progress, table)
