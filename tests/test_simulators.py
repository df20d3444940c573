"""Simulators: specs, personas, the rule-based voice, LLM endpoints, faults, record/replay."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest

import infopo_envs  # noqa: F401
from infopo_envs.core.agents import oracle_for, run_episode
from simulators import (
    PERSONAS,
    Message,
    ReplyPlan,
    RuleBasedUser,
    SimulatorError,
    UserTurn,
    make_simulator,
    parse_spec,
    persona_named,
)
from simulators.llm.cache import CacheMissError, ResponseCache
from simulators.llm.openai_user import OpenAIUserSimulator
from simulators.llm.prompt import build_messages
from tests.servers import faulty_server, free_port, transformers_server

FACT = ("I'd rather not pay more than $120 a night.", "My limit is $120 a night.")
TURN = UserTurn(
    role="You are a traveller.",
    history=(Message("user", "Book me a hotel."), Message("agent", "What is your budget?")),
    plan=ReplyPlan("reveal", (FACT,)),
)


# ---- specs ---------------------------------------------------------------------------------
def test_spec_grammar():
    assert parse_spec("rule") == ("rule", None, {})
    assert parse_spec("rule:terse") == ("rule", "terse", {})
    assert parse_spec("openai:gpt-x?persona=verbose&base_url=http://h:1/v1") == (
        "openai",
        "gpt-x",
        {"persona": "verbose", "base_url": "http://h:1/v1"},
    )
    assert make_simulator("rule:terse").persona.name == "terse"
    assert make_simulator("rule?persona=noisy").persona.name == "noisy"
    assert make_simulator(None).describe() == "rule:cooperative"


@pytest.mark.parametrize(
    "spec,message",
    [
        ("", "scheme"),
        ("rule:", "nothing after"),
        ("rule:grumpy", "unknown persona"),
        ("rule:terse?persona=noisy", "once"),
        ("rule?colour=red", "only 'persona'"),
        ("telepathy:x", "unknown simulator scheme"),
        ("openai", "needs a model"),
        ("openai:m?temperature=hot", "bad temperature"),
        ("openai:m?frobnicate=1", "unknown parameters"),
        ("hf:smollm2?cache_mode=replay", "needs cache"),
        ("openai:m?cache=/tmp/x.db&cache_mode=sometimes", "cache mode"),
    ],
)
def test_bad_specs_are_clear_errors(spec, message):
    with pytest.raises(ValueError, match=message):
        make_simulator(spec)


def test_bad_spec_fails_at_gym_make():
    with pytest.raises(ValueError, match="unknown persona"):
        gym.make("InfoPO/TravelIntent-v0", simulator="openai:m?persona=grumpy")


# ---- the rule-based voice and personas ------------------------------------------------------
def _reply(persona: str, seed: int, turn: UserTurn = TURN) -> str:
    user = RuleBasedUser(persona_named(persona))
    user.reset(seed)
    return user.reply(turn)


def test_rule_based_is_deterministic_and_varied():
    assert _reply("cooperative", 3) == _reply("cooperative", 3)
    assert len({_reply("cooperative", seed) for seed in range(20)}) > 2
    for seed in range(20):
        assert "120" in _reply("cooperative", seed)


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_every_persona_keeps_the_value(persona):
    for seed in range(10):
        assert "120" in _reply(persona, seed)


def test_persona_styles_differ_as_documented():
    terse = [_reply("terse", s) for s in range(20)]
    verbose = [_reply("verbose", s) for s in range(20)]
    assert np.mean([len(t) for t in terse]) < np.mean([len(v) for v in verbose])
    noisy = [_reply("noisy", s) for s in range(20)]
    cooperative = [_reply("cooperative", s) for s in range(20)]
    assert noisy != cooperative


def test_inconsistent_persona_rephrases_each_time():
    user = RuleBasedUser(persona_named("inconsistent"))
    user.reset(0)
    replies = [user.reply(TURN).lower() for _ in range(2)]
    used = [[f for f in FACT if f[:-1].lower() in reply] for reply in replies]
    assert len(used[0]) == len(used[1]) == 1
    assert used[0] != used[1]


def test_prompt_swaps_roles_and_carries_guidance():
    messages = build_messages(TURN, persona_named("terse"))
    assert messages[0]["role"] == "system"
    assert "You are a traveller." not in messages[0]["content"]  # the role stays with the env
    assert FACT[0] in messages[0]["content"] and "terse" in messages[0]["content"]
    assert [m["role"] for m in messages[1:]] == ["assistant", "user"]


# ---- the response cache ---------------------------------------------------------------------
def test_cache_record_then_strict_replay(tmp_path):
    recorder = ResponseCache(tmp_path / "c.db", "record")
    assert recorder.lookup("k1") is None
    recorder.store("k1", "hello")
    replayer = ResponseCache(tmp_path / "c.db", "replay")
    assert replayer.lookup("k1") == "hello"
    with pytest.raises(CacheMissError, match="k2"):
        replayer.lookup("k2")
    assert ResponseCache(tmp_path / "c.db", "replay", strict=False).lookup("k2") is None


# ---- faults from a local server of our own --------------------------------------------------
@pytest.mark.parametrize("fault", ["500", "429", "hang", "malformed"])
def test_endpoint_faults_retry_then_raise_and_leave_env_unchanged(fault):
    with faulty_server(fault, hang_seconds=3) as (base_url, server):
        simulator = OpenAIUserSimulator(
            "faulty-model", base_url=base_url, timeout=0.5, max_retries=2
        )
        env = gym.make("InfoPO/TravelIntent-v0", simulator=simulator)
        env.reset(options={"task_id": "test-0000"})
        question = env.unwrapped.scenario.aspects[0].preferences[0].kind.question
        with pytest.raises(SimulatorError) as raised:
            env.step(f"[action] {question}")
        message = str(raised.value)
        assert base_url in message and "faulty-model" in message
        assert server.requests == 3, "one call and two retries"
        assert env.unwrapped.turn == 0 and env.unwrapped.elicited == set()
        assert env.unwrapped.transcript.turns == []
        assert simulator.calls == 0


def test_connection_refused_raises_simulator_error():
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    simulator = OpenAIUserSimulator("m", base_url=base_url, timeout=0.5, max_retries=1)
    simulator.reset(0)
    with pytest.raises(SimulatorError, match="APIConnectionError"):
        simulator.reply(TURN)


# ---- a real OpenAI-compatible server ---------------------------------------------------------
def _episode_with(simulator) -> dict:
    env = gym.make("InfoPO/TravelIntent-v0", simulator=simulator)
    return run_episode(env, oracle_for(env), seed=0, options={"task_id": "test-0000"}).transcript


@pytest.mark.slow
def test_full_episode_on_a_served_model_records_then_replays(smollm2_dir, tmp_path):
    cache = tmp_path / "replies.db"
    with transformers_server(smollm2_dir) as base_url:
        spec = (
            f"openai:{smollm2_dir}?base_url={base_url}&max_tokens=48&timeout=120"
            f"&cache={cache}&cache_mode=record"
        )
        recorder = make_simulator(spec)
        recorded = _episode_with(recorder)
    assert recorder.calls > 0 and recorder.stats()["completion_tokens"] > 0
    user_turns = [t for t in recorded["turns"] if t["feedback_source"] == "user"]
    assert user_turns and all(t["feedback"].strip() for t in user_turns)
    assert recorded["turns"][-1]["info"]["outcome"] == 1.0  # the env judges, not the model

    # The server is stopped: any model call would now fail with a connection error.
    replayer = make_simulator(spec.replace("cache_mode=record", "cache_mode=replay"))
    replayed = _episode_with(replayer)
    usage = [
        turn["info"].pop("simulator", None) for t in (replayed, recorded) for turn in t["turns"]
    ]
    assert replayed == recorded  # identical words, rewards and info, usage counters aside
    assert any(u and u["calls"] == 0 and u["cached"] > 0 for u in usage)
    assert replayer.calls == 0 and replayer.cached == recorder.calls


# ---- a local transformers model ---------------------------------------------------------------
def test_hf_simulator_answers_in_an_env_and_in_batches(smollm2_dir):
    simulator = make_simulator("hf:smollm2?persona=terse&max_new_tokens=24")
    env = gym.make("InfoPO/TravelIntent-v0", simulator=simulator)
    env.reset(seed=0, options={"task_id": "test-0000"})
    question = env.unwrapped.scenario.aspects[0].preferences[0].kind.question
    reply, reward, _, _, info = env.step(f"[action] {question}")
    assert reply.strip() and info["feedback_source"] == "user"
    assert reward == 0.2  # judged by the env from the hidden profile
    stats = simulator.stats()
    assert 1 <= stats["calls"] <= 1 + simulator.retries and stats["completion_tokens"] > 0
    assert stats["calls"] == 1 + stats["rejected"] - stats["fallbacks"]

    simulator.reset(7)
    first = simulator.reply(TURN)
    simulator.reset(7)
    assert simulator.reply(TURN) == first  # same prompt and seed, same words
    replies = simulator.reply_many([TURN, TURN, TURN])
    assert len(replies) == 3 and all(r.strip() for r in replies)
