"""The typed catalogue of travel aspects and the hidden preferences a traveller can hold.

A ``PreferenceKind`` knows everything about one kind of preference: the words that show a question
is about it, how to draw a hidden value, how to draw option attributes that satisfy or violate it,
and how a user says it without reciting the structured value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

Value = Any


@dataclass(frozen=True)
class PreferenceKind:
    """One kind of hidden preference for one aspect (e.g. the hotel's nightly budget)."""

    aspect: str
    name: str  # attribute name on options, e.g. "price"
    label: str  # human label for role descriptions, e.g. "nightly budget"
    keywords: tuple[str, ...]  # lexicon: a question mentioning one of these is about this kind
    draw_value: Callable[[np.random.Generator], Value]
    draw_attr: Callable[[np.random.Generator], Value]  # an option attribute, unconstrained
    satisfies: Callable[[Value, Value], bool]  # (attribute, preference) -> ok
    phrasings: Callable[[Value], tuple[str, ...]]  # implicit ways to state the preference
    question: str  # a canonical concrete question (used by the oracle and docs)

    @property
    def key(self) -> str:
        return f"{self.aspect}.{self.name}"

    def draw_satisfying(self, rng: np.random.Generator, value: Value) -> Value:
        return _draw_until(rng, self.draw_attr, lambda attr: self.satisfies(attr, value))

    def draw_violating(self, rng: np.random.Generator, value: Value) -> Value:
        return _draw_until(rng, self.draw_attr, lambda attr: not self.satisfies(attr, value))


def _draw_until(rng, draw, accept, tries: int = 200):
    for _ in range(tries):
        attr = draw(rng)
        if accept(attr):
            return attr
    raise RuntimeError("catalogue error: no attribute value satisfies the constraint")


def _choice(options):
    return lambda rng: options[int(rng.integers(len(options)))]


def _uniform_int(low, high, step=1):
    return lambda rng: int(rng.integers(low // step, high // step + 1)) * step


def _at_most(attr, cap):
    return attr <= cap


def _at_least(attr, floor):
    return attr >= floor


def _equals(attr, value):
    return attr == value


def _contains(attr, value):
    return value in attr


def _subset(pool, size):
    def draw(rng):
        picked = rng.choice(len(pool), size=size, replace=False)
        return tuple(sorted(pool[i] for i in picked))

    return draw


def _flag(rng):
    return bool(rng.random() < 0.5)


def _is_true(attr, value):
    return attr is True


PRICE_WORDS = ("budget", "price", "cost", "spend", "expensive", "cheap", "afford", "pay")
RATING_WORDS = ("rating", "rated", "stars", "star", "reviews", "quality")
AREA_WORDS = ("area", "neighborhood", "neighbourhood", "location", "district", "where in")

AREAS = ("downtown", "old town", "beachfront", "near the airport", "university district")
AREA_PHRASES = {
    "downtown": ("I want to be right in the middle of the city's business and shopping life.",),
    "old town": ("I love wandering historic cobbled streets, so I'd stay in the historic centre.",),
    "beachfront": ("I want to hear the waves from where I stay.",),
    "near the airport": ("I'd like to be a short hop from the airport.",),
    "university district": ("I'd like to be around the campus, where the student cafes are.",),
}


def _area(aspect: str) -> PreferenceKind:
    return PreferenceKind(
        aspect,
        "area",
        "area",
        AREA_WORDS,
        _choice(AREAS),
        _choice(AREAS),
        _equals,
        lambda v: (
            *AREA_PHRASES[v],
            f"Somewhere {v} would be ideal."
            if v.startswith("near")
            else f"The {v} area would be ideal.",
        ),
        f"Which area would you like the {aspect} to be in?",
    )


def _price(aspect: str, unit: str, low: int, high: int, step: int) -> PreferenceKind:
    return PreferenceKind(
        aspect,
        "price",
        f"{aspect} budget",
        PRICE_WORDS,
        _uniform_int(low + (high - low) // 3, high, step),
        _uniform_int(low, high + step * 4, 1),
        _at_most,
        lambda v: (
            f"I'd rather not pay more than ${v}{unit}.",
            f"Anything above ${v}{unit} is too much for me.",
            f"My limit is about ${v}{unit}, I can't stretch beyond that.",
        ),
        f"What is your budget for the {aspect}?",
    )


def _rating(aspect: str) -> PreferenceKind:
    return PreferenceKind(
        aspect,
        "rating",
        f"{aspect} rating",
        RATING_WORDS,
        _choice((3.5, 4.0, 4.5)),
        _choice((3.0, 3.5, 4.0, 4.5, 5.0)),
        _at_least,
        lambda v: (
            f"I've been burned before, so it needs reviews of at least {v} stars.",
            f"I only trust places rated {v} or higher.",
        ),
        f"What rating should the {aspect} have at least?",
    )


FLIGHT = (
    _price("flight", "", 150, 900, 50),
    PreferenceKind(
        "flight",
        "stops",
        "number of stops",
        ("stop", "stops", "direct", "nonstop", "layover", "connection", "connecting"),
        _choice((0, 1)),
        _choice((0, 1, 2)),
        _at_most,
        lambda v: (
            (
                "Layovers make me miserable, I want to fly straight there.",
                "I'd really hate changing planes.",
            )
            if v == 0
            else (
                "One connection is fine, but not more than that.",
                "I can live with a single layover at most.",
            )
        ),
        "How many stops are you okay with on the flight?",
    ),
    PreferenceKind(
        "flight",
        "departure",
        "departure time",
        ("time", "depart", "departure", "leave", "morning", "evening", "afternoon", "when"),
        _choice(("morning", "afternoon", "evening")),
        _choice(("morning", "afternoon", "evening")),
        _equals,
        lambda v: (
            {
                "morning": ("I'm an early bird, I'd like to be in the air before lunch.",),
                "afternoon": ("I like a slow start, so leaving after lunch suits me.",),
                "evening": ("I work during the day, so I'd fly out after work.",),
            }[v]
            + (f"A {v} departure would suit me.",)
        ),
        "What time of day would you like the flight to depart?",
    ),
    PreferenceKind(
        "flight",
        "cabin",
        "cabin class",
        ("class", "cabin", "seat", "economy", "business"),
        _choice(("economy", "premium economy", "business")),
        _choice(("economy", "premium economy", "business")),
        _equals,
        lambda v: (
            {
                "economy": ("Just a regular seat in the back is fine for me.",),
                "premium economy": (
                    "I need a bit more legroom than the basic seats, nothing fancy.",
                ),
                "business": ("I need to lie flat and arrive rested, so the front cabin.",),
            }[v]
            + (f"I'd book {v}.",)
        ),
        "Which cabin class do you want for the flight?",
    ),
    PreferenceKind(
        "flight",
        "baggage",
        "checked baggage included",
        ("bag", "bags", "baggage", "luggage", "suitcase"),
        lambda rng: True,
        _flag,
        _is_true,
        lambda v: (
            "I'm bringing a big suitcase, so checked luggage has to be included.",
            "The fare must include a checked bag.",
        ),
        "Do you need checked baggage included with the flight?",
    ),
)

HOTEL = (
    _price("hotel", " a night", 60, 400, 10),
    _rating("hotel"),
    _area("hotel"),
    PreferenceKind(
        "hotel",
        "amenities",
        "amenity",
        (
            "amenity",
            "amenities",
            "facility",
            "facilities",
            "pool",
            "gym",
            "breakfast",
            "parking",
            "spa",
        ),
        _choice(("pool", "gym", "breakfast", "parking", "spa")),
        _subset(("pool", "gym", "breakfast", "parking", "spa"), 2),
        _contains,
        lambda v: (
            {
                "pool": ("I'd love a swim every morning.",),
                "gym": ("I can't skip my workouts, even on a trip.",),
                "breakfast": ("I don't want to hunt for food first thing in the morning.",),
                "parking": ("I'll have a car with me and need somewhere to leave it.",),
                "spa": ("A massage after a long day would be perfect.",),
            }[v]
            + (f"It has to have a {v}." if v != "parking" else "It has to have parking.",)
        ),
        "Which amenities does the hotel need to have?",
    ),
    PreferenceKind(
        "hotel",
        "free_cancellation",
        "free cancellation",
        ("cancel", "cancellation", "refund", "refundable", "flexible"),
        lambda rng: True,
        _flag,
        _is_true,
        lambda v: (
            "My plans might change, so I need to be able to cancel without paying.",
            "It must be refundable if I cancel.",
        ),
        "Do you need free cancellation for the hotel?",
    ),
)

APARTMENT = (
    _price("apartment", " a night", 50, 350, 10),
    _area("apartment"),
    PreferenceKind(
        "apartment",
        "bedrooms",
        "bedrooms",
        ("bedroom", "bedrooms", "rooms", "room", "sleep", "beds"),
        _choice((2, 3)),
        _choice((1, 2, 3, 4)),
        _at_least,
        lambda v: (
            f"We are {v} couples, so each needs its own room.",
            f"We need at least {v} bedrooms.",
        ),
        "How many bedrooms does the apartment need?",
    ),
    PreferenceKind(
        "apartment",
        "features",
        "feature",
        ("feature", "features", "kitchen", "washer", "balcony", "equipped", "washing"),
        _choice(("kitchen", "washer", "balcony")),
        _subset(("kitchen", "washer", "balcony"), 1),
        _contains,
        lambda v: (
            {
                "kitchen": ("I want to cook my own meals.",),
                "washer": ("I'll need to do laundry halfway through.",),
                "balcony": ("I want my morning coffee outside.",),
            }[v]
            + (f"It must have a {v}.",)
        ),
        "What features does the apartment need?",
    ),
    PreferenceKind(
        "apartment",
        "pets_allowed",
        "pets allowed",
        ("pet", "pets", "dog", "cat", "animal", "animals"),
        lambda rng: True,
        _flag,
        _is_true,
        lambda v: (
            "My dog is coming along, he goes everywhere with me.",
            "I'm travelling with my pet.",
        ),
        "Will you be bringing any pets to the apartment?",
    ),
)

RESTAURANT = (
    PreferenceKind(
        "restaurant",
        "cuisine",
        "cuisine",
        ("cuisine", "food", "kind of", "type of", "eat", "dish", "dishes"),
        _choice(("italian", "japanese", "mexican", "indian", "seafood", "french")),
        _choice(("italian", "japanese", "mexican", "indian", "seafood", "french")),
        _equals,
        lambda v: (
            {
                "italian": ("I've been craving fresh pasta for weeks.",),
                "japanese": ("I'd love some sushi and ramen.",),
                "mexican": ("Tacos and mole, that's what I'm in the mood for.",),
                "indian": ("I want a good curry with naan.",),
                "seafood": ("I want fish and shellfish straight from the sea.",),
                "french": ("I'd like a bistro with a classic coq au vin.",),
            }[v]
            + (f"I'm in the mood for {v} food.",)
        ),
        "What kind of cuisine would you like at the restaurant?",
    ),
    PreferenceKind(
        "restaurant",
        "price_level",
        "price level",
        (*PRICE_WORDS, "fancy"),
        _choice((1, 2, 3)),
        _choice((1, 2, 3, 4)),
        _at_most,
        lambda v: (
            {
                1: ("Something cheap and cheerful, nothing pricey.",),
                2: ("Mid-range is fine, no fine dining.",),
                3: ("It can be a bit upscale, just not the very top end.",),
            }[v]
            + (f"At most {'$' * v} on the price scale.",)
        ),
        "What price level are you comfortable with for the restaurant?",
    ),
    _rating("restaurant"),
    PreferenceKind(
        "restaurant",
        "dietary",
        "dietary option",
        ("diet", "dietary", "vegetarian", "vegan", "gluten", "allergy", "allergies"),
        _choice(("vegetarian", "vegan", "gluten-free")),
        _subset(("vegetarian", "vegan", "gluten-free"), 1),
        _contains,
        lambda v: (
            {
                "vegetarian": ("I don't eat meat or fish.",),
                "vegan": ("I don't eat any animal products at all.",),
                "gluten-free": ("I have celiac disease, so I can't have wheat.",),
            }[v]
            + (f"They need {v} dishes.",)
        ),
        "Do you have any dietary needs for the restaurant?",
    ),
)

CAR = (
    _price("car", " a day", 25, 150, 5),
    PreferenceKind(
        "car",
        "car_class",
        "car class",
        ("class", "size", "type", "kind", "suv", "compact", "van", "big", "small"),
        _choice(("compact", "sedan", "suv", "van")),
        _choice(("compact", "sedan", "suv", "van")),
        _equals,
        lambda v: (
            {
                "compact": ("Something small that's easy to park in old streets.",),
                "sedan": ("A normal comfortable family car, nothing big.",),
                "suv": ("We're heading into the mountains on rough roads.",),
                "van": ("There are eight of us with all our gear.",),
            }[v]
            + (f"A {v} would be right.",)
        ),
        "What class of car would you like to rent?",
    ),
    PreferenceKind(
        "car",
        "transmission",
        "transmission",
        ("transmission", "automatic", "manual", "gear", "gears", "stick"),
        _choice(("automatic", "manual")),
        _choice(("automatic", "manual")),
        _equals,
        lambda v: (
            {
                "automatic": ("I never learned to drive stick.",),
                "manual": ("I like changing gears myself.",),
            }[v]
            + (f"It must be {v}.",)
        ),
        "Do you prefer an automatic or a manual car?",
    ),
    PreferenceKind(
        "car",
        "fuel",
        "fuel type",
        ("fuel", "electric", "hybrid", "petrol", "gas", "diesel", "engine"),
        _choice(("electric", "hybrid", "petrol")),
        _choice(("electric", "hybrid", "petrol")),
        _equals,
        lambda v: (
            {
                "electric": ("I want zero emissions, I'll charge it at night.",),
                "hybrid": ("I want to save fuel, but not worry about charging stations.",),
                "petrol": ("I'll be driving long distances where chargers are rare.",),
            }[v]
            + (f"A {v} car, please.",)
        ),
        "What fuel type should the car have?",
    ),
)

KINDS: dict[str, tuple[PreferenceKind, ...]] = {
    "flight": FLIGHT,
    "hotel": HOTEL,
    "apartment": APARTMENT,
    "restaurant": RESTAURANT,
    "car": CAR,
}
ASPECTS = tuple(KINDS)

#: Words that show a question is about an aspect.
ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "flight": ("flight", "flights", "fly", "flying", "plane", "airline", "airlines"),
    "hotel": ("hotel", "hotels"),
    "apartment": ("apartment", "apartments", "flat", "airbnb", "rental home"),
    "restaurant": ("restaurant", "restaurants", "dinner", "lunch", "dining", "meal"),
    "car": ("car", "cars", "vehicle", "rental car", "drive", "driving"),
}

#: Fields of each aspect's structured search request (besides "aspect").
SEARCH_FIELDS: dict[str, tuple[str, ...]] = {
    "flight": ("origin", "destination", "date"),
    "hotel": ("city", "check_in", "nights"),
    "apartment": ("city", "check_in", "nights"),
    "restaurant": ("city", "date", "party_size"),
    "car": ("city", "pickup_date", "days"),
}

CITIES = (
    "Lisbon",
    "Kyoto",
    "Barcelona",
    "Vancouver",
    "Cape Town",
    "Prague",
    "Buenos Aires",
    "Seoul",
    "Istanbul",
    "Edinburgh",
    "Marrakesh",
    "Reykjavik",
    "Melbourne",
    "Montreal",
    "Vienna",
    "Copenhagen",
    "Hanoi",
    "Lima",
    "Dubrovnik",
    "Oaxaca",
)
HOME_CITIES = ("Boston", "Chicago", "Denver", "Seattle", "Atlanta", "Toronto", "London", "Madrid")
NAME_PARTS = {
    "flight": ("SkyJet", "AeroNova", "BlueWing", "Polar Air", "Meridian", "TransGlobal"),
    "hotel": ("Aurora", "Grand Palace", "Harbor View", "Lighthouse", "Oak & Stone", "Nimbus"),
    "apartment": ("Sunny Loft", "Garden Flat", "Rooftop Studio", "Riverside Home", "Blue Door"),
    "restaurant": ("Casa Verde", "The Copper Pot", "Mariner's", "Saffron", "Little Osaka"),
    "car": ("DriveNow", "RoadStar", "CityWheels", "OpenRoad", "Zoom Rentals"),
}
