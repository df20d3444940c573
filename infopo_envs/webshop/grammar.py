"""WebShop's surface syntax: ``search[query]`` and ``click[value]``.

WebShopIntent adds the tagged ``[action] <message>`` form for talking to the shopper; such
actions are handed to a ``TaggedGrammar``, so both envs share the core's parsing and messages.
"""

from __future__ import annotations

import re

from infopo_envs.core.actions import (
    ActionForm,
    InvalidAction,
    ParsedAction,
    TaggedGrammar,
    as_text,
    echo,
)

_WEB = re.compile(r"\s*(search|click)\s*\[(.*)\]\s*", re.DOTALL | re.IGNORECASE)
_BODY = {"search": "a query", "click": "a clickable value"}


class WebShopGrammar:
    """``search[...]`` / ``click[...]`` (verbs case-insensitive), plus optional tagged forms."""

    def __init__(self, *tagged: ActionForm):
        self._tagged = TaggedGrammar(*tagged) if tagged else None

    def parse(self, action: object) -> ParsedAction | InvalidAction:
        text = as_text(action)
        if isinstance(text, InvalidAction):
            return text
        if not text.strip():
            return InvalidAction("The action is empty.")
        match = _WEB.fullmatch(text)
        if match is None and self._tagged is not None and "[" in text:
            return self._tagged.parse(text)  # tagged forms, with text before the tag allowed
        if match is None:
            return InvalidAction(
                f"Could not read {echo(text)}: write search[<query>] or click[<value>]."
            )
        verb, body = match.group(1).lower(), match.group(2).strip()
        if not body:
            return InvalidAction(f"{verb}[...] needs {_BODY[verb]} inside the brackets.")
        return ParsedAction(verb, body)

    def describe(self) -> str:
        lines = [
            "  search[<query>]  search the store (only on the search page)",
            "  click[<value>]   click one of the page's clickable values, e.g. click[next >]",
        ]
        if self._tagged is not None:
            width = max(len(form.usage()) for form in self._tagged.forms.values())
            lines += [
                f"  {form.usage():<{width}}  {form.description}"
                for form in self._tagged.forms.values()
            ]
        return "Write exactly one action per turn:\n" + "\n".join(lines)
