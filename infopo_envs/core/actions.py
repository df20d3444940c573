"""Action grammars: turning the agent's text into a typed action or a clear complaint.

Most InfoPO envs speak the tagged grammar ``[tag] body`` (``[action] Where to?``,
``[answer] H3``). Envs with another surface syntax (Sokoban's ``Up || Left``, WebShop's
``search[...]``) implement the same two methods, ``parse`` and ``describe``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

MAX_ECHO = 80


@dataclass(frozen=True)
class ParsedAction:
    """A well-formed action: its tag (lower case) and its body (stripped)."""

    tag: str
    body: str


@dataclass(frozen=True)
class InvalidAction:
    """An action that could not be parsed, with the reason to show the agent."""

    reason: str


class ActionGrammar(Protocol):
    def parse(self, action: object) -> ParsedAction | InvalidAction: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class ActionForm:
    """One form of the tagged grammar: ``[tag] <body>``."""

    tag: str
    description: str
    body: str | None = None  # a name for the body (``"message"``), None when the tag takes none

    def usage(self) -> str:
        return f"[{self.tag}]" + (f" <{self.body}>" if self.body else "")


def echo(text: str) -> str:
    """A short, single-line quotation of agent text for error messages."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= MAX_ECHO else flat[: MAX_ECHO - 3] + "...")


def as_text(action: object) -> str | InvalidAction:
    """Accept ``str`` (and UTF-8 ``bytes``); anything else is an invalid action, not a crash."""
    if isinstance(action, bytes):
        try:
            return action.decode("utf-8")
        except UnicodeDecodeError:
            return InvalidAction("The action is not valid UTF-8 text.")
    if not isinstance(action, str):
        return InvalidAction(f"The action must be text, got {type(action).__name__}.")
    return action


_TAGGED = re.compile(r"\s*\[\s*([A-Za-z_]+)\s*\](.*)", re.DOTALL)


class TaggedGrammar:
    """The ``[tag] body`` grammar. Tags are case-insensitive; text before the tag is an error."""

    def __init__(self, *forms: ActionForm):
        self.forms = {form.tag: form for form in forms}

    def parse(self, action: object) -> ParsedAction | InvalidAction:
        text = as_text(action)
        if isinstance(text, InvalidAction):
            return text
        match = _TAGGED.fullmatch(text)
        if match is None:
            if not text.strip():
                return InvalidAction("The action is empty.")
            return InvalidAction(f"Could not read {echo(text)}: an action starts with a tag.")
        tag, body = match.group(1).lower(), match.group(2).strip()
        form = self.forms.get(tag)
        if form is None:
            return InvalidAction(f"Unknown tag [{tag}].")
        if form.body and not body:
            return InvalidAction(f"[{tag}] needs a {form.body} after the tag.")
        return ParsedAction(tag, body)

    def describe(self) -> str:
        width = max(len(form.usage()) for form in self.forms.values())
        lines = [f"  {form.usage():<{width}}  {form.description}" for form in self.forms.values()]
        return "Write exactly one action per turn:\n" + "\n".join(lines)
