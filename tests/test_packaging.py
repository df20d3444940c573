"""How users meet the package: registration paths, no torch for env users, the console script."""

from __future__ import annotations

import json
import subprocess
import sys


def run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout


def test_make_with_module_prefix_needs_no_prior_import():
    out = run_python(
        "import gymnasium as gym, sys\n"
        "env = gym.make('infopo_envs:InfoPO/TravelIntent-v0')\n"
        "obs, info = env.reset(seed=0)\n"
        "print(type(obs).__name__, info['placeholder'], 'infopo_envs' in sys.modules)"
    )
    assert out.split() == ["str", "No", "information", "found.", "True"]


def test_the_getting_started_snippet_runs():
    out = run_python(
        "import gymnasium as gym, infopo_envs\n"
        "env = gym.make('InfoPO/TravelIntent-v0')\n"
        "obs, info = env.reset(seed=0)\n"
        "print(env.step('[action] What is your budget for the hotel?'))"
    )
    assert out.startswith("(") and "'action_valid': True" in out


def test_env_users_never_import_torch():
    out = run_python(
        "import sys, json, gymnasium as gym, infopo_envs, infopo_agent\n"
        "from infopo_envs.core.agents import oracle_for, run_episode\n"
        "for env_id in sorted(infopo_envs.ENVS):\n"
        "    env = gym.make(env_id)\n"
        "    run_episode(env, oracle_for(env), options={'task_id': 'test-0000'})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "    ('torch', 'transformers', 'openai'))))"
    )
    assert json.loads(out) == []


def test_console_script_lists_every_env():
    done = subprocess.run(
        [sys.executable, "-m", "infopo_agent.cli.main", "list"],
        capture_output=True, text=True, check=True, timeout=120,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    import infopo_envs

    for env_id in infopo_envs.ENVS:
        assert env_id in done.stdout


def test_the_wheel_ships_every_data_file(tmp_path):
    """Every non-Python file in the packages (the data the envs load) is inside the built wheel:
    package-data globs that miss a file would fail at import time for every installed user."""
    import shutil
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    packages = ("infopo_envs", "infopo_agent", "simulators")
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in packages:
        shutil.copytree(root / package, source / package, ignore=ignore)
    data_files = {
        path.relative_to(source).as_posix()
        for package in packages
        for path in (source / package).rglob("*")
        if path.is_file() and path.suffix != ".py"
    }
    assert any(name.endswith("vocabulary.json") for name in data_files)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert data_files <= shipped, f"not in the wheel: {sorted(data_files - shipped)}"
