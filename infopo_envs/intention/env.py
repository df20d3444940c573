"""InfoPO/Intention-v0: clarify a vague everyday request by asking about its missing details."""

from __future__ import annotations

from typing import Any

from infopo_envs.core import (
    ActionForm,
    Elicitation,
    Feedback,
    InfoPOEnv,
    ParsedAction,
    Score,
    TaggedGrammar,
    TaskRef,
    UserChannel,
)
from infopo_envs.intention.judge import (
    coverage,
    details_answered,
    details_asked_about,
    question_reward,
)
from infopo_envs.intention.tasks import TEST_SIZE, task_for
from simulators import ReplyPlan, UserSimulator

IMPORTANCE_WORDS = {3: "essential", 2: "important", 1: "nice to have"}
VAGUE_QUESTION = "Can you tell me more about what you want?"


class IntentionEnv(InfoPOEnv):
    """Clarify a vague request: find out the details the user left out, one question at a time.

    ## Description
    Modelled on IntentionGym, generated procedurally from the seed. The user opens with a vague
    everyday request ("Could you help me plan a birthday party?") drawn from 60 request
    templates. The request leaves out 3 to 6 details (of 360 detail kinds in all: the number of
    guests, the budget, dietary needs, the tone of a letter, ...); each has an importance from
    1 (nice to have) to 3 (essential) and a set of acceptable values, one of which the user
    holds. The agent asks questions, then gives a summary of its plan or finishes.

    The env judges which details a question asks about from its lexicon over the hidden
    details (phrases per detail, read by the shared judging core on lemmas, with negation
    and greetings set aside; see ``infopo_envs.intention.judge``). Each detail's phrases are
    its curated keywords broadened from its label and shared concept synonyms
    (``synonyms.json``), a derived phrase kept only when no other detail of the request shares
    it (``infopo_envs.intention.vocabulary``): a false reveal is worse than a miss. The
    judgment never comes from the user's words. One message elicits at most one detail: the
    first one it asks about that the request leaves out and is not covered yet, which the user (a
    ``simulators.UserSimulator``) reveals implicitly ("Just close family and a couple of
    friends." for about ten guests). A question about a detail already covered gets a repeat,
    one about something the request does not leave out gets "no preference", and one that
    names no detail, or more than two at once (a list of questions), gets "too vague"; the
    reluctant persona allows only one detail per question. There is no LLM judge: coverage is
    lexicon-based only.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one tagged action per turn:
    ``[action] <message to the user>``, ``[answer] <summary of the plan>`` and ``[finish]``.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the instructions, the grammar and the
    user's request. ``step`` returns only the feedback: the user's reply, or an error message.

    ## Rewards
    A question that covers a detail earns 1.0 / 0.7 / 0.4 for its importance 3 / 2 / 1, minus
    0.2 for each other detail the message asks about at once, floored at 0. Every other action
    earns 0; invalid actions get 0 (``invalid_action_reward``). ``info["outcome"]`` is the
    importance-weighted coverage, in [0, 1]: the summed importance of the covered details (one
    at most per message) over that of all missing details. ``info["success"]`` is True when
    every missing detail is covered.

    ## Starting State
    A request drawn from the task's seed: ``options={"task_id": "test-0003"}`` picks a task,
    ``options={"split": "test"}`` draws from the fixed 100-task test split, otherwise from the
    train split, whose tasks never leave out the same details with the same values as a test
    task (disjoint by content).

    ## Episode End
    Terminates when every missing detail is covered, on ``[answer]`` (the user acknowledges the
    plan) or on ``[finish]``; truncates at ``max_turns`` (default 20).

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user`` for replies,
    ``env`` for errors and ``[finish]``), ``action_valid``, ``placeholder``, ``covered`` (the
    names of the covered details), ``missing_count`` and ``coverage``; replies to questions
    also have ``reply_kind``, ``newly_covered`` and ``judgment`` (``kind``: the reply plan;
    ``keys``: the detail revealed or repeated, or the details not held); the last step also
    ``outcome``, ``success`` and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/Intention-v0", simulator="rule", max_turns=20,
    placeholder="No information found.")``. ``simulator`` is a spec string (``"rule:terse"``)
    or a ``UserSimulator``; LLM-backed simulators see only each reply's plan (the detail it
    reveals), never the role description or the hidden details.

    ## Version History
    - v0: initial release; one detail at most per message in the coverage, and lists of more
      than two details answered as too vague, so that kitchen-sink messages earn nothing.
    """

    env_name = "Intention"
    default_max_turns = 20
    test_size = TEST_SIZE
    grammar = TaggedGrammar(
        ActionForm("action", "say something to the user (e.g. ask a question)", "message"),
        ActionForm("answer", "give the user a summary of your plan and end", "summary"),
        ActionForm("finish", "end the episode"),
    )

    def __init__(self, simulator: str | UserSimulator | None = "rule", **kwargs: Any):
        super().__init__(**kwargs)
        self.user = UserChannel(simulator)

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        self.task = task_for(task)
        self.covered: list[str] = []
        self.user.start(
            role=self._role(),
            hidden=self._hidden_profile(),
            seed=int(self.np_random.integers(2**63)),
            opening=self.task.opening,
        )
        return (
            "You are a helpful assistant. The user's request is vague: before acting, ask "
            "questions to find out the details they left out, one detail per question. When "
            "you know enough, give a summary of your plan with [answer], or end with [finish].\n"
            f"{self.instructions_footer()}\n\nUser: {self.task.opening}"
        )

    def _role(self) -> str:
        lines = [
            f'You asked an assistant for help: "{self.task.opening}"',
            "Your request leaves out these details, which you know. Reveal one only when the "
            "assistant asks about it, in your own words and implicitly; never list them:",
        ]
        for detail in self.task.missing:
            importance = IMPORTANCE_WORDS[detail.kind.importance]
            example = detail.phrasings[0]
            lines.append(f'- {detail.kind.label} ({importance}): {detail.value}, e.g. "{example}"')
        lines.append("On anything else you have no preference.")
        return "\n".join(lines)

    def _hidden_profile(self) -> dict[str, Any]:
        return {
            "request": self.task.template.name,
            "details": {detail.name: detail.value for detail in self.task.missing},
        }

    # ---- one action ----------------------------------------------------------------------------
    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "action":
            return self._ask(action.body)
        if action.tag == "answer":
            reply = self.user.say(action.body, ReplyPlan("done", detail=action.body))
            return Feedback(reply, source="user", terminated=True)
        return Feedback("Episode finished by the agent.", source="env", terminated=True)

    def _ask(self, question: str) -> Feedback:
        asked = details_asked_about(
            question, self.task.template, self.user.persona.strict_questions
        )
        answered = details_answered(asked)
        held = {detail.name: detail for detail in self.task.missing}
        judged = Elicitation.judge([kind.name for kind in answered], held, self.covered)
        phrasings = {name: detail.phrasings for name, detail in held.items()}
        plan = judged.plan(phrasings, reveal_at_most=1)
        new = judged.new[:1]  # one message elicits one detail
        importance = held[new[0]].kind.importance if new else None
        reward = question_reward(importance, len(asked))
        reply = self.user.say(question, plan)  # may raise; nothing has changed yet
        self.covered.extend(new)
        info = {
            "reply_kind": plan.kind,
            "newly_covered": list(new),
            "judgment": {"kind": plan.kind, "keys": _judged_keys(plan.kind, judged)},
        }
        done = len(self.covered) == len(held)
        return Feedback(reply, reward, "user", terminated=done, info=info)

    # ---- scoring and info ----------------------------------------------------------------------
    def _coverage(self) -> float:
        covered = set(self.covered)
        importances = [d.kind.importance for d in self.task.missing]
        return coverage(
            [d.kind.importance for d in self.task.missing if d.name in covered], importances
        )

    def _score(self) -> Score:
        outcome = self._coverage()
        return Score(outcome, len(self.covered) == len(self.task.missing))

    def _episode_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "covered": list(self.covered),
            "missing_count": len(self.task.missing),
            "coverage": self._coverage(),
        }
        if self.done:
            info["simulator"] = self.user.stats()
        return info

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        menu = [f"[action] {kind.question}" for kind in self.task.template.details]
        return [
            *menu,
            f"[action] {VAGUE_QUESTION}",
            "[answer] I will go ahead with a standard plan.",
            "[finish]",
        ]


def _judged_keys(kind: str, judged: Elicitation) -> list[str]:
    """The details a reply concerns: the one revealed or repeated, or those not held."""
    if kind == "reveal":
        return list(judged.new[:1])
    if kind == "repeat":
        return list(judged.again[:1])
    return sorted(judged.unheld) if kind == "no_preference" else []
