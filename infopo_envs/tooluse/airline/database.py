"""Seeded generation of a small airline database (routes, flights by date, users, bookings)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from infopo_envs.tooluse.airline.data_model import (
    CABINS,
    AirlineDB,
    Flight,
    FlightDate,
    Passenger,
    Payment,
    PaymentMethod,
    Reservation,
    ReservationFlight,
    User,
)
from infopo_envs.tooluse.core.people import FIRST_NAMES, LAST_NAMES

AIRPORTS = ("JFK", "LAX", "ORD", "SFO", "SEA", "BOS", "DEN", "MIA", "ATL", "DFW", "PHX", "LAS")
TODAY = dt.date(2027, 5, 10)
#: tau2-bench's airline database has 500 users and about 2,000 reservations
N_DAYS, N_ROUTES, N_USERS = 6, 40, 500
CABIN_FACTOR = {"basic_economy": 0.7, "economy": 1.0, "business": 2.6}


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def generate_db(rng: np.random.Generator) -> AirlineDB:
    """Routes with two or three flights a day over the next days, users and their bookings."""
    db = AirlineDB(today=TODAY.isoformat(), flights={}, users={}, reservations={})
    pairs = [(a, b) for a in AIRPORTS for b in AIRPORTS if a != b]
    for index in rng.choice(len(pairs), N_ROUTES, replace=False):
        origin, destination = pairs[int(index)]
        base = float(rng.integers(90, 400))
        for _ in range(int(rng.integers(2, 4))):
            flight = _flight(rng, origin, destination, base, db)
            db.flights[flight.flight_number] = flight
    while len(db.users) < N_USERS:
        user = _user(rng, FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))])
        if user.user_id in db.users:
            continue
        db.users[user.user_id] = user
        for _ in range(int(rng.integers(2, 7))):
            reservation = _reservation(rng, user, db)
            if reservation.reservation_id not in db.reservations:
                db.reservations[reservation.reservation_id] = reservation
                user.reservations.append(reservation.reservation_id)
    return db


def _flight(rng, origin: str, destination: str, base: float, db: AirlineDB) -> Flight:
    number = f"HAT{int(rng.integers(100, 1000))}"
    while number in db.flights:
        number = f"HAT{int(rng.integers(100, 1000))}"
    dates = {}
    for offset in range(1, N_DAYS + 1):
        prices = {c: round(base * CABIN_FACTOR[c] + float(rng.integers(0, 60)), 2) for c in CABINS}
        seats = {c: int(rng.integers(2, 12)) for c in CABINS}
        dates[day(offset)] = FlightDate(status="on time", seats=seats, prices=prices)
    departure = f"{int(rng.integers(6, 22)):02d}:{int(rng.choice([0, 15, 30, 45])):02d}"
    return Flight(
        flight_number=number,
        origin=origin,
        destination=destination,
        departure=departure,
        dates=dates,
    )


def _dob(rng) -> str:
    year, month, day_of_month = rng.integers(1950, 2005), rng.integers(1, 13), rng.integers(1, 29)
    return f"{int(year)}-{int(month):02d}-{int(day_of_month):02d}"


def _user(rng, first: str) -> User:
    last = LAST_NAMES[int(rng.integers(len(LAST_NAMES)))]
    user_id = f"{first.lower()}_{last.lower()}_{int(rng.integers(1000, 10000))}"
    methods = [
        PaymentMethod(
            payment_method_id=f"credit_card_{int(rng.integers(10**6, 10**7))}", kind="credit_card"
        )
    ]
    if rng.random() < 0.5:
        methods.append(
            PaymentMethod(
                payment_method_id=f"gift_card_{int(rng.integers(10**6, 10**7))}",
                kind="gift_card",
                balance=float(rng.integers(50, 500)),
            )
        )
    membership = ("regular", "silver", "gold")[int(rng.integers(3))]
    return User(
        user_id=user_id,
        first_name=first,
        last_name=last,
        dob=_dob(rng),
        membership=membership,
        payment_methods={m.payment_method_id: m for m in methods},
        reservations=[],
    )


def _reservation(rng, user: User, db: AirlineDB) -> Reservation:
    flight = list(db.flights.values())[int(rng.integers(len(db.flights)))]
    date = day(int(rng.integers(1, N_DAYS + 1)))
    cabin = CABINS[int(rng.integers(3))]
    passengers = [Passenger(first_name=user.first_name, last_name=user.last_name, dob=user.dob)]
    if rng.random() < 0.4:
        passengers.append(
            Passenger(
                first_name=FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))],
                last_name=user.last_name,
                dob=_dob(rng),
            )
        )
    price = flight.dates[date].prices[cabin]
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    reservation_id = "".join(letters[int(i)] for i in rng.integers(0, len(letters), 6))
    method = next(iter(user.payment_methods))
    return Reservation(
        reservation_id=reservation_id,
        user_id=user.user_id,
        origin=flight.origin,
        destination=flight.destination,
        cabin=cabin,
        flights=[ReservationFlight(flight_number=flight.flight_number, date=date, price=price)],
        passengers=passengers,
        payment_history=[
            Payment(payment_method_id=method, amount=round(price * len(passengers), 2))
        ],
        created_at=day(-int(rng.integers(2, 30))),
        total_baggages=0,
        nonfree_baggages=0,
        insurance=bool(rng.random() < 0.3),
    )
