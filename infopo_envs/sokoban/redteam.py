"""Cheating players for Sokoban: move sequences that ignore the board.

- ``random_moves``: one uniformly random move per turn, seeded by the opening (so each level
  gets its own walk and the same level the same walk in every process).
- ``random_turns``: the env's menu of single and multi-move turns, drawn the same way.
- ``blind_script``: a fixed sweep (right, down, left, up, each repeated) played whatever the room.
"""

from __future__ import annotations

from typing import Any

from infopo_envs.core.agents import RandomAgent
from infopo_envs.core.seeding import rng_for

MOVES = ("Up", "Down", "Left", "Right")
SCRIPT = ("Right", "Right", "Down", "Down", "Left", "Left", "Up", "Up", "Right", "Down")


class RandomMoves:
    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        self.rng = rng_for("sokoban-random-moves", observation)

    def act(self, observation: str, info: dict[str, Any]) -> str:
        return MOVES[int(self.rng.integers(len(MOVES)))]


class RandomTurns(RandomAgent):
    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        super().reset(env, observation, info)
        self.rng = rng_for("sokoban-random-turns", observation)


class BlindScript:
    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        self.turn = 0

    def act(self, observation: str, info: dict[str, Any]) -> str:
        move = SCRIPT[self.turn % len(SCRIPT)]
        self.turn += 1
        return move


_CHEATERS = {"random_moves": RandomMoves, "random_turns": RandomTurns, "blind_script": BlindScript}

CHEATERS = {
    "InfoPO/Sokoban-v0": dict(_CHEATERS),
    "InfoPO/Sokoban8x8-v0": dict(_CHEATERS),
}
