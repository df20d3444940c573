"""InfoPO/CodingCollab-v0: write a Python function for a user whose request is vague."""

from __future__ import annotations

import re
from typing import Any

from infopo_envs.coding.judge import PURPOSE, asks_purpose, fact_asked_about
from infopo_envs.coding.sandbox import Sandbox, grade
from infopo_envs.coding.tasks import ENV_NAME, CodingTask, expected_for, task_for
from infopo_envs.core import (
    ActionForm,
    Feedback,
    InfoPOEnv,
    ParsedAction,
    Score,
    TaggedGrammar,
    TaskRef,
    UserChannel,
)
from simulators import ReplyPlan, UserSimulator

_FENCED = re.compile(r"```[ \t]*(?:python|py|python3)?[ \t]*\n(.*?)```", re.DOTALL | re.IGNORECASE)


class CodingCollabEnv(InfoPOEnv):
    """Write a Python function with a user who knows what it must do but asks vaguely.

    ## Description
    Modelled on ColBench's backend programming tasks, generated procedurally from the seed. A
    task comes from one of 45 families (pricing rules, text normalization, scheduling, unit
    conversion, ranking, dates, data cleaning, grids, number games); the seed draws its hidden
    parameters (thresholds, rounding, tie-breaking, edge cases, return format). The agent sees
    the function's signature and the user's vague request. The user holds the hidden reference
    implementation and a list of facts about it; asked about one (the env's lexicon, read by the
    shared judging core, decides which from the question's words), the user states it in plain
    words; asked what the function is for, the user summarizes the request; otherwise the user
    says "I don't know". At most one new fact per question. ``[answer]`` submits code, which runs
    in an isolated sandbox (``docs/sandbox.md``) against 12 hidden tests, chosen as the inputs
    on which the family's other variants disagree with this one (``coding/probing.py``), so
    guessing the parameters does not pay.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one tagged action per turn:
    ``[action] <question to the user>`` or ``[answer] <python code>`` (markdown code fences are
    tolerated; all fenced blocks are joined). The code must define the function named in the
    signature; the interpreter's whole standard library is importable (``typing``, ``json``,
    ``dataclasses``, ``collections``, ``datetime``, ...), nothing else.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the instructions, the signature, the
    grammar and the user's request; ``step`` returns only the user's reply, the test summary
    after ``[answer]``, or an error message.

    ## Rewards
    0 for questions; at ``[answer]`` the fraction of hidden tests passed ("Pass"). Invalid
    actions get ``invalid_action_reward`` (default 0). ``info["outcome"]`` is the Pass fraction
    (0 without a submission); ``info["success"]`` is True when every test passed ("Success").

    ## Starting State
    A task drawn from the seed: ``options={"task_id": "test-0003"}`` picks one,
    ``options={"split": "test"}`` draws from the fixed 300-task test split (300 distinct
    variants reserved for test), otherwise from the train split, which never uses a reserved
    variant (disjoint by content: reference and hidden tests; ``docs/envs/coding.md``).

    ## Episode End
    Terminates at ``[answer]``; truncates at ``max_turns`` (default 10).

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user`` for replies,
    ``env`` for test results and errors), ``action_valid``, ``placeholder``, ``family`` and
    ``revealed`` (keys of the facts the user has stated); replies add ``reply_kind`` and
    ``judgment`` (``{"kind": "reveal" | "repeat" | "answer" | "unknown", "keys": [...]}``: the
    fact the question was judged about, or ``purpose`` for a question about what the function
    is for, answered with a summary of the request and the topics the user can explain). After
    ``[answer]``: ``tests`` (one status per test: ``passed``, ``failed``, ``error`` or
    ``timeout``, never the expected values), ``passed`` and ``total``; the reply names up to
    three distinct errors (``ZeroDivisionError: division by zero``; an import that failed),
    with the test's inputs cut out of their messages; the last step also
    ``outcome``, ``success`` and ``simulator`` statistics. A failure of the sandbox itself (not of
    the submission) raises ``SandboxError`` and leaves the env as it was.

    ## Arguments
    ``gym.make("InfoPO/CodingCollab-v0", simulator="rule", max_turns=10, sandbox=None,
    placeholder="No information found.")``. ``simulator`` is a spec string (``"rule:terse"``)
    or a ``UserSimulator``; ``sandbox`` a ``coding.sandbox.Sandbox`` (its limits and isolation
    level), default ``Sandbox()``.

    ## Version History
    - v0: initial release. Test variants reserved by reference, 300 test tasks, hidden tests
      that tell a variant from its siblings, framed openings, the standard library in the
      sandbox, errors named in the feedback, questions read by the judging core.
    """

    env_name = ENV_NAME
    default_max_turns = 10
    test_size = 300
    grammar = TaggedGrammar(
        ActionForm("action", "say something to the user (e.g. ask a question)", "message"),
        ActionForm("answer", "submit your Python code; this ends the episode", "python code"),
    )

    def __init__(
        self,
        simulator: str | UserSimulator | None = "rule",
        *,
        sandbox: Sandbox | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.user = UserChannel(simulator)
        self.sandbox = sandbox or Sandbox()

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        self.task: CodingTask = task_for(task.split, task.index)
        self.revealed: list[str] = []
        self.verdict = None
        self.user.start(
            role=self._role(),
            hidden=self._hidden(),
            seed=int(self.np_random.integers(2**63)),
            opening=self.task.request,
        )
        return (
            "You are a programming assistant. A user needs a Python function. Their request is "
            "vague, but they know exactly what the function must do: ask them, then submit "
            "your code. It is run on hidden tests in a sandbox (no files, no network; the "
            "standard library is available); your score is the fraction of tests passed.\n"
            f"Signature: {self.task.signature}\n"
            f"{self.instructions_footer()}\n\nUser: {self.task.request}"
        )

    def _role(self) -> str:
        facts = "\n".join(f"- {fact.phrasings[0]}" for fact in self.task.facts)
        return (
            "You are a user who asked a programmer for a Python function with the signature "
            f"{self.task.signature}. You know exactly what it must do: it must behave like this "
            f"reference implementation, which you must never paste or quote:\n"
            f"{self.task.reference}\nThe facts you can explain when asked:\n{facts}\n"
            "Answer the question you are asked in at most two sentences, in plain words, "
            "without code. If the question is about nothing above, say you don't know."
        )

    def _hidden(self) -> dict[str, Any]:
        return {
            "signature": self.task.signature,
            "reference": self.task.reference,
            "facts": {fact.key: fact.phrasings[0] for fact in self.task.facts},
        }

    # ---- one action ----------------------------------------------------------------------------
    def _reject(self, action: ParsedAction) -> str | None:
        if action.tag == "answer" and not extract_code(action.body).strip():
            return "[answer] needs Python code after the tag (markdown fences are fine)."
        return None

    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "answer":
            return self._submit(extract_code(action.body))
        return self._ask(action.body)

    def _ask(self, question: str) -> Feedback:
        fact = fact_asked_about(question, self.task.facts)
        keys = [] if fact is None else [fact.key]
        if fact is None and asks_purpose(question):
            plan, keys = ReplyPlan("answer", ((self._purpose(),),)), [PURPOSE]
            new = []
        elif fact is None:
            plan, new = ReplyPlan("unknown"), []
        elif fact.key in self.revealed:
            plan, new = ReplyPlan("repeat", (fact.phrasings,)), []
        else:
            plan, new = ReplyPlan("reveal", (fact.phrasings,)), [fact.key]
        reply = self.user.say(question, plan)  # may raise; nothing has changed yet
        self.revealed += new
        judgment = {"kind": plan.kind, "keys": sorted(keys)}
        return Feedback(reply, 0.0, "user", info={"reply_kind": plan.kind, "judgment": judgment})

    def _purpose(self) -> str:
        """What the function is for, and which details the user can explain (never a test)."""
        topics = ", ".join(fact.key.replace("_", " ") for fact in self.task.facts)
        return (
            f"{self.task.summary or self.task.request} It has to match the signature "
            f"{self.task.signature}. Ask me about the details that matter: {topics}."
        )

    def _submit(self, code: str) -> Feedback:
        ref = self.task_ref
        report = self.sandbox.run(code, self.task.function, list(self.task.calls))
        verdict = grade(report, list(expected_for(ref.split, ref.index)))
        self.verdict = verdict
        counts = ", ".join(
            f"{verdict.statuses.count(s)} {s}"
            for s in ("failed", "error", "timeout")
            if s in verdict.statuses
        )
        text = f"Submitted. {verdict.passed} of {len(verdict.statuses)} hidden tests passed."
        if counts:
            text += f" ({counts})"
        errors = list(dict.fromkeys(e for e in report.errors if e))
        if errors:
            text += " Errors: " + "; ".join(errors[:3]) + "."
        info = {
            "tests": list(verdict.statuses),
            "passed": verdict.passed,
            "total": len(verdict.statuses),
        }
        return Feedback(text, verdict.fraction, "env", terminated=True, info=info)

    # ---- scoring and info ----------------------------------------------------------------------
    def _score(self) -> Score:
        if self.verdict is None:
            return Score(0.0, False)
        return Score(self.verdict.fraction, self.verdict.success)

    def _episode_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"family": self.task.family, "revealed": list(self.revealed)}
        if self.done:
            info["simulator"] = self.user.stats()
        return info

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        menu = ["[action] Can you tell me more about what you need?"]
        menu += [f"[action] {fact.question}" for fact in self.task.facts]
        menu.append(f"[answer] def {self.task.function}(*args):\n    return None\n")
        return menu


def extract_code(body: str) -> str:
    """The code of an ``[answer]``: every fenced block joined, or the whole body without fences."""
    blocks = _FENCED.findall(body)
    if blocks:
        return "\n\n".join(blocks)
    return body
