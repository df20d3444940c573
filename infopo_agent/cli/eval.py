"""``infopo eval``: play a policy on an env and write transcripts and a summary."""

from __future__ import annotations

import argparse
import time

from infopo_agent.cli.common import console
from infopo_agent.cli.outputs import output_dir, slug
from infopo_agent.cli.policies import load_hf_policy, parse_policy
from infopo_agent.cli.records import write_json, write_jsonl
from infopo_agent.cli.runs import RunSettings, add_run_arguments, run_episodes
from infopo_agent.cli.summaries import episodes_table, summarize, summary_table

TRANSCRIPTS = "transcripts.jsonl"
SUMMARY = "summary.json"
MAX_EPISODE_ROWS = 20


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "eval", help="evaluate a policy: transcripts (JSONL) and a summary (JSON)"
    )
    add_run_arguments(parser, episodes=10, group=1)
    parser.add_argument("--simulator", help="user simulator spec (default: the env's, rule-based)")
    parser.add_argument("--out", help="output folder (default: infopo-runs/eval-<env>-<policy>)")
    parser.set_defaults(handler=evaluate)


def evaluate(args: argparse.Namespace) -> int:
    spec = parse_policy(args.policy)
    settings = RunSettings.from_args(args, args.simulator)
    settings.make_env().close()  # a bad env id or simulator fails before any model loads
    out = output_dir(args.out or f"infopo-runs/eval-{slug(args.env_id)}-{slug(spec.name)}")
    policy = load_hf_policy(spec, device=args.device) if spec.kind == "hf" else None
    started = time.perf_counter()
    records = run_episodes(spec, settings, policy=policy)
    write_jsonl(out / TRANSCRIPTS, records)
    summary = summarize(records, settings, spec.name, time.perf_counter() - started)
    write_json(out / SUMMARY, summary)
    if len(records) <= MAX_EPISODE_ROWS:
        console.print(episodes_table(records, f"{spec.name} on {settings.env_id}"))
    console.print(summary_table(summary, f"{spec.name} on {settings.env_id} ({settings.split})"))
    for failure in summary.simulator_errors:
        console.print(
            f"[yellow]not scored[/]: episode {failure.episode} ({failure.task_id}), "
            f"simulator failed: {failure.error}"
        )
    console.print(f"Wrote {out / TRANSCRIPTS} and {out / SUMMARY}")
    return 0
