"""WebShop's reward for a purchase, term by term (docs/envs/webshop.md compares it with WebShop).

    reward = r_type * (matched attributes + matched options + [price <= cap])
                    / (goal attributes + goal options + 1)

Each term is a pure function of the bought product and the goal, so each can be tested alone.
Attribute and option values are compared with ``values.same_value`` (numbers exactly, phrases as
wholes, spelling bridged), where WebShop uses a token-set ratio; docs/envs/webshop.md lists every
departure from WebShop's ``get_reward`` and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from infopo_envs.webshop.catalogue import Product
from infopo_envs.webshop.tasks import Goal
from infopo_envs.webshop.values import same_value

MIN_SHARED_CATEGORIES = 2
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class TypeScore:
    r_type: float
    query_match: bool
    category_match: bool
    title_score: float


def type_score(product: Product, goal: Goal) -> TypeScore:
    """Is the product the right kind of thing? WebShop's rule on query, category and title."""
    query_match = product.kind.noun == goal.query
    category_match = len(set(product.kind.path) & set(goal.category)) >= MIN_SHARED_CATEGORIES
    wanted = words(goal.query)
    title_score = len(wanted & words(product.title)) / len(wanted)
    r_type = 1.0
    if not (query_match or category_match or title_score > 0.2):
        r_type = 0.5
    if title_score < 0.1:
        r_type = 0.1
    if title_score == 0.0:
        r_type = 0.0
    return TypeScore(r_type, query_match, category_match, title_score)


def attribute_matches(product: Product, goal: Goal) -> dict[str, bool]:
    """Each goal attribute: the same value among the product's attributes. (Products' attribute
    lists are complete here, so WebShop's fall-back to the text would only add substrings.)"""
    return {
        wanted: any(same_value(have, wanted) for have in product.attributes)
        for wanted in goal.attributes
    }


def option_matches(chosen: dict[str, str], goal: Goal) -> dict[str, bool]:
    """Each goal option: the value chosen for that option on the item page is the same value."""
    return {
        name: name in chosen and same_value(chosen[name], wanted) for name, wanted in goal.options
    }


def price_ok(price: float, goal: Goal) -> bool:
    return price <= goal.price_cap


@dataclass(frozen=True)
class PurchaseScore:
    """The reward and every term behind it (``to_info`` for the step's info)."""

    reward: float
    type: TypeScore
    attributes: dict[str, bool]
    options: dict[str, bool]
    price_ok: bool
    price: float

    def to_info(self) -> dict[str, Any]:
        return {
            "reward": self.reward,
            "r_type": self.type.r_type,
            "query_match": self.type.query_match,
            "category_match": self.type.category_match,
            "title_score": self.type.title_score,
            "attributes": dict(self.attributes),
            "options": dict(self.options),
            "price": self.price,
            "price_ok": self.price_ok,
        }


def score_purchase(product: Product, chosen: dict[str, str], goal: Goal) -> PurchaseScore:
    kind = type_score(product, goal)
    attributes = attribute_matches(product, goal)
    options = option_matches(chosen, goal)
    within = price_ok(product.price, goal)
    matched = sum(attributes.values()) + sum(options.values()) + int(within)
    total = len(goal.attributes) + len(goal.options) + 1
    return PurchaseScore(
        kind.r_type * matched / total, kind, attributes, options, within, product.price
    )
