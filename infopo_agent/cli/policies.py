"""``--policy``: ``smollm2``, a model directory, ``oracle``, ``random`` or ``openai:<model>``.

Parsing never imports torch, so a bad ``--policy`` fails at once and the scripted policies run
without the ``agent`` extra. The model is loaded only when a command needs it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from infopo_agent.cli.common import RunError, UsageError, console

SCRIPTED = ("oracle", "random")
EMBEDDED = "smollm2"


@dataclass(frozen=True)
class PolicySpec:
    """A resolved ``--policy``. ``name`` is canonical: recorded in outputs and compared later."""

    kind: Literal["hf", "oracle", "random", "openai"]
    name: str
    source: str | None = None  # the model directory (hf) or the served model's name (openai)

    @property
    def scores_tokens(self) -> bool:
        """Whether this policy can teacher-force log-probs (needed for information gain)."""
        return self.kind == "hf"


def parse_policy(text: str) -> PolicySpec:
    """Resolve ``--policy``; a bad value is a ``UsageError`` (one line, exit 2)."""
    if text in SCRIPTED:
        return PolicySpec(text, text)
    if text.startswith("openai:"):
        model = text.removeprefix("openai:")
        if not model:
            raise UsageError("--policy openai:<model> needs a model name after 'openai:'")
        return PolicySpec("openai", text, model)
    if text == EMBEDDED:
        return PolicySpec("hf", EMBEDDED)
    path = Path(text).expanduser()
    if not path.is_dir():
        raise UsageError(
            f"--policy {text!r}: not smollm2, oracle, random, openai:<model>, nor a model directory"
        )
    if not (path / "config.json").is_file():
        raise UsageError(f"--policy {text!r}: {path} has no config.json (not a model directory)")
    return PolicySpec("hf", str(path.resolve()), str(path.resolve()))


def model_policy(text: str) -> PolicySpec:
    """A policy that can score tokens (``smollm2`` or a model directory), or a UsageError."""
    spec = parse_policy(text)
    if not spec.scores_tokens:
        raise UsageError(
            f"--policy {text!r} cannot score tokens; information gain needs smollm2 or a local "
            "model directory"
        )
    return spec


def embedded_model_dir() -> Path:
    """The prepared SmolLM2 directory; the first call de-quantizes it with a progress bar."""
    from simulators.llm.embedded import ModelNotAvailableError, is_prepared, smollm2_dir

    try:
        if is_prepared():
            return smollm2_dir()
        # transformers draws the de-quantization's progress bar itself.
        console.print("Preparing SmolLM2-135M-Instruct (first run only, about 20 s)")
        prepared = smollm2_dir(progress=True)
        console.print(f"Prepared SmolLM2-135M-Instruct in {prepared}")
        return prepared
    except ModelNotAvailableError as error:
        raise UsageError(str(error).splitlines()[0]) from None


def load_hf_policy(spec: PolicySpec, *, device: str | None = None):
    """The ``HFPolicy`` for ``spec`` (torch is imported here, not before)."""
    # OpenMP threads that spin while waiting stall for milliseconds per matmul whenever another
    # process holds a core; sleeping instead keeps small decode steps fast on a shared CPU. It
    # only takes effect before torch is first imported.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from transformers.utils import logging as hf_logging

    from infopo_agent.policy import HFPolicy
    from simulators.llm.embedded import ModelNotAvailableError

    source = embedded_model_dir() if spec.name == EMBEDDED else spec.source
    hf_logging.disable_progress_bar()
    with console.status(f"Loading {spec.name}"):
        try:
            return HFPolicy.from_pretrained(source, device=device)
        except ModelNotAvailableError as error:
            raise UsageError(str(error).splitlines()[0]) from None
        finally:
            hf_logging.enable_progress_bar()


@dataclass
class OpenAIAgent:
    """A policy served behind an OpenAI-compatible chat completions endpoint.

    Each action is one request with the conversation so far: the ``context`` messages (a system
    line and a worked example, if any), the env's opening and feedback as ``user`` messages,
    earlier actions as ``assistant`` messages. ``usage`` keeps the tokens of every request
    (``None`` where the server does not report them).
    """

    model: str
    client: Any
    temperature: float = 1.0
    max_tokens: int = 256
    seed: int | None = None
    context: list[dict[str, str]] = field(default_factory=list)
    messages: list[dict[str, str]] = field(default_factory=list)
    usage: list[tuple[int | None, int | None]] = field(default_factory=list)

    @classmethod
    def connect(cls, model: str, *, base_url: str | None, api_key: str | None, **options):
        import openai

        key = api_key or os.environ.get("OPENAI_API_KEY")
        if key is None and base_url is None:
            raise UsageError(
                "--policy openai:<model> needs --api-key or OPENAI_API_KEY, or --base-url for a "
                "local server"
            )
        client = openai.OpenAI(base_url=base_url, api_key=key or "unused", max_retries=2)
        return cls(model, client, **options)

    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        self.messages = [*self.context, {"role": "user", "content": observation}]
        self.usage = []

    def act(self, observation: str, info: dict[str, Any]) -> str:
        import openai

        if self.messages[-1]["role"] == "assistant":
            self.messages.append({"role": "user", "content": observation})
        options: dict[str, Any] = {"temperature": self.temperature, "max_tokens": self.max_tokens}
        if self.seed is not None:
            options["seed"] = (self.seed + len(self.usage)) % 2**31
        try:
            response = self.client.chat.completions.create(
                model=self.model, messages=self.messages, **options
            )
        except openai.OpenAIError as error:
            raise RunError(f"openai policy {self.model}: {_one_line(error)}") from None
        if not response.choices:
            raise RunError(f"openai policy {self.model}: the server returned no choices")
        text = response.choices[0].message.content or ""
        usage = response.usage
        self.usage.append(
            (usage.prompt_tokens, usage.completion_tokens) if usage is not None else (None, None)
        )
        self.messages.append({"role": "assistant", "content": text})
        return text


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
