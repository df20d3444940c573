"""InfoPO/ToolUse-Telecom-v0: dual-control mobile support, judged on the account and the phone."""

from __future__ import annotations

from infopo_envs.tooluse.core import ToolUseEnv
from infopo_envs.tooluse.telecom.database import generate_world
from infopo_envs.tooluse.telecom.policy import POLICY
from infopo_envs.tooluse.telecom.tasks import TEMPLATES
from infopo_envs.tooluse.telecom.tools import TOOLS
from infopo_envs.tooluse.telecom.user_tools import USER_ACTIONS, USER_TOOLS


class TelecomEnv(ToolUseEnv):
    """Fix a mobile customer's problem with tools on the account and the customer's own phone.

    ## Description
    In the style of tau2-bench's dual-control telecom domain, generated procedurally. The world is
    the carrier's database (plans, 200 customers with lines and bills) and the customer's phone
    (airplane mode, mobile data, roaming, network mode, APN and MMS settings, SIM, data saver,
    Wi-Fi, Wi-Fi calling, VPN, app permissions, whether abroad). The agent's 14 tools act on the
    account only; the phone changes only through the customer's 26 user tools: the agent asks in a
    message, the customer performs what it understood in the order meant (skipping what it is told
    not to do yet; at most two at once) and reports what the phone shows, computed from both sides.
    Each task breaks the world per one of 28 templates (phone faults, a suspended line with an
    overdue bill paid only within a limit, used-up data, a bigger plan, the last bill, slow data
    from a VPN or data saver, an old network mode, MMS permission or settings, and 12 pairs).

    ## Action Space
    Text (up to 16384 characters), one action per turn: ``[action] <message to the customer>`` or
    ``[tool] {"name": ..., "arguments": {...}}``; an OpenAI tool-call object on its own (``{"type":
    "function", "function": {"name": ..., "arguments": "..."}}``) is also a call. Text before the
    tag is the agent's note and is not sent; a message holding both a message and a tool call is
    rejected whole (invalid action, nothing changes).

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the policy (which lists what the customer can
    do on the phone), the agent's tool schemas (OpenAI function-calling format), the grammar and the
    customer's first message. ``step`` returns only the feedback: the customer's reply (including
    the result of a phone action), a tool's JSON result, or an error message.

    ## Rewards
    Sparse: the last step's reward adds the outcome, 1.0 only when (1) the final account database
    and phone hashes equal to the gold replay's, (2) every required value was stated as the answer:
    in its kind (money, minutes, the word), not negated, not among rival candidates, after a tool
    returned it, (3) the policy held: the customer identified before any read of their data or any
    change, an explicit yes from the customer just before every change the agent makes, no change
    the task did not need (even undone), and (4) the customer ended the conversation; 0 otherwise.
    Invalid actions and calls get ``invalid_action_reward`` (0).

    ## Starting State
    ``options={"task_id": "test-0007"}`` picks a task; ``options={"split": "test"}`` draws from the
    fixed 100-task test split; otherwise a task of the train split. Templates are assigned
    round-robin by task index; each split has its own generated database (200 customers with lines
    and bills), shared copy-on-write by its episodes. Tasks that doing nothing would pass are
    redrawn.

    ## Episode End
    Terminates when the customer ends the conversation (its goal met, or the agent said goodbye), on
    ``transfer_to_human_agents`` (outcome 0), or when an invalid call (unknown tool, bad arguments,
    malformed JSON, ids that do not exist, an impossible change) exceeds the error budget (default
    10; outcome 0). Tools execute every well-formed call the database allows; policy violations show
    in the outcome, not as refusals. Truncates at ``max_turns`` (default 40) with outcome 0.

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user``, ``tool`` or
    ``env``), ``action_valid``, ``placeholder``, ``template``, ``errors``, ``error_budget``; replies
    also ``reply_kind`` and ``judgment`` ({"kind", "keys"}), and ``user_calls`` when the customer
    acted on the phone. The last step adds ``outcome``, ``success``, ``state_matches_goal``,
    ``info_told``, ``policy_violations``, ``ended_by_customer`` and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/ToolUse-Telecom-v0", simulator="rule", error_budget=10, max_turns=40,
    placeholder="No information found.")``. ``simulator`` is a spec string or a ``UserSimulator``;
    LLM simulators get the scenario as a role description and the phone's report as the plan's fact.
    ``customer_tools="openai:<model>"`` (or an ``LLMHands``) lets an LLM choose the customer's
    phone actions by function calling over the user tools' schemas; the default ``"rule"``
    reads them from the agent's message with the judging core.

    ## Version History
    - v0: initial release; judged as tau2 does (values as answers, policy in the outcome),
      permissive tools, tau2-sized databases.
    """

    env_name = "ToolUse-Telecom"
    company = "a mobile carrier"
    policy = POLICY
    agent_tools = TOOLS
    user_tools = USER_TOOLS
    user_actions = USER_ACTIONS
    generate_world = staticmethod(generate_world)
    templates = TEMPLATES
