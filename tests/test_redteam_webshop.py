"""WebShop's red team: shoppers that buy without finding the goal stay below the bars.

WebShop's reward is graded (each right attribute, option and the price earn their share), so a
purchase of the right kind of product earns part of the reward by design; the bars are on
success (reward 1.0), and the credit itself is checked term by term: a wrong option or a
look-alike never counts as the right one.
"""

from __future__ import annotations

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core.agents import run_episode
from infopo_envs.core.redteam import evaluate
from infopo_envs.webshop.redteam import CHEATERS

SHOP, INTENT = "InfoPO/WebShop-v0", "InfoPO/WebShopIntent-v0"
#: The rule baseline may win where an instruction happens to copy its target's words (WebShop's
#: paper: about 10% for its rule baseline); everything else must almost never win.
BARS = {"verbatim_search": 0.20}
DEFAULT_BAR = 0.05
TASKS = 100

CASES = [(env_id, name) for env_id, agents in CHEATERS.items() for name in agents]


@pytest.mark.parametrize(("env_id", "name"), CASES)
def test_cheater_succeeds_at_most_its_bar(env_id, name):
    result = evaluate(env_id, CHEATERS[env_id][name], name=name, tasks=TASKS)
    assert result.success_rate <= BARS.get(name, DEFAULT_BAR), result


@pytest.mark.parametrize("env_id", sorted(CHEATERS))
def test_oracle_wins_every_test_goal(env_id):
    result = evaluate(env_id, None, tasks=TASKS)
    assert result.success_rate == 1.0 and result.mean_outcome == 1.0, result


@pytest.mark.parametrize("name", ["wrong_options", "near_options", "verbatim_search"])
def test_an_option_is_credited_only_for_the_goal_value(name):
    env = gym.make(SHOP)
    wrong_seen = 0
    for index in range(TASKS):
        result = run_episode(
            env, CHEATERS[SHOP][name](), seed=index, options={"task_id": f"test-{index:04d}"}
        )
        purchase = result.transcript["turns"][-1]["info"]["purchase"]
        chosen = env.unwrapped.page.chosen_options()
        goal = dict(env.unwrapped.goal.options)
        for option, credited in purchase["options"].items():
            assert credited == (chosen.get(option) == goal[option]), (result.task_id, option)
            wrong_seen += option in chosen and chosen[option] != goal[option]
    if name != "verbatim_search":
        assert wrong_seen >= 50


def test_asking_without_buying_scores_nothing_and_questions_stay_bounded():
    env = gym.make(INTENT)
    budget = env.unwrapped.elicit_total
    for index in range(TASKS):
        result = run_episode(
            env,
            CHEATERS[INTENT]["ask_only"](),
            seed=index,
            options={"task_id": f"test-{index:04d}"},
        )
        assert result.outcome == 0.0 and not result.success
        assert 0.0 < result.total_reward <= budget + 1e-9
    assert budget <= 0.3
