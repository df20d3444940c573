"""The airline agent's tools, as in tau2-bench's airline domain.

Tools execute every well-formed call that the database allows (ids that exist, flights on
the date, free seats, enough balance, the same number of passengers); they do not enforce the
policy (who may cancel, which cabins may change flights, bag allowances, who is compensated
and how much): the judge reads violations from the episode and the final state.
"""

from __future__ import annotations

from typing import Any

from infopo_envs.tooluse.airline.data_model import (
    AirlineDB,
    Cabin,
    FlightDate,
    Passenger,
    Payment,
    PaymentMethod,
    Reservation,
    ReservationFlight,
    User,
)
from infopo_envs.tooluse.core import ToolError, ToolRegistry
from infopo_envs.tooluse.core.common_tools import COMMON_TOOLS
from infopo_envs.tooluse.core.registry import identify, public, write

#: free checked bags per passenger, by membership and cabin
FREE_BAGS = {
    "regular": {"basic_economy": 0, "economy": 1, "business": 2},
    "silver": {"basic_economy": 1, "economy": 2, "business": 3},
    "gold": {"basic_economy": 2, "economy": 3, "business": 4},
}
BAG_PRICE, INSURANCE_PRICE = 50.0, 30.0
CERTIFICATE_PER_PASSENGER = {"cancelled": 100.0, "delayed": 50.0}


def _user(db: AirlineDB, user_id: str) -> User:
    if user_id not in db.users:
        raise ToolError(f"User {user_id!r} not found.")
    return db.users[user_id]


def _reservation(db: AirlineDB, reservation_id: str, active: bool = True) -> Reservation:
    reservation = db.reservations.get(reservation_id.strip().upper())
    if reservation is None:
        raise ToolError(f"Reservation {reservation_id!r} not found.")
    if active and reservation.status != "active":
        raise ToolError(f"Reservation {reservation.reservation_id} is cancelled.")
    return reservation


def _flight_date(db: AirlineDB, flight_number: str, date: str) -> FlightDate:
    flight = db.flights.get(flight_number)
    if flight is None or date not in flight.dates:
        raise ToolError(f"No flight {flight_number} on {date}.")
    return flight.dates[date]


def _take_seats(slot: FlightDate, cabin: str, count: int) -> None:
    if slot.status == "cancelled":
        raise ToolError("That flight is cancelled.")
    if slot.seats[cabin] < count:
        raise ToolError(f"Only {slot.seats[cabin]} {cabin} seats left.")
    slot.seats[cabin] -= count


def pay(db: AirlineDB, user: User, reservation: Reservation, method_id: str, amount: float) -> None:
    """Charge (amount > 0) or refund (amount < 0) ``method_id`` and record it."""
    method = user.payment_methods.get(method_id)
    if method is None:
        raise ToolError(f"Payment method {method_id!r} is not one of the user's.")
    amount = round(amount, 2)
    if method.balance is not None:
        if amount > method.balance:
            raise ToolError(f"{method_id} has only {method.balance:.2f} left.")
        method.balance = round(method.balance - amount, 2)
    if amount:
        reservation.payment_history.append(Payment(payment_method_id=method_id, amount=amount))


def free_bags(db: AirlineDB, reservation: Reservation) -> int:
    membership = db.users[reservation.user_id].membership
    return FREE_BAGS[membership][reservation.cabin] * len(reservation.passengers)


@identify
def get_user_details(db: AirlineDB, user_id: str) -> User:
    """Get a user's profile: membership, payment methods and reservation ids.

    Args:
        user_id: The user id, such as 'ava_garcia_1234'.
    """
    return _user(db, user_id)


def get_reservation_details(db: AirlineDB, reservation_id: str) -> Reservation:
    """Get a reservation: flights, cabin, passengers, payments, bags, insurance, booking date.

    Args:
        reservation_id: The six-character reservation id, such as 'ZFA04Y'.
    """
    return _reservation(db, reservation_id, active=False)


@public
def search_direct_flight(db: AirlineDB, origin: str, destination: str, date: str) -> list[dict]:
    """Search direct flights between two airports on a date, with seats and prices per cabin.

    Args:
        origin: The origin airport code, such as 'JFK'.
        destination: The destination airport code, such as 'LAX'.
        date: The date, 'YYYY-MM-DD'.
    """
    found: list[dict[str, Any]] = []
    for flight in db.flights.values():
        if (flight.origin, flight.destination) == (origin.upper(), destination.upper()):
            slot = flight.dates.get(date)
            if slot is not None:
                found.append(
                    {
                        "flight_number": flight.flight_number,
                        "departure": flight.departure,
                        **slot.model_dump(),
                    }
                )
    return sorted(found, key=lambda f: f["departure"])


@public
def get_flight_status(db: AirlineDB, flight_number: str, date: str) -> dict:
    """Get a flight's status on a date (on time, delayed with minutes, or cancelled).

    Args:
        flight_number: The flight number, such as 'HAT123'.
        date: The date, 'YYYY-MM-DD'.
    """
    slot = _flight_date(db, flight_number, date)
    return {"status": slot.status, "delay_minutes": slot.delay_minutes}


@write
def book_reservation(
    db: AirlineDB,
    user_id: str,
    flight_number: str,
    date: str,
    cabin: Cabin,
    passengers: list[Passenger],
    payment_method_id: str,
    total_baggages: int,
    nonfree_baggages: int,
    insurance: bool,
) -> Reservation:
    """Book a one-way direct flight for up to five passengers, paid with one method.

    Args:
        user_id: The user id of the person booking.
        flight_number: The flight number, such as 'HAT123'.
        date: The date, 'YYYY-MM-DD'.
        cabin: 'basic_economy', 'economy' or 'business'.
        passengers: Each passenger's first name, last name and date of birth.
        payment_method_id: The user's payment method that pays the whole price.
        total_baggages: The number of checked bags.
        nonfree_baggages: The number of checked bags beyond the free allowance.
        insurance: Whether to buy travel insurance (30 per passenger).
    """
    user = _user(db, user_id)
    if not 1 <= len(passengers) <= 5:
        raise ToolError("A reservation has one to five passengers.")
    slot = _flight_date(db, flight_number, date)
    flight = db.flights[flight_number]
    _take_seats(slot, cabin, len(passengers))
    reservation = Reservation(
        reservation_id=f"NEW{len(db.reservations) + 1:03d}",
        user_id=user_id,
        origin=flight.origin,
        destination=flight.destination,
        cabin=cabin,
        flights=[
            ReservationFlight(flight_number=flight_number, date=date, price=slot.prices[cabin])
        ],
        passengers=passengers,
        payment_history=[],
        created_at=db.today,
        total_baggages=total_baggages,
        nonfree_baggages=nonfree_baggages,
        insurance=insurance,
    )
    count = len(passengers)
    total = slot.prices[cabin] * count + BAG_PRICE * nonfree_baggages
    pay(db, user, reservation, payment_method_id, total + INSURANCE_PRICE * count * insurance)
    db.reservations[reservation.reservation_id] = reservation
    user.reservations.append(reservation.reservation_id)
    return reservation


@write
def cancel_reservation(db: AirlineDB, reservation_id: str) -> Reservation:
    """Cancel a whole reservation and refund every payment to its method.

    Args:
        reservation_id: The six-character reservation id.
    """
    reservation = _reservation(db, reservation_id)
    user = db.users[reservation.user_id]
    for payment in [p for p in reservation.payment_history if p.amount > 0]:
        pay(db, user, reservation, payment.payment_method_id, -payment.amount)
    for flight in reservation.flights:
        _flight_date(db, flight.flight_number, flight.date).seats[reservation.cabin] += len(
            reservation.passengers
        )
    reservation.status = "cancelled"
    return reservation


@write
def update_reservation_cabin(
    db: AirlineDB, reservation_id: str, cabin: Cabin, payment_method_id: str
) -> Reservation:
    """Move every passenger of a reservation to another cabin; the difference is paid or refunded.

    Args:
        reservation_id: The six-character reservation id.
        cabin: The new cabin: 'basic_economy', 'economy' or 'business'.
        payment_method_id: The user's payment method for the price difference.
    """
    reservation = _reservation(db, reservation_id)
    if cabin == reservation.cabin:
        raise ToolError(f"The reservation is already in {cabin}.")
    count, difference = len(reservation.passengers), 0.0
    for flight in reservation.flights:
        slot = _flight_date(db, flight.flight_number, flight.date)
        _take_seats(slot, cabin, count)
        slot.seats[reservation.cabin] += count
        difference += (slot.prices[cabin] - flight.price) * count
        flight.price = slot.prices[cabin]
    reservation.cabin = cabin
    pay(db, db.users[reservation.user_id], reservation, payment_method_id, difference)
    return reservation


@write
def update_reservation_flights(
    db: AirlineDB, reservation_id: str, flight_number: str, date: str, payment_method_id: str
) -> Reservation:
    """Move a one-way reservation to another flight on the same route.

    Args:
        reservation_id: The six-character reservation id.
        flight_number: The new flight number.
        date: The new date, 'YYYY-MM-DD'.
        payment_method_id: The user's payment method for the price difference.
    """
    reservation = _reservation(db, reservation_id)
    flight = db.flights.get(flight_number)
    if flight is None or (flight.origin, flight.destination) != (
        reservation.origin,
        reservation.destination,
    ):
        raise ToolError("The new flight must fly the same route.")
    slot = _flight_date(db, flight_number, date)
    old = reservation.flights[0]
    if (old.flight_number, old.date) == (flight_number, date):
        raise ToolError("That is the flight already booked.")
    count = len(reservation.passengers)
    _take_seats(slot, reservation.cabin, count)
    _flight_date(db, old.flight_number, old.date).seats[reservation.cabin] += count
    difference = (slot.prices[reservation.cabin] - old.price) * count
    reservation.flights = [
        ReservationFlight(
            flight_number=flight_number, date=date, price=slot.prices[reservation.cabin]
        )
    ]
    pay(db, db.users[reservation.user_id], reservation, payment_method_id, difference)
    return reservation


@write
def update_reservation_baggages(
    db: AirlineDB,
    reservation_id: str,
    total_baggages: int,
    nonfree_baggages: int,
    payment_method_id: str,
) -> Reservation:
    """Set a reservation's checked bags; each non-free bag costs 50 (removed ones refund none).

    Args:
        reservation_id: The six-character reservation id.
        total_baggages: The new total number of checked bags.
        nonfree_baggages: The new number of bags beyond the free allowance.
        payment_method_id: The user's payment method for the new non-free bags.
    """
    reservation = _reservation(db, reservation_id)
    if min(total_baggages, nonfree_baggages) < 0 or nonfree_baggages > total_baggages:
        raise ToolError("Bag counts must be >= 0, with nonfree_baggages <= total_baggages.")
    cost = BAG_PRICE * max(0, nonfree_baggages - reservation.nonfree_baggages)
    reservation.total_baggages, reservation.nonfree_baggages = total_baggages, nonfree_baggages
    pay(db, db.users[reservation.user_id], reservation, payment_method_id, cost)
    return reservation


@write
def update_reservation_passengers(
    db: AirlineDB, reservation_id: str, passengers: list[Passenger]
) -> Reservation:
    """Correct the passengers' details; the number of passengers cannot change.

    Args:
        reservation_id: The six-character reservation id.
        passengers: Every passenger's first name, last name and date of birth, in order.
    """
    reservation = _reservation(db, reservation_id)
    if len(passengers) != len(reservation.passengers):
        raise ToolError("The number of passengers cannot change.")
    reservation.passengers = passengers
    return reservation


@write
def send_certificate(db: AirlineDB, user_id: str, reservation_id: str, amount: float) -> User:
    """Send the user a travel certificate of ``amount``, for a reservation's disrupted flight.

    Args:
        user_id: The user id.
        reservation_id: The reservation whose flight was cancelled or delayed.
        amount: The certificate amount.
    """
    user = _user(db, user_id)
    reservation = _reservation(db, reservation_id, active=False)
    if reservation.user_id != user_id:
        raise ToolError("The reservation is not the user's.")
    certificate_id = f"certificate_{reservation.reservation_id}"
    if certificate_id in user.payment_methods:
        raise ToolError("This reservation was already compensated.")
    if amount <= 0:
        raise ToolError("The amount must be positive.")
    user.payment_methods[certificate_id] = PaymentMethod(
        payment_method_id=certificate_id, kind="certificate", balance=round(amount, 2)
    )
    return user


@public
def search_onestop_flight(db: AirlineDB, origin: str, destination: str, date: str) -> list[dict]:
    """Search one-stop connections between two airports on a date (the second leg departs later).

    Args:
        origin: The origin airport code, such as 'JFK'.
        destination: The destination airport code, such as 'LAX'.
        date: The date, 'YYYY-MM-DD'.
    """
    origin, destination = origin.upper(), destination.upper()
    found = []
    for first in db.flights.values():
        if first.origin != origin or first.destination == destination or date not in first.dates:
            continue
        for second in search_direct_flight(db, first.destination, destination, date):
            if second["departure"] > first.departure:
                leg = {"flight_number": first.flight_number, "departure": first.departure}
                found.append([{**leg, **first.dates[date].model_dump()}, second])
    return sorted(found, key=lambda pair: (pair[0]["departure"], pair[1]["departure"]))


@public
def list_all_airports(db: AirlineDB) -> list[str]:
    """List every airport code the airline flies from or to."""
    return sorted(
        {f.origin for f in db.flights.values()} | {f.destination for f in db.flights.values()}
    )


TOOLS = ToolRegistry(
    [
        *COMMON_TOOLS,
        get_user_details,
        get_reservation_details,
        search_direct_flight,
        get_flight_status,
        book_reservation,
        cancel_reservation,
        update_reservation_cabin,
        update_reservation_flights,
        update_reservation_baggages,
        update_reservation_passengers,
        send_certificate,
        search_onestop_flight,
        list_all_airports,
    ]
)
