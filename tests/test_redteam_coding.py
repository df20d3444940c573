"""CodingCollab-v0 red team: no cheating agent passes hidden tests without asking.

Every agent plays the first 100 test tasks through the real sandbox.
"""

from __future__ import annotations

import pytest

from infopo_envs.coding.redteam import CHEATERS
from infopo_envs.core.redteam import evaluate

ENV_ID = "InfoPO/CodingCollab-v0"


@pytest.mark.parametrize("name", sorted(CHEATERS[ENV_ID]))
def test_cheaters_stay_under_the_bars(name):
    result = evaluate(ENV_ID, CHEATERS[ENV_ID][name], name=name)
    assert result.success_rate <= 0.05 and result.mean_outcome <= 0.15, result


def test_oracle_still_passes_every_test_task():
    result = evaluate(ENV_ID, None)
    assert result.mean_outcome == 1.0 and result.success_rate == 1.0
