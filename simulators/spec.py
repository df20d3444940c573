"""Simulator spec strings: ``SCHEME[:NAME][?key=value&...]``.

A bad spec raises ``ValueError`` naming what is wrong, so ``gym.make`` fails at make time, not
mid-episode. The schemes:

- ``rule[:PERSONA]`` (the default, offline): ``"rule"``, ``"rule:terse"``, ``"rule?persona=noisy"``.
- ``openai:MODEL`` with ``persona``, ``base_url``, ``api_key``, ``temperature``, ``max_tokens``,
  ``seed``, ``timeout``, ``max_retries``, ``price_in``, ``price_out`` (dollars per million tokens),
  ``cache`` (a sqlite path), ``cache_mode`` (``record``/``replay``/``off``, default ``record``
  when ``cache`` is given) and ``strict`` (``1``/``0``: a replay miss is an error, default 1):
  ``"openai:gpt-4o-mini?persona=verbose&base_url=http://127.0.0.1:8000/v1"``.
- ``hf[:MODEL]`` (default ``smollm2``, the embedded SmolLM2-135M-Instruct; otherwise a local
  model directory) with ``persona``, ``temperature``, ``max_new_tokens``, ``device``, ``cache``,
  ``cache_mode``, ``strict``: ``"hf:smollm2?persona=terse"``.

Personas: cooperative, terse, verbose, noisy, reluctant, inconsistent (``simulators.personas``).
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


class _Params:
    """Typed access to spec parameters; unknown or malformed ones are errors."""

    def __init__(self, scheme: str, params: dict[str, str], allowed: set[str]):
        unknown = set(params) - allowed
        if unknown:
            raise ValueError(
                f"{scheme} simulator: unknown parameters {sorted(unknown)}; "
                f"allowed: {sorted(allowed)}"
            )
        self.scheme, self.params = scheme, params

    def get(self, key: str, cast=str, default=None):
        if key not in self.params:
            return default
        try:
            return cast(self.params[key])
        except ValueError:
            raise ValueError(f"{self.scheme} simulator: bad {key}={self.params[key]!r}") from None

    def persona(self):
        return persona_named(self.get("persona", default="cooperative"))

    def cache(self):
        from simulators.llm.cache import ResponseCache

        path = self.get("cache")
        if path is None:
            if "cache_mode" in self.params:
                raise ValueError(f"{self.scheme} simulator: cache_mode needs cache=<path>")
            return None
        strict = self.get("strict", _flag, True)
        return ResponseCache(path, self.get("cache_mode", default="record"), strict=strict)


def _flag(text: str) -> bool:
    if text not in ("0", "1", "true", "false"):
        raise ValueError(text)
    return text in ("1", "true")


#: Parameters every LLM scheme takes: persona, response cache, resampling of unfaithful replies.
CACHE_PARAMS = {"persona", "cache", "cache_mode", "strict", "faithful_retries"}


def _openai(name: str | None, params: dict[str, str]) -> UserSimulator:
    from simulators.llm.openai_user import OpenAIUserSimulator

    if not name:
        raise ValueError("openai simulator needs a model: 'openai:<model>'")
    p = _Params(
        "openai",
        params,
        CACHE_PARAMS
        | {
            "base_url",
            "api_key",
            "temperature",
            "max_tokens",
            "seed",
            "timeout",
            "max_retries",
            "price_in",
            "price_out",
        },
    )
    return OpenAIUserSimulator(
        name,
        base_url=p.get("base_url"),
        api_key=p.get("api_key"),
        temperature=p.get("temperature", float, 0.7),
        max_tokens=p.get("max_tokens", int, 128),
        seed=p.get("seed", int),
        timeout=p.get("timeout", float, 30.0),
        max_retries=p.get("max_retries", int, 3),
        price_in=p.get("price_in", float),
        price_out=p.get("price_out", float),
        persona=p.persona(),
        cache=p.cache(),
        faithful_retries=p.get("faithful_retries", int, 2),
    )


def _hf(name: str | None, params: dict[str, str]) -> UserSimulator:
    from simulators.llm.hf_user import EMBEDDED, HFUserSimulator

    p = _Params("hf", params, CACHE_PARAMS | {"temperature", "max_new_tokens", "device"})
    return HFUserSimulator(
        name or EMBEDDED,
        device=p.get("device"),
        temperature=p.get("temperature", float, 0.7),
        max_new_tokens=p.get("max_new_tokens", int, 64),
        persona=p.persona(),
        cache=p.cache(),
        faithful_retries=p.get("faithful_retries", int, 2),
    )


SCHEMES: dict[str, Factory] = {"rule": _rule, "openai": _openai, "hf": _hf}


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
        raise ValueError(
            f"unknown simulator scheme {scheme!r} in {spec!r}; known: {sorted(SCHEMES)}"
        )
    return factory(name, params)
