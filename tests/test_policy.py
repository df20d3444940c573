"""HFPolicy: loading, sampling controls, and teacher-forced log-probs."""

from __future__ import annotations

import pytest
import torch

from infopo_agent.info_gain.packing import PackedRows
from infopo_agent.policy import HFPolicy, SamplingParams, default_dtype
from simulators.llm.embedded import ModelNotAvailableError
from tests.agent_models import smollm2_policy, tiny_policy


def prompt(policy, text="Hello, who are you?"):
    convo = policy.chat.conversation()
    convo.add("user", text)
    return convo.generation_prompt()


def test_token_logprobs_equal_the_full_forward():
    policy = tiny_policy()
    sequences = [prompt(policy), prompt(policy, "A longer question about the weather today?")]
    targets = [[1, 5, len(sequences[0]) - 1], list(range(3, len(sequences[1])))]
    scored = policy.token_logprobs(sequences, targets)
    for seq, cols, got in zip(sequences, targets, scored, strict=True):
        logits = policy.model(torch.tensor([seq])).logits[0].log_softmax(-1)
        expected = torch.stack([logits[c - 1, seq[c]] for c in cols])
        torch.testing.assert_close(got, expected.detach(), rtol=0, atol=1e-5)


def test_packed_causal_rows_equal_token_logprobs():
    policy = tiny_policy()
    seq = prompt(policy)
    n = len(seq)
    cols = torch.arange(1, n)
    (packed,) = policy.packed_logprobs(
        PackedRows.causal([seq]),
        (torch.zeros(n - 1, dtype=torch.long), cols - 1),
        torch.tensor(seq[1:]),
        [n - 1],
    )
    (plain,) = policy.token_logprobs([seq], [cols.tolist()])
    torch.testing.assert_close(packed, plain, rtol=0, atol=1e-5)


def test_bad_targets_raise():
    with pytest.raises(ValueError, match="outside"):
        tiny_policy().token_logprobs([[1, 2, 3]], [[0]])


def test_sampling_is_seeded_and_respects_max_new_tokens():
    policy = tiny_policy()
    prompts = [prompt(policy), prompt(policy, "Where to?")]
    params = SamplingParams(temperature=1.0, top_p=0.9, max_new_tokens=6)
    first = policy.generate(prompts, params, seed=3)
    assert first == policy.generate(prompts, params, seed=3)
    assert first != policy.generate(prompts, params, seed=4)
    for generation in first:
        assert len(generation.token_ids) <= 6
        if generation.finish_reason == "length":
            assert len(generation.token_ids) == 6


def test_greedy_decoding_is_the_argmax():
    policy = tiny_policy()
    p = prompt(policy)
    (generation,) = policy.generate([p], SamplingParams(temperature=0, max_new_tokens=3))
    logits = policy.model(torch.tensor([p])).logits[0, -1]
    assert generation.token_ids[0] == int(logits.argmax())


def test_batched_prompts_of_different_lengths_match_one_by_one():
    policy = tiny_policy()
    prompts = [prompt(policy), prompt(policy, "Tell me a much longer story about boats, please.")]
    params = SamplingParams(temperature=0, max_new_tokens=4)
    together = policy.generate(prompts, params)
    alone = [policy.generate([p], params)[0] for p in prompts]
    assert [g.token_ids for g in together] == [g.token_ids for g in alone]


def test_stop_strings_cut_text_and_tokens():
    policy = smollm2_policy()
    p = prompt(policy, "Count from 1 to 20, separated by commas.")
    params = SamplingParams(temperature=0, max_new_tokens=40, stop=("5",))
    (generation,) = policy.generate([p], params)
    assert generation.finish_reason == "stop"
    assert "5" not in generation.text
    assert "5" in policy.tokenizer.decode(list(generation.token_ids))
    assert "5" not in policy.tokenizer.decode(list(generation.token_ids[:-1]))


def test_real_model_stops_at_end_of_turn():
    policy = smollm2_policy()
    (generation,) = policy.generate(
        [prompt(policy, "Say only the word yes.")], SamplingParams(temperature=0, max_new_tokens=40)
    )
    assert generation.finish_reason == "eos"
    assert generation.token_ids[-1] in policy.eos_token_ids
    assert generation.text and "<|im_end|>" not in generation.text


def test_defaults_on_cpu_and_bad_sources():
    assert default_dtype(torch.device("cpu")) == torch.float32
    assert default_dtype(torch.device("cuda")) == torch.bfloat16
    policy = smollm2_policy()
    assert policy.device.type == "cpu" and policy.model.dtype == torch.float32
    with pytest.raises(ModelNotAvailableError):
        HFPolicy.from_pretrained("/nonexistent/model.gguf")
    with pytest.raises(ModelNotAvailableError):
        HFPolicy.from_pretrained("/nonexistent/model-dir")
    with pytest.raises(ValueError):
        SamplingParams(top_p=0)
