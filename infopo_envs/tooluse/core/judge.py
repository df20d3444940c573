"""What the customer conveys in reply to an agent message, decided from the hidden scenario.

The env, not the simulator, decides: a farewell ends the conversation; a proposal that matches
one of the scenario's decisions gets yes or no; once the goal is met the customer says it is
done; a message about a topic the customer knows gets that fact (one new fact per message);
any other question gets "I don't know". The rule-based simulator then only words the plan.
"""

from __future__ import annotations

from collections.abc import Iterable

from infopo_envs.core.lexicon import mentions, words_of
from infopo_envs.tooluse.core.scenario import Decision, InfoItem, Task, is_number, numbers_in
from simulators import ReplyPlan

FAREWELLS = ("goodbye", "bye", "have a nice day", "have a great day", "take care")
PROPOSING = (
    "confirm",
    "proceed",
    "shall i",
    "should i",
    "would you like",
    "do you want",
    "go ahead",
    "is that okay",
    "is that ok",
    "may i",
    "do you agree",
    "okay with",
    "ok with",
)


def decide(message: str, task: Task, known: Iterable[str], goal_met: bool) -> tuple[ReplyPlan, str]:
    """The plan for the customer's reply, and the key of a newly told fact (or ``""``)."""
    text, known = words_of(message), set(known)
    if mentions(text, FAREWELLS):
        return ReplyPlan("done"), ""
    decision = proposed_decision(text, task.decisions)
    if decision is not None:
        return ReplyPlan("confirm" if decision.accept else "refuse", detail=decision.key), ""
    if goal_met:
        return ReplyPlan("done"), ""
    asked = [fact for fact in task.facts if mentions(text, normal(fact.topics))]
    new = [fact for fact in asked if fact.key not in known]
    if new:
        return ReplyPlan("reveal", (new[0].says,)), new[0].key
    if asked:
        return ReplyPlan("repeat", (asked[0].says,)), ""
    return ReplyPlan("unknown" if "?" in message else "chat"), ""


def proposed_decision(text: str, decisions: Iterable[Decision]) -> Decision | None:
    """The decision a (padded, lower-cased) message proposes, if it proposes one."""
    if not mentions(text, PROPOSING):
        return None
    for decision in decisions:
        if all(mentions(text, normal(group)) for group in decision.about):
            return decision
    return None


def told(item: InfoItem, messages: Iterable[str]) -> bool:
    """Whether any agent message conveys ``item`` (a number by value, words as whole words)."""
    messages = list(messages)
    for alternative in item.says:
        if is_number(alternative):
            value = round(float(alternative.replace(",", "")), 2)
            if any(value in numbers_in(message) for message in messages):
                return True
        elif any(mentions(words_of(message), normal((alternative,))) for message in messages):
            return True
    return False


def normal(phrases: Iterable[str]) -> tuple[str, ...]:
    """Phrases in the lexicon's normal form (lower-case words separated by single spaces)."""
    return tuple(words_of(phrase).strip() for phrase in phrases)
