"""Checkpoints that resume a run exactly: trainable weights, fp32 copies, optimizer, RNG, step.

A checkpoint is a directory ``step-000010/`` holding ``state.pt`` (trainable parameters: the LoRA
adapters or every weight; the fp32 master copies; optimizer and schedule states; the Python,
NumPy and torch RNG states; the step count) and, with LoRA, ``adapter/`` as peft saves it (load
it with ``PeftModel.from_pretrained``). It is written to a temporary directory and renamed, so
an interrupted save never leaves a half checkpoint.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np
import torch

from infopo_agent.training.lora import is_peft

PREFIX = "step-"


def rng_state() -> dict:
    state = {
        "python": random.getstate(),
        "numpy": np.random.get_state(),
        "torch": torch.get_rng_state(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save(directory: Path, trainer, step: int, *, keep: int | None = None) -> Path:
    """Write the checkpoint of ``trainer`` after ``step`` steps under ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{PREFIX}{step:06d}"
    staging = directory / f".{target.name}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    model = trainer.policy.model
    state = {
        "step": step,
        "steps_done": trainer.steps_done,
        "trainable": {n: p.detach().cpu() for n, p in model.named_parameters() if p.requires_grad},
        "master": [t.cpu() for t in trainer.master.state_dict()],
        "optimizer": trainer.optimizer.state_dict(),
        "scheduler": trainer.scheduler.state_dict(),
        "rng": rng_state(),
    }
    torch.save(state, staging / "state.pt")
    if is_peft(model):
        model.save_pretrained(staging / "adapter")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    if keep is not None:
        for old in checkpoints(directory)[:-keep]:
            shutil.rmtree(old, ignore_errors=True)
    return target


def checkpoints(directory: Path) -> list[Path]:
    """Complete checkpoints under ``directory``, oldest first."""
    if not directory.is_dir():
        return []
    found = [p for p in directory.glob(f"{PREFIX}*") if (p / "state.pt").is_file()]
    return sorted(found, key=lambda p: int(p.name.removeprefix(PREFIX)))


def load(path: Path, trainer) -> int:
    """Restore ``trainer`` (built from the same config) from ``path``; return the step."""
    state = torch.load(path / "state.pt", map_location="cpu", weights_only=False)
    model = trainer.policy.model
    params = dict(model.named_parameters())
    with torch.no_grad():
        for name, saved in state["trainable"].items():
            if name not in params:
                raise ValueError(f"{path}: the checkpoint has a parameter {name} the model lacks")
            params[name].copy_(saved)
    if state["master"]:
        trainer.master.load_state_dict([t.to(trainer.policy.device) for t in state["master"]])
    trainer.optimizer.load_state_dict(state["optimizer"])
    trainer.scheduler.load_state_dict(state["scheduler"])
    trainer.steps_done = state["steps_done"]
    set_rng_state(state["rng"])
    return int(state["step"])
