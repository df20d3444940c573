"""Run untrusted Python functions against test calls in an isolated process (docs/sandbox.md).

The parent never executes submitted code. It starts ``harness.py`` as a separate interpreter
(``python -I -S``, empty environment, working directory ``/``), inside new network, PID and mount
namespaces when the machine allows it, and reads back one report over the supervisor's stdout.
The report holds what each test returned; grading (``grade``) happens here, against expected
values the sandbox never sees.

Isolation levels, chosen once per process by ``isolation="auto"``:

- ``namespace``: root and ``unshare`` work. No network, own PID namespace (killing its PID 1 ends
  everything), the project and the host's temporary directories hidden behind empty tmpfs, a
  fresh tmpfs ``/tmp``, a one-run unprivileged user id, resource limits.
- ``process``: root without ``unshare``. The same user id drop and limits, a host temporary
  directory per run; the network and the host's world-readable files stay reachable.
- ``unprivileged``: not root. Limits and a new session only; the submission runs as the same user
  as the parent. Meant for development machines, not for hostile code.
"""

from __future__ import annotations

import functools
import itertools
import json
import marshal
import math
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from infopo_envs.coding import harness

HARNESS_SOURCE = Path(harness.__file__).read_text(encoding="utf-8")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
ISOLATION_LEVELS = ("namespace", "process", "unprivileged")
#: Standard-library modules that do something beyond computing when imported (open a browser,
#: print, start a GUI or an installer): never imported on a submission's behalf.
NOT_PRELOADED = frozenset(
    {
        "antigravity",
        "this",
        "idlelib",
        "tkinter",
        "turtle",
        "turtledemo",
        "webbrowser",
        "ensurepip",
        "venv",
        "pydoc",
        "pydoc_data",
        "lib2to3",
        "test",
        "__main__",
    }
)
#: Modules the supervisor imports before the privilege drop when the submission's import
#: statements name them (with their submodules), so they work even where the interpreter's
#: library is unreadable to the sandbox user (a Python installed under a private home, say):
#: the standard library, less ``NOT_PRELOADED``.
DEFAULT_PRELOAD = tuple(sorted(set(sys.stdlib_module_names) - NOT_PRELOADED))
#: Modules the named ones import lazily, on first use (``datetime.strptime`` loads _strptime).
LAZY_COMPANIONS = {"datetime": ("_strptime",), "time": ("_strptime",)}
WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm")
HIDDEN_PATHS = ("/tmp", "/var/tmp", "/dev/shm", "/home", "/root", "/run/user", "/mnt", "/media")
UID_BASE = 200_000
UID_SPAN = 60_000
_uid_counter = itertools.count()
_uid_lock = threading.Lock()

TEST_STATUSES = ("passed", "failed", "error", "timeout")


class SandboxError(RuntimeError):
    """The sandbox itself failed (not the submission): bad set-up, a missing interpreter, ..."""


@dataclass(frozen=True)
class Limits:
    """Per-run resource limits. Times are wall-clock seconds; sizes are bytes."""

    test_timeout: float = 1.0
    load_timeout: float = 2.0
    total_timeout: float = 6.0
    memory: int = 256 << 20
    file_size: int = 1 << 20
    open_files: int = 32
    processes: int = 4
    output: int = 4096
    value: int = 65536
    tmp_size: int = 8 << 20

    def rlimits(self) -> dict[str, int]:
        return {
            "RLIMIT_CPU": math.ceil(self.total_timeout) + 1,
            "RLIMIT_AS": self.memory,
            "RLIMIT_FSIZE": self.file_size,
            "RLIMIT_NOFILE": self.open_files,
            "RLIMIT_NPROC": self.processes,
            "RLIMIT_CORE": 0,
        }


@dataclass
class RunReport:
    """What the sandbox saw: one ``(kind, detail)`` per test, and the captured output.

    ``kind`` is ``value`` (detail: the decoded return value), ``raised`` (detail: the exception's
    class name), ``error`` or ``timeout`` (detail: a reason). ``errors`` holds, per test, what
    went wrong in words (``"ZeroDivisionError: division by zero"``, the import error of a
    submission that failed to load), with the test's inputs cut out; None for other tests.
    """

    outcomes: list[tuple[str, Any]]
    output: str
    isolation: str
    runner_exits: list[str] = field(default_factory=list)
    errors: list[str | None] = field(default_factory=list)


@dataclass(frozen=True)
class Verdict:
    """Graded tests: one status per test (``passed``/``failed``/``error``/``timeout``)."""

    statuses: tuple[str, ...]

    @property
    def passed(self) -> int:
        return self.statuses.count("passed")

    @property
    def fraction(self) -> float:
        return self.passed / len(self.statuses) if self.statuses else 0.0

    @property
    def success(self) -> bool:
        return bool(self.statuses) and self.passed == len(self.statuses)


@dataclass(frozen=True)
class Expected:
    """The reference's outcome for one test: a return value, or the class name it raised."""

    raises: str | None = None
    value: Any = None


class Sandbox:
    """Evaluates submissions; thread-safe, so several runs may be in flight at once."""

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        isolation: str = "auto",
        python: str | None = None,
        preload: tuple[str, ...] = DEFAULT_PRELOAD,
        hidden_paths: tuple[str, ...] = (),
    ):
        if isolation not in ("auto", *ISOLATION_LEVELS):
            raise ValueError(f"isolation must be 'auto' or one of {ISOLATION_LEVELS}")
        if isolation == "unprivileged" and os.geteuid() == 0:
            raise ValueError("as root, submissions would run as root: use 'namespace' or 'process'")
        self.limits = limits or Limits()
        self.python = python or os.path.realpath(sys.executable)
        self.preload = tuple(preload)
        self.hidden_paths = tuple(dict.fromkeys((str(PROJECT_ROOT), *HIDDEN_PATHS, *hidden_paths)))
        self.requested_isolation = isolation
        self._isolation: str | None = None

    @property
    def isolation(self) -> str:
        """The isolation level in effect (probed on first use, once per process and setting)."""
        if self._isolation is None:
            level = self.requested_isolation
            if level == "auto":
                level = detect_isolation(self.python)
                if level == "unprivileged":
                    warnings.warn(
                        "sandbox: not running as root, so submissions run as this user with "
                        "resource limits only (see docs/sandbox.md)",
                        RuntimeWarning,
                        stacklevel=2,
                    )
            elif level == "namespace" and detect_isolation(self.python) != "namespace":
                raise SandboxError("namespace isolation needs root and a working 'unshare'")
            self._isolation = level
        return self._isolation

    def _preload(self, source: str) -> list[str]:
        """The modules (dotted names too) the source imports that the supervisor may load."""
        allowed = set(self.preload)
        names = [m for m in sorted(imported_modules(source)) if m.split(".")[0] in allowed]
        companions = [c for m in names for c in LAZY_COMPANIONS.get(m, ()) if c in allowed]
        return list(dict.fromkeys([*names, *companions]))

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_isolation": None}

    def run(self, source: str, function: str, calls: list[tuple]) -> RunReport:
        """Run ``function(*call)`` for every call on the submitted ``source``."""
        isolation = self.isolation
        uid = _next_uid() if isolation != "unprivileged" else None
        workdir = harness.SANDBOX_WORKDIR
        if isolation != "namespace":
            workdir = tempfile.mkdtemp(prefix="infopo-sandbox-")
            if uid is not None:
                os.chown(workdir, uid, uid)
        try:
            return self._run(source, function, calls, isolation, uid, workdir)
        finally:
            if isolation != "namespace":
                shutil.rmtree(workdir, ignore_errors=True)
            if isolation == "process":
                _remove_leftovers(uid)

    def _run(self, source, function, calls, isolation, uid, workdir) -> RunReport:
        nonce = secrets.token_hex(16)
        limits = self.limits
        job = {
            "nonce": nonce,
            "source": source,
            "function": function,
            "calls": [harness.encode(tuple(call)) for call in calls],
            "uid": uid,
            "gid": uid,
            "namespace": isolation == "namespace",
            "hide": list(self.hidden_paths),
            "tmp_options": f"size={limits.tmp_size},mode=0755",
            "workdir": workdir,
            "limits": limits.rlimits(),
            "test_timeout": limits.test_timeout,
            "load_timeout": limits.load_timeout,
            "total_timeout": limits.total_timeout,
            "output_limit": limits.output,
            "value_limit": limits.value,
            "preload": self._preload(source),
        }
        command = [self.python, "-I", "-S", "-c", HARNESS_SOURCE]
        if isolation == "namespace":
            command = [_unshare(), *UNSHARE_FLAGS, "--", *command]
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={},
            cwd="/",
            start_new_session=True,
        )
        grace = limits.total_timeout + limits.load_timeout + 5.0
        try:
            stdout, stderr = process.communicate(marshal.dumps(job), timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise SandboxError(
                f"the sandbox supervisor did not finish within {grace:.0f} s"
            ) from None
        return _read_report(stdout, stderr, nonce, calls, isolation)


UNSHARE_FLAGS = ("--net", "--pid", "--fork", "--mount-proc", "--kill-child")


@functools.cache
def _unshare() -> str:
    path = shutil.which("unshare")
    if path is None:
        raise SandboxError("'unshare' is not installed")
    return path


@functools.cache
def detect_isolation(python: str) -> str:
    """The strongest isolation level this machine allows for ``python``."""
    if os.geteuid() != 0:
        return "unprivileged"
    try:
        probe = subprocess.run(
            [_unshare(), *UNSHARE_FLAGS, "--", python, "-I", "-S", "-c", "pass"],
            env={},
            cwd="/",
            capture_output=True,
            timeout=30,
        )
    except (SandboxError, OSError, subprocess.TimeoutExpired):
        return "process"
    return "namespace" if probe.returncode == 0 else "process"


def _next_uid() -> int:
    """A user id for one run, distinct from concurrent runs of this process (and, by the process
    id, almost surely from other processes' runs), so resource counts and kills stay per run."""
    with _uid_lock:
        count = next(_uid_counter)
    return UID_BASE + (os.getpid() * 64 + count % 64) % UID_SPAN


_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w., \t]+))", re.M)


def imported_modules(source: str) -> set[str]:
    """The modules the source's import statements name, with their parent packages
    (``collections.abc`` gives ``collections`` and ``collections.abc``).

    Only used to choose what to load before the privilege drop (a speed matter: loading every
    allowed module costs more than the rest of a run); never a security check.
    """
    names = set()
    for match in _IMPORT.finditer(source):
        for part in (match.group(1) or match.group(2)).split(","):
            words = part.split()
            if words:
                parts = words[0].split(".")
                names.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return names


def _remove_leftovers(uid: int) -> None:
    """Delete what a run's user id left in the host's world-writable directories (the process
    level cannot hide them behind a private tmpfs)."""
    for directory in WORLD_WRITABLE:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.stat(follow_symlinks=False).st_uid != uid:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                continue


def _read_report(stdout: bytes, stderr: bytes, nonce: str, calls: list[tuple], isolation: str):
    text = stdout.decode("utf-8", "replace")
    head, _, body = text.partition(" ")
    if head != nonce:
        detail = stderr.decode("utf-8", "replace")[-2000:]
        raise SandboxError(f"the sandbox supervisor gave no report; its stderr: {detail}")
    report = json.loads(body)
    if "fatal" in report:
        raise SandboxError(f"the sandbox failed: {report['fatal']}")
    if len(report["results"]) != len(calls):
        raise SandboxError(
            f"the sandbox reported {len(report['results'])} results for {len(calls)} tests"
        )
    outcomes, errors = [], []
    for (kind, detail), call in zip(report["results"], calls, strict=True):
        message = None
        if kind == "raised":
            detail, _, message = str(detail).partition("\t")
        elif kind == "error" and str(detail).startswith(LOAD_ERROR):
            message = str(detail).removeprefix(LOAD_ERROR)
        outcomes.append(_outcome(kind, detail))
        errors.append(None if message is None else without_inputs(message, call))
    return RunReport(outcomes, report["output"], isolation, report["runner_exits"], errors)


LOAD_ERROR = "submission failed to load: "


def without_inputs(message: str, call: tuple) -> str:
    """``message`` with every text or number of the test's arguments replaced by ``...``, so an
    error message never shows a hidden test input (the exception's type, before the first
    ``": "``, is kept as it is)."""
    kind, sep, text = message.partition(": ")
    if not sep:
        return message
    for atom in sorted(set(_atoms(call)), key=len, reverse=True):
        if len(atom) >= 3:
            text = text.replace(atom, "...")
        elif atom.strip():
            text = re.sub(rf"(?<!\w){re.escape(atom)}(?!\w)", "...", text)
    return f"{kind}: {text}"


def _atoms(value: Any) -> list[str]:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [atom for item in value for atom in _atoms(item)]
    if isinstance(value, dict):
        return [atom for pair in value.items() for atom in _atoms(pair)]
    if value is None or isinstance(value, bool):
        return []
    return [str(value), repr(value)]


def _outcome(kind: str, detail: str) -> tuple[str, Any]:
    """Decode one runner outcome; the text came from untrusted code, so any oddity is an error."""
    if kind != "value":
        return (kind, detail)
    try:
        return ("value", harness.decode(json.loads(detail)))
    except (ValueError, TypeError, RecursionError, MemoryError):
        return ("error", "unreadable return value")


def expected_of(function: Any, calls: list[tuple]) -> list[Expected]:
    """Run our own (trusted) reference function on each call, normalised like a sandbox value."""
    return expected_of_each([function], calls)[0]


def expected_of_each(functions: list[Any], calls: list[tuple]) -> list[list[Expected]]:
    """``expected_of`` for several functions on the same calls, encoding the calls once (each
    function still gets its own fresh copy of the arguments)."""
    encoded = [harness.encode(tuple(call)) for call in calls]
    return [_expected(function, encoded) for function in functions]


def _expected(function: Any, encoded_calls: list[Any]) -> list[Expected]:
    outcomes = []
    for encoded in encoded_calls:
        args = harness.decode(encoded)
        try:
            value = function(*args)
        except Exception as error:
            outcomes.append(Expected(raises=type(error).__name__))
            continue
        outcomes.append(Expected(value=harness.decode(harness.encode(value))))
    return outcomes


def grade(report: RunReport, expected: list[Expected]) -> Verdict:
    """Compare what the submission did with what the reference does, test by test."""
    statuses = []
    for (kind, detail), want in zip(report.outcomes, expected, strict=True):
        if kind == "timeout":
            statuses.append("timeout")
        elif kind == "raised" and want.raises is not None:
            statuses.append("passed" if detail == want.raises else "failed")
        elif kind in ("raised", "error"):
            statuses.append("error")
        elif want.raises is None and values_match(want.value, detail):
            statuses.append("passed")
        else:
            statuses.append("failed")
    return Verdict(tuple(statuses))


def values_match(expected: Any, actual: Any) -> bool:
    """Equality with container types respected, bools kept apart from numbers, floats close."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    numbers = (int, float)
    if isinstance(expected, numbers) and isinstance(actual, numbers):
        if isinstance(expected, float) and isinstance(actual, float) and math.isnan(expected):
            return math.isnan(actual)
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (list, tuple)):
        return len(expected) == len(actual) and all(
            values_match(e, a) for e, a in zip(expected, actual, strict=False)
        )
    if isinstance(expected, dict):
        return expected.keys() == actual.keys() and all(
            values_match(value, actual[key]) for key, value in expected.items()
        )
    return expected == actual
