"""Tool-use customer service envs (retail, airline, telecom) judged on the final database."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.tooluse.airline import AirlineEnv
from infopo_envs.tooluse.core.env import ToolUseEnv
from infopo_envs.tooluse.core.oracle import Oracle
from infopo_envs.tooluse.retail import RetailEnv
from infopo_envs.tooluse.telecom import TelecomEnv

register_oracle(ToolUseEnv, Oracle)

__all__ = ["AirlineEnv", "RetailEnv", "TelecomEnv"]
