"""The scripted oracle for CodingCollab: ask about every hidden fact, then submit the reference."""

from __future__ import annotations

from infopo_envs.coding.env import CodingCollabEnv
from infopo_envs.core.agents import PlannedAgent


class Oracle(PlannedAgent):
    """Reads the hidden task; reaches Pass 1.0 on every task within the default turn limit."""

    def plan(self, env: CodingCollabEnv) -> list[str]:
        questions = [f"[action] {fact.question}" for fact in env.task.facts]
        return [*questions, f"[answer] ```python\n{env.task.reference}```"]
