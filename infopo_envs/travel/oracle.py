"""The scripted oracle for TravelIntent: ask about every preference, search, book the best."""

from __future__ import annotations

import json

from infopo_envs.core.agents import PlannedAgent
from infopo_envs.travel.env import TravelIntentEnv


class Oracle(PlannedAgent):
    """Reads the hidden scenario; reaches outcome 1.0 on every task within the turn limit."""

    def plan(self, env: TravelIntentEnv) -> list[str]:
        actions = []
        for aspect in env.scenario.aspects:
            actions += [f"[action] {pref.kind.question}" for pref in aspect.preferences]
            actions.append(f"[search] {json.dumps(aspect.request)}")
            actions.append(f"[answer] {aspect.best.option_id}")
        return actions
