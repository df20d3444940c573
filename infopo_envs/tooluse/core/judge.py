"""What the customer conveys in reply to an agent message, decided from the hidden scenario.

The env, not the simulator, decides, reading the message with the shared judging core
(lemmas, clauses, the writer's refusals): a farewell ends the conversation; a proposal that
matches one of the scenario's decisions, in a clause the agent does not retract ("I won't
cancel anything yet"), gets yes or no; once the goal is met the customer says it is done; a
message about a topic the customer knows gets that fact (one new fact per message); an offer
of help or small talk gets a plain acknowledgement, any other question "I don't know". The
rule-based simulator then only words the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from infopo_envs.core.judging import Lexicon, Reading, read
from infopo_envs.tooluse.core.task import InfoItem, Task, numbers_in
from simulators import ReplyPlan

#: Offers of help and greetings: the customer hears no question about anything it knows.
OFFERS = (
    "how can i help",
    "how may i help",
    "how can i assist",
    "how may i assist",
    "what can i do for you",
    "how else can i help",
    "how else may i help",
    "anything else i can help",
    "anything else i can do",
)
#: Words that mean the same in a proposal (the decision's lexicon names one of them).
SAME_MEANING = {
    "cancel": ("cancellation",),
    "exchange": ("swap", "replace"),
    "add": ("top up",),
    "refuel": ("top up", "top-up"),
    "gb": ("gigabyte",),
    "modify": ("change", "update"),
    "correct": ("fix", "update", "change"),
    "move": ("change", "rebook", "switch"),
    "book": ("reserve",),
    "bill": ("balance",),
    "address": ("ship to", "deliver to"),
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
    "correct",
    "yes or no",
)
CUES = Lexicon({"farewell": FAREWELLS, "offer": OFFERS, "propose": PROPOSING})


@dataclass(frozen=True)
class TaskLexicon:
    """The task's facts (key -> topics) and decisions (one key per group of each decision)."""

    facts: Lexicon
    decisions: Lexicon

    @classmethod
    def of(cls, task: Task) -> TaskLexicon:
        groups = {
            f"{index}/{part}": [
                w for phrase in group for w in (phrase, *SAME_MEANING.get(phrase, ()))
            ]
            for index, decision in enumerate(task.decisions)
            for part, group in enumerate(decision.about)
        }
        return cls(Lexicon({fact.key: fact.topics for fact in task.facts}), Lexicon(groups))


def decide(
    message: str,
    task: Task,
    known: Iterable[str],
    goal_met: bool,
    lexicon: TaskLexicon | None = None,
) -> tuple[ReplyPlan, str, tuple[str, ...]]:
    """The plan for the customer's reply, the key of a newly told fact (or ``""``), and the
    keys of the facts or decisions the reply concerns (the judgment)."""
    reading, known = read(message), set(known)
    lexicon = lexicon or TaskLexicon.of(task)
    cues = reading.keys(CUES)
    if "farewell" in cues:
        return ReplyPlan("done"), "", ()
    decision = _proposed(reading, task, lexicon) if "propose" in cues else None
    if decision is not None:
        kind = "confirm" if decision.accept else "refuse"
        return ReplyPlan(kind, detail=decision.key), "", (decision.key,)
    if goal_met:
        return ReplyPlan("done"), "", ()
    by_key = {fact.key: fact for fact in task.facts}
    asked = [by_key[key] for key in reading.keys(lexicon.facts)]
    new = [fact for fact in asked if fact.key not in known]
    if new:
        return ReplyPlan("reveal", (new[0].says,)), new[0].key, (new[0].key,)
    if asked:
        return ReplyPlan("repeat", (asked[0].says,)), "", (asked[0].key,)
    if "offer" in cues or "?" not in message:
        return ReplyPlan("chat"), "", ()
    return ReplyPlan("unknown"), "", ()


def _proposed(reading: Reading, task: Task, lexicon: TaskLexicon):
    """The decision whose every group the message names outside retracted clauses and outside
    "before ..." clauses ("Before I cancel order #W1, may I ask why?" proposes nothing yet)."""
    named = {
        hit.key
        for hit in reading.find(lexicon.decisions)
        if not hit.negated and reading.clauses[hit.clause].opener != "before"
    }
    for index, decision in enumerate(task.decisions):
        if all(f"{index}/{part}" in named for part in range(len(decision.about))):
            return decision
    return None


_MONEY = re.compile(
    r"\$\s?(\d[\d,]*(?:\.\d+)?)|\b(\d[\d,]*\.\d\d)\b|\b(\d[\d,]*(?:\.\d+)?)\s?(?:dollars|usd)\b",
    re.IGNORECASE,
)
_MINUTES = re.compile(r"\b(\d+)\s?(?:minutes?|mins?)\b", re.IGNORECASE)
#: A statement is negated when its clause holds one of these words (the judging core flags the
#: writer's refusals, "don't do X"; a told value must also not be denied, "it is not X").
DENIALS = frozenset({"not", "n't", "no", "never", "none", "neither", "nor"})


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
        if item.kind == "word" and any(_mentions(message, rival) for rival in item.rivals):
            continue
        if any(_stated(item, clause) for clause in clauses(message)):
            told.add(item.label)
    return told


def clauses(message: str) -> list[str]:
    """The message's clauses, as the judging core splits them, in text order."""
    return [clause.text for clause in read(message).clauses]


def _denied(text: str) -> bool:
    return bool(DENIALS & {token.text for clause in read(text).clauses for token in clause.tokens})


def _stated(item: InfoItem, clause: str) -> bool:
    for alternative in item.says:
        if item.kind == "word":
            # an answer that is itself negative ("cannot be cancelled") may carry a negation
            if _mentions(clause, alternative) and (_denied(alternative) or not _denied(clause)):
                return True
        elif not _denied(clause):
            found = _amounts(clause) if item.kind == "amount" else _minutes(clause)
            if _value(alternative) in found:
                return True
    return False


def _mentions(text: str, phrase: str) -> bool:
    return bool(read(text).find(_phrase_lexicon(phrase)))


_PHRASES: dict[str, Lexicon] = {}


def _phrase_lexicon(phrase: str) -> Lexicon:
    if phrase not in _PHRASES:
        _PHRASES[phrase] = Lexicon({"it": (phrase,)})
    return _PHRASES[phrase]


def _value(text: str) -> float:
    return round(float(text.replace(",", "")), 2)


def _amounts(text: str) -> set[float]:
    return {_value(next(g for g in match.groups() if g)) for match in _MONEY.finditer(text)}


def _minutes(text: str) -> set[float]:
    return {_value(match.group(1)) for match in _MINUTES.finditer(text)}
