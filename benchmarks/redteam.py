"""Red-team table: every cheating agent and the oracle on each env's test split.

    python benchmarks/redteam.py [--tasks 100] [--env InfoPO/Function-v0 ...]

Each family's cheating agents live in ``infopo_envs/<family>/redteam.py``; they play through
``reset``/``step`` only. Prints one row per (env, agent): mean outcome and success rate on the
first ``--tasks`` test tasks, the oracle first. The last line is one JSON object with every row.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from rich.console import Console
from rich.table import Table

from infopo_envs.core.redteam import cheaters, evaluate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--env", action="append", help="only these env ids (repeatable)")
    args = parser.parse_args()

    by_env = defaultdict(list)
    for env_id, name, factory in cheaters():
        if args.env is None or env_id in args.env:
            by_env[env_id].append((name, factory))
    table = Table("env", "agent", "mean outcome", "success")
    rows = []
    for env_id, agents in by_env.items():
        for name, factory in [("oracle", None), *agents]:
            result = evaluate(env_id, factory, name=name, tasks=args.tasks)
            table.add_row(env_id, name, f"{result.mean_outcome:.3f}", f"{result.success_rate:.2f}")
            rows.append(result.__dict__)
    Console(stderr=True).print(table)
    print(json.dumps({"benchmark": "redteam", "tasks": args.tasks, "rows": rows}))


if __name__ == "__main__":
    main()
