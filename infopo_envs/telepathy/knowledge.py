"""The knowledge base: entities built from category defaults, group defaults and row overrides.

The rows live in the ``data_*`` modules as compact text so that a reader can check values at a
glance; this module turns them into ``Entity`` objects once per process and refuses an
inconsistent base (an unknown value, a missing attribute, a name used twice) when it loads.
"""

from __future__ import annotations

import functools
import re

from infopo_envs.telepathy import data_food, data_living, data_objects, data_places
from infopo_envs.telepathy.schema import Entity, check_entity

MODULES = (data_living, data_food, data_objects, data_places)


class KnowledgeBaseError(ValueError):
    """The knowledge base's rows are inconsistent (a bug in the data, caught at load time)."""


def _pairs(text: str) -> dict[str, str]:
    pairs = {}
    for item in text.split():
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise KnowledgeBaseError(f"bad attribute {item!r}: expected key=value")
        pairs[key] = value
    return pairs


def normalize_name(text: str) -> str:
    """Lower case, words joined by single spaces, apostrophes dropped (``Rubik's`` -> rubiks)."""
    text = text.lower().replace("'", "").replace("\u2019", "")
    return " ".join(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text))


def first_letter(name: str) -> str:
    return next(c for c in name if c.isalpha())


def _rows(text: str) -> list[str]:
    """Row lines; a line without ``|`` continues the previous row's attributes."""
    rows: list[str] = []
    for line in text.strip().splitlines():
        if "|" in line:
            rows.append(line)
        elif rows:
            rows[-1] += " " + line.strip()
        else:
            raise KnowledgeBaseError(f"attributes without a row: {line.strip()!r}")
    return rows


def _entities_of(module) -> list[Entity]:
    entities = []
    for category, kind, group_defaults, rows in module.GROUPS:
        base = {
            **_pairs(module.CATEGORY_DEFAULTS[category]),
            "category": category,
            "kind": kind,
            **_pairs(group_defaults),
        }
        for row in _rows(rows):
            name, synonyms, overrides = (part.strip() for part in row.split("|"))
            attributes = {**base, **_pairs(overrides), "first_letter": first_letter(name)}
            names = tuple(s.strip() for s in synonyms.split(",") if s.strip())
            entities.append(Entity(name, names, attributes))
    return entities


@functools.cache
def knowledge_base() -> tuple[Entity, ...]:
    """Every entity, in a fixed order (the order of the data modules' rows)."""
    entities = [entity for module in MODULES for entity in _entities_of(module)]
    problems = [problem for entity in entities for problem in check_entity(entity)]
    seen: dict[str, str] = {}
    for entity in entities:
        for name in entity.names:
            key = normalize_name(name)
            if key in seen:
                problems.append(f"{name!r} names both {seen[key]!r} and {entity.name!r}")
            seen[key] = entity.name
    if problems:
        raise KnowledgeBaseError("inconsistent knowledge base:\n" + "\n".join(problems))
    return tuple(entities)


@functools.cache
def names_index() -> dict[str, int]:
    """Normalized name or synonym -> index of its entity in ``knowledge_base()``."""
    return {
        normalize_name(name): index
        for index, entity in enumerate(knowledge_base())
        for name in entity.names
    }
