"""The retail agent's tools, as in tau2-bench's retail domain.

Tools execute every well-formed call that the database allows (ids that exist, an order in
the status the operation needs, available variants of the same product, enough gift-card
balance); they do not enforce the policy (whom to serve, when to ask, where refunds may go):
the judge reads violations from the episode and the final state.
"""

from __future__ import annotations

from typing import Literal

from infopo_envs.tooluse.core import ToolError, ToolRegistry
from infopo_envs.tooluse.core.common_tools import COMMON_TOOLS
from infopo_envs.tooluse.core.registry import identify, public, write
from infopo_envs.tooluse.retail.data_model import (
    Address,
    Order,
    OrderItem,
    Payment,
    Product,
    RetailDB,
    User,
)

PENDING = ("pending",)


def _user(db: RetailDB, user_id: str) -> User:
    if user_id not in db.users:
        raise ToolError(f"User {user_id!r} not found.")
    return db.users[user_id]


def _order(db: RetailDB, order_id: str, statuses: tuple[str, ...] | None = None) -> Order:
    order = db.orders.get(order_id) or db.orders.get(f"#{order_id.lstrip('#')}")
    if order is None:
        raise ToolError(f"Order {order_id!r} not found.")
    if statuses is not None and order.status not in statuses:
        raise ToolError(
            f"Order {order.order_id} is {order.status}; this needs {' or '.join(statuses)}."
        )
    return order


def _payment_method(db: RetailDB, order: Order, payment_method_id: str):
    method = db.users[order.user_id].payment_methods.get(payment_method_id)
    if method is None:
        raise ToolError(f"Payment method {payment_method_id!r} is not one of the user's.")
    return method


def _items(order: Order, item_ids: list[str]) -> list[OrderItem]:
    if not item_ids:
        raise ToolError("Give at least one item id.")
    remaining = list(order.items)
    picked = []
    for item_id in item_ids:
        match = next((item for item in remaining if item.item_id == item_id), None)
        if match is None:
            raise ToolError(f"Item {item_id} is not (or not that many times) in {order.order_id}.")
        remaining.remove(match)
        picked.append(match)
    return picked


def _new_variants(db: RetailDB, old: list[OrderItem], new_item_ids: list[str]):
    if len(old) != len(new_item_ids):
        raise ToolError("item_ids and new_item_ids must have the same length.")
    variants = []
    for item, new_id in zip(old, new_item_ids, strict=True):
        variant = db.products[item.product_id].variants.get(new_id)
        if variant is None:
            raise ToolError(f"{new_id} is not a variant of {item.name} ({item.product_id}).")
        if new_id == item.item_id:
            raise ToolError(f"{new_id} is the item already ordered.")
        if not variant.available:
            raise ToolError(f"Item {new_id} is not available.")
        variants.append(variant)
    return variants


def _charge(db: RetailDB, order: Order, payment_method_id: str, amount: float) -> None:
    """Record a payment (amount > 0) or refund (amount < 0) on the method; gift cards move."""
    method = _payment_method(db, order, payment_method_id)
    amount = round(amount, 2)
    if method.kind == "gift_card":
        if amount > (method.balance or 0):
            raise ToolError(f"Gift card {payment_method_id} has only {method.balance:.2f}.")
        method.balance = round((method.balance or 0) - amount, 2)
    if amount:
        kind = "payment" if amount > 0 else "refund"
        order.payments.append(
            Payment(kind=kind, amount=abs(amount), payment_method_id=payment_method_id)
        )


@identify
def find_user_id_by_name_zip(db: RetailDB, first_name: str, last_name: str, zip: str) -> str:
    """Find a user's id from their first name, last name and zip code.

    Args:
        first_name: The first name, such as 'Ava'.
        last_name: The last name, such as 'Garcia'.
        zip: The zip code of the user's address, such as '78701'.
    """
    for user in db.users.values():
        if (user.first_name.lower(), user.last_name.lower(), user.address.zip) == (
            first_name.strip().lower(),
            last_name.strip().lower(),
            zip.strip(),
        ):
            return user.user_id
    raise ToolError("No user with that name and zip code.")


@identify
def find_user_id_by_email(db: RetailDB, email: str) -> str:
    """Find a user's id from their email address.

    Args:
        email: The email address, such as 'ava.garcia12@example.com'.
    """
    for user in db.users.values():
        if user.email.lower() == email.strip().lower():
            return user.user_id
    raise ToolError("No user with that email.")


def get_user_details(db: RetailDB, user_id: str) -> User:
    """Get a user's profile: name, email, address, payment methods and order ids.

    Args:
        user_id: The user id, such as 'ava_garcia_1234'.
    """
    return _user(db, user_id)


def get_order_details(db: RetailDB, order_id: str) -> Order:
    """Get an order's status, items, address and payments.

    Args:
        order_id: The order id, such as '#W0000001'.
    """
    return _order(db, order_id)


@public
def get_product_details(db: RetailDB, product_id: str) -> Product:
    """Get a product's variants with their item ids, options, prices and availability.

    Args:
        product_id: The product id, such as '1234567890'.
    """
    if product_id not in db.products:
        raise ToolError(f"Product {product_id!r} not found.")
    return db.products[product_id]


@public
def list_all_product_types(db: RetailDB) -> dict[str, str]:
    """List every product type (name -> product id)."""
    return {product.name: product.product_id for product in db.products.values()}


@write
def cancel_pending_order(
    db: RetailDB, order_id: str, reason: Literal["no longer needed", "ordered by mistake"]
) -> Order:
    """Cancel a pending order; every payment is refunded to the method it came from.

    Args:
        order_id: The order id, such as '#W0000001'.
        reason: Why the customer cancels: 'no longer needed' or 'ordered by mistake'.
    """
    order = _order(db, order_id, PENDING)
    for payment in [p for p in order.payments if p.kind == "payment"]:
        _charge(db, order, payment.payment_method_id, -payment.amount)
    order.status, order.cancel_reason = "cancelled", reason
    return order


@write
def modify_pending_order_address(
    db: RetailDB, order_id: str, address1: str, city: str, state: str, zip: str
) -> Order:
    """Change the shipping address of a pending order.

    Args:
        order_id: The order id, such as '#W0000001'.
        address1: Street and number, such as '12 Oak St'.
        city: The city.
        state: The two-letter state code, such as 'TX'.
        zip: The zip code.
    """
    order = _order(db, order_id, (*PENDING, "pending (items modified)"))
    order.address = Address(address1=address1, city=city, state=state, zip=zip)
    return order


@write
def modify_pending_order_items(
    db: RetailDB,
    order_id: str,
    item_ids: list[str],
    new_item_ids: list[str],
    payment_method_id: str,
) -> Order:
    """Swap items of a pending order for other variants of the same products (once per order).

    Args:
        order_id: The order id, such as '#W0000001'.
        item_ids: The item ids to replace.
        new_item_ids: The new item ids, in the same order (same product, available).
        payment_method_id: The user's payment method that pays or receives the price difference.
    """
    order = _order(db, order_id, PENDING)
    old = _items(order, item_ids)
    variants = _new_variants(db, old, new_item_ids)
    difference = sum(v.price for v in variants) - sum(item.price for item in old)
    _charge(db, order, payment_method_id, difference)
    for item, variant in zip(old, variants, strict=True):
        item.item_id, item.options, item.price = variant.item_id, variant.options, variant.price
    order.status = "pending (items modified)"
    return order


@write
def modify_user_address(
    db: RetailDB, user_id: str, address1: str, city: str, state: str, zip: str
) -> User:
    """Change a user's default address (existing orders keep theirs).

    Args:
        user_id: The user id, such as 'ava_garcia_1234'.
        address1: Street and number, such as '12 Oak St'.
        city: The city.
        state: The two-letter state code, such as 'TX'.
        zip: The zip code.
    """
    user = _user(db, user_id)
    user.address = Address(address1=address1, city=city, state=state, zip=zip)
    return user


@write
def return_delivered_order_items(
    db: RetailDB, order_id: str, item_ids: list[str], payment_method_id: str
) -> Order:
    """Request the return of delivered items; the refund goes to the original method or a gift card.

    Args:
        order_id: The order id, such as '#W0000001'.
        item_ids: The item ids to return.
        payment_method_id: The original payment method of the order, or a gift card of the user.
    """
    order = _order(db, order_id, ("delivered",))
    items = _items(order, item_ids)
    _charge(db, order, payment_method_id, -sum(item.price for item in items))
    order.status, order.return_items = "return requested", sorted(item_ids)
    return order


@write
def exchange_delivered_order_items(
    db: RetailDB,
    order_id: str,
    item_ids: list[str],
    new_item_ids: list[str],
    payment_method_id: str,
) -> Order:
    """Request the exchange of delivered items for other variants of the same products.

    Args:
        order_id: The order id, such as '#W0000001'.
        item_ids: The item ids to exchange.
        new_item_ids: The new item ids, in the same order (same product, available).
        payment_method_id: The user's payment method that pays or receives the price difference.
    """
    order = _order(db, order_id, ("delivered",))
    old = _items(order, item_ids)
    variants = _new_variants(db, old, new_item_ids)
    difference = sum(v.price for v in variants) - sum(item.price for item in old)
    _charge(db, order, payment_method_id, difference)
    order.status = "exchange requested"
    order.exchange_items, order.exchange_new_items = list(item_ids), list(new_item_ids)
    return order


@write
def modify_pending_order_payment(db: RetailDB, order_id: str, payment_method_id: str) -> Order:
    """Pay a pending order with another of the user's methods; the old one is refunded.

    Args:
        order_id: The order id, such as '#W0000001'.
        payment_method_id: The new payment method, such as 'gift_card_1234567'.
    """
    order = _order(db, order_id, PENDING)
    paid = [p for p in order.payments if p.kind == "payment"]
    if len(paid) != 1:
        raise ToolError("Only an order paid with a single method can change its payment.")
    if paid[0].payment_method_id == payment_method_id:
        raise ToolError("The order is already paid with that method.")
    _payment_method(db, order, payment_method_id)
    _charge(db, order, payment_method_id, paid[0].amount)
    _charge(db, order, paid[0].payment_method_id, -paid[0].amount)
    return order


TOOLS = ToolRegistry(
    [
        *COMMON_TOOLS,
        find_user_id_by_name_zip,
        find_user_id_by_email,
        get_user_details,
        get_order_details,
        get_product_details,
        list_all_product_types,
        cancel_pending_order,
        modify_pending_order_address,
        modify_pending_order_items,
        modify_user_address,
        return_delivered_order_items,
        exchange_delivered_order_items,
        modify_pending_order_payment,
    ]
)
