"""Packed rows: a real sequence plus short branches that share its prefix, and their attention.

A packed row holds a real sequence ``[0, real_end)`` followed by branches ``[start, end)``; each
branch token attends to the real prefix ``[0, prefix_end)`` (computed once, by the real part)
and causally to its own branch. Padding follows the last branch. Two exact ways to run it:

- ``split`` (the default where the model uses transformers' attention interface): attention is
  computed piece by piece with SDPA, never as an L x L tensor. The real part is one causal SDPA
  call (the same fused kernel as a plain pass: flash on a GPU, the flash-style CPU kernel
  otherwise); each branch is one SDPA call over the keys ``prefix + branch`` with a
  ``branch x (prefix + branch)`` mask. Memory is linear in the row length and nothing is
  compiled, so any length runs without warm-up or recompilation.
- ``dense``: the whole pattern as an additive (B, 1, L, L) mask in the model's dtype, for models
  without the attention interface; memory grows with L squared.

Both give the same log-probs (tested against each other and against separate passes).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import torch

#: The name under which split attention is registered with transformers' ``AttentionInterface``.
SPLIT_ATTENTION = "infopo_split"

#: One branch: (row, start, end, prefix_end), in row coordinates.
Branch = tuple[int, int, int, int]


@dataclass(frozen=True)
class PackedRows:
    """Right-padded packed rows (``input_ids``/``position_ids`` are (B, W)) and their layout."""

    input_ids: torch.Tensor
    position_ids: torch.Tensor
    lengths: tuple[int, ...]
    real_ends: tuple[int, ...]
    branches: tuple[Branch, ...] = ()

    @classmethod
    def causal(cls, sequences) -> PackedRows:
        """Plain causal rows (no branches), right-padded with 0."""
        width = max(len(s) for s in sequences)
        ids = torch.zeros(len(sequences), width, dtype=torch.long)
        for row, seq in enumerate(sequences):
            ids[row, : len(seq)] = torch.as_tensor(list(seq), dtype=torch.long)
        lengths = tuple(len(s) for s in sequences)
        positions = torch.arange(width).expand(len(sequences), width).clone()
        return cls(ids, positions, lengths, lengths)

    def __post_init__(self):
        batch, width = self.input_ids.shape
        if self.position_ids.shape != (batch, width):
            raise ValueError("position_ids must have the shape of input_ids")
        if not len(self.lengths) == len(self.real_ends) == batch:
            raise ValueError(f"{batch} rows need {batch} lengths and real ends")
        for row, start, end, prefix in self.branches:
            if not (0 <= row < batch and 1 <= prefix <= self.real_ends[row] <= start < end):
                raise ValueError(f"branch ({row}, {start}, {end}, {prefix}) outside its row")
            if end > self.lengths[row]:
                raise ValueError(f"branch ({row}, {start}, {end}) ends after the row's length")

    @property
    def width(self) -> int:
        return self.input_ids.shape[1]

    def allowed(self) -> torch.Tensor:
        """The pattern as a dense (B, W, W) bool tensor: token q may attend to token k."""
        batch, width = self.input_ids.shape
        own_start = torch.zeros(batch, width, dtype=torch.long)  # own segment: [own_start, q]
        prefix_end = torch.zeros(batch, width, dtype=torch.long)  # shared prefix: [0, prefix_end)
        for row, length in enumerate(self.lengths):
            own_start[row, length:] = length  # padding attends only to padding
        for row, start, end, prefix in self.branches:
            own_start[row, start:end] = start
            prefix_end[row, start:end] = prefix
        q = torch.arange(width)[None, :, None]
        k = torch.arange(width)[None, None, :]
        own = (k >= own_start[:, :, None]) & (k <= q)
        return own | (k < prefix_end[:, :, None])

    def dense_mask(self, dtype: torch.dtype, device) -> torch.Tensor:
        """The additive (B, 1, W, W) mask: 0 where allowed, the dtype's minimum elsewhere."""
        shape = (len(self.lengths), 1, self.width, self.width)
        mask = torch.zeros(shape, dtype=dtype, device=device)
        return mask.masked_fill_(~self.allowed()[:, None].to(device), torch.finfo(dtype).min)


def split_attention(
    module, query, key, value, attention_mask, dropout=0.0, scaling=None, packed_rows=None, **kw
):
    """Attention for ``PackedRows`` in pieces (see the module docstring); transformers calls it.

    ``query`` is (B, H, W, D); returns (B, W, H, D) like transformers' SDPA attention.
    """
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    if packed_rows is None:
        raise ValueError(f"{SPLIT_ATTENTION} attention needs packed_rows= in the forward call")
    batch, heads, width, dim = query.shape
    out = query.new_zeros(batch, width, heads, dim)
    real = max(packed_rows.real_ends)
    options = dict(dropout=dropout, scaling=scaling)
    q, k, v = query, key, value
    if real:  # rows with a shorter real part get branch tokens here: overwritten below
        cut = slice(None, real)
        part, _ = sdpa_attention_forward(
            module, q[:, :, cut], k[:, :, cut], v[:, :, cut], None, is_causal=True, **options
        )
        out[:, cut] = part
    for row, start, end, prefix in packed_rows.branches:
        r, n = slice(row, row + 1), end - start
        keys = torch.cat([k[r, :, :prefix], k[r, :, start:end]], dim=2)
        values = torch.cat([v[r, :, :prefix], v[r, :, start:end]], dim=2)
        mask = torch.ones(1, 1, n, prefix + n, dtype=torch.bool, device=q.device).tril(prefix)
        part, _ = sdpa_attention_forward(
            module, q[r, :, start:end], keys, values, mask, is_causal=False, **options
        )
        out[r, start:end] = part
    return out, None


def supports_split_attention(model) -> bool:
    """Split attention plugs into models whose attention goes through transformers' interface."""
    return bool(getattr(model, "_supports_attention_backend", False))


@contextmanager
def attention_implementation(model, name: str):
    """Run the model with attention implementation ``name``, restoring the previous one after."""
    _register()
    previous = model.config._attn_implementation
    if previous == name:
        yield
        return
    model.set_attn_implementation(name)
    try:
        yield
    finally:
        model.set_attn_implementation(previous)


def _register() -> None:
    from transformers import AttentionInterface

    if SPLIT_ATTENTION not in AttentionInterface._global_mapping:
        AttentionInterface.register(SPLIT_ATTENTION, split_attention)
