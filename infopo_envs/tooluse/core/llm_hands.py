"""An LLM customer's hands: which of its own tools the customer calls for the agent's message.

With it, a dual-control customer decides by function calling, as tau2-bench's user does: the
agent's message, the conversation and the customer's tool schemas go to an OpenAI-compatible
chat endpoint, and the tool calls it returns (validated against the customer's tools) are what
the customer does on its phone. The env still performs them, reports what the phone shows and
judges the episode; failures of the endpoint raise ``SimulatorError`` before anything changes.
"""

from __future__ import annotations

import json
import os
from typing import Any

from infopo_envs.tooluse.core.calls import USER, ToolCall
from infopo_envs.tooluse.core.registry import ToolRegistry
from simulators import SimulatorError

SYSTEM = (
    "You are the customer in a support chat. You hold your phone; the tools are what you can "
    "do on it. Call the tools the agent asks you to use, in the order asked, and only those; "
    "do nothing the agent tells you not to do (yet). If the agent asks for nothing on the "
    "phone, call no tool."
)


class LLMHands:
    """Chooses the customer's tool calls with an OpenAI-compatible endpoint."""

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        max_calls: int = 2,
    ):
        import openai

        self.model, self.max_calls = model, max_calls
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        key = api_key or os.environ.get("OPENAI_API_KEY") or "EMPTY"
        self.client = openai.OpenAI(
            base_url=self.base_url, api_key=key, timeout=timeout, max_retries=max_retries
        )
        self.ignored = 0  # tool calls the model made that the customer's tools reject

    def choose(
        self, message: str, history: list[dict[str, str]], tools: ToolRegistry
    ) -> list[ToolCall]:
        """The customer's calls for ``message`` (at most ``max_calls``, well-formed only)."""
        messages = [{"role": "system", "content": SYSTEM}, *history]
        messages.append({"role": "user", "content": f"The agent says: {message}"})
        try:
            response = self.client.chat.completions.create(
                model=self.model, messages=messages, tools=tools.schemas()
            )
            requested = response.choices[0].message.tool_calls or []
        except Exception as error:  # the client's own errors, or a body that is no completion
            raise SimulatorError(
                f"customer tools via {self.base_url} ({self.model}): {type(error).__name__}: "
                f"{error}"
            ) from None
        calls = []
        for item in requested[: self.max_calls]:
            call = _read(item)
            if call is None or not _valid(call, tools):
                self.ignored += 1
                continue
            calls.append(call)
        return calls


def _read(item: Any) -> ToolCall | None:
    try:
        arguments = json.loads(item.function.arguments or "{}")
    except (ValueError, AttributeError):
        return None
    if not isinstance(arguments, dict):
        return None
    return ToolCall(item.function.name, arguments, USER)


def _valid(call: ToolCall, tools: ToolRegistry) -> bool:
    tool = tools.tools.get(call.name)
    if tool is None:
        return False
    try:
        tool.arguments.model_validate(call.arguments)
    except ValueError:
        return False
    return True
