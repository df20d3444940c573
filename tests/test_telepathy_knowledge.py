"""The Telepathy knowledge base: size, consistency, distinguishability and a few known facts."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from infopo_envs.telepathy import TelepathyEnv
from infopo_envs.telepathy.judge import parse_question
from infopo_envs.telepathy.knowledge import (
    KnowledgeBaseError,
    KnowledgeBasePart,
    _entities_of,
    knowledge_base,
    names_index,
    normalize_name,
)
from infopo_envs.telepathy.predicates import NameIs
from infopo_envs.telepathy.schema import ATTRIBUTES, Entity, check_entity
from infopo_envs.telepathy.strategy import QUESTION_BANK, answer_matrix, questions_needed


def entity(name: str) -> Entity:
    return knowledge_base()[names_index()[name]]


def test_at_least_400_entities_with_at_least_15_attributes():
    entities = knowledge_base()
    assert len(entities) >= 400
    assert len(ATTRIBUTES) >= 15
    assert all(set(e.attributes) == set(ATTRIBUTES) for e in entities)
    assert all(check_entity(e) == [] for e in entities)


def test_no_two_entities_share_all_attributes():
    seen: dict[tuple[str, ...], str] = {}
    for e in knowledge_base():
        key = tuple(e[a] for a in ATTRIBUTES)
        assert key not in seen, f"{e.name} and {seen[key]} share every attribute"
        seen[key] = e.name


def test_every_name_and_synonym_names_one_entity():
    total = sum(len(e.names) for e in knowledge_base())
    assert len(names_index()) == total
    for index, e in enumerate(knowledge_base()):
        assert all(names_index()[normalize_name(n)] == index for n in e.names)


@pytest.mark.parametrize(
    ("name", "facts"),
    [
        ("dog", {"category": "animal", "kind": "mammal", "legs": "4", "pet": "yes"}),
        ("penguin", {"kind": "bird", "flies": "no", "wings": "yes", "habitat": "polar"}),
        ("whale", {"size": "huge", "water": "yes", "legs": "0", "kind": "mammal"}),
        ("spider", {"legs": "8", "kind": "arachnid"}),
        ("banana", {"category": "food", "colour": "yellow", "edible": "yes", "sweet": "yes"}),
        ("bicycle", {"wheels": "yes", "electric": "no", "rideable": "yes"}),
        ("smartphone", {"electric": "yes", "era": "recent", "size": "small"}),
        ("zebra", {"colour": "black+white", "pattern": "stripes"}),
        ("volcano", {"man_made": "no", "dangerous": "yes", "size": "huge"}),
    ],
)
def test_known_facts(name, facts):
    assert {key: entity(name)[key] for key in facts} == facts


def test_bad_rows_are_refused():
    def part(defaults: dict, row: str) -> KnowledgeBasePart:
        group = {"category": "toy", "kind": "game", "defaults": {}, "rows": [row]}
        data = {"description": "", "category_defaults": defaults, "groups": [group]}
        return KnowledgeBasePart.model_validate(data)

    with pytest.raises(KnowledgeBaseError, match="key=value"):
        _entities_of(part({"toy": {}}, "ball | | colour"))
    with pytest.raises(KnowledgeBaseError, match="expected name"):
        _entities_of(part({"toy": {}}, "ball | colour=red"))
    with pytest.raises(KnowledgeBaseError, match="no defaults"):
        _entities_of(part({}, "ball | | colour=red"))
    broken = Entity("thing", (), {**entity("dog").attributes, "size": "enormous"})
    assert any("size" in problem for problem in check_entity(broken))


def test_every_bank_question_parses_to_an_attribute_test():
    for question in QUESTION_BANK:
        test = parse_question(question)
        assert test is not None and not isinstance(test, NameIs), question
    assert answer_matrix().shape == (len(QUESTION_BANK), len(knowledge_base()))


def test_the_bank_tells_every_entity_apart_within_the_turn_limit():
    depth = questions_needed(np.arange(len(knowledge_base())))
    assert len(depth) == len(knowledge_base())
    # one more turn for the guess
    assert max(depth.values()) + 1 <= TelepathyEnv.default_max_turns
    # a sanity bound: far fewer questions than entities, close to log2 of their number
    assert max(depth.values()) < 3 * np.log2(len(knowledge_base()))


def test_every_pair_differs_on_some_bank_question():
    matrix = answer_matrix()
    columns = {matrix[:, i].tobytes(): i for i in range(matrix.shape[1])}
    assert len(columns) == matrix.shape[1]
    for a, b in itertools.islice(itertools.combinations(range(matrix.shape[1]), 2), 1000):
        assert (matrix[:, a] != matrix[:, b]).any()
