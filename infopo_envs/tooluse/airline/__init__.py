"""The airline domain: an airline's travellers, flights and reservations."""

from infopo_envs.tooluse.airline.env import AirlineEnv

__all__ = ["AirlineEnv"]
