"""``infopo list``, ``infopo play`` and ``infopo run``: the envs without a model."""

from __future__ import annotations

import argparse
import statistics

from rich.progress import Progress
from rich.table import Table

from infopo_agent.cli.common import UsageError, console, make_env


def add_commands(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser("list", help="list the registered envs")
    listing.set_defaults(handler=list_envs)

    play = commands.add_parser("play", help="play an env yourself in the terminal")
    play.add_argument("env_id")
    play.add_argument("--seed", type=int, default=0)
    play.add_argument("--task-id", help="e.g. test-0003 (default: drawn from the seed)")
    play.add_argument("--simulator", help="user simulator spec, e.g. rule:terse")
    play.set_defaults(handler=play_env)

    run = commands.add_parser("run", help="run a scripted agent and tabulate the results")
    run.add_argument("env_id")
    run.add_argument("--agent", choices=("oracle", "random"), default="oracle")
    run.add_argument("--episodes", type=_positive, default=10)
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--split", choices=("train", "test"), default="test")
    run.add_argument("--simulator", help="user simulator spec, e.g. rule:terse")
    run.set_defaults(handler=run_agent)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _env_kwargs(args: argparse.Namespace) -> dict:
    return {"simulator": args.simulator} if getattr(args, "simulator", None) else {}


def list_envs(args: argparse.Namespace) -> int:
    import gymnasium as gym

    import infopo_envs

    table = Table(title="InfoPO environments")
    table.add_column("id", style="bold")
    table.add_column("max steps", justify="right")
    table.add_column("description")
    for env_id in sorted(infopo_envs.ENVS):
        spec = gym.spec(env_id)
        env_cls = spec.entry_point if callable(spec.entry_point) else _load(spec.entry_point)
        summary = (env_cls.__doc__ or "").strip().splitlines()[0]
        table.add_row(env_id, str(spec.kwargs["max_turns"]), summary)
    console.print(table)
    return 0


def _load(entry_point: str):
    from gymnasium.envs.registration import load_env_creator

    return load_env_creator(entry_point)


def play_env(args: argparse.Namespace) -> int:
    env = make_env(args.env_id, **_env_kwargs(args))
    options = {"task_id": args.task_id} if args.task_id else None
    try:
        obs, info = env.reset(seed=args.seed, options=options)
    except ValueError as error:
        raise UsageError(str(error)) from None
    console.print(obs, markup=False, highlight=False)
    total, done = 0.0, False
    while not done:
        try:
            action = console.input("[bold cyan]> [/]")
        except EOFError:
            console.print("\n[yellow]Stopped.[/]")
            return 0
        obs, reward, terminated, truncated, info = env.step(action)
        total += reward
        done = terminated or truncated
        console.print(obs, markup=False, highlight=False)
        style = "green" if info["action_valid"] else "red"
        console.print(
            f"[{style}]reward {reward:+.2f}  (total {total:+.2f}, turn {info['turn']})[/]"
        )
    console.print(f"[bold]Outcome {info['outcome']:.2f}, success: {info['success']}[/]")
    return 0


def run_agent(args: argparse.Namespace) -> int:
    from infopo_envs.core.agents import RandomAgent, oracle_for, run_episode

    env = make_env(args.env_id, **_env_kwargs(args))
    results = []
    with Progress(console=console, transient=True) as progress:
        bar = progress.add_task(f"{args.agent} on {args.env_id}", total=args.episodes)
        for episode in range(args.episodes):
            agent = oracle_for(env) if args.agent == "oracle" else RandomAgent(args.seed + episode)
            result = run_episode(
                env, agent, seed=args.seed + episode, options={"split": args.split}
            )
            results.append(result)
            progress.advance(bar)
    table = Table(title=f"{args.agent} on {args.env_id} ({args.split} split)")
    for column in ("episode", "task", "outcome", "success", "turns", "reward", "invalid"):
        table.add_column(column, justify="right")
    for episode, r in enumerate(results):
        table.add_row(
            str(episode),
            r.task_id,
            f"{r.outcome:.3f}",
            str(r.success),
            str(r.turns),
            f"{r.total_reward:+.2f}",
            str(r.invalid_actions),
        )
    console.print(table)
    mean_outcome = statistics.fmean(r.outcome for r in results)
    success_rate = statistics.fmean(r.success for r in results)
    console.print(f"mean outcome {mean_outcome:.3f}, success rate {success_rate:.3f}")
    return 0
