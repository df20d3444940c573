"""Text spaces over printable Unicode, shared by every InfoPO env.

Gymnasium's ``spaces.Text`` defaults to alphanumerics and a minimum length of 1; agents and users
write free Unicode prose (and may say nothing), so every InfoPO space uses the printable Unicode
characters plus newline and tab, and ``min_length=0``. Building that charset's lookup tables costs
about 0.1 s, so they are built once per process and shared; pickling sends the arguments, not the
tables (vector envs pickle spaces between processes).
"""

from __future__ import annotations

import functools

from gymnasium import spaces

REPLACEMENT_CHARACTER = "\ufffd"


@functools.cache
def unicode_charset() -> str:
    """Every printable code point (no surrogates), plus newline and tab, in code-point order."""
    return "".join(
        chr(code)
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000 and (chr(code).isprintable() or chr(code) in "\n\t")
    )


@functools.cache
def _prototype() -> spaces.Text:
    return spaces.Text(1, min_length=0, charset=unicode_charset())


class UnicodeText(spaces.Text):
    """``spaces.Text`` over printable Unicode with ``min_length=0`` by default."""

    def __init__(self, max_length: int, *, min_length: int = 0, seed: int | None = None):
        if min_length < 0 or min_length > max_length:
            raise ValueError(f"need 0 <= min_length <= max_length, got {min_length}, {max_length}")
        prototype = _prototype()
        self.min_length = int(min_length)
        self.max_length = int(max_length)
        self._char_set = prototype._char_set
        self._char_list = prototype._char_list
        self._char_index = prototype._char_index
        self._char_str = prototype._char_str
        spaces.Space.__init__(self, dtype=str, seed=seed)

    def __reduce__(self):
        return (_rebuild, (self.max_length, self.min_length))

    def __repr__(self) -> str:
        return f"UnicodeText({self.min_length}, {self.max_length})"


def _rebuild(max_length: int, min_length: int) -> UnicodeText:
    return UnicodeText(max_length, min_length=min_length)


def fit_to_space(text: str, space: spaces.Text) -> str:
    """Make ``text`` a member of ``space``: foreign characters become U+FFFD, overflow is cut.

    Envs echo agent text and relay simulator text; this keeps every observation valid without
    raising on odd input.
    """
    allowed = space.character_set
    if len(text) <= space.max_length and allowed.issuperset(text):
        return text  # the common case, checked in C: nothing to replace or cut
    clean = "".join(c if c in allowed else REPLACEMENT_CHARACTER for c in text)
    if len(clean) > space.max_length:
        marker = " [...]"
        clean = clean[: max(space.max_length - len(marker), 0)] + marker[: space.max_length]
    return clean
