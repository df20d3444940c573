"""Where infopo keeps what it prepares once (model weights, search indexes): one root for all."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """``$INFOPO_CACHE`` when set and non-empty, else ``~/.cache/infopo``."""
    return Path(os.environ.get("INFOPO_CACHE") or Path.home() / ".cache" / "infopo")
