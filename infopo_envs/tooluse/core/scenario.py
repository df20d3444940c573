"""What a tool-use task is: the customer's hidden scenario, the gold calls, the required info.

The customer knows some facts (identity, which order, the new address...) and tells each one
when asked about it; answers proposals of the agent according to conditions (``accept`` is
decided by the generator, which knows the database); and wants some information told. The gold
calls are what a perfect agent does; replaying them on the initial state gives the goal state.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from infopo_envs.tooluse.core.calls import ToolCall


@dataclass(frozen=True)
class Fact:
    """Something the customer knows and tells when the agent's message mentions a topic."""

    key: str
    topics: tuple[str, ...]  # lexicon: words or phrases of a message that ask about it
    says: tuple[str, ...]  # alternative phrasings of the answer
    question: str  # a canonical question (used by the oracle)


@dataclass(frozen=True)
class Decision:
    """A proposal the customer answers: yes when ``accept``, else no.

    A message is about the decision when it contains a phrase of every group of ``about``
    (e.g. ``(("cancel",), ("w0000123",))``).
    """

    key: str
    about: tuple[tuple[str, ...], ...]
    accept: bool
    condition: str  # what the customer's answer depends on, for LLM simulators
    proposal: str  # a canonical proposal (used by the oracle)
    covers: int = 1  # how many consecutive gold writes this one yes authorizes


@dataclass(frozen=True)
class InfoItem:
    """A piece of information the agent must tell as the answer; any alternative counts.

    ``kind`` says how the value is written: ``amount`` (money: ``$12.50``, ``12.50 dollars``),
    ``minutes`` (``105 minutes``) or ``word`` (whole words, ``processed``). ``rivals`` are the
    other values of the same slot (the other order statuses): a message naming one of them
    offers candidates rather than the answer. ``grounds`` must have appeared in what the tools
    returned before the message (by default the value itself): the agent has to look it up.
    """

    label: str
    says: tuple[str, ...]
    kind: Literal["amount", "minutes", "word"] = "amount"
    rivals: tuple[str, ...] = ()
    grounds: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Task:
    """A generated task. The env computes the goal state from ``gold``."""

    template: str
    opening: str  # the customer's first message
    goal: str  # what the customer wants, in one or two sentences (for the role)
    facts: tuple[Fact, ...]
    decisions: tuple[Decision, ...] = ()
    gold: tuple[ToolCall, ...] = ()
    required_info: tuple[InfoItem, ...] = ()
    tells: str = ""  # a sentence telling every required item (used by the oracle)
    lookups: tuple[ToolCall, ...] = ()  # gold reads, authentication first (state unchanged)
    declined: tuple[ToolCall, ...] = ()  # what the customer would want done had they said yes

    @property
    def steps(self) -> tuple[ToolCall, ...]:
        """The whole gold episode: the lookups, then the changes."""
        return (*self.lookups, *self.gold)

    def hidden(self) -> dict[str, Any]:
        """The scenario as JSON-serializable data, for simulators that take it structured."""
        return {
            "goal": self.goal,
            "facts": {fact.key: fact.says[0] for fact in self.facts},
            "decisions": {
                d.key: {"accept": d.accept, "condition": d.condition} for d in self.decisions
            },
        }

    def role(self, company: str) -> str:
        """The role description given to LLM simulators."""
        lines = [
            f"You are a customer talking to a {company} support agent.",
            f"What you want: {self.goal}",
            f'You opened with: "{self.opening}"',
            "What you know (tell each item only when the agent asks about it):",
            *[f"- {fact.says[0]}" for fact in self.facts],
        ]
        if self.decisions:
            lines.append("How you answer the agent's proposals:")
            for decision in self.decisions:
                answer = "agree" if decision.accept else "refuse"
                lines.append(f"- {decision.condition} (here: {answer})")
        lines += [
            "You know nothing else: say you don't know. Never invent ids or numbers.",
            "When the agent asks you to do something on your phone, report the result given.",
            "When everything you wanted is done, say thanks and end with ###STOP###.",
        ]
        return "\n".join(lines)

    def describe(self) -> str:
        """A compact JSON summary (for debugging and the docs)."""
        return json.dumps(
            {
                "template": self.template,
                "gold": [c.to_dict() for c in self.steps],
                "required_info": [i.says[0] for i in self.required_info],
            },
            sort_keys=True,
        )


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers_in(text: str) -> set[float]:
    """The numbers written in ``text`` (commas as thousands separators), rounded to cents."""
    return {round(float(match.replace(",", "")), 2) for match in _NUMBER.findall(text)}


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def pick(rng, items):
    """One element of ``items``, drawn from ``rng`` (templates' only way to choose)."""
    items = list(items)
    return items[int(rng.integers(len(items)))]


def pick_row(rng, table):
    """A row of a table drawn from ``rng`` by key (so a copy-on-write view copies one row)."""
    return table[pick(rng, list(table))]


def rows(table):
    """The rows of a table for reading only: a copy-on-write view's base rows are not copied."""
    if hasattr(table, "base"):
        return [table.own[key] if key in table.own else table.base[key] for key in table]
    return list(table.values())


def money(amount: float) -> str:
    """An amount as told to the customer and checked in the agent's messages (``12.50``)."""
    return f"{abs(amount):.2f}"
