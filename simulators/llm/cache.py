"""An on-disk response cache (sqlite) that makes LLM-simulated evaluations reproducible.

Modes: ``off`` (no cache), ``record`` (look up; on a miss call the model and store the reply),
``replay`` (look up only; a miss is a ``CacheMissError`` naming the key in strict mode, and a
model call otherwise). Keys are SHA-256 of the simulator's configuration, the persona, the full
prompt and the seed, so a replayed evaluation calls no model and reproduces transcripts exactly.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from simulators.base import SimulatorError

MODES = ("off", "record", "replay")


class CacheMissError(SimulatorError):
    """Replay mode found no recorded reply for a prompt."""


def cache_key(config: dict[str, Any], persona: str, messages: list[dict], seed: int | None) -> str:
    payload = json.dumps(
        {"config": config, "persona": persona, "messages": messages, "seed": seed},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class ResponseCache:
    def __init__(self, path: str | Path, mode: str = "record", strict: bool = True):
        if mode not in MODES:
            raise ValueError(f"cache mode must be one of {MODES}, got {mode!r}")
        self.path, self.mode, self.strict = Path(path), mode, strict
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS replies (key TEXT PRIMARY KEY, reply TEXT NOT NULL)"
        )
        self._db.commit()

    def lookup(self, key: str) -> str | None:
        """The recorded reply, None on a miss that may call the model; raises in strict replay."""
        if self.mode == "off":
            return None
        row = self._db.execute("SELECT reply FROM replies WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return row[0]
        if self.mode == "replay" and self.strict:
            raise CacheMissError(f"no recorded reply for key {key} in {self.path} (replay mode)")
        return None

    def store(self, key: str, reply: str) -> None:
        if self.mode == "record":
            self._db.execute("INSERT OR REPLACE INTO replies VALUES (?, ?)", (key, reply))
            self._db.commit()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM replies").fetchone()[0]
