"""Sokoban's red team: board-blind move sequences stay below the bars; the oracle solves all."""

from __future__ import annotations

import pytest

from infopo_envs.core.redteam import evaluate
from infopo_envs.sokoban.redteam import CHEATERS

#: Random moves may solve a few short levels by luck; everything else must almost never win.
BARS = {"random_moves": 0.10, "random_turns": 0.10}
DEFAULT_BAR = 0.05

CASES = [(env_id, name) for env_id, agents in CHEATERS.items() for name in agents]


@pytest.mark.parametrize(("env_id", "name"), CASES)
def test_cheater_stays_below_its_bar(env_id, name):
    result = evaluate(env_id, CHEATERS[env_id][name], name=name)
    bar = BARS.get(name, DEFAULT_BAR)
    assert result.success_rate <= bar and result.mean_outcome <= bar, result


@pytest.mark.parametrize("env_id", sorted(CHEATERS))
def test_oracle_solves_every_test_level(env_id):
    result = evaluate(env_id, None)
    assert result.success_rate == 1.0 and result.mean_outcome == 1.0, result
