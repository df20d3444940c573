"""InfoPO environments: text-in, text-out multi-turn tasks where the agent must ask before it acts.

Importing this package registers every env with Gymnasium under ``InfoPO/<Name>-v0``::

    import gymnasium as gym
    import infopo_envs  # noqa: F401  (registers the envs)

    env = gym.make("InfoPO/TravelIntent-v0")

``gym.make("infopo_envs:InfoPO/TravelIntent-v0")`` imports the package for you.
"""

from __future__ import annotations

from gymnasium.envs.registration import register, registry

#: id -> (entry point, max_episode_steps, default kwargs). Keep sorted by family.
ENVS: dict[str, tuple[str, int, dict]] = {
    "InfoPO/TravelIntent-v0": ("infopo_envs.travel:TravelIntentEnv", 30, {}),
    "InfoPO/CodingCollab-v0": ("infopo_envs.coding:CodingCollabEnv", 10, {}),
    "InfoPO/Intention-v0": ("infopo_envs.intention:IntentionEnv", 20, {}),
    "InfoPO/Function-v0": ("infopo_envs.function:FunctionEnv", 20, {}),
    "InfoPO/Telepathy-v0": ("infopo_envs.telepathy:TelepathyEnv", 20, {}),
    "InfoPO/WebShop-v0": ("infopo_envs.webshop:WebShopEnv", 20, {}),
    "InfoPO/WebShopIntent-v0": ("infopo_envs.webshop:WebShopIntentEnv", 30, {}),
    "InfoPO/Sokoban-v0": ("infopo_envs.sokoban:SokobanEnv", 50, {}),
    "InfoPO/Sokoban8x8-v0": (
        "infopo_envs.sokoban:SokobanEnv",
        50,
        {"dim_room": (8, 8), "num_boxes": 2, "tier": "medium", "max_actions": 20},
    ),
    "InfoPO/ToolUse-Retail-v0": ("infopo_envs.tooluse:RetailEnv", 40, {}),
    "InfoPO/ToolUse-Airline-v0": ("infopo_envs.tooluse:AirlineEnv", 40, {}),
    "InfoPO/ToolUse-Telecom-v0": ("infopo_envs.tooluse:TelecomEnv", 40, {}),
}


def _register_all() -> None:
    # The env truncates at its own ``max_turns`` (and reports ``outcome`` and ``success`` when it
    # does), so no TimeLimit wrapper is registered: ``gym.make(id, max_turns=N)`` gives episodes
    # of at most N turns for any N, and ``env.spec.max_episode_steps`` reads N.
    for env_id, (entry_point, max_steps, kwargs) in ENVS.items():
        if env_id not in registry:
            defaults = {"max_turns": max_steps, **kwargs}
            register(id=env_id, entry_point=entry_point, max_episode_steps=None, kwargs=defaults)


_register_all()

__all__ = ["ENVS"]
