"""InfoPO/ToolUse-Telecom-v0: dual-control mobile support, judged on the account and the phone."""

from __future__ import annotations

from infopo_envs.tooluse.core import ToolUseEnv
from infopo_envs.tooluse.telecom.generator import generate_world
from infopo_envs.tooluse.telecom.policy import POLICY
from infopo_envs.tooluse.telecom.tasks import TEMPLATES
from infopo_envs.tooluse.telecom.tools import TOOLS
from infopo_envs.tooluse.telecom.user_tools import USER_ACTIONS, USER_TOOLS


class TelecomEnv(ToolUseEnv):
    """Fix a mobile customer's problem with tools on the account and the customer's own phone.

    ## Description
    In the style of tau2-bench's dual-control telecom domain, generated procedurally. The world
    is the carrier's database (plans, 6 customers with lines and bills) and the customer's
    phone (airplane mode, mobile data, data roaming, APN, SIM seating, whether abroad). The
    agent's tools act on the account only (find the customer, line details, pay an overdue
    bill, resume a line, enable roaming, refuel data, change plan). The phone is the
    customer's: the agent asks in a message ("please turn airplane mode off", "run a speed
    test", "reseat your SIM"), the customer performs that one action on the phone and reports
    what the phone shows. The phone's status (service, data, speed test) is computed from both
    sides whenever it is read, so the two stay in sync after every step. Each task breaks the
    world per one of 11 templates: airplane mode on, mobile data off, a wrong APN, a loose SIM,
    two phone faults, data roaming off abroad, roaming off on both sides, a line suspended for
    an overdue bill (paid only within the customer's limit), data used up (refuel), a bigger
    plan, the last bill's amount.

    ## Action Space
    Text (up to 16384 characters), one action per turn: ``[action] <message to the customer>``
    or ``[tool] {"name": ..., "arguments": {...}}``; an OpenAI tool-call object on its own
    (``{"type": "function", "function": {"name": ..., "arguments": "..."}}``) is also a call.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the policy (which lists what the customer
    can do on the phone), the agent's tool schemas (OpenAI function-calling format), the grammar
    and the customer's first message. ``step`` returns only the feedback: the customer's reply
    (including the result of a phone action), a tool's JSON result, or an error message.

    ## Rewards
    Sparse: the last step's reward adds the outcome, 1.0 when the final account database and
    phone hash equal to the goal (the initial world with the task's gold calls, the agent's
    and the customer's, replayed) and every required amount was told; 0 otherwise. Invalid
    actions and calls get ``invalid_action_reward`` (0).

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
    replies also ``reply_kind``, and ``user_call`` when the customer acted on the phone. The
    last step adds ``outcome``, ``success``, ``state_matches_goal``, ``info_told`` and
    ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/ToolUse-Telecom-v0", simulator="rule", error_budget=10, max_turns=40,
    placeholder="No information found.")``. ``simulator`` is a spec string or a
    ``UserSimulator``; LLM simulators get the scenario as a role description and the phone's
    report as the plan's fact.

    ## Version History
    - v0: initial release.
    """

    env_name = "ToolUse-Telecom"
    company = "a mobile carrier"
    policy = POLICY
    agent_tools = TOOLS
    user_tools = USER_TOOLS
    user_actions = USER_ACTIONS
    generate_world = staticmethod(generate_world)
    templates = TEMPLATES
