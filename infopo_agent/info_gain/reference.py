"""Reference information gain: two teacher-forced passes per turn, nothing shared.

For each turn, score a_{t+1} after the real prefix and after the prefix with o_t replaced by the
placeholder; IG_t is the mean over a_{t+1}'s tokens of the difference. Slow (cost grows with
turns times length) and obviously right: the fast implementation is tested against it.
"""

from __future__ import annotations

import torch

from infopo_agent.info_gain.turns import TurnQuestion


def reference_information_gain(scorer, questions: list[TurnQuestion]) -> list[torch.Tensor]:
    """Per-turn IG for each question (NaN for an empty next action)."""
    results = []
    for q in questions:
        gains = []
        for t, (as_, ae) in enumerate(q.action):
            if ae == as_:
                gains.append(float("nan"))
                continue
            real = list(q.token_ids[:ae])
            counterfactual = q.counterfactual(t)
            shift = len(counterfactual) - len(real)
            real_lp, cf_lp = scorer.token_logprobs(
                [real, counterfactual],
                [list(range(as_, ae)), list(range(as_ + shift, ae + shift))],
            )
            gains.append(float((real_lp.double() - cf_lp.double()).mean()))
        results.append(torch.tensor(gains, dtype=torch.float64))
    return results
