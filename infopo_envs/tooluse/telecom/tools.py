"""The telecom agent's tools: they act on the carrier's account database, never on the phone.

As in tau2-bench, tools execute every well-formed call on ids that exist; the policy (pay
before resuming, only with the customer's yes) is judged from the episode and the final state.
"""

from __future__ import annotations

from infopo_envs.tooluse.core import ToolError, ToolRegistry
from infopo_envs.tooluse.core.common_tools import COMMON_TOOLS
from infopo_envs.tooluse.core.registry import identify, public, write
from infopo_envs.tooluse.telecom.data_model import Customer, Line, Plan, TelecomDB

REFUEL_PRICE_PER_GB = 2.0


def _digits(phone_number: str) -> str:
    return "".join(c for c in phone_number if c.isdigit())


def _line(db: TelecomDB, phone_number: str) -> Line:
    line = db.lines.get(_digits(phone_number))
    if line is None:
        raise ToolError(f"No line with number {phone_number!r}.")
    return line


def _customer(db: TelecomDB, customer_id: str) -> Customer:
    if customer_id not in db.customers:
        raise ToolError(f"Customer {customer_id!r} not found.")
    return db.customers[customer_id]


@identify
def find_customer_by_phone_number(db: TelecomDB, phone_number: str) -> str:
    """Find the id of the customer who owns a phone line.

    Args:
        phone_number: The line's number, such as '5551234567'.
    """
    return _line(db, phone_number).customer_id


def get_customer_details(db: TelecomDB, customer_id: str) -> Customer:
    """Get a customer's name, lines, payment method and bills.

    Args:
        customer_id: The customer id, such as 'C1003'.
    """
    return _customer(db, customer_id)


def get_line_details(db: TelecomDB, phone_number: str) -> dict:
    """Get a line's status, plan, roaming setting and data use this month.

    Args:
        phone_number: The line's number, such as '5551234567'.
    """
    line = _line(db, phone_number)
    return {**line.model_dump(), "plan": db.plans[line.plan_id].model_dump()}


@public
def list_plans(db: TelecomDB) -> list[Plan]:
    """List every plan with its monthly data allowance and price."""
    return list(db.plans.values())


@write
def pay_overdue_bill(db: TelecomDB, customer_id: str, bill_id: str) -> Customer:
    """Pay an overdue bill with the customer's payment method on file.

    Args:
        customer_id: The customer id.
        bill_id: The id of the overdue bill, such as 'B100304'.
    """
    customer = _customer(db, customer_id)
    bill = next((b for b in customer.bills if b.bill_id == bill_id), None)
    if bill is None:
        raise ToolError(f"{customer_id} has no bill {bill_id!r}.")
    if bill.status != "overdue":
        raise ToolError(f"Bill {bill_id} is already paid.")
    bill.status = "paid"
    return customer


@write
def resume_line(db: TelecomDB, phone_number: str) -> Line:
    """Resume a suspended line (the policy wants every overdue bill paid first).

    Args:
        phone_number: The line's number.
    """
    line = _line(db, phone_number)
    if line.status != "suspended":
        raise ToolError("The line is not suspended.")
    line.status = "active"
    return line


@write
def enable_roaming(db: TelecomDB, phone_number: str) -> Line:
    """Allow a line to use partner networks abroad (the phone's data roaming must be on too).

    Args:
        phone_number: The line's number.
    """
    line = _line(db, phone_number)
    if line.roaming_enabled:
        raise ToolError("Roaming is already enabled on this line.")
    line.roaming_enabled = True
    return line


@write
def disable_roaming(db: TelecomDB, phone_number: str) -> Line:
    """Stop a line from using partner networks abroad.

    Args:
        phone_number: The line's number.
    """
    line = _line(db, phone_number)
    if not line.roaming_enabled:
        raise ToolError("Roaming is already disabled on this line.")
    line.roaming_enabled = False
    return line


@write
def refuel_data(db: TelecomDB, phone_number: str, gb: int) -> dict:
    """Add data to a line for this month, at 2 per GB (the policy allows 1 to 10 GB).

    Args:
        phone_number: The line's number.
        gb: Whole gigabytes to add.
    """
    line = _line(db, phone_number)
    if gb < 1:
        raise ToolError("Refuel at least 1 GB.")
    line.data_refill_gb += gb
    return {"line": line.model_dump(), "charged": gb * REFUEL_PRICE_PER_GB}


@write
def change_plan(db: TelecomDB, phone_number: str, plan_id: str) -> Line:
    """Move a line to another plan from today.

    Args:
        phone_number: The line's number.
        plan_id: The new plan's id, such as 'P_PLUS'.
    """
    line = _line(db, phone_number)
    if plan_id not in db.plans:
        raise ToolError(f"No plan {plan_id!r}.")
    if plan_id == line.plan_id:
        raise ToolError("The line is already on that plan.")
    line.plan_id = plan_id
    return line


def get_data_usage(db: TelecomDB, phone_number: str) -> dict:
    """Get a line's data use this month against its allowance (plan plus refuels).

    Args:
        phone_number: The line's number, such as '5551234567'.
    """
    line = _line(db, phone_number)
    allowance = db.plans[line.plan_id].data_gb + line.data_refill_gb
    return {"data_used_gb": line.data_used_gb, "allowance_gb": allowance}


@write
def suspend_line(db: TelecomDB, phone_number: str) -> Line:
    """Suspend an active line (it keeps its number; no calls or data until resumed).

    Args:
        phone_number: The line's number.
    """
    line = _line(db, phone_number)
    if line.status != "active":
        raise ToolError("The line is not active.")
    line.status = "suspended"
    return line


TOOLS = ToolRegistry(
    [
        *COMMON_TOOLS,
        find_customer_by_phone_number,
        get_customer_details,
        get_line_details,
        list_plans,
        pay_overdue_bill,
        resume_line,
        enable_roaming,
        disable_roaming,
        refuel_data,
        change_plan,
        get_data_usage,
        suspend_line,
    ],
    state_of=lambda world: world.db,
)
