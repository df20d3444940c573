"""Models for the agent tests: the real SmolLM2, and a tiny random Llama with its tokenizer."""

from __future__ import annotations

import functools
import itertools

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
    """A fresh 2-layer random Llama (fast, float32, CPU), for tests that change its weights:
    the training config's default tiny model."""
    from infopo_agent.training.config import TinyModel
    from infopo_agent.training.run import tiny_policy as build_tiny_policy

    return build_tiny_policy(TinyModel(seed=seed), device="cpu", dtype=torch.float32)


@functools.cache
def smollm2_policy() -> HFPolicy:
    """The real SmolLM2-135M-Instruct on CPU in float32."""
    return HFPolicy.embedded(device="cpu", dtype=torch.float32)


def parrot_policy(line: str) -> HFPolicy:
    """A 1-layer Llama whose weights are set by hand so that greedy decoding says ``line``.

    Its block's output projections are zero, so each next token depends only on the current
    one (a bigram model); the embeddings of the prompt's last token and of ``line``'s tokens are
    basis vectors and the head maps each to its successor, ending with the end-of-turn token.
    Rollouts with it reach the user on every turn, which a random tiny model never does.
    """
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = smollm2_tokenizer()
    prompt_end = tokenizer.apply_chat_template(
        [{"role": "user", "content": "x"}], add_generation_prompt=True, tokenize=True
    )["input_ids"][-1]
    chain = [prompt_end, *tokenizer.encode(line, add_special_tokens=False), tokenizer.eos_token_id]
    hidden = 64
    if len(set(chain[:-1])) != len(chain) - 1 or len(chain) > hidden:
        raise ValueError(f"{line!r} needs at most {hidden - 1} distinct tokens")
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden,
        intermediate_size=hidden,
        num_hidden_layers=1,
        num_attention_heads=4,
        num_key_value_heads=4,
        max_position_embeddings=8192,
        tie_word_embeddings=False,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
    )
    config._attn_implementation = "sdpa"
    torch.manual_seed(0)
    model = LlamaForCausalLM(config)
    with torch.no_grad():
        layer = model.model.layers[0]
        layer.self_attn.o_proj.weight.zero_()
        layer.mlp.down_proj.weight.zero_()
        model.lm_head.weight.zero_()
        for i, (current, successor) in enumerate(itertools.pairwise(chain)):
            model.model.embed_tokens.weight[current] = torch.nn.functional.one_hot(
                torch.tensor(i), hidden
            ).float()
            model.lm_head.weight[successor, i] = 50.0
    return HFPolicy(model, tokenizer, device="cpu", dtype=torch.float32)
