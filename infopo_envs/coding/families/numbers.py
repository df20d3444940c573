"""Number games and small statistics."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick


@family("numbers.fizzbuzz")
def fizzbuzz(rng) -> CodingTask:
    a = int(rng.integers(2, 8))
    b = int(rng.integers(a + 1, 13))
    word_a, word_b = pick(
        rng,
        (
            ("Fizz", "Buzz"),
            ("Foo", "Bar"),
            ("Ping", "Pong"),
            ("Tick", "Tock"),
            ("Zip", "Zap"),
            ("Bing", "Bong"),
            ("Hip", "Hop"),
        ),
    )
    start_zero = bool(rng.integers(2))
    numbers_as = pick(rng, ("str", "int"))
    start = "0" if start_zero else "1"
    stop = "n" if start_zero else "n + 1"
    plain = "str(i)" if numbers_as == "str" else "i"
    reference = f"""def fizzbuzz(n):
    out = []
    for i in range({start}, {stop}):
        word = ({word_a!r} if i % {a} == 0 else "") + ({word_b!r} if i % {b} == 0 else "")
        out.append(word or {plain})
    return out
"""
    calls = [(n,) for n in (1, 2, 5, 0, 12, 15, 20, 7, 28, 3, 35, 66)]
    return CodingTask(
        "numbers.fizzbuzz",
        "fizzbuzz",
        "def fizzbuzz(n: int) -> list",
        "Can you write a FizzBuzz-style game for my kids' class, with our own rules?",
        reference,
        tuple(calls),
        (
            fact(
                "rules",
                ("rules", "divisible", "multiples", "numbers", "which"),
                "Which numbers get replaced?",
                f"Multiples of {a} become '{word_a}', multiples of {b} become '{word_b}', "
                f"multiples of both get '{word_a}{word_b}'.",
                f"{a} -> {word_a}, {b} -> {word_b}, both -> {word_a}{word_b}.",
            ),
            fact(
                "range",
                ("range", "start", "begin", "count from", "zero", "up to"),
                "Where does the count start and end?",
                "Count from 0 up to n-1 (n numbers)."
                if start_zero
                else "Count from 1 up to n inclusive.",
                "Start at 0, stop before n." if start_zero else "Start at 1, include n.",
            ),
            fact(
                "plain",
                ("other numbers", "otherwise", "plain", "type", "strings"),
                "What type should the other numbers be, strings?",
                "Other numbers appear as strings, like '7'."
                if numbers_as == "str"
                else "Other numbers stay as ints, like 7.",
                "Everything is a string." if numbers_as == "str" else "Keep them as integers.",
            ),
        ),
    )


@family("numbers.moving_average")
def moving_average(rng) -> CodingTask:
    partial = bool(rng.integers(2))
    digits = int(rng.integers(0, 5))
    trailing = bool(rng.integers(2))
    if partial:
        window = (
            "values[max(0, i - window + 1):i + 1]"
            if trailing
            else "values[max(0, i - window // 2):i + window - window // 2]"
        )
        loop = "range(len(values))"
    else:
        window = "values[i:i + window]"
        loop = "range(len(values) - window + 1)"
    reference = f"""def moving_average(values, window):
    if window < 1:
        raise ValueError(window)
    out = []
    for i in {loop}:
        chunk = {window}
        out.append(round(sum(chunk) / len(chunk), {digits}))
    return out
"""
    v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    calls = [
        (v, 3),
        (v, 1),
        (v, 6),
        (v, 7),
        ([], 2),
        ([2.5, 3.5], 2),
        (v, 2),
        (v, 0),
        ([10.0, 0.0, 10.0, 0.0, 10.0], 3),
        ([1.234, 5.678, 9.1011], 2),
        (v, 4),
    ]
    kind = (
        "one value per input, averaging whatever part of the window exists"
        if partial
        else "only full windows, so fewer values than the input"
    )
    return CodingTask(
        "numbers.moving_average",
        "moving_average",
        "def moving_average(values: list[float], window: int) -> list[float]",
        "I want to smooth a series of numbers with a moving average.",
        reference,
        tuple(calls),
        (
            fact(
                "edges",
                ("edges", "partial", "full", "beginning", "incomplete"),
                "What happens at the edges, where the window is partial?",
                f"Return {kind}.",
                "Partial windows at the edges still produce a value."
                if partial
                else "Skip positions where the window is incomplete.",
            ),
            fact(
                "alignment",
                ("align", "aligned", "centred", "centered", "trailing", "previous", "position"),
                "Is the window centred or trailing?",
                (
                    "Trailing: the value at i averages i and the values before it."
                    if trailing
                    else "Centred around i: window//2 values before, the rest from i on."
                )
                if partial
                else "Window i covers values i to i+window-1.",
                "Each window starts at its own index."
                if not partial
                else ("Look backwards from each point." if trailing else "Centre the window."),
            ),
            fact(
                "digits",
                ("round", "rounding", "decimals", "decimal", "precision"),
                "What rounding, how many decimals?",
                f"Round to {digits} decimals.",
                f"{digits} digits after the point.",
            ),
            fact(
                "invalid",
                ("invalid", "zero", "window size", "error", "negative"),
                "What if the window size is zero or invalid?",
                "Raise a ValueError.",
                "That's a ValueError.",
            ),
        ),
    )


@family("numbers.histogram")
def histogram(rng) -> CodingTask:
    width = int(rng.integers(2, 51))
    right_closed = bool(rng.integers(2))
    empty_bins = bool(rng.integers(2))
    key = f"-(-v // {width}) * {width} - {width}" if right_closed else f"v // {width} * {width}"
    fill = (
        f"""    if counts:
        for start in range(min(counts), max(counts), {width}):
            counts.setdefault(start, 0)
"""
        if empty_bins
        else ""
    )
    reference = f"""def histogram(values):
    counts = {{}}
    for v in values:
        start = int({key})
        counts[start] = counts.get(start, 0) + 1
{fill}    return dict(sorted(counts.items()))
"""
    calls = [
        ([1, 2, 3],),
        ([0, width, 2 * width],),
        ([],),
        ([width - 1, width, width + 1],),
        ([7, 33, 58],),
        ([-1, -width, 0],),
        ([100],),
        ([3, 3, 3, 90],),
        ([width * 3, width * 3 + 1],),
        ([12, 18, 24, 49, 50, 51],),
        ([2.5, 7.5, 12.5],),
    ]
    edge = "(start, start+width]" if right_closed else "[start, start+width)"
    return CodingTask(
        "numbers.histogram",
        "histogram",
        "def histogram(values: list[float]) -> dict[int, int]",
        "I need to bucket numbers into a histogram.",
        reference,
        tuple(calls),
        (
            fact(
                "width",
                ("width", "wide", "size", "bucket size", "bin size", "step"),
                "How wide is each bucket?",
                f"Buckets are {width} wide, aligned to multiples of {width}.",
                f"Bin width {width}, starting at multiples of {width}.",
            ),
            fact(
                "edges",
                ("edge", "edges", "boundary", "boundaries", "inclusive", "exactly on"),
                "Which bucket does a value exactly on a boundary go to?",
                f"Buckets are {edge}: a boundary value goes to the lower bucket."
                if right_closed
                else f"Buckets are {edge}: a boundary value starts a bucket.",
                f"Intervals {edge}, keyed by start.",
            ),
            fact(
                "empty",
                ("empty", "missing", "zero counts", "gaps", "no values"),
                "Should empty buckets appear?",
                "Yes, include empty buckets between the lowest and highest with count 0."
                if empty_bins
                else "No, only buckets that have values.",
                "Fill the gaps with zeros." if empty_bins else "Skip empty buckets.",
            ),
            fact(
                "format",
                ("format", "return", "dict", "output", "keys"),
                "What to return?",
                "A dict from bucket start (int) to count, in increasing order of start.",
                "Dict of start -> count, sorted by start.",
            ),
        ),
    )


@family("numbers.password_strength")
def password_strength(rng) -> CodingTask:
    min_len = int(rng.integers(4, 17))
    need_symbol = bool(rng.integers(2))
    scale = pick(rng, ("score", "label"))
    checks = [
        "len(pw) >= MIN",
        "any(c.islower() for c in pw)",
        "any(c.isupper() for c in pw)",
        "any(c.isdigit() for c in pw)",
    ]
    if need_symbol:
        checks.append("any(not c.isalnum() for c in pw)")
    checks_src = ",\n        ".join(c.replace("MIN", str(min_len)) for c in checks)
    n = len(checks)
    out = (
        "score"
        if scale == "score"
        else f'"strong" if score == {n} else "medium" if score >= {n - 2} else "weak"'
    )
    reference = f"""def password_strength(pw):
    score = sum([
        {checks_src},
    ])
    return {out}
"""
    calls = [
        ("",),
        ("abc",),
        ("abcdefgh",),
        ("Abcdefgh",),
        ("Abcdefg1",),
        ("Abcdefg1!",),
        ("ABCDEFGHIJKL1!",),
        ("abcdefghijkl",),
        ("Ab1!",),
        ("Correct-Horse-9",),
        ("12345678901234",),
    ]
    rules = "length, a lower-case letter, an upper-case letter, a digit" + (
        ", a symbol" if need_symbol else ""
    )
    return CodingTask(
        "numbers.password_strength",
        "password_strength",
        "def password_strength(pw: str)",
        "Can you write a password strength checker for our sign-up form?",
        reference,
        tuple(calls),
        (
            fact(
                "length",
                ("length", "long", "characters", "minimum"),
                "How long must a password be?",
                f"At least {min_len} characters to earn the length point.",
                f"{min_len}+ characters counts as long enough.",
            ),
            fact(
                "criteria",
                (
                    "criteria",
                    "rules",
                    "symbol",
                    "symbols",
                    "digit",
                    "digits",
                    "uppercase",
                    "checks",
                ),
                "Which criteria count?",
                f"One point each for: {rules}.",
                f"There are {n} checks: {rules}.",
            ),
            fact(
                "output",
                ("return", "output", "label", "score", "result"),
                "What should it return?",
                f"The number of criteria met, an int from 0 to {n}."
                if scale == "score"
                else f"'strong' if all {n} criteria are met, 'medium' if at least {n - 2}, "
                "otherwise 'weak'.",
                "Just the points as an int."
                if scale == "score"
                else "A word: weak, medium or strong.",
            ),
        ),
    )


@family("numbers.digit_checksum")
def digit_checksum(rng) -> CodingTask:
    weights = tuple(int(w) for w in rng.integers(1, 10, size=int(rng.integers(2, 5))))
    modulus = pick(rng, (10, 11))
    from_right = bool(rng.integers(2))
    digits = "reversed(code)" if from_right else "code"
    reference = f"""def check_digit(code):
    if not code.isdigit():
        raise ValueError(code)
    weights = {weights!r}
    total = sum(int(d) * weights[i % len(weights)] for i, d in enumerate({digits}))
    return (-total) % {modulus}
"""
    calls = [
        ("0",),
        ("123",),
        ("9780306",),
        ("5",),
        ("4006381333931",),
        ("",),
        ("12a",),
        ("00000",),
        ("999999",),
        ("31415926",),
        ("271828",),
    ]
    return CodingTask(
        "numbers.digit_checksum",
        "check_digit",
        "def check_digit(code: str) -> int",
        "Our product codes end with a check digit. Could you write the function computing it?",
        reference,
        tuple(calls),
        (
            fact(
                "weights",
                ("weights", "weight", "multiply", "pattern", "factors"),
                "What weights multiply the digits?",
                f"Multiply the digits by the repeating weights {weights}.",
                f"The weight pattern is {', '.join(map(str, weights))}, repeating.",
            ),
            fact(
                "direction",
                ("direction", "from the right", "from the left", "rightmost", "leftmost", "start"),
                "Do the weights start from the left or the right?",
                "Start from the rightmost digit."
                if from_right
                else "Start from the leftmost digit.",
                "Apply weights right to left." if from_right else "Apply weights left to right.",
            ),
            fact(
                "modulus",
                ("modulus", "modulo", "mod", "remainder", "check digit"),
                "How do you get the check digit from the weighted sum?",
                f"It's the amount that brings the sum up to a multiple of {modulus}: "
                f"(-sum) mod {modulus}.",
                f"Use (-total) % {modulus}.",
            ),
            fact(
                "invalid",
                ("invalid", "letters", "empty", "non-digit", "error"),
                "What if the code has non-digits or is empty?",
                "Raise a ValueError.",
                "Only digits allowed, else ValueError.",
            ),
        ),
    )
