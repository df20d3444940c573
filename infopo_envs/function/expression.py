"""The hidden functions of Function-v0: a small integer expression grammar, drawn from a seed.

Pure code, testable without the env. An expression is a tree of variables (``a``, ``b``, ``c``,
``d``), integer constants and operators over integers::

    expr := var | const | expr + expr | expr - expr | expr * expr
          | max(expr, expr) | min(expr, expr) | abs(expr)

``draw_function`` builds a sum of two or three terms from a few term shapes (a scaled variable,
a product, a square, a max/min, a distance) plus an optional constant, so that every function
uses at least two arguments, stays an integer, and can be worked out from a handful of probes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

VARIABLES = ("a", "b", "c", "d")
TEST_INPUT_RANGE = (-10, 10)  # inclusive bounds of each test argument


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class Const:
    value: int


@dataclass(frozen=True)
class Apply:
    op: str
    args: tuple[Expr, ...]


Expr = Var | Const | Apply

INFIX: dict[str, Callable[[int, int], int]] = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
}
CALLS: dict[str, Callable[..., int]] = {"max": max, "min": min, "abs": abs}


def evaluate(expr: Expr, args: dict[str, int]) -> int:
    """The value of ``expr`` with the variables bound to ``args``."""
    if isinstance(expr, Var):
        return args[expr.name]
    if isinstance(expr, Const):
        return expr.value
    values = [evaluate(arg, args) for arg in expr.args]
    operator = INFIX.get(expr.op) or CALLS[expr.op]
    return operator(*values)


def render(expr: Expr) -> str:
    """Readable infix text, parenthesised only where precedence needs it."""
    if isinstance(expr, Var):
        return expr.name
    if isinstance(expr, Const):
        return str(expr.value)
    if expr.op in CALLS:
        return f"{expr.op}({', '.join(render(arg) for arg in expr.args)})"
    left, right = expr.args
    return f"{_operand(left, expr.op, False)} {expr.op} {_operand(right, expr.op, True)}"


_PRECEDENCE = {"+": 1, "-": 1, "*": 2}


def _operand(expr: Expr, parent: str, right: bool) -> str:
    text = render(expr)
    if isinstance(expr, Apply) and expr.op in INFIX:
        inner, outer = _PRECEDENCE[expr.op], _PRECEDENCE[parent]
        if inner < outer or (right and inner == outer and parent == "-"):
            return f"({text})"
    return text


# ---- the generator ---------------------------------------------------------------------------


def _scaled(rng: np.random.Generator, x: Var, y: Var) -> Expr:
    coefficient = int(rng.choice((2, 3, 4, 5)))
    return Apply("*", (Const(coefficient), x))


TERM_SHAPES: tuple[Callable[[np.random.Generator, Var, Var], Expr], ...] = (
    lambda rng, x, y: x,
    _scaled,
    lambda rng, x, y: Apply("*", (x, y)),
    lambda rng, x, y: Apply("*", (x, x)),
    lambda rng, x, y: Apply("max", (x, y)),
    lambda rng, x, y: Apply("min", (x, y)),
    lambda rng, x, y: Apply("abs", (Apply("-", (x, y)),)),
)


def draw_function(rng: np.random.Generator) -> Expr:
    """A random function of ``a, b, c, d`` whose value depends on at least two of them.

    Terms may cancel (``max(d, c) - max(d, c)``), so dependence is checked by probing, not read
    off the variables that appear.
    """
    while True:
        expr = _draw_sum(rng)
        if len(dependent_variables(expr)) >= 2:
            return expr


_PROBE_POINTS = ((0, 0, 0, 0), (1, 2, 3, 4), (-3, 5, -7, 2), (6, -4, 1, -8), (9, 9, -9, -9))


def dependent_variables(expr: Expr) -> set[str]:
    """The variables whose change moves the value of ``expr`` at some fixed probe point."""
    dependent = set()
    for point in _PROBE_POINTS:
        base = dict(zip(VARIABLES, point, strict=True))
        value = evaluate(expr, base)
        for name in VARIABLES:
            if any(evaluate(expr, {**base, name: base[name] + step}) != value for step in (1, 5)):
                dependent.add(name)
    return dependent


def _draw_sum(rng: np.random.Generator) -> Expr:
    expr: Expr | None = None
    for _ in range(int(rng.integers(2, 4))):
        x, y = (Var(VARIABLES[int(i)]) for i in rng.choice(len(VARIABLES), 2, replace=False))
        term = TERM_SHAPES[int(rng.integers(len(TERM_SHAPES)))](rng, x, y)
        expr = term if expr is None else Apply(str(rng.choice(("+", "-"))), (expr, term))
    if rng.random() < 0.5:
        expr = Apply(str(rng.choice(("+", "-"))), (expr, Const(int(rng.integers(1, 10)))))
    return expr


def draw_test_input(rng: np.random.Generator) -> tuple[int, int, int, int]:
    low, high = TEST_INPUT_RANGE
    a, b, c, d = (int(v) for v in rng.integers(low, high + 1, size=4))
    return a, b, c, d


def draw_example_input(
    rng: np.random.Generator, test_input: tuple[int, ...]
) -> tuple[int, int, int, int]:
    """An input to show as a worked example: small, and never the test input."""
    while True:
        a, b, c, d = (int(v) for v in rng.integers(-5, 6, size=4))
        if (a, b, c, d) != test_input:
            return a, b, c, d
