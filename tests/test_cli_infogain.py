"""``infopo infogain`` (and ``eval`` with a model directory) on a tiny random Llama."""

from __future__ import annotations

import json
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
        assert record.trajectory is not None and record.trajectory.num_turns == record.num_turns
        for turn, (start, end) in zip(record.turns, record.trajectory.action_spans, strict=True):
            assert 1 <= turn.action_tokens <= 7  # six sampled tokens, or fewer and end-of-turn
            assert (start, end - start) == (turn.prompt_tokens, turn.action_tokens)
            assert turn.feedback_tokens > 0 and turn.prompt_tokens > 0
        starts = [t.prompt_tokens for t in record.turns]
        assert starts == sorted(starts)


def test_scoring_reads_the_rollouts_trajectory_and_relays_it_for_another_policy(model_run):
    from infopo_agent.cli.scoring import episode_trajectory
    from tests.agent_models import tiny_policy

    chat = tiny_policy().chat
    for record in load_jsonl(model_run / "transcripts.jsonl", EpisodeRecord):
        played = episode_trajectory(chat, record, same_policy=True)
        assert played == record.trajectory
        # Another policy lays the same messages out again, with the roles the rollout gave them.
        relaid = episode_trajectory(chat, record, same_policy=False)
        assert relaid.messages == record.trajectory.messages
        assert len(relaid.action_spans) == len(played.action_spans)
        assert len(relaid.feedback_spans) == len(played.feedback_spans)


def test_an_episode_2_record_is_scored_as_the_policy_generated_it(model_run, tmp_path):
    """Files written before records carried the trajectory: the turns' sampled ids rebuild it."""
    from infopo_agent.cli.records import read_jsonl
    from infopo_agent.cli.scoring import episode_trajectory
    from tests.agent_models import tiny_policy

    chat = tiny_policy().chat
    for record in load_jsonl(model_run / "transcripts.jsonl", EpisodeRecord):
        old = record.model_dump(by_alias=True, exclude={"trajectory"})
        old["schema"] = "infopo.episode/2"
        spans = record.trajectory.action_spans
        for turn, (start, end) in zip(old["turns"], spans, strict=True):
            turn["action_token_ids"] = record.trajectory.token_ids[start:end]
        (tmp_path / "old.jsonl").write_text(json.dumps(old) + "\n")
        (legacy,) = read_jsonl(tmp_path / "old.jsonl", EpisodeRecord)  # what infogain reads
        assert legacy.trajectory is None
        rebuilt = episode_trajectory(chat, legacy, same_policy=True)
        assert rebuilt.token_ids == record.trajectory.token_ids
        assert rebuilt.action_spans == record.trajectory.action_spans
        assert rebuilt.feedback_spans == record.trajectory.feedback_spans


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
