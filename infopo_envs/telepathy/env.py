"""InfoPO/Telepathy-v0: twenty questions about a hidden thing from a built-in knowledge base."""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np

from infopo_envs.core import (
    ActionForm,
    Feedback,
    InfoPOEnv,
    ParsedAction,
    Score,
    TaggedGrammar,
    TaskRef,
    UserChannel,
    rng_for,
)
from infopo_envs.telepathy.guesses import resolve_guess
from infopo_envs.telepathy.judge import parse_question
from infopo_envs.telepathy.knowledge import knowledge_base
from infopo_envs.telepathy.predicates import MAYBE, NO, YES, NameIs
from infopo_envs.telepathy.schema import ATTRIBUTES, Entity
from infopo_envs.telepathy.strategy import QUESTION_BANK
from simulators import ReplyPlan, UserSimulator

UNMAPPED = "I can only answer yes/no questions about the thing."
GUESS_IN_QUESTION = "That is a guess: name the thing with [answer] <guess>."
DEFAULT_MAX_GUESSES = 1
ANSWER_TEXT = {YES: "Yes.", NO: "No.", MAYBE: "Maybe."}
MAX_QUESTION_LENGTH = 300
OPENINGS = (
    "Let's play twenty questions! I'm thinking of something. Can you guess what it is?",
    "I have something in mind. Ask me yes/no questions and guess what it is.",
    "Twenty questions: I've picked a thing. What do you think it is?",
    "I'm thinking of a thing. Find out what it is with yes/no questions.",
    "Ready? I've got something in mind. Ask away, then make your guess.",
)


@functools.cache
def entity_split(test_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(test entities, train entities): a fixed permutation of the knowledge base, so that every
    test task has its own entity and no test entity is ever the answer of a train task."""
    order = rng_for("Telepathy", "entity-split").permutation(len(knowledge_base()))
    return order[:test_size], order[test_size:]


class TelepathyEnv(InfoPOEnv):
    """Twenty questions: find the hidden thing with yes/no questions, then name it.

    ## Description
    Modelled on TelepathyGym. The user thinks of one of about 700 entities of a built-in
    knowledge base (animals, plants, food, drinks, vehicles, tools, instruments, furniture,
    clothing, electronics, kitchenware, sports gear, buildings, nature, household items, toys),
    each with 27 attributes (category, kind, size, alive, man-made, edible, electric, indoors or
    outdoors, habitat, colour, material, legs, wings, flies, water, pet, dangerous, wheels, diet,
    covering, pattern, era, use, sweet, soft, rideable, first letter). A rule-based parser (a
    small grammar plus a phrase lexicon read by the shared judging core) maps each yes/no
    question to a test of those attributes ("is it bigger than a breadbox?", "does
    it live in the ocean?", "was it invented before 1900?", "is it red or blue?", "is it not
    alive?") and the env answers Yes, No or Maybe ("it depends", e.g. a colour that varies).
    A question the parser cannot map, or an open question ("what colour is it?"), is still a
    valid turn but gets "I can only answer yes/no questions about the thing." and no
    information. The user (a ``simulators.UserSimulator``) only voices the env's answer.

    Guessing is not asking: the agent has ``max_guesses`` guesses (default 1, TelepathyGym's
    final guess), each made with ``[answer]``, and the game ends when they are spent. A
    question that names a thing ("is it a giraffe?") is a guess in disguise: it is a valid
    turn but gets "That is a guess: name the thing with [answer] <guess>." and no
    information, so guesses cannot be multiplied by asking them.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one tagged action per turn:
    ``[action] <yes/no question>`` (at most 300 characters) and ``[answer] <guess>``. A guess
    matches the entity's name or a synonym, ignoring case, articles, "it is ..." and plural
    endings (``[answer] Giraffes`` names the giraffe).

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the rules, the grammar and the user's
    opening; ``step`` returns only the user's reply ("Yes.", "No.", "Maybe.", the refusal
    above, or the verdict on a guess) or an error message.

    ## Rewards
    1.0 for the correct guess; 0 for everything else, including a wrong guess and invalid
    actions (``invalid_action_reward``). With more than one guess allowed, the game goes on
    after a wrong guess until the guesses are spent.

    ## Starting State
    ``options={"task_id": "test-0003"}`` picks a task, ``options={"split": "test"}`` draws from
    the fixed 100-task test split, otherwise from the train split. The test split's 100
    entities are held out: no train task uses them.

    ## Episode End
    Terminates on the correct guess or when the last guess is wrong; truncates at ``max_turns``
    (default 20). ``outcome`` is 1.0 when the thing was guessed and 0.0 otherwise; ``success``
    is ``outcome == 1.0``.

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user`` for answers,
    ``env`` for errors), ``action_valid``, ``placeholder``, ``guesses_left``,
    ``candidates_remaining`` (how many entities agree with every answer so far; a wrong guess
    removes the guessed entity) and ``bits_gained`` (log2 of how much the last answer shrank
    the candidates; 0 for an unmapped question or an invalid action); valid steps also
    ``reply`` (``yes``, ``no``, ``maybe``, ``unmapped``, ``guess_question``, ``wrong_guess``,
    ``correct_guess``) and ``judgment`` (``kind``: ``ask``, ``unmapped``, ``guess_question``
    or ``guess``; ``keys``: the canonical predicate asked about or the thing named); the last
    step also ``outcome``, ``success``, ``entity`` and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/Telepathy-v0", simulator="rule", max_turns=20, max_guesses=1,
    placeholder="No information found.")``. ``simulator`` is a spec string (``"rule:terse"``)
    or a ``UserSimulator``; ``max_guesses`` is how many ``[answer]`` guesses the agent has.

    ## Version History
    - v0: initial release; guesses limited to ``max_guesses`` and questions that name a thing
      refused as guesses, so that guessing without asking cannot pass.
    """

    env_name = "Telepathy"
    default_max_turns = 20
    test_size = 100
    grammar = TaggedGrammar(
        ActionForm("action", "ask a yes/no question about the thing", "question"),
        ActionForm("answer", "guess what the thing is (the game ends when you are right)", "guess"),
    )

    def __init__(
        self,
        simulator: str | UserSimulator | None = "rule",
        max_guesses: int = DEFAULT_MAX_GUESSES,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        if max_guesses < 1:
            raise ValueError(f"max_guesses must be at least 1, got {max_guesses}")
        self.max_guesses = int(max_guesses)
        self.user = UserChannel(simulator)

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        rng = rng_for(self.env_name, task.split, task.index)
        test_pool, train_pool = entity_split(self.test_size)
        if task.split == "test":
            self.entity_index = int(test_pool[task.index])
        else:
            self.entity_index = int(train_pool[rng.integers(len(train_pool))])
        self.entity: Entity = knowledge_base()[self.entity_index]
        self.candidates = np.arange(len(knowledge_base()))
        self.solved = False
        self.guesses_left = self.max_guesses
        opening = OPENINGS[int(rng.integers(len(OPENINGS)))]
        self.user.start(
            role=self._role(),
            hidden={"entity": self.entity.name, "attributes": dict(self.entity.attributes)},
            seed=int(self.np_random.integers(2**63)),
            opening=opening,
        )
        return (
            "You are playing twenty questions. The user is thinking of one thing: an animal, "
            "a plant, a food or drink, an object, a building or something in nature. Ask yes/no "
            f"questions about it (answered Yes, No or Maybe), then name it: {self._guess_rule()}\n"
            f"{self.instructions_footer()}\n\nUser: {opening}"
        )

    def _guess_rule(self) -> str:
        if self.max_guesses == 1:
            return "you have one guess, and the game ends with it."
        return f"you have {self.max_guesses} guesses, and the game ends when they are spent."

    def _role(self) -> str:
        facts = "\n".join(f"- {name}: {self.entity[name]}" for name in ATTRIBUTES)
        return (
            f"You are playing twenty questions. You are thinking of: {self.entity.name}.\n"
            f"Its attributes:\n{facts}\n"
            "Answer each yes/no question about it truthfully with only Yes, No or Maybe. To "
            f"anything else, say: {UNMAPPED} Never say what it is unless it has been guessed."
        )

    # ---- one action ----------------------------------------------------------------------------
    def _reject(self, action: ParsedAction) -> str | None:
        if action.tag == "action" and len(action.body) > MAX_QUESTION_LENGTH:
            return f"Ask one short question (at most {MAX_QUESTION_LENGTH} characters)."
        return None

    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "action":
            return self._ask(action.body)
        return self._guess(action.body)

    def _ask(self, question: str) -> Feedback:
        test = parse_question(question)
        if test is None:
            reply = self.user.say(question, ReplyPlan("answer", ((UNMAPPED,),)))
            info = {"reply": "unmapped", "bits_gained": 0.0, "judgment": _judgment("unmapped")}
            return Feedback(reply, info=info)
        if isinstance(test, NameIs):
            reply = self.user.say(question, ReplyPlan("answer", ((GUESS_IN_QUESTION,),)))
            judgment = _judgment("guess_question", test.name)
            info = {"reply": "guess_question", "bits_gained": 0.0, "judgment": judgment}
            return Feedback(reply, info=info)
        answer = test.answer(self.entity)
        entities = knowledge_base()
        agree = np.array([test.answer(entities[i]) == answer for i in self.candidates], bool)
        reply = self.user.say(question, ReplyPlan("answer", ((ANSWER_TEXT[answer],),)))
        info = {"reply": answer, "judgment": _judgment("ask", test.key())}
        return self._narrow(reply, self.candidates[agree], info)

    def _guess(self, guess: str) -> Feedback:
        index = resolve_guess(guess)
        named = knowledge_base()[index].name if index is not None else None
        judgment = _judgment("guess", *([named] if named else []))
        if index == self.entity_index:
            fact = f"Yes! It is {_with_article(self.entity.name)}. You got it!"
            reply = self.user.say(guess, ReplyPlan("answer", ((fact,),)))
            self.solved = True
            info = {"reply": "correct_guess", "judgment": judgment}
            return self._narrow(reply, np.array([index]), info, reward=1.0, terminated=True)
        fact = f"No, it is not {_with_article(named)}." if named else "No, that is not it."
        last = self.guesses_left == 1
        if last:
            fact += " That was your last guess."
        reply = self.user.say(guess, ReplyPlan("answer", ((fact,),)))
        self.guesses_left -= 1
        remaining = self.candidates if index is None else self.candidates[self.candidates != index]
        return self._narrow(
            reply, remaining, {"reply": "wrong_guess", "judgment": judgment}, terminated=last
        )

    def _narrow(
        self,
        reply: str,
        remaining: np.ndarray,
        info: dict[str, Any],
        *,
        reward: float = 0.0,
        terminated: bool = False,
    ) -> Feedback:
        """Keep the candidates that agree with the answer and report the bits it gained."""
        bits = math.log2(len(self.candidates) / len(remaining))
        self.candidates = remaining
        info = {**info, "bits_gained": round(bits, 6)}
        return Feedback(reply, reward, "user", terminated=terminated, info=info)

    # ---- scoring and info ----------------------------------------------------------------------
    def _score(self) -> Score:
        return Score(1.0 if self.solved else 0.0, self.solved)

    def _episode_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "guesses_left": self.guesses_left,
            "candidates_remaining": len(self.candidates),
            "bits_gained": 0.0,
        }
        if self.done:
            info["entity"] = self.entity.name
            info["simulator"] = self.user.stats()
        return info

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        entities = knowledge_base()
        guesses = [f"[answer] {entities[int(i)].name}" for i in self.candidates[:10]]
        return [*(f"[action] {question}" for question in QUESTION_BANK), *guesses]


def _with_article(name: str) -> str:
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _judgment(kind: str, *keys: str) -> dict[str, Any]:
    """What the env made of a message: ``ask`` (keys: the predicate), ``unmapped``,
    ``guess_question`` or ``guess`` (keys: the thing named)."""
    return {"kind": kind, "keys": sorted(keys)}
