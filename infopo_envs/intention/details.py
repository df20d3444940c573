"""The typed model of Intention's catalogue: vague requests and the details they leave out.

A ``DetailKind`` knows everything about one missing detail of one request: how much it matters
(importance 1 to 3), the values a user may hold, the words that show a question is about it (the
lexicon judge), a canonical question, and how a user states each value implicitly. Catalogue
modules write details as plain tuples (``DetailRow``) and ``request`` turns them into these types.
"""

from __future__ import annotations

from dataclasses import dataclass

from infopo_envs.core.lexicon import with_plurals

IMPORTANCES = (1, 2, 3)

#: How a catalogue module writes one detail: (name, label, importance, comma-separated keywords,
#: canonical question, {acceptable value: implicit phrasing of it}).
DetailRow = tuple[str, str, int, str, str, dict[str, str]]


@dataclass(frozen=True)
class DetailKind:
    """One kind of detail a request can leave out (e.g. the number of guests at a party)."""

    request: str  # the name of the request template it belongs to
    name: str
    label: str  # human label, e.g. "number of guests"
    importance: int  # 3 essential, 2 important, 1 nice to have
    keywords: tuple[str, ...]  # lexicon: a question using one of these is about this detail
    question: str  # a canonical question that asks about this detail and nothing else
    values: tuple[str, ...]  # acceptable values a user may hold
    implicit: tuple[str, ...]  # per value, a way to state it without reciting it

    @property
    def key(self) -> str:
        return f"{self.request}.{self.name}"

    def phrasings(self, value: str) -> tuple[str, ...]:
        """Ways a user states ``value``: implicitly first, then plainly."""
        implicit = self.implicit[self.values.index(value)]
        return implicit, f"For the {self.label}, I'd go with {value}."


@dataclass(frozen=True)
class RequestTemplate:
    """A vague everyday request (``plan a birthday party``) and the details it leaves out."""

    name: str
    request: str  # an infinitive clause: "plan a birthday party"
    details: tuple[DetailKind, ...]

    def detail(self, name: str) -> DetailKind:
        return next(kind for kind in self.details if kind.name == name)


def request(name: str, clause: str, *rows: DetailRow) -> RequestTemplate:
    """Build a template from a catalogue module's plain rows, checking them on the way."""
    details = tuple(_detail_kind(name, row) for row in rows)
    names = [kind.name for kind in details]
    if len(set(names)) != len(names):
        raise ValueError(f"catalogue error: duplicate detail names in {name}")
    return RequestTemplate(name, clause, details)


def _detail_kind(request_name: str, row: DetailRow) -> DetailKind:
    name, label, importance, keywords, question, values = row
    if importance not in IMPORTANCES:
        raise ValueError(f"catalogue error: {request_name}.{name} has importance {importance}")
    if len(values) < 2:
        raise ValueError(f"catalogue error: {request_name}.{name} needs at least two values")
    words = tuple(word.strip().lower() for word in keywords.split(",") if word.strip())
    return DetailKind(
        request=request_name,
        name=name,
        label=label,
        importance=importance,
        keywords=with_plurals(words),
        question=question,
        values=tuple(values),
        implicit=tuple(values.values()),
    )
