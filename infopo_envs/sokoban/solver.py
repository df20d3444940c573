"""An optimal Sokoban solver: breadth-first search over (player, boxes) positions.

Every move costs one, so the first solved position found is reached by a shortest plan in moves.
Positions are ``box bitmask << shift | player`` integers, which keeps the search in plain Python
fast for the small rooms the env generates; ``max_states`` bounds the work on large given levels.
"""

from __future__ import annotations

from infopo_envs.sokoban.level import Level

DEFAULT_MAX_STATES = 200_000


class SearchLimitError(RuntimeError):
    """The search met ``max_states`` positions before it could decide."""


def solve(level: Level, max_states: int = DEFAULT_MAX_STATES) -> list[int] | None:
    """A shortest plan (directions, see ``DIRECTION_NAMES``), or None if the level has none."""
    neighbours = level.neighbours
    shift = len(neighbours[0]).bit_length()
    player_bits = (1 << shift) - 1
    goal = 0
    for t in level.targets:
        goal |= 1 << t
    mask = 0
    for b in level.boxes:
        mask |= 1 << b
    start = mask << shift | level.player
    if mask == goal:
        return []
    parent: dict[int, tuple[int, int]] = {start: (-1, -1)}
    frontier = [start]
    while frontier:
        following = []
        for state in frontier:
            p, mask = state & player_bits, state >> shift
            for d, table in enumerate(neighbours):
                q = table[p]
                if q < 0:
                    continue
                if mask >> q & 1:
                    beyond = table[q]
                    if beyond < 0 or mask >> beyond & 1:
                        continue
                    moved = mask ^ (1 << q) ^ (1 << beyond)
                else:
                    moved = mask
                key = moved << shift | q
                if key in parent:
                    continue
                parent[key] = (state, d)
                if moved == goal:
                    return _plan(parent, key)
                following.append(key)
        if len(parent) > max_states:
            raise SearchLimitError(f"no decision within {max_states} positions")
        frontier = following
    return None


def _plan(parent: dict[int, tuple[int, int]], state: int) -> list[int]:
    moves = []
    while True:
        state, d = parent[state]
        if d < 0:
            return moves[::-1]
        moves.append(d)
