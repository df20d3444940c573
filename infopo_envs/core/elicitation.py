"""Elicitation bookkeeping: what a question to the user uncovered, and what the user should say.

Envs with a user who holds hidden facts (preferences, missing details) judge each question the
same way: from the keys the question asks about (the env's lexicon decides those), the keys the
user holds and the keys already uncovered, it sorts the question into new facts, facts asked
again, things the user has no preference on, or nothing concrete at all, and picks the matching
``ReplyPlan``. The env then rewards the sorted result, never the simulator's words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from infopo_envs.core.env import Feedback
from infopo_envs.core.user import UserChannel
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


@dataclass(frozen=True)
class Answer:
    """What one question earns: the reply plan, the keys it uncovers, the keys volunteered.

    ``keys`` are the keys the reply concerns (revealed, repeated, without preference, or
    volunteered), which ``judgment`` reports as ``info["judgment"]``.
    """

    plan: ReplyPlan
    elicited: tuple[str, ...]
    volunteered: tuple[str, ...]
    unhelpful: int
    keys: tuple[str, ...] = ()

    @property
    def judgment(self) -> dict:
        return {"kind": self.plan.kind, "keys": sorted(self.keys)}


def _concerned(judged: Elicitation, reveal_at_most: int | None) -> tuple[str, ...]:
    if judged.new:
        return judged.new[:reveal_at_most]
    if judged.again:
        return judged.again[:1]
    return judged.unheld


class ElicitationTracker:
    """A user's hidden facts and what the agent has uncovered of them so far.

    Each question reveals at most ``reveal_at_most`` new facts (rewarded by the env). After
    ``volunteer_after`` unhelpful questions in a row (no new fact), the user volunteers a random
    remaining fact, which is known from then on but never rewarded. ``unhelpful_kinds`` names the
    reply kinds that count as unhelpful (None: every reply without a new fact); a reply of another
    kind without a new fact neither counts nor resets the count, so an env can let only concrete
    questions provoke volunteering. ``may_volunteer(key, volunteered)`` can forbid a fact (e.g.
    to cap how much may be learnt without asking). ``answer`` decides without changing
    anything; ``commit`` applies the decision once the simulator has spoken, so a failing
    simulator leaves the tracker as it was.
    """

    def __init__(
        self,
        facts: Mapping[str, tuple[str, ...]],
        *,
        reveal_at_most: int | None = 1,
        volunteer_after: int = 3,
        unhelpful_kinds: Collection[str] | None = None,
        may_volunteer: Callable[[str, frozenset[str]], bool] | None = None,
    ):
        self.facts = dict(facts)
        self.reveal_at_most = reveal_at_most
        self.volunteer_after = volunteer_after
        self.unhelpful_kinds = None if unhelpful_kinds is None else frozenset(unhelpful_kinds)
        self.may_volunteer = may_volunteer
        self.elicited: set[str] = set()
        self.volunteered: set[str] = set()
        self.unhelpful = 0

    @property
    def known(self) -> set[str]:
        return self.elicited | self.volunteered

    def answer(self, asked: Iterable[str], rng: np.random.Generator) -> Answer:
        judged = Elicitation.judge(asked, self.facts, self.known)
        plan = judged.plan(self.facts, reveal_at_most=self.reveal_at_most)
        elicited = judged.new[: self.reveal_at_most]
        keys = _concerned(judged, self.reveal_at_most)
        counts = self.unhelpful_kinds is None or plan.kind in self.unhelpful_kinds
        unhelpful = 0 if elicited else self.unhelpful + counts
        volunteered = frozenset(self.volunteered)
        remaining = [
            key
            for key in self.facts
            if key not in self.known
            and (self.may_volunteer is None or self.may_volunteer(key, volunteered))
        ]
        if counts and unhelpful >= self.volunteer_after and remaining:
            pick = remaining[int(rng.integers(len(remaining)))]
            return Answer(
                ReplyPlan("volunteer", (self.facts[pick],)), elicited, (pick,), 0, (pick,)
            )
        return Answer(plan, elicited, (), unhelpful, keys)

    def commit(self, answer: Answer) -> None:
        self.elicited.update(answer.elicited)
        self.volunteered.update(answer.volunteered)
        self.unhelpful = answer.unhelpful

    def ask(
        self,
        user: UserChannel,
        question: str,
        asked: Iterable[str],
        rng: np.random.Generator,
        reward_per_fact: float,
    ) -> Feedback:
        """One question turn of an eliciting env: judge, let the user speak, then record.

        ``asked`` are the keys the env's lexicon found in ``question``. If the simulator raises,
        nothing has been recorded.
        """
        answer = self.answer(asked, rng)
        reply = user.say(question, answer.plan)
        self.commit(answer)
        reward = reward_per_fact * len(answer.elicited)
        info = {"reply_kind": answer.plan.kind, "judgment": answer.judgment}
        return Feedback(reply, reward, "user", info=info)
