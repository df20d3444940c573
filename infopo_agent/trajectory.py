"""``Trajectory``: one episode as the policy saw it, with the exact token span of every part.

``token_ids`` is the whole conversation with the chat template applied (built by
``chat_format.Conversation``). ``action_spans[t]`` holds the policy's own tokens for action a_t
(the only tokens that carry loss); ``feedback_spans[t]`` holds the tokens of the feedback o_t to
that action, inside the template's wrapper. Spans are half-open ``(start, end)`` index pairs.

Information gain pairs feedback o_t with the next action a_{t+1}; ``ig_turns()`` gives those
pairs, and IG_t is credited to a_t.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class Trajectory:
    token_ids: list[int]
    action_spans: list[Span]
    feedback_spans: list[Span]
    rewards: list[float]
    outcome: float
    success: bool
    placeholder: str
    placeholder_ids: list[int]
    task_id: str
    group_id: str
    terminated: bool = False
    truncated: bool = False
    messages: list[dict[str, str]] = field(default_factory=list)
    #: Set when the user simulator failed mid-episode: the episode is not scored or trained on.
    simulator_error: str | None = None

    def __post_init__(self):
        self.action_spans = [tuple(s) for s in self.action_spans]
        self.feedback_spans = [tuple(s) for s in self.feedback_spans]
        if len(self.feedback_spans) > len(self.action_spans):
            raise ValueError("a trajectory has at most one feedback per action")
        if len(self.rewards) != len(self.feedback_spans):
            raise ValueError("one reward per step (per feedback) is expected")
        for start, end in [*self.action_spans, *self.feedback_spans]:
            if not 0 <= start <= end <= len(self.token_ids):
                raise ValueError(f"span ({start}, {end}) outside the {len(self.token_ids)} tokens")

    @property
    def num_turns(self) -> int:
        return len(self.action_spans)

    def ig_turns(self) -> tuple[list[Span], list[Span]]:
        """(feedback o_t, next action a_{t+1}) span pairs: every feedback followed by an action."""
        count = min(len(self.feedback_spans), len(self.action_spans) - 1)
        return self.feedback_spans[:count], self.action_spans[1 : count + 1]

    def action_mask(self) -> list[bool]:
        """True on the policy's own tokens (the tokens that carry loss)."""
        mask = [False] * len(self.token_ids)
        for start, end in self.action_spans:
            mask[start:end] = [True] * (end - start)
        return mask

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trajectory:
        return cls(**data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Trajectory:
        return cls.from_dict(json.loads(text))
