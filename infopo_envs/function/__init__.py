"""InfoPO/Function-v0: infer a hidden integer function of four arguments from probes."""

from infopo_envs.function.env import FunctionEnv

__all__ = ["FunctionEnv"]
