"""Entry point of the ``infopo`` console script."""

from __future__ import annotations

import argparse
import sys

from rich.markup import escape

from infopo_agent.cli import demo, envs, export, infogain, robustness, train
from infopo_agent.cli import eval as evaluate
from infopo_agent.cli.common import RunError, UsageError, error_console


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infopo", description="InfoPO: envs, user simulators and information-driven RL."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    envs.add_commands(commands)
    for module in (evaluate, robustness, infogain, demo, export, train):
        module.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        error_console.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        return 2
    except RunError as error:
        error_console.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        error_console.print("[yellow]interrupted[/]")
        return 130


if __name__ == "__main__":
    sys.exit(main())
