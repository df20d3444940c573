"""InfoPO/Telepathy-v0: twenty questions over a built-in knowledge base."""

from infopo_envs.telepathy.env import TelepathyEnv

__all__ = ["TelepathyEnv"]
