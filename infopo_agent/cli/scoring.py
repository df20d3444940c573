"""Score saved episodes with a policy: per-turn information gain and InfoPO's fused advantages.

Each ``EpisodeRecord`` is rebuilt as a ``Trajectory`` through the scoring policy's chat template:
the record's ``system`` and ``preamble`` (the context the run put before the opening), the opening
and every feedback as user messages, every action as an assistant message. When the
scoring policy is the one that played the episode, the action's sampled token ids
(``action_token_ids``) are used as they are, so the rebuilt sequence is exactly the one the
policy generated from; otherwise the action text is tokenized as if the policy had written it.
Then ``trajectory_information_gain`` gives IG_t per turn (credited to a_t) and
``compute_advantages`` fuses it with the group-normalized outcome, groups being the records'
``group`` (the G episodes of one task).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from infopo_agent.cli.records import EpisodeRecord, ScoredEpisode, ScoredTurn

#: Trajectories scored per information-gain call (one progress step each).
SCORE_BATCH = 4


def rebuild_trajectory(chat, record: EpisodeRecord, *, same_policy: bool):
    """The ``Trajectory`` of ``record`` as the scoring policy's chat template lays it out."""
    from infopo_agent.rollout import open_conversation
    from infopo_agent.trajectory import Trajectory

    preamble = [message.model_dump() for message in record.preamble]
    convo = open_conversation(chat, record.system, preamble)
    convo.add("user", record.opening)
    action_spans, feedback_spans = [], []
    for turn in record.turns:
        ids = turn.action_token_ids if same_policy else None
        action_spans.append(convo.add_action(turn.action, ids))
        feedback_spans.append(convo.add("user", turn.feedback))
    return Trajectory(
        token_ids=list(convo.token_ids),
        action_spans=action_spans,
        feedback_spans=feedback_spans,
        rewards=[turn.reward for turn in record.turns],
        outcome=record.outcome,
        success=record.success,
        placeholder=record.placeholder,
        placeholder_ids=chat.encode(record.placeholder),
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
        rebuild_trajectory(policy.chat, r, same_policy=r.policy == policy_name) for r in records
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
