"""Sokoban's transition rules, rewards and action syntax, on small hand-written levels."""

from __future__ import annotations

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core import InvalidAction
from infopo_envs.sokoban import SokobanEnv
from infopo_envs.sokoban.grammar import MoveAction, MoveGrammar

CORRIDOR = """
#######
#P_X_O#
#######
"""


def play(level: str, **kwargs) -> SokobanEnv:
    env = SokobanEnv(**kwargs)
    env.reset(seed=0, options={"level": level})
    return env


def grid(env: SokobanEnv) -> str:
    return env.board.text()


def test_walls_block_and_the_move_still_costs():
    env = play(CORRIDOR)
    before = grid(env)
    text, reward, terminated, truncated, info = env.step("Up")
    assert reward == -0.1 and info["action_valid"] is True
    assert grid(env) == before
    assert "changed nothing: Up" in text
    assert not terminated and not truncated


def test_walking_and_pushing_a_box_onto_a_target():
    env = play(CORRIDOR)
    text, reward, *_ = env.step("Right")
    assert reward == -0.1
    assert text.splitlines()[1] == "#_PX_O#"
    text, reward, terminated, _, info = env.step("Right || Right")
    # two moves: -0.2; the box reaches the target (+1) and the level is solved (+10)
    assert reward == pytest.approx(10.8)
    assert terminated and info["outcome"] == 1.0 and info["success"] is True
    assert text.splitlines()[1] == "#___P√#"
    assert info["boxes_on_target"] == 1 and info["moves_made"] == 3


def test_moves_after_solving_in_the_same_turn_are_ignored():
    env = play(CORRIDOR)
    _, reward, terminated, _, info = env.step("Right, Right, Right, Left, Left")
    assert terminated
    assert info["moves_applied"] == 3
    assert reward == pytest.approx(-0.3 + 1 + 10)


def test_two_boxes_in_a_row_cannot_be_pushed():
    env = play("########\n#P XX..#\n########")
    env.step("Right")
    before = grid(env)
    _, reward, *_ = env.step("Right")
    assert grid(env) == before
    assert reward == -0.1


def test_a_box_against_a_wall_cannot_be_pushed():
    env = play("#####\n#.PX#\n#   #\n#####")
    before = grid(env)
    _, reward, *_ = env.step("right")
    assert grid(env) == before and reward == -0.1


def test_pushing_a_box_off_a_target_costs_one():
    env = play("######\n#P*_.#\n#_$__#\n######")
    text, reward, terminated, _, info = env.step("Right")
    assert reward == pytest.approx(-1.1)
    assert text.splitlines()[1] == "#_SXO#"
    assert info["boxes_on_target"] == 0 and not terminated
    _, reward, *_ = env.step("Right")
    assert reward == pytest.approx(0.9)  # and back onto the other target


def test_player_on_target_is_drawn_and_leaves_the_target_behind():
    env = play("#####\n#P._#\n#$__#\n#___#\n#####")
    text, *_ = env.step("Right")
    assert text.splitlines()[1] == "#_S_#"
    text, *_ = env.step("Right")
    assert text.splitlines()[1] == "#_OP#"


def test_the_grid_edge_counts_as_a_wall():
    env = play("P$.")
    _, reward, *_ = env.step("Left")
    assert reward == -0.1 and grid(env) == "PXO"
    _, reward, terminated, *_ = env.step("Right")
    assert terminated and grid(env) == "_P√"


def test_invalid_token_invalidates_the_whole_turn():
    env = play(CORRIDOR)
    before = grid(env)
    text, reward, terminated, _, info = env.step("Right || jump || Right")
    assert info["action_valid"] is False and reward == -0.1
    assert "'jump'" in text and grid(env) == before and info["moves_made"] == 0
    assert not terminated


def test_format_penalty_and_move_cap_are_configurable():
    env = play(CORRIDOR, invalid_action_reward=-0.5, max_moves_per_turn=2)
    text, reward, _, _, info = env.step("Right Right Right")
    assert reward == -0.5 and info["action_valid"] is False
    assert "at most 2" in text
    assert all(len(env.grammar.parse(a).directions) <= 2 for a in env.candidate_actions())


@pytest.mark.parametrize(
    "text, moves",
    [
        ("Up", (0,)),
        ("  dOwN \n", (1,)),
        ("Left || Left || Down", (2, 2, 1)),
        ("[action] up, right", (0, 3)),
        ("[ACTION]right;left", (3, 2)),
        ("up right", (0, 3)),
        (b"Up", (0,)),
    ],
)
def test_grammar_reads_the_documented_forms(text, moves):
    parsed = MoveGrammar(10).parse(text)
    assert isinstance(parsed, MoveAction) and parsed.directions == moves


@pytest.mark.parametrize(
    "text", ["", "   ", "||", "[action]", "north", "Up || sideways", "[answer] up", 3, b"\xff"]
)
def test_grammar_rejects_everything_else(text):
    parsed = MoveGrammar(10).parse(text)
    assert isinstance(parsed, InvalidAction) and parsed.reason


def test_episode_truncates_at_max_turns():
    env = play(CORRIDOR, max_turns=2)
    env.step("Left")
    _, _, terminated, truncated, info = env.step("Left")
    assert truncated and not terminated
    assert info["outcome"] == 0.0 and info["success"] is False


def test_opening_states_rules_legend_grammar_and_grid():
    env = SokobanEnv()
    opening, info = env.reset(seed=3)
    assert "Legend:" in opening and "Left || Left || Down" in opening and "-0.1" in opening
    assert opening.endswith(env.board.text())
    assert info["level_source"] == "generated" and info["optimal_moves"] >= 1
    assert info["difficulty"] in {"easy", "medium", "hard"}


@pytest.mark.parametrize("env_id", ["InfoPO/Sokoban-v0", "InfoPO/Sokoban8x8-v0"])
def test_check_env(env_id):
    check_env(gym.make(env_id).unwrapped)
