"""Checking an LLM user's reply against the env's plan before the agent sees it.

The env decides what the user conveys; a language model only chooses the words, and small models
often say something else (a "No." where the env judged yes, a hidden value nobody asked for).
``unfaithful`` says why a reply does not carry out its ``ReplyPlan``, or returns None:

- an ``answer`` that starts with yes, no or maybe must have that polarity; any other answer must
  carry its words as a fact does;
- a ``reveal``, ``volunteer`` or ``repeat`` must carry each planned fact: every number of one of
  its phrasings, or at least one of its content words (compared as lemmas);
- a ``confirm`` must not refuse and a ``refuse`` must not agree;
- no reply may contain a hidden value (from ``UserTurn.hidden``) that neither the plan nor the
  conversation so far contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from lemminflect import getAllLemmas

from simulators.base import ReplyPlan, UserTurn

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
YES = frozenset({"yes", "yeah", "yep", "yup", "correct", "right", "indeed", "definitely", "sure"})
NO = frozenset({"no", "nope", "not", "isn't", "doesn't", "don't", "wrong", "incorrect", "nah"})
MAYBE = frozenset({"maybe", "sometimes", "depends", "partly", "perhaps"})
_STOPWORD_TEXT = (
    "a an and are as at be but by for from have i in is it its me my of on or so that the this "
    "to was we with you your would like want need just really very also about some any much "
    "there their they them what when where which who how than then too can could will should "
    "one more most other only own same such not no yes"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def unfaithful(reply: str, turn: UserTurn) -> str | None:
    """Why ``reply`` does not carry out ``turn.plan``, or None when it does."""
    plan = turn.plan
    words = _words(reply)
    reason = _plan_reason(plan, reply, words)
    if reason is not None:
        return reason
    allowed = " ".join([*_plan_texts(plan), *(m.text for m in turn.history)]).lower()
    for value in _distinctive_values(turn.hidden):
        if _contains(reply.lower(), value) and not _contains(allowed, value):
            return f"mentions the hidden value {value!r}, which the plan does not reveal"
    return None


def _plan_reason(plan: ReplyPlan, reply: str, words: list[str]) -> str | None:
    if plan.kind == "answer":
        expected = " ".join(options[0] for options in plan.facts)
        polarity = _polarity(_words(expected)[:1])
        if polarity is not None:
            return None if _polarity(words) == polarity else f"does not answer {polarity!r}"
        return None if _carries(reply, words, expected) else f"does not state {expected!r}"
    if plan.kind in ("reveal", "volunteer", "repeat"):
        for options in plan.facts:
            if not any(_carries(reply, words, phrasing) for phrasing in options):
                return f"does not convey {options[0]!r}"
        return None
    if plan.kind == "confirm" and _polarity(words) == "no":
        return "refuses where the user agrees"
    if plan.kind == "refuse" and _polarity(words) == "yes":
        return "agrees where the user declines"
    return None


def _carries(reply: str, words: list[str], phrasing: str) -> bool:
    numbers = _NUMBER.findall(phrasing)
    if numbers:
        return all(_contains(reply, number) for number in numbers)
    content = _content(phrasing)
    return not content or any(_has_lemma(words, word) for word in content)


def _polarity(words: list[str]) -> str | None:
    """ "yes", "no" or "maybe" from the first polar word, None when there is none."""
    for word in words:
        for name, vocabulary in (("yes", YES), ("no", NO), ("maybe", MAYBE)):
            if word in vocabulary:
                return name
    return None


def _plan_texts(plan: ReplyPlan) -> Iterator[str]:
    for options in plan.facts:
        yield from options
    yield plan.detail


def _distinctive_values(hidden: object) -> Iterator[str]:
    """Leaf values of the hidden profile that would give something away if said unprompted:
    numbers of two or more digits and words or names of four or more letters."""
    for value in _leaves(hidden):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip().lower()
        if isinstance(value, bool) or not text:
            continue
        if isinstance(value, int | float):
            if sum(c.isdigit() for c in text) >= 2:
                yield text
        elif len(text) >= 4 and text not in STOPWORDS and len(text.split()) <= 4:
            yield text


def _leaves(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _leaves(item)
    elif value is not None:
        yield value


def _contains(text: str, value: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(value)}(?![a-z0-9])", text.lower()) is not None


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _content(text: str) -> list[str]:
    return [w for w in _words(text) if len(w) >= 4 and w not in STOPWORDS]


def _has_lemma(words: Iterable[str], word: str) -> bool:
    target = _lemmas(word)
    return any(_lemmas(w) & target for w in words)


@cache
def _lemmas(word: str) -> frozenset[str]:
    forms = {word}
    for lemmas in getAllLemmas(word).values():
        forms.update(lemmas)
    return frozenset(forms)
