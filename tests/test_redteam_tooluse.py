"""Tool use's red team: no cheating agent passes a domain's test split; the oracle passes all."""

from __future__ import annotations

import pytest

from infopo_envs.core.redteam import evaluate
from infopo_envs.tooluse.redteam import CHEATERS

MAX_SUCCESS = 0.02
CASES = [(env_id, name) for env_id, agents in CHEATERS.items() for name in sorted(agents)]


@pytest.mark.parametrize(("env_id", "name"), CASES, ids=[f"{e[15:-3]}-{n}" for e, n in CASES])
def test_cheaters_stay_under_the_bar(env_id, name):
    result = evaluate(env_id, CHEATERS[env_id][name], name=name)
    assert result.tasks == 100
    assert result.success_rate <= MAX_SUCCESS, result


@pytest.mark.parametrize("env_id", sorted(CHEATERS))
def test_the_oracle_reaches_one(env_id):
    result = evaluate(env_id, None)
    assert (result.tasks, result.mean_outcome, result.success_rate) == (100, 1.0, 1.0)
