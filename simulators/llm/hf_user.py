"""``HFUserSimulator``: a user played by a local transformers chat model (SmolLM2 by default)."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Any

from simulators.base import SimulatorError, UserTurn
from simulators.llm.base import Completion, LLMUserSimulator
from simulators.llm.cache import ResponseCache
from simulators.llm.embedded import ModelNotAvailableError, smollm2_dir
from simulators.llm.prompt import build_messages
from simulators.personas import COOPERATIVE, Persona

EMBEDDED = "smollm2"
_model_lock = threading.Lock()


@dataclass(frozen=True)
class LocalChatModel:
    """A tokenizer and a causal LM, loaded once per process and shared by every simulator."""

    tokenizer: Any
    model: Any
    device: str


@functools.cache
def _load(model: str, device: str) -> LocalChatModel:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        directory = smollm2_dir() if model == EMBEDDED else model
        tokenizer = AutoTokenizer.from_pretrained(directory)
        network = AutoModelForCausalLM.from_pretrained(directory, dtype=torch.float32)
    except (ModelNotAvailableError, OSError) as error:
        raise SimulatorError(f"cannot load user model {model!r}: {error}") from error
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "left"
    return LocalChatModel(tokenizer, network.to(device).eval(), device)


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
        faithful_retries: int = 2,
    ):
        import torch

        self.model_name, self.temperature, self.max_new_tokens = model, temperature, max_new_tokens
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        super().__init__(persona, cache, faithful_retries=faithful_retries)

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
        """Replies to several conversations at once (no cache lookups; counted as calls).

        Each reply is checked like a single one; a reply that fails is sampled again alone.
        """
        batch = [build_messages(turn, self.persona) for turn in turns]
        completions = self._generate(batch, self._call_seed())
        self._call_index += 1
        replies = []
        for turn, messages, completion in zip(turns, batch, completions, strict=True):
            text = completion.text.strip()
            if not text:
                raise SimulatorError(f"{self.describe()} returned an empty reply")
            self._count(completion)
            accepted = self._accept(text, turn)
            replies.append(text if accepted else self._first_faithful(turn, messages, self.retries))
        return replies

    def _generate(self, batch: list[list[dict[str, str]]], seed: int) -> list[Completion]:
        """One left-padded, seeded ``generate`` over the batch; the process's global random
        state is left as it was."""
        import torch

        # One lock for loading and sampling: envs stepped on several threads share the model,
        # its tokenizer and the global random state that seeded sampling forks.
        with _model_lock:
            local = _load(self.model_name, self.device)
            tokenizer = local.tokenizer
            texts = [
                tokenizer.apply_chat_template(m, add_generation_prompt=True, tokenize=False)
                for m in batch
            ]
            inputs = tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
            inputs = inputs.to(local.device)
            devices = [local.device] if local.device.startswith("cuda") else []
            with torch.no_grad(), torch.random.fork_rng(devices=devices):
                torch.manual_seed(seed)
                output = local.model.generate(
                    **inputs,
                    do_sample=self.temperature > 0,
                    temperature=self.temperature if self.temperature > 0 else None,
                    top_k=0,
                    max_new_tokens=self.max_new_tokens,
                    pad_token_id=tokenizer.pad_token_id,
                )
        width = inputs["input_ids"].shape[1]
        prompt_lengths = inputs["attention_mask"].sum(dim=1).tolist()
        completions = []
        for row, prompt_length in zip(output[:, width:], prompt_lengths, strict=True):
            new = [t for t in row.tolist() if t != tokenizer.pad_token_id]
            text = tokenizer.decode(new, skip_special_tokens=True)
            completions.append(Completion(text, int(prompt_length), len(new)))
        return completions
