"""InfoPO envs in verl 0.9.1: an agent loop and an advantage estimator (the ``verl`` extra).

verl pins ``transformers<5.11``: install it in its own environment (docs/integrations.md).

**Agent loop.** ``InfoPOAgentLoop`` is an ``AgentLoopBase`` registered as ``"infopo_agent"``
(the ``agent_name`` column ``infopo export`` writes). For each sample it makes the env named in
``extra_info.interaction_kwargs`` (``env_id``, ``task_id``, ``seed``), opens the conversation
with ``infopo_agent.rollout.start_episode`` and, turn by turn, asks verl's LLM server for the
next action and steps the env through the same ``_Episode`` the rollouts use (so the tokens and
spans are those ``rollout_groups`` would build). It returns an ``AgentLoopOutput`` with
``response_mask`` 1 on the policy's tokens, the episode's outcome as ``reward_score``
(``reward_mode="outcome"``), and in ``extra_fields``: ``info_gain`` (one IG per action, None
where undefined), ``task_id`` and ``simulator_error``. IG needs teacher-forced passes that verl's
rollout server does not offer, so the loop scores it with ``InfoPOAgentLoop.scorer`` (any object
with ``HFPolicy``'s scoring methods, set with ``use_scorer``); without one, ``info_gain`` is
empty and the estimator below reduces to InfoPO's GRPO.

**Estimator.** ``register_adv_est("infopo")`` registers ``infopo_advantage``: fused
``A_out + beta * gate * A_info`` on each action's tokens (``verl_style``). The boundary: verl
0.9.1's ``ray_trainer.compute_advantage`` calls an estimator with ``token_level_rewards``,
``response_mask``, ``index`` and ``config`` only (the batch's ``non_tensor_batch``, where
``extra_fields`` land, is passed to the estimator named ``"gdpo"`` alone). The per-turn IG
therefore reaches ``infopo_advantage`` when its caller passes ``non_tensor_batch`` (a custom
trainer step that calls it with the batch's fields); through the stock ``compute_advantage``
it receives none and gives InfoPO's GRPO. ``beta`` and ``tau`` are read from ``config``
(``infopo_beta``, ``infopo_tau``) when present.
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import numpy as np
import torch
from verl.experimental.agent_loop.agent_loop import AgentLoopBase, AgentLoopOutput, register
from verl.trainer.ppo.core_algos import register_adv_est

from infopo_agent.adapters.verl_style import compute_infopo_outcome_advantage
from infopo_agent.advantages import DEFAULT_TAU
from infopo_agent.chat_format import ChatFormat
from infopo_agent.rollout import start_episode
from infopo_envs.core.seeding import stable_seed
from simulators import SimulatorError

AGENT_NAME = "infopo_agent"
ESTIMATOR_NAME = "infopo"


@register(AGENT_NAME)
class InfoPOAgentLoop(AgentLoopBase):
    """Plays one InfoPO episode per sample through verl's LLM server (see the module docstring)."""

    scorer: Any = None

    @classmethod
    def use_scorer(cls, scorer: Any) -> None:
        """Score per-turn information gain with ``scorer`` (an ``HFPolicy``) in every loop."""
        cls.scorer = scorer

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.response_length = self.rollout_config.response_length
        self.chat = ChatFormat(self.tokenizer)

    async def run(self, sampling_params: dict[str, Any], **kwargs: Any) -> AgentLoopOutput:
        import gymnasium as gym

        import infopo_envs  # noqa: F401  (registers the ids)

        task = _task_of(kwargs)
        env = gym.make(task["env_id"], reward_mode="outcome")
        try:
            episode = start_episode(
                self.chat, env, options={"task_id": task["task_id"]}, seed=task["seed"],
                group_id=str(kwargs.get("uid", "")),
            )  # fmt: skip
            request_id = uuid4().hex
            while not episode.done and self._room_left(episode):
                output = await self.server_manager.generate(
                    request_id=request_id,
                    prompt_ids=episode.convo.generation_prompt(),
                    sampling_params=sampling_params,
                )
                ids = list(output.token_ids)
                text = self._text(ids)
                episode.add_action(text, ids)
                try:
                    episode.receive(env.step(text))
                except SimulatorError as error:  # recorded; the trainer may drop the sample
                    episode.receive(error)
            trajectory = episode.trajectory()
        finally:
            env.close()
        return self._output(trajectory)

    def _room_left(self, episode) -> bool:
        """Whether the response (first action to now) is still shorter than verl allows."""
        tokens = len(episode.convo.token_ids)
        first = episode.action_spans[0][0] if episode.action_spans else tokens
        return tokens - first < self.response_length

    def _text(self, ids: list[int]) -> str:
        eos = self.tokenizer.eos_token_id
        return self.tokenizer.decode(ids[:-1] if ids and ids[-1] == eos else ids)

    def _output(self, trajectory) -> AgentLoopOutput:
        """verl's fields; a response over ``response_length`` keeps only the whole actions."""
        start = trajectory.action_spans[0][0]
        limit = start + self.response_length
        kept = [span for span in trajectory.action_spans if span[1] <= limit]
        end = min(trajectory.action_spans[-1][1], limit)
        mask = [0] * (end - start)
        for a, b in kept:
            mask[a - start : b - start] = [1] * (b - a)
        gains: list[float | None] = []
        if self.scorer is not None and trajectory.simulator_error is None:
            from infopo_agent.info_gain import trajectory_information_gain

            gains = trajectory_information_gain(self.scorer, [trajectory]).as_lists()[0]
        return AgentLoopOutput(
            prompt_ids=list(trajectory.token_ids[:start]),
            response_ids=list(trajectory.token_ids[start:end]),
            response_mask=mask,
            reward_score=float(trajectory.outcome),
            num_turns=1 + 2 * trajectory.num_turns,
            metrics={},
            extra_fields={
                "info_gain": gains[: len(kept)],
                "task_id": trajectory.task_id,
                "simulator_error": trajectory.simulator_error,
            },
        )


def _task_of(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``env_id``, ``task_id`` and ``seed`` from the sample's ``interaction_kwargs``."""
    extra = kwargs.get("extra_info") or {}
    task = dict(extra.get("interaction_kwargs") or kwargs.get("interaction_kwargs") or {})
    missing = {"env_id", "task_id"} - set(task)
    if missing:
        raise KeyError(f"the sample's extra_info.interaction_kwargs lacks {sorted(missing)}")
    task.setdefault("seed", stable_seed("verl", task["env_id"], task["task_id"]))
    return task


@register_adv_est(ESTIMATOR_NAME)
def infopo_advantage(
    token_level_rewards: torch.Tensor,
    response_mask: torch.Tensor,
    index: np.ndarray,
    config: Any = None,
    non_tensor_batch: dict[str, Any] | None = None,
    **kwargs: Any,
) -> tuple[torch.Tensor, torch.Tensor]:
    """InfoPO's fused advantages for verl; IG from ``non_tensor_batch["info_gain"]`` if given."""
    gains = None
    if non_tensor_batch is not None and "info_gain" in non_tensor_batch:
        gains = [list(row) for row in non_tensor_batch["info_gain"]]
    return compute_infopo_outcome_advantage(
        token_level_rewards,
        response_mask,
        index,
        turn_info_gain=gains,
        beta=float(_option(config, "infopo_beta", 1.0)),
        tau=float(_option(config, "infopo_tau", DEFAULT_TAU)),
    )


def _option(config: Any, name: str, default: float) -> float:
    if config is None:
        return default
    getter = getattr(config, "get", None)
    value = getter(name, None) if callable(getter) else getattr(config, name, None)
    return default if value is None else value
