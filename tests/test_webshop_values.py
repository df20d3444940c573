"""Canonical values (the reward's notion of "the same value") and the instructions' phrasings."""

from __future__ import annotations

import itertools
import re

import pytest

from infopo_envs.webshop.paraphrases import type_names, value_phrasings
from infopo_envs.webshop.values import Value, canonical, same_value
from infopo_envs.webshop.vocabulary import PRODUCT_TYPES


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("gold", "rose gold", False),
        ("iphone 15", "iphone 15 pro", False),
        ("pack of 2", "pack of 3", False),
        ("2 cameras", "4 cameras", False),
        ("400 thread count", "600 thread count", False),
        ("16 inch", "18 inch", False),
        ("x-large", "xx-large", False),
        ("bluetooth 5.0", "bluetooth 5.3", False),
        ("night vision", "color night vision", False),
        ("mint", "mist", True),  # one edit in a 4-letter word: spelling is bridged
        ("grey", "gray", True),
        ("Colour", "color", True),
        ("2 Pack", "pack of 2", True),
        ('16"', "16 inch", True),
        ("16 in", "16 inches", True),
        ("1.7 fl. oz", "1.7 Fluid Ounces", True),
        ("Jalapeño", "jalapeno", True),
        ("6.5", "6.50", True),
    ],
)
def test_same_value(a, b, same):
    assert same_value(a, b) is same and same_value(b, a) is same


def test_values_read_numbers_and_words():
    assert Value.read("8 oz (pack of 4)") == Value(
        (Value.read("8").numbers[0], Value.read("4").numbers[0]), ("#", "oz", "pack", "of", "#")
    )
    assert canonical("USB-C, 65W") == "usb c 65 w"


def _type_values(kind):
    for facet in kind.facets:
        yield from facet.values
    for option in kind.options:
        yield from option.values


@pytest.mark.parametrize("kind", PRODUCT_TYPES, ids=lambda kind: kind.noun)
def test_distinct_catalogue_values_are_never_the_same_value(kind):
    values = sorted(set(_type_values(kind)))
    for a, b in itertools.combinations(values, 2):
        assert not same_value(a, b), (a, b)
    for value in values:
        assert same_value(value.upper().replace(" ", "-"), value)


def _names(phrase: str, value: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", phrase) is not None


@pytest.mark.parametrize("kind", PRODUCT_TYPES, ids=lambda kind: kind.noun)
def test_phrasings_point_at_their_own_value_only(kind):
    """A paraphrase is never another value of the type, and names another value of the type
    only where the value itself does ("14k gold plated" and "gold")."""
    values = set(_type_values(kind))
    for value in values:
        for phrase in value_phrasings(value):
            for other in values - {value}:
                assert not same_value(phrase, other), (value, phrase, other)
                if _names(phrase, other):  # only where the value itself names it
                    assert _names(value, other) or _names(phrase, value), (value, phrase, other)
    names = type_names(kind.noun)
    assert names and kind.noun not in names
    others = {k.noun for k in PRODUCT_TYPES} - {kind.noun}
    assert not set(names) & others


def test_most_attribute_values_have_paraphrases():
    values = {v for kind in PRODUCT_TYPES for facet in kind.facets for v in facet.values}
    assert all(value_phrasings(v) for v in values)
