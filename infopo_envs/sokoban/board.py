"""The position being played: Sokoban's transition rule and an incrementally updated text grid.

A move changes at most three cells, so the board keeps the rendered characters in a list and
rewrites only those; ``text()`` is then a single join. This is what keeps a step cheap.
"""

from __future__ import annotations

from infopo_envs.sokoban.level import (
    BOX,
    BOX_ON_TARGET,
    FLOOR,
    PLAYER,
    PLAYER_ON_TARGET,
    TARGET,
    Level,
)

BLOCKED, WALKED, PUSHED = 0, 1, 2
#: is_target + 2 * has_box + 4 * has_player -> character.
_CHARS = (FLOOR, TARGET, BOX, BOX_ON_TARGET, PLAYER, PLAYER_ON_TARGET)


class Board:
    """Player, boxes and targets of one level; ``move`` applies Sokoban's rules."""

    def __init__(self, level: Level):
        self.level = level
        self.neighbours = level.neighbours
        size = level.height * level.width
        self.is_target = bytearray(size)
        for t in level.targets:
            self.is_target[t] = 1
        self.has_box = bytearray(size)
        for b in level.boxes:
            self.has_box[b] = 1
        self.player = level.player
        self.boxes_on_target = sum(self.is_target[b] for b in level.boxes)
        self.num_boxes = len(level.boxes)
        width = level.width
        #: cell -> index of its character in ``chars`` (each row is followed by a newline).
        self._slot = [cell + cell // width for cell in range(size)]
        self.chars = list(level.render())

    @property
    def solved(self) -> bool:
        return self.boxes_on_target == self.num_boxes

    def move(self, direction: int) -> tuple[int, int]:
        """Move the player one cell; returns (BLOCKED/WALKED/PUSHED, change in boxes on target).

        The player walks onto free floor or pushes one box onto the free floor behind it; walls,
        a box against a wall and two boxes in a row block the move (nothing changes).
        """
        table = self.neighbours[direction]
        p = self.player
        q = table[p]
        if q < 0:
            return BLOCKED, 0
        has_box = self.has_box
        if not has_box[q]:
            self.player = q
            self._draw(p)
            self._draw(q)
            return WALKED, 0
        beyond = table[q]
        if beyond < 0 or has_box[beyond]:
            return BLOCKED, 0
        has_box[q] = 0
        has_box[beyond] = 1
        delta = self.is_target[beyond] - self.is_target[q]
        self.boxes_on_target += delta
        self.player = q
        self._draw(p)
        self._draw(q)
        self._draw(beyond)
        return PUSHED, delta

    def text(self) -> str:
        return "".join(self.chars)

    def boxes(self) -> tuple[int, ...]:
        return tuple(cell for cell, box in enumerate(self.has_box) if box)

    def position(self) -> Level:
        """The current position as a level (for solvers and saving)."""
        return self.level.with_state(self.boxes(), self.player)

    def _draw(self, cell: int) -> None:
        code = self.is_target[cell] + 2 * self.has_box[cell] + 4 * (cell == self.player)
        self.chars[self._slot[cell]] = _CHARS[code]
