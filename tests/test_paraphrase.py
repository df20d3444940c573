"""Every env judges a request the same however a language model words it (benchmark data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infopo_envs.core.paraphrase import evaluate_files, load_cases

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
FILES = sorted((BENCHMARKS / "paraphrase").glob("*.json"))
FLOORS = json.loads((BENCHMARKS / "paraphrase_floors.json").read_text())["floors"]
DEFAULT_FLOOR = 0.90


def test_there_is_paraphrase_data():
    assert FILES and any(load_cases(path).env_id == "InfoPO/TravelIntent-v0" for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_case_has_a_canonical_and_two_to_four_paraphrases(path):
    data = load_cases(path)
    assert data.cases
    for case in data.cases:
        assert 2 <= len(case.paraphrases) <= 4 and case.tags, case.id


ENVS = sorted({load_cases(path).env_id for path in FILES})


@pytest.mark.parametrize("env_id", ENVS)
def test_agreement_holds_its_floor_with_every_negation_and_no_false_trap_reveal(env_id):
    """An env's floor holds over all its case files together (in-sample and held-out)."""
    (result,) = evaluate_files(p for p in FILES if load_cases(p).env_id == env_id)
    misses = [(m.case, m.message, m.got) for m in result.misses]
    assert result.agreement >= FLOORS.get(result.env_id, DEFAULT_FLOOR), misses
    assert result.negation_agreement == 1.0, misses
    assert result.false_reveals == 0, misses


def test_travel_has_at_least_120_messages():
    travel = [load_cases(p) for p in FILES if load_cases(p).env_id == "InfoPO/TravelIntent-v0"]
    assert sum(len(c.messages()) for data in travel for c in data.cases) >= 120
