"""The shared core every InfoPO env is built on (see docs/architecture.md)."""

from infopo_envs.core.actions import (
    ActionForm,
    ActionGrammar,
    InvalidAction,
    ParsedAction,
    TaggedGrammar,
    as_text,
    echo,
)
from infopo_envs.core.elicitation import Answer, Elicitation, ElicitationTracker
from infopo_envs.core.env import DEFAULT_PLACEHOLDER, Feedback, InfoPOEnv, Score
from infopo_envs.core.seeding import TEST, TRAIN, TaskRef, rng_for, stable_seed
from infopo_envs.core.text_space import UnicodeText, fit_to_space
from infopo_envs.core.transcript import Transcript, Turn
from infopo_envs.core.user import UserChannel
from infopo_envs.core.vector_memory import SharedTexts

__all__ = [
    "DEFAULT_PLACEHOLDER",
    "TEST",
    "TRAIN",
    "ActionForm",
    "ActionGrammar",
    "Answer",
    "Elicitation",
    "ElicitationTracker",
    "Feedback",
    "InfoPOEnv",
    "InvalidAction",
    "ParsedAction",
    "Score",
    "SharedTexts",
    "TaggedGrammar",
    "TaskRef",
    "Transcript",
    "Turn",
    "UnicodeText",
    "UserChannel",
    "as_text",
    "echo",
    "fit_to_space",
    "rng_for",
    "stable_seed",
]
