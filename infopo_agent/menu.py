"""Menu decoding: the policy picks one action from a finite menu by its exact log-probability.

A small model (a 135M instruction model, or a tiny random one in experiments) rarely writes an
env's action grammar, so free generation gives invalid actions and feedback that says nothing
about the user. With a menu (an env's ``candidate_actions()``), every option is scored as the
assistant message the policy would have written: its text tokens and the end-of-turn token,
teacher-forced after the prompt. The choice is drawn from softmax(score / temperature) over the
menu (argmax at temperature 0; ``top_p`` keeps the smallest set of options above p), where the
score is log pi(option), the option's exact log-probability (``score="sum"``), or its mean per
token (``score="mean"``). A random-init model gives every token about -log(vocabulary size), so
by the sum it always picks the shortest option; the per-token mean lets such a model (a tiny one
in fast experiments) start from a spread over the menu.

The chosen option comes back as a ``Generation`` with exactly those token ids, so information
gain and the loss score it like a sampled action. This is an option for small-model
experiments, not a replacement for free generation: the menu bounds what the policy can say.

Exact and batched: each prompt and all its options are packed into one row, every option
attending to the prompt and to itself only, with positions that restart after the prompt
(``infopo_agent.info_gain.packing.PackedRows``, scored by ``HFPolicy.packed_logprobs``), so the
prompt is encoded once for all its options.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from infopo_agent.policy import Generation, HFPolicy, SamplingParams

CPU_ROW_TOKENS = 4096
GPU_ROW_TOKENS = 32768


def option_ids(policy: HFPolicy, text: str) -> list[int]:
    """The tokens of ``text`` as a finished assistant message: its ids, then end-of-turn."""
    eos = policy.tokenizer.eos_token_id
    return [*policy.chat.encode(text), eos if eos is not None else policy.eos_token_ids[0]]


def menu_logprobs(
    policy: HFPolicy, prompts: Sequence[Sequence[int]], menus: Sequence[Sequence[list[int]]]
) -> list[np.ndarray]:
    """Summed log pi(option | prompt) of every option (token ids) of every prompt."""
    if len(prompts) != len(menus):
        raise ValueError(f"{len(prompts)} prompts but {len(menus)} menus")
    rows = [_packed_row(list(p), [list(o) for o in m]) for p, m in zip(prompts, menus, strict=True)]
    budget = GPU_ROW_TOKENS if policy.device.type == "cuda" else CPU_ROW_TOKENS
    results: list[np.ndarray] = []
    batch: list[_Row] = []
    for row in rows:
        if batch and (len(batch) + 1) * max(len(r.ids) for r in [*batch, row]) > budget:
            results += _score_rows(policy, batch)
            batch = []
        batch.append(row)
    if batch:
        results += _score_rows(policy, batch)
    return results


def choose_from_menu(
    policy: HFPolicy,
    prompts: Sequence[Sequence[int]],
    menus: Sequence[Sequence[str]],
    params: SamplingParams,
    *,
    seed: int | None = None,
    score: str = "sum",
) -> list[Generation]:
    """One option per prompt, drawn by its log-probability (see the module docstring)."""
    if score not in ("sum", "mean"):
        raise ValueError(f"score must be 'sum' or 'mean', got {score!r}")
    options = [list(dict.fromkeys(menu)) for menu in menus]
    if any(not menu for menu in options):
        raise ValueError("every prompt needs a non-empty menu")
    ids = [[option_ids(policy, text) for text in menu] for menu in options]
    scores = menu_logprobs(policy, prompts, ids)
    rng = np.random.default_rng(seed)
    chosen = []
    for menu, menu_ids, logp in zip(options, ids, scores, strict=True):
        lengths = np.array([len(o) for o in menu_ids])
        k = _pick(logp / lengths if score == "mean" else logp, params, rng)
        chosen.append(Generation(menu[k], tuple(menu_ids[k]), "eos"))
    return chosen


def _pick(scores: np.ndarray, params: SamplingParams, rng: np.random.Generator) -> int:
    if params.temperature == 0:
        return int(np.argmax(scores))
    logits = scores / params.temperature
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    if params.top_p < 1:
        order = np.argsort(-probs, kind="stable")
        keep = order[: int(np.searchsorted(np.cumsum(probs[order]), params.top_p)) + 1]
        kept = np.zeros_like(probs)
        kept[keep] = probs[keep]
        probs = kept / kept.sum()
    return int(rng.choice(len(probs), p=probs))


class _Row:
    """One packed row: the prompt, then every option, with positions and predictors."""

    def __init__(self, ids, positions, predictors, targets, counts, prompt_length):
        self.ids, self.positions = ids, positions
        self.predictors, self.targets, self.counts = predictors, targets, counts
        self.prompt_length = prompt_length


def _packed_row(prompt: list[int], options: list[list[int]]) -> _Row:
    if not prompt:
        raise ValueError("every prompt needs at least one token")
    ids, positions = list(prompt), list(range(len(prompt)))
    predictors, targets, counts = [], [], []
    for option in options:
        start = len(ids)
        for j, token in enumerate(option):
            predictors.append(len(prompt) - 1 if j == 0 else start + j - 1)
            targets.append(token)
        ids += option
        positions += range(len(prompt), len(prompt) + len(option))
        counts.append(len(option))
    return _Row(ids, positions, predictors, targets, counts, len(prompt))


def _score_rows(policy: HFPolicy, rows: list[_Row]) -> list[np.ndarray]:
    """One pass over packed rows: the prompt is the real part, every option a branch of it."""
    from infopo_agent.info_gain.packing import PackedRows

    width = max(len(r.ids) for r in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    positions = torch.zeros((len(rows), width), dtype=torch.long)
    branches, pred_rows, pred_cols, targets, counts = [], [], [], [], []
    for b, row in enumerate(rows):
        ids[b, : len(row.ids)] = torch.tensor(row.ids)
        positions[b, : len(row.ids)] = torch.tensor(row.positions)
        start = row.prompt_length
        for count in row.counts:
            branches.append((b, start, start + count, row.prompt_length))
            start += count
        pred_rows += [b] * len(row.targets)
        pred_cols += row.predictors
        targets += row.targets
        counts += row.counts
    packed = PackedRows(
        ids,
        positions,
        tuple(len(r.ids) for r in rows),
        tuple(r.prompt_length for r in rows),
        tuple(branches),
    )
    scored = policy.packed_logprobs(
        packed, (torch.tensor(pred_rows), torch.tensor(pred_cols)), torch.tensor(targets), counts
    )
    sums = [float(s.double().sum()) for s in scored]
    out, at = [], 0
    for row in rows:
        out.append(np.array(sums[at : at + len(row.counts)]))
        at += len(row.counts)
    return out
