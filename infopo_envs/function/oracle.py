"""The scripted oracle for Function: look up the test input, answer the hidden function there."""

from __future__ import annotations

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.function.env import FunctionEnv


class Oracle(PlannedAgent):
    """Reads the hidden function; reaches outcome 1.0 on every task in two turns."""

    def plan(self, env: FunctionEnv) -> list[str]:
        return ["[search] test", f"[answer] {env.expected_answer}"]
