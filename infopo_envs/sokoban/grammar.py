"""Sokoban's action syntax: one or more moves per turn, e.g. ``Up``, ``Left || Left || Down``.

Moves are the words up, down, left and right in any case, separated by ``||``, commas,
semicolons or spaces, optionally after an ``[action]`` tag. Any other word invalidates the
whole turn, so nothing moves on a half-understood action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from infopo_envs.core.actions import InvalidAction, ParsedAction, as_text, echo
from infopo_envs.sokoban.level import DIRECTION_NAMES

MOVE_TAG = "move"
_DIRECTIONS = {name: d for d, name in enumerate(DIRECTION_NAMES)}
_TAG = re.compile(r"\s*\[\s*action\s*\]", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s,;|]+")


@dataclass(frozen=True)
class MoveAction(ParsedAction):
    """A well-formed turn: the moves in order, as direction indices."""

    directions: tuple[int, ...] = ()


def _move_action(directions: tuple[int, ...]) -> MoveAction:
    body = " || ".join(DIRECTION_NAMES[d].capitalize() for d in directions)
    return MoveAction(MOVE_TAG, body, directions=directions)


_SINGLE = {name: _move_action((d,)) for name, d in _DIRECTIONS.items()}


class MoveGrammar:
    """Parses a turn into ``MoveAction``; at most ``max_moves`` moves per turn."""

    def __init__(self, max_moves: int):
        if max_moves < 1:
            raise ValueError(f"max_moves must be at least 1, got {max_moves}")
        self.max_moves = int(max_moves)

    def parse(self, action: object) -> ParsedAction | InvalidAction:
        text = as_text(action)
        if isinstance(text, InvalidAction):
            return text
        single = _SINGLE.get(text.strip().lower())
        if single is not None:
            return single
        tag = _TAG.match(text)
        body = text[tag.end() :] if tag else text
        tokens = _TOKEN.findall(body)
        if not tokens:
            return InvalidAction("The action is empty: write at least one move, e.g. Up.")
        directions = []
        for token in tokens:
            d = _DIRECTIONS.get(token.lower())
            if d is None:
                return InvalidAction(
                    f"Unknown move {echo(token)}: the moves are Up, Down, Left and Right. "
                    "Nothing moved."
                )
            directions.append(d)
        if len(directions) > self.max_moves:
            return InvalidAction(
                f"{len(directions)} moves in one turn; at most {self.max_moves} are allowed. "
                "Nothing moved."
            )
        return _move_action(tuple(directions))

    def describe(self) -> str:
        count = "1 move" if self.max_moves == 1 else f"1 to {self.max_moves} moves"
        return (
            f"Write {count} per turn: Up, Down, Left or Right (any case), "
            "separated by '||' or commas, optionally after [action]; for example: Up  or  "
            "Left || Left || Down  or  [action] up, right. A turn with any other word is "
            "invalid and nothing moves."
        )
