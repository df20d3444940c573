"""InfoPO/Function-v0: infer a hidden integer function of four arguments from probes."""

from infopo_envs.core.agents import register_oracle
from infopo_envs.function.env import FunctionEnv
from infopo_envs.function.oracle import Oracle

register_oracle(FunctionEnv, Oracle)

__all__ = ["FunctionEnv"]
