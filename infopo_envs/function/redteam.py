"""Cheating agents for Function-v0: answering without working out the rule.

Each plays through ``reset``/``step`` only and reads nothing but the observations:

- ``extrapolate_quadratic``: looks up the test input, evaluates ``f`` one, two and three steps
  away along one argument and answers the quadratic through them at step zero
  (``3 f(1) - 3 f(2) + f(3)``);
- ``extrapolate_central``: the same with the symmetric stencil ``f(-1)``, ``f(1)``, ``f(-2)``,
  ``f(2)`` (the quadratic through four points around the test input);
- ``extrapolate_wide``: the quadratic through two, four and six steps away;
- ``mixed_difference``: ``f(x + e_a) + f(x + e_b) - f(x + e_a + e_b)``, exact when ``f`` is a sum
  of a function without ``a`` and one without ``b``;
- ``neighbour``: answers ``f`` at the test input with one argument changed by one (exact when
  ``f`` does not depend on that argument there);
- ``plane_fit``: fits ``f`` by least squares to a linear-plus-quadratic surface over probes
  around the test input and answers the fit there;
- ``mirror``: answers ``f`` at the test input with every argument negated;
- ``observation_guess``: answers the value of the worked example shown in the opening.

The answer is final (one per episode), so each stencil agent answers from its first argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from infopo_envs.core.agents import Agent
from infopo_envs.core.redteam import Script, ScriptedAgent

_CALL = re.compile(r"f\(([-\d, ]+)\) = (-?\d+)")
_TEST = re.compile(r"a = (-?\d+), b = (-?\d+), c = (-?\d+), d = (-?\d+)")


def _value(feedback: str) -> int | None:
    match = _CALL.search(feedback)
    return int(match.group(2)) if match else None


def _probe(point: tuple[int, ...]) -> str:
    return "[action] " + " ".join(map(str, point))


def _shift(point: tuple[int, ...], axis: int, step: int) -> tuple[int, ...]:
    moved = list(point)
    moved[axis] += step
    return tuple(moved)


def _read_test(feedback: str) -> tuple[int, int, int, int]:
    a, b, c, d = (int(v) for v in _TEST.search(feedback).groups())
    return a, b, c, d


def _stencil_script(steps: tuple[int, ...], weights: tuple[float, ...]):
    """Evaluate at the test input with ``a`` shifted by ``steps``; answer the weighted sum."""

    def script(opening: str) -> Script:
        test = _read_test((yield "[search] test"))
        values = []
        for step in steps:
            values.append(_value((yield _probe(_shift(test, 0, step)))))
        guess = round(sum(w * (v or 0) for w, v in zip(weights, values, strict=True)))
        yield f"[answer] {guess}"

    return script


def _plane_fit(opening: str) -> Script:
    """Least squares over f at the test input's 2-step neighbourhood in pairs of arguments."""
    test = _read_test((yield "[search] test"))
    points, values = [], []
    offsets = [(0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (-1, -1), (1, -1)]
    for axes in ((0, 1), (2, 3)):
        for da, db in offsets:
            point = _shift(_shift(test, axes[0], da), axes[1], db)
            value = _value((yield _probe(point)))
            if value is not None:
                points.append(point)
                values.append(value)
    features = [_quadratic_features(p, test) for p in points]
    coefficients, *_ = np.linalg.lstsq(np.array(features, float), np.array(values, float))
    yield f"[answer] {round(float(coefficients[0]))}"


def _quadratic_features(point: tuple[int, ...], centre: tuple[int, ...]) -> list[float]:
    x = [p - c for p, c in zip(point, centre, strict=True)]
    squares = [xi * xi for xi in x]
    return [1.0, *x, *squares]


def _mixed_difference(opening: str) -> Script:
    """Answers f(x + e_a) + f(x + e_b) - f(x + e_a + e_b): exact when f separates a from b."""
    test = _read_test((yield "[search] test"))
    first = _value((yield _probe(_shift(test, 0, 1))))
    second = _value((yield _probe(_shift(test, 1, 1))))
    both = _value((yield _probe(_shift(_shift(test, 0, 1), 1, 1))))
    yield f"[answer] {(first or 0) + (second or 0) - (both or 0)}"


def _mirror(opening: str) -> Script:
    """Answers f at the test input with every argument negated (exact for an even rule)."""
    test = _read_test((yield "[search] test"))
    value = _value((yield _probe(tuple(-v for v in test))))
    yield f"[answer] {value if value is not None else 0}"


def _observation_guess(opening: str) -> Script:
    example = _value(opening)
    yield f"[answer] {example if example is not None else 0}"


def _agent(script: Callable[[str], Script]) -> Callable[[], Agent]:
    return lambda: ScriptedAgent(script)


CHEATERS: dict[str, dict[str, Callable[[], Agent]]] = {
    "InfoPO/Function-v0": {
        "extrapolate_quadratic": _agent(_stencil_script((1, 2, 3), (3.0, -3.0, 1.0))),
        "extrapolate_central": _agent(
            _stencil_script((-1, 1, -2, 2), (4 / 6, 4 / 6, -1 / 6, -1 / 6))
        ),
        "extrapolate_wide": _agent(_stencil_script((2, 4, 6), (3.0, -3.0, 1.0))),
        "neighbour": _agent(_stencil_script((1,), (1.0,))),
        "mixed_difference": _agent(_mixed_difference),
        "plane_fit": _agent(_plane_fit),
        "mirror": _agent(_mirror),
        "observation_guess": _agent(_observation_guess),
    }
}

__all__ = ["CHEATERS", "ScriptedAgent"]
