"""The scripted oracle of every tool-use domain: elicit, look up, confirm, change, tell, close."""

from __future__ import annotations

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.tooluse.core.calls import AGENT
from infopo_envs.tooluse.core.env import ToolUseEnv

CLOSING = "Is there anything else I can help you with?"


class Oracle(PlannedAgent):
    """Reads the hidden task; reaches outcome 1.0 on every task within the turn limit.

    It asks for every fact, replays the gold steps and, before each run of changes, sends the
    proposal of the decision that authorizes them (so the yes comes in the last exchange);
    proposals the customer refuses come after the lookups; then it tells what is required.
    """

    def plan(self, env: ToolUseEnv) -> list[str]:
        task = env.task
        actions = [f"[action] {fact.question}" for fact in task.facts]
        accepted = [d for d in task.decisions if d.accept]
        covered = 0
        for call in task.steps:
            tool = env.registries()[call.actor].tools[call.name]
            if call.actor == AGENT and tool.kind == "write":
                if covered == 0 and accepted:
                    decision = accepted.pop(0)
                    actions.append(f"[action] {decision.proposal}")
                    covered = decision.covers
                covered -= 1
            actions.append(env.action_for(call))
        actions += [f"[action] {d.proposal}" for d in task.decisions if not d.accept]
        actions += [f"[action] {d.proposal}" for d in accepted]
        actions.append(f"[action] {task.tells} {CLOSING}".replace("  ", " ").strip())
        return actions
