"""The scripted oracle for Intention: one canonical question per missing detail."""

from __future__ import annotations

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.intention.env import IntentionEnv


class Oracle(PlannedAgent):
    """Reads the hidden details; covers every one, so the last question ends the episode."""

    def plan(self, env: IntentionEnv) -> list[str]:
        missing = sorted(env.task.missing, key=lambda detail: -detail.kind.importance)
        return [f"[action] {detail.kind.question}" for detail in missing]
