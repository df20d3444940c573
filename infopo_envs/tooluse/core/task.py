"""What a tool-use task is: the customer's hidden scenario, the gold calls, the required info.

The customer knows some facts (identity, which order, the new address...) and tells each one
when asked about it; answers proposals of the agent according to conditions (``accept`` is
decided by the generator, which knows the database); and wants some information told. The gold
calls are what a perfect agent does; replaying them on the initial state gives the goal state.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
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


# ---- tasks with several requests -------------------------------------------------------------


@dataclass
class Focus:
    """While two templates draft one task: the customer they share and the rows already used."""

    reserve: int = 2  # rows the second template may need beyond the first's
    key: str | None = None
    used: int = 0


_FOCUS: ContextVar[Focus | None] = ContextVar("tooluse_customer_focus", default=None)


def choose_customer(rng, table, rows_of, need: int = 0):
    """A customer row with at least ``need`` rows of their own (orders, reservations) and the
    index of the first of those rows the template may use.

    Drawn from ``rng``; when two templates draft one task (``combine``), the first draws a
    customer with room for both and the second gets the same customer and the next rows.
    """
    focus = _FOCUS.get()
    if focus is not None and focus.key is not None:
        start = focus.used
        focus.used += need
        return table[focus.key], start
    extra = focus.reserve if focus is not None else 0
    keys = [key for key in table if len(rows_of(_peek(table, key))) >= need + extra]
    key = pick(rng, keys)
    if focus is not None:
        focus.key, focus.used = key, need
    return table[key], 0


def _peek(table, key):
    return table.own.get(key, table.base[key]) if hasattr(table, "base") else table[key]


def combine(first, second):
    """A template whose customer has both requests: ``first``'s, then ``second``'s."""

    def template(rng, world) -> Task:
        token = _FOCUS.set(Focus())
        try:
            return merge(first(rng, world), second(rng, world))
        finally:
            _FOCUS.reset(token)

    template.__name__ = template.__qualname__ = f"{first.__name__}_and_{second.__name__}"
    return template


def merge(a: Task, b: Task) -> Task:
    """One task with both requests; ``b``'s facts and items that clash with ``a``'s are renamed."""
    facts = list(a.facts)
    for fact in b.facts:
        same = next((f for f in facts if f.key == fact.key), None)
        if same is None:
            facts.append(fact)
        elif same.says != fact.says:
            facts.append(replace(fact, key=f"{fact.key}_2"))
    labels = {item.label for item in a.required_info}
    items = [*a.required_info]
    items += [
        replace(i, label=f"{i.label} (2)") if i.label in labels else i for i in b.required_info
    ]
    lookups, seen = [], set()
    for call in (*a.lookups, *b.lookups):
        text = json.dumps(call.to_dict(), sort_keys=True)
        if text not in seen:
            seen.add(text)
            lookups.append(call)
    second = re.sub(r"^(?:hi|hello|hey)[,!]?\s*", "", b.opening, flags=re.IGNORECASE)
    second = second[0].lower() + second[1:]
    return Task(
        f"{a.template}+{b.template}",
        f"{a.opening} Also, {second}",
        f"{a.goal} Also: {b.goal}",
        tuple(facts),
        (*a.decisions, *b.decisions),
        (*a.gold, *b.gold),
        tuple(items),
        f"{a.tells} {b.tells}".strip(),
        tuple(lookups),
        (*a.declined, *b.declined),
    )
