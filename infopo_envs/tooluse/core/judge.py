"""What the customer conveys in reply to an agent message, decided from the hidden scenario.

The env, not the simulator, decides: a farewell ends the conversation; a proposal that matches
one of the scenario's decisions gets yes or no; once the goal is met the customer says it is
done; a message about a topic the customer knows gets that fact (one new fact per message);
any other question gets "I don't know". The rule-based simulator then only words the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from infopo_envs.core.lexicon import mentions, words_of
from infopo_envs.tooluse.core.scenario import Decision, InfoItem, Task, numbers_in
from simulators import ReplyPlan

#: Offers of help and greetings: the customer hears no question about anything it knows.
OFFERS = (
    "how can i help",
    "how may i help",
    "how can i assist",
    "how may i assist",
    "what can i do for you",
    "anything else i can help",
    "anything else i can do",
)
#: Words that mean the same in a proposal (the decision's lexicon names one of them).
SAME_MEANING = {
    "cancel": ("cancellation", "cancelling", "canceling", "cancelled", "canceled"),
    "exchange": ("swap", "exchanging", "replace"),
    "add": ("top up", "adding"),
    "refuel": ("top up", "top-up"),
    "gb": ("gigabyte", "gigabytes"),
    "upgrade": ("upgrading",),
    "modify": ("change", "changing"),
}
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


def decide(
    message: str, task: Task, known: Iterable[str], goal_met: bool
) -> tuple[ReplyPlan, str, tuple[str, ...]]:
    """The plan for the customer's reply, the key of a newly told fact (or ``""``), and the
    keys of the facts or decisions the reply concerns (the judgment)."""
    text, known = words_of(message), set(known)
    if mentions(text, FAREWELLS):
        return ReplyPlan("done"), "", ()
    decision = proposed_decision(text, task.decisions)
    if decision is not None:
        kind = "confirm" if decision.accept else "refuse"
        return ReplyPlan(kind, detail=decision.key), "", (decision.key,)
    if goal_met:
        return ReplyPlan("done"), "", ()
    asked = [fact for fact in task.facts if mentions(text, normal(fact.topics))]
    new = [fact for fact in asked if fact.key not in known]
    if new:
        return ReplyPlan("reveal", (new[0].says,)), new[0].key, (new[0].key,)
    if asked:
        return ReplyPlan("repeat", (asked[0].says,)), "", (asked[0].key,)
    if mentions(text, OFFERS) or "?" not in message:
        return ReplyPlan("chat"), "", ()
    return ReplyPlan("unknown"), "", ()


def proposed_decision(text: str, decisions: Iterable[Decision]) -> Decision | None:
    """The decision a (padded, lower-cased) message proposes, if it proposes one."""
    if not mentions(text, PROPOSING):
        return None
    for decision in decisions:
        if all(mentions(text, normal(_with_same_meaning(group))) for group in decision.about):
            return decision
    return None


_MONEY = re.compile(
    r"\$\s?(\d[\d,]*(?:\.\d+)?)|\b(\d[\d,]*\.\d\d)\b|\b(\d[\d,]*(?:\.\d+)?)\s?(?:dollars|usd)\b",
    re.IGNORECASE,
)
_MINUTES = re.compile(r"\b(\d+)\s?(?:minutes?|mins?)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;!?\n]+\s|[.;!?]$|,\s*(?:but|so|and|while)\b|\bbut\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|none|cannot|neither|nor)\b|n't\b", re.IGNORECASE)


class Evidence:
    """What the tools have returned so far in the episode: the only source of a told value."""

    def __init__(self):
        self.text = ""
        self.numbers: set[float] = set()

    def add(self, output: str) -> None:
        self.text += "\n" + output.lower()
        self.numbers |= numbers_in(output)

    def grounds(self, item: InfoItem) -> bool:
        if item.grounds is not None:
            return all(ground.lower() in self.text for ground in item.grounds)
        if item.kind == "word":
            return any(value.lower() in self.text for value in item.says)
        return any(_value(value) in self.numbers for value in item.says)


def told_now(message: str, items: Iterable[InfoItem], evidence: Evidence) -> set[str]:
    """The labels of ``items`` that ``message`` states as the answer.

    A value counts when it was looked up (``evidence``), is stated in a clause that is not
    negated, and the message offers no more values of its kind than the task asks for (a
    message listing candidates answers nothing).
    """
    items = list(items)
    allowed = {kind: sum(item.kind == kind for item in items) for kind in ("amount", "minutes")}
    offered = {"amount": _amounts(message), "minutes": _minutes(message)}
    told = set()
    for item in items:
        if not evidence.grounds(item):
            continue
        if item.kind != "word" and len(offered[item.kind]) > allowed[item.kind]:
            continue
        if item.kind == "word" and mentions(words_of(message), normal(item.rivals)):
            continue
        if any(_stated(item, clause) for clause in clauses(message)):
            told.add(item.label)
    return told


def clauses(message: str) -> list[str]:
    """The message cut into clauses (sentences, and parts joined by "but", ", so", ...)."""
    return [part for part in _CLAUSE_BREAK.split(message) if part and part.strip()]


def _stated(item: InfoItem, clause: str) -> bool:
    for alternative in item.says:
        if item.kind == "word":
            # an answer that is itself negative ("cannot be cancelled") may carry a negation
            if mentions(words_of(clause), normal((alternative,))) and (
                _NEGATION.search(alternative) or not _NEGATION.search(clause)
            ):
                return True
        elif not _NEGATION.search(clause):
            found = _amounts(clause) if item.kind == "amount" else _minutes(clause)
            if _value(alternative) in found:
                return True
    return False


def _value(text: str) -> float:
    return round(float(text.replace(",", "")), 2)


def _amounts(text: str) -> set[float]:
    return {_value(next(g for g in match.groups() if g)) for match in _MONEY.finditer(text)}


def _minutes(text: str) -> set[float]:
    return {_value(match.group(1)) for match in _MINUTES.finditer(text)}


def _with_same_meaning(group: Iterable[str]) -> tuple[str, ...]:
    return tuple(word for phrase in group for word in (phrase, *SAME_MEANING.get(phrase, ())))


def normal(phrases: Iterable[str]) -> tuple[str, ...]:
    """Phrases in the lexicon's normal form (lower-case words separated by single spaces)."""
    return tuple(words_of(phrase).strip() for phrase in phrases)
