"""Thin bridges from InfoPO's advantages to other training stacks.

- ``rewards``: IG-shaped per-turn rewards for any loop with its own advantage estimator.
- ``verl_style``: an advantage estimator with the call shape of verl's ``core_algos`` functions.
- ``trl_grpo``: a TRL ``GRPOTrainer`` subclass and reward function (needs the ``trl`` extra).
- ``trl_rollout``: the reference TRL ``rollout_func`` (whole episodes with IG) for ``trl_grpo``.
- ``trl_env``: InfoPO envs as TRL ``environment_factory`` classes (one tool per action kind).
- ``verl_loop``: a verl ``AgentLoopBase`` and the ``infopo`` advantage estimator (``verl`` extra).
- ``dataset_export``: task rows for TRL, verl and ``datasets`` (``infopo export``).

docs/integrations.md shows each with a worked example and says which reward each optimizes.

Import the submodule you need; nothing is imported eagerly here.
"""
