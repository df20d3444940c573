"""InfoPO/WebShop-v0 and InfoPO/WebShopIntent-v0: shopping in a generated, searchable store."""

from infopo_envs.webshop.env import WebShopEnv
from infopo_envs.webshop.intent_env import WebShopIntentEnv

__all__ = ["WebShopEnv", "WebShopIntentEnv"]
