"""LoRA through ``peft``: adapters on the policy's model, and the frozen base as KL reference.

The reference of the KL term is the initial policy. With LoRA that is the same model with its
adapters switched off (``PeftModel.disable_adapter()``), so no second copy of the weights is
kept. ``HFPolicy`` scores through ``policy.plain_model``, which reaches the transformer under
the peft wrapper with the adapters active.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from infopo_agent.policy import HFPolicy

DEFAULT_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


def apply_lora(
    policy: HFPolicy,
    *,
    rank: int = 16,
    alpha: int = 32,
    dropout: float = 0.0,
    target_modules: Sequence[str] = DEFAULT_TARGETS,
) -> HFPolicy:
    """Wrap ``policy.model`` in LoRA adapters in place; only the adapters stay trainable.

    peft keeps the adapter weights in fp32 even when the model runs in bf16.
    """
    from peft import LoraConfig, get_peft_model

    config = LoraConfig(
        r=rank,
        lora_alpha=alpha,
        lora_dropout=dropout,
        target_modules=list(target_modules),
        task_type="CAUSAL_LM",
    )
    policy.model = get_peft_model(policy.model, config)
    return policy


def is_peft(model) -> bool:
    return callable(getattr(model, "disable_adapter", None)) and hasattr(model, "peft_config")


def adapters_disabled(policy: HFPolicy):
    """A context in which ``policy`` scores as its base model (a no-op without adapters)."""
    if is_peft(policy.model):
        return policy.model.disable_adapter()
    return contextlib.nullcontext()
