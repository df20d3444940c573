"""Fast information gain: the real pass plus short counterfactual branches, packed in one row.

Per trajectory, one row holds the real sequence (up to the last token that needs a log-prob)
followed by one branch per turn: placeholder + the tokens from o_t's end through a_{t+1}. A
branch attends to the real prefix before o_t (identical in both histories, so its keys and values
are computed once, by the real part) and causally to itself; its position ids continue from that
prefix, so the placeholder sits at o_t's position with its own length. The real part serves
log pi(a_{t+1} | real history) for every turn at once, and PPO's old log-probs from the same pass.

Extra cost over a single teacher-forced pass: the branch tokens only (placeholder, template
wrapper, next action), typically a few percent of the sequence per turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch

from infopo_agent.info_gain.packing import PackedRows
from infopo_agent.info_gain.turns import Span, TurnQuestion


@dataclass
class _Row:
    """One packed row under construction, and where each group of targets sits in it."""

    tokens: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    real_end: int = 0
    branches: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, prefix)
    predictors: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)

    def extend(self, tokens, positions) -> int:
        start = len(self.tokens)
        self.tokens += tokens
        self.positions += positions
        return start

    def score(self, pairs: list[tuple[int, int]]) -> None:
        """Add a target group: (predictor index in this row, target token id) pairs."""
        self.predictors += [p for p, _ in pairs]
        self.targets += [t for _, t in pairs]
        self.counts.append(len(pairs))


def _pack(q: TurnQuestion, scored: list[int]) -> _Row:
    """The row for one trajectory: target groups are [real, branch 0, branch 1, ...]."""
    ids, row = q.token_ids, _Row()
    real_end = max([p + 1 for p in scored], default=0)
    row.real_end = row.extend(list(ids[:real_end]), list(range(real_end))) + real_end
    row.score([(j - 1, ids[j]) for j in scored])
    for (fs, fe), (as_, ae) in zip(q.feedback, q.action, strict=True):
        if ae == as_:
            row.counts.append(0)
            continue
        branch = [*q.placeholder, *ids[fe:ae]]
        start = row.extend(branch, list(range(fs, fs + len(branch))))
        row.branches.append((start, start + len(branch), fs))
        first = start + len(q.placeholder) - fe  # row index of ids[j] in the branch: first + j
        # a_{t+1}'s first token follows the branch's previous token, or the prefix's last one
        # when the placeholder is empty and the action follows o_t directly
        predict = [first + j - 1 if first + j > start else fs - 1 for j in range(as_, ae)]
        row.score([(p, ids[j]) for p, j in zip(predict, range(as_, ae), strict=True)])
    return row


def _packed_rows(rows: list[_Row]) -> PackedRows:
    """Right-pad the rows into one ``PackedRows`` batch."""
    width = max(len(r.tokens) for r in rows)

    def padded(values):
        return torch.tensor([r + [0] * (width - len(r)) for r in values], dtype=torch.long)

    return PackedRows(
        padded([r.tokens for r in rows]),
        padded([r.positions for r in rows]),
        tuple(len(r.tokens) for r in rows),
        tuple(r.real_end for r in rows),
        tuple((b, *branch) for b, r in enumerate(rows) for branch in r.branches),
    )


def fast_information_gain(
    scorer,
    questions: list[TurnQuestion],
    logprob_spans: list[list[Span]] | None = None,
    *,
    max_batch_tokens: int = 16384,
) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Per-turn IG (NaN for an empty next action) and the real pass's log-probs per token.

    The log-probs cover every next-action token and every token of ``logprob_spans`` (e.g. all
    action spans, for PPO's old log-probs); other positions are NaN.
    """
    scored = []
    for i, q in enumerate(questions):
        wanted = {j for s, e in q.action for j in range(s, e)}
        for s, e in logprob_spans[i] if logprob_spans else []:
            if not 1 <= s <= e <= len(q.token_ids):
                n = len(q.token_ids)
                raise ValueError(f"sequence {i}: log-prob span ({s}, {e}) outside [1, {n}]")
            wanted.update(range(s, e))
        scored.append(sorted(wanted))
    rows = [_pack(q, s) for q, s in zip(questions, scored, strict=True)]
    groups: list[list[torch.Tensor]] = [[] for _ in rows]
    for chunk in _chunks([i for i, r in enumerate(rows) if r.tokens], rows, max_batch_tokens):
        packed = _packed_rows([rows[i] for i in chunk])
        pred_rows = [b for b, i in enumerate(chunk) for _ in rows[i].predictors]
        pred_cols = [c for i in chunk for c in rows[i].predictors]
        out = scorer.packed_logprobs(
            packed,
            (torch.tensor(pred_rows, dtype=torch.long), torch.tensor(pred_cols, dtype=torch.long)),
            torch.tensor([t for i in chunk for t in rows[i].targets], dtype=torch.long),
            [c for i in chunk for c in rows[i].counts],
        )
        for i in chunk:
            groups[i], out = out[: len(rows[i].counts)], out[len(rows[i].counts) :]
    gains, real_logprobs = [], []
    for q, wanted, group in zip(questions, scored, groups, strict=True):
        dtype = group[0].dtype if wanted else torch.float32
        real = torch.full((len(q.token_ids),), float("nan"), dtype=dtype)
        if wanted:
            real[wanted] = group[0]
        per_turn = [
            (real[as_:ae].double() - cf.double()).mean().item() if ae > as_ else float("nan")
            for (as_, ae), cf in zip(q.action, group[1:], strict=True)
        ]
        gains.append(torch.tensor(per_turn, dtype=torch.float64))
        real_logprobs.append(real)
    return gains, real_logprobs


def _chunks(order: list[int], rows: list[_Row], budget: int) -> list[list[int]]:
    """Consecutive rows whose padded size (rows x widest row) stays within ``budget`` tokens."""
    chunks, current, width = [], [], 0
    for i in order:
        w = max(width, len(rows[i].tokens))
        if current and w * (len(current) + 1) > budget:
            chunks.append(current)
            current, w = [], len(rows[i].tokens)
        current.append(i)
        width = w
    return chunks + ([current] if current else [])
