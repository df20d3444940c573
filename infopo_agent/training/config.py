"""The config of a training run: one pydantic schema, read from YAML or TOML, overridable by field.

Every field can be set on the command line as ``--set path=value`` (``--set lr=1e-5``,
``--set lora.rank=8``, ``--set beta.initial=0``); values are read as YAML scalars, so numbers,
booleans and ``null`` work. The resolved config (file, then overrides, then defaults) is saved
with the run, and a resumed run must resolve to the same config (``steps`` may grow).

``beta.initial = 0`` (with the default constant schedule) is multi-turn GRPO.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(ValueError):
    """A bad config: the message is one line that names the field."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TinyModel(_Section):
    """A random-init Llama built from a config over SmolLM2's tokenizer (fast experiments)."""

    hidden_size: int = Field(64, gt=0)
    intermediate_size: int = Field(128, gt=0)
    layers: int = Field(2, gt=0)
    heads: int = Field(4, gt=0)
    kv_heads: int = Field(2, gt=0)
    seed: int = 0


class Lora(_Section):
    enabled: bool = True
    rank: int = Field(16, gt=0)
    alpha: int = Field(32, gt=0)
    dropout: float = Field(0.0, ge=0, lt=1)
    target_modules: list[str] = Field(
        default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj",
                                 "down_proj"]
    )  # fmt: skip


class Beta(_Section):
    initial: float = Field(1.0, ge=0)
    final: float = Field(0.0, ge=0)
    decay_steps: int = Field(0, ge=0)
    kind: Literal["constant", "linear", "cosine"] = "constant"

    @model_validator(mode="after")
    def _decay_needs_steps(self):
        if self.kind != "constant" and self.decay_steps <= 0:
            raise ValueError(f"a {self.kind} schedule needs decay_steps > 0")
        return self


class Loss(_Section):
    clip_low: float = Field(0.2, ge=0, lt=1)
    clip_high: float = Field(0.28, ge=0)
    kl_coef: float = Field(0.001, ge=0)
    entropy_coef: float = Field(0.0, ge=0)


class Sampling(_Section):
    temperature: float = Field(1.0, ge=0)
    top_p: float = Field(1.0, gt=0, le=1)
    max_new_tokens: int = Field(96, gt=0)


class Prompt(_Section):
    """What goes before the env's opening: a system line and the oracle's worked example."""

    system: str | None = "default"
    """``default`` is ``prompting.DEFAULT_SYSTEM``; ``null`` sends no system message."""
    oracle_example_turns: int = Field(2, ge=0)
    """Turns of the env's oracle on a train task shown first (0: none)."""
    preamble: list[dict[str, str]] = Field(default_factory=list)
    """Extra context messages after the example ({role, content})."""


class Evaluation(_Section):
    every: int = Field(0, ge=0)
    """Evaluate on the test split every N steps and at the end (0: never)."""
    at_start: bool = True
    """Also evaluate the untrained policy before the first step (when ``every`` is set)."""
    tasks: int = Field(20, gt=0)
    k: int = Field(4, gt=0)
    """Episodes per test task; pass^1..pass^k are reported."""
    temperature: float | None = Field(None, ge=0)
    """Sampling temperature of evaluation (default: the training one)."""


class Checkpoints(_Section):
    every: int = Field(0, ge=0)
    """Save every N steps and at the end (0: only at the end)."""
    keep: int = Field(2, gt=0)


class RunConfig(_Section):
    env: str = "InfoPO/Intention-v0"
    env_kwargs: dict[str, Any] = Field(default_factory=dict)
    simulator: str | None = None
    """User simulator spec given to the env (``rule``, ``rule:terse``, ...); null: its default."""
    model: str = "smollm2"
    """``smollm2`` (embedded), ``tiny`` (see ``tiny``), or a model directory / .gguf file."""
    tiny: TinyModel = Field(default_factory=TinyModel)
    device: Literal["auto", "cpu", "cuda"] = "auto"
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    """``auto``: bf16 on CUDA, fp32 on CPU; low precision trains through fp32 master weights."""
    lora: Lora = Field(default_factory=lambda: Lora(enabled=False))
    steps: int = Field(100, gt=0)
    tasks_per_step: int = Field(2, gt=0)
    group_size: int = Field(4, gt=0)
    train_tasks: int | None = Field(None, gt=0)
    """Cycle through this many train tasks (null: a fresh task every time)."""
    seed: int = 0
    lr: float = Field(1e-6, gt=0)
    lr_schedule: Literal["constant_with_warmup", "linear", "cosine"] = "constant_with_warmup"
    warmup_steps: int = Field(0, ge=0)
    weight_decay: float = Field(0.0, ge=0)
    ppo_epochs: int = Field(1, gt=0)
    micro_batch: int = Field(2, gt=0)
    """Trajectories per forward/backward; the micro-batches accumulate into one update."""
    max_grad_norm: float = Field(1.0, gt=0)
    max_context_tokens: int | None = Field(4096, gt=0)
    gradient_checkpointing: bool = False
    decoding: Literal["sample", "menu"] = "sample"
    menu_score: Literal["sum", "mean"] = "sum"
    """How menu decoding scores an option: its log-probability, or its mean per token."""
    beta: Beta = Field(default_factory=Beta)
    tau: float = Field(0.05, gt=0)
    loss: Loss = Field(default_factory=Loss)
    sampling: Sampling = Field(default_factory=Sampling)
    prompt: Prompt = Field(default_factory=Prompt)
    eval: Evaluation = Field(default_factory=Evaluation)
    checkpoints: Checkpoints = Field(default_factory=Checkpoints)
    map_large_allocations: bool = True
    """Give large tensors their own mmap (glibc), so the resident size tracks what is alive."""
    output_dir: str = "runs/infopo"
    tensorboard: bool = False


def read_file(path: str | Path) -> dict[str, Any]:
    """The mapping in a YAML (``.yaml``/``.yml``) or TOML (``.toml``) file."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        else:
            raise ConfigError(f"{path}: the config must be .yaml, .yml or .toml")
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        first = str(error).splitlines()[0]
        raise ConfigError(f"{path}: cannot parse: {first}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping of fields")
    return data


def apply_overrides(data: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """``data`` with every ``path=value`` of ``overrides`` set (dotted paths make sections)."""
    data = json.loads(json.dumps(data))
    for item in overrides:
        path, sep, raw = item.partition("=")
        if not sep or not path.strip():
            raise ConfigError(f"--set {item!r}: expected FIELD=VALUE, e.g. lr=1e-5")
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            value = raw
        keys = path.strip().split(".")
        node = data
        for key in keys[:-1]:
            child = node.setdefault(key, {})
            if not isinstance(child, dict):
                raise ConfigError(f"--set {item!r}: {key} is not a section")
            node = child
        node[keys[-1]] = value
    return data


def resolve(data: dict[str, Any]) -> RunConfig:
    """The validated config; the first problem becomes one line that names its field."""
    try:
        return RunConfig.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "config"
        if problem["type"] == "extra_forbidden":
            raise ConfigError(f"config field {where!r}: unknown field") from None
        message = problem["msg"].removeprefix("Value error, ")
        raise ConfigError(f"config field {where!r}: {message}") from None


def load(path: str | Path | None, overrides: list[str] = ()) -> RunConfig:
    """File (optional), then overrides, then the schema's defaults."""
    data = read_file(path) if path is not None else {}
    return resolve(apply_overrides(data, list(overrides)))


def dump(config: RunConfig) -> str:
    """The resolved config as YAML (what the run saves as ``config.yaml``)."""
    return yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False)
