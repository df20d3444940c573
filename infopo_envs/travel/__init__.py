"""InfoPO/TravelIntent-v0: trip planning with hidden preferences."""

from infopo_envs.travel.env import TravelIntentEnv

__all__ = ["TravelIntentEnv"]
