"""InfoPO/Function-v0: work out a hidden integer function of four arguments by probing it."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from infopo_envs.core import (
    ActionForm,
    Feedback,
    InfoPOEnv,
    InvalidAction,
    ParsedAction,
    Score,
    TaggedGrammar,
    TaskRef,
    echo,
)
from infopo_envs.function.tasks import (
    VARIABLES,
    evaluate,
    task_of,
)

ANSWER_TOLERANCE = 1e-6
MAX_ARGUMENT = 10**6
_INTEGER = re.compile(r"[+-]?\d+")
_SEPARATORS = re.compile(r"[\s,;()]+")


class FunctionEnv(InfoPOEnv):
    """Find the value of a hidden function at a test input, without evaluating it there.

    ## Description
    Modelled on FunctionGym, generated procedurally from the seed. A hidden function
    ``f(a, b, c, d)`` maps four integers to an integer. It is built from ``+``, ``-``, ``*``,
    ``//``, ``%``, ``**``, ``max``, ``min`` and ``abs`` over the arguments and small integer
    constants, and depends on all four (e.g. ``4 * ((9 * a ** 2 + a * d + 4 * d) % 11) -
    (a - 3 * b + 2 * c - 4 * d) ** 2 % 16 + b``); see ``infopo_envs.function.tasks``.
    The agent evaluates ``f`` at inputs of its choice, looks up the test input, and answers
    ``f`` at the test input. Evaluating ``f`` at the test input itself is refused, and test
    inputs are drawn where no extrapolation from nearby inputs, mirror image or separable
    difference gives the answer, so the agent has to infer the rule. Everything is rule-based:
    there is no simulated user.

    ## Action Space
    Text (``UnicodeText``, up to 16384 characters), one tagged action per turn:
    ``[action] a b c d`` (four integers, each within +-1000000, separated by spaces or commas)
    returns ``f(a, b, c, d)``; ``[search] test`` shows the test input; ``[answer] <number>``
    submits the value of ``f`` at the test input; ``[finish]`` ends the episode.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the instructions, one example evaluation
    (at an input other than the test input) and the grammar; ``step``
    returns only the feedback: ``f(1, 2, 3, 4) = 17``, the test input, whether the answer is
    right, or an error message.

    ## Rewards
    1.0 for a correct answer (within 1e-6 of ``f`` at the test input); 0 for every other
    action, a wrong answer included. The answer is final. Invalid actions get 0
    (``invalid_action_reward``): a malformed action, a ``[search]`` for anything but
    ``test``, or evaluating the test input.
    ``info["outcome"]`` is 1.0 when the right answer was given and 0.0 otherwise;
    ``info["success"]`` is True exactly when the outcome is 1.0.

    ## Starting State
    A function and a test input (each argument in -10..10) drawn from the task's seed; train
    and test rules come from disjoint shares of rule space (by a hash of the rule's text):
    ``options={"task_id": "test-0003"}`` picks a task, ``options={"split": "test"}`` draws from
    the fixed 100-task test split, otherwise from the train split (disjoint from test).

    ## Episode End
    Terminates at ``[answer]`` (right or wrong) or ``[finish]``. Truncates at ``max_turns``
    (default 20).

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (always ``env``),
    ``action_valid``, ``placeholder``, ``evaluations`` (how many inputs were evaluated),
    ``test_revealed`` and ``answers`` (how many answers were submitted); the last step also
    ``outcome`` and ``success``.

    ## Arguments
    ``gym.make("InfoPO/Function-v0", max_turns=20, placeholder="No information found.")``.

    ## Version History
    - v0: initial release. Rules with powers, floor division and remainders over all four
      arguments; test inputs not predictable from their neighbourhood; the answer is final.
    """

    env_name = "Function"
    default_max_turns = 20
    test_size = 100
    grammar = TaggedGrammar(
        ActionForm("action", "evaluate the hidden function at four integers", "a b c d"),
        ActionForm("search", "show the test input (write: [search] test)", "query"),
        ActionForm("answer", "the value of the function at the test input", "number"),
        ActionForm("finish", "end the episode"),
    )

    # ---- episode set-up --------------------------------------------------------------------
    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        self.function, self.test_input, example = task_of(task.split, task.index)
        self.evaluations = 0
        self.answers = 0
        self.test_revealed = False
        self.solved = False
        return (
            "A hidden function f(a, b, c, d) maps four integers to an integer. It is built from "
            "+, -, *, // (floor division), % (remainder), ** (powers 2 and 3), max, min and abs "
            "over its arguments and small integer constants, and it depends on all four.\n"
            "Evaluate it at inputs of your choice, look up the test input with [search] test, "
            "and answer the value of f at the test input. You may not evaluate f at the test "
            f"input itself.\nFor example, {self._show_call(example)}.\n{self.instructions_footer()}"
        )

    @property
    def expected_answer(self) -> int:
        """The value of the hidden function at the test input."""
        return self._f(self.test_input)

    def _f(self, args: tuple[int, ...]) -> int:
        return evaluate(self.function, dict(zip(VARIABLES, args, strict=True)))

    def _show_call(self, args: tuple[int, ...]) -> str:
        return f"f({', '.join(map(str, args))}) = {self._f(args)}"

    # ---- one action ----------------------------------------------------------------------------
    def _check(self, action: ParsedAction) -> ParsedAction | InvalidAction:
        if action.tag == "action":
            args = parse_arguments(action.body)
            if isinstance(args, str):
                return InvalidAction(args)
            if args == self.test_input:
                return InvalidAction(
                    "That is the test input: f may not be evaluated there. Work out its value "
                    "from other inputs and submit it with [answer]."
                )
            return replace(action, value=args)
        if action.tag == "search" and action.body.strip().lower() != "test":
            return InvalidAction("Only the test input can be looked up: write [search] test.")
        if action.tag == "answer":
            number = parse_number(action.body)
            if number is None:
                return InvalidAction(f"[answer] takes one finite number, got {echo(action.body)}.")
            return replace(action, value=number)
        return action

    def _act(self, action: ParsedAction) -> Feedback:
        if action.tag == "action":
            self.evaluations += 1
            return Feedback(self._show_call(action.value), source="env")
        if action.tag == "search":
            self.test_revealed = True
            pairs = zip(VARIABLES, self.test_input, strict=True)
            shown = ", ".join(f"{name} = {value}" for name, value in pairs)
            return Feedback(f"Test input: {shown}.", source="env")
        if action.tag == "answer":
            self.answers += 1
            if abs(action.value - self.expected_answer) <= ANSWER_TOLERANCE:
                self.solved = True
                return Feedback("Correct!", 1.0, source="env", terminated=True)
            return Feedback("Incorrect.", source="env", terminated=True)
        return Feedback("Episode finished by the agent.", source="env", terminated=True)

    # ---- scoring and info ----------------------------------------------------------------------
    def _score(self) -> Score:
        return Score(1.0 if self.solved else 0.0, self.solved)

    def _episode_info(self) -> dict[str, Any]:
        return {
            "evaluations": self.evaluations,
            "test_revealed": self.test_revealed,
            "answers": self.answers,
        }

    def candidate_actions(self) -> list[str]:
        """A finite menu of plausible actions (for random baselines), not every legal action."""
        probes = [(0, 0, 0, 0), (1, 2, 3, 4)]
        probes += [tuple(int(i == j) for j in range(4)) for i in range(4)]
        menu = [f"[action] {' '.join(map(str, p))}" for p in probes if p != self.test_input]
        return [*menu, "[search] test", "[answer] 0", "[finish]"]


def parse_arguments(body: str) -> tuple[int, int, int, int] | str:
    """Four integers from ``body``, or the reason they cannot be read."""
    parts = [part for part in _SEPARATORS.split(body) if part]
    if len(parts) != 4 or not all(_INTEGER.fullmatch(part) for part in parts):
        return f"[action] takes exactly four integers, e.g. [action] 1 -2 3 0; got {echo(body)}."
    # The length test comes first: int() of a very long digit string is slow or refused.
    if any(len(part.lstrip("+-")) > 7 or abs(int(part)) > MAX_ARGUMENT for part in parts):
        return f"Each argument must lie between -{MAX_ARGUMENT} and {MAX_ARGUMENT}."
    a, b, c, d = (int(part) for part in parts)
    return a, b, c, d


def parse_number(body: str) -> float | None:
    """A finite number from ``body`` (``12``, ``-3.5``, ``1e3``), or None."""
    text = body.strip()
    if len(text) > 64:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
