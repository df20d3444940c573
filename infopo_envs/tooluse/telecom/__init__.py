"""The telecom domain: a mobile carrier's accounts and the customer's phone (dual control)."""

from infopo_envs.tooluse.telecom.env import TelecomEnv

__all__ = ["TelecomEnv"]
