"""Sokoban speed: room generation time and env steps per second, against gym-sokoban.

    python benchmarks/sokoban.py [--gen-samples 300] [--steps 100000]

Generation is timed per room (median) for 6x6 rooms with 1 box and 8x8 rooms with 2 boxes, and
per task room (drawn until its optimal length is in the env's default tier: ``easy`` on 6x6,
``medium`` on 8x8);
steps per second count ``env.step`` calls with random single moves and the text observation
(resets excluded). When ``gym_sokoban`` (PyPI ``gym-sokoban``, on ``gym`` 0.26) is importable,
its ``generate_room`` and ``SokobanEnv.step`` with its smallest observation (``tiny_rgb_array``)
are measured the same way in the same run. The last line is one JSON object with the settings
and the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import time

import numpy as np

from infopo_envs.core import rng_for
from infopo_envs.sokoban import SokobanEnv
from infopo_envs.sokoban.tasks import (
    TIERS,
    default_walk_steps,
    generate_in_range,
    generate_level,
)

SIZES = {"6x6_1": ((6, 6), 1), "8x8_2": ((8, 8), 2)}
#: The registered envs' tiers and action budgets.
TIER_OF = {"6x6_1": ("easy", 10), "8x8_2": ("medium", 20)}
MOVES = ("Up", "Down", "Left", "Right")


def generation_ms(dim: tuple[int, int], boxes: int, samples: int) -> float:
    times = []
    for index in range(samples):
        rng = rng_for("benchmark", dim, boxes, index)
        start = time.perf_counter()
        generate_level(rng, dim[0], dim[1], boxes)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def tier_generation_ms(dim: tuple[int, int], boxes: int, tier: str, budget: int, samples: int):
    shortest, longest = TIERS[tier]
    times = []
    for index in range(samples):
        rng = rng_for("benchmark-tier", dim, boxes, index)
        start = time.perf_counter()
        generate_in_range(rng, dim[0], dim[1], boxes, shortest, min(longest or budget, budget))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def steps_per_second(dim: tuple[int, int], boxes: int, steps: int) -> float:
    env = SokobanEnv(dim, boxes, max_turns=steps + 1)
    env.reset(seed=0)
    actions = [MOVES[i] for i in np.random.default_rng(0).integers(4, size=steps)]
    elapsed = 0.0
    for action in actions:
        start = time.perf_counter()
        _, _, terminated, truncated, _ = env.step(action)
        elapsed += time.perf_counter() - start
        if terminated or truncated:
            env.reset()
    return steps / elapsed


def baseline_generation_ms(dim: tuple[int, int], boxes: int, samples: int) -> float:
    from gym_sokoban.envs.room_utils import generate_room

    random.seed(0)
    np.random.seed(0)
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        while True:  # SokobanEnv.reset retries the same way
            try:
                generate_room(dim=dim, num_steps=default_walk_steps(*dim), num_boxes=boxes)
                break
            except (RuntimeError, RuntimeWarning):
                continue
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def baseline_steps_per_second(dim: tuple[int, int], boxes: int, steps: int) -> float:
    from gym_sokoban.envs.sokoban_env import SokobanEnv as GymSokobanEnv

    random.seed(0)
    np.random.seed(0)
    env = GymSokobanEnv(dim_room=dim, num_boxes=boxes, max_steps=steps + 1, reset=False)
    env.reset(render_mode="tiny_rgb_array")
    actions = np.random.default_rng(0).integers(1, 9, size=steps).tolist()
    elapsed = 0.0
    for action in actions:
        start = time.perf_counter()
        _, _, done, _ = env.step(action, observation_mode="tiny_rgb_array")
        elapsed += time.perf_counter() - start
        if done:
            env.reset(render_mode="tiny_rgb_array")
    return steps / elapsed


def baseline_available() -> bool:
    try:
        import gym_sokoban  # noqa: F401
    except Exception:  # gym 0.26 can fail to import in several ways on new NumPy
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gen-samples", type=int, default=300)
    parser.add_argument("--steps", type=int, default=100_000)
    args = parser.parse_args()
    figures: dict[str, object] = {
        "settings": {
            "gen_samples": args.gen_samples,
            "steps": args.steps,
            "observation": "text",
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        }
    }
    for name, (dim, boxes) in SIZES.items():
        figures[f"gen_ms_{name}"] = round(generation_ms(dim, boxes, args.gen_samples), 4)
        tier, budget = TIER_OF[name]
        ms = tier_generation_ms(dim, boxes, tier, budget, args.gen_samples)
        figures[f"tier_gen_ms_{name}"] = round(ms, 4)
    figures["steps_per_s"] = round(steps_per_second((6, 6), 1, args.steps))
    figures["steps_per_s_8x8_2"] = round(steps_per_second((8, 8), 2, args.steps))
    if baseline_available():
        for name, (dim, boxes) in SIZES.items():
            ms = baseline_generation_ms(dim, boxes, args.gen_samples)
            figures[f"baseline_gen_ms_{name}"] = round(ms, 4)
            figures[f"gen_speedup_{name}"] = round(ms / figures[f"gen_ms_{name}"], 1)
        rate = baseline_steps_per_second((6, 6), 1, args.steps)
        figures["baseline_steps_per_s"] = round(rate)
        figures["steps_speedup"] = round(figures["steps_per_s"] / rate, 2)
    for key, value in figures.items():
        if key != "settings":
            print(f"{key:>26}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
