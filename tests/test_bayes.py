"""Bayesian toy: E[IG_t] is the conditional mutual information I(O_t; A_{t+1} | H_t)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch

from infopo_agent.bayes import PLACEHOLDER, BayesPolicy
from infopo_agent.info_gain import information_gain


def _ig(toy: BayesPolicy, rows: np.ndarray, method: str = "fast"):
    feedback, actions = toy.turn_spans()
    return information_gain(
        toy,
        rows.tolist(),
        [feedback] * len(rows),
        [actions] * len(rows),
        list(PLACEHOLDER),
        method=method,
    )


@pytest.mark.parametrize(
    ("num_goals", "noise", "num_questions", "episodes"),
    [(5, 0.3, 1, 200_000), (5, 0.3, 2, 400_000), (4, 0.2, 3, 600_000)],
)
def test_monte_carlo_mean_of_ig_matches_conditional_mutual_information(
    num_goals, noise, num_questions, episodes
):
    toy = BayesPolicy(num_goals, noise, num_questions)
    rows = toy.sample_episodes(np.random.default_rng(7), episodes)
    # Identical episodes have identical IG: score each distinct episode once, weight by count.
    distinct, counts = np.unique(rows, axis=0, return_counts=True)
    gains = torch.stack(_ig(toy, distinct).per_turn).numpy()
    monte_carlo = (gains * counts[:, None]).sum(axis=0) / counts.sum()
    for turn in range(num_questions):
        exact = toy.conditional_mutual_information(turn)
        if exact == 0:
            assert monte_carlo[turn] == pytest.approx(0.0, abs=1e-12)
        else:
            assert monte_carlo[turn] == pytest.approx(exact, rel=0.02)
    assert toy.conditional_mutual_information(num_questions - 1) > 0.1


def test_analytic_mutual_information_matches_the_joint_distribution():
    """I(O;A|H) from the posterior-KL formula equals E[log p(a|h,o) - log p(a|h)] over the joint."""
    toy = BayesPolicy(4, 0.25, 2)
    expected = 0.0
    for goal in range(4):
        for answers in itertools.product(range(4), repeat=2):
            p = math.prod(toy.answer_likelihood(a, goal) for a in answers) / 4
            post, prior = toy.posterior(list(answers)), toy.posterior(list(answers[:1]))
            expected += sum(p * q * math.log(q / prior[a]) for a, q in enumerate(post) if q > 0)
    assert toy.conditional_mutual_information(1) == pytest.approx(expected, rel=1e-12)


def test_fast_and_reference_agree_on_the_toy():
    toy = BayesPolicy(5, 0.3, 3)
    rows = toy.sample_episodes(np.random.default_rng(1), 300)
    fast, reference = _ig(toy, rows), _ig(toy, rows, "reference")
    for a, b in zip(fast.per_turn, reference.per_turn, strict=True):
        torch.testing.assert_close(a, b, rtol=0, atol=1e-12)


def test_placeholder_means_no_information():
    toy = BayesPolicy(3, 0.1, 1)
    history_real = [0, 1, toy.first_answer + 2]
    history_masked = [0, 1, *PLACEHOLDER]
    assert np.exp(toy.next_token_logprobs(history_real)[toy.first_guess + 2]) > 0.9
    assert np.allclose(np.exp(toy.next_token_logprobs(history_masked)[toy.first_guess :]), 1 / 3)


def test_histories_outside_the_grammar_raise():
    toy = BayesPolicy()
    with pytest.raises(ValueError, match="grammar"):
        toy.next_token_logprobs([0, toy.first_answer])
