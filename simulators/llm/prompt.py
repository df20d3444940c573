"""Turning a ``UserTurn`` into chat messages for an LLM that plays the user.

The model sees the rules of the role, the persona, the judge's guidance for this reply (which
carries exactly the facts this reply may convey) and the conversation with the roles swapped (the
agent speaks as "user", the simulated user answers as "assistant"). It never sees the env's role
description or the hidden profile: what it does not know it cannot leak, so the env's judge alone
decides what each reply conveys and the model only chooses the words.
"""

from __future__ import annotations

from simulators.base import ReplyPlan, UserTurn
from simulators.personas import Persona

RULES = (
    "You are role-playing the user who wrote the first message of this conversation, talking to "
    "an assistant (the agent). Stay in character. The guidance below tells you what your next "
    "reply conveys: say exactly that, in your own words, and nothing more. Keep replies brief "
    "(one to three sentences). Never invent details, names or numbers that the guidance or the "
    "conversation does not contain."
)

GUIDANCE = {
    "reveal": "In this reply, answer the question by conveying, in your own words: {facts}",
    "volunteer": "In this reply, mention unprompted, in your own words: {facts}",
    "repeat": "In this reply, restate in your own words what you already said: {facts}",
    "vague": "The agent's question is too vague: ask them to ask about something specific. "
    "Reveal nothing.",
    "no_preference": "You have no preference about what the agent asked: say so briefly.",
    "unknown": "You do not know the answer: say so briefly.",
    "confirm": "Agree to what the agent proposes. {detail}",
    "refuse": "Decline what the agent proposes. {detail}",
    "done": "Your request is fully handled: thank the agent and end your message with ###STOP###.",
    "chat": "Reply briefly and naturally without giving new details.",
    "answer": "Reply with exactly this answer and nothing else: {facts}",
}


def guidance(plan: ReplyPlan) -> str:
    facts = " ".join(options[0] for options in plan.facts)
    return GUIDANCE[plan.kind].format(facts=facts, detail=plan.detail).strip()


def build_messages(turn: UserTurn, persona: Persona) -> list[dict[str, str]]:
    """OpenAI-style chat messages for the simulated user's next reply."""
    system = "\n\n".join(
        (
            RULES,
            f"Your manner: {persona.prompt}",
            f"Guidance for your next reply: {guidance(turn.plan)}",
        )
    )
    messages = [{"role": "system", "content": system}]
    for message in turn.history:
        role = "assistant" if message.speaker == "user" else "user"
        messages.append({"role": role, "content": message.text})
    return messages
