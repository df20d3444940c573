"""``InfoPOEnv``: what every InfoPO environment does, so that each env holds only what differs.

The contract (docs/architecture.md has the long form):

- observations and actions are text (``UnicodeText`` spaces);
- ``reset`` returns the opening (instructions, grammar, first message) and picks the task from
  ``options`` (``task_id`` or ``split``) or from the seeded generator;
- ``step`` returns exactly the feedback to the action and nothing else, because the agent masks
  exactly that text to measure information gain;
- ``info`` always has ``turn``, ``task_id``, ``feedback_source``, ``action_valid`` and
  ``placeholder``; at the episode's end also ``outcome`` (float) and ``success`` (bool);
- a bad action never raises: it gets a message saying what is wrong plus the grammar,
  ``action_valid=False`` and the env's ``invalid_action_reward``; the episode goes on.

Subclasses implement ``_start`` (set up the task, return the opening), ``_act`` (one valid
action -> ``Feedback``) and ``_score`` (the outcome so far).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

import gymnasium as gym
from gymnasium.envs.registration import EnvSpec

from infopo_envs.core.actions import ActionGrammar, InvalidAction, ParsedAction
from infopo_envs.core.seeding import SPLITS, TEST, TRAIN, TaskRef
from infopo_envs.core.text_space import UnicodeText, fit_to_space
from infopo_envs.core.transcript import FEEDBACK_SOURCES, Transcript, Turn

DEFAULT_PLACEHOLDER = "No information found."
#: ``"shaped"``: the env's own step rewards; ``"outcome"``: ``info["outcome"]`` on the last step
#: and 0 before, so summed-reward loops optimize what ``InfoPOTrainer`` optimizes.
REWARD_MODES = ("shaped", "outcome")
TRAIN_INDEX_RANGE = 2**31


@dataclass
class Feedback:
    """What one valid action produced: the text back, its reward, and whether the episode ended."""

    text: str
    reward: float = 0.0
    source: str = "user"
    terminated: bool = False
    info: dict[str, Any] = field(default_factory=dict)
    valid: bool = True


@dataclass(frozen=True)
class Score:
    """The task's own score: ``outcome`` in the env's documented range, ``success`` a bool."""

    outcome: float
    success: bool


class InfoPOEnv(gym.Env[str, str]):
    """Base class for text-in, text-out multi-turn envs. Not registered itself."""

    metadata: ClassVar[dict[str, Any]] = {"render_modes": ["ansi"], "render_fps": 1}

    #: Name used in task seeds; changing it changes every task of the env.
    env_name: ClassVar[str] = ""
    default_max_turns: ClassVar[int] = 20
    test_size: ClassVar[int] = 100
    max_observation_length: ClassVar[int] = 32768
    max_action_length: ClassVar[int] = 16384
    _spec: EnvSpec | None = None

    def __init__(
        self,
        *,
        max_turns: int | None = None,
        placeholder: str = DEFAULT_PLACEHOLDER,
        invalid_action_reward: float = 0.0,
        max_invalid_in_a_row: int | None = None,
        render_mode: str | None = None,
        reward_mode: str = "shaped",
    ):
        if reward_mode not in REWARD_MODES:
            raise ValueError(f"reward_mode must be one of {REWARD_MODES}, got {reward_mode!r}")
        self.reward_mode = reward_mode
        if render_mode not in (None, *self.metadata["render_modes"]):
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']} or None")
        self.max_turns = int(max_turns or self.default_max_turns)
        if self.max_turns < 1:
            raise ValueError(f"max_turns must be at least 1, got {max_turns}")
        self.placeholder = placeholder
        self.invalid_action_reward = float(invalid_action_reward)
        self.max_invalid_in_a_row = max_invalid_in_a_row
        self.render_mode = render_mode
        self.observation_space = UnicodeText(self.max_observation_length)
        self.action_space = UnicodeText(self.max_action_length)
        self.transcript = Transcript()
        self.task_ref: TaskRef | None = None
        self._turn = 0
        self._invalid_in_a_row = 0
        self._done = True

    # ---- what subclasses provide -------------------------------------------------------------
    grammar: ActionGrammar

    def _start(self, task: TaskRef, options: dict[str, Any]) -> str:
        """Set up ``task`` (drawn from seeds naming the env and the task); return the opening."""
        raise NotImplementedError

    def _act(self, action: ParsedAction) -> Feedback:
        """Apply one well-formed action. ``self.turn`` still counts the turns before it.

        Decide everything first and change state last: if a simulator raises, the env must be
        as it was before the step.
        """
        raise NotImplementedError

    def _score(self) -> Score:
        """The outcome of the episode as it stands."""
        raise NotImplementedError

    def _episode_info(self) -> dict[str, Any]:
        """Extra JSON-serializable keys for every info dict (e.g. remaining candidates)."""
        return {}

    def _reject(self, action: ParsedAction) -> str | None:
        """A reason to refuse a parsed action in the current state (None to accept)."""
        return None

    def _check(self, action: ParsedAction) -> ParsedAction | InvalidAction:
        """The action to act on, or why it is refused. Override this instead of ``_reject``
        when checking the body means parsing it: return the action with its parsed ``value``."""
        reason = self._reject(action)
        return action if reason is None else InvalidAction(reason)

    # ---- the Gymnasium API ---------------------------------------------------------------------
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        super().reset(seed=seed)
        options = dict(options or {})
        self.task_ref = self._choose_task(options)
        self.transcript = Transcript()
        self._turn = 0
        self._invalid_in_a_row = 0
        self._done = False
        opening = fit_to_space(self._start(self.task_ref, options), self.observation_space)
        self.transcript.opening = opening
        return opening, self._info(source="env", valid=True)

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        if self._done:
            return self._after_end(action)
        parsed = self._too_long(action) or self.grammar.parse(action)
        if isinstance(parsed, ParsedAction):
            parsed = self._check(parsed)
        # _act may raise (a failing simulator); nothing below has changed state yet.
        feedback = self._invalid(parsed) if isinstance(parsed, InvalidAction) else self._act(parsed)
        self._turn += 1
        if feedback.source not in FEEDBACK_SOURCES:
            raise ValueError(f"feedback source {feedback.source!r} not in {FEEDBACK_SOURCES}")
        self._invalid_in_a_row = 0 if feedback.valid else self._invalid_in_a_row + 1
        terminated = bool(feedback.terminated) or self._too_many_invalid()
        truncated = not terminated and self._turn >= self.max_turns
        self._done = terminated or truncated
        text = fit_to_space(feedback.text, self.observation_space)
        info = self._info(source=feedback.source, valid=feedback.valid, extra=feedback.info)
        reward = self._reward(feedback, info)
        self.transcript.turns.append(
            Turn(
                action=action if isinstance(action, str) else repr(action),
                feedback=text,
                reward=reward,
                feedback_source=feedback.source,
                action_valid=feedback.valid,
                info=info,
            )
        )
        return text, reward, terminated, truncated, info

    @property
    def spec(self) -> EnvSpec | None:
        """The env's spec; its ``max_episode_steps`` is this env's ``max_turns`` (the env
        truncates itself, so the registry wraps it in no TimeLimit)."""
        return self._spec

    @spec.setter
    def spec(self, value: EnvSpec | None) -> None:
        if value is not None and value.max_episode_steps is None:
            value = dataclasses.replace(value, max_episode_steps=self.max_turns)
        self._spec = value

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return self.transcript.render()
        return None

    # ---- shared machinery ----------------------------------------------------------------------
    @property
    def turn(self) -> int:
        return self._turn

    @property
    def done(self) -> bool:
        return self._done

    def instructions_footer(self) -> str:
        """The grammar and turn budget, appended to every opening."""
        return f"{self.grammar.describe()}\nYou have at most {self.max_turns} turns."

    def _choose_task(self, options: dict[str, Any]) -> TaskRef:
        if options.get("task_id") is not None:
            ref = TaskRef.parse(options["task_id"])
            if ref.split == TEST and ref.index >= self.test_size:
                raise ValueError(f"{ref.task_id}: the test split has {self.test_size} tasks")
            return ref
        split = options.get("split", TRAIN)
        if split not in SPLITS:
            raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
        high = self.test_size if split == TEST else TRAIN_INDEX_RANGE
        return TaskRef(split, int(self.np_random.integers(high)))

    def _reward(self, feedback: Feedback, info: dict[str, Any]) -> float:
        """The step's reward under ``reward_mode``."""
        if self.reward_mode == "outcome":
            return float(info["outcome"]) if self._done else 0.0
        return float(feedback.reward)

    def _too_long(self, action: object) -> InvalidAction | None:
        """An action longer than the action space allows is refused, never cut and read."""
        limit = self.action_space.max_length
        if isinstance(action, str | bytes) and len(action) > limit:
            return InvalidAction(
                f"The action is {len(action)} characters long; the limit is {limit}."
            )
        return None

    def _invalid(self, invalid: InvalidAction) -> Feedback:
        text = f"Invalid action: {invalid.reason}\n{self.grammar.describe()}"
        return Feedback(text, reward=self.invalid_action_reward, source="env", valid=False)

    def _too_many_invalid(self) -> bool:
        limit = self.max_invalid_in_a_row
        return limit is not None and self._invalid_in_a_row >= limit

    def _after_end(self, action: object) -> tuple[str, float, bool, bool, dict[str, Any]]:
        text = "The episode is over; call reset() to start a new one."
        info = self._info(source="env", valid=False)
        return text, 0.0, True, False, info

    def _info(self, *, source: str, valid: bool, extra: dict[str, Any] | None = None) -> dict:
        info: dict[str, Any] = {
            "turn": self._turn,
            "task_id": self.task_ref.task_id if self.task_ref else None,
            "feedback_source": source,
            "action_valid": bool(valid),
            "placeholder": self.placeholder,
        }
        info.update(self._episode_info())
        info.update(extra or {})
        if self._done:
            score = self._score()
            info["outcome"] = float(score.outcome)
            info["success"] = bool(score.success)
        return info
