"""Shopping goals: a target product's attributes, chosen options and a price cap, in words.

As in WebShop, a goal is read off a target product: three of its attributes, one value of each
of its options, and a price cap that is the larger of two distinct draws from the first four
multiples of $10 above its price. The target is the one member of its catalogue family that has
all of them; each other member lacks exactly one. The instruction says them mostly in other
words (``paraphrases``), in a shuffled order, often naming the type otherwise. Test goals target
every ``TEST_STRIDE``-th family and train goals the others, so the two splits never share a
target or its near-duplicates; the goal of ``(split, index)`` is the same in every process.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from infopo_envs.core.seeding import TEST, rng_for
from infopo_envs.webshop.catalogue import FAMILY_SIZE, Catalogue, Product
from infopo_envs.webshop.paraphrases import type_names, value_phrasings

TEST_STRIDE = 10
PRICE_STEP = 10.0
#: How often the instruction names the type as listed, and paraphrases a value that has
#: paraphrases (WebShop's human instructions mostly use their own words).
P_TYPE_AS_LISTED = 0.3
P_PARAPHRASE_ATTRIBUTE = 0.8
P_PARAPHRASE_OPTION = 0.8


@dataclass(frozen=True)
class Goal:
    asin: str
    product_index: int
    query: str  # the target's product type, as WebShop's goals keep the query that found it
    category: tuple[str, ...]
    attributes: tuple[str, ...]
    options: tuple[tuple[str, str], ...]  # (option name, wanted value)
    price_cap: float
    instruction: str

    def to_info(self) -> dict[str, Any]:
        return {
            "asin": self.asin,
            "query": self.query,
            "attributes": list(self.attributes),
            "options": dict(self.options),
            "price_cap": self.price_cap,
        }


def split_size(num_products: int, split: str) -> int:
    """How many families (each with one target) the split's goals may target."""
    families = num_products // FAMILY_SIZE
    test = math.ceil(families / TEST_STRIDE)
    return test if split == TEST else families - test


def split_family(split: str, k: int) -> int:
    """The catalogue family of the split's ``k``-th target."""
    if split == TEST:
        return k * TEST_STRIDE
    per_block = TEST_STRIDE - 1
    return (k // per_block) * TEST_STRIDE + k % per_block + 1


def price_cap(price: float, rng: np.random.Generator) -> float:
    """The larger of two distinct draws among the first four multiples of $10 above ``price``."""
    first = math.floor(price / PRICE_STEP) + 1
    caps = [PRICE_STEP * (first + j) for j in range(4)]
    picked = rng.choice(len(caps), size=2, replace=False)
    return caps[int(max(picked))]


def generate_goal(catalogue: Catalogue, split: str, index: int) -> Goal:
    """Goal ``index`` of ``split`` for ``catalogue``: the target of one family, asked for by
    the facets and options on which its near-duplicates differ from it."""
    pool = split_size(len(catalogue), split)
    if pool < 1:
        raise ValueError(f"a catalogue of {len(catalogue)} products has no {split} products")
    rng = rng_for("WebShop-goal", catalogue.key, split, index)
    family_index = split_family(split, int(rng.integers(pool)))
    family = catalogue.family(family_index)
    product = catalogue[family_index * FAMILY_SIZE + family.target_slot]
    attributes = tuple(value for _, value in family.goal_values)
    options = tuple(
        (name, wanted) for (name, _), wanted in zip(product.options, family.wanted, strict=True)
    )
    cap = price_cap(product.price, rng)
    return Goal(
        asin=product.asin,
        product_index=product.index,
        query=product.kind.noun,
        category=product.kind.path,
        attributes=attributes,
        options=options,
        price_cap=cap,
        instruction=phrase_goal(product, attributes, options, cap, rng),
    )


# ---- phrasing ---------------------------------------------------------------------------------
_OPENERS = (
    "i'm looking for", "i need", "find me", "i want to buy", "can you help me find",
    "i am shopping for", "please get me", "i would like",
)  # fmt: skip


def is_plural(noun: str) -> bool:
    return noun.endswith("s") and not noun.endswith("ss")


def article(noun: str) -> str:
    """``"a face moisturizer"``, ``"an electric toothbrush"``, ``"potato chips"``."""
    if is_plural(noun):
        return noun
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def join_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _say(value: str, rng: np.random.Generator, p_paraphrase: float) -> str:
    """The value as the instruction says it: mostly in other words, sometimes as listed."""
    phrasings = value_phrasings(value)
    if phrasings and rng.random() < p_paraphrase:
        return phrasings[int(rng.integers(len(phrasings)))]
    return value


def _attribute_phrase(noun: str, said: list[str], form: int) -> str:
    suited = [a for a in said if a.startswith("for ")]
    traits = [a for a in said if not a.startswith("for ")]
    head = " ".join([article(noun), *suited])
    if not traits:
        return head
    if form == 0:
        return f"{head}; it should be: {join_and(traits)}"
    if form == 1:
        return f"{head} with these features: {', '.join(traits)}"
    return f"{head}, {join_and(traits)}"


def _option_phrase(options: list[tuple[str, str]], form: int) -> str:
    if not options:
        return ""
    if form == 0:
        return " with " + ", and ".join(f"{name}: {value}" for name, value in options)
    if form == 1:
        return " in " + join_and([f"{value} {name}" for name, value in options])
    return " (" + "; ".join(f"{name} {value}" for name, value in options) + ")"


def _price_phrase(cap: float, form: int) -> str:
    return (
        f", and price lower than {cap:.2f} dollars",
        f", under {cap:.0f} dollars",
        f". my budget is {cap:.2f} dollars",
        f", costing less than {cap:.2f} dollars",
    )[form]


def phrase_goal(product: Product, attributes, options, cap: float, rng) -> str:
    """A lower-case instruction like WebShop's human-written ones: the type often named
    otherwise, attributes and options mostly paraphrased, facets in a shuffled order."""
    opener = _OPENERS[int(rng.integers(len(_OPENERS)))]
    names = (product.kind.noun, *type_names(product.kind.noun))
    noun = (
        names[0]
        if rng.random() < P_TYPE_AS_LISTED
        else names[1 + int(rng.integers(len(names) - 1))]
    )
    said = [_say(a, rng, P_PARAPHRASE_ATTRIBUTE) for a in attributes]
    said = [said[i] for i in rng.permutation(len(said))]
    wanted = [(name, _say(value, rng, P_PARAPHRASE_OPTION)) for name, value in options]
    wanted = [wanted[i] for i in rng.permutation(len(wanted))]
    body = _attribute_phrase(noun, said, int(rng.integers(3)))
    return f"{opener} {body}{_option_phrase(wanted, int(rng.integers(3)))}" + _price_phrase(
        cap, int(rng.integers(4))
    )
