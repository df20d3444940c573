"""InfoPO/TravelIntent-v0: book a trip for a traveller whose preferences must be asked for."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from infopo_envs.core import (
    ActionForm,
    ElicitationTracker,
    Feedback,
    InfoPOEnv,
    InvalidAction,
    ParsedAction,
    Score,
    TaggedGrammar,
    TaskRef,
    UserChannel,
    rng_for,
)
from infopo_envs.travel.aspects import KINDS, SEARCH_FIELDS
from infopo_envs.travel.judge import MAX_TOPICS, judge_question
from infopo_envs.travel.tasks import (
    BEST,
    CORRECT,
    AspectTask,
    Option,
    Preference,
    generate_scenario,
)
from simulators import UserSimulator

#: Reply kinds that count toward volunteering: concrete questions that found nothing new.
CONCRETE_UNHELPFUL = ("no_preference", "repeat")

ANSWER_SCORES = {BEST: 1.0, CORRECT: 0.8}


class TravelIntentEnv(InfoPOEnv):
    """Plan a trip for a traveller who reveals preferences only when asked concretely.

    ## Description
    Modelled on TravelGym, generated procedurally from the seed. A trip has 1 to 4 aspects
    (flight, hotel, apartment, restaurant, rental car). For each aspect the traveller holds 2 to
    4 hidden preferences (a budget, a rating floor, an area, an amenity, a departure time, ...).
    The agent asks questions, searches each aspect with a structured request and books one option
    per aspect. The best option is the cheapest one that satisfies every preference.

    The traveller (a ``simulators.UserSimulator``) reveals a preference only when asked about it
    concretely, and implicitly ("I want to hear the waves" for a beachfront area). A vague
    question gets "too vague"; a concrete question about something without a preference gets
    "no preference". At most one new preference is revealed per question, and a message about
    more than 3 topics is a list, not a question: it gets "too vague". The env decides what a
    question is about from its lexicon data over the hidden profile (``data/lexicon.json``, read by
    the shared judging core: lemmas, synonyms, negation, traps), never from the simulator's
    words.

    Volunteering (TravelGym's design) cannot replace asking: only concrete questions that found
    nothing new (a "no preference" or a "repeat") count toward it, 3 in a row make the traveller
    volunteer a remaining preference (unrewarded), and at most a minority of each aspect's
    preferences is ever volunteered (``(n - 1) // 2`` of ``n``: none of 2, one of 3 or 4). A
    booking counts only when every preference of its aspect is known when it is made (asked, or
    volunteered); a booking made before that is a guess and scores 0 however lucky, so neither
    the option pool (cheapest, commonest attributes) nor vague chatter reaches the outcome.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one tagged action per turn:
    ``[action] <message to the traveller>``, ``[search] <json request>`` (e.g.
    ``{"aspect": "hotel", "city": "Lisbon", "check_in": "2027-03-02", "nights": 3}``; the fields
    of each aspect are listed in the opening), ``[answer] <option id>`` (books that option for its
    aspect) and ``[finish]``.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the instructions, the grammar, the search
    fields and the traveller's opening message. ``step`` returns only the feedback: the
    traveller's reply, the search results (one line per option with all its attributes), a
    booking confirmation, or an error message.

    ## Rewards
    +0.2 for each preference elicited (``elicit_reward``), +0.2 for the first correct search of an
    aspect (``search_reward``), 1.0 for booking an aspect's best option, 0.8 for another option
    satisfying every preference, 0 otherwise, and 0 for any booking made before every preference
    of the aspect was known. Invalid actions get 0 (``invalid_action_reward``).
    ``info["outcome"]`` is the mean over aspects of the booking score (0 for an aspect never
    booked); ``info["success"]`` is True when every aspect got its best option.

    ## Starting State
    A scenario drawn from the task's seed: ``options={"task_id": "test-0003"}`` picks a task,
    ``options={"split": "test"}`` draws from the fixed 100-task test split, otherwise from the
    train split (disjoint from test).

    ## Episode End
    Terminates when every aspect is booked or on ``[finish]``; truncates at ``max_turns``
    (default 30).

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user`` for replies,
    ``tool`` for search and booking, ``env`` for errors), ``action_valid``, ``placeholder``,
    ``elicited`` (keys like ``hotel.price``) and ``booked``; a question's step also
    ``reply_kind`` and ``judgment`` (``{"kind": "reveal", "keys": ["hotel.price"]}``: the reply
    plan's kind and the preference keys it concerns); the last step also ``outcome``,
    ``success`` and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/TravelIntent-v0", simulator="rule", max_turns=30, elicit_reward=0.2,
    search_reward=0.2, placeholder="No information found.")``. ``simulator`` is a spec string
    (``"rule:terse"``) or a ``UserSimulator``.

    ## Version History
    - v0: initial release; questions read by the shared judging core; volunteering only after
      concrete questions and capped; bookings count only once the aspect's preferences are known.
    """

    env_name = "TravelIntent"
    default_max_turns = 30
    test_size = 100
    grammar = TaggedGrammar(
        ActionForm("action", "say something to the traveller (e.g. ask a question)", "message"),
        ActionForm(
            "search", "search options with a JSON request for one aspect", "json request", json=True
        ),
        ActionForm("answer", "book the option with this id for its aspect", "option id"),
        ActionForm("finish", "end the episode"),
    )

    def __init__(
        self,
        simulator: str | UserSimulator | None = "rule",
        *,
        elicit_reward: float = 0.2,
        search_reward: float = 0.2,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.user = UserChannel(simulator)
        self.elicit_reward = elicit_reward
        self.search_reward = search_reward

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        self.scenario = generate_scenario(rng_for(self.env_name, task.split, task.index))
        self.preferences = {p.key: p for a in self.scenario.aspects for p in a.preferences}
        self.tracker = ElicitationTracker(
            {key: _phrasings(p) for key, p in self.preferences.items()},
            reveal_at_most=1,
            unhelpful_kinds=CONCRETE_UNHELPFUL,
            may_volunteer=self._may_volunteer,
        )
        self.searched: set[str] = set()
        self.booked: dict[str, str] = {}
        self.informed: dict[str, bool] = {}
        opening = self.scenario.opening_request()
        self.user.start(
            role=self._role(),
            hidden=self._hidden_profile(),
            seed=int(self.np_random.integers(2**63)),
            opening=opening,
        )
        fields = "\n".join(
            f"  {a.aspect}: {', '.join(('aspect', *SEARCH_FIELDS[a.aspect]))}"
            for a in self.scenario.aspects
        )
        return (
            "You are a travel agent. Ask the traveller about their preferences, search each part "
            "of the trip, then book the best option for each part: the cheapest one that meets "
            "every preference.\n"
            f"Search requests are JSON objects with these fields:\n{fields}\n"
            f"{self.instructions_footer()}\n\nTraveller: {opening}"
        )

    def _role(self) -> str:
        lines = [
            f"You are a traveller going from {self.scenario.origin} to "
            f"{self.scenario.destination} on {self.scenario.start.isoformat()} for "
            f"{self.scenario.nights} nights with {self.scenario.party_size} people in total.",
            "Your hidden preferences (reveal one only when asked about it, in your own words, "
            "implicitly; never list them):",
        ]
        for aspect in self.scenario.aspects:
            for pref in aspect.preferences:
                lines.append(f"- {aspect.aspect}: {pref.kind.phrasings(pref.value)[0]}")
        lines.append("On anything else you have no preference.")
        return "\n".join(lines)

    def _hidden_profile(self) -> dict[str, Any]:
        return {
            a.aspect: {p.kind.name: _jsonable(p.value) for p in a.preferences}
            for a in self.scenario.aspects
        }

    # ---- one action ----------------------------------------------------------------------------
    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "action":
            return self._ask(action.body)
        if action.tag == "search":
            return self._search(action.value)
        if action.tag == "answer":
            return self._book(action.value)
        return Feedback("Episode finished by the agent.", source="env", terminated=True)

    def _check(self, action: ParsedAction) -> ParsedAction | InvalidAction:
        if action.tag == "answer":
            option = self._find_option(action.body)
            if option is None:
                return InvalidAction(
                    f"There is no option with id {action.body!r}. Search first, then book an id."
                )
            if option.aspect in self.booked:
                return InvalidAction(
                    f"The {option.aspect} is already booked ({self.booked[option.aspect]})."
                )
            return replace(action, value=option)
        if action.tag == "search":
            request = _load_json(action.body)
            if not isinstance(request, dict):
                return InvalidAction(
                    'The search request must be a JSON object, e.g. {"aspect": "hotel", ...}.'
                )
            aspect = self.scenario.aspect(str(request.get("aspect", "")).lower())
            if aspect is None:
                trip = ", ".join(a.aspect for a in self.scenario.aspects)
                return InvalidAction(
                    f'The search request needs "aspect", one of this trip\'s: {trip}.'
                )
            return replace(action, value=(request, aspect))
        return action

    def _ask(self, question: str) -> Feedback:
        strict = self.user.persona.strict_questions
        found = judge_question(question, [a.aspect for a in self.scenario.aspects], strict)
        asked = found.keys if len(found.keys) <= MAX_TOPICS else ()
        return self.tracker.ask(self.user, question, asked, self.np_random, self.elicit_reward)

    def _may_volunteer(self, key: str, volunteered: frozenset[str]) -> bool:
        """At most a minority of an aspect's preferences may ever be volunteered."""
        aspect = self.preferences[key].kind.aspect
        held = len(self.scenario.aspect(aspect).preferences)
        given = sum(self.preferences[k].kind.aspect == aspect for k in volunteered)
        return given < (held - 1) // 2

    @property
    def elicited(self) -> set[str]:
        """Preference keys uncovered by the agent's questions (rewarded)."""
        return self.tracker.elicited

    @property
    def volunteered(self) -> set[str]:
        """Preference keys the traveller volunteered after unhelpful questions (unrewarded)."""
        return self.tracker.volunteered

    def _search(self, search: tuple[dict[str, Any], AspectTask]) -> Feedback:
        request, aspect = search
        mismatched = _mismatched_fields(request, aspect)
        if mismatched:
            return Feedback(
                f"No {aspect.aspect} options found: check {', '.join(mismatched)}.", source="tool"
            )
        first = aspect.aspect not in self.searched
        self.searched.add(aspect.aspect)
        lines = [f"{len(aspect.options)} {aspect.aspect} options:"]
        lines += [option.describe() for option in aspect.options]
        return Feedback("\n".join(lines), self.search_reward if first else 0.0, "tool")

    def _book(self, option: Option) -> Feedback:
        aspect = self.scenario.aspect(option.aspect)
        informed = all(p.key in self.tracker.known for p in aspect.preferences)
        score = ANSWER_SCORES.get(option.label, 0.0) if informed else 0.0
        self.booked[option.aspect] = option.option_id
        self.informed[option.aspect] = informed
        done = len(self.booked) == len(self.scenario.aspects)
        text = f"Booked {option.option_id} ({option.name}) for the {option.aspect}."
        return Feedback(text, score, "tool", terminated=done)

    # ---- scoring and info ----------------------------------------------------------------------
    def _score(self) -> Score:
        scores = [self._aspect_score(a) for a in self.scenario.aspects]
        outcome = sum(scores) / len(scores)
        return Score(outcome, all(s == 1.0 for s in scores))

    def _aspect_score(self, aspect: AspectTask) -> float:
        booked = self.booked.get(aspect.aspect)
        if booked is None or not self.informed[aspect.aspect]:
            return 0.0
        return ANSWER_SCORES.get(aspect.option(booked).label, 0.0)

    def _episode_info(self) -> dict[str, Any]:
        info = {"elicited": sorted(self.elicited), "booked": dict(sorted(self.booked.items()))}
        if self.done:
            info["simulator"] = self.user.stats()
        return info

    def _find_option(self, option_id: str):
        for aspect in self.scenario.aspects:
            option = aspect.option(option_id.strip())
            if option is not None:
                return option
        return None

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        menu = ["[action] Can you tell me more about what you want?", "[finish]"]
        for aspect in self.scenario.aspects:
            menu += [f"[action] {kind.question}" for kind in KINDS[aspect.aspect]]
            menu.append(f"[search] {json.dumps(aspect.request)}")
            menu += [
                f"[answer] {o.option_id}" for o in aspect.options if o.aspect not in self.booked
            ]
        return menu


def _phrasings(pref: Preference) -> tuple[str, ...]:
    return pref.kind.phrasings(pref.value)


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _load_json(body: str) -> Any:
    try:
        return json.loads(body)
    except (json.JSONDecodeError, RecursionError):
        return None


def _mismatched_fields(request: dict[str, Any], aspect: AspectTask) -> list[str]:
    return [
        name
        for name, expected in aspect.request.items()
        if str(request.get(name, "")).strip().lower() != str(expected).lower()
    ]
