"""``HFUserSimulator``: a user played by a local transformers chat model (SmolLM2 by default)."""

from __future__ import annotations

import functools
import threading
from typing import Any

from simulators.base import SimulatorError, UserTurn
from simulators.llm.base import Completion, LLMUserSimulator
from simulators.llm.cache import ResponseCache
from simulators.llm.prompt import build_messages
from simulators.personas import COOPERATIVE, Persona

EMBEDDED = "smollm2"
_model_lock = threading.Lock()


@functools.cache
def _load(model: str, device: str):
    """One copy of each model per process, shared by every simulator (and env) that uses it."""
    import torch

    from infopo_agent.embedded import ModelNotAvailableError
    from infopo_agent.policy import HFPolicy

    try:
        if model == EMBEDDED:
            return HFPolicy.embedded(device=device, dtype=torch.float32)
        return HFPolicy.from_pretrained(model, device=device, dtype=torch.float32)
    except ModelNotAvailableError as error:
        raise SimulatorError(f"cannot load user model {model!r}: {error}") from error


class HFUserSimulator(LLMUserSimulator):
    """Samples replies from a local causal LM with the shared prompt builder.

    ``reply_many`` answers several conversations in one batched ``generate`` (envs of a vector
    env, or the episodes of a rollout group). Sampling is seeded per call, so a reply depends only
    on the prompt and the seed; a batch is seeded by its first call's seed, so batched replies are
    reproducible for the same batch.
    """

    name = "hf"

    def __init__(
        self,
        model: str = EMBEDDED,
        *,
        device: str | None = None,
        temperature: float = 0.7,
        max_new_tokens: int = 64,
        persona: Persona = COOPERATIVE,
        cache: ResponseCache | None = None,
    ):
        import torch

        self.model_name, self.temperature, self.max_new_tokens = model, temperature, max_new_tokens
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        super().__init__(persona, cache)

    def config(self) -> dict[str, Any]:
        return {
            "backend": self.name,
            "model": self.model_name,
            "temperature": self.temperature,
            "max_new_tokens": self.max_new_tokens,
        }

    def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        return self._generate([messages], seed)[0]

    def reply_many(self, turns: list[UserTurn]) -> list[str]:
        """Replies to several conversations at once (no cache lookups; counted as calls)."""
        batch = [build_messages(turn, self.persona) for turn in turns]
        completions = self._generate(batch, self._call_seed())
        self._call_index += 1
        self.calls += len(completions)
        replies = []
        for completion in completions:
            if not completion.text.strip():
                raise SimulatorError(f"{self.describe()} returned an empty reply")
            self.prompt_tokens += completion.prompt_tokens
            self.completion_tokens += completion.completion_tokens
            replies.append(completion.text.strip())
        return replies

    def _generate(self, batch: list[list[dict[str, str]]], seed: int) -> list[Completion]:
        """Sampled through ``HFPolicy.generate``: one left-padded batch, seeded without touching
        the process's global random state."""
        from infopo_agent.policy import SamplingParams

        # One lock for loading and sampling: envs stepped on several threads share the model,
        # its tokenizer and the seeded sampling, which are not safe to use concurrently.
        with _model_lock:
            policy = _load(self.model_name, self.device)
            prompts = [
                policy.tokenizer.apply_chat_template(m, add_generation_prompt=True, tokenize=True)[
                    "input_ids"
                ]
                for m in batch
            ]
            params = SamplingParams(
                temperature=self.temperature, max_new_tokens=self.max_new_tokens
            )
            generations = policy.generate(prompts, params, seed=seed)
        return [
            Completion(g.text, len(prompt), len(g.token_ids))
            for prompt, g in zip(prompts, generations, strict=True)
        ]
