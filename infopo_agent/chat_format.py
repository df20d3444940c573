"""Token sequences of a conversation, assembled piece by piece so every span is known exactly.

The tokenizer's chat template decides the text around each message. For message k the text the
template adds is ``render(messages[:k+1])`` minus ``render(messages[:k])``: an opening wrapper,
the content verbatim, and a closing wrapper. Each piece is tokenized on its own and the pieces
are concatenated, so the content's token span is known by construction (never searched for in
the tokens). The policy generates from exactly these ids, so the sequence is the one it saw.

Invariant (checked for SmolLM2 in the tests): for text that does not start or end with
whitespace that could merge with the wrapper, the concatenation equals the template's own
tokenization. Where a tokenizer would merge across a piece boundary the two may differ; the
assembled sequence stays the truth, because it is what the policy conditioned on.

An assistant message produced by the policy keeps the exact sampled ids. When the sampled ids
end with the end-of-turn token that opens the closing wrapper (``<|im_end|>`` for SmolLM2), that
token belongs to the action (the policy chose to stop) and is not repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ChatTemplateError(ValueError):
    """The tokenizer's chat template cannot be split into per-message pieces."""


class ChatFormat:
    """The chat template of one tokenizer, as text pieces per message."""

    def __init__(self, tokenizer):
        if not getattr(tokenizer, "chat_template", None):
            raise ChatTemplateError("the tokenizer has no chat template")
        self.tokenizer = tokenizer
        eos = tokenizer.eos_token_id
        self.end_of_turn_ids = {eos} if eos is not None else set()

    def render(self, messages: list[dict], *, generation_prompt: bool = False) -> str:
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=generation_prompt
        )

    def encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"]) if text else []

    def template_ids(self, messages: list[dict]) -> list[int]:
        """The template's own tokenization of ``messages`` (to check the invariant)."""
        out = self.tokenizer.apply_chat_template(messages, tokenize=True)
        return list(out["input_ids"] if hasattr(out, "keys") else out)

    def conversation(self, system: str | None = None) -> Conversation:
        convo = Conversation(self)
        if system is not None:
            convo.add("system", system)
        return convo


@dataclass
class Conversation:
    """A growing conversation: messages, the token ids the policy sees, and content spans."""

    chat: ChatFormat
    messages: list[dict] = field(default_factory=list)
    token_ids: list[int] = field(default_factory=list)
    _rendered: str = ""

    def add(self, role: str, content: str) -> tuple[int, int]:
        """Append a message whose content is tokenized as text; return its content span."""
        opening, closing = self._wrappers(role, content)
        self.token_ids += self.chat.encode(opening)
        start = len(self.token_ids)
        self.token_ids += self.chat.encode(content)
        span = (start, len(self.token_ids))
        self.token_ids += self.chat.encode(closing)
        return span

    def generation_prompt(self) -> list[int]:
        """The ids to generate the next assistant message from."""
        return self.token_ids + self.chat.encode(self._generation_text())

    def add_action(self, text: str, token_ids: list[int] | None = None) -> tuple[int, int]:
        """Append an assistant message; return the span of the policy's own tokens.

        ``token_ids`` are the sampled ids (``Generation.token_ids``); without them the text is
        tokenized and the end-of-turn token appended, as if the policy had written it.
        """
        head = self._generation_text()
        opening, closing = self._wrappers("assistant", text)
        if opening != head:
            raise ChatTemplateError(
                f"the template opens assistant messages with {opening!r}, not with its "
                f"generation prompt {head!r}; it rewrites past turns and cannot be replayed"
            )
        closing_ids = self.chat.encode(closing)
        ends_turn = bool(closing_ids) and closing_ids[0] in self.chat.end_of_turn_ids
        if token_ids is None:
            token_ids = self.chat.encode(text) + (closing_ids[:1] if ends_turn else [])
        token_ids = list(token_ids)
        self.token_ids += self.chat.encode(opening)
        start = len(self.token_ids)
        self.token_ids += token_ids
        span = (start, len(self.token_ids))
        stopped = ends_turn and bool(token_ids) and token_ids[-1] == closing_ids[0]
        self.token_ids += closing_ids[1:] if stopped else closing_ids
        return span

    def _generation_text(self) -> str:
        return self.chat.render(self.messages, generation_prompt=True)[len(self._rendered) :]

    def _wrappers(self, role: str, content: str) -> tuple[str, str]:
        """Append the message; return the template's text before and after its content."""
        messages = [*self.messages, {"role": role, "content": content}]
        rendered = self.chat.render(messages)
        if not rendered.startswith(self._rendered):
            raise ChatTemplateError("the template re-renders earlier messages when one is added")
        added = rendered[len(self._rendered) :]
        at = _content_offset(self.chat, messages, len(added))
        if at < 0 or added[at : at + len(content)] != content:
            raise ChatTemplateError(f"the template does not keep {role} content verbatim")
        self.messages, self._rendered = messages, rendered
        return added[:at], added[at + len(content) :]


def _content_offset(chat: ChatFormat, messages: list[dict], added_length: int) -> int:
    """Where the last message's content starts in the text it added (-1 if not verbatim).

    Found by rendering once with a marker in place of the content, never by searching for the
    content itself (which may also occur inside the wrapper, e.g. a message "user").
    """
    marker = "\x00content\x00"
    probe = [*messages[:-1], {**messages[-1], "content": marker}]
    text = chat.render(probe)
    found = text.find(marker)
    prefix_length = len(text) - len(marker) - (added_length - len(messages[-1]["content"]))
    return found - prefix_length if found >= 0 else -1
