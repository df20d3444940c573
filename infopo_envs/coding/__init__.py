"""InfoPO/CodingCollab-v0: collaborative programming with hidden requirements and a sandbox."""

from infopo_envs.coding.env import CodingCollabEnv

__all__ = ["CodingCollabEnv"]
