"""fp32 master weights for a model that runs in bf16 or fp16.

Adam's update is about ``lr`` per weight; a bf16 weight near 0.02 has a spacing of about 1e-4, so
at lr 1e-6 almost every update rounds away when the optimizer writes into bf16 weights directly
(measured: 0.4% of the weights changed in one step, against 99% in fp32). ``MasterWeights``
keeps an fp32 copy of every trainable low-precision parameter; the optimizer (and its state)
works on the copies, and after each step the model's weights are the copies rounded to their
dtype, so small updates accumulate in the copy until they show in the model. Parameters that are
already fp32 (full fp32 models, LoRA adapters, which peft keeps in fp32) are used as they are.
"""

from __future__ import annotations

from collections.abc import Iterable

import torch


class MasterWeights:
    """Trainable parameters paired with the fp32 tensors the optimizer updates."""

    def __init__(self, parameters: Iterable[torch.nn.Parameter]):
        self.pairs: list[tuple[torch.nn.Parameter, torch.nn.Parameter]] = []
        for p in parameters:
            if not p.requires_grad:
                continue
            if p.dtype == torch.float32:
                self.pairs.append((p, p))
            else:
                self.pairs.append((p, torch.nn.Parameter(p.detach().float().clone())))
        if not self.pairs:
            raise ValueError("the model has no trainable parameters")

    def parameters(self) -> list[torch.nn.Parameter]:
        """What the optimizer updates (fp32)."""
        return [master for _, master in self.pairs]

    @property
    def copies(self) -> int:
        """How many parameters have a separate fp32 copy."""
        return sum(p is not m for p, m in self.pairs)

    def gradients_to_master(self) -> None:
        """Move the model's gradients onto the fp32 copies (in fp32)."""
        for p, master in self.pairs:
            if p is not master:
                master.grad = None if p.grad is None else p.grad.float()
                p.grad = None

    @torch.no_grad()
    def master_to_model(self) -> None:
        """Write the updated copies into the model's weights (rounded to their dtype)."""
        for p, master in self.pairs:
            if p is not master:
                p.copy_(master)

    def state_dict(self) -> list[torch.Tensor]:
        """The fp32 copies (a checkpoint needs them: the model's weights are only rounded)."""
        return [master.detach().clone() for p, master in self.pairs if p is not master]

    @torch.no_grad()
    def load_state_dict(self, tensors: list[torch.Tensor]) -> None:
        masters = [m for p, m in self.pairs if p is not m]
        if len(tensors) != len(masters):
            raise ValueError(f"{len(tensors)} saved fp32 copies for {len(masters)} parameters")
        for master, saved in zip(masters, tensors, strict=True):
            master.copy_(saved)
        self.master_to_model()
