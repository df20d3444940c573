"""Telecom dual control: the customer performs what it understood, in order, on its own phone."""

from __future__ import annotations

import http.server
import json
import threading
from contextlib import contextmanager

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_envs.tooluse import TelecomEnv
from infopo_envs.tooluse.core import state_hash
from infopo_envs.tooluse.core.llm_hands import LLMHands
from infopo_envs.tooluse.core.user_actions import requested
from infopo_envs.tooluse.telecom.user_tools import USER_ACTIONS, USER_TOOLS
from simulators import SimulatorError
from tests.servers import JSONHandler, chat_completion

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


class ToolCallingModel(JSONHandler):
    """A chat endpoint that answers every request with the server's fixed tool calls."""

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["content-length"])))
        self.server.seen.append(request)
        if self.server.fail:
            body, status = b'{"error": {"message": "down"}}', 500
        else:
            calls = [
                {
                    "id": f"call_{i}",
                    "type": "function",
                    "function": {"name": name, "arguments": json.dumps(arguments)},
                }
                for i, (name, arguments) in enumerate(self.server.calls)
            ]
            message = {"role": "assistant", "content": None, "tool_calls": calls}
            body, status = chat_completion(message, "tool_calls"), 200
        self._send(body, status)


@contextmanager
def tool_calling_model(calls, fail=False):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ToolCallingModel)
    server.calls, server.fail, server.seen, server.daemon_threads = calls, fail, [], True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", server
    finally:
        server.shutdown()
        server.server_close()


def test_an_llm_customer_calls_its_phone_tools_by_function_calling():
    calls = [
        ("set_airplane_mode", {"enabled": False}),
        ("no_such_tool", {}),
        ("run_speed_test", {}),
    ]
    with tool_calling_model(calls) as (base_url, server):
        hands = LLMHands("m", base_url=base_url, max_calls=3, max_retries=0)
        env = TelecomEnv(customer_tools=hands)
        env.reset(options={"task_id": "test-0000"})  # airplane mode on
        reply, _, _, _, info = env.step("[action] Could you get airplane mode out of the way?")
    assert [c["name"] for c in info["user_calls"]] == ["set_airplane_mode", "run_speed_test"]
    assert not env.world.phone.airplane_mode and "Mbps" in reply and hands.ignored == 1
    sent = server.seen[0]
    assert {tool["function"]["name"] for tool in sent["tools"]} == set(USER_TOOLS.names)
    assert "airplane mode out of the way" in sent["messages"][-1]["content"]


def test_a_failing_llm_customer_raises_and_changes_nothing():
    with tool_calling_model([], fail=True) as (base_url, _):
        env = TelecomEnv(customer_tools=LLMHands("m", base_url=base_url, max_retries=0))
        env.reset(options={"task_id": "test-0000"})
        before = state_hash(env.world)
        with pytest.raises(SimulatorError, match="customer tools"):
            env.step("[action] Please turn airplane mode off.")
    assert state_hash(env.world) == before and env.turn == 0
