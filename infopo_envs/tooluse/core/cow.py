"""Copy-on-write worlds: tau2-sized databases whose resets and changes cost what they touch.

A world is a pydantic model whose fields are *tables* (``dict[str, Model]``: users, orders),
nested models holding tables (the telecom account database), or small values (the phone, the
date). An episode's world is a ``fork`` of the split's base world: fresh tables that share
their rows with the base. Rows are never changed in place once in a world; a change goes
through a ``View``, whose tables copy a row the first time it is read, and is ``commit``-ted
only when the whole change succeeded (so a failing tool leaves the world as it was). Row
digests are then cached by object, and hashing a world rereads only the rows that changed.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

MAX_CACHED_DIGESTS = 50_000
_DIGESTS: dict[int, tuple[Any, str]] = {}


class CowTable(MutableMapping):
    """A table over a base dict: rows are copied on first access, writes stay here."""

    def __init__(self, base: dict):
        self.base = base
        self.own: dict[Any, Any] = {}
        self.deleted: set[Any] = set()

    def __getitem__(self, key):
        if key in self.own:
            return self.own[key]
        if key in self.deleted:
            raise KeyError(key)
        row = copy.deepcopy(self.base[key])
        self.own[key] = row
        return row

    def __setitem__(self, key, value) -> None:
        self.own[key] = value
        self.deleted.discard(key)

    def __delitem__(self, key) -> None:
        if key not in self:
            raise KeyError(key)
        self.own.pop(key, None)
        self.deleted.add(key)

    def __contains__(self, key) -> bool:
        return key in self.own or (key in self.base and key not in self.deleted)

    def __iter__(self) -> Iterator:
        yield from (key for key in self.base if key not in self.deleted)
        yield from (key for key in self.own if key not in self.base)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class View:
    """A world as a change sees it; ``model`` is what the tool or template receives."""

    model: BaseModel
    tables: dict[str, CowTable] = field(default_factory=dict)
    children: dict[str, View] = field(default_factory=dict)


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(row, BaseModel) for row in value.values())


def _holds_tables(value: Any) -> bool:
    return isinstance(value, BaseModel) and any(
        _is_table(getattr(value, name)) or _holds_tables(getattr(value, name))
        for name in type(value).model_fields
    )


def view(world: BaseModel) -> View:
    """A copy-on-write view of ``world`` for one change (see ``commit``)."""
    result = View(world)
    values = {}
    for name in type(world).model_fields:
        value = getattr(world, name)
        if _is_table(value):
            values[name] = result.tables[name] = CowTable(value)
        elif _holds_tables(value):
            child = view(value)
            values[name] = child.model
            result.children[name] = child
        else:
            values[name] = copy.deepcopy(value)
    result.model = type(world).model_construct(**values)
    return result


def commit(world: BaseModel, change: View) -> None:
    """Apply a successful change to ``world`` (the rows it touched replace the world's)."""
    for name in type(world).model_fields:
        target = getattr(world, name)
        if name in change.tables:
            table = change.tables[name]
            for key in table.deleted:
                target.pop(key, None)
            target.update(table.own)
        elif name in change.children and getattr(change.model, name) is change.children[name].model:
            commit(target, change.children[name])
        else:
            setattr(world, name, getattr(change.model, name))


def fork(world: BaseModel) -> BaseModel:
    """A world of its own that shares its rows with ``world`` (cheap at any size)."""
    values = {}
    for name in type(world).model_fields:
        value = getattr(world, name)
        if _is_table(value):
            values[name] = dict(value)
        elif _holds_tables(value):
            values[name] = fork(value)
        else:
            values[name] = copy.deepcopy(value)
    return type(world).model_construct(**values)


def state_hash(world: BaseModel) -> str:
    """SHA-256 of the world's content, canonical (dict order, process) and cached per row."""
    digest = hashlib.sha256()
    _feed(digest, world, "")
    return digest.hexdigest()


def _feed(digest, model: BaseModel, path: str) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if _is_table(value):
            for key in sorted(value, key=str):
                digest.update(f"{path}{name}[{key}]={_row_digest(value[key])}\n".encode())
        elif _holds_tables(value):
            _feed(digest, value, f"{path}{name}.")
        else:
            digest.update(f"{path}{name}={_canonical(value)}\n".encode())


def _row_digest(row: BaseModel) -> str:
    cached = _DIGESTS.get(id(row))
    if cached is not None and cached[0] is row:
        return cached[1]
    if len(_DIGESTS) > MAX_CACHED_DIGESTS:
        _DIGESTS.clear()
    text = hashlib.sha256(_canonical(row).encode()).hexdigest()
    _DIGESTS[id(row)] = (row, text)
    return text


def _canonical(value: Any) -> str:
    value = json.loads(value.model_dump_json()) if isinstance(value, BaseModel) else value
    value = to_jsonable_python(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
