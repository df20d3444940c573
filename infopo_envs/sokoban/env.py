"""InfoPO/Sokoban-v0 and InfoPO/Sokoban8x8-v0: push every box onto a target, playing in text."""

from __future__ import annotations

from typing import Any

from infopo_envs.core import Feedback, InfoPOEnv, Score, TaskRef, rng_for
from infopo_envs.sokoban.board import BLOCKED, Board
from infopo_envs.sokoban.generator import DEFAULT_SEARCH_DEPTH, generate_level
from infopo_envs.sokoban.grammar import MoveAction, MoveGrammar
from infopo_envs.sokoban.level import DIRECTION_NAMES, LEGEND, Level, parse_level
from infopo_envs.sokoban.solver import DEFAULT_MAX_STATES, SearchLimitError, solve

#: Rewards in tenths (gym-sokoban's constants), so that sums stay exact decimals.
MOVE_TENTHS, BOX_ON_TENTHS, BOX_OFF_TENTHS, SOLVED_TENTHS = -1, 10, -10, 100
#: Upper bounds of optimal solution length (moves) for the difficulty buckets; longer is "hard".
DIFFICULTY_BUCKETS = ((10, "easy"), (20, "medium"))
SAMPLE_TURNS = ("Up || Up", "Left || Down", "[action] right, right, down")


def difficulty(optimal_moves: int | None) -> str:
    """The bucket of a level by its optimal solution length; "unknown" when it is not known."""
    if optimal_moves is None:
        return "unknown"
    for bound, name in DIFFICULTY_BUCKETS:
        if optimal_moves <= bound:
            return name
    return "hard"


class SokobanEnv(InfoPOEnv):
    """Sokoban in text: generated rooms that are always solvable, with gym-sokoban's rewards.

    ## Description
    The player pushes boxes onto targets in a walled room. Rooms are generated as gym-sokoban
    does (a random-walk topology, boxes placed on targets, then reverse play that pulls them
    off, keeping the best-scoring position as the start), so every generated level is
    solvable; a breadth-first solver gives its optimal solution length. Levels can also be
    given as text, in this env's format or Boxoban's. Feedback comes from the env itself.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters): one to ``max_moves_per_turn`` moves per
    turn, each ``Up``, ``Down``, ``Left`` or ``Right`` in any case, separated by ``||``, commas
    or spaces, optionally after ``[action]``: ``Up``, ``Left || Left || Down``,
    ``[action] up, right``. A turn with any other word is invalid: nothing moves.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the rules, the legend (``#`` wall, ``_``
    floor, ``O`` target, ``X`` box, ``√`` box on target, ``P`` player, ``S`` player on target),
    the action grammar and the grid, one character per cell. ``step`` returns the grid after
    the turn's moves, plus a line naming the moves that changed nothing and a line when the
    level is solved; an invalid turn returns the reason and the grammar.

    ## Rewards
    Per move: -0.1, plus 1 for pushing a box onto a target, -1 for pushing one off a target and
    10 when every box is on a target (gym-sokoban's constants); a turn's reward is the sum over
    its moves. A move into a wall, a box against a wall or two boxes in a row changes nothing
    and still costs 0.1. An invalid turn gets ``invalid_action_reward`` (default -0.1).
    ``info["outcome"]`` is 1.0 if the level was solved, else 0.0; ``info["success"]`` the same
    as a bool.

    ## Starting State
    A room generated from the task's seed: ``options={"task_id": "test-0003"}`` picks a task,
    ``options={"split": "test"}`` draws from the fixed 100-task test split, otherwise from the
    train split. ``options={"level": text}`` plays a given level instead (a malformed level
    raises ``LevelError``, a ``ValueError`` naming the problem); ``task_id`` then names no task.

    ## Episode End
    Terminates when every box is on a target (moves after that in the same turn are ignored);
    truncates after ``max_turns`` turns (default 50).

    ## Information
    Every info has ``turn``, ``task_id``, ``feedback_source`` (always ``env``),
    ``action_valid``, ``placeholder``, ``boxes_on_target``, ``num_boxes``, ``moves_made``,
    ``optimal_moves`` (the shortest solution from the start, None when a given level is unsolvable
    or too large to solve within ``solver_max_states``), ``difficulty`` (``easy`` up to 10
    optimal moves, ``medium`` up to 20, ``hard`` beyond) and ``level_source`` (``generated`` or
    ``given``); a valid step also ``moves_applied``; the last step ``outcome`` and ``success``.

    ## Arguments
    ``gym.make("InfoPO/Sokoban-v0", dim_room=(6, 6), num_boxes=1, max_turns=50,
    max_moves_per_turn=10, walk_steps=None, search_depth=300, solver_max_states=200000,
    invalid_action_reward=-0.1)``. ``InfoPO/Sokoban8x8-v0`` is the same with ``dim_room=(8, 8)``
    and ``num_boxes=2``. ``walk_steps`` is the topology walk's length (gym-sokoban's
    ``num_gen_steps``, default ``int(1.7 * (height + width))``); ``search_depth`` bounds the
    reverse play (gym-sokoban's 300); ``max_turns`` plays the part of gym-sokoban's
    ``max_steps``.

    ## Version History
    - v0: initial release.
    """

    env_name = "Sokoban"
    default_max_turns = 50
    test_size = 100

    def __init__(
        self,
        dim_room: tuple[int, int] = (6, 6),
        num_boxes: int = 1,
        *,
        max_moves_per_turn: int = 10,
        walk_steps: int | None = None,
        search_depth: int = DEFAULT_SEARCH_DEPTH,
        solver_max_states: int = DEFAULT_MAX_STATES,
        invalid_action_reward: float = -0.1,
        **kwargs: Any,
    ):
        super().__init__(invalid_action_reward=invalid_action_reward, **kwargs)
        self.height, self.width = (int(side) for side in dim_room)
        self.num_boxes = int(num_boxes)
        self.walk_steps = walk_steps
        self.search_depth = int(search_depth)
        self.solver_max_states = int(solver_max_states)
        self.grammar = MoveGrammar(max_moves_per_turn)

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        if options.get("level") is not None:
            self.level = parse_level(options["level"])
            self.optimal_moves = self._solution_length(self.level)
            self.level_source = "given"
        else:
            rng = rng_for(self.env_name, task.split, task.index)
            generated = generate_level(
                rng, self.height, self.width, self.num_boxes, self.walk_steps, self.search_depth
            )
            self.level, self.optimal_moves = generated.level, generated.optimal_moves
            self.level_source = "generated"
        self.board = Board(self.level)
        self.moves_made = 0
        return (
            f"You are playing Sokoban in a room of {self.level.height} rows and "
            f"{self.level.width} columns. Push every box onto a target.\n"
            "Rules: each move takes you one square up, down, left or right. Walking into a box "
            "pushes it one square if the square behind it is free floor or a target; you cannot "
            "pull boxes, push two boxes at once or walk through walls.\n"
            "Rewards: -0.1 per move, +1 for pushing a box onto a target, -1 for pushing one off, "
            "+10 when every box is on a target.\n"
            f"Legend: {LEGEND}.\n"
            f"{self.instructions_footer()}\n\n{self.board.text()}"
        )

    def _solution_length(self, level: Level) -> int | None:
        try:
            plan = solve(level, self.solver_max_states)
        except SearchLimitError:
            return None
        return None if plan is None else len(plan)

    # ---- one turn ------------------------------------------------------------------------------
    def _act(self, action: MoveAction) -> Feedback:  # the grammar only yields MoveAction
        board = self.board
        tenths, applied, blocked = 0, 0, []
        for direction in action.directions:
            outcome, delta = board.move(direction)
            applied += 1
            tenths += MOVE_TENTHS + (BOX_ON_TENTHS if delta > 0 else BOX_OFF_TENTHS if delta else 0)
            if outcome == BLOCKED:
                blocked.append(DIRECTION_NAMES[direction].capitalize())
            if board.solved:
                tenths += SOLVED_TENTHS
                break
        self.moves_made += applied
        text = board.text()
        if blocked:
            text += f"\nMoves that changed nothing: {', '.join(blocked)}."
        if board.solved:
            text += "\nSolved: every box is on a target."
        return Feedback(
            text,
            tenths / 10,
            source="env",
            terminated=board.solved,
            info={"moves_applied": applied},
        )

    # ---- scoring and info ----------------------------------------------------------------------
    def _score(self) -> Score:
        solved = self.board.solved
        return Score(1.0 if solved else 0.0, solved)

    def _episode_info(self) -> dict[str, Any]:
        return {
            "boxes_on_target": self.board.boxes_on_target,
            "num_boxes": self.board.num_boxes,
            "moves_made": self.moves_made,
            "optimal_moves": self.optimal_moves,
            "difficulty": difficulty(self.optimal_moves),
            "level_source": self.level_source,
        }

    def candidate_actions(self) -> list[str]:
        """Single moves and a few multi-move turns (for random baselines), within the move cap."""
        turns = [name.capitalize() for name in DIRECTION_NAMES] + list(SAMPLE_TURNS)
        return [turn for turn in turns if isinstance(self.grammar.parse(turn), MoveAction)]
