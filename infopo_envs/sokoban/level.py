"""Sokoban levels as data: the ``Level`` record, the text format, and parsing with clear errors.

A level is a grid of ``height * width`` cells numbered row-major (``cell = row * width + col``).
The env renders levels with one character per cell (``LEGEND``); ``parse_level`` reads that
format and the Boxoban/XSB one (``#``, space, ``.``, ``$``, ``*``, ``@``, ``+``), so levels can
be shared with other Sokoban implementations. Cells outside the grid count as walls.
"""

from __future__ import annotations

import functools
import os
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
TAB_SIZE = 8


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


def _lines(text: str) -> list[str]:
    """The text's lines, carriage returns dropped and tabs expanded to 8-column stops."""
    return [line.rstrip("\r").expandtabs(TAB_SIZE) for line in text.split("\n")]


def _level_blocks(text: str) -> list[list[str]]:
    """The grids of a level file: each Boxoban header (``; 12``) starts a level; without
    headers, blank lines separate them. Blank lines around each grid are dropped."""
    lines = _lines(text)
    if any(line.startswith(";") for line in lines):
        blocks: list[list[str]] = []
        for line in lines:
            if line.startswith(";"):
                blocks.append([])
            elif blocks:
                blocks[-1].append(line)
            elif line.strip():
                blocks.append([line])  # grid rows before the first header
    else:
        blocks = [[]]
        for line in lines:
            if line.strip():
                blocks[-1].append(line)
            elif blocks[-1]:
                blocks.append([])
    trimmed = []
    for block in blocks:
        while block and not block[-1].strip():
            block.pop()
        while block and not block[0].strip():
            block.pop(0)
        if block:
            trimmed.append(block)
    return trimmed


def parse_levels(text: object) -> list[Level]:
    """Every level of a multi-level file (Boxoban's ``; n`` headers, or blank-line separated),
    in file order; a malformed level raises ``LevelError`` naming its position."""
    if not isinstance(text, str):
        raise LevelError(f"a level file must be text, got {type(text).__name__}")
    blocks = _level_blocks(text)
    if not blocks:
        raise LevelError("the level file holds no levels")
    levels = []
    for position, block in enumerate(blocks):
        try:
            levels.append(_grid_level(block))
        except LevelError as error:
            raise LevelError(f"level {position} of the file: {error}") from None
    return levels


def parse_level(text: object) -> Level:
    """Read a level in the env's format or Boxoban/XSB format; raise ``LevelError`` if malformed.

    Lines starting with ``;`` (Boxoban's level headers) and blank lines around the grid are
    skipped; tabs expand to 8-column stops; shorter rows are padded with walls. A text holding
    several levels is refused (``parse_levels`` reads those).
    """
    if not isinstance(text, str):
        raise LevelError(f"a level must be text, got {type(text).__name__}")
    if not text.strip():
        raise LevelError("the level is empty")
    blocks = _level_blocks(text)
    if not blocks:
        raise LevelError("the level is empty")
    if len(blocks) > 1:
        raise LevelError(
            f"the text holds {len(blocks)} levels; pick one (parse_levels reads them all)"
        )
    return _grid_level(blocks[0])


def _grid_level(lines: list[str]) -> Level:
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


@dataclass(frozen=True)
class LevelFileRef:
    """Names a level loaded from a file, as its task id: ``"<path>#<index>"``."""

    path: str
    index: int

    @property
    def task_id(self) -> str:
        return f"{self.path}#{self.index}"


@functools.lru_cache(maxsize=8)
def _file_levels(path: str, mtime_ns: int, size: int) -> tuple[Level, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(parse_levels(handle.read()))


def read_level_file(path: str | os.PathLike) -> tuple[Level, ...]:
    """Every level of a level file (cached until the file changes)."""
    try:
        stat = os.stat(path)
    except OSError as error:
        raise LevelError(f"cannot read the level file {str(path)!r}: {error.strerror}") from None
    return _file_levels(os.fspath(path), stat.st_mtime_ns, stat.st_size)


def load_level(options: dict) -> tuple[Level, LevelFileRef | None, str]:
    """The level named by reset options (``level`` text, or ``level_file`` and ``level_index``),
    its task reference (None for a text level, which names no task) and its source."""
    if options.get("level") is not None:
        return parse_level(options["level"]), None, "given"
    path, index = options["level_file"], options.get("level_index", 0)
    levels = read_level_file(path)
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(levels):
        raise LevelError(
            f"level_index must be an integer in 0..{len(levels) - 1} for {str(path)!r}, "
            f"got {index!r}"
        )
    return levels[index], LevelFileRef(os.fspath(path), index), "file"
