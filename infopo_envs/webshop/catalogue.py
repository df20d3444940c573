"""A generated product catalogue: deterministic from its seed, one product at a time.

Products come in families of ``FAMILY_SIZE`` near-duplicates of one type around one target (see
``Family``), as a real shop lists many versions of the same thing; each product is drawn from its
family's generator and its own (seeded by the catalogue seed and its index), so product ``i`` is
the same in any process and in a catalogue of any size. Products hold what pages list and
rewards read (type, brand, title, attributes, options, price, rating); the longer text
(description, bullet points, reviews) is derived on demand from the same seed, so a 100,000
product catalogue stays small in memory.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from infopo_envs.core.seeding import stable_seed
from infopo_envs.webshop.vocabulary import (
    BRAND_HEADS,
    BRAND_TAILS,
    DESCRIPTION_OPENERS,
    GENERIC_BULLETS,
    PRODUCT_TYPES,
    REVIEW_LINES,
    REVIEWERS,
    TITLE_EXTRAS,
    ProductType,
)

#: Bump when generation changes: it is part of every cache key.
CATALOGUE_VERSION = 4
#: Products per family of near-duplicates (see ``Family``).
FAMILY_SIZE = 8
FAMILY_STREAM = 2
#: Goal attributes per family target (WebShop's human goals name about 2-4).
GOAL_FACETS = 3
MIN_FACETS = 4
#: A price variant costs this much more than its target: above the largest cap (price + $40).
PRICE_VARIANT_MARKUP = (40.5, 60.0)
DEFAULT_SEED = 0
ASIN_SPACE = 36**8
ASIN_STRIDE = 2_654_435_761  # coprime with 36**8, so index -> asin is one-to-one
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DRAWS_PER_PRODUCT = 64


#: Changes with the vocabulary and the generation constants, so a cached index never outlives
#: the data it was built from even when ``CATALOGUE_VERSION`` is not bumped.
_DATA_FINGERPRINT = hashlib.sha256(
    repr(
        (
            PRODUCT_TYPES, BRAND_HEADS, BRAND_TAILS, TITLE_EXTRAS, GENERIC_BULLETS,
            DESCRIPTION_OPENERS, REVIEW_LINES, REVIEWERS, FAMILY_SIZE, GOAL_FACETS,
            MIN_FACETS, PRICE_VARIANT_MARKUP,
        )
    ).encode()
).hexdigest()[:12]  # fmt: skip


class _Draws:
    """Uniform draws from one product's generator, consumed in order (one NumPy call each)."""

    def __init__(self, seed: int, index: int, stream: int, size: int = _DRAWS_PER_PRODUCT):
        self._u = np.random.default_rng([seed, index, stream]).random(size).tolist()
        self._next = 0

    def uniform(self, low: float = 0.0, high: float = 1.0) -> float:
        value = self._u[self._next % len(self._u)]
        self._next += 1
        return low + (high - low) * value

    def integer(self, low: int, high: int) -> int:
        """An integer in ``[low, high]`` (the next uniform draw, inlined: the hot path)."""
        value = self._u[self._next % len(self._u)]
        self._next += 1
        drawn = low + int(value * (high - low + 1))
        return drawn if drawn < high else high

    def pick(self, items: Sequence):
        return items[self.integer(0, len(items) - 1)]

    def sample(self, n: int, k: int) -> list[int]:
        """``k`` distinct indices of ``range(n)``, in increasing order."""
        pool = list(range(n))
        for i in range(k):
            j = self.integer(i, n - 1)
            pool[i], pool[j] = pool[j], pool[i]
        return sorted(pool[:k])


@dataclass(frozen=True)
class Review:
    reviewer: str
    stars: int
    text: str


@dataclass(frozen=True)
class ProductDetails:
    description: str
    bullets: tuple[str, ...]
    reviews: tuple[Review, ...]


@dataclass(frozen=True)
class Product:
    index: int
    asin: str
    type_id: int
    brand: str
    title: str
    price: float
    rating: float
    attributes: tuple[str, ...]
    options: tuple[tuple[str, tuple[str, ...]], ...]  # (option name, offered values)

    @property
    def kind(self) -> ProductType:
        return PRODUCT_TYPES[self.type_id]

    def option_values(self, name: str) -> tuple[str, ...]:
        return next((values for option, values in self.options if option == name), ())


def asin_for(seed: int, index: int) -> str:
    """A WebShop-style product id (``B0`` + 8 characters), distinct for every index."""
    number = (index * ASIN_STRIDE + seed) % ASIN_SPACE
    chars = []
    for _ in range(8):
        number, digit = divmod(number, 36)
        chars.append(_ALPHABET[digit])
    return "B0" + "".join(reversed(chars))


def title_case(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


@dataclass(frozen=True)
class Family:
    """A block of ``FAMILY_SIZE`` near-duplicate products of one type around one target.

    The target has ``goal_facets`` (the values a goal will ask for) and offers ``wanted`` (one
    value of each option). Every other member differs from it in exactly one of those: another
    value of one goal facet, no ``wanted`` value for one option, or a price above any cap a goal
    on the target can have. What goals do not ask for (brand, other attributes, other offered
    values, rating) varies freely.
    """

    type_id: int
    target_slot: int
    goal_values: tuple[tuple[int, str], ...]  # (facet index, the target's value)
    wanted: tuple[str, ...]  # per option
    target_price: float
    #: per slot: what differs from the target ("target", "attribute", "option" or "price") and
    #: which goal facet (index into ``goal_values``) or option it is
    changes: tuple[tuple[str, int], ...]


def family_of(index: int) -> tuple[int, int]:
    """(family, slot) of product ``index``."""
    return divmod(index, FAMILY_SIZE)


@functools.lru_cache(maxsize=256)
def generate_family(seed: int, family: int) -> Family:
    draws = _Draws(seed, family, FAMILY_STREAM)
    type_id = draws.integer(0, len(PRODUCT_TYPES) - 1)
    kind = PRODUCT_TYPES[type_id]
    count = GOAL_FACETS
    goal_values = tuple(
        (i, draws.pick(kind.facets[i].values)) for i in draws.sample(len(kind.facets), count)
    )
    wanted = tuple(draws.pick(option.values) for option in kind.options)
    low, high = kind.price
    price = round(int(draws.uniform(low, high)) + draws.pick((0.99, 0.49, 0.95, 0.0)), 2)
    kinds = [("attribute", i) for i in range(count)]
    kinds += [("option", i) for i in range(len(kind.options))] + [("price", 0)]
    while len(kinds) < FAMILY_SIZE - 1:
        kinds.append(draws.pick(kinds[: count + len(kind.options)]))
    shuffled = [kinds[i] for i in _permutation(draws, FAMILY_SIZE - 1)]
    target_slot = draws.integer(0, FAMILY_SIZE - 1)
    changes = [*shuffled[:target_slot], ("target", 0), *shuffled[target_slot:]]
    return Family(type_id, target_slot, goal_values, wanted, price, tuple(changes))


def _permutation(draws: _Draws, n: int) -> list[int]:
    pool = list(range(n))
    for i in range(n - 1):
        j = draws.integer(i, n - 1)
        pool[i], pool[j] = pool[j], pool[i]
    return pool


def generate_product(seed: int, index: int) -> Product:
    """Product ``index`` of the catalogue with (derived) seed ``seed``: one member of its
    family, the target or a near-duplicate that differs from it in one goal attribute, option
    or the price."""
    family_index, slot = family_of(index)
    family = generate_family(seed, family_index)
    change, which = family.changes[slot]
    draws = _Draws(seed, index, 0)
    kind = PRODUCT_TYPES[family.type_id]
    brand = draws.pick(BRAND_HEADS) + draws.pick(BRAND_TAILS)
    values = dict(family.goal_values)
    if change == "attribute":
        facet, current = family.goal_values[which]
        others = [v for v in kind.facets[facet].values if v != current]
        values[facet] = draws.pick(others)
    free = [i for i in range(len(kind.facets)) if i not in values]
    n_facets = draws.integer(min(MIN_FACETS, len(kind.facets)), len(kind.facets))
    extra = max(0, n_facets - len(values))
    for i in sorted([free[j] for j in draws.sample(len(free), min(extra, len(free)))]):
        values[i] = draws.pick(kind.facets[i].values)
    attributes = tuple([values[i] for i in sorted(values)])
    options = []
    for o, option in enumerate(kind.options):
        wanted = family.wanted[o]
        others = [v for v in option.values if v != wanted]
        count = draws.integer(1, min(4, len(others)))
        offered = {others[i] for i in draws.sample(len(others), count)}
        if not (change == "option" and which == o):
            offered.add(wanted)
        options.append((option.name, tuple([v for v in option.values if v in offered])))
    if change == "price":
        price = round(family.target_price + draws.uniform(*PRICE_VARIANT_MARKUP), 2)
    elif change == "target":
        price = family.target_price
    else:
        low = kind.price[0]
        price = round(draws.uniform(min(low, family.target_price), family.target_price), 2)
    rating = round(draws.uniform(2.5, 5.0), 1)
    in_title = [attributes[i] for i in draws.sample(len(attributes), draws.integer(1, 2))]
    title = _title(brand, draws.pick(TITLE_EXTRAS[kind.top]), kind.noun, in_title)
    return Product(
        index=index,
        asin=asin_for(seed, index),
        type_id=family.type_id,
        brand=brand,
        title=title,
        price=price,
        rating=rating,
        attributes=attributes,
        options=tuple(options),
    )


def _title(brand: str, extra: str, noun: str, attributes: list[str]) -> str:
    """``Brand Extra [Attribute] Noun[ For ...][, Attribute]``, like a marketplace listing."""
    before = [a for a in attributes if not a.startswith("for ")][:1]
    title = " ".join([brand, extra, *map(title_case, before), title_case(noun)])
    for attr in attributes:
        if attr not in before:
            title += (" " if attr.startswith("for ") else ", ") + title_case(attr)
    return title


_BULLET_FORMS = (
    "{ATTR}: thoughtfully designed to be {attr} for everyday use.",
    "{ATTR} - we ensured this {noun} is {attr} without compromise.",
    "{ATTR}: customers choose it because it is {attr}.",
)


def generate_details(seed: int, product: Product) -> ProductDetails:
    """The product's description, bullet points and reviews (derived, not stored)."""
    draws = _Draws(seed, product.index, 1)
    kind = product.kind
    noun = kind.noun
    bullets = [
        draws.pick(_BULLET_FORMS).format(ATTR=attr.upper(), attr=attr, noun=noun)
        for attr in product.attributes
    ]
    bullets.append(draws.pick(GENERIC_BULLETS[kind.top]))
    offered = "; ".join(f"{name}: {', '.join(values)}" for name, values in product.options)
    listed = ", ".join(product.attributes[:-1]) + f" and {product.attributes[-1]}"
    description = (
        f"{draws.pick(DESCRIPTION_OPENERS).format(brand=product.brand, noun=noun)} "
        f"It is {listed}. Available options - {offered}."
    )
    reviews = []
    for _ in range(draws.integer(1, 3)):
        stars = max(1, min(5, round(product.rating + draws.uniform(-1.5, 1.0))))
        reviews.append(Review(draws.pick(REVIEWERS), stars, draws.pick(REVIEW_LINES[stars])))
    return ProductDetails(description, tuple(bullets), tuple(reviews))


class Catalogue:
    """``num_products`` generated products; look-ups by index and by ASIN."""

    def __init__(self, seed: int = DEFAULT_SEED, num_products: int = 10_000):
        if num_products < 1:
            raise ValueError(f"num_products must be at least 1, got {num_products}")
        self.seed = int(seed)
        self.num_products = int(num_products)
        self._product_seed = stable_seed("WebShop-catalogue", CATALOGUE_VERSION, self.seed)
        self.products = [generate_product(self._product_seed, i) for i in range(num_products)]
        self._by_asin = {p.asin.lower(): p for p in self.products}

    @property
    def key(self) -> str:
        """Identifies the catalogue's content (for caches and task seeds)."""
        label = (
            f"webshop-v{CATALOGUE_VERSION}-{_DATA_FINGERPRINT}-seed{self.seed}-n{self.num_products}"
        )
        return hashlib.sha256(label.encode()).hexdigest()[:16]

    def __len__(self) -> int:
        return self.num_products

    def __getitem__(self, index: int) -> Product:
        return self.products[index]

    def family(self, family: int) -> Family:
        """The family (target and near-duplicates) of products ``family * FAMILY_SIZE`` on."""
        return generate_family(self._product_seed, family)

    def by_asin(self, asin: str) -> Product | None:
        return self._by_asin.get(asin.strip().lower())

    @functools.lru_cache(maxsize=256)  # noqa: B019  (catalogues live as long as the process)
    def details(self, index: int) -> ProductDetails:
        return generate_details(self._product_seed, self.products[index])

    def search_documents(self) -> Iterator[tuple[int, str, str]]:
        """``(index, title, full text)`` for every product, as the search index reads them."""
        for product in self.products:
            details = generate_details(self._product_seed, product)
            options = " ".join(v for _, values in product.options for v in values)
            text = " ".join(
                (
                    product.kind.category,
                    *product.attributes,
                    *details.bullets,
                    details.description,
                    options,
                )
            )
            yield product.index, product.title, text


@functools.lru_cache(maxsize=4)
def load_catalogue(seed: int = DEFAULT_SEED, num_products: int = 10_000) -> Catalogue:
    """A process-wide shared catalogue (products are immutable, so envs may share them)."""
    return Catalogue(seed, num_products)
