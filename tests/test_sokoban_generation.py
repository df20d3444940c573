"""Generated Sokoban rooms: always solvable, optimal lengths right, deterministic in any process."""

from __future__ import annotations

import json
import subprocess
import sys

import gymnasium as gym
import numpy as np
import pytest

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.sokoban import SokobanEnv
from infopo_envs.sokoban.level import DIRECTION_NAMES
from infopo_envs.sokoban.solver import solve
from infopo_envs.sokoban.tasks import GenerationError, generate_level, room_topology, tier_of

SIZES = [((6, 6), 1), ((8, 8), 2)]


def _connected(walls: tuple[bool, ...], width: int) -> bool:
    floor = {cell for cell, wall in enumerate(walls) if not wall}
    todo, seen = [min(floor)], {min(floor)}
    while todo:
        cell = todo.pop()
        for step in (-width, width, -1, 1):
            if cell + step in floor and cell + step not in seen:
                seen.add(cell + step)
                todo.append(cell + step)
    return seen == floor


@pytest.mark.parametrize("seed", range(20))
def test_topology_is_walled_connected_and_seeded(seed):
    walls = room_topology(np.random.default_rng(seed), 8, 8, 27)
    assert walls == room_topology(np.random.default_rng(seed), 8, 8, 27)
    border = [c for c in range(64) if c < 8 or c >= 56 or c % 8 in (0, 7)]
    assert all(walls[c] for c in border)
    assert _connected(walls, 8)


@pytest.mark.parametrize(("dim", "boxes"), SIZES)
def test_every_generated_level_is_solvable_by_the_solver_through_the_env(dim, boxes):
    env = SokobanEnv(dim, boxes, max_moves_per_turn=10)
    for index in range(150):
        _, info = env.reset(options={"task_id": f"train-{index}"})
        level = env.level
        assert not set(level.boxes) & set(level.targets)
        assert len(level.boxes) == boxes and (level.height, level.width) == dim
        plan = solve(level)
        assert plan is not None and len(plan) == info["optimal_moves"] > 0
        names = [DIRECTION_NAMES[d] for d in plan]
        terminated = False
        for start in range(0, len(names), 10):
            assert not terminated
            _, _, terminated, _, info = env.step(", ".join(names[start : start + 10]))
        assert terminated and info["outcome"] == 1.0 and info["success"] is True


@pytest.mark.parametrize("env_id", ["InfoPO/Sokoban-v0", "InfoPO/Sokoban8x8-v0"])
def test_oracle_solves_every_test_task(env_id):
    env = gym.make(env_id)
    for index in range(env.unwrapped.test_size):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0 and result.invalid_actions == 0, result.task_id


def test_same_generator_same_level_and_seeds_differ():
    levels = [generate_level(np.random.default_rng(s), 8, 8, 2).level for s in range(30)]
    assert levels[0] == generate_level(np.random.default_rng(0), 8, 8, 2).level
    assert len({level.render() for level in levels}) > 25


def test_impossible_parameters_fail_clearly():
    with pytest.raises(GenerationError, match="no playable 3x3 room"):
        generate_level(np.random.default_rng(0), 3, 3, 1)
    with pytest.raises(ValueError):
        generate_level(np.random.default_rng(0), 6, 6, 0)


_SCRIPT = """
import json
from infopo_envs.sokoban import SokobanEnv
out = {}
for dim, boxes in [((6, 6), 1), ((8, 8), 2)]:
    env = SokobanEnv(dim, boxes)
    for task in ["test-0000", "test-0042", "train-987654"]:
        opening, info = env.reset(options={"task_id": task})
        out[f"{dim}-{task}"] = [opening, info["optimal_moves"]]
print(json.dumps(out, sort_keys=True))
"""


def test_levels_are_identical_across_processes():
    runs = []
    for hash_seed in ("0", "1", "12345"):
        env = {"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"}
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env, check=True
        )
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1] == runs[2]
    assert len({opening for opening, _ in runs[0].values()}) == 6


@pytest.mark.parametrize(
    ("env_id", "shortest", "budget"),
    [("InfoPO/Sokoban-v0", 5, 10), ("InfoPO/Sokoban8x8-v0", 10, 20)],
)
def test_test_split_comes_from_its_tier_within_the_action_budget(env_id, shortest, budget):
    env = gym.make(env_id).unwrapped
    assert env.max_actions == budget
    lengths = []
    for index in range(env.test_size):
        _, info = env.reset(options={"task_id": f"test-{index:04d}"})
        assert shortest <= info["optimal_moves"] <= budget and info["moves_left"] == budget
        lengths.append(info["optimal_moves"])
    assert len(set(lengths)) > 3


def test_tiers_cover_lengths_and_bad_tiers_are_refused():
    assert [tier_of(n) for n in (None, 0, 1, 4, 5, 9, 10, 19, 20, 99)] == [
        "unknown", "unknown", "trivial", "trivial", "easy", "easy", "medium", "medium", "hard",
        "hard",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="tier must be one of"):
        SokobanEnv(tier="impossible")
    with pytest.raises(ValueError, match="over max_actions=9"):
        SokobanEnv(tier="medium", max_actions=9)
    env = SokobanEnv(tier=None, max_actions=4)
    for index in range(20):
        _, info = env.reset(options={"task_id": f"train-{index}"})
        assert 1 <= info["optimal_moves"] <= 4


def test_action_budget_ends_the_episode_and_ignores_moves_beyond_it():
    env = SokobanEnv(max_actions=3, tier=None)
    env.reset(options={"level": "#######\n#P_X_O#\n#######"})
    obs, _, terminated, _, info = env.step("Left, Left, Left, Right")
    assert terminated and info["outcome"] == 0.0 and info["success"] is False
    assert info["moves_applied"] == 3 and info["moves_left"] == 0 and info["moves_made"] == 3
    assert obs.endswith("Out of moves (1 moves of this turn ignored): the game is over.")
    env.reset(options={"level": "#######\n#P_X_O#\n#######"})
    *_, terminated, _, info = env.step("Right, Right, Right")
    assert terminated and info["success"] is True and info["moves_left"] == 0


def test_moves_left_are_shown_and_invalid_turns_cost_none():
    env = SokobanEnv()
    opening, _ = env.reset(options={"task_id": "test-0000"})
    assert "You have 10 moves in all" in opening
    obs, *_, info = env.step("jump")
    assert info["moves_left"] == 10 and not info["action_valid"]
    obs, *_, info = env.step("Up")
    assert info["moves_left"] == 9 and obs.endswith("Moves left: 9.")
