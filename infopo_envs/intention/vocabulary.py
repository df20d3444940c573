"""Each detail's reading vocabulary: its curated keywords, broadened from its own label and from
shared synonyms of the concept it names.

Five hand-picked keywords per detail miss most natural wordings ("how old", "whereabouts",
"gearbox", "spread the word"), and patching them one case at a time never ends. So a detail's
lexicon is derived: the curated keywords, its label ("company size"), and the phrases of every
concept in ``data/synonyms.json`` that the detail's name or label triggers (a "location" takes
"whereabouts", "which city", "relocate"). A derived phrase is kept only when it tells the detail
apart: it is dropped when another detail of the same request owns the same word or phrase
(curated or derived), when it is a word of the request itself ("pet" in "adopt a pet" names no
detail), when it is a generic word, or when it occurs in the canonical question of another
detail. A false reveal is worse than a miss, so an ambiguous phrase belongs to nobody.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, field_validator

from infopo_envs.core.judging import Lexicon, lemmas, read
from infopo_envs.intention.details import DetailKind, RequestTemplate


def _lower_phrases(phrases: list[str]) -> list[str]:
    if any(phrase != phrase.strip().lower() or not phrase for phrase in phrases):
        raise ValueError("phrases are non-empty, stripped and lower case")
    return phrases


class Concept(BaseModel):
    """Words a detail's name or label may contain, and the phrases that then name it."""

    model_config = ConfigDict(extra="forbid")

    triggers: list[str] = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)

    _check_triggers = field_validator("triggers")(classmethod(lambda cls, v: _lower_phrases(v)))
    _check_phrases = field_validator("phrases")(classmethod(lambda cls, v: _lower_phrases(v)))


class Synonyms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    about: str
    generic: list[str]  # label words that name no detail on their own ("number", "kind")
    concepts: dict[str, Concept]


@functools.cache
def synonyms() -> Synonyms:
    text = resources.files("infopo_envs.intention").joinpath("data", "synonyms.json").read_text()
    return Synonyms.model_validate(json.loads(text))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _forms(phrase: str) -> frozenset[str]:
    """What a phrase collides on: a word's lemmas, or a multi-word phrase as written."""
    words = phrase.split()
    return lemmas(words[0]) if len(words) == 1 else frozenset({phrase})


def derived_phrases(kind: DetailKind) -> list[str]:
    """Candidate phrases for ``kind`` from its label and the concepts it triggers, unfiltered."""
    vocabulary = synonyms()
    label_words = [w for w in _words(kind.label) if w not in vocabulary.generic]
    # a one-word label is its own name ("venue"); a longer one names the detail only as a whole
    # ("cooking time": "cooking" alone is any question about a meal plan)
    found = label_words if len(kind.label.split()) == 1 else [kind.label]
    words = [kind.name, *kind.name.split("_"), *_words(kind.label)]
    cues = {form for word in words for form in lemmas(word)}
    for concept in vocabulary.concepts.values():
        if cues & set(concept.triggers):  # a trigger is a word as written, not its lemmas
            found += concept.phrases
    return list(dict.fromkeys(found))


@functools.cache
def template_phrases(template: RequestTemplate) -> dict[str, tuple[str, ...]]:
    """Every detail of ``template`` -> its curated keywords (less single words of the request)
    plus the derived phrases that name it and no other detail of the template."""
    request_forms = {form for word in _words(template.request) for form in lemmas(word)}
    candidates = {kind.name: derived_phrases(kind) for kind in template.details}
    owners: dict[str, set[str]] = {}
    for kind in template.details:
        for phrase in (*kind.keywords, *candidates[kind.name]):
            for form in _forms(phrase):
                owners.setdefault(form, set()).add(kind.name)
    added = {
        kind.name: [
            phrase
            for phrase in candidates[kind.name]
            if phrase not in kind.keywords
            and all(owners[form] == {kind.name} for form in _forms(phrase))
            and not _repeats(phrase, request_forms)
        ]
        for kind in template.details
    }
    clashing = _found_in_other_questions(template, added)
    return {
        kind.name: (
            *(p for p in kind.keywords if not _repeats(p, request_forms - lemmas(kind.name))),
            *(p for p in added[kind.name] if p not in clashing),
        )
        for kind in template.details
    }


def _repeats(phrase: str, request_forms: set[str]) -> bool:
    """Whether ``phrase`` is one word of the request ("weekend" in "plan a weekend getaway"):
    every message about the request says it, so it names no detail, unless the detail is named
    after it ("Which language?" in "learn a new language")."""
    return len(phrase.split()) == 1 and bool(_forms(phrase) & request_forms)


def _found_in_other_questions(template: RequestTemplate, added: dict[str, list[str]]) -> set[str]:
    """Derived phrases that occur in the canonical question of another detail: they would make
    that question ask about two details."""
    each = Lexicon({f"{name}\t{phrase}": [phrase] for name, ps in added.items() for phrase in ps})
    clashing = set()
    for kind in template.details:
        for hit in read(kind.question).find(each):
            name, phrase = hit.key.split("\t")
            if name != kind.name:
                clashing.add(phrase)
    return clashing
