"""InfoPO/CodingCollab-v0: collaborative programming with hidden requirements and a sandbox."""

from infopo_envs.coding.env import CodingCollabEnv
from infopo_envs.coding.oracle import Oracle
from infopo_envs.core.agents import register_oracle

register_oracle(CodingCollabEnv, Oracle)

__all__ = ["CodingCollabEnv"]
