"""The shared elicitation bookkeeping and lexicon helpers in ``infopo_envs.core``."""

from __future__ import annotations

import pytest

from infopo_envs.core import Elicitation

PHRASINGS = {"budget": ("Cheap, please.",), "date": ("Next Friday.",), "venue": ("At home.",)}


def test_judge_sorts_asked_keys_in_question_order():
    judged = Elicitation.judge(
        ["venue", "colour", "budget", "date", "venue"], PHRASINGS, known={"date"}
    )
    assert judged == Elicitation(new=("venue", "budget"), again=("date",), unheld=("colour",))
    assert judged.concrete


@pytest.mark.parametrize(
    ("asked", "known", "kind", "facts"),
    [
        (["budget", "venue"], set(), "reveal", (("Cheap, please.",), ("At home.",))),
        (["budget"], {"budget"}, "repeat", (("Cheap, please.",),)),
        (["colour"], set(), "no_preference", ()),
        ([], set(), "vague", ()),
    ],
)
def test_plan_for_each_case(asked, known, kind, facts):
    plan = Elicitation.judge(asked, PHRASINGS, known).plan(PHRASINGS)
    assert (plan.kind, plan.facts) == (kind, facts)


def test_reveal_at_most_limits_the_facts():
    judged = Elicitation.judge(["budget", "venue"], PHRASINGS, set())
    assert judged.plan(PHRASINGS, reveal_at_most=1).facts == (("Cheap, please.",),)
    assert not Elicitation.judge([], PHRASINGS, set()).concrete


def test_tracker_reveals_one_volunteers_after_three_and_commits_only_when_told():
    import numpy as np

    from infopo_envs.core import ElicitationTracker

    facts = {"a": ("A is 1.",), "b": ("B is 2.",), "c": ("C is 3.",)}
    tracker = ElicitationTracker(facts, reveal_at_most=1, volunteer_after=3)
    rng = np.random.default_rng(0)
    answer = tracker.answer(["b", "a"], rng)
    assert answer.plan.kind == "reveal" and answer.elicited == ("b",)
    assert tracker.elicited == set()  # nothing changes before commit
    tracker.commit(answer)
    for _ in range(2):
        answer = tracker.answer(["b"], rng)
        assert answer.plan.kind == "repeat" and answer.elicited == ()
        tracker.commit(answer)
    answer = tracker.answer([], rng)
    assert answer.plan.kind == "volunteer" and answer.elicited == ()
    assert answer.volunteered[0] in {"a", "c"} and answer.unhelpful == 0
    tracker.commit(answer)
    assert tracker.known == {"b", answer.volunteered[0]}
