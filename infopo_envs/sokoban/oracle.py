"""The scripted oracle for Sokoban: play the solver's shortest plan, several moves per turn."""

from __future__ import annotations

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.sokoban.env import SokobanEnv
from infopo_envs.sokoban.level import DIRECTION_NAMES
from infopo_envs.sokoban.solver import solve


class Oracle(PlannedAgent):
    """Solves the start position optimally; turns hold up to the env's move cap."""

    def plan(self, env: SokobanEnv) -> list[str]:
        moves = solve(env.board.position(), env.solver_max_states)
        if moves is None:
            raise ValueError("the level has no solution")
        cap = env.grammar.max_moves
        names = [DIRECTION_NAMES[d].capitalize() for d in moves]
        return [" || ".join(names[i : i + cap]) for i in range(0, len(names), cap)]
