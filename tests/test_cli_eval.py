"""``infopo eval`` end to end with scripted policies (no torch), and its argument errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from infopo_agent.cli.records import EpisodeRecord, EvalSummary
from tests.cli_outputs import load_json, load_jsonl, one_line_error, run_cli

ENV = "InfoPO/TravelIntent-v0"


def _eval(capsys, out, *extra):
    status, stdout, err = run_cli(capsys, "eval", ENV, "--out", out, *extra)
    assert status == 0, err
    records = load_jsonl(out / "transcripts.jsonl", EpisodeRecord)
    summary = load_json(out / "summary.json", EvalSummary)
    return records, summary, stdout


def test_oracle_groups_write_valid_transcripts_and_summary(capsys, tmp_path):
    records, summary, stdout = _eval(
        capsys, tmp_path, "--policy", "oracle", "--episodes", "3", "--group", "2", "--seed", "5"
    )
    assert len(records) == summary.episodes == 6 and summary.tasks == 3
    assert [r.episode for r in records] == list(range(6))
    # Each task is played G times in a row and is its own group.
    assert [r.task_id for r in records[::2]] == [r.task_id for r in records[1::2]]
    assert len({r.task_id for r in records}) == 3
    assert all(r.group == r.task_id and r.policy == "oracle" for r in records)
    # The oracle solves every test task; pass^k is reported for k = 1..G.
    assert summary.mean_outcome == summary.success_rate == 1.0
    assert summary.pass_hat_k == {"1": 1.0, "2": 1.0}
    for record in records:
        assert record.num_turns == len(record.turns) and record.terminated
        assert record.turns[-1].info["outcome"] == record.outcome
        assert record.total_reward == pytest.approx(sum(t.reward for t in record.turns))
        assert record.simulator_stats["calls"] > 0
        assert all(t.action_tokens is None for t in record.turns)  # a script counts no tokens
    assert summary.simulator_calls == sum(r.simulator_stats["calls"] for r in records)
    assert summary.mean_turns == pytest.approx(sum(r.num_turns for r in records) / 6)
    assert summary.policy_completion_tokens is None
    assert "pass^k" in stdout and "transcripts.jsonl" in stdout


def test_random_policy_is_reproducible_and_counts_invalid_actions(capsys, tmp_path):
    options = ("--policy", "random", "--episodes", "4", "--group", "3", "--seed", "11")
    first, summary, _ = _eval(capsys, tmp_path / "a", *options, "--max-turns", "6")
    second, _, _ = _eval(capsys, tmp_path / "b", *options, "--max-turns", "6")
    assert [r.model_dump() for r in first] == [r.model_dump() for r in second]
    other, _, _ = _eval(capsys, tmp_path / "c", *options[:-1], "12", "--max-turns", "6")
    assert [r.model_dump() for r in other] != [r.model_dump() for r in first]
    assert all(r.num_turns <= 6 for r in first)
    turns = [t for r in first for t in r.turns]
    assert summary.invalid_action_rate == pytest.approx(
        sum(not t.action_valid for t in turns) / len(turns)
    )
    # pass^k from the successes per task: a hand count of the same thing.
    by_task = {}
    for r in first:
        by_task.setdefault(r.task_id, []).append(r.success)
    rate = sum(sum(s) / len(s) for s in by_task.values()) / len(by_task)
    assert summary.pass_hat_k["1"] == pytest.approx(rate)
    assert summary.pass_hat_k["3"] <= summary.pass_hat_k["2"] <= summary.pass_hat_k["1"]


def test_simulator_persona_reaches_the_user(capsys, tmp_path):
    records, summary, _ = _eval(
        capsys, tmp_path, "--policy", "oracle", "--episodes", "1", "--simulator", "rule:terse"
    )
    assert summary.simulator == records[0].simulator == "rule:terse"
    assert records[0].simulator_stats["simulator"] == "rule:terse"
    assert summary.pass_hat_k is None  # G = 1


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["eval", "InfoPO/Nope-v0", "--policy", "oracle"], ["unknown env id", "InfoPO/Nope-v0"]),
        (["eval", ENV, "--policy", "oracle", "--simulator", "bogus:x"], ["simulator scheme"]),
        (["eval", ENV, "--policy", "oracle", "--simulator", "rule:grumpy"], ["unknown persona"]),
        (["eval", ENV, "--policy", "/no/such/model"], ["/no/such/model", "model directory"]),
        (["eval", ENV, "--policy", "openai:"], ["model name"]),
        (["eval", ENV, "--policy", "oracle", "--episodes", "101"], ["test split has 100"]),
    ],
)
def test_bad_arguments_give_one_line_errors(capsys, tmp_path, argv, fragments):
    status, _, err = run_cli(capsys, *argv, "--out", tmp_path)
    one_line_error(status, err, *fragments)
    assert status == 2
    assert not (tmp_path / "transcripts.jsonl").exists()


def test_a_model_directory_without_config_is_refused(capsys, tmp_path):
    (tmp_path / "model").mkdir()
    status, _, err = run_cli(capsys, "eval", ENV, "--policy", tmp_path / "model")
    one_line_error(status, err, "no config.json")


def test_an_output_path_that_is_a_file_is_refused(capsys, tmp_path):
    (tmp_path / "taken").write_text("x")
    status, _, err = run_cli(capsys, "eval", ENV, "--policy", "oracle", "--out", tmp_path / "taken")
    one_line_error(status, err, "a file is in the way")


def test_openai_policy_without_key_or_url_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    status, _, err = run_cli(
        capsys, "eval", ENV, "--policy", "openai:gpt-x", "--episodes", "1", "--out", tmp_path
    )
    one_line_error(status, err, "OPENAI_API_KEY")


def test_unreachable_openai_endpoint_is_a_one_line_run_error(capsys, tmp_path):
    from tests.servers import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"
    status, _, err = run_cli(
        capsys,
        "eval",
        ENV,
        "--policy",
        "openai:m",
        "--base-url",
        url,
        "--episodes",
        "1",
        "--out",
        tmp_path,
    )
    one_line_error(status, err, "openai policy m")
    assert status == 1


def test_the_console_script_runs_without_torch(tmp_path):
    """Scripted evaluation imports neither torch nor matplotlib, in a fresh interpreter."""
    code = (
        "import sys, importlib; m = importlib.import_module('infopo_agent.cli.main'); "
        f"s = m.main(['eval', '{ENV}', '--policy', 'random', '--episodes', '2', "
        f"'--out', {str(tmp_path)!r}]); "
        "print(s, 'torch' in sys.modules, 'matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 False False"
    assert json.loads((tmp_path / "summary.json").read_text())["episodes"] == 2


def _flaky_eval(capsys, tmp_path, url, *extra):
    simulator = f"openai:m?base_url={url}&max_retries=1"
    return run_cli(
        capsys, "eval", ENV, "--policy", "oracle", "--episodes", "6", "--seed", "2",
        "--simulator", simulator, "--out", tmp_path, *extra,
    )  # fmt: skip


def test_an_episode_whose_simulator_fails_is_recorded_not_scored_and_the_run_goes_on(
    capsys, tmp_path
):
    from tests.servers import faulty_server

    with faulty_server("flaky", fail_every=7) as (url, server):
        status, stdout, err = _flaky_eval(capsys, tmp_path, url)
    assert status == 0, err
    records = load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)
    summary = load_json(tmp_path / "summary.json", EvalSummary)
    failed = [r for r in records if r.simulator_error is not None]
    assert len(records) == summary.episodes == 6 and 0 < len(failed) < 6
    assert server.failed_requests >= 2 * len(failed)  # each failure came after a retry
    assert [(f.episode, f.task_id) for f in summary.simulator_errors] == [
        (r.episode, r.task_id) for r in failed
    ]
    assert all("500" in r.simulator_error and not r.terminated for r in failed)
    # the oracle solves every task it could finish; the failed ones do not drag the mean down
    assert summary.mean_outcome == summary.success_rate == 1.0
    assert summary.tasks == 6
    assert f"episode {failed[0].episode} ({failed[0].task_id})" in stdout


def test_fail_fast_stops_at_the_first_simulator_failure(capsys, tmp_path):
    from tests.servers import faulty_server

    with faulty_server("flaky", fail_every=7) as (url, _):
        status, _, err = _flaky_eval(capsys, tmp_path, url, "--fail-fast")
    one_line_error(status, err, "simulator failed", "500")
    assert status == 1


def test_a_run_whose_every_simulator_fails_is_a_run_error(capsys, tmp_path):
    from tests.servers import faulty_server

    with faulty_server("500") as (url, _):
        status, _, err = _flaky_eval(capsys, tmp_path, url, "--episodes", "2")
    one_line_error(status, err, "every episode", "500")
    assert status == 1
    assert len(load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)) == 2
