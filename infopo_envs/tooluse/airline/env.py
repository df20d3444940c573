"""InfoPO/ToolUse-Airline-v0: an airline's customer service, judged on the database."""

from __future__ import annotations

from infopo_envs.tooluse.airline.generator import generate_db
from infopo_envs.tooluse.airline.policy import POLICY
from infopo_envs.tooluse.airline.tasks import TEMPLATES
from infopo_envs.tooluse.airline.tools import TOOLS
from infopo_envs.tooluse.core import ToolUseEnv


class AirlineEnv(ToolUseEnv):
    """Serve an airline's traveller with tools over the airline's database.

    ## Description
    In the style of tau-bench's airline domain, generated procedurally. Each task draws a small
    database (10 routes with two or three flights a day over six days, seats and prices per
    cabin, 8 users with memberships, payment methods and bookings) and a traveller with a hidden
    scenario from one of 10 templates: cancel a booking the policy allows cancelling, learn that
    one cannot be cancelled, upgrade to business only within a price limit, add checked bags,
    correct a passenger's name, move to the earliest flight on another date, learn a delay,
    get a certificate for a cancelled or delayed flight, book the cheapest flight in a cabin.
    The traveller gives their user id and each detail only when asked, answers proposals yes or
    no according to the scenario's conditions, and says it is done (``###STOP###``) once its
    goal is met. The agent reads the policy and the tools' schemas in its instructions; the
    tools refuse calls the policy forbids (cancelling an ineligible booking, a wrong bag count,
    a certificate the traveller is not owed).

    ## Action Space
    Text (up to 16384 characters), one action per turn: ``[action] <message to the traveller>``
    or ``[tool] {"name": ..., "arguments": {...}}``; an OpenAI tool-call object on its own
    (``{"type": "function", "function": {"name": ..., "arguments": "..."}}``) is also a call.

    ## Observation Space
    Text (up to 32768 characters). ``reset`` returns the policy, the tool schemas (OpenAI
    function-calling format), the grammar and the traveller's first message. ``step`` returns
    only the feedback: the traveller's reply, a tool's JSON result, or an error message.

    ## Rewards
    Sparse: the last step's reward adds the outcome, 1.0 when the final database hashes equal
    to the goal database (the initial one with the task's gold calls replayed) and every
    required piece of information (refunds, costs, delays, certificate amounts, "cannot be
    cancelled") appears in the agent's messages; 0 otherwise. Invalid actions and calls get
    ``invalid_action_reward`` (0).

    ## Starting State
    ``options={"task_id": "test-0007"}`` picks a task; ``options={"split": "test"}`` draws from
    the fixed 100-task test split; otherwise a task of the train split. Templates are assigned
    round-robin by task index. Tasks that doing nothing would pass are redrawn at generation.

    ## Episode End
    Terminates when the traveller says it is done (goal met, or the agent said goodbye), or
    when an invalid call (unknown tool, bad arguments, malformed JSON, a call the tool refuses
    under the policy) exceeds the error budget (default 10; the outcome is then 0). Truncates
    at ``max_turns`` (default 40).

    ## Information
    Every step's info has ``turn``, ``task_id``, ``feedback_source`` (``user``, ``tool`` or
    ``env``), ``action_valid``, ``placeholder``, ``template``, ``errors``, ``error_budget``;
    replies also ``reply_kind``. The last step adds ``outcome``, ``success``,
    ``state_matches_goal``, ``info_told`` and ``simulator`` statistics.

    ## Arguments
    ``gym.make("InfoPO/ToolUse-Airline-v0", simulator="rule", error_budget=10, max_turns=40,
    placeholder="No information found.")``. ``simulator`` is a spec string or a
    ``UserSimulator``; LLM simulators get the scenario as a role description.

    ## Version History
    - v0: initial release.
    """

    env_name = "ToolUse-Airline"
    company = "an airline"
    policy = POLICY
    agent_tools = TOOLS
    generate_world = staticmethod(generate_db)
    templates = TEMPLATES
