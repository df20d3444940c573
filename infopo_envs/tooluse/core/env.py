"""``ToolUseEnv``: the customer-service episode shared by every tool-use domain.

A domain env sets the class attributes (company, policy, tools, world generator, task
templates, and for dual control the customer's tools and requests); everything else (parsing
calls, running them on a copy of the state, the error budget, the customer's replies, the
judgement) lives here.

The judgement follows tau2-bench, offline: the final state must hash equal to the gold
replay's, every required value must have been stated as the answer (looked up, not negated,
not one candidate among several), and the episode must keep the policy, checked as part of the
outcome: the customer is identified (after telling who they are) before any read of their data
or any change, every change the agent makes follows an explicit yes from the customer in the
last exchange with them, no change is made more often than the task needs, and the customer,
not the turn limit, ends the conversation. Tools execute every well-formed call; what breaks
the policy shows up here, not as a refusal.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np
from pydantic import BaseModel

from infopo_envs.core import Feedback, InfoPOEnv, ParsedAction, Score, TaskRef, UserChannel
from infopo_envs.core.seeding import rng_for
from infopo_envs.tooluse.core.calls import AGENT, USER, CallFormatError, ToolUseGrammar, parse_call
from infopo_envs.tooluse.core.common_tools import TRANSFER
from infopo_envs.tooluse.core.cow import View, commit, fork, view
from infopo_envs.tooluse.core.judge import Evidence, TaskLexicon, decide, told_now
from infopo_envs.tooluse.core.llm_hands import LLMHands
from infopo_envs.tooluse.core.registry import ToolError, ToolRegistry, as_json
from infopo_envs.tooluse.core.state import replay, state_hash
from infopo_envs.tooluse.core.task import Task
from infopo_envs.tooluse.core.user_actions import (
    MAX_PER_MESSAGE,
    Requests,
    UserAction,
    request_for,
    requested,
)
from simulators import ReplyPlan, UserSimulator

#: A template draws a task for the world it is given (and may adjust the world to fit it).
Template = Callable[[np.random.Generator, Any], Task]
MAX_DRAWS = 20
ONE_AT_A_TIME = "That's a lot at once. Could we take it one step at a time?"
MAX_CACHED_GOALS = 100_000
_BASES: dict[tuple[str, str], BaseModel] = {}
_GOALS: dict[tuple[str, TaskRef], tuple[int, str]] = {}
_TOOL_TEXT: dict[str, str] = {}


class ToolUseEnv(InfoPOEnv):
    """Base class of the tool-use domains; not registered itself (see the domain envs)."""

    default_max_turns = 40
    test_size = 100
    grammar = ToolUseGrammar()

    company: ClassVar[str] = ""
    policy: ClassVar[str] = ""
    agent_tools: ClassVar[ToolRegistry]
    user_tools: ClassVar[ToolRegistry | None] = None
    user_actions: ClassVar[tuple[UserAction, ...]] = ()
    generate_world: ClassVar[Callable[[np.random.Generator], BaseModel]]
    templates: ClassVar[tuple[Template, ...]] = ()

    def __init__(
        self,
        simulator: str | UserSimulator | None = "rule",
        *,
        error_budget: int = 10,
        customer_tools: str | LLMHands | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if error_budget < 0:
            raise ValueError(f"error_budget must be >= 0, got {error_budget}")
        self.user = UserChannel(simulator)
        self.error_budget = int(error_budget)
        self.hands = _hands(customer_tools)

    # ---- tasks -----------------------------------------------------------------------------
    @classmethod
    def base_world(cls, split: str) -> BaseModel:
        """A fresh fork of the split's generated database (generated once per process).

        Each split has its own database, seeded by the split's name, so train and test tasks
        never share a customer; a fork shares the base's rows and copies only what changes.
        """
        key = (cls.env_name, split)
        if key not in _BASES:
            _BASES[key] = cls.generate_world(rng_for(cls.env_name, split, "world"))
        return fork(_BASES[key])

    @classmethod
    def draft(cls, task: TaskRef) -> tuple[BaseModel, Task, str]:
        """The initial world, the task and the goal state's hash of ``task``.

        The template is chosen round-robin by index, so every split covers every template; it
        draws its customer and situation from the split's database. Drafts that doing nothing
        would pass are rejected and redrawn. The goal hash is computed once per process.
        """
        template = cls.templates[task.index % len(cls.templates)]
        known = _GOALS.get((cls.env_name, task))
        for attempt in range(MAX_DRAWS) if known is None else (known[0],):
            rng = rng_for(cls.env_name, task.split, task.index, attempt)
            world = cls.base_world(task.split)
            change = view(world)
            scenario = template(rng, change.model)
            commit(world, change)
            if known is not None:
                return world, scenario, known[1]
            goal = state_hash(replay(world, scenario.steps, cls.registries()))
            if goal != state_hash(world) or scenario.required_info:
                if len(_GOALS) > MAX_CACHED_GOALS:
                    _GOALS.clear()
                _GOALS[(cls.env_name, task)] = (attempt, goal)
                return world, scenario, goal
        raise RuntimeError(f"{cls.env_name}: template {template.__name__} keeps drafting no-ops")

    @classmethod
    def registries(cls) -> dict[str, ToolRegistry]:
        registries = {AGENT: cls.agent_tools}
        if cls.user_tools is not None:
            registries[USER] = cls.user_tools
        return registries

    @classmethod
    def tool_schemas(cls) -> list[dict[str, Any]]:
        """The agent's tools in OpenAI function-calling format."""
        return cls.agent_tools.schemas()

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        self.world, self.task, self.goal_hash = self.draft(task)
        self.lexicon = TaskLexicon.of(self.task)
        self.errors = 0
        self.known: set[str] = set()
        self.agent_messages: list[str] = []
        self.evidence = Evidence()
        self.told: set[str] = set()
        self.authenticated = False
        self.confirmed = False  # the customer's last reply was an explicit yes
        self.writes: Counter[tuple[str, str]] = Counter()
        self.violations: list[str] = []
        self.ended_by_customer = False
        self._hash: str | None = None
        self.user.start(
            role=self.task.role(self.company),
            hidden=self.task.hidden(),
            seed=int(self.np_random.integers(2**63)),
            opening=self.task.opening,
        )
        if self.env_name not in _TOOL_TEXT:
            _TOOL_TEXT[self.env_name] = "\n".join(map(json.dumps, self.tool_schemas()))
        tools = _TOOL_TEXT[self.env_name]
        return (
            f"You are a customer service agent for {self.company}. Follow this policy.\n\n"
            f"{self.policy.strip()}\n\n"
            "Tools (OpenAI function-calling schemas, one per line):\n"
            f"{tools}\n\n{self.instructions_footer()}\n"
            f"Invalid tool calls count as errors; after {self.error_budget} the next one ends "
            f"the episode as a failure.\n\nCustomer: {self.task.opening}"
        )

    # ---- one action ------------------------------------------------------------------------
    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "tool":
            return self._call(action.body)
        return self._say(action.body)

    def _call(self, body: str) -> Feedback:
        try:
            call = parse_call(body)
            _, result = self.agent_tools.call(self.world, call)
        except (CallFormatError, ToolError) as error:
            return self._call_error(str(error))
        self._hash = None
        self._check_call(AGENT, self.agent_tools.tools[call.name].kind, call.name)
        output = as_json(result)
        self.evidence.add(output)
        ended = call.name == TRANSFER  # the conversation goes to a human: no resolution here
        return self._closing(Feedback(output, source="tool", terminated=ended))

    def _check_call(self, actor: str, kind: str, name: str) -> None:
        """Record what the policy says about one executed call (the outcome checks them)."""
        if kind == "identify":
            if "identity" in self.known:
                self.authenticated = True
            else:
                self._violate(f"{name}: looked the customer up before they said who they are")
        elif kind in ("read", "write") and not self.authenticated:
            self._violate(f"{name}: the customer's data before identifying them")
        if kind == "write":
            self.writes[(actor, name)] += 1
            if actor == AGENT and not self.confirmed:
                self._violate(f"{name}: a change without the customer's explicit yes")

    def _violate(self, what: str) -> None:
        if what not in self.violations:
            self.violations.append(what)

    def _call_error(self, message: str) -> Feedback:
        self.errors += 1
        spent = self.errors > self.error_budget
        if spent:
            message += f" The error budget ({self.error_budget}) is spent; the episode is over."
        else:
            message += f" (error {self.errors} of {self.error_budget} allowed)"
        feedback = Feedback(
            f"Error: {message}", self.invalid_action_reward, "tool", terminated=spent, valid=False
        )
        return self._closing(feedback)

    def _say(self, message: str) -> Feedback:
        new_fact = ""
        told = self.told | told_now(message, self.task.required_info, self.evidence)
        asked = self._requests(message)
        change, calls = None, []
        if len(asked.perform) > MAX_PER_MESSAGE:
            plan = ReplyPlan("answer", ((ONE_AT_A_TIME,),))
            judgment = {"kind": "refuse", "keys": sorted(a.key for a in asked.perform)}
        elif asked.perform:
            change, report, calls = self._customer_performs(asked.perform)
            plan = ReplyPlan("reveal", ((report,),), detail=" ".join(c.name for c in calls))
            judgment = {"kind": "perform", "keys": sorted(a.key for a in asked.perform)}
        else:
            goal_met = self._goal_met(told)
            plan, new_fact, keys = decide(message, self.task, self.known, goal_met, self.lexicon)
            judgment = {"kind": plan.kind, "keys": sorted(keys)}
        reply = self.user.say(message, plan)  # may raise; nothing has changed yet
        if change is not None:
            commit(self.world, change)
            self._hash = None
            self.evidence.add(report)
        self.agent_messages.append(message)
        self.known.update({new_fact} - {""})
        self.told = told
        self.confirmed = plan.kind == "confirm"
        self.ended_by_customer = plan.kind == "done"
        info = {"reply_kind": plan.kind, "judgment": judgment}
        if calls:
            info["user_calls"] = [call.to_dict() for call in calls]
        for call in calls:
            self._check_call(USER, self.user_tools.tools[call.name].kind, call.name)
        return self._closing(
            Feedback(reply, source="user", terminated=plan.kind == "done", info=info)
        )

    def _requests(self, message: str) -> Requests:
        """What the customer will do on its phone: read by the rules, or chosen by an LLM."""
        if self.hands is None or self.user_tools is None:
            return requested(message, self.user_actions)
        history = [
            {"role": "assistant" if m.speaker == "user" else "user", "content": m.text}
            for m in self.user.history
        ]
        calls = self.hands.choose(message, history, self.user_tools)  # may raise: no change yet
        return Requests(tuple(UserAction(c.name, c, (), "") for c in calls), ())

    def _customer_performs(self, actions) -> tuple[View, str, list]:
        """The customer's phone actions, in order, on one view committed after the reply."""
        change, reports, calls = view(self.world), [], []
        for action in actions:
            call = action.resolve(change.model)
            try:
                _, report = self.user_tools.run(change.model, call, in_view=True)
                calls.append(call)
            except ToolError as error:
                report = f"I tried, but: {error}"
            reports.append(report)
        return change, " Then: ".join(reports), calls

    def _closing(self, feedback: Feedback) -> Feedback:
        """Add the outcome to the reward of the episode's last step (sparse reward)."""
        if feedback.terminated or self.turn + 1 >= self.max_turns:
            feedback.reward += self._score().outcome
        return feedback

    # ---- judgement -------------------------------------------------------------------------
    def _state_matches(self) -> bool:
        if self._hash is None:  # hashing a large database is the costly part: once per change
            self._hash = state_hash(self.world)
        return self._hash == self.goal_hash

    def _goal_met(self, told: set[str]) -> bool:
        return self._state_matches() and all(item.label in told for item in self.task.required_info)

    def _needless_writes(self) -> list[str]:
        """Changes made more often than the gold makes them (undone ones included)."""
        needed = Counter(
            (call.actor, call.name)
            for call in self.task.gold
            if self.registries()[call.actor].tools[call.name].kind == "write"
        )
        return sorted(f"{name} ({actor})" for (actor, name) in self.writes - needed)

    def _score(self) -> Score:
        met = (
            self.ended_by_customer
            and self.errors <= self.error_budget
            and not self.violations
            and not self._needless_writes()
            and self._goal_met(self.told)
        )
        return Score(float(met), met)

    def _episode_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "template": self.task.template,
            "errors": self.errors,
            "error_budget": self.error_budget,
        }
        if self.done:
            info["state_matches_goal"] = self._state_matches()
            info["info_told"] = [
                item.label for item in self.task.required_info if item.label in self.told
            ]
            info["policy_violations"] = [*self.violations, *self._needless_writes()]
            info["ended_by_customer"] = self.ended_by_customer
            info["simulator"] = self.user.stats()
        return info

    # ---- helpers for scripted agents -------------------------------------------------------
    def gold_actions(self) -> list[str]:
        """The gold calls as actions: ``[tool]`` for the agent's, requests for the customer's."""
        return [self.action_for(call) for call in self.task.steps]

    def action_for(self, call) -> str:
        """The action that makes ``call``: a ``[tool]`` call, or a request to the customer."""
        if call.actor == AGENT:
            return call.to_action()
        return f"[action] {request_for(call, self.user_actions)}"

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        menu = [f"[action] {fact.question}" for fact in self.task.facts]
        menu += [f"[action] {decision.proposal}" for decision in self.task.decisions]
        menu += [f"[action] {action.request}" for action in self.user_actions]
        menu += self.gold_actions()
        menu += ["[action] Is there anything else I can help you with?", "[action] Goodbye!"]
        return menu


def _hands(customer_tools: str | LLMHands | None) -> LLMHands | None:
    """``None``/``"rule"``: the rules read the agent; ``"openai:<model>"`` or an ``LLMHands``."""
    if customer_tools is None or customer_tools == "rule":
        return None
    if isinstance(customer_tools, LLMHands):
        return customer_tools
    scheme, _, model = str(customer_tools).partition(":")
    if scheme != "openai" or not model:
        raise ValueError(
            f"customer_tools must be 'rule' or 'openai:<model>', got {customer_tools!r}"
        )
    return LLMHands(model)
