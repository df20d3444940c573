"""``OpenAIUserSimulator``: a user played by any OpenAI-compatible chat endpoint."""

from __future__ import annotations

import os
import time
from typing import Any

from simulators.base import SimulatorError
from simulators.llm.base import Completion, LLMUserSimulator
from simulators.llm.cache import ResponseCache
from simulators.personas import COOPERATIVE, Persona

MALFORMED_BACKOFF_S = 0.25


def _completion_of(response: Any) -> Completion:
    """Text and usage of a chat completion; raises ValueError when the body is not one."""
    if not getattr(response, "choices", None):
        raise ValueError(f"response has no choices: {str(response)[:200]!r}")
    text = response.choices[0].message.content or ""
    usage = response.usage
    return Completion(
        text, getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0
    )


class OpenAIUserSimulator(LLMUserSimulator):
    """Calls ``/chat/completions`` through the official ``openai`` client.

    Endpoint and key come from the arguments or ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY`` (a local
    server needs no real key; ``"EMPTY"`` is sent then). The client's own retry loop handles
    connection errors, timeouts, 429 and 5xx with exponential backoff, ``max_retries`` times,
    each attempt bounded by ``timeout`` seconds; a 200 whose body is not a chat completion is
    retried here the same number of times. After that a ``SimulatorError`` names the
    endpoint, the model and the cause. Prices, when given (dollars per million tokens), add a
    ``cost`` to the usage stats.
    """

    name = "openai"

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        temperature: float = 0.7,
        max_tokens: int = 128,
        seed: int | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        price_in: float | None = None,
        price_out: float | None = None,
        persona: Persona = COOPERATIVE,
        cache: ResponseCache | None = None,
        faithful_retries: int = 2,
    ):
        import openai

        self.model, self.temperature, self.max_tokens = model, temperature, max_tokens
        self.base_seed, self.price_in, self.price_out = seed, price_in, price_out
        self.max_retries = max_retries
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        key = api_key or os.environ.get("OPENAI_API_KEY") or "EMPTY"
        self.client = openai.OpenAI(
            base_url=self.base_url, api_key=key, timeout=timeout, max_retries=max_retries
        )
        super().__init__(persona, cache, faithful_retries=faithful_retries)

    def config(self) -> dict[str, Any]:
        return {
            "backend": self.name,
            "base_url": self.base_url,
            "model": self.model,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "seed": self.base_seed,
        }

    def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        """One reply. Transport faults are retried by the client; malformed bodies here."""
        import openai

        call_seed = seed if self.base_seed is None else (self.base_seed + seed) % 2**31
        for attempt in range(self.max_retries + 1):
            try:
                response = self.client.chat.completions.create(
                    model=self.model,
                    messages=messages,
                    temperature=self.temperature,
                    max_tokens=self.max_tokens,
                    seed=call_seed,
                )
                return _completion_of(response)
            except openai.OpenAIError as error:
                raise self._failure(error) from error
            except (ValueError, TypeError, AttributeError, IndexError) as error:
                if attempt == self.max_retries:
                    raise self._failure(error) from error
                time.sleep(MALFORMED_BACKOFF_S * 2**attempt)
        raise AssertionError("unreachable")

    def _failure(self, error: Exception) -> SimulatorError:
        return SimulatorError(
            f"user simulator endpoint {self.base_url} (model {self.model!r}) failed: "
            f"{type(error).__name__}: {error}"
        )

    def stats(self) -> dict[str, Any]:
        stats = super().stats()
        if self.price_in is not None and self.price_out is not None:
            cost = self.prompt_tokens * self.price_in + self.completion_tokens * self.price_out
            stats["cost"] = cost / 1e6
        return stats
