"""InfoPO/Intention-v0: clarify a vague request by asking about its missing details."""

from infopo_envs.intention.env import IntentionEnv

__all__ = ["IntentionEnv"]
