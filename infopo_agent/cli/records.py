"""The files the model commands write, as pydantic models: one schema, one place.

``docs/cli.md`` documents every field; the tests validate every file a command writes against
these models (``extra="forbid"``, so an undocumented field is an error, not a surprise).

- ``transcripts.jsonl``: one ``EpisodeRecord`` per line (``infopo eval``, ``robustness``, ``demo``);
- ``summary.json``: an ``EvalSummary``;
- ``robustness.json``: a ``RobustnessReport``;
- ``infogain.jsonl``: one ``ScoredEpisode`` per line; ``infogain_summary.json``: an
  ``InfoGainSummary`` (``infopo infogain``, ``demo``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from infopo_agent.cli.common import UsageError
from infopo_agent.trajectory import Trajectory

EPISODE_SCHEMA = "infopo.episode/3"
EVAL_SUMMARY_SCHEMA = "infopo.eval-summary/1"
ROBUSTNESS_SCHEMA = "infopo.robustness/1"
SCORED_EPISODE_SCHEMA = "infopo.infogain-episode/1"
INFOGAIN_SUMMARY_SCHEMA = "infopo.infogain-summary/1"


class Record(BaseModel):
    # ``schema`` is the JSON key; the attribute is ``schema_`` because BaseModel owns ``schema``.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class TurnRecord(Record):
    """One step of an episode: the action, what came back, and what it cost in tokens."""

    turn: int
    action: str
    feedback: str
    feedback_source: Literal["user", "env", "tool"]
    reward: float
    action_valid: bool
    info: dict[str, Any]
    prompt_tokens: int | None = None
    action_tokens: int | None = None
    feedback_tokens: int | None = None
    action_token_ids: list[int] | None = None


class ChatMessage(Record):
    """One message of the context a model saw before the opening."""

    role: str
    content: str


class EpisodeRecord(Record):
    """One episode as played: the context, the opening, every turn, and how it ended.

    ``system`` and ``preamble`` are what the policy saw before the opening (``/1`` records
    predate them and had neither). ``trajectory`` is the rollout's own record of the episode
    (token ids, spans, messages with roles) when a local model played it (``/3`` on): scorers
    and trainers read it rather than laying the conversation out again.
    """

    schema_: Literal["infopo.episode/3", "infopo.episode/2", "infopo.episode/1"] = Field(
        EPISODE_SCHEMA, alias="schema"
    )
    env_id: str
    policy: str
    simulator: str | None
    seed: int
    episode: int
    group: str
    task_id: str
    placeholder: str
    system: str | None = None
    preamble: list[ChatMessage] = Field(default_factory=list)
    opening: str
    turns: list[TurnRecord]
    outcome: float
    success: bool
    num_turns: int
    total_reward: float
    invalid_actions: int
    terminated: bool
    truncated: bool
    simulator_stats: dict[str, Any] | None = None
    simulator_error: str | None = None
    trajectory: Trajectory | None = None


class SimulatorFailure(Record):
    """An episode left out of the scores because its user simulator failed."""

    episode: int
    task_id: str
    error: str


class EvalSummary(Record):
    """Aggregates of one ``infopo eval`` run (also one row of a robustness report)."""

    schema_: Literal["infopo.eval-summary/1"] = Field(EVAL_SUMMARY_SCHEMA, alias="schema")
    env_id: str
    policy: str
    simulator: str | None
    seed: int
    split: Literal["train", "test"]
    tasks: int
    group_size: int
    episodes: int
    max_turns: int | None
    mean_outcome: float
    success_rate: float
    pass_hat_k: dict[str, float] | None
    mean_turns: float
    invalid_action_rate: float
    simulator_calls: int
    simulator_prompt_tokens: int
    simulator_completion_tokens: int
    policy_prompt_tokens: int | None
    policy_completion_tokens: int | None
    wall_time_s: float
    simulator_errors: list[SimulatorFailure] = Field(default_factory=list)


class PersonaResult(Record):
    persona: str
    simulator: str
    summary: EvalSummary


class RobustnessReport(Record):
    """One policy against several user personas: one ``EvalSummary`` per persona."""

    schema_: Literal["infopo.robustness/1"] = Field(ROBUSTNESS_SCHEMA, alias="schema")
    env_id: str
    policy: str
    base_simulator: str
    seed: int
    personas: list[PersonaResult]
    wall_time_s: float


class ScoredTurn(Record):
    """One action with the information gain of the feedback it obtained and its advantage."""

    turn: int
    action: str
    feedback: str
    reward: float
    action_valid: bool
    info_gain: float | None
    info_advantage: float
    advantage: float


class ScoredEpisode(Record):
    """An episode scored by a policy: per-turn IG, the group's gate, and fused advantages."""

    schema_: Literal["infopo.infogain-episode/1"] = Field(SCORED_EPISODE_SCHEMA, alias="schema")
    episode: int
    group: str
    task_id: str
    outcome: float
    success: bool
    total_info_gain: float
    outcome_advantage: float
    gate: float
    tokens: int
    turns: list[ScoredTurn]


class InfoGainSummary(Record):
    """What ``infopo infogain`` measured over a transcript file, and where its plots are."""

    schema_: Literal["infopo.infogain-summary/1"] = Field(INFOGAIN_SUMMARY_SCHEMA, alias="schema")
    transcripts: str
    policy: str
    beta: float
    tau: float
    episodes: int
    groups: int
    valid_turns: int
    mean_info_gain: float
    mean_gate: float
    zero_variance_fraction: float
    mean_info_gain_by_turn: list[float | None]
    valid_turns_by_turn: list[int]
    outcome_info_gain_correlation: float | None
    plots: dict[str, str]
    wall_time_s: float


M = TypeVar("M", bound=Record)


def dump(record: Record) -> str:
    return record.model_dump_json(by_alias=True)


def write_json(path: Path, record: Record) -> Path:
    path.write_text(record.model_dump_json(by_alias=True, indent=2) + "\n", encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[Record]) -> Path:
    path.write_text("".join(dump(r) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: str | Path, model: type[M]) -> list[M]:
    """Every line of ``path`` as ``model``; a missing, unreadable or invalid file: UsageError."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise UsageError(f"cannot read {path}: {reason}") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            first = (
                str(error).splitlines()[0]
                if isinstance(error, json.JSONDecodeError)
                else (f"{error.error_count()} schema errors, first: {_first_error(error)}")
            )
            raise UsageError(f"{path}:{number} is not a {model.__name__}: {first}") from None
    if not records:
        raise UsageError(f"{path} holds no records")
    return records


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(record)"
    return f"{where}: {first['msg']}"
