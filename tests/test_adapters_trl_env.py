"""TRL's ``environment_factory`` contract: tools from each env's grammar, and a stock
``trl.GRPOTrainer`` training two steps on CPU with an InfoPO env."""

from __future__ import annotations

import copy
import inspect
import math
import os

import pytest

import infopo_envs
from infopo_agent.adapters.trl_env import (
    TOOLS_LINE,
    EpisodeOver,
    InvalidToolCall,
    environment_class,
    tool_calling_tokenizer,
)
from infopo_envs.core.agents import oracle_for

trl = pytest.importorskip("trl")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

from datasets import Dataset  # noqa: E402
from transformers.utils import get_json_schema  # noqa: E402

from tests.agent_models import new_tiny_policy, smollm2_tokenizer  # noqa: E402

TOOLS = {
    "InfoPO/TravelIntent-v0": {"action", "search", "answer", "finish"},
    "InfoPO/WebShopIntent-v0": {"action", "search", "click"},
    "InfoPO/Sokoban-v0": {"move"},
    "InfoPO/ToolUse-Retail-v0": {"action", "tool"},
    "InfoPO/CodingCollab-v0": {"action", "answer"},
}


def tool_names(cls) -> set[str]:
    members = inspect.getmembers(cls, predicate=inspect.isfunction)
    return {n for n, _ in members if not n.startswith("_")} - {"reset", "get_reward"}


def test_every_env_gets_documented_typed_tools():
    for env_id in sorted(infopo_envs.ENVS):
        cls = environment_class(env_id)
        env = cls()
        names = tool_names(cls)
        assert names, env_id
        if env_id in TOOLS:
            assert names == TOOLS[env_id]
        for name in names:
            schema = get_json_schema(getattr(env, name))["function"]  # what TRL shows the model
            assert schema["name"] == name and schema["description"]
            for argument in schema["parameters"].get("properties", {}).values():
                assert argument["type"] == "string" and argument["description"]


def test_reset_plays_the_rows_task_and_drops_the_tagged_grammar():
    cls = environment_class("InfoPO/TravelIntent-v0")
    env = cls()
    row = {"prompt": [], "env_id": "InfoPO/TravelIntent-v0", "task_id": "test-0003", "seed": 4}
    opening = env.reset(**row)
    assert TOOLS_LINE in opening and "[action] <message>" not in opening
    assert env._env.unwrapped.task_ref.task_id == "test-0003"
    with pytest.raises(ValueError, match="InfoPO/Telepathy-v0"):
        env.reset(**{**row, "env_id": "InfoPO/Telepathy-v0"})


def test_the_oracle_through_the_tools_reaches_the_outcome():
    """The oracle's text actions, sent as tool calls, reach the env's outcome as the reward."""
    cls = environment_class("InfoPO/TravelIntent-v0")
    env = cls()
    env.reset(task_id="test-0005", seed=1)
    oracle = oracle_for(env._env)
    oracle.reset(env._env, "", {})
    assert env.get_reward() == 0.0
    while True:
        text = oracle.act("", {})
        tag, _, body = text.partition("]")
        tool = getattr(env, tag.strip("[ ").lower())
        tool(body.strip()) if body.strip() else tool()
        if env._done:
            break
    assert env.get_reward() == 1.0
    assert env.transcript["turns"][-1]["info"]["outcome"] == 1.0
    with pytest.raises(EpisodeOver):
        env.finish()


def test_a_rejected_action_raises_with_the_envs_message():
    env = environment_class("InfoPO/TravelIntent-v0")()
    env.reset(task_id="test-0001", seed=0)
    with pytest.raises(InvalidToolCall, match="Invalid action"):
        env.search("not json")
    assert env.transcript["turns"][0]["action_valid"] is False


def test_stock_grpo_trainer_trains_two_steps_with_the_environment(tmp_path):
    env_id = "InfoPO/Telepathy-v0"
    tokenizer = tool_calling_tokenizer(copy.deepcopy(smollm2_tokenizer()))
    rows = [
        {"prompt": [{"role": "user", "content": ""}], "env_id": env_id,
         "task_id": f"test-{i:04d}", "seed": i}
        for i in range(2)
    ]  # fmt: skip
    args = trl.GRPOConfig(
        output_dir=str(tmp_path),
        per_device_train_batch_size=2,  # one task, two rollouts: a group
        num_generations=2,
        max_steps=2,
        logging_steps=1,
        report_to="none",
        use_cpu=True,
        save_strategy="no",
        max_completion_length=8,
        beta=0.0,
    )
    policy = new_tiny_policy(3)
    trainer = trl.GRPOTrainer(
        model=policy.model,
        args=args,
        train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer,
        environment_factory=environment_class(env_id),
    )
    trainer.train()
    assert trainer.state.global_step == 2
    logs = [entry for entry in trainer.state.log_history if "loss" in entry]
    assert len(logs) == 2 and all(math.isfinite(entry["loss"]) for entry in logs)
    # the env's outcome is TRL's reward source, logged under the class name
    assert all("rewards/TelepathyToolEnv/mean" in entry for entry in logs)
    played = {e._env.unwrapped.task_ref.task_id for e in trainer._environment_pool[None]}
    assert played <= {"test-0000", "test-0001"} and played
    # TRL's own parser reads a tool call in this template, and its tool table reaches the env.
    call = tokenizer.parse_response(
        '<tool_call>\n{"name": "action", "arguments": {"question": "Is it alive?"}}\n'
        "</tool_call><|im_end|>",
        prefix="",
    )["tool_calls"][0]["function"]
    environment = trainer.environments[0]
    environment.reset(task_id="test-0000", seed=0)
    reply = trainer._sync_tool_dicts[0][call["name"]](**call["arguments"])
    assert reply and environment.transcript["turns"][0]["action"] == "[action] Is it alive?"
