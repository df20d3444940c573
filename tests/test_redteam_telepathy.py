"""Telepathy's red team: guessing without asking cannot pass; the oracle still always wins."""

from __future__ import annotations

import pytest

from infopo_envs.core.redteam import evaluate
from infopo_envs.telepathy.redteam import CHEATERS, ENV_ID, HONEST, held_out_names

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


def test_asking_only_for_the_first_letter_wins_only_what_the_letter_tells():
    names = held_out_names()
    letters = {name[0] for name in names}
    result = evaluate(ENV_ID, HONEST[ENV_ID]["letter_search"], name="letter_search")
    # one guess per game: the letter's group is found, then only its first name can win
    assert result.success_rate == pytest.approx(len(letters) / len(names))
