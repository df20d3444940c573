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
_load_lock = threading.Lock()


@functools.cache
def _load(model: str, device: str):
    """One copy of each model per process, shared by every simulator (and env) that uses it."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = model
    if model == EMBEDDED:
        from infopo_agent.embedded import smollm2_dir

        path = str(smollm2_dir())
    try:
        tokenizer = AutoTokenizer.from_pretrained(path)
        network = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32).to(device)
    except OSError as error:
        raise SimulatorError(f"cannot load user model {model!r}: {error}") from error
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer, network.eval()


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
        import torch

        with _load_lock:
            tokenizer, network = _load(self.model_name, self.device)
        prompts = [
            tokenizer.apply_chat_template(m, add_generation_prompt=True, tokenize=False)
            for m in batch
        ]
        encoded = tokenizer(prompts, return_tensors="pt", padding=True).to(self.device)
        torch.manual_seed(seed)
        with torch.no_grad():
            output = network.generate(
                **encoded,
                do_sample=self.temperature > 0,
                temperature=self.temperature if self.temperature > 0 else None,
                top_p=None,
                top_k=None,
                max_new_tokens=self.max_new_tokens,
                pad_token_id=tokenizer.pad_token_id,
            )
        new = output[:, encoded["input_ids"].shape[1] :]
        completions = []
        for row, prompt_mask in zip(new, encoded["attention_mask"], strict=True):
            tokens = [t for t in row.tolist() if t != tokenizer.pad_token_id]
            text = tokenizer.decode(tokens, skip_special_tokens=True)
            completions.append(Completion(text, int(prompt_mask.sum()), len(tokens)))
        return completions
