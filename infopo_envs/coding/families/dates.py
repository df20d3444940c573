"""Date handling.

Each family draws its hidden parameters from integer ranges where a user's requirement is a
number (a cut-off date, a maximum age, a cap on days, a limit on months, a placeholder year)
and states the exact drawn value in a fact; the calls sit on both sides of every drawn value.
"""

from __future__ import annotations

import calendar
import datetime

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
    """Whole years between two ISO dates: 29 February birthdays move to 28 February or 1 March
    in other years, or the age counts on a drawn month-day of the given year (sports age
    groups); a date before the birth raises, gives 0 or -1; ages above a drawn maximum raise."""
    leap_march = bool(rng.integers(2))
    future_rule = pick(rng, ("raise", "zero", "minus_one"))
    cutoff = None
    if rng.integers(4):
        month = int(rng.integers(1, 13))
        cutoff = (month, int(rng.integers(1, 28 if month == 2 else 29)))
    max_age = None if rng.integers(3) == 0 else int(rng.integers(100, 131))
    future = {
        "raise": 'raise ValueError("born after the date")',
        "zero": "return 0",
        "minus_one": "return -1",
    }[future_rule]
    if cutoff:
        measured = f"datetime.date(datetime.date.fromisoformat(on).year, {cutoff[0]}, {cutoff[1]})"
        leap_lines = ""
    else:
        measured = "datetime.date.fromisoformat(on)"
        leap = "(3, 1)" if leap_march else "(2, 28)"
        leap_lines = (
            "    if birthday == (2, 29) and not calendar.isleap(d.year):\n"
            f"        birthday = {leap}\n"
        )
    limit = (
        f'    if age > {max_age}:\n        raise ValueError("implausible age")\n' if max_age else ""
    )
    reference = f"""import calendar
import datetime


def age_on(birth, on):
    b = datetime.date.fromisoformat(birth)
    d = {measured}
    if d < b:
        {future}
    birthday = (b.month, b.day)
{leap_lines}    age = d.year - b.year - ((d.month, d.day) < birthday)
{limit}    return age
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
        ("2020-05-05", "2020-01-01"),
        ("1999-03-01", "2023-02-28"),
        ("1996-02-29", "2100-02-28"),
        ("1900-01-01", "2027-06-30"),
    ]
    if cutoff:
        day = datetime.date(2000, *cutoff)
        for shift in (-1, 0, 1):
            born = (day + datetime.timedelta(days=shift)).isoformat()
            calls += [(born, "2010-01-01"), (born, "2010-12-31")]
        calls.append((day.isoformat(), "2000-01-01"))
    if max_age:
        calls += [
            ("1900-01-01", f"{1900 + max_age}-12-31"),
            ("1900-01-01", f"{1901 + max_age}-12-31"),
        ]
        calls.append(("1899-12-31", f"{1900 + max_age}-06-30"))
    future_text = {
        "raise": ("Raise a ValueError.", "That's an error (ValueError)."),
        "zero": ("Return 0.", "Just say 0."),
        "minus_one": ("Return -1 so we can spot it.", "Give -1 for that."),
    }[future_rule]
    if cutoff:
        future_text = tuple(
            f"When the day the age is measured on comes before the birth date: {text[0].lower()}"
            f"{text[1:]}"
            for text in future_text
        )
    facts = []
    if cutoff:
        shown = f"{cutoff[0]:02d}-{cutoff[1]:02d}"
        named = datetime.date(2000, *cutoff).strftime("%d %B").lstrip("0")
        facts.append(
            fact(
                "cutoff",
                ("cutoff", "cut-off", "as of", "measured", "reference date", "age group"),
                "On which date is the age measured?",
                f"Age groups count the age on {named} ({shown}) of the given date's year: only "
                "the year of the second date matters.",
                f"Measure the age on {shown} of that year, not on the date itself.",
            )
        )
    else:
        facts += [
            fact(
                "cutoff",
                ("cutoff", "cut-off", "as of", "measured", "reference date", "age group"),
                "On which date is the age measured?",
                "On the given date itself.",
                "Exactly on the second date.",
            ),
            fact(
                "leap",
                ("leap", "29", "february", "feb"),
                "When do people born on 29 February have their birthday in other years?",
                "In non-leap years they turn a year older on 1 March."
                if leap_march
                else "In non-leap years they turn a year older on 28 February.",
                "Use March 1st for them." if leap_march else "Use Feb 28th for them.",
            ),
        ]
    return CodingTask(
        "dates.age_on",
        "age_on",
        "def age_on(birth: str, on: str) -> int",
        "Can you write a function that says how old someone is on a given date?",
        reference,
        tuple(calls),
        (
            *facts,
            fact(
                "future",
                ("before", "future", "not born", "earlier", "invalid", "birth date"),
                "What if the date is before the birth date?",
                *future_text,
            ),
            fact(
                "maximum",
                ("maximum", "oldest", "too old", "implausible", "upper limit", "max"),
                "Is there a maximum age that makes sense?",
                f"Ages above {max_age} are data errors: raise a ValueError ({max_age} itself "
                "is fine)."
                if max_age
                else "No maximum, any age is fine.",
                f"Anything over {max_age} years is a ValueError." if max_age else "No limit.",
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
    """Days from today to an event, given as a yearly 'MM-DD' (29 February falling back to 28
    February or 1 March) or a full ISO date; a passed event counts negative, 0, next year's
    (yearly events) or raises (full dates); today counts as a day or not; a drawn cap bounds
    the answer."""
    month_day = bool(rng.integers(2))
    past_rule = pick(
        rng, ("negative", "next_year", "zero") if month_day else ("negative", "zero", "raise")
    )
    leap_march = bool(rng.integers(2))
    cap = None if rng.integers(5) == 0 else int(rng.integers(7, 361 if month_day else 1000))
    inclusive = bool(rng.integers(2))
    past = {
        "negative": "",
        "next_year": "    if target < today:\n        target = on(today.year + 1)\n",
        "zero": "    if target < today:\n        return 0\n",
        "raise": '    if target < today:\n        raise ValueError("the event has passed")\n',
    }[past_rule]
    count = "    days = (target - today).days\n" + (
        "    if days >= 0:\n        days += 1\n" if inclusive else ""
    )
    result = f"min(days, {cap})" if cap else "days"
    if month_day:
        leap = "3, 1" if leap_march else "2, 28"
        reference = f"""import calendar
import datetime


def days_until(event, today_text):
    today = datetime.date.fromisoformat(today_text)
    month, day = int(event[:2]), int(event[3:])

    def on(year):
        if (month, day) == (2, 29) and not calendar.isleap(year):
            return datetime.date(year, {leap})
        return datetime.date(year, month, day)

    target = on(today.year)
{past}{count}    return {result}
"""
    else:
        reference = f"""import datetime


def days_until(event, today_text):
    today = datetime.date.fromisoformat(today_text)
    target = datetime.date.fromisoformat(event)
{past}{count}    return {result}
"""
    start = datetime.date(2027, 1, 2)
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
            ("02-29", "2027-02-01"),
            ("02-29", "2028-02-01"),
            ("02-29", "2027-03-01"),
            ("02-29", "2027-02-28"),
            ("02-29", "2028-03-01"),
            ("01-01", "2027-01-02"),
        ]
        shown = "%m-%d"
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
            ("2029-06-30", "2027-01-02"),
        ]
        shown = "%Y-%m-%d"
    if cap:
        for shift in (cap - 1, cap, cap + 1):
            calls.append(((start + datetime.timedelta(days=shift)).strftime(shown), str(start)))
    described = {
        "negative": "Then the answer is negative: how many days ago it was.",
        "next_year": "Then count to the same date next year.",
        "zero": "Then just return 0.",
        "raise": "Then raise a ValueError.",
    }[past_rule]
    shape = (
        "The event is a yearly 'MM-DD' date; today is 'YYYY-MM-DD'."
        if month_day
        else "Both dates are full 'YYYY-MM-DD' strings."
    )
    facts = [
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
            "Count today as well: an event today is 1 day away and one tomorrow is 2 (a passed "
            "event gets no extra day)."
            if inclusive
            else "Then it's 0 days.",
            "Today itself counts, so the day of the event is 1."
            if inclusive
            else "Today counts as 0.",
        ),
        fact(
            "cap",
            ("cap", "maximum", "at most", "far away", "far off", "limit", "largest"),
            "Is there a maximum number it should return?",
            f"Never return more than {cap}: anything further away shows {cap}."
            if cap
            else "No maximum, return the real count however far away.",
            f"Cap the count at {cap} days." if cap else "No cap on the count.",
        ),
    ]
    if month_day:
        facts.append(
            fact(
                "leap",
                ("leap", "29 february", "february 29", "02-29", "feb 29", "29th"),
                "What about an event on 29 February in a year without one?",
                "In years without 29 February it falls on 1 March."
                if leap_march
                else "In years without 29 February it falls on 28 February.",
                "Use 03-01 then." if leap_march else "Use 02-28 then.",
            )
        )
    return CodingTask(
        "dates.days_until",
        "days_until",
        "def days_until(event: str, today_text: str) -> int",
        "How many days until an event? Could you write that for me?",
        reference,
        tuple(calls),
        tuple(facts),
    )


@family("dates.format_date")
def format_date(rng) -> CodingTask:
    """ISO dates shown numerically (day, month or year first; a drawn separator; padded or
    not; two- or four-digit years) or with month names (long or short, capitalised or upper
    case, ordinal days); optionally after the weekday; years before a drawn placeholder year
    stand for 'no date' and show a drawn text."""
    style = pick(rng, ("dmy", "mdy", "ymd", "long", "short_month"))
    sep = pick(rng, ("/", ".", "-", " "))
    ordinal = style == "long" and bool(rng.integers(3) == 0)
    pad = not ordinal and bool(rng.integers(2))
    short_year = style in ("dmy", "mdy") and bool(rng.integers(2))
    upper = bool(rng.integers(2))
    comma = bool(rng.integers(2))
    weekday = pick(rng, (None, "full", "short"))
    placeholder = None
    if rng.integers(4):
        placeholder = (int(rng.integers(1900, 2001)), pick(rng, ("n/a", "-", "unknown", "")))
    day = "ordinal(d.day)" if ordinal else ("f'{d.day:02d}'" if pad else "str(d.day)")
    month = "f'{d.month:02d}'" if pad else "str(d.month)"
    year = "f'{d.year % 100:02d}'" if short_year else "str(d.year)"
    name = "MONTHS[d.month - 1]" + (".upper()" if upper else "")
    expr = {
        "dmy": f"{day} + {sep!r} + {month} + {sep!r} + {year}",
        "mdy": f"{month} + {sep!r} + {day} + {sep!r} + {year}",
        "ymd": f"{year} + {sep!r} + {month} + {sep!r} + {day}",
        "long": f"{day} + ' ' + {name} + ' ' + {year}",
        "short_month": f"{name}[:3] + ' ' + {day} + {', ' if comma else ' '!r} + {year}",
    }[style]
    helper = (
        """

def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"
"""
        if ordinal
        else ""
    )
    guard = (
        f"    if d.year < {placeholder[0]}:\n        return {placeholder[1]!r}\n"
        if placeholder
        else ""
    )
    prefix = {
        None: "",
        "full": "WEEKDAYS[d.weekday()] + ', ' + ",
        "short": "WEEKDAYS[d.weekday()][:3] + ', ' + ",
    }[weekday]
    reference = f"""import datetime

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
{helper}

def format_date(iso):
    d = datetime.date.fromisoformat(iso)
{guard}    return {prefix}{expr}
"""
    calls = [
        "2027-03-05",
        "2027-12-25",
        "2000-01-01",
        "1999-10-09",
        "2028-02-29",
        "2027-07-14",
        "2031-11-30",
        "2027-05-01",
        "1970-01-01",
        "2045-09-09",
        "2027-06-21",
        "2027-03-02",
        "2027-03-03",
        "2027-03-11",
        "2027-03-12",
        "2027-03-13",
        "2027-03-22",
        "2027-03-23",
        "2027-03-31",
        "2005-06-07",
        "1901-04-04",
    ]
    if placeholder:
        calls += [f"{placeholder[0] - 1}-12-31", f"{placeholder[0]}-01-01", "0001-01-01"]
    months = "month names in capitals" if upper else "capitalised month names"
    sample = {
        "dmy": f"DD{sep}MM{sep}{'YY' if short_year else 'YYYY'}",
        "mdy": f"MM{sep}DD{sep}{'YY' if short_year else 'YYYY'}",
        "ymd": f"YYYY{sep}MM{sep}DD",
        "long": f"'{'5th' if ordinal else '5'} {'MARCH' if upper else 'March'} 2027' style "
        f"({months})",
        "short_month": f"'{'MAR' if upper else 'Mar'} 5{',' if comma else ''} 2027' style "
        f"(three-letter {months})",
    }[style]
    if style in ("dmy", "mdy"):
        sample += " (two-digit year)" if short_year else " (four-digit year)"
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
            ("zero", "zeros", "padding", "padded", "leading", "two digits", "ordinal"),
            "Should day and month numbers have leading zeros?",
            "No leading zeros; write the day as an ordinal like 1st, 2nd, 3rd, 11th, 22nd."
            if ordinal
            else ("Yes, always two digits." if pad else "No leading zeros."),
            "Ordinal days, like '5th'."
            if ordinal
            else ("Pad with zeros." if pad else "Like 5, not 05."),
        ),
        fact(
            "weekday",
            ("weekday", "day of the week", "week day", "monday", "friday"),
            "Should the day of the week be shown?",
            {
                None: "No weekday.",
                "full": "Yes, start with the full weekday name and a comma, like 'Friday, '.",
                "short": "Yes, start with the three-letter weekday and a comma, like 'Fri, '.",
            }[weekday],
            {
                None: "Leave the weekday out.",
                "full": "Put the weekday in front, like 'Friday, '.",
                "short": "Abbreviated weekday first, like 'Fri, '.",
            }[weekday],
        ),
        fact(
            "placeholder",
            ("placeholder", "no date", "missing", "unknown date", "old dates", "dummy"),
            "Are some dates placeholders for a missing date?",
            f"Any date before the year {placeholder[0]} is a placeholder for 'no date': show "
            f"{placeholder[1]!r} instead."
            if placeholder
            else "No, every date is real: format them all.",
            f"Years before {placeholder[0]} mean no date; return {placeholder[1]!r}."
            if placeholder
            else "There are no placeholder dates.",
        ),
    ]
    if style in ("dmy", "mdy", "ymd"):
        shown_sep = {"/": "'/'", ".": "'.'", "-": "'-'", " ": "a space (' ')"}[sep]
        facts.append(
            fact(
                "separator",
                ("separator", "slash", "slashes", "dot", "dash", "between"),
                "What separator goes between the parts?",
                f"Use {shown_sep} between the parts.",
                f"The separator is {shown_sep}.",
            )
        )
    return CodingTask(
        "dates.format_date",
        "format_date",
        "def format_date(iso: str) -> str",
        "Dates are stored as ISO strings; I want them shown the way our customers expect.",
        reference,
        tuple((c,) for c in calls),
        tuple(facts),
    )


def _landing_in_february(months: int) -> str:
    """A start date that ``months`` months later falls in February 2030, on the 30th of its
    month (or the month's last day), so one call probes the month limit together with the
    short-month rules."""
    year, month = divmod(2030 * 12 + 1 - months, 12)
    day = min(30, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day).isoformat()


@family("dates.add_months")
def add_months(rng) -> CodingTask:
    """Months added to an ISO date: a day missing from the target month is clamped or spills
    over; month-end dates may stay at month end; days may be capped at the 29th or 30th;
    negative months go back or raise; moving by more than a drawn number of months raises."""
    clamp = bool(rng.integers(2))
    negative_ok = bool(rng.integers(2))
    sticky = bool(rng.integers(2))
    cap = pick(rng, (None, None, 29, 30))
    limit = None if rng.integers(5) == 0 else int(rng.integers(6, 361))
    guard = "    if months < 0:\n        raise ValueError(months)\n" if not negative_ok else ""
    if limit:
        guard += f"    if abs(months) > {limit}:\n        raise ValueError(months)\n"
    sticky_lines = (
        "    if day == calendar.monthrange(d.year, d.month)[1]:\n        day = last\n"
        if sticky
        else ""
    )
    cap_line = f"    day = min(day, {cap})\n" if cap else ""
    tail = (
        "    return datetime.date(year, month, min(day, last)).isoformat()"
        if clamp
        else "    extra = max(day - last, 0)\n"
        "    start = datetime.date(year, month, day - extra)\n"
        "    return (start + datetime.timedelta(days=extra)).isoformat()"
    )
    reference = f"""import calendar
import datetime


def add_months(iso, months):
{guard}    d = datetime.date.fromisoformat(iso)
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    day = d.day
{sticky_lines}{cap_line}{tail}
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
        ("2027-01-30", 1),
        ("2027-02-28", 1),
        ("2027-04-30", 1),
        ("2027-09-30", 5),
        ("2028-02-29", 12),
        ("2027-07-31", -5),
        ("2027-03-30", 11),
        ("2027-06-30", 2),
        ("2027-01-30", 120),
    ]
    if limit:
        calls += [(_landing_in_february(m), m) for m in (limit, limit + 1, -limit, -limit - 1)]
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
                else "Spill the extra days into the next month (29 Jan 2027 + 1 month = 1 Mar).",
                "Clamp to the month's last day."
                if clamp
                else "Roll the leftover days over into the following month.",
            ),
            fact(
                "last_day",
                ("last day", "stay at the end", "stick", "sticky", "end of the month"),
                "If the start date is the last day of its month, should the result be the last "
                "day too?",
                "Yes: a month's last day moves to the target month's last day (28 February "
                + (
                    f"2027 + 1 month = 31 March, or the {cap}th with the day cap)."
                    if cap
                    else "2027 + 1 month = 31 March)."
                )
                if sticky
                else "No, keep the day number (28 February 2027 + 1 month = 28 March).",
                "Month-end dates stay at month end." if sticky else "Just keep the same day.",
            ),
            fact(
                "cap",
                ("cap", "capped", "latest day", "billing day", "at most day", "highest day"),
                "Is there a latest day of the month billing can fall on?",
                f"Yes, never later than the {cap}th: bigger days become the {cap}th (before "
                "anything else about short months)."
                if cap
                else "No cap on the day of the month.",
                f"Cap the day at {cap}." if cap else "Days aren't capped.",
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
                "limit",
                ("limit", "maximum", "how many months", "too many", "at once"),
                "Is there a maximum number of months?",
                f"Moving by more than {limit} months at once (either way) is a mistake: raise "
                f"a ValueError; {limit} itself is fine."
                if limit
                else "No limit on the number of months.",
                f"At most {limit} months per call." if limit else "Any number of months.",
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
