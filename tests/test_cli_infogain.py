"""``infopo infogain`` (and ``eval`` with a model directory) on a tiny random Llama."""

from __future__ import annotations

import math

import pytest

from infopo_agent.cli.records import EpisodeRecord, InfoGainSummary, ScoredEpisode
from tests.cli_outputs import load_json, load_jsonl, one_line_error, run_cli

ENV = "InfoPO/TravelIntent-v0"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    """The tiny test policy saved as a transformers model directory."""
    from tests.agent_models import tiny_policy

    policy = tiny_policy()
    folder = tmp_path_factory.mktemp("tiny-model")
    policy.model.save_pretrained(folder)
    policy.tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def model_run(tiny_dir, tmp_path_factory):
    """One group of 3 episodes of the tiny model, then scored by the same model."""
    import importlib

    cli = importlib.import_module("infopo_agent.cli.main")
    out = tmp_path_factory.mktemp("model-run")
    options = ["--episodes", "1", "--group", "3", "--max-turns", "3", "--max-new-tokens", "6"]
    assert cli.main(["eval", ENV, "--policy", str(tiny_dir), "--out", str(out), *options]) == 0
    assert cli.main(["infogain", str(out / "transcripts.jsonl"), "--policy", str(tiny_dir)]) == 0
    return out


def test_model_transcripts_count_tokens(model_run, tiny_dir):
    records = load_jsonl(model_run / "transcripts.jsonl", EpisodeRecord)
    assert len(records) == 3 and {r.group for r in records} == {records[0].task_id}
    for record in records:
        assert record.policy == str(tiny_dir.resolve())
        assert 1 <= record.num_turns <= 3
        for turn in record.turns:
            assert 1 <= turn.action_tokens <= 7  # six sampled tokens, or fewer and end-of-turn
            assert len(turn.action_token_ids) == turn.action_tokens
            assert turn.feedback_tokens > 0 and turn.prompt_tokens > 0
        starts = [t.prompt_tokens for t in record.turns]
        assert starts == sorted(starts)


def test_scoring_rebuilds_the_sequences_the_policy_generated_from(model_run, tiny_dir):
    from infopo_agent.cli.scoring import rebuild_trajectory
    from tests.agent_models import tiny_policy

    for record in load_jsonl(model_run / "transcripts.jsonl", EpisodeRecord):
        trajectory = rebuild_trajectory(tiny_policy().chat, record, same_policy=True)
        for turn, (start, end) in zip(record.turns, trajectory.action_spans, strict=True):
            assert (start, end - start) == (turn.prompt_tokens, turn.action_tokens)
            assert trajectory.token_ids[start:end] == turn.action_token_ids


def test_infogain_files_follow_their_schema_and_the_fusion_rule(model_run):
    scored = load_jsonl(model_run / "infogain.jsonl", ScoredEpisode)
    summary = load_json(model_run / "infogain_summary.json", InfoGainSummary)
    assert summary.episodes == len(scored) == 3 and summary.groups == 1
    assert summary.beta == 1.0 and summary.tau == 0.05
    for episode in scored:
        gains = [t.info_gain for t in episode.turns]
        # IG is defined for every feedback followed by a next action, never for the last turn.
        assert gains[-1] is None and all(g is not None and math.isfinite(g) for g in gains[:-1])
        assert episode.total_info_gain == pytest.approx(sum(g for g in gains if g is not None))
        for turn in episode.turns:
            fused = episode.outcome_advantage + summary.beta * episode.gate * turn.info_advantage
            assert turn.advantage == pytest.approx(fused)
    outcomes = {e.outcome for e in scored}
    if len(outcomes) == 1:  # tied outcomes: no outcome advantage, the gate is wide open
        assert all(e.outcome_advantage == 0.0 and e.gate == 0.5 for e in scored)
    valid = [t.info_gain for e in scored for t in e.turns if t.info_gain is not None]
    assert summary.valid_turns == len(valid) == sum(summary.valid_turns_by_turn)
    assert summary.mean_info_gain == pytest.approx(sum(valid) / len(valid))
    for name, file in summary.plots.items():
        assert (model_run / file).read_bytes()[:8] == PNG, name
    assert set(summary.plots) == {"ig_heatmap", "ig_by_turn", "outcome_vs_ig", "overview"}


def test_scripted_transcripts_are_scored_from_their_text(capsys, tmp_path, tiny_dir):
    status, _, err = run_cli(
        capsys, "eval", ENV, "--policy", "oracle", "--episodes", "2", "--out", tmp_path
    )
    assert status == 0, err
    status, stdout, err = run_cli(
        capsys,
        "infogain",
        tmp_path / "transcripts.jsonl",
        "--policy",
        tiny_dir,
        "--beta",
        "0.5",
        "--out",
        tmp_path / "scored",
    )
    assert status == 0, err
    scored = load_jsonl(tmp_path / "scored" / "infogain.jsonl", ScoredEpisode)
    records = load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)
    assert [len(e.turns) for e in scored] == [r.num_turns for r in records]
    # Two tasks, one episode each: every group is a group of one, so A_out is exactly 0.
    assert all(e.outcome_advantage == 0.0 for e in scored)
    assert "Mean information gain by turn" in stdout


def test_infogain_argument_errors(capsys, tmp_path, tiny_dir):
    status, _, err = run_cli(capsys, "infogain", tmp_path / "missing.jsonl", "--policy", tiny_dir)
    one_line_error(status, err, "cannot read", "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": "infopo.episode/1", "env_id": 3}\n')
    status, _, err = run_cli(capsys, "infogain", bad, "--policy", tiny_dir)
    one_line_error(status, err, "bad.jsonl:1", "EpisodeRecord")
    bad.write_text("not json\n")
    status, _, err = run_cli(capsys, "infogain", bad, "--policy", tiny_dir)
    one_line_error(status, err, "bad.jsonl:1")
    bad.write_text("\n")
    status, _, err = run_cli(capsys, "infogain", bad, "--policy", tiny_dir)
    one_line_error(status, err, "no records")
    status, _, err = run_cli(capsys, "infogain", bad, "--policy", "oracle")
    one_line_error(status, err, "cannot score tokens")
    status, _, err = run_cli(capsys, "infogain", bad, "--policy", tmp_path / "nowhere")
    one_line_error(status, err, "nowhere")
