"""The default offline user: renders the env's ``ReplyPlan`` from templates, deterministically.

It needs no network and no model. Variety comes from choosing among the env's alternative
phrasings and among the templates below with a generator seeded at ``reset``, so the same seed
gives the same words in any process.
"""

from __future__ import annotations

import numpy as np

from simulators.base import UserSimulator, UserTurn
from simulators.personas import COOPERATIVE, Persona

TEMPLATES: dict[str, tuple[str, ...]] = {
    # Facts are whole sentences written by the env: templates frame them, never splice them.
    "reveal": ("{facts}", "Good question. {facts}", "Hmm, let me think. {facts}", "Sure. {facts}"),
    "volunteer": (
        "Maybe this helps: {facts}",
        "Oh, one more thing. {facts}",
        "Something I forgot to say: {facts}",
    ),
    "repeat": ("Like I said: {facts}", "As I mentioned before: {facts}"),
    "vague": (
        "That's a bit too vague for me. Could you ask about something specific?",
        "I'm not sure what you mean. Can you ask something more concrete?",
        "Could you be more specific? I can answer concrete questions.",
    ),
    "no_preference": (
        "I don't really have a preference there.",
        "No preference on that, honestly.",
        "That doesn't matter much to me.",
    ),
    "unknown": ("I don't know, sorry.", "I'm not sure about that.", "No idea, to be honest."),
    "confirm": ("Yes, please go ahead.", "Yes, that works for me.", "Sounds good, do it."),
    "refuse": ("No, please don't do that.", "No, I don't want that.", "Let's not do that."),
    "done": ("That's everything, thank you! ###STOP###", "Great, that's all I needed. ###STOP###"),
    "chat": ("Okay.", "Alright.", "Sure, go on."),
    "answer": ("{facts}",),
}


class RuleBasedUser(UserSimulator):
    """Template-based voice for any env's ``ReplyPlan``; the persona restyles the result."""

    name = "rule"

    def __init__(self, persona: Persona = COOPERATIVE):
        super().__init__(persona)
        self.reset(0)

    def reset(self, seed: int) -> None:
        self._rng = np.random.default_rng(seed)
        self._used_phrasings: set[str] = set()
        self._calls = 0

    def reply(self, turn: UserTurn) -> str:
        self._calls += 1
        plan = turn.plan
        facts = " ".join(self._phrase(options) for options in plan.facts)
        template = self._pick(TEMPLATES[plan.kind])
        text = template.format(facts=facts, detail=plan.detail)
        return self.persona.restyle(text.strip(), facts, self._rng)

    def stats(self) -> dict:
        return {"calls": self._calls}

    def _phrase(self, options: tuple[str, ...]) -> str:
        fresh = [o for o in options if o not in self._used_phrasings]
        pool = fresh if (self.persona.avoid_repeating_phrasing and fresh) else list(options)
        choice = self._pick(pool)
        self._used_phrasings.add(choice)
        return choice

    def _pick(self, options) -> str:
        return options[int(self._rng.integers(len(options)))]
