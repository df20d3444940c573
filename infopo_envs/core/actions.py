"""Action grammars: turning the agent's text into a typed action or a clear complaint.

Most InfoPO envs speak the tagged grammar ``[tag] body`` (``[action] Where to?``,
``[answer] H3``). Language models wrap actions in prose, markdown, XML-style tags and function
calls, so ``TaggedGrammar`` reads all of those (``find_actions`` lists the forms) but never
guesses: two actions in one message is an error, not a merge. Envs with another surface syntax
(Sokoban's ``Up || Left``, WebShop's ``search[...]``) implement the same two methods, ``parse``
and ``describe``, and can reuse ``find_actions``, ``function_call`` and ``python_call``.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

MAX_ECHO = 80


@dataclass(frozen=True)
class ParsedAction:
    """A well-formed action: its tag (lower case) and its body (stripped).

    ``value`` is what the env made of the body when checking it meant parsing it (the arguments
    of a call, a JSON request), so that acting on it does not parse it again.
    """

    tag: str
    body: str
    value: Any = field(default=None, compare=False)


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
    json: bool = False  # the body is JSON: a code fence around it is unwrapped

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


class TaggedGrammar:
    """The ``[tag] body`` grammar, read leniently but never ambiguously (see ``find_actions``).

    ``call_form`` names the form that takes function calls whose name is not one of the tags
    (e.g. a ``[tool]`` form): such a call becomes that form with the call's JSON as its body.
    """

    def __init__(self, *forms: ActionForm, call_form: str | None = None):
        self.forms = {form.tag: form for form in forms}
        self.call_form = call_form

    def parse(self, action: object) -> ParsedAction | InvalidAction:
        text = as_text(action)
        if isinstance(text, InvalidAction):
            return text
        if not text.strip():
            return InvalidAction("The action is empty.")
        found = find_actions(text, self.forms, call_form=self.call_form)
        if isinstance(found, InvalidAction):
            return found
        if not found:
            unknown = _LEADING_TAG.match(text)
            if unknown:
                return InvalidAction(f"Unknown tag [{unknown.group(1).lower()}].")
            return InvalidAction(f"Could not read {echo(text)}: an action starts with a tag.")
        if len(found) > 1:
            listed = ", ".join(f"[{c.tag}]" for c in found)
            return InvalidAction(
                f"The message holds {len(found)} actions ({listed}); send exactly one per turn."
            )
        (chosen,) = found
        form = self.forms[chosen.tag]
        if form.body and not chosen.body:
            return InvalidAction(f"[{chosen.tag}] needs a {form.body} after the tag.")
        return ParsedAction(chosen.tag, chosen.body)

    def describe(self) -> str:
        width = max(len(form.usage()) for form in self.forms.values())
        lines = [f"  {form.usage():<{width}}  {form.description}" for form in self.forms.values()]
        return "Write exactly one action per turn:\n" + "\n".join(lines)


# ---- finding the one action in a message ---------------------------------------------------

_LEADING_TAG = re.compile(r"\s*\[\s*([A-Za-z_]+)\s*\]")
_FENCE = re.compile(r"^\s*```[A-Za-z0-9_+-]*[ \t]*\n?(.*?)\n?```\s*$", re.DOTALL)
_FENCED_BLOCK = re.compile(r"```[A-Za-z0-9_+-]*[ \t]*\n(.*?)```", re.DOTALL)
_WRAPPERS = ("**", "__", "`", "*", "_")
_CALL_ELEMENTS = ("tool_call", "function_call")


@dataclass(frozen=True)
class FoundAction:
    """One action found in a message: its tag, its body, and the form it was written in."""

    tag: str
    body: str
    written_as: str  # "tag", "xml" or "call"


def find_actions(
    text: str, forms: Mapping[str, ActionForm], *, call_form: str | None = None
) -> list[FoundAction] | InvalidAction:
    """Every action written in ``text``, in order; the caller decides what more than one means.

    Accepted forms (each documented in docs/architecture.md):

    - ``[tag] body`` anywhere in the message, after any prose, with markdown around the tag
      (``**[action]** ...``, ``Sure! [answer] H3``); the body runs to the next tag or the end;
    - XML-style elements ``<tag>body</tag>`` (and ``<tag/>`` for a form without a body); an
      element whose content holds a ``[tag]`` action (``<action>[search] {...}</action>``) is a
      wrapper around it;
    - function calls as JSON: ``{"name": "search", "arguments": {...}}`` with ``arguments`` an
      object or a JSON string, OpenAI's ``{"type": "function", "function": {...}}`` and
      ``{"tool_calls": [...]}``, the whole message, in a code fence, or in ``<tool_call>``
      (``<function_call>``) elements;
    - a function call in Python syntax as the whole message: ``answer(option_id="H3")``,
      ``get_order(order_id="#W1")`` (keyword arguments with literal values; one positional
      argument is the body of a form);
    - a body in a code fence is unwrapped for forms whose body is JSON (``ActionForm.json``).

    A malformed function call is an ``InvalidAction`` with the reason.
    """
    whole = _fenced(text.strip()).strip("`").strip()
    if whole.startswith(("{", "[{")):
        data = _load_json(whole)
        if data is not None:
            return _calls(data, forms, call_form)
    call = python_call(whole)
    if call is not None:
        if isinstance(call, InvalidAction):
            return call
        return _calls({"name": call[0], "arguments": call[1]}, forms, call_form)
    found: list[tuple[int, FoundAction]] = []
    rest = text
    element = _elements(forms)
    for match in element.finditer(text):
        name, content = (match.group(1) or match.group(3)).lower(), match.group(2) or ""
        if name in _CALL_ELEMENTS:
            data = _load_json(_fenced(content.strip()))
            if data is None:
                return InvalidAction(f"The <{name}> element does not hold a JSON call.")
            calls = _calls(data, forms, call_form)
            if isinstance(calls, InvalidAction):
                return calls
            found += [(match.start(), c) for c in calls]
        else:
            inner = find_actions(content, forms, call_form=call_form) if content else []
            if isinstance(inner, InvalidAction):
                return inner
            if inner:
                found += [(match.start(), c) for c in inner]
            else:
                found.append((match.start(), _found(name, content, forms, "xml")))
        rest = rest.replace(match.group(0), " " * len(match.group(0)), 1)
    found += _bracketed(rest, forms)
    if not found:
        for block in _FENCED_BLOCK.finditer(rest):
            data = _load_json(block.group(1).strip())
            if isinstance(data, dict | list):
                calls = _calls(data, forms, call_form)
                if not isinstance(calls, InvalidAction):
                    found += [(block.start(), c) for c in calls]
    return [action for _, action in sorted(found, key=lambda item: item[0])]


def _elements(forms: Mapping[str, ActionForm]) -> re.Pattern[str]:
    names = "|".join(re.escape(tag) for tag in (*forms, *_CALL_ELEMENTS))
    return re.compile(
        rf"<\s*({names})\s*>(.*?)<\s*/\s*\1\s*>|<\s*({names})\s*/\s*>",
        re.DOTALL | re.IGNORECASE,
    )


def _bracketed(text: str, forms: Mapping[str, ActionForm]) -> list[tuple[int, FoundAction]]:
    names = "|".join(re.escape(tag) for tag in forms)
    tags = list(re.finditer(rf"\[\s*({names})\s*\]", text, re.IGNORECASE))
    found = []
    for index, match in enumerate(tags):
        end = tags[index + 1].start() if index + 1 < len(tags) else len(text)
        body = text[match.end() : end].strip()
        opened = text[: match.start()].rstrip()
        for wrapper in _WRAPPERS:  # "**[answer] H3**": markdown around the whole action
            if opened.endswith(wrapper) and body.endswith(wrapper) and len(body) > len(wrapper):
                body = body[: -len(wrapper)]
                break
        found.append((match.start(), _found(match.group(1).lower(), body, forms, "tag")))
    return found


def _found(tag: str, body: str, forms: Mapping[str, ActionForm], written_as: str) -> FoundAction:
    tag = tag.lower()
    body = _unwrap(body)
    if forms[tag].json:
        body = _fenced(body)
    return FoundAction(tag, body.strip(), written_as)


def _unwrap(body: str) -> str:
    """Strip markdown that closed around the tag (``**[action]** hi``) and a leading colon."""
    body = body.strip()
    for wrapper in _WRAPPERS:
        if body.startswith(wrapper) and not body.startswith(wrapper * 3):
            body = body[len(wrapper) :].lstrip()
            if body.endswith(wrapper):
                body = body[: -len(wrapper)].rstrip()
            break
    return body[1:].lstrip() if body.startswith(":") else body


def _fenced(text: str) -> str:
    match = _FENCE.match(text)
    return match.group(1).strip() if match else text


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


def _calls(
    data: Any, forms: Mapping[str, ActionForm], call_form: str | None
) -> list[FoundAction] | InvalidAction:
    """Function calls in decoded JSON as actions; not a call at all is an empty list."""
    if isinstance(data, dict) and isinstance(data.get("tool_calls"), list):
        data = data["tool_calls"]
    items = data if isinstance(data, list) else [data]
    found = []
    for item in items:
        call = function_call(item)
        if call is None:
            return []
        if isinstance(call, InvalidAction):
            return call
        name, arguments = call
        tag = name.lower()
        if tag in forms:
            found.append(FoundAction(tag, _body_from(arguments, forms[tag]), "call"))
        elif call_form is not None:
            body = json.dumps({"name": name, "arguments": arguments}, ensure_ascii=False)
            found.append(FoundAction(call_form, body, "call"))
        else:
            return InvalidAction(f"Unknown action {name!r} in the function call.")
    return found


def function_call(item: Any) -> tuple[str, Any] | InvalidAction | None:
    """``(name, arguments)`` of one function-call object, or None when ``item`` is none.

    Reads ``{"name": ..., "arguments": ...}`` (``arguments`` an object, a JSON string, or
    missing) and OpenAI's ``{"type": "function", "function": {...}}``; ``"parameters"`` is read
    as ``"arguments"``.
    """
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("function"), dict):
        item = item["function"]
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    arguments = item.get("arguments", item.get("parameters", {}))
    if isinstance(arguments, str):
        decoded = _load_json(arguments) if arguments.strip() else {}
        arguments = arguments if decoded is None else decoded
    if arguments is None:
        arguments = {}
    return name.strip(), arguments


_CALL_SYNTAX = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\s*\(.*\)", re.DOTALL)


def python_call(text: str) -> tuple[str, Any] | InvalidAction | None:
    """``(name, arguments)`` of a call written ``name(key=value, ...)``, None when it is none.

    Values must be Python literals (strings, numbers, lists, dicts, True/False/None); nothing is
    evaluated. A single positional argument is returned as the arguments themselves.
    """
    if not _CALL_SYNTAX.fullmatch(text):
        return None
    try:
        tree = ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    if not isinstance(tree, ast.Call) or not isinstance(tree.func, ast.Name):
        return None
    name = tree.func.id
    try:
        positional = [ast.literal_eval(arg) for arg in tree.args]
        keywords = {k.arg: ast.literal_eval(k.value) for k in tree.keywords if k.arg}
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        return InvalidAction(f"The arguments of {name}(...) must be literal values.")
    if len(tree.keywords) != len(keywords):
        return InvalidAction(f"{name}(...) cannot take **arguments.")
    if (positional and keywords) or len(positional) > 1:
        return InvalidAction(f"Call {name}(...) with name=value arguments.")
    return name, (positional[0] if positional else keywords)


def _body_from(arguments: Any, form: ActionForm) -> str:
    """The body a call's arguments stand for: one text argument is the body itself."""
    if isinstance(arguments, str):
        return arguments.strip()
    if isinstance(arguments, dict) and not arguments:
        return ""
    if not form.json and isinstance(arguments, dict) and len(arguments) == 1:
        (value,) = arguments.values()
        if isinstance(value, str | int | float):
            return str(value).strip()
    return json.dumps(arguments, ensure_ascii=False)
