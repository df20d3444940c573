"""Rollout: play groups of G episodes per task and record them as ``Trajectory`` objects.

The reset observation is the first user message; each action is an assistant message; each
step's observation is the next message (role ``user`` by default, or per ``feedback_source``
through ``roles``). All live episodes of all groups are generated in one batch per turn.

``record_episode`` does the same for a scripted agent (an env's oracle, a random agent): its
text actions are teacher-forced through the policy's chat template, which gives real
multi-turn trajectories without sampling.

A ``preamble`` (a sequence of ``{"role": ..., "content": ...}`` messages, e.g. one worked
example from ``infopo_agent.prompting.oracle_example``) goes between the system message and the
env's opening. It is context only: it adds no action or feedback spans, so it carries no loss and
no information gain; it only shifts every span by its length in tokens.

Envs step concurrently: after each batch is generated, up to ``env_threads`` threads step the
episodes' envs at once, so HTTP user simulators wait in parallel rather than in turn. Each env is
stepped by one thread at a time and everything that touches tokens stays on the calling thread,
so the trajectories are the same for any ``env_threads``.

An episode whose user simulator fails (``simulators.SimulatorError``, raised after the
simulator's own retries) ends there: its trajectory keeps the turns played, carries the error in
``simulator_error``, and takes no part in scores or training. ``fail_fast=True`` raises instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import gymnasium as gym

from infopo_agent.chat_format import ChatFormat, Conversation
from infopo_agent.policy import HFPolicy, SamplingParams
from infopo_agent.trajectory import Span, Trajectory
from infopo_envs.core.seeding import stable_seed
from simulators import SimulatorError

EnvSource = str | Callable[[], gym.Env] | Sequence[gym.Env]
Message = Mapping[str, str]
StepResult = tuple[str, float, bool, bool, dict[str, Any]]
DEFAULT_ENV_THREADS = 8


@dataclass
class _Episode:
    """One live episode: its env, its conversation so far, and what it has earned."""

    env: gym.Env
    convo: Conversation
    task_id: str
    group_id: str
    placeholder: str
    roles: Mapping[str, str]
    action_spans: list[Span] = field(default_factory=list)
    feedback_spans: list[Span] = field(default_factory=list)
    rewards: list[float] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    terminated: bool = False
    truncated: bool = False
    simulator_error: str | None = None

    @property
    def done(self) -> bool:
        return self.terminated or self.truncated or self.simulator_error is not None

    def act(self, text: str, token_ids: Sequence[int] | None = None) -> None:
        """Append the action, step the env, append its feedback (a simulator failure raises)."""
        self.add_action(text, token_ids)
        self.receive(self.env.step(text))

    def add_action(self, text: str, token_ids: Sequence[int] | None = None) -> None:
        self.action_spans.append(self.convo.add_action(text, token_ids))

    def receive(self, result: StepResult | SimulatorError) -> None:
        """Append the env's answer to the last action, or end the episode on a failed user."""
        if isinstance(result, SimulatorError):
            self.simulator_error = str(result) or type(result).__name__
            return
        observation, reward, terminated, truncated, info = result
        role = self.roles.get(info.get("feedback_source", "user"), "user")
        self.feedback_spans.append(self.convo.add(role, observation))
        self.rewards.append(float(reward))
        self.info, self.terminated, self.truncated = info, bool(terminated), bool(truncated)

    def trajectory(self) -> Trajectory:
        return Trajectory(
            token_ids=list(self.convo.token_ids),
            action_spans=self.action_spans,
            feedback_spans=self.feedback_spans,
            rewards=self.rewards,
            outcome=float(self.info.get("outcome", 0.0)),
            success=bool(self.info.get("success", False)),
            placeholder=self.placeholder,
            placeholder_ids=self.convo.chat.encode(self.placeholder),
            task_id=self.task_id,
            group_id=self.group_id,
            terminated=self.terminated,
            truncated=self.truncated,
            messages=list(self.convo.messages),
            simulator_error=self.simulator_error,
        )


def start_episode(
    chat: ChatFormat,
    env: gym.Env,
    *,
    options: Mapping[str, Any] | None = None,
    seed: int | None = None,
    group_id: str = "",
    system: str | None = None,
    roles: Mapping[str, str] | None = None,
    preamble: Sequence[Message] = (),
) -> _Episode:
    """Reset ``env`` and open the conversation with its first observation as a user message."""
    observation, info = env.reset(seed=seed, options=dict(options or {}))
    if "placeholder" not in info:
        raise KeyError("the env's reset info has no 'placeholder'; is it an InfoPO env?")
    convo = open_conversation(chat, system, preamble)
    convo.add("user", observation)
    episode = _Episode(
        env, convo, str(info.get("task_id")), group_id, info["placeholder"], dict(roles or {})
    )
    episode.info = info
    return episode


def open_conversation(
    chat: ChatFormat, system: str | None = None, preamble: Sequence[Message] = ()
) -> Conversation:
    """The conversation before the opening: the system message, then the preamble's messages.

    Rollouts and scorers that rebuild a trajectory both start here, so the tokens before the
    opening are the same in both.
    """
    convo = chat.conversation(system)
    for message in preamble:
        convo.add(message["role"], message["content"])
    return convo


def replay_conversation(
    chat: ChatFormat,
    system: str | None,
    preamble: Sequence[Message],
    messages: Sequence[Message],
    action_token_ids: Sequence[Sequence[int] | None] | None = None,
) -> tuple[Conversation, list[Span], list[Span]]:
    """Lay out a recorded episode (``messages``: the opening, then each action and feedback with
    the role the rollout gave it) through ``chat`` with the rollout's own steps; the action and
    feedback spans. ``action_token_ids`` (one entry per action) are the sampled ids, when the
    scoring policy is the one that played."""
    convo = open_conversation(chat, system, preamble)
    action_spans: list[Span] = []
    feedback_spans: list[Span] = []
    for index, message in enumerate(messages):
        if message["role"] == "assistant":
            ids = action_token_ids[len(action_spans)] if action_token_ids else None
            action_spans.append(convo.add_action(message["content"], ids))
        elif index == 0:
            convo.add(message["role"], message["content"])  # the opening
        else:
            feedback_spans.append(convo.add(message["role"], message["content"]))
    return convo, action_spans, feedback_spans


def record_episode(chat: ChatFormat, env: gym.Env, agent, **start) -> Trajectory:
    """Play a scripted ``agent`` (``reset``/``act``) and record it through the chat template.

    ``start`` takes ``start_episode``'s keywords (``options``, ``seed``, ``system``,
    ``preamble``, ...).
    """
    episode = start_episode(chat, env, **start)
    observation, info = episode.convo.messages[-1]["content"], episode.info
    agent.reset(env, observation, info)
    while not episode.done:
        episode.act(agent.act(observation, info))
        observation, info = episode.convo.messages[-1]["content"], episode.info
    return episode.trajectory()


def rollout_groups(
    policy: HFPolicy,
    env: EnvSource,
    tasks: Sequence[str | Mapping[str, Any]],
    group_size: int,
    params: SamplingParams | None = None,
    *,
    seed: int = 0,
    system: str | None = None,
    roles: Mapping[str, str] | None = None,
    max_context_tokens: int | None = None,
    batch_size: int | None = None,
    preamble: Sequence[Message] = (),
    decoding: str = "sample",
    menu_score: str = "sum",
    env_threads: int = DEFAULT_ENV_THREADS,
    fail_fast: bool = False,
) -> list[Trajectory]:
    """Run ``group_size`` episodes of each task with ``policy``; trajectories in group order.

    ``env`` is a registered id, a factory, or ``len(tasks) * group_size`` env objects. ``tasks``
    are task ids (``"test-0003"``) or reset options. An episode whose next prompt would not
    leave room for ``max_new_tokens`` within ``max_context_tokens`` ends truncated. ``system``
    and ``preamble`` (context messages before the opening, see the module docstring) are the
    same for every episode. ``env_threads`` bounds how many envs step at once; ``fail_fast``
    raises a simulator's error instead of recording it (see the module docstring).
    ``decoding="menu"`` picks each action from the env's ``candidate_actions()`` by its
    log-probability (``infopo_agent.menu``, scored by ``menu_score``) instead of sampling.
    """
    params = params or SamplingParams()
    if group_size < 1:
        raise ValueError(f"group_size must be >= 1, got {group_size}")
    if decoding not in ("sample", "menu"):
        raise ValueError(f"decoding must be 'sample' or 'menu', got {decoding!r}")
    if env_threads < 1:
        raise ValueError(f"env_threads must be >= 1, got {env_threads}")
    envs = _make_envs(env, len(tasks) * group_size)
    episodes = []
    for g, task in enumerate(tasks):
        options = {"task_id": task} if isinstance(task, str) else dict(task)
        for i in range(group_size):
            episodes.append(
                start_episode(
                    policy.chat,
                    envs[g * group_size + i],
                    options=options,
                    seed=stable_seed("rollout", seed, g, i),
                    group_id=f"{seed}-{g}",
                    system=system,
                    roles=roles,
                    preamble=preamble,
                )
            )
    stepper = ThreadPoolExecutor(env_threads, thread_name_prefix="infopo-env")
    try:
        decode = _decoder(policy, params, decoding, menu_score)
        _play(decode, episodes, params, seed, max_context_tokens, batch_size, stepper, fail_fast)
    finally:
        stepper.shutdown()
        if isinstance(env, (str, Callable)):
            for made in envs:
                made.close()
    return [e.trajectory() for e in episodes]


def _decoder(policy: HFPolicy, params: SamplingParams, decoding: str, menu_score: str):
    """The next actions of a batch of episodes: sampled, or chosen from each env's menu."""

    def decode(batch, prompts, seed):
        if decoding == "menu":
            menus = [e.env.unwrapped.candidate_actions() for e in batch]
            return policy.choose(prompts, menus, params, seed=seed, score=menu_score)
        return policy.generate(prompts, params, seed=seed)

    return decode


def _play(decode, episodes, params, seed, max_context_tokens, batch_size, stepper, fail_fast):
    """Generate a batch, step its envs concurrently, until every episode is done."""
    for step in itertools.count():
        live = [e for e in episodes if not e.done]
        if max_context_tokens is not None:
            for e in live:
                if len(e.convo.generation_prompt()) + params.max_new_tokens > max_context_tokens:
                    e.truncated = True
            live = [e for e in live if not e.done]
        if not live:
            break
        chunk = batch_size or len(live)
        for at in range(0, len(live), chunk):
            batch = live[at : at + chunk]
            prompts = [e.convo.generation_prompt() for e in batch]
            generations = decode(batch, prompts, stable_seed(seed, step, at))
            for episode, generation in zip(batch, generations, strict=True):
                episode.add_action(generation.text, generation.token_ids)
            texts = [generation.text for generation in generations]
            results = step_envs(stepper, [e.env for e in batch], texts, fail_fast=fail_fast)
            for episode, result in zip(batch, results, strict=True):
                episode.receive(result)


def step_envs(
    stepper: ThreadPoolExecutor,
    envs: Sequence[gym.Env],
    actions: Sequence[str],
    *,
    fail_fast: bool = False,
) -> list[StepResult | SimulatorError]:
    """``env.step(action)`` for each pair on ``stepper``'s threads; results in input order.

    A ``SimulatorError`` is returned in its env's place, or, with ``fail_fast``, the first one
    in input order is raised once every step has finished (so no env is left mid-step).
    """

    def step(pair: tuple[gym.Env, str]) -> StepResult | SimulatorError:
        env, action = pair
        try:
            return env.step(action)
        except SimulatorError as error:
            return error

    results = list(stepper.map(step, zip(envs, actions, strict=True)))
    if fail_fast:
        for result in results:
            if isinstance(result, SimulatorError):
                raise result
    return results


def _make_envs(source: EnvSource, count: int) -> list[gym.Env]:
    if isinstance(source, str):
        import infopo_envs  # noqa: F401  (registers the ids)

        return [gym.make(source) for _ in range(count)]
    if callable(source):
        return [source() for _ in range(count)]
    envs = list(source)
    if len(envs) != count:
        raise ValueError(f"{count} episodes need {count} env objects, got {len(envs)}")
    return envs
