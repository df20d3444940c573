"""Seeded generation of the carrier's accounts and of the customer's (healthy) phone."""

from __future__ import annotations

import numpy as np

from infopo_envs.tooluse.core.people import FIRST_NAMES, LAST_NAMES
from infopo_envs.tooluse.telecom.data_model import (
    Bill,
    Customer,
    Line,
    Phone,
    Plan,
    TelecomDB,
    TelecomWorld,
)

PLANS = (
    ("P_BASIC", "Basic 5", 5.0, 25.0),
    ("P_PLUS", "Plus 15", 15.0, 40.0),
    ("P_MAX", "Max 40", 40.0, 60.0),
    ("P_UNLTD", "Unlimited 100", 100.0, 85.0),
)
PERIODS = ("2027-02", "2027-03", "2027-04")
N_CUSTOMERS = 200


def generate_world(rng: np.random.Generator) -> TelecomWorld:
    """Customers with one or two active lines and paid bills; the phone of one of the lines."""
    plans = {p[0]: Plan(plan_id=p[0], name=p[1], data_gb=p[2], price=p[3]) for p in PLANS}
    db = TelecomDB(plans=plans, customers={}, lines={})
    for index in range(N_CUSTOMERS):
        customer_id = f"C{10000 + index * 7 + int(rng.integers(7))}"
        name = (
            f"{FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))]} "
            f"{LAST_NAMES[int(rng.integers(len(LAST_NAMES)))]}"
        )
        customer = Customer(
            customer_id=customer_id,
            full_name=name,
            payment_method=f"card_{int(rng.integers(1000, 10000))}",
            lines=[],
            bills=[],
        )
        for _ in range(int(rng.integers(1, 3))):
            number = f"555{int(rng.integers(10**6, 10**7))}"
            while number in db.lines:
                number = f"555{int(rng.integers(10**6, 10**7))}"
            plan = PLANS[int(rng.integers(len(PLANS)))]
            db.lines[number] = Line(
                phone_number=number,
                customer_id=customer_id,
                plan_id=plan[0],
                status="active",
                roaming_enabled=bool(rng.random() < 0.3),
                data_used_gb=round(float(rng.uniform(0, plan[2] * 0.8)), 1),
            )
            customer.lines.append(number)
        for period in PERIODS:
            amount = round(float(rng.uniform(20, 120)), 2)
            customer.bills.append(
                Bill(
                    bill_id=f"B{customer_id[1:]}{period[-2:]}",
                    period=period,
                    amount=amount,
                    status="paid",
                )
            )
        db.customers[customer_id] = customer
    number = list(db.lines)[int(rng.integers(len(db.lines)))]
    return TelecomWorld(db=db, phone=Phone(phone_number=number))
