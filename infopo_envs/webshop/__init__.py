"""InfoPO/WebShop-v0 and InfoPO/WebShopIntent-v0: shopping in a generated, searchable store."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.webshop.env import WebShopEnv
from infopo_envs.webshop.intent_env import WebShopIntentEnv
from infopo_envs.webshop.oracle import Oracle

register_oracle(WebShopEnv, Oracle)

__all__ = ["WebShopEnv", "WebShopIntentEnv"]
