"""Cheating agents for the tool-use domains: scores they reach show what the judge lets through.

Two kinds. *Blind* cheaters read only the observation: scripted messages that list every
candidate value, negate the fact, or give the customer a fixed list of phone instructions. *Policy*
cheaters stand in for an optimizer that has learned what to do but skips the policy's steps:
they know the task's gold calls (they read them from the env, an upper bound on what such a
learner could know) and act without authenticating, without asking, without a yes, or against
the customer's no. A sound judge gives every one of them (almost) nothing.
"""

from __future__ import annotations

from typing import Any

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.tooluse.core.calls import AGENT
from infopo_envs.tooluse.core.oracle import CLOSING

RETAIL, AIRLINE, TELECOM = (
    "InfoPO/ToolUse-Retail-v0",
    "InfoPO/ToolUse-Airline-v0",
    "InfoPO/ToolUse-Telecom-v0",
)
GOODBYE = "[action] Thank you for contacting us. Goodbye!"

#: Every integer amount, written as money; one message "offering" all of them.
EVERY_AMOUNT = " ".join(f"${n}.00" for n in range(0, 400))
EVERY_MINUTE = " ".join(str(n) for n in range(0, 400))

BLIND_LISTS = {
    RETAIL: (
        "[action] Your order is pending, processed, delivered or cancelled. The amount "
        f"(refund, total, price difference or balance) is one of {EVERY_AMOUNT}."
    ),
    AIRLINE: (
        "[action] Your flight is on time, delayed or cancelled; the delay is one of "
        f"{EVERY_MINUTE} minutes. The reservation cannot be cancelled. The amount is one of "
        f"{EVERY_AMOUNT}."
    ),
    TELECOM: (
        f"[action] Your bill, cost or new monthly price is one of {EVERY_AMOUNT}. Your line "
        "is suspended or active."
    ),
}
NEGATIONS = {
    RETAIL: "[action] Your order is not processed and not delivered; it is not cancelled.",
    AIRLINE: (
        "[action] Your flight is on time, gate "
        + ", gate ".join(str(n) for n in range(0, 400))
        + ". It is not delayed and not cancelled, and the reservation cannot be cancelled."
    ),
    TELECOM: "[action] Your line is not suspended and your bill is not overdue.",
}
FIVE_FIXES = (
    "[action] Please turn airplane mode off.",
    "[action] Please turn mobile data on.",
    "[action] Please reset your APN settings.",
    "[action] Please take your SIM card out and reseat it.",
)
SIX_FIXES = (*FIVE_FIXES, "[action] Please turn data roaming on in your phone's settings.")


class Script(PlannedAgent):
    """A fixed list of actions, the same for every task (reads nothing)."""

    def __init__(self, *actions: str):
        super().__init__()
        self.actions = list(actions)

    def plan(self, env: Any) -> list[str]:
        return [*self.actions, GOODBYE]


class GoldWithoutAsking(PlannedAgent):
    """The gold lookups and changes with no question and no confirmation; then tells."""

    def plan(self, env: Any) -> list[str]:
        return [*env.gold_actions(), f"[action] {env.task.tells} {CLOSING}".strip(), GOODBYE]


def _agent_writes(env: Any, calls) -> list:
    tools = env.registries()[AGENT].tools
    return [c for c in calls if c.actor == AGENT and tools[c.name].kind == "write"]


class GoldWithoutConfirmation(PlannedAgent):
    """Asks for every fact, looks up, then makes the gold changes without proposing them.

    Only tasks with a change to confirm have this shortcut; on the others it gives up at once
    (there it would be the oracle, not a cheater).
    """

    def plan(self, env: Any) -> list[str]:
        if not _agent_writes(env, env.task.gold):
            return [GOODBYE]
        asks = [f"[action] {fact.question}" for fact in env.task.facts]
        return [*asks, *env.gold_actions(), f"[action] {env.task.tells} {CLOSING}", GOODBYE]


class ActAgainstTheCustomer(PlannedAgent):
    """Asks and proposes like the oracle, hears no, and makes the change anyway.

    Only tasks where the customer refuses a change have this shortcut; elsewhere it gives up.
    """

    def plan(self, env: Any) -> list[str]:
        task = env.task
        if not task.declined:
            return [GOODBYE]
        actions = [f"[action] {fact.question}" for fact in task.facts]
        actions += [env.action_for(call) for call in task.lookups]
        actions += [f"[action] {decision.proposal}" for decision in task.decisions]
        actions += [env.action_for(call) for call in task.declined]
        return [*actions, f"[action] {task.tells} {CLOSING}", GOODBYE]


def _blind(env_id: str) -> dict[str, Any]:
    agents: dict[str, Any] = {
        "list_every_value": lambda: Script(BLIND_LISTS[env_id]),
        "negate_the_facts": lambda: Script(NEGATIONS[env_id]),
        "list_then_negate": lambda: Script(BLIND_LISTS[env_id], NEGATIONS[env_id]),
    }
    if env_id == TELECOM:
        agents["five_fixed_instructions"] = lambda: Script(*FIVE_FIXES)
        agents["six_fixed_instructions"] = lambda: Script(*SIX_FIXES)
        agents["fixes_then_list"] = lambda: Script(*SIX_FIXES, BLIND_LISTS[env_id])
        agents["every_fix_in_one_message"] = lambda: Script(
            "[action] " + " Then ".join(fix[len("[action] ") :] for fix in SIX_FIXES)
        )
    return agents


def _policy() -> dict[str, Any]:
    return {
        "gold_without_asking": GoldWithoutAsking,
        "gold_without_confirmation": GoldWithoutConfirmation,
        "act_against_the_customer": ActAgainstTheCustomer,
    }


CHEATERS = {env_id: {**_blind(env_id), **_policy()} for env_id in (RETAIL, AIRLINE, TELECOM)}
