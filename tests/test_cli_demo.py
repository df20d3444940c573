"""``infopo demo`` with the real SmolLM2, and ``eval`` of a served model as an OpenAI policy."""

from __future__ import annotations

import pytest

from infopo_agent.cli.records import (
    EpisodeRecord,
    EvalSummary,
    InfoGainSummary,
    ScoredEpisode,
)
from tests.cli_outputs import load_json, load_jsonl, run_cli

pytestmark = pytest.mark.slow


def test_demo_plays_a_group_and_scores_every_turn(capsys, tmp_path, smollm2_dir):
    status, stdout, err = run_cli(
        capsys,
        "demo",
        "--group",
        "2",
        "--max-turns",
        "2",
        "--max-new-tokens",
        "8",
        "--out",
        tmp_path,
    )
    assert status == 0, err
    records = load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)
    summary = load_json(tmp_path / "summary.json", EvalSummary)
    scored = load_jsonl(tmp_path / "infogain.jsonl", ScoredEpisode)
    ig = load_json(tmp_path / "infogain_summary.json", InfoGainSummary)
    assert summary.env_id == "InfoPO/TravelIntent-v0" and summary.policy == "smollm2"
    assert len(records) == len(scored) == 2 and len({r.task_id for r in records}) == 1
    assert all(r.num_turns <= 2 and r.turns[0].action_tokens <= 9 for r in records)
    assert summary.policy_completion_tokens == sum(
        t.action_tokens for r in records for t in r.turns
    )
    # Every episode that went on after its first feedback has an IG for turn 0.
    for record, episode in zip(records, scored, strict=True):
        assert (episode.turns[0].info_gain is not None) == (record.num_turns > 1)
    assert ig.policy == "smollm2" and ig.episodes == 2
    for file in ig.plots.values():
        assert (tmp_path / file).read_bytes()[:4] == b"\x89PNG"
    assert "IG_t" in stdout and "advantage" in stdout and str(tmp_path.resolve()) in stdout


def test_eval_of_a_served_model_through_the_openai_client(capsys, tmp_path, smollm2_dir):
    from tests.servers import transformers_server

    with transformers_server(smollm2_dir) as base_url:
        status, _, err = run_cli(
            capsys,
            "eval",
            "InfoPO/TravelIntent-v0",
            "--policy",
            f"openai:{smollm2_dir}",
            "--base-url",
            base_url,
            "--episodes",
            "1",
            "--max-turns",
            "2",
            "--max-new-tokens",
            "8",
            "--temperature",
            "0",
            "--out",
            tmp_path,
        )
    assert status == 0, err
    (record,) = load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)
    summary = load_json(tmp_path / "summary.json", EvalSummary)
    assert record.policy == f"openai:{smollm2_dir}" and record.num_turns == 2
    for turn in record.turns:
        assert turn.action.strip() and 1 <= turn.action_tokens <= 8 and turn.prompt_tokens > 100
    assert summary.policy_prompt_tokens == sum(t.prompt_tokens for t in record.turns)
