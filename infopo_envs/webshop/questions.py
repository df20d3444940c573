"""What a question to the shopper is about, and how the shopper states each hidden fact.

Topics are keys: ``price``, ``option:<name>`` (size, color, ...) and ``attribute:<facet>``
(ingredients, material, ...), limited to those a product of the goal's type can have. A question
is about a topic when it uses one of the topic's words, or one of its values ("sulfate free?" is
about the ingredients). The product's own name is ignored for this, so "Which phone case?" is not
a question about the phone model; a strict shopper (the reluctant persona) also wants the product
named, so that it knows what the question is about.
"""

from __future__ import annotations

from infopo_envs.core.lexicon import mentions, with_plurals, words_of
from infopo_envs.webshop.goals import Goal
from infopo_envs.webshop.vocabulary import PRICE_KEYWORDS, ProductType

PRICE = "price"


def option_key(name: str) -> str:
    return f"option:{name}"


def attribute_key(facet: str) -> str:
    return f"attribute:{facet}"


def _lexicon(phrases) -> tuple[str, ...]:
    return with_plurals(words_of(phrase).strip() for phrase in phrases)


def topic_lexicons(kind: ProductType) -> dict[str, tuple[str, ...]]:
    """Every topic a shopper of ``kind`` could be asked about, with the words that name it."""
    topics = {PRICE: _lexicon(PRICE_KEYWORDS)}
    for option in kind.options:
        topics[option_key(option.name)] = _lexicon((*option.keywords, *option.values))
    for facet in kind.facets:
        topics[attribute_key(facet.name)] = _lexicon((*facet.keywords, *facet.values))
    return topics


def topics_asked(question: str, kind: ProductType, strict: bool) -> list[str]:
    """The topics ``question`` concretely asks about, in a fixed order (price, options, facets)."""
    text = words_of(question)
    noun = words_of(kind.noun)
    if strict and not mentions(text, (noun.strip(), *noun.split())):
        return []
    text = text.replace(noun, " ")
    return [key for key, words in topic_lexicons(kind).items() if mentions(text, words)]


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
