"""How instructions name things other than the catalogue does: other names for each product type
and paraphrases of attribute and option values (``data/paraphrases.json``, validated on load).

WebShop's instructions were written by people who rarely copy a listing's words; goals here draw
from these phrasings so that searching the instruction verbatim is not enough.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from pydantic import BaseModel, ConfigDict, field_validator

from infopo_envs.webshop.vocabulary import PRODUCT_TYPES


class Paraphrases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    types: dict[str, tuple[str, ...]]
    values: dict[str, tuple[str, ...]]

    @field_validator("types", "values")
    @classmethod
    def _non_empty(cls, table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for key, phrases in table.items():
            if not phrases or any(not p.strip() or p != p.strip().lower() for p in phrases):
                raise ValueError(f"{key!r}: phrasings must be non-empty lower-case text")
        return table


def _vocabulary_values() -> set[str]:
    values = set()
    for kind in PRODUCT_TYPES:
        values.update(v for facet in kind.facets for v in facet.values)
        values.update(v for option in kind.options for v in option.values)
    return values


@functools.cache
def paraphrases() -> Paraphrases:
    """The packaged table; every type has other names, and every key is a catalogue value."""
    text = (
        resources.files("infopo_envs.webshop")
        .joinpath("data", "paraphrases.json")
        .read_text("utf-8")
    )
    table = Paraphrases.model_validate(json.loads(text))
    missing = {kind.noun for kind in PRODUCT_TYPES} - set(table.types)
    stray = (set(table.types) - {kind.noun for kind in PRODUCT_TYPES}) | (
        set(table.values) - _vocabulary_values()
    )
    if missing or stray:
        raise ValueError(
            f"data/paraphrases.json: types without names {sorted(missing)}, "
            f"keys not in the vocabulary {sorted(stray)}"
        )
    return table


def type_names(noun: str) -> tuple[str, ...]:
    """Other names for a product type (``"shampoo"`` -> ``("hair wash", ...)``)."""
    return paraphrases().types[noun]


#: Regular forms, paraphrased by rule: (pattern, phrasings with {x} for the rest of the value).
_RULES = (
    (re.compile(r"^for (.+)$"), ("suited to {x}", "made for {x}")),
    (re.compile(r"^(.+) free$"), ("free of {x}", "with no {x}")),
    (re.compile(r"^(.+) resistant$"), ("resistant to {x}",)),
    (re.compile(r"^(.+) compatible$"), ("compatible with {x}",)),
    (re.compile(r"^(.+) included$"), ("comes with a {x}",)),
    (re.compile(r"^(.+) safe$"), ("safe in the {x}",)),
)


def value_phrasings(value: str) -> tuple[str, ...]:
    """Other ways to say an attribute or option value (empty when it is said as it is)."""
    listed = paraphrases().values.get(value)
    if listed:
        return listed
    for pattern, forms in _RULES:
        match = pattern.match(value)
        if match:
            return tuple(form.format(x=match.group(1)) for form in forms)
    return ()
