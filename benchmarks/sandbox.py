"""Sandbox throughput: submissions evaluated per second, several in flight at once.

    python benchmarks/sandbox.py [--submissions 200] [--workers 4] [--sweep]

Each submission is the reference solution of a test-split CodingCollab task, run on its first
10 hidden tests in a fresh sandbox (its own interpreter, namespaces where available, resource
limits) and graded in this process. ``--workers`` submissions are evaluated in parallel from a
thread pool (the work happens in the sandbox processes). A short warm-up run is not timed.
``--sweep`` also times 1, 2 and 8 workers. The last line is one JSON object with the settings
and ``submissions_per_s``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from concurrent.futures import ThreadPoolExecutor

from infopo_envs.coding.sandbox import Sandbox, grade
from infopo_envs.coding.tasks import expected_for, task_for

TESTS_PER_SUBMISSION = 10


def _jobs(count: int):
    jobs = []
    for number in range(count):
        index = number % 100
        task = task_for("test", index)
        expected = list(expected_for("test", index))[:TESTS_PER_SUBMISSION]
        jobs.append((task, list(task.calls)[:TESTS_PER_SUBMISSION], expected))
    return jobs


def throughput(sandbox: Sandbox, jobs, workers: int) -> tuple[float, int]:
    """Submissions per second and how many passed every test (all should)."""

    def evaluate(job):
        task, calls, expected = job
        return grade(sandbox.run(task.reference, task.function, calls), expected).success

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(evaluate, jobs[: workers * 2]))  # warm-up
        start = time.perf_counter()
        successes = sum(pool.map(evaluate, jobs))
        elapsed = time.perf_counter() - start
    return len(jobs) / elapsed, successes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()

    sandbox = Sandbox()
    jobs = _jobs(args.submissions)
    counts = sorted({1, 2, args.workers, 8}) if args.sweep else [args.workers]
    figures = {}
    for workers in counts:
        rate, successes = throughput(sandbox, jobs, workers)
        figures[workers] = rate
        print(f"workers={workers}: {rate:.1f} submissions/s ({successes}/{len(jobs)} all passed)")
    print(
        json.dumps(
            {
                "benchmark": "sandbox",
                "isolation": sandbox.isolation,
                "submissions": args.submissions,
                "tests_per_submission": TESTS_PER_SUBMISSION,
                "workers": args.workers,
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "by_workers": {str(k): round(v, 2) for k, v in figures.items()},
                "submissions_per_s": round(figures[args.workers], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
