"""The store's vocabulary: a category hierarchy of product types, their attributes and options.

A ``ProductType`` is a leaf of the hierarchy (``Beauty & Personal Care › Hair Care › Shampoo``)
with the noun phrase that names it in titles, the attribute facets a product of that type may
have (``ingredients: sulfate free, paraben free, ...``), its purchase options (``size``,
``scent``) and a price range. Facets and options carry the words a shopper uses to ask about
them, which WebShopIntent's judge reads. The words are data (``data/vocabulary.json``, validated
by pydantic on load); ``catalogue`` draws products from them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator


@dataclass(frozen=True)
class Facet:
    """A family of attributes (a product has at most one value per facet)."""

    name: str
    values: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return FACET_KEYWORDS[self.name]


@dataclass(frozen=True)
class OptionKind:
    """A purchase option offered on the item page as radio buttons (size, colour, ...)."""

    name: str
    values: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return OPTION_KEYWORDS[self.name]


@dataclass(frozen=True)
class ProductType:
    path: tuple[str, ...]  # category path, top level first
    noun: str  # the product's noun phrase as it appears in titles ("face moisturizer")
    facets: tuple[Facet, ...]
    options: tuple[OptionKind, ...]
    price: tuple[float, float]

    @property
    def top(self) -> str:
        return self.path[0]

    @property
    def category(self) -> str:
        return " › ".join(self.path)


# ---- the shape of data/vocabulary.json -------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FacetData(_Strict):
    name: str
    values: tuple[str, ...] = Field(min_length=1)


class ProductTypeData(_Strict):
    path: tuple[str, ...] = Field(min_length=2)
    noun: str
    facets: tuple[FacetData, ...]
    options: tuple[FacetData, ...]
    price: tuple[float, float]

    @model_validator(mode="after")
    def _price_is_a_range(self) -> ProductTypeData:
        if not 0 < self.price[0] < self.price[1]:
            raise ValueError(f"{self.noun}: price range {self.price} is not low < high")
        return self


class VocabularyData(_Strict):
    facet_keywords: dict[str, tuple[str, ...]]
    option_keywords: dict[str, tuple[str, ...]]
    price_keywords: tuple[str, ...]
    product_types: tuple[ProductTypeData, ...] = Field(min_length=1)
    #: One more facet per top category, for every type of it that lacks a facet of that name:
    #: more attributes per product, so near-duplicates can differ in one of many.
    extra_facets: dict[str, FacetData]
    #: Sub-categories the shared facet does not fit (a necklace has no season).
    no_extra_facet: tuple[str, ...]
    brand_heads: tuple[str, ...]
    brand_tails: tuple[str, ...]
    title_extras: dict[str, tuple[str, ...]]
    generic_bullets: dict[str, tuple[str, ...]]
    description_openers: tuple[str, ...]
    review_lines: dict[int, tuple[str, ...]]
    reviewers: tuple[str, ...]

    @model_validator(mode="after")
    def _every_word_is_defined(self) -> VocabularyData:
        tops = {kind.path[0] for kind in self.product_types}
        for name, table in (
            ("extra_facets", self.extra_facets),
            ("title_extras", self.title_extras),
            ("generic_bullets", self.generic_bullets),
        ):
            if set(table) != tops:
                raise ValueError(f"{name} must cover exactly the top categories {sorted(tops)}")
        facets = {f.name for kind in self.product_types for f in kind.facets}
        facets |= {f.name for f in self.extra_facets.values()}
        if missing := facets - set(self.facet_keywords):
            raise ValueError(f"facets without keywords: {sorted(missing)}")
        options = {o.name for kind in self.product_types for o in kind.options}
        if missing := options - set(self.option_keywords):
            raise ValueError(f"options without keywords: {sorted(missing)}")
        if set(self.review_lines) != {1, 2, 3, 4, 5}:
            raise ValueError("review_lines must give lines for ratings 1 to 5")
        return self


def load_vocabulary() -> VocabularyData:
    path = resources.files("infopo_envs.webshop").joinpath("data", "vocabulary.json")
    return VocabularyData.model_validate_json(path.read_text("utf-8"))


def _facet(data: FacetData) -> Facet:
    return Facet(data.name, data.values)


def _product_type(data: ProductTypeData) -> ProductType:
    kind = ProductType(
        data.path,
        data.noun,
        tuple(_facet(f) for f in data.facets),
        tuple(OptionKind(o.name, o.values) for o in data.options),
        data.price,
    )
    extra = EXTRA_FACETS[kind.top]
    if kind.path[1] in NO_EXTRA_FACET or any(f.name == extra.name for f in kind.facets):
        return kind
    return replace(kind, facets=(*kind.facets, extra))


_DATA = load_vocabulary()
FACET_KEYWORDS: dict[str, tuple[str, ...]] = dict(_DATA.facet_keywords)
OPTION_KEYWORDS: dict[str, tuple[str, ...]] = dict(_DATA.option_keywords)
PRICE_KEYWORDS: tuple[str, ...] = _DATA.price_keywords
EXTRA_FACETS: dict[str, Facet] = {top: _facet(f) for top, f in _DATA.extra_facets.items()}
NO_EXTRA_FACET: tuple[str, ...] = _DATA.no_extra_facet
PRODUCT_TYPES: tuple[ProductType, ...] = tuple(_product_type(k) for k in _DATA.product_types)
BRAND_HEADS: tuple[str, ...] = _DATA.brand_heads
BRAND_TAILS: tuple[str, ...] = _DATA.brand_tails
TITLE_EXTRAS: dict[str, tuple[str, ...]] = dict(_DATA.title_extras)
GENERIC_BULLETS: dict[str, tuple[str, ...]] = dict(_DATA.generic_bullets)
DESCRIPTION_OPENERS: tuple[str, ...] = _DATA.description_openers
REVIEW_LINES: dict[int, tuple[str, ...]] = dict(_DATA.review_lines)
REVIEWERS: tuple[str, ...] = _DATA.reviewers
