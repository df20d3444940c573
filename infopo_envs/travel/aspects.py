"""Travel aspects (static data): their search fields, and the hidden preferences a traveller holds.

The aspects are data (``data/aspects.json``, validated by pydantic on load). A ``PreferenceKind``
knows everything about one kind of preference: how to draw a hidden value, how to draw option
attributes that satisfy or violate it, and how a user says it without reciting the structured
value. The words that make a question about a kind are in ``data/lexicon.json`` (see ``judge``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

Value = Any
Scalar = bool | int | float | str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """One of ``options``, uniformly."""

    draw: Literal["choice"]
    options: tuple[Scalar, ...] = Field(min_length=1)

    def __call__(self, rng: np.random.Generator) -> Value:
        return self.options[int(rng.integers(len(self.options)))]


class UniformInt(_Strict):
    """A multiple of ``step`` between ``low`` and ``high``, uniformly."""

    draw: Literal["uniform_int"]
    low: int
    high: int
    step: int = Field(gt=0)

    def __call__(self, rng: np.random.Generator) -> Value:
        return int(rng.integers(self.low // self.step, self.high // self.step + 1)) * self.step


class Subset(_Strict):
    """``size`` distinct ``options``, sorted."""

    draw: Literal["subset"]
    options: tuple[str, ...]
    size: int = Field(gt=0)

    def __call__(self, rng: np.random.Generator) -> Value:
        picked = rng.choice(len(self.options), size=self.size, replace=False)
        return tuple(sorted(self.options[i] for i in picked))


class Flag(_Strict):
    """True or False, evenly."""

    draw: Literal["flag"]

    def __call__(self, rng: np.random.Generator) -> Value:
        return bool(rng.random() < 0.5)


class Always(_Strict):
    """Always ``value`` (draws nothing from the generator)."""

    draw: Literal["always"]
    value: Scalar

    def __call__(self, rng: np.random.Generator) -> Value:
        return self.value


Draw = Annotated[Choice | UniformInt | Subset | Flag | Always, Field(discriminator="draw")]

_SATISFIES = {
    "at_most": lambda attr, value: attr <= value,
    "at_least": lambda attr, value: attr >= value,
    "equals": lambda attr, value: attr == value,
    "contains": lambda attr, value: value in attr,
    "is_true": lambda attr, value: attr is True,
}


class Phrasings(_Strict):
    """How a traveller states a value: sentences per value, then templates with ``{value}``."""

    by_value: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    templates: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _some(self) -> Phrasings:
        if not self.by_value and not self.templates:
            raise ValueError("a kind needs phrasings by value or templates")
        return self


class KindData(_Strict):
    name: str
    label: str
    value: Draw
    attribute: Draw
    satisfies: Literal["at_most", "at_least", "equals", "contains", "is_true"]
    phrasings: Phrasings
    question: str


class AspectData(_Strict):
    search_fields: tuple[str, ...]
    name_parts: tuple[str, ...]
    kinds: tuple[KindData, ...]


class CatalogueData(_Strict):
    about: str
    aspects: dict[str, AspectData]
    cities: tuple[str, ...]
    home_cities: tuple[str, ...]

    @model_validator(mode="after")
    def _phrased_values(self) -> CatalogueData:
        for aspect, data in self.aspects.items():
            for kind in data.kinds:
                if isinstance(kind.value, Choice) and kind.phrasings.by_value:
                    missing = {str(v) for v in kind.value.options} - set(kind.phrasings.by_value)
                    if missing:
                        raise ValueError(f"{aspect}.{kind.name}: no phrasing for {sorted(missing)}")
        return self


@dataclass(frozen=True)
class PreferenceKind:
    """One kind of hidden preference for one aspect (e.g. the hotel's nightly budget)."""

    aspect: str
    data: KindData

    @property
    def name(self) -> str:  # attribute name on options, e.g. "price"
        return self.data.name

    @property
    def label(self) -> str:  # human label for role descriptions, e.g. "nightly budget"
        return self.data.label

    @property
    def question(self) -> str:  # a canonical concrete question (used by the oracle and docs)
        return self.data.question

    @property
    def key(self) -> str:
        return f"{self.aspect}.{self.name}"

    def draw_value(self, rng: np.random.Generator) -> Value:
        return self.data.value(rng)

    def draw_attr(self, rng: np.random.Generator) -> Value:
        """An option attribute, unconstrained."""
        return self.data.attribute(rng)

    def satisfies(self, attribute: Value, value: Value) -> bool:
        return _SATISFIES[self.data.satisfies](attribute, value)

    def phrasings(self, value: Value) -> tuple[str, ...]:
        """Implicit ways to state the preference."""
        own = self.data.phrasings.by_value.get(str(value), ())
        return own + tuple(t.format(value=value) for t in self.data.phrasings.templates)

    def draw_satisfying(self, rng: np.random.Generator, value: Value) -> Value:
        return _draw_until(rng, self.draw_attr, lambda attr: self.satisfies(attr, value))

    def draw_violating(self, rng: np.random.Generator, value: Value) -> Value:
        return _draw_until(rng, self.draw_attr, lambda attr: not self.satisfies(attr, value))


def _draw_until(rng, draw, accept, tries: int = 200):
    for _ in range(tries):
        attr = draw(rng)
        if accept(attr):
            return attr
    raise RuntimeError("aspects error: no attribute value satisfies the constraint")


def _load() -> CatalogueData:
    text = resources.files("infopo_envs.travel").joinpath("data", "aspects.json").read_text("utf-8")
    return CatalogueData.model_validate_json(text)


_DATA = _load()

KINDS: dict[str, tuple[PreferenceKind, ...]] = {
    aspect: tuple(PreferenceKind(aspect, kind) for kind in data.kinds)
    for aspect, data in _DATA.aspects.items()
}
ASPECTS = tuple(KINDS)

#: Fields of each aspect's structured search request (besides "aspect").
SEARCH_FIELDS: dict[str, tuple[str, ...]] = {
    aspect: data.search_fields for aspect, data in _DATA.aspects.items()
}
NAME_PARTS: dict[str, tuple[str, ...]] = {
    aspect: data.name_parts for aspect, data in _DATA.aspects.items()
}
CITIES = _DATA.cities
HOME_CITIES = _DATA.home_cities
