"""Checks run inside the verl environment (``tests/test_adapters_verl.py`` starts this file with
the verl interpreter and reads the JSON it prints last).

The LLM server verl's agent loop talks to is a real local model here: a hand-set tiny Llama that
always asks the same question (``tests.agent_models.parrot_policy``), generating through
``HFPolicy``.
"""

from __future__ import annotations

import asyncio
import json
import sys

import numpy as np
import torch


def main() -> None:
    from omegaconf import OmegaConf
    from verl.experimental.agent_loop.agent_loop import DictConfigWrap, _agent_loop_registry
    from verl.trainer.ppo.core_algos import get_adv_estimator_fn
    from verl.utils.dataset.rl_dataset import RLHFDataset
    from verl.workers.rollout.replica import TokenOutput

    from infopo_agent.adapters.dataset_export import task_rows
    from infopo_agent.adapters.verl_loop import InfoPOAgentLoop, infopo_advantage
    from infopo_agent.policy import SamplingParams
    from tests.agent_models import new_tiny_policy, parrot_policy

    policy = parrot_policy("[action] Is it alive?")

    class LocalServer:
        calls = 0

        async def generate(self, request_id, *, prompt_ids, sampling_params, **kwargs):
            LocalServer.calls += 1
            params = SamplingParams(temperature=0.0, max_new_tokens=16)
            generation = policy.generate([prompt_ids], params)[0]
            return TokenOutput(token_ids=list(generation.token_ids))

    config = OmegaConf.create(
        {"actor_rollout_ref": {"rollout": {"response_length": 120, "prompt_length": 4096}}}
    )
    loop = InfoPOAgentLoop(
        trainer_config=DictConfigWrap(config),
        server_manager=LocalServer(),
        tokenizer=policy.tokenizer,
        processor=None,
        dataset_cls=RLHFDataset,
        data_config=DictConfigWrap(OmegaConf.create({})),
    )
    # The parrot ignores what it is told, so its own IG is exactly 0; a random tiny model over
    # the same vocabulary does listen, and scores the same trajectories.
    InfoPOAgentLoop.use_scorer(new_tiny_policy(0))
    rows = task_rows("InfoPO/Telepathy-v0", count=2)
    outputs = [
        asyncio.run(loop.run({"temperature": 0.0}, **row, uid="g0")) for row in rows for _ in (0, 1)
    ]
    width = max(len(o.response_mask) for o in outputs)
    mask = torch.zeros(len(outputs), width, dtype=torch.long)
    rewards = torch.zeros(len(outputs), width)
    for i, o in enumerate(outputs):
        mask[i, : len(o.response_mask)] = torch.tensor(o.response_mask)
        rewards[i, len(o.response_mask) - 1] = o.reward_score
    index = np.array(["a", "a", "b", "b"], dtype=object)
    gains = np.array([o.extra_fields["info_gain"] for o in outputs], dtype=object)
    fn = get_adv_estimator_fn("infopo")
    with_ig, _ = fn(rewards, mask, index, config=None, non_tensor_batch={"info_gain": gains})
    without_ig, _ = fn(rewards, mask, index, config=None)
    report = {
        "registered_loop": _agent_loop_registry["infopo_agent"]["_target_"],
        "estimator_is_ours": fn is infopo_advantage,
        "server_calls": LocalServer.calls,
        "outputs": [
            {
                "task_id": o.extra_fields["task_id"],
                "reward_score": o.reward_score,
                "num_turns": o.num_turns,
                "response": len(o.response_ids),
                "mask_ones": int(sum(o.response_mask)),
                "mask_runs": int(
                    sum(
                        1
                        for j, m in enumerate(o.response_mask)
                        if m and (j == 0 or not o.response_mask[j - 1])
                    )
                ),
                "info_gain": o.extra_fields["info_gain"],
                "prompt_ok": o.prompt_ids[-3:]
                == policy.chat.encode("<|im_start|>assistant\n")[-3:],
            }
            for o in outputs
        ],
        "advantage_zero_off_mask": bool(torch.all(with_ig[mask == 0] == 0)),
        "ig_changes_advantages": not torch.equal(with_ig, without_ig),
        "external_modules": _registered_through_verl_env_var(),
        "sample_config": _sample_config(),
        "transformers": __import__("transformers").__version__,
        "verl": __import__("verl").__version__,
    }
    print(json.dumps(report))


def _sample_config() -> list:
    """``examples/verl_infopo.yaml`` composed over verl's own ``ppo_trainer`` config."""
    from pathlib import Path

    from hydra import compose, initialize_config_dir

    examples = Path(__file__).resolve().parents[1] / "examples"
    with initialize_config_dir(config_dir=str(examples), version_base=None):
        config = compose(config_name="verl_infopo")
    rollout = config.actor_rollout_ref.rollout
    return [config.algorithm.adv_estimator, rollout.agent.default_agent_loop, rollout.n]


def _registered_through_verl_env_var() -> bool:
    """verl imports ``VERL_USE_EXTERNAL_MODULES`` in every process that imports verl: the route
    by which the estimator and the loop get registered in verl's own workers."""
    import os
    import subprocess

    code = (
        "import verl; from verl.trainer.ppo.core_algos import get_adv_estimator_fn; "
        "from verl.experimental.agent_loop.agent_loop import _agent_loop_registry; "
        "print(get_adv_estimator_fn('infopo').__module__, 'infopo_agent' in _agent_loop_registry)"
    )
    env = dict(os.environ, VERL_USE_EXTERNAL_MODULES="infopo_agent.adapters.verl_loop")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return done.stdout.split() == ["infopo_agent.adapters.verl_loop", "True"]


if __name__ == "__main__":
    sys.exit(main())
