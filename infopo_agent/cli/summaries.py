"""From episode records to an ``EvalSummary`` and the rich tables that show it."""

from __future__ import annotations

import statistics
from collections import defaultdict

from rich.table import Table

from infopo_agent.cli.common import RunError
from infopo_agent.cli.records import EpisodeRecord, EvalSummary, SimulatorFailure
from infopo_agent.cli.runs import RunSettings
from infopo_agent.metrics import pass_hat_k


def summarize(
    records: list[EpisodeRecord], settings: RunSettings, policy: str, wall_time_s: float
) -> EvalSummary:
    """Means over scored episodes, pass^k for k = 1..G over tasks, and summed token counts.

    Episodes whose simulator failed are listed in ``simulator_errors`` and scored nowhere; a
    task with fewer than k scored runs takes no part in pass^k.
    """
    failures = [
        SimulatorFailure(episode=r.episode, task_id=r.task_id, error=r.simulator_error)
        for r in records
        if r.simulator_error is not None
    ]
    scored = [record for record in records if record.simulator_error is None]
    if not scored:
        raise RunError(f"every episode's user simulator failed; the first: {failures[0].error}")
    turns = [turn for record in scored for turn in record.turns]
    by_group: dict[str, list[bool]] = defaultdict(list)
    for record in scored:
        by_group[record.group].append(record.success)
    pass_k = None
    if settings.group > 1:
        counts = [(sum(runs), len(runs)) for runs in by_group.values()]
        pass_k = {
            str(k): pass_hat_k([c for c in counts if c[1] >= k], k)
            for k in range(1, settings.group + 1)
            if any(n >= k for _, n in counts)
        }
    stats = [record.simulator_stats or {} for record in records]
    return EvalSummary(
        env_id=settings.env_id,
        policy=policy,
        simulator=settings.simulator,
        seed=settings.seed,
        split=settings.split,
        tasks=len({record.group for record in records}),
        group_size=settings.group,
        episodes=len(records),
        max_turns=settings.max_turns,
        mean_outcome=statistics.fmean(r.outcome for r in scored),
        success_rate=statistics.fmean(r.success for r in scored),
        pass_hat_k=pass_k,
        mean_turns=statistics.fmean(r.num_turns for r in scored),
        invalid_action_rate=(sum(not t.action_valid for t in turns) / len(turns)) if turns else 0.0,
        simulator_calls=sum(int(s.get("calls", 0)) for s in stats),
        simulator_prompt_tokens=sum(int(s.get("prompt_tokens", 0)) for s in stats),
        simulator_completion_tokens=sum(int(s.get("completion_tokens", 0)) for s in stats),
        policy_prompt_tokens=_total(t.prompt_tokens for t in turns),
        policy_completion_tokens=_total(t.action_tokens for t in turns),
        wall_time_s=round(wall_time_s, 3),
        simulator_errors=failures,
    )


def _total(values) -> int | None:
    """The sum, or None when any value is unknown (scripted policies count no tokens)."""
    values = list(values)
    return None if any(v is None for v in values) else sum(values)


def episodes_table(records: list[EpisodeRecord], title: str) -> Table:
    table = Table(title=title)
    for column in ("episode", "task", "outcome", "success", "turns", "reward", "invalid"):
        table.add_column(column, justify="right")
    for r in records:
        table.add_row(
            str(r.episode),
            r.task_id,
            f"{r.outcome:.3f}",
            str(r.success),
            str(r.num_turns),
            f"{r.total_reward:+.2f}",
            str(r.invalid_actions),
        )
    return table


METRICS = (
    ("mean outcome", lambda s: f"{s.mean_outcome:.3f}"),
    ("success rate", lambda s: f"{s.success_rate:.3f}"),
    ("pass^k", lambda s: _pass_k(s)),
    ("mean turns", lambda s: f"{s.mean_turns:.2f}"),
    ("invalid rate", lambda s: f"{s.invalid_action_rate:.3f}"),
    ("sim calls", lambda s: str(s.simulator_calls)),
    ("sim tokens", lambda s: str(s.simulator_prompt_tokens + s.simulator_completion_tokens)),
    ("sim errors", lambda s: str(len(s.simulator_errors))),
    ("wall s", lambda s: f"{s.wall_time_s:.1f}"),
)


def _pass_k(summary: EvalSummary) -> str:
    if summary.pass_hat_k is None:
        return "-"
    return " ".join(f"^{k} {v:.2f}" for k, v in summary.pass_hat_k.items())


def summary_table(summary: EvalSummary, title: str) -> Table:
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, show in METRICS:
        table.add_row(name, show(summary))
    return table


def matrix_table(rows: list[tuple[str, EvalSummary]], title: str) -> Table:
    """One row per persona, one column per metric."""
    table = Table(title=title)
    table.add_column("persona", style="bold", no_wrap=True)
    for name, _ in METRICS:
        table.add_column(name, justify="right")
    for persona, summary in rows:
        table.add_row(persona, *(show(summary) for _, show in METRICS))
    return table
