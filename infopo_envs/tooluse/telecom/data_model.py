"""The telecom world: the carrier's account database and the customer's phone.

Nothing derived is stored: whether the phone has service or data is computed from both sides
whenever it is read, so a change on either side (a line resumed, airplane mode off) shows on
the other at once.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

CARRIER_APN = "internet"


class Plan(BaseModel):
    plan_id: str
    name: str
    data_gb: float
    price: float  # per month


class Bill(BaseModel):
    bill_id: str
    period: str
    amount: float
    status: Literal["paid", "overdue"]


class Line(BaseModel):
    phone_number: str
    customer_id: str
    plan_id: str
    status: Literal["active", "suspended"]
    roaming_enabled: bool
    data_used_gb: float
    data_refill_gb: float = 0.0


class Customer(BaseModel):
    customer_id: str
    full_name: str
    payment_method: str
    lines: list[str]
    bills: list[Bill]


class TelecomDB(BaseModel):
    plans: dict[str, Plan]
    customers: dict[str, Customer]
    lines: dict[str, Line]


class Phone(BaseModel):
    phone_number: str
    airplane_mode: bool = False
    mobile_data: bool = True
    data_roaming: bool = False
    apn: str = CARRIER_APN
    sim_seated: bool = True
    abroad: bool = False


class TelecomWorld(BaseModel):
    db: TelecomDB
    phone: Phone


def no_service_reason(world: TelecomWorld) -> str | None:
    """Why the phone has no network at all, or None."""
    line = world.db.lines[world.phone.phone_number]
    if world.phone.airplane_mode:
        return "airplane mode"
    if not world.phone.sim_seated:
        return "no SIM"
    if line.status != "active":
        return "line suspended"
    return None


def no_data_reason(world: TelecomWorld) -> str | None:
    """Why the phone has no mobile data, or None."""
    phone, line = world.phone, world.db.lines[world.phone.phone_number]
    plan = world.db.plans[line.plan_id]
    if (reason := no_service_reason(world)) is not None:
        return reason
    if not phone.mobile_data:
        return "mobile data off"
    if phone.apn != CARRIER_APN:
        return "wrong APN"
    if phone.abroad and not (phone.data_roaming and line.roaming_enabled):
        return "roaming"
    if line.data_used_gb >= plan.data_gb + line.data_refill_gb:
        return "data used up"
    return None
