"""Fast and reference information gain agree on every case; inputs are checked; errors surface."""

from __future__ import annotations

import functools

import gymnasium as gym
import pytest
import torch

import infopo_envs  # noqa: F401
from infopo_agent.info_gain import InfoGainInputError, information_gain
from infopo_agent.rollout import record_episode
from infopo_envs.core.agents import oracle_for
from tests.agent_models import smollm2_policy, smollm2_tokenizer, tiny_policy

LONG_PLACEHOLDER = "No information found. The user gave no answer to that question at all."


@functools.cache
def oracle_trajectories(max_turns: int = 4):
    """Real TravelIntent oracle episodes through SmolLM2's chat template (no model needed)."""
    from infopo_agent.chat_format import ChatFormat

    chat = ChatFormat(smollm2_tokenizer())
    env = gym.make("InfoPO/TravelIntent-v0", max_turns=max_turns)
    return [
        record_episode(chat, env, oracle_for(env), options={"task_id": f"test-{i:04d}"}, seed=i)
        for i in (1, 2)
    ]


def edge_cases():
    """One batch covering the listed cases: (ids, feedback spans, next-action spans, placeholder).

    Trajectory 0: a single-token next action, a zero-length one, and the last turn. Trajectory 1:
    truncated in the middle of its last action, with a long placeholder. Trajectory 2: no
    feedback at all. Trajectory 3: an empty placeholder. Lengths all differ.
    """
    first, second = oracle_trajectories()
    encode = smollm2_tokenizer().encode
    feedback, actions = first.ig_turns()
    (s0, _), (s1, _) = actions[0], actions[1]
    case0 = (
        first.token_ids,
        feedback,
        [(s0, s0 + 1), (s1, s1), *actions[2:]],
        first.placeholder_ids,
    )
    feedback, actions = second.ig_turns()
    start, end = actions[-1]
    cut = end - 4
    case1 = (
        second.token_ids[:cut],
        feedback,
        [*actions[:-1], (start, cut)],
        encode(LONG_PLACEHOLDER),
    )
    case2 = (first.token_ids[: first.action_spans[0][1]], [], [], first.placeholder_ids)
    feedback, actions = second.ig_turns()
    case3 = (second.token_ids[: actions[1][1]], feedback[:2], actions[:2], [])
    return [case0, case1, case2, case3]


def run(policy, cases, method, padding=None):
    ids, feedback, actions, placeholders = (list(x) for x in zip(*cases, strict=True))
    mask = None
    if padding is not None:
        width = max(len(x) for x in ids) + 3
        tensor, mask = torch.zeros(len(ids), width, dtype=torch.long), torch.zeros(len(ids), width)
        for i, row in enumerate(ids):
            offset = width - len(row) if padding == "left" else 0
            tensor[i, offset : offset + len(row)] = torch.tensor(row)
            mask[i, offset : offset + len(row)] = 1
            feedback[i] = [(s + offset, e + offset) for s, e in feedback[i]]
            actions[i] = [(s + offset, e + offset) for s, e in actions[i]]
        ids = tensor
    return information_gain(
        policy, ids, feedback, actions, placeholders, attention_mask=mask, method=method
    )


def assert_same(a, b, atol):
    for x, y in zip(a.per_turn, b.per_turn, strict=True):
        assert torch.equal(x.isnan(), y.isnan())
        torch.testing.assert_close(x, y, rtol=0, atol=atol, equal_nan=True)


def test_edge_cases_cover_what_they_claim():
    cases = edge_cases()
    (_, _, actions0, _), (ids1, _, actions1, ph1), (_, fb2, _, _), (_, _, _, ph3) = cases
    assert [e - s for s, e in actions0[:2]] == [1, 0]
    assert actions1[-1][1] == len(ids1)
    assert fb2 == [] and ph3 == []
    assert len({len(c[0]) for c in cases}) == len(cases)
    assert len(ph1) > min(e - s for s, e in cases[1][1])  # placeholder keeps its own length


@pytest.mark.parametrize("padding", [None, "left", "right"])
def test_fast_matches_reference_on_a_tiny_llama(padding):
    policy, cases = tiny_policy(), edge_cases()
    reference = run(policy, cases, "reference")
    fast = run(policy, cases, "fast", padding)
    assert_same(fast, reference, atol=1e-5)
    for gains, valid in zip(fast.per_turn, fast.valid, strict=True):
        assert torch.equal(valid, ~gains.isnan())
        assert torch.isfinite(gains[valid]).all()
    assert fast.per_turn[2].numel() == 0
    assert fast.per_turn[0][1].isnan() and not fast.valid[0][1]


def test_real_pass_log_probs_are_the_single_pass_log_probs():
    policy = tiny_policy()
    trajectory = oracle_trajectories()[0]
    feedback, actions = trajectory.ig_turns()
    result = information_gain(
        policy,
        [trajectory.token_ids],
        [feedback],
        [actions],
        trajectory.placeholder_ids,
        logprob_spans=[trajectory.action_spans],
    )
    positions = [j for s, e in trajectory.action_spans for j in range(s, e)]
    (single,) = policy.token_logprobs([trajectory.token_ids], [positions])
    torch.testing.assert_close(result.real_logprobs[0][positions], single, rtol=0, atol=1e-5)
    outside = torch.ones(len(trajectory.token_ids), dtype=torch.bool)
    outside[positions] = False
    assert result.real_logprobs[0][outside].isnan().all()


def test_counterfactual_changes_the_answer():
    """IG is not trivially zero: the placeholder really replaces the feedback."""
    result = run(tiny_policy(), edge_cases()[:1], "fast")
    assert result.per_turn[0][0].abs() > 1e-6


@pytest.mark.parametrize(
    ("feedback", "actions", "message"),
    [
        ([(5, 8)], [(7, 9)], "action start"),
        ([(5, 8)], [(9, 99)], "action end"),
        ([(0, 2)], [(3, 4)], "1 <= feedback start"),
        ([(5, 8), (6, 9)], [(9, 10), (10, 11)], "in order"),
        ([(5, 8)], [], "next actions"),
    ],
)
def test_bad_spans_raise(feedback, actions, message):
    with pytest.raises(InfoGainInputError, match=message):
        information_gain(tiny_policy(), [list(range(20))], [feedback], [actions], [1, 2])


def test_bad_padding_and_counts_raise():
    ids = torch.ones(1, 6, dtype=torch.long)
    with pytest.raises(InfoGainInputError, match="left or the right"):
        information_gain(
            tiny_policy(), ids, [[]], [[]], [1], attention_mask=torch.tensor([[1, 0, 1, 1, 1, 0]])
        )
    with pytest.raises(InfoGainInputError, match="one of each"):
        information_gain(tiny_policy(), [[1, 2, 3]], [[], []], [[]], [1])
    with pytest.raises(ValueError, match="method"):
        information_gain(tiny_policy(), [[1, 2, 3]], [[]], [[]], [1], method="guess")


@pytest.mark.parametrize("method", ["fast", "reference"])
def test_model_errors_surface(method):
    """A token outside the vocabulary fails loudly instead of giving IG 0."""
    ids = [1, 2, 3, 10**7, 5, 6]
    with pytest.raises(IndexError):
        information_gain(tiny_policy(), [ids], [[(2, 4)]], [[(4, 6)]], [7], method=method)


def test_fast_matches_reference_on_real_smollm2_in_float32():
    """Both packed attentions (split, the default, and the dense fallback) on the real model."""
    policy, cases = smollm2_policy(), edge_cases()
    assert policy.dtype == torch.float32 and policy.packed_attention == "split"
    reference = run(policy, cases, "reference")
    try:
        for attention, padding in [("split", None), ("split", "left"), ("dense", "right")]:
            policy.packed_attention = attention
            assert_same(run(policy, cases, "fast", padding), reference, atol=1e-4)
    finally:
        policy.packed_attention = "split"


@pytest.mark.parametrize("budget", [4096, 1_000_000])
def test_fast_packs_rows_into_batches_of_any_size_with_the_same_result(budget):
    """One row per pass (the CPU default) and many rows per padded pass give the same IG."""
    policy = tiny_policy()
    cases = edge_cases()
    ids, feedback, actions, placeholders = (list(x) for x in zip(*cases, strict=True))
    one_by_one = information_gain(policy, ids, feedback, actions, placeholders, max_batch_tokens=1)
    batched = information_gain(
        policy, ids, feedback, actions, placeholders, max_batch_tokens=budget
    )
    for single, packed in zip(one_by_one.per_turn, batched.per_turn, strict=True):
        torch.testing.assert_close(single, packed, atol=1e-5, rtol=0, equal_nan=True)
