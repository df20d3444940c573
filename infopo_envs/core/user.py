"""The env's side of a conversation with a simulated user."""

from __future__ import annotations

from typing import Any

from simulators import Message, ReplyPlan, SimulatorError, UserSimulator, UserTurn, make_simulator


class UserChannel:
    """Holds the simulator, the role and the conversation; ``say`` returns the user's reply.

    The conversation only grows when the simulator succeeds, so a ``SimulatorError`` leaves the
    env exactly as it was.
    """

    def __init__(self, simulator: str | UserSimulator | None):
        self.simulator = make_simulator(simulator)
        self.role = ""
        self.hidden: dict[str, Any] = {}
        self.history: list[Message] = []

    @property
    def persona(self):
        return self.simulator.persona

    def start(self, *, role: str, hidden: dict[str, Any], seed: int, opening: str) -> None:
        self.simulator.reset(seed)
        self.role, self.hidden = role, hidden
        self.history = [Message("user", opening)]

    def say(self, agent_text: str, plan: ReplyPlan) -> str:
        history = (*self.history, Message("agent", agent_text))
        reply = self.simulator.reply(UserTurn(self.role, history, plan, self.hidden))
        if not isinstance(reply, str) or not reply.strip():
            raise SimulatorError(f"{self.simulator.describe()} returned an empty reply")
        self.history = [*history, Message("user", reply)]
        return reply

    def stats(self) -> dict[str, Any]:
        return {"simulator": self.simulator.describe(), **self.simulator.stats()}
