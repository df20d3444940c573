"""WebShop speed: catalogue generation, index build, query latency, and env steps.

    python benchmarks/webshop.py [--sizes 10000 100000] [--queries 1000] [--episodes 200]

For each catalogue size: the time to generate the catalogue, the time to build its tantivy index
from scratch (into a fresh temporary cache, so nothing cached is reused), and the latency of
``SearchIndex.search`` (top 50) over goal-style queries (median and 90th percentile). Env steps
are timed over oracle episodes of ``WebShopEnv`` on the smallest size (every ``env.step`` call:
searches, clicks and purchases; resets excluded). The last line is one JSON object with the
settings and the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time

from infopo_envs.core.agents import oracle_for
from infopo_envs.webshop import WebShopEnv
from infopo_envs.webshop.catalogue import Catalogue
from infopo_envs.webshop.oracle import goal_query
from infopo_envs.webshop.search import SearchIndex, ensure_index
from infopo_envs.webshop.tasks import generate_goal


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def query_latencies_ms(catalogue: Catalogue, cache_dir: str, count: int) -> list[float]:
    index = SearchIndex(catalogue, cache_dir)
    queries = [goal_query(generate_goal(catalogue, "train", i)) for i in range(count)]
    for query in queries[:50]:  # warm the page cache
        index.search(query)
    times = []
    for query in queries:
        start = time.perf_counter()
        index.search(query)
        times.append((time.perf_counter() - start) * 1e3)
    return times


def measure_size(size: int, queries: int) -> dict[str, float]:
    catalogue, generate_s = timed(Catalogue, 0, size)
    with tempfile.TemporaryDirectory() as cache_dir:
        path, build_s = timed(ensure_index, catalogue, cache_dir)
        index_mb = sum(f.stat().st_size for f in path.iterdir()) / 1e6
        latencies = query_latencies_ms(catalogue, cache_dir, queries)
    latencies.sort()
    return {
        "catalogue_s": round(generate_s, 3),
        "build_s": round(build_s, 3),
        "index_mb": round(index_mb, 2),
        "query_p50_ms": round(statistics.median(latencies), 4),
        "query_p90_ms": round(latencies[int(0.9 * len(latencies))], 4),
    }


def step_ms(size: int, episodes: int) -> tuple[float, float]:
    """Mean milliseconds per ``env.step`` over oracle episodes, and the search steps' mean."""
    with tempfile.TemporaryDirectory() as cache_dir:
        env = WebShopEnv(num_products=size, cache_dir=cache_dir)
        all_steps, searches = [], []
        for index in range(episodes):
            observation, info = env.reset(options={"task_id": f"train-{index}"})
            oracle = oracle_for(env)
            oracle.reset(env, observation, info)
            done = False
            while not done:
                action = oracle.act(observation, info)
                start = time.perf_counter()
                observation, _, terminated, truncated, info = env.step(action)
                elapsed = (time.perf_counter() - start) * 1e3
                all_steps.append(elapsed)
                if action.startswith("search["):
                    searches.append(elapsed)
                done = terminated or truncated
    return statistics.fmean(all_steps), statistics.fmean(searches)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--episodes", type=int, default=200)
    args = parser.parse_args()

    figures: dict[str, float] = {}
    for size in args.sizes:
        measured = measure_size(size, args.queries)
        label = f"{size // 1000}k" if size % 1000 == 0 else str(size)
        print(f"{size:>7} products: " + ", ".join(f"{k} {v}" for k, v in measured.items()))
        figures.update({f"{key}_{label}": value for key, value in measured.items()})
    mean_step, mean_search = step_ms(min(args.sizes), args.episodes)
    print(
        f"env step (oracle episodes, {min(args.sizes)} products): mean {mean_step:.3f} ms, "
        f"search steps {mean_search:.3f} ms, {1e3 / mean_step:.0f} steps/s"
    )
    figures.update(
        step_ms=round(mean_step, 4),
        search_step_ms=round(mean_search, 4),
        steps_per_s=round(1e3 / mean_step, 1),
    )
    settings = {
        "sizes": args.sizes,
        "queries": args.queries,
        "episodes": args.episodes,
        "step_products": min(args.sizes),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }
    print(json.dumps({"settings": settings, **figures}, sort_keys=True))


if __name__ == "__main__":
    main()
