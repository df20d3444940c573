"""Cheating agents for CodingCollab-v0: scoring hidden tests without asking about the task.

Each plays through ``reset``/``step`` only and reads nothing but the observations:

- ``memorizer``: asks nothing and submits the reference seen most often among train tasks with
  the same signature (learnt from the first ``MEMORY_TASKS`` train tasks, never from test);
- ``memorizer_opening``: the same, keyed by the user's opening request;
- ``kitchen_sink``: one message that asks about every topic a requirement could have, then the
  memorizer's submission;
- ``random``: uniform over the env's ``candidate_actions()`` menu;
- ``trivial``: a function that returns ``None``; ``identity``: one that returns its first
  argument.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from infopo_envs.coding.tasks import draw_variant
from infopo_envs.core.agents import Agent, RandomAgent
from infopo_envs.core.redteam import Script, ScriptedAgent
from infopo_envs.core.seeding import TRAIN, TaskRef

#: How many train tasks the memorizers study.
MEMORY_TASKS = 5000

_SIGNATURE = re.compile(r"^Signature: (def (\w+)\(.*)$", re.M)
_REQUEST = re.compile(r"^User: (.*)$", re.M)

KITCHEN_SINK = (
    "Before I write it, tell me everything: the exact output format, rounding, ordering and "
    "tie-breaking, separators, upper or lower case, limits and thresholds, units, what to do "
    "with empty, missing, negative or invalid input, and any edge cases or exceptions."
)


@functools.lru_cache(maxsize=2)
def memory(key: str) -> dict[str, str]:
    """The most common reference per signature (``key="signature"``) or opening request."""
    seen: dict[str, Counter[str]] = {}
    for index in range(MEMORY_TASKS):
        task = draw_variant(TaskRef(TRAIN, index))
        label = task.signature if key == "signature" else task.request
        seen.setdefault(label, Counter())[task.reference] += 1
    return {label: counts.most_common(1)[0][0] for label, counts in seen.items()}


def _signature(opening: str) -> tuple[str, str]:
    match = _SIGNATURE.search(opening)
    return match.group(1), match.group(2)


def _recalled(opening: str, key: str) -> str:
    signature, name = _signature(opening)
    if key == "opening":
        match = _REQUEST.search(opening)
        said = match.group(1) if match else ""
        for request, recalled in memory("opening").items():
            if request in said:
                return recalled
    return memory("signature").get(signature, f"def {name}(*args):\n    return None\n")


def _memorizer(key: str, ask_first: bool = False) -> Callable[[str], Script]:
    def script(opening: str) -> Script:
        if ask_first:
            yield f"[action] {KITCHEN_SINK}"
        yield f"[answer] ```python\n{_recalled(opening, key)}```"

    return script


def _fixed(body: str) -> Callable[[str], Script]:
    def script(opening: str) -> Script:
        _, name = _signature(opening)
        yield f"[answer] def {name}(*args, **kwargs):\n    {body}\n"

    return script


def _agent(script: Callable[[str], Script]) -> Callable[[], Agent]:
    return lambda: ScriptedAgent(script)


def _random() -> Agent:
    return RandomAgent(seed=0)


CHEATERS: dict[str, dict[str, Callable[[], Any]]] = {
    "InfoPO/CodingCollab-v0": {
        "memorizer": _agent(_memorizer("signature")),
        "memorizer_opening": _agent(_memorizer("opening")),
        "kitchen_sink": _agent(_memorizer("signature", ask_first=True)),
        "random": _random,
        "trivial": _agent(_fixed("return None")),
        "identity": _agent(_fixed("return args[0] if args else None")),
    }
}
