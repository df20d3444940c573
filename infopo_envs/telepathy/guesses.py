"""Reading a guess: "[answer] A Giraffe!", "it's giraffes", "my guess is the giraffe" -> giraffe.

Guesses match the entity's name or any synonym, ignoring case, punctuation, a leading "it is" /
"my guess is" and an article, and a regular plural or singular ending.
"""

from __future__ import annotations

import re

from infopo_envs.telepathy.knowledge import names_index, normalize_name

_LEAD_IN = re.compile(
    r"(?:(?:i think|i guess|i bet|my (?:final )?(?:guess|answer) is|the answer is|you are"
    r" thinking of|youre thinking of|it is|its|is it|it must be|could it be|maybe|perhaps)\s+)*"
)
_ARTICLE = re.compile(r"(?:an?|the|some)\s+")


def resolve_guess(text: str) -> int | None:
    """The index in ``knowledge_base()`` of the entity ``text`` names, or ``None``."""
    words = normalize_name(text)
    words = words[_LEAD_IN.match(words).end() :]
    article = _ARTICLE.match(words)
    words = words[article.end() :] if article else words
    index = names_index()
    for form in name_forms(words):
        if form in index:
            return index[form]
    return None


def name_forms(words: str) -> list[str]:
    """The guess as written, then its singular and plural variants."""
    forms = [words]
    if words.endswith("ies"):
        forms.append(words[:-3] + "y")
    if words.endswith("es"):
        forms.append(words[:-2])
    if words.endswith("s"):
        forms.append(words[:-1])
    forms.append(words + "s")
    return forms
