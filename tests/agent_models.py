"""Models for the agent tests: the real SmolLM2, and a tiny random Llama with its tokenizer."""

from __future__ import annotations

import functools

import torch

from infopo_agent.policy import HFPolicy
from simulators.llm.embedded import smollm2_dir


@functools.cache
def smollm2_tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(smollm2_dir())


@functools.cache
def tiny_policy() -> HFPolicy:
    """A shared 2-layer random Llama over SmolLM2's vocabulary and chat template (read-only)."""
    return new_tiny_policy(0)


def new_tiny_policy(seed: int) -> HFPolicy:
    """A fresh 2-layer random Llama (fast, float32, CPU), for tests that change its weights."""
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = smollm2_tokenizer()
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=8192,
        tie_word_embeddings=True,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
    )
    config._attn_implementation = "sdpa"
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config)
    return HFPolicy(model, tokenizer, device="cpu", dtype=torch.float32)


@functools.cache
def smollm2_policy() -> HFPolicy:
    """The real SmolLM2-135M-Instruct on CPU in float32."""
    return HFPolicy.embedded(device="cpu", dtype=torch.float32)
