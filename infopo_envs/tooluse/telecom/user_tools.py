"""The customer's own tools, on their phone, and how the agent asks for each one.

The agent cannot call these; it asks the customer in a message ("please turn airplane mode
off"), the customer performs the action and reports what they see. Reports are computed from
the phone and the account together.
"""

from __future__ import annotations

from infopo_envs.tooluse.core import USER, ToolCall, ToolRegistry, UserAction
from infopo_envs.tooluse.core.registry import public, write
from infopo_envs.tooluse.telecom.data_model import (
    CARRIER_APN,
    TelecomWorld,
    no_data_reason,
    no_service_reason,
)


@public
def check_status_bar(world: TelecomWorld) -> str:
    """Read the icons of the phone's status bar."""
    phone = world.phone
    if phone.airplane_mode:
        return "The status bar shows an airplane icon and no signal bars."
    reason = no_service_reason(world)
    if reason == "no SIM":
        return "The status bar shows 'No SIM' and no signal bars."
    if reason is not None:
        return "The status bar says 'No service' (emergency calls only)."
    data = "a 5G data icon" if no_data_reason(world) is None else "no data icon"
    roaming = " and an R for roaming" if phone.abroad else ""
    return f"The status bar shows 4 signal bars, {data}{roaming}."


@public
def check_network_settings(world: TelecomWorld) -> str:
    """Read the phone's network settings: mobile data, data roaming and the APN."""
    phone = world.phone
    on = {True: "on", False: "off"}
    return (
        f"Mobile data is {on[phone.mobile_data]}, data roaming is {on[phone.data_roaming]}, "
        f"the APN is '{phone.apn}'."
    )


@public
def run_speed_test(world: TelecomWorld) -> str:
    """Run a speed test over mobile data."""
    if no_data_reason(world) is not None:
        return "The speed test fails: no internet connection."
    return "The speed test shows 48 Mbps download and 12 Mbps upload."


@write
def set_airplane_mode(world: TelecomWorld, enabled: bool) -> str:
    """Turn airplane mode on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    world.phone.airplane_mode = enabled
    return f"I turned airplane mode {'on' if enabled else 'off'}. " + check_status_bar(world)


@write
def set_mobile_data(world: TelecomWorld, enabled: bool) -> str:
    """Turn mobile data on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    world.phone.mobile_data = enabled
    return f"I turned mobile data {'on' if enabled else 'off'}. " + check_status_bar(world)


@write
def set_data_roaming(world: TelecomWorld, enabled: bool) -> str:
    """Turn data roaming on or off in the phone's settings.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    world.phone.data_roaming = enabled
    return f"I turned data roaming {'on' if enabled else 'off'}. " + check_status_bar(world)


@write
def reset_apn_settings(world: TelecomWorld) -> str:
    """Reset the access point (APN) settings to the carrier's default."""
    world.phone.apn = CARRIER_APN
    return "I reset the APN settings. " + check_status_bar(world)


@write
def reseat_sim(world: TelecomWorld) -> str:
    """Take the SIM card out and put it back in properly."""
    world.phone.sim_seated = True
    return "I took the SIM card out and put it back in. " + check_status_bar(world)


USER_TOOLS = ToolRegistry(
    [
        check_status_bar,
        check_network_settings,
        run_speed_test,
        set_airplane_mode,
        set_mobile_data,
        set_data_roaming,
        reset_apn_settings,
        reseat_sim,
    ]
)

_ARTICLE = r"(?:the |your |my )?"


def _switch(thing: str, on: bool) -> tuple[str, ...]:
    """Patterns for asking to turn ``thing`` (a regex) on or off."""
    state = "on" if on else "off"
    verbs = "enable|activate" if on else "disable|deactivate"
    return (
        rf"\b(?:turn|switch|put|set) {state} {_ARTICLE}{thing}",
        rf"\b(?:turn|switch|put|set) {_ARTICLE}{thing} {state}\b",
        rf"\b(?:{verbs}) {_ARTICLE}{thing}",
    )


_AIRPLANE = r"(?:airplane|aeroplane|flight) mode"
_DATA = r"(?:mobile|cellular) data"
_ROAMING = r"data roaming"


def _action(name: str, patterns: tuple[str, ...], request: str, **arguments) -> UserAction:
    return UserAction(ToolCall(name, arguments, USER), patterns, request)


USER_ACTIONS = (
    _action(
        "check_status_bar",
        (
            rf"\b(?:check|look at|read) {_ARTICLE}status bar",
            r"\bwhat does (?:the |your )?status bar",
        ),
        "Could you check your status bar and tell me what it shows?",
    ),
    _action(
        "check_network_settings",
        (rf"\b(?:check|look at|open) {_ARTICLE}network settings",),
        "Could you check your network settings and tell me what they say?",
    ),
    _action(
        "run_speed_test",
        (r"\b(?:run|do|perform|try) (?:a |the )?speed ?test",),
        "Could you run a speed test and tell me the result?",
    ),
    _action(
        "set_airplane_mode",
        _switch(_AIRPLANE, False),
        "Please turn airplane mode off and tell me what you see.",
        enabled=False,
    ),
    _action(
        "set_airplane_mode", _switch(_AIRPLANE, True), "Please turn airplane mode on.", enabled=True
    ),
    _action(
        "set_mobile_data",
        _switch(_DATA, True),
        "Please turn mobile data on and tell me what you see.",
        enabled=True,
    ),
    _action(
        "set_mobile_data", _switch(_DATA, False), "Please turn mobile data off.", enabled=False
    ),
    _action(
        "set_data_roaming",
        _switch(_ROAMING, True),
        "Please turn data roaming on in your phone's settings.",
        enabled=True,
    ),
    _action(
        "set_data_roaming",
        _switch(_ROAMING, False),
        "Please turn data roaming off in your phone's settings.",
        enabled=False,
    ),
    _action(
        "reset_apn_settings",
        (rf"\breset {_ARTICLE}(?:apn|access point)",),
        "Please reset your APN settings and tell me what you see.",
    ),
    _action(
        "reseat_sim",
        (
            rf"\b(?:reseat|re-seat|reinsert|re-insert) {_ARTICLE}sim",
            rf"\btake {_ARTICLE}sim(?: card)? out",
        ),
        "Please take your SIM card out and reseat it, then tell me what you see.",
    ),
)
