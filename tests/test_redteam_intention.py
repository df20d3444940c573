"""Intention's red team: no cheating agent earns coverage; the oracle and honest asking still do."""

from __future__ import annotations

import pytest

from infopo_envs.core.redteam import evaluate
from infopo_envs.intention.redteam import CHEATERS, ENV_ID, HONEST

MAX_SUCCESS, MAX_OUTCOME = 0.05, 0.15


@pytest.mark.parametrize("name", sorted(CHEATERS[ENV_ID]))
def test_cheaters_stay_under_the_bars(name):
    result = evaluate(ENV_ID, CHEATERS[ENV_ID][name], name=name)
    assert result.tasks == 100
    assert result.success_rate <= MAX_SUCCESS, result
    assert result.mean_outcome <= MAX_OUTCOME, result


def test_the_oracle_still_reaches_one():
    result = evaluate(ENV_ID, None)
    assert (result.mean_outcome, result.success_rate) == (1.0, 1.0)


@pytest.mark.parametrize("name", sorted(HONEST[ENV_ID]))
def test_focused_questions_without_hidden_state_still_reach_one(name):
    result = evaluate(ENV_ID, HONEST[ENV_ID][name], name=name)
    assert (result.mean_outcome, result.success_rate) == (1.0, 1.0)
