"""Date handling."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

#: Month-days a business may close on; a variant closes on a few of them.
HOLIDAYS = ("01-01", "05-01", "07-04", "10-03", "11-11", "12-24", "12-25", "12-26", "12-31")


@family("dates.next_business_day")
def next_business_day(rng) -> CodingTask:
    weekend = pick(rng, ((5, 6), (4, 5), (6,), (5,), (4,)))
    chosen = rng.choice(len(HOLIDAYS), int(rng.integers(1, 6)), replace=False)
    holidays = tuple(HOLIDAYS[int(i)] for i in sorted(chosen))
    strictly_after = bool(rng.integers(2))
    start = "day + datetime.timedelta(days=1)" if strictly_after else "day"
    reference = f"""import datetime


def next_business_day(date_text):
    day = datetime.date.fromisoformat(date_text)
    day = {start}
    while day.weekday() in {weekend!r} or day.strftime("%m-%d") in {holidays!r}:
        day += datetime.timedelta(days=1)
    return day.isoformat()
"""
    calls = [
        ("2027-03-05",),
        ("2027-03-06",),
        ("2027-03-04",),
        ("2027-12-24",),
        ("2027-12-25",),
        ("2027-01-01",),
        ("2027-04-30",),
        ("2027-07-03",),
        ("2027-03-08",),
        ("2028-02-28",),
        ("2027-12-31",),
        ("2027-11-11",),
        ("2028-05-01",),
        ("2028-10-03",),
        ("2028-07-04",),
        ("2027-12-23",),
    ]
    names = {
        (5, 6): "Saturday and Sunday",
        (4, 5): "Friday and Saturday",
        (6,): "Sunday only",
        (5,): "Saturday only",
        (4,): "Friday only",
    }
    return CodingTask(
        "dates.next_business_day",
        "next_business_day",
        "def next_business_day(date_text: str) -> str",
        "I need a function that gives the next business day for a date.",
        reference,
        tuple(calls),
        (
            fact(
                "weekend",
                ("weekend", "weekends", "days off", "working days", "week"),
                "Which days are the weekend?",
                f"Our weekend is {names[weekend]}.",
                f"We don't work on {names[weekend]}.",
            ),
            fact(
                "holidays",
                ("holiday", "holidays", "public", "closed", "christmas"),
                "Are there holidays to skip?",
                f"Skip these holidays every year (month-day): {', '.join(holidays)}.",
                f"We're closed on {', '.join(holidays)} (MM-DD) each year.",
            ),
            fact(
                "same_day",
                ("same day", "itself", "today", "given date", "already"),
                "If the date itself is a business day, is that the answer?",
                "No, it's always a later day: start from the day after."
                if strictly_after
                else "Yes, a business day is its own answer.",
                "Strictly after the given date."
                if strictly_after
                else "The date itself counts if it's a business day.",
            ),
            fact(
                "format",
                ("format", "iso", "string", "return"),
                "What format are the dates?",
                "ISO dates, 'YYYY-MM-DD', in and out.",
                "Strings like '2027-03-05'.",
            ),
        ),
    )


@family("dates.age_on")
def age_on(rng) -> CodingTask:
    leap_march = bool(rng.integers(2))
    future_raises = bool(rng.integers(2))
    leap = "(3, 1)" if leap_march else "(2, 28)"
    future = 'raise ValueError("born after the date")' if future_raises else "return 0"
    reference = f"""import datetime


def age_on(birth, on):
    b = datetime.date.fromisoformat(birth)
    d = datetime.date.fromisoformat(on)
    if d < b:
        {future}
    birthday = (b.month, b.day)
    if birthday == (2, 29) and not (d.year % 4 == 0 and (d.year % 100 or d.year % 400 == 0)):
        birthday = {leap}
    return d.year - b.year - ((d.month, d.day) < birthday)
"""
    calls = [
        ("2000-02-29", "2021-02-28"),
        ("2000-02-29", "2021-03-01"),
        ("2000-02-29", "2024-02-29"),
        ("1990-06-15", "2020-06-14"),
        ("1990-06-15", "2020-06-15"),
        ("2010-01-01", "2009-12-31"),
        ("1985-12-31", "2027-01-01"),
        ("2004-02-29", "2023-02-28"),
        ("2020-05-05", "2020-05-05"),
        ("1999-03-01", "2023-02-28"),
        ("1996-02-29", "2100-02-28"),
    ]
    return CodingTask(
        "dates.age_on",
        "age_on",
        "def age_on(birth: str, on: str) -> int",
        "Can you write a function that says how old someone is on a given date?",
        reference,
        tuple(calls),
        (
            fact(
                "leap",
                ("leap", "29", "february", "feb"),
                "When do people born on 29 February have their birthday in other years?",
                "In non-leap years they turn a year older on 1 March."
                if leap_march
                else "In non-leap years they turn a year older on 28 February.",
                "Use March 1st for them." if leap_march else "Use Feb 28th for them.",
            ),
            fact(
                "future",
                ("before", "future", "not born", "earlier", "invalid", "birth date"),
                "What if the date is before the birth date?",
                "Raise a ValueError." if future_raises else "Return 0.",
                "That's an error (ValueError)." if future_raises else "Just say 0.",
            ),
            fact(
                "format",
                ("format", "iso", "strings", "look like"),
                "What do the dates look like?",
                "Both are ISO strings 'YYYY-MM-DD'.",
                "Like '2000-02-29'.",
            ),
        ),
    )


@family("dates.days_until")
def days_until(rng) -> CodingTask:
    past_rule = pick(rng, ("negative", "next_year", "zero"))
    month_day = bool(rng.integers(2))
    target = (
        "datetime.date(today.year, int(event[:2]), int(event[3:]))"
        if month_day
        else "datetime.date.fromisoformat(event)"
    )
    past = {
        "negative": "pass",
        "next_year": "target = target.replace(year=target.year + 1)",
        "zero": "return 0",
    }[past_rule]
    reference = f"""import datetime


def days_until(event, today_text):
    today = datetime.date.fromisoformat(today_text)
    target = {target}
    if target < today:
        {past}
    return (target - today).days
"""
    if month_day:
        calls = [
            ("12-25", "2027-12-01"),
            ("01-01", "2027-12-31"),
            ("06-15", "2027-06-15"),
            ("03-01", "2028-02-28"),
            ("01-10", "2027-03-03"),
            ("12-31", "2027-01-01"),
            ("07-04", "2027-07-05"),
            ("10-31", "2027-10-01"),
            ("02-28", "2027-03-01"),
            ("05-05", "2027-05-04"),
            ("08-20", "2027-11-11"),
        ]
        shape = "The event is a yearly 'MM-DD' date; today is 'YYYY-MM-DD'."
    else:
        calls = [
            ("2027-12-25", "2027-12-01"),
            ("2028-01-01", "2027-12-31"),
            ("2027-06-15", "2027-06-15"),
            ("2027-01-10", "2027-03-03"),
            ("2028-02-29", "2028-02-01"),
            ("2026-12-31", "2027-01-01"),
            ("2030-01-01", "2027-01-01"),
            ("2027-10-31", "2027-10-01"),
            ("2027-03-01", "2028-03-02"),
            ("2027-05-05", "2027-05-04"),
            ("2024-02-29", "2027-03-01"),
        ]
        shape = "Both dates are full 'YYYY-MM-DD' strings."
    described = {
        "negative": "Then the answer is negative: how many days ago it was.",
        "next_year": "Then count to the same date next year.",
        "zero": "Then just return 0.",
    }[past_rule]
    return CodingTask(
        "dates.days_until",
        "days_until",
        "def days_until(event: str, today_text: str) -> int",
        "How many days until an event? Could you write that for me?",
        reference,
        tuple(calls),
        (
            fact(
                "past",
                ("past", "passed", "already", "before today", "gone"),
                "What if the event date has already passed?",
                described,
                described,
            ),
            fact(
                "format",
                ("format", "look like", "string", "year", "dates"),
                "What do the dates look like?",
                shape,
                shape,
            ),
            fact(
                "same_day",
                ("same day", "today itself", "on the day"),
                "What if the event is on the same day as today?",
                "Then it's 0 days.",
                "Today counts as 0.",
            ),
        ),
    )


@family("dates.format_date")
def format_date(rng) -> CodingTask:
    style = pick(rng, ("dmy", "mdy", "long", "short_month"))
    sep = pick(rng, ("/", ".", "-"))
    pad = bool(rng.integers(2))
    day = "f'{d.day:02d}'" if pad else "str(d.day)"
    month = "f'{d.month:02d}'" if pad else "str(d.month)"
    expr = {
        "dmy": f"{day} + {sep!r} + {month} + {sep!r} + str(d.year)",
        "mdy": f"{month} + {sep!r} + {day} + {sep!r} + str(d.year)",
        "long": f"{day} + ' ' + MONTHS[d.month - 1] + ' ' + str(d.year)",
        "short_month": f"MONTHS[d.month - 1][:3] + ' ' + {day} + ', ' + str(d.year)",
    }[style]
    reference = f"""import datetime

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def format_date(iso):
    d = datetime.date.fromisoformat(iso)
    return {expr}
"""
    calls = [
        ("2027-03-05",),
        ("2027-12-25",),
        ("2000-01-01",),
        ("1999-10-09",),
        ("2028-02-29",),
        ("2027-07-14",),
        ("2031-11-30",),
        ("2027-05-01",),
        ("1970-01-01",),
        ("2045-09-09",),
        ("2027-06-21",),
    ]
    sample = {
        "dmy": f"DD{sep}MM{sep}YYYY",
        "mdy": f"MM{sep}DD{sep}YYYY",
        "long": "'5 March 2027' style",
        "short_month": "'Mar 5, 2027' style",
    }[style]
    facts = [
        fact(
            "order",
            ("order", "style", "format", "day first", "month first", "look like"),
            "What should the date look like?",
            f"Use {sample}.",
            f"Format: {sample}.",
        ),
        fact(
            "padding",
            ("zero", "zeros", "padding", "padded", "leading", "two digits"),
            "Should day and month numbers have leading zeros?",
            "Yes, always two digits." if pad else "No leading zeros.",
            "Pad with zeros." if pad else "Like 5, not 05.",
        ),
    ]
    if style in ("dmy", "mdy"):
        facts.append(
            fact(
                "separator",
                ("separator", "slash", "slashes", "dot", "dash", "between"),
                "What separator goes between the parts?",
                f"Use '{sep}' between the parts.",
                f"The separator is '{sep}'.",
            )
        )
    return CodingTask(
        "dates.format_date",
        "format_date",
        "def format_date(iso: str) -> str",
        "Dates are stored as ISO strings; I want them shown the way our customers expect.",
        reference,
        tuple(calls),
        tuple(facts),
    )


@family("dates.add_months")
def add_months(rng) -> CodingTask:
    clamp = bool(rng.integers(2))
    negative_ok = bool(rng.integers(2))
    overflow = (
        "day = min(d.day, last)"
        if clamp
        else "day = d.day\n    extra = max(day - last, 0)\n    day = min(day, last)"
    )
    tail = (
        "return datetime.date(year, month, day).isoformat()"
        if clamp
        else "return (datetime.date(year, month, day) + datetime.timedelta(days=extra)).isoformat()"
    )
    guard = "" if negative_ok else "if months < 0:\n        raise ValueError(months)\n    "
    reference = f"""import calendar
import datetime


def add_months(iso, months):
    {guard}d = datetime.date.fromisoformat(iso)
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    {overflow}
    {tail}
"""
    calls = [
        ("2027-01-31", 1),
        ("2028-01-31", 1),
        ("2027-03-31", 1),
        ("2027-05-15", 3),
        ("2027-12-31", 2),
        ("2027-08-31", -6),
        ("2027-03-31", -1),
        ("2027-10-30", 4),
        ("2027-06-01", 0),
        ("2027-01-29", 13),
        ("2027-05-31", 12),
    ]
    return CodingTask(
        "dates.add_months",
        "add_months",
        "def add_months(iso: str, months: int) -> str",
        "I need to move a date forward by some months for our billing cycles.",
        reference,
        tuple(calls),
        (
            fact(
                "overflow",
                ("end of month", "31st", "shorter", "doesn't exist", "overflow", "month end"),
                "What if the day doesn't exist in the target month (like 31 January + 1)?",
                "Use the last day of that month instead."
                if clamp
                else "Spill the extra days into the next month (31 Jan + 1 month = 3 Mar in 2027).",
                "Clamp to the month's last day."
                if clamp
                else "Roll the leftover days over into the following month.",
            ),
            fact(
                "negative",
                ("negative", "backwards", "subtract", "past", "minus"),
                "Can the number of months be negative?",
                "Yes, negative months go back in time."
                if negative_ok
                else "No, negative months raise a ValueError.",
                "Going back is allowed." if negative_ok else "Reject negatives.",
            ),
            fact(
                "format",
                ("format", "iso", "string", "return"),
                "What format?",
                "ISO 'YYYY-MM-DD' strings in and out.",
                "Dates like '2027-01-31'.",
            ),
        ),
    )
