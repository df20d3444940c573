"""``infopo train``: config files and overrides, one-line config errors, exact resume."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from infopo_agent.cli.main import main
from infopo_agent.training.config import ConfigError, load
from infopo_agent.training.run import train

TIMING_KEYS = ("time_", "tokens_per_s", "peak_")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def tiny_run(tmp_path, name: str, **fields) -> dict:
    config = {
        "env": "InfoPO/Intention-v0",
        "env_kwargs": {"max_turns": 2},
        "model": "tiny",
        "decoding": "menu",
        "menu_score": "mean",
        "steps": 4,
        "tasks_per_step": 1,
        "group_size": 3,
        "lr": 1e-3,
        "loss": {"kl_coef": 0.01},
        "prompt": {"oracle_example_turns": 0},
        "checkpoints": {"every": 2},
        "output_dir": str(tmp_path / name),
    }
    config.update(fields)
    return config


def write(tmp_path, data: dict, name: str = "run.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data))
    return path


def comparable(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if not k.startswith(TIMING_KEYS)} for r in rows]


def test_toml_file_then_overrides_then_defaults(tmp_path):
    path = tmp_path / "run.toml"
    path.write_text('model = "tiny"\nlr = 1e-4\n[lora]\nenabled = true\nrank = 4\n')
    config = load(path, ["lr=1e-5", "lora.alpha=16", "beta.initial=0", "prompt.system=null"])
    assert (config.model, config.lr, config.lora.rank, config.lora.alpha) == ("tiny", 1e-5, 4, 16)
    assert config.beta.initial == 0.0 and config.prompt.system is None
    assert config.group_size == 4  # a default


@pytest.mark.parametrize(
    ("data", "overrides", "field"),
    [
        ({"lora": {"rank": 0}}, [], "lora.rank"),
        ({"lrr": 1e-5}, [], "lrr"),
        ({}, ["steps=many"], "steps"),
        ({}, ["beta.kind=cosine"], "beta"),
        ({}, ["env=InfoPO/NoSuchEnv-v0"], "env"),
    ],
)
def test_bad_config_is_one_line_naming_the_field_and_exit_2(
    tmp_path, capsys, data, overrides, field
):
    path = write(tmp_path, {**tiny_run(tmp_path, "bad"), **data})
    argv = ["train", str(path)] + [f"--set={o}" for o in overrides]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"'{field}'" in err, err


def test_missing_file_and_resume_without_checkpoint_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load(tmp_path / "absent.yaml")
    config = load(write(tmp_path, tiny_run(tmp_path, "fresh")))
    with pytest.raises(ConfigError, match="output_dir"):
        train(config, resume=True)


@pytest.mark.parametrize(
    "variant", [{"dtype": "bfloat16"}, {"lora": {"enabled": True, "rank": 4}}], ids=["bf16", "lora"]
)
def test_resume_gives_bit_identical_metrics(tmp_path, variant):
    whole = load(write(tmp_path, tiny_run(tmp_path, "whole", **variant), "whole.yaml"))
    train(whole)
    split = write(tmp_path, tiny_run(tmp_path, "split", **variant), "split.yaml")
    train(load(split, ["steps=2"]))
    with pytest.raises(ConfigError, match="already holds a run"):
        train(load(split))
    resumed = train(load(split), resume=True)
    assert resumed.first_step == 2
    rows = [
        [json.loads(line) for line in (tmp_path / name / "metrics.jsonl").read_text().splitlines()]
        for name in ("whole", "split")
    ]
    assert [r["step"] for r in rows[1]] == [0, 1, 2, 3]
    assert comparable(rows[0]) == comparable(rows[1])
    assert len({r["policy_loss"] for r in rows[0]}) > 1  # the steps differ: a real comparison
    if "lora" in variant:
        assert (tmp_path / "split" / "checkpoints" / "step-000004" / "adapter").is_dir()
    with pytest.raises(ConfigError, match="'lr'"):
        train(load(split, ["lr=0.5"]), resume=True)


def test_cli_run_saves_the_resolved_config_metrics_and_evaluation(tmp_path, capsys):
    path = write(
        tmp_path, tiny_run(tmp_path, "cli", steps=2, eval={"every": 2, "tasks": 2, "k": 2})
    )
    assert main(["train", str(path), "--set", "beta.initial=0", "--set", "tau=0.1"]) == 0
    out = tmp_path / "cli"
    saved = yaml.safe_load((out / "config.yaml").read_text())
    assert saved["beta"]["initial"] == 0.0 and saved["tau"] == 0.1 and saved["steps"] == 2
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [0, 1]
    for key in ("mean_outcome", "zero_variance_fraction", "mean_gate", "kl", "clip_fraction",
                "tokens_per_s", "time_rollout_s", "time_info_gain_s", "time_reference_s",
                "time_update_s", "peak_rss_mb"):  # fmt: skip
        assert isinstance(rows[0][key], float), key
    evaluations = [json.loads(line) for line in (out / "eval.jsonl").read_text().splitlines()]
    assert [e["step"] for e in evaluations] == [0, 2]
    assert 0.0 <= evaluations[-1]["test_pass^2"] <= evaluations[-1]["test_pass^1"] <= 1.0
    assert "Wrote" in capsys.readouterr().out


def test_evaluation_can_skip_the_untrained_policy(tmp_path):
    config = tiny_run(
        tmp_path, "late", steps=1, eval={"every": 1, "at_start": False, "tasks": 1, "k": 1}
    )
    result = train(load(write(tmp_path, config)))
    assert [e["step"] for e in result.evaluations] == [1]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("train_*.*")), ids=lambda p: p.name)
def test_example_configs_are_valid(path):
    config = load(path)
    assert config.output_dir.startswith("runs/")


def test_tensorboard_logs_or_names_the_missing_package(tmp_path):
    config = load(write(tmp_path, tiny_run(tmp_path, "board", steps=1, tensorboard=True)))
    if importlib.util.find_spec("tensorboard") is None:
        with pytest.raises(ConfigError, match=r"'tensorboard'.*pip install tensorboard"):
            train(config)
    else:
        train(config)
        assert any((tmp_path / "board" / "tensorboard").iterdir())
