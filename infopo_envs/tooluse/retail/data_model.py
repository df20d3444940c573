"""The retail database: products with variants, users with payment methods, and orders."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

OrderStatus = Literal[
    "pending",
    "pending (items modified)",
    "processed",
    "delivered",
    "cancelled",
    "return requested",
    "exchange requested",
]


class Address(BaseModel):
    address1: str
    city: str
    state: str
    zip: str


class Variant(BaseModel):
    item_id: str
    options: dict[str, str]
    price: float
    available: bool


class Product(BaseModel):
    product_id: str
    name: str
    variants: dict[str, Variant]


class PaymentMethod(BaseModel):
    payment_method_id: str
    kind: Literal["credit_card", "gift_card", "paypal"]
    last_four: str | None = None
    balance: float | None = None  # gift cards only


class User(BaseModel):
    user_id: str
    first_name: str
    last_name: str
    email: str
    address: Address
    payment_methods: dict[str, PaymentMethod]
    orders: list[str]


class OrderItem(BaseModel):
    item_id: str
    product_id: str
    name: str
    options: dict[str, str]
    price: float


class Payment(BaseModel):
    kind: Literal["payment", "refund"]
    amount: float
    payment_method_id: str


class Order(BaseModel):
    order_id: str
    user_id: str
    status: OrderStatus
    address: Address
    items: list[OrderItem]
    payments: list[Payment]
    cancel_reason: str | None = None
    return_items: list[str] = []
    exchange_items: list[str] = []
    exchange_new_items: list[str] = []


class RetailDB(BaseModel):
    products: dict[str, Product]
    users: dict[str, User]
    orders: dict[str, Order]
