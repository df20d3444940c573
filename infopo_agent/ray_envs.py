"""Envs (and their user simulators) in Ray actors, behind the env objects ``rollout_groups`` steps.

``RayEnvPool(env_id, workers=N)`` starts N ``EnvWorker`` actors (a local Ray instance unless
Ray is already initialized or ``address`` names a cluster: ``address="auto"`` or
``"ray://host:10001"``). ``pool.make`` is an env factory: each call returns a ``RemoteEnv``,
placed on the workers in turn, that forwards ``reset``/``step``/``close`` to its actor. Pass it
where an env factory goes::

    with RayEnvPool("InfoPO/TravelIntent-v0", workers=4) as pool:
        trajectories = rollout_groups(policy, pool.make, tasks, group_size=8)

The policy stays in the driver; ``rollout_groups`` steps the envs of a turn on its threads, and
each thread waits on its own actor, so the workers step in parallel. Results do not depend on
the number of workers: an episode is decided by its env, its reset seed and its actions.

A worker that dies is replaced: the next call of each env it held starts a fresh actor in its
place, resets the env with the same seed and options and replays the episode's actions, checks
that every replayed observation equals the recorded one (the determinism contract), and then
makes the call. Every step is returned to the rollout once, so no episode is lost or counted
twice; ``pool.replacements`` counts the workers replaced.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from typing import Any

import ray
from ray.exceptions import RayActorError

EnvSpec = str | Callable[[], Any]
MAX_REPLACEMENTS_PER_CALL = 3


@ray.remote
class EnvWorker:
    """Holds many envs by key; each is built on its first reset from the pool's env spec."""

    def __init__(self, env: EnvSpec, make_kwargs: dict[str, Any]):
        self._spec, self._kwargs, self._envs = env, make_kwargs, {}

    def reset(self, key: int, seed: int | None, options: dict[str, Any] | None):
        if key not in self._envs:
            self._envs[key] = self._make()
        return self._envs[key].reset(seed=seed, options=options)

    def step(self, key: int, action: str):
        return self._envs[key].step(action)

    def transcript(self, key: int) -> dict[str, Any]:
        return self._envs[key].unwrapped.transcript.to_dict()

    def close(self, key: int) -> None:
        env = self._envs.pop(key, None)
        if env is not None:
            env.close()

    def _make(self):
        if callable(self._spec):
            return self._spec()
        import gymnasium as gym

        import infopo_envs  # noqa: F401  (registers the ids)

        return gym.make(self._spec, **self._kwargs)


class RayEnvPool:
    """N env workers and a factory of ``RemoteEnv`` (see the module docstring)."""

    def __init__(
        self,
        env: EnvSpec,
        workers: int = 2,
        *,
        address: str | None = None,
        make_kwargs: dict[str, Any] | None = None,
        num_cpus_per_worker: float = 0.5,
    ):
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        self._spec, self._kwargs = env, dict(make_kwargs or {})
        self._options = {"num_cpus": num_cpus_per_worker}
        self.workers = [self._start() for _ in range(workers)]
        self.replacements = 0
        self._keys = itertools.count()
        self._lock = threading.Lock()

    def make(self) -> RemoteEnv:
        """A new env on the next worker in turn (an env factory for ``rollout_groups``)."""
        key = next(self._keys)
        return RemoteEnv(self, key, key % len(self.workers))

    def replace(self, slot: int, dead) -> None:
        """Start a new worker in ``slot`` unless another caller already replaced ``dead``."""
        with self._lock:
            if self.workers[slot] is dead:
                ray.kill(dead, no_restart=True)
                self.workers[slot] = self._start()
                self.replacements += 1

    def close(self) -> None:
        for worker in self.workers:
            ray.kill(worker, no_restart=True)
        self.workers = []

    def __enter__(self) -> RayEnvPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self):
        return EnvWorker.options(**self._options).remote(self._spec, self._kwargs)


class RemoteEnv:
    """One env in a worker: ``reset``, ``step``, ``close`` and ``transcript()`` like a local one."""

    def __init__(self, pool: RayEnvPool, key: int, slot: int):
        self._pool, self._key, self._slot = pool, key, slot
        self._worker = None  # the actor that holds this env
        self._start: tuple[int | None, dict[str, Any] | None] | None = None
        self._history: list[tuple[str, str]] = []  # (action, observation) of every step so far

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        self._start, self._history = (seed, options), []
        return self._call("reset", seed, options)

    def step(self, action: str):
        result = self._call("step", action)
        self._history.append((action, result[0]))
        return result

    def transcript(self) -> dict[str, Any]:
        return self._call("transcript")

    def close(self) -> None:
        if self._worker is None:
            return
        with contextlib.suppress(RayActorError):  # a dead worker took the env with it
            ray.get(self._worker.close.remote(self._key))

    def _call(self, method: str, *args: Any):
        for _ in range(MAX_REPLACEMENTS_PER_CALL):
            worker = self._pool.workers[self._slot]
            try:
                if worker is not self._worker:  # first call, or its worker died and was replaced
                    if method != "reset" and self._start is not None:
                        self._replay(worker)
                    self._worker = worker
                return ray.get(getattr(worker, method).remote(self._key, *args))
            except RayActorError:
                self._pool.replace(self._slot, worker)
        raise RuntimeError(f"env worker {self._slot} kept dying; gave up after replacing it")

    def _replay(self, worker) -> None:
        """Rerun this env's episode on ``worker``, checking each observation against the record."""
        ray.get(worker.reset.remote(self._key, *self._start))
        for turn, (action, observation) in enumerate(self._history):
            replayed = ray.get(worker.step.remote(self._key, action))[0]
            if replayed != observation:
                raise RuntimeError(
                    f"replaying turn {turn} on a new worker gave another observation: "
                    "the env is not deterministic, so its episode cannot be rerun"
                )
