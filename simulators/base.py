"""The user-simulator interface shared by every env that talks to a user.

The env is the judge and the simulator is the voice. On each agent message the env decides, from
the hidden profile, what the user should convey (a ``ReplyPlan``: reveal this preference, say the
question is too vague, confirm, ...), and rewards that decision. The simulator turns the plan
(rule-based) or the role and the conversation (LLM-backed) into the user's words. Rewards never
depend on the simulator's wording, so swapping simulators or personas shifts the user, not the
scoring.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from simulators.personas import COOPERATIVE, Persona

#: Plan kinds an env may ask for. Each rule-based reply has templates for these.
PLAN_KINDS = (
    "reveal",  # state the plan's facts (answer to a concrete question)
    "volunteer",  # state the facts unprompted (after several unhelpful questions)
    "repeat",  # restate facts already given
    "vague",  # the question is too vague to answer
    "no_preference",  # concrete question about something the user does not care about
    "unknown",  # the user does not know
    "confirm",  # agree to a proposed action
    "refuse",  # decline a proposed action
    "done",  # the user's goal is met; the conversation can end
    "chat",  # small talk / acknowledgement with no facts
    "answer",  # a short direct answer (yes / no / maybe, a verdict on a guess): the facts alone
)


class SimulatorError(RuntimeError):
    """A simulator could not produce a reply (endpoint down, model failure, cache miss, ...)."""


@dataclass(frozen=True)
class Message:
    """One line of the conversation as the user sees it."""

    speaker: str  # "agent" or "user"
    text: str


@dataclass(frozen=True)
class ReplyPlan:
    """What the env decided the user conveys this turn.

    ``facts`` holds one entry per fact to convey, each a tuple of alternative phrasings written
    by the env (implicit sentences, never the structured value); ``detail`` is optional extra
    text for the template (e.g. what the agent proposed).
    """

    kind: str
    facts: tuple[tuple[str, ...], ...] = ()
    detail: str = ""

    def __post_init__(self):
        if self.kind not in PLAN_KINDS:
            raise ValueError(f"unknown plan kind {self.kind!r}; expected one of {PLAN_KINDS}")


@dataclass(frozen=True)
class UserTurn:
    """Everything a simulator may use to write the next user message."""

    role: str  # the role description the env wrote from the hidden profile
    history: tuple[Message, ...]  # the conversation so far, ending with the agent's message
    plan: ReplyPlan
    hidden: dict[str, Any] = field(default_factory=dict)  # structured profile, JSON-serializable


class UserSimulator(ABC):
    """Turns ``UserTurn``s into user messages. Subclasses must be deterministic given the seed."""

    #: A short stable identifier (part of cache keys and transcripts).
    name: str = "simulator"

    def __init__(self, persona: Persona = COOPERATIVE):
        self.persona = persona

    @abstractmethod
    def reset(self, seed: int) -> None:
        """Start a new conversation; all randomness of the episode derives from ``seed``."""

    @abstractmethod
    def reply(self, turn: UserTurn) -> str:
        """The user's next message. Raises ``SimulatorError`` rather than return nothing."""

    def stats(self) -> dict[str, Any]:
        """Usage counters for info (calls, tokens, ...); JSON-serializable."""
        return {}

    def describe(self) -> str:
        return f"{self.name}:{self.persona.name}"
