"""InfoPO/ToolUse-Retail-v0: an online shop's customer service, judged on the database."""

from __future__ import annotations

from infopo_envs.tooluse.core import ToolUseEnv
from infopo_envs.tooluse.retail.database import generate_db
from infopo_envs.tooluse.retail.policy import POLICY
from infopo_envs.tooluse.retail.tasks import TEMPLATES
from infopo_envs.tooluse.retail.tools import TOOLS


class RetailEnv(ToolUseEnv):
    """Serve an online shop's customer with tools over the shop's database.

    ## Description
    In the style of tau2-bench's retail domain, generated procedurally at its size. A customer with
    a hidden scenario from one of 20 templates (11 single requests: cancel a pending order, learn
    why a processed one cannot be cancelled, return items to the original method or a gift card,
    exchange or modify an item only within a price limit, change an order's or the account's
    address, an order's total, cancel two orders, a gift card's balance; and 9 pairs of them for one
    customer) tells their identity and each detail only when asked, answers proposals yes or no by
    the scenario's conditions, and ends the conversation (``###STOP###``) once its goal is met. The
    agent reads the policy and the tools' schemas (15 tools, tau2's set) in its instructions.

    ## Action Space
    Text (up to 16384 characters), one action per turn: ``[action] <message to the customer>`` or
    ``[tool] {"name": ..., "arguments": {...}}``; an OpenAI tool-call object on its own (``{"type":
    "function", "function": {"name": ..., "arguments": "..."}}``) is also a call. Text before the
    tag is the agent's note and is not sent; a message holding both a message and a tool call is
    rejected whole (invalid action, nothing changes).

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the policy, the tool schemas (OpenAI
    function-calling format), the grammar and the customer's first message. ``step`` returns only
    the feedback: the customer's reply, a tool's JSON result, or an error message.

    ## Rewards
    Sparse: the last step's reward adds the outcome, 1.0 only when (1) the final database hashes
    equal to the gold replay's, (2) every required value was stated as the answer: in its kind
    (money, minutes, the word), not negated, not among rival candidates, after a tool returned it,
    (3) the policy held: the customer identified before any read of their data or any change, an
    explicit yes from the customer just before every change the agent makes, no change the task did
    not need (even undone), and (4) the customer ended the conversation; 0 otherwise. Invalid
    actions and calls get ``invalid_action_reward`` (0).

    ## Starting State
    ``options={"task_id": "test-0007"}`` picks a task; ``options={"split": "test"}`` draws from the
    fixed 100-task test split; otherwise a task of the train split. Templates are assigned
    round-robin by task index; each split has its own generated database (500 users, about 1,000
    orders, 20 products), shared copy-on-write by its episodes. Tasks that doing nothing would pass
    are redrawn.

    ## Episode End
    Terminates when the customer ends the conversation (its goal met, or the agent said goodbye), on
    ``transfer_to_human_agents`` (outcome 0), or when an invalid call (unknown tool, bad arguments,
    malformed JSON, ids that do not exist, an impossible change) exceeds the error budget (default
    10; outcome 0). Tools execute every well-formed call the database allows; policy violations show
    in the outcome, not as refusals. Truncates at ``max_turns`` (default 40) with outcome 0.

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user``, ``tool`` or
    ``env``), ``action_valid``, ``placeholder``, ``template``, ``errors``, ``error_budget``; replies
    also ``reply_kind`` and ``judgment`` ({"kind", "keys"}). The last step adds ``outcome``,
    ``success``, ``state_matches_goal``, ``info_told``, ``policy_violations``, ``ended_by_customer``
    and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/ToolUse-Retail-v0", simulator="rule", error_budget=10, max_turns=40,
    placeholder="No information found.")``. ``simulator`` is a spec string or a ``UserSimulator``;
    LLM simulators get the scenario as a role description.

    ## Version History
    - v0: initial release; judged as tau2 does (values as answers, policy in the outcome),
      permissive tools, tau2-sized databases.
    """

    env_name = "ToolUse-Retail"
    company = "an online shop"
    policy = POLICY
    agent_tools = TOOLS
    generate_world = staticmethod(generate_db)
    templates = TEMPLATES
