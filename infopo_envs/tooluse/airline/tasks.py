"""Airline task templates: each draws a traveller's scenario and its gold calls from the seed.

A template may adjust the freshly generated database so that its situation exists (a flight is
delayed, a booking was made today); the adjusted database is the task's initial state.
"""

from __future__ import annotations

import numpy as np

from infopo_envs.tooluse.airline.data_model import AirlineDB, Passenger, Reservation, User
from infopo_envs.tooluse.airline.tools import (
    BAG_PRICE,
    CERTIFICATE_PER_PASSENGER,
    FREE_BAGS,
)
from infopo_envs.tooluse.core import Decision, Fact, InfoItem, Task, ToolCall
from infopo_envs.tooluse.core.task import choose_customer, combine, money, pick, pick_row, rows

PAYMENT_TOPICS = ("payment", "pay", "card", "charge", "refund", "method")
NOT_CANCELLABLE = (
    "cannot be cancelled",
    "can't be cancelled",
    "cannot cancel",
    "can't cancel",
    "not eligible",
)


def _customer(rng: np.random.Generator, db: AirlineDB) -> tuple[User, Reservation]:
    user, start = choose_customer(rng, db.users, lambda u: u.reservations, 1)
    return user, db.reservations[user.reservations[start]]


def _identity(user: User) -> Fact:
    return Fact(
        "identity",
        ("user id", "identify", "verify", "account", "profile"),
        (f"My user id is {user.user_id}.", f"It's {user.user_id}."),
        "Could you give me your user id so I can look up your account?",
    )


def _reservation_fact(reservation: Reservation) -> Fact:
    rid = reservation.reservation_id
    return Fact(
        "reservation",
        ("reservation", "booking", "confirmation", "which trip"),
        (f"The reservation id is {rid}.", f"It's reservation {rid}."),
        "Which reservation is it? Please give me the reservation id.",
    )


def _card_fact(user: User) -> tuple[Fact, str]:
    card = next(m for m in user.payment_methods if m.startswith("credit_card"))
    return Fact(
        "payment",
        PAYMENT_TOPICS,
        ("Please use my credit card on file.",),
        "Which payment method should I use?",
    ), card


def _confirm(
    key: str,
    verb: str,
    reservation: Reservation,
    what: str,
    accept: bool = True,
    condition: str = "",
) -> Decision:
    rid = reservation.reservation_id
    return Decision(
        key,
        ((verb,), (rid,)),
        accept,
        condition or f"You agree to {verb} {what}.",
        f"To confirm: shall I {verb} {what} on reservation {rid}? Please confirm.",
    )


def _lookups(user: User, reservation: Reservation | None, *more: ToolCall) -> tuple:
    """Identify the user by the id they gave, read the reservation, then ``more``."""
    calls = [ToolCall("get_user_details", {"user_id": user.user_id})]
    if reservation is not None:
        calls.append(
            ToolCall("get_reservation_details", {"reservation_id": reservation.reservation_id})
        )
    return (*calls, *more)


def _paid(reservation: Reservation) -> float:
    return round(sum(p.amount for p in reservation.payment_history if p.amount > 0), 2)


def _slot(db: AirlineDB, reservation: Reservation):
    flight = reservation.flights[0]
    return db.flights[flight.flight_number].dates[flight.date]


def _economy(db: AirlineDB, reservation: Reservation) -> None:
    """Make the booking an uninsured economy one (as if bought that way)."""
    reservation.cabin, reservation.insurance = "economy", False
    reservation.flights[0].price = _slot(db, reservation).prices["economy"]


def cancel_eligible(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    why = pick(rng, ("today", "insurance"))
    if why == "today":
        reservation.created_at = db.today
        said = "I only booked it today."
    else:
        reservation.insurance = True
        said = "My plans changed, and I have travel insurance on it."
    refund = _paid(reservation)
    return Task(
        "cancel_eligible",
        "Hi, I need to cancel a flight booking.",
        f"Cancel reservation {reservation.reservation_id}.",
        (
            _identity(user),
            _reservation_fact(reservation),
            Fact("reason", ("reason", "why"), (said,), "What is the reason for cancelling?"),
        ),
        (_confirm("cancel", "cancel", reservation, "the whole reservation"),),
        (ToolCall("cancel_reservation", {"reservation_id": reservation.reservation_id}),),
        (InfoItem("refund", (money(refund),)),),
        f"You will be refunded ${money(refund)}.",
        _lookups(user, reservation),
    )


def cancel_not_allowed(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    _economy(db, reservation)
    return Task(
        "cancel_not_allowed",
        "I want to cancel my trip and get my money back.",
        f"Cancel reservation {reservation.reservation_id} if the rules allow it.",
        (
            _identity(user),
            _reservation_fact(reservation),
            Fact(
                "reason",
                ("reason", "why"),
                ("My plans changed.",),
                "What is the reason for cancelling?",
            ),
        ),
        required_info=(
            InfoItem(
                "not cancellable",
                NOT_CANCELLABLE,
                "word",
                grounds=(reservation.reservation_id,),
            ),
        ),
        tells="Under our policy this reservation cannot be cancelled.",
        lookups=_lookups(user, reservation),
    )


def upgrade_cabin(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    _economy(db, reservation)
    slot, count = _slot(db, reservation), len(reservation.passengers)
    slot.seats["business"] = max(slot.seats["business"], count)
    difference = round((slot.prices["business"] - slot.prices["economy"]) * count, 2)
    limit = float(round(difference * float(rng.uniform(0.6, 1.4))))
    accept = difference <= limit
    payment, card = _card_fact(user)
    rid = reservation.reservation_id
    upgrade = ToolCall(
        "update_reservation_cabin",
        {"reservation_id": rid, "cabin": "business", "payment_method_id": card},
    )
    flight = reservation.flights[0]
    search = ToolCall(
        "search_direct_flight",
        {"origin": reservation.origin, "destination": reservation.destination, "date": flight.date},
    )
    prices = slot.prices
    calculation = ToolCall(
        "calculate", {"expression": f"({prices['business']} - {prices['economy']}) * {count}"}
    )
    return Task(
        "upgrade_cabin",
        "Could I upgrade my flight to business class?",
        f"Upgrade reservation {rid} to business, only if it costs at most ${limit:.2f}.",
        (_identity(user), _reservation_fact(reservation), payment),
        (
            _confirm(
                "upgrade",
                "upgrade",
                reservation,
                "every passenger to business",
                accept,
                f"Agree to the upgrade only if it costs at most ${limit:.2f} in total.",
            ),
        ),
        (upgrade,) if accept else (),
        (InfoItem("price difference", (money(difference),)),),
        f"The upgrade costs ${money(difference)} in total.",
        _lookups(user, reservation, search, calculation),
        () if accept else (upgrade,),
    )


def add_bags(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    extra = int(rng.integers(1, 4))
    total = reservation.total_baggages + extra
    free = FREE_BAGS[user.membership][reservation.cabin] * len(reservation.passengers)
    nonfree = max(0, total - free)
    cost = BAG_PRICE * (nonfree - reservation.nonfree_baggages)
    payment, card = _card_fact(user)
    rid = reservation.reservation_id
    return Task(
        "add_bags",
        "I'd like to add some checked bags to my booking.",
        f"Add {extra} checked bags to reservation {rid}.",
        (
            _identity(user),
            _reservation_fact(reservation),
            Fact(
                "bags",
                ("bag", "bags", "baggage", "luggage", "how many"),
                (f"I need {extra} more checked bags.",),
                "How many checked bags do you want to add?",
            ),
            payment,
        ),
        (_confirm("bags", "add", reservation, f"{extra} checked bags"),),
        (
            ToolCall(
                "update_reservation_baggages",
                {
                    "reservation_id": rid,
                    "total_baggages": total,
                    "nonfree_baggages": nonfree,
                    "payment_method_id": card,
                },
            ),
        ),
        (InfoItem("cost", (money(cost),)),),
        f"The extra bags cost ${money(cost)}.",
        _lookups(user, reservation),
    )


def fix_passenger_name(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    index = int(rng.integers(len(reservation.passengers)))
    right = reservation.passengers[index]
    wrong_first = right.first_name[:-1] + ("e" if right.first_name[-1] != "e" else "a")
    reservation.passengers[index] = right.model_copy(update={"first_name": wrong_first})
    fixed = [p.model_dump() for p in reservation.passengers]
    fixed[index] = right.model_dump()
    rid = reservation.reservation_id
    return Task(
        "fix_passenger_name",
        "There's a typo in a passenger name on my booking.",
        f"Correct {wrong_first} {right.last_name} to {right.first_name} {right.last_name}.",
        (
            _identity(user),
            _reservation_fact(reservation),
            Fact(
                "name",
                ("name", "spelling", "spelled", "passenger", "typo"),
                (
                    f"It says {wrong_first} {right.last_name} but it should be {right.first_name} "
                    f"{right.last_name}.",
                ),
                "Which name is wrong, and how should it be spelled?",
            ),
        ),
        (_confirm("name", "correct", reservation, f"the name to {right.first_name}"),),
        (ToolCall("update_reservation_passengers", {"reservation_id": rid, "passengers": fixed}),),
        lookups=_lookups(user, reservation),
    )


def change_flight_date(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    _economy(db, reservation)
    old = reservation.flights[0]
    dates = [d for d in db.flights[old.flight_number].dates if d != old.date]
    date = pick(rng, dates)
    same_route = sorted(
        (
            f
            for f in rows(db.flights)
            if (f.origin, f.destination) == (reservation.origin, reservation.destination)
        ),
        key=lambda f: f.departure,
    )
    new = db.flights[same_route[0].flight_number]
    slot, count = new.dates[date], len(reservation.passengers)
    slot.status = "on time"
    slot.seats["economy"] = max(slot.seats["economy"], count)
    difference = round((slot.prices["economy"] - old.price) * count, 2)
    payment, card = _card_fact(user)
    rid = reservation.reservation_id
    return Task(
        "change_flight_date",
        "I need to move my flight to a different day.",
        f"Move reservation {rid} to the earliest flight on {date}.",
        (
            _identity(user),
            _reservation_fact(reservation),
            Fact(
                "date",
                ("date", "day", "when", "which flight", "time", "prefer"),
                (f"I'd like to fly on {date} instead, on the earliest flight that day.",),
                "Which date would suit you, and which flight do you prefer?",
            ),
            payment,
        ),
        (_confirm("change", "move", reservation, f"the booking to {new.flight_number} on {date}"),),
        (
            ToolCall(
                "update_reservation_flights",
                {
                    "reservation_id": rid,
                    "flight_number": new.flight_number,
                    "date": date,
                    "payment_method_id": card,
                },
            ),
        ),
        (InfoItem("price difference", (money(difference),)),),
        f"The price difference is ${money(difference)}.",
        _lookups(
            user,
            reservation,
            ToolCall(
                "search_direct_flight",
                {
                    "origin": reservation.origin,
                    "destination": reservation.destination,
                    "date": date,
                },
            ),
            ToolCall(
                "calculate", {"expression": f"({slot.prices['economy']} - {old.price}) * {count}"}
            ),
        ),
    )


def flight_delay(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, reservation = _customer(rng, db)
    slot = _slot(db, reservation)
    slot.status, slot.delay_minutes = "delayed", int(rng.integers(2, 12)) * 15
    return Task(
        "flight_delay",
        "Is my flight on time?",
        "Learn whether your flight is delayed, and by how many minutes.",
        (_identity(user), _reservation_fact(reservation)),
        required_info=(InfoItem("delay", (str(slot.delay_minutes),), "minutes"),),
        tells=f"Your flight is delayed by {slot.delay_minutes} minutes.",
        lookups=_lookups(
            user,
            reservation,
            ToolCall(
                "get_flight_status",
                {
                    "flight_number": reservation.flights[0].flight_number,
                    "date": reservation.flights[0].date,
                },
            ),
        ),
    )


def _compensation(rng: np.random.Generator, db: AirlineDB, status: str) -> Task:
    user, reservation = _customer(rng, db)
    user.membership = pick(rng, ("silver", "gold"))
    slot = _slot(db, reservation)
    slot.status = status
    slot.delay_minutes = 180 if status == "delayed" else 0
    amount = CERTIFICATE_PER_PASSENGER[status] * len(reservation.passengers)
    rid = reservation.reservation_id
    return Task(
        f"compensation_{status}",
        f"My flight was {status} and I'm really unhappy about it.",
        f"Get compensation for the {status} flight of reservation {rid}.",
        (_identity(user), _reservation_fact(reservation)),
        (
            Decision(
                "certificate",
                (("certificate",), (rid,)),
                True,
                "You accept a travel certificate as compensation.",
                f"Shall I send you a travel certificate for reservation {rid}? Please confirm.",
            ),
        ),
        (
            ToolCall(
                "send_certificate",
                {"user_id": user.user_id, "reservation_id": rid, "amount": amount},
            ),
        ),
        (InfoItem("certificate", (money(amount),)),),
        f"The certificate is worth ${money(amount)}.",
        _lookups(
            user,
            reservation,
            ToolCall(
                "get_flight_status",
                {
                    "flight_number": reservation.flights[0].flight_number,
                    "date": reservation.flights[0].date,
                },
            ),
        ),
    )


def compensation_cancelled(rng: np.random.Generator, db: AirlineDB) -> Task:
    return _compensation(rng, db, "cancelled")


def compensation_delayed(rng: np.random.Generator, db: AirlineDB) -> Task:
    return _compensation(rng, db, "delayed")


def book_flight(rng: np.random.Generator, db: AirlineDB) -> Task:
    user, _ = choose_customer(rng, db.users, lambda u: u.reservations)
    route = pick_row(rng, db.flights)
    date = pick(rng, route.dates)
    cabin = pick(rng, ("economy", "business"))
    options = [
        db.flights[f.flight_number]
        for f in rows(db.flights)
        if (f.origin, f.destination) == (route.origin, route.destination)
    ]
    for flight in options:
        flight.dates[date].status = "on time"
    route.dates[date].seats[cabin] = max(route.dates[date].seats[cabin], 1)
    best = min(
        (f for f in options if f.dates[date].seats[cabin] >= 1),
        key=lambda f: (f.dates[date].prices[cabin], f.departure),
    )
    price = best.dates[date].prices[cabin]
    payment, card = _card_fact(user)
    me = Passenger(first_name=user.first_name, last_name=user.last_name, dob=user.dob)
    return Task(
        "book_flight",
        "Hi, I want to book a flight.",
        f"Book the cheapest {cabin} flight from {route.origin} to {route.destination} on {date}.",
        (
            _identity(user),
            Fact(
                "trip",
                ("where", "from", "route", "destination", "origin", "date", "when"),
                (f"From {route.origin} to {route.destination} on {date}, one way.",),
                "Where are you flying from and to, and on which date?",
            ),
            Fact(
                "cabin",
                ("cabin", "class", "which flight", "cheapest", "prefer"),
                (f"{cabin.replace('_', ' ').capitalize()}, the cheapest flight.",),
                "Which cabin class, and which flight do you prefer?",
            ),
            Fact(
                "passengers",
                ("passenger", "passengers", "travelling", "birth"),
                (f"Just me, {me.first_name} {me.last_name}, born {me.dob}.",),
                "Who is travelling? Please give names and dates of birth.",
            ),
            Fact(
                "extras",
                ("bag", "bags", "baggage", "insurance"),
                ("No checked bags and no insurance.",),
                "Any checked bags or travel insurance?",
            ),
            payment,
        ),
        (
            Decision(
                "book",
                (("book",), (best.flight_number,)),
                True,
                "You agree to the cheapest flight in your cabin.",
                f"Shall I book {best.flight_number} on {date} in {cabin}? Please confirm.",
            ),
        ),
        (
            ToolCall(
                "book_reservation",
                {
                    "user_id": user.user_id,
                    "flight_number": best.flight_number,
                    "date": date,
                    "cabin": cabin,
                    "passengers": [me.model_dump()],
                    "payment_method_id": card,
                    "total_baggages": 0,
                    "nonfree_baggages": 0,
                    "insurance": False,
                },
            ),
        ),
        (InfoItem("price", (money(price),)),),
        f"The total price is ${money(price)}.",
        _lookups(
            user,
            None,
            ToolCall(
                "search_direct_flight",
                {"origin": route.origin, "destination": route.destination, "date": date},
            ),
        ),
    )


SINGLE = (
    cancel_eligible,
    cancel_not_allowed,
    upgrade_cabin,
    add_bags,
    fix_passenger_name,
    change_flight_date,
    flight_delay,
    compensation_cancelled,
    compensation_delayed,
    book_flight,
)
#: Two requests of one traveller, on different reservations.
PAIRS = tuple(
    combine(first, second)
    for first, second in (
        (cancel_eligible, flight_delay),
        (add_bags, fix_passenger_name),
        (upgrade_cabin, flight_delay),
        (change_flight_date, add_bags),
        (cancel_not_allowed, book_flight),
        (compensation_delayed, add_bags),
        (fix_passenger_name, flight_delay),
        (book_flight, add_bags),
        (compensation_cancelled, fix_passenger_name),
        (upgrade_cabin, fix_passenger_name),
    )
)
TEMPLATES = (*SINGLE, *PAIRS)
