"""Text normalization and formatting."""

from __future__ import annotations

from infopo_envs.coding.family import CodingTask, fact, family, pick

CASE_WORDS = ("case", "capital", "capitals", "capitalized", "uppercase", "lowercase")


#: How given names are written: (the code building the list ``first``, whether any given name
#: is written out in full, how the user says it).
GIVEN_STYLES = (
    (
        "[cap(p) for p in parts[:-1]]",
        True,
        "Write every given name out in full, like 'John Ronald'.",
    ),
    ("[cap(parts[0])]", True, "Keep only the first given name, written out: drop middle names."),
    (
        "[cap(parts[0])] + [p[0].upper() + '.' for p in parts[1:-1]]",
        True,
        "Write the first given name out and shorten middle names to an initial with a dot, like "
        "'John R. R.'.",
    ),
    (
        "[p[0].upper() + '.' for p in parts[:-1]]",
        False,
        "Shorten every given name to an initial with a dot, like 'J. R. R.'.",
    ),
    (
        "[parts[0][0].upper() + '.']",
        False,
        "Keep only the first initial, with a dot, like 'J.': drop middle names.",
    ),
    (
        "[p[0].upper() for p in parts[:-1]]",
        False,
        "Shorten every given name to a bare initial without a dot, like 'J R R'.",
    ),
    (
        "[parts[0][0].upper()]",
        False,
        "Keep only the first initial, without a dot, like 'J': drop middle names.",
    ),
)
#: Name orders: (how ``first`` and ``last`` are joined, how the user says it).
NAME_ORDERS = (
    (
        "' '.join(first + [last])",
        "Given names first, surname last, separated by spaces: 'Ada Lovelace'.",
    ),
    (
        "last + ', ' + ' '.join(first)",
        "Surname first, then a comma and a space, then the rest: 'Lovelace, Ada'.",
    ),
    (
        "last + ' ' + ' '.join(first)",
        "Surname first, then a space without a comma, then the rest: 'Lovelace Ada'.",
    ),
)
#: A long single word, cut around the drawn badge width to probe it.
LONG_WORD = "wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft"


@family("text.normalize_name")
def normalize_name(rng) -> CodingTask:
    """Surname case, name order, how given names are shortened, hyphenated parts, the badge
    width the result is cut to, and what blank input does."""
    surname_upper = bool(rng.integers(2))
    order_code, order_text = pick(rng, NAME_ORDERS)
    given_code, given_written, given_text = pick(rng, GIVEN_STYLES)
    hyphen_parts = bool(rng.integers(2))
    width = int(rng.integers(12, 41))
    empty_raises = bool(rng.integers(2))
    # Hyphens matter only where a word is written out in lower case with a capital.
    capitalises = given_written or not surname_upper
    cap = (
        '"-".join(piece.capitalize() for piece in word.split("-"))'
        if hyphen_parts and capitalises
        else "word.capitalize()"
    )
    last = "parts[-1].upper()" if surname_upper else "cap(parts[-1])"
    empty = 'raise ValueError("empty name")' if empty_raises else 'return ""'
    reference = f"""def cap(word):
    return {cap}


def normalize_name(raw):
    parts = raw.split()
    if not parts:
        {empty}
    last = {last}
    if len(parts) == 1:
        name = last
    else:
        first = {given_code}
        name = {order_code}
    return name[:{width}].rstrip(" ,")
"""
    calls = [
        ("ada lovelace",),
        ("  GRACE   brewster  hopper ",),
        ("",),
        ("plato",),
        ("john ronald reuel tolkien",),
        ("MARIE curie",),
        ("   ",),
        ("jean-luc picard",),
        ("emmy NOETHER",),
        ("li wei",),
        ("anne-marie de la cruz-garcia",),
        (LONG_WORD[:width],),
        (LONG_WORD[: width + 1],),
        (f"ada {LONG_WORD[: width - 1]}",),
        (f"bo {LONG_WORD[: width - 4]}",),
    ]
    return CodingTask(
        "text.normalize_name",
        "normalize_name",
        "def normalize_name(raw: str) -> str",
        "People type their names into our form in all sorts of ways. Can you clean them up?",
        reference,
        tuple(calls),
        (
            fact(
                "surname_case",
                ("surname", "last name", "family name"),
                "How should the surname be written?",
                "Write the surname in capitals."
                if surname_upper
                else "Surname with just its first letter capitalised.",
                "LOVELACE style for the last name."
                if surname_upper
                else "Lovelace style for the last name.",
            ),
            fact(
                "order",
                ("order", "comma", "come first", "which comes first"),
                "In what order should the names come?",
                order_text,
                order_text.replace("separated by spaces", "with spaces between"),
            ),
            fact(
                "given",
                ("given", "initial", "initials", "middle", "abbreviate", "first name"),
                "Should given names be written out or abbreviated?",
                given_text,
                given_text.replace("given name", "first name"),
            ),
            fact(
                "hyphen",
                ("hyphen", "hyphenated", "double-barrelled", "compound", "dash"),
                "How should hyphenated names be capitalised?",
                "Capitalise every part of a hyphenated name: 'Jean-Luc', 'Cruz-Garcia'."
                if hyphen_parts
                else "Only the first letter of a hyphenated name is a capital: 'Jean-luc'.",
                "Each piece after a hyphen starts with a capital too."
                if hyphen_parts
                else "After a hyphen, letters stay lower case.",
            ),
            fact(
                "width",
                ("long", "length", "width", "badge", "characters", "maximum", "cut"),
                "Is there a maximum length for the result?",
                f"Our badges fit {width} characters: cut a longer result to its first {width} "
                "characters and drop any space or comma left at the end.",
                f"At most {width} characters; trim a trailing space or comma after cutting.",
            ),
            fact(
                "empty",
                ("empty", "blank", "nothing", "only one", "single"),
                "What about blank input or a single name?",
                (
                    "Blank input raises a ValueError"
                    if empty_raises
                    else "Blank input gives an empty string"
                )
                + "; a single word is treated as the surname.",
                ("Empty input is an error (ValueError)" if empty_raises else "Empty in, empty out")
                + "; one word alone is the surname.",
            ),
        ),
    )


#: Small words ``slugify`` may be told to leave out.
SLUG_STOP_WORDS = ("a", "an", "the", "and", "or", "of", "to", "in", "on", "for")


@family("text.slugify")
def slugify(rng) -> CodingTask:
    """Separator, maximum length, digits, case, accents (dropped or transliterated), whether
    punctuation inside a word splits it, and small words left out."""
    sep = pick(rng, ("-", "_", "."))
    limit = int(rng.integers(8, 65))
    keep_digits = bool(rng.integers(2))
    keep_case = bool(rng.integers(2))
    transliterate = bool(rng.integers(2))
    punctuation_splits = bool(rng.integers(2))
    skip_stop = bool(rng.integers(2))
    letters = "A-Za-z" if keep_case else "a-z"
    allowed = letters + ("0-9" if keep_digits else "")
    check = "c.isalnum()" if keep_digits else "c.isalpha()"
    imports = ["import re"] * punctuation_splits + ["import unicodedata"] * transliterate
    header = "\n".join(imports) + "\n\n" if imports else ""
    if skip_stop:
        stop_set = "{" + ", ".join(repr(w) for w in SLUG_STOP_WORDS) + "}"
        header += f"STOP_WORDS = {stop_set}\n\n"
    if header:
        header += "\n"
    lines = ["    text = title" if keep_case else "    text = title.lower()"]
    if transliterate:
        lines.append(
            '    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()'
        )
    stop = (
        " and word.lower() not in STOP_WORDS" if keep_case else " and word not in STOP_WORDS"
    ) * skip_stop
    if punctuation_splits:
        lines.append(
            f'    words = [word for word in re.split(r"[^{allowed}]+", text) if word{stop}]'
        )
    else:
        lines += [
            "    words = []",
            "    for raw in text.split():",
            f'        word = "".join(c for c in raw if c.isascii() and {check})',
            f"        if word{stop}:",
            "            words.append(word)",
        ]
    body = "\n".join(lines)
    reference = f"""{header}def slugify(title):
{body}
    slug = "{sep}".join(words)
    return slug[:{limit}].strip("{sep}")
"""
    calls = [
        ("Hello World",),
        ("  Top 10 Tips for 2024! ",),
        ("Ça va? Très bien",),
        ("",),
        ("a b c",),
        ("The Quick Brown Fox Jumps Over The Lazy Dog Again",),
        ("R2-D2 and C-3PO",),
        ("!!!",),
        ("Version 3.0 Released",),
        ("Already-slugged_text",),
        ("x" * 50,),
        ("Crème Brûlée for Two",),
        ("The Art of War and Peace in the City",),
        ("Don't Stop Me Now: Queen's Greatest Hits",),
        ("iPhone 15 vs. Galaxy S24 Review",),
        ("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu",),
        ("Über Café Naïve Façade Jalapeño Smörgåsbord Fjörd Mañana",),
    ]
    stop_list = ", ".join(SLUG_STOP_WORDS)
    kept = ("letters and digits" if keep_digits else "letters (no digits)") + (
        " in their original case" if keep_case else ", lower-cased"
    )
    return CodingTask(
        "text.slugify",
        "slugify",
        "def slugify(title: str) -> str",
        "I need to turn article titles into URL slugs.",
        reference,
        tuple(calls),
        (
            fact(
                "separator",
                (
                    "separator",
                    "separate",
                    "join",
                    "between words",
                    "hyphen",
                    "dash",
                    "underscore",
                    "spaces",
                ),
                "What separator goes between words?",
                f"Join the words with '{sep}'.",
                f"Words are separated by a '{sep}'.",
            ),
            fact(
                "length",
                ("length", "long", "maximum", "limit", "cut"),
                "Is there a maximum length?",
                f"Cut the slug to at most {limit} characters, then trim separators at the end.",
                f"No more than {limit} characters; don't leave a dangling separator.",
            ),
            fact(
                "characters",
                (
                    "digits",
                    "numbers",
                    "symbols",
                    "allowed",
                    *CASE_WORDS,
                    "lower case",
                ),
                "Which characters are allowed: digits, letters, what case?",
                f"Only ASCII {kept}.",
                ("Keep a-z and 0-9" if keep_digits else "Keep letters only, no numbers")
                + ("; don't change the case." if keep_case else "; all lower case."),
            ),
            fact(
                "accents",
                ("accents", "accented", "diacritics", "umlaut", "non-ascii", "é"),
                "What happens to accented letters like é?",
                "Replace accented letters by their plain ASCII letter: 'é' becomes 'e', 'Ç' 'c' "
                "(letters with no plain form, like 'ß', are dropped)."
                if transliterate
                else "Drop accented and other non-ASCII letters entirely: 'Très' becomes 'trs'"
                + (", splitting the word there." if punctuation_splits else "."),
                "Strip the accents and keep the letter." if transliterate else "Remove them.",
            ),
            fact(
                "punctuation",
                ("punctuation", "apostrophe", "hyphenated", "inside a word"),
                "What about punctuation inside a word, like R2-D2 or don't?",
                "Any character that isn't allowed separates words: 'R2-D2' gives two words."
                if punctuation_splits
                else "Words are split on whitespace only; other characters inside a word are "
                "just removed: 'R2-D2' gives one word.",
                "Punctuation breaks a word in two."
                if punctuation_splits
                else "Punctuation is deleted, words stay joined.",
            ),
            fact(
                "stop_words",
                ("stop words", "stopwords", "small words", "articles", "the and", "filler"),
                "Should small words like 'the' or 'and' be removed?",
                f"Leave out these small words, whatever their case: {stop_list}."
                if skip_stop
                else "Keep every word, even 'the' and 'and'.",
                f"Drop {stop_list}." if skip_stop else "No words are dropped.",
            ),
        ),
    )


@family("text.mask_email")
def mask_email(rng) -> CodingTask:
    """Characters kept, mask symbol, a fixed or per-character mask (at least one or not), what
    happens to the domain, lower-casing, and what invalid input does."""
    keep = int(rng.integers(1, 9))
    mask = pick(rng, ("*", "#", "x", "•", "?", "-", "_", "X"))
    count = int(rng.integers(2, 11))
    fixed = bool(rng.integers(2))
    at_least_one = bool(rng.integers(2)) and not fixed
    domain_rule = pick(rng, ("keep", "ending", "masked"))
    lower = bool(rng.integers(2))
    invalid_raises = bool(rng.integers(2))
    floor = 1 if at_least_one else 0
    stars = f'"{mask}" * {count}' if fixed else f'"{mask}" * max(len(local) - {keep}, {floor})'
    domain_lines = {
        "keep": '    return masked + "@" + domain\n',
        "ending": '    return masked + "@..." + domain.split(".")[-1]\n',
        "masked": f'    name, _, ending = domain.rpartition(".")\n'
        f'    return masked + "@" + "{mask}" * len(name) + "." + ending\n',
    }[domain_rule]
    invalid = 'raise ValueError("not an email address")' if invalid_raises else 'return ""'
    lower_line = "    email = email.lower()\n" if lower else ""
    reference = f"""def mask_email(email):
    if email.count("@") != 1:
        {invalid}
{lower_line}    local, domain = email.split("@")
    masked = local[:{keep}] + {stars}
{domain_lines}"""
    calls = [
        ("alice@example.com",),
        ("bo@x.org",),
        ("j@mail.co.uk",),
        ("christopher.robin@hundred-acre.wood",),
        ("no-at-sign",),
        ("a@b@c",),
        ("firstname.lastname@company.io",),
        ("abc@def.gh",),
        ("@empty.com",),
        ("zoe@site.net",),
        ("mike.o@q.de",),
        ("Alice.Smith@Example.COM",),
        ("ABCDEFGH@MAIL.NET",),
        ("x" * keep + "@short.io",),
        ("y" * (keep + 1) + "@short.io",),
    ]
    shown = f"Keep the first {keep} character(s) before the @ visible"
    domain_text = {
        "keep": ("Keep the domain exactly as it is.", "The domain stays visible."),
        "ending": (
            "Hide the domain except its last part: '@...' followed by the ending like 'com'.",
            "Only the top-level ending of the domain stays, after '...'.",
        ),
        "masked": (
            f"Mask the domain too, one '{mask}' per character, up to its last dot: the dot and "
            "the ending like 'com' stay.",
            f"Everything in the domain before the last '.' becomes '{mask}'.",
        ),
    }[domain_rule]
    return CodingTask(
        "text.mask_email",
        "mask_email",
        "def mask_email(email: str) -> str",
        "We show email addresses on a public page and need them partly hidden. Can you do that?",
        reference,
        tuple(calls),
        (
            fact(
                "keep",
                ("keep", "visible", "show", "shown", "first letters", "how many"),
                "How many characters of the name part stay visible?",
                f"{shown}.",
                f"Only the first {keep} letter(s) of the name are shown.",
            ),
            fact(
                "mask",
                ("mask", "character", "symbol", "star", "asterisk", "replace"),
                "Which mask character or symbol replaces the rest?",
                (
                    f"Hide the rest with exactly {count} '{mask}' no matter how long it is."
                    if fixed
                    else f"Replace each hidden character with '{mask}'"
                    + (
                        f", and always show at least one '{mask}', even when nothing is hidden."
                        if at_least_one
                        else "; a name no longer than what is kept shows no mask."
                    )
                ),
                f"Use '{mask}' for the masking"
                + (f", {count} of them." if fixed else ", one per hidden character."),
            ),
            fact(
                "domain",
                ("domain", "after the", "host", "provider"),
                "What happens to the domain part?",
                *domain_text,
            ),
            fact(
                "case",
                (*CASE_WORDS, "lower case", "upper case"),
                "Should upper or lower case be changed?",
                "Lower-case the whole address first."
                if lower
                else "Keep the case of every letter as it was typed.",
                "Everything comes out in lower case." if lower else "Don't change the case.",
            ),
            fact(
                "invalid",
                ("invalid", "not an email", "without", "malformed", "error"),
                "What if the input is invalid, not an email?",
                "Anything without exactly one @ should raise a ValueError."
                if invalid_raises
                else "Anything without exactly one @ gives an empty string.",
                "Raise ValueError unless there's exactly one @."
                if invalid_raises
                else "Return '' unless there's exactly one @.",
            ),
        ),
    )


#: Words ``top_words`` may be told to leave out.
STOP_WORDS = (
    "a",
    "an",
    "the",
    "and",
    "of",
    "to",
    "in",
    "is",
    "it",
    "that",
    "with",
    "from",
    "about",
)
#: Result shapes: (code building it from ``ranked``, how the user says it, a short example).
TOP_WORDS_FORMATS = (
    ("ranked[:n]", "Just the words, as a list of strings.", "Only the words, no counts."),
    (
        "[(w, counts[w]) for w in ranked[:n]]",
        "A list of (word, count) tuples.",
        "Pairs of word and count.",
    ),
    (
        "{w: counts[w] for w in ranked[:n]}",
        "A dict mapping each word to its count, most common first.",
        "A word-to-count dict.",
    ),
)
#: Tie-breaks among equal counts: (sort key, how the user says it, a short version).
TOP_WORDS_TIES = (
    ("(-counts[w], w)", "Equal counts are ordered alphabetically.", "Tie-break alphabetically."),
    (
        "(-counts[w], first[w])",
        "Equal counts keep the order in which the words first appear.",
        "Tie-break by first appearance.",
    ),
    (
        "(-counts[w], -len(w), w)",
        "Among equal counts the longer word comes first, then alphabetical order.",
        "Tie-break by length, longest first, then alphabetically.",
    ),
)


@family("text.top_words")
def top_words(rng) -> CodingTask:
    """Shortest word counted, fewest occurrences reported, stop words, case, which characters
    belong to words (digits, apostrophes, hyphens), tie-breaking and the result's shape."""
    min_len = int(rng.integers(1, 9))
    min_count = int(rng.integers(1, 6))
    skip_stop = bool(rng.integers(2))
    case_sensitive = bool(rng.integers(2))
    digits = bool(rng.integers(2))
    apostrophes = bool(rng.integers(2))
    hyphens = bool(rng.integers(2))
    tie, tie_text, tie_short = pick(rng, TOP_WORDS_TIES)
    out, format_text, format_short = pick(rng, TOP_WORDS_FORMATS)
    # With a longer minimum no stop word is ever counted anyway.
    stop_applies = skip_stop and min_len <= max(len(w) for w in STOP_WORDS)
    letters = "A-Za-z" if case_sensitive else "a-z"
    chars = letters + "0-9" * digits + "'" * apostrophes + "-" * hyphens
    source = "text" if case_sensitive else "text.lower()"
    stop_word = "word.lower()" if case_sensitive else "word"
    skip = f"len(word) < {min_len}" + (f" or {stop_word} in STOP_WORDS" if stop_applies else "")
    stop_set = "{" + ", ".join(repr(w) for w in STOP_WORDS) + "}"  # a set's repr varies by run
    stop_line = f"STOP_WORDS = {stop_set}\n\n" if stop_applies else ""
    kept = f"(w for w in counts if counts[w] >= {min_count})" if min_count > 1 else "counts"
    reference = f"""import re

{stop_line}
def top_words(text, n):
    counts, first = {{}}, {{}}
    for i, word in enumerate(re.findall(r"[{chars}]+", {source})):
        if {skip}:
            continue
        counts[word] = counts.get(word, 0) + 1
        first.setdefault(word, i)
    ranked = sorted({kept}, key=lambda w: {tie})
    return {out}
"""
    text = "The cat and the hat. A cat, a bat, and THE rat sat on a mat with a cat"
    exact, shorter = "abcdefgh"[:min_len], "abcdefgh"[: min_len - 1]
    calls = [
        (text, 3),
        (text, 10),
        ("", 2),
        ("zeta alpha zeta alpha beta", 2),
        ("Go go GO stop", 2),
        ("b a c b a c d", 4),
        ("word", 0),
        ("sunshine " * min_count + "rainbows " * (min_count - 1) + "thunderous", 3),
        ("sunshine " * (min_count + 1) + "rainbows " * min_count + "thunderous", 3),
    ]
    # Texts that show digits, apostrophes, hyphens, case, stop words, length and ties, each
    # repeated so that its words reach the minimum count.
    probes = [
        "20242025 20242025 20242025 route6666 route6666 keyboards",
        "shouldn't shouldn't wouldn't shouldn wouldn wouldn",
        "well-known well-known well-known wellknown known-well well",
        "Seahorse seahorse SEAHORSE Seahorse octopuses octopuses",
        "The the the And and of with with from About elephants",
        "that with that with from about from about giraffes",
        "zebras yaks zebras yaks moose",
        "otters panthers otters panthers lynx lynx",
        " ".join([exact] * 2 + [shorter] * 3 + ["zyxwvutsr"]),
        text,
    ]
    calls += [(" ".join([probe] * min_count), 3) for probe in probes]
    included = ["letters"] + ["digits"] * digits + ["apostrophes"] * apostrophes
    included += ["hyphens"] * hyphens
    runs = ", ".join(included[:-1]) + " and " + included[-1] if len(included) > 1 else "letters"
    split_by = [
        c
        for c, on in (("digits", digits), ("apostrophes", apostrophes), ("hyphens", hyphens))
        if not on
    ]
    stop_list = ", ".join(STOP_WORDS)
    return CodingTask(
        "text.top_words",
        "top_words",
        "def top_words(text: str, n: int) -> list",
        "Write me a function that finds the most common words in a text.",
        reference,
        tuple(calls),
        (
            fact(
                "short",
                ("short", "length", "ignore short", "small words", "letters long"),
                "Should short words be ignored?",
                f"Ignore words shorter than {min_len} letters."
                if min_len > 1
                else "Count every word, even one-letter ones.",
                f"Only words with at least {min_len} letters count.",
            ),
            fact(
                "rare",
                ("rare", "occurrences", "appear", "at least", "minimum count", "how often"),
                "Should words that appear only rarely be left out?",
                f"Only report words that occur at least {min_count} times."
                if min_count > 1
                else "Report a word even if it occurs only once.",
                f"A word needs {min_count} or more occurrences to be listed.",
            ),
            fact(
                "stop_words",
                ("stop words", "stopwords", "common words", "filler", "the and", "exclude"),
                "Should stop words like 'the' and 'and' be excluded?",
                f"Leave out these stop words, whatever their case: {stop_list}."
                if skip_stop
                else "Count every word, stop words like 'the' included.",
                f"Skip {stop_list}." if skip_stop else "No stop-word list.",
            ),
            fact(
                "case",
                (*CASE_WORDS, "lower case", "upper case", "case-insensitive", "case-sensitive"),
                "Does upper or lower case matter?",
                "Case matters: 'The' and 'the' are different words, reported as written."
                if case_sensitive
                else "Case doesn't matter: 'The' and 'the' are the same word, reported in lower "
                "case.",
                "Count words case-sensitively."
                if case_sensitive
                else "Fold everything to lower case before counting.",
            ),
            fact(
                "ties",
                ("tie", "ties", "tied", "same count", "equal"),
                "How are ties broken?",
                tie_text,
                tie_short,
            ),
            fact(
                "format",
                ("return", "format", "output", "counts", "list of", "dict"),
                "What exactly should it return?",
                format_text,
                format_short,
            ),
            fact(
                "words",
                ("word", "words", "punctuation", "apostrophe", "hyphen", "digits", "numbers"),
                "What counts as a word, what about punctuation, digits, apostrophes and hyphens?",
                f"Words are runs of {runs}; anything else separates words"
                + (f" ({', '.join(split_by)} too)." if split_by else "."),
                f"A word is made of {runs} only.",
            ),
        ),
    )


#: Markers that show a text was shortened.
TRUNCATION_MARKERS = (
    "...",
    "…",
    " [more]",
    "~",
    "..",
    " (more)",
    ">>",
    " [...]",
    "--",
    " »",
    " ...",
    " (cont.)",
    "+",
    " →",
)
#: Punctuation ``truncate`` may be told not to leave right before the marker.
TRAILING_PUNCTUATION = " ,.;:!?"


@family("text.truncate")
def truncate(rng) -> CodingTask:
    """The marker, whether it counts toward the limit, word boundaries, how far over the limit
    a text may run before it is cut, trailing punctuation and runs of spaces."""
    ellipsis = pick(rng, TRUNCATION_MARKERS)
    word_boundary = bool(rng.integers(2))
    counted = bool(rng.integers(2))
    leeway = int(rng.integers(0, 13))
    strip_punctuation = bool(rng.integers(2))
    collapse = bool(rng.integers(2))
    room = f"limit - {len(ellipsis)}" if counted else "limit"
    cut = (
        'cut = text[:room + 1].rsplit(" ", 1)[0] if " " in text[:room + 1] else text[:room]'
        if word_boundary
        else "cut = text[:room]"
    )
    spaces = '    text = " ".join(text.split())\n' if collapse else ""
    fits = f"limit + {leeway}" if leeway else "limit"
    strip = f"rstrip({TRAILING_PUNCTUATION!r})" if strip_punctuation else "rstrip()"
    reference = f"""def truncate(text, limit):
{spaces}    if len(text) <= {fits}:
        return text
    room = max({room}, 0)
    {cut}
    return cut.{strip} + {ellipsis!r}
"""
    sentence = "The quick brown fox jumps over the lazy dog"
    punctuated = "Wait, what? Yes: it works, mostly. Really!"
    calls = [
        (sentence, 100),
        (sentence, 10),
        (sentence, 15),
        (sentence, 20),
        ("short", 5),
        ("short", 4),
        ("unbreakablewordhere", 8),
        ("", 3),
        (sentence, 43),
        (sentence, 42),
        ("a b c d e f", 6),
        (sentence, 43 - leeway),
        (sentence, 42 - leeway),
        (sentence, 30 - leeway),
        ("  The   quick brown   fox  ", 20),
        ("Too    many     spaces in here", 24),
        (punctuated, 6),
        (punctuated, 11),
        (punctuated, 17),
        (punctuated, 26),
        (punctuated, 34 - leeway),
    ]
    unchanged = (
        f"Text of up to limit + {leeway} characters comes back unchanged (a few characters over "
        "aren't worth cutting); only longer text is shortened."
        if leeway
        else "Text that fits the limit comes back unchanged."
    )
    return CodingTask(
        "text.truncate",
        "truncate",
        "def truncate(text: str, limit: int) -> str",
        "Long descriptions break our layout. Can you write something to shorten them?",
        reference,
        tuple(calls),
        (
            fact(
                "marker",
                ("ellipsis", "marker", "dots", "indicate", "end with", "suffix"),
                "What marker or suffix shows the text was cut?",
                f"Put {ellipsis!r} right after the cut text.",
                f"The shortened text ends with {ellipsis!r}.",
            ),
            fact(
                "boundary",
                ("boundary", "middle of", "whole word", "words", "break"),
                "May it cut in the middle of a word?",
                (
                    "Cut at the last space that fits so no word is broken (a single long word is "
                    "cut anyway)."
                    if word_boundary
                    else "Cut exactly at the limit, even in the middle of a word."
                ),
                "Don't break words." if word_boundary else "Breaking words is fine.",
            ),
            fact(
                "budget",
                ("count", "counted", "include", "includes", "total", "length"),
                "Is the marker counted in the total length?",
                "The marker counts toward the limit."
                if counted
                else "The limit applies to the text only; the marker comes on top.",
                "Total length with the marker stays within the limit."
                if counted
                else "The marker is extra.",
            ),
            fact(
                "short_text",
                ("already", "shorter", "fits", "short enough", "slightly", "over the limit"),
                "What if the text already fits, or is only slightly over the limit?",
                unchanged,
                unchanged.replace("comes back unchanged", "is left alone"),
            ),
            fact(
                "punctuation",
                ("punctuation", "comma", "commas", "full stop", "period", "trailing"),
                "Should trailing punctuation like a comma be stripped after cutting?",
                f"Strip spaces and any of {TRAILING_PUNCTUATION.strip()!r} from the end of the cut "
                "text before adding the marker."
                if strip_punctuation
                else "Keep punctuation at the end of the cut text; strip only spaces.",
                "No comma or full stop right before the marker."
                if strip_punctuation
                else "A comma before the marker is fine.",
            ),
            fact(
                "whitespace",
                ("whitespace", "spaces", "extra spaces", "runs of", "collapse", "multiple"),
                "What about extra spaces inside the text?",
                "First collapse every run of whitespace to one space and trim both ends, in all "
                "cases."
                if collapse
                else "Leave the spacing exactly as it is.",
                "Squeeze repeated spaces to one before anything else."
                if collapse
                else "Don't touch the spaces.",
            ),
        ),
    )
