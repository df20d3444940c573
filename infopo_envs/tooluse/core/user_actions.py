"""Requests the agent makes of the customer (dual control): which phone action a message asks for.

In the telecom domain the customer has tools of their own (on the phone). The agent cannot call
them; it asks in a message ("please turn airplane mode off"), and the env decides from this
lexicon of patterns which action, if any, the customer performs. The customer performs at most
one action per message: the one asked for first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from infopo_envs.tooluse.core.calls import ToolCall


@dataclass(frozen=True)
class UserAction:
    """One thing the customer can be asked to do: the call, how it is asked for, an example."""

    call: ToolCall
    patterns: tuple[str, ...]  # regular expressions over the lower-cased message
    request: str  # a canonical request (used by the oracle)

    def position(self, message: str) -> int | None:
        """Where in ``message`` the earliest request for this action starts, if anywhere."""
        starts = [m.start() for p in self.patterns if (m := re.search(p, message.lower()))]
        return min(starts) if starts else None


def requested(message: str, actions: Iterable[UserAction]) -> UserAction | None:
    """The action ``message`` asks for first, or None."""
    found = [(pos, i, a) for i, a in enumerate(actions) if (pos := a.position(message)) is not None]
    return min(found, key=lambda item: item[:2])[2] if found else None


def request_for(call: ToolCall, actions: Iterable[UserAction]) -> str:
    """The canonical request for ``call`` (raises ``KeyError`` if no action makes it)."""
    for action in actions:
        if action.call == call:
            return action.request
    raise KeyError(f"no user action makes {call.to_dict()}")
