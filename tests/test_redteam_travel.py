"""TravelIntent's outcome cannot be reached without asking: cheaters stay under the bars."""

from __future__ import annotations

import pytest

from infopo_envs.core.redteam import evaluate
from infopo_envs.travel.aspects import KINDS
from infopo_envs.travel.redteam import CHEATERS, ENV_ID, TravelCheater

MAX_SUCCESS = 0.05
MAX_OUTCOME = 0.15


@pytest.mark.parametrize("name", sorted(CHEATERS[ENV_ID]))
def test_cheater_stays_under_the_bars(name):
    result = evaluate(ENV_ID, CHEATERS[ENV_ID][name], name=name, tasks=100)
    assert result.success_rate <= MAX_SUCCESS, result
    assert result.mean_outcome <= MAX_OUTCOME, result


def test_oracle_still_reaches_one():
    result = evaluate(ENV_ID, None, tasks=100)
    assert (result.mean_outcome, result.success_rate) == (1.0, 1.0)


class AskEveryTopic(TravelCheater):
    """An honest agent without hidden state: one catalogue question per topic, then books."""

    name = "ask_every_topic"

    def question(self, turn):
        questions = [kind.question for aspect in self.aspects for kind in KINDS[aspect]]
        return questions[turn] if turn < len(questions) else None


def test_asking_every_topic_without_hidden_state_still_wins():
    """The fix closes shortcuts, not the task: the same booking code wins once it has asked."""
    result = evaluate(ENV_ID, AskEveryTopic, name="ask_every_topic", tasks=100)
    assert result.success_rate >= 0.95, result
