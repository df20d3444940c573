"""Function-v0 red team: no cheating agent answers the rule without working it out."""

from __future__ import annotations

import pytest

from infopo_envs.core.redteam import evaluate
from infopo_envs.function.redteam import CHEATERS

ENV_ID = "InfoPO/Function-v0"


@pytest.mark.parametrize("name", sorted(CHEATERS[ENV_ID]))
def test_cheaters_stay_under_the_bars(name):
    result = evaluate(ENV_ID, CHEATERS[ENV_ID][name], name=name)
    assert result.success_rate <= 0.05 and result.mean_outcome <= 0.15, result


def test_oracle_still_solves_every_test_task():
    result = evaluate(ENV_ID, None)
    assert result.mean_outcome == 1.0 and result.success_rate == 1.0
