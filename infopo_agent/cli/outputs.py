"""Where the model commands write: an output folder that is created, or a clear error."""

from __future__ import annotations

import re
from pathlib import Path

from infopo_agent.cli.common import UsageError


def output_dir(path: str | Path) -> Path:
    """``path`` as a folder, created if missing; a file in the way or no permission: UsageError."""
    folder = Path(path).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(f"--out {path}: a file is in the way; give a folder") from None
    except OSError as error:
        raise UsageError(f"--out {path}: cannot create it ({error.strerror})") from None
    return folder


def slug(text: str) -> str:
    """A file-name-safe form of an env id or policy name (``InfoPO/Travel-v0`` -> ``travel-v0``)."""
    tail = text.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[^a-z0-9.]+", "-", tail.lower()).strip("-") or "run"
