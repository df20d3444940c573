"""Number games and small statistics."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick


@family("numbers.fizzbuzz")
def fizzbuzz(rng) -> CodingTask:
    """Two divisors (2 to 12) and their words, how the words join on a common multiple, whether
    a number containing the divisor's digits counts too, where the count starts and the type of
    the other numbers."""
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
    joiner = pick(rng, ("", " ", "-"))
    contains = bool(rng.integers(2))
    start = "0" if start_zero else "1"
    stop = "n" if start_zero else "n + 1"
    plain = "str(i)" if numbers_as == "str" else "i"
    hit_a = f"i % {a} == 0" + (f' or "{a}" in str(i)' if contains else "")
    hit_b = f"i % {b} == 0" + (f' or "{b}" in str(i)' if contains else "")
    reference = f"""def fizzbuzz(n):
    out = []
    for i in range({start}, {stop}):
        words = ([{word_a!r}] if {hit_a} else []) + ([{word_b!r}] if {hit_b} else [])
        out.append({joiner!r}.join(words) or {plain})
    return out
"""
    calls = [(n,) for n in (1, 2, 5, 0, 12, 15, 20, 7, 28, 3, 35, 66, a * b + 1, 10 * b + 2)]
    both = f"{word_a}{joiner}{word_b}"
    example = next(
        i for i in range(10, 1000) if str(a) in str(i) and i % a and i % b and str(b) not in str(i)
    )
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
                f"multiples of both get '{both}'.",
                f"{a} -> {word_a}, {b} -> {word_b}, both -> {both}.",
            ),
            fact(
                "digits",
                ("contain", "contains", "digit", "digits", "has a"),
                "Does a number that contains the digit count too?",
                f"Yes: a number whose digits contain {a} counts like a multiple of {a} (and "
                f"the same for {b}), so {example} gets '{word_a}'."
                if contains
                else "No, only real multiples count, whatever digits a number has.",
                f"Containing {a} or {b} in its digits also triggers the word."
                if contains
                else "Digits don't matter, only divisibility.",
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
    """Full windows only or partial ones (trailing, centred or leading), simple or linearly
    weighted, readings above a cap (10 to 60) kept, dropped or clipped, 0 to 5 decimals or none,
    and a window under 1 raising or giving []."""
    partial = bool(rng.integers(2))
    align = pick(rng, ("trailing", "centred", "leading"))
    weighted = bool(rng.integers(2))
    digits = pick(rng, (None, *range(0, 6)))
    cap = int(rng.integers(10, 61))
    outliers = pick(rng, ("keep", "drop", "clip"))
    bad_window = pick(rng, ("error", "empty"))
    if partial:
        window = {
            "trailing": "values[max(0, i - window + 1):i + 1]",
            "centred": "values[max(0, i - window // 2):i + window - window // 2]",
            "leading": "values[i:i + window]",
        }[align]
        loop = "range(len(values))"
    else:
        window = "values[i:i + window]"
        loop = "range(len(values) - window + 1)"
    invalid = "raise ValueError(window)" if bad_window == "error" else "return []"
    clean = {
        "keep": "",
        "drop": f"    values = [v for v in values if v <= {cap}]\n",
        "clip": f"    values = [min(v, {cap}) for v in values]\n",
    }[outliers]
    mean = (
        "sum(w * x for w, x in zip(weights, chunk)) / sum(weights)"
        if weighted
        else "sum(chunk) / len(chunk)"
    )
    value = mean if digits is None else f"round({mean}, {digits})"
    weights = "\n        weights = range(1, len(chunk) + 1)" if weighted else ""
    reference = f"""def moving_average(values, window):
    if window < 1:
        {invalid}
{clean}    out = []
    for i in {loop}:
        chunk = {window}{weights}
        out.append({value})
    return out
"""
    v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    near = [cap - 3.0, cap + 1.5, cap, cap - 1.25, cap + 4.0, cap - 7.5, cap + 0.5]
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
        ([1.234, 5.678, 9.1011, 2.2222], 2),
        (v, 4),
        ([1.0, 4.0, 2.0, 8.0, 5.0, 7.0, 3.0], 4),
        (near, 2),
        (near, 3),
        (near[:4], 5),
    ]
    kind = (
        "one value per input, averaging whatever part of the window exists"
        if partial
        else "only full windows, so fewer values than the input"
    )
    covers = {
        "trailing": "Trailing: the value at i averages i and the values before it.",
        "centred": "Centred around i: window//2 values before, the rest from i on.",
        "leading": "Leading: the value at i averages i and the values after it.",
    }
    if outliers == "keep":
        cap_says = ("Keep every reading, however large.", "No readings are thrown out.")
    elif outliers == "drop":
        cap_says = (
            f"Readings above {cap} are sensor glitches: drop them before averaging.",
            f"Remove any value over {cap} first, then smooth what's left.",
        )
    else:
        cap_says = (
            f"Readings above {cap} are clipped: count them as {cap} before averaging.",
            f"Any value over {cap} is treated as exactly {cap}.",
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
                covers[align] if partial else "Window i covers values i to i+window-1.",
                "Each window starts at its own index."
                if not partial
                else {
                    "trailing": "Look backwards from each point.",
                    "centred": "Centre the window.",
                    "leading": "Look forwards from each point.",
                }[align],
            ),
            fact(
                "weights",
                ("weights", "weight", "weighted", "simple", "equally"),
                "Is it a simple average, or are the values weighted?",
                "Weighted: in each window the values get weights 1, 2, 3, ... from the first to "
                "the last, so the latest counts most."
                if weighted
                else "A simple average: every value in the window counts equally.",
                "Linear weights 1..n over the window, oldest first."
                if weighted
                else "No weighting.",
            ),
            fact(
                "outliers",
                ("outliers", "glitches", "large values", "spikes", "cap", "too big"),
                "What about outliers or spikes in the readings?",
                *cap_says,
            ),
            fact(
                "digits",
                ("round", "rounding", "decimals", "decimal", "precision"),
                "What rounding, how many decimals?",
                "Don't round the averages." if digits is None else f"Round to {digits} decimals.",
                "Full precision, no rounding."
                if digits is None
                else f"{digits} digits after the point.",
            ),
            fact(
                "invalid",
                ("invalid", "zero", "window size", "error", "negative"),
                "What if the window size is zero or invalid?",
                "A window under 1 raises a ValueError."
                if bad_window == "error"
                else "A window under 1 gives an empty list.",
                "That's a ValueError." if bad_window == "error" else "Return [] for that.",
            ),
        ),
    )


@family("numbers.histogram")
def histogram(rng) -> CodingTask:
    """Bucket width (2 to 50) and offset (0 to 4), closed side, empty buckets shown or not,
    keys at the bucket's start or end, and plain or cumulative counts."""
    width = int(rng.integers(2, 51))
    offset = int(rng.integers(0, min(5, width)))
    right_closed = bool(rng.integers(2))
    empty_bins = bool(rng.integers(2))
    key_end = bool(rng.integers(2))
    cumulative = bool(rng.integers(2))
    shifted = f"(v - {offset})" if offset else "v"
    plus = f" + {offset}" if offset else ""
    key = (
        f"-(-{shifted} // {width}) * {width} - {width}{plus}"
        if right_closed
        else f"{shifted} // {width} * {width}{plus}"
    )
    fill = (
        f"""    if counts:
        for start in range(min(counts), max(counts), {width}):
            counts.setdefault(start, 0)
"""
        if empty_bins
        else ""
    )
    label = f"start + {width}" if key_end else "start"
    if cumulative:
        finish = f"""    out, running = {{}}, 0
    for start in sorted(counts):
        running += counts[start]
        out[{label}] = running
    return out
"""
    else:
        finish = f"    return {{{label}: counts[start] for start in sorted(counts)}}\n"
    reference = f"""def histogram(values):
    counts = {{}}
    for v in values:
        start = int({key})
        counts[start] = counts.get(start, 0) + 1
{fill}{finish}"""
    o = offset
    calls = [
        ([1, 2, 3],),
        ([0, width, 2 * width],),
        ([],),
        ([width - 1, width, width + 1],),
        ([7, 33, 58],),
        ([-1, -width, 0],),
        ([100],),
        ([3, 3, 3, 90],),
        ([width * 3 + o, width * 3 + o + 1, o + 1],),
        ([12, 18, 24, 49, 50, 51],),
        ([2.5, 7.5, 12.5],),
        ([o, o - 1, width + o, width + o - 1, 4 * width + o],),
        ([o + 1, o + 2, 2 * width + o + 1, 5 * width + o],),
    ]
    edge = "(start, start+width]" if right_closed else "[start, start+width)"
    starts = f"multiples of {width} plus {offset}" if offset else f"multiples of {width}"
    keyed = f"end (start + {width})" if key_end else "start"
    counted = (
        "a running total: each bucket counts its values and all the values in lower buckets"
        if cumulative
        else "the number of values in that bucket"
    )
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
                ("width", "wide", "size", "bucket size", "bin size", "step", "aligned"),
                "How wide is each bucket?",
                f"Buckets are {width} wide, starting at {starts}.",
                f"Bin width {width}, with bucket starts at {starts}.",
            ),
            fact(
                "edges",
                ("edge", "edges", "boundary", "boundaries", "inclusive", "exactly on"),
                "Which bucket does a value exactly on a boundary go to?",
                f"Buckets are {edge}: a boundary value goes to the lower bucket."
                if right_closed
                else f"Buckets are {edge}: a boundary value starts a bucket.",
                f"Intervals {edge}.",
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
                ("format", "return", "dict", "output", "keys", "cumulative", "running total"),
                "What should the dict keys and values be?",
                f"A dict keyed by each bucket's {keyed}, an int, in increasing order; each "
                f"value is {counted}.",
                f"Key each bucket by its {keyed}; the value is {counted}.",
            ),
        ),
    )


@family("numbers.password_strength")
def password_strength(rng) -> CodingTask:
    """Minimum length (6 to 20), which character classes count (any non-empty subset of lower,
    upper, digit, symbol; symbols any or from a short list), an optional bonus length and a
    score or one of three label sets with a drawn medium cut."""
    min_len = int(rng.integers(6, 21))
    mask = int(rng.integers(1, 16))
    classes = [c for i, c in enumerate(("lower", "upper", "digit", "symbol")) if mask >> i & 1]
    listed_symbols = bool(rng.integers(2))
    bonus = pick(rng, (None, *range(2, 9)))
    scale = pick(rng, ("score", "label"))
    words = pick(
        rng, (("weak", "medium", "strong"), ("weak", "fair", "strong"), ("poor", "okay", "good"))
    )
    gap = int(rng.integers(1, 3))
    symbol_test = 'c in "!@#$%^&*"' if listed_symbols else "not c.isalnum()"
    tests = {
        "lower": "any(c.islower() for c in pw)",
        "upper": "any(c.isupper() for c in pw)",
        "digit": "any(c.isdigit() for c in pw)",
        "symbol": f"any({symbol_test} for c in pw)",
    }
    checks = [f"len(pw) >= {min_len}"]
    if bonus:
        checks.append(f"len(pw) >= {min_len + bonus}")
    checks += [tests[c] for c in classes]
    checks_src = ",\n        ".join(checks)
    n = len(checks)
    gap = min(gap, n - 1)
    low, mid, high = words
    out = (
        "score"
        if scale == "score"
        else f'"{high}" if score == {n} else "{mid}" if score >= {n - gap} else "{low}"'
    )
    reference = f"""def password_strength(pw):
    score = sum([
        {checks_src},
    ])
    return {out}
"""
    long = min_len + (bonus or 4)
    calls = [
        ("",),
        ("abc",),
        ("abcdefgh",),
        ("Abcdefg1!",),
        ("Correct-Horse-9",),
        ("12345678901234",),
        ("Ab1!",),
        ("a" * (min_len - 1),),
        ("A" * min_len,),
        (("Ab1!" * 6)[: min_len - 1],),
        (("aB3-" * 7)[:min_len],),
        (("x9Y?" * 8)[: long - 1],),
        (("Qw2#" * 8)[:long],),
        ("7" * long,),
        ("hello world " * 3,),
    ]
    names = {
        "lower": "a lower-case letter",
        "upper": "an upper-case letter",
        "digit": "a digit",
        "symbol": "a symbol (one of !@#$%^&*)"
        if listed_symbols
        else "a symbol (not a letter or digit)",
    }
    rules = ", ".join(
        [f"at least {min_len} characters"]
        + ([f"at least {min_len + bonus} characters (a second point)"] if bonus else [])
        + [names[c] for c in classes]
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
                f"At least {min_len} characters to earn the length point"
                + (f", and {min_len + bonus} or more earns a second point." if bonus else "."),
                f"{min_len}+ characters counts as long enough"
                + (f"; {min_len + bonus}+ gets a bonus point." if bonus else "."),
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
                else f"'{high}' if all {n} criteria are met, '{mid}' if at least {n - gap}, "
                f"otherwise '{low}'.",
                "Just the points as an int."
                if scale == "score"
                else f"A word: {low}, {mid} or {high}.",
            ),
        ),
    )


@family("numbers.digit_checksum")
def digit_checksum(rng) -> CodingTask:
    """Repeating weights (1 to 9, two to four of them), direction, modulus 10 or 11 and whether
    the check digit is the remainder itself or what tops the sum up to a multiple."""
    weights = tuple(int(w) for w in rng.integers(1, 10, size=int(rng.integers(2, 5))))
    modulus = pick(rng, (10, 11))
    from_right = bool(rng.integers(2))
    top_up = bool(rng.integers(2))
    digits = "reversed(code)" if from_right else "code"
    check = f"(-total) % {modulus}" if top_up else f"total % {modulus}"
    reference = f"""def check_digit(code):
    if not code.isdigit():
        raise ValueError(code)
    weights = {weights!r}
    total = sum(int(d) * weights[i % len(weights)] for i, d in enumerate({digits}))
    return {check}
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
                f"(-sum) mod {modulus}."
                if top_up
                else f"It's the remainder of the weighted sum divided by {modulus}: sum mod "
                f"{modulus}.",
                f"Use {check.replace('total', 'sum')}.",
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
