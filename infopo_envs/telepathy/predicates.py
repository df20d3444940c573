"""Predicates: what a yes/no question checks, answered Yes / No / Maybe for an entity.

A parsed question is a tree of these (``AllOf`` for "a big animal", ``AnyOf`` for "red or
blue", ``Not`` for "is it not alive"). Answers use three-valued logic, so "Maybe" stays "Maybe"
under negation and an "and" is "No" as soon as one part is "No".
"""

from __future__ import annotations

from dataclasses import dataclass

from infopo_envs.telepathy.schema import ERA_YEARS, SIZES, Entity

YES, NO, MAYBE = "yes", "no", "maybe"
#: Values that mean "it depends" for any question about their attribute.
FUZZY = frozenset({"varies", "both", "everywhere", "maybe"})


class Test:
    """A question's meaning; ``answer`` must depend on the entity only."""

    def answer(self, entity: Entity) -> str:
        raise NotImplementedError

    def key(self) -> str:
        """A canonical description, the same for every wording of the question."""
        raise NotImplementedError


@dataclass(frozen=True)
class Flag(Test):
    """A yes/no/maybe attribute read as is (``alive``, ``edible``, ``wheels``, ...)."""

    attribute: str

    def key(self) -> str:
        return self.attribute

    def answer(self, entity: Entity) -> str:
        return entity[self.attribute]


@dataclass(frozen=True)
class Is(Test):
    """The attribute's value is one of ``values``; a ``+`` value partly in them is "Maybe"."""

    attribute: str
    values: frozenset[str]

    def key(self) -> str:
        return f"{self.attribute}={'|'.join(sorted(self.values))}"

    def answer(self, entity: Entity) -> str:
        parts = entity.parts(self.attribute)
        inside = [part in self.values for part in parts]
        if all(inside):
            return YES
        if any(inside) or entity[self.attribute] in FUZZY:
            return MAYBE
        return NO


def is_(attribute: str, *values: str) -> Is:
    return Is(attribute, frozenset(values))


@dataclass(frozen=True)
class HasAll(Test):
    """Every one of ``values`` is part of the value ("is it black and white?" for a zebra)."""

    attribute: str
    values: frozenset[str]

    def key(self) -> str:
        return f"{self.attribute}={'+'.join(sorted(self.values))}"

    def answer(self, entity: Entity) -> str:
        if entity[self.attribute] in FUZZY:
            return MAYBE
        return YES if self.values <= set(entity.parts(self.attribute)) else NO


@dataclass(frozen=True)
class Colourful(Test):
    """Several colours at once is "Yes"; a colour that varies is "Maybe"."""

    def key(self) -> str:
        return "colourful"

    def answer(self, entity: Entity) -> str:
        if len(entity.parts("colour")) > 1:
            return YES
        return MAYBE if entity["colour"] == "varies" else NO


@dataclass(frozen=True)
class SizeAbove(Test):
    """Bigger than a reference at ``threshold`` on the 1..6 size scale (tiny=1 ... huge=6).

    References between two sizes (a person is 3.5) give clear answers; a reference of the same
    size class (another entity, the hidden one included) gives "Maybe", so a comparison tells
    the size class and never which thing it is.
    """

    threshold: float

    def key(self) -> str:
        return f"size>{self.threshold:g}"

    def answer(self, entity: Entity) -> str:
        level = SIZES.index(entity["size"]) + 1
        if level == self.threshold:
            return MAYBE
        return YES if level > self.threshold else NO


LEG_COUNTS = {"0": 0, "2": 2, "3": 3, "4": 4, "6": 6, "8": 8, "many": 10}


@dataclass(frozen=True)
class Legs(Test):
    """Compare the number of legs: ``op`` is ``eq``, ``gt`` or ``lt`` (``many`` counts as 10)."""

    op: str
    count: int

    def key(self) -> str:
        return f"legs {self.op} {self.count}"

    def answer(self, entity: Entity) -> str:
        legs = LEG_COUNTS[entity["legs"]]
        holds = {"eq": legs == self.count, "gt": legs > self.count, "lt": legs < self.count}
        return YES if holds[self.op] else NO


@dataclass(frozen=True)
class Era(Test):
    """When it came about, against the years [``start``, ``end``).

    ``invented`` questions ("was it invented before 1900") are "No" for natural things; other
    questions ("did it exist before 1900") are "Yes" for them, and for made things ask whether
    it existed by ``end``.
    """

    start: int
    end: int
    invented: bool

    def key(self) -> str:
        return f"{'invented' if self.invented else 'existed'} in [{self.start}, {self.end})"

    def answer(self, entity: Entity) -> str:
        if entity["era"] == "natural":
            return NO if self.invented else YES
        first, last = ERA_YEARS[entity["era"]]
        start, end = (self.start if self.invented else -(10**9)), self.end
        if start <= first and last <= end:
            return YES
        if last <= start or first >= end:
            return NO
        return MAYBE


@dataclass(frozen=True)
class FirstLetter(Test):
    letter: str

    def key(self) -> str:
        return f"first_letter={self.letter}"

    def answer(self, entity: Entity) -> str:
        return YES if entity["first_letter"] == self.letter else NO


@dataclass(frozen=True)
class NameIs(Test):
    """The entity itself ("is it a giraffe?"), by its canonical name."""

    name: str

    def key(self) -> str:
        return f"name={self.name}"

    def answer(self, entity: Entity) -> str:
        return YES if entity.name == self.name else NO


@dataclass(frozen=True)
class Not(Test):
    test: Test

    def key(self) -> str:
        return f"not {self.test.key()}"

    def answer(self, entity: Entity) -> str:
        return {YES: NO, NO: YES, MAYBE: MAYBE}[self.test.answer(entity)]


@dataclass(frozen=True)
class AllOf(Test):
    tests: tuple[Test, ...]

    def key(self) -> str:
        return " and ".join(sorted(f"({test.key()})" for test in self.tests))

    def answer(self, entity: Entity) -> str:
        answers = {test.answer(entity) for test in self.tests}
        return NO if NO in answers else MAYBE if MAYBE in answers else YES


@dataclass(frozen=True)
class AnyOf(Test):
    tests: tuple[Test, ...]

    def key(self) -> str:
        return " or ".join(sorted(f"({test.key()})" for test in self.tests))

    def answer(self, entity: Entity) -> str:
        answers = {test.answer(entity) for test in self.tests}
        return YES if YES in answers else MAYBE if MAYBE in answers else NO


def all_of(tests: list[Test]) -> Test:
    return tests[0] if len(tests) == 1 else AllOf(tuple(tests))


def any_of(tests: list[Test]) -> Test:
    return tests[0] if len(tests) == 1 else AnyOf(tuple(tests))
