"""PNG plots of information gain (matplotlib, Agg backend: no display needed).

Three views of scored episodes, each drawn on an axes so one figure can hold them all:

- ``ig_heatmap.png``: IG per turn (columns) per episode (rows); blank where IG is undefined;
- ``ig_by_turn.png``: mean IG by turn index, with the standard error over episodes;
- ``outcome_vs_ig.png``: each episode's outcome against its total IG;
- ``overview.png``: the three side by side.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from infopo_agent.cli.records import ScoredEpisode

PLOTS = {
    "ig_heatmap": "ig_heatmap.png",
    "ig_by_turn": "ig_by_turn.png",
    "outcome_vs_ig": "outcome_vs_ig.png",
    "overview": "overview.png",
}


def ig_matrix(episodes: list[ScoredEpisode]) -> np.ndarray:
    """IG as an (episodes, max turns) array, NaN where a turn is missing or has no IG."""
    width = max((len(e.turns) for e in episodes), default=0)
    matrix = np.full((len(episodes), max(width, 1)), np.nan)
    for row, episode in enumerate(episodes):
        for turn in episode.turns:
            if turn.info_gain is not None:
                matrix[row, turn.turn] = turn.info_gain
    return matrix


def mean_by_turn(matrix: np.ndarray) -> tuple[list[float | None], list[int]]:
    """Mean IG per turn index over the episodes where it is defined, and how many there are."""
    counts = np.sum(~np.isnan(matrix), axis=0)
    means = []
    for column, count in zip(matrix.T, counts, strict=True):
        means.append(float(np.nanmean(column)) if count else None)
    return means, [int(c) for c in counts]


def correlation(xs: list[float], ys: list[float]) -> float | None:
    """Pearson correlation, or None when either side has no spread."""
    if len(xs) < 2 or np.std(xs) == 0 or np.std(ys) == 0:
        return None
    return float(np.corrcoef(xs, ys)[0, 1])


def draw_heatmap(ax, matrix: np.ndarray, labels: list[str]) -> None:
    finite = matrix[~np.isnan(matrix)]
    bound = (float(np.max(np.abs(finite))) if finite.size else 0.0) or 1.0
    import matplotlib

    cmap = matplotlib.colormaps["RdBu_r"].with_extremes(bad="lightgrey")
    image = ax.imshow(
        np.ma.masked_invalid(matrix),
        aspect="auto",
        cmap=cmap,
        vmin=-bound,
        vmax=bound,
        interpolation="nearest",
    )
    ax.figure.colorbar(image, ax=ax, label="IG (nats per token)")
    ax.set_xlabel("turn t (IG credited to action a_t)")
    ax.set_ylabel("episode (outcome)")
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_yticks(range(len(labels)), labels, fontsize=7 if len(labels) > 12 else 9)
    ax.set_title("Information gain per turn (grey: undefined)")


def draw_mean_by_turn(ax, matrix: np.ndarray) -> None:
    means, counts = mean_by_turn(matrix)
    turns = [t for t, m in enumerate(means) if m is not None]
    values = [means[t] for t in turns]
    errors = [
        float(np.nanstd(matrix[:, t]) / math.sqrt(counts[t])) if counts[t] > 1 else 0.0
        for t in turns
    ]
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.errorbar(turns, values, yerr=errors, marker="o", capsize=3)
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_xlabel("turn t")
    ax.set_ylabel("mean IG (nats per token)")
    ax.set_title("Mean information gain by turn")


def draw_outcome_vs_ig(ax, episodes: list[ScoredEpisode]) -> None:
    totals = [e.total_info_gain for e in episodes]
    outcomes = [e.outcome for e in episodes]
    ax.scatter(totals, outcomes, c=[e.success for e in episodes], cmap="coolwarm", vmin=0, vmax=1)
    r = correlation(totals, outcomes)
    ax.set_xlabel("total IG of the episode")
    ax.set_ylim(-0.05, 1.05)
    ax.set_ylabel("outcome (red: success)")
    ax.set_title("Outcome against total IG" + (f" (r = {r:.2f})" if r is not None else ""))


def write_plots(folder: Path, episodes: list[ScoredEpisode]) -> dict[str, str]:
    """Write the PNGs into ``folder``; returns plot name -> file name."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matrix = ig_matrix(episodes)
    labels = [f"{e.episode} ({e.outcome:.1f})" for e in episodes]
    single = {
        "ig_heatmap": lambda ax: draw_heatmap(ax, matrix, labels),
        "ig_by_turn": lambda ax: draw_mean_by_turn(ax, matrix),
        "outcome_vs_ig": lambda ax: draw_outcome_vs_ig(ax, episodes),
    }
    for name, draw in single.items():
        figure, ax = plt.subplots(figsize=(6.4, 4.8))
        draw(ax)
        figure.tight_layout()
        figure.savefig(folder / PLOTS[name], dpi=110)
        plt.close(figure)
    figure, axes = plt.subplots(1, 3, figsize=(17, 4.8))
    for ax, draw in zip(axes, single.values(), strict=True):
        draw(ax)
    figure.tight_layout()
    figure.savefig(folder / PLOTS["overview"], dpi=100)
    plt.close(figure)
    return dict(PLOTS)


PERSONA_PLOT = "robustness.png"


def write_persona_plot(folder: Path, rows: list[tuple[str, object]]) -> str:
    """Bars of mean outcome and success rate per persona (rows of (persona, EvalSummary))."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [name for name, _ in rows]
    x = np.arange(len(rows))
    figure, ax = plt.subplots(figsize=(max(6.4, 1.2 * len(rows)), 4.8))
    ax.bar(x - 0.2, [s.mean_outcome for _, s in rows], 0.4, label="mean outcome")
    ax.bar(x + 0.2, [s.success_rate for _, s in rows], 0.4, label="success rate")
    ax.set_xticks(x, names)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title("The same policy against each user persona")
    ax.legend()
    figure.tight_layout()
    figure.savefig(folder / PERSONA_PLOT, dpi=110)
    plt.close(figure)
    return PERSONA_PLOT
