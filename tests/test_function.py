"""Function-v0: the expression grammar, probing, the test-input refusal, answers, the oracle."""

from __future__ import annotations

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core import rng_for
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.function import FunctionEnv
from infopo_envs.function.env import parse_arguments, parse_number
from infopo_envs.function.tasks import (
    TEST_INPUT_RANGE,
    VARIABLES,
    Apply,
    Const,
    Var,
    dependent_variables,
    draw_task,
    draw_test_input,
    evaluate,
    locally_predictable,
    render,
    split_of_rule,
    stepped_variables,
    task_of,
)

PROBES = [(0, 0, 0, 0), (1, 2, 3, 4), (-3, 7, 0, -1), (10, -10, 5, 5), (-6, -2, -9, 8)]


# ---- the grammar -------------------------------------------------------------------------------
def test_cancelling_terms_depend_on_nothing():
    c, d = Var("c"), Var("d")
    same = Apply("max", (d, c))
    assert dependent_variables(Apply("-", (same, same))) == set()
    assert dependent_variables(Apply("+", (same, Const(1)))) == {"c", "d"}


def test_evaluate_follows_each_operator():
    a, b = Var("a"), Var("b")
    args = {"a": -3, "b": 5, "c": 0, "d": 0}
    assert evaluate(Apply("+", (a, Const(2))), args) == -1
    assert evaluate(Apply("-", (a, b)), args) == -8
    assert evaluate(Apply("*", (a, b)), args) == -15
    assert evaluate(Apply("max", (a, b)), args) == 5
    assert evaluate(Apply("min", (a, b)), args) == -3
    assert evaluate(Apply("abs", (a,)), args) == 3
    assert evaluate(Apply("//", (a, Const(2))), args) == -2  # floor division, as in Python
    assert evaluate(Apply("%", (a, Const(5))), args) == 2
    assert evaluate(Apply("**", (a, Const(3))), args) == -27


def test_render_keeps_precedence():
    a, b, c = Var("a"), Var("b"), Var("c")
    assert render(Apply("-", (a, Apply("-", (b, c))))) == "a - (b - c)"
    assert render(Apply("*", (Apply("+", (a, b)), c))) == "(a + b) * c"
    assert render(Apply("+", (Apply("*", (a, b)), c))) == "a * b + c"
    assert render(Apply("abs", (Apply("-", (a, b)),))) == "abs(a - b)"
    assert render(Apply("*", (a, Apply("%", (b, Const(3)))))) == "a * (b % 3)"
    assert render(Apply("%", (Apply("*", (a, b)), Const(3)))) == "a * b % 3"
    assert render(Apply("**", (Apply("+", (a, b)), Const(2)))) == "(a + b) ** 2"


TASKS = [task_of("test", index) for index in range(100)]


def test_rendered_text_evaluates_to_the_same_values_in_python():
    for function, _, _ in TASKS:
        text = render(function)
        for probe in PROBES:
            args = dict(zip(VARIABLES, probe, strict=True))
            namespace = {"max": max, "min": min, "abs": abs, **args}
            assert eval(text, {"__builtins__": {}}, namespace) == evaluate(function, args), text


def test_rules_use_all_four_arguments_powers_and_remainders_and_vary():
    assert len({render(f) for f, _, _ in TASKS}) == 100
    for function, _, _ in TASKS:
        text = render(function)
        assert dependent_variables(function) == set(VARIABLES), text
        assert stepped_variables(function) == set(VARIABLES), text
        assert "**" in text and "%" in text, text


def test_the_answer_cannot_be_read_off_the_test_inputs_neighbourhood():
    for function, test_input, _ in TASKS:
        assert not locally_predictable(function, test_input), render(function)


def test_a_predictable_point_is_detected():
    a, b, c, d = (Var(name) for name in VARIABLES)
    smooth = Apply("+", (Apply("*", (a, b)), Apply("**", (Apply("+", (c, d)), Const(2)))))
    assert locally_predictable(smooth, (1, 2, 3, 4))  # a polynomial follows from neighbours


def test_train_and_test_rules_come_from_disjoint_shares_of_rule_space():
    assert all(split_of_rule(f) == "test" for f, _, _ in TASKS)
    test_rules = {render(f) for f, _, _ in TASKS}
    for index in range(60):
        function, _ = draw_task(rng_for("Function", "train", index), "train")
        assert split_of_rule(function) == "train" and render(function) not in test_rules


def test_test_and_example_inputs():
    low, high = TEST_INPUT_RANGE
    for index in range(300):
        test_input = draw_test_input(rng_for("inputs", index))
        assert all(low <= v <= high for v in test_input)
    for function, test_input, example in TASKS:
        assert example != test_input
        answer = evaluate(function, dict(zip(VARIABLES, test_input, strict=True)))
        assert evaluate(function, dict(zip(VARIABLES, example, strict=True))) != answer


# ---- parsing -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "expected"),
    [("1 2 3 4", (1, 2, 3, 4)), ("-1, +2, 0, 40", (-1, 2, 0, 40)), ("(5, 6, 7, 8)", (5, 6, 7, 8))],
)
def test_parse_arguments(body, expected):
    assert parse_arguments(body) == expected


@pytest.mark.parametrize("body", ["1 2 3", "1 2 3 4 5", "1 2 x 4", "1.5 2 3 4", "2000000 0 0 0"])
def test_parse_arguments_refuses(body):
    assert isinstance(parse_arguments(body), str)


def test_parse_arguments_refuses_huge_digit_strings_quickly():
    assert isinstance(parse_arguments("9" * 50_000 + " 1 2 3"), str)


@pytest.mark.parametrize(
    ("body", "value"), [("12", 12.0), (" -3.5 ", -3.5), ("1e3", 1000.0), ("x", None)]
)
def test_parse_number(body, value):
    assert parse_number(body) == value


@pytest.mark.parametrize("body", ["nan", "inf", "-infinity", "1" * 100])
def test_parse_number_refuses_non_finite_and_long(body):
    assert parse_number(body) is None


# ---- the env -----------------------------------------------------------------------------------
def make(task_id: str = "test-0000") -> FunctionEnv:
    env = FunctionEnv()
    env.reset(seed=0, options={"task_id": task_id})
    return env


def test_action_returns_the_hidden_function_value():
    env = make()
    for probe in PROBES:
        if probe == env.test_input:
            continue
        text, reward, terminated, _, info = env.step("[action] " + " ".join(map(str, probe)))
        expected = evaluate(env.function, dict(zip(VARIABLES, probe, strict=True)))
        assert text == f"f({', '.join(map(str, probe))}) = {expected}"
        assert (reward, terminated, info["action_valid"]) == (0.0, False, True)
        assert info["feedback_source"] == "env"
    assert info["evaluations"] == len([p for p in PROBES if p != env.test_input])


def test_opening_shows_one_example_that_is_right():
    env = FunctionEnv()
    opening, _ = env.reset(seed=0, options={"task_id": "test-0001"})
    example = next(line for line in opening.splitlines() if line.startswith("For example"))
    call, value = example.removeprefix("For example, ").rstrip(".").split(" = ")
    args = tuple(int(v) for v in call.removeprefix("f(").removesuffix(")").split(", "))
    assert args != env.test_input
    assert int(value) == evaluate(env.function, dict(zip(VARIABLES, args, strict=True)))


def test_evaluating_the_test_input_is_refused_and_changes_nothing():
    env = make()
    text, reward, terminated, _, info = env.step("[action] " + " ".join(map(str, env.test_input)))
    assert not info["action_valid"] and not terminated and reward == 0.0
    assert "test input" in text and info["evaluations"] == 0
    assert str(env.expected_answer) not in text.split("\n")[0]


def test_search_reveals_the_test_input():
    env = make()
    text, _, _, _, info = env.step("[search] test")
    assert info["test_revealed"] and info["action_valid"]
    a, b, c, d = env.test_input
    assert text == f"Test input: a = {a}, b = {b}, c = {c}, d = {d}."
    text, _, _, _, info = env.step("[search] the answer")
    assert not info["action_valid"] and "[search] test" in text


def test_answers_within_tolerance_win():
    env = make()
    _, reward, terminated, _, info = env.step("[answer] not a number")
    assert not info["action_valid"] and info["answers"] == 0 and not terminated
    _, reward, terminated, _, info = env.step(f"[answer] {env.expected_answer + 5e-7}")
    assert (reward, terminated) == (1.0, True)
    assert info["outcome"] == 1.0 and info["success"] is True and info["answers"] == 1


def test_a_wrong_answer_is_final():
    env = make()
    _, reward, terminated, _, info = env.step(f"[answer] {env.expected_answer + 1e-3}")
    assert (reward, terminated, info["answers"], info["action_valid"]) == (0.0, True, 1, True)
    assert info["outcome"] == 0.0 and info["success"] is False


def test_finish_without_an_answer_scores_zero():
    env = make()
    _, reward, terminated, _, info = env.step("[finish]")
    assert terminated and reward == 0.0 and info["outcome"] == 0.0 and info["success"] is False


def test_turn_limit_truncates():
    env = FunctionEnv(max_turns=3)
    env.reset(seed=0, options={"task_id": "test-0002"})
    for _ in range(2):
        assert env.step("[search] test")[3] is False
    _, _, terminated, truncated, info = env.step("[search] test")
    assert truncated and not terminated and info["outcome"] == 0.0


def test_tasks_differ_and_the_test_split_is_fixed():
    env = FunctionEnv()
    seen = set()
    for index in range(100):
        env.reset(options={"task_id": f"test-{index:04d}"})
        seen.add((render(env.function), env.test_input))
    assert len(seen) == 100
    other = FunctionEnv()
    other.reset(seed=123, options={"task_id": "test-0042"})
    env.reset(seed=7, options={"task_id": "test-0042"})
    assert render(env.function) == render(other.function) and env.test_input == other.test_input


def test_oracle_reaches_outcome_one_on_every_test_task():
    env = gym.make("InfoPO/Function-v0")
    for index in range(100):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0 and result.success and result.invalid_actions == 0
