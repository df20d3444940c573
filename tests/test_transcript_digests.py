"""Every env's behaviour, pinned: a digest of the oracle's and the random agent's transcripts on
fixed tasks and seeds. A refactoring must leave every digest unchanged; a change of behaviour
updates them on purpose, in its own commit:

    python -m tests.test_transcript_digests --update
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import gymnasium as gym
import pytest

import infopo_envs
from infopo_envs.core.agents import RandomAgent, oracle_for, run_episode

DIGESTS = Path(__file__).parent / "data" / "transcript_digests.json"
TASKS = ("test-0000", "test-0001")
AGENTS = ("oracle", "random")


def digest(env_id: str, agent: str) -> str:
    """SHA-256 of the agent's transcripts (sorted-key JSON) on ``TASKS``."""
    env = gym.make(env_id)
    transcripts = []
    for index, task_id in enumerate(TASKS):
        player = oracle_for(env) if agent == "oracle" else RandomAgent(seed=index)
        result = run_episode(env, player, seed=index, options={"task_id": task_id})
        transcripts.append(result.transcript)
    env.close()
    text = json.dumps(transcripts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def current() -> dict[str, str]:
    return {
        f"{env_id} {agent}": digest(env_id, agent)
        for env_id in infopo_envs.ENVS
        for agent in AGENTS
    }


def test_every_env_has_a_pinned_digest():
    pinned = json.loads(DIGESTS.read_text())
    expected = {f"{env_id} {agent}" for env_id in infopo_envs.ENVS for agent in AGENTS}
    assert set(pinned) == expected


@pytest.mark.parametrize("env_id", sorted(infopo_envs.ENVS))
@pytest.mark.parametrize("agent", AGENTS)
def test_transcripts_match_their_pinned_digest(env_id, agent):
    pinned = json.loads(DIGESTS.read_text())
    assert digest(env_id, agent) == pinned[f"{env_id} {agent}"], (
        "behaviour changed; if on purpose, run: python -m tests.test_transcript_digests --update"
    )


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    DIGESTS.write_text(json.dumps(current(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {DIGESTS}")
