"""The hidden functions of Function-v0: a small integer expression grammar, drawn from a seed.

Pure code, testable without the env. An expression is a tree of variables (``a``, ``b``, ``c``,
``d``), integer constants and operators over integers::

    expr := var | const | expr + expr | expr - expr | expr * expr
          | expr // const | expr % const | expr ** 2 | expr ** 3
          | max(expr, expr) | min(expr, expr) | abs(expr)

``//`` and ``%`` take a positive constant divisor and follow Python (floor division, a remainder
with the divisor's sign), as FunctionGym's rules use powers and division.

``draw_task`` draws a rule and a test input together and keeps them only when

- the rule depends on all four arguments (checked by probing, since terms may cancel);
- every argument takes part in a rough term (the remainder of a quadratic form), so no
  argument is smooth along its own axis;
- ``f`` at the test input cannot be read off its neighbourhood: for every argument and both
  directions, the polynomial extrapolations of degree 0 to 3 from the nearest one to four
  probes, and the symmetric stencils of degree 1 and 2, all miss the true value
  (``locally_predictable``);
- the rule's text falls in its split's share of rule space (``split_of_rule``), so train and
  test never share a rule.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from math import comb

import numpy as np

from infopo_envs.core.seeding import rng_for

VARIABLES = ("a", "b", "c", "d")
TEST_INPUT_RANGE = (-10, 10)  # inclusive bounds of each test argument
#: One rule in TEST_SHARE of rule space (by the hash of its text) is reserved for the test split.
TEST_SHARE = 10
#: Test inputs tried per rule before the rule is redrawn.
INPUT_TRIES = 30


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
    "//": lambda x, y: x // y,
    "%": lambda x, y: x % y,
    "**": lambda x, y: x**y,
}
CALLS: dict[str, Callable[..., int]] = {"max": max, "min": min, "abs": abs}
STEPPED = ("//", "%")


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
    """Readable Python text, parenthesised only where precedence needs it."""
    if isinstance(expr, Var):
        return expr.name
    if isinstance(expr, Const):
        return str(expr.value)
    if expr.op in CALLS:
        return f"{expr.op}({', '.join(render(arg) for arg in expr.args)})"
    left, right = expr.args
    return f"{_operand(left, expr.op, False)} {expr.op} {_operand(right, expr.op, True)}"


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "//": 2, "%": 2, "**": 3}
_ASSOCIATIVE = {"+", "*"}


def _operand(expr: Expr, parent: str, right: bool) -> str:
    text = render(expr)
    if isinstance(expr, Apply) and expr.op in INFIX:
        inner, outer = _PRECEDENCE[expr.op], _PRECEDENCE[parent]
        if parent == "**" and not right:
            needs = inner <= outer  # ** binds to the right: (x ** 2) ** 3 keeps its brackets
        elif right:
            needs = inner < outer or (inner == outer and not (parent == expr.op in _ASSOCIATIVE))
        else:
            needs = inner < outer
        if needs:
            return f"({text})"
    return text


# ---- the generator ---------------------------------------------------------------------------
Shape = Callable[[np.random.Generator, Var, Var], Expr]


def _const(rng: np.random.Generator, low: int, high: int) -> Const:
    return Const(int(rng.integers(low, high + 1)))


def _times(*factors: Expr) -> Expr:
    expr = factors[0]
    for factor in factors[1:]:
        expr = Apply("*", (expr, factor))
    return expr


def _square(x: Expr) -> Expr:
    return Apply("**", (x, Const(2)))


#: Rough terms: a remainder of a quadratic form with odd parts, so the value jumps at almost
#: every step of either argument, and changes when an argument changes sign.
ROUGH_SHAPES: tuple[Shape, ...] = (
    lambda rng, x, y: Apply(
        "%",
        (
            Apply(
                "+",
                (
                    Apply("+", (_times(_const(rng, 4, 10), _square(x)), _times(x, y))),
                    _times(_const(rng, 4, 10), y),
                ),
            ),
            _const(rng, 11, 23),
        ),
    ),
    lambda rng, x, y: Apply(
        "%",
        (
            Apply(
                "-",
                (
                    Apply(
                        "+",
                        (
                            _times(_const(rng, 4, 10), _square(x)),
                            _times(_const(rng, 4, 10), _square(y)),
                        ),
                    ),
                    _times(_const(rng, 4, 10), x),
                ),
            ),
            _const(rng, 11, 23),
        ),
    ),
)

#: The fourth term: smooth or stepped, over any two arguments.
OTHER_SHAPES: tuple[Shape, ...] = (
    lambda rng, x, y: _times(_const(rng, 2, 5), x),
    lambda rng, x, y: _times(x, y),
    lambda rng, x, y: _square(x),
    lambda rng, x, y: Apply("max", (x, y)),
    lambda rng, x, y: Apply("min", (x, y)),
    lambda rng, x, y: Apply("abs", (Apply("-", (x, y)),)),
    lambda rng, x, y: Apply("//", (_times(x, y), _const(rng, 2, 7))),
    lambda rng, x, y: Apply("//", (Apply("**", (x, Const(3))), _const(rng, 2, 9))),
)


def _coupling(rng: np.random.Generator, order: list[Var]) -> Expr:
    """The square of a linear form in all four arguments, modulo a constant: it couples every
    pair of arguments, so ``f`` is never a sum of functions of separate groups of arguments."""
    form: Expr = _times(_const(rng, 1, 5), order[0])
    for var in order[1:]:
        form = Apply(str(rng.choice(("+", "-"))), (form, _times(_const(rng, 1, 5), var)))
    return Apply("%", (Apply("**", (form, Const(2))), _const(rng, 11, 23)))


def _draw_rule(rng: np.random.Generator) -> Expr:
    """Rough terms over (a, b) and (c, d) (in a drawn order), a coupling term over all four, a
    fourth term, maybe a constant."""
    order = [Var(VARIABLES[int(i)]) for i in rng.permutation(len(VARIABLES))]
    rough = [
        ROUGH_SHAPES[int(rng.integers(len(ROUGH_SHAPES)))](rng, order[0], order[1]),
        ROUGH_SHAPES[int(rng.integers(len(ROUGH_SHAPES)))](rng, order[2], order[3]),
        _coupling(rng, [Var(name) for name in VARIABLES]),
    ]
    # Distinct weights spread the values, so a stencil rarely lands on the answer by chance.
    weights = rng.choice(np.arange(1, 8), size=len(rough), replace=False)
    terms = [
        term if w == 1 else _times(Const(int(w)), term)
        for w, term in zip(weights, rough, strict=True)
    ]
    x, y = (Var(VARIABLES[int(i)]) for i in rng.choice(len(VARIABLES), 2, replace=False))
    other = OTHER_SHAPES[int(rng.integers(len(OTHER_SHAPES)))](rng, x, y)
    terms.insert(int(rng.integers(len(terms) + 1)), other)
    expr = terms[0]
    for term in terms[1:]:
        expr = Apply(str(rng.choice(("+", "-"))), (expr, term))
    if rng.random() < 0.5:
        expr = Apply(str(rng.choice(("+", "-"))), (expr, _const(rng, 1, 9)))
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


def stepped_variables(expr: Expr) -> set[str]:
    """The variables that appear under a ``//`` or ``%``."""
    if isinstance(expr, Var):
        return set()
    if isinstance(expr, Const):
        return set()
    if expr.op in STEPPED:
        return _variables(expr)
    return set().union(*(stepped_variables(arg) for arg in expr.args))


def _variables(expr: Expr) -> set[str]:
    if isinstance(expr, Var):
        return {expr.name}
    if isinstance(expr, Const):
        return set()
    return set().union(*(_variables(arg) for arg in expr.args))


#: Stencils (steps, weights) that predict f(0) from nearby values along one axis.
ONE_SIDED = tuple(
    (tuple(range(1, n + 1)), tuple((-1) ** (j + 1) * comb(n, j) for j in range(1, n + 1)))
    for n in range(1, 5)
)
SYMMETRIC = (((-1, 1), (0.5, 0.5)), ((-2, -1, 1, 2), (-1 / 6, 4 / 6, 4 / 6, -1 / 6)))


#: Spacings of the probes of a stencil (1: neighbours; 2: every other input; ...).
SPACINGS = (1, 2, 3)


def local_stencils() -> list[tuple[tuple[int, ...], tuple[float, ...]]]:
    """Every stencil ``locally_predictable`` tries: each shape, both directions, each spacing."""
    shapes = []
    for steps, weights in ONE_SIDED:
        shapes.append((steps, weights))
        shapes.append((tuple(-s for s in steps), weights))
    shapes += SYMMETRIC
    return [
        (tuple(spacing * s for s in steps), weights)
        for spacing in SPACINGS
        for steps, weights in shapes
    ]


@functools.lru_cache(maxsize=256)
def compiled(expr: Expr) -> Callable[..., int]:
    """``expr`` as a Python function of ``a, b, c, d`` (our own text, for fast checks)."""
    namespace = {"__builtins__": {}, **CALLS}
    return eval(f"lambda {', '.join(VARIABLES)}: {render(expr)}", namespace)


def locally_predictable(expr: Expr, point: tuple[int, ...]) -> bool:
    """True when some one-argument stencil around ``point``, or ``f`` at one of its mirror
    images (some arguments negated), gives ``f(point)`` exactly."""
    f = compiled(expr)
    truth = f(*point)
    for signs in itertools.product((1, -1), repeat=len(VARIABLES)):
        mirror = tuple(s * p for s, p in zip(signs, point, strict=True))
        if mirror != point and f(*mirror) == truth:
            return True
    if _quadratic_patch_predicts(f, point, truth) or _mixed_difference_predicts(f, point, truth):
        return True
    for axis in range(len(VARIABLES)):
        for steps, weights in local_stencils():
            values = []
            for step in steps:
                moved = list(point)
                moved[axis] += step
                values.append(f(*moved))
            if abs(sum(w * v for w, v in zip(weights, values, strict=True)) - truth) < 0.5:
                return True
    return False


_PATCH = [(x, y) for x in (-1, 0, 1) for y in (-1, 0, 1) if (x, y) != (0, 0)]
_PATCH_FEATURES = np.array([[1, x, y, x * x, y * y, x * y] for x, y in _PATCH], float)


def _quadratic_patch_predicts(f: Callable[..., int], point: tuple[int, ...], truth: int) -> bool:
    """True when, for some pair of arguments, the least-squares quadratic through the eight
    neighbours of ``point`` in that pair's plane rounds to ``truth``."""
    for i, j in itertools.combinations(range(len(VARIABLES)), 2):
        values = []
        for x, y in _PATCH:
            moved = list(point)
            moved[i] += x
            moved[j] += y
            values.append(f(*moved))
        fit, *_ = np.linalg.lstsq(_PATCH_FEATURES, np.array(values, float), rcond=None)
        if round(float(fit[0])) == truth:
            return True
    return False


def _mixed_difference_predicts(f: Callable[..., int], point: tuple[int, ...], truth: int) -> bool:
    """True when ``f(x + s e_i) + f(x + t e_j) - f(x + s e_i + t e_j)`` gives ``truth`` for some
    pair of arguments and steps: exact wherever ``f`` is a sum of separate functions of them."""
    for i, j in itertools.combinations(range(len(VARIABLES)), 2):
        for s, t in itertools.product((1, -1), repeat=2):
            first, second, both = list(point), list(point), list(point)
            first[i] += s
            second[j] += t
            both[i] += s
            both[j] += t
            if f(*first) + f(*second) - f(*both) == truth:
                return True
    return False


def split_of_rule(expr: Expr) -> str:
    """``"test"`` for the share of rule space reserved for the test split, else ``"train"``."""
    digest = hashlib.sha256(render(expr).encode()).digest()
    return "test" if int.from_bytes(digest[:8], "little") % TEST_SHARE == 0 else "train"


@functools.lru_cache(maxsize=4096)
def task_of(split: str, index: int) -> tuple[Expr, tuple[int, int, int, int], tuple[int, ...]]:
    """Rule, test input and worked example of task ``index`` of ``split`` (cached: drawing
    takes tens of milliseconds)."""
    rng = rng_for("Function", split, index)
    expr, test_input = draw_task(rng, split)
    return expr, test_input, draw_example_input(rng, test_input, expr)


def draw_task(rng: np.random.Generator, split: str) -> tuple[Expr, tuple[int, int, int, int]]:
    """A rule of ``split``'s share and a test input where the rule must be worked out."""
    while True:
        expr = _draw_rule(rng)
        if split_of_rule(expr) != split:
            continue
        if len(dependent_variables(expr)) < 4:
            continue
        for _ in range(INPUT_TRIES):
            test_input = draw_test_input(rng)
            if not locally_predictable(expr, test_input):
                return expr, test_input


def draw_test_input(rng: np.random.Generator) -> tuple[int, int, int, int]:
    low, high = TEST_INPUT_RANGE
    a, b, c, d = (int(v) for v in rng.integers(low, high + 1, size=4))
    return a, b, c, d


def draw_example_input(
    rng: np.random.Generator, test_input: tuple[int, ...], expr: Expr
) -> tuple[int, int, int, int]:
    """An input to show as a worked example: small, and neither the test input nor an input
    whose value equals the answer (so the example cannot be copied as the answer)."""
    answer = evaluate(expr, dict(zip(VARIABLES, test_input, strict=True)))
    while True:
        a, b, c, d = (int(v) for v in rng.integers(-5, 6, size=4))
        if (a, b, c, d) == test_input:
            continue
        if evaluate(expr, dict(zip(VARIABLES, (a, b, c, d), strict=True))) != answer:
            return a, b, c, d
