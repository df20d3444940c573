"""``infopo list``, ``infopo play`` and ``infopo run``: the env commands, end to end."""

from __future__ import annotations

import subprocess
import sys

import pytest

from infopo_agent.cli.main import main


def infopo(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "infopo_agent.cli.main", *args],
        input=stdin, capture_output=True, text=True, timeout=120,
        env={"COLUMNS": "160", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_play_reads_actions_from_the_terminal_until_the_end():
    from infopo_envs.core.agents import oracle_for
    from infopo_envs.travel import TravelIntentEnv

    env = TravelIntentEnv()
    obs, info = env.reset(seed=3)
    oracle = oracle_for(env)
    oracle.reset(env, obs, info)
    actions = []
    while not env.done:
        actions.append(oracle.act(obs, info))
        obs, _, _, _, info = env.step(actions[-1])
    done = infopo("play", "InfoPO/TravelIntent-v0", "--seed", "3", stdin="\n".join(actions) + "\n")
    assert done.returncode == 0, done.stderr
    assert "Outcome 1.00, success: True" in done.stdout


def test_play_stops_cleanly_at_end_of_input():
    done = infopo("play", "InfoPO/Sokoban-v0", "--seed", "0", stdin="Up\nnonsense\n")
    assert done.returncode == 0
    assert "Invalid action" in done.stdout and "Stopped." in done.stdout


def test_run_tabulates_the_oracle(capsys):
    assert main(["run", "InfoPO/Function-v0", "--agent", "oracle", "--episodes", "3"]) == 0
    out = capsys.readouterr().out
    assert "mean outcome 1.000, success rate 1.000" in out


def test_run_random_agent_is_seeded(capsys):
    main(["run", "InfoPO/TravelIntent-v0", "--agent", "random", "--episodes", "2", "--seed", "4"])
    first = capsys.readouterr().out
    main(["run", "InfoPO/TravelIntent-v0", "--agent", "random", "--episodes", "2", "--seed", "4"])
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    "args,message",
    [
        (["run", "InfoPO/Nope-v0"], "unknown env id"),
        (["play", "InfoPO/TravelIntent-v0", "--simulator", "rule:grumpy"], "unknown persona"),
        (["play", "InfoPO/TravelIntent-v0", "--task-id", "test-9999"], "test split"),
        (["play", "InfoPO/Function-v0", "--simulator", "rule"], "cannot make"),
    ],
)
def test_bad_arguments_are_one_line_errors(args, message):
    done = infopo(*args)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) <= 2
