"""The spelling stage's model of a text: its tokens, what is known of it
(lexicon, document counts, noise level, as one :class:`Knowledge`), and
the constants that weigh the noisy channel."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add
from typing import NamedTuple

import regex

from clean_scan.confusion import (
    ConfusionModel,
    FirstOps,
)
from clean_scan.known_edges import KnownEdges
from clean_scan.lexicon import Lexicon
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE, confident

LM_WEIGHT = 0.6
"""Weight of the language cost against the confusion cost."""
KEEP_COST = 10.0
"""Cost of believing an unknown word is printed as it stands, on top of its
language cost as a rare word. Lower keeps more unknown words."""
NAME_KEEP_BONUS = 6.0
"""Capitalised words mid-sentence are mostly names: keeping them is cheaper."""
CAPITAL_KEEP_BONUS = 3.0
"""Any capitalised or all-capital word may be a name the lexicon lacks."""
DOC_BONUS = 4.0
"""Per ln(1 + count) of a candidate's uses elsewhere in the document."""
SPLIT_COST = 5.0
"""Cost of believing the OCR lost the space between two words."""
TEMPERATURE = 1.0
"""Softens the costs into probabilities for the confidence."""
ONE_OP_ENOUGH = 7.0
"""When a one-operation candidate this cheap exists, two operations are not
tried: they are slower and rarely win."""
REAL_WORD_MARGIN = 4.0
"""How much better (in nats) the context must find another member of a
real-word confusion set before the word is changed."""
MAX_TWO_OP_LENGTH = 8
"""Longer tokens are mostly debris; two operations on them cost too much time."""
NOISY_TWO_OP_LENGTH = 5
"""In a text with a tenth of its words unknown (``NOISE_REFERENCE``) or
more, a word this short gets two operations even when one cheap reading is
found: OCR this bad misreads the commonest words twice (``woro`` is
``were``, not the one-step ``work``; ``tbo`` is ``the``). On the
newspapers: 0.31 points of error reduction for a fifth more time; on the
book with 3-12% of its words misread (``benchmarks/added_noise.py``), less
noisy than that, it chose worse, so it waits for a tenth."""
MIN_JOIN_COUNT = 50_000
"""A join must give a word at least this common (or one the document uses)."""
MAX_SUGGESTIONS = 3

TOKEN = regex.compile(r"[^\s—–]+")
"""A token: anything between spaces and dashes (``power—to`` is two words)."""
TOKEN_TEXTS = re.compile("[^\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f"
                         "\u205f\u3000—–]+")
"""``TOKEN`` for ``re``, whose ``findall`` is twice as fast: the same
characters part tokens (``regex``'s ``\\s`` lacks ``re``'s ``\\x1c``-``\\x1f``,
hence the list; a test checks the two agree on every character)."""
ROMAN = regex.compile(r"^(?i:m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3}))$")
LEADING = "\"'‘“«([{"
TRAILING = ".,;:!?)]}\"'’”»…*"
"""The marks that may lead and trail a word core. Other marks (``&``,
``£``, ``^``) stay in the core: there they are garbled letters (``th£``)."""
CLOSERS = "\"'’”)]"
"""Marks that may follow the stop ending a sentence."""


def edges(text: str) -> tuple[str, str, str]:
    """A token's leading marks, its core and its trailing marks: the longest
    run of leading marks, then the longest run of trailing marks after it
    (string methods, three times as fast as a regex).

    >>> edges("“Frauce,”"), edges("(.)"), edges("''")
    (('“', 'Frauce', ',”'), ('(', '', '.)'), ("''", '', ''))

    A hyphen after a mark trails too: the colon and dash older print sets
    before a list or a quotation (``as foliows:-``), no word's hyphen.

    >>> edges("foliows:-"), edges("pre-"), edges("-"), edges(":-")
    (('', 'foliows', ':-'), ('', 'pre-', ''), ('', '-', ''), ('', ':-', ''))
    """
    rest = text.lstrip(LEADING)
    core = rest.rstrip(TRAILING)
    if core.endswith("-") and len(core) > 2 and core[-2] in ".,;:":
        core = core.rstrip("-").rstrip(TRAILING) or core
    return text[:len(text) - len(rest)], core, rest[len(core):]


def ends_sentence(text: str) -> bool:
    """Does the token end with a stop (``.``, ``!``, ``?`` or ``:``), perhaps
    followed by closing quotes or brackets?

    >>> ends_sentence("war."), ends_sentence("war.”)"), ends_sentence("war,"), ends_sentence("”")
    (True, True, False, False)
    """
    return text.rstrip(CLOSERS).endswith((".", "!", "?", ":"))


class Token(NamedTuple):
    """A whitespace token split into its edges and the word core (a tuple:
    a book makes thousands, and a tuple is the cheapest to make)."""

    start: int  # offset of the core in the text
    core: str
    lead: str
    trail: str

    @property
    def end(self) -> int:
        return self.start + len(self.core)


class Ranked(NamedTuple):
    """A candidate printed form and its total cost (a tuple: a word may
    have a hundred candidates)."""

    form: str
    cost: float
    why: str


@dataclass(frozen=True)
class Knowledge:
    """Everything a decision may consult, gathered once per run."""

    lexicon: Lexicon
    model: ConfusionModel
    doc: Counter[str]
    doc_lower: Counter[str]
    extra: frozenset[str]
    anachronisms: frozenset[str]
    confusion_sets: dict[str, tuple[str, ...]]
    min_confidence: float = DEFAULT_MIN_CONFIDENCE  # the run's (Context.min_confidence)
    harmonics: dict[str, dict[str, float]] = field(default_factory=dict)
    pools: dict[int, list[str]] = field(default_factory=dict)
    wide: dict[str, set[str]] = field(default_factory=dict)
    plain: dict[str, bool] = field(default_factory=dict)  # token text: needs a look
    ends: dict[str, bool] = field(default_factory=dict)  # token text: a sentence ends
    accepted: list[frozenset[str]] = field(default_factory=list)
    known: dict[str, bool] = field(default_factory=dict)
    first_ops: dict[tuple[str, bool], FirstOps] = field(default_factory=dict)
    edges: list[KnownEdges] = field(default_factory=list)
    candidates: dict[str, dict[str, float]] = field(default_factory=dict)
    unigram_costs: dict[str, float] = field(default_factory=dict)
    noise: float = 0.0  # the share of unknown words: unknown_share
    small_noise: float = 0.0  # the same of the words printed in small letters
    trusted: dict[str, bool] = field(default_factory=dict)  # trusted_recurring, per form
    text: str = ""  # the text read, for what the counts do not tell
    mid_capitals: dict[str, int] = field(default_factory=dict)  # mid_sentence_uses
    taught: tuple[tuple[str, str], ...] = ()  # the letter rewrites the text teaches (taught.py)
    capital_habits: dict[str, str] = field(default_factory=dict)  # taught.capital_habits

    @property
    def noisy(self) -> bool:
        """A text noisy enough for the rules that a clean page would not bear
        (``NOISY_TEXT``)."""
        return self.noise >= NOISY_TEXT

    @property
    def very_noisy(self) -> bool:
        """A text with a tenth of its words unknown or more
        (``NOISE_REFERENCE``), as bad as the newspapers the confusion costs
        were learned from."""
        return self.noise >= NOISE_REFERENCE

    def confident(self, confidence: float) -> bool:
        """Whether the pipeline will make a proposal this sure (the reading
        goes on as if it were made; it makes none itself)."""
        return confident(confidence, self.min_confidence)

    def take_candidates(self, earlier: Knowledge) -> None:
        """Take over what an earlier reading of (nearly) the same text found
        for each form: its candidates, which of them came from the wide
        search, its first operations, its very common neighbours, whether
        its recurrence is trusted and its unigram costs."""
        for mine, theirs in ((self.candidates, earlier.candidates), (self.wide, earlier.wide),
                             (self.first_ops, earlier.first_ops),
                             (self.harmonics, earlier.harmonics), (self.trusted, earlier.trusted),
                             (self.unigram_costs, earlier.unigram_costs)):
            mine.update(theirs)

    def unigram_cost(self, word: str) -> float:
        """``Lexicon.unigram_cost``, worked out once per run and word: the
        candidates of a word share its neighbours."""
        cost = self.unigram_costs.get(word)
        if cost is None:
            cost = self.unigram_costs[word] = self.lexicon.unigram_cost(word)
        return cost


def split_token(match: regex.Match[str], offset: int = 0) -> Token:
    """Split a token into leading punctuation, core and trailing punctuation
    (``offset``: where the text the match was made in starts).

    >>> t = split_token(TOKEN.search("“Frauce,”"))
    >>> t.lead, t.core, t.trail
    ('“', 'Frauce', ',”')
    """
    return split_text(match.group(), match.start() + offset)


def split_text(text: str, start: int) -> Token:
    """:func:`split_token` for a token's text found at ``start``."""
    if text.isalpha():
        return Token(start, text, "", "")
    lead, core, trail = edges(text)
    return Token(start + len(lead), core, lead, trail)


NOISE_REFERENCE = 0.1
"""The share of unknown words at which the learned confusion costs are taken
as they stand: they were learned mostly from newspaper OCR about that bad."""


NOISE_WEIGHT = 2.0
"""Nats added to a confusion's cost per nat of ``ln(NOISE_REFERENCE / noise)``:
in a text with a tenth of the newspapers' unknown words a misreading is much
less likely, so the context must speak far louder before a known word goes."""


NOISY_TEXT = 0.02
"""Below this share of unknown words none of the noisy-text rules runs (see
the module docstring): for :func:`context_word` the offset (over 3.2 nats)
would outweigh what a bigram can say, and looking at every known word, or
reading twice, would cost a clean book its speed."""


CONTEXT_MAX_COUNT = 20_000_000
"""Words this common or commoner are left to the real-word sets: ``end``,
``nor``, ``mere`` are read as ``and``, ``not``, ``more`` by a bigram model
even where they are printed."""


CONTEXT_RATIO = 20
"""The word read instead must be this many times as frequent."""


CONTEXT_DOC_VOTES = 3
"""A word the document itself uses this often is the document's word, as a
recurring form is elsewhere in the stage: on the sample book with
misreadings added, ``mere`` (nine times) was otherwise read as ``more``
wherever the pruned bigram list knew ``of more`` but not ``of mere``."""


NOISE_PRIOR = 0.005


NOISE_PRIOR_WORDS = 100
""":func:`unknown_share` counts this many words of a clean page (half a
percent unknown: the sample book has 0.4%) on top of the text's own, so
that a short text is not judged noisy on a name or two: ten words with
one name in them are 1.4% unknown, not 10%."""


HARMONIC_MAX_CONFUSION = 7.5
"""Only the cheaper learned confusions relate a rare form to a common word
(about 290 of the model's pieces; at 5.5, 180, the newspapers showed
recurring misreadings of common words still trusted, and nothing gained
was a correct word changed)."""


class LineTokens:
    """The tokens of one line, split into edges and core only when asked
    for: most words of a book are common and need no more than a look-up.
    Even where the tokens start is found only when asked for (a line of
    common words needs none)."""

    def __init__(self, line: str, offset: int, texts: list[str] | None = None) -> None:
        self.line = line
        self.texts: list[str] = TOKEN_TEXTS.findall(line) if texts is None else texts
        self.offset = offset
        self.starts: list[int] = []
        self.cache: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def start(self, index: int) -> int:
        """Where token ``index`` starts in the line (all found at the first
        question: a line holding a word to look at holds few). Where one
        separator parts each two tokens and none leads or trails (the
        lengths add up), the starts are the tokens' summed lengths, in C;
        else they are matched."""
        if not self.starts:
            texts, line = self.texts, self.line
            ends = list(accumulate(map(len, texts), initial=0))
            if ends[-1] + len(texts) - 1 == len(line):
                self.starts = list(map(add, ends, range(len(texts))))
            else:
                self.starts = [match.start() for match in TOKEN_TEXTS.finditer(line)]
        return self.starts[index]

    def __getitem__(self, index: int) -> Token:
        token = self.cache.get(index)
        if token is None:
            token = split_text(self.texts[index], self.offset + self.start(index))
            self.cache[index] = token
        return token
