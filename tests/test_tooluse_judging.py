"""Tool use judged as tau2 does: values told as answers, policy in the outcome, atomic changes."""

from __future__ import annotations

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_envs.core.agents import run_episode
from infopo_envs.core.seeding import TaskRef
from infopo_envs.tooluse import AirlineEnv, RetailEnv, TelecomEnv
from infopo_envs.tooluse.core import InfoItem, ToolCall, cow, state_hash
from infopo_envs.tooluse.core.judge import Evidence, told_now
from infopo_envs.tooluse.core.oracle import Oracle
from simulators import SimulatorError, UserSimulator

RETAIL, AIRLINE, TELECOM = (
    "InfoPO/ToolUse-Retail-v0",
    "InfoPO/ToolUse-Airline-v0",
    "InfoPO/ToolUse-Telecom-v0",
)


def _evidence(*outputs: str) -> Evidence:
    evidence = Evidence()
    for output in outputs:
        evidence.add(output)
    return evidence


def _plan(env) -> list[str]:
    oracle = Oracle()
    oracle.reset(env, "", {})
    return list(oracle._queue)


def _task_with(env_id: str, template: str) -> tuple[gym.Env, str]:
    env = gym.make(env_id)
    for index in range(100):
        env.reset(options={"task_id": f"test-{index:04d}"})
        if env.unwrapped.task.template == template:
            return env, f"test-{index:04d}"
    raise AssertionError(f"no test task of template {template}")


# ---- required values: stated as the answer ------------------------------------------------


def test_a_value_counts_only_when_stated_as_the_answer():
    refund = InfoItem("refund", ("42.50",))
    looked_up = _evidence('{"amount": 42.5}')
    assert told_now("You will be refunded $42.50.", [refund], looked_up) == {"refund"}
    assert told_now("The refund is 42.50 dollars.", [refund], looked_up) == {"refund"}
    # never looked up: a guess, however right
    assert told_now("You will be refunded $42.50.", [refund], Evidence()) == set()
    # several candidates, a negation, or a number that is no amount
    assert told_now("It is $42.50 or $40.00.", [refund], looked_up) == set()
    assert told_now("You will not be refunded $42.50.", [refund], looked_up) == set()
    assert told_now("Your order number has 42.5 in it", [refund], looked_up) == set()


def test_minutes_and_words_are_read_in_their_own_terms():
    delay = InfoItem("delay", ("105",), "minutes")
    status = InfoItem("status", ("processed",), "word", ("pending", "delivered"))
    evidence = _evidence('{"status": "processed", "delay_minutes": 105}')
    assert told_now("Your flight is delayed by 105 minutes.", [delay], evidence) == {"delay"}
    assert told_now("Your flight is on time, gate 105.", [delay], evidence) == set()
    said = "Your order has already been processed, so it can no longer be cancelled."
    assert told_now(said, [status], evidence) == {"status"}
    assert told_now("Your order is not processed.", [status], evidence) == set()
    assert told_now("It is pending, processed or delivered.", [status], evidence) == set()


# ---- policy in the outcome --------------------------------------------------------------------


def test_reading_the_customers_data_before_identifying_them_fails_the_task():
    env = gym.make(RETAIL)
    env.reset(options={"task_id": "test-0000"})  # cancel a pending order
    order = env.unwrapped.task.lookups[-1]
    plan = [order.to_action(), *_plan(env.unwrapped)]
    for action in plan:
        *_, terminated, _, info = env.step(action)
    assert terminated and info["state_matches_goal"] and info["info_told"]
    assert info["outcome"] == 0.0 and "before identifying" in info["policy_violations"][0]


def test_a_change_without_an_explicit_yes_fails_even_with_the_right_state():
    env = gym.make(AIRLINE)
    env.reset(options={"task_id": "test-0003"})  # add bags
    task = env.unwrapped.task
    assert task.template == "add_bags"
    plan = [a for a in _plan(env.unwrapped) if a != f"[action] {task.decisions[0].proposal}"]
    for action in plan:
        *_, terminated, _, info = env.step(action)
    assert terminated and info["state_matches_goal"] and info["outcome"] == 0.0
    assert "explicit yes" in " ".join(info["policy_violations"])


def test_a_needless_change_that_is_undone_still_fails():
    env = gym.make(TELECOM)
    env.reset(options={"task_id": "test-0000"})  # airplane mode on
    plan = _plan(env.unwrapped)
    detour = ["[action] Please turn mobile data off.", "[action] Please turn mobile data on."]
    for action in [*plan[:-1], *detour, plan[-1]]:
        *_, terminated, _, info = env.step(action)
    assert terminated and info["state_matches_goal"] and info["outcome"] == 0.0
    assert info["policy_violations"] == ["set_mobile_data (user)"]


def test_running_out_of_turns_scores_zero_even_at_the_goal():
    env, task_id = _task_with(RETAIL, "change_default_address")  # no value to tell
    env.reset(options={"task_id": task_id})
    plan = _plan(env.unwrapped)[:-1]  # up to the change; the closing message never comes
    env = RetailEnv(max_turns=len(plan))
    env.reset(options={"task_id": task_id})
    for action in plan:
        *_, terminated, truncated, info = env.step(action)
    assert truncated and not terminated
    assert info["state_matches_goal"] and not info["ended_by_customer"]
    assert info["outcome"] == 0.0


# ---- permissive tools, atomic changes -----------------------------------------------------------


def test_tools_execute_what_the_policy_forbids_and_the_outcome_shows_it():
    env, task_id = _task_with(AIRLINE, "cancel_not_allowed")
    env.reset(options={"task_id": task_id})
    plan = _plan(env.unwrapped)
    reservation_id = env.unwrapped.task.lookups[1].arguments["reservation_id"]
    cancel = ToolCall("cancel_reservation", {"reservation_id": reservation_id}).to_action()
    for action in plan[:-1]:
        env.step(action)
    text, _, _, _, info = env.step(cancel)
    assert info["action_valid"] and '"status": "cancelled"' in text
    env.step(plan[-1])  # the customer is not done: they wanted it cancellable or told why not
    *_, terminated, _, info = env.step("[action] Goodbye!")
    assert terminated and info["outcome"] == 0.0 and not info["state_matches_goal"]


def test_a_message_with_a_tool_call_inside_is_rejected_whole():
    env = gym.make(RETAIL)
    env.reset(options={"task_id": "test-0000"})
    before = state_hash(env.unwrapped.world)
    call = '{"name": "list_all_product_types", "arguments": {}}'
    for mixed in (f"[action] One moment. [tool] {call}", f"[action] Let me check {call}"):
        text, _, terminated, _, info = env.step(mixed)
        assert not info["action_valid"] and "separate turns" in text and not terminated
        assert info["errors"] == 0 and state_hash(env.unwrapped.world) == before
    text, *_, info = env.step(f"I will look the catalogue up. [tool] {call}")
    assert info["action_valid"] and info["feedback_source"] == "tool" and "T-Shirt" in text


def test_calculate_and_transfer():
    env = gym.make(RETAIL)
    env.reset(options={"task_id": "test-0000"})
    calc = ToolCall("calculate", {"expression": "(49.99 - 42.5) * 2"}).to_action()
    assert env.step(calc)[0] == "14.98"
    text, *_, info = env.step(ToolCall("calculate", {"expression": "__import__('os')"}).to_action())
    assert text.startswith("Error:") and info["errors"] == 1
    transfer = ToolCall("transfer_to_human_agents", {"summary": "wants a refund"}).to_action()
    *_, terminated, _, info = env.step(transfer)
    assert terminated and info["outcome"] == 0.0


class FailingUser(UserSimulator):
    """A simulator whose endpoint is down."""

    name = "failing"

    def reset(self, seed):
        pass

    def reply(self, turn):
        raise SimulatorError("endpoint unreachable")


def test_a_phone_action_is_undone_when_the_simulator_fails():
    env = TelecomEnv(simulator=FailingUser())
    env.reset(options={"task_id": "test-0000"})
    before = state_hash(env.world)
    with pytest.raises(SimulatorError):
        env.step("[action] Please turn airplane mode off.")
    assert state_hash(env.world) == before and env.world.phone.airplane_mode


# ---- scale -------------------------------------------------------------------------------------


def test_databases_are_tau2_sized_and_episodes_never_touch_the_base():
    world = RetailEnv.base_world("test")
    assert len(world.users) == 500 and 900 <= len(world.orders) <= 1100
    assert len(AirlineEnv.base_world("test").users) == 500
    bases = {cls: cow.fork(cls.base_world("test")) for cls in (RetailEnv, AirlineEnv, TelecomEnv)}
    hashes = {cls: state_hash(base) for cls, base in bases.items()}
    for env_id in (RETAIL, AIRLINE, TELECOM):
        env = gym.make(env_id)
        for index in range(0, 100, 7):
            assert run_episode(env, Oracle(), options={"task_id": f"test-{index:04d}"}).success
    cow._DIGESTS.clear()  # rehash every row from scratch
    for cls in bases:
        assert state_hash(cls.base_world("test")) == hashes[cls]


@pytest.mark.parametrize("cls", [RetailEnv, AirlineEnv, TelecomEnv])
def test_twenty_templates_and_a_third_of_the_tasks_with_two_requests(cls):
    assert len(cls.templates) >= 20
    names = [cls.draft(TaskRef("test", index))[1].template for index in range(cls.test_size)]
    assert cls.test_size >= 100
    assert sum("+" in name or name == "cancel_two_orders" for name in names) >= cls.test_size / 3
