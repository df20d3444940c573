"""WebShopIntent-v0: eliciting the goal from the shopper, then shopping."""

from __future__ import annotations

import pytest

from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.webshop import WebShopIntentEnv
from infopo_envs.webshop.judge import (
    PRICE,
    attribute_key,
    canonical_question,
    option_key,
    topic_lexicons,
    topics_asked,
)
from infopo_envs.webshop.vocabulary import PRODUCT_TYPES
from simulators import SimulatorError, UserSimulator

PRODUCTS = 10_000


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("webshop-intent-cache")


@pytest.fixture(scope="module")
def env(cache_dir):
    return WebShopIntentEnv(num_products=PRODUCTS, cache_dir=cache_dir)


@pytest.mark.parametrize("kind", PRODUCT_TYPES, ids=lambda kind: kind.noun)
def test_each_canonical_question_is_about_exactly_its_topic(kind):
    for key in topic_lexicons(kind):
        question = canonical_question(key, kind)
        assert topics_asked(question, kind, strict=False) == [key], question
        assert topics_asked(question, kind, strict=True) == [key], question


def test_naming_the_product_is_not_a_question_about_anything():
    case = next(k for k in PRODUCT_TYPES if k.noun == "phone case")
    assert topics_asked("Tell me about the phone case you want.", case, strict=False) == []
    assert topics_asked("Which phone is it for?", case, strict=False) == [option_key("model")]
    assert topics_asked("sulfate free?", PRODUCT_TYPES[1], strict=False) == [
        attribute_key("ingredients")
    ]
    # a reluctant shopper wants the product named
    assert topics_asked("What's your budget?", PRODUCT_TYPES[1], strict=True) == []


def test_oracle_reaches_one_on_every_test_goal(env):
    for index in range(env.test_size):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0 and result.success, result.transcript
        facts = len(env.facts)
        assert result.total_reward == pytest.approx(1.0 + 0.3) and facts >= 4


def test_opening_names_only_the_kind_of_product(env):
    obs, _ = env.reset(options={"task_id": "test-0005"})
    goal = env.goal
    assert "looking for" in obs and goal.query in obs and "Instruction:" not in obs
    assert f"{goal.price_cap:.2f}" not in obs
    assert not any(attribute in obs.split("Shopper:")[1] for attribute in goal.attributes)


def test_concrete_question_elicits_once_with_reward(env):
    env.reset(options={"task_id": "test-0006"})
    question = f"[action] {canonical_question(PRICE, env.kind)}"
    reply, reward, _, _, info = env.step(question)
    assert reward == pytest.approx(0.3 / len(env.facts)) and info["reply_kind"] == "reveal"
    assert info["elicited"] == [PRICE]
    assert f"{env.goal.price_cap:.2f}" in reply and info["feedback_source"] == "user"
    _, reward, _, _, info = env.step(question)
    assert reward == 0.0 and info["reply_kind"] == "repeat"


def test_vague_unheld_and_volunteered_replies_pay_nothing(env):
    for index in range(7, 100):  # a goal that leaves some topic of its kind unheld
        env.reset(options={"task_id": f"test-{index:04d}"})
        unheld = [k for k in topic_lexicons(env.kind) if k not in env.facts]
        if unheld:
            break
    unheld = unheld[0]
    _, reward, _, _, info = env.step("[action] Tell me more?")
    assert reward == 0.0 and info["reply_kind"] == "vague"
    _, reward, _, _, info = env.step(f"[action] {canonical_question(unheld, env.kind)}")
    assert reward == 0.0 and info["reply_kind"] == "no_preference"
    _, reward, _, _, info = env.step("[action] Anything else?")
    assert reward == 0.0 and info["reply_kind"] == "volunteer" and info["elicited"] == []
    assert len(env.volunteered) == 1


def test_one_new_fact_per_question(env):
    env.reset(options={"task_id": "test-0008"})
    everything = " ".join(canonical_question(key, env.kind) for key in env.facts)
    _, reward, _, _, info = env.step(f"[action] {everything}")
    assert reward == pytest.approx(0.3 / len(env.facts)) and len(info["elicited"]) == 1


def test_shopping_actions_still_follow_webshop_rules(env):
    env.reset(options={"task_id": "test-0009"})
    _, _, _, _, info = env.step("click[next >]")
    assert info["action_valid"] is False
    obs, _, _, _, info = env.step(f"search[{env.kind.noun}]")
    assert info["feedback_source"] == "tool" and "Instruction:" not in obs
    _, _, _, _, info = env.step("[action] What size do you need?")
    assert info["feedback_source"] == "user" and env.page.kind == "results"


class BrokenUser(UserSimulator):
    name = "broken"

    def reset(self, seed: int) -> None:
        pass

    def reply(self, turn):
        raise SimulatorError("backend unreachable")


def test_simulator_failure_raises_and_leaves_state_unchanged(cache_dir):
    env = WebShopIntentEnv(BrokenUser(), num_products=300, cache_dir=cache_dir)
    with pytest.raises(SimulatorError):
        env.reset(options={"task_id": "test-0000"})  # the opening needs no reply
        env.step(f"[action] {canonical_question(PRICE, env.kind)}")
    assert env.turn == 0 and env.elicited == set() and env.transcript.turns == []


@pytest.mark.parametrize("persona", ["terse", "verbose", "noisy", "reluctant", "inconsistent"])
def test_every_persona_still_lets_the_oracle_succeed(persona, cache_dir):
    env = WebShopIntentEnv(f"rule:{persona}", num_products=300, cache_dir=cache_dir)
    for index in range(5):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0


def test_questions_are_read_by_the_judging_core(env):
    shampoo = next(k for k in PRODUCT_TYPES if k.noun == "shampoo")
    asked = topics_asked(
        "Don't worry about the budget yet. Which **sizes** do you like?", shampoo, False
    )
    assert asked == [option_key("size")]
    assert topics_asked("Should it be sulfate-free?", shampoo, False) == [
        attribute_key("ingredients")
    ]
    # a strict shopper wants the product named, and one topic per question
    assert topics_asked("Which scent would you like for the hair wash?", shampoo, True) == [
        option_key("scent")
    ]
    assert topics_asked("Which scent and size for the shampoo?", shampoo, True) == []
    env.reset(seed=0, options={"task_id": "test-0001"})
    *_, info = env.step("Sure! [action] What's your budget?")
    assert info["judgment"] == {"kind": "reveal", "keys": [PRICE]}
    assert info["action_valid"] and info["feedback_source"] == "user"
