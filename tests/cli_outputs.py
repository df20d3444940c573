"""Helpers for the CLI tests: run ``infopo`` in-process and validate what it wrote."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from infopo_agent.cli.records import Record

cli = importlib.import_module("infopo_agent.cli.main")


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """``infopo ARGV`` in this process: (exit status, stdout, stderr)."""
    status = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def load_jsonl(path: Path, model: type[Record]) -> list:
    """Every line validated against ``model``; the JSON written is exactly the model's dump."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = model.model_validate_json(line)
        assert json.loads(record.model_dump_json(by_alias=True)) == json.loads(line)
        records.append(record)
    assert records, f"{path} is empty"
    return records


def load_json(path: Path, model: type[Record]):
    record = model.model_validate_json(path.read_text(encoding="utf-8"))
    assert json.loads(record.model_dump_json(by_alias=True)) == json.loads(path.read_text())
    return record


def one_line_error(status: int, err: str, *fragments: str) -> None:
    assert status != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
