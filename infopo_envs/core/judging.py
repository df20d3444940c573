"""The judging core: what an agent's message is about, read the way a language model writes.

Every user-facing env decides from its own hidden state which facts or requests a message
concerns; this module does the reading so that every env reads the same way. It is built from
three pieces:

``read(text) -> Reading``
    Normalizes the message (markdown, case, curly quotes, hyphens, punctuation, contractions),
    lemmatizes every word with ``lemminflect`` (all parts of speech, with its out-of-vocabulary
    rules as a fallback: "replaced" -> replace, "cancelled" -> cancel, "saving" -> save) and splits
    it into ordered clauses. Each ``Clause`` knows whether it is *negated* (it opens with "don't",
    "do not", "never", "not", "no need to", "let's not", "I won't", "nothing", "forget", "skip",
    ..., or sets a topic aside: "leaving the budget aside", "transmission aside"), whether
    it is *deferred* ("yet", "for now", "later", "until", "hold off", ...; "don't X yet" is both; a
    deferral ends its clause: "leave X on for now and do Y" defers X only), and its
    *order*: the position of the clause in the sequence the writer means, which differs from the
    text order for "Y after X" (X first), "don't Y until you X" (X first, and X is not refused),
    "before Y, X" (X first) and "Y, but first X" (X first).
    "First X, then Y" and "after X, Y" keep the text order. Negative questions ("Don't you want
    ...?", "Are there foods you can't eat?") are not negations: only the writer's own refusal or
    deferral is.

``Lexicon(entries, ignore=())``
    Compiled from data: ``{key: [phrase, ...]}``. A phrase is one or more words (multi-word
    expressions and synonyms are simply more phrases), matched on lemmas: a phrase word written
    as a base form ("cancel") matches every inflection of it ("cancelled", "cancels"); a phrase
    word written inflected ("stops") matches its lemma's forms. Hyphens separate words on both
    sides, and a hyphenated word also matches its closed form, so "zero-padded" matches "zero
    pad" and "non-stop" matches "nonstop". ``...`` in a phrase is a gap of up to three words
    ("save ... for" matches "saving up for"). A phrase prefixed with ``~`` is *weak*: a generic
    word ("kind", "fancy") that counts only when the subject it belongs to is named in the same
    clause (see ``topics``). ``ignore`` phrases are traps that must not count ("window seat",
    "how can I help"): they take their words away from every shorter or overlapping phrase.
    Longest match wins; phrases of equal span under different keys all count. A word that is
    no English word at all and is one edit away from a lexicon word (5 letters or more) is read
    as that word: a one-letter typo ("budjet", "aminal") still matches.

``Reading.find(lexicon) -> list[Hit]``
    Every key the message mentions, in the writer's order, each ``Hit`` with its clause, order,
    and the clause's negated/deferred flags. ``Reading.keys(lexicon)`` is the ordered, de-
    duplicated list of keys that are *not* negated.

``topics(reading, facets, subjects=None, offered=None, strict=False)``
    For envs whose facts are ``subject.facet`` (a hotel's price, a flight's stops). A facet hit
    resolves to the subjects named in its clause that offer the facet; when its clause names no
    subject, to those named elsewhere in the message; when the message names none, to the only
    offered subject having the facet; otherwise it is ambiguous (``Topics.ambiguous``). Weak
    phrases resolve only to a subject named in their own clause, and only when the clause has
    no specific facet word ("What fuel type?" is about fuel, not about a type). Persona
    strictness is this one rule, the same in every env: ``strict=True`` requires the subject to
    be named for every facet, and a message about more than one topic resolves to nothing.

The outcome "about nothing I know" is calibrated by the data, not guessed: a message is about
something only when a lexicon phrase occurs outside every ``ignore`` phrase and is not negated,
so greetings and offers of help ("Hi! How can I help you today?") resolve to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getAllLemmasOOV
from rapidfuzz.distance import OSA

GAP = "..."
MAX_GAP = 3
_SEEN_CLAUSES = 4096  # clauses whose matches each lexicon remembers
MIN_TYPO_LENGTH = 5  # shorter unknown words are too close to too many others to be typos
WEAK = "~"

# ---- normalization -------------------------------------------------------------------------

_MARKDOWN = (
    (re.compile(r"```[a-zA-Z]*"), " "),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images keep their text
    (re.compile(r"[*_`~]+"), " "),
    (re.compile(r"^\s{0,3}(?:#{1,6}|>+|[-+•]|\d+[.)])\s+", re.MULTILINE), "\n"),
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "‐": "-", "‑": "-"})
_CLAUSE_BREAK = re.compile(r"[.!?;:]+(?=\s|$)|[\n()\"]|\s[-–—]+\s|[–—]")
_WORD = re.compile(r"[a-z0-9$]+(?:[-'][a-z0-9]+)*'?|[$%]")
_CONTRACTIONS = {
    "won't": ("will", "n't"),
    "can't": ("can", "n't"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "n't"),
    "let's": ("let", "us"),
}
_SUFFIXES = {"n't": "n't", "'re": "are", "'m": "am", "'ll": "will", "'d": "would", "'ve": "have"}


def normalize(text: str) -> str:
    """Lower-cased text without markdown, with straight quotes and plain hyphens."""
    text = text.translate(_QUOTES)
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text.lower()


def _split_word(word: str) -> list[str]:
    if word in _CONTRACTIONS:
        return list(_CONTRACTIONS[word])
    for suffix, full in _SUFFIXES.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], full]
    if word.endswith("'s"):
        return [word[:-2], "'s"]
    return [word.strip("'")]


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """The word and every lemma lemminflect knows for it (out-of-vocabulary rules as fallback)."""
    found = {lemma for forms in getAllLemmas(word).values() for lemma in forms}
    if not found and word.isalpha():
        for pos in ("NOUN", "VERB"):
            found.update(lemma for lemma in getAllLemmasOOV(word, pos).get(pos, ()))
    return frozenset({word, *found})


@lru_cache(maxsize=65536)
def _phrase_forms(word: str) -> frozenset[str]:
    """What a lexicon word matches: itself when it is a base form, else its lemmas."""
    known = {lemma for forms in getAllLemmas(word).values() for lemma in forms}
    if not known or word in known:
        return frozenset({word})
    return frozenset(known)


# ---- tokens and clauses --------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """One word: its surface form, its lemma forms and the span of split words it covers."""

    text: str
    forms: frozenset[str]
    start: int
    end: int


_DISCOURSE = frozenset(
    [
        "please",
        "so",
        "and",
        "but",
        "ok",
        "okay",
        "also",
        "just",
        "then",
        "now",
        "first",
        "well",
        "alright",
        "right",
        "sure",
        "great",
        "thanks",
        "thank",
        "you",
        "for",
        "the",
        "moment",
        ",",
        "yes",
        "no",
    ]
)
_AUX = frozenset(
    [
        "do",
        "does",
        "did",
        "will",
        "would",
        "should",
        "shall",
        "can",
        "could",
        "may",
        "might",
        "must",
        "am",
        "is",
        "are",
        "be",
        "going",
        "to",
        "us",
        "'m",
        "have",
    ]
)
_NEGATORS = frozenset({"n't", "not", "never"})
_PRONOUNS = frozenset({"you", "i", "we", "it", "they", "he", "she", "there", "that", "this"})
_DEFERRAL = (
    "yet",
    "for now",
    "later",
    "until",
    "for the moment",
    "not now",
    "wait",
    "hold off",
)
_CLAUSE_STARTERS = frozenset(
    [
        "what",
        "which",
        "how",
        "when",
        "where",
        "who",
        "why",
        "whether",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "is",
        "are",
        "was",
        "were",
        "may",
        "might",
        "please",
        "tell",
        "let",
        "i",
        "we",
        "you",
        "then",
        "also",
        "but",
        "never",
        "not",
        "first",
        "after",
        "before",
        "and",
    ]
)


@dataclass(frozen=True)
class Clause:
    """One clause of a message: its words, its flags, and its place in the writer's order."""

    index: int  # position in the text
    order: int  # position in the sequence the writer means
    text: str
    tokens: tuple[Token, ...]  # hyphenated words split into their parts
    compounds: tuple[Token, ...]  # hyphenated words closed up ("non-stop" -> "nonstop")
    negated: bool
    deferred: bool
    opener: str  # the conjunction or ordering word that opened it ("", "after", "then", ...)


def _tokens(text: str) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
    split: list[Token] = []
    compounds: list[Token] = []
    for word in _WORD.findall(text):
        pieces = [p for part in word.split("-") for p in _split_word(part) if p]
        start = len(split)
        split.extend(Token(p, lemmas(p), start + i, start + i + 1) for i, p in enumerate(pieces))
        if "-" in word:
            closed = "".join(word.split("-"))
            compounds.append(Token(closed, lemmas(closed), start, len(split)))
        else:
            compounds.extend(split[start:])
    return tuple(split), tuple(compounds)


def _negated(words: list[str]) -> bool:
    """The writer refuses or defers: "don't ...", "I won't ...", "not the hotel yet", ...

    Negative questions ("Don't you want ...?", "Isn't it ...?", "Wouldn't a van do?") ask
    rather than refuse, so only the imperative "do not" and the writer's own "I/we/let's not"
    count.
    """
    i = 0
    while i < len(words) and words[i] in _DISCOURSE and words[i : i + 2] != ["no", "need"]:
        i += 1
    rest = words[i:]
    if rest[:2] == ["no", "need"] or rest[:1] in (["never"], ["not"], ["forget"], ["skip"]):
        return True
    if rest[:1] == ["nothing"] and "else" not in rest[1:2]:  # "nothing will be cancelled"
        return True
    if rest[:1] == ["do"]:
        asks = rest[2:3] in [[p] for p in _PRONOUNS]  # "don't you ...?"
        urges = rest[2:3] in (["forget"], ["hesitate"])  # "don't forget to ..."
        return rest[1:2] in (["n't"], ["not"]) and not asks and not urges
    if rest[:2] in (["not", "sure"], ["not", "certain"]):
        return False
    if _sets_aside(rest):
        return True
    if rest[:1] in (["i"], ["we"]) or rest[:2] == ["let", "us"]:
        j = 2 if rest[0] == "let" else 1
        while j < len(rest) and rest[j] in _AUX:
            j += 1
        return j < len(rest) and rest[j] in _NEGATORS
    return False


def _sets_aside(words: list[str]) -> bool:
    """ "Leaving the budget aside", "transmission aside": the writer puts a topic off ("aside
    from" means "besides" and refuses nothing)."""
    return any(w == "aside" and words[i + 1 : i + 2] != ["from"] for i, w in enumerate(words))


def _put_off_until(pieces: list[tuple[str, str]], index: int) -> bool:
    """ "Hold off on X until I say so": X waits for the clause that "until" opens."""
    return index + 1 < len(pieces) and pieces[index + 1][0] == "until"


def _deferred(flat: str) -> bool:
    return any(re.search(rf"\b{re.escape(marker)}\b", flat) for marker in _DEFERRAL)


def _segments(sentence: str) -> list[tuple[str, str]]:
    """Split a sentence into (opener, text) clauses at commas and conjunctions that open one.

    A short comma piece that opens with no clause word continues the clause before it (a list:
    "don't book the hotel, flight or car yet"), except after a leading "before ..." clause.
    """
    pieces: list[tuple[str, str]] = []
    for chunk in sentence.split(","):
        words = chunk.split()
        listed = (
            len(words) <= 4 and _split_word(words[0])[0] not in _CLAUSE_STARTERS if words else False
        )
        if pieces and listed and pieces[-1][0] != "before":
            opener, previous = pieces[-1]
            pieces[-1] = (opener, f"{previous}, {chunk.strip()}")
            continue
        pieces.extend(_at_conjunctions(chunk))
    return pieces


_CONJUNCTION = re.compile(
    r"(?:^|\s)(and then|after that|afterwards|then|but|before|after"
    r"|(?:(?<=\byet\s)|(?<=\bfor now\s)|(?<=\bfor the moment\s))and"  # a deferral ends its clause
    r"|until(?=\s(?:i|you|we|they|he|she|it)\s))(?=\s)(?!\s(?:lunch|dinner|"
    r"breakfast|noon|midnight|work|dark|\d))"
)


def _at_conjunctions(chunk: str) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    cursor, opener = 0, ""
    for match in _CONJUNCTION.finditer(chunk):
        before = chunk[cursor : match.start()].strip()
        if before:
            parts.append((opener, before))
        opener, cursor = match.group(1), match.end()
    tail = chunk[cursor:].strip()
    if tail or not parts:
        parts.append((opener, tail))
    return [(o, t) for o, t in parts if t or o]


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


def _sentence_order(pieces: list[tuple[str, str]]) -> list[int]:
    """Indices of the sentence's clauses in the order the writer means."""
    order = list(range(len(pieces)))
    if len(pieces) > 1 and pieces[0][0] == "before":
        order[0], order[1] = order[1], order[0]  # "before Y, X": X first
    for position in range(1, len(pieces)):
        opener, text = pieces[position]
        if opener in ("after", "until") or _first_word(text) == "first":  # "Y after X", "Y until X"
            at = order.index(position)
            if at > 0:
                order[at - 1], order[at] = order[at], order[at - 1]
    return order


# ---- lexicons and hits ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Pattern:
    key: str | None  # None: an ignore phrase
    slots: tuple[frozenset[str] | None, ...]  # None: a gap of up to MAX_GAP words
    weak: bool
    phrase: str


@dataclass(frozen=True)
class Hit:
    """One key a message mentions: where, in what order, and whether the writer refused it."""

    key: str
    clause: int  # the clause's text position
    order: int  # the clause's position in the writer's order
    negated: bool
    deferred: bool
    weak: bool
    phrase: str  # the lexicon phrase that matched
    start: int  # first word of the match within the clause
    end: int  # one past its last word


class Lexicon:
    """Keys and the phrases that show a message concerns them, compiled for lemma matching."""

    def __init__(self, entries: Mapping[str, Iterable[str]], ignore: Iterable[str] = ()):
        self.entries = {key: tuple(phrases) for key, phrases in entries.items()}
        patterns = [
            _compile(key, phrase) for key, phrases in self.entries.items() for phrase in phrases
        ]
        patterns += [_compile(None, phrase) for phrase in ignore]
        self.patterns = tuple(p for p in patterns if p.slots)
        self._seen: dict[str, list[tuple[_Pattern, int, int]]] = {}  # a clause's text decides
        self._by_first: dict[str, list[_Pattern]] = {}
        self._vocabulary = frozenset(
            form
            for pattern in self.patterns
            for slot in pattern.slots
            if slot
            for form in slot
            if form.isalpha() and len(form) >= MIN_TYPO_LENGTH
        )
        self._typos: dict[str, frozenset[str]] = {}
        for pattern in self.patterns:
            for form in pattern.slots[0]:
                self._by_first.setdefault(form, []).append(pattern)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def matches(self, clause: Clause) -> list[tuple[_Pattern, int, int]]:
        """Accepted (pattern, start, end) spans in one clause: longest first, no overlaps."""
        cached = self._seen.get(clause.text)
        if cached is None:
            if len(self._seen) >= _SEEN_CLAUSES:
                self._seen.clear()
            cached = self._seen[clause.text] = self._match(clause)
        return cached

    def corrections(self, word: str) -> frozenset[str]:
        """Lexicon words one edit (insertion, deletion, substitution or swap of neighbours)
        away from ``word`` when it is no English word at all: "budjet" -> budget, "aminal" ->
        animal. Known words ("prise", "wiling") are never corrected."""
        cached = self._typos.get(word)
        if cached is None:
            if len(self._typos) >= _SEEN_CLAUSES:
                self._typos.clear()
            cached = frozenset()
            if len(word) >= MIN_TYPO_LENGTH and word.isalpha() and not getAllLemmas(word):
                cached = frozenset(
                    w
                    for form in lemmas(word)  # "volunters" is checked as "volunter" too
                    for w in self._vocabulary
                    if OSA.distance(form, w, score_cutoff=1) <= 1
                )
            self._typos[word] = cached
        return cached

    def _corrected(self, sequence: tuple[Token, ...]) -> tuple[Token, ...]:
        return tuple(
            Token(t.text, t.forms | self.corrections(t.text), t.start, t.end) for t in sequence
        )

    def _match(self, clause: Clause) -> list[tuple[_Pattern, int, int]]:
        found: list[tuple[_Pattern, int, int]] = []
        for sequence in (self._corrected(clause.tokens), self._corrected(clause.compounds)):
            for start, token in enumerate(sequence):
                candidates = {id(p): p for f in token.forms for p in self._by_first.get(f, ())}
                for pattern in candidates.values():
                    end = _match_at(pattern.slots, sequence, start)
                    if end is not None:
                        found.append((pattern, token.start, sequence[end - 1].end))
        found.sort(key=lambda m: (-(m[2] - m[1]), m[1], m[0].key is not None))
        accepted: list[tuple[_Pattern, int, int]] = []
        for pattern, start, end in found:
            clash = [a for a in accepted if a[1] < end and start < a[2]]
            if pattern.key is None:  # traps never crowd each other out
                if all(a[0].key is None for a in clash):
                    accepted.append((pattern, start, end))
                continue
            same_span = all((a[1], a[2]) == (start, end) and a[0].key is not None for a in clash)
            repeat = any(a[0].key == pattern.key and a[1] == start for a in accepted)
            if same_span and not repeat:
                accepted.append((pattern, start, end))
        return [m for m in accepted if m[0].key is not None]


def _compile(key: str | None, phrase: str) -> _Pattern:
    weak = phrase.startswith(WEAK)
    slots: list[frozenset[str] | None] = []
    for part in (phrase[1:] if weak else phrase).split(GAP):
        words = [_phrase_forms(t.text) for t in _tokens(normalize(part))[0]]
        if words and slots:
            slots.append(None)
        slots += words
    return _Pattern(key, tuple(slots), weak, phrase)


def _match_at(slots, sequence: tuple[Token, ...], start: int) -> int | None:
    """End index of ``slots`` matched at ``start`` (gaps are lazy), or None."""
    if not slots:
        return start
    slot = slots[0]
    if slot is None:
        for skip in range(MAX_GAP + 1):
            end = _match_at(slots[1:], sequence, start + skip)
            if end is not None:
                return end
        return None
    if start < len(sequence) and slot & sequence[start].forms:
        return _match_at(slots[1:], sequence, start + 1)
    return None


# ---- readings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """A message read into ordered clauses; ``find`` looks a lexicon up in it."""

    text: str
    clauses: tuple[Clause, ...]

    def find(self, lexicon: Lexicon) -> list[Hit]:
        """Every key the message mentions, in the writer's order (then by position)."""
        hits = [
            Hit(
                pattern.key,
                clause.index,
                clause.order,
                clause.negated,
                clause.deferred,
                pattern.weak,
                pattern.phrase,
                start,
                end,
            )
            for clause in self.clauses
            for pattern, start, end in lexicon.matches(clause)
        ]
        return sorted(hits, key=lambda h: (h.order, h.start))

    def keys(self, lexicon: Lexicon) -> list[str]:
        """The keys the message concerns and does not refuse, in order, without repeats."""
        return list(dict.fromkeys(h.key for h in self.find(lexicon) if not h.negated))

    def negated_keys(self, lexicon: Lexicon) -> list[str]:
        """The keys the writer refuses or defers ("don't X yet")."""
        return list(dict.fromkeys(h.key for h in self.find(lexicon) if h.negated))


@lru_cache(maxsize=1024)
def read(text: str) -> Reading:
    """Read a message into ordered clauses with negation and deferral flags."""
    pieces: list[tuple[str, str]] = []
    sequence: list[int] = []  # clause indices in the writer's order
    for sentence in _CLAUSE_BREAK.split(normalize(text)):
        own = [(o, t) for o, t in _segments(" ".join(sentence.split())) if _tokens(t)[0]]
        sequence += [len(pieces) + i for i in _sentence_order(own)]
        pieces += own
    order = {index: rank for rank, index in enumerate(sequence)}
    clauses = []
    for index, (opener, body) in enumerate(pieces):
        tokens, compounds = _tokens(body)
        words = [t.text for t in tokens]
        clauses.append(
            Clause(
                index=index,
                order=order[index],
                text=body,
                tokens=tokens,
                compounds=compounds,
                negated=_negated(words),
                deferred=_deferred(" ".join(words)) or _put_off_until(pieces, index),
                opener=opener,
            )
        )
    return Reading(text, tuple(clauses))


# ---- subject.facet topics and persona strictness ---------------------------------------------


@dataclass(frozen=True)
class Topics:
    """What a message asks about, as ``subject.facet`` keys (or plain keys) in the writer's order.

    ``ambiguous`` holds facets mentioned whose subject could not be told; ``refused`` the keys
    the writer negated; ``too_strict`` is True when a strict reader refused the message for
    naming no subject or more than one topic.
    """

    keys: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()
    too_strict: bool = False

    @property
    def nothing(self) -> bool:
        """The calibrated "about nothing I know" outcome."""
        return not self.keys


def topics(
    reading: Reading,
    facets: Lexicon,
    subjects: Lexicon | None = None,
    offered: Mapping[str, Collection[str]] | None = None,
    *,
    strict: bool = False,
) -> Topics:
    """Resolve facet hits to ``subject.facet`` keys (plain facet keys when ``subjects`` is None).

    ``offered`` maps each subject present in the task to the facets it has.
    """
    facet_hits = reading.find(facets)
    if subjects is None:
        keys = [h.key for h in facet_hits if not h.negated]
        refused = [h.key for h in facet_hits if h.negated]
        return _strictly(
            Topics(tuple(dict.fromkeys(keys)), (), tuple(dict.fromkeys(refused))), strict
        )
    offered = offered or {}
    subject_hits = _specific(
        [h for h in reading.find(subjects) if h.key in offered], _shared_phrases(subjects)
    )
    in_clause: dict[int, list[str]] = {}
    for hit in subject_hits:
        in_clause.setdefault(hit.clause, []).append(hit.key)
    in_message = list(dict.fromkeys(h.key for h in subject_hits if not h.negated))
    keys: list[str] = []
    ambiguous: list[str] = []
    refused: list[str] = []
    named_everywhere = True
    spans: dict[tuple[int, int, int], list[Hit]] = {}
    for hit in facet_hits:
        spans.setdefault((hit.clause, hit.start, hit.end), []).append(hit)
    strong_clauses = {h.clause for h in facet_hits if not h.weak}
    for (clause, _, _), same in spans.items():
        weak = all(h.weak for h in same)
        if weak and clause in strong_clauses:
            continue  # "what fuel type": the specific word says what "type" is about
        pairs = [(s, h.key) for h in same for s, has in offered.items() if h.key in has]
        clause_subjects = in_clause.get(clause, [])
        chosen = [p for p in pairs if p[0] in clause_subjects]
        if not chosen and not weak and not clause_subjects:
            chosen = [p for p in pairs if p[0] in in_message]
            if not chosen and not in_message and len(pairs) == 1:
                named_everywhere = False
                chosen = pairs
        if not chosen:
            ambiguous.extend(h.key for h in same if any(p[1] == h.key for p in pairs))
            continue
        target = refused if same[0].negated else keys
        target.extend(f"{subject}.{facet}" for subject, facet in chosen)
    found = Topics(
        tuple(dict.fromkeys(keys)),
        tuple(dict.fromkeys(ambiguous)),
        tuple(dict.fromkeys(refused)),
    )
    if strict and not named_everywhere:
        return Topics((), found.ambiguous, found.refused, too_strict=True)
    return _strictly(found, strict)


def _shared_phrases(subjects: Lexicon) -> frozenset[str]:
    """Phrases naming more than one subject ("per night": a hotel or an apartment)."""
    owners: dict[str, int] = {}
    for phrases in subjects.entries.values():
        for phrase in set(phrases):
            owners[phrase] = owners.get(phrase, 0) + 1
    return frozenset(phrase for phrase, count in owners.items() if count > 1)


def _specific(hits: list[Hit], shared: frozenset[str]) -> list[Hit]:
    """In a clause that names a subject by its own word ("the apartment"), a word shared with
    other subjects ("per night") names that one only, not every subject it could mean."""
    specific = {h.clause for h in hits if h.phrase not in shared}
    return [h for h in hits if h.phrase not in shared or h.clause not in specific]


def _strictly(found: Topics, strict: bool) -> Topics:
    if strict and len(found.keys) > 1:
        return Topics((), found.ambiguous, found.refused, too_strict=True)
    return found
