"""The core shared by the tool-use domains: tools, calls, scenarios, judging and the env."""

from infopo_envs.tooluse.core.calls import AGENT, USER, ToolCall, ToolUseGrammar, parse_call
from infopo_envs.tooluse.core.env import ToolUseEnv
from infopo_envs.tooluse.core.registry import Tool, ToolError, ToolRegistry, tool_from_function
from infopo_envs.tooluse.core.state import GoldReplayError, replay, state_hash
from infopo_envs.tooluse.core.task import Decision, Fact, InfoItem, Task
from infopo_envs.tooluse.core.user_actions import UserAction

__all__ = [
    "AGENT",
    "USER",
    "Decision",
    "Fact",
    "GoldReplayError",
    "InfoItem",
    "Task",
    "Tool",
    "ToolCall",
    "ToolError",
    "ToolRegistry",
    "ToolUseEnv",
    "ToolUseGrammar",
    "UserAction",
    "parse_call",
    "replay",
    "state_hash",
    "tool_from_function",
]
