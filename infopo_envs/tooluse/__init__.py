"""Tool-use customer service envs (retail, airline, telecom) judged on the final database."""

from infopo_envs.tooluse.retail import RetailEnv

__all__ = ["RetailEnv"]
