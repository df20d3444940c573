"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def smollm2_dir():
    """The prepared SmolLM2-135M-Instruct directory (prepared once into the cache)."""
    from simulators.llm.embedded import smollm2_dir as prepare

    return prepare()
