"""The record of an episode: the opening observation and every (action, feedback) turn."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

FEEDBACK_SOURCES = ("user", "env", "tool")


@dataclass
class Turn:
    """One step: what the agent wrote, what came back, and how the env scored it."""

    action: str
    feedback: str
    reward: float
    feedback_source: str
    action_valid: bool
    info: dict[str, Any] = field(default_factory=dict)


@dataclass
class Transcript:
    """Everything the agent saw and did in one episode, JSON-serializable via ``to_dict``."""

    opening: str = ""
    turns: list[Turn] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        return cls(data["opening"], [Turn(**turn) for turn in data["turns"]])

    def render(self) -> str:
        """Plain text for ``render_mode="ansi"``: the opening, then ``> action`` and feedback."""
        parts = [self.opening]
        for turn in self.turns:
            parts.append(f"> {turn.action}")
            parts.append(turn.feedback)
        return "\n".join(parts) + "\n"
