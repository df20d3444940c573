"""Paraphrase agreement: does an env judge a message the same however it is worded?

A case file (``benchmarks/paraphrase/<family>.json``) holds cases for one env: a canonical
message, 2-4 paraphrases written the way language models write (inflections, synonyms, word
order, politeness, hyphenation, markdown, text before the tag, negation), the judgment every one
of them should get, and tags. Each message is played after ``reset(seed=0, options={"task_id":
...})`` and the case's setup actions; it agrees when the step's ``info["judgment"]`` equals the
expected ``{"kind": ..., "keys": [...]}``. Cases tagged ``trap`` are wrong-topic traps: a trap
message judged a ``reveal`` it should not be is a false reveal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gymnasium as gym
from pydantic import BaseModel, ConfigDict, Field

TAGS = (
    "inflection",
    "synonym",
    "word_order",
    "politeness",
    "hyphenation",
    "negation",
    "trap",
    "markdown",
    "prefix_text",
)


class Judgment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    keys: list[str]


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    task_id: str
    setup: list[str] = Field(default_factory=list)
    canonical: str
    paraphrases: list[str] = Field(min_length=2, max_length=4)
    expected: Judgment
    tags: list[str]

    def messages(self) -> list[str]:
        return [self.canonical, *self.paraphrases]


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    env_id: str
    cases: list[Case]


def load_cases(path: Path) -> CaseFile:
    """A validated case file; unknown tags or duplicate ids are errors."""
    data = CaseFile.model_validate_json(path.read_text(encoding="utf-8"))
    ids = [case.id for case in data.cases]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate case ids")
    for case in data.cases:
        unknown = set(case.tags) - set(TAGS)
        if unknown:
            raise ValueError(f"{path}: case {case.id} has unknown tags {sorted(unknown)}")
    return data


@dataclass
class Miss:
    case: str
    message: str
    expected: dict[str, Any]
    got: dict[str, Any] | None


@dataclass
class EnvAgreement:
    """How one env judged every message of its cases."""

    env_id: str
    messages: int = 0
    agreed: int = 0
    negation_messages: int = 0
    negation_agreed: int = 0
    trap_messages: int = 0
    false_reveals: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        return self.agreed / self.messages if self.messages else 0.0

    @property
    def negation_agreement(self) -> float:
        return self.negation_agreed / self.negation_messages if self.negation_messages else 1.0


def judge(env: gym.Env, case: Case, message: str) -> dict[str, Any] | None:
    """The judgment ``env`` gives ``message`` after the case's setup (None: no judgment)."""
    env.reset(seed=0, options={"task_id": case.task_id})
    for action in case.setup:
        *_, terminated, truncated, _ = env.step(action)
        if terminated or truncated:
            raise ValueError(f"case {case.id}: the setup ended the episode")
    *_, info = env.step(message)
    return info.get("judgment")


def evaluate(data: CaseFile, **make_kwargs) -> EnvAgreement:
    """Play every message of ``data`` and count agreements, negations and false reveals."""
    import infopo_envs  # noqa: F401  (registers the envs)

    result = EnvAgreement(data.env_id)
    env = gym.make(data.env_id, **make_kwargs)
    try:
        for case in data.cases:
            expected = case.expected.model_dump()
            for message in case.messages():
                got = judge(env, case, message)
                agreed = got == expected
                result.messages += 1
                result.agreed += agreed
                if "negation" in case.tags:
                    result.negation_messages += 1
                    result.negation_agreed += agreed
                if "trap" in case.tags:
                    result.trap_messages += 1
                    result.false_reveals += bool(
                        not agreed and got is not None and got.get("kind") == "reveal"
                    )
                if not agreed:
                    result.misses.append(Miss(case.id, message, expected, got))
    finally:
        env.close()
    return result


def evaluate_files(paths: Iterable[Path]) -> list[EnvAgreement]:
    """One ``EnvAgreement`` per env, merging the files that share an env id."""
    merged: dict[str, EnvAgreement] = {}
    for path in sorted(paths):
        result = evaluate(load_cases(path))
        total = merged.setdefault(result.env_id, EnvAgreement(result.env_id))
        for name in (
            "messages",
            "agreed",
            "negation_messages",
            "negation_agreed",
            "trap_messages",
            "false_reveals",
        ):
            setattr(total, name, getattr(total, name) + getattr(result, name))
        total.misses += result.misses
    return list(merged.values())
