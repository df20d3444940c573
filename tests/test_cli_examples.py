"""``--example-turns``: the context a model run saw is recorded, and scoring rebuilds it exactly."""

from __future__ import annotations

import pytest

from infopo_agent.cli.records import EpisodeRecord
from infopo_agent.prompting import oracle_example
from tests.cli_outputs import load_jsonl, one_line_error, run_cli

ENV = "InfoPO/TravelIntent-v0"


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    from tests.agent_models import tiny_policy

    policy = tiny_policy()
    folder = tmp_path_factory.mktemp("tiny-model")
    policy.model.save_pretrained(folder)
    policy.tokenizer.save_pretrained(folder)
    return folder


def test_scoring_rebuilds_exactly_the_sequence_generated_from_with_an_example(
    capsys, tmp_path, tiny_dir, monkeypatch
):
    import infopo_agent.rollout as rollout
    from infopo_agent.cli.scoring import episode_trajectory
    from tests.agent_models import tiny_policy

    played = []  # every trajectory the run generated, as the rollout returned it

    def recording(*args, **kwargs):
        trajectories = real(*args, **kwargs)
        played.extend(trajectories)
        return trajectories

    real = rollout.rollout_groups
    monkeypatch.setattr(rollout, "rollout_groups", recording)
    options = ["--episodes", "2", "--group", "2", "--max-turns", "3", "--max-new-tokens", "6"]
    status, _, err = run_cli(
        capsys, "eval", ENV, "--policy", tiny_dir, "--example-turns", "2", "--out", tmp_path,
        *options,
    )  # fmt: skip
    assert status == 0, err
    records = load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)
    assert len(records) == len(played) == 4
    example = oracle_example(lambda: __import__("gymnasium").make(ENV, max_turns=3), turns=2)
    for record, trajectory in zip(records, played, strict=True):
        assert record.system == example.system
        assert [m.model_dump() for m in record.preamble] == example.preamble
        scored = episode_trajectory(tiny_policy().chat, record, same_policy=True)
        assert scored.token_ids == trajectory.token_ids
        assert scored.action_spans == trajectory.action_spans
        assert scored.feedback_spans == trajectory.feedback_spans
        assert scored.messages == trajectory.messages
        # Another policy re-lays the recorded messages after the same system and preamble.
        relaid = episode_trajectory(tiny_policy().chat, record, same_policy=False)
        assert relaid.messages == trajectory.messages
        assert len(relaid.action_spans) == len(trajectory.action_spans)
    assert run_cli(capsys, "infogain", tmp_path / "transcripts.jsonl", "--policy", tiny_dir)[0] == 0


def test_records_without_an_example_keep_no_context(capsys, tmp_path):
    status, _, err = run_cli(capsys, "eval", ENV, "--policy", "oracle", "--episodes", "1",
                             "--out", tmp_path)  # fmt: skip
    assert status == 0, err
    (record,) = load_jsonl(tmp_path / "transcripts.jsonl", EpisodeRecord)
    assert record.system is None and record.preamble == []
    dumped = record.model_dump(by_alias=True)
    assert dumped["schema"] == "infopo.episode/3"
    # A file written before the context fields existed still reads, with no context.
    old = {k: v for k, v in dumped.items() if k not in ("system", "preamble")}
    legacy = EpisodeRecord.model_validate({**old, "schema": "infopo.episode/1"})
    assert legacy.system is None and legacy.preamble == []


def test_example_turns_errors(capsys, tmp_path):
    status, _, err = run_cli(
        capsys, "eval", ENV, "--policy", "oracle", "--example-turns", "1", "--out", tmp_path
    )
    one_line_error(status, err, "--example-turns", "model policies")
    with pytest.raises(SystemExit):
        run_cli(capsys, "eval", ENV, "--example-turns", "-1", "--out", tmp_path)
    assert "--example-turns: must be at least 0" in capsys.readouterr().err
