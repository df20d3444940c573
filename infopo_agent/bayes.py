"""An exact Bayesian policy for a toy task, behind the same log-prob interface as ``HFPolicy``.

The task: a hidden goal g among M (uniform). The agent asks K questions; each answer names the
goal with probability 1 - noise and a uniformly random goal otherwise. Then it guesses. The
policy asks K times, then guesses by posterior sampling: pi(guess = a | answers) = p(g = a |
answers), where a placeholder in place of an answer carries no information.

With posterior sampling the counterfactual pi(a | history with o_t -> placeholder) is exactly
the marginal p(a | H_t), so E[IG_t] equals the conditional mutual information
I(O_t; A_{t+1} | H_t) and ``conditional_mutual_information`` computes it by enumeration. That
tests the information-gain code (fast and reference) on a model whose answer is known.

Tokens: BOS, ASK, one answer token per goal, one guess token per goal, and a two-token
placeholder (so the placeholder's length differs from a feedback's).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import torch

BOS, ASK, PLACEHOLDER_A, PLACEHOLDER_B = 0, 1, 2, 3
PLACEHOLDER = (PLACEHOLDER_A, PLACEHOLDER_B)


class BayesPolicy:
    """The exact posterior-sampling policy for ``num_goals`` goals and ``num_questions`` asks."""

    def __init__(self, num_goals: int = 5, noise: float = 0.3, num_questions: int = 2):
        if num_goals < 2 or not 0 <= noise <= 1 or num_questions < 1:
            raise ValueError("need num_goals >= 2, 0 <= noise <= 1 and num_questions >= 1")
        self.num_goals, self.noise, self.num_questions = num_goals, noise, num_questions
        self.first_answer = 4
        self.first_guess = self.first_answer + num_goals
        self.vocab_size = self.first_guess + num_goals

    # ---- the model -----------------------------------------------------------------------------
    def answer_likelihood(self, answer: int, goal: int) -> float:
        """p(answer | goal): the truth with probability 1 - noise, else uniform over goals."""
        return (1 - self.noise) * (answer == goal) + self.noise / self.num_goals

    def posterior(self, answers: list[int | None]) -> np.ndarray:
        """p(goal | answers); ``None`` (a placeholder) carries no information."""
        weights = np.ones(self.num_goals)
        for answer in answers:
            if answer is not None:
                weights *= [self.answer_likelihood(answer, g) for g in range(self.num_goals)]
        return weights / weights.sum()

    def next_token_logprobs(self, history: list[int]) -> np.ndarray:
        """log pi(. | history) over the vocabulary; env tokens (answers) are scored uniformly."""
        asks, answers, awaiting_feedback = self._read(history)
        if awaiting_feedback:
            return np.full(self.vocab_size, -math.log(self.vocab_size))
        out = np.full(self.vocab_size, -np.inf)
        if asks < self.num_questions:
            out[ASK] = 0.0
        else:
            with np.errstate(divide="ignore"):
                out[self.first_guess :] = np.log(self.posterior(answers))
        return out

    def _read(self, history: list[int]) -> tuple[int, list[int | None], bool]:
        """Parse a history: questions asked, answers (None for a placeholder), state."""
        if not history or history[0] != BOS:
            raise ValueError("a history starts with BOS")
        asks, answers, awaiting = 0, [], False
        for token in history[1:]:
            if token == ASK and not awaiting:
                asks, awaiting = asks + 1, True
            elif awaiting and self.first_answer <= token < self.first_guess:
                answers.append(token - self.first_answer)
                awaiting = False
            elif awaiting and token == PLACEHOLDER_A:
                answers.append(None)
            elif awaiting and token == PLACEHOLDER_B and answers and answers[-1] is None:
                awaiting = False
            else:
                raise ValueError(f"token {token} does not fit the toy task's grammar here")
        return asks, answers, awaiting

    # ---- the log-prob interface used by information gain -----------------------------------
    def token_logprobs(self, sequences, targets) -> list[torch.Tensor]:
        """log pi(seq[i] | seq[:i]) for every i in ``targets[row]``."""
        return [
            torch.tensor(
                [self.next_token_logprobs(list(seq[:i]))[seq[i]] for i in cols],
                dtype=torch.float64,
            )
            for seq, cols in zip(sequences, targets, strict=True)
        ]

    def packed_logprobs(self, packed, predictors, targets, counts):
        """The packed interface: each predictor's history is what it may attend to, by position."""
        input_ids, position_ids, allowed = packed.input_ids, packed.position_ids, packed.allowed()
        values = []
        for b, c, target in zip(*(p.tolist() for p in predictors), targets.tolist(), strict=True):
            seen = allowed[b, c].nonzero()[:, 0].tolist()
            seen.sort(key=lambda k: int(position_ids[b, k]))
            history = [int(input_ids[b, k]) for k in seen]
            values.append(self.next_token_logprobs(history)[target])
        return list(torch.tensor(values, dtype=torch.float64).split(list(counts)))

    # ---- episodes and the analytic answer ----------------------------------------------------
    def sample_episodes(self, rng: np.random.Generator, count: int) -> np.ndarray:
        """Token ids of ``count`` episodes, one row each (all share ``turn_spans``)."""
        m, k = self.num_goals, self.num_questions
        goals = rng.integers(m, size=count)
        truthful = rng.random((count, k)) >= self.noise
        answers = np.where(truthful, goals[:, None], rng.integers(m, size=(count, k)))
        likelihood = np.array([[self.answer_likelihood(o, g) for g in range(m)] for o in range(m)])
        posterior = likelihood[answers].prod(axis=1)
        posterior /= posterior.sum(axis=1, keepdims=True)
        draws = rng.random(count)[:, None]
        guesses = np.minimum((posterior.cumsum(axis=1) < draws).sum(axis=1), m - 1)
        ids = np.empty((count, 2 * k + 2), dtype=np.int64)
        ids[:, 0], ids[:, 1:-1:2] = BOS, ASK
        ids[:, 2:-1:2] = self.first_answer + answers
        ids[:, -1] = self.first_guess + guesses
        return ids

    def turn_spans(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(feedback o_t, next action a_{t+1}) spans of every episode."""
        k = self.num_questions
        feedback = [(2 + 2 * t, 3 + 2 * t) for t in range(k)]
        return feedback, [(3 + 2 * t, 4 + 2 * t) for t in range(k)]

    def conditional_mutual_information(self, turn: int) -> float:
        """I(O_t; A_{t+1} | H_t) in nats, by enumerating goals and answers."""
        if turn < self.num_questions - 1:
            return 0.0  # the next action is another question, asked with certainty
        total = 0.0
        for history in itertools.product(range(self.num_goals), repeat=turn):
            prior = self.posterior(list(history))
            p_history = self._probability(history)
            for answer in range(self.num_goals):
                post = self.posterior([*history, answer])
                p_answer = sum(
                    prior[g] * self.answer_likelihood(answer, g) for g in range(len(prior))
                )
                kl = sum(q * math.log(q / m) for q, m in zip(post, prior, strict=True) if q > 0)
                total += p_history * p_answer * kl
        return total

    def _probability(self, answers: tuple[int, ...]) -> float:
        """p(answers) under the uniform prior."""
        return sum(
            math.prod(self.answer_likelihood(a, g) for a in answers) / self.num_goals
            for g in range(self.num_goals)
        )
