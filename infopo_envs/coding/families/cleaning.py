"""Data cleaning: phone numbers, prices, duplicates, gaps and yes/no answers."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

INVALID_WORDS = ("invalid", "bad", "garbage", "malformed", "can't", "cannot", "unparseable")


@family("cleaning.phone_number")
def phone_number(rng) -> CodingTask:
    style = pick(rng, ("dashes", "parens", "dots", "spaces", "slash", "plain"))
    strip_one = bool(rng.integers(2))
    invalid_none = bool(rng.integers(2))
    fmt = {
        "dashes": 'f"{d[:3]}-{d[3:6]}-{d[6:]}"',
        "parens": 'f"({d[:3]}) {d[3:6]}-{d[6:]}"',
        "dots": 'f"{d[:3]}.{d[3:6]}.{d[6:]}"',
        "spaces": 'f"{d[:3]} {d[3:6]} {d[6:]}"',
        "slash": 'f"{d[:3]}/{d[3:6]}-{d[6:]}"',
        "plain": "d",
    }[style]
    country = '    if len(d) == 11 and d[0] == "1":\n        d = d[1:]\n' if strip_one else ""
    bad = "return None" if invalid_none else 'return ""'
    reference = f"""def clean_phone(raw):
    d = "".join(c for c in raw if c.isdigit())
{country}    if len(d) != 10:
        {bad}
    return {fmt}
"""
    calls = [
        ("555-123-4567",),
        ("(555) 123 4567",),
        ("+1 555 123 4567",),
        ("15551234567",),
        ("123",),
        ("",),
        ("555.123.45678",),
        ("phone: 555 000 1111",),
        ("25551234567",),
        ("1-800-555-0199",),
        ("5551234567",),
    ]
    sample = {
        "dashes": "555-123-4567",
        "parens": "(555) 123-4567",
        "dots": "555.123.4567",
        "spaces": "555 123 4567",
        "slash": "555/123-4567",
        "plain": "5551234567",
    }
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
                f"Like {sample[style]}.",
                f"The clean format is {sample[style]}.",
            ),
            fact(
                "country",
                ("country", "country code", "leading 1", "international", "eleven"),
                "What about a leading country code?",
                "A leading 1 on an 11-digit number is the US country code: drop it."
                if strip_one
                else "We don't handle country codes; 11 digits is invalid.",
                "Strip the +1." if strip_one else "No country codes allowed.",
            ),
            fact(
                "invalid",
                (*INVALID_WORDS, "digits", "wrong length"),
                "What if the number is invalid or has the wrong length?",
                "Return None." if invalid_none else "Return an empty string.",
                "Give back None for those." if invalid_none else "Give back ''.",
            ),
        ),
    )


@family("cleaning.parse_price")
def parse_price(rng) -> CodingTask:
    decimal_comma = bool(rng.integers(2))
    invalid_raises = bool(rng.integers(2))
    negative_parens = bool(rng.integers(2))
    group, point = (".", ",") if decimal_comma else (",", ".")
    parens = (
        (
            '    negative = text.startswith("(") and text.endswith(")")\n'
            '    text = text.strip("()")\n'
        )
        if negative_parens
        else "    negative = False\n"
    )
    bad = "raise ValueError(raw)" if invalid_raises else "return None"
    reference = f"""def parse_price(raw):
    text = raw.strip()
{parens}    text = "".join(c for c in text if c not in "$€£ ")
    text = text.replace({group!r}, "").replace({point!r}, ".")
    try:
        value = float(text)
    except ValueError:
        {bad}
    return -value if negative else value
"""
    if decimal_comma:
        calls = [
            ("1.234,50 €",),
            ("12,5",),
            ("€ 0,99",),
            ("1.000.000",),
            ("abc",),
            ("",),
            ("(3,50)",),
            ("7",),
            ("2.500,00€",),
            ("£ 45,10",),
            ("(1.200,75)",),
        ]
    else:
        calls = [
            ("$1,234.50",),
            ("12.5",),
            ("$ 0.99",),
            ("1,000,000",),
            ("abc",),
            ("",),
            ("(3.50)",),
            ("7",),
            ("2,500.00$",),
            ("£ 45.10",),
            ("(1,200.75)",),
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
                "parentheses",
                ("parentheses", "brackets", "negative", "accounting"),
                "How are negative amounts written?",
                "Accounting style: an amount in parentheses is negative."
                if negative_parens
                else "There are no negatives; parentheses make it unparseable.",
                "(3.50) means minus 3.50." if negative_parens else "Parentheses aren't used.",
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


@family("cleaning.dedupe_records")
def dedupe_records(rng) -> CodingTask:
    key = pick(rng, ("email", "name_city"))
    keep_last = bool(rng.integers(2))
    fold_case = bool(rng.integers(2))
    norm = ".strip().lower()" if fold_case else ".strip()"
    key_expr = f"r['email']{norm}" if key == "email" else f"(r['name']{norm}, r['city']{norm})"
    order = "reversed(records)" if keep_last else "records"
    post = "kept.reverse()\n    " if keep_last else ""
    reference = f"""def dedupe(records):
    seen = set()
    kept = []
    for r in {order}:
        k = {key_expr}
        if k in seen:
            continue
        seen.add(k)
        kept.append(r)
    {post}return kept
"""

    def rec(name, city, email, n):
        return {"name": name, "city": city, "email": email, "n": n}

    a = [
        rec("Ann", "Oslo", "ann@x.io", 1),
        rec("ann", "oslo", "ANN@x.io", 2),
        rec("Bob", "Rome", "bob@y.io", 3),
        rec("Ann", "Oslo", "ann2@x.io", 4),
    ]
    calls = [
        (a,),
        ([],),
        (a[:1],),
        (a[::-1],),
        ([rec("C", "D", "c@d", 1)] * 3,),
        ([rec("Eve", "Nice", " eve@z.io", 1), rec("Eve", "Nice", "eve@z.io ", 2)],),
        ([*a, rec("Bob", "Rome", "BOB@y.io", 5)],),
        (a[1:3],),
        ([rec("X", "Y", "x@y", i) for i in range(4)],),
        ([rec("Max", "Lyon", "m@l", 1), rec("MAX", "LYON", "M@L", 2)],),
        (a[2:] + a[:2],),
    ]
    basis = "the email address" if key == "email" else "the name and city together"
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
                "Keep the last one in the list."
                if keep_last
                else "Keep the first one in the list.",
                "The latest entry wins." if keep_last else "The earliest entry wins.",
            ),
            fact(
                "case",
                ("case", "capital", "capitals", "whitespace", "spaces", "uppercase"),
                "Does letter case or spacing matter when comparing?",
                "Ignore case and surrounding spaces."
                if fold_case
                else "Ignore surrounding spaces, but case matters.",
                "ANN and ann are the same." if fold_case else "ANN and ann are different.",
            ),
            fact(
                "order",
                ("order", "sorted", "sort"),
                "Should the result be sorted?",
                "No, keep the records in their original order.",
                "Original order, no sorting.",
            ),
        ),
    )


@family("cleaning.fill_gaps")
def fill_gaps(rng) -> CodingTask:
    method = pick(rng, ("previous", "mean", "zero", "interpolate"))
    leading = pick(rng, ("next", "zero"))
    body = {
        "previous": "    last = None\n    out = []\n    for v in values:\n"
        "        last = v if v is not None else last\n        out.append(last)\n",
        "mean": "    known = [v for v in values if v is not None]\n"
        "    mean = round(sum(known) / len(known), 2) if known else None\n"
        "    out = [v if v is not None else mean for v in values]\n",
        "zero": "    out = [v if v is not None else 0.0 for v in values]\n",
        "interpolate": "    out = list(values)\n"
        "    idx = [i for i, v in enumerate(values) if v is not None]\n"
        "    for a, b in zip(idx, idx[1:]):\n"
        "        for i in range(a + 1, b):\n"
        "            out[i] = round(values[a] + (values[b] - values[a]) * "
        "(i - a) / (b - a), 2)\n"
        "    for i in range(idx[-1] + 1 if idx else 0, len(out)):\n"
        "        out[i] = values[idx[-1]] if idx else None\n",
    }[method]
    lead = (
        "    first = next((v for v in out if v is not None), None)\n"
        if leading == "next"
        else "    first = 0.0\n"
    )
    reference = f"""def fill_gaps(values):
{body}{lead}    return [first if v is None else v for v in out]
"""
    calls = [
        ([1.0, None, 3.0],),
        ([None, 2.0, None],),
        ([],),
        ([None, None],),
        ([5.0, None, None, 8.0],),
        ([4.0],),
        ([None, 1.0, None, None, 7.0, None],),
        ([2.5, 2.5, None],),
        ([None, None, 6.0, 9.0],),
        ([1.0, None, 2.0, None, 3.0],),
        ([0.0, None, -4.0],),
    ]
    described = {
        "previous": "Carry the last known value forward.",
        "mean": "Use the mean of the known values, rounded to 2 decimals.",
        "zero": "Put 0.0 in each gap.",
        "interpolate": "Interpolate linearly between the known neighbours (rounded to 2 "
        "decimals); after the last known value, repeat it.",
    }[method]
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
                "leading",
                ("leading", "start", "beginning", "first values", "before any"),
                "What about gaps at the start, before any known value?",
                "Use the first known value for them (None if there is none)."
                if leading == "next"
                else "Use 0.0 for gaps at the start.",
                "Back-fill the start with the first reading."
                if leading == "next"
                else "Zeros at the start.",
            ),
        ),
    )


@family("cleaning.yes_no")
def yes_no(rng) -> CodingTask:
    yes_words = pick(rng, (("yes", "y", "true", "1"), ("yes", "y", "yep", "sure", "ok")))
    no_words = pick(rng, (("no", "n", "false", "0"), ("no", "n", "nope", "never")))
    unknown_raises = bool(rng.integers(2))
    bad = "raise ValueError(answer)" if unknown_raises else "return None"
    reference = f"""def parse_yes_no(answer):
    word = answer.strip().lower().rstrip("!.")
    if word in {yes_words!r}:
        return True
    if word in {no_words!r}:
        return False
    {bad}
"""
    calls = [
        ("Yes",),
        ("  y ",),
        ("NO",),
        ("n",),
        ("true",),
        ("yep!",),
        ("nope.",),
        ("maybe",),
        ("",),
        ("0",),
        ("Sure",),
        ("never",),
    ]
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
                f"These mean yes: {', '.join(yes_words)}.",
                f"Accept {', '.join(yes_words)} as yes.",
            ),
            fact(
                "no",
                ("no", "false", "negative", "count as no"),
                "Which answers count as no?",
                f"These mean no: {', '.join(no_words)}.",
                f"Accept {', '.join(no_words)} as no.",
            ),
            fact(
                "unknown",
                ("unknown", "anything else", "other", "unclear", "maybe", *INVALID_WORDS),
                "What about anything else?",
                "Raise a ValueError." if unknown_raises else "Return None.",
                "Anything else is a ValueError." if unknown_raises else "Anything else: None.",
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
