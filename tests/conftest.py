"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def smollm2_dir():
    """The prepared SmolLM2-135M-Instruct directory (prepared once into the cache)."""
    from simulators.llm.embedded import smollm2_dir as prepare

    return prepare()


@pytest.fixture(scope="session")
def local_ray():
    """One local Ray instance for the whole test session (starting one takes seconds)."""
    ray = pytest.importorskip("ray")
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
