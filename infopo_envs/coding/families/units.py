"""Unit conversion and human-readable quantities."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

DIGIT_WORDS = ("round", "rounding", "rounded", "decimal", "decimals", "precision")


@family("units.temperature")
def temperature(rng) -> CodingTask:
    digits = int(rng.integers(0, 5))
    kelvin = bool(rng.integers(2))
    rankine = bool(rng.integers(2))
    bad_raises = bool(rng.integers(2))
    bad = "raise ValueError(scale)" if bad_raises else "return None"
    kelvin_line = 'if scale == "K":\n        return round(value - 273.15, ' + str(digits) + ")"
    rankine_line = (
        'if scale == "R":\n        return round((value - 491.67) * 5 / 9, ' + str(digits) + ")"
    )
    supported = ["C", "F"] + ["K"] * kelvin + ["R"] * rankine
    listed = ", ".join(f"'{letter}'" for letter in supported)
    reference = f"""def to_celsius(value, scale):
    scale = scale.strip().upper()
    if scale == "C":
        return round(value, {digits})
    if scale == "F":
        return round((value - 32) * 5 / 9, {digits})
    {kelvin_line if kelvin else "pass"}
    {rankine_line if rankine else "pass"}
    {bad}
"""
    calls = [
        (212, "F"),
        (32, "f"),
        (0, "K"),
        (300, "K"),
        (-40, "F"),
        (21.5, "C"),
        (98.6, "F"),
        (10, "X"),
        (451, " F "),
        (0, "R"),
        (373.15, "k"),
        (671.67, " r"),
    ]
    return CodingTask(
        "units.temperature",
        "to_celsius",
        "def to_celsius(value: float, scale: str) -> float | None",
        "I keep getting temperatures in different units. Write me a converter?",
        reference,
        tuple(calls),
        (
            fact(
                "direction",
                ("into", "convert to", "target", "output unit", "which unit"),
                "Which unit should everything be converted into?",
                "Everything goes into Celsius; the scale says what the input is in.",
                "The result is always in degrees Celsius.",
            ),
            fact(
                "scales",
                ("scales", "kelvin", "fahrenheit", "supported", "letters"),
                "Which input scales must it understand?",
                f"The scales are {listed} in any case, with spaces allowed around them; "
                "any other letter is unsupported.",
                f"Only {', '.join(supported)}"
                + ("." if kelvin else ", no Kelvin.")
                + ("" if rankine else " Rankine ('R') is not supported."),
            ),
            fact(
                "invalid",
                ("invalid", "unknown", "unsupported", "wrong", "error"),
                "What if the scale is invalid or unsupported?",
                "Raise a ValueError." if bad_raises else "Return None.",
                "Unsupported scales are an error (ValueError)."
                if bad_raises
                else "Give back None for an unsupported scale.",
            ),
            fact(
                "digits",
                DIGIT_WORDS,
                "How should the result be rounded?",
                f"Round to {digits} decimal place(s).",
                f"Use round(result, {digits}).",
            ),
        ),
    )


@family("units.duration")
def duration(rng) -> CodingTask:
    clock = bool(rng.integers(2))
    days = bool(rng.integers(2))
    if clock:
        body = """    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}\""""
        fmt = "Clock style, HH:MM:SS with two digits each; hours may exceed 24."
    else:
        split_days = "d, h = divmod(h, 24)" if days else "d = 0"
        body = f"""    h, rest = divmod(seconds, 3600)
    {split_days}
    parts = [(d, "d"), (h, "h"), (rest // 60, "m"), (rest % 60, "s")]
    shown = [f"{{n}}{{unit}}" for n, unit in parts if n]
    return " ".join(shown) if shown else "0s\""""
        fmt = (
            "Compact style like '1d 2h 3m 4s', leaving out zero parts; '0s' for nothing."
            if days
            else "Compact style like '26h 3m 4s' (no days), leaving out zero parts; "
            "'0s' for nothing."
        )
    reference = f"""def format_duration(seconds):
    if seconds < 0:
        raise ValueError("negative duration")
{body}
"""
    calls = [
        (0,),
        (59,),
        (60,),
        (61,),
        (3600,),
        (3661,),
        (86399,),
        (86400,),
        (90061,),
        (200000,),
        (-5,),
    ]
    return CodingTask(
        "units.duration",
        "format_duration",
        "def format_duration(seconds: int) -> str",
        "Can you write a function that shows a number of seconds in a readable way?",
        reference,
        tuple(calls),
        (
            fact(
                "style",
                ("style", "format", "look like", "output", "colons", "clock"),
                "What should the output look like?",
                fmt,
                fmt.split(";")[0] + ".",
            ),
            fact(
                "negative",
                ("negative", "minus", "below zero", "invalid"),
                "What about negative numbers?",
                "Negative seconds raise a ValueError.",
                "Reject negative input with ValueError.",
            ),
        )
        + (
            (
                fact(
                    "days",
                    ("days", "day", "24 hours", "longer"),
                    "Should long durations show days?",
                    "Yes, split out whole days as 'd'."
                    if days
                    else "No days, keep counting hours past 24.",
                    "Use days for 24 hours and more." if days else "Hours only, no days.",
                ),
            )
            if not clock
            else ()
        ),
    )


@family("units.human_bytes")
def human_bytes(rng) -> CodingTask:
    binary = bool(rng.integers(2))
    digits = int(rng.integers(0, 4))
    space = bool(rng.integers(2))
    base = 1024 if binary else 1000
    units = ["B", "KiB", "MiB", "GiB", "TiB"] if binary else ["B", "kB", "MB", "GB", "TB"]
    sep = " " if space else ""
    reference = f"""def human_bytes(n):
    units = {units!r}
    value = float(n)
    for unit in units:
        if value < {base} or unit == units[-1]:
            break
        value /= {base}
    if unit == "B":
        return f"{{int(value)}}{sep}B"
    return f"{{value:.{digits}f}}{sep}{{unit}}"
"""
    calls = [
        (0,),
        (1,),
        (999,),
        (1000,),
        (1023,),
        (1024,),
        (1536,),
        (10**6,),
        (5 * 2**20,),
        (123456789,),
        (2**50,),
    ]
    return CodingTask(
        "units.human_bytes",
        "human_bytes",
        "def human_bytes(n: int) -> str",
        "Write me a little helper that shows file sizes nicely?",
        reference,
        tuple(calls),
        (
            fact(
                "base",
                ("base", "1024", "1000", "kibibyte", "binary", "kilobyte", "units"),
                "Is a kilobyte 1000 or 1024 bytes, and which unit names?",
                f"Use steps of {base} with the units {', '.join(units)}.",
                f"Divide by {base} each step; unit names {' '.join(units)}.",
            ),
            fact(
                "digits",
                DIGIT_WORDS,
                "How many decimals?",
                f"Show {digits} decimal(s) for everything above plain bytes; bytes as a whole "
                "number.",
                f"Format with {digits} digits after the point, except for bytes.",
            ),
            fact(
                "space",
                ("space", "spacing", "between", "gap"),
                "Is there a space between the number and the unit?",
                "Yes, one space, like '1.5 KiB'." if space else "No space, like '1.5KiB'.",
                "Put a space before the unit." if space else "Glue the unit to the number.",
            ),
        ),
    )


@family("units.running_pace")
def running_pace(rng) -> CodingTask:
    per_mile = bool(rng.integers(2))
    round_up = bool(rng.integers(2))
    distance = "distance_km / 1.609344" if per_mile else "distance_km"
    seconds = "math.ceil(total)" if round_up else "round(total)"
    suffix = "/mi" if per_mile else "/km"
    reference = f"""import math


def pace(distance_km, minutes):
    if distance_km <= 0:
        raise ValueError("distance must be positive")
    total = minutes * 60 / ({distance})
    secs = {seconds}
    return f"{{secs // 60}}:{{secs % 60:02d}}{suffix}"
"""
    calls = [
        (5.0, 25.0),
        (10.0, 47.5),
        (21.0975, 105.0),
        (42.195, 210.0),
        (1.0, 4.0),
        (3.0, 20.0),
        (0.0, 10.0),
        (8.0, 41.3),
        (1.609344, 8.0),
        (12.5, 60.0),
        (7.3, 33.0),
    ]
    return CodingTask(
        "units.running_pace",
        "pace",
        "def pace(distance_km: float, minutes: float) -> str",
        "I log my runs. Can you write a function that gives my pace?",
        reference,
        tuple(calls),
        (
            fact(
                "unit",
                ("mile", "miles", "kilometre", "kilometer", "km", "per what", "unit"),
                "Should the pace be per kilometre or per mile?",
                "Minutes per mile, please; the distance comes in km."
                if per_mile
                else "Minutes per kilometre.",
                "Give the pace per mile (1 mile = 1.609344 km)."
                if per_mile
                else "Per km is what I use.",
            ),
            fact(
                "format",
                ("format", "look like", "output", "string", "suffix"),
                "What should the result look like?",
                f"Like '5:03{suffix}': minutes, colon, two-digit seconds, then '{suffix}'.",
                f"M:SS followed by {suffix}.",
            ),
            fact(
                "seconds",
                ("seconds", "round", "rounding", "fractions", "partial"),
                "How should partial seconds be handled?",
                "Round partial seconds up." if round_up else "Round to the nearest second.",
                "Always up to the next second." if round_up else "Normal rounding.",
            ),
            fact(
                "invalid",
                ("zero", "invalid", "negative", "no distance", "error"),
                "What if the distance is zero?",
                "Raise a ValueError for a distance of 0 or less.",
                "Zero or negative distance is a ValueError.",
            ),
        ),
    )


@family("units.distance")
def distance(rng) -> CodingTask:
    target = pick(rng, ("km", "mi", "m"))
    digits = int(rng.integers(0, 5))
    abbrev = bool(rng.integers(2))
    factors = {"km": 1000.0, "mi": 1609.344, "m": 1.0, "ft": 0.3048, "yd": 0.9144}
    aliases = (
        (
            '    aliases = {"kilometers": "km", "miles": "mi", "meters": "m", "feet": "ft", '
            '"yards": "yd"}\n    unit = aliases.get(unit, unit)\n'
        )
        if abbrev
        else ""
    )
    reference = f"""def convert_distance(value, unit):
    factors = {factors!r}
    unit = unit.lower()
{aliases}    if unit not in factors:
        raise ValueError(unit)
    return round(value * factors[unit] / factors[{target!r}], {digits})
"""
    calls = [
        (1, "km"),
        (1, "mi"),
        (100, "m"),
        (5280, "ft"),
        (10, "yd"),
        (3.5, "KM"),
        (2, "miles"),
        (7, "furlong"),
        (0, "ft"),
        (12, "feet"),
        (42.195, "km"),
    ]
    names = {"km": "kilometres", "mi": "miles", "m": "metres"}
    return CodingTask(
        "units.distance",
        "convert_distance",
        "def convert_distance(value: float, unit: str) -> float",
        "I need a distance converter for our route planner.",
        reference,
        tuple(calls),
        (
            fact(
                "target",
                ("into", "convert to", "target", "result unit", "output"),
                "What target unit should I convert to?",
                f"Always convert into {names[target]}.",
                f"The answer is in {names[target]}.",
            ),
            fact(
                "units",
                ("units", "accept", "input units", "names", "spelled", "abbreviations"),
                "Which input units should it accept?",
                (
                    "km, mi, m, ft and yd in any case, and also the words kilometers, miles, "
                    "meters, feet and yards."
                    if abbrev
                    else "Only the abbreviations km, mi, m, ft and yd, in any case."
                ),
                "Abbreviations and full lower-case names." if abbrev else "Abbreviations only.",
            ),
            fact(
                "digits",
                DIGIT_WORDS,
                "How should it round?",
                f"Round to {digits} decimals.",
                f"{digits} digits after the point.",
            ),
            fact(
                "invalid",
                ("invalid", "unknown", "unsupported", "error", "unit is unknown", "unknown unit"),
                "What if the unit is unknown?",
                "Raise a ValueError.",
                "Unknown units are a ValueError.",
            ),
        ),
    )
