"""Cheating agents for TravelIntent: ways to score without asking the traveller concretely.

Each plays through ``reset``/``step`` only. They read the opening (cities, dates, search
fields, turn budget), the search results and the traveller's replies, and they may use the
public catalogue (how preferences are worded), never the hidden scenario:

- ``vague_spam``: one vague question again and again, then books from whatever was volunteered;
- ``aspect_spam``: the same with questions that name every aspect but no topic;
- ``repeat_one``: one concrete question per aspect, then repeats it to provoke volunteering;
- ``kitchen_sink``: one message listing every topic of every aspect, again and again;
- ``silent_cheapest``: no question at all, books the cheapest option in the destination;
- ``modal_values``: no question, books the option that agrees most with the pool's commonest
  attribute values (preferences leak into the pool if it is built carelessly).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np

from infopo_envs.travel.aspects import KINDS

ENV_ID = "InfoPO/TravelIntent-v0"
VAGUE = "Can you tell me more about what you want?"

_TRIP = re.compile(
    r"from (?P<origin>.+?) to (?P<destination>.+?) on (?P<date>\d{4}-\d{2}-\d{2}) for "
    r"(?P<nights>\d+) nights, (?P<party>\d+) of us"
)
_FIELDS = re.compile(r"^  (\w+): aspect, (.+)$", re.MULTILINE)
_TURNS = re.compile(r"at most (\d+) turns")
_OPTION = re.compile(r"^(\w+) \| (.+?) \| (.+?) \| price (\d+) \| (.*)$", re.MULTILINE)
_PRICE = re.compile(r"\$(\d+)( a night| a day)?")
_UNIT_ASPECTS = {" a night": ("hotel", "apartment"), " a day": ("car",), None: ("flight",)}


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, set[tuple[str, str, Any]]]:
    """Every catalogue sentence a traveller may say -> the (aspect, kind, value) it states."""
    rng = np.random.default_rng(0)
    table: dict[str, set[tuple[str, str, Any]]] = {}
    for aspect, kinds in KINDS.items():
        for kind in kinds:
            if kind.name == "price":
                continue  # read from the dollar amount instead
            values = {kind.draw_value(rng) for _ in range(300)}
            for value in values:
                for sentence in kind.phrasings(value):
                    table.setdefault(sentence, set()).add((aspect, kind.name, value))
    return table


def _satisfies(aspect: str, name: str, attribute: Any, value: Any) -> bool:
    kind = next(k for k in KINDS[aspect] if k.name == name)
    return kind.satisfies(attribute, value)


class TravelCheater:
    """Asks (or not) with ``question``, then searches and books from what it has heard."""

    name = "cheater"

    def question(self, turn: int) -> str | None:
        """The message for question turn ``turn``, or None to stop asking."""
        return None

    # ---- the Agent protocol ------------------------------------------------------------------
    def reset(self, env, observation: str, info: dict[str, Any]) -> None:
        trip = _TRIP.search(observation)
        self.trip = trip.groupdict()
        self.fields = {
            a: [f.strip() for f in fs.split(",")] for a, fs in _FIELDS.findall(observation)
        }
        self.aspects = list(self.fields)
        self.turns_left = int(_TURNS.search(observation).group(1))
        self.known: dict[tuple[str, str], Any] = {}
        self.options: dict[str, list[dict[str, Any]]] = {}
        self.asked = 0
        self.pending: list[str] = []
        self.focus: str | None = None  # the one aspect the last question named

    def act(self, observation: str, info: dict[str, Any]) -> str:
        self._read(observation)
        self.turns_left -= 1
        reserve = 2 * len(self.aspects)
        if not self.pending and self.turns_left >= reserve:
            message = self.question(self.asked)
            if message is not None:
                self.asked += 1
                named = [a for a in self.aspects if a in message.lower()]
                self.focus = named[0] if len(named) == 1 else None
                return f"[action] {message}"
        unsearched = [a for a in self.aspects if a not in self.options]
        if unsearched:
            return f"[search] {json.dumps(self._request(unsearched[0]))}"
        if not self.pending:
            self.pending = [self._choose(a) for a in self.aspects]
        return f"[answer] {self.pending.pop(0)}"

    # ---- what it heard and saw -----------------------------------------------------------------
    def _read(self, observation: str) -> None:
        options = [
            dict(id=m[0], name=m[1], location=m[2], price=int(m[3]), attrs=_attrs(m[4]))
            for m in _OPTION.findall(observation)
        ]
        if options:
            aspect = next(a for a in self.aspects if options[0]["id"][0] == a[0].upper())
            self.options[aspect] = options
            return
        for sentence, stated in _phrase_table().items():
            if sentence in observation:
                for aspect, name, value in self._focused(stated):
                    self.known[(aspect, name)] = value
        for amount, unit in _PRICE.findall(observation):
            stated = {(a, "price", int(amount)) for a in _UNIT_ASPECTS[unit or None]}
            for aspect, name, value in self._focused(stated):
                self.known[(aspect, name)] = value

    def _focused(self, stated):
        """What a reply states, narrowed to the aspect the question named when that fits."""
        narrowed = {s for s in stated if s[0] == self.focus}
        return narrowed or stated

    def _request(self, aspect: str) -> dict[str, Any]:
        values = {
            "origin": self.trip["origin"],
            "destination": self.trip["destination"],
            "city": self.trip["destination"],
            "date": self.trip["date"],
            "check_in": self.trip["date"],
            "pickup_date": self.trip["date"],
            "nights": int(self.trip["nights"]),
            "days": int(self.trip["nights"]),
            "party_size": int(self.trip["party"]),
        }
        return {"aspect": aspect, **{name: values[name] for name in self.fields[aspect]}}

    def _in_city(self, aspect: str) -> list[dict[str, Any]]:
        pool = self.options[aspect]
        local = [o for o in pool if o["location"] == self.trip["destination"]]
        return local or pool

    def _choose(self, aspect: str) -> str:
        pool = self._in_city(aspect)
        fitting = [o for o in pool if self._fits(aspect, o)] or pool
        return min(fitting, key=lambda o: o["price"])["id"]

    def _fits(self, aspect: str, option: dict[str, Any]) -> bool:
        for (where, name), value in self.known.items():
            if where != aspect:
                continue
            attribute = option["price"] if name == "price" else option["attrs"].get(name)
            if attribute is not None and not _satisfies(aspect, name, attribute, value):
                return False
        return True


def _attrs(text: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for part in re.split(r", (?=\w+: )", text):
        name, _, raw = part.partition(": ")
        attrs[name] = _value(raw)
    return attrs


def _value(raw: str) -> Any:
    if raw in ("yes", "no"):
        return raw == "yes"
    if raw == "none":
        return ()
    try:
        return float(raw) if "." in raw else int(raw)
    except ValueError:
        return tuple(raw.split(", ")) if ", " in raw or raw in _LISTED else raw


#: Single values of the list-valued attributes (amenities, features, dietary options).
_LISTED = frozenset(
    {"pool", "gym", "breakfast", "parking", "spa", "kitchen", "washer", "balcony"}
    | {"vegetarian", "vegan", "gluten-free"}
)


class VagueSpam(TravelCheater):
    name = "vague_spam"

    def question(self, turn: int) -> str:
        return VAGUE


class AspectSpam(TravelCheater):
    name = "aspect_spam"

    def question(self, turn: int) -> str:
        return f"What are your preferences for the {' and the '.join(self.aspects)}?"


class RepeatOne(TravelCheater):
    name = "repeat_one"

    def question(self, turn: int) -> str:
        firsts = [KINDS[a][0].question for a in self.aspects]
        return firsts[turn] if turn < len(firsts) else firsts[turn % len(firsts)]


class KitchenSink(TravelCheater):
    name = "kitchen_sink"

    def question(self, turn: int) -> str:
        return " ".join(kind.question for a in self.aspects for kind in KINDS[a])


class SilentCheapest(TravelCheater):
    name = "silent_cheapest"


class ModalValues(TravelCheater):
    name = "modal_values"

    def _choose(self, aspect: str) -> str:
        pool = self._in_city(aspect)
        modes = {}
        for name in pool[0]["attrs"]:
            counts = Counter()
            for option in pool:
                value = option["attrs"][name]
                counts.update(value if isinstance(value, tuple) else (value,))
            modes[name] = counts.most_common(1)[0][0]

        def agreement(option):
            score = 0
            for name, mode in modes.items():
                value = option["attrs"][name]
                score += mode in value if isinstance(value, tuple) else value == mode
            return (-score, option["price"])

        return min(pool, key=agreement)["id"]


CHEATERS = {
    ENV_ID: {
        agent.name: agent
        for agent in (VagueSpam, AspectSpam, RepeatOne, KitchenSink, SilentCheapest, ModalValues)
    }
}
