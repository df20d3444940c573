"""The telecom world: the carrier's account database and the customer's phone.

Nothing derived is stored: whether the phone has service or data is computed from both sides
whenever it is read, so a change on either side (a line resumed, airplane mode off) shows on
the other at once.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

CARRIER_APN = "internet"
CARRIER_MMSC = "http://mms.carrier.example/mms"
NETWORK_MODES = ("4g_5g_preferred", "4g_only", "3g_only", "2g_only")
NetworkMode = Literal["4g_5g_preferred", "4g_only", "3g_only", "2g_only"]
#: The apps on every phone and the permissions each needs to work.
APP_NEEDS = {"messaging": ("sms", "storage"), "browser": ("network",), "camera": ("camera",)}


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


def _granted() -> dict[str, list[str]]:
    return {app: list(needs) for app, needs in APP_NEEDS.items()}


class Phone(BaseModel):
    """The customer's phone: every setting the customer can read or change with user tools."""

    phone_number: str
    airplane_mode: bool = False
    mobile_data: bool = True
    data_roaming: bool = False
    network_mode: NetworkMode = "4g_5g_preferred"
    apn: str = CARRIER_APN
    mmsc_url: str = CARRIER_MMSC
    sim_seated: bool = True
    data_saver: bool = False
    wifi: bool = False
    wifi_calling: bool = False
    vpn_connected: bool = False
    app_permissions: dict[str, list[str]] = Field(default_factory=_granted)
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
    if phone.network_mode == "2g_only":
        return "2G only"
    return None


def download_mbps(world: TelecomWorld) -> float | None:
    """What a speed test measures over mobile data (None: no connection)."""
    if no_data_reason(world) is not None:
        return None
    phone, speed = world.phone, 48.0
    if phone.network_mode == "3g_only":
        speed = 3.0
    if phone.data_saver:
        speed /= 8
    if phone.vpn_connected:
        speed /= 12
    return round(speed, 1)


def no_mms_reason(world: TelecomWorld) -> str | None:
    """Why the phone cannot send picture messages, or None."""
    if (reason := no_data_reason(world)) is not None:
        return reason
    if world.phone.mmsc_url != CARRIER_MMSC:
        return "wrong MMS settings"
    granted = set(world.phone.app_permissions.get("messaging", ()))
    missing = [p for p in APP_NEEDS["messaging"] if p not in granted]
    return f"messaging lacks {missing[0]} permission" if missing else None
