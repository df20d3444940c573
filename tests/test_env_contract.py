"""The env contract, checked on every registered InfoPO env (see docs/architecture.md)."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import infopo_envs
from infopo_envs.core import InvalidAction
from infopo_envs.core.agents import RandomAgent, oracle_for, run_episode

ENV_IDS = sorted(infopo_envs.ENVS)
INFO_KEYS = {"turn", "task_id", "feedback_source", "action_valid", "placeholder"}


@pytest.fixture(scope="module", params=ENV_IDS)
def env_id(request):
    return request.param


def test_registered_under_infopo_namespace():
    assert ENV_IDS, "no env registered"
    for env_id in ENV_IDS:
        assert env_id.startswith("InfoPO/") and env_id.endswith("-v0")
        assert env_id in gym.registry


def test_check_env_passes_without_warnings(env_id):
    env = gym.make(env_id)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped, skip_render_check=False)
    assert [str(w.message) for w in caught] == []


def test_info_keys_and_episode_end(env_id):
    env = gym.make(env_id)
    _, info = env.reset(seed=1, options={"split": "test"})
    assert set(info) >= INFO_KEYS
    assert isinstance(env.unwrapped.placeholder, str) and env.unwrapped.placeholder
    result = run_episode(env, RandomAgent(seed=1), seed=1)
    assert isinstance(result.outcome, float)
    assert isinstance(result.success, bool)
    json.dumps(result.transcript)


def test_render_ansi_returns_transcript(env_id):
    env = gym.make(env_id, render_mode="ansi")
    obs, _ = env.reset(seed=0)
    feedback, *_ = env.step("\x00 not an action \x00")
    text = env.render()
    assert obs in text and feedback in text


def test_oracle_solves_first_test_tasks(env_id):
    env = gym.make(env_id)
    for index in range(5):
        result = run_episode(env, oracle_for(env), options={"task_id": f"test-{index:04d}"})
        assert result.outcome == 1.0, (index, result.transcript)
        assert result.success


GARBAGE = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=50),
    st.just(""),
    st.just("x" * 100_000),
    st.sampled_from(
        [
            "[search] {not json",
            '[search] {"aspect": 3}',
            "[answer] ZZZ-999-unknown",
            "[answer]",
            '[tool] {"name": "no_such_tool", "arguments": {}}',
            "[tool] [1, 2",
            "click[nothing here]",
            "search[",
            "[ACTION]",
            "[[action]] hi",
            "]]][[[",
            "\x00\x01\x02",
            "🙂" * 500,
        ]
    ),
)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(garbage=st.lists(GARBAGE, min_size=1, max_size=4))
def test_invalid_actions_never_crash_nor_change_state(env_id, garbage):
    """Oracle play with garbage interleaved: every garbage step is flagged and nothing is lost."""
    env = gym.make(env_id, max_turns=500, max_episode_steps=500)
    oracle = oracle_for(env)
    obs, info = env.reset(options={"task_id": "test-0000"})
    oracle.reset(env, obs, info)
    terminated = truncated = False
    step = 0
    while not (terminated or truncated):
        for junk in garbage:
            if not isinstance(env.unwrapped.grammar.parse(junk), InvalidAction):
                continue
            turn_before = env.unwrapped.turn
            junk_obs, reward, terminated, truncated, junk_info = env.step(junk)
            assert junk_info["action_valid"] is False
            assert reward == env.unwrapped.invalid_action_reward
            assert env.observation_space.contains(junk_obs)
            assert env.unwrapped.turn == turn_before + 1
            assert not terminated
        obs, _, terminated, truncated, info = env.step(oracle.act(obs, info))
        step += 1
    assert info["outcome"] == 1.0


def _transcript_in_subprocess(env_id: str, agent: str, hash_seed: str) -> str:
    script = (
        "import json, gymnasium as gym, infopo_envs\n"
        "from infopo_envs.core.agents import RandomAgent, oracle_for, run_episode\n"
        f"env = gym.make({env_id!r})\n"
        f"agent = oracle_for(env) if {agent!r} == 'oracle' else RandomAgent(seed=5)\n"
        "r = run_episode(env, agent, seed=11)\n"
        "print(json.dumps(r.transcript, sort_keys=True))\n"
    )
    env = {"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.mark.parametrize("agent", ["oracle", "random"])
def test_same_seed_same_transcript_across_processes(env_id, agent):
    first = _transcript_in_subprocess(env_id, agent, "1")
    second = _transcript_in_subprocess(env_id, agent, "2")
    assert first == second
    assert json.loads(first)["turns"]


def test_different_seeds_give_different_tasks(env_id):
    env = gym.make(env_id)
    openings = {env.reset(seed=seed)[0] for seed in range(4)}
    assert len(openings) > 1


@pytest.mark.parametrize("vector_cls", ["sync", "async"])
def test_vector_envs_of_eight(env_id, vector_cls):
    fns = [lambda: gym.make(env_id) for _ in range(8)]
    if vector_cls == "sync":
        envs = gym.vector.SyncVectorEnv(fns)
    else:
        envs = gym.vector.AsyncVectorEnv(fns, shared_memory=False)
    try:
        obs, infos = envs.reset(seed=list(range(8)))
        assert len(obs) == 8 and all(isinstance(o, str) for o in obs)
        for _ in range(3):
            obs, rewards, _terminated, _truncated, infos = envs.step(["[action] hello?"] * 8)
            assert len(rewards) == 8 and all(isinstance(o, str) for o in obs)
            assert "action_valid" in infos
    finally:
        envs.close()
