"""Requests the agent makes of the customer (dual control): what a message asks them to do.

In the telecom domain the customer has tools of their own (on the phone). The agent cannot
call them; it asks in a message ("don't touch airplane mode yet; first check your status bar,
then run a speed test"), and the customer performs what it understood, in the order the agent
means, skipping what the agent says not to do (yet). The requests a customer understands are
data: a key, the user-tool call, the phrases that ask for it, and a canonical request. Reading
the message (lemmas, clauses, negation, deferral, order) is the shared judging core's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from infopo_envs.core.judging import Lexicon, read
from infopo_envs.tooluse.core.calls import USER, ToolCall

#: The customer does at most this many things per message ("one thing at a time, please").
MAX_PER_MESSAGE = 2


class _CallSpec(BaseModel):
    name: str
    arguments: dict[str, Any] = {}


class _RequestSpec(BaseModel):
    key: str
    call: _CallSpec
    phrases: list[str]
    request: str
    toggle: str | None = None  # "phone.airplane_mode": the call sets the opposite of that field


class _Requests(BaseModel):
    requests: list[_RequestSpec]


@dataclass(frozen=True)
class UserAction:
    """One thing the customer can be asked to do: the call, how it is asked for, an example."""

    key: str
    call: ToolCall
    phrases: tuple[str, ...]
    request: str  # a canonical request (used by the oracle)
    toggle: str | None = None

    def resolve(self, world: Any) -> ToolCall:
        """The call to make on ``world`` (a toggle sets the opposite of the current value)."""
        if self.toggle is None:
            return self.call
        value = world
        for part in self.toggle.split("."):
            value = getattr(value, part)
        return ToolCall(self.call.name, {"enabled": not value}, USER)


@dataclass(frozen=True)
class Requests:
    """What one message asks of the customer: the actions to do in order, and those refused."""

    perform: tuple[UserAction, ...]
    declined: tuple[UserAction, ...]

    @property
    def any(self) -> bool:
        return bool(self.perform or self.declined)


def load_requests(path: Path) -> tuple[UserAction, ...]:
    """The customer's request lexicon from a data file (validated)."""
    data = _Requests.model_validate_json(Path(path).read_text(encoding="utf-8"))
    return tuple(
        UserAction(
            spec.key,
            ToolCall(spec.call.name, spec.call.arguments, USER),
            tuple(spec.phrases),
            spec.request,
            spec.toggle,
        )
        for spec in data.requests
    )


def requested(message: str, actions: tuple[UserAction, ...]) -> Requests:
    """What ``message`` asks the customer to do, in the writer's order, and what it declines."""
    if not actions:
        return Requests((), ())
    by_key = {action.key: action for action in actions}
    hits = read(message).find(_lexicon(actions))
    wanted = list(dict.fromkeys(h.key for h in hits if not (h.negated or h.deferred)))
    refused = [h.key for h in hits if h.negated or h.deferred]
    refused = [key for key in dict.fromkeys(refused) if key not in wanted]
    return Requests(tuple(by_key[k] for k in wanted), tuple(by_key[k] for k in refused))


_LEXICONS: dict[int, Any] = {}


def _lexicon(actions: tuple[UserAction, ...]):
    key = id(actions)
    if key not in _LEXICONS:
        _LEXICONS[key] = (actions, Lexicon({a.key: a.phrases for a in actions}))
    return _LEXICONS[key][1]


def request_for(call: ToolCall, actions: tuple[UserAction, ...]) -> str:
    """The canonical request for ``call`` (raises ``KeyError`` if no action makes it)."""
    for action in actions:
        if action.toggle is None and action.call == call:
            return action.request
    raise KeyError(f"no user action makes {call.to_dict()}")
