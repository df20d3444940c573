"""``infopo export``: task rows through Hugging Face ``datasets``, read back as each stack reads."""

from __future__ import annotations

import gymnasium as gym
import pytest

datasets = pytest.importorskip("datasets")

from infopo_agent.adapters.dataset_export import task_rows  # noqa: E402
from tests.cli_outputs import one_line_error, run_cli  # noqa: E402

ENV = "InfoPO/Telepathy-v0"


@pytest.mark.parametrize("fmt", ["parquet", "hf", "jsonl"])
def test_export_writes_rows_that_reset_to_their_openings(capsys, tmp_path, fmt):
    out = tmp_path / ("rows" if fmt == "hf" else f"rows.{fmt}")
    status, stdout, err = run_cli(capsys, "export", ENV, "--tasks", "4", "--format", fmt,
                                  "--out", out)  # fmt: skip
    assert status == 0, err
    assert "Wrote 4 tasks" in stdout
    if fmt == "hf":
        rows = datasets.load_from_disk(str(out))
    else:
        rows = datasets.load_dataset("json" if fmt == "jsonl" else fmt, data_files=str(out))
        rows = rows["train"]
    assert rows.num_rows == 4 and [r["task_id"] for r in rows] == [
        f"test-{i:04d}" for i in range(4)
    ]
    env = gym.make(ENV)
    for row in rows:
        assert row["env_id"] == row["data_source"] == ENV and row["agent_name"] == "infopo_agent"
        assert row["extra_info"]["interaction_kwargs"] == {
            "env_id": ENV, "task_id": row["task_id"], "seed": row["seed"]
        }  # fmt: skip
        opening, _ = env.reset(seed=row["seed"], options={"task_id": row["task_id"]})
        assert row["prompt"] == [{"role": "user", "content": opening}]


def test_rows_are_the_same_in_any_process_and_train_tasks_are_drawn_from_the_seed():
    assert task_rows(ENV, count=3) == task_rows(ENV, count=3)
    train = task_rows(ENV, split="train", count=5, seed=1, prompt=False)
    assert len({r["task_id"] for r in train}) == 5 and all("prompt" not in r for r in train)
    assert train != task_rows(ENV, split="train", count=5, seed=2, prompt=False)
    assert all(r["split"] == "train" for r in train)


def test_export_errors_are_one_line(capsys, tmp_path):
    status, _, err = run_cli(capsys, "export", ENV, "--split", "train", "--out", tmp_path / "x")
    one_line_error(status, err, "--tasks")
    status, _, err = run_cli(capsys, "export", ENV, "--tasks", "101", "--out", tmp_path / "x")
    one_line_error(status, err, "100 tasks")
    status, _, err = run_cli(capsys, "export", "InfoPO/Nope-v0", "--out", tmp_path / "x")
    one_line_error(status, err, "unknown env id")
