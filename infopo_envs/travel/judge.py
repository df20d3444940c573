"""Deciding what a question to the traveller is about, from the lexicon data alone.

The env, not the simulator, decides whether a question elicited a preference. The words come
from ``data/lexicon.json`` (validated on load); the reading is the shared judging core's: a facet
("budget", "layover", "kind of car") resolves to the aspect named with it, or to the only aspect
of the trip that has it. Generic words count only next to their aspect, trap phrases ("window
or aisle seat", "How can I help?") count for nothing, and a refusal ("don't worry about the
budget yet") is not a question. A strict user (the reluctant persona) requires the aspect to be
named and one topic per message, by the core's one strictness rule.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from infopo_envs.core.judging import Lexicon, Topics, read, topics
from infopo_envs.travel.aspects import KINDS

#: A message about more topics than this is a list, not a question: the traveller calls it vague.
MAX_TOPICS = 3


class TravelLexicon(BaseModel):
    """The shape of ``data/lexicon.json``."""

    model_config = ConfigDict(extra="forbid")

    about: str
    facets: dict[str, list[str]]
    subjects: dict[str, list[str]]
    ignore: list[str]


@lru_cache(maxsize=1)
def lexicons() -> tuple[Lexicon, Lexicon]:
    """The facet and subject lexicons, checked against the aspects' kinds and aspects."""
    text = resources.files("infopo_envs.travel").joinpath("data", "lexicon.json").read_text("utf-8")
    data = TravelLexicon.model_validate_json(text)
    kinds = {kind.name for kinds in KINDS.values() for kind in kinds}
    if set(data.facets) != kinds or set(data.subjects) != set(KINDS):
        raise ValueError(
            "travel data/lexicon.json must list exactly the aspects' kinds and aspects"
        )
    return Lexicon(data.facets, ignore=data.ignore), Lexicon(data.subjects)


def judge_question(question: str, aspects: list[str], strict: bool) -> Topics:
    """The preference keys (``aspect.kind``) of the trip's ``aspects`` that ``question`` asks."""
    facets, subjects = lexicons()
    offered = {aspect: {kind.name for kind in KINDS[aspect]} for aspect in aspects}
    return topics(read(question), facets, subjects, offered, strict=strict)
