"""The information-gain question, checked and in unpadded coordinates.

For trajectory ``i`` and turn ``t``: the feedback o_t occupies ``feedback[t]``, the next action
a_{t+1} occupies ``action[t]``, and the counterfactual replaces o_t's tokens by ``placeholder``.
Inputs may be lists of token ids or a padded 2D tensor with an ``attention_mask`` (left or right
padding); spans are then given in the padded coordinates and are shifted here.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass

import torch

Span = tuple[int, int]


class InfoGainInputError(ValueError):
    """The token ids, spans or placeholder do not describe a valid information-gain question."""


@dataclass(frozen=True)
class TurnQuestion:
    """One trajectory's turns: ids, (feedback, next action) span pairs and placeholder ids."""

    token_ids: tuple[int, ...]
    feedback: tuple[Span, ...]
    action: tuple[Span, ...]
    placeholder: tuple[int, ...]

    def counterfactual(self, t: int) -> list[int]:
        """The prefix up to a_{t+1}'s end with o_t replaced by the placeholder."""
        (fs, fe), (_, ae) = self.feedback[t], self.action[t]
        return [*self.token_ids[:fs], *self.placeholder, *self.token_ids[fe:ae]]


def turn_questions(
    token_ids,
    feedback_spans: Sequence[Sequence[Span]],
    next_action_spans: Sequence[Sequence[Span]],
    placeholder_ids,
    attention_mask: torch.Tensor | None = None,
) -> list[TurnQuestion]:
    """Validate the public inputs and return one ``TurnQuestion`` per trajectory."""
    rows, offsets = _unpadded(token_ids, attention_mask)
    if not len(feedback_spans) == len(next_action_spans) == len(rows):
        raise InfoGainInputError(
            f"{len(rows)} sequences, {len(feedback_spans)} feedback span lists and "
            f"{len(next_action_spans)} next-action span lists: one of each per sequence"
        )
    placeholders = _placeholders(placeholder_ids, len(rows))
    questions = []
    for i, (ids, offset) in enumerate(zip(rows, offsets, strict=True)):
        feedback = tuple(_shift(s, offset) for s in feedback_spans[i])
        action = tuple(_shift(s, offset) for s in next_action_spans[i])
        question = TurnQuestion(ids, feedback, action, placeholders[i])
        _check(question, i)
        questions.append(question)
    return questions


def _unpadded(token_ids, attention_mask) -> tuple[list[tuple[int, ...]], list[int]]:
    if isinstance(token_ids, torch.Tensor):
        if token_ids.dim() != 2:
            raise InfoGainInputError("a token id tensor must be 2D (batch, length)")
        mask = torch.ones_like(token_ids) if attention_mask is None else attention_mask
        if mask.shape != token_ids.shape:
            raise InfoGainInputError("attention_mask must have the shape of token_ids")
        rows, offsets = [], []
        for row, keep in zip(token_ids.tolist(), mask.bool().tolist(), strict=True):
            real = [j for j, k in enumerate(keep) if k]
            if real and real[-1] - real[0] + 1 != len(real):
                raise InfoGainInputError("padding must be on the left or the right of a row")
            start = real[0] if real else 0
            rows.append(tuple(row[start : start + len(real)]))
            offsets.append(start)
        return rows, offsets
    if attention_mask is not None:
        raise InfoGainInputError("attention_mask goes with a padded token id tensor")
    return [tuple(int(x) for x in row) for row in token_ids], [0] * len(token_ids)


def _placeholders(placeholder_ids, count: int) -> list[tuple[int, ...]]:
    """One id list for every trajectory, or one list per trajectory."""
    if isinstance(placeholder_ids, torch.Tensor):
        placeholder_ids = placeholder_ids.tolist()
    ids = list(placeholder_ids)
    if all(isinstance(x, numbers.Integral) for x in ids):
        return [tuple(ids)] * count
    if len(ids) != count:
        raise InfoGainInputError(f"{len(ids)} placeholders for {count} sequences")
    return [tuple(int(x) for x in p) for p in ids]


def _shift(span: Sequence[int], offset: int) -> Span:
    start, end = span
    return int(start) - offset, int(end) - offset


def _check(q: TurnQuestion, i: int) -> None:
    if len(q.feedback) != len(q.action):
        raise InfoGainInputError(
            f"sequence {i}: {len(q.feedback)} feedback spans but {len(q.action)} next actions"
        )
    n = len(q.token_ids)
    previous_end = 0
    for t, ((fs, fe), (as_, ae)) in enumerate(zip(q.feedback, q.action, strict=True)):
        where = f"sequence {i}, turn {t}"
        if not 1 <= fs <= fe <= as_ <= ae <= n:
            raise InfoGainInputError(
                f"{where}: need 1 <= feedback start <= feedback end <= action start <= action "
                f"end <= {n} (unpadded), got feedback ({fs}, {fe}) and action ({as_}, {ae})"
            )
        if fs < previous_end:
            raise InfoGainInputError(f"{where}: turns must be in order and not overlap")
        previous_end = fe
