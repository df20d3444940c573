"""IG-shaped per-turn rewards, for training loops that estimate advantages themselves.

Per trajectory i of a group and action t:

    r_it = beta * gate_g * A_info_it  (+ R_i on the last action)

so the return of a trajectory is its outcome plus the gated, group-normalized information its
questions earned. PPO with GAE, REINFORCE, or any critic then sees where the information came
from, without InfoPO's outcome normalization (the loop applies its own).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from infopo_agent.advantages import (
    DEFAULT_EPS,
    DEFAULT_TAU,
    InfoGain,
    information_advantages,
    outcome_gates,
)


def info_shaped_turn_rewards(
    group_ids: Sequence[Hashable],
    outcomes: Sequence[float],
    info_gains: Sequence[Sequence[InfoGain]],
    *,
    beta: float,
    tau: float = DEFAULT_TAU,
    eps: float = DEFAULT_EPS,
) -> list[list[float]]:
    """One reward per action: the IG bonus on every action and the outcome added to the last.

    ``info_gains[i]`` has one entry per action (None/NaN where IG is undefined); a trajectory
    without actions has nowhere to put its outcome and is rejected.
    """
    if any(len(turn_gains) == 0 for turn_gains in info_gains):
        raise ValueError("every trajectory needs at least one action to carry its outcome")
    gate = outcome_gates(outcomes, group_ids, tau=tau)
    a_info = information_advantages(info_gains, group_ids, eps=eps)
    rewards = []
    for outcome, g, bonus in zip(outcomes, gate, a_info, strict=True):
        turn_rewards = [float(beta * g * value) for value in bonus]
        turn_rewards[-1] += float(outcome)
        rewards.append(turn_rewards)
    return rewards
