"""InfoPO/Intention-v0: clarify a vague request by asking about its missing details."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.intention.env import IntentionEnv
from infopo_envs.intention.oracle import Oracle

register_oracle(IntentionEnv, Oracle)

__all__ = ["IntentionEnv"]
