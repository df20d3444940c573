"""The scripted oracle of every tool-use domain: elicit, confirm, replay the gold, tell, close."""

from __future__ import annotations

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.tooluse.core.env import ToolUseEnv

CLOSING = "Is there anything else I can help you with?"


class Oracle(PlannedAgent):
    """Reads the hidden task; reaches outcome 1.0 on every task within the turn limit."""

    def plan(self, env: ToolUseEnv) -> list[str]:
        task = env.task
        actions = [f"[action] {fact.question}" for fact in task.facts]
        actions += [f"[action] {decision.proposal}" for decision in task.decisions]
        actions += env.gold_actions()
        actions.append(f"[action] {task.tells} {CLOSING}".replace("  ", " ").strip())
        return actions
