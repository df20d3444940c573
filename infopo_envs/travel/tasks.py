"""Procedural trip scenarios: aspects, hidden preferences, search requests and option pools.

Pure functions of a seed, testable without the env. Every option pool holds every "correct"
option (satisfies all hidden preferences), "wrong" ones (violate at least one) and "noise" (the
right kind of thing in the wrong place). The best option is the cheapest correct one; prices are
distinct, so it is unique.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from infopo_envs.travel.aspects import (
    ASPECTS,
    CITIES,
    HOME_CITIES,
    KINDS,
    NAME_PARTS,
    SEARCH_FIELDS,
    PreferenceKind,
)

BEST, CORRECT, WRONG, NOISE = "best", "correct", "wrong", "noise"


@dataclass(frozen=True)
class Preference:
    kind: PreferenceKind
    value: Any

    @property
    def key(self) -> str:
        return self.kind.key


@dataclass
class Option:
    option_id: str
    aspect: str
    name: str
    location: str
    price: int
    attributes: dict[str, Any]
    label: str  # best / correct / wrong / noise (hidden from the agent)

    def describe(self) -> str:
        shown = {k: v for k, v in self.attributes.items() if k not in ("price",)}
        details = ", ".join(f"{k}: {_show(v)}" for k, v in shown.items())
        return f"{self.option_id} | {self.name} | {self.location} | price {self.price} | {details}"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(value) if value else "none"
    return str(value)


@dataclass
class AspectTask:
    aspect: str
    preferences: list[Preference]
    request: dict[str, Any]
    options: list[Option]

    @property
    def best(self) -> Option:
        return next(o for o in self.options if o.label == BEST)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.option_id.lower() == option_id.lower()), None)


@dataclass
class Scenario:
    origin: str
    destination: str
    start: dt.date
    nights: int
    party_size: int
    aspects: list[AspectTask] = field(default_factory=list)

    def aspect(self, name: str) -> AspectTask | None:
        return next((a for a in self.aspects if a.aspect == name), None)

    def opening_request(self) -> str:
        needs = [_NEEDS[a.aspect] for a in self.aspects]
        listed = needs[0] if len(needs) == 1 else ", ".join(needs[:-1]) + " and " + needs[-1]
        return (
            f"Hi! I'm travelling from {self.origin} to {self.destination} on "
            f"{self.start.isoformat()} for {self.nights} nights, {self.party_size} of us. "
            f"Can you help me book {listed}?"
        )


_NEEDS = {
    "flight": "a flight",
    "hotel": "a hotel",
    "apartment": "an apartment",
    "restaurant": "a restaurant for our first evening",
    "car": "a rental car",
}


def generate_scenario(rng: np.random.Generator) -> Scenario:
    """Draw a whole trip from ``rng``."""
    destination = CITIES[int(rng.integers(len(CITIES)))]
    scenario = Scenario(
        origin=HOME_CITIES[int(rng.integers(len(HOME_CITIES)))],
        destination=destination,
        start=dt.date(2027, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365))),
        nights=int(rng.integers(2, 8)),
        party_size=int(rng.integers(1, 5)),
    )
    n_aspects = int(rng.integers(1, 5))
    chosen = sorted(rng.choice(len(ASPECTS), size=n_aspects, replace=False))
    for index in chosen:
        scenario.aspects.append(_aspect_task(rng, ASPECTS[index], scenario))
    return scenario


def search_request(aspect: str, scenario: Scenario) -> dict[str, Any]:
    values = {
        "origin": scenario.origin,
        "destination": scenario.destination,
        "city": scenario.destination,
        "date": scenario.start.isoformat(),
        "check_in": scenario.start.isoformat(),
        "pickup_date": scenario.start.isoformat(),
        "nights": scenario.nights,
        "days": scenario.nights,
        "party_size": scenario.party_size,
    }
    return {"aspect": aspect, **{name: values[name] for name in SEARCH_FIELDS[aspect]}}


def _aspect_task(rng: np.random.Generator, aspect: str, scenario: Scenario) -> AspectTask:
    kinds = KINDS[aspect]
    n_prefs = int(rng.integers(2, min(4, len(kinds)) + 1))
    picked = sorted(rng.choice(len(kinds), size=n_prefs, replace=False))
    preferences = [Preference(kinds[i], kinds[i].draw_value(rng)) for i in picked]
    n_correct, n_wrong, n_noise = (
        int(rng.integers(2, 5)),
        int(rng.integers(5, 11)),
        int(rng.integers(2, 6)),
    )
    labels = [CORRECT] * n_correct + [WRONG] * n_wrong + [NOISE] * n_noise
    options = _draw_options(rng, aspect, kinds, preferences, labels, scenario)
    order = rng.permutation(len(options))
    prefix = aspect[0].upper()
    shuffled = [options[i] for i in order]
    for number, option in enumerate(shuffled, start=1):
        option.option_id = f"{prefix}{number}"
    return AspectTask(aspect, preferences, search_request(aspect, scenario), shuffled)


def _draw_options(rng, aspect, kinds, preferences, labels, scenario) -> list[Option]:
    held = {p.kind.name: p for p in preferences}
    price_kind = next((k for k in kinds if k.name == "price"), None)
    options: list[Option] = []
    used_prices: set[int] = set()
    for label in labels:
        violated = set()
        if label == WRONG:
            count = int(rng.integers(1, min(2, len(preferences)) + 1))
            violated = {
                preferences[i].kind.name for i in rng.choice(len(preferences), count, replace=False)
            }
        attributes: dict[str, Any] = {}
        for kind in kinds:
            pref = held.get(kind.name)
            if pref is None or label == NOISE:
                attributes[kind.name] = kind.draw_attr(rng)
            elif kind.name in violated:
                attributes[kind.name] = kind.draw_violating(rng, pref.value)
            else:
                attributes[kind.name] = kind.draw_satisfying(rng, pref.value)
        price = _distinct_price(rng, attributes, price_kind, held, label, violated, used_prices)
        attributes.pop("price", None)
        location = scenario.destination if label != NOISE else _elsewhere(rng, scenario)
        name = f"{NAME_PARTS[aspect][int(rng.integers(len(NAME_PARTS[aspect])))]}"
        options.append(Option("", aspect, name, location, price, attributes, label))
    correct = [o for o in options if o.label == CORRECT]
    min(correct, key=lambda o: o.price).label = BEST
    return options


def _distinct_price(rng, attributes, price_kind, held, label, violated, used) -> int:
    """A price unused in the pool, keeping the option's relation to a held budget."""
    price = int(attributes.get("price") or rng.integers(20, 400))
    pref = held.get("price")
    while price in used:
        price += 1
        if pref is not None and label != NOISE:
            must_hold = "price" not in violated
            if price_kind.satisfies(price, pref.value) != must_hold:
                price = price - 60 if must_hold else price + 60
                price = max(price, 1)
    used.add(price)
    return price


def _elsewhere(rng, scenario: Scenario) -> str:
    others = [c for c in CITIES if c != scenario.destination]
    return others[int(rng.integers(len(others)))]
