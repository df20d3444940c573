"""Tool-use customer service envs (retail, airline, telecom) judged on the final database."""

from infopo_envs.tooluse.airline import AirlineEnv
from infopo_envs.tooluse.retail import RetailEnv
from infopo_envs.tooluse.telecom import TelecomEnv

__all__ = ["AirlineEnv", "RetailEnv", "TelecomEnv"]
