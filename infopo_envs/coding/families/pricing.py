"""Pricing and discount rules."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

ROUNDING_WORDS = ("round", "rounding", "rounded", "decimal", "decimals", "cents", "precision")


@family("pricing.bulk_discount")
def bulk_discount(rng) -> CodingTask:
    threshold = int(rng.integers(5, 151))
    percent = int(rng.integers(3, 41))
    inclusive = bool(rng.integers(2))
    digits = pick(rng, (0, 2))
    op = ">=" if inclusive else ">"
    reference = f"""def bulk_price(unit_price, quantity):
    total = unit_price * quantity
    if quantity {op} {threshold}:
        total = total * (100 - {percent}) / 100
    return round(total, {digits})
"""
    quantities = [1, threshold - 1, threshold, threshold + 1, 2 * threshold, 3, 7 * threshold]
    calls = [(pick(rng, (2.5, 9.99, 14.0, 3.75)), q) for q in quantities]
    calls += [(19.99, threshold), (0.49, threshold + 3), (100.0, 0), (1.05, threshold - 2)]
    at = "at least" if inclusive else "more than"
    return CodingTask(
        "pricing.bulk_discount",
        "bulk_price",
        "def bulk_price(unit_price: float, quantity: int) -> float",
        "Can you write me a function for the price of an order? Big orders get a discount.",
        reference,
        tuple(calls),
        (
            fact(
                "threshold",
                ("big", "threshold", "how many", "minimum", "qualify", "bulk"),
                "From how many items does an order count as big?",
                f"The discount kicks in when someone buys {at} {threshold} items.",
                f"An order is big when the quantity is {at} {threshold}.",
            ),
            fact(
                "percent",
                ("percent", "percentage", "how much", "discount rate", "rate"),
                "How much is the discount, in percent?",
                f"Big orders get {percent}% off the whole order.",
                f"The discount is {percent} percent of the total.",
            ),
            fact(
                "rounding",
                ROUNDING_WORDS,
                "How should the price be rounded?",
                "Round the result to whole currency units."
                if digits == 0
                else "Round the result to cents, two decimals.",
                f"Use round(..., {digits}) on the final amount.",
            ),
        ),
    )


@family("pricing.shipping_cost")
def shipping_cost(rng) -> CodingTask:
    base = int(rng.integers(150, 1000)) / 100
    per_kg = int(rng.integers(2, 41)) / 10
    free_kg = int(rng.integers(1, 11))
    express = pick(rng, (1.25, 1.5, 1.75, 2.0, 2.5, 3.0))
    reference = f"""import math


def shipping_cost(weight_kg, express):
    extra = max(0, math.ceil(weight_kg) - {free_kg})
    cost = {base} + {per_kg} * extra
    if express:
        cost = cost * {express}
    return round(cost, 2)
"""
    weights = [0.2, free_kg, free_kg + 0.1, free_kg + 1, 7.5, 12.0, 0.0, free_kg + 3.7]
    calls = [(w, bool(i % 2)) for i, w in enumerate(weights)]
    calls += [(3.3, True), (3.3, False), (20.0, True)]
    return CodingTask(
        "pricing.shipping_cost",
        "shipping_cost",
        "def shipping_cost(weight_kg: float, express: bool) -> float",
        "I need a function that works out what shipping costs for a parcel.",
        reference,
        tuple(calls),
        (
            fact(
                "base",
                ("base", "flat", "fixed", "starting"),
                "Is there a base fee?",
                f"Every parcel pays a flat {base} to start with.",
                f"The base fee is {base}.",
            ),
            fact(
                "per_kg",
                ("per kg", "per kilo", "kilogram", "weight", "heavier", "kilo"),
                "How does the weight change the price?",
                f"Each started kilogram beyond the free allowance adds {per_kg}; partial kilos "
                "count as a whole kilo.",
                f"We charge {per_kg} for every kilo over the allowance, rounding the weight up.",
            ),
            fact(
                "free",
                ("free", "allowance", "included"),
                "How many kilos are included free?",
                f"The first {free_kg} kg are included in the base fee.",
                f"There's an allowance of {free_kg} kilograms before weight costs extra.",
            ),
            fact(
                "express",
                ("express", "fast", "faster", "urgent", "priority"),
                "What does express delivery change?",
                f"Express multiplies the whole cost by {express}.",
                f"For express we charge {express} times the normal price.",
            ),
            fact(
                "rounding",
                ROUNDING_WORDS,
                "How should the cost be rounded?",
                "Round the final cost to two decimals.",
                "Give it in cents precision.",
            ),
        ),
    )


@family("pricing.tiered_tax")
def tiered_tax(rng) -> CodingTask:
    first = 500 * int(rng.integers(16, 41))
    second = first + 2500 * int(rng.integers(8, 31))
    low_rate = int(rng.integers(5, 26))
    high_rate = low_rate + int(rng.integers(5, 26))
    floor = bool(rng.integers(2))
    finish = "int(tax)" if floor else "round(tax, 2)"
    reference = f"""def income_tax(income):
    tax = 0.0
    if income > {first}:
        tax += (min(income, {second}) - {first}) * {low_rate} / 100
    if income > {second}:
        tax += (income - {second}) * {high_rate} / 100
    return {finish}
"""
    incomes = [
        0,
        first - 1,
        first,
        first + 1,
        (first + second) // 2,
        second,
        second + 1,
        second + 12345,
        3 * second,
        first + 777,
        250000,
    ]
    return CodingTask(
        "pricing.tiered_tax",
        "income_tax",
        "def income_tax(income: int) -> float",
        "Could you write the tax for a yearly income? It's one of those bracket things.",
        reference,
        tuple((i,) for i in incomes),
        (
            fact(
                "free_band",
                ("tax free", "tax-free", "first bracket", "exempt", "untaxed", "allowance"),
                "How much income is tax-free?",
                f"The first {first} of income is not taxed at all.",
                f"Income up to {first} is exempt.",
            ),
            fact(
                "middle",
                ("middle", "lower rate", "second bracket", "low rate"),
                "What rate applies in the middle bracket?",
                f"Income between {first} and {second} is taxed at {low_rate}%.",
                f"The band from {first} up to {second} pays {low_rate} percent.",
            ),
            fact(
                "top",
                ("top", "highest", "upper", "high rate", "above"),
                "What rate applies to the top bracket?",
                f"Everything above {second} is taxed at {high_rate}%.",
                f"Income over {second} pays {high_rate} percent.",
            ),
            fact(
                "rounding",
                (*ROUNDING_WORDS, "whole"),
                "How should the tax be rounded?",
                "Drop the cents: return the whole number part."
                if floor
                else "Keep cents, rounded to two decimals.",
                "Truncate to an integer." if floor else "Round to 2 decimal places.",
            ),
        ),
    )


@family("pricing.coupon_total")
def coupon_total(rng) -> CodingTask:
    percent = int(rng.integers(10, 51))
    percent_code = f"{pick(rng, ('SAVE', 'SPRING', 'VIP', 'WELCOME', 'DEAL', 'SUMMER'))}{percent}"
    flat = int(rng.integers(1, 10))
    flat_code = f"{pick(rng, ('FLAT', 'MINUS', 'TAKE', 'GIFT', 'OFF'))}{flat}"
    case_insensitive = bool(rng.integers(2))
    unknown_raises = bool(rng.integers(2))
    norm = "coupon.upper()" if case_insensitive else "coupon"
    unknown = "raise ValueError(coupon)" if unknown_raises else "pass"
    reference = f"""def order_total(prices, coupon):
    total = sum(prices)
    code = {norm}
    if code == "{percent_code}":
        total = total * (100 - {percent}) / 100
    elif code == "{flat_code}":
        total = max(0.0, total - {flat})
    elif code != "":
        {unknown}
    return round(total, 2)
"""
    lower = percent_code.lower()
    calls = [
        ([10.0, 5.5], percent_code),
        ([10.0, 5.5], flat_code),
        ([2.0], flat_code),
        ([], ""),
        ([3.25, 4.75, 1.0], ""),
        ([99.99], lower),
        ([12.0, 1.0], flat_code.lower()),
        ([40.0], "BOGUS"),
        ([1.0, 1.0], "save"),
        ([120.0, 30.0], percent_code),
        ([4.0, 0.5], flat_code),
    ]
    return CodingTask(
        "pricing.coupon_total",
        "order_total",
        "def order_total(prices: list[float], coupon: str) -> float",
        "I want a function that totals a shopping cart and applies our coupon codes.",
        reference,
        tuple(calls),
        (
            fact(
                "percent_code",
                ("percent", "percentage", "which codes", "coupon codes", "codes exist"),
                "Which coupon codes exist and what do they do?",
                f"The code {percent_code} takes {percent}% off the total, and {flat_code} takes "
                f"{flat} off (never below zero).",
                f"We have two codes: {percent_code} for {percent} percent off, {flat_code} for "
                f"a flat {flat} off with a floor at zero.",
            ),
            fact(
                "case",
                ("case", "lowercase", "uppercase", "capital", "capitals", "sensitive"),
                "Does letter case matter, is it case sensitive?",
                "Codes work in any letter case."
                if case_insensitive
                else "Codes must match exactly, including upper case.",
                "Ignore upper/lower case." if case_insensitive else "Lower-case codes don't count.",
            ),
            fact(
                "unknown",
                (
                    "unknown",
                    "invalid",
                    "wrong",
                    "bad",
                    "unrecognized",
                    "empty",
                    "unknown coupon code",
                ),
                "What happens with an unknown coupon code?",
                "An unknown code should raise a ValueError; an empty string means no coupon."
                if unknown_raises
                else "Unknown codes are just ignored, same as an empty string.",
                "Reject bad codes with ValueError."
                if unknown_raises
                else "If the code isn't recognised, charge the full price.",
            ),
            fact(
                "rounding",
                ROUNDING_WORDS,
                "How should the total be rounded?",
                "Round the total to two decimals.",
                "Round to cents.",
            ),
        ),
    )


@family("pricing.split_bill")
def split_bill(rng) -> CodingTask:
    """Tip (0% to 30%) before or after splitting, who pays the leftover cents (the first people,
    the last ones, or the first person alone) and a cover charge of 0 to 7.50 per person."""
    tip_first = bool(rng.integers(2))
    leftover = pick(rng, ("first", "last", "one"))
    tip = int(rng.integers(0, 31))
    cover = 25 * int(rng.integers(0, 31))  # cents each person pays on top, untipped
    extra = {
        "first": "    for i in range(remainder):\n        shares[i] += 1\n",
        "last": "    for i in range(people - remainder, people):\n        shares[i] += 1\n",
        "one": "    shares[0] += remainder\n",
    }[leftover]
    reference = f"""def split_bill(total, people):
    cents = round(total * 100)
    cents = round(cents * (100 + {tip}) / 100) if {tip_first} else cents
    base, remainder = divmod(cents, people)
    shares = [base] * people
{extra}    if not {tip_first}:
        shares = [round(s * (100 + {tip}) / 100) for s in shares]
    return [(s + {cover}) / 100 for s in shares]
"""
    calls = [
        (100.0, 3),
        (10.0, 4),
        (0.05, 3),
        (57.33, 2),
        (1.0, 7),
        (250.0, 6),
        (12.34, 5),
        (99.99, 4),
        (0.0, 2),
        (33.33, 1),
        (80.01, 3),
    ]
    who = {
        "first": "one each to the first people in the list",
        "last": "one each to the last people in the list",
        "one": "all to the first person in the list",
    }[leftover]
    return CodingTask(
        "pricing.split_bill",
        "split_bill",
        "def split_bill(total: float, people: int) -> list[float]",
        "Can you write something to split a restaurant bill between friends?",
        reference,
        tuple(calls),
        (
            fact(
                "tip",
                ("tip", "tips", "gratuity", "service"),
                "Should a tip be added?",
                f"Add a {tip}% tip." if tip else "No tip, just the bill.",
                f"The tip is {tip} percent." if tip else "We don't tip.",
            ),
            fact(
                "order",
                ("before", "after", "order", "first or", "split", "added"),
                "Is the tip added before or after splitting?",
                "Add the tip to the whole bill first, then split."
                if tip_first
                else "Split the bill first, then add the tip to each share (rounded to the cent).",
                "Tip on the total, then divide."
                if tip_first
                else "Each person tips on their own share.",
            ),
            fact(
                "leftover",
                ("leftover", "remainder", "extra cent", "cents", "uneven", "odd"),
                "Who pays the leftover cents when it doesn't divide evenly?",
                f"Leftover cents go {who}.",
                f"If it doesn't split evenly, the cents left over go {who}.",
            ),
            fact(
                "cover",
                ("cover", "cover charge", "per person", "per head", "fee", "surcharge"),
                "Is there a cover charge per person?",
                f"Everyone also pays a cover charge of {cover / 100:.2f}, added to their share "
                "after the tip and not tipped on."
                if cover
                else "No cover charge.",
                f"Add {cover / 100:.2f} per head on top of each share (no tip on it)."
                if cover
                else "There's no per-person fee.",
            ),
            fact(
                "format",
                ("format", "return", "list", "output"),
                "What should it return?",
                "A list of amounts in currency units, one per person, in order.",
                "Return a list of floats like [33.34, 33.33, 33.33].",
            ),
        ),
    )
