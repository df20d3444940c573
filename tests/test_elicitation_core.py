"""The shared elicitation bookkeeping and lexicon helpers in ``infopo_envs.core``."""

from __future__ import annotations

import pytest

from infopo_envs.core import Elicitation, mentions, with_plurals, words_of

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


def test_with_plurals():
    assert with_plurals(["guest", "party", "box", "day", "dress code", "bus", "$50"]) == (
        "guest",
        "guests",
        "party",
        "parties",
        "box",
        "boxes",
        "day",
        "days",
        "dress code",
        "dress codes",
        "bus",
        "$50",
    )


def test_mentions_whole_words_only():
    text = words_of("What's the Cat's category, and the dress-code?")
    assert mentions(text, ["category"]) and not mentions(text, ["cat"])
    assert mentions(text, ["dress-code"]) and not mentions(text, ["dress"])
