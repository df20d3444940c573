"""The customer's own tools, on their phone (tau2-bench's breadth), and how the agent asks.

The agent cannot call these; it asks the customer in a message ("please turn airplane mode
off, then run a speed test"), the customer performs what it understood, in the order meant,
and reports what the phone shows. Reports are computed from the phone and the account
together. The requests the customer understands are data (``data/requests.json``).
"""

from __future__ import annotations

from importlib import resources

from infopo_envs.tooluse.core import ToolError, ToolRegistry
from infopo_envs.tooluse.core.registry import public, write
from infopo_envs.tooluse.core.user_actions import load_requests
from infopo_envs.tooluse.telecom.data_model import (
    APP_NEEDS,
    CARRIER_APN,
    CARRIER_MMSC,
    NETWORK_MODES,
    NetworkMode,
    TelecomWorld,
    download_mbps,
    no_data_reason,
    no_mms_reason,
    no_service_reason,
)

ON = {True: "on", False: "off"}


@public
def check_status_bar(world: TelecomWorld) -> str:
    """Read the icons of the phone's status bar."""
    phone = world.phone
    icons = ["a Wi-Fi icon"] if phone.wifi else []
    if phone.vpn_connected:
        icons.append("a VPN key")
    extra = (", " + ", ".join(icons)) if icons else ""
    if phone.airplane_mode:
        return f"The status bar shows an airplane icon and no signal bars{extra}."
    reason = no_service_reason(world)
    if reason == "no SIM":
        return f"The status bar shows 'No SIM' and no signal bars{extra}."
    if reason is not None:
        return f"The status bar says 'No service' (emergency calls only){extra}."
    generation = {"2g_only": "2G", "3g_only": "3G", "4g_only": "4G"}.get(phone.network_mode, "5G")
    data = f"a {generation} data icon" if no_data_reason(world) is None else "no data icon"
    roaming = " and an R for roaming" if phone.abroad else ""
    return f"The status bar shows 4 signal bars, {data}{roaming}{extra}."


@public
def check_network_status(world: TelecomWorld) -> str:
    """Read the phone's network status: service, mobile data and data roaming."""
    phone = world.phone
    service = "no service" if no_service_reason(world) else "connected to the mobile network"
    return (
        f"The phone is {service}; mobile data is {ON[phone.mobile_data]}, data roaming is "
        f"{ON[phone.data_roaming]}, airplane mode is {ON[phone.airplane_mode]}."
    )


@public
def check_network_mode_preference(world: TelecomWorld) -> str:
    """Read the preferred network mode (4G/5G preferred, 4G only, 3G only or 2G only)."""
    return f"The preferred network mode is {world.phone.network_mode}."


@public
def run_speed_test(world: TelecomWorld) -> str:
    """Run a speed test over mobile data."""
    speed = download_mbps(world)
    if speed is None:
        return "The speed test fails: no internet connection."
    return f"The speed test shows {speed:g} Mbps download."


@public
def check_sim_status(world: TelecomWorld) -> str:
    """Read the SIM card's status."""
    return "The SIM card is active." if world.phone.sim_seated else "It says no SIM card detected."


@public
def check_data_restriction_status(world: TelecomWorld) -> str:
    """Read whether data saver mode is on."""
    return f"Data saver mode is {ON[world.phone.data_saver]}."


@public
def check_apn_settings(world: TelecomWorld) -> str:
    """Read the access point (APN) settings."""
    return f"The APN is '{world.phone.apn}', the MMSC URL is '{world.phone.mmsc_url}'."


@public
def check_wifi_status(world: TelecomWorld) -> str:
    """Read whether Wi-Fi is on."""
    return f"Wi-Fi is {ON[world.phone.wifi]}."


@public
def check_wifi_calling_status(world: TelecomWorld) -> str:
    """Read whether Wi-Fi calling is on."""
    return f"Wi-Fi calling is {ON[world.phone.wifi_calling]}."


@public
def check_vpn_status(world: TelecomWorld) -> str:
    """Read whether a VPN is connected."""
    return "A VPN is connected." if world.phone.vpn_connected else "No VPN is connected."


@public
def check_installed_apps(world: TelecomWorld) -> str:
    """List the apps installed on the phone."""
    return "Installed apps: " + ", ".join(sorted(world.phone.app_permissions)) + "."


@public
def check_app_permissions(world: TelecomWorld, app_name: str) -> str:
    """Read the permissions granted to an app.

    Args:
        app_name: The app, such as 'messaging'.
    """
    granted = world.phone.app_permissions.get(app_name)
    if granted is None:
        raise ToolError(f"There is no app called {app_name!r}.")
    return f"The {app_name} app has: {', '.join(sorted(granted)) or 'no permissions'}."


@public
def can_send_mms(world: TelecomWorld) -> str:
    """Try sending a picture message (MMS)."""
    reason = no_mms_reason(world)
    return "The picture message was sent." if reason is None else "The picture message failed."


@public
def reboot_device(world: TelecomWorld) -> str:
    """Restart the phone (settings are kept)."""
    return "I restarted the phone. " + check_status_bar(world)


def _set(world: TelecomWorld, field: str, label: str, enabled: bool) -> str:
    setattr(world.phone, field, enabled)
    return f"I turned {label} {ON[enabled]}. " + check_status_bar(world)


@write
def set_airplane_mode(world: TelecomWorld, enabled: bool) -> str:
    """Turn airplane mode on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    return _set(world, "airplane_mode", "airplane mode", enabled)


@write
def set_mobile_data(world: TelecomWorld, enabled: bool) -> str:
    """Turn mobile data on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    return _set(world, "mobile_data", "mobile data", enabled)


@write
def set_data_roaming(world: TelecomWorld, enabled: bool) -> str:
    """Turn data roaming on or off in the phone's settings.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    return _set(world, "data_roaming", "data roaming", enabled)


@write
def set_data_saver(world: TelecomWorld, enabled: bool) -> str:
    """Turn data saver mode on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    return _set(world, "data_saver", "data saver mode", enabled)


@write
def set_wifi(world: TelecomWorld, enabled: bool) -> str:
    """Turn Wi-Fi on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    return _set(world, "wifi", "Wi-Fi", enabled)


@write
def set_wifi_calling(world: TelecomWorld, enabled: bool) -> str:
    """Turn Wi-Fi calling on or off.

    Args:
        enabled: True to turn it on, False to turn it off.
    """
    return _set(world, "wifi_calling", "Wi-Fi calling", enabled)


@write
def connect_vpn(world: TelecomWorld) -> str:
    """Connect the phone's VPN."""
    world.phone.vpn_connected = True
    return "I connected the VPN. " + check_status_bar(world)


@write
def disconnect_vpn(world: TelecomWorld) -> str:
    """Disconnect the phone's VPN."""
    world.phone.vpn_connected = False
    return "I disconnected the VPN. " + check_status_bar(world)


@write
def set_network_mode_preference(world: TelecomWorld, mode: NetworkMode) -> str:
    """Set the preferred network mode.

    Args:
        mode: One of '4g_5g_preferred', '4g_only', '3g_only', '2g_only'.
    """
    if mode not in NETWORK_MODES:
        raise ToolError(f"Unknown network mode {mode!r}.")
    world.phone.network_mode = mode
    return f"I set the network mode to {mode}. " + check_status_bar(world)


@write
def reset_apn_settings(world: TelecomWorld) -> str:
    """Reset the access point (APN) settings to the carrier's default."""
    world.phone.apn, world.phone.mmsc_url = CARRIER_APN, CARRIER_MMSC
    return "I reset the APN settings. " + check_status_bar(world)


@write
def reseat_sim(world: TelecomWorld) -> str:
    """Take the SIM card out and put it back in properly."""
    world.phone.sim_seated = True
    return "I took the SIM card out and put it back in. " + check_status_bar(world)


@write
def grant_app_permission(world: TelecomWorld, app_name: str, permission: str) -> str:
    """Grant an app a permission.

    Args:
        app_name: The app, such as 'messaging'.
        permission: The permission, such as 'storage'.
    """
    granted = world.phone.app_permissions.get(app_name)
    if granted is None:
        raise ToolError(f"There is no app called {app_name!r}.")
    if permission not in {p for needs in APP_NEEDS.values() for p in needs}:
        raise ToolError(f"There is no permission called {permission!r}.")
    world.phone.app_permissions[app_name] = sorted({*granted, permission})
    return f"I granted the {app_name} app the {permission} permission."


USER_TOOLS = ToolRegistry(
    [
        check_status_bar,
        check_network_status,
        check_network_mode_preference,
        run_speed_test,
        check_sim_status,
        check_data_restriction_status,
        check_apn_settings,
        check_wifi_status,
        check_wifi_calling_status,
        check_vpn_status,
        check_installed_apps,
        check_app_permissions,
        can_send_mms,
        reboot_device,
        set_airplane_mode,
        set_mobile_data,
        set_data_roaming,
        set_data_saver,
        set_wifi,
        set_wifi_calling,
        connect_vpn,
        disconnect_vpn,
        set_network_mode_preference,
        reset_apn_settings,
        reseat_sim,
        grant_app_permission,
    ]
)
USER_ACTIONS = load_requests(resources.files(__package__) / "data" / "requests.json")
