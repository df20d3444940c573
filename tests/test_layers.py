"""The layers only import downwards: simulators < infopo_envs < infopo_agent; no env family
imports another, and no family's modules import each other in a cycle. Read from the source
(every import statement, including those inside functions), so a lazy import cannot hide a
cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("simulators", "infopo_envs", "infopo_agent")  # each may import only those before it
SHARED_ENV_PACKAGES = {"core"}  # what every env family may import


def imports_of(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def modules() -> list[tuple[str, Path]]:
    return [
        (package, path) for package in LAYERS for path in sorted((ROOT / package).rglob("*.py"))
    ]


@pytest.mark.parametrize("package,path", modules(), ids=lambda v: str(v))
def test_no_upward_import(package, path):
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    upward = [
        name
        for name in imports_of(path)
        if name.split(".")[0] in LAYERS and name.split(".")[0] not in allowed
    ]
    assert not upward, f"{path.relative_to(ROOT)} imports upwards: {upward}"


@pytest.mark.parametrize(
    "path", sorted((ROOT / "infopo_envs").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_env_families_do_not_import_each_other(path):
    parts = path.relative_to(ROOT / "infopo_envs").parts
    if len(parts) < 2 or parts[0] in SHARED_ENV_PACKAGES:
        return
    family = parts[0]
    foreign = [
        name
        for name in imports_of(path)
        if name.startswith("infopo_envs.")
        and name.split(".")[1] not in {family, *SHARED_ENV_PACKAGES}
    ]
    assert not foreign, f"{path.relative_to(ROOT)} imports another family: {foreign}"


def _imported_files(path: Path) -> set[Path]:
    """The project files ``path``'s import statements load: ``from pkg import module`` loads
    the module, ``from pkg import name`` the package."""
    files = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            files |= {_module_file(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                files.add(_module_file(f"{node.module}.{alias.name}") or _module_file(node.module))
    return files - {None}


def _module_file(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


@pytest.mark.parametrize("family", sorted(p.name for p in (ROOT / "infopo_envs").iterdir()
                                          if (p / "__init__.py").exists()))  # fmt: skip
def test_no_import_cycle_inside_a_family(family):
    """Within a family, the modules' import statements (lazy ones too) form no cycle."""
    folder = ROOT / "infopo_envs" / family
    graph = {
        path: {target for target in _imported_files(path) if folder in target.parents}
        for path in folder.rglob("*.py")
    }
    done: set[Path] = set()

    def visit(path: Path, trail: list[Path]) -> None:
        if path in trail:
            cycle = [*trail[trail.index(path) :], path]
            pytest.fail("import cycle: " + " -> ".join(str(p.relative_to(ROOT)) for p in cycle))
        if path in done:
            return
        for target in sorted(graph.get(path, ())):
            visit(target, [*trail, path])
        done.add(path)

    for path in sorted(graph):
        visit(path, [])
