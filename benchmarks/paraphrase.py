"""Paraphrase agreement: every user-facing env judging the same request however it is worded.

    python benchmarks/paraphrase.py [--misses]

Reads every ``benchmarks/paraphrase/*.json`` case file (``infopo_envs.core.paraphrase`` has the
format), plays each canonical message and paraphrase, and prints per env and overall: agreement
with the expected judgment, agreement on negations, and false reveals on trap cases. The last
line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from infopo_envs.core.paraphrase import evaluate_files

CASES = Path(__file__).with_name("paraphrase")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    args = parser.parse_args()

    results = evaluate_files(CASES.glob("*.json"))
    console = Console(stderr=True)
    table = Table("env", "messages", "agreement", "negation", "trap false reveals")
    for r in results:
        table.add_row(
            r.env_id,
            str(r.messages),
            f"{r.agreement:.3f}",
            f"{r.negation_agreement:.3f} ({r.negation_messages})",
            f"{r.false_reveals} / {r.trap_messages}",
        )
    messages = sum(r.messages for r in results)
    agreed = sum(r.agreed for r in results)
    negations = sum(r.negation_messages for r in results)
    negation_agreed = sum(r.negation_agreed for r in results)
    overall = agreed / messages if messages else 0.0
    negation = negation_agreed / negations if negations else 1.0
    false_reveals = sum(r.false_reveals for r in results)
    table.add_row(
        "overall",
        str(messages),
        f"{overall:.3f}",
        f"{negation:.3f} ({negations})",
        str(false_reveals),
    )
    console.print(table)
    if args.misses:
        for r in results:
            for miss in r.misses:
                console.print(
                    f"{r.env_id} {miss.case}: {miss.message!r} -> {miss.got}, "
                    f"expected {miss.expected}"
                )
    print(
        json.dumps(
            {
                "benchmark": "paraphrase",
                "messages": messages,
                "agreement": overall,
                "negation_agreement": negation,
                "trap_false_reveals": false_reveals,
                "envs": {
                    r.env_id: {
                        "messages": r.messages,
                        "agreement": r.agreement,
                        "negation_agreement": r.negation_agreement,
                        "trap_false_reveals": r.false_reveals,
                    }
                    for r in results
                },
            }
        )
    )


if __name__ == "__main__":
    main()
