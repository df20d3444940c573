"""InfoPO/Sokoban-v0 and InfoPO/Sokoban8x8-v0: always-solvable generated Sokoban in text."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.sokoban.env import SokobanEnv
from infopo_envs.sokoban.level import Level, LevelError, parse_level, parse_levels, read_level_file
from infopo_envs.sokoban.oracle import Oracle

register_oracle(SokobanEnv, Oracle)

__all__ = ["Level", "LevelError", "SokobanEnv", "parse_level", "parse_levels", "read_level_file"]
