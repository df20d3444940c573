"""CodingCollab-v0 red team: no cheating agent passes hidden tests without asking.

The memorizer and the random agent play the first 100 test tasks through the real sandbox;
the other cheaters, whose submissions are variations on theirs, play the first 50 to keep the
suite fast (``benchmarks/redteam.py`` plays all of them on 100).
"""

from __future__ import annotations

import pytest

from infopo_envs.coding.redteam import CHEATERS
from infopo_envs.core.redteam import evaluate

ENV_ID = "InfoPO/CodingCollab-v0"
FULL = ("memorizer", "random")


@pytest.mark.parametrize("name", sorted(CHEATERS[ENV_ID]))
def test_cheaters_stay_under_the_bars(name):
    tasks = 100 if name in FULL else 50
    result = evaluate(ENV_ID, CHEATERS[ENV_ID][name], name=name, tasks=tasks)
    assert result.success_rate <= 0.05 and result.mean_outcome <= 0.15, result


def test_oracle_still_passes_every_test_task():
    result = evaluate(ENV_ID, None)
    assert result.mean_outcome == 1.0 and result.success_rate == 1.0
