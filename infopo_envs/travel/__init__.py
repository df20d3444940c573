"""InfoPO/TravelIntent-v0: trip planning with hidden preferences."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.travel.env import TravelIntentEnv
from infopo_envs.travel.oracle import Oracle

register_oracle(TravelIntentEnv, Oracle)

__all__ = ["TravelIntentEnv"]
