"""``infopo infogain``: score saved transcripts with a policy; IG, fused advantages and plots."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from infopo_agent.cli.common import UsageError, console
from infopo_agent.cli.outputs import output_dir
from infopo_agent.cli.plots import correlation, ig_matrix, mean_by_turn, write_plots
from infopo_agent.cli.policies import PolicySpec, load_hf_policy, model_policy
from infopo_agent.cli.records import (
    EpisodeRecord,
    InfoGainSummary,
    ScoredEpisode,
    read_jsonl,
    write_json,
    write_jsonl,
)

SCORED = "infogain.jsonl"
SUMMARY = "infogain_summary.json"
MAX_EPISODE_ROWS = 20


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "infogain", help="score transcripts: per-turn information gain, advantages and plots"
    )
    parser.add_argument("transcripts", help="a transcripts.jsonl written by eval or demo")
    parser.add_argument("--policy", default="smollm2", help="smollm2 | <model dir>")
    parser.add_argument("--beta", type=float, default=1.0, help="weight of the IG advantage")
    parser.add_argument("--tau", type=float, default=0.05, help="temperature of the gate")
    parser.add_argument("--device", help="torch device (default: cuda if any)")
    parser.add_argument("--out", help="output folder (default: the transcripts' folder)")
    parser.set_defaults(handler=infogain)


def infogain(args: argparse.Namespace) -> int:
    spec = model_policy(args.policy)
    if not args.beta >= 0 or not args.tau > 0:
        raise UsageError("need --beta >= 0 and --tau > 0")
    records = read_jsonl(args.transcripts, EpisodeRecord)
    out = output_dir(args.out or Path(args.transcripts).parent)
    policy = load_hf_policy(spec, device=args.device)
    scored, summary = score_and_write(
        policy, spec, records, args.transcripts, out, beta=args.beta, tau=args.tau
    )
    if len(scored) <= MAX_EPISODE_ROWS:
        console.print(episodes_table(scored))
    console.print(turns_summary_table(summary))
    plots = ", ".join(summary.plots.values())
    console.print(f"Wrote {out / SCORED}, {out / SUMMARY} and plots: {plots}")
    return 0


def score_and_write(
    policy,
    spec: PolicySpec,
    records: list[EpisodeRecord],
    transcripts: str | Path,
    out: Path,
    *,
    beta: float,
    tau: float,
) -> tuple[list[ScoredEpisode], InfoGainSummary]:
    """Score ``records``, write ``infogain.jsonl``, the summary and the plots into ``out``."""
    from infopo_agent.cli.scoring import score_episodes

    started = time.perf_counter()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        bar = progress.add_task("Scoring information gain", total=len(records))
        scored, stats = score_episodes(
            policy,
            spec.name,
            records,
            beta=beta,
            tau=tau,
            advance=lambda n: progress.advance(bar, n),
        )
    plots = write_plots(out, scored)
    matrix = ig_matrix(scored)
    means, counts = mean_by_turn(matrix)
    summary = InfoGainSummary(
        transcripts=str(transcripts),
        policy=spec.name,
        beta=beta,
        tau=tau,
        episodes=len(scored),
        groups=stats.groups,
        valid_turns=stats.valid_turns,
        mean_info_gain=stats.mean_info_gain,
        mean_gate=stats.mean_gate,
        zero_variance_fraction=stats.zero_variance_fraction,
        mean_info_gain_by_turn=means,
        valid_turns_by_turn=counts,
        outcome_info_gain_correlation=correlation(
            [e.total_info_gain for e in scored], [e.outcome for e in scored]
        ),
        plots=plots,
        wall_time_s=round(time.perf_counter() - started, 3),
    )
    write_jsonl(out / SCORED, scored)
    write_json(out / SUMMARY, summary)
    return scored, summary


def episodes_table(scored: list[ScoredEpisode]) -> Table:
    table = Table(title="Episodes scored")
    for column in ("episode", "task", "outcome", "turns", "total IG", "gate", "A_out"):
        table.add_column(column, justify="right")
    for e in scored:
        table.add_row(
            str(e.episode),
            e.task_id,
            f"{e.outcome:.3f}",
            str(len(e.turns)),
            f"{e.total_info_gain:+.3f}",
            f"{e.gate:.3f}",
            f"{e.outcome_advantage:+.3f}",
        )
    return table


def turns_summary_table(summary: InfoGainSummary) -> Table:
    table = Table(title=f"Mean information gain by turn ({summary.valid_turns} valid turns)")
    table.add_column("turn", justify="right")
    table.add_column("mean IG", justify="right")
    table.add_column("episodes", justify="right")
    for t, (mean, count) in enumerate(
        zip(summary.mean_info_gain_by_turn, summary.valid_turns_by_turn, strict=True)
    ):
        table.add_row(str(t), "-" if mean is None else f"{mean:+.4f}", str(count))
    return table
