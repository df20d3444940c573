"""Playing episodes for the model commands: options, task choice, and one runner per policy kind.

A run is N tasks, each played G times (a group). Tasks are drawn from ``--seed`` with
``infopo_envs.core.seeding``, and every episode's reset seed is derived from the run seed, the
task and the episode's place in its group, so the same arguments give the same episodes (with
the rule-based user and a seeded policy) in any process. A local model plays all episodes of a
batch of groups together (``infopo_agent.rollout.rollout_groups``); scripted and OpenAI policies
play one episode at a time. With ``--example-turns N`` a model policy first sees a system line
and a worked example of the env's oracle on a train task (``infopo_agent.prompting``); every
record keeps that context.

An episode whose user simulator fails (after the simulator's own retries) is recorded with its
``simulator_error`` and the run goes on; the summary leaves it out of every score and lists it.
``--fail-fast`` stops the run at the first failure instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from infopo_agent.cli.common import RunError, UsageError, console, make_env
from infopo_agent.cli.policies import OpenAIAgent, PolicySpec
from infopo_agent.cli.records import ChatMessage, EpisodeRecord, TurnRecord
from infopo_agent.prompting import ExamplePrompt, oracle_example
from infopo_envs.core.seeding import TEST, TRAIN, rng_for, stable_seed

TRAIN_TASK_RANGE = 2**31


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be at least 0")
    return value


def add_example_argument(parser: argparse.ArgumentParser, default: int) -> None:
    parser.add_argument(
        "--example-turns",
        type=non_negative,
        default=default,
        help="oracle actions in a worked example before the opening, for model policies "
        f"(0: none; default {default})",
    )


def add_run_arguments(parser: argparse.ArgumentParser, *, episodes: int, group: int) -> None:
    """The options every command that plays episodes shares."""
    parser.add_argument("env_id")
    parser.add_argument(
        "--policy",
        default="smollm2",
        help="smollm2 | <model dir> | oracle | random | openai:<model>",
    )
    parser.add_argument("--episodes", type=positive, default=episodes, help="tasks to play")
    parser.add_argument("--group", type=positive, default=group, help="episodes per task (G)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--split", choices=(TRAIN, TEST), default=TEST)
    parser.add_argument("--max-turns", type=positive, help="turn limit (default: the env's)")
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--top-p", type=float, default=1.0)
    parser.add_argument("--max-new-tokens", type=positive, default=96, help="per action")
    parser.add_argument(
        "--batch-groups", type=positive, default=4, help="groups a local model plays at once"
    )
    parser.add_argument("--device", help="torch device for a local model (default: cuda if any)")
    parser.add_argument("--base-url", help="OpenAI-compatible endpoint for openai:<model>")
    parser.add_argument("--api-key", help="API key for openai:<model> (default: OPENAI_API_KEY)")
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first user-simulator failure (default: record the episode as "
        "simulator_error, leave it out of the scores, and go on)",
    )
    add_example_argument(parser, default=0)


@dataclass(frozen=True)
class RunSettings:
    env_id: str
    simulator: str | None
    tasks: int
    group: int
    seed: int
    split: str = TEST
    max_turns: int | None = None
    temperature: float = 1.0
    top_p: float = 1.0
    max_new_tokens: int = 96
    batch_groups: int = 4
    base_url: str | None = None
    api_key: str | None = None
    example_turns: int = 0
    fail_fast: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace, simulator: str | None) -> RunSettings:
        if args.temperature < 0 or not 0 < args.top_p <= 1:
            raise UsageError("need --temperature >= 0 and 0 < --top-p <= 1")
        return cls(
            env_id=args.env_id,
            simulator=simulator,
            tasks=args.episodes,
            group=args.group,
            seed=args.seed,
            split=args.split,
            max_turns=args.max_turns,
            temperature=args.temperature,
            top_p=args.top_p,
            max_new_tokens=args.max_new_tokens,
            batch_groups=args.batch_groups,
            base_url=args.base_url,
            api_key=args.api_key,
            example_turns=args.example_turns,
            fail_fast=getattr(args, "fail_fast", False),
        )

    def make_env(self) -> gym.Env:
        """The env with this run's simulator and turn limit (bad ones are UsageErrors)."""
        kwargs: dict[str, Any] = {}
        if self.simulator is not None:
            kwargs["simulator"] = self.simulator
        if self.max_turns is not None:
            kwargs.update(max_turns=self.max_turns, max_episode_steps=self.max_turns)
        return make_env(self.env_id, **kwargs)


def example_prompt(spec: PolicySpec, settings: RunSettings) -> ExamplePrompt:
    """The ``ExamplePrompt`` a model policy sees before each opening (none without examples)."""
    if settings.example_turns == 0:
        return ExamplePrompt(None, [])
    if spec.kind in ("oracle", "random"):
        raise UsageError("--example-turns is for model policies; a scripted agent reads no prompt")
    try:
        return oracle_example(settings.make_env, settings.example_turns)
    except ValueError as error:
        raise UsageError(f"--example-turns needs the env's oracle: {error}") from None
    except RuntimeError as error:
        raise RunError(f"cannot build the example: {error}") from None


def choose_tasks(env: gym.Env, settings: RunSettings) -> list[str]:
    """``settings.tasks`` distinct task ids of the split, drawn from the run seed."""
    rng = rng_for("infopo-eval-tasks", settings.env_id, settings.split, settings.seed)
    if settings.split == TEST:
        size = env.unwrapped.test_size
        if settings.tasks > size:
            raise UsageError(f"--episodes {settings.tasks}: the test split has {size} tasks")
        indices = rng.permutation(size)[: settings.tasks]
    else:
        indices = rng.choice(TRAIN_TASK_RANGE, size=settings.tasks, replace=False)
    return [f"{settings.split}-{int(i):04d}" for i in indices]


def episode_seed(settings: RunSettings, task_id: str, member: int) -> int:
    return stable_seed("infopo-eval-episode", settings.seed, task_id, member)


def run_episodes(spec: PolicySpec, settings: RunSettings, *, policy=None) -> list[EpisodeRecord]:
    """Play every episode of the run with a progress bar; one record per episode, in order."""
    from simulators import SimulatorError

    probe = settings.make_env()
    tasks = choose_tasks(probe, settings)
    example = example_prompt(spec, settings)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        bar = progress.add_task(
            f"{spec.name} on {settings.env_id}", total=len(tasks) * settings.group
        )
        try:
            if spec.kind == "hf":
                return _run_model(
                    policy, spec, settings, tasks, example, lambda n: progress.advance(bar, n)
                )
            return _run_scripted(
                probe, spec, settings, tasks, example, lambda n: progress.advance(bar, n)
            )
        except SimulatorError as error:
            raise RunError(f"simulator failed: {error}") from None
        finally:
            probe.close()


def _run_model(policy, spec, settings, tasks, example, advance: Callable[[int], None]):
    from infopo_agent.policy import SamplingParams
    from infopo_agent.rollout import rollout_groups

    params = SamplingParams(
        temperature=settings.temperature,
        top_p=settings.top_p,
        max_new_tokens=settings.max_new_tokens,
    )
    context = getattr(policy.model.config, "max_position_embeddings", None)
    records: list[EpisodeRecord] = []
    for start in range(0, len(tasks), settings.batch_groups):
        chunk = tasks[start : start + settings.batch_groups]
        envs = [settings.make_env() for _ in range(len(chunk) * settings.group)]
        trajectories = rollout_groups(
            policy,
            envs,
            chunk,
            settings.group,
            params,
            seed=stable_seed("infopo-eval-rollout", settings.seed, start),
            max_context_tokens=context,
            system=example.system,
            preamble=example.preamble,
            fail_fast=settings.fail_fast,
        )
        for k, (env, trajectory) in enumerate(zip(envs, trajectories, strict=True)):
            tokens = [_span_tokens(trajectory, t) for t in range(trajectory.num_turns)]
            records.append(
                episode_record(
                    spec,
                    settings,
                    env,
                    episode=len(records),
                    group=chunk[k // settings.group],
                    tokens=tokens,
                    ended=(trajectory.terminated, trajectory.truncated),
                    example=example,
                    simulator_error=trajectory.simulator_error,
                    trajectory=trajectory,
                )
            )
            env.close()
        advance(len(envs))
    return records


def _span_tokens(trajectory, t: int) -> dict[str, Any]:
    (a_start, a_end), (f_start, f_end) = trajectory.action_spans[t], trajectory.feedback_spans[t]
    return {
        "prompt_tokens": a_start,
        "action_tokens": a_end - a_start,
        "feedback_tokens": f_end - f_start,
    }


def _run_scripted(env, spec, settings, tasks, example, advance: Callable[[int], None]):
    from infopo_envs.core.agents import RandomAgent, oracle_for, run_episode
    from simulators import SimulatorError

    records: list[EpisodeRecord] = []
    for task_id in tasks:
        for member in range(settings.group):
            seed = episode_seed(settings, task_id, member)
            if spec.kind == "oracle":
                try:
                    agent = oracle_for(env)
                except ValueError as error:
                    raise UsageError(str(error)) from None
            elif spec.kind == "random":
                agent = RandomAgent(seed)
            else:
                agent = OpenAIAgent.connect(
                    spec.source,
                    base_url=settings.base_url,
                    api_key=settings.api_key,
                    temperature=settings.temperature,
                    max_tokens=settings.max_new_tokens,
                    seed=seed,
                    context=_context_messages(example),
                )
            error = None
            try:
                result = run_episode(env, agent, seed=seed, options={"task_id": task_id})
                ended = (result.terminated, not result.terminated)
            except SimulatorError as failure:
                if settings.fail_fast:
                    raise
                error, ended = str(failure) or type(failure).__name__, (False, False)
            tokens = None
            if isinstance(agent, OpenAIAgent):
                tokens = [{"prompt_tokens": p, "action_tokens": c} for p, c in agent.usage]
            records.append(
                episode_record(
                    spec,
                    settings,
                    env,
                    episode=len(records),
                    group=task_id,
                    tokens=tokens,
                    ended=ended,
                    example=example,
                    simulator_error=error,
                )
            )
            advance(1)
    return records


def _context_messages(example: ExamplePrompt) -> list[dict[str, str]]:
    system = [{"role": "system", "content": example.system}] if example.system is not None else []
    return [*system, *example.preamble]


def episode_record(
    spec: PolicySpec,
    settings: RunSettings,
    env: gym.Env,
    *,
    episode: int,
    group: str,
    tokens: list[dict[str, Any]] | None,
    ended: tuple[bool, bool],
    example: ExamplePrompt,
    simulator_error: str | None = None,
    trajectory=None,
) -> EpisodeRecord:
    """The record of the episode ``env`` has just played, from its transcript and context."""
    unwrapped = env.unwrapped
    transcript = unwrapped.transcript
    turns = [
        TurnRecord(
            turn=t,
            action=turn.action,
            feedback=turn.feedback,
            feedback_source=turn.feedback_source,
            reward=turn.reward,
            action_valid=turn.action_valid,
            info=turn.info,
            **(tokens[t] if tokens else {}),
        )
        for t, turn in enumerate(transcript.turns)
    ]
    last = transcript.turns[-1].info if transcript.turns else {}
    return EpisodeRecord(
        env_id=settings.env_id,
        policy=spec.name,
        simulator=settings.simulator,
        seed=settings.seed,
        episode=episode,
        group=group,
        task_id=unwrapped.task_ref.task_id,
        placeholder=unwrapped.placeholder,
        system=example.system,
        preamble=[ChatMessage(**message) for message in example.preamble],
        opening=transcript.opening,
        turns=turns,
        outcome=float(last.get("outcome", 0.0)),
        success=bool(last.get("success", False)),
        num_turns=len(turns),
        total_reward=float(sum(t.reward for t in turns)),
        invalid_actions=sum(not t.action_valid for t in turns),
        terminated=ended[0],
        truncated=ended[1],
        simulator_stats=last.get("simulator"),
        simulator_error=simulator_error,
        trajectory=trajectory,
    )
