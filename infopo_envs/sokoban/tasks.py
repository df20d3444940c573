"""Always-solvable Sokoban rooms, generated the way gym-sokoban does, from one seeded generator.

1. ``room_topology``: a random walk stamps small floor masks onto a walled grid.
2. Targets go on random floor cells, with a box on each: a solved position.
3. ``reverse_play``: from every solved position (the player on any free cell) the player walks
   and *pulls* boxes; the reverse moves undo forward moves exactly, so every position reached is
   solvable. The search is breadth-first, so each position's depth is its optimal solution length
   in moves. The start is the best-scoring position with no box on a target, scored as
   gym-sokoban does: pulls on the way times the boxes' total Manhattan displacement from their
   own targets (ties go to the longer solution).

Positions are ``(player, box bitmask)``; tables of neighbours replace array arithmetic, which is
what makes generation fast. Nothing here reads global state: same generator, same room.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from infopo_envs.sokoban.level import DELTAS, Level, neighbour_tables

P_CHANGE_DIRECTION = 0.35
DEFAULT_SEARCH_DEPTH = 300
MAX_ATTEMPTS = 1000
#: gym-sokoban's floor masks, as offsets from the walk's position.
MASKS = (
    ((0, -1), (0, 0), (0, 1)),
    ((-1, 0), (0, 0), (1, 0)),
    ((0, -1), (0, 0), (1, 0)),
    ((0, -1), (0, 0), (1, -1), (1, 0)),
    ((0, 0), (0, 1), (1, 0)),
)


class GenerationError(RuntimeError):
    """No playable room in ``MAX_ATTEMPTS`` walks (the parameters leave too little room)."""


@dataclass(frozen=True)
class GeneratedLevel:
    """A generated start position, its optimal solution length in moves and its search score."""

    level: Level
    optimal_moves: int
    score: int


def default_walk_steps(height: int, width: int) -> int:
    """gym-sokoban's default length of the topology walk."""
    return int(1.7 * (height + width))


def room_topology(
    rng: np.random.Generator, height: int, width: int, walk_steps: int
) -> tuple[bool, ...]:
    """Walls (True) and floor (False) from a random walk; the border is always wall."""
    draws = rng.random(3 + 3 * walk_steps).tolist()
    floor = bytearray(height * width)
    dr, dc = DELTAS[int(draws[0] * 4)]
    r = 1 + int(draws[1] * (height - 1))
    c = 1 + int(draws[2] * (width - 1))
    for step in range(walk_steps):
        change, pick, mask = draws[3 + 3 * step : 6 + 3 * step]
        if change < P_CHANGE_DIRECTION:
            dr, dc = DELTAS[int(pick * 4)]
        r = max(min(r + dr, height - 2), 1)
        c = max(min(c + dc, width - 2), 1)
        for mr, mc in MASKS[int(mask * 5)]:
            floor[(r + mr) * width + c + mc] = 1
    walls = [not f for f in floor]
    for r in range(height):
        walls[r * width] = walls[r * width + width - 1] = True
    for c in range(width):
        walls[c] = walls[(height - 1) * width + c] = True
    return tuple(walls)


def reverse_play(
    neighbours: tuple[tuple[int, ...], ...],
    width: int,
    floor: list[int],
    targets: tuple[int, ...],
    search_depth: int = DEFAULT_SEARCH_DEPTH,
) -> tuple[int, int, tuple[int, ...], int] | None:
    """Breadth-first reverse play from every solved position.

    Returns ``(score, depth, boxes, player)`` of the best start (boxes in target order), or None
    when no position with every box off its target and a positive score was reached.
    """
    target_mask = 0
    for t in targets:
        target_mask |= 1 << t
    shift = len(neighbours[0]).bit_length()
    seen = set()
    frontier = []
    for p in floor:
        if not target_mask >> p & 1:
            seen.add(target_mask << shift | p)
            frontier.append((p, target_mask, targets, 0))
    best = None
    up, down, left, right = neighbours
    pairs = ((up, down), (down, up), (left, right), (right, left))
    for depth in range(1, search_depth + 1):
        following = []
        for p, mask, boxes, pulls in frontier:
            for ahead, behind in pairs:
                q = ahead[p]
                if q < 0 or mask >> q & 1:
                    continue
                key = mask << shift | q
                if key not in seen:
                    seen.add(key)
                    following.append((q, mask, boxes, pulls))
                b = behind[p]
                if b < 0 or not mask >> b & 1:
                    continue
                pulled = mask ^ (1 << b) ^ (1 << p)
                key = pulled << shift | q
                if key in seen:
                    continue
                seen.add(key)
                moved = tuple(p if x == b else x for x in boxes)
                following.append((q, pulled, moved, pulls + 1))
                if pulled & target_mask:
                    continue
                score = (pulls + 1) * _displacement(moved, targets, width)
                if score > 0 and (best is None or (score, depth) > best[:2]):
                    best = (score, depth, moved, q)
        if not following:
            break
        frontier = following
    return best


def _displacement(boxes: tuple[int, ...], targets: tuple[int, ...], width: int) -> int:
    total = 0
    for b, t in zip(boxes, targets, strict=True):
        total += abs(b // width - t // width) + abs(b % width - t % width)
    return total


def generate_level(
    rng: np.random.Generator,
    height: int = 6,
    width: int = 6,
    num_boxes: int = 1,
    walk_steps: int | None = None,
    search_depth: int = DEFAULT_SEARCH_DEPTH,
) -> GeneratedLevel:
    """A solvable room drawn from ``rng``; walks again when a room leaves no good start."""
    if height < 3 or width < 3 or num_boxes < 1:
        raise ValueError(
            f"need a room of at least 3x3 and a box, got {height}x{width}, {num_boxes}"
        )
    steps = default_walk_steps(height, width) if walk_steps is None else walk_steps
    for _ in range(MAX_ATTEMPTS):
        walls = room_topology(rng, height, width, steps)
        floor = [cell for cell, wall in enumerate(walls) if not wall]
        if len(floor) <= num_boxes + 1:
            continue
        picks = rng.choice(len(floor), size=num_boxes, replace=False).tolist()
        targets = tuple(floor[i] for i in picks)
        neighbours = neighbour_tables(height, width, walls)
        best = reverse_play(neighbours, width, floor, targets, search_depth)
        if best is None:
            continue
        score, depth, boxes, player = best
        level = Level(height, width, walls, tuple(sorted(targets)), tuple(sorted(boxes)), player)
        return GeneratedLevel(level, depth, score)
    raise GenerationError(
        f"no playable {height}x{width} room with {num_boxes} boxes in {MAX_ATTEMPTS} walks"
    )


#: Difficulty tiers by optimal solution length in moves: (shortest, longest), None = unbounded.
TIERS: dict[str, tuple[int, int | None]] = {
    "trivial": (1, 4),
    "easy": (5, 9),
    "medium": (10, 19),
    "hard": (20, None),
}
MAX_TIER_DRAWS = 2000


def tier_of(optimal_moves: int | None) -> str:
    """The tier of a level by its optimal length; "unknown" when that is not known."""
    if optimal_moves is None or optimal_moves < 1:
        return "unknown"
    for name, (low, high) in TIERS.items():
        if optimal_moves >= low and (high is None or optimal_moves <= high):
            return name
    return "unknown"


def generate_in_range(
    rng: np.random.Generator,
    height: int,
    width: int,
    num_boxes: int,
    shortest: int,
    longest: int,
    walk_steps: int | None = None,
    search_depth: int = DEFAULT_SEARCH_DEPTH,
) -> GeneratedLevel:
    """The first level drawn from ``rng`` whose optimal length is in ``[shortest, longest]``."""
    for _ in range(MAX_TIER_DRAWS):
        drawn = generate_level(rng, height, width, num_boxes, walk_steps, search_depth)
        if shortest <= drawn.optimal_moves <= longest:
            return drawn
    raise GenerationError(
        f"no {height}x{width} room with {num_boxes} boxes and an optimal solution of "
        f"{shortest} to {longest} moves in {MAX_TIER_DRAWS} draws"
    )
