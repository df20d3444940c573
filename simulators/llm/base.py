"""What both LLM-backed simulators share: prompts, per-call seeds, the cache, faithfulness checks,
usage counters."""

from __future__ import annotations

import hashlib
from abc import abstractmethod
from dataclasses import dataclass
from typing import Any

from simulators.base import SimulatorError, UserSimulator, UserTurn
from simulators.llm.cache import ResponseCache, cache_key
from simulators.llm.faithfulness import unfaithful
from simulators.llm.prompt import build_messages
from simulators.personas import COOPERATIVE, Persona
from simulators.rule_based import RuleBasedUser


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


class LLMUserSimulator(UserSimulator):
    """Subclasses implement ``_complete(messages, seed)`` and ``config()``.

    Every reply is checked against the env's plan (``simulators.llm.faithfulness``). A reply
    that does not carry the plan out is sampled again with the next seed, up to ``faithful_retries``
    times; if none passes, the rule-based wording of the plan is used instead, so the agent never
    reads something the env did not decide. ``stats()`` counts both (``rejected``,
    ``fallbacks``).
    """

    def __init__(
        self,
        persona: Persona = COOPERATIVE,
        cache: ResponseCache | None = None,
        *,
        faithful_retries: int = 2,
    ):
        super().__init__(persona)
        if faithful_retries < 0:
            raise ValueError(f"faithful_retries must be >= 0, got {faithful_retries}")
        self.cache = cache
        self.retries = faithful_retries
        self._fallback = RuleBasedUser(persona)
        self.calls = self.cached = self.prompt_tokens = self.completion_tokens = 0
        self.rejected = self.fallbacks = 0
        self.reset(0)

    @abstractmethod
    def config(self) -> dict[str, Any]:
        """What determines a reply besides prompt and seed (model, sampling settings, ...)."""

    @abstractmethod
    def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        """One model call; raise ``SimulatorError`` on failure."""

    def reset(self, seed: int) -> None:
        self._episode_seed, self._call_index = int(seed), 0
        self._fallback.reset(seed)

    def reply(self, turn: UserTurn) -> str:
        return self._first_faithful(turn, build_messages(turn, self.persona), 1 + self.retries)

    def _first_faithful(self, turn: UserTurn, messages: list[dict[str, str]], tries: int) -> str:
        """The first of up to ``tries`` sampled replies that carries out the plan, else the
        rule-based wording."""
        for _ in range(tries):
            text = self._sample(messages)
            if self._accept(text, turn):
                return text
        return self._rule_wording(turn)

    def _sample(self, messages: list[dict[str, str]]) -> str:
        """One reply from the cache or the model; every raw reply is recorded, so a replay
        repeats the same checks and reaches the same result."""
        seed = self._call_seed()
        self._call_index += 1
        key = cache_key(self.config(), self.persona.name, messages, seed)
        recorded = self.cache.lookup(key) if self.cache is not None else None
        if recorded is not None:
            self.cached += 1
            return recorded
        completion = self._complete(messages, seed)
        text = completion.text.strip()
        if not text:
            raise SimulatorError(f"{self.describe()} returned an empty reply")
        self._count(completion)
        if self.cache is not None:
            self.cache.store(key, text)
        return text

    def _accept(self, text: str, turn: UserTurn) -> bool:
        if unfaithful(text, turn) is None:
            return True
        self.rejected += 1
        return False

    def _rule_wording(self, turn: UserTurn) -> str:
        self.fallbacks += 1
        return self._fallback.reply(turn)

    def _count(self, completion: Completion) -> None:
        self.calls += 1
        self.prompt_tokens += completion.prompt_tokens
        self.completion_tokens += completion.completion_tokens

    def _call_seed(self) -> int:
        digest = hashlib.sha256(f"{self._episode_seed}/{self._call_index}".encode()).digest()
        return int.from_bytes(digest[:4], "little")

    def stats(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "cached": self.cached,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "rejected": self.rejected,
            "fallbacks": self.fallbacks,
        }
