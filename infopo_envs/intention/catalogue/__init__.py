"""The catalogue of Intention requests: every template, with the details each one leaves out.

Templates live in themed modules (events, home, work, writing, personal, leisure); this module
joins them into ``TEMPLATES`` in a fixed order, which is part of how tasks are drawn.
"""

from __future__ import annotations

from infopo_envs.intention.catalogue.events import EVENTS
from infopo_envs.intention.catalogue.home import HOME
from infopo_envs.intention.catalogue.leisure import LEISURE
from infopo_envs.intention.catalogue.personal import PERSONAL
from infopo_envs.intention.catalogue.work import WORK
from infopo_envs.intention.catalogue.writing import WRITING
from infopo_envs.intention.details import DetailKind, RequestTemplate

TEMPLATES: tuple[RequestTemplate, ...] = (*EVENTS, *HOME, *WORK, *WRITING, *PERSONAL, *LEISURE)
BY_NAME: dict[str, RequestTemplate] = {template.name: template for template in TEMPLATES}
DETAIL_KINDS: tuple[DetailKind, ...] = tuple(k for t in TEMPLATES for k in t.details)

if len(BY_NAME) != len(TEMPLATES):
    raise ValueError("catalogue error: two request templates share a name")

__all__ = ["BY_NAME", "DETAIL_KINDS", "TEMPLATES"]
