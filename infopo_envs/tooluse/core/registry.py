"""Tools as typed Python functions: schemas derived from the signature, calls validated by it.

A tool is a plain function whose first parameter is the state it acts on (a database, a phone)
and whose other parameters are its arguments, typed and described in a Google-style docstring
(``Args:``). The OpenAI function-calling schema and the argument validation both come from one
pydantic model built from the signature, so they cannot disagree.
"""

from __future__ import annotations

import inspect
import json
import re
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from pydantic_core import to_jsonable_python

from infopo_envs.tooluse.core.calls import ToolCall
from infopo_envs.tooluse.core.cow import View, commit, view


class ToolError(Exception):
    """A call the tool cannot execute (unknown id, impossible change); the message goes back."""


#: What a tool does, for the policy checks of the judge (see ``ToolUseEnv``):
#: ``identify`` looks the customer up (authentication), ``read`` reads their data, ``write``
#: changes the state, ``public`` touches no customer data (catalogue, flight search, calculator).
TOOL_KINDS = ("identify", "read", "write", "public")


def kind(name: str):
    """Mark a tool function as ``name`` (one of ``TOOL_KINDS``); unmarked tools are ``read``."""
    if name not in TOOL_KINDS:
        raise ValueError(f"tool kind must be one of {TOOL_KINDS}, got {name!r}")

    def mark(function):
        function.tool_kind = name
        return function

    return mark


identify, write, public = kind("identify"), kind("write"), kind("public")


@dataclass(frozen=True)
class Tool:
    """One tool: its name, its description, the function and the model of its arguments."""

    name: str
    description: str
    function: Callable[..., Any]
    arguments: type[BaseModel]
    kind: str = "read"

    def schema(self) -> dict[str, Any]:
        """The OpenAI function-calling schema (``{"type": "function", "function": {...}}``)."""
        parameters = _without_titles(self.arguments.model_json_schema())
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": parameters,
            },
        }


def tool_from_function(function: Callable[..., Any]) -> Tool:
    """Derive a ``Tool`` from a typed function documented with a summary and an ``Args:`` list."""
    summary, described = parse_docstring(inspect.getdoc(function) or "")
    if not summary:
        raise ValueError(f"tool {function.__name__} needs a docstring")
    hints = typing.get_type_hints(function)
    parameters = list(inspect.signature(function).parameters.values())[1:]  # first is the state
    fields: dict[str, Any] = {}
    for parameter in parameters:
        if parameter.name not in described:
            raise ValueError(f"tool {function.__name__}: document argument {parameter.name!r}")
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        field = Field(default, description=described[parameter.name])
        fields[parameter.name] = (hints[parameter.name], field)
    model = create_model(
        f"{function.__name__}_arguments", __config__=ConfigDict(extra="forbid"), **fields
    )
    return Tool(function.__name__, summary, function, model, getattr(function, "tool_kind", "read"))


def parse_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """Split a Google-style docstring into its summary and ``{argument: description}``."""
    head, *rest = re.split(r"\n\s*Args:[ \t]*(?:\n|$)", doc, maxsplit=1)
    args = rest[0] if rest else ""
    summary = " ".join(head.split())
    described: dict[str, str] = {}
    current = None
    for line in args.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        name, sep, text = stripped.partition(":")
        if sep and name.isidentifier() and line.startswith("    ") and not line.startswith(" " * 5):
            current, described[name] = name, text.strip()
        elif current is not None:
            described[current] += " " + stripped
    return summary, described


class ToolRegistry:
    """The tools of one side (the agent's or the user's) of a domain.

    ``state_of`` picks, from the whole world model, the part these tools act on (the telecom
    agent's tools see the account database, the user's tools see the whole world).
    """

    def __init__(
        self,
        functions: Iterable[Callable[..., Any]],
        *,
        state_of: Callable[[Any], Any] = lambda world: world,
    ):
        self.tools = {tool.name: tool for tool in map(tool_from_function, functions)}
        self.state_of = state_of

    @property
    def names(self) -> list[str]:
        return list(self.tools)

    def schemas(self) -> list[dict[str, Any]]:
        return [tool.schema() for tool in self.tools.values()]

    def call(self, world: BaseModel, call: ToolCall) -> tuple[BaseModel, Any]:
        """Run ``call`` on ``world`` and apply its change; return the world and the result.

        Raises ``ToolError`` for an unknown tool, bad arguments or a call the tool cannot
        execute; the world is then as it was.
        """
        change, result = self.run(world, call)
        if change is not None:
            commit(world, change)
        return world, result

    def run(
        self, world: BaseModel, call: ToolCall, *, in_view: bool = False
    ) -> tuple[View | None, Any]:
        """Run ``call`` without applying it: the change to ``commit`` (None for non-writes).

        The result is JSON data, taken at once. Only ``write`` tools may change anything, and
        they see a copy-on-write view; the others read the world itself and must not touch it.
        ``in_view=True`` runs a write directly on ``world``, which must itself be a view's model
        (several calls that commit together).
        """
        tool = self.tools.get(call.name)
        if tool is None:
            raise ToolError(f"Unknown tool {call.name!r}. Available: {', '.join(self.tools)}.")
        try:
            arguments = tool.arguments.model_validate(call.arguments)
        except ValidationError as error:
            raise ToolError(f"Bad arguments for {call.name}: {_summarize(error)}") from None
        values = {name: getattr(arguments, name) for name in type(arguments).model_fields}
        if tool.kind != "write" or in_view:
            return None, to_jsonable_python(tool.function(self.state_of(world), **values))
        change = view(world)
        return change, to_jsonable_python(tool.function(self.state_of(change.model), **values))


def as_json(result: Any) -> str:
    """A tool's result as the JSON text the agent reads."""
    return json.dumps(to_jsonable_python(result), ensure_ascii=False)


def _summarize(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item["loc"]) or "arguments"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def _without_titles(schema: Any) -> Any:
    """The schema without pydantic's generated ``title`` strings (noise for a model)."""
    if isinstance(schema, dict):
        return {
            key: _without_titles(value)
            for key, value in schema.items()
            if not (key == "title" and isinstance(value, str))
        }
    if isinstance(schema, list):
        return [_without_titles(value) for value in schema]
    return schema
