"""Elicitation bookkeeping: what a question to the user uncovered, and what the user should say.

Envs with a user who holds hidden facts (preferences, missing details) judge each question the
same way: from the keys the question asks about (the env's lexicon decides those), the keys the
user holds and the keys already uncovered, it sorts the question into new facts, facts asked
again, things the user has no preference on, or nothing concrete at all, and picks the matching
``ReplyPlan``. The env then rewards the sorted result, never the simulator's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from simulators import ReplyPlan


@dataclass(frozen=True)
class Elicitation:
    """One question measured against the user's hidden facts; keys keep the question's order."""

    new: tuple[str, ...]
    again: tuple[str, ...]
    unheld: tuple[str, ...]

    @classmethod
    def judge(cls, asked: Iterable[str], held: Iterable[str], known: Iterable[str]) -> Elicitation:
        asked, held, known = list(dict.fromkeys(asked)), set(held), set(known)
        return cls(
            new=tuple(k for k in asked if k in held and k not in known),
            again=tuple(k for k in asked if k in held and k in known),
            unheld=tuple(k for k in asked if k not in held),
        )

    @property
    def concrete(self) -> bool:
        """Whether the question asked about anything the lexicon knows."""
        return bool(self.new or self.again or self.unheld)

    def plan(
        self, phrasings: Mapping[str, tuple[str, ...]], *, reveal_at_most: int | None = None
    ) -> ReplyPlan:
        """The reply: reveal new facts (the first ``reveal_at_most``, all when None), else repeat
        the first fact asked again, else no preference, else the question is too vague."""
        if self.new:
            return ReplyPlan("reveal", tuple(phrasings[k] for k in self.new[:reveal_at_most]))
        if self.again:
            return ReplyPlan("repeat", (phrasings[self.again[0]],))
        if self.unheld:
            return ReplyPlan("no_preference")
        return ReplyPlan("vague")
