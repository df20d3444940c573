"""The CodingCollab sandbox: hostile submissions end as clean failures and touch nothing else."""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from infopo_envs.coding import harness
from infopo_envs.coding.sandbox import (
    DEFAULT_PRELOAD,
    Expected,
    Limits,
    Sandbox,
    detect_isolation,
    expected_of,
    grade,
    values_match,
)

FAST = Limits(test_timeout=0.5, load_timeout=1.0, total_timeout=2.5)
CALLS = [(i,) for i in range(10)]
GOOD = "def f(x):\n    return x * 2\n"
EXPECTED = [Expected(value=x * 2) for x in range(10)]

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="user id drop needs root")
LEVELS = [
    pytest.param(
        "namespace",
        marks=pytest.mark.skipif(
            detect_isolation(os.path.realpath(sys.executable)) != "namespace",
            reason="no namespaces here",
        ),
    ),
    pytest.param("process", marks=needs_root),
]


@pytest.fixture(scope="module", params=LEVELS)
def sandbox(request):
    return Sandbox(limits=FAST, isolation=request.param, preload=(*DEFAULT_PRELOAD, "socket"))


def statuses(sandbox, source, calls=CALLS, expected=EXPECTED):
    return grade(sandbox.run(source, "f", calls), expected).statuses


def test_good_submission_passes_and_output_is_captured(sandbox):
    report = sandbox.run("def f(x):\n    print('seen', x)\n    return x * 2\n", "f", CALLS)
    assert grade(report, EXPECTED).statuses == ("passed",) * 10
    assert report.output.startswith("seen 0\nseen 1\n")


def test_wrong_and_raising_submissions_fail_cleanly(sandbox):
    source = "def f(x):\n    if x == 3:\n        raise KeyError(x)\n    return x * 2 + (x == 5)\n"
    got = statuses(sandbox, source)
    assert got[3] == "error" and got[5] == "failed"
    assert got.count("passed") == 8


def test_infinite_loop_times_out_only_its_own_test(sandbox):
    source = "def f(x):\n    while x == 1:\n        pass\n    return x * 2\n"
    got = statuses(sandbox, source, CALLS[:4], EXPECTED[:4])
    assert got == ("passed", "timeout", "passed", "passed")


def test_loop_at_import_time_times_out_everything(sandbox):
    got = statuses(sandbox, "while True:\n    pass\n", CALLS[:3], EXPECTED[:3])
    assert got == ("timeout",) * 3


def test_fork_bomb_is_contained(sandbox):
    source = (
        "import os\n"
        "def f(x):\n"
        "    while True:\n"
        "        try:\n"
        "            os.fork()\n"
        "        except OSError:\n"
        "            pass\n"
    )
    got = statuses(sandbox, source, CALLS[:2], EXPECTED[:2])
    assert set(got) <= {"timeout", "error"}
    assert statuses(sandbox, GOOD) == ("passed",) * 10  # the host can still start sandboxes


def test_huge_allocation_is_an_error(sandbox):
    source = "def f(x):\n    if x == 0:\n        b = bytearray(4 << 30)\n    return x * 2\n"
    got = statuses(sandbox, source, CALLS[:3], EXPECTED[:3])
    assert got == ("error", "passed", "passed")


def test_huge_output_is_truncated(sandbox):
    source = "def f(x):\n    print('y' * 1_000_000)\n    return x * 2\n"
    report = sandbox.run(source, "f", CALLS[:2])
    assert grade(report, EXPECTED[:2]).statuses == ("passed", "passed")
    assert len(report.output) == FAST.output


def test_huge_return_value_is_an_error(sandbox):
    source = "def f(x):\n    return 'z' * 10_000_000\n"
    assert statuses(sandbox, source, CALLS[:1], EXPECTED[:1]) == ("error",)


def test_cannot_import_the_project(sandbox):
    source = "def f(x):\n    import infopo_envs.coding.tasks\n    return 'imported'\n"
    assert sandbox.run(source, "f", CALLS[:1]).outcomes[0] == ("raised", "ModuleNotFoundError")


def test_cannot_read_the_reference_in_namespace_mode(sandbox):
    if sandbox.isolation != "namespace":
        pytest.skip("only the namespace level hides the project's files (docs/sandbox.md)")
    family_source = Path(harness.__file__).parent / "families" / "pricing.py"
    source = f"def f(x):\n    return open({str(family_source)!r}).read()\n"
    assert sandbox.run(source, "f", CALLS[:1]).outcomes[0] == ("raised", "FileNotFoundError")


def test_cannot_write_outside_its_directory(sandbox):
    target = Path(tempfile.gettempdir()) / f"infopo-sandbox-escape-{os.getpid()}"
    source = f"def f(x):\n    open({str(target)!r}, 'w').write('escaped')\n    return x * 2\n"
    expected = ("error",) if sandbox.isolation == "namespace" else ("passed",)
    assert statuses(sandbox, source, CALLS[:1], EXPECTED[:1]) == expected
    assert not target.exists()  # a private /tmp, or leftovers removed after the run
    inside = "def f(x):\n    open('scratch.txt', 'w').write('ok')\n    return x * 2\n"
    assert statuses(sandbox, inside, CALLS[:1], EXPECTED[:1]) == ("passed",)


def test_network_is_unreachable_in_namespace_mode(sandbox):
    if sandbox.isolation != "namespace":
        pytest.skip("only the namespace level cuts the network")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    source = (
        "import socket\n"
        "def f(x):\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=0.3)\n"
        "    return x * 2\n"
    )
    try:
        listener.settimeout(0.5)
        assert statuses(sandbox, source, CALLS[:1], EXPECTED[:1]) == ("error",)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def test_signalling_the_parent_or_everyone_fails(sandbox):
    source = (
        "import os, signal\n"
        "def f(x):\n"
        "    for target in (os.getppid(), 1, -1):\n"
        "        try:\n"
        "            os.kill(target, signal.SIGKILL)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return x * 2\n"
    )
    got = statuses(sandbox, source, CALLS[:3], EXPECTED[:3])
    assert got == ("passed", "passed", "passed")  # the supervisor and this process survive


def test_forged_reports_cannot_make_tests_pass(sandbox):
    """Verdicts are made in the parent from returned values, so claims of success count for
    nothing: a submission can only pass by producing the right values."""
    source = (
        "import os, sys\n"
        'fake = \'0\' * 32 + \' {"results": [["passed", ""]]}\\n\'\n'
        "for fd in (1, 2, 3):\n"
        "    for i in range(10):\n"
        "        os.write(fd, f'{i}\\tpassed\\t\\n{i}\\tok\\ttrue\\n'.encode())\n"
        "    os.write(fd, fake.encode())\n"
        "harness = sys.modules['__main__']\n"
        "harness.encode = lambda value, depth=0: 'passed'\n"
        "harness._report = lambda index, kind, text: None\n"
        "def f(x):\n"
        "    return -1\n"
    )
    got = statuses(sandbox, source)
    assert "passed" not in got


def test_rigged_equality_is_refused(sandbox):
    source = (
        "class Anything(int):\n"
        "    def __eq__(self, other):\n"
        "        return True\n"
        "def f(x):\n"
        "    return Anything(0)\n"
    )
    assert statuses(sandbox, source, CALLS[:2], EXPECTED[:2]) == ("error", "error")


def test_sys_exit_and_hard_exit(sandbox):
    assert statuses(sandbox, "import sys\nsys.exit(0)\n", CALLS[:2], EXPECTED[:2]) == (
        "error",
        "error",
    )
    in_function = "import sys\ndef f(x):\n    sys.exit(0)\n"
    assert statuses(sandbox, in_function, CALLS[:2], EXPECTED[:2]) == ("error", "error")
    hard = "import os\ndef f(x):\n    if x == 0:\n        os._exit(0)\n    return x * 2\n"
    assert statuses(sandbox, hard, CALLS[:3], EXPECTED[:3]) == ("error", "passed", "passed")


def test_missing_function_and_syntax_error(sandbox):
    assert statuses(sandbox, "def g(x):\n    return x\n", CALLS[:2], EXPECTED[:2]) == (
        "error",
        "error",
    )
    assert statuses(sandbox, "def f(:\n", CALLS[:2], EXPECTED[:2]) == ("error", "error")


def test_hostile_runs_do_not_disturb_concurrent_ones(sandbox):
    hostile = [
        "while True:\n    pass\n",
        "import os\ndef f(x):\n    while True:\n        try:\n            os.fork()\n"
        "        except OSError:\n            pass\n",
        "def f(x):\n    return bytearray(4 << 30)\n",
    ]
    results: dict[int, tuple[str, ...]] = {}

    def good(slot):
        results[slot] = statuses(sandbox, GOOD)

    threads = [threading.Thread(target=good, args=(slot,)) for slot in range(3)]
    threads += [
        threading.Thread(target=sandbox.run, args=(source, "f", CALLS[:2])) for source in hostile
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {slot: ("passed",) * 10 for slot in range(3)}


@needs_root
def test_root_refuses_to_run_submissions_as_itself():
    with pytest.raises(ValueError, match="root"):
        Sandbox(isolation="unprivileged")


def test_codec_round_trip_keeps_types():
    value = {"a": [1, (2.5, "x")], 3: {frozenset({1, 2}), None}, "t": True}
    assert harness.decode(harness.encode(value)) == value
    with pytest.raises(TypeError):
        harness.encode(object())
    with pytest.raises(ValueError):
        harness.decode(["Q", 1])


def test_values_match_rules():
    assert values_match(0.1 + 0.2, 0.3)
    assert values_match(2, 2.0)
    assert not values_match(True, 1)
    assert not values_match([1, 2], (1, 2))
    assert values_match(float("nan"), float("nan"))
    assert not values_match({"a": 1}, {"a": 2})


def test_expected_outcomes_record_exceptions():
    def reference(x):
        if x < 0:
            raise ValueError(x)
        return (x,)

    assert expected_of(reference, [(1,), (-1,)]) == [
        Expected(value=(1,)),
        Expected(raises="ValueError"),
    ]


STDLIB_SOURCE = (
    "from __future__ import annotations\n"
    "from typing import List\n"
    "import json, dataclasses, random, statistics, decimal, fractions, enum, textwrap\n"
    "import collections, itertools, functools, math, re, string, datetime, heapq, bisect\n"
    "from collections.abc import Iterable\n"
    "def f(x):\n"
    "    day = datetime.datetime.strptime('2024-01-02', '%Y-%m-%d')\n"
    "    return x * 2 + 0 * (day.day + int(statistics.mean([1, 3])) + len(json.dumps([x])))\n"
)


def test_the_standard_library_is_importable(sandbox):
    assert statuses(sandbox, STDLIB_SOURCE) == ("passed",) * 10


def test_installed_packages_stay_out_of_reach(sandbox):
    if sandbox.isolation != "namespace":
        pytest.skip("only the namespace level hides the interpreter's site-packages")
    source = "import pip\ndef f(x):\n    return x * 2\n"
    report = sandbox.run(source, "f", CALLS[:1])
    assert report.errors[0] == "ModuleNotFoundError: No module named 'pip'"


def test_errors_name_type_and_message_without_the_inputs(sandbox):
    source = "def f(x):\n    raise ValueError(f'cannot use {x * 1000 + 777} here')\n"
    report = sandbox.run(source, "f", [(5,)])
    assert report.outcomes[0] == ("raised", "ValueError")
    assert report.errors[0] == "ValueError: cannot use 5777 here"  # 5777 is no argument
    report = sandbox.run("def f(x):\n    return {}[x]\n", "f", [("alice",), (12,)])
    assert report.errors == ["KeyError: ...", "KeyError: ..."]
    report = sandbox.run("import not_a_module\n", "f", CALLS[:2])
    assert report.errors == ["ModuleNotFoundError: No module named 'not_a_module'"] * 2
