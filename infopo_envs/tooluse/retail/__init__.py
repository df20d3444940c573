"""The retail domain: an online shop's customers, products and orders."""

from infopo_envs.tooluse.retail.env import RetailEnv

__all__ = ["RetailEnv"]
