"""Data cleaning: phone numbers, prices, duplicates, gaps and yes/no answers.

The hidden rules are the ones a data owner has settled and a programmer cannot guess: digit
counts and country codes, price caps, which field makes two records the same, how long a gap
may be before it stays empty, which words mean yes. Numbers are drawn from integer ranges and
word lists from subsets, and test inputs are derived from the draw so each rule shows.
"""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

INVALID_WORDS = ("invalid", "bad", "garbage", "malformed", "can't", "cannot", "unparseable")
#: Digit groups of a clean national number, by its length.
PHONE_GROUPS = {7: (3, 4), 8: (4, 4), 9: (3, 3, 3), 10: (3, 3, 4), 11: (3, 4, 4)}
#: Country calling codes a number may be prefixed with.
COUNTRY_CODES = (
    "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44",
    "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
    "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95",
    "98",
)  # fmt: skip
PHONE_STYLES = ("dashes", "parens", "dots", "spaces", "slash", "plain")


def _phone_format(style: str, digits: str, groups: tuple[int, ...]) -> str:
    """``digits`` written in ``style`` (the reference does the same with its own code)."""
    parts, at = [], 0
    for size in groups:
        parts.append(digits[at : at + size])
        at += size
    return {
        "dashes": "-".join(parts),
        "parens": f"({parts[0]}) " + "-".join(parts[1:]),
        "dots": ".".join(parts),
        "spaces": " ".join(parts),
        "slash": parts[0] + "/" + "-".join(parts[1:]),
        "plain": digits,
    }[style]


@family("cleaning.phone_number")
def phone_number(rng) -> CodingTask:
    """Hidden: output style, digit count, country code, trunk zero, invalid result."""
    style = pick(rng, PHONE_STYLES)
    length = int(rng.integers(7, 12))
    country = pick(rng, (None, *COUNTRY_CODES))
    trunk = bool(rng.integers(2))
    invalid = pick(rng, ("none", "empty", "raise"))
    groups = PHONE_GROUPS[length]
    slices, at = [], 0
    for size in groups:
        end = at + size
        slices.append(f"d[{at}:{end}]" if end < length else f"d[{at}:]")
        at = end
    parts = ", ".join(slices)
    fmt = {
        "dashes": '"-".join(parts)',
        "parens": 'f"({parts[0]}) " + "-".join(parts[1:])',
        "dots": '".".join(parts)',
        "spaces": '" ".join(parts)',
        "slash": 'parts[0] + "/" + "-".join(parts[1:])',
        "plain": "d",
    }[style]
    strip_country = (
        f"    if len(d) == {length + len(country)} and d.startswith({country!r}):\n"
        f"        d = d[{len(country)}:]\n"
        if country
        else ""
    )
    strip_trunk = (
        f'    if len(d) == {length + 1} and d.startswith("0"):\n        d = d[1:]\n'
        if trunk
        else ""
    )
    bad = {"none": "return None", "empty": 'return ""', "raise": "raise ValueError(raw)"}[invalid]
    split = f"    parts = [{parts}]\n" if style != "plain" else ""
    reference = f"""def clean_phone(raw):
    d = "".join(c for c in raw if c.isdigit())
{strip_country}{strip_trunk}    if len(d) != {length}:
        {bad}
{split}    return {fmt}
"""
    number = "5551234567890"[:length]
    other = "44" if country != "44" else "33"
    calls = [
        (number,),
        ("-".join(number[i : i + 3] for i in range(0, length, 3)),),
        (f"({number[:3]}) {number[3:]}",),
        (number[:-1],),
        (number + "9",),
        (f"+{country or '1'} {number}",),
        (f"+{other} {number}",),
        (f"0{number}",),
        (f"+{country or '1'} 0{number}",),
        (f"1{number}",),
        ("",),
        (f"phone: {number[:4]} {number[4:]}",),
        ("123",),
        ("0" + number[:-1],),
    ]
    sample = _phone_format(style, "55512345678"[:length], groups)
    return CodingTask(
        "cleaning.phone_number",
        "clean_phone",
        "def clean_phone(raw: str) -> str | None",
        "Phone numbers in our CRM are a mess. Could you write a cleaner?",
        reference,
        tuple(calls),
        (
            fact(
                "style",
                ("format", "style", "look like", "output", "written"),
                "What should a clean number look like?",
                f"Like '{sample}'.",
                f"The clean format is '{sample}'.",
            ),
            fact(
                "length",
                ("how many digits", "length", "long", "number of digits", "digit count"),
                "How many digits does a valid number have?",
                f"A valid number has exactly {length} digits (after removing any prefix).",
                f"{length} digits, no more, no less.",
            ),
            fact(
                "country",
                ("country", "country code", "international", "plus sign", "calling code"),
                "What about a leading country code?",
                f"A leading {country} on a {length + len(country)}-digit number is our "
                "country code: drop it."
                if country
                else f"We don't handle country codes; anything but {length} digits is invalid.",
                f"Strip the +{country}." if country else "No country codes allowed.",
            ),
            fact(
                "trunk",
                ("trunk", "leading zero", "leading 0", "starts with 0", "zero prefix"),
                "What about a leading zero?",
                f"A leading 0 on a {length + 1}-digit number is a trunk prefix: drop it."
                if trunk
                else "A leading 0 is a normal digit; nothing is dropped.",
                "Drop a trunk 0." if trunk else "Keep zeros as they are.",
            ),
            fact(
                "invalid",
                (*INVALID_WORDS, "wrong length"),
                "What if the number is invalid?",
                {
                    "none": "Return None.",
                    "empty": "Return an empty string.",
                    "raise": "Raise a ValueError.",
                }[invalid],
                {
                    "none": "Give back None for those.",
                    "empty": "Give back ''.",
                    "raise": "That's a ValueError.",
                }[invalid],
            ),
        ),
    )


@family("cleaning.parse_price")
def parse_price(rng) -> CodingTask:
    """Hidden: decimal mark, negatives, price cap, the word free, rounding, invalid result."""
    decimal_comma = bool(rng.integers(2))
    invalid_raises = bool(rng.integers(2))
    negatives = pick(rng, ("parens", "minus", "none"))
    cap = pick(rng, (None, *range(100, 10000, 100)))
    free = bool(rng.integers(2))
    digits = pick(rng, (None, 0, 1, 2))
    group, point = (".", ",") if decimal_comma else (",", ".")
    bad = "raise ValueError(raw)" if invalid_raises else "return None"
    lines = ["    text = raw.strip()"]
    if free:
        lines += ['    if text.lower() == "free":', "        return 0.0"]
    if negatives == "parens":
        lines += [
            '    negative = text.startswith("(") and text.endswith(")")',
            "    if negative:",
            "        text = text[1:-1]",
        ]
    lines += [
        '    text = "".join(c for c in text if c not in "$€£ ")',
        f"    text = text.replace({group!r}, '')"
        + (f".replace({point!r}, '.')" if decimal_comma else ""),
        "    try:",
        "        value = float(text)",
        "    except ValueError:",
        f"        {bad}",
    ]
    if negatives == "parens":
        lines += ["    if negative:", "        value = -value"]
    if negatives == "none":
        lines += ["    if value < 0:", f"        {bad}"]
    if cap:
        lines += [f"    if value > {cap}:", f"        {bad}"]
    lines += [f"    return round(value, {digits})" if digits is not None else "    return value"]
    reference = "def parse_price(raw):\n" + "\n".join(lines) + "\n"
    limit = cap or 5000

    def written(amount: str) -> str:
        """``amount`` (written 1,234.50) in the variant's notation."""
        return amount.translate(str.maketrans(",.", ".,")) if decimal_comma else amount

    calls = [
        (written("$1,234.50"),),
        (written("12.5"),),
        (written("€ 0.99"),),
        (written("1,000,000"),),
        ("abc",),
        ("",),
        (written("(3.50)"),),
        (written("-3.50"),),
        ("7",),
        (written("2,500.00$"),),
        (written("£ 45.10"),),
        (written(f"{limit:,}.00"),),
        (written(f"{limit:,}.01"),),
        (written(f"{limit + 100:,}"),),
        ("Free",),
        (written("(1,200.75)"),),
        (written("12.345"),),
        (written("$0.96"),),
        (written("8.75"),),
    ]
    return CodingTask(
        "cleaning.parse_price",
        "parse_price",
        "def parse_price(raw: str) -> float | None",
        "I scraped prices as text from some shops; I need them as numbers.",
        reference,
        tuple(calls),
        (
            fact(
                "decimal",
                ("decimal", "comma", "point", "separator", "thousands", "european"),
                "Is the decimal separator a comma or a point?",
                "European style: ',' is the decimal mark and '.' groups thousands."
                if decimal_comma
                else "'.' is the decimal mark and ',' groups thousands.",
                "Like 1.234,50." if decimal_comma else "Like 1,234.50.",
            ),
            fact(
                "symbols",
                ("currency", "symbol", "symbols", "dollar", "euro", "spaces"),
                "What about currency symbols?",
                "Ignore $, €, £ and spaces anywhere.",
                "Strip currency signs and spaces.",
            ),
            fact(
                "negative",
                ("parentheses", "brackets", "negative", "accounting", "minus"),
                "How are negative amounts written?",
                {
                    "parens": "With a minus sign, or accounting style: an amount in "
                    "parentheses is negative.",
                    "minus": "With a leading minus sign; parentheses make it unparseable.",
                    "none": "Prices are never negative: a minus sign or parentheses make it "
                    "invalid.",
                }[negatives],
                {
                    "parens": "(3.50) means minus 3.50.",
                    "minus": "Only -3.50 style.",
                    "none": "No negative prices.",
                }[negatives],
            ),
            fact(
                "cap",
                ("maximum", "too high", "too large", "upper limit", "cap", "ceiling", "huge"),
                "Is there a maximum price?",
                f"Anything above {cap} is a scraping error: treat it as invalid."
                if cap
                else "No, any amount is fine.",
                f"Prices over {cap} are invalid." if cap else "No upper limit.",
            ),
            fact(
                "free",
                ("free", "no charge", "gratis", "words"),
                "What about the word 'free'?",
                "'free' (any case) means 0.0."
                if free
                else "Words aren't prices: 'free' is invalid like any other text.",
                "Free is zero." if free else "'free' is not a price.",
            ),
            fact(
                "rounding",
                ("round", "rounding", "rounded", "decimal places", "precision", "cents"),
                "How should the price be rounded?",
                f"Round the number to {digits} decimal place(s)."
                if digits is not None
                else "Don't round it; return the number as written.",
                f"To {digits} decimals." if digits is not None else "No rounding.",
            ),
            fact(
                "invalid",
                (*INVALID_WORDS, "empty"),
                "What if the text is invalid or empty?",
                "Raise a ValueError." if invalid_raises else "Return None.",
                "That's a ValueError." if invalid_raises else "None for those.",
            ),
        ),
    )


#: Which fields make two customer records the same.
DEDUPE_KEYS = (
    ("email",),
    ("name",),
    ("company",),
    ("name", "city"),
    ("name", "company"),
    ("name", "email"),
    ("email", "company"),
    ("email", "city"),
    ("company", "city"),
    ("name", "city", "company"),
)
#: Which record of a group of duplicates survives: (rule, how the reference picks its index).
DEDUPE_KEEP = {
    "first": ("Keep the first one in the list.", "group[0]"),
    "last": ("Keep the last one in the list.", "group[-1]"),
    "most_first": (
        "Keep the one with the most purchases; on a tie, the earliest in the list.",
        'max(group, key=lambda i: (records[i]["purchases"], -i))',
    ),
    "most_last": (
        "Keep the one with the most purchases; on a tie, the latest in the list.",
        'max(group, key=lambda i: (records[i]["purchases"], i))',
    ),
    "fewest_first": (
        "Keep the one with the fewest purchases; on a tie, the earliest in the list.",
        'min(group, key=lambda i: (records[i]["purchases"], i))',
    ),
    "fewest_last": (
        "Keep the one with the fewest purchases; on a tie, the latest in the list.",
        'min(group, key=lambda i: (records[i]["purchases"], -i))',
    ),
}
DEDUPE_ORDER = {
    "input": ("Keep the survivors in the order they appear in the input.", "item[0]"),
    "key": (
        "Sort the survivors by the compared fields, in the order named and in the form "
        "they are compared in.",
        "item[1]",
    ),
    "purchases": (
        "Sort by purchases, highest first; ties keep their input order.",
        '(-item[2]["purchases"], item[0])',
    ),
}


def _customer(name, city, email, company, purchases):
    return {"name": name, "city": city, "email": email, "company": company, "purchases": purchases}


CUSTOMERS = [
    _customer("Ann", "Oslo", "ann@x.io", "Acme", 3),
    _customer("ann", "Oslo ", "ANN@x.io", "acme", 5),
    _customer("Bob", "Rome", "bob@y.io", "Acme", 2),
    _customer("Ann", "Oslo", "ann@x.io", "Beta", 5),
    _customer(" Ann", "Rome", "ann2@x.io", "Beta ", 1),
    _customer("Bob", "Rome", "bob@y.io ", "Corp", 2),
    _customer("Cy", "Oslo", "cy@z.io", "ACME", 4),
    _customer("Bob", "rome", "Bob@y.io", "Acme", 7),
]


#: Customers with a blank field (or a field that is blank once its spaces are stripped).
BLANKS = [
    _customer("Dee", "Nice", "", "Beta", 2),
    _customer("", "Oslo", "x@x.io", "", 1),
    _customer("dee", "Nice", " ", "beta", 6),
    _customer(" ", "Oslo", "X@x.io", " ", 3),
]


@family("cleaning.dedupe_records")
def dedupe_records(rng) -> CodingTask:
    """Hidden: key fields, survivor, case and spaces, output order, merging, blank keys."""
    fields = pick(rng, DEDUPE_KEYS)
    keep = pick(rng, tuple(DEDUPE_KEEP))
    fold_case = bool(rng.integers(2))
    strip = bool(rng.integers(2))
    order = pick(rng, tuple(DEDUPE_ORDER))
    merge = bool(rng.integers(2))
    drop_blank = bool(rng.integers(2))
    norm = (".strip()" if strip else "") + (".lower()" if fold_case else "")
    parts = [f"r[{field!r}]{norm}" for field in fields]
    key_expr = parts[0] if len(parts) == 1 else f"({', '.join(parts)})"
    survivor = (
        "        record = dict(records[best])\n"
        '        record["purchases"] = sum(records[i]["purchases"] for i in group)\n'
        if merge
        else "        record = records[best]\n"
    )
    blank = (
        f"        if not {'key' if len(fields) == 1 else 'all(key)'}:\n            continue\n"
        if drop_blank
        else ""
    )
    reference = f"""def dedupe(records):
    groups = {{}}
    for i, r in enumerate(records):
        key = {key_expr}
{blank}        groups.setdefault(key, []).append(i)
    kept = []
    for key, group in groups.items():
        best = {DEDUPE_KEEP[keep][1]}
{survivor}        kept.append((best, key, record))
    kept.sort(key=lambda item: {DEDUPE_ORDER[order][1]})
    return [record for _, _, record in kept]
"""
    a = CUSTOMERS
    calls = [
        (a,),
        ([],),
        (a[:1],),
        (a[::-1],),
        ([*a[:3], *BLANKS],),
        (BLANKS,),
        ([_customer("C", "D", "c@d", "E", 1)] * 3,),
        (a[:4],),
        (a[2:],),
        (a[1::2],),
        (a[::2],),
        (a[3:] + a[:3],),
        ([a[1], a[0], a[3]],),
        ([a[7], a[2], a[5]],),
        ([_customer("Max", "Lyon", "m@l", "Q", 2), _customer("MAX ", "LYON", "M@L", "q", 2)],),
    ]
    basis = " and ".join(f"the {field}" for field in fields)
    if fold_case and strip:
        case_rule = "Ignore letter case and surrounding spaces."
    elif fold_case:
        case_rule = "Ignore letter case, but spaces count: ' ann' is not 'ann'."
    elif strip:
        case_rule = "Ignore surrounding spaces, but case matters."
    else:
        case_rule = "Compare the fields exactly as they are: case and spaces both matter."
    return CodingTask(
        "cleaning.dedupe_records",
        "dedupe",
        "def dedupe(records: list[dict]) -> list[dict]",
        "Our customer list has duplicates. Can you write something to remove them?",
        reference,
        tuple(calls),
        (
            fact(
                "key",
                ("same", "duplicate", "duplicates", "identify", "match", "field"),
                "What makes two records duplicates?",
                f"Two records are duplicates when {basis} match.",
                f"Compare records by {basis}.",
            ),
            fact(
                "keep",
                ("keep", "which one", "first", "last", "latest", "oldest"),
                "Which one should we keep, the first or the last?",
                DEDUPE_KEEP[keep][0],
                DEDUPE_KEEP[keep][0],
            ),
            fact(
                "case",
                ("case", "capital", "capitals", "whitespace", "spaces", "uppercase"),
                "Does letter case or spacing matter when comparing?",
                case_rule,
                case_rule,
            ),
            fact(
                "order",
                ("order", "sorted", "sort"),
                "Should the result be sorted?",
                DEDUPE_ORDER[order][0],
                DEDUPE_ORDER[order][0],
            ),
            fact(
                "merge",
                ("merge", "merging", "combine", "add up", "total", "purchases"),
                "Should we add up the purchases when merging?",
                "Yes: the surviving record gets the total purchases of its group (a copy; "
                "don't change the input)."
                if merge
                else "No, the surviving record stays exactly as it was.",
                "Sum the purchases." if merge else "Leave purchases alone.",
            ),
            fact(
                "blank",
                ("blank", "empty", "missing", "no email", "without"),
                "What about records with blank values?",
                f"A record with an empty {' or '.join(fields)} is junk: drop it"
                + (" (spaces alone count as empty)." if strip else " (spaces are not empty).")
                if drop_blank
                else "Blank fields compare like any other value; nothing is dropped.",
                "Drop records with a blank key field." if drop_blank else "Keep blank ones.",
            ),
        ),
    )


@family("cleaning.fill_gaps")
def fill_gaps(rng) -> CodingTask:
    """Hidden: fill method, edge gaps, longest run filled, glitch cap, rounding."""
    method = pick(rng, ("previous", "next", "interpolate", "mean", "constant"))
    constant = float(rng.integers(0, 10))
    nearest = bool(rng.integers(2)) if method in ("previous", "next", "interpolate") else None
    limit = pick(rng, (None, 1, 2, 3, 4))
    glitch = pick(rng, (None, *range(10, 61)))
    digits = int(rng.integers(0, 4))
    edge = "before if before is not None else after" if nearest else "None"
    if method == "interpolate":
        body = (
            "for k in range(i, j):\n"
            "    if before is None or after is None:\n"
            f"        out[k] = {edge}\n"
            "    else:\n"
            "        out[k] = before + (after - before) * (k - i + 1) / (j - i + 1)\n"
        )
    else:
        fill = {
            "previous": "before if before is not None else after" if nearest else "before",
            "next": "after if after is not None else before" if nearest else "after",
            "mean": "mean",
            "constant": repr(constant),
        }[method]
        body = f"for k in range(i, j):\n    out[k] = {fill}\n"
    if limit:
        body = f"if j - i <= {limit}:\n" + "".join(f"    {line}\n" for line in body.splitlines())
    body = "".join(f"        {line}\n" for line in body.splitlines())
    clean = (
        f"    values = [None if v is None or v > {glitch} else v for v in values]\n"
        if glitch
        else ""
    )
    mean = (
        "    known = [v for v in values if v is not None]\n"
        "    mean = sum(known) / len(known) if known else None\n"
        if method == "mean"
        else ""
    )
    reference = f"""def fill_gaps(values):
{clean}{mean}    out = list(values)
    i = 0
    while i < len(values):
        if values[i] is not None:
            i += 1
            continue
        j = i
        while j < len(values) and values[j] is None:
            j += 1
        before = values[i - 1] if i > 0 else None
        after = values[j] if j < len(values) else None
{body}        i = j
    return [None if v is None else round(v, {digits}) for v in out]
"""
    high = float(glitch or 40)
    calls = [
        ([1.0, None, 3.0],),
        ([None, 2.0, None],),
        ([],),
        ([None, None],),
        ([5.0, None, None, 8.0],),
        ([4.125],),
        ([None, 1.0, None, None, 7.0, None],),
        ([2.5, 2.5, None],),
        ([None, None, 6.0, 9.0],),
        ([1.0, None, 2.0, None, 3.0],),
        ([0.0, None, -4.0],),
        ([1.0, None, None, None, None, None, 2.0],),
        ([3.0, None, None, None, 9.0, None, None, 1.5],),
        ([high, None, high + 0.5, 2.0],),
        ([1.23456, None, 7.65432, 2.71828],),
        ([None, 0.3333, None, None, 0.6667, None, None, None],),
    ]
    described = {
        "previous": "Carry the last known value forward.",
        "next": "Take the next known value (fill backwards).",
        "interpolate": "Interpolate linearly between the known values on either side.",
        "mean": "Use the mean of all the known values (None if there are none).",
        "constant": f"Put {constant} in each gap.",
    }[method]
    if nearest is None:
        edges = "No special case: gaps at the start or the end are filled the same way."
    else:
        side = {
            "previous": "Gaps before the first known value",
            "next": "Gaps after the last known value",
            "interpolate": "Gaps at the start or the end (a known value on one side only)",
        }[method]
        edges = (
            f"{side} take the nearest known value (None if there is none)."
            if nearest
            else f"{side} stay None."
        )
    return CodingTask(
        "cleaning.fill_gaps",
        "fill_gaps",
        "def fill_gaps(values: list[float | None]) -> list[float | None]",
        "My sensor readings have gaps (None). Can you fill them in?",
        reference,
        tuple(calls),
        (
            fact(
                "method",
                ("fill", "method", "replace", "what value", "how"),
                "How should a gap be filled?",
                described,
                described,
            ),
            fact(
                "edges",
                ("leading", "start", "beginning", "end", "trailing", "before any"),
                "What about gaps at the start or the end?",
                edges,
                edges,
            ),
            fact(
                "limit",
                ("limit", "long", "longest", "consecutive", "in a row", "run", "runs"),
                "Is there a limit on long runs of gaps?",
                f"A run of more than {limit} gaps in a row stays None entirely; shorter runs "
                "are filled."
                if limit
                else "No, fill runs of any length.",
                f"Fill at most {limit} consecutive gaps." if limit else "No run limit.",
            ),
            fact(
                "glitch",
                ("glitch", "glitches", "outlier", "outliers", "spike", "implausible"),
                "What about implausible readings, like spikes?",
                f"A reading above {glitch} is a sensor glitch: treat it as a gap too."
                if glitch
                else "All readings are trusted, however high.",
                f"Values over {glitch} count as missing." if glitch else "No glitch filter.",
            ),
            fact(
                "rounding",
                ("round", "rounding", "rounded", "decimal places", "precision"),
                "Should the output be rounded?",
                f"Round every value in the result to {digits} decimal place(s).",
                f"{digits} decimals in the output.",
            ),
        ),
    )


#: Words that may mean yes or no besides "yes" and "no" themselves.
YES_WORDS = ("y", "yeah", "yep", "sure", "ok", "okay", "true", "1", "on", "absolutely", "si")
NO_WORDS = ("n", "nope", "nah", "false", "0", "off", "never", "negative")


@family("cleaning.yes_no")
def yes_no(rng) -> CodingTask:
    """Hidden: the words for yes and for no, and what anything else means."""
    yes_words = ("yes", *(w for w in YES_WORDS if rng.integers(2)))
    no_words = ("no", *(w for w in NO_WORDS if rng.integers(2)))
    unknown = pick(rng, ("none", "raise", "false"))
    bad = {"none": "return None", "raise": "raise ValueError(answer)", "false": "return False"}[
        unknown
    ]
    # Where anything else means no, the no-words need no check of their own.
    no_check = "" if unknown == "false" else f"    if word in {no_words!r}:\n        return False\n"
    reference = f"""def parse_yes_no(answer):
    word = answer.strip().lower().rstrip("!.")
    if word in {yes_words!r}:
        return True
{no_check}    {bad}
"""
    calls = [
        ("Yes",),
        ("  y ",),
        ("NO",),
        ("maybe",),
        ("",),
        ("yep!",),
        ("nope.",),
        ("Sure",),
        ("OK!",),
        *((w,) for w in YES_WORDS[2:]),
        *((w,) for w in NO_WORDS[2:]),
        ("N",),
    ]
    unknown_rule = {
        "none": ("Return None.", "Anything else: None."),
        "raise": ("Raise a ValueError.", "Anything else is a ValueError."),
        "false": ("Treat it as a no: return False.", "Anything else counts as no."),
    }[unknown]
    return CodingTask(
        "cleaning.yes_no",
        "parse_yes_no",
        "def parse_yes_no(answer: str) -> bool | None",
        "Survey answers come in as free text; I need them as booleans.",
        reference,
        tuple(calls),
        (
            fact(
                "yes",
                ("yes", "true", "positive", "agree", "count as yes"),
                "Which answers count as yes?",
                f"These mean yes, and nothing else does: {', '.join(yes_words)}.",
                f"Accept exactly {', '.join(yes_words)} as yes.",
            ),
            fact(
                "no",
                ("no", "false", "negative", "count as no"),
                "Which answers count as no?",
                f"These mean no, and nothing else does: {', '.join(no_words)}.",
                f"Accept exactly {', '.join(no_words)} as no.",
            ),
            fact(
                "unknown",
                ("unknown", "anything else", "other", "unclear", "maybe", *INVALID_WORDS),
                "What about anything else?",
                *unknown_rule,
            ),
            fact(
                "normalize",
                (
                    "case",
                    "spaces",
                    "punctuation",
                    "capitals",
                    "exclamation",
                    "lowercase",
                    "lower case",
                    "uppercase",
                    "case-insensitive",
                ),
                "Do case, spaces or punctuation matter?",
                "Ignore case and surrounding spaces, and a trailing '!' or '.'.",
                "'Yes!' and ' yes ' are both yes.",
            ),
        ),
    )
