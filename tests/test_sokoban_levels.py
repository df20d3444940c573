"""Loading Sokoban levels from text (this env's format and Boxoban's), errors, and the solver."""

from __future__ import annotations

import pytest

from infopo_envs.sokoban import LevelError, SokobanEnv, parse_level, parse_levels, read_level_file
from infopo_envs.sokoban.solver import SearchLimitError, solve

BOXOBAN = """; 0
##########
##########
##########
#######  #
######## #
#   $.@# #
#  $   # #
# .# # $.#
#   .$   #
##########
"""

OWN_FORMAT = "######\n#P___#\n#_X√_#\n#__O_#\n######"


def test_boxoban_level_loads_and_renders_in_the_env_format():
    level = parse_level(BOXOBAN)
    assert (level.height, level.width) == (10, 10)
    assert len(level.boxes) == len(level.targets) == 4
    assert level.player == 5 * 10 + 6
    text = level.render()
    assert text.splitlines()[5] == "#___XOP#_#"
    assert parse_level(text) == level


def test_boxoban_player_and_box_on_target():
    level = parse_level("#####\n#+*$#\n#   #\n#####")
    assert level.render() == "#####\n#S√X#\n#___#\n#####"
    assert level.targets == (6, 7) and level.boxes == (7, 8) and level.player == 6


def test_own_format_round_trips_through_reset():
    env = SokobanEnv()
    opening, info = env.reset(options={"level": OWN_FORMAT})
    assert opening.endswith(OWN_FORMAT)
    assert info["level_source"] == "given"
    assert info["boxes_on_target"] == 1 and info["num_boxes"] == 2
    assert info["optimal_moves"] == len(solve(parse_level(OWN_FORMAT)))


def test_ragged_rows_are_padded_with_walls_and_blank_edges_skipped():
    level = parse_level("\n\n####\n#@$.#\n####\n\n")
    assert (level.height, level.width) == (3, 5)
    assert level.render() == "#####\n#PXO#\n#####"


def test_solved_plan_from_a_given_level_reaches_outcome_one():
    env = SokobanEnv(max_moves_per_turn=3, max_actions=200)
    env.reset(options={"level": BOXOBAN})
    moves = solve(env.level)
    names = ["Up", "Down", "Left", "Right"]
    info = {}
    for start in range(0, len(moves), 3):
        turn = " || ".join(names[d] for d in moves[start : start + 3])
        _, _, terminated, _, info = env.step(turn)
    assert terminated and info["outcome"] == 1.0
    assert len(moves) == info["optimal_moves"]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "empty"),
        ("\n  \n", "empty"),
        ("####\n#P?O#\n####", "unknown character '?' at row 2, column 3"),
        ("####\n#_XO#\n####", "exactly one player, found 0"),
        ("#####\n#PXOP#\n#####", "exactly one player, found 2"),
        ("#####\n#PXXO#\n#####", "2 boxes but 1 targets"),
        ("####\n#P_#\n####", "no boxes"),
        ("####\n#P√#\n####", "already on a target"),
        ("#" * 65, "at most 64x64"),
        (None, "must be text, got NoneType"),
        (["#P$.#"], "must be text, got list"),
    ],
)
def test_malformed_levels_name_the_problem(text, problem):
    with pytest.raises(LevelError, match=problem.replace("?", r"\?")):
        parse_level(text)


def test_reset_with_a_malformed_level_raises_a_value_error():
    env = SokobanEnv()
    with pytest.raises(ValueError, match="no boxes"):
        env.reset(options={"level": "####\n#P_#\n####"})


def test_unsolvable_level_has_no_plan_and_no_optimal_length():
    dead = "#####\n#X__#\n#_P_#\n#__O#\n#####"  # the box is stuck in a corner
    assert solve(parse_level(dead)) is None
    env = SokobanEnv()
    _, info = env.reset(options={"level": dead})
    assert info["optimal_moves"] is None and info["difficulty"] == "unknown"


def test_solver_budget_is_enforced():
    with pytest.raises(SearchLimitError):
        solve(parse_level(BOXOBAN), max_states=50)
    env = SokobanEnv(solver_max_states=50)
    _, info = env.reset(options={"level": BOXOBAN})
    assert info["optimal_moves"] is None


BOXOBAN_FILE = """; 0
#####
#@$.#
#####

; 1
######
#@ $.#
######
; 2
#######
#. $ @#
#######
"""


def test_multi_level_boxoban_file_loads_every_level_in_order(tmp_path):
    path = tmp_path / "000.txt"
    path.write_text(BOXOBAN_FILE)
    levels = parse_levels(BOXOBAN_FILE)
    assert [level.width for level in levels] == [5, 6, 7]
    assert read_level_file(path) == tuple(levels)
    env = SokobanEnv()
    _, info = env.reset(options={"level_file": str(path), "level_index": 2})
    assert info["task_id"] == f"{path}#2" and info["level_source"] == "file"
    assert env.level == levels[2] and info["optimal_moves"] == 3
    _, _, terminated, _, info = env.step("Left || Left || Left")
    assert terminated and info["outcome"] == 1.0 and info["task_id"] == f"{path}#2"


def test_level_files_without_headers_split_on_blank_lines():
    levels = parse_levels("#####\n#@$.#\n#####\n\n\n######\n#@ $.#\n######\n")
    assert [level.width for level in levels] == [5, 6]


def test_a_multi_level_text_is_not_read_as_one_level():
    with pytest.raises(LevelError, match="holds 3 levels"):
        parse_level(BOXOBAN_FILE)


def test_bad_level_files_and_indices_name_the_problem(tmp_path):
    path = tmp_path / "levels.txt"
    path.write_text(BOXOBAN_FILE.replace("#@ $.#", "#@ ?.#"))
    with pytest.raises(LevelError, match="level 1 of the file: unknown character '\\?'"):
        read_level_file(path)
    with pytest.raises(LevelError, match="cannot read the level file"):
        read_level_file(tmp_path / "missing.txt")
    path.write_text(BOXOBAN_FILE)
    env = SokobanEnv()
    for index in (3, -1, "0", True):
        with pytest.raises(LevelError, match=r"level_index must be an integer in 0\.\.2"):
            env.reset(options={"level_file": str(path), "level_index": index})


def test_tabs_expand_to_eight_column_stops():
    level = parse_level("\t#####\n\t#@$.#\n\t#####")
    assert level.width == 13 and level.render().splitlines()[1] == "________#PXO#"
    assert len(solve(level)) == 1


def test_a_given_level_names_no_task():
    env = SokobanEnv()
    _, info = env.reset(seed=3, options={"level": OWN_FORMAT})
    assert info["task_id"] is None
    _, _, _, _, info = env.step("Down")
    assert info["task_id"] is None
