"""InfoPO advantages: hand-computed cases, edge cases and properties."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infopo_agent.advantages import (
    BetaSchedule,
    action_spans_from_mask,
    advantage_stats,
    align_info_gains,
    compute_advantages,
    group_zscores,
    information_advantages,
    outcome_advantages,
    outcome_gates,
    token_advantages,
)

EPS = 1e-6


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# --- outcome advantage -------------------------------------------------------------------------


def test_outcome_advantage_is_the_population_zscore_of_the_group():
    a = outcome_advantages([1.0, 0.0, 0.0, 0.0], ["g"] * 4)
    std = math.sqrt(0.75 * 0.25)  # population std of one success in four
    assert a == pytest.approx([0.75 / (std + EPS), -0.25 / (std + EPS), *[-0.25 / (std + EPS)] * 2])


def test_groups_are_normalized_separately_whatever_their_order():
    a = outcome_advantages([1.0, 5.0, 0.0, 7.0], ["x", "y", "x", "y"])
    half, one = 0.5 / (0.5 + EPS), 1 / (1 + EPS)
    assert a == pytest.approx([half, -one, -half, one])


def test_group_of_one_and_tied_outcomes_get_exactly_zero():
    assert outcome_advantages([0.7], [0]).tolist() == [0.0]
    # 0.1 * 3 does not average back to 0.1 exactly in floating point: still exactly 0
    assert outcome_advantages([0.1, 0.1, 0.1], [3, 3, 3]).tolist() == [0.0, 0.0, 0.0]


def test_bad_outcomes_are_rejected():
    with pytest.raises(ValueError, match="finite"):
        outcome_advantages([1.0, math.nan], [0, 0])
    with pytest.raises(ValueError, match="group ids"):
        outcome_advantages([1.0], [0, 0])


# --- gate ---------------------------------------------------------------------------------------


def test_gate_is_sigmoid_of_minus_population_std_over_tau():
    gate = outcome_gates([0.0, 1.0, 0.3, 0.3], ["a", "a", "b", "b"], tau=0.05)
    assert gate == pytest.approx([sigmoid(-10.0)] * 2 + [0.5] * 2)
    gate = outcome_gates([0.0, 0.2], [0, 0], tau=0.5)
    assert gate == pytest.approx([sigmoid(-0.2)] * 2)


def test_gate_rejects_a_non_positive_tau():
    with pytest.raises(ValueError, match="tau"):
        outcome_gates([0.0], [0], tau=0.0)


@given(
    st.lists(st.floats(-10, 10), min_size=2, max_size=8),
    st.floats(0, 5),
    st.floats(0, 5),
    st.floats(0.01, 1),
)
def test_gate_decreases_as_outcomes_spread(outcomes, scale_a, scale_b, tau):
    low, high = sorted([scale_a, scale_b])
    ids = [0] * len(outcomes)
    gate_low = outcome_gates([low * x for x in outcomes], ids, tau=tau)[0]
    gate_high = outcome_gates([high * x for x in outcomes], ids, tau=tau)[0]
    assert 0.0 <= gate_high <= gate_low <= 0.5


# --- information advantage ----------------------------------------------------------------------


def test_information_advantage_pools_every_valid_turn_of_the_group():
    gains = [[0.2, None], [0.0, 0.4, math.nan], [5.0]]
    a_info = information_advantages(gains, ["g", "g", "h"])
    std = math.sqrt(0.08 / 3)
    assert a_info[0] == pytest.approx([0.0, 0.0], abs=1e-9)
    assert a_info[1] == pytest.approx([-0.2 / (std + EPS), 0.2 / (std + EPS), 0.0])
    assert a_info[2].tolist() == [0.0]  # a group with a single valid turn has no spread


def test_all_zero_or_undefined_information_gain_gives_zero():
    assert [a.tolist() for a in information_advantages([[0.0, 0.0], [0.0]], [1, 1])] == [
        [0.0, 0.0],
        [0.0],
    ]
    assert [a.tolist() for a in information_advantages([[None], []], [1, 1])] == [[0.0], []]


def test_infinite_information_gain_is_a_caller_bug():
    with pytest.raises(ValueError, match="finite"):
        information_advantages([[math.inf]], [0])


def test_align_info_gains_pads_the_last_turns_and_rejects_extra_values():
    assert align_info_gains([0.3], 3) == [0.3, None, None]
    with pytest.raises(ValueError):
        align_info_gains([0.1, 0.2], 1)


# --- fused advantage ----------------------------------------------------------------------------


def test_fused_advantage_by_hand():
    # group "a": outcomes differ (gate nearly closed); group "b": outcomes tie (gate 0.5)
    result = compute_advantages(
        ["a", "a", "b", "b"],
        [1.0, 0.0, 0.5, 0.5],
        [[0.2, None], [0.0], [0.1, None], [0.3, None]],
        beta=0.5,
        tau=0.05,
    )
    a_out = 0.5 / (0.5 + EPS)
    gate_a = sigmoid(-0.5 / 0.05)
    z = 0.1 / (0.1 + EPS)
    assert result.turns[0] == pytest.approx([a_out + 0.5 * gate_a * z, a_out])
    assert result.turns[1] == pytest.approx([-a_out - 0.5 * gate_a * z])
    assert result.turns[2] == pytest.approx([0.5 * 0.5 * -z, 0.0])
    assert result.turns[3] == pytest.approx([0.5 * 0.5 * z, 0.0])
    assert result.stats.mean_info_gain == pytest.approx(0.15)
    assert result.stats.mean_gate == pytest.approx((gate_a + 0.5) / 2)
    assert result.stats.zero_variance_fraction == 0.5
    assert (result.stats.valid_turns, result.stats.groups) == (4, 2)


def test_information_gain_is_credited_to_the_action_that_obtained_the_feedback():
    # IG of feedback o_0 lands on the tokens of a_0, not on a_1 which used the answer
    result = compute_advantages([0, 0], [1.0, 1.0], [[1.0, None], [0.0, None]], beta=1.0)
    per_token, _ = token_advantages(result.turns, [[(0, 2), (3, 5)], [(0, 2), (3, 5)]], 6)
    assert per_token[0, :2] == pytest.approx([0.5 * 0.5 / (0.5 + EPS)] * 2)
    assert per_token[0, 3:5].tolist() == [0.0, 0.0]
    assert per_token[1, :2] == pytest.approx([-0.5 * 0.5 / (0.5 + EPS)] * 2)


def test_bad_beta_or_mismatched_inputs_are_rejected():
    with pytest.raises(ValueError, match="beta"):
        compute_advantages([0], [1.0], [[None]], beta=-1.0)
    with pytest.raises(ValueError, match="length"):
        compute_advantages([0, 0], [1.0], [[None]], beta=1.0)


def test_empty_batch_is_fine():
    result = compute_advantages([], [], [], beta=1.0)
    assert result.turns == [] and result.stats.groups == 0


batches = st.integers(1, 4).flatmap(
    lambda groups: st.lists(
        st.tuples(
            st.integers(0, groups - 1),
            st.sampled_from([0.0, 0.1, 0.5, 1.0]) | st.floats(-1e3, 1e3),
            st.lists(st.none() | st.just(math.nan) | st.floats(-50, 50), max_size=5),
        ),
        min_size=1,
        max_size=10,
    )
)


@settings(max_examples=200)
@given(batches, st.floats(0, 10), st.floats(1e-3, 1.0))
def test_nan_free_and_zero_mean_in_every_group(batch, beta, tau):
    group_ids, outcomes, gains = (list(column) for column in zip(*batch, strict=True))
    result = compute_advantages(group_ids, outcomes, gains, beta=beta, tau=tau)
    assert all(np.all(np.isfinite(turns)) for turns in result.turns)
    assert np.all(np.isfinite(result.gate)) and np.isfinite(result.stats.mean_info_gain)
    for group in set(group_ids):
        rows = [i for i, g in enumerate(group_ids) if g == group]
        assert abs(sum(result.outcome[i] for i in rows)) <= rounding(outcomes[i] for i in rows)
        valid = [v for i in rows for v in gains[i] if v is not None and not math.isnan(v)]
        assert abs(sum(result.information[i].sum() for i in rows)) <= rounding(valid)


def rounding(values) -> float:
    """Bound on the float rounding left in the sum of the z-scores of ``values``."""
    x = np.asarray(list(values), dtype=float)
    if x.size == 0:
        return 0.0
    return 1e-12 * x.size * (1 + np.abs(x).max()) / (x.std() + EPS)


@settings(max_examples=200)
@given(batches)
def test_beta_zero_is_exactly_multi_turn_grpo(batch):
    group_ids, outcomes, gains = (list(column) for column in zip(*batch, strict=True))
    result = compute_advantages(group_ids, outcomes, gains, beta=0.0)
    grpo = outcome_advantages(outcomes, group_ids)
    for turns, a_out, turn_gains in zip(result.turns, grpo, gains, strict=True):
        assert turns.tolist() == [a_out] * len(turn_gains)


def test_group_zscores_accepts_any_hashable_ids():
    z = group_zscores([1.0, 3.0], np.array(["uid-1", "uid-1"]))
    assert z == pytest.approx([-1 / (1 + EPS), 1 / (1 + EPS)])


def test_advantage_stats_count_tied_groups():
    stats = advantage_stats([0, 0, 1, 2, 2], [1.0, 1.0, 0.0, 0.0, 1.0], [[0.5], [], [None], [], []])
    assert stats.zero_variance_fraction == pytest.approx(2 / 3)
    assert stats.mean_info_gain == 0.5 and stats.valid_turns == 1
    assert set(stats.as_metrics()) == {"mean_info_gain", "mean_gate", "zero_variance_fraction"}


# --- beta schedule ------------------------------------------------------------------------------


def test_beta_schedules():
    assert BetaSchedule(0.3).at(10_000) == 0.3
    linear = BetaSchedule(1.0, 0.2, decay_steps=100, kind="linear")
    assert [linear.at(s) for s in (0, 50, 100, 500)] == pytest.approx([1.0, 0.6, 0.2, 0.2])
    cosine = BetaSchedule(1.0, 0.0, decay_steps=10, kind="cosine")
    assert [cosine.at(s) for s in (0, 5, 10, 11)] == pytest.approx([1.0, 0.5, 0.0, 0.0])
    assert cosine.at(2) > 1.0 - 2 / 10  # cosine decays slower than linear at first


def test_beta_schedule_validation():
    with pytest.raises(ValueError):
        BetaSchedule(1.0, kind="linear")  # no decay_steps
    with pytest.raises(ValueError):
        BetaSchedule(-1.0)
    with pytest.raises(ValueError):
        BetaSchedule(1.0, kind="step")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        BetaSchedule(1.0).at(-1)


# --- tokens -------------------------------------------------------------------------------------


def test_token_advantages_cover_only_action_tokens():
    per_token, mask = token_advantages([[1.5, -2.0], [0.25]], [[(1, 3), (5, 5)], [(0, 4)]], 6)
    assert per_token.dtype == np.float32 and mask.dtype == bool
    assert per_token.tolist() == [[0, 1.5, 1.5, 0, 0, 0], [0.25] * 4 + [0, 0]]
    assert mask.tolist() == [[False, True, True, False, False, False], [True] * 4 + [False] * 2]


@pytest.mark.parametrize(
    "spans", [[(2, 4), (3, 5)], [(3, 5), (0, 1)], [(4, 7)], [(2, 1)], [(-1, 2)]]
)
def test_token_advantages_reject_bad_spans(spans):
    with pytest.raises(ValueError, match="span"):
        token_advantages([[0.0] * len(spans)], [spans], 6)


def test_token_advantages_reject_a_count_mismatch():
    with pytest.raises(ValueError, match="advantages for"):
        token_advantages([[1.0]], [[(0, 1), (2, 3)]], 4)


def test_action_spans_from_mask():
    assert action_spans_from_mask([0, 1, 1, 0, 1, 0, 0, 1]) == [(1, 3), (4, 5), (7, 8)]
    assert action_spans_from_mask([0, 0]) == []
    assert action_spans_from_mask([]) == []


@given(st.lists(st.booleans(), max_size=40))
def test_spans_from_a_mask_rebuild_the_mask(flags):
    spans = action_spans_from_mask(flags)
    _, mask = token_advantages([[1.0] * len(spans)], [spans], len(flags))
    assert mask[0].tolist() == flags
