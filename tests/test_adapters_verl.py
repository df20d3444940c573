"""verl 0.9.1: the agent loop and the estimator, with the installed verl classes.

verl pins ``transformers<5.11``, so it has its own environment: ``$INFOPO_VERL_PYTHON`` or
``.venv-verl`` next to the main checkout. Without one these tests skip; with one they run
``tests/verl_checks.py`` there and check what it reports.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [os.environ.get("INFOPO_VERL_PYTHON"), "/work/main/.venv-verl/bin/python",
              str(ROOT / ".venv-verl" / "bin" / "python")]  # fmt: skip


@pytest.fixture(scope="session")
def verl_report():
    python = next((c for c in CANDIDATES if c and Path(c).is_file()), None)
    if python is None:
        pytest.skip("no verl environment (set INFOPO_VERL_PYTHON)")
    probe = subprocess.run([python, "-c", "import verl"], capture_output=True, timeout=120)
    if probe.returncode != 0:
        pytest.skip(f"{python} cannot import verl")
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    done = subprocess.run(
        [python, str(ROOT / "tests" / "verl_checks.py")],
        capture_output=True, text=True, timeout=600, env=env, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_agent_loop_is_registered_and_plays_episodes(verl_report):
    assert verl_report["verl"] == "0.9.1" and verl_report["transformers"] < "5.11"
    assert verl_report["registered_loop"] == "infopo_agent.adapters.verl_loop.InfoPOAgentLoop"
    outputs = verl_report["outputs"]
    assert [o["task_id"] for o in outputs] == ["test-0000"] * 2 + ["test-0001"] * 2
    played = [(o["num_turns"] - 1) // 2 for o in outputs]
    assert verl_report["server_calls"] == sum(played)  # one generation per action
    for o in outputs:
        assert o["prompt_ok"]  # the prompt ends where the first action begins
        assert 0 < o["mask_ones"] < o["response"] <= 120  # actions and feedback, within budget
        assert o["reward_score"] == 0.0  # a fixed question never names the thing
        # the response is cut at 120 tokens: whole actions only, one IG for each
        assert o["response"] == 120 and o["mask_runs"] < (o["num_turns"] - 1) // 2
        assert len(o["info_gain"]) == o["mask_runs"]
        assert all(g is not None for g in o["info_gain"])


def test_the_estimator_is_registered_and_uses_the_loops_information_gain(verl_report):
    assert verl_report["estimator_is_ours"] and verl_report["external_modules"]
    assert verl_report["sample_config"] == ["infopo", "infopo_agent", 8]
    assert verl_report["advantage_zero_off_mask"]
    assert verl_report["ig_changes_advantages"]  # outcomes tie: only IG moves the advantages
