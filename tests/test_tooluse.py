"""Tool-use envs (retail, airline, telecom): no-op, schemas, calls, budget, dual control.

The oracle's 1.0 on every test task is asserted in ``test_redteam_tooluse.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import gymnasium as gym
import jsonschema
import pytest

import infopo_envs  # noqa: F401
from infopo_agent.metrics import pass_hat_k
from infopo_envs.tooluse import AirlineEnv, RetailEnv, TelecomEnv
from infopo_envs.tooluse.core import (
    ToolCall,
    ToolError,
    ToolRegistry,
    parse_call,
    state_hash,
    tool_from_function,
)
from infopo_envs.tooluse.core.calls import CallFormatError
from infopo_envs.tooluse.core.oracle import Oracle

ROOT = str(Path(__file__).resolve().parents[1])
ENV_IDS = ["InfoPO/ToolUse-Retail-v0", "InfoPO/ToolUse-Airline-v0", "InfoPO/ToolUse-Telecom-v0"]
CLASSES = {"Retail": RetailEnv, "Airline": AirlineEnv, "Telecom": TelecomEnv}


@pytest.fixture(params=ENV_IDS)
def env(request):
    return gym.make(request.param)


def _test_ids(env) -> list[str]:
    return [f"test-{i:04d}" for i in range(env.unwrapped.test_size)]


def test_doing_nothing_scores_zero_on_every_task(env):
    for task_id in _test_ids(env):
        env.reset(options={"task_id": task_id})
        _, reward, terminated, _, info = env.step("[action] Goodbye!")
        assert terminated and info["outcome"] == 0.0 and reward == 0.0, task_id


def test_goal_state_without_telling_the_required_info_scores_zero():
    env = gym.make("InfoPO/ToolUse-Retail-v0")
    env.reset(options={"task_id": "test-0000"})  # cancel_pending_order: the refund must be told
    assert env.unwrapped.task.required_info
    for action in env.unwrapped.gold_actions():
        env.step(action)
    _, _, terminated, _, info = env.step("[action] Done. Goodbye!")
    assert terminated and info["state_matches_goal"] and info["outcome"] == 0.0


@pytest.mark.parametrize("cls", CLASSES.values(), ids=CLASSES)
def test_every_tool_schema_is_valid_json_schema(cls):
    registries = cls.registries().values()
    assert registries
    for registry in registries:
        for schema in registry.schemas():
            assert schema["type"] == "function"
            function = schema["function"]
            assert function["name"] and function["description"]
            parameters = function["parameters"]
            jsonschema.validators.validator_for(parameters).check_schema(parameters)
            assert parameters["type"] == "object"
            for name, prop in parameters["properties"].items():
                assert prop.get("description"), (function["name"], name)


def test_schema_is_derived_from_signature_and_docstring():
    def sample(state: dict, order_id: str, count: int = 1, tags: list[str] | None = None) -> str:
        """Do a thing.

        Args:
            order_id: The order.
            count: How many,
                over two lines.
            tags: Labels.
        """
        return f"{order_id}:{count}"

    tool = tool_from_function(sample)
    parameters = tool.schema()["function"]["parameters"]
    assert parameters["required"] == ["order_id"]
    assert parameters["properties"]["count"] == {
        "default": 1,
        "description": "How many, over two lines.",
        "type": "integer",
    }
    assert parameters["additionalProperties"] is False
    registry = ToolRegistry([sample])
    _, result = registry.call({}, ToolCall("sample", {"order_id": "A", "count": "3"}))
    assert result == "A:3"
    with pytest.raises(ToolError, match="count"):
        registry.call({}, ToolCall("sample", {"order_id": "A", "count": "many"}))
    with pytest.raises(ToolError, match="colour: Extra inputs"):
        registry.call({}, ToolCall("sample", {"order_id": "A", "colour": "red"}))

    def undocumented(state: dict, x: int) -> int:
        """No args section."""
        return x

    with pytest.raises(ValueError, match="document argument"):
        tool_from_function(undocumented)


def test_parse_call_accepts_both_shapes_and_rejects_malformed():
    plain = parse_call('{"name": "get_order_details", "arguments": {"order_id": "#W1"}}')
    openai = parse_call(
        json.dumps(
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "get_order_details", "arguments": '{"order_id": "#W1"}'},
            }
        )
    )
    assert plain == openai == ToolCall("get_order_details", {"order_id": "#W1"})
    for bad in (
        "{not json",
        "[1, 2]",
        '{"arguments": {}}',
        '{"name": "x", "arguments": 3}',
        '{"name": "x", "arguments": "{bad"}',
    ):
        with pytest.raises(CallFormatError):
            parse_call(bad)


BAD_CALLS = [
    '[tool] {"name": "no_such_tool", "arguments": {}}',
    '[tool] {"name": "get_order_details", "arguments": {}}',
    '[tool] {"name": "get_order_details", "arguments": {"order_id": 7, "x": 1}}',
    "[tool] {not json",
    '{"name": "get_order_details", "arguments": "{oops"}',
]


def test_invalid_calls_return_errors_count_and_leave_state_unchanged():
    env = gym.make("InfoPO/ToolUse-Retail-v0")
    env.reset(options={"task_id": "test-0004"})
    before = state_hash(env.unwrapped.world)
    delivered = next(o for o in env.unwrapped.world.orders.values() if o.status == "delivered")
    policy_violation = ToolCall(
        "cancel_pending_order", {"order_id": delivered.order_id, "reason": "no longer needed"}
    )
    for count, action in enumerate([*BAD_CALLS, policy_violation.to_action()], start=1):
        text, reward, terminated, _, info = env.step(action)
        assert text.startswith("Error: ") and not terminated, text
        assert info["action_valid"] is False and info["feedback_source"] == "tool"
        assert info["errors"] == count and reward == 0.0
        assert state_hash(env.unwrapped.world) == before
    assert "delivered" in text  # the tool says why it refused


def test_garbage_that_is_no_action_does_not_spend_the_budget():
    env = gym.make("InfoPO/ToolUse-Retail-v0", error_budget=0)
    env.reset(options={"task_id": "test-0001"})
    for junk in ("hello", "[tool]", "[search] x", ""):
        _, _, terminated, _, info = env.step(junk)
        assert info["action_valid"] is False and info["errors"] == 0 and not terminated


def test_error_budget_ends_the_episode_with_outcome_zero():
    env = gym.make("InfoPO/ToolUse-Telecom-v0", error_budget=2)
    obs, info = env.reset(options={"task_id": "test-0000"})
    oracle = Oracle()
    oracle.reset(env, obs, info)
    plan = list(oracle._queue)
    for action in plan[:-1]:  # reach the goal state, but do not close yet
        env.step(action)
    for _ in range(2):
        *_, terminated, _, info = env.step(BAD_CALLS[0])
        assert not terminated
    text, _, terminated, _, info = env.step(BAD_CALLS[0])
    assert terminated and "budget" in text
    assert info["state_matches_goal"] and info["outcome"] == 0.0 and info["success"] is False


def test_openai_tool_call_object_is_a_call():
    env = gym.make("InfoPO/ToolUse-Airline-v0")
    env.reset(options={"task_id": "test-0000"})
    user_id = next(iter(env.unwrapped.world.users))
    action = json.dumps(
        {
            "type": "function",
            "function": {"name": "get_user_details", "arguments": json.dumps({"user_id": user_id})},
        }
    )
    text, _, _, _, info = env.step(action)
    assert info["action_valid"] and info["feedback_source"] == "tool"
    assert json.loads(text)["user_id"] == user_id


def test_customer_refuses_a_proposal_its_condition_rules_out():
    env = gym.make("InfoPO/ToolUse-Retail-v0")
    for index in range(4, 800, len(RetailEnv.templates)):  # exchange_item tasks
        env.reset(options={"task_id": f"train-{index}"})
        decision = env.unwrapped.task.decisions[0]
        if not decision.accept:
            break
    else:
        pytest.fail("no exchange task with a refusal")
    assert env.unwrapped.task.gold == ()
    _, _, _, _, info = env.step(f"[action] {decision.proposal}")
    assert info["reply_kind"] == "refuse"
    # acting anyway leaves the database off the goal
    order_id = decision.about[1][0]
    order = env.unwrapped.world.orders[order_id]
    item = order.items[0]
    variant = next(
        v
        for v in env.unwrapped.world.products[item.product_id].variants.values()
        if v.item_id != item.item_id and v.available
    )
    card = next(
        m
        for m in env.unwrapped.world.users[order.user_id].payment_methods.values()
        if m.kind == "credit_card"
    )
    env.step(
        ToolCall(
            "exchange_delivered_order_items",
            {
                "order_id": order_id,
                "item_ids": [item.item_id],
                "new_item_ids": [variant.item_id],
                "payment_method_id": card.payment_method_id,
            },
        ).to_action()
    )
    *_, info = env.step("[action] Goodbye")
    assert info["outcome"] == 0.0


def test_customer_tells_identity_only_when_asked():
    env = gym.make("InfoPO/ToolUse-Airline-v0")
    obs, _ = env.reset(options={"task_id": "test-0003"})
    user_id = env.unwrapped.world.reservations[
        env.unwrapped.task.gold[0].arguments["reservation_id"]
    ].user_id
    assert user_id not in obs
    reply, *_ = env.step("[action] What is the weather like?")
    assert user_id not in reply
    reply, *_, info = env.step("[action] Could you give me your user id?")
    assert user_id in reply and info["reply_kind"] == "reveal"


def test_telecom_dual_control_syncs_phone_and_account():
    env = gym.make("InfoPO/ToolUse-Telecom-v0")
    for index in range(7, 400, len(TelecomEnv.templates)):  # overdue_bill tasks
        env.reset(options={"task_id": f"train-{index}"})
        if env.unwrapped.task.decisions[0].accept:
            break
    world = env.unwrapped.world
    assert world.db.lines[world.phone.phone_number].status == "suspended"
    reply, *_, info = env.step("[action] Could you run a speed test for me?")
    assert "fails" in reply and info["user_calls"][0]["name"] == "run_speed_test"
    reply, *_ = env.step("[action] Please check your status bar.")
    assert "No service" in reply
    for action in env.unwrapped.gold_actions():  # the agent pays the bill and resumes the line
        env.step(action)
    reply, *_ = env.step("[action] Please run a speed test again.")
    assert "Mbps" in reply


def test_telecom_customer_performs_requested_phone_actions():
    env = gym.make("InfoPO/ToolUse-Telecom-v0")
    env.reset(options={"task_id": "test-0000"})  # airplane mode on
    assert env.unwrapped.world.phone.airplane_mode
    reply, _, _, _, info = env.step("[action] Can you switch off airplane mode, please?")
    assert not env.unwrapped.world.phone.airplane_mode
    assert info["user_calls"] == [
        {"actor": "user", "name": "set_airplane_mode", "arguments": {"enabled": False}}
    ]
    assert "airplane mode off" in reply
    env.step("[action] Now please turn mobile data off.")
    assert not env.unwrapped.world.phone.mobile_data
    *_, info = env.step("[action] Goodbye")
    assert info["outcome"] == 0.0  # a needless change moves the phone off the goal


def test_role_and_hidden_scenario_are_serializable():
    for cls in CLASSES.values():
        env = cls()
        env.reset(options={"task_id": "test-0002"})
        json.dumps(env.unwrapped.task.hidden())
        role = env.unwrapped.task.role(cls.company)
        assert "###STOP###" in role and env.unwrapped.task.opening in role


def test_goal_hashes_are_identical_across_processes():
    script = (
        "from infopo_envs.tooluse import AirlineEnv, RetailEnv, TelecomEnv\n"
        "from infopo_envs.core.seeding import TaskRef\n"
        "from infopo_envs.tooluse.core import state_hash\n"
        "for cls in (AirlineEnv, RetailEnv, TelecomEnv):\n"
        "    for i in range(3):\n"
        "        w, t, g = cls.draft(TaskRef('test', i))\n"
        "        print(state_hash(w), g, t.describe())\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "PYTHONPATH": ROOT},
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1] and len(runs[0].splitlines()) == 9


def test_pass_hat_k():
    assert pass_hat_k([(4, 4), (0, 4)], 1) == 0.5
    assert pass_hat_k([(3, 4)], 1) == 0.75
    assert pass_hat_k([(3, 4)], 2) == pytest.approx(3 / 6)
    assert pass_hat_k([(3, 4)], 4) == 0.0
    assert pass_hat_k([(4, 4), (2, 4)], 2) == pytest.approx((1 + 1 / 6) / 2)
    with pytest.raises(ValueError):
        pass_hat_k([(1, 1)], 2)
    with pytest.raises(ValueError):
        pass_hat_k([], 1)
