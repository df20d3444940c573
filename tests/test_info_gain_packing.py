"""Packed rows: split attention and the dense fallback agree with each other and the reference."""

from __future__ import annotations

import pytest
import torch
from torch.utils._python_dispatch import TorchDispatchMode

from infopo_agent.info_gain import information_gain
from infopo_agent.info_gain.packing import PackedRows
from infopo_agent.policy import HFPolicy
from tests.agent_models import new_tiny_policy, smollm2_tokenizer, tiny_policy
from tests.test_info_gain import assert_same, edge_cases, run


def with_attention(policy: HFPolicy, attention: str) -> HFPolicy:
    """The same model and tokenizer, packed rows attending the given way."""
    return HFPolicy(
        policy.model,
        policy.tokenizer,
        device=policy.device,
        dtype=policy.dtype,
        packed_attention=attention,
    )


def long_case(length: int = 900, turns: int = 6, action: int = 12):
    """Random ids in ``turns`` turns of feedback then action: long real part, short branches."""
    generator = torch.Generator().manual_seed(length)
    ids = torch.randint(100, 5000, (length,), generator=generator).tolist()
    step = length // (turns + 1)
    feedback = [(step * t + 5, step * (t + 1) - action) for t in range(1, turns)]
    actions = [(e, e + action) for _, e in feedback]
    return ids, feedback, actions, [7, 8, 9, 10, 11]


def test_pattern_is_prefix_plus_causal_self():
    """Each token sees: the real part causally; a branch its prefix and itself; padding itself."""
    ids = torch.zeros(2, 9, dtype=torch.long)
    rows = PackedRows(ids, ids.clone(), (9, 6), (4, 3), ((0, 4, 6, 2), (0, 6, 9, 3), (1, 3, 6, 1)))
    branch_of = {(r, q): (s, p) for r, s, e, p in rows.branches for q in range(s, e)}
    expected = torch.zeros(2, 9, 9, dtype=torch.bool)
    for r in range(2):
        for q in range(9):
            for k in range(9):
                if q < rows.real_ends[r]:
                    expected[r, q, k] = k <= q
                elif (r, q) in branch_of:
                    start, prefix = branch_of[r, q]
                    expected[r, q, k] = k < prefix or start <= k <= q
                else:  # padding
                    expected[r, q, k] = rows.lengths[r] <= k <= q
    assert torch.equal(rows.allowed(), expected)
    mask = rows.dense_mask(torch.float32, "cpu")
    assert mask.shape == (2, 1, 9, 9)
    assert torch.equal(mask[:, 0] == 0, expected)


@pytest.mark.parametrize("bad", [(0, 2, 5, 1), (0, 4, 6, 5), (0, 4, 12, 1), (2, 4, 6, 1)])
def test_branches_outside_their_row_raise(bad):
    ids = torch.zeros(1, 9, dtype=torch.long)
    with pytest.raises(ValueError, match="branch"):
        PackedRows(ids, ids.clone(), (9,), (4,), (bad,))


@pytest.mark.parametrize("attention", ["split", "dense"])
@pytest.mark.parametrize("budget", [1, 1_000_000])
def test_both_attentions_match_the_reference(attention, budget):
    """One row per pass and many padded rows per pass (real parts of different lengths)."""
    policy, cases = with_attention(tiny_policy(), attention), edge_cases()
    reference = run(policy, cases, "reference")
    ids, feedback, actions, placeholders = (list(x) for x in zip(*cases, strict=True))
    fast = information_gain(policy, ids, feedback, actions, placeholders, max_batch_tokens=budget)
    assert_same(fast, reference, atol=1e-5)


def test_split_equals_dense_on_a_long_row_with_many_branches():
    ids, feedback, actions, placeholder = long_case()
    results = {}
    for attention in ("split", "dense", "reference"):
        policy = with_attention(tiny_policy(), "split" if attention == "reference" else attention)
        method = "reference" if attention == "reference" else "fast"
        results[attention] = information_gain(
            policy, [ids], [feedback], [actions], placeholder, method=method
        )
    assert results["split"].per_turn[0].abs().max() > 1e-6  # the branches change something
    assert_same(results["split"], results["dense"], atol=1e-5)
    assert_same(results["split"], results["reference"], atol=1e-5)


def packed_batch():
    """Two packed rows from ``long_case`` through the fast packer's own layout."""
    from infopo_agent.info_gain.fast import _pack, _packed_rows
    from infopo_agent.info_gain.turns import turn_questions

    cases = [long_case(600, 4), long_case(480, 3)]
    questions = turn_questions(
        [c[0] for c in cases], [c[1] for c in cases], [c[2] for c in cases], [c[3] for c in cases]
    )
    rows = [_pack(q, sorted({j for s, e in q.action for j in range(s, e)})) for q in questions]
    packed = _packed_rows(rows)
    predictors = (
        torch.tensor([b for b, r in enumerate(rows) for _ in r.predictors]),
        torch.tensor([c for r in rows for c in r.predictors]),
    )
    targets = torch.tensor([t for r in rows for t in r.targets])
    return packed, predictors, targets


def test_split_gradients_equal_dense_gradients():
    """The trainer can score packed rows with gradients: split and dense give the same ones."""
    packed, predictors, targets = packed_batch()
    grads = {}
    for attention in ("split", "dense"):
        policy = with_attention(new_tiny_policy(1), attention)
        logp = policy.packed_logprobs_at(packed, predictors, targets)
        assert logp.requires_grad
        logp.sum().backward()
        grads[attention] = [p.grad.clone() for p in policy.model.parameters()]
    for split, dense in zip(grads["split"], grads["dense"], strict=True):
        torch.testing.assert_close(split, dense, rtol=0, atol=1e-5)


class LargestSquare(TorchDispatchMode):
    """Records the largest tensor created with two dimensions of at least ``side``."""

    def __init__(self, side: int):
        super().__init__()
        self.side, self.largest = side, 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        for t in out if isinstance(out, (tuple, list)) else [out]:
            if isinstance(t, torch.Tensor) and sum(d >= self.side for d in t.shape) >= 2:
                self.largest = max(self.largest, t.numel())
        return out


def test_split_never_builds_a_length_by_length_tensor():
    packed, predictors, targets = packed_batch()
    side = min(packed.real_ends)
    largest = {}
    for attention in ("split", "dense"):
        policy = with_attention(tiny_policy(), attention)
        with LargestSquare(side) as probe:
            policy.packed_logprobs(packed, predictors, targets, [len(targets)])
        largest[attention] = probe.largest
    assert largest["dense"] >= packed.width**2  # the probe sees the dense mask
    assert largest["split"] == 0


def test_auto_picks_split_where_supported_and_dense_elsewhere():
    policy = tiny_policy()
    assert policy.packed_attention == "split"
    model = new_tiny_policy(2).model
    model._supports_attention_backend = False  # as a model outside the attention interface
    assert HFPolicy(model, smollm2_tokenizer(), device="cpu").packed_attention == "dense"
    with pytest.raises(ValueError, match="does not support split"):
        HFPolicy(model, smollm2_tokenizer(), device="cpu", packed_attention="split")
    with pytest.raises(ValueError, match="packed_attention"):
        HFPolicy(policy.model, policy.tokenizer, device="cpu", packed_attention="sparse")


def test_the_model_attention_is_restored_after_a_packed_pass_even_on_error():
    policy = tiny_policy()
    before = policy.model.config._attn_implementation
    ids, feedback, actions, placeholder = long_case(300, 2)
    information_gain(policy, [ids], [feedback], [actions], placeholder)
    assert policy.model.config._attn_implementation == before
    with pytest.raises(IndexError):
        bad = [10**7 if j == actions[0][0] else x for j, x in enumerate(ids)]
        information_gain(policy, [bad], [feedback], [actions], placeholder)
    assert policy.model.config._attn_implementation == before


# ---- CUDA: the same code in bf16 with fused kernels (skipped without a GPU) --------------------
needs_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


def cuda_policy(attention: str, dtype: torch.dtype, seed: int = 0) -> HFPolicy:
    cpu = new_tiny_policy(seed)
    return HFPolicy(
        cpu.model, cpu.tokenizer, device="cuda", dtype=dtype, packed_attention=attention
    )


@pytest.mark.cuda
@needs_cuda
@pytest.mark.parametrize("attention", ["split", "dense"])
@pytest.mark.parametrize(("dtype", "atol"), [(torch.float32, 1e-4), (torch.bfloat16, 5e-2)])
def test_cuda_fast_matches_reference(attention, dtype, atol):
    policy = cuda_policy(attention, dtype)
    cases = edge_cases()
    reference = run(policy, cases, "reference")
    for padding in (None, "left"):
        assert_same(run(policy, cases, "fast", padding), reference, atol=atol)
    ids, feedback, actions, placeholder = long_case(2000, 8)
    split = information_gain(policy, [ids], [feedback], [actions], placeholder)
    ref = information_gain(policy, [ids], [feedback], [actions], placeholder, method="reference")
    assert_same(split, ref, atol=atol)


@pytest.mark.cuda
@needs_cuda
def test_cuda_defaults_to_bf16_and_split_with_gradients():
    policy = HFPolicy(new_tiny_policy(3).model, smollm2_tokenizer(), device="cuda")
    assert policy.dtype == torch.bfloat16 and policy.packed_attention == "split"
    packed, predictors, targets = packed_batch()
    logp = policy.packed_logprobs_at(packed, predictors, targets)
    assert logp.is_cuda and torch.isfinite(logp).all()
    logp.sum().backward()
    assert all(torch.isfinite(p.grad).all() for p in policy.model.parameters())


def test_chunked_output_head_equals_the_full_forward():
    """Without gradients the head runs in chunks of HEAD_CHUNK positions: same log-probs."""
    from infopo_agent.policy import HEAD_CHUNK

    policy = tiny_policy()
    ids = long_case(HEAD_CHUNK * 2 + 50)[0]
    targets = list(range(1, len(ids)))
    (scored,) = policy.token_logprobs([ids], [targets])
    with torch.no_grad():
        logits = policy.model(torch.tensor([ids])).logits[0].log_softmax(-1)
    expected = logits[torch.tensor(targets) - 1, torch.tensor(ids[1:])]
    torch.testing.assert_close(scored, expected, rtol=0, atol=1e-5)
