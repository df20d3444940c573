"""InfoPO/Telepathy-v0: the oracle, rewards, guesses, candidate bookkeeping and the simulator."""

from __future__ import annotations

import math

import gymnasium as gym
import numpy as np
import pytest

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.telepathy.env import GUESS_IN_QUESTION, UNMAPPED, entity_split
from infopo_envs.telepathy.judge import parse_question
from infopo_envs.telepathy.knowledge import knowledge_base
from simulators import SimulatorError, UserSimulator

ENV_ID = "InfoPO/Telepathy-v0"


def make(task_id: str = "test-0000", **kwargs):
    env = gym.make(ENV_ID, **kwargs)
    obs, info = env.reset(seed=0, options={"task_id": task_id})
    return env, env.unwrapped, obs, info


def test_oracle_solves_every_test_task_within_the_turn_limit():
    env = gym.make(ENV_ID)
    turns = []
    for index in range(env.unwrapped.test_size):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0 and result.success, index
        assert result.total_reward == 1.0 and result.invalid_actions == 0
        turns.append(result.turns)
    assert max(turns) <= env.unwrapped.max_turns
    # the halving strategy needs about log2(700) ~ 9.5 questions on average
    assert np.mean(turns) < 12


def test_correct_guess_rewards_one_and_ends_the_episode():
    env, base, obs, info = make()
    name = base.entity.name
    assert info["candidates_remaining"] == len(knowledge_base())
    obs, reward, terminated, truncated, info = env.step(f"[answer] The {name.upper()}!")
    assert (reward, terminated, truncated) == (1.0, True, False)
    assert info["outcome"] == 1.0 and info["success"] is True
    assert info["reply"] == "correct_guess" and info["entity"] == name
    assert name in obs and obs.startswith("Yes!")


def test_a_synonym_is_a_correct_guess():
    env, base, *_ = make()
    for index in range(base.test_size):
        _, base, *_ = make(f"test-{index:04d}")
        if base.entity.synonyms:
            break
    _, reward, terminated, *_ = env.step(f"[answer] {base.entity.synonyms[0]}")
    assert reward == 1.0 and terminated


def test_a_wrong_final_guess_ends_the_game_with_outcome_zero():
    env, base, obs, info = make()
    assert info["guesses_left"] == 1 and "one guess" in obs
    other = next(e for e in knowledge_base() if e.name != base.entity.name)
    obs, reward, terminated, _truncated, info = env.step(f"[answer] {other.name}")
    assert (reward, terminated) == (0.0, True)
    assert info["reply"] == "wrong_guess" and info["guesses_left"] == 0
    assert info["outcome"] == 0.0 and info["success"] is False
    assert obs.startswith("No") and "last guess" in obs


def test_with_several_guesses_a_wrong_one_costs_a_guess_and_the_game_goes_on():
    env, base, *_ = make(max_guesses=3)
    other = next(e for e in knowledge_base() if e.name != base.entity.name)
    obs, reward, terminated, _truncated, info = env.step(f"[answer] {other.name}")
    assert (reward, terminated) == (0.0, False)
    assert info["action_valid"] and info["reply"] == "wrong_guess"
    assert info["guesses_left"] == 2
    assert info["candidates_remaining"] == len(knowledge_base()) - 1
    assert info["bits_gained"] == pytest.approx(
        math.log2(len(knowledge_base()) / (len(knowledge_base()) - 1)), abs=1e-6
    )
    assert obs.startswith("No")
    _, reward, terminated, *_ = env.step("[answer] unicorn")
    assert (reward, terminated) == (0.0, False)
    _, reward, terminated, _, info = env.step("[answer] unicorn")
    assert (reward, terminated) == (0.0, True) and info["outcome"] == 0.0


@pytest.mark.parametrize("question", ["Is it a giraffe?", "Are you thinking of puppies?"])
def test_a_question_that_names_a_thing_is_refused_as_a_guess(question):
    env, *_ = make()
    obs, reward, terminated, _, info = env.step(f"[action] {question}")
    assert obs == GUESS_IN_QUESTION and (reward, terminated) == (0.0, False)
    assert info["action_valid"] and info["reply"] == "guess_question"
    assert info["bits_gained"] == 0.0 and info["guesses_left"] == 1
    assert info["candidates_remaining"] == len(knowledge_base())


def test_max_guesses_must_be_positive():
    with pytest.raises(ValueError, match="max_guesses"):
        gym.make(ENV_ID, max_guesses=0)


def test_answers_narrow_the_candidates_and_report_bits():
    env, base, *_ = make("test-0007")
    question = "Is it an animal?"
    truth = parse_question(question).answer(base.entity)
    agree = sum(parse_question(question).answer(e) == truth for e in knowledge_base())
    obs, reward, _, _, info = env.step(f"[action] {question}")
    assert reward == 0.0 and info["feedback_source"] == "user"
    assert obs == {"yes": "Yes.", "no": "No.", "maybe": "Maybe."}[truth]
    assert info["reply"] == truth
    assert info["candidates_remaining"] == agree
    assert info["bits_gained"] == pytest.approx(math.log2(len(knowledge_base()) / agree), abs=1e-6)
    # asking again gains nothing
    _, _, _, _, info = env.step(f"[action] {question}")
    assert info["candidates_remaining"] == agree and info["bits_gained"] == 0.0


def test_maybe_is_answered_for_values_that_vary():
    for index in range(100):
        env, base, *_ = make(f"test-{index:04d}")
        if base.entity["colour"] == "varies":
            obs, *_ = env.step("[action] Is it red?")
            assert obs == "Maybe."
            return
    pytest.fail("no test entity with a varying colour")


def test_unmapped_questions_are_valid_but_uninformative():
    env, _base, *_ = make()
    for question in ("What colour is it?", "hello", "Tell me a story."):
        obs, reward, terminated, _, info = env.step(f"[action] {question}")
        assert obs == UNMAPPED
        assert info["action_valid"] and not terminated and reward == 0.0
        assert info["reply"] == "unmapped" and info["bits_gained"] == 0.0
        assert info["candidates_remaining"] == len(knowledge_base())


@pytest.mark.parametrize("action", ["[finish]", "Is it red?", "[answer]", "[action] " + "x" * 400])
def test_invalid_actions_change_nothing(action):
    env, _base, *_ = make()
    _obs, reward, terminated, _, info = env.step(action)
    assert info["action_valid"] is False and reward == 0.0 and not terminated
    assert info["feedback_source"] == "env" and info["bits_gained"] == 0.0
    assert info["candidates_remaining"] == len(knowledge_base())


def test_truncation_without_the_right_guess_scores_zero():
    env = gym.make(ENV_ID, max_turns=3)
    env.reset(options={"task_id": "test-0001"})
    for _ in range(3):
        _, _, terminated, truncated, info = env.step("[action] Is it alive?")
    assert truncated and not terminated
    assert info["outcome"] == 0.0 and info["success"] is False


def test_test_entities_are_distinct_and_never_used_by_train_tasks():
    test_pool, train_pool = entity_split(100)
    assert len(set(test_pool.tolist())) == 100
    assert not set(test_pool.tolist()) & set(train_pool.tolist())
    env = gym.make(ENV_ID).unwrapped
    test_entities = {
        env.reset(options={"task_id": f"test-{i:04d}"})[0] and env.entity_index for i in range(100)
    }
    assert test_entities == set(test_pool.tolist())
    for index in range(0, 20_000, 97):
        env.reset(options={"task_id": f"train-{index}"})
        assert env.entity_index not in test_entities


def test_role_and_hidden_state_for_llm_simulators():
    _, base, *_ = make()
    assert base.entity.name in base.user.role
    assert "Yes, No or Maybe" in base.user.role and UNMAPPED in base.user.role
    assert base.user.hidden == {"entity": base.entity.name, "attributes": base.entity.attributes}


def test_the_answer_survives_every_rule_based_persona():
    expected = None
    for persona in ("cooperative", "terse", "verbose", "noisy", "reluctant", "inconsistent"):
        env, base, *_ = make(simulator=f"rule:{persona}")
        expected = {"yes": "Yes.", "no": "No.", "maybe": "Maybe."}[
            parse_question("Is it a building?").answer(base.entity)
        ]
        obs, *_ = env.step("[action] Is it a building?")
        first = obs.split()[0]
        if persona == "noisy":  # typos swap letters, so compare the letters
            assert sorted(first) == sorted(expected), obs
        else:
            assert first == expected, (persona, obs)


class FailingUser(UserSimulator):
    name = "failing"

    def reset(self, seed):
        pass

    def reply(self, turn):
        raise SimulatorError("endpoint down")


def test_a_failing_simulator_raises_and_leaves_the_env_unchanged():
    env = gym.make(ENV_ID, simulator=FailingUser())
    env.reset(options={"task_id": "test-0002"})
    base = env.unwrapped
    with pytest.raises(SimulatorError):
        env.step("[action] Is it an animal?")
    with pytest.raises(SimulatorError):
        env.step(f"[answer] {base.entity.name}")
    assert base.turn == 0 and len(base.candidates) == len(knowledge_base())
    assert not base.solved
