"""Tool calls as the agent writes them: ``[tool] {json}`` or an OpenAI tool-call object.

Accepted bodies (one call per turn):

- ``{"name": "get_order_details", "arguments": {"order_id": "#W0000001"}}``
- ``{"type": "function", "function": {"name": ..., "arguments": "<json text>"}, "id": ...}``
  (the OpenAI tool-call object; ``arguments`` may be a JSON string or an object)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from infopo_envs.core.actions import ActionForm, InvalidAction, ParsedAction, TaggedGrammar, as_text

AGENT, USER = "agent", "user"


@dataclass(frozen=True)
class ToolCall:
    """A call of tool ``name`` with ``arguments``, made by the agent or (telecom) the user."""

    name: str
    arguments: dict[str, Any] = field(default_factory=dict)
    actor: str = AGENT

    def to_action(self) -> str:
        """The ``[tool]`` action that makes this call."""
        return "[tool] " + json.dumps({"name": self.name, "arguments": self.arguments})

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "name": self.name, "arguments": self.arguments}


class CallFormatError(ValueError):
    """The body of a tool call is not a readable call; the message says why."""


def parse_call(body: str) -> ToolCall:
    """Read one tool call from JSON text; raises ``CallFormatError`` with a helpful message."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise CallFormatError(
            'Malformed JSON in the tool call. Write {"name": ..., "arguments": {...}}.'
        ) from None
    if isinstance(data, dict) and isinstance(data.get("function"), dict):
        data = data["function"]
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise CallFormatError('A tool call is a JSON object with a "name" and "arguments".')
    arguments = data.get("arguments", {})
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments) if arguments.strip() else {}
        except (ValueError, RecursionError):
            raise CallFormatError("Malformed JSON in the tool call's arguments.") from None
    if not isinstance(arguments, dict):
        raise CallFormatError('"arguments" must be a JSON object.')
    return ToolCall(data["name"], arguments)


_TAG = re.compile(r"\[\s*(action|tool)\s*\]", re.IGNORECASE)
_CALL_JSON = re.compile(r'\{\s*"(?:name|type|function)"\s*:')
MIXED = (
    "This message holds both a message to the customer and a tool call. Send one action per "
    "turn: the [tool] call in one turn, the [action] message in another."
)


class ToolUseGrammar:
    """``[action] <message>`` or ``[tool] <json call>``; a bare JSON object counts as ``[tool]``.

    Text before the tag is the agent's own note and is not sent. A message that holds both a
    message and a tool call (two tags, or call JSON inside an ``[action]``) is rejected whole,
    never half-executed. Parsing is only syntactic: the JSON of a call is read when the call is
    made, so that a malformed call is an invalid *call* (it counts toward the error budget),
    while text that is no action at all is an ordinary invalid action.
    """

    def __init__(self):
        self.tagged = TaggedGrammar(
            ActionForm("action", "send a message to the customer", "message"),
            ActionForm("tool", 'call a tool: {"name": ..., "arguments": {...}}', "json call"),
        )

    def parse(self, action: object) -> ParsedAction | InvalidAction:
        text = as_text(action)
        if isinstance(text, InvalidAction):
            return text
        if text.lstrip().startswith("{"):
            if _TAG.search(text):
                return InvalidAction(MIXED)
            return ParsedAction("tool", text.strip())
        tags = list(_TAG.finditer(text))
        if len({tag.group(1).lower() for tag in tags}) > 1:
            return InvalidAction(MIXED)
        if tags:
            text = text[tags[0].start() :]
        parsed = self.tagged.parse(text)
        is_message = isinstance(parsed, ParsedAction) and parsed.tag == "action"
        if is_message and _CALL_JSON.search(parsed.body):
            return InvalidAction(MIXED)
        return parsed

    def describe(self) -> str:
        return (
            self.tagged.describe()
            + "\nAn OpenAI tool-call JSON object on its own is also read as a [tool] call."
            + "\nText before the tag is your own note and is not sent. A message and a tool call"
            + " go in separate turns."
        )
