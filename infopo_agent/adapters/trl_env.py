"""InfoPO envs as TRL ``environment_factory`` classes (trl 1.x; install the ``trl`` extra).

TRL's contract: ``GRPOTrainer(environment_factory=Factory)`` builds instances with no arguments,
calls ``reset(**row)`` with every column of a dataset row before each rollout (a returned string
is appended to the row's last user message), exposes every public method but ``reset`` and
``get_reward`` as a tool (schemas from type hints and Google docstrings), turns an exception
raised by a tool into a ``{"error": ...}`` tool message, and calls ``get_reward()`` once per
rollout as a reward source. TRL plays the episode; each tool call here is one ``env.step``.

``environment_class(env_id, **make_kwargs)`` builds such a class for one registered env: one
typed tool per action kind of the env's grammar (``action``/``search``/``answer``/``finish``,
``search``/``click`` for WebShop, ``move`` for Sokoban, ``tool`` for a domain tool call), each
documented with the grammar's own description. ``reset`` reads the row's ``task_id`` and
``seed`` (and checks ``env_id`` when given) and returns the env's opening with the tagged-grammar
lines replaced by a line about the tools. A rejected action raises ``InvalidToolCall`` with the
env's message; the turn still counts, as in the env.

Reward: ``get_reward()`` is ``info["outcome"]`` when the episode ended and 0.0 otherwise (the
``"outcome"`` reward mode: step rewards are not summed). TRL's tool loop has no per-turn hook for
advantages, so information gain does not enter TRL's loss on this path; each instance keeps
the env's transcript (the ``transcript`` property) for ``infopo_agent.info_gain`` to score
afterwards. For per-turn IG in the loss use ``InfoPOGRPOTrainer`` with
``trl_rollout.infopo_rollout_func``.

TRL needs a chat template that can render tool calls; ``tool_calling_tokenizer`` gives a ChatML
tokenizer (SmolLM2's) TRL's Qwen2.5 template and its response parser.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import gymnasium as gym

from infopo_envs.core.actions import TaggedGrammar

TOOLS_LINE = "Act only by calling the tools; each call is one turn."


class InvalidToolCall(ValueError):
    """The env rejected the action; the message is the env's feedback (TRL shows it as an error)."""


class EpisodeOver(RuntimeError):
    """A tool was called after the episode ended."""


@dataclass(frozen=True)
class ToolSpec:
    """One action kind as a tool: ``template`` turns the argument into the env's action text."""

    name: str
    description: str
    argument: str | None
    argument_doc: str | None
    template: str


def tool_specs(grammar: Any) -> list[ToolSpec]:
    """The tools of a grammar: one per action form (tagged, WebShop's verbs, Sokoban's moves)."""
    from infopo_envs.sokoban.grammar import MoveGrammar
    from infopo_envs.webshop.grammar import WebShopGrammar

    if isinstance(grammar, TaggedGrammar):
        return [_tagged_spec(form) for form in grammar.forms.values()]
    if isinstance(getattr(grammar, "tagged", None), TaggedGrammar):  # tool use: tags + bare JSON
        return tool_specs(grammar.tagged)
    if isinstance(grammar, WebShopGrammar):
        specs = [
            ToolSpec("search", "search the store (only on the search page)", "query",
                     "the search query", "search[{}]"),
            ToolSpec("click", "click one of the page's clickable values, e.g. 'next >'", "value",
                     "the clickable value, exactly as shown", "click[{}]"),
        ]  # fmt: skip
        tagged = getattr(grammar, "_tagged", None)
        return specs + ([_tagged_spec(f) for f in tagged.forms.values()] if tagged else [])
    if isinstance(grammar, MoveGrammar):
        doc = f"up to {grammar.max_moves} of Up, Down, Left, Right, separated by spaces"
        return [ToolSpec("move", "move the player (pushing boxes)", "moves", doc, "{}")]
    raise TypeError(f"no tools for the grammar {type(grammar).__name__}")


def _tagged_spec(form) -> ToolSpec:
    if form.body is None:
        return ToolSpec(form.tag, form.description, None, None, f"[{form.tag}]")
    argument = re.sub(r"\W+", "_", form.body).strip("_").lower()
    return ToolSpec(form.tag, form.description, argument, f"the {form.body}", f"[{form.tag}] {{}}")


class InfoPOToolEnv:
    """Base of the classes ``environment_class`` builds; one InfoPO env behind TRL's contract."""

    env_id: ClassVar[str]
    make_kwargs: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        import infopo_envs  # noqa: F401  (registers the ids)

        self._env = gym.make(self.env_id, **self.make_kwargs)
        self._info: dict[str, Any] = {}
        self._done = True

    def reset(self, task_id: str | None = None, seed: int | None = None, **row: Any) -> str:
        """Start the row's task; return the opening for the last user message."""
        env_id = row.get("env_id")
        if env_id is not None and env_id != self.env_id:
            raise ValueError(f"this environment plays {self.env_id}, the row is for {env_id}")
        options = (
            {"task_id": task_id} if task_id is not None else {"split": row.get("split", "train")}
        )
        observation, self._info = self._env.reset(seed=seed, options=options)
        self._done = False
        grammar = self._env.unwrapped.grammar.describe()
        return observation.replace(grammar, TOOLS_LINE) if grammar in observation else observation

    def get_reward(self) -> float:
        """The episode's outcome (0.0 if it has not ended): TRL's reward for this rollout."""
        return float(self._info.get("outcome", 0.0)) if self._done else 0.0

    @property
    def transcript(self) -> dict[str, Any]:
        """The env's transcript so far (for scoring information gain afterwards)."""
        return self._env.unwrapped.transcript.to_dict()

    def _play(self, action: str) -> str:
        if self._done:
            raise EpisodeOver("The episode is over; no more tool calls.")
        observation, _, terminated, truncated, self._info = self._env.step(action)
        self._done = bool(terminated or truncated)
        if not self._info["action_valid"]:
            raise InvalidToolCall(observation)
        return observation


def environment_class(env_id: str, **make_kwargs: Any) -> type[InfoPOToolEnv]:
    """A zero-argument class playing ``env_id`` (made with ``make_kwargs``) for TRL."""
    import infopo_envs  # noqa: F401

    probe = gym.make(env_id, **make_kwargs)
    specs = tool_specs(probe.unwrapped.grammar)
    probe.close()
    methods = {spec.name: _tool_method(spec) for spec in specs}
    name = re.sub(r"\W", "", re.sub(r"-v\d+$", "", env_id.split("/")[-1])) + "ToolEnv"
    attributes = {"env_id": env_id, "make_kwargs": dict(make_kwargs), **methods}
    attributes["__doc__"] = f"{env_id} for TRL's environment_factory; tools: {', '.join(methods)}."
    return type(name, (InfoPOToolEnv,), attributes)


def _tool_method(spec: ToolSpec) -> Callable[..., str]:
    """A method with a real signature and a Google docstring (TRL derives the schema from both)."""
    returns = "Returns:\n    The feedback to the action (the user's reply, a tool's result, ...)."
    self_parameter = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if spec.argument is None:

        def method(self: InfoPOToolEnv) -> str:
            return self._play(spec.template)

        parameters = [self_parameter]
        method.__doc__ = f"{spec.description[0].upper()}{spec.description[1:]}.\n\n{returns}"
        method.__annotations__ = {"return": str}
    else:

        def method(self: InfoPOToolEnv, *args: Any, **kwargs: Any) -> str:
            value = method.__signature__.bind(self, *args, **kwargs).arguments[spec.argument]
            return self._play(spec.template.format(value))

        parameters = [
            self_parameter,
            inspect.Parameter(
                spec.argument, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str
            ),
        ]
        method.__doc__ = (
            f"{spec.description[0].upper()}{spec.description[1:]}.\n\n"
            f"Args:\n    {spec.argument}: {spec.argument_doc}.\n\n{returns}"
        )
        method.__annotations__ = {spec.argument: str, "return": str}
    method.__signature__ = inspect.Signature(parameters, return_annotation=str)
    method.__name__ = method.__qualname__ = spec.name
    return method


def tool_calling_tokenizer(tokenizer):
    """``tokenizer`` with TRL's Qwen2.5 tool-calling template and response parser.

    The template is ChatML (``<|im_start|>``/``<|im_end|>``), the same turn markers SmolLM2 was
    trained with; tool calls are ``<tool_call>{json}</tool_call>`` text. Returns the tokenizer.
    """
    from trl.chat_template_utils import add_response_schema, qwen2_5_chat_template

    tokenizer.chat_template = qwen2_5_chat_template
    return add_response_schema(tokenizer)
