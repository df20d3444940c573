"""Sokoban levels as data: the ``Level`` record, the text format, and parsing with clear errors.

A level is a grid of ``height * width`` cells numbered row-major (``cell = row * width + col``).
The env renders levels with one character per cell (``LEGEND``); ``parse_level`` reads that
format and the Boxoban/XSB one (``#``, space, ``.``, ``$``, ``*``, ``@``, ``+``), so levels can
be shared with other Sokoban implementations. Cells outside the grid count as walls.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

#: Moves in gym-sokoban's order; a direction is an index into these tuples.
DIRECTION_NAMES = ("up", "down", "left", "right")
DELTAS = ((-1, 0), (1, 0), (0, -1), (0, 1))

WALL, FLOOR, TARGET, BOX, BOX_ON_TARGET, PLAYER, PLAYER_ON_TARGET = "#_OX√PS"
LEGEND = (
    f"{WALL} wall, {FLOOR} floor, {TARGET} target, {BOX} box, {BOX_ON_TARGET} box on target, "
    f"{PLAYER} player, {PLAYER_ON_TARGET} player on target"
)
#: character -> (is_wall, is_target, has_box, has_player), for both accepted formats.
CELL_KINDS = {
    WALL: (True, False, False, False),
    FLOOR: (False, False, False, False),
    TARGET: (False, True, False, False),
    BOX: (False, False, True, False),
    BOX_ON_TARGET: (False, True, True, False),
    PLAYER: (False, False, False, True),
    PLAYER_ON_TARGET: (False, True, False, True),
    " ": (False, False, False, False),
    ".": (False, True, False, False),
    "$": (False, False, True, False),
    "*": (False, True, True, False),
    "@": (False, False, False, True),
    "+": (False, True, False, True),
}
MAX_SIDE = 64


class LevelError(ValueError):
    """A level text that cannot be played; the message names the problem and where it is."""


@dataclass(frozen=True)
class Level:
    """A Sokoban position: fixed walls and targets, movable boxes and player (cell indices)."""

    height: int
    width: int
    walls: tuple[bool, ...]
    targets: tuple[int, ...]
    boxes: tuple[int, ...]
    player: int

    @functools.cached_property
    def neighbours(self) -> tuple[tuple[int, ...], ...]:
        """``neighbours[d][cell]``: the cell one step in direction ``d``, or -1 (wall or edge)."""
        return neighbour_tables(self.height, self.width, self.walls)

    def cell_char(self, cell: int, boxes: frozenset[int], player: int) -> str:
        if self.walls[cell]:
            return WALL
        on_target = cell in self.target_set
        if cell in boxes:
            return BOX_ON_TARGET if on_target else BOX
        if cell == player:
            return PLAYER_ON_TARGET if on_target else PLAYER
        return TARGET if on_target else FLOOR

    @functools.cached_property
    def target_set(self) -> frozenset[int]:
        return frozenset(self.targets)

    def render(self, boxes: tuple[int, ...] | None = None, player: int | None = None) -> str:
        """The grid as text (this level's own boxes and player unless others are given)."""
        box_set = frozenset(self.boxes if boxes is None else boxes)
        player = self.player if player is None else player
        rows = (
            "".join(self.cell_char(r * self.width + c, box_set, player) for c in range(self.width))
            for r in range(self.height)
        )
        return "\n".join(rows)

    def with_state(self, boxes: tuple[int, ...], player: int) -> Level:
        """The same room with the movable parts elsewhere."""
        return Level(
            self.height, self.width, self.walls, self.targets, tuple(sorted(boxes)), player
        )


def neighbour_tables(
    height: int, width: int, walls: tuple[bool, ...]
) -> tuple[tuple[int, ...], ...]:
    """For each direction, each cell's neighbour that is inside the grid and not a wall, else -1."""
    tables = []
    for dr, dc in DELTAS:
        table = []
        for cell in range(height * width):
            r, c = divmod(cell, width)
            r2, c2 = r + dr, c + dc
            inside = 0 <= r2 < height and 0 <= c2 < width
            table.append(r2 * width + c2 if inside and not walls[r2 * width + c2] else -1)
        tables.append(tuple(table))
    return tuple(tables)


def parse_level(text: object) -> Level:
    """Read a level in the env's format or Boxoban/XSB format; raise ``LevelError`` if malformed.

    Lines starting with ``;`` (Boxoban's level headers) and blank lines around the grid are
    skipped; shorter rows are padded with walls.
    """
    if not isinstance(text, str):
        raise LevelError(f"a level must be text, got {type(text).__name__}")
    lines = [line.rstrip("\r") for line in text.split("\n") if not line.startswith(";")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise LevelError("the level is empty")
    height, width = len(lines), max(len(line) for line in lines)
    if height > MAX_SIDE or width > MAX_SIDE:
        raise LevelError(f"the level is {height}x{width}; at most {MAX_SIDE}x{MAX_SIDE} is allowed")
    walls, targets, boxes, players = [], [], [], []
    for r, line in enumerate(lines):
        for c, char in enumerate(line.ljust(width, WALL)):
            kind = CELL_KINDS.get(char)
            if kind is None:
                raise LevelError(
                    f"unknown character {char!r} at row {r + 1}, column {c + 1}; "
                    f"expected one of {''.join(CELL_KINDS)!r}"
                )
            cell = r * width + c
            is_wall, is_target, has_box, has_player = kind
            walls.append(is_wall)
            targets += [cell] * is_target
            boxes += [cell] * has_box
            players += [cell] * has_player
    if len(players) != 1:
        raise LevelError(f"a level needs exactly one player, found {len(players)}")
    if not boxes:
        raise LevelError("the level has no boxes")
    if len(boxes) != len(targets):
        raise LevelError(f"the level has {len(boxes)} boxes but {len(targets)} targets")
    if set(boxes) == set(targets):
        raise LevelError("every box is already on a target")
    return Level(height, width, tuple(walls), tuple(targets), tuple(boxes), players[0])
