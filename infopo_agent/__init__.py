"""The InfoPO agent: rollout -> information gain -> advantages -> loss.

Names are imported on first access, so that ``import infopo_agent`` (and env-only users) never
pull in torch or transformers.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "HFPolicy": "infopo_agent.policy",
    "SamplingParams": "infopo_agent.policy",
    "Generation": "infopo_agent.policy",
    "ChatFormat": "infopo_agent.chat_format",
    "Trajectory": "infopo_agent.trajectory",
    "rollout_groups": "infopo_agent.rollout",
    "record_episode": "infopo_agent.rollout",
    "InfoGain": "infopo_agent.info_gain",
    "information_gain": "infopo_agent.info_gain",
    "trajectory_information_gain": "infopo_agent.info_gain",
    "BayesPolicy": "infopo_agent.bayes",
    "InfoPOTrainer": "infopo_agent.train",
    "TrainConfig": "infopo_agent.train",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'infopo_agent' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
