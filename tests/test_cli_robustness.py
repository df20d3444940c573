"""``infopo robustness``: one policy against several personas; the matrix and its files."""

from __future__ import annotations

import pytest

from infopo_agent.cli.records import EpisodeRecord, EvalSummary, RobustnessReport
from infopo_agent.cli.robustness import with_persona
from tests.cli_outputs import load_json, load_jsonl, one_line_error, run_cli

ENV = "InfoPO/TravelIntent-v0"


def test_oracle_against_three_personas(capsys, tmp_path):
    status, stdout, err = run_cli(
        capsys,
        "robustness",
        ENV,
        "--policy",
        "oracle",
        "--personas",
        "terse,verbose,noisy",
        "--episodes",
        "2",
        "--group",
        "2",
        "--seed",
        "3",
        "--out",
        tmp_path,
    )
    assert status == 0, err
    report = load_json(tmp_path / "robustness.json", RobustnessReport)
    assert [p.persona for p in report.personas] == ["terse", "verbose", "noisy"]
    assert report.base_simulator == "rule" and report.policy == "oracle"
    tasks = None
    for result in report.personas:
        assert result.simulator == f"rule?persona={result.persona}"
        records = load_jsonl(tmp_path / result.persona / "transcripts.jsonl", EpisodeRecord)
        summary = load_json(tmp_path / result.persona / "summary.json", EvalSummary)
        assert summary == result.summary and summary.episodes == len(records) == 4
        assert all(r.simulator_stats["simulator"] == f"rule:{result.persona}" for r in records)
        # The same tasks for every persona: only the user changes.
        assert tasks in (None, [r.task_id for r in records])
        tasks = [r.task_id for r in records]
        assert summary.mean_outcome == 1.0  # the oracle asks precisely; no persona stops it
    # The personas really talk differently about the same tasks.
    replies = {
        p.persona: tuple(
            t.feedback
            for r in load_jsonl(tmp_path / p.persona / "transcripts.jsonl", EpisodeRecord)
            for t in r.turns
        )
        for p in report.personas
    }
    assert len(set(replies.values())) == 3
    assert (tmp_path / "robustness.png").read_bytes()[:4] == b"\x89PNG"
    assert "verbose" in stdout and "robustness.json" in stdout


def test_with_persona_builds_specs():
    assert with_persona("rule", "terse") == "rule?persona=terse"
    spec = with_persona("openai:m?base_url=http://h:1/v1", "noisy")
    assert spec == "openai:m?base_url=http%3A%2F%2Fh%3A1%2Fv1&persona=noisy"
    from simulators.spec import parse_spec

    assert parse_spec(spec)[2] == {"base_url": "http://h:1/v1", "persona": "noisy"}


@pytest.mark.parametrize(
    ("extra", "fragments"),
    [
        (["--personas", "terse,grumpy"], ["unknown persona 'grumpy'"]),
        (["--personas", "terse,terse"], ["distinct"]),
        (["--simulator", "rule:terse"], ["already names a persona"]),
        (["--simulator", "rule?x"], ["bad simulator spec"]),
    ],
)
def test_robustness_argument_errors(capsys, tmp_path, extra, fragments):
    status, _, err = run_cli(
        capsys, "robustness", ENV, "--policy", "oracle", "--out", tmp_path, *extra
    )
    one_line_error(status, err, *fragments)


def test_an_env_without_a_user_is_refused(capsys, tmp_path):
    status, _, err = run_cli(
        capsys,
        "robustness",
        "InfoPO/Sokoban-v0",
        "--policy",
        "oracle",
        "--personas",
        "terse",
        "--out",
        tmp_path,
    )
    one_line_error(status, err, "cannot make InfoPO/Sokoban-v0")
