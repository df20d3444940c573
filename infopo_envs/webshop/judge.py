"""What a question to the shopper is about, and how the shopper states each hidden fact.

Topics are keys: ``price``, ``option:<name>`` (size, color, ...) and ``attribute:<facet>``
(ingredients, material, ...), limited to those a product of the goal's type can have. The
shared judging core reads the question (lemmas, hyphens, markdown, negation: "don't worry about
the budget yet" asks nothing about the budget); a question is about a topic when it uses one of
the topic's words or values ("sulfate-free?" is about the ingredients). The product's own names
are trap phrases that count for nothing, so "Which phone case?" is not a question about the
phone model. A strict shopper (the reluctant persona) wants the product named and one topic per
question, by the core's one strictness rule.
"""

from __future__ import annotations

import functools

from infopo_envs.core.judging import Lexicon, read, topics
from infopo_envs.webshop.paraphrases import type_names
from infopo_envs.webshop.tasks import Goal
from infopo_envs.webshop.vocabulary import PRICE_KEYWORDS, PRODUCT_TYPES, ProductType

PRICE = "price"
#: The one subject of every question: the product being bought.
PRODUCT = "product"


def option_key(name: str) -> str:
    return f"option:{name}"


def attribute_key(facet: str) -> str:
    return f"attribute:{facet}"


def topic_lexicons(kind: ProductType) -> dict[str, tuple[str, ...]]:
    """Every topic a shopper of ``kind`` could be asked about, with the phrases that name it."""
    topics_ = {PRICE: PRICE_KEYWORDS}
    for option in kind.options:
        topics_[option_key(option.name)] = (*option.keywords, *option.values)
    for facet in kind.facets:
        topics_[attribute_key(facet.name)] = (*facet.keywords, *facet.values)
    return topics_


def product_names(kind: ProductType) -> tuple[str, ...]:
    """What names the product in a question: its noun, its other names, its head noun."""
    return (kind.noun, *type_names(kind.noun), kind.noun.split()[-1])


@functools.cache
def _lexicons(type_id: int) -> tuple[Lexicon, Lexicon, dict[str, frozenset[str]]]:
    kind = PRODUCT_TYPES[type_id]
    entries = topic_lexicons(kind)
    names = product_names(kind)
    facets = Lexicon(entries, ignore=names)
    return facets, Lexicon({PRODUCT: names}), {PRODUCT: frozenset(entries)}


def topics_asked(question: str, kind: ProductType, strict: bool) -> list[str]:
    """The topics ``question`` concretely asks about (not those it refuses), in the writer's
    order."""
    facets, subjects, offered = _lexicons(PRODUCT_TYPES.index(kind))
    found = topics(read(question), facets, subjects, offered, strict=strict)
    return [key.removeprefix(f"{PRODUCT}.") for key in found.keys]


def canonical_question(key: str, kind: ProductType) -> str:
    """A concrete question about one topic (used by the oracle and the docs)."""
    if key == PRICE:
        return f"What is your budget for the {kind.noun}?"
    topic = key.split(":", 1)[1]
    return f"Which {topic} would you like for the {kind.noun}?"


def fact_phrasings(goal: Goal, facets: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """How the shopper states each held fact (``facets`` maps each goal attribute to its facet).

    Values are said as they are, since buying the right product needs them exactly."""
    facts = {
        PRICE: (
            f"My budget is {goal.price_cap:.2f} dollars at most.",
            f"Anything up to {goal.price_cap:.2f} dollars works for me.",
            f"The price can be at most {goal.price_cap:.2f} dollars.",
        )
    }
    for name, value in goal.options:
        facts[option_key(name)] = (
            f"The {name} should be {value}.",
            f"For the {name}: {value}, please.",
            f"Please pick {value} as the {name}.",
        )
    for attribute in goal.attributes:
        facet = facets[attribute]
        facts[attribute_key(facet)] = (
            f"For the {facet}: {attribute}, please.",
            f"It has to be {attribute}.",
            f"The {facet} matters to me: {attribute}.",
        )
    return facts


def facet_of(kind: ProductType, attribute: str) -> str:
    return next(facet.name for facet in kind.facets if attribute in facet.values)
