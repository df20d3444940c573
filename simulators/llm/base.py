"""What both LLM-backed simulators share: prompts, per-call seeds, the cache, usage counters."""

from __future__ import annotations

import hashlib
from abc import abstractmethod
from dataclasses import dataclass
from typing import Any

from simulators.base import SimulatorError, UserSimulator, UserTurn
from simulators.llm.cache import ResponseCache, cache_key
from simulators.llm.prompt import build_messages
from simulators.personas import COOPERATIVE, Persona


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


class LLMUserSimulator(UserSimulator):
    """Subclasses implement ``_complete(messages, seed)`` and ``config()``."""

    def __init__(self, persona: Persona = COOPERATIVE, cache: ResponseCache | None = None):
        super().__init__(persona)
        self.cache = cache
        self.calls = self.cached = self.prompt_tokens = self.completion_tokens = 0
        self.reset(0)

    @abstractmethod
    def config(self) -> dict[str, Any]:
        """What determines a reply besides prompt and seed (model, sampling settings, ...)."""

    @abstractmethod
    def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        """One model call; raise ``SimulatorError`` on failure."""

    def reset(self, seed: int) -> None:
        self._episode_seed, self._call_index = int(seed), 0

    def reply(self, turn: UserTurn) -> str:
        messages = build_messages(turn, self.persona)
        seed = self._call_seed()
        key = cache_key(self.config(), self.persona.name, messages, seed)
        recorded = self.cache.lookup(key) if self.cache is not None else None
        if recorded is not None:
            self.cached += 1
            self._call_index += 1
            return recorded
        completion = self._complete(messages, seed)
        text = completion.text.strip()
        if not text:
            raise SimulatorError(f"{self.describe()} returned an empty reply")
        self.calls += 1
        self.prompt_tokens += completion.prompt_tokens
        self.completion_tokens += completion.completion_tokens
        self._call_index += 1
        if self.cache is not None:
            self.cache.store(key, text)
        return text

    def _call_seed(self) -> int:
        digest = hashlib.sha256(f"{self._episode_seed}/{self._call_index}".encode()).digest()
        return int.from_bytes(digest[:4], "little")

    def stats(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "cached": self.cached,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
        }
