"""InfoPO/ToolUse-Retail-v0: an online shop's customer service, judged on the database."""

from __future__ import annotations

from infopo_envs.tooluse.core import ToolUseEnv
from infopo_envs.tooluse.retail.generator import generate_db
from infopo_envs.tooluse.retail.policy import POLICY
from infopo_envs.tooluse.retail.tasks import TEMPLATES
from infopo_envs.tooluse.retail.tools import TOOLS


class RetailEnv(ToolUseEnv):
    """Serve an online shop's customer with tools over the shop's database.

    ## Description
    In the style of tau-bench's retail domain, generated procedurally. Each task draws a small
    database (8 product types with variants, 8 users with payment methods and 2 to 4 orders) and
    a customer with a hidden scenario from one of 11 templates: cancel a pending order, learn why
    a processed one cannot be cancelled, return items (to the original method or a gift card),
    exchange or modify an item only within a price limit, change an order's or the account's
    address, learn an order's total or a gift card's balance, cancel two orders. The customer
    tells their identity and each detail only when asked about it, answers proposals yes or no
    according to the scenario's conditions, and says it is done (``###STOP###``) once its goal
    is met. The agent reads the policy and the tools' schemas in its instructions.

    ## Action Space
    Text (up to 16384 characters), one action per turn: ``[action] <message to the customer>``
    or ``[tool] {"name": ..., "arguments": {...}}``; an OpenAI tool-call object on its own
    (``{"type": "function", "function": {"name": ..., "arguments": "..."}}``) is also a call.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the policy, the tool schemas (OpenAI
    function-calling format), the grammar and the customer's first message. ``step`` returns
    only the feedback: the customer's reply, a tool's JSON result, or an error message.

    ## Rewards
    Sparse: the last step's reward adds the outcome, 1.0 when the final database hashes equal
    to the goal database (the initial one with the task's gold calls replayed) and every
    required piece of information (refund amounts, totals, statuses, balances) appears in the
    agent's messages; 0 otherwise. Invalid actions and calls get ``invalid_action_reward`` (0).

    ## Starting State
    ``options={"task_id": "test-0007"}`` picks a task; ``options={"split": "test"}`` draws from
    the fixed 100-task test split; otherwise a task of the train split. Templates are assigned
    round-robin by task index. Tasks that doing nothing would pass are redrawn at generation.

    ## Episode End
    Terminates when the customer says it is done (goal met, or the agent said goodbye), or when
    an invalid call (unknown tool, bad arguments, malformed JSON, a call the tool refuses under
    the policy) exceeds the error budget (default 10; the outcome is then 0). Truncates at
    ``max_turns`` (default 40).

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user``, ``tool`` or
    ``env``), ``action_valid``, ``placeholder``, ``template``, ``errors``, ``error_budget``;
    replies also ``reply_kind``. The last step adds ``outcome``, ``success``,
    ``state_matches_goal``, ``info_told`` and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/ToolUse-Retail-v0", simulator="rule", error_budget=10, max_turns=40,
    placeholder="No information found.")``. ``simulator`` is a spec string or a
    ``UserSimulator``; LLM simulators get the scenario as a role description.

    ## Version History
    - v0: initial release.
    """

    env_name = "ToolUse-Retail"
    company = "an online shop"
    policy = POLICY
    agent_tools = TOOLS
    generate_world = staticmethod(generate_db)
    templates = TEMPLATES
