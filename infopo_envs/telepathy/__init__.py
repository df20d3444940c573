"""InfoPO/Telepathy-v0: twenty questions over a built-in knowledge base."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.telepathy.env import TelepathyEnv
from infopo_envs.telepathy.oracle import Oracle

register_oracle(TelepathyEnv, Oracle)

__all__ = ["TelepathyEnv"]
