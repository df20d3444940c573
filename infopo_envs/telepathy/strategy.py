"""The halving strategy: a bank of canonical questions and the choice of the most informative one.

Every bank question goes through the same parser as the agent's questions, so the oracle that
uses it proves the parser, the knowledge base and the turn limit fit together. The best question
for a set of candidates is the one that minimizes the expected number of candidates left (the
sum of the squared sizes of its Yes / No / Maybe groups), i.e. the one that best splits them.
"""

from __future__ import annotations

import functools
import string

import numpy as np

from infopo_envs.telepathy.judge import parse_question
from infopo_envs.telepathy.knowledge import knowledge_base
from infopo_envs.telepathy.predicates import MAYBE, NO, YES
from infopo_envs.telepathy.schema import VALUES

ANSWER_CODES = {NO: 0, YES: 1, MAYBE: 2}

_KINDS = [
    "mammal",
    "bird",
    "fish",
    "reptile",
    "amphibian",
    "insect",
    "arachnid",
    "mollusc",
    "crustacean",
    "invertebrate",
    "tree",
    "flower",
    "grass",
    "cactus",
    "shrub",
    "vine",
    "herb",
    "fruit",
    "vegetable",
    "nut",
    "grain",
    "dish",
    "baked good",
    "dessert",
    "dairy product",
    "meat",
    "condiment",
    "snack",
    "hot drink",
    "soft drink",
    "alcoholic drink",
    "juice",
    "milk drink",
    "land vehicle",
    "boat",
    "aircraft",
    "hand tool",
    "power tool",
    "garden tool",
    "string instrument",
    "wind instrument",
    "percussion instrument",
    "keyboard instrument",
    "table",
    "bed",
    "storage furniture",
    "garment",
    "footwear",
    "headwear",
    "accessory",
    "jewellery",
    "gadget",
    "computer equipment",
    "audio equipment",
    "appliance",
    "utensil",
    "cookware",
    "tableware",
    "container",
    "ball",
    "dwelling",
    "public building",
    "monument",
    "landform",
    "body of water",
    "mineral",
    "weather phenomenon",
    "stationery",
    "bathroom item",
    "decor",
    "bedding",
    "game",
]
_PLACES = [
    "a house",
    "the kitchen",
    "an office",
    "a workshop",
    "a farm",
    "the countryside",
    "a garden",
    "a forest",
    "the jungle",
    "the savanna",
    "the desert",
    "the ocean",
    "fresh water",
    "polar regions",
    "the mountains",
    "a city",
    "a sports field",
    "the sky",
    "outer space",
]
# Colours and materials are asked one by one; "clear" and "organic" have their own questions
# ("transparent", "organic"), and "varies" / "none" are not things to ask about.
_COLOURS = [c for c in VALUES["colour"] if c not in ("clear", "varies")]
_MATERIALS = [m for m in VALUES["material"] if m not in ("organic", "none")]
_USES = [
    "transport",
    "cooking",
    "eating with",
    "drinking from",
    "music",
    "sport",
    "writing",
    "art",
    "cleaning",
    "communication",
    "entertainment",
    "sitting on",
    "sleeping on",
    "storage",
    "light",
    "telling the time",
    "gardening",
    "decoration",
    "construction",
    "computing",
    "cutting",
    "fastening things",
    "measuring",
    "play",
    "living in",
    "worship",
    "learning",
    "working",
    "shopping",
    "hygiene",
    "cooling",
    "security",
    "protection",
    "money",
    "power things",
    "photography",
    "health",
]

QUESTION_BANK: tuple[str, ...] = (
    "Is it an animal?",
    "Is it a plant?",
    "Is it food?",
    "Is it a drink?",
    "Is it a vehicle?",
    "Is it a tool?",
    "Is it a musical instrument?",
    "Is it furniture?",
    "Is it clothing?",
    "Is it an electronic device?",
    "Is it kitchenware?",
    "Is it sports equipment?",
    "Is it a building?",
    "Is it part of nature?",
    "Is it a household item?",
    "Is it a toy?",
    *(f"Is it a kind of {kind}?" for kind in _KINDS),
    "Is it bigger than a coin?",
    "Is it bigger than your hand?",
    "Is it bigger than a breadbox?",
    "Is it bigger than a person?",
    "Is it bigger than a car?",
    "Is it bigger than a building?",
    "Is it alive?",
    "Is it man-made?",
    "Can you eat it?",
    "Does it use electricity?",
    "Does it have wings?",
    "Can it fly?",
    "Is it found in water?",
    "Is it kept as a pet?",
    "Is it dangerous?",
    "Does it have wheels?",
    "Is it sweet?",
    "Is it soft?",
    "Can you ride it?",
    "Is it found indoors?",
    "Is it found outdoors?",
    "Is it found everywhere?",
    *(f"Is it found in {place}?" for place in _PLACES),
    *(f"Is it {colour}?" for colour in _COLOURS),
    "Is it transparent?",
    "Is it colourful?",
    *(f"Is it made of {material}?" for material in _MATERIALS),
    "Is it organic?",
    "Does it have legs?",
    *(f"Does it have {n} legs?" for n in ("two", "three", "four", "six", "eight")),
    "Does it have more than eight legs?",
    "Is it a carnivore?",
    "Does it eat meat?",
    "Is it a herbivore?",
    "Is it an omnivore?",
    "Does it have fur?",
    "Does it have feathers?",
    "Does it have scales?",
    "Does it have a shell?",
    "Does it have slimy skin?",
    "Does it have an exoskeleton?",
    "Does it have spines?",
    "Does it have spots?",
    "Does it have stripes?",
    *(f"Was it invented before the year {year}?" for year in (500, 1500, 1900, 2000)),
    *(f"Is it used for {use}?" for use in _USES),
    *(f"Does its name start with the letter {c.upper()}?" for c in string.ascii_lowercase),
)


@functools.cache
def answer_matrix() -> np.ndarray:
    """``[question, entity]`` -> answer code (0 No, 1 Yes, 2 Maybe) for the whole bank."""
    entities = knowledge_base()
    rows = []
    for question in QUESTION_BANK:
        test = parse_question(question)
        if test is None:
            raise ValueError(f"bank question {question!r} does not parse")
        rows.append([ANSWER_CODES[test.answer(entity)] for entity in entities])
    return np.array(rows, dtype=np.int8)


def best_question(candidates: np.ndarray) -> int | None:
    """Index of the bank question that best splits ``candidates`` (entity indices); ``None``
    when no question tells any of them apart."""
    answers = answer_matrix()[:, candidates]
    counts = np.stack([(answers == code).sum(axis=1) for code in range(3)], axis=1)
    expected_left = (counts.astype(np.int64) ** 2).sum(axis=1)
    splits = counts.max(axis=1) < len(candidates)
    if not splits.any():
        return None
    expected_left[~splits] = np.iinfo(np.int64).max
    return int(np.argmin(expected_left))


def questions_needed(candidates: np.ndarray) -> dict[int, int]:
    """Entity index -> how many bank questions the strategy asks before only it remains."""
    depth: dict[int, int] = {}
    stack = [(np.asarray(candidates), 0)]
    while stack:
        group, asked = stack.pop()
        if len(group) == 1:
            depth[int(group[0])] = asked
            continue
        question = best_question(group)
        if question is None:
            raise ValueError(f"entities {group.tolist()} cannot be told apart by the bank")
        row = answer_matrix()[question, group]
        stack += [(group[row == code], asked + 1) for code in range(3) if (row == code).any()]
    return depth
