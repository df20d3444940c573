"""The typed model of Intention's requests: vague requests and the details they leave out.

A ``DetailKind`` knows everything about one missing detail of one request: how much it matters
(importance 1 to 3), the values a user may hold, the phrases that show a question is about it
(its lexicon, read by the judging core), a canonical question, and how a user states each value
implicitly. ``infopo_envs.intention.requests`` builds them from its data files.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DetailKind:
    """One kind of detail a request can leave out (e.g. the number of guests at a party)."""

    request: str  # the name of the request template it belongs to
    name: str
    label: str  # human label, e.g. "number of guests"
    importance: int  # 3 essential, 2 important, 1 nice to have
    keywords: tuple[str, ...]  # lexicon phrases, matched on lemmas by the judging core
    question: str  # a canonical question that asks about this detail and nothing else
    values: tuple[str, ...]  # acceptable values a user may hold
    implicit: tuple[str, ...]  # per value, a way to state it without reciting it

    @property
    def key(self) -> str:
        return f"{self.request}.{self.name}"

    def phrasings(self, value: str) -> tuple[str, ...]:
        """Ways a user states ``value``: implicitly first, then plainly."""
        implicit = self.implicit[self.values.index(value)]
        return implicit, f"For the {self.label}, I'd go with {value}."


@dataclass(frozen=True)
class RequestTemplate:
    """A vague everyday request (``plan a birthday party``) and the details it leaves out."""

    name: str
    request: str  # an infinitive clause: "plan a birthday party"
    details: tuple[DetailKind, ...]

    def detail(self, name: str) -> DetailKind:
        return next(kind for kind in self.details if kind.name == name)
