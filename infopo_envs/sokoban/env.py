"""InfoPO/Sokoban-v0 and InfoPO/Sokoban8x8-v0: push every box onto a target, playing in text."""

from __future__ import annotations

from typing import Any

from infopo_envs.core import Feedback, InfoPOEnv, Score, TaskRef, rng_for
from infopo_envs.sokoban.board import BLOCKED, Board
from infopo_envs.sokoban.grammar import MoveAction, MoveGrammar
from infopo_envs.sokoban.level import DIRECTION_NAMES, LEGEND, Level, load_level
from infopo_envs.sokoban.solver import DEFAULT_MAX_STATES, SearchLimitError, solve
from infopo_envs.sokoban.tasks import DEFAULT_SEARCH_DEPTH, TIERS, generate_in_range, tier_of

#: Rewards in tenths (gym-sokoban's constants), so that sums stay exact decimals.
MOVE_TENTHS, BOX_ON_TENTHS, BOX_OFF_TENTHS, SOLVED_TENTHS = -1, 10, -10, 100
SAMPLE_TURNS = ("Up || Up", "Left || Down", "[action] right, right, down")
#: RAGEN's Sokoban budget: 10 actions per trajectory, at most 5 per turn.
DEFAULT_MAX_ACTIONS = 10
DEFAULT_MOVES_PER_TURN = 5
DEFAULT_TIER = "easy"


class SokobanEnv(InfoPOEnv):
    """Sokoban in text: generated rooms that are always solvable, with gym-sokoban's rewards.

    ## Description
    The player pushes boxes onto targets in a walled room. Rooms are generated as gym-sokoban
    does (a random-walk topology, boxes placed on targets, then reverse play that pulls them
    off, keeping the best-scoring position as the start), so every generated level is
    solvable; a breadth-first solver gives its optimal solution length. Generated tasks come
    from one difficulty ``tier`` of optimal lengths (rooms are drawn until one falls in it), and
    an episode has an action budget as in RAGEN. Levels can also be given as text or loaded
    from a (multi-level, Boxoban) file. Feedback comes from the env itself.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters): one to ``max_moves_per_turn`` (5) moves per
    turn, each ``Up``, ``Down``, ``Left`` or ``Right`` in any case, separated by ``||``, commas
    or spaces, optionally after ``[action]``: ``Up``, ``Left || Left || Down``,
    ``[action] up, right``. A turn with any other word is invalid: nothing moves.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the rules, the legend (``#`` wall, ``_``
    floor, ``O`` target, ``X`` box, ``√`` box on target, ``P`` player, ``S`` player on target),
    the action grammar, the move budget and the grid, one character per cell. ``step`` returns
    the grid after the turn's moves, a line naming the moves that changed nothing, the moves
    left, and a line when the level is solved or the budget is spent; an invalid turn returns
    the reason and the grammar.

    ## Rewards
    Per move: -0.1, plus 1 for pushing a box onto a target, -1 for pushing one off a target and
    10 when every box is on a target (gym-sokoban's constants); a turn's reward is the sum over
    its moves. A move into a wall, a box against a wall or two boxes in a row changes nothing
    and still costs 0.1 and one move of the budget. An invalid turn gets
    ``invalid_action_reward`` (default -0.1) and costs no move. ``info["outcome"]`` is 1.0 if
    the level was solved, else 0.0; ``info["success"]`` the same as a bool.

    ## Starting State
    A room generated from the task's seed, with an optimal solution length in ``tier``:
    ``options={"task_id": "test-0003"}`` picks a task, ``options={"split": "test"}`` draws
    from the fixed 100-task test split, otherwise from the train split. ``options={"level":
    text}`` plays a given level instead (``info["task_id"]`` is then None), and
    ``options={"level_file": path, "level_index": i}`` the ``i``-th level of a level file
    (``info["task_id"]`` is ``"<path>#<i>"``); a malformed level raises ``LevelError``, a
    ``ValueError`` naming the problem.

    ## Episode End
    Terminates when every box is on a target (moves after that in the same turn are ignored)
    or when the action budget ``max_actions`` is spent (moves beyond it are ignored; the moves
    left are part of every observation, so the end is part of the game); truncates after
    ``max_turns`` turns (default 50, reached only with invalid turns).

    ## Information
    Every info has ``turn``, ``task_id``, ``feedback_source`` (always ``env``),
    ``action_valid``, ``placeholder``, ``boxes_on_target``, ``num_boxes``, ``moves_made``,
    ``moves_left``, ``optimal_moves`` (the shortest solution from the start, None when a given
    level is unsolvable or too large to solve within ``solver_max_states``), ``difficulty``
    (the tier of ``optimal_moves``: ``trivial`` 1-4, ``easy`` 5-9, ``medium`` 10-19, ``hard``
    20 or more, ``unknown``) and ``level_source`` (``generated``, ``given`` or ``file``); a
    valid step also ``moves_applied``; the last step ``outcome`` and ``success``.

    ## Arguments
    ``gym.make("InfoPO/Sokoban-v0", dim_room=(6, 6), num_boxes=1, tier="easy",
    max_actions=10, max_turns=50, max_moves_per_turn=5, walk_steps=None, search_depth=300,
    solver_max_states=200000, invalid_action_reward=-0.1)``. ``InfoPO/Sokoban8x8-v0`` is the
    same with ``dim_room=(8, 8)``, ``num_boxes=2``, ``tier="medium"`` and ``max_actions=20``.
    ``tier`` is a name of ``generator.TIERS`` or None (any length); lengths over
    ``max_actions`` are never drawn. ``max_actions`` is RAGEN's ``max_actions_per_traj``
    (10) and ``max_moves_per_turn`` its ``max_actions_per_turn`` (5); ``walk_steps`` is the
    topology walk's length (gym-sokoban's ``num_gen_steps``, default ``int(1.7 * (height +
    width))``); ``search_depth`` bounds the reverse play (gym-sokoban's 300).

    ## Version History
    - v0: initial release; generated tasks drawn from a difficulty tier, with an action
      budget; level files.
    """

    env_name = "Sokoban"
    default_max_turns = 50
    test_size = 100

    def __init__(
        self,
        dim_room: tuple[int, int] = (6, 6),
        num_boxes: int = 1,
        *,
        tier: str | None = DEFAULT_TIER,
        max_actions: int = DEFAULT_MAX_ACTIONS,
        max_moves_per_turn: int = DEFAULT_MOVES_PER_TURN,
        walk_steps: int | None = None,
        search_depth: int = DEFAULT_SEARCH_DEPTH,
        solver_max_states: int = DEFAULT_MAX_STATES,
        invalid_action_reward: float = -0.1,
        **kwargs: Any,
    ):
        super().__init__(invalid_action_reward=invalid_action_reward, **kwargs)
        self.height, self.width = (int(side) for side in dim_room)
        self.num_boxes = int(num_boxes)
        self.max_actions = int(max_actions)
        if self.max_actions < 1:
            raise ValueError(f"max_actions must be at least 1, got {max_actions}")
        if tier is not None and tier not in TIERS:
            raise ValueError(f"tier must be one of {sorted(TIERS)} or None, got {tier!r}")
        self.tier = tier
        shortest, longest = TIERS[tier] if tier else (1, None)
        self.optimal_range = (shortest, min(longest or self.max_actions, self.max_actions))
        if shortest > self.max_actions:
            raise ValueError(
                f"tier {tier!r} needs at least {shortest} moves, over max_actions={max_actions}"
            )
        self.walk_steps = walk_steps
        self.search_depth = int(search_depth)
        self.solver_max_states = int(solver_max_states)
        self.grammar = MoveGrammar(max_moves_per_turn)

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        if options.get("level") is not None or options.get("level_file") is not None:
            self.level, self.task_ref, self.level_source = load_level(options)
            self.optimal_moves = self._solution_length(self.level)
        else:
            rng = rng_for(self.env_name, task.split, task.index)
            generated = generate_in_range(
                rng,
                self.height,
                self.width,
                self.num_boxes,
                *self.optimal_range,
                self.walk_steps,
                self.search_depth,
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
            f"You have {self.max_actions} moves in all; the game ends when they are spent.\n"
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
        for direction in action.directions[: self.max_actions - self.moves_made]:
            outcome, delta = board.move(direction)
            applied += 1
            tenths += MOVE_TENTHS + (BOX_ON_TENTHS if delta > 0 else BOX_OFF_TENTHS if delta else 0)
            if outcome == BLOCKED:
                blocked.append(DIRECTION_NAMES[direction].capitalize())
            if board.solved:
                tenths += SOLVED_TENTHS
                break
        self.moves_made += applied
        left = self.max_actions - self.moves_made
        text = board.text()
        if blocked:
            text += f"\nMoves that changed nothing: {', '.join(blocked)}."
        if board.solved:
            text += "\nSolved: every box is on a target."
        elif left == 0:
            ignored = len(action.directions) - applied
            extra = f" ({ignored} moves of this turn ignored)" if ignored else ""
            text += f"\nOut of moves{extra}: the game is over."
        else:
            text += f"\nMoves left: {left}."
        return Feedback(
            text,
            tenths / 10,
            source="env",
            terminated=board.solved or left == 0,
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
            "moves_left": self.max_actions - self.moves_made,
            "optimal_moves": self.optimal_moves,
            "difficulty": tier_of(self.optimal_moves),
            "level_source": self.level_source,
        }

    def candidate_actions(self) -> list[str]:
        """Single moves and a few multi-move turns (for random baselines), within the move cap."""
        turns = [name.capitalize() for name in DIRECTION_NAMES] + list(SAMPLE_TURNS)
        return [turn for turn in turns if isinstance(self.grammar.parse(turn), MoveAction)]
