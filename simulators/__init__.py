"""Pluggable user simulators for InfoPO envs (rule-based by default; see ``simulators.spec``)."""

from simulators.base import (
    Message,
    ReplyPlan,
    SimulatorError,
    UserSimulator,
    UserTurn,
)
from simulators.personas import PERSONAS, Persona, persona_named
from simulators.rule_based import RuleBasedUser
from simulators.spec import make_simulator, parse_spec, register_scheme

__all__ = [
    "PERSONAS",
    "Message",
    "Persona",
    "ReplyPlan",
    "RuleBasedUser",
    "SimulatorError",
    "UserSimulator",
    "UserTurn",
    "make_simulator",
    "parse_spec",
    "persona_named",
    "register_scheme",
]
