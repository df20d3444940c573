"""A training run from a ``RunConfig``: build, train, evaluate, log and checkpoint; resume exactly.

The run directory (``output_dir``) holds ``config.yaml`` (the resolved config), ``metrics.jsonl``
(one object per step), ``eval.jsonl`` (one per evaluation), ``checkpoints/step-NNNNNN/`` and,
with ``tensorboard: true``, ``tensorboard/``. Everything a step draws comes from seeds derived
from the config's ``seed`` and the step number, and the RNG states go into every checkpoint, so
a resumed run reproduces the uninterrupted one step for step.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import gymnasium as gym
import numpy as np
import torch
import yaml

from infopo_agent.advantages import BetaSchedule
from infopo_agent.loss import LossConfig
from infopo_agent.policy import HFPolicy, SamplingParams, default_device
from infopo_agent.prompting import DEFAULT_SYSTEM, oracle_example
from infopo_agent.train import InfoPOTrainer, StepResult, TrainConfig
from infopo_agent.training import checkpoint
from infopo_agent.training.config import ConfigError, RunConfig, TinyModel, dump
from infopo_agent.training.evaluate import evaluate
from infopo_agent.training.lora import apply_lora
from infopo_agent.training.memory import map_large_allocations, peak_rss_mb, release_memory
from infopo_envs.core.seeding import stable_seed
from simulators.llm.embedded import ModelNotAvailableError

#: Fields a resumed run may change: it may run longer, evaluate or save differently.
RESUMABLE_CHANGES = ("steps", "eval", "checkpoints", "tensorboard")


class View(Protocol):
    """What shows a run's progress (the CLI's live view, or nothing)."""

    def start(self, config: RunConfig, first_step: int) -> None: ...
    def step(self, row: dict[str, Any]) -> None: ...
    def evaluation(self, row: dict[str, Any]) -> None: ...
    def finish(self) -> None: ...


class QuietView:
    def start(self, config: RunConfig, first_step: int) -> None: ...
    def step(self, row: dict[str, Any]) -> None: ...
    def evaluation(self, row: dict[str, Any]) -> None: ...
    def finish(self) -> None: ...


# ---- building the parts ----------------------------------------------------------------------
def env_factory(config: RunConfig) -> Callable[[], gym.Env]:
    """A factory for the configured env; checked once here, so a bad id fails before training."""
    import infopo_envs

    if config.env not in infopo_envs.ENVS:
        known = ", ".join(sorted(infopo_envs.ENVS))
        raise ConfigError(f"config field 'env': unknown env id {config.env!r}; known: {known}")
    kwargs = dict(config.env_kwargs)
    if config.simulator is not None:
        kwargs["simulator"] = config.simulator

    def make() -> gym.Env:
        return gym.make(config.env, **kwargs)

    try:
        make().close()
    except (ValueError, TypeError, KeyError) as error:
        field = "simulator" if "simulator" in str(error).lower() else "env_kwargs"
        raise ConfigError(f"config field {field!r}: cannot make {config.env}: {error}") from None
    return make


def build_policy(config: RunConfig) -> HFPolicy:
    """The configured model on its device and dtype, with LoRA adapters when enabled."""
    if config.device == "cuda" and not torch.cuda.is_available():
        raise ConfigError("config field 'device': cuda is not available on this machine")
    device = default_device() if config.device == "auto" else torch.device(config.device)
    dtype = None if config.dtype == "auto" else getattr(torch, config.dtype)
    torch.manual_seed(config.seed)
    try:
        if config.model == "smollm2":
            policy = HFPolicy.embedded(device=device, dtype=dtype)
        elif config.model == "tiny":
            policy = tiny_policy(config.tiny, device=device, dtype=dtype)
        else:
            policy = HFPolicy.from_pretrained(config.model, device=device, dtype=dtype)
    except ModelNotAvailableError as error:
        raise ConfigError(f"config field 'model': {error}") from None
    if config.lora.enabled:
        torch.manual_seed(stable_seed(config.seed, "lora"))
        apply_lora(
            policy,
            rank=config.lora.rank,
            alpha=config.lora.alpha,
            dropout=config.lora.dropout,
            target_modules=config.lora.target_modules,
        )
    return policy


def tiny_policy(spec: TinyModel, *, device=None, dtype=None) -> HFPolicy:
    """A random-init Llama over SmolLM2's tokenizer and chat template, built from ``spec``."""
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    from simulators.llm.embedded import smollm2_dir

    tokenizer = AutoTokenizer.from_pretrained(smollm2_dir())
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=spec.hidden_size,
        intermediate_size=spec.intermediate_size,
        num_hidden_layers=spec.layers,
        num_attention_heads=spec.heads,
        num_key_value_heads=spec.kv_heads,
        max_position_embeddings=8192,
        tie_word_embeddings=True,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
    )
    config._attn_implementation = "sdpa"
    torch.manual_seed(spec.seed)
    return HFPolicy(LlamaForCausalLM(config), tokenizer, device=device, dtype=dtype)


def prompt_context(config: RunConfig, make_env) -> tuple[str | None, list[dict[str, str]]]:
    """(system, preamble): the system line, the oracle's example, then the extra messages."""
    system = DEFAULT_SYSTEM if config.prompt.system == "default" else config.prompt.system
    example = oracle_example(make_env, turns=config.prompt.oracle_example_turns, system=system)
    return example.system, [*example.preamble, *config.prompt.preamble]


def trainer_config(config: RunConfig, system, preamble) -> TrainConfig:
    return TrainConfig(
        group_size=config.group_size,
        beta=BetaSchedule(**config.beta.model_dump()),
        tau=config.tau,
        learning_rate=config.lr,
        ppo_epochs=config.ppo_epochs,
        micro_batch=config.micro_batch,
        max_grad_norm=config.max_grad_norm,
        max_context_tokens=config.max_context_tokens,
        sampling=SamplingParams(**config.sampling.model_dump()),
        loss=LossConfig(**config.loss.model_dump()),
        system=system,
        preamble=preamble,
        decoding=config.decoding,
        menu_score=config.menu_score,
        lr_schedule=config.lr_schedule,
        warmup_steps=config.warmup_steps,
        total_steps=config.steps,
        weight_decay=config.weight_decay,
        gradient_checkpointing=config.gradient_checkpointing,
    )


def step_tasks(config: RunConfig, step: int) -> list[str]:
    """The train tasks of ``step``; never train-0000, the task of the oracle's example."""
    indices = [step * config.tasks_per_step + i for i in range(config.tasks_per_step)]
    if config.train_tasks is not None:
        indices = [i % config.train_tasks for i in indices]
    return [f"train-{1 + i:04d}" for i in indices]


def step_seed(config: RunConfig, step: int) -> int:
    return stable_seed("train-step", config.seed, step)


# ---- logging ---------------------------------------------------------------------------------
def step_row(step: int, result: StepResult) -> dict[str, Any]:
    """The JSONL row of one step: the trainer's metrics plus throughput, memory and IG by turn.

    ``peak_rss_mb`` is the step's peak resident size (the highest of its phases' peaks).
    """
    metrics = result.metrics
    row: dict[str, Any] = {"step": step, **metrics}
    row["tokens_per_s"] = metrics["tokens"] / max(metrics["time_step_s"], 1e-9)
    phase_peaks = [v for k, v in metrics.items() if k.startswith("peak_rss_")]
    row["peak_rss_mb"] = max(phase_peaks) if phase_peaks else peak_rss_mb()
    if torch.cuda.is_available():
        row["peak_cuda_mb"] = torch.cuda.max_memory_allocated() / 2**20
    row["info_gain_by_turn"] = info_gain_by_turn(result.info_gains)
    outcomes = [t.outcome for t in result.trajectories]
    row["outcome_std"] = float(np.std(outcomes))
    return row


def info_gain_by_turn(info_gains: list[list[float | None]]) -> list[float | None]:
    """Mean IG_t over the trajectories that have a defined IG at turn t."""
    turns = max((len(row) for row in info_gains), default=0)
    means: list[float | None] = []
    for t in range(turns):
        values = [row[t] for row in info_gains if t < len(row) and row[t] is not None]
        means.append(float(np.mean(values)) if values else None)
    return means


class JsonLines:
    """An append-only JSONL file that a resumed run first cuts back to its checkpoint."""

    def __init__(self, path: Path):
        self.path = path

    def rows(self) -> list[dict[str, Any]]:
        if not self.path.is_file():
            return []
        return [json.loads(line) for line in self.path.read_text().splitlines() if line.strip()]

    def keep_before(self, step: int) -> None:
        kept = [row for row in self.rows() if row["step"] < step]
        self.path.write_text("".join(json.dumps(row) + "\n" for row in kept))

    def append(self, row: dict[str, Any]) -> None:
        with self.path.open("a") as handle:
            handle.write(json.dumps(row) + "\n")


class TensorBoard:
    """Scalars to ``tensorboard/`` (needs the ``tensorboard`` package)."""

    def __init__(self, directory: Path):
        try:
            from torch.utils.tensorboard import SummaryWriter
        except ImportError:
            raise ConfigError(
                "config field 'tensorboard': needs the tensorboard package "
                "(pip install tensorboard)"
            ) from None
        self.writer = SummaryWriter(str(directory))

    def log(self, prefix: str, row: dict[str, Any]) -> None:
        for key, value in row.items():
            if key != "step" and isinstance(value, (int, float)):
                self.writer.add_scalar(f"{prefix}/{key}", value, row["step"])
        self.writer.flush()

    def close(self) -> None:
        self.writer.close()


# ---- the run ---------------------------------------------------------------------------------
@dataclass
class RunResult:
    output_dir: Path
    first_step: int
    steps: int
    last: dict[str, Any]
    evaluations: list[dict[str, Any]]


def check_resumable(saved: dict[str, Any], config: RunConfig) -> None:
    now = config.model_dump(mode="json")
    for key in sorted(set(saved) | set(now)):
        if key not in RESUMABLE_CHANGES and saved.get(key) != now.get(key):
            raise ConfigError(
                f"config field {key!r}: differs from the run being resumed "
                f"({saved.get(key)!r} there, {now.get(key)!r} now)"
            )


def train(config: RunConfig, *, resume: bool = False, view: View | None = None) -> RunResult:
    """Run (or resume) the configured training; see the module docstring for what it writes."""
    view = view or QuietView()
    out = Path(config.output_dir)
    metrics_log, eval_log = JsonLines(out / "metrics.jsonl"), JsonLines(out / "eval.jsonl")
    saved_config = out / "config.yaml"
    found = checkpoint.checkpoints(out / "checkpoints")
    if resume:
        if not saved_config.is_file() or not found:
            raise ConfigError(f"config field 'output_dir': no checkpoint to resume in {out}")
        check_resumable(yaml.safe_load(saved_config.read_text()), config)
    elif metrics_log.rows() or found:
        raise ConfigError(
            f"config field 'output_dir': {out} already holds a run; resume it with --resume "
            "or choose another output_dir"
        )
    board = TensorBoard(out / "tensorboard") if config.tensorboard else None
    if config.map_large_allocations:
        map_large_allocations()
    make_env = env_factory(config)
    policy = build_policy(config)
    system, preamble = prompt_context(config, make_env)
    trainer = InfoPOTrainer(policy, make_env, trainer_config(config, system, preamble))
    out.mkdir(parents=True, exist_ok=True)
    saved_config.write_text(dump(config))
    first = checkpoint.load(found[-1], trainer) if resume else 0
    metrics_log.keep_before(first)
    eval_log.keep_before(first + 1)

    def run_evaluation(step: int) -> dict[str, Any]:
        temperature = config.eval.temperature
        params = trainer.config.sampling
        if temperature is not None:
            params = SamplingParams(temperature, params.top_p, params.max_new_tokens)
        row = {"step": step}
        row |= evaluate(
            policy, make_env, tasks=config.eval.tasks, k=config.eval.k, params=params,
            system=system, preamble=preamble,
            decoding=config.decoding, menu_score=config.menu_score,
            max_context_tokens=config.max_context_tokens,
        )  # fmt: skip
        eval_log.append(row)
        if board:
            board.log("eval", row)
        view.evaluation(row)
        return row

    view.start(config, first)
    row: dict[str, Any] = {}
    try:
        if config.eval.every and config.eval.at_start and first == 0:
            run_evaluation(0)
        for step in range(first, config.steps):
            result = trainer.step(step_tasks(config, step), seed=step_seed(config, step))
            row = step_row(step, result)
            del result
            release_memory()
            metrics_log.append(row)
            if board:
                board.log("train", row)
            view.step(row)
            done = step + 1
            if config.eval.every and (done % config.eval.every == 0 or done == config.steps):
                run_evaluation(done)
            every = config.checkpoints.every
            if (every and done % every == 0) or done == config.steps:
                checkpoint.save(out / "checkpoints", trainer, done, keep=config.checkpoints.keep)
    finally:
        view.finish()
        if board:
            board.close()
    return RunResult(out, first, config.steps, row, eval_log.rows())
