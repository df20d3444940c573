"""The WebShop search engine: a cached tantivy index, safe to build from two processes at once."""

from __future__ import annotations

import multiprocessing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infopo_envs.webshop.catalogue import Catalogue
from infopo_envs.webshop.search import (
    MANIFEST,
    TOP_K,
    SearchIndex,
    SearchIndexError,
    ensure_index,
    index_path,
)

PRODUCTS = 400


@pytest.fixture(scope="module")
def catalogue():
    return Catalogue(0, PRODUCTS)


@pytest.fixture(scope="module")
def index(catalogue, tmp_path_factory):
    return SearchIndex(catalogue, tmp_path_factory.mktemp("search"))


def test_index_is_built_once_and_reused(catalogue, tmp_path):
    path = ensure_index(catalogue, tmp_path)
    stamp = (path / MANIFEST).stat().st_mtime_ns
    assert ensure_index(catalogue, tmp_path) == path == index_path(catalogue, tmp_path)
    assert (path / MANIFEST).stat().st_mtime_ns == stamp
    assert SearchIndex(catalogue, tmp_path).path == path
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_cache_dir_defaults_to_infopo_cache(catalogue, tmp_path, monkeypatch):
    monkeypatch.setenv("INFOPO_CACHE", str(tmp_path))
    assert ensure_index(catalogue).parent == tmp_path / "webshop"


def _build(args) -> str:
    seed, size, cache_dir = args
    return str(SearchIndex(Catalogue(seed, size), cache_dir).search("shampoo"))


def test_two_processes_building_at_once_share_one_index(tmp_path):
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        first, second = pool.map(_build, [(3, PRODUCTS, str(tmp_path))] * 2)
    assert first == second
    built = list((tmp_path / "webshop").iterdir())
    assert len(built) == 1 and (built[0] / MANIFEST).exists()  # no scratch directory left


def test_a_damaged_cache_is_reported(catalogue, tmp_path):
    other = Catalogue(0, PRODUCTS + 1)
    path = ensure_index(other, tmp_path)
    path.rename(index_path(catalogue, tmp_path))
    with pytest.raises(SearchIndexError, match="delete that directory"):
        SearchIndex(catalogue, tmp_path)


def test_search_ranks_matching_products_first(catalogue, index):
    results = index.search("sulfate free shampoo for curly hair")
    assert 0 < len(results) <= TOP_K and len(set(results)) == len(results)
    assert catalogue[results[0]].kind.noun == "shampoo"
    title = catalogue[123].title
    assert index.search(title)[0] == 123
    assert index.search("shampoo") == index.search("SHAMPOOS!!")  # analyzer: case, stemming


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=st.text(max_size=300))
def test_any_text_is_a_safe_query(index, query):
    assert len(index.search(query)) <= TOP_K


@pytest.mark.parametrize(
    "query", ["title:shampoo AND (", '"unclosed', "*", "a:b:c", "NOT OR AND", "x" * 10_000, ""]
)
def test_query_syntax_is_not_interpreted(index, query):
    assert isinstance(index.search(query), list)
