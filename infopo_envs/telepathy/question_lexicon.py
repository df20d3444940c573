"""The phrases the question parser understands, each mapped to the predicate it asks about.

The data is ``data/lexicon.json``, validated on load: every entry is a predicate, written in a small
JSON form (``{"is": "category", "values": ["animal"]}``, ``{"flag": "alive"}``, ``{"not": ...}``,
``{"any": [...]}``, ``{"all": [...]}``, ``{"size_above": 3.5}``, ``{"legs": "eq", "count": 0}``,
``{"colourful": true}``), with the plain phrases that ask about it. The judging core
(``infopo_envs.core.judging``) matches the phrases on lemmas, so a phrase is written once in its
base form ("animal" matches "animals", "fly" matches "flies" and "flying"), hyphens and closed
forms match each other ("non living" matches "non-living"), ``...`` is a short gap, and the
``ignore`` phrases ("lets play") take their words away from every phrase. Phrases are matched
against the parser's normalized question, which has no apostrophes ("lets", "isnt").
``size_references`` are the everyday things a size comparison may name ("bigger than a
breadbox"), on the 1..6 size scale.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from infopo_envs.core.judging import Lexicon
from infopo_envs.telepathy.predicates import (
    AllOf,
    AnyOf,
    Colourful,
    Flag,
    Legs,
    Not,
    SizeAbove,
    Test,
    is_,
)
from infopo_envs.telepathy.schema import FLAG, VALUES

#: Values no entity has, asked about all the same ("is it a person?"): answered No.
NOTHING_IS = frozenset({"person"})


class TestSpec(BaseModel):
    """One predicate in JSON form; exactly one of its forms is set."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    flag: str | None = None
    is_: str | None = Field(None, alias="is")
    values: list[str] = []
    not_: TestSpec | None = Field(None, alias="not")
    any: list[TestSpec] | None = None
    all: list[TestSpec] | None = None
    size_above: float | None = None
    legs: Literal["eq", "gt", "lt"] | None = None
    count: int | None = None
    colourful: bool = False

    @model_validator(mode="after")
    def _one_form(self) -> TestSpec:
        forms = [self.flag, self.is_, self.not_, self.any, self.all, self.size_above, self.legs]
        if sum(form is not None for form in forms) + self.colourful != 1:
            raise ValueError("a predicate has exactly one form")
        if self.flag is not None and VALUES.get(self.flag) != FLAG:
            raise ValueError(f"{self.flag!r} is not a yes/no attribute")
        if self.is_ is not None:
            unknown = set(self.values) - set(VALUES.get(self.is_, ()))
            if self.is_ not in VALUES or not self.values or unknown - NOTHING_IS:
                raise ValueError(f"bad values for {self.is_!r}: {sorted(unknown) or 'none'}")
        if self.legs is not None and self.count is None:
            raise ValueError("a legs predicate needs a count")
        return self

    def build(self) -> Test:
        if self.flag is not None:
            return Flag(self.flag)
        if self.is_ is not None:
            return is_(self.is_, *self.values)
        if self.not_ is not None:
            return Not(self.not_.build())
        if self.any is not None:
            return AnyOf(tuple(spec.build() for spec in self.any))
        if self.all is not None:
            return AllOf(tuple(spec.build() for spec in self.all))
        if self.size_above is not None:
            return SizeAbove(self.size_above)
        if self.legs is not None:
            return Legs(self.legs, self.count)
        return Colourful()


class LexiconEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    test: TestSpec
    phrases: list[str] = Field(min_length=1)

    @field_validator("phrases")
    @classmethod
    def _normalized(cls, phrases: list[str]) -> list[str]:
        for phrase in phrases:
            if phrase != phrase.lower() or "'" in phrase:
                raise ValueError(f"phrase {phrase!r} must be lower case without apostrophes")
        return phrases


class QuestionLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    size_references: dict[str, float]
    ignore: list[str]
    entries: list[LexiconEntry]


@functools.cache
def question_lexicon() -> QuestionLexicon:
    text = resources.files("infopo_envs.telepathy").joinpath("data", "lexicon.json").read_text()
    return QuestionLexicon.model_validate(json.loads(text))


@functools.cache
def size_references() -> dict[str, float]:
    return dict(question_lexicon().size_references)


@functools.cache
def phrase_lexicon() -> tuple[Lexicon, dict[str, Test]]:
    """The entries as a judging-core lexicon keyed by each predicate's canonical key, and the
    predicate of each key."""
    tests: dict[str, Test] = {}
    phrases: dict[str, list[str]] = {}
    for entry in question_lexicon().entries:
        test = entry.test.build()
        tests[test.key()] = test
        phrases.setdefault(test.key(), []).extend(entry.phrases)
    return Lexicon(phrases, ignore=question_lexicon().ignore), tests
