"""LLM users say what the env decided: the prompt holds no hidden profile, every reply is checked
against the plan, unfaithful replies are resampled and then replaced by the rule wording."""

from __future__ import annotations

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from simulators import Message, ReplyPlan, UserSimulator, UserTurn, make_simulator
from simulators.llm.faithfulness import unfaithful
from simulators.llm.openai_user import OpenAIUserSimulator
from simulators.llm.prompt import build_messages
from simulators.personas import COOPERATIVE
from tests.servers import faulty_server, transformers_server

HIDDEN = {"entity": "giraffe", "attributes": {"legs": 4, "habitat": "savanna"}, "price": 120.0}
HISTORY = (Message("user", "I'm thinking of a thing."), Message("agent", "Is it an animal?"))


def turn(plan: ReplyPlan, hidden: dict | None = None) -> UserTurn:
    return UserTurn(
        "You are thinking of a giraffe.", HISTORY, plan, HIDDEN if hidden is None else hidden
    )


YES = ReplyPlan("answer", (("Yes.",),))


@pytest.mark.parametrize(
    "plan,reply,faithful",
    [
        (YES, "Yes, it is.", True),
        (YES, "Yep!", True),
        (YES, "No.", False),
        (YES, "It isn't an animal.", False),
        (ReplyPlan("answer", (("Maybe.",),)), "Sometimes, it depends.", True),
        (ReplyPlan("answer", (("No, it is not a cat.",),)), "Nope, not a cat.", True),
        (
            ReplyPlan("reveal", (("My limit is $120 a night.",),)),
            "I can pay up to 120 a night.",
            True,
        ),
        (ReplyPlan("reveal", (("My limit is $120 a night.",),)), "Something affordable.", False),
        (ReplyPlan("reveal", (("I love hearing the waves.",),)), "I'd like to hear waves.", True),
        (ReplyPlan("vague"), "Could you be more specific?", True),
        (ReplyPlan("vague"), "It lives in the savanna.", False),  # a hidden value, unasked
        (YES, "Yes, it is a giraffe!", False),  # the answer is right but gives the game away
        (ReplyPlan("confirm"), "No, don't do that.", False),
        (ReplyPlan("refuse"), "Yes, go ahead.", False),
    ],
)
def test_replies_are_checked_against_the_plan(plan, reply, faithful):
    assert (unfaithful(reply, turn(plan)) is None) is faithful


def test_values_the_plan_or_conversation_holds_may_be_said():
    plan = ReplyPlan("answer", (("Yes! It is a giraffe. You got it!",),))
    assert unfaithful("Yes! A giraffe, well done.", turn(plan)) is None
    said = UserTurn("r", (*HISTORY, Message("agent", "Does it live in the savanna?")), YES, HIDDEN)
    assert unfaithful("Yes, the savanna.", said) is None


def test_the_prompt_holds_neither_role_nor_hidden_values():
    messages = build_messages(turn(ReplyPlan("answer", (("Yes.",),))), COOPERATIVE)
    prompt = " ".join(m["content"] for m in messages).lower()
    assert "giraffe" not in prompt and "savanna" not in prompt and "120" not in prompt
    assert "yes." in prompt  # the plan's answer is the guidance


def test_an_unfaithful_model_is_resampled_then_replaced_by_the_rule_wording():
    with faulty_server("reply", reply_text="No.") as (base_url, server):
        user = OpenAIUserSimulator("m", base_url=base_url, max_retries=0, faithful_retries=2)
        user.reset(0)
        assert user.reply(turn(YES)) == "Yes."
        assert server.requests == 3
    stats = user.stats()
    assert (stats["calls"], stats["rejected"], stats["fallbacks"]) == (3, 3, 1)


def test_a_faithful_reply_is_kept_and_counted_once():
    with faulty_server("reply", reply_text="Yes, it is an animal.") as (base_url, server):
        user = OpenAIUserSimulator("m", base_url=base_url, max_retries=0)
        assert user.reply(turn(YES)) == "Yes, it is an animal."
        assert server.requests == 1
    assert (user.stats()["rejected"], user.stats()["fallbacks"]) == (0, 0)


def test_fallbacks_reach_the_env_info():
    with faulty_server("reply", reply_text="No.") as (base_url, _):
        env = gym.make(
            "InfoPO/Telepathy-v0", simulator=f"openai:m?base_url={base_url}&max_retries=0"
        )
        env.reset(seed=0, options={"task_id": "test-0000"})
        entity = env.unwrapped.entity.name
        _, _, terminated, _, info = env.step(f"[answer] {entity}")
    assert terminated and info["success"]
    assert info["simulator"]["fallbacks"] == 1 and info["simulator"]["rejected"] == 3


class Recording(UserSimulator):
    """Passes turns to a real simulator and keeps each turn with the reply the agent read."""

    name = "recording"

    def __init__(self, inner: UserSimulator):
        super().__init__(inner.persona)
        self.inner, self.seen = inner, []

    def reset(self, seed: int) -> None:
        self.inner.reset(seed)

    def reply(self, turn: UserTurn) -> str:
        text = self.inner.reply(turn)
        self.seen.append((turn, text))
        return text

    def stats(self) -> dict:
        return self.inner.stats()


@pytest.mark.slow
def test_a_served_smollm2_user_never_contradicts_the_env(smollm2_dir):
    questions = ["Is it man-made?", "Is it alive?", "Is it bigger than a car?", "Is it food?"]
    with transformers_server(smollm2_dir) as base_url:
        inner = make_simulator(
            f"openai:{smollm2_dir}?base_url={base_url}&max_tokens=24&timeout=120"
        )
        user = Recording(inner)
        env = gym.make("InfoPO/Telepathy-v0", simulator=user)
        env.reset(seed=0, options={"task_id": "test-0001"})
        for question in questions:
            env.step(f"[action] {question}")
    assert len(user.seen) == len(questions)
    for seen_turn, reply in user.seen:
        assert unfaithful(reply, seen_turn) is None, (seen_turn.plan, reply)
    stats = inner.stats()
    assert stats["calls"] >= len(questions)
    assert stats["calls"] == len(questions) + stats["rejected"] - stats["fallbacks"]
