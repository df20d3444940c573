"""Simulator spec strings: ``SCHEME[:NAME][?key=value&...]``.

Examples: ``"rule"``, ``"rule:terse"``, ``"rule?persona=noisy"``. Each scheme maps to a factory
taking the ``NAME`` part (or ``None``) and the query parameters as strings. A bad spec raises
``ValueError`` naming what is wrong, so ``gym.make`` fails at make time, not mid-episode.

For the rule-based scheme the ``NAME`` part is the persona.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from simulators.base import UserSimulator
from simulators.personas import persona_named
from simulators.rule_based import RuleBasedUser

Factory = Callable[[str | None, dict[str, str]], UserSimulator]


def _rule(name: str | None, params: dict[str, str]) -> UserSimulator:
    unknown = set(params) - {"persona"}
    if unknown:
        raise ValueError(f"rule simulator takes only 'persona', got {sorted(unknown)}")
    if name and "persona" in params:
        raise ValueError("give the persona once: 'rule:terse' or 'rule?persona=terse'")
    return RuleBasedUser(persona_named(name or params.get("persona", "cooperative")))


SCHEMES: dict[str, Factory] = {"rule": _rule}


def register_scheme(scheme: str, factory: Factory) -> None:
    """Make ``scheme`` usable in spec strings."""
    SCHEMES[scheme] = factory


def parse_spec(spec: str) -> tuple[str, str | None, dict[str, str]]:
    """Split a spec into (scheme, name or None, params); raises ``ValueError`` when malformed."""
    head, _, query = spec.strip().partition("?")
    scheme, sep, name = head.partition(":")
    if not scheme:
        raise ValueError(f"bad simulator spec {spec!r}: it starts with a scheme, e.g. 'rule'")
    if sep and not name:
        raise ValueError(f"bad simulator spec {spec!r}: nothing after ':'")
    try:
        params = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query)))
    except ValueError:
        raise ValueError(f"bad simulator spec {spec!r}: query must be key=value&...") from None
    return scheme, (name or None), params


def make_simulator(spec: str | UserSimulator | None) -> UserSimulator:
    """A simulator from an object (returned as is), a spec string, or None (the default)."""
    if isinstance(spec, UserSimulator):
        return spec
    if spec is None:
        return RuleBasedUser()
    if not isinstance(spec, str):
        raise TypeError(f"simulator must be a UserSimulator or a spec string, got {spec!r}")
    scheme, name, params = parse_spec(spec)
    factory = SCHEMES.get(scheme)
    if factory is None:
        raise ValueError(f"unknown simulator scheme {scheme!r} in {spec!r}; known: {sorted(SCHEMES)}")
    return factory(name, params)
