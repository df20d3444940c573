"""Seeded generation of a small retail database (products, users, orders)."""

from __future__ import annotations

from importlib import resources

import numpy as np
from pydantic import BaseModel

from infopo_envs.tooluse.core.people import FIRST_NAMES, LAST_NAMES
from infopo_envs.tooluse.retail.data_model import (
    Address,
    Order,
    OrderItem,
    Payment,
    PaymentMethod,
    Product,
    RetailDB,
    User,
    Variant,
)


class Catalogue(BaseModel):
    """The shop's data file: product name -> option name -> values, and address parts."""

    catalogue: dict[str, dict[str, list[str]]]
    streets: list[str]
    cities: list[tuple[str, str]]


DATA = Catalogue.model_validate_json(
    (resources.files(__package__) / "data" / "products.json").read_text(encoding="utf-8")
)
CATALOGUE, STREETS, CITIES = DATA.catalogue, DATA.streets, DATA.cities
#: tau2-bench's retail database has 500 users and about 1,000 orders
N_USERS, ORDERS_PER_USER = 500, (1, 4)


def generate_db(rng: np.random.Generator) -> RetailDB:
    """A database drawn from ``rng``: every product, ``N_USERS`` users with 1 to 3 orders each."""
    products = {p.product_id: p for p in (_product(rng, name) for name in CATALOGUE)}
    db = RetailDB(products=products, users={}, orders={})
    while len(db.users) < N_USERS:
        user = _user(rng, FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))])
        if user.user_id in db.users or _same_name_and_zip(db, user):
            continue
        db.users[user.user_id] = user
        for _ in range(int(rng.integers(*ORDERS_PER_USER))):
            order = _order(rng, user, db, _digits(rng, 7))
            if order.order_id not in db.orders:
                db.orders[order.order_id] = order
                user.orders.append(order.order_id)
    return db


def _same_name_and_zip(db: RetailDB, user: User) -> bool:
    """Name and zip code identify a customer, so no two may share them."""
    key = (user.first_name, user.last_name, user.address.zip)
    return any((u.first_name, u.last_name, u.address.zip) == key for u in db.users.values())


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(int(d)) for d in rng.integers(0, 10, n))


def random_address(rng: np.random.Generator) -> Address:
    city, state = CITIES[int(rng.integers(len(CITIES)))]
    street = STREETS[int(rng.integers(len(STREETS)))]
    return Address(
        address1=f"{int(rng.integers(10, 999))} {street}",
        city=city,
        state=state,
        zip=_digits(rng, 5),
    )


def _product(rng: np.random.Generator, name: str) -> Product:
    options = CATALOGUE[name]
    base = float(rng.integers(15, 200))
    variants = {}
    keys = list(options)
    combos = [[]]
    for key in keys:
        combos = [[*combo, value] for combo in combos for value in options[key]]
    for combo in combos:
        item_id = _digits(rng, 10)
        price = round(base + float(rng.integers(-500, 500)) / 100, 2)
        variants[item_id] = Variant(
            item_id=item_id,
            options=dict(zip(keys, combo, strict=True)),
            price=price,
            available=bool(rng.random() < 0.8),
        )
    return Product(product_id=_digits(rng, 10), name=name, variants=variants)


def _user(rng: np.random.Generator, first: str) -> User:
    last = LAST_NAMES[int(rng.integers(len(LAST_NAMES)))]
    user_id = f"{first.lower()}_{last.lower()}_{_digits(rng, 4)}"
    methods = [
        PaymentMethod(
            payment_method_id=f"credit_card_{_digits(rng, 7)}",
            kind="credit_card",
            last_four=_digits(rng, 4),
        )
    ]
    if rng.random() < 0.7:
        methods.append(
            PaymentMethod(
                payment_method_id=f"gift_card_{_digits(rng, 7)}",
                kind="gift_card",
                balance=float(rng.integers(0, 300)),
            )
        )
    if rng.random() < 0.4:
        methods.append(PaymentMethod(payment_method_id=f"paypal_{_digits(rng, 7)}", kind="paypal"))
    return User(
        user_id=user_id,
        first_name=first,
        last_name=last,
        email=f"{first.lower()}.{last.lower()}{_digits(rng, 2)}@example.com",
        address=random_address(rng),
        payment_methods={m.payment_method_id: m for m in methods},
        orders=[],
    )


def _order(rng: np.random.Generator, user: User, db: RetailDB, digits: str) -> Order:
    product_ids = list(db.products)
    chosen = rng.choice(len(product_ids), size=int(rng.integers(1, 4)), replace=False)
    items = []
    for index in chosen:
        product = db.products[product_ids[int(index)]]
        variants = list(product.variants.values())
        variant = variants[int(rng.integers(len(variants)))]
        items.append(
            OrderItem(
                item_id=variant.item_id,
                product_id=product.product_id,
                name=product.name,
                options=variant.options,
                price=variant.price,
            )
        )
    methods = list(user.payment_methods)
    method = methods[int(rng.integers(len(methods)))]
    total = round(sum(item.price for item in items), 2)
    status = ("pending", "processed", "delivered", "cancelled")[int(rng.integers(4))]
    return Order(
        order_id=f"#W{digits}",
        user_id=user.user_id,
        status=status,
        address=user.address.model_copy(),
        items=items,
        payments=[Payment(kind="payment", amount=total, payment_method_id=method)],
    )
