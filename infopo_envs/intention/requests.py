"""Intention's requests: every template, with the details each one leaves out.

Templates live in themed data files under ``data/requests/`` (``events.json``, ``home.json``,
``work.json``, ``writing.json``, ``personal.json``, ``leisure.json``), validated on load; this
module joins them into ``TEMPLATES`` in a fixed order, which is part of how tasks are drawn. A
detail is written as

    {"name": "guests", "label": "number of guests", "importance": 3,
     "keywords": ["guest", "invite", "headcount", "attendee"],
     "question": "How many guests are you planning to invite?",
     "values": {"about ten": "Just close family and a couple of friends.", ...}}

with ``values`` mapping each acceptable value to a way the user states it implicitly.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from infopo_envs.intention.details import DetailKind, RequestTemplate

THEMES = ("events", "home", "work", "writing", "personal", "leisure")


class DetailData(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    label: str
    importance: Literal[1, 2, 3]
    keywords: list[str] = Field(min_length=1)
    question: str
    values: dict[str, str] = Field(min_length=2)

    @field_validator("keywords")
    @classmethod
    def _lower_case(cls, keywords: list[str]) -> list[str]:
        if any(word != word.strip().lower() or not word for word in keywords):
            raise ValueError("keywords are non-empty, stripped and lower case")
        return keywords


class TemplateData(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    request: str  # an infinitive clause: "plan a birthday party"
    details: list[DetailData]

    @field_validator("details")
    @classmethod
    def _unique_names(cls, details: list[DetailData]) -> list[DetailData]:
        names = [detail.name for detail in details]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate detail names: {names}")
        return details

    def build(self) -> RequestTemplate:
        details = tuple(
            DetailKind(
                request=self.name,
                name=detail.name,
                label=detail.label,
                importance=detail.importance,
                keywords=tuple(detail.keywords),
                question=detail.question,
                values=tuple(detail.values),
                implicit=tuple(detail.values.values()),
            )
            for detail in self.details
        )
        return RequestTemplate(self.name, self.request, details)


class ThemeData(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    templates: list[TemplateData]


def load_theme(theme: str) -> tuple[RequestTemplate, ...]:
    text = (
        resources.files("infopo_envs.intention")
        .joinpath("data", "requests", f"{theme}.json")
        .read_text()
    )
    return tuple(t.build() for t in ThemeData.model_validate(json.loads(text)).templates)


TEMPLATES: tuple[RequestTemplate, ...] = tuple(t for theme in THEMES for t in load_theme(theme))
BY_NAME: dict[str, RequestTemplate] = {template.name: template for template in TEMPLATES}
DETAIL_KINDS: tuple[DetailKind, ...] = tuple(k for t in TEMPLATES for k in t.details)

if len(BY_NAME) != len(TEMPLATES):
    raise ValueError("requests error: two request templates share a name")

__all__ = ["BY_NAME", "DETAIL_KINDS", "TEMPLATES", "DetailData", "TemplateData"]
