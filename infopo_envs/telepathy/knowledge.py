"""The knowledge base: entities built from category defaults, group defaults and row overrides.

The rows live in the ``data/kb_*.json`` files (living things, food and drink, objects, places),
validated on load. Each file has ``category_defaults`` (attribute -> value per category) and
``groups``, each with a category, a kind, the group's defaults and its rows; a row reads
``name | synonyms | attribute=value ...`` and overrides the category's and the group's defaults,
so that a reader can check values at a glance. This module turns them into ``Entity`` objects
once per process and refuses an inconsistent base (an unknown value, a missing attribute, a name
used twice) when it loads.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from pydantic import BaseModel, ConfigDict

from infopo_envs.telepathy.schema import Entity, check_entity

PARTS = ("living", "food", "objects", "places")


class KnowledgeBaseError(ValueError):
    """The knowledge base's rows are inconsistent (a bug in the data, caught at load time)."""


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: str
    kind: str
    defaults: dict[str, str]
    rows: list[str]


class KnowledgeBasePart(BaseModel):
    """One ``kb_*.json`` file."""

    model_config = ConfigDict(extra="forbid")

    description: str
    category_defaults: dict[str, dict[str, str]]
    groups: list[Group]


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


def _entities_of(part: KnowledgeBasePart) -> list[Entity]:
    entities = []
    for group in part.groups:
        if group.category not in part.category_defaults:
            raise KnowledgeBaseError(f"no defaults for category {group.category!r}")
        base = {
            **part.category_defaults[group.category],
            "category": group.category,
            "kind": group.kind,
            **group.defaults,
        }
        for row in group.rows:
            fields = [field.strip() for field in row.split("|")]
            if len(fields) != 3:
                raise KnowledgeBaseError(f"bad row {row!r}: expected name | synonyms | overrides")
            name, synonyms, overrides = fields
            attributes = {**base, **_pairs(overrides), "first_letter": first_letter(name)}
            names = tuple(s.strip() for s in synonyms.split(",") if s.strip())
            entities.append(Entity(name, names, attributes))
    return entities


def load_part(name: str) -> KnowledgeBasePart:
    text = resources.files("infopo_envs.telepathy").joinpath("data", f"kb_{name}.json").read_text()
    return KnowledgeBasePart.model_validate(json.loads(text))


@functools.cache
def knowledge_base() -> tuple[Entity, ...]:
    """Every entity, in a fixed order (the order of the data files' rows)."""
    entities = [entity for part in PARTS for entity in _entities_of(load_part(part))]
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
