"""``infopo demo``: the main job on embedded defaults, offline and without an API key.

SmolLM2-135M-Instruct plays one group of episodes of InfoPO/TravelIntent-v0 against the
rule-based user, after a system line and a worked example of the env's oracle on a train task
(``--example-turns``; without it the small model rarely writes the action grammar and every
feedback is an "Invalid action" message); the same policy then scores every turn's information
gain, and InfoPO fuses it with the group-normalized outcome. The turns are shown as a table and
written, with the plots, to a folder. Defaults are sized to finish in a few minutes on a 2-core CPU.
"""

from __future__ import annotations

import argparse
import time

from rich.table import Table

from infopo_agent.cli.common import console
from infopo_agent.cli.eval import SUMMARY, TRANSCRIPTS
from infopo_agent.cli.infogain import SCORED, score_and_write, turns_summary_table
from infopo_agent.cli.outputs import output_dir
from infopo_agent.cli.policies import EMBEDDED, load_hf_policy, parse_policy
from infopo_agent.cli.records import ScoredEpisode, write_json, write_jsonl
from infopo_agent.cli.runs import RunSettings, add_example_argument, positive, run_episodes
from infopo_agent.cli.summaries import summarize

ENV_ID = "InfoPO/TravelIntent-v0"
TEXT_WIDTH = 48


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo", help="SmolLM2 on TravelIntent with the rule-based user: IG and advantages per turn"
    )
    parser.add_argument("--group", type=positive, default=4, help="episodes in the group (G)")
    parser.add_argument("--max-turns", type=positive, default=4)
    parser.add_argument("--max-new-tokens", type=positive, default=32)
    parser.add_argument("--temperature", type=float, default=0.7)
    parser.add_argument("--top-p", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=0)
    add_example_argument(parser, default=2)
    parser.add_argument("--beta", type=float, default=1.0, help="weight of the IG advantage")
    parser.add_argument("--tau", type=float, default=0.05, help="temperature of the gate")
    parser.add_argument("--device", help="torch device (default: cuda if any)")
    parser.add_argument("--out", default="infopo-runs/demo", help="output folder")
    parser.set_defaults(handler=demo)


def demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    spec = parse_policy(EMBEDDED)
    settings = RunSettings(
        env_id=ENV_ID,
        simulator="rule",
        tasks=1,
        group=args.group,
        seed=args.seed,
        max_turns=args.max_turns,
        temperature=args.temperature,
        top_p=args.top_p,
        max_new_tokens=args.max_new_tokens,
        example_turns=args.example_turns,
    )
    out = output_dir(args.out)
    policy = load_hf_policy(spec, device=args.device)
    begun = time.perf_counter()
    records = run_episodes(spec, settings, policy=policy)
    summary = summarize(records, settings, spec.name, time.perf_counter() - begun)
    write_jsonl(out / TRANSCRIPTS, records)
    write_json(out / SUMMARY, summary)
    scored, ig_summary = score_and_write(
        policy, spec, records, out / TRANSCRIPTS, out, beta=args.beta, tau=args.tau
    )
    console.print(turns_table(scored, records[0].task_id))
    console.print(turns_summary_table(ig_summary))
    console.print(
        f"mean outcome {summary.mean_outcome:.3f}, success rate {summary.success_rate:.3f}, "
        f"gate {ig_summary.mean_gate:.3f} (0.5 when outcomes tie), "
        f"mean IG {ig_summary.mean_info_gain:+.4f}"
    )
    files = [TRANSCRIPTS, SUMMARY, SCORED, *ig_summary.plots.values()]
    console.print(f"Wrote {', '.join(files)} to [bold]{out.resolve()}[/]")
    console.print(f"Done in {time.perf_counter() - started:.0f} s")
    return 0


def turns_table(scored: list[ScoredEpisode], task_id: str) -> Table:
    """Every turn of every episode: action, feedback, reward, IG, and the fused advantage."""
    table = Table(title=f"{ENV_ID} {task_id}: one group, per turn", show_lines=False)
    table.add_column("ep", justify="right")
    table.add_column("t", justify="right")
    table.add_column("action a_t", max_width=TEXT_WIDTH)
    table.add_column("feedback o_t", max_width=TEXT_WIDTH)
    table.add_column("reward", justify="right")
    table.add_column("IG_t", justify="right")
    table.add_column("A_info", justify="right")
    table.add_column("advantage", justify="right")
    for episode in scored:
        for turn in episode.turns:
            table.add_row(
                str(episode.episode),
                str(turn.turn),
                _short(turn.action),
                _short(turn.feedback),
                f"{turn.reward:+.2f}",
                "-" if turn.info_gain is None else f"{turn.info_gain:+.3f}",
                f"{turn.info_advantage:+.2f}",
                f"{turn.advantage:+.2f}",
                end_section=turn.turn == len(episode.turns) - 1,
            )
    return table


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TEXT_WIDTH else line[: TEXT_WIDTH - 1] + "…"
