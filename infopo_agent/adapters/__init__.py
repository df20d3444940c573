"""Thin bridges from InfoPO's advantages to other training stacks.

- ``rewards``: IG-shaped per-turn rewards for any loop with its own advantage estimator.
- ``verl_style``: an advantage estimator with the call shape of verl's ``core_algos`` functions.
- ``trl_grpo``: a TRL ``GRPOTrainer`` subclass and reward function (needs the ``trl`` extra).

Import the submodule you need; nothing is imported eagerly here.
"""
