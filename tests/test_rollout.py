"""Rollouts and trajectories: exact spans from assembly, the template invariant, JSON round trip."""

from __future__ import annotations

import functools

import gymnasium as gym
import pytest

import infopo_envs  # noqa: F401
from infopo_agent.chat_format import ChatFormat
from infopo_agent.policy import SamplingParams
from infopo_agent.rollout import record_episode, rollout_groups
from infopo_agent.trajectory import Trajectory
from infopo_envs.core.agents import RandomAgent, oracle_for
from tests.agent_models import smollm2_tokenizer, tiny_policy

ENV_ID = "InfoPO/TravelIntent-v0"
PARAMS = SamplingParams(temperature=1.0, top_p=0.95, max_new_tokens=8)


def short_env():
    return gym.make(ENV_ID, max_turns=3)


@functools.cache
def sampled_groups(seed=0):
    return rollout_groups(
        tiny_policy(), short_env, ["test-0001", "test-0002"], 2, PARAMS, seed=seed
    )


def decode(ids):
    return smollm2_tokenizer().decode(ids)


@pytest.mark.parametrize("agent", ["oracle", "random"])
def test_assembled_sequence_equals_the_templates_own_tokenization(agent):
    """The documented invariant, for SmolLM2, on whole TravelIntent conversations."""
    chat = ChatFormat(smollm2_tokenizer())
    env = gym.make(ENV_ID)
    player = oracle_for(env) if agent == "oracle" else RandomAgent(seed=5)
    trajectory = record_episode(chat, env, player, options={"task_id": "test-0007"}, seed=1)
    assert trajectory.num_turns >= 4
    assert trajectory.token_ids == chat.template_ids(trajectory.messages)


def test_spans_hold_exactly_the_message_texts():
    chat = ChatFormat(smollm2_tokenizer())
    env = gym.make(ENV_ID)
    trajectory = record_episode(chat, env, oracle_for(env), options={"task_id": "test-0003"})
    ids, messages = trajectory.token_ids, trajectory.messages
    assert [m["role"] for m in messages[:3]] == ["user", "assistant", "user"]
    for t, (start, end) in enumerate(trajectory.action_spans):
        assert ids[end - 1] == smollm2_tokenizer().eos_token_id  # the policy ends its turn
        assert decode(ids[start : end - 1]) == messages[1 + 2 * t]["content"]
    for t, (start, end) in enumerate(trajectory.feedback_spans):
        assert decode(ids[start:end]) == messages[2 + 2 * t]["content"]
        assert decode(ids[start - 3 : start]) == "<|im_start|>user\n"
        assert decode(ids[end : end + 1]) == "<|im_end|>"
    assert trajectory.placeholder == "No information found."
    assert decode(trajectory.placeholder_ids) == trajectory.placeholder
    assert trajectory.outcome == 1.0 and trajectory.success


def test_sampled_groups_keep_the_generated_ids():
    trajectories = sampled_groups()
    assert [t.group_id for t in trajectories] == ["0-0", "0-0", "0-1", "0-1"]
    assert [t.task_id for t in trajectories] == ["test-0001"] * 2 + ["test-0002"] * 2
    for trajectory in trajectories:
        assert trajectory.num_turns == 3 and trajectory.truncated
        assert len(trajectory.rewards) == len(trajectory.feedback_spans) == 3
        for (start, end), message in zip(
            trajectory.action_spans, trajectory.messages[1::2], strict=True
        ):
            assert 1 <= end - start <= PARAMS.max_new_tokens
            assert message["role"] == "assistant"
        for (start, end), message in zip(
            trajectory.feedback_spans, trajectory.messages[2::2], strict=True
        ):
            assert decode(trajectory.token_ids[start:end]) == message["content"]
        feedback, actions = trajectory.ig_turns()
        assert len(feedback) == len(actions) == 2
        assert all(f[1] <= a[0] for f, a in zip(feedback, actions, strict=True))
    assert trajectories[0].token_ids != trajectories[1].token_ids


def test_rollouts_are_deterministic_for_a_seed():
    again = rollout_groups(tiny_policy(), short_env, ["test-0001", "test-0002"], 2, PARAMS, seed=0)
    assert [t.to_dict() for t in again] == [t.to_dict() for t in sampled_groups()]


def test_json_round_trip():
    for trajectory in sampled_groups():
        restored = Trajectory.from_json(trajectory.to_json())
        assert restored == trajectory
        assert restored.action_mask() == trajectory.action_mask()


def test_env_objects_and_context_limit():
    envs = [short_env(), short_env()]
    (first, second) = rollout_groups(
        tiny_policy(), envs, ["test-0004"], 2, PARAMS, seed=1, max_context_tokens=330
    )
    for trajectory in (first, second):
        assert trajectory.truncated and not trajectory.terminated
        assert trajectory.num_turns < 3  # the env allows 3; the context ran out first
        for start, _ in trajectory.action_spans:
            assert start + PARAMS.max_new_tokens <= 330
    with pytest.raises(ValueError, match="env objects"):
        rollout_groups(tiny_policy(), envs, ["test-0004"], 3, PARAMS)


def test_trajectory_rejects_bad_spans():
    with pytest.raises(ValueError, match="outside"):
        Trajectory([1, 2], [(0, 5)], [], [], 0.0, False, "x", [1], "t", "g")


@pytest.mark.parametrize("text", ["user", "assistant", "\n", "", "<|im_end|>"])
def test_content_that_also_appears_in_the_wrapper(text):
    """Content is located by construction, never by searching: wrapper words are safe."""
    chat = ChatFormat(smollm2_tokenizer())
    convo = chat.conversation()
    first = convo.add("user", text)
    action = convo.add_action(text)
    feedback = convo.add("user", text)
    if text.strip() == text:  # edge whitespace may merge with the wrapper (documented)
        assert convo.token_ids == chat.template_ids(convo.messages)
    for start, end in (first, feedback):
        assert decode(convo.token_ids[start:end]) == text
    assert decode(convo.token_ids[action[0] : action[1]]) == text + "<|im_end|>"
    assert decode(convo.token_ids[: action[0]]).endswith("<|im_start|>assistant\n")


# ---- preamble: context messages between the system message and the opening -----------------


@functools.cache
def travel_example():
    from infopo_agent.prompting import oracle_example

    return oracle_example(short_env, turns=2)


def test_a_preamble_precedes_the_opening_and_shifts_every_span_by_its_length():
    from infopo_agent.rollout import open_conversation

    chat = ChatFormat(smollm2_tokenizer())
    example = travel_example()
    plain, primed = (
        record_episode(
            chat,
            gym.make(ENV_ID),
            oracle_for(gym.make(ENV_ID)),
            options={"task_id": "test-0003"},
            seed=2,
            system=example.system,
            preamble=preamble,
        )
        for preamble in ((), example.preamble)
    )
    base = open_conversation(chat, example.system).token_ids
    prefix = open_conversation(chat, example.system, example.preamble).token_ids
    shift = len(prefix) - len(base)
    assert shift > 100  # the opening of another task and two actions
    assert primed.token_ids[: len(prefix)] == prefix
    assert primed.token_ids[len(prefix) :] == plain.token_ids[len(base) :]
    assert primed.token_ids == chat.template_ids(primed.messages)
    assert primed.messages[: len(example.preamble) + 1] == [
        {"role": "system", "content": example.system},
        *example.preamble,
    ]
    # The preamble adds no spans: the same turns, each moved by exactly the preamble's tokens.
    assert primed.num_turns == plain.num_turns
    moved = [(s + shift, e + shift) for s, e in plain.action_spans]
    assert primed.action_spans == moved
    assert primed.feedback_spans == [(s + shift, e + shift) for s, e in plain.feedback_spans]
    assert all(start >= len(prefix) for start, _ in primed.feedback_spans)
    assert primed.rewards == plain.rewards and primed.outcome == plain.outcome == 1.0
    context = 1 + len(example.preamble)  # the system message and the preamble
    feedback = primed.messages[context + 2 :: 2]
    for (start, end), message in zip(primed.feedback_spans, feedback, strict=True):
        assert decode(primed.token_ids[start:end]) == message["content"]


def test_sampled_groups_with_a_preamble_keep_exact_spans_and_score_only_their_own_turns():
    from infopo_agent.info_gain import trajectory_information_gain
    from infopo_agent.rollout import open_conversation

    example = travel_example()
    trajectories = rollout_groups(
        tiny_policy(),
        short_env,
        ["test-0001"],
        2,
        PARAMS,
        seed=3,
        system=example.system,
        preamble=example.preamble,
    )
    prefix = open_conversation(tiny_policy().chat, example.system, example.preamble).token_ids
    context = 1 + len(example.preamble)  # the system message and the preamble
    for trajectory in trajectories:
        assert trajectory.token_ids[: len(prefix)] == prefix
        assert trajectory.num_turns == 3 and len(trajectory.feedback_spans) == 3
        assert trajectory.messages[context]["role"] == "user"  # the real opening
        turns = trajectory.messages[context + 1 :]
        for (start, end), message in zip(trajectory.action_spans, turns[::2], strict=True):
            assert start > len(prefix) and 1 <= end - start <= PARAMS.max_new_tokens
            assert message["role"] == "assistant"
        for (start, end), message in zip(trajectory.feedback_spans, turns[1::2], strict=True):
            assert decode(trajectory.token_ids[start:end]) == message["content"]
        mask = trajectory.action_mask()
        assert not any(mask[: len(prefix)])  # the example carries no loss
    gains = trajectory_information_gain(tiny_policy(), trajectories).as_lists()
    for per_turn in gains:
        assert len(per_turn) == 2  # (o_0, a_1) and (o_1, a_2): none for the example's turns
