"""The airline database: flights by date, users with payment methods, and reservations."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Cabin = Literal["basic_economy", "economy", "business"]
CABINS: tuple[str, ...] = ("basic_economy", "economy", "business")


class FlightDate(BaseModel):
    status: Literal["on time", "delayed", "cancelled"]
    delay_minutes: int = 0
    seats: dict[str, int]  # cabin -> seats left
    prices: dict[str, float]  # cabin -> price per passenger


class Flight(BaseModel):
    flight_number: str
    origin: str
    destination: str
    departure: str  # local time, "HH:MM"
    dates: dict[str, FlightDate]


class Passenger(BaseModel):
    first_name: str
    last_name: str
    dob: str


class PaymentMethod(BaseModel):
    payment_method_id: str
    kind: Literal["credit_card", "gift_card", "certificate"]
    balance: float | None = None  # gift cards and certificates


class User(BaseModel):
    user_id: str
    first_name: str
    last_name: str
    dob: str
    membership: Literal["regular", "silver", "gold"]
    payment_methods: dict[str, PaymentMethod]
    reservations: list[str]


class ReservationFlight(BaseModel):
    flight_number: str
    date: str
    price: float  # per passenger


class Payment(BaseModel):
    payment_method_id: str
    amount: float  # negative for refunds


class Reservation(BaseModel):
    reservation_id: str
    user_id: str
    origin: str
    destination: str
    cabin: Cabin
    flights: list[ReservationFlight]
    passengers: list[Passenger]
    payment_history: list[Payment]
    created_at: str
    total_baggages: int
    nonfree_baggages: int
    insurance: bool
    status: Literal["active", "cancelled"] = "active"


class AirlineDB(BaseModel):
    today: str
    flights: dict[str, Flight]
    users: dict[str, User]
    reservations: dict[str, Reservation]
