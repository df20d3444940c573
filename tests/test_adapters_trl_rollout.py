"""The reference TRL ``rollout_func``: whole episodes with IG inside ``InfoPOGRPOTrainer``."""

from __future__ import annotations

import math
import os

import pytest

trl = pytest.importorskip("trl")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

from datasets import Dataset  # noqa: E402

from infopo_agent.adapters.dataset_export import task_rows  # noqa: E402
from infopo_agent.adapters.trl_grpo import InfoPOGRPOTrainer  # noqa: E402
from infopo_agent.adapters.trl_rollout import infopo_rollout_func, outcome_reward  # noqa: E402
from infopo_agent.policy import SamplingParams  # noqa: E402
from tests.agent_models import new_tiny_policy, smollm2_tokenizer  # noqa: E402

ENV = "InfoPO/Telepathy-v0"


def test_rollout_func_trains_one_step_inside_the_infopo_trainer(tmp_path):
    rows = task_rows(ENV, count=1)
    seen = {}
    rollout = infopo_rollout_func(
        lambda: __import__("gymnasium").make(ENV, max_turns=3),
        rows,
        params=SamplingParams(temperature=1.0, max_new_tokens=6),
    )

    def recording_rollout(prompts, trainer):
        seen["prompts"] = len(prompts)
        seen["training_before"] = trainer.model.training
        output = rollout(prompts, trainer)
        seen["training_after"] = trainer.model.training
        seen["output"] = output
        return output

    args = trl.GRPOConfig(
        output_dir=str(tmp_path),
        per_device_train_batch_size=2,
        num_generations=2,
        max_steps=1,
        logging_steps=1,
        report_to="none",
        use_cpu=True,
        save_strategy="no",
        max_completion_length=256,
        beta=0.0,
    )
    trainer = InfoPOGRPOTrainer(
        model=new_tiny_policy(5).model,
        reward_funcs=outcome_reward,
        args=args,
        train_dataset=Dataset.from_list(rows),
        processing_class=smollm2_tokenizer(),
        rollout_func=recording_rollout,
        infopo_beta=1.0,
    )
    trainer.train()
    output = seen["output"]
    # trl hands over the task's prompt already repeated for its 2 generations
    assert seen["prompts"] == 2 and len(output["completion_ids"]) == 2
    assert seen["training_before"] and seen["training_after"]  # the mode is restored
    for ids, mask, logprobs, gains in zip(
        output["completion_ids"], output["env_mask"], output["logprobs"], output["info_gain"],
        strict=True,
    ):  # fmt: skip
        assert len(ids) == len(mask) == len(logprobs)
        actions = sum(1 for i, m in enumerate(mask) if m and (i == 0 or not mask[i - 1]))
        # three turns; IG for the feedback of each action that another action followed
        assert actions == 3 and len(gains) == 2 and all(math.isfinite(g) for g in gains)
        assert all(lp <= 0 for lp, m in zip(logprobs, mask, strict=True) if m)
    logged = trainer.state.log_history[0]
    # the metrics of a training step are logged as training metrics, not eval_*
    assert "infopo/mean_info_gain" in logged and not any(k.startswith("eval_") for k in logged)
    assert math.isfinite(logged["loss"])


def test_prompts_must_come_in_equal_runs():
    rows = task_rows(ENV, count=2)
    rollout = infopo_rollout_func(ENV, rows)
    prompts = [rows[0]["prompt"], rows[0]["prompt"], rows[1]["prompt"]]
    with pytest.raises(ValueError, match="equal runs"):
        rollout(prompts, trainer=None)
