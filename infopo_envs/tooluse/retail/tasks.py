"""Retail task templates: each draws a customer's scenario and its gold calls from the seed.

A template may adjust the freshly generated database so that its situation exists (an order is
made pending, a gift card is added); the adjusted database is the task's initial state.
"""

from __future__ import annotations

import numpy as np

from infopo_envs.tooluse.core import Decision, Fact, InfoItem, Task, ToolCall
from infopo_envs.tooluse.core.task import choose_customer, combine, money, pick
from infopo_envs.tooluse.retail.data_model import Order, OrderItem, PaymentMethod, RetailDB, User
from infopo_envs.tooluse.retail.database import random_address

PAYMENT_TOPICS = ("payment", "pay", "card", "charge", "refund", "method", "price difference")
REASON_TOPICS = ("reason", "why", "no longer needed", "by mistake")
ITEM_TOPICS = ("item", "items", "product", "which one", "what would you like")


def _customer(rng: np.random.Generator, db: RetailDB, *statuses: str) -> tuple[User, list[Order]]:
    """A random user with enough orders; the orders the task uses get ``statuses``."""
    user, start = choose_customer(rng, db.users, lambda u: u.orders, len(statuses))
    orders = [db.orders[order_id] for order_id in user.orders[start : start + len(statuses)]]
    for order, status in zip(orders, statuses, strict=True):
        order.status = status
    return user, orders


def _identity(user: User) -> Fact:
    name = f"{user.first_name} {user.last_name}"
    return Fact(
        "identity",
        ("name", "zip", "zip code", "email", "user id", "identify", "verify", "authenticate"),
        (
            f"My name is {name} and my zip code is {user.address.zip}.",
            f"I'm {name}, zip code {user.address.zip}.",
        ),
        "Could you tell me your first name, last name and zip code so I can verify you?",
    )


def _order_fact(*orders: Order) -> Fact:
    ids = " and ".join(order.order_id for order in orders)
    return Fact(
        "order",
        (
            "order id",
            "order number",
            "which order",
            "order ids",
            "id of the order",
            "number of the order",
            "your orders",
        ),
        (f"It's order {ids}.", f"The order number is {ids}."),
        "Which order is it about? Please give me the order id.",
    )


def _lookups(user: User, *orders: Order) -> tuple[ToolCall, ...]:
    """Authenticate by name and zip, read the profile, then each order concerned."""
    who = {"first_name": user.first_name, "last_name": user.last_name, "zip": user.address.zip}
    return (
        ToolCall("find_user_id_by_name_zip", who),
        ToolCall("get_user_details", {"user_id": user.user_id}),
        *(ToolCall("get_order_details", {"order_id": order.order_id}) for order in orders),
    )


def _describe(item: OrderItem | object) -> str:
    options = ", ".join(item.options.values())
    return f"{item.name} ({options})"


def _card(user: User) -> PaymentMethod:
    return next(m for m in user.payment_methods.values() if m.kind == "credit_card")


def _gift_card(rng: np.random.Generator, user: User) -> PaymentMethod:
    card = next((m for m in user.payment_methods.values() if m.kind == "gift_card"), None)
    if card is None:
        card = PaymentMethod(
            payment_method_id=f"gift_card_{int(rng.integers(10**6, 10**7))}",
            kind="gift_card",
            balance=float(rng.integers(0, 200)),
        )
        user.payment_methods[card.payment_method_id] = card
    return card


def _confirm(
    key: str, verb: str, order: Order, what: str, accept: bool = True, condition: str = ""
) -> Decision:
    return Decision(
        key,
        ((verb,), (order.order_id,)),
        accept,
        condition or f"You agree to {verb} {what} in order {order.order_id}.",
        f"To confirm: shall I {verb} {what} in order {order.order_id}? Please confirm.",
    )


def _total(order: Order) -> float:
    return round(sum(p.amount for p in order.payments if p.kind == "payment"), 2)


def cancel_pending_order(rng: np.random.Generator, db: RetailDB) -> Task:
    user, (order,) = _customer(rng, db, "pending")
    reason = pick(rng, ("no longer needed", "ordered by mistake"))
    return Task(
        "cancel_pending_order",
        "Hi, I'd like to cancel an order I placed recently.",
        f"Cancel order {order.order_id} because it was {reason}.",
        (
            _identity(user),
            _order_fact(order),
            Fact(
                "reason",
                REASON_TOPICS,
                (f"The reason is: {reason}.",),
                "What is the reason for the cancellation?",
            ),
        ),
        (_confirm("cancel", "cancel", order, "everything"),),
        (ToolCall("cancel_pending_order", {"order_id": order.order_id, "reason": reason}),),
        (InfoItem("refund", (money(_total(order)),)),),
        f"You will be refunded ${money(_total(order))}.",
        _lookups(user, order),
    )


def cancel_processed_order(rng: np.random.Generator, db: RetailDB) -> Task:
    user, (order,) = _customer(rng, db, "processed")
    return Task(
        "cancel_processed_order",
        "I need to cancel one of my orders, please.",
        f"Cancel order {order.order_id} if it can still be cancelled; otherwise learn why not.",
        (_identity(user), _order_fact(order)),
        required_info=(
            InfoItem("status", ("processed",), "word", ("pending", "delivered", "shipped")),
        ),
        tells="Your order has already been processed, so it can no longer be cancelled.",
        lookups=_lookups(user, order),
    )


def return_items(rng: np.random.Generator, db: RetailDB, to_gift_card: bool = False) -> Task:
    user, (order,) = _customer(rng, db, "delivered")
    count = int(rng.integers(1, len(order.items) + 1))
    items = [order.items[int(i)] for i in sorted(rng.choice(len(order.items), count, False))]
    if to_gift_card:
        method, where = _gift_card(rng, user).payment_method_id, "my gift card"
    else:
        method, where = order.payments[0].payment_method_id, "the original payment method"
    refund = round(sum(item.price for item in items), 2)
    listed = " and ".join(_describe(item) for item in items)
    return Task(
        "return_to_gift_card" if to_gift_card else "return_items",
        "Hello, I want to return some things I received.",
        f"Return the {listed} from order {order.order_id}, refunded to {where}.",
        (
            _identity(user),
            _order_fact(order),
            Fact(
                "items",
                ITEM_TOPICS,
                (f"I want to return the {listed}.",),
                "Which items are you returning?",
            ),
            Fact(
                "refund_method",
                PAYMENT_TOPICS,
                (f"Please refund it to {where}.",),
                "Which payment method should receive the refund?",
            ),
        ),
        (_confirm("return", "return", order, listed),),
        (
            ToolCall(
                "return_delivered_order_items",
                {
                    "order_id": order.order_id,
                    "item_ids": [item.item_id for item in items],
                    "payment_method_id": method,
                },
            ),
        ),
        (InfoItem("refund", (money(refund),)),),
        f"The refund will be ${money(refund)}.",
        _lookups(user, order),
    )


def return_to_gift_card(rng: np.random.Generator, db: RetailDB) -> Task:
    return return_items(rng, db, to_gift_card=True)


def _swap(rng: np.random.Generator, db: RetailDB, status: str) -> Task:
    """Exchange (delivered) or modify (pending) one item, only within the customer's budget."""
    user, (order,) = _customer(rng, db, status)
    item = pick(rng, order.items)
    variants = [
        v for v in db.products[item.product_id].variants.values() if v.item_id != item.item_id
    ]
    new = pick(rng, variants)
    new.available = True
    difference = round(new.price - item.price, 2)
    limit = float(rng.integers(0, 8))
    accept = difference <= limit
    card = _card(user)
    verb = "exchange" if status == "delivered" else "modify"
    tool = "exchange_delivered_order_items" if verb == "exchange" else "modify_pending_order_items"
    wanted = ", ".join(new.options.values())
    gold = ToolCall(
        tool,
        {
            "order_id": order.order_id,
            "item_ids": [item.item_id],
            "new_item_ids": [new.item_id],
            "payment_method_id": card.payment_method_id,
        },
    )
    change = "costs" if difference >= 0 else "saves"
    return Task(
        f"{verb}_item",
        f"Hi, I'd like to {'exchange' if verb == 'exchange' else 'change'} an item in my order.",
        f"Get the {item.name} in {wanted} instead of {', '.join(item.options.values())}, "
        f"only if it costs at most ${limit:.2f} more.",
        (
            _identity(user),
            _order_fact(order),
            Fact(
                "item",
                ITEM_TOPICS,
                (f"It's the {_describe(item)}; I'd like it in {wanted}.",),
                "Which item is it, and which options are you after?",
            ),
            Fact(
                "payment",
                PAYMENT_TOPICS,
                (f"Use my credit card ending in {card.last_four} for any difference.",),
                "Which payment method should pay or receive the price difference?",
            ),
        ),
        (
            _confirm(
                verb,
                verb,
                order,
                f"the {item.name} for the {wanted} one",
                accept,
                f"Agree to the change only if it costs at most ${limit:.2f} more.",
            ),
        ),
        (gold,) if accept else (),
        (InfoItem("price difference", (money(difference),)),),
        f"The new item {change} ${money(difference)} compared to yours.",
        (
            *_lookups(user, order),
            ToolCall("get_product_details", {"product_id": item.product_id}),
            ToolCall("calculate", {"expression": f"{new.price} - {item.price}"}),
        ),
        () if accept else (gold,),
    )


def exchange_item(rng: np.random.Generator, db: RetailDB) -> Task:
    return _swap(rng, db, "delivered")


def modify_pending_item(rng: np.random.Generator, db: RetailDB) -> Task:
    return _swap(rng, db, "pending")


def _address_fact(address) -> Fact:
    text = f"{address.address1}, {address.city}, {address.state} {address.zip}"
    return Fact(
        "address",
        ("address", "ship", "shipping", "deliver", "where"),
        (f"The new address is {text}.",),
        "What is the new address?",
    )


def _address_args(address) -> dict[str, str]:
    return address.model_dump()


def change_order_address(rng: np.random.Generator, db: RetailDB) -> Task:
    user, (order,) = _customer(rng, db, "pending")
    address = random_address(rng)
    return Task(
        "change_order_address",
        "I just moved, can my order still be shipped to my new place?",
        f"Ship order {order.order_id} to {address.address1}, {address.city}.",
        (_identity(user), _order_fact(order), _address_fact(address)),
        (
            Decision(
                "address",
                (("address",), (order.order_id,)),
                True,
                "You agree to the new shipping address.",
                f"Shall I change the shipping address of order {order.order_id} to "
                f"{address.address1}, {address.city}? Please confirm.",
            ),
        ),
        (
            ToolCall(
                "modify_pending_order_address",
                {"order_id": order.order_id, **_address_args(address)},
            ),
        ),
        lookups=_lookups(user, order),
    )


def change_default_address(rng: np.random.Generator, db: RetailDB) -> Task:
    user, _ = _customer(rng, db)
    address = random_address(rng)
    return Task(
        "change_default_address",
        "Hi, I need to update the address on my account.",
        f"Make {address.address1}, {address.city} the account's default address.",
        (_identity(user), _address_fact(address)),
        (
            Decision(
                "address",
                (("address",), ("account", "default", "profile")),
                True,
                "You agree to the new default address.",
                f"Shall I update the default address on your account to {address.address1}, "
                f"{address.city}? Please confirm.",
            ),
        ),
        (ToolCall("modify_user_address", {"user_id": user.user_id, **_address_args(address)}),),
        lookups=_lookups(user),
    )


def order_total(rng: np.random.Generator, db: RetailDB) -> Task:
    user, (order,) = _customer(rng, db, pick(rng, ("processed", "delivered")))
    total = _total(order)
    return Task(
        "order_total",
        "Can you tell me how much I paid for one of my orders?",
        f"Learn the total paid for order {order.order_id}.",
        (_identity(user), _order_fact(order)),
        required_info=(InfoItem("total", (money(total),)),),
        tells=f"You paid ${money(total)} for that order.",
        lookups=_lookups(user, order),
    )


def cancel_two_orders(rng: np.random.Generator, db: RetailDB) -> Task:
    user, orders = _customer(rng, db, "pending", "pending")
    reason = "no longer needed"
    return Task(
        "cancel_two_orders",
        "I want to cancel a couple of orders.",
        f"Cancel orders {orders[0].order_id} and {orders[1].order_id} (no longer needed).",
        (
            _identity(user),
            _order_fact(*orders),
            Fact(
                "reason",
                ("reason", "why"),
                ("I no longer need them.",),
                "What is the reason for the cancellation?",
            ),
        ),
        tuple(_confirm(f"cancel {o.order_id}", "cancel", o, "everything") for o in orders),
        tuple(
            ToolCall("cancel_pending_order", {"order_id": o.order_id, "reason": reason})
            for o in orders
        ),
        tuple(InfoItem(f"refund {o.order_id}", (money(_total(o)),)) for o in orders),
        " ".join(f"Order {o.order_id} is refunded ${money(_total(o))}." for o in orders),
        _lookups(user, *orders),
    )


def gift_card_balance(rng: np.random.Generator, db: RetailDB) -> Task:
    user, _ = _customer(rng, db)
    card = _gift_card(rng, user)
    return Task(
        "gift_card_balance",
        "What's left on my gift card?",
        "Learn the balance of your gift card.",
        (_identity(user),),
        required_info=(InfoItem("balance", (money(card.balance or 0),)),),
        tells=f"Your gift card balance is ${money(card.balance or 0)}.",
        lookups=_lookups(user),
    )


SINGLE = (
    cancel_pending_order,
    cancel_processed_order,
    return_items,
    return_to_gift_card,
    exchange_item,
    modify_pending_item,
    change_order_address,
    change_default_address,
    order_total,
    cancel_two_orders,
    gift_card_balance,
)
#: Two requests of one customer (pairs whose changes do not move each other's answers).
PAIRS = tuple(
    combine(first, second)
    for first, second in (
        (cancel_pending_order, order_total),
        (return_items, cancel_processed_order),
        (change_order_address, gift_card_balance),
        (exchange_item, change_default_address),
        (modify_pending_item, order_total),
        (cancel_pending_order, return_items),
        (gift_card_balance, change_default_address),
        (return_to_gift_card, order_total),
        (cancel_processed_order, change_order_address),
    )
)
TEMPLATES = (*SINGLE, *PAIRS)
