"""Telecom task templates: a customer's phone or account fault, and the gold fix on both sides.

Templates break the healthy generated world (the phone's settings, the line's status or data,
a bill) and the gold calls repair it: the customer's phone actions (actor ``user``) and the
agent's account actions.
"""

from __future__ import annotations

from dataclasses import replace
from functools import wraps

import numpy as np

from infopo_envs.tooluse.core import USER, Decision, Fact, InfoItem, Task, ToolCall
from infopo_envs.tooluse.core.task import combine, money, pick
from infopo_envs.tooluse.telecom.data_model import Phone, TelecomWorld
from infopo_envs.tooluse.telecom.tools import REFUEL_PRICE_PER_GB

NO_DATA = "My mobile data isn't working."
NO_SERVICE = "My phone has no service at all."
SLOW = "My mobile internet is really slow."
NO_MMS = "I can't send picture messages."


def _identity(world: TelecomWorld) -> Fact:
    number = world.phone.phone_number
    name = world.db.customers[world.db.lines[number].customer_id].full_name
    return Fact(
        "identity",
        ("phone number", "number", "identify", "verify", "account", "name"),
        (f"I'm {name}; my number is {number}.", f"My phone number is {number}."),
        "Could you give me the phone number of the line, so I can find your account?",
    )


def _lookups(world: TelecomWorld, *more: ToolCall) -> tuple[ToolCall, ...]:
    """Identify the customer by the line's number and read the line, then ``more``."""
    number = world.phone.phone_number
    return (
        ToolCall("find_customer_by_phone_number", {"phone_number": number}),
        ToolCall("get_line_details", {"phone_number": number}),
        *more,
    )


def _location(abroad: bool) -> Fact:
    where = "I'm abroad on a trip right now." if abroad else "I'm at home, not travelling."
    return Fact(
        "location",
        ("abroad", "travelling", "traveling", "country", "where are you"),
        (where,),
        "Are you at home or travelling abroad at the moment?",
    )


def _phone_task(
    world: TelecomWorld,
    template: str,
    symptom: str,
    fixes: tuple[ToolCall, ...],
    abroad: bool = False,
    checks: tuple[str, ...] = ("check_status_bar", "check_network_status"),
    arguments: dict | None = None,
) -> Task:
    """A task whose gold is the customer's phone actions only."""
    return Task(
        template,
        f"Hi, {symptom[0].lower()}{symptom[1:]}",
        f"{symptom} Get it working again.",
        (_identity(world), _location(abroad)),
        gold=fixes,
        lookups=_lookups(
            world, *(_user(name, **(arguments or {}).get(name, {})) for name in checks)
        ),
    )


def _user(name: str, **arguments) -> ToolCall:
    return ToolCall(name, arguments, USER)


def airplane_mode_on(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.airplane_mode = True
    return _phone_task(
        world, "airplane_mode_on", NO_SERVICE, (_user("set_airplane_mode", enabled=False),)
    )


def mobile_data_off(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.mobile_data = False
    return _phone_task(world, "mobile_data_off", NO_DATA, (_user("set_mobile_data", enabled=True),))


def wrong_apn(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.apn = pick(rng, ("wap.old", "internet.test", "mms"))
    return _phone_task(world, "wrong_apn", NO_DATA, (_user("reset_apn_settings"),))


def sim_unseated(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.sim_seated = False
    return _phone_task(world, "sim_unseated", NO_SERVICE, (_user("reseat_sim"),))


def airplane_and_data(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.airplane_mode, world.phone.mobile_data = True, False
    return _phone_task(
        world,
        "airplane_and_data",
        NO_SERVICE,
        (_user("set_airplane_mode", enabled=False), _user("set_mobile_data", enabled=True)),
    )


def vpn_slow(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.vpn_connected = True
    checks = ("check_status_bar", "run_speed_test", "check_vpn_status")
    return _phone_task(world, "vpn_slow", SLOW, (_user("disconnect_vpn"),), checks=checks)


def data_saver_slow(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.data_saver = True
    checks = ("check_status_bar", "run_speed_test", "check_data_restriction_status")
    fix = (_user("set_data_saver", enabled=False),)
    return _phone_task(world, "data_saver_slow", SLOW, fix, checks=checks)


def network_mode_2g(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.network_mode = pick(rng, ("2g_only", "3g_only"))
    symptom = NO_DATA if world.phone.network_mode == "2g_only" else SLOW
    checks = ("check_status_bar", "check_network_mode_preference")
    fix = (_user("set_network_mode_preference", mode="4g_5g_preferred"),)
    return _phone_task(world, "network_mode_old", symptom, fix, checks=checks)


def mms_permission(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.app_permissions["messaging"] = ["sms"]
    checks = ("can_send_mms", "check_app_permissions")
    fix = (_user("grant_app_permission", app_name="messaging", permission="storage"),)
    arguments = {"check_app_permissions": {"app_name": "messaging"}}
    return _phone_task(world, "mms_permission", NO_MMS, fix, checks=checks, arguments=arguments)


def mms_settings(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.mmsc_url = pick(rng, ("http://mms.old.example", ""))
    checks = ("can_send_mms", "check_apn_settings")
    return _phone_task(world, "mms_settings", NO_MMS, (_user("reset_apn_settings"),), checks=checks)


def phone_roaming_off(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.abroad, world.phone.data_roaming = True, False
    world.db.lines[world.phone.phone_number].roaming_enabled = True
    fix = _user("set_data_roaming", enabled=True)
    return _phone_task(world, "phone_roaming_off", NO_DATA, (fix,), abroad=True)


def roaming_off_both_sides(rng: np.random.Generator, world: TelecomWorld) -> Task:
    world.phone.abroad, world.phone.data_roaming = True, False
    world.db.lines[world.phone.phone_number].roaming_enabled = False
    number = world.phone.phone_number
    task = _phone_task(world, "roaming_off_both_sides", NO_DATA, (), abroad=True)
    return replace(
        task,
        decisions=(
            Decision(
                "roaming",
                (("roaming",), ("enable", "turn on", "activate")),
                True,
                "You agree to have roaming enabled on your line.",
                "Shall I enable roaming on your line? Please confirm.",
            ),
        ),
        gold=(
            ToolCall("enable_roaming", {"phone_number": number}),
            _user("set_data_roaming", enabled=True),
        ),
    )


def overdue_bill(rng: np.random.Generator, world: TelecomWorld) -> Task:
    number = world.phone.phone_number
    line = world.db.lines[number]
    customer = world.db.customers[line.customer_id]
    bill = customer.bills[-1]
    bill.status, line.status = "overdue", "suspended"
    limit = float(rng.integers(20, 120))
    accept = bill.amount <= limit
    fix = (
        ToolCall(
            "pay_overdue_bill", {"customer_id": customer.customer_id, "bill_id": bill.bill_id}
        ),
        ToolCall("resume_line", {"phone_number": number}),
    )
    return Task(
        "overdue_bill",
        "Hi, my phone suddenly has no service.",
        f"Get service back, paying the overdue bill only if it is at most ${limit:.2f}.",
        (_identity(world), _location(False)),
        (
            Decision(
                "pay",
                (("pay",), ("bill",)),
                accept,
                f"Agree to pay the overdue bill only if it is at most ${limit:.2f}.",
                f"Your line is suspended for an overdue bill of ${money(bill.amount)}. "
                "Shall I pay it with your card on file and resume the line? Please confirm.",
                covers=2,
            ),
        ),
        fix if accept else (),
        (InfoItem("amount due", (money(bill.amount),)),),
        f"The overdue bill is ${money(bill.amount)}.",
        _lookups(world, ToolCall("get_customer_details", {"customer_id": customer.customer_id})),
        () if accept else fix,
    )


def data_used_up(rng: np.random.Generator, world: TelecomWorld) -> Task:
    number = world.phone.phone_number
    line = world.db.lines[number]
    line.data_used_gb = world.db.plans[line.plan_id].data_gb
    gb = int(rng.integers(1, 6))
    cost = gb * REFUEL_PRICE_PER_GB
    return Task(
        "data_used_up",
        f"Hi, {NO_DATA.lower()}",
        f"{NO_DATA} Add {gb} GB of data for this month.",
        (
            _identity(world),
            _location(False),
            Fact(
                "refuel",
                ("how much", "how many", "gb", "gigabytes", "refuel", "add data"),
                (f"I'd like {gb} GB more for this month.",),
                "How many GB of extra data would suit you?",
            ),
        ),
        (
            Decision(
                "refuel",
                (("refuel", "add"), ("gb",)),
                True,
                "You agree to buy the extra data you asked for.",
                f"Shall I add {gb} GB of data to your line? Please confirm.",
            ),
        ),
        (ToolCall("refuel_data", {"phone_number": number, "gb": gb}),),
        (InfoItem("cost", (money(cost),)),),
        f"That costs ${money(cost)}.",
        _lookups(world, ToolCall("get_data_usage", {"phone_number": number})),
    )


def bigger_plan(rng: np.random.Generator, world: TelecomWorld) -> Task:
    number = world.phone.phone_number
    line = world.db.lines[number]
    plans = sorted(world.db.plans.values(), key=lambda p: p.price)
    current = world.db.plans[line.plan_id]
    if current.plan_id == plans[-1].plan_id:
        current = plans[0]
        line.plan_id = current.plan_id
    line.data_used_gb = current.data_gb
    need = pick(rng, [p.data_gb for p in plans if p.data_gb > current.data_gb])
    new = min((p for p in plans if p.data_gb >= need), key=lambda p: p.price)
    return Task(
        "bigger_plan",
        "I keep running out of data every month.",
        f"Move to the cheapest plan with at least {need:g} GB a month.",
        (
            _identity(world),
            Fact(
                "need",
                ("how much", "how many", "gb", "gigabytes", "need", "plan"),
                (f"I'd want the cheapest plan with at least {need:g} GB a month.",),
                "How much data do you need each month?",
            ),
        ),
        (
            Decision(
                "plan",
                (("switch", "change", "move"), (new.plan_id.lower(), new.name.lower())),
                True,
                "You agree to the cheapest plan with enough data.",
                f"Shall I move your line to the {new.name} plan ({new.plan_id})? Please confirm.",
            ),
        ),
        (ToolCall("change_plan", {"phone_number": number, "plan_id": new.plan_id}),),
        (InfoItem("new price", (money(new.price),)),),
        f"The {new.name} plan costs ${money(new.price)} a month.",
        _lookups(world, ToolCall("list_plans", {})),
    )


def last_bill(rng: np.random.Generator, world: TelecomWorld) -> Task:
    number = world.phone.phone_number
    customer_id = world.db.lines[number].customer_id
    bill = world.db.customers[customer_id].bills[-1]
    return Task(
        "last_bill",
        "How much was my last bill?",
        f"Learn the amount of your bill for {bill.period}.",
        (_identity(world),),
        required_info=(InfoItem("bill", (money(bill.amount),)),),
        tells=f"Your last bill, for {bill.period}, was ${money(bill.amount)}.",
        lookups=_lookups(world, ToolCall("get_customer_details", {"customer_id": customer_id})),
    )


def on_a_line(template):
    """The template, for the customer of a line drawn from the seed (the phone is theirs)."""

    @wraps(template)
    def drafted(rng: np.random.Generator, world: TelecomWorld) -> Task:
        world.phone = Phone(phone_number=pick(rng, list(world.db.lines)))
        return template(rng, world)

    return drafted


SINGLE = (
    airplane_mode_on,
    mobile_data_off,
    wrong_apn,
    sim_unseated,
    airplane_and_data,
    phone_roaming_off,
    roaming_off_both_sides,
    overdue_bill,
    data_used_up,
    bigger_plan,
    last_bill,
    vpn_slow,
    data_saver_slow,
    network_mode_2g,
    mms_permission,
    mms_settings,
)
#: Two requests of one customer (never one abroad and one at home).
PAIRS = tuple(
    combine(first, second)
    for first, second in (
        (airplane_mode_on, last_bill),
        (wrong_apn, bigger_plan),
        (sim_unseated, last_bill),
        (mobile_data_off, data_used_up),
        (overdue_bill, mobile_data_off),
        (phone_roaming_off, last_bill),
        (airplane_mode_on, wrong_apn),
        (sim_unseated, mobile_data_off),
        (roaming_off_both_sides, last_bill),
        (vpn_slow, data_used_up),
        (mms_permission, last_bill),
        (data_saver_slow, bigger_plan),
    )
)
TEMPLATES = tuple(map(on_a_line, (*SINGLE, *PAIRS)))
