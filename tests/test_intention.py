"""Intention-v0: catalogue, lexicon judge, reward rule, transitions, oracle."""

from __future__ import annotations

import gymnasium as gym
import pytest
from pydantic import ValidationError

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core import TaskRef, rng_for
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.intention import IntentionEnv
from infopo_envs.intention.judge import coverage, details_asked_about, question_reward
from infopo_envs.intention.requests import DETAIL_KINDS, TEMPLATES, TemplateData
from infopo_envs.intention.tasks import MAX_MISSING, MIN_MISSING, generate_task, task_for
from simulators import SimulatorError, UserSimulator

VAGUE = "Can you tell me more about what you want?"


# ---- catalogue ---------------------------------------------------------------------------------
def test_catalogue_is_large_enough_and_well_formed():
    assert len(TEMPLATES) >= 60
    assert len(DETAIL_KINDS) >= 300
    assert len({kind.key for kind in DETAIL_KINDS}) == len(DETAIL_KINDS)
    for template in TEMPLATES:
        assert len(template.details) >= MAX_MISSING, template.name
        for kind in template.details:
            assert kind.importance in (1, 2, 3)
            assert len(kind.values) >= 2 and len(set(kind.values)) == len(kind.values)
            assert len(kind.implicit) == len(kind.values)
            assert kind.keywords and kind.question.endswith("?")
            for value in kind.values:
                assert all(p.strip() for p in kind.phrasings(value))
    assert {kind.importance for kind in DETAIL_KINDS} == {1, 2, 3}


def test_every_canonical_question_covers_exactly_its_own_detail():
    for template in TEMPLATES:
        for kind in template.details:
            asked = details_asked_about(kind.question, template)
            assert [k.name for k in asked] == [kind.name], (template.name, kind.question)


def test_a_vague_question_covers_nothing_in_any_template():
    for template in TEMPLATES:
        assert details_asked_about(VAGUE, template) == []


def test_keywords_match_whole_words_and_plurals():
    template = next(t for t in TEMPLATES if t.name == "birthday_party")
    assert [k.name for k in details_asked_about("How many GUESTS?", template)] == ["guests"]
    assert details_asked_about("Any guesthouse nearby?", template) == []


def detail_data(**changes):
    detail = {"name": "x", "label": "x", "importance": 2, "keywords": ["x"], "question": "X?"}
    return {**detail, "values": {"a": "A.", "b": "B."}, **changes}


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ([detail_data(importance=4)], "importance"),
        ([detail_data(values={"a": "A."})], "at least 2"),
        ([detail_data(keywords=["Budget"])], "lower case"),
        ([detail_data(), detail_data()], "duplicate detail names"),
    ],
)
def test_catalogue_data_is_validated(details, message):
    with pytest.raises(ValidationError, match=message):
        TemplateData.model_validate({"name": "bad", "request": "do it", "details": details})


# ---- the reward rule ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("importance", "asked", "reward"),
    [
        (None, 0, 0.0),
        (None, 2, 0.0),  # asked about details already covered: nothing new
        (3, 1, 1.0),
        (2, 1, 0.7),
        (1, 1, 0.4),
        (3, 2, 0.8),  # the covered detail counts, minus 0.2 for the other one asked about
        (1, 2, 0.2),
        (2, 3, 0.3),
        (1, 3, 0.0),  # floored at 0
    ],
)
def test_question_reward(importance, asked, reward):
    assert question_reward(importance, asked) == pytest.approx(reward, abs=1e-12)


def test_details_come_in_the_order_the_question_asks_them():
    template = next(t for t in TEMPLATES if t.name == "birthday_party")
    asked = details_asked_about("What's the budget, and how many guests?", template)
    assert [k.name for k in asked] == ["budget", "guests"]


def test_coverage_is_importance_weighted():
    assert coverage([3, 1], [3, 2, 1]) == pytest.approx(4 / 6)
    assert coverage([], [3, 2]) == 0.0
    assert coverage([2, 3], [3, 2]) == 1.0


# ---- scenarios ----------------------------------------------------------------------------------
def test_tasks_are_deterministic_and_within_bounds():
    for index in range(200):
        task = generate_task(rng_for("Intention", "test", index))
        again = generate_task(rng_for("Intention", "test", index))
        assert task == again
        assert MIN_MISSING <= len(task.missing) <= MAX_MISSING
        names = [d.name for d in task.missing]
        assert len(set(names)) == len(names)
        for detail in task.missing:
            assert detail.value in detail.kind.values
            assert detail.kind in task.template.details
        assert task.template.request in task.opening


def test_test_split_covers_many_templates():
    templates = {generate_task(rng_for("Intention", "test", i)).template.name for i in range(100)}
    assert len(templates) >= 40


# ---- transitions and rewards in the env ----------------------------------------------------------
def make(task_id: str = "test-0000", **kwargs) -> tuple[IntentionEnv, str]:
    env = IntentionEnv(**kwargs)
    observation, _ = env.reset(seed=0, options={"task_id": task_id})
    return env, observation


def find_task(predicate) -> str:
    for index in range(100):
        ref = TaskRef("test", index)
        if predicate(generate_task(rng_for("Intention", ref.split, ref.index))):
            return ref.task_id
    raise AssertionError("no test task fits")


def test_opening_holds_the_request_and_the_grammar():
    env, observation = make()
    assert env.task.opening in observation
    assert "[answer] <summary>" in observation and "[finish]" in observation


def test_focused_question_earns_the_importance_reward():
    env, _ = make()
    for detail in env.task.missing[:-1]:
        _, reward, terminated, _, info = env.step(f"[action] {detail.kind.question}")
        assert reward == pytest.approx({3: 1.0, 2: 0.7, 1: 0.4}[detail.kind.importance])
        assert info["newly_covered"] == [detail.name] and info["reply_kind"] == "reveal"
        assert not terminated


def test_two_details_in_one_question_cover_only_the_first_and_pay_minus_0_2():
    task_id = find_task(lambda t: len({d.kind.importance for d in t.missing}) > 1)
    env, _ = make(task_id)
    low, high = sorted(env.task.missing, key=lambda d: d.kind.importance)[-2:]
    _, reward, _, _, info = env.step(f"[action] {low.kind.question} {high.kind.question}")
    assert reward == pytest.approx({3: 1.0, 2: 0.7, 1: 0.4}[low.kind.importance] - 0.2)
    assert info["newly_covered"] == [low.name] and info["covered"] == [low.name]
    assert info["judgment"] == {"kind": "reveal", "keys": [low.name]}
    # the same double question again elicits the other detail, not both at once
    _, _, _, _, info = env.step(f"[action] {low.kind.question} {high.kind.question}")
    assert info["newly_covered"] == [high.name]


def test_a_list_of_questions_covers_nothing_however_often_it_is_sent():
    env, _ = make()
    message = " ".join(kind.question for kind in env.task.template.details)
    for _ in range(3):
        _, reward, terminated, _, info = env.step(f"[action] {message}")
        assert (reward, terminated, info["covered"]) == (0.0, False, [])
        assert info["judgment"] == {"kind": "vague", "keys": []}
    _, _, terminated, _, info = env.step("[finish]")
    assert terminated and info["outcome"] == 0.0


def test_reluctant_user_treats_a_double_question_as_vague():
    env, _ = make(simulator="rule:reluctant")
    first, second = env.task.missing[:2]
    _, reward, _, _, info = env.step(f"[action] {first.kind.question} {second.kind.question}")
    assert reward == 0.0 and info["reply_kind"] == "vague" and info["covered"] == []
    _, reward, _, _, info = env.step(f"[action] {first.kind.question}")
    assert reward > 0 and info["covered"] == [first.name]


def test_repeat_no_preference_and_vague_questions_earn_nothing():
    task_id = find_task(lambda t: len(t.missing) < len(t.template.details))
    env, _ = make(task_id)
    detail = env.task.missing[0]
    env.step(f"[action] {detail.kind.question}")
    _, reward, _, _, info = env.step(f"[action] {detail.kind.question}")
    assert (reward, info["reply_kind"], info["newly_covered"]) == (0.0, "repeat", [])
    held = {d.name for d in env.task.missing}
    other = next(k for k in env.task.template.details if k.name not in held)
    _, reward, _, _, info = env.step(f"[action] {other.question}")
    assert (reward, info["reply_kind"]) == (0.0, "no_preference")
    _, reward, _, _, info = env.step(f"[action] {VAGUE}")
    assert (reward, info["reply_kind"]) == (0.0, "vague")


def test_covering_every_detail_ends_the_episode_with_outcome_one():
    env, _ = make()
    rewards = []
    for detail in env.task.missing:
        _, reward, terminated, truncated, info = env.step(f"[action] {detail.kind.question}")
        rewards.append(reward)
    assert terminated and not truncated
    assert info["outcome"] == 1.0 and info["success"] is True
    assert sum(rewards) == pytest.approx(
        sum({3: 1.0, 2: 0.7, 1: 0.4}[d.kind.importance] for d in env.task.missing)
    )


def test_answer_ends_with_partial_weighted_coverage():
    env, _ = make()
    detail = env.task.missing[0]
    env.step(f"[action] {detail.kind.question}")
    text, reward, terminated, _, info = env.step("[answer] I'll plan it with what you told me.")
    assert terminated and reward == 0.0 and info["feedback_source"] == "user"
    assert info["outcome"] == pytest.approx(detail.kind.importance / env.task.total_importance)
    assert info["success"] is False
    assert text.strip()


def test_finish_and_invalid_actions():
    env, _ = make()
    text, reward, terminated, _, info = env.step("what is your budget")
    assert not info["action_valid"] and not terminated and reward == 0.0
    assert "starts with a tag" in text and info["covered"] == []
    _, _, terminated, _, info = env.step("[action]")
    assert not info["action_valid"] and not terminated
    _, _, terminated, _, info = env.step("[finish]")
    assert terminated and info["outcome"] == 0.0 and info["feedback_source"] == "env"


def test_role_and_hidden_profile_describe_the_missing_details():
    env, _ = make()
    role, hidden = env.user.role, env.user.hidden
    assert env.task.opening in role
    for detail in env.task.missing:
        assert detail.kind.label in role and detail.value in role
        assert hidden["details"][detail.name] == detail.value
    assert hidden["request"] == env.task.template.name


class FailingUser(UserSimulator):
    """A simulator whose endpoint is down."""

    name = "failing"

    def reset(self, seed):
        pass

    def reply(self, turn):
        raise SimulatorError("endpoint unreachable")


def test_simulator_failure_raises_and_leaves_state_unchanged():
    env, _ = make(simulator=FailingUser())
    detail = env.task.missing[0]
    with pytest.raises(SimulatorError):
        env.step(f"[action] {detail.kind.question}")
    assert env.covered == [] and env.turn == 0 and env.transcript.turns == []


# ---- the oracle -------------------------------------------------------------------------------
@pytest.mark.parametrize("simulator", ["rule", "rule:reluctant", "rule:noisy"])
def test_oracle_reaches_outcome_one_on_every_test_task(simulator):
    env = gym.make("InfoPO/Intention-v0", simulator=simulator)
    for index in range(100):
        result = run_episode(
            env, oracle_for(env), seed=index, options={"task_id": f"test-{index:04d}"}
        )
        assert result.outcome == 1.0 and result.success and result.terminated, result.task_id
        assert result.invalid_actions == 0


# ---- reading questions the way language models write them ------------------------------------
@pytest.mark.parametrize(
    ("template", "question", "expected"),
    [
        ("fundraiser", "How can I help?", []),
        ("fundraiser", "Hi! How can I help you today?", []),
        ("fundraiser", "How much money are you hoping to collect?", ["goal"]),
        ("fundraiser", "How many people have volunteered?", ["volunteers"]),
        ("savings_plan", "What are you saving up for?", ["goal"]),
        ("birthday_gift", "Do you want it gift-wrapped?", ["wrapping"]),
        ("buy_car", "Will you mostly be commuting with it?", ["use"]),
        ("buy_car", "**Budget:** what price range should I stay within?", ["budget"]),
        ("buy_car", "Let's not worry about the budget yet. What will you use it for?", ["use"]),
        ("buy_car", "Don't worry about the price for now.", []),
    ],
)
def test_questions_are_read_by_lemma_with_negation_and_traps(template, question, expected):
    kinds = details_asked_about(question, next(t for t in TEMPLATES if t.name == template))
    assert [kind.name for kind in kinds] == expected


def test_train_tasks_never_repeat_a_test_task():
    test = {task_for(TaskRef("test", i)).content for i in range(100)}
    train = [task_for(TaskRef("train", i)) for i in range(10_000)]
    assert not {task.content for task in train} & test
    # only the rare collisions are redrawn: every other train task is its seed's first draw
    first = [generate_task(rng_for("Intention", "train", i)) for i in range(2_000)]
    assert sum(a != b for a, b in zip(first, train[:2_000], strict=True)) <= 5
