"""The 100,000-product catalogue: its index builds, and every sampled test goal is solvable."""

from __future__ import annotations

from infopo_envs.core.agents import oracle_for, run_episode
from infopo_envs.webshop import WebShopEnv
from infopo_envs.webshop.catalogue import Catalogue

LARGE = 100_000


def test_oracle_solves_test_goals_on_the_100k_index(tmp_path):
    env = WebShopEnv(num_products=LARGE, cache_dir=tmp_path)
    assert env.catalogue.products[:1000] == Catalogue(0, 1000).products
    assert env.search_index._searcher.num_docs == LARGE
    for index in range(0, env.test_size, 5):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0, result.transcript
