"""Score saved episodes with a policy: per-turn information gain and InfoPO's fused advantages.

An ``EpisodeRecord`` written by a local model carries the rollout's own ``Trajectory`` (token
ids, spans, messages with their roles): when the scoring policy is the one that played, that
trajectory is scored as it is. Another policy (another tokenizer) must lay the conversation out
again: ``rollout.replay_conversation`` does it from the recorded messages and their roles, with
the rollout's own steps. Records without a trajectory (scripted or remote policies, and files
older than ``infopo.episode/3``) are laid out from their turns; the rollout of those versions
gave every feedback the role ``user``, and their turns carry the sampled ids
(``action_token_ids``). Then ``trajectory_information_gain`` gives IG_t per turn (credited to
a_t) and ``compute_advantages`` fuses it with the group-normalized outcome, groups being the
records' ``group`` (the G episodes of one task).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from infopo_agent.cli.records import EpisodeRecord, ScoredEpisode, ScoredTurn

#: Trajectories scored per information-gain call (one progress step each).
SCORE_BATCH = 4


def episode_trajectory(chat, record: EpisodeRecord, *, same_policy: bool):
    """The ``Trajectory`` of ``record`` as the scoring policy sees it (see the module docstring)."""
    from infopo_agent.rollout import replay_conversation
    from infopo_agent.trajectory import Trajectory

    if same_policy and record.trajectory is not None:
        return Trajectory.from_dict(record.trajectory.to_dict())
    preamble = [message.model_dump() for message in record.preamble]
    if record.trajectory is not None:
        context = (record.system is not None) + len(preamble)
        messages = record.trajectory.messages[context:]
        ids = None
    else:
        messages = [{"role": "user", "content": record.opening}]
        for turn in record.turns:
            messages.append({"role": "assistant", "content": turn.action})
            messages.append({"role": "user", "content": turn.feedback})
        ids = [turn.action_token_ids for turn in record.turns] if same_policy else None
    convo, action_spans, feedback_spans = replay_conversation(
        chat, record.system, preamble, messages, ids
    )
    return Trajectory(
        token_ids=list(convo.token_ids),
        action_spans=action_spans,
        feedback_spans=feedback_spans,
        rewards=[turn.reward for turn in record.turns],
        outcome=record.outcome,
        success=record.success,
        placeholder=record.placeholder,
        placeholder_ids=chat.encode(record.placeholder),  # this tokenizer's ids
        task_id=record.task_id,
        group_id=record.group,
        terminated=record.terminated,
        truncated=record.truncated,
        messages=list(convo.messages),
    )


def score_episodes(
    policy,
    policy_name: str,
    records: list[EpisodeRecord],
    *,
    beta: float,
    tau: float,
    advance: Callable[[int], None] = lambda n: None,
):
    """``ScoredEpisode`` per record, and the ``AdvantageStats`` of the whole set."""
    from infopo_agent.advantages import align_info_gains, compute_advantages
    from infopo_agent.info_gain import trajectory_information_gain

    trajectories = [
        episode_trajectory(policy.chat, r, same_policy=r.policy == policy_name) for r in records
    ]
    gains: list[list[float | None]] = []
    for start in range(0, len(trajectories), SCORE_BATCH):
        batch = trajectories[start : start + SCORE_BATCH]
        gains += trajectory_information_gain(policy, batch).as_lists()
        advance(len(batch))
    per_action = [align_info_gains(g, len(r.turns)) for g, r in zip(gains, records, strict=True)]
    result = compute_advantages(
        [r.group for r in records], [r.outcome for r in records], per_action, beta=beta, tau=tau
    )
    scored = []
    for i, (record, trajectory) in enumerate(zip(records, trajectories, strict=True)):
        turns = [
            ScoredTurn(
                turn=t,
                action=turn.action,
                feedback=turn.feedback,
                reward=turn.reward,
                action_valid=turn.action_valid,
                info_gain=per_action[i][t],
                info_advantage=float(result.information[i][t]),
                advantage=float(result.turns[i][t]),
            )
            for t, turn in enumerate(record.turns)
        ]
        scored.append(
            ScoredEpisode(
                episode=record.episode,
                group=record.group,
                task_id=record.task_id,
                outcome=record.outcome,
                success=record.success,
                total_info_gain=math.fsum(g for g in per_action[i] if g is not None),
                outcome_advantage=float(result.outcome[i]),
                gate=float(result.gate[i]),
                tokens=len(trajectory.token_ids),
                turns=turns,
            )
        )
    return scored, result.stats
