"""Personas: how a simulated user talks, for testing agents under user shift.

A persona never changes what the user wants, only how it comes across. It has two faces: a
``prompt`` addition for LLM-backed simulators and a ``restyle`` for the rule-based one.
``strict_questions`` is read by the env's judge: a reluctant user only answers questions that
name both the thing (``hotel``) and the property (``budget``), so the judge must not credit looser
questions either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DIGRESSIONS = (
    "Sorry, my cat just walked across the keyboard.",
    "Anyway, it's been a long week.",
    "Oh, and the weather here is awful today.",
    "I'm typing this on my phone, bear with me.",
)
FILLERS = (
    "Let me think about that for a second.",
    "Thanks for checking with me, I appreciate it.",
    "I hope that helps you narrow things down.",
    "It's the kind of thing I care about, honestly.",
)


@dataclass(frozen=True)
class Persona:
    name: str
    prompt: str
    strict_questions: bool = False
    avoid_repeating_phrasing: bool = False

    def restyle(self, text: str, facts: str, rng: np.random.Generator) -> str:
        """The rule-based simulator's rendering of ``text`` (which states ``facts``, if any)."""
        if self.name == "terse":
            return _first_sentence(facts or text)
        if self.name == "verbose":
            return f"{text} {FILLERS[int(rng.integers(len(FILLERS)))]}"
        if self.name == "noisy":
            return f"{_typos(text, rng)} {DIGRESSIONS[int(rng.integers(len(DIGRESSIONS)))]}"
        return text


def _first_sentence(text: str) -> str:
    for stop in (". ", "! ", "? "):
        head, sep, _ = text.partition(stop)
        if sep:
            return head + stop.strip()
    return text


def _typos(text: str, rng: np.random.Generator, rate: float = 0.06) -> str:
    """Swap adjacent letters inside words at ``rate``; digits are left alone so values survive."""
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        if chars[i].isalpha() and chars[i + 1].isalpha() and rng.random() < rate:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
            i += 2
        else:
            i += 1
    return "".join(chars)


COOPERATIVE = Persona(
    "cooperative",
    "You are friendly and cooperative. Answer the question you are asked clearly.",
)
TERSE = Persona("terse", "You are terse. Answer in as few words as possible, one short sentence.")
VERBOSE = Persona(
    "verbose",
    "You are chatty. Wrap every answer in a few extra friendly sentences, but do not add facts.",
)
NOISY = Persona(
    "noisy",
    "You type quickly with occasional typos and drift into small unrelated digressions, but the "
    "facts you give are correct.",
)
RELUCTANT = Persona(
    "reluctant",
    "You are reluctant to share. Only answer questions that name exactly what they are about "
    "(for example the hotel's budget); to anything broader, say it is too vague.",
    strict_questions=True,
)
INCONSISTENT = Persona(
    "inconsistent",
    "Each time you mention a preference, phrase it differently from before, without ever "
    "changing its value.",
    avoid_repeating_phrasing=True,
)

PERSONAS: dict[str, Persona] = {
    p.name: p for p in (COOPERATIVE, TERSE, VERBOSE, NOISY, RELUCTANT, INCONSISTENT)
}


def persona_named(name: str) -> Persona:
    try:
        return PERSONAS[name]
    except KeyError:
        raise ValueError(f"unknown persona {name!r}; choose from {', '.join(PERSONAS)}") from None
