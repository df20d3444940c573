"""Unit conversion and human-readable quantities.

Each family draws its hidden parameters from integer ranges where a user's requirement is a
number (rounding digits, a calibration offset, a cut-off, a limit, a target) and states the
exact drawn value in a fact; the calls sit on both sides of every drawn threshold.
"""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

DIGIT_WORDS = ("round", "rounding", "rounded", "decimal", "decimals", "precision")


@family("units.temperature")
def temperature(rng) -> CodingTask:
    """Into Celsius from C/F and optionally K and R; unsupported scales and temperatures below
    absolute zero raise or give None (or, for absolute zero, pass); a calibration offset in
    tenths of a degree is added before rounding to 0-5 digits."""
    digits = int(rng.integers(0, 6))
    kelvin = bool(rng.integers(2))
    rankine = bool(rng.integers(2))
    bad_raises = bool(rng.integers(2))
    below_zero = pick(rng, ("raise", "none", "allow"))
    offset = int(rng.integers(-20, 21)) / 10
    bad = "raise ValueError(scale)" if bad_raises else "return None"
    kelvin_lines = '    elif scale == "K":\n        celsius = value - 273.15\n' if kelvin else ""
    rankine_lines = (
        '    elif scale == "R":\n        celsius = (value - 491.67) * 5 / 9\n' if rankine else ""
    )
    below_line = {
        "raise": '    if celsius < -273.15:\n        raise ValueError("below absolute zero")\n',
        "none": "    if celsius < -273.15:\n        return None\n",
        "allow": "",
    }[below_zero]
    result = f"celsius {'+' if offset > 0 else '-'} {abs(offset)}" if offset else "celsius"
    reference = f"""def to_celsius(value, scale):
    scale = scale.strip().upper()
    if scale == "C":
        celsius = value
    elif scale == "F":
        celsius = (value - 32) * 5 / 9
{kelvin_lines}{rankine_lines}    else:
        {bad}
{below_line}    return round({result}, {digits})
"""
    supported = ["C", "F"] + ["K"] * kelvin + ["R"] * rankine
    listed = ", ".join(f"'{letter}'" for letter in supported)
    calls = [
        (212, "F"),
        (32, "f"),
        (0, "K"),
        (300, "K"),
        (-40, "F"),
        (21.5, "C"),
        (100, "F"),
        (10, "X"),
        (451, " F "),
        (0, "R"),
        (373.15, "k"),
        (671.67, " r"),
        (-300, "C"),
        (-500, "F"),
        (-10, "K"),
        (-273.15, "c"),
        (-5, "R"),
        (37.777, "C"),
    ]
    if offset:
        shown = f"add {offset} °C" if offset > 0 else f"subtract {-offset} °C"
        calibration = (
            f"Our sensors need a calibration correction: {shown} to every converted result, "
            "before rounding.",
            f"The calibration offset is {offset:+} °C, applied after converting.",
        )
    else:
        calibration = (
            "No calibration offset: the converted value is used as it is.",
            "There is no correction to add (offset 0).",
        )
    below = {
        "raise": (
            "Raise a ValueError when the converted value is below absolute zero (-273.15 °C), "
            "checked before any calibration.",
            "Below -273.15 °C (before calibration) is a ValueError.",
        ),
        "none": (
            "Return None when the converted value is below absolute zero (-273.15 °C), "
            "checked before any calibration.",
            "Below -273.15 °C (before calibration) gives None.",
        ),
        "allow": (
            "Convert it anyway; there's no absolute-zero check.",
            "Don't check for absolute zero, just convert.",
        ),
    }[below_zero]
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
                "absolute_zero",
                ("absolute zero", "below absolute", "impossible", "physically", "too cold"),
                "What if the temperature is below absolute zero?",
                *below,
            ),
            fact(
                "calibration",
                ("calibration", "calibrate", "offset", "correction", "adjust", "adjustment"),
                "Is there a calibration offset to apply?",
                *calibration,
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
    """Seconds as a clock ('01:02:03', hours padded or not) or compact text ('1w 2d 3h 4m 5s')
    with a drawn separator, day length (24 hours or a working day of 4-12) and week length;
    from a drawn number of minutes on, seconds are left out; negatives raise or get a '-'."""
    clock = bool(rng.integers(4) == 0)
    negative_sign = bool(rng.integers(2))
    cutoff = None if rng.integers(4) == 0 else int(rng.integers(2, 121))
    if negative_sign:
        negative = '        return "-" + format_duration(-seconds)'
        negative_text = (
            "Show a negative duration as '-' followed by the duration of its absolute value.",
            "Negative seconds get a leading minus sign, like '-5s'."
            if not clock
            else "Negative seconds get a leading minus sign in front of the clock.",
        )
    else:
        negative = '        raise ValueError("negative duration")'
        negative_text = (
            "Negative seconds raise a ValueError.",
            "Reject negative input with ValueError.",
        )
    if cutoff:
        seconds_text = (
            f"From {cutoff} minutes ({cutoff * 60} seconds) on, leave the seconds out (drop "
            "them, no rounding); below that, show them.",
            f"Durations of {cutoff * 60} seconds or more don't show seconds.",
        )
    else:
        seconds_text = ("Always show the seconds.", "Seconds are always part of the output.")
    if cutoff and clock:
        seconds_text = (seconds_text[0] + " Then it is just hours:minutes.", seconds_text[1])
    facts = []
    if clock:
        pad = bool(rng.integers(2))
        hours = "{hours:02d}" if pad else "{hours}"
        short = f'        return f"{hours}:{{minutes:02d}}"\n'
        body = (
            "    hours, rest = divmod(seconds, 3600)\n"
            "    minutes, secs = divmod(rest, 60)\n"
            + (f"    if seconds >= {cutoff * 60}:\n{short}" if cutoff else "")
            + f'    return f"{hours}:{{minutes:02d}}:{{secs:02d}}"'
        )
        example = "01:02:03" if pad else "1:02:03"
        fmt = (
            f"Clock style like '{example}': hours"
            + (" with at least two digits" if pad else " without padding")
            + ", then two-digit minutes and seconds, separated by colons; hours may exceed 24.",
            f"Clock style, like '{example}'" + (" (hours padded to two digits)." if pad else "."),
        )
    else:
        day_hours = None if rng.integers(4) == 0 else pick(rng, (24, 24, 24, *range(4, 13)))
        week_days = pick(rng, (None, 5, 6, 7)) if day_hours else None
        sep = pick(rng, (" ", ", ", ""))
        lines = [
            "    minutes, secs = divmod(seconds, 60)",
            "    hours, minutes = divmod(minutes, 60)",
        ]
        parts = ['(hours, "h")', '(minutes, "m")']
        if day_hours:
            lines.append(f"    days, hours = divmod(hours, {day_hours})")
            parts.insert(0, '(days, "d")')
        if week_days:
            lines.append(f"    weeks, days = divmod(days, {week_days})")
            parts.insert(0, '(weeks, "w")')
        if cutoff:
            lines += [f"    parts = [{', '.join(parts)}]", f"    if seconds < {cutoff * 60}:"]
            lines.append('        parts.append((secs, "s"))')
        else:
            parts.append('(secs, "s")')
            lines.append(f"    parts = [{', '.join(parts)}]")
        lines += [
            '    shown = [f"{n}{unit}" for n, unit in parts if n]',
            f'    return {sep!r}.join(shown) if shown else "0s"',
        ]
        body = "\n".join(lines)
        example = sep.join(["1d", "2h", "3m", "4s"] if day_hours else ["26h", "3m", "4s"])
        fmt = (
            f"Compact style like '{example}', leaving out zero parts; '0s' for nothing.",
            f"Compact, like '{example}', without the parts that are zero.",
        )
        shown_sep = {" ": "a single space", ", ": "a comma and a space", "": "nothing"}[sep]
        facts.append(
            fact(
                "separator",
                ("separator", "separate", "separated", "between the parts", "comma", "join"),
                "What goes between the parts?",
                f"Separate the parts with {shown_sep} ({sep!r}).",
                f"Join the parts with {sep!r}.",
            )
        )
        if not day_hours:
            days_text = (
                "No days, keep counting hours past 24.",
                "Hours only, no days or weeks.",
            )
        else:
            day = "a day is 24 hours" if day_hours == 24 else f"a working day is {day_hours} hours"
            week = (
                f"; whole weeks of {week_days} such days are shown as 'w'"
                if week_days
                else "; no weeks"
            )
            days_text = (
                f"Yes, split out whole days as 'd', where {day}{week}.",
                f"Days ('d') of {day_hours} hours"
                + (f" and weeks ('w') of {week_days} days." if week_days else ", no weeks."),
            )
        facts.append(
            fact(
                "days",
                ("days", "day", "24 hours", "weeks", "week", "working day"),
                "Should long durations show days or weeks?",
                *days_text,
            )
        )
    reference = f"""def format_duration(seconds):
    if seconds < 0:
{negative}
{body}
"""
    calls = [0, 59, 60, 61, 3600, 3661, 86399, 86400, 90061, 200000, 700000, -5, -3661]
    if cutoff:
        calls += [cutoff * 60 - 1, cutoff * 60, cutoff * 60 + 7, cutoff * 60 + 67]
    if not clock and day_hours:
        calls += [day_hours * 3600 - 1, day_hours * 3600, day_hours * 3600 + 3661]
    if not clock and week_days:
        week = week_days * day_hours * 3600
        calls += [week - 1, week, week + day_hours * 3600 + 61]
    return CodingTask(
        "units.duration",
        "format_duration",
        "def format_duration(seconds: int) -> str",
        "Can you write a function that shows a number of seconds in a readable way?",
        reference,
        tuple((s,) for s in dict.fromkeys(calls)),
        (
            fact(
                "style",
                ("style", "format", "look like", "output", "colons", "clock"),
                "What should the output look like?",
                *fmt,
            ),
            *facts,
            fact(
                "seconds",
                ("seconds", "leave out", "drop the seconds", "omit", "hide"),
                "When should the seconds be left out?",
                *seconds_text,
            ),
            fact(
                "negative",
                ("negative", "minus", "below zero", "invalid"),
                "What about negative numbers?",
                *negative_text,
            ),
        ),
    )


@family("units.human_bytes")
def human_bytes(rng) -> CodingTask:
    """Byte counts in decimal or binary steps with drawn unit names and largest unit, 0-3
    decimals (trailing zeros kept or dropped), a space or not, and a drawn switch point: the
    value in the current unit from which the next unit is used (the base itself or less)."""
    binary = bool(rng.integers(2))
    digits = int(rng.integers(0, 4))
    strip = digits > 0 and bool(rng.integers(2))
    space = bool(rng.integers(2))
    base = 1024 if binary else 1000
    switch = base if rng.integers(5) == 0 else int(rng.integers(800, base))
    names = pick(rng, (("KiB", "MiB", "GiB", "TiB", "PiB"), ("KB", "MB", "GB", "TB", "PB")))
    if not binary:
        names = pick(rng, (("kB", "MB", "GB", "TB", "PB"), ("KB", "MB", "GB", "TB", "PB")))
    top = int(rng.integers(3, 5))
    units = ["B", *names[:top]]
    sep = " " if space else ""
    strip_line = '    text = text.rstrip("0").rstrip(".")\n' if strip else ""
    reference = f"""def human_bytes(n):
    units = {units!r}
    value = float(n)
    for unit in units:
        if value < {switch} or unit == units[-1]:
            break
        value /= {base}
    if unit == "B":
        return f"{{int(value)}}{sep}B"
    text = f"{{value:.{digits}f}}"
{strip_line}    return f"{{text}}{sep}{{unit}}"
"""
    calls = [0, 1, 999, 1000, 1023, 1024, 1536, 10**6, 5 * 2**20, 123456789, 2**40, 2**50]
    calls += [10**12, 3 * 10**15, 1500, 2048, 10**7 + 1]
    calls += [switch - 1, switch, switch * base - 1, switch * base, (switch - 1) * base]
    return CodingTask(
        "units.human_bytes",
        "human_bytes",
        "def human_bytes(n: int) -> str",
        "Write me a little helper that shows file sizes nicely?",
        reference,
        tuple((n,) for n in dict.fromkeys(calls)),
        (
            fact(
                "base",
                ("base", "1024", "1000", "kibibyte", "binary", "kilobyte", "units"),
                "Is a kilobyte 1000 or 1024 bytes, and which unit names?",
                f"Use steps of {base} with the units {', '.join(units)}; {units[-1]} is the "
                "largest, even for bigger numbers.",
                f"Divide by {base} each step; unit names {' '.join(units)} (nothing above "
                f"{units[-1]}).",
            ),
            fact(
                "switch",
                ("switch", "next unit", "bigger unit", "move up", "threshold", "step up"),
                "When should it switch to the next bigger unit?",
                f"Move up to the next unit as soon as the value reaches {switch} in the "
                f"current unit (so {switch} B is already shown in {units[1]}).",
                f"Switch units from {switch} on: below {switch} stay in the current unit.",
            ),
            fact(
                "digits",
                DIGIT_WORDS,
                "How many decimals?",
                f"Show {digits} decimal(s) for everything above plain bytes"
                + (", then drop trailing zeros and a bare point" if strip else "")
                + "; bytes as a whole number.",
                f"Format with {digits} digits after the point, except for bytes"
                + (" (no trailing zeros, like '1.5' rather than '1.50')." if strip else "."),
            ),
            fact(
                "space",
                ("space", "spacing", "between", "gap"),
                "Is there a space between the number and the unit?",
                f"Yes, one space, like '1.5 {units[1]}'."
                if space
                else f"No space, like '1.5{units[1]}'.",
                "Put a space before the unit." if space else "Glue the unit to the number.",
            ),
        ),
    )


@family("units.running_pace")
def running_pace(rng) -> CodingTask:
    """Pace per km or mile from km and minutes: seconds rounded to nearest, up or down,
    minutes padded or not, one of three suffixes, a drawn target pace that marks fast runs
    with ' *', and a zero distance that raises or gives None."""
    per_mile = bool(rng.integers(2))
    rounding = pick(rng, ("nearest", "up", "down"))
    pad = bool(rng.integers(2))
    unit = "mi" if per_mile else "km"
    suffix = pick(rng, (f"/{unit}", f" min/{unit}", f" per {unit}"))
    target = None if rng.integers(4) == 0 else int(rng.integers(180, 600))
    zero_raises = bool(rng.integers(2))
    distance = "distance_km / 1.609344" if per_mile else "distance_km"
    seconds = {"nearest": "round(total)", "up": "math.ceil(total)", "down": "math.floor(total)"}
    minutes_part = "{secs // 60:02d}" if pad else "{secs // 60}"
    zero = 'raise ValueError("distance must be positive")' if zero_raises else "return None"
    mark = f'    if secs <= {target}:\n        text += " *"\n' if target else ""
    reference = f"""import math


def pace(distance_km, minutes):
    if distance_km <= 0:
        {zero}
    total = minutes * 60 / ({distance})
    secs = {seconds[rounding]}
    text = f"{minutes_part}:{{secs % 60:02d}}{suffix}"
{mark}    return text
"""
    calls = [
        (5.0, 25.0),
        (10.0, 47.5),
        (21.0975, 105.0),
        (42.195, 210.0),
        (1.0, 4.0),
        (3.0, 20.0),
        (0.0, 10.0),
        (-2.0, 10.0),
        (8.0, 41.3),
        (1.609344, 8.0),
        (12.5, 60.0),
        (7.3, 33.0),
        (10.0, 50.0 + 1 / 24),
        (4.0, 22.5 + 1 / 30),
    ]
    if target:
        ten = 10 * 1.609344 if per_mile else 10.0
        for extra in (-1.25, 0.25, 0.75, 1.25):
            calls.append((ten, (target + extra) * 10 / 60))
    example = f"{'05' if pad else '5'}:03{suffix}"
    shown_target = f"{target // 60}:{target % 60:02d}" if target else ""
    rounding_text = {
        "nearest": ("Round to the nearest second.", "Normal rounding to whole seconds."),
        "up": ("Round partial seconds up.", "Always up to the next second."),
        "down": ("Drop partial seconds (round down).", "Always down to the whole second."),
    }[rounding]
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
                f"Like '{example}': minutes"
                + (" padded to two digits" if pad else " without padding")
                + f", colon, two-digit seconds, then '{suffix}'.",
                f"{'MM' if pad else 'M'}:SS followed by '{suffix}'.",
            ),
            fact(
                "seconds",
                ("seconds", "round", "rounding", "fractions", "partial"),
                "How should partial seconds be handled?",
                *rounding_text,
            ),
            fact(
                "target",
                ("target", "goal", "mark", "fast enough", "highlight"),
                "Is there a target pace to mark?",
                f"My target is {shown_target}: when the rounded pace is {target} seconds or "
                "less, add ' *' at the end."
                if target
                else "No target, nothing to mark.",
                f"Paces of {shown_target} or faster get a trailing ' *'."
                if target
                else "Don't mark anything.",
            ),
            fact(
                "invalid",
                ("zero", "invalid", "negative", "no distance", "error"),
                "What if the distance is zero?",
                "Raise a ValueError for a distance of 0 or less."
                if zero_raises
                else "Return None for a distance of 0 or less.",
                "Zero or negative distance is a ValueError."
                if zero_raises
                else "Zero or negative distance gives None.",
            ),
        ),
    )


@family("units.distance")
def distance(rng) -> CodingTask:
    """Distances into km, mi, m, ft or yd, from abbreviations (and optionally nautical miles,
    inches and full names), rounded to 0-5 digits; negatives raise or pass, and a drawn
    maximum distance in km rejects longer ones."""
    target = pick(rng, ("km", "mi", "m", "ft", "yd"))
    digits = int(rng.integers(0, 6))
    abbrev = bool(rng.integers(2))
    nautical = bool(rng.integers(2))
    inches = bool(rng.integers(2))
    negative_raises = bool(rng.integers(2))
    limit = None if rng.integers(4) == 0 else int(rng.integers(50, 2001))
    factors = {"km": 1000.0, "mi": 1609.344, "m": 1.0, "ft": 0.3048, "yd": 0.9144}
    if nautical:
        factors["nmi"] = 1852.0
    if inches:
        factors["in"] = 0.0254
    words = {"kilometers": "km", "miles": "mi", "meters": "m", "feet": "ft", "yards": "yd"}
    if nautical:
        words["nautical miles"] = "nmi"
    if inches:
        words["inches"] = "in"
    aliases = f"    unit = {words!r}.get(unit, unit)\n" if abbrev else ""
    negative = "    if value < 0:\n        raise ValueError(value)\n" if negative_raises else ""
    metres = "value * factors[unit]"
    limit_line = (
        f"    if abs({metres}) > {limit * 1000}:\n        raise ValueError(value)\n"
        if limit
        else ""
    )
    reference = f"""def convert_distance(value, unit):
    factors = {factors!r}
    unit = unit.lower()
{aliases}    if unit not in factors:
        raise ValueError(unit)
{negative}{limit_line}    return round({metres} / factors[{target!r}], {digits})
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
        (3, "nmi"),
        (36, "in"),
        (1, "nautical miles"),
        (24, "inches"),
        (-2.5, "km"),
        (-1, "mi"),
        (123.456789, "m"),
    ]
    if limit:
        calls += [(limit, "km"), (limit + 1, "km"), (limit * 1000 + 1, "m"), (-limit - 1, "km")]
    names = {"km": "kilometres", "mi": "miles", "m": "metres", "ft": "feet", "yd": "yards"}
    accepted = ", ".join(factors)
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
                    f"The abbreviations {accepted} in any case, and also the words "
                    f"{', '.join(words)}."
                    if abbrev
                    else f"Only the abbreviations {accepted}, in any case."
                )
                + (" A nautical mile is 1852 m." if nautical else "")
                + (" An inch is 0.0254 m." if inches else ""),
                f"{accepted}" + (" and their full lower-case names." if abbrev else " only."),
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
            fact(
                "negative",
                ("negative", "below zero", "minus", "less than zero"),
                "What about negative distances?",
                "Negative values raise a ValueError."
                if negative_raises
                else "Negative values are fine, convert them like any other.",
                "Reject negatives with ValueError."
                if negative_raises
                else "Negatives are allowed.",
            ),
            fact(
                "limit",
                ("maximum", "limit", "too far", "too long", "longest", "cap"),
                "Is there a maximum or a limit on the distance?",
                f"Anything longer than {limit} km (in either direction) is a data-entry "
                "mistake: raise a ValueError. Exactly the limit is fine."
                if limit
                else "No maximum, any length is fine.",
                f"The limit is {limit} km; beyond it, ValueError." if limit else "No limit.",
            ),
        ),
    )
