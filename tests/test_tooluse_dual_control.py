"""Telecom dual control: the customer performs what it understood, in order, on its own phone."""

from __future__ import annotations

import gymnasium as gym

import infopo_envs  # noqa: F401
from infopo_envs.tooluse.core import state_hash
from infopo_envs.tooluse.core.user_actions import requested
from infopo_envs.tooluse.telecom.user_tools import USER_ACTIONS, USER_TOOLS

TELECOM = "InfoPO/ToolUse-Telecom-v0"


def _keys(message: str) -> list[str]:
    return [action.key for action in requested(message, USER_ACTIONS).perform]


def test_the_phone_has_tau2s_breadth_of_user_tools():
    names = set(USER_TOOLS.names)
    assert len(names) >= 25
    for name in (
        "check_status_bar",
        "set_airplane_mode",
        "set_mobile_data",
        "set_data_roaming",
        "set_network_mode_preference",
        "check_apn_settings",
        "reset_apn_settings",
        "reseat_sim",
        "disconnect_vpn",
        "grant_app_permission",
        "run_speed_test",
        "reboot_device",
    ):
        assert name in names


def test_every_canonical_request_is_understood_as_itself():
    for action in USER_ACTIONS:
        assert _keys(action.request) == [action.key], action.request


def test_several_requests_are_done_in_order_and_reported():
    env = gym.make(TELECOM)
    env.reset(options={"task_id": "test-0000"})  # airplane mode on
    reply, _, _, _, info = env.step(
        "[action] Please turn airplane mode off, then run a speed test."
    )
    assert [c["name"] for c in info["user_calls"]] == ["set_airplane_mode", "run_speed_test"]
    assert "airplane mode off" in reply and "Mbps" in reply
    assert info["judgment"] == {"kind": "perform", "keys": ["airplane_off", "speed_test"]}


def test_a_toggle_flips_the_current_setting():
    env = gym.make(TELECOM)
    env.reset(options={"task_id": "test-0000"})
    assert env.unwrapped.world.phone.airplane_mode
    *_, info = env.step("[action] Can you toggle airplane mode?")
    assert not env.unwrapped.world.phone.airplane_mode
    assert info["user_calls"][0]["arguments"] == {"enabled": False}


def test_too_much_at_once_is_refused_and_nothing_changes():
    env = gym.make(TELECOM)
    env.reset(options={"task_id": "test-0000"})
    before = state_hash(env.unwrapped.world)
    reply, *_, info = env.step(
        "[action] Turn airplane mode off, turn mobile data on and reset your APN settings."
    )
    assert "one step at a time" in reply and info["judgment"]["kind"] == "refuse"
    assert state_hash(env.unwrapped.world) == before


def test_state_changes_only_through_the_customers_tools():
    env = gym.make(TELECOM)
    env.reset(options={"task_id": "test-0000"})
    text, *_ = env.step('[tool] {"name": "set_airplane_mode", "arguments": {"enabled": false}}')
    assert text.startswith("Error: Unknown tool") and env.unwrapped.world.phone.airplane_mode


def test_negation_and_order_are_honoured():
    message = "Don't turn off airplane mode yet, first check your status bar."
    reading = requested(message, USER_ACTIONS)
    assert [a.key for a in reading.perform] == ["status_bar"]
    assert [a.key for a in reading.declined] == ["airplane_off"]
    assert _keys("Run a speed test after you turn off airplane mode.") == [
        "airplane_off",
        "speed_test",
    ]
