"""Rule-based parser: a yes/no question about the hidden thing -> the predicate it asks about.

Steps: normalize the text; refuse open questions ("what colour is it?"); recognize a direct
guess ("is it a giraffe?"); split on "or"; in each part find the parsed forms first (size
comparisons, leg counts, first letters, years: a small grammar, longest match where they
overlap), then, in the rest of the part, the lexicon's phrases, read by the judging core on
lemmas (``question_lexicon``); join a part's predicates with "and", negate the part when it
says "not" (a negative question about the thing, not a refusal), and join the parts with "or".
A question with no recognized phrase parses to ``None``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from lemminflect import getInflection

from infopo_envs.core.judging import Lexicon, read
from infopo_envs.telepathy.guesses import name_forms
from infopo_envs.telepathy.knowledge import knowledge_base, names_index, normalize_name
from infopo_envs.telepathy.predicates import (
    Era,
    FirstLetter,
    HasAll,
    Is,
    Legs,
    NameIs,
    Not,
    SizeAbove,
    Test,
    all_of,
    any_of,
)
from infopo_envs.telepathy.question_lexicon import phrase_lexicon, size_references
from infopo_envs.telepathy.schema import MULTI_VALUED, SIZES

WH_WORDS = frozenset(["what", "which", "where", "when", "why", "who", "whom", "whose", "how"])
FILLERS = frozenset(
    [
        "ok",
        "okay",
        "so",
        "and",
        "then",
        "well",
        "hmm",
        "alright",
        "right",
        "now",
        "also",
        "next",
        "please",
    ]
)
NEGATIONS = frozenset(
    [
        "not",
        "never",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "doesnt",
        "dont",
        "didnt",
        "cant",
        "cannot",
        "couldnt",
        "wont",
        "wouldnt",
        "hasnt",
        "havent",
        "shouldnt",
    ]
)
#: Words that make a year question ask when a thing was made, not whether it existed.
INVENTION = Lexicon(
    {
        "invented": [
            "invent",
            "invention",
            "make",
            "create",
            "creation",
            "build",
            "design",
            "discover",
            "discovery",
            "develop",
            "produce",
            "introduce",
            "manufacture",
            "come out",
        ]
    }
)
_NAME_QUESTION = re.compile(
    r"(?:is it|is this|is that|it is|its|could it be|can it be|might it be|would it be"
    r"|is the (?:thing|answer|object|word|item|secret)|is your (?:thing|answer|word|object)"
    r"|are you thinking (?:of|about))(?P<article> an?| the| some)? (?P<name>.+)"
)
NUMBERS = {
    "no": 0,
    "zero": 0,
    "two": 2,
    "three": 3,
    "four": 4,
    "six": 6,
    "eight": 8,
    "ten": 10,
    "many": 10,
    "lots of": 10,
    "hundreds of": 10,
    "a hundred": 10,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
FAR_PAST, FAR_FUTURE = -(10**6), 10**6

Builder = Callable[[re.Match, str], "Test | None"]


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern
    build: Builder


def normalize(text: str) -> str:
    """Lower-cased words separated by single spaces; apostrophes dropped (``isn't`` -> isnt)."""
    return normalize_name(text)


# ---- parsed forms -------------------------------------------------------------------------------
def _size_comparison(match: re.Match, text: str) -> Test:
    reference = reference_forms()[match["ref"]]
    if reference in size_references():
        test = SizeAbove(size_references()[reference])
    else:
        entity = knowledge_base()[names_index()[reference]]
        test = SizeAbove(float(SIZES.index(entity["size"]) + 1))
    return Not(test) if match["cmp"] in SMALLER else test


SMALLER = frozenset(["smaller", "shorter", "lighter", "tinier", "narrower"])


def _legs(match: re.Match, text: str) -> Test:
    count = int(match["n"]) if match["n"].isdigit() else NUMBERS[match["n"]]
    comparison = (match["cmp"] or "").strip()
    if comparison in ("more than", "over"):
        return Legs("gt", count)
    if comparison in ("fewer than", "less than", "under"):
        return Legs("lt", count)
    if count >= 10:
        return Legs("gt", 8)
    return Legs("eq", count)


def _letter(match: re.Match, text: str) -> Test:
    return FirstLetter(match["letter"])


def _year(match: re.Match, text: str) -> Test:
    year = int(match["year"]) * (-1 if match["era"] in ("bc", "bce") else 1)
    return _era_test(match["rel"], year, _span_of_year(match["year"], match["decade"]), text)


def _century(match: re.Match, text: str) -> Test:
    number = int(match["n"]) if match["n"] else ORDINALS[match["word"]]
    start = 100 * (number - 1)
    return _era_test(match["rel"], start, 100, text)


def _span_of_year(digits: str, decade: str | None) -> int:
    if not decade:
        return 1
    return 100 if digits.endswith("00") else 10


def _era_test(relation: str | None, start: int, span: int, text: str) -> Test:
    invented = bool(read(text).find(INVENTION))
    relation = (relation or "in").strip()
    if relation in ("before", "prior to", "earlier than", "older than", "by"):
        return Era(FAR_PAST, start, invented)
    if relation in ("after", "since", "later than", "newer than"):
        return Era(start, FAR_FUTURE, True)
    return Era(start, start + span, invented)


def _compile(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9-])(?:{pattern})(?![a-z0-9-])")


@functools.cache
def reference_forms() -> dict[str, str]:
    """Every way to write a size reference or a thing, singular or plural, -> the reference."""
    forms = {}
    for reference in (*size_references(), *names_index()):
        *head, last = reference.split(" ")
        plurals = getInflection(last, tag="NNS") or ()
        for plural in plurals:
            forms.setdefault(" ".join([*head, plural]), reference)
    forms.update({reference: reference for reference in (*size_references(), *names_index())})
    return forms


@functools.cache
def phrases() -> tuple[Phrase, ...]:
    """The parsed forms, compiled once per process."""
    references = sorted(reference_forms(), key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in references)
    forms: list[tuple[str, Builder]] = [
        (
            r"(?P<cmp>bigger|larger|taller|longer|heavier|wider|smaller|shorter|lighter|tinier"
            r"|narrower)(?: in size)? than (?:an? |the |your |my |our |average |normal )*"
            rf"(?P<ref>{alternation})",
            _size_comparison,
        ),
        (
            r"(?P<cmp>more than |fewer than |less than |over |under )?"
            r"(?P<n>no|zero|two|three|four|six|eight|ten|many|lots of|hundreds of|a hundred|\d+)"
            r"(?: |-)(?:legs?|legged)",
            _legs,
        ),
        (
            r"(?:starts?|starting|begins?|beginning) with (?:the letter |letter |an? |the )?"
            r"(?P<letter>[a-z])",
            _letter,
        ),
        (r"first letter (?:of (?:its|the|your) (?:name|word) )?(?:is )?(?P<letter>[a-z])", _letter),
        (
            r"(?:(?P<rel>before|after|since|prior to|earlier than|later than|older than|newer than"
            r"|in|around|during|by|from) )?(?:the )?(?:year )?(?P<year>\d{3,4})(?P<decade>s)?"
            r"(?: (?P<era>bc|bce|ad|ce))?",
            _year,
        ),
        (
            r"(?:(?P<rel>before|after|since|in|during|from|by) )?(?:the )?(?:(?P<n>\d{1,2})"
            rf"(?:st|nd|rd|th)|(?P<word>{'|'.join(ORDINALS)})) century",
            _century,
        ),
    ]
    return tuple(Phrase(_compile(pattern), build) for pattern, build in forms)


# ---- the parser ---------------------------------------------------------------------------------
#: Hedges around a question that do not change what it asks ("my guess: is it a dog?", "is it
#: a dog by any chance?").
_LEADING_HEDGE = re.compile(r"^(?:(?:my|one) guess|let me guess|i guess) (?:is (?=its |it is ))?")
_TRAILING_HEDGE = re.compile(r" (?:by any chance|perhaps|possibly|maybe|then)$")


def _strip_fillers(words: list[str]) -> list[str]:
    while words and words[0] in FILLERS:
        words = words[1:]
    text = _TRAILING_HEDGE.sub("", _LEADING_HEDGE.sub("", " ".join(words)))
    return text.split()


def _name_guess(text: str) -> tuple[Test | None, bool]:
    """A direct guess ("is it a giraffe") -> (its predicate, whether an article preceded it)."""
    match = _NAME_QUESTION.fullmatch(text)
    if match is None:
        return None, False
    index = next((names_index()[f] for f in name_forms(match["name"]) if f in names_index()), None)
    if index is None:
        return None, False
    multiword = " " in match["name"]
    return NameIs(knowledge_base()[index].name), bool(match["article"]) or multiword


def _part_test(part: str, text: str) -> Test | None:
    found = []
    for order, phrase in enumerate(phrases()):
        for match in phrase.pattern.finditer(part):
            found.append((-(match.end() - match.start()), match.start(), order, match, phrase))
    found.sort(key=lambda item: item[:3])
    taken: list[tuple[int, int]] = []
    chosen = []
    for _, start, _, match, phrase in found:
        end = match.end()
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        test = phrase.build(match, text)
        if test is not None:
            chosen.append((start, test))
    chosen += _lexicon_tests(_without_negations(_masked(part, taken)))
    if not chosen:
        return None
    tests = list(dict.fromkeys(test for _, test in sorted(chosen, key=lambda item: item[0])))
    test = all_of(_merge_parts(tests))
    words = part.split()
    negated = any(word in NEGATIONS for word in words) or " other than " in f" {part} "
    return Not(test) if negated else test


def _without_negations(part: str) -> str:
    """The part without its negation words: the part's negation reads them, so that "something
    people didn't make" still holds the phrase "people make"."""
    return " ".join(word for word in part.split() if word not in NEGATIONS)


def _masked(part: str, spans: list[tuple[int, int]]) -> str:
    """The part with the parsed forms' words taken out, so no phrase reads them again."""
    for start, end in sorted(spans, reverse=True):
        part = f"{part[:start]};{part[end:]}"
    return part


def _lexicon_tests(part: str) -> list[tuple[int, Test]]:
    """(position, predicate) of each lexicon phrase in the part, as the judging core reads it.

    When phrases of several predicates read the same words ("bedding" is a form of "bed"), the
    phrase written as the words stand wins.
    """
    lexicon, tests = phrase_lexicon()
    reading = read(part)
    spans: dict[tuple[int, int, int], list] = {}
    for hit in reading.find(lexicon):
        spans.setdefault((hit.clause, hit.start, hit.end), []).append(hit)
    found = []
    for (clause, start, end), hits in spans.items():
        words = [token.text for token in reading.clauses[clause].tokens[start:end]]
        exact = [hit for hit in hits if hit.phrase.split() == words]
        for hit in exact if 0 < len(exact) < len(hits) else hits:
            found.append((10**6 + hit.order * 1000 + hit.start, tests[hit.key]))
    return found


def _merge_parts(tests: list[Test]) -> list[Test]:
    """Join "black and white" / "wood and metal" into one test that needs every part."""
    merged: list[Test] = []
    for test in tests:
        if isinstance(test, Is) and test.attribute in MULTI_VALUED:
            earlier = next(
                (t for t in merged if isinstance(t, Is | HasAll) and t.attribute == test.attribute),
                None,
            )
            if earlier is not None:
                merged[merged.index(earlier)] = HasAll(test.attribute, earlier.values | test.values)
                continue
        merged.append(test)
    return merged


def parse_question(question: str) -> Test | None:
    """The predicate a yes/no question asks about, or ``None`` if it cannot be mapped."""
    words = _strip_fillers(normalize(question).split())
    if not words or words[0] in WH_WORDS:
        return None
    if words[0] in NEGATIONS:  # "isn't it an animal?" asks the same as "is it an animal?"
        words = ["is", *words[1:]]
    text = " ".join(words)
    guess, certain = _name_guess(text)
    if guess is not None and certain:
        return guess
    parts = [_part_test(part.strip(), text) for part in re.split(r"\bor\b", text)]
    tests = [test for test in parts if test is not None]
    if tests:
        return any_of(tests)
    return guess
