"""The telecom domain's oracle is the family's oracle."""

from infopo_envs.tooluse.core.oracle import Oracle

__all__ = ["Oracle"]
