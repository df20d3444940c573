"""TravelIntent: scenario invariants, the traveller's rules, rewards and the oracle."""

from __future__ import annotations

import json

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_envs.core import rng_for
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.travel import TravelIntentEnv
from infopo_envs.travel.scenario import BEST, CORRECT, NOISE, WRONG, generate_scenario
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


def test_vague_and_no_preference_replies_pay_nothing():
    env = make()
    _, reward, _, _, info = env.step("[action] Tell me everything you want.")
    assert (reward, info["reply_kind"]) == (0.0, "vague")
    aspect = first_aspect(env)
    held = {p.kind.name for p in aspect.preferences}
    from infopo_envs.travel.catalogue import KINDS

    free = [k for k in KINDS[aspect.aspect] if k.name not in held]
    if free:
        _, reward, _, _, info = env.step(f"[action] {free[0].question}")
        assert (reward, info["reply_kind"]) == (0.0, "no_preference")


def test_three_unhelpful_questions_make_the_user_volunteer_without_reward():
    env = make()
    for _ in range(2):
        env.step("[action] hmm?")
    _, reward, _, _, info = env.step("[action] anything else?")
    assert info["reply_kind"] == "volunteer" and reward == 0.0
    assert info["elicited"] == []
    assert len(env.volunteered) == 1
    volunteered = next(iter(env.volunteered))
    kind = next(p.kind for a in env.scenario.aspects for p in a.preferences if p.key == volunteered)
    _, reward, *_ = env.step(f"[action] {kind.question}")
    assert reward == 0.0


def test_one_new_preference_per_question():
    env = make()
    aspect = first_aspect(env)
    shotgun = " ".join(p.kind.question for p in aspect.preferences)
    _, reward, _, _, info = env.step(f"[action] {shotgun}")
    assert reward == pytest.approx(0.2) and len(info["elicited"]) == 1


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


@pytest.mark.parametrize("label,expected", [(BEST, 1.0), (CORRECT, 0.8), (WRONG, 0.0)])
def test_booking_scores(label, expected):
    env = make("test-0001")
    aspect = first_aspect(env)
    option = next(o for o in aspect.options if o.label == label)
    _, reward, _, _, info = env.step(f"[answer] {option.option_id}")
    assert reward == expected
    _, _, _, _, info = env.step("[finish]")
    assert info["outcome"] == pytest.approx(expected / len(env.scenario.aspects))


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
    from infopo_envs.travel.judge import kinds_asked_about

    loose = kinds_asked_about("What is your budget?", ["hotel"], strict=False)
    strict = kinds_asked_about("What is your budget?", ["hotel"], strict=True)
    named = kinds_asked_about("What is your budget for the hotel?", ["hotel"], strict=True)
    assert [k.key for k in loose] == ["hotel.price"]
    assert strict == [] and [k.key for k in named] == ["hotel.price"]
    both = kinds_asked_about("What is your budget?", ["hotel", "car"], strict=False)
    assert both == []  # ambiguous between two aspects: too vague


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
