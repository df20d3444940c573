"""The output schemas: every field documented in docs/cli.md, and strict validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from infopo_agent.cli import records

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
MODELS = [
    records.EpisodeRecord,
    records.TurnRecord,
    records.EvalSummary,
    records.RobustnessReport,
    records.PersonaResult,
    records.ScoredEpisode,
    records.ScoredTurn,
    records.InfoGainSummary,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model):
    text = DOC.read_text(encoding="utf-8")
    for name, field in model.model_fields.items():
        assert f"`{field.alias or name}`" in text, f"{model.__name__}.{name} is not in {DOC.name}"


def test_records_reject_unknown_fields_and_wrong_schema_strings():
    turn = {
        "turn": 0,
        "action": "[finish]",
        "feedback": "Bye.",
        "feedback_source": "env",
        "reward": 0.0,
        "action_valid": True,
        "info": {},
    }
    records.TurnRecord.model_validate(turn)
    with pytest.raises(ValidationError):
        records.TurnRecord.model_validate({**turn, "surprise": 1})
    with pytest.raises(ValidationError):
        records.TurnRecord.model_validate({**turn, "feedback_source": "oracle"})
    summary = {
        "schema": "infopo.infogain-summary/1",
        "transcripts": "t.jsonl",
        "policy": "smollm2",
        "beta": 1.0,
        "tau": 0.05,
        "episodes": 1,
        "groups": 1,
        "valid_turns": 0,
        "mean_info_gain": 0.0,
        "mean_gate": 0.5,
        "zero_variance_fraction": 1.0,
        "mean_info_gain_by_turn": [None],
        "valid_turns_by_turn": [0],
        "outcome_info_gain_correlation": None,
        "plots": {},
        "wall_time_s": 0.1,
    }
    parsed = records.InfoGainSummary.model_validate(summary)
    assert parsed.model_dump(by_alias=True)["schema"] == "infopo.infogain-summary/1"
    with pytest.raises(ValidationError):
        records.InfoGainSummary.model_validate({**summary, "schema": "infopo.episode/1"})
