"""CodingCollab-v0: task families, the lexicon judge, rewards, transitions and the oracle."""

from __future__ import annotations

import json
import subprocess
import sys

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import infopo_envs  # noqa: F401
from infopo_envs.coding.env import extract_code
from infopo_envs.coding.judge import fact_asked_about
from infopo_envs.coding.sandbox import Sandbox, grade
from infopo_envs.coding.tasks import (
    FAMILIES,
    MIN_TESTS,
    expected_for,
    family_names,
    generate_task,
    task_for,
)
from infopo_envs.core import TaskRef, rng_for
from infopo_envs.core.agents import oracle_for, run_episode

ENV_ID = "InfoPO/CodingCollab-v0"


@pytest.fixture(scope="module")
def env():
    return gym.make(ENV_ID)


def test_at_least_forty_families_with_varied_hidden_parameters():
    names = family_names()
    assert len(names) >= 40
    distinct = set()
    for name in names:
        for seed in range(60):
            task = FAMILIES[name](rng_for("variety", name, seed))
            distinct.add((task.reference, repr(task.calls)))
            assert len(task.calls) >= MIN_TESTS, name
            assert task.facts and all(f.keywords and f.phrasings for f in task.facts), name
            assert len(task.facts) < 10, name  # the oracle asks them all within 10 turns
            assert task.signature.startswith(f"def {task.function}("), name
    assert len(distinct) > 700  # about 3600 over 2000 seeds per family


def test_every_canonical_question_is_judged_about_its_own_fact():
    for name in family_names():
        for seed in range(25):
            task = FAMILIES[name](rng_for("judge", name, seed))
            for fact in task.facts:
                assert fact_asked_about(fact.question, task.facts) is fact, (name, fact.key)


def test_judge_ignores_questions_about_nothing():
    task = task_for("test", 0)
    assert fact_asked_about("Hello, how is the weather?", task.facts) is None


def test_task_generation_is_a_pure_function_of_the_task_id():
    for index in range(5):
        first = generate_task(TaskRef("train", index))
        assert generate_task(TaskRef("train", index)) == first
    assert generate_task(TaskRef("train", 1)) != generate_task(TaskRef("test", 1))


def test_every_test_split_reference_passes_its_own_tests_in_the_sandbox():
    # Every fifth task: the oracle test below submits the reference on all 100.
    sandbox = Sandbox()
    for index in range(0, 100, 5):
        task = task_for("test", index)
        report = sandbox.run(task.reference, task.function, list(task.calls))
        verdict = grade(report, list(expected_for("test", index)))
        assert verdict.success, (index, task.family, verdict.statuses)


def test_references_pass_with_the_imports_models_write(env):
    for index in range(0, 100, 10):
        task, _, _ = _start(env, f"test-{index:04d}")
        code = f"from typing import List\nimport json\n\n{task.reference}"
        _, reward, _, _, info = env.step(f"[answer] ```python\n{code}```")
        assert reward == 1.0 and info["success"], (index, info["tests"])


def test_failing_imports_and_exceptions_are_named_in_the_feedback(env):
    task, _, _ = _start(env, "test-0004")
    text, reward, _, _, _ = env.step("[answer] import numpy\n" + task.reference)
    assert reward == 0.0 and "ModuleNotFoundError: No module named 'numpy'" in text
    _start(env, "test-0005")
    code = f"def {task.function}(*args):\n    raise ValueError(repr(args))\n"
    text, *_ = env.step(f"[answer] {code.replace(task.function, env.unwrapped.task.function)}")
    assert "ValueError: " in text
    for call in env.unwrapped.task.calls:
        assert repr(call) not in text


def test_oracle_reaches_pass_one_on_every_test_task(env):
    for index in range(100):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0 and result.success, (index, result.transcript)


def test_check_env(env):
    check_env(env.unwrapped, skip_render_check=False)


def _start(env, task_id="test-0000"):
    obs, info = env.reset(options={"task_id": task_id})
    return env.unwrapped.task, obs, info


def test_opening_shows_signature_and_request_but_no_hidden_part(env):
    task, obs, _ = _start(env)
    assert task.signature in obs and task.request in obs
    assert task.reference not in obs
    assert not any(f.phrasings[0] in obs for f in task.facts)


def test_questions_reveal_repeat_or_do_not_know(env):
    task, _, _ = _start(env)
    fact = task.facts[0]
    _text, reward, terminated, _, info = env.step(f"[action] {fact.question}")
    assert info["reply_kind"] == "reveal" and info["revealed"] == [fact.key]
    assert reward == 0.0 and not terminated and info["feedback_source"] == "user"
    _, _, _, _, info = env.step(f"[action] {fact.question}")
    assert info["reply_kind"] == "repeat" and info["revealed"] == [fact.key]
    _, _, _, _, info = env.step("[action] Do you like jazz?")
    assert info["reply_kind"] == "unknown"


def test_partial_submission_scores_the_fraction_passed(env):
    task, _, _ = _start(env, "test-0001")
    half = task.calls[:5]
    code = (
        f"{task.reference}\n_reference = {task.function}\n\n"
        f"def {task.function}(*args):\n"
        f"    return _reference(*args) if args in {half!r} else ('wrong',)\n"
    )
    _, reward, terminated, _, info = env.step(f"[answer] {code}")
    assert terminated and info["total"] == len(task.calls)
    assert info["tests"][:5] == ["passed"] * 5
    assert "passed" not in info["tests"][5:]
    assert reward == info["outcome"] == pytest.approx(5 / len(task.calls))
    assert info["success"] is False
    assert set(info["tests"]) <= {"passed", "failed", "error", "timeout"}


def test_fenced_code_is_accepted_and_empty_answer_is_invalid(env):
    task, _, _ = _start(env)
    _, _, terminated, _, info = env.step("[answer] ```python\n```")
    assert info["action_valid"] is False and not terminated
    _, reward, terminated, _, info = env.step(f"[answer] Here:\n```py\n{task.reference}```\nDone.")
    assert terminated and reward == 1.0 and info["success"] is True


def test_extract_code_joins_blocks_and_keeps_plain_code():
    assert extract_code("x = 1") == "x = 1"
    assert extract_code("a\n```python\nx = 1\n```\nb\n```\ny = 2\n```") == "x = 1\n\n\ny = 2\n"


def test_no_submission_scores_zero_at_the_turn_limit():
    env = gym.make(ENV_ID, max_turns=2)
    env.reset(options={"task_id": "test-0002"})
    env.step("[action] hi")
    _, _, terminated, truncated, info = env.step("[action] hi again")
    assert truncated and not terminated
    assert info["outcome"] == 0.0 and info["success"] is False


def test_hostile_submission_is_a_clean_failure(env):
    _start(env)
    _, reward, terminated, _, info = env.step("[answer] import os\nos.kill(os.getppid(), 9)\n")
    assert terminated and reward == 0.0
    assert set(info["tests"]) == {"error"}


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(action=st.one_of(st.text(max_size=300), st.binary(max_size=50), st.integers()))
def test_fuzzed_actions_never_crash(action):
    env = gym.make(ENV_ID)
    env.reset(seed=0)
    obs, _reward, terminated, truncated, info = env.step(action)
    assert env.observation_space.contains(obs)
    assert isinstance(terminated, bool) and isinstance(truncated, bool)
    json.dumps(info)


def test_same_seed_same_transcript_in_another_process():
    script = (
        "import json, gymnasium as gym, infopo_envs\n"
        "from infopo_envs.core.agents import oracle_for, run_episode\n"
        f"env = gym.make({ENV_ID!r})\n"
        "r = run_episode(env, oracle_for(env), seed=7)\n"
        "print(json.dumps(r.transcript, sort_keys=True))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1] and json.loads(runs[0])["turns"]
