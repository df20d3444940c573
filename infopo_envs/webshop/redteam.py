"""Cheating shoppers for WebShop and WebShopIntent: policies that buy without finding the goal.

Each reads only what a policy sees (the pages' text and info) and plays through ``step``:

- ``verbatim_search``: search the instruction word for word, open the top result, click every
  option value the instruction names, buy. The classic rule baseline: it wins whenever the
  instruction copies the target's own text and no look-alike outranks it.
- ``wrong_options``: the same purchase with, for each option, a value the instruction does not
  name. Scores 1.0 only if a wrong option is credited as right.
- ``near_options``: the same purchase with, for each option, the offered value closest to the
  named one without being it (``rose gold`` for ``gold``, ``pack of 3`` for ``pack of 2``):
  scores 1.0 only if a look-alike value is credited.
- ``top_result_no_options``: search the instruction, buy the top result without choosing options.
- ``ask_only`` (WebShopIntent): ask about every topic the opening lists, twice over, and never buy.
- ``type_only`` (WebShopIntent): search the kind of product the shopper names, buy the top result.
"""

from __future__ import annotations

import re
from typing import Any

from infopo_envs.webshop.pages import BUY, NEXT, PREV

_INSTRUCTION = re.compile(r"^Instruction: (.+)$", re.MULTILINE)
_OPTION_LINE = re.compile(r"^([a-z][a-z ]*): ((?:\[[^\]]+\] ?)+)$", re.MULTILINE)
_OPTION_VALUE = re.compile(r"\[([^\]]+)\]")
_TOPICS = re.compile(r"may care about: (.+)\.$", re.MULTILINE)
_KIND = re.compile(r"I'm looking for (?:an? )?(.+?)\. Can you")


def clickables(observation: str) -> list[str]:
    """The values of the page's final ``Clickable:`` line."""
    last = observation.rstrip().splitlines()[-1]
    if not last.startswith("Clickable: "):
        return []
    return last.removeprefix("Clickable: ").split(" | ")


def option_groups(observation: str) -> list[list[str]]:
    """The offered values of each option on an item page, as the page lists them."""
    return [
        _OPTION_VALUE.findall(values)
        for name, values in _OPTION_LINE.findall(observation)
        if name not in ("price", "rating", "selected")
    ]


def named_in(value: str, text: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", text) is not None


def top_result(observation: str) -> str | None:
    """The first product id on a results page."""
    skip = {"back to search", PREV, NEXT}
    return next((value for value in clickables(observation) if value not in skip), None)


class _Shopper:
    """Search once, open the top result, choose options (a subclass decides which), buy."""

    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        found = _INSTRUCTION.search(observation)
        self.instruction = found.group(1) if found else ""
        self.plan: list[str] = []
        self.stage = "search"

    def query(self, observation: str) -> str:
        return self.instruction

    def choose(self, groups: list[list[str]]) -> list[str]:
        raise NotImplementedError

    def act(self, observation: str, info: dict[str, Any]) -> str:
        if self.stage == "search":
            self.stage = "results"
            return f"search[{self.query(observation)}]"
        if self.stage == "results":
            self.stage = "item"
            top = top_result(observation)
            return f"click[{top}]" if top else "click[back to search]"
        if self.stage == "item":
            self.stage = "buying"
            self.plan = [f"click[{value}]" for value in self.choose(option_groups(observation))]
        return self.plan.pop(0) if self.plan else f"click[{BUY}]"


class VerbatimSearch(_Shopper):
    def choose(self, groups: list[list[str]]) -> list[str]:
        picks = []
        for values in groups:
            named = [v for v in values if named_in(v, self.instruction)]
            if named:
                picks.append(max(named, key=len))
        return picks


class WrongOptions(_Shopper):
    def choose(self, groups: list[list[str]]) -> list[str]:
        picks = []
        for values in groups:
            unnamed = [v for v in values if not named_in(v, self.instruction)]
            if unnamed:
                picks.append(unnamed[0])
        return picks


class NearOptions(_Shopper):
    """Right values where no look-alike is offered; at least one option always wrong."""

    def choose(self, groups: list[list[str]]) -> list[str]:
        picks, wrong = [], False
        for values in groups:
            named = [v for v in values if named_in(v, self.instruction)]
            if not named:
                continue
            target = max(named, key=len)
            words = set(target.split())
            near = [v for v in values if v != target and words & set(v.split())]
            if near:
                picks.append(max(near, key=lambda v: (len(words & set(v.split())), -len(v))))
                wrong = True
            else:
                picks.append(target)
        for values in groups if not wrong else ():
            others = [v for v in values if v not in picks]
            if others and len(others) < len(values):  # a named option: swap its value
                return [p for p in picks if p not in values] + [others[0]]
        return picks


class TopResultNoOptions(_Shopper):
    def choose(self, groups: list[list[str]]) -> list[str]:
        return []


class TypeOnly(TopResultNoOptions):
    """WebShopIntent: search the kind of product the shopper opened with."""

    def query(self, observation: str) -> str:
        found = _KIND.search(observation)
        return found.group(1) if found else "product"


class AskOnly:
    """WebShopIntent: ask about each listed topic, twice, then keep asking; never buy."""

    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        found = _TOPICS.search(observation)
        topics = found.group(1).split(", ") if found else ["budget"]
        kind = _KIND.search(observation)
        noun = kind.group(1) if kind else "product"
        asks = [f"[action] Which {topic} would you like for the {noun}?" for topic in topics]
        self.questions = asks * 2 + ["[action] What is your budget?"]
        self.turn = 0

    def act(self, observation: str, info: dict[str, Any]) -> str:
        question = self.questions[self.turn % len(self.questions)]
        self.turn += 1
        return question


_SHOP_CHEATERS = {
    "verbatim_search": VerbatimSearch,
    "wrong_options": WrongOptions,
    "near_options": NearOptions,
    "top_result_no_options": TopResultNoOptions,
}

CHEATERS = {
    "InfoPO/WebShop-v0": dict(_SHOP_CHEATERS),
    "InfoPO/WebShopIntent-v0": {"ask_only": AskOnly, "type_only": TypeOnly},
}
