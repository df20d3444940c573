"""TravelIntent: scenario invariants, the traveller's rules, rewards and the oracle."""

from __future__ import annotations

import json

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_envs.core import rng_for
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.travel import TravelIntentEnv
from infopo_envs.travel.tasks import BEST, CORRECT, NOISE, WRONG, generate_scenario
from simulators import SimulatorError, UserSimulator


def make(task_id="test-0000", **kwargs) -> TravelIntentEnv:
    env = TravelIntentEnv(**kwargs)
    env.reset(options={"task_id": task_id})
    return env


def first_aspect(env):
    return env.scenario.aspects[0]


def test_oracle_reaches_one_on_every_test_task():
    env = gym.make("InfoPO/TravelIntent-v0")
    outcomes = [
        run_episode(env, oracle_for(env), options={"task_id": f"test-{i:04d}"}).outcome
        for i in range(env.unwrapped.test_size)
    ]
    assert outcomes == [1.0] * 100


@pytest.mark.parametrize("seed", range(40))
def test_scenario_pools_are_well_formed(seed):
    scenario = generate_scenario(rng_for("scenario-test", seed))
    assert 1 <= len(scenario.aspects) <= 4
    for aspect in scenario.aspects:
        assert 2 <= len(aspect.preferences) <= 4
        labels = [o.label for o in aspect.options]
        assert labels.count(BEST) == 1 and 1 <= labels.count(CORRECT) <= 3
        assert labels.count(WRONG) <= 10 and labels.count(NOISE) <= 5
        assert len({o.price for o in aspect.options}) == len(aspect.options)
        prefs = aspect.preferences
        for option in aspect.options:
            fits = all(p.kind.satisfies(_attr(option, p.kind.name), p.value) for p in prefs)
            if option.label in (BEST, CORRECT):
                assert fits and option.location == scenario.destination
            if option.label == WRONG:
                assert not fits
            if option.label == NOISE:
                assert option.location != scenario.destination
        best = aspect.best
        assert all(best.price < o.price for o in aspect.options if o.label == CORRECT)


def _attr(option, name):
    return option.price if name == "price" else option.attributes[name]


def test_train_and_test_tasks_differ():
    test_openings = {make(f"test-{i:04d}").scenario.opening_request() for i in range(100)}
    train_openings = {make(f"train-{i:04d}").scenario.opening_request() for i in range(100)}
    assert not test_openings & train_openings


def test_concrete_question_elicits_once_with_reward():
    env = make()
    aspect = first_aspect(env)
    pref = aspect.preferences[0]
    _, reward, _, _, info = env.step(f"[action] {pref.kind.question}")
    assert reward == pytest.approx(0.2)
    assert info["elicited"] == [pref.key] and info["reply_kind"] == "reveal"
    _, reward, _, _, info = env.step(f"[action] {pref.kind.question}")
    assert reward == 0.0 and info["reply_kind"] == "repeat"


VAGUE = {"kind": "vague", "keys": []}


def test_vague_and_no_preference_replies_pay_nothing():
    env = make()
    _, reward, _, _, info = env.step("[action] Tell me everything you want.")
    assert (reward, info["reply_kind"]) == (0.0, "vague")
    aspect = first_aspect(env)
    held = {p.kind.name for p in aspect.preferences}
    from infopo_envs.travel.aspects import KINDS

    free = [k for k in KINDS[aspect.aspect] if k.name not in held]
    if free:
        _, reward, _, _, info = env.step(f"[action] {free[0].question}")
        assert (reward, info["reply_kind"]) == (0.0, "no_preference")


def _task_with_a_big_aspect():
    """A test task with an aspect of at least 3 preferences (volunteering is possible there)."""
    for index in range(100):
        env = make(f"test-{index:04d}")
        big = [a for a in env.scenario.aspects if len(a.preferences) >= 3]
        if len(env.scenario.aspects) == 1 and big:
            return env, big[0]
    raise AssertionError("no single-aspect test task with 3 preferences")


def test_three_concrete_unhelpful_questions_make_the_user_volunteer_without_reward():
    env, aspect = _task_with_a_big_aspect()
    question = aspect.preferences[0].kind.question
    env.step(f"[action] {question}")
    for _ in range(2):
        _, _, _, _, info = env.step(f"[action] {question}")
        assert info["reply_kind"] == "repeat"
    _, reward, _, _, info = env.step(f"[action] {question}")
    assert info["reply_kind"] == "volunteer" and reward == 0.0
    assert info["elicited"] == [aspect.preferences[0].key]
    assert len(env.volunteered) == 1
    volunteered = next(iter(env.volunteered))
    assert info["judgment"] == {"kind": "volunteer", "keys": [volunteered]}
    kind = next(p.kind for p in aspect.preferences if p.key == volunteered)
    _, reward, *_ = env.step(f"[action] {kind.question}")
    assert reward == 0.0


def test_vague_questions_never_make_the_user_volunteer():
    env, _ = _task_with_a_big_aspect()
    for _ in range(12):
        _, reward, _, _, info = env.step("[action] Can you tell me more about what you want?")
        assert (reward, info["reply_kind"], info["judgment"]) == (0.0, "vague", VAGUE)
    assert env.volunteered == set()


def test_volunteering_never_gives_away_most_of_an_aspect():
    for index in range(30):
        env = make(f"test-{index:04d}")
        question = env.scenario.aspects[0].preferences[0].kind.question
        for _ in range(25):
            env.step(f"[action] {question}")
        for aspect in env.scenario.aspects:
            given = sum(p.key in env.volunteered for p in aspect.preferences)
            assert given <= (len(aspect.preferences) - 1) // 2


def test_one_new_preference_per_question():
    env = make()
    aspect = first_aspect(env)
    shotgun = " ".join(p.kind.question for p in aspect.preferences[:3])
    _, reward, _, _, info = env.step(f"[action] {shotgun}")
    assert reward == pytest.approx(0.2) and len(info["elicited"]) == 1


def test_a_message_listing_more_than_three_topics_is_too_vague():
    from infopo_envs.travel.aspects import KINDS

    env = make()
    everything = " ".join(k.question for a in env.scenario.aspects for k in KINDS[a.aspect])
    _, reward, _, _, info = env.step(f"[action] {everything}")
    assert (reward, info["judgment"]) == (0.0, VAGUE) and info["elicited"] == []


def test_search_rewards_first_correct_search_only():
    env = make()
    aspect = first_aspect(env)
    request = json.dumps(aspect.request)
    obs, reward, *_ = env.step(f"[search] {request}")
    assert reward == pytest.approx(0.2)
    assert all(o.option_id in obs for o in aspect.options)
    _, reward, *_ = env.step(f"[search] {request}")
    assert reward == 0.0
    wrong = dict(aspect.request, **{next(k for k in aspect.request if k != "aspect"): "nowhere"})
    obs, reward, _, _, info = env.step(f"[search] {json.dumps(wrong)}")
    assert reward == 0.0 and info["action_valid"] and obs.startswith("No ")


def ask_everything(env, aspect):
    for pref in aspect.preferences:
        env.step(f"[action] {pref.kind.question}")


@pytest.mark.parametrize("label,expected", [(BEST, 1.0), (CORRECT, 0.8), (WRONG, 0.0)])
def test_booking_scores(label, expected):
    env = make("test-0001")
    aspect = first_aspect(env)
    ask_everything(env, aspect)
    option = next(o for o in aspect.options if o.label == label)
    _, reward, _, _, info = env.step(f"[answer] {option.option_id}")
    assert reward == expected
    _, _, _, _, info = env.step("[finish]")
    assert info["outcome"] == pytest.approx(expected / len(env.scenario.aspects))


def test_booking_before_every_preference_is_known_scores_nothing():
    env = make("test-0001")
    aspect = first_aspect(env)
    for pref in aspect.preferences[:-1]:
        env.step(f"[action] {pref.kind.question}")
    _, reward, _, _, info = env.step(f"[answer] {aspect.best.option_id}")
    assert reward == 0.0 and info["booked"] == {aspect.aspect: aspect.best.option_id}
    _, _, _, _, info = env.step("[finish]")
    assert info["outcome"] == 0.0 and info["success"] is False


def test_booking_twice_or_unknown_id_is_invalid_and_changes_nothing():
    env = next(
        env for env in (make(f"test-{i:04d}") for i in range(100)) if len(env.scenario.aspects) > 1
    )
    aspect = first_aspect(env)
    env.step(f"[answer] {aspect.best.option_id}")
    booked = dict(env.booked)
    _, reward, _, _, info = env.step(f"[answer] {aspect.options[-1].option_id}")
    assert not info["action_valid"] and reward == 0.0 and env.booked == booked
    _, _, _, _, info = env.step("[answer] Q99")
    assert not info["action_valid"] and env.booked == booked


def test_turn_limit_truncates_with_outcome():
    env = TravelIntentEnv(max_turns=2)
    env.reset(seed=0)
    env.step("[action] hi")
    _, _, terminated, truncated, info = env.step("[action] hi")
    assert (terminated, truncated) == (False, True)
    assert info["outcome"] == 0.0 and info["success"] is False


def test_reluctant_user_needs_the_aspect_named():
    from infopo_envs.travel.judge import judge_question

    loose = judge_question("What is your budget?", ["hotel"], strict=False)
    strict = judge_question("What is your budget?", ["hotel"], strict=True)
    named = judge_question("What is your budget for the hotel?", ["hotel"], strict=True)
    assert loose.keys == ("hotel.price",)
    assert strict.keys == () and named.keys == ("hotel.price",)
    both = judge_question("What is your budget?", ["hotel", "car"], strict=False)
    assert both.keys == ()  # ambiguous between two aspects: too vague
    two = judge_question("What budget and rating for the hotel?", ["hotel"], strict=True)
    assert two.keys == ()  # a strict user takes one topic at a time


@pytest.mark.parametrize(
    ("question", "aspects", "keys"),
    [
        ("How can I help?", ["hotel", "car", "flight"], ()),
        ("What kind of place would you like to stay in?", ["hotel", "car"], ()),
        ("Would you like something fancy?", ["restaurant", "hotel"], ()),
        ("Window or aisle seat?", ["flight"], ()),
        (
            "How much are you willing to spend per night on accommodation?",
            ["hotel", "car"],
            ("hotel.price",),
        ),
        ("How fancy should the restaurant be?", ["restaurant"], ("restaurant.price_level",)),
        ("What kind of car would you like?", ["car", "restaurant"], ("car.car_class",)),
        ("Don't worry about the budget yet. Which area for the hotel?", ["hotel"], ("hotel.area",)),
    ],
)
def test_wrong_topic_traps(question, aspects, keys):
    from infopo_envs.travel.judge import judge_question

    assert judge_question(question, aspects, strict=False).keys == keys


class BrokenUser(UserSimulator):
    """A simulator whose backend always fails, as an unreachable endpoint would."""

    name = "broken"

    def reset(self, seed):
        pass

    def reply(self, turn):
        raise SimulatorError("backend unreachable")


def test_simulator_failure_raises_and_leaves_state_unchanged():
    env = TravelIntentEnv(simulator=BrokenUser())
    env.reset(options={"task_id": "test-0002"})
    aspect = first_aspect(env)
    with pytest.raises(SimulatorError):
        env.step(f"[action] {aspect.preferences[0].kind.question}")
    assert env.turn == 0 and env.elicited == set() and env.transcript.turns == []
    assert len(env.user.history) == 1


def test_every_persona_still_lets_the_oracle_succeed():
    from simulators import PERSONAS

    for persona in PERSONAS:
        env = gym.make("InfoPO/TravelIntent-v0", simulator=f"rule:{persona}")
        for index in range(0, 100, 10):
            result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
            assert result.outcome == 1.0, persona


def test_bad_simulator_spec_fails_at_make_time():
    with pytest.raises(ValueError, match="persona"):
        gym.make("InfoPO/TravelIntent-v0", simulator="rule:grumpy")
    with pytest.raises(ValueError, match="scheme"):
        gym.make("InfoPO/TravelIntent-v0", simulator="carrier-pigeon")
