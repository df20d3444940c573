"""WebShop-v0: catalogue, goals, reward terms, pages and the env's transition rules."""

from __future__ import annotations

import dataclasses
import json
import math
import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import infopo_envs  # noqa: F401  (registers the envs)
from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.webshop import WebShopEnv
from infopo_envs.webshop.catalogue import FAMILY_SIZE, GOAL_FACETS, Catalogue
from infopo_envs.webshop.oracle import target_search
from infopo_envs.webshop.paraphrases import type_names
from infopo_envs.webshop.reward import (
    attribute_matches,
    option_matches,
    price_ok,
    score_purchase,
    type_score,
)
from infopo_envs.webshop.tasks import (
    TEST_STRIDE,
    Goal,
    generate_goal,
    price_cap,
    split_family,
    split_size,
)
from infopo_envs.webshop.vocabulary import PRODUCT_TYPES

PRODUCTS = 10_000
SMALL = 1000


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("webshop-cache")


@pytest.fixture(scope="module")
def env(cache_dir):
    return WebShopEnv(num_products=PRODUCTS, cache_dir=cache_dir)


@pytest.fixture(scope="module")
def catalogue():
    return Catalogue(0, SMALL)


# ---- vocabulary and catalogue ---------------------------------------------------------------
def test_vocabulary_values_identify_their_facet_and_option():
    for kind in PRODUCT_TYPES:
        facet_values = [v for facet in kind.facets for v in facet.values]
        option_values = [v for option in kind.options for v in option.values]
        assert len(facet_values) == len(set(facet_values)), kind.noun
        assert len(option_values) == len(set(option_values)), kind.noun
        assert len(kind.facets) >= 3, kind.noun
        assert kind.price[0] < kind.price[1]


def test_products_are_deterministic_and_independent_of_catalogue_size(catalogue):
    bigger = Catalogue(0, SMALL * 2)
    assert bigger.products[:SMALL] == catalogue.products
    assert Catalogue(1, SMALL).products != catalogue.products
    assert len({p.asin for p in bigger.products}) == SMALL * 2
    assert catalogue.details(7) == bigger.details(7)


def test_products_are_well_formed(catalogue):
    for product in catalogue.products:
        kind = product.kind
        assert kind.noun.lower() in product.title.lower()
        assert min(4, len(kind.facets)) <= len(product.attributes) <= len(kind.facets)
        assert len(product.attributes) == len(set(product.attributes))
        low, high = kind.price
        assert low <= product.price <= high + 61  # price variants cost up to $60 more
        for (name, values), option in zip(product.options, kind.options, strict=True):
            assert name == option.name and len(values) >= 1 and set(values) <= set(option.values)
        details = catalogue.details(product.index)
        for attribute in product.attributes:
            assert any(attribute in bullet for bullet in details.bullets)


# ---- goals ------------------------------------------------------------------------------------
def test_price_cap_is_the_larger_of_two_of_the_next_four_multiples_of_ten():
    rng = np.random.default_rng(0)
    caps = {price_cap(12.5, rng) for _ in range(300)}
    assert caps == {30.0, 40.0, 50.0}  # 20 is never the larger of two distinct draws
    assert {price_cap(20.0, rng) for _ in range(300)} == {40.0, 50.0, 60.0}


def test_splits_target_disjoint_families():
    n = 95 * FAMILY_SIZE + 3  # a partial family at the end is never a target
    test = {split_family("test", k) for k in range(split_size(n, "test"))}
    train = {split_family("train", k) for k in range(split_size(n, "train"))}
    assert not test & train and test | train == set(range(95))
    assert all(f % TEST_STRIDE == 0 for f in test)


def test_each_family_member_differs_from_its_target_in_exactly_one_goal_term(catalogue):
    """A perfect purchase of any other member (wanted options when offered) loses exactly one
    term: a goal attribute, an option or the price."""
    for index in range(30):
        goal = generate_goal(catalogue, "train", index)
        family = goal.product_index // FAMILY_SIZE
        members = range(family * FAMILY_SIZE, (family + 1) * FAMILY_SIZE)
        for member in members:
            product = catalogue[member]
            chosen = {n: v for n, v in goal.options if v in product.option_values(n)}
            score = score_purchase(product, chosen, goal)
            missed = (
                [a for a, ok in score.attributes.items() if not ok]
                + [o for o, ok in score.options.items() if not ok]
                + ([] if score.price_ok else ["price"])
            )
            assert score.type.r_type == 1.0
            assert len(missed) == (0 if member == goal.product_index else 1), (member, missed)


def test_goals_are_read_off_their_target(catalogue):
    for split in ("train", "test"):
        for index in range(40):
            goal = generate_goal(catalogue, split, index)
            product = catalogue[goal.product_index]
            assert goal == generate_goal(catalogue, split, index)
            family = goal.product_index // FAMILY_SIZE
            assert (family % TEST_STRIDE == 0) == (split == "test")
            assert set(goal.attributes) <= set(product.attributes)
            assert len(goal.attributes) == GOAL_FACETS
            assert [n for n, _ in goal.options] == [n for n, _ in product.options]
            assert all(v in product.option_values(n) for n, v in goal.options)
            assert product.price < goal.price_cap <= product.price + 40
            names = (goal.query, *type_names(goal.query))
            assert any(name in goal.instruction for name in names), goal.instruction
            assert f"{goal.price_cap:.0f}" in goal.instruction


# ---- reward terms -------------------------------------------------------------------------------
def _goal(product, **changes) -> Goal:
    goal = Goal(
        asin=product.asin,
        product_index=product.index,
        query=product.kind.noun,
        category=product.kind.path,
        attributes=product.attributes[:2],
        options=tuple((name, values[0]) for name, values in product.options),
        price_cap=math.ceil(product.price / 10) * 10 + 10,
        instruction="",
    )
    return dataclasses.replace(goal, **changes)


def _first_of_type(catalogue, noun):
    return next(p for p in catalogue.products if p.kind.noun == noun)


def test_type_reward_follows_webshop_rules(catalogue):
    shampoo = _first_of_type(catalogue, "shampoo")
    lipstick = _first_of_type(catalogue, "lipstick")
    chips = _first_of_type(catalogue, "potato chips")
    assert type_score(shampoo, _goal(shampoo)).r_type == 1.0
    # same top category and sub-category chain share only one level: no category match
    same_top = type_score(lipstick, _goal(shampoo))
    assert not same_top.query_match and not same_top.category_match
    assert same_top.title_score == 0.0 and same_top.r_type == 0.0
    # wrong kind but the title shares one of the goal's words (0.1 <= score <= 0.2): 0.5
    goal = _goal(shampoo, query=f"{lipstick.kind.noun} a b c d e f", category=("x", "y"))
    partial = type_score(lipstick, goal)
    assert partial.title_score == pytest.approx(1 / 7) and partial.r_type == 0.5
    # fewer than one word in ten shared: 0.1
    goal = _goal(shampoo, query=f"{lipstick.kind.noun} " + " ".join("abcdefghijk"))
    assert type_score(lipstick, goal).r_type == 0.1
    # a category match (two shared levels) keeps r_type 1 despite a different kind
    wash = _first_of_type(catalogue, "body wash")
    goal = _goal(shampoo, query="body shampoo", category=(wash.kind.path[0], wash.kind.path[1]))
    assert type_score(wash, goal).category_match and type_score(wash, goal).r_type == 1.0
    assert type_score(chips, _goal(shampoo)).r_type == 0.0


def test_attributes_match_the_same_value_never_a_substring_or_the_text(catalogue):
    product = catalogue[0]
    have = product.attributes[0]
    spelled = have.upper().replace(" ", "-")  # case and punctuation do not matter
    goal = _goal(product, attributes=(spelled, "made on the moon"))
    assert attribute_matches(product, goal) == {spelled: True, "made on the moon": False}
    # in the bullet points but not an attribute: not matched (WebShop would match it)
    extra = catalogue.details(0).bullets[-1].lower().rstrip(".")  # a generic bullet point
    assert attribute_matches(product, _goal(product, attributes=(extra,)))[extra] is False
    # a goal attribute whose words another attribute contains is not that attribute
    camera = dataclasses.replace(product, attributes=("color night vision", "ip66 waterproof"))
    goal = _goal(camera, attributes=("night vision", "waterproof", "ip66 waterproof"))
    assert attribute_matches(camera, goal) == {
        "night vision": False,
        "waterproof": False,
        "ip66 waterproof": True,
    }
    sheets = dataclasses.replace(product, attributes=("400 thread count",))
    wanted = ("600 thread count", "400 Thread-Count")
    assert attribute_matches(sheets, _goal(sheets, attributes=wanted)) == {
        "600 thread count": False,
        "400 Thread-Count": True,
    }


@pytest.mark.parametrize(
    ("name", "wanted", "chosen", "matched"),
    [
        ("pack", "pack of 2", "pack of 3", False),
        ("pack", "pack of 2", "Pack-of-2", True),
        ("pack", "2 cameras", "4 cameras", False),
        ("color", "gold", "rose gold", False),
        ("color", "rose gold", "gold", False),
        ("model", "iphone 15", "iphone 15 pro", False),
        ("color", "navy", "navy blue", False),
        ("color", "light gray", "Light Grey", True),
        ("size", "x-large", "xx-large", False),
        ("size", "33.8 fl oz", "33.8 fluid ounces", True),
        ("size", "7", "7.5", False),
    ],
)
def test_options_match_the_same_value_only(catalogue, name, wanted, chosen, matched):
    goal = _goal(catalogue[0], options=((name, wanted),))
    assert option_matches({name: chosen}, goal) == {name: matched}
    assert option_matches({}, goal) == {name: False}
    assert option_matches({"other": wanted}, goal) == {name: False}


def test_price_within_cap_is_inclusive(catalogue):
    product = catalogue[0]
    assert price_ok(product.price, _goal(product, price_cap=product.price))
    assert not price_ok(product.price, _goal(product, price_cap=product.price - 0.01))


def test_purchase_reward_combines_the_terms(catalogue):
    shampoo = _first_of_type(catalogue, "shampoo")
    (size_name, sizes), (scent_name, scents) = shampoo.options
    other_scent = next(v for v in shampoo.kind.options[1].values if v != scents[0])
    goal = _goal(
        shampoo,
        attributes=(shampoo.attributes[0], "made on the moon"),
        options=((size_name, sizes[0]), (scent_name, scents[0])),
        price_cap=shampoo.price - 1,
    )
    score = score_purchase(shampoo, {size_name: sizes[0], scent_name: other_scent}, goal)
    assert score.reward == pytest.approx((1 + 1 + 0) / (2 + 2 + 1))
    json.dumps(score.to_info())
    perfect = score_purchase(shampoo, dict(goal.options), _goal(shampoo))
    assert perfect.reward == 1.0


# ---- the env ------------------------------------------------------------------------------------
def test_oracle_reaches_one_on_every_test_goal(env):
    for index in range(env.test_size):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0 and result.success, result.transcript
        assert result.invalid_actions == 0


@pytest.mark.parametrize("env_id", ["InfoPO/WebShop-v0", "InfoPO/WebShopIntent-v0"])
def test_check_env(env_id, cache_dir):
    env = gym.make(env_id, num_products=SMALL, cache_dir=cache_dir)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped, skip_render_check=False)
    assert [str(w.message) for w in caught] == []


def test_registered_default_is_ten_thousand_products():
    assert "num_products" not in gym.spec("InfoPO/WebShop-v0").kwargs
    assert WebShopEnv.__init__.__kwdefaults__["num_products"] == 10_000


def _snapshot(env):
    return env.page, env.purchase, env.goal


def _assert_invalid(env, action):
    before = _snapshot(env)
    obs, reward, terminated, _, info = env.step(action)
    assert info["action_valid"] is False and info["feedback_source"] == "env"
    assert reward == 0.0 and not terminated and obs.startswith("Invalid action")
    assert _snapshot(env) == before
    return obs


def test_invalid_actions_change_nothing(env):
    obs, _ = env.reset(options={"task_id": "test-0001"})
    assert "Instruction: " in obs and "search[" in obs
    _assert_invalid(env, "click[next >]")
    _assert_invalid(env, "search[  ]")
    _assert_invalid(env, "search[???]")
    _assert_invalid(env, "buy it")
    _assert_invalid(env, "[action] hello")
    _assert_invalid(env, b"\xff")
    env.step(f"search[{env.goal.query}]")
    assert "not clickable" not in _assert_invalid(env, "search[again]")
    message = _assert_invalid(env, "click[< prev]")
    assert "Clickable: back to search | next >" in message
    _assert_invalid(env, "click[buy now]")
    _assert_invalid(env, "click[]")


def test_pages_navigate_like_webshop(env):
    env.reset(options={"task_id": "test-0002"})
    obs, *_ = env.step(f"search[{env.goal.query}]")
    assert "page 1 of 5 (total results: 50)" in obs and "< prev" not in obs
    assert obs.splitlines()[-1].startswith("Clickable: back to search | next > | b0")
    obs, *_ = env.step("click[Next >]")
    assert "page 2 of 5" in obs and "Clickable: back to search | < prev | next >" in obs
    listed = env.page.shown()
    asin = env.catalogue[listed[3]].asin
    obs, *_ = env.step(f"click[{asin}]")
    assert env.page.kind == "item" and f"item {asin}" in obs
    product = env.catalogue[listed[3]]
    (name, values), *_ = product.options
    env.step(f"click[{values[0]}]")
    env.step(f"click[{values[1]}]")  # another value of the same option replaces the first
    assert env.page.chosen_options() == {name: values[1]}
    for sub in ("description", "features", "reviews"):
        obs, *_ = env.step(f"click[{sub}]")
        assert env.page.kind == "detail" and obs.endswith("Clickable: back to search | < prev")
        env.step("click[< prev]")
        assert env.page.kind == "item" and env.page.chosen_options() == {name: values[1]}
    obs, *_ = env.step("click[< prev]")
    assert "page 2 of 5" in obs and env.page.chosen == ()
    obs, *_ = env.step("click[back to search]")
    assert env.page.kind == "search"


def test_buying_without_options_scores_the_other_terms(env):
    env.reset(options={"task_id": "test-0003"})
    goal = env.goal
    query, rank = target_search(env)
    env.step(f"search[{query}]")
    for _ in range(rank // 10):
        env.step("click[next >]")
    env.step(f"click[{goal.asin}]")
    _, reward, terminated, _, info = env.step("click[buy now]")
    expected = (len(goal.attributes) + 1) / (len(goal.attributes) + len(goal.options) + 1)
    assert terminated and reward == pytest.approx(expected) and info["outcome"] == reward
    assert info["purchase"]["options"] == {name: False for name, _ in goal.options}
    assert info["success"] is False and info["goal"]["asin"] == goal.asin
    json.dumps(info)


def test_no_results_page_offers_only_back(env):
    env.reset(options={"task_id": "test-0004"})
    obs, *_ = env.step("search[zzzqqq xylophone]")
    assert "No products match" in obs and obs.endswith("Clickable: back to search")


def test_turn_limit_truncates_without_purchase(cache_dir):
    env = WebShopEnv(num_products=SMALL, cache_dir=cache_dir, max_turns=2)
    env.reset(options={"task_id": "test-0000"})
    env.step("search[shampoo]")
    *_, terminated, truncated, info = env.step("click[next >]")
    assert truncated and not terminated and info["outcome"] == 0.0 and info["success"] is False


def test_same_task_same_opening_and_different_tasks_differ(cache_dir):
    first = WebShopEnv(num_products=SMALL, cache_dir=cache_dir)
    second = WebShopEnv(num_products=SMALL, cache_dir=cache_dir)
    assert first.reset(seed=5)[0] == second.reset(seed=5)[0]
    openings = {first.reset(options={"task_id": f"train-{i}"})[0] for i in range(5)}
    assert len(openings) == 5


def test_too_small_catalogue_is_refused(cache_dir):
    with pytest.raises(ValueError, match="num_products"):
        WebShopEnv(num_products=5, cache_dir=cache_dir)
