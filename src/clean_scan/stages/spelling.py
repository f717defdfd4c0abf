"""Spelling: put back the word the page carried where the OCR misread it.

The stage runs last, on text in its final layout (one paragraph a line), so
a word's neighbours on the line are its context. For each word it asks, in
this order:

1. Is it known? In the era lexicon, in the user's word list, formed from a
   known word with a productive prefix or suffix, or recurring in the
   document itself (a form the book prints twice is probably right, unless
   it is one classic confusion from a very common word, as ``tho`` is).
   Known words are left alone, except (a) members of a short list of
   real-word OCR confusions (``tire``/``the``, ``arc``/``are``), (b) rare
   words one classic confusion from a very common word (``bo``/``be``) and,
   in a noisy text only, (c) words one learned confusion from a word twenty
   times as frequent (``coiner``/``corner``), weighed by a noisy channel
   whose error rate is the text's own share of unknown words; all only
   where attested word bigrams favour the frequent word clearly (for (b),
   in a text with a tenth of its words unknown, also where the bigrams
   attest neither word: its neighbours are garbled too). In a
   noisy text a small letter standing alone between two words (``m``) is
   read as the short common word one learned confusion away (``in``), a
   capital ``I`` read for a small ``i`` is put back in a common word
   between two small-letter words outside a title (``Included``), and a
   mark glued to a word's edge is read as the letter it hides (``»hip``,
   ``earning«``, ``Jame*``) where only that reading explains the word.
2. Is it a piece of a word the OCR spaced apart (``Hav ing``)? Join it.
3. Otherwise, generate the printed forms the confusion model reaches in one
   or two operations (``li``→``h``, ``rn``→``m``, a junk character dropped;
   for long words, lexicon words within two edits found by rapidfuzz), keep
   those the lexicon or the document knows, and add splits (``whichwas``).
   Rank them by confusion cost + language cost (word bigrams with both
   neighbours) − the document's vote. "Keep the word as printed" competes
   too, so a name the lexicon lacks survives. The confidence is the
   winner's share of the probability mass; below the threshold the stage
   flags the word with its best suggestions instead of changing it.

How noisy the OCR is decides how bold the stage is. The share of the
text's words that the lexicon does not know (``unknown_share``: about 0.4%
in the sample book before this stage, 2% to 40% in the newspaper articles)
is the rate of the noisy channel. From 2% on, capitalised words get
two-operation candidates too, rule (c) runs, lone small letters are read,
and the text is read a second time with the first reading's corrections in
place (:func:`read_again`); beyond a tenth, keeping an unknown word as
printed costs more, short words are always read two operations deep, and a
recurring unknown form one classic confusion from a common word is not
trusted even where the document never prints that word.
(The wide search is not widened to capitalised words: on the newspapers it
gained 0.08 points of error reduction for a third more time.)

Capitalised and all-capital words (often names) need stronger evidence: a
classic confusion (and not into another name), a repaired junk character or
a form the document uses.
Letter case is carried over to the replacement (``NEITIIER`` → ``NEITHER``),
and a capital the OCR misread as a small letter is put back where the page
must have set one: a word only ever written capitalised (``bydney`` →
``Sydney``), a sentence's first word (``lho`` → ``The``) or a word whose
first letters the confusion model reads from a capital (``lohn`` →
``John``). The other way round, on a clean page a small letter read as its
capital of the same shape (``the building of Vast armaments``) is set
small again where the document prints the word small.
The parts of a hyphenated compound and the stem of a possessive are read
as words (``Bathurst-streot`` → ``Bathurst-street``, ``Queon's`` →
``Queen's``), but a compound is changed only into one of known words.
Numbers, abbreviations, references and words at a ``¬`` are not touched,
and a number the OCR read as letters after ``Chapter`` or ``No.`` (``lo``)
is flagged with its digits, never made a word.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, islice
from operator import add, attrgetter, itemgetter
from typing import NamedTuple

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clean_scan.charmaps import DIGIT_FOR_LETTER
from clean_scan.confusion import (
    ConfusionModel,
    FirstOps,
    KnownEdges,
    Window,
    differing_runs,
    is_junk,
    load_confusions,
)
from clean_scan.document import Document, Flag, Proposal
from clean_scan.lexicon import (
    COMMON_DIGITS,
    LONG_WORD,
    Lexicon,
    known_form,
    load_lexicon,
)
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.vocabulary import document_words, lower_counts

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
MIN_CANDIDATE_DIGITS = COMMON_DIGITS - 1
"""A lexicon word is a candidate only with a count of 100,000 or more (six
digits; wbritish-only words carry 10,000): a rare word is more often a wrong
correction than a right one, unless the document uses it."""
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
    """
    rest = text.lstrip(LEADING)
    core = rest.rstrip(TRAILING)
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
    threshold: float = 0.8
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
    trusted: dict[str, bool] = field(default_factory=dict)  # trusted_recurring, per form
    text: str = ""  # the text read, for what the counts do not tell
    mid_capitals: dict[str, int] = field(default_factory=dict)  # mid_sentence_uses

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


def looks_like_word(core: str) -> bool:
    """Cores the stage may correct: letters, perhaps with junk inside; not
    numbers, abbreviations, URLs, references or short capitals.

    >>> [looks_like_word(w) for w in ("whicli", "ap&rt", "1942", "U.S.S.R", "TUC", "a")]
    [True, True, False, False, False, False]
    >>> looks_like_word("post-mortem"), looks_like_word("th£")
    (False, True)
    """
    if len(core) < 2 or not core[0].isalpha() or core[-1].isdigit():
        return False
    if any(map(str.isdigit, core)) or not NOT_IN_WORDS.isdisjoint(core):
        return False
    if core.isupper() and len(core) <= 4:
        return False
    if "-" in core:
        return False  # compounds are read part by part: compound_parts
    return sum(map(str.isalpha, core)) >= len(core) - 2


NOT_IN_WORDS = frozenset("./@:¬[]")
"""Marks of abbreviations, URLs and references: a core holding one is not
a word to correct."""


def case_like(form: str, model: str) -> str:
    """``form`` in the letter case of ``model`` (capitalised after a speck
    it drops: ``iThe`` → ``The``, but ``iBsue`` → ``issue``).

    >>> case_like("neither", "NEITIIER"), case_like("france", "Frauce"), case_like("the", "tbe")
    ('NEITHER', 'France', 'the')
    >>> case_like("market", "MARKoT")
    'MARKET'
    """
    if (model.isupper() and len(model) > 1) or capitals_with_a_small(model):
        return form.upper()
    if model[:1].isupper() or (speck_before_capital(model) and form[:1] != model[0]):
        return form[:1].upper() + form[1:]
    return form


def capital_restored(reading: str, core: str, sentence_start: bool,
                     know: Knowledge | None = None) -> str:
    """A reading in small letters capitalised where the page must have set
    a capital that the OCR misread as a small letter (``bydney`` →
    ``Sydney``, ``lho`` → ``The`` after a full stop): a word written only
    capitalised (a place, a day, a people), a sentence's first word whose
    first letter the reading changes, or, given what the stage ``know``s,
    a word whose first letters the confusion model reads far more often
    from a capital than from the small letter (``lohn`` → ``John``: ``l``
    is a misread ``J``, seldom a ``j``; :func:`misread_capital`) where the
    document prints the word capitalised at least as often as not.

    >>> capital_restored("sydney", "bydney", False), capital_restored("the", "lho", True)
    ('Sydney', 'The')
    >>> capital_restored("the", "tbe", True), capital_restored("shore", "bhore", False)
    ('the', 'shore')
    >>> know = knowledge("John Smith and John Brown", Context())
    >>> [capital_restored(r, c, False, know) for r, c in (("john", "lohn"), ("brown", "llrown"))]
    ['John', 'Brown']
    >>> know = knowledge("a brown coat and a brown hat", Context())
    >>> capital_restored("brown", "llrown", False, know)
    'brown'
    """
    if not reading.islower():
        return reading
    capital = reading[:1].upper() + reading[1:]
    if reading in proper_names() or (sentence_start and reading[0] != core[0].lower()) or \
            (know is not None and misread_capital(core, reading, know.model) and
             know.doc[capital] >= know.doc[reading]):
        return capital
    return reading


CAPITAL_ODDS = math.log(10)
"""How much likelier a word of running text opens with a small letter than
with a capital (about one word in ten is capitalised), in nats."""


def misread_capital(core: str, reading: str, model: ConfusionModel) -> bool:
    """Whether the OCR's first letters, which the reading replaces, are a
    capital misread rather than a small letter: the model's cost from the
    capital, plus the odds against a capital, is below its cost from the
    small letter (``ll`` is read for ``B`` and ``R``, never for ``b``).

    >>> model = load_confusions()
    >>> misread_capital("llrown", "brown", model), misread_capital("lind", "find", model)
    (True, False)
    """
    if not core[:1].islower() or core[0] == reading[0]:
        return False
    ocr, printed = next(differing_runs(core, reading))
    if not printed or not core.startswith(ocr) or not reading.startswith(printed):
        return False
    capital = printed[0].upper() + printed[1:]
    return model.piece_cost(ocr, capital) + CAPITAL_ODDS < model.piece_cost(ocr, printed)


def speck_before_capital(core: str) -> bool:
    """A small letter before a capitalised word (``iThe``): no word is spelt
    so, so the small letter is a speck and the word is capitalised.

    >>> speck_before_capital("iThe"), speck_before_capital("McKay"), speck_before_capital("iTHE")
    (True, False, False)
    """
    return len(core) > 3 and core[0].islower() and core[1].isupper() and core[2:].islower()


def capitals_with_a_small(core: str) -> bool:
    """A word in capitals with one small letter inside (``MARKoT``): type of
    one case does not mix, so the small letter is a misreading, and the word
    is a heading word, not a name.

    >>> capitals_with_a_small("MARKoT"), capitals_with_a_small("McDONALD")
    (True, False)
    >>> capitals_with_a_small("Market"), capitals_with_a_small("MARKET")
    (False, False)
    """
    if len(core) < 4 or not core[:2].isupper():
        return False
    small = sum(map(str.islower, core))
    return small == 1 and sum(map(str.isupper, core)) >= 3


PREFIXES = ("un", "in", "im", "non", "re", "pre", "anti", "over", "under", "counter", "semi",
            "co", "de", "dis", "mis", "sub", "super", "inter", "ultra", "pseudo", "quasi")
SUFFIXES = ("ness", "ism", "isms", "ist", "ists", "ly", "less", "ment", "ments", "ite", "ites",
            "ise", "ised", "isation", "ize", "ized", "ization", "ity", "ian", "ians", "dom")


def derived_known(word: str, know: Knowledge) -> bool:
    """A productive prefix or suffix on a known word of four letters or more:
    period print coins these freely (``unsurmountable``, ``Hitlerism``).

    >>> know = knowledge("", Context())
    >>> derived_known("unsurmountable", know), derived_known("frightfulness", know)
    (True, True)
    >>> derived_known("whicli", know), derived_known("defeuding", know)
    (False, False)
    """
    lower = word.lower()
    words = know.lexicon.words
    stem = next((lower[len(prefix):] for prefix in PREFIXES
                 if lower.startswith(prefix) and len(lower) - len(prefix) >= 4
                 and lower[len(prefix):] in words), None)
    if stem is None:
        stem = next((lower[:-len(suffix)] for suffix in SUFFIXES
                     if lower.endswith(suffix) and len(lower) - len(suffix) >= 4
                     and lower[:-len(suffix)] in words), None)
    return stem is not None and not misread_word_beside(lower, know.lexicon.count(stem), know)


def misread_word_beside(lower: str, stem_count: int, know: Knowledge) -> bool:
    """Whether a learned confusion reaches, from a form that parses as a
    prefix or suffix on a known stem, a word more frequent than the stem:
    then the parse is the accident (``defeuding`` is ``de`` + ``feuding``,
    but ``defending`` misread).

    >>> know = knowledge("", Context())
    >>> misread_word_beside("defeuding", 123_134, know)
    True
    """
    count = know.lexicon.count
    return any(count(form) > stem_count
               for form, _ in know.model.learned_steps(lower, HARMONIC_MAX_CONFUSION))


def is_known(core: str, know: Knowledge) -> bool:
    """Known: lexicon, user words, a junk-free form the document repeats, or a
    known word with a productive prefix or suffix (answered once per run
    and form: a book repeats its words)."""
    found = know.known.get(core)
    if found is None:
        found = know.known[core] = _is_known(core, know)
    return found


def _is_known(core: str, know: Knowledge) -> bool:
    if known_form(core, know.lexicon) or core in know.extra or core.lower() in know.extra:
        return True
    if core.isalpha() and derived_known(core, know):
        return True
    if core.lower() in know.anachronisms or any(is_junk(c) for c in core):
        return False
    if ROMAN.match(core) is not None and len(core) <= 6:
        return True
    return recurrence_vouches(core, know.doc[core], know) and \
        not document_neighbours(core, know)


def recurrence_vouches(form: str, uses: int, know: Knowledge) -> bool:
    """Whether a form the document prints ``uses`` times is taken as printed
    on that ground: twice is enough (``UNSPELLABLE_VOTES`` times for a form
    spelt as no English word is), unless the form is one or two classic
    confusions from a very common word (``tho``, ``tlie``: the OCR repeats
    its misreadings of the commonest words)."""
    votes = UNSPELLABLE_VOTES if unspellable(form) else 2
    return uses >= votes and not common_neighbours(form, know) and \
        not twice_from_common(form, know)


UNSPELLABLE_VOTES = 6
"""A form spelt as no English word is (``unspellable``) is trusted only when
the text (or the collection) uses it this often: OCR repeats a misreading a
few times in an article (one worn sort, one misread name), while a foreign
term the author uses (``raion``) keeps coming back."""


HARMONIC_MAX_CONFUSION = 7.5
"""Only the cheaper learned confusions relate a rare form to a common word
(about 290 of the model's pieces; at 5.5, 180, the newspapers showed
recurring misreadings of common words still trusted, and nothing gained
was a correct word changed)."""
HARMONIC_MIN_COUNT = 100_000_000
"""A "common word" here is among the few hundred most frequent English words."""
HARMONIC_RATIO = 100
"""... and at least this many times as frequent as the rare form."""
RARE_DIGITS = 7
"""Lexicon words with counts of fewer digits (below 1,000,000: the web list's
rarer words and the wbritish-only words) are rare enough to be checked
against very common words one confusion away."""


DOC_NEIGHBOUR_MIN_COUNT = 1_000_000
"""A lexicon word this common that the document uses twice or more outvotes
a recurring unknown form one classic confusion from it."""


def document_neighbours(core: str, know: Knowledge) -> list[str]:
    """Words the document uses that a recurring unknown form is one classic
    confusion away from (``Cieek`` beside ``Creek``): OCR repeats its
    misreadings, so recurrence alone does not vouch for such a form. In a
    text with a tenth of its words unknown or more (``NOISE_REFERENCE``) the
    word need not be in the document: there its every use may be misread
    (``oxido`` printed four times for ``oxide``).

    >>> know = knowledge("Creek Creek Cieek Cieek", Context())
    >>> document_neighbours("Cieek", know)
    ['creek']
    """
    lower = core.lower()
    if lower in know.lexicon.words:
        return []
    uses = 0 if know.very_noisy else 2
    return [form for form, cost in know.model.variants(lower, two_ops=False, generic=False).items()
            if cost <= HARMONIC_MAX_CONFUSION and know.doc_lower[form] >= uses
            and know.lexicon.count(form) >= DOC_NEIGHBOUR_MIN_COUNT]


TWICE_MAX_LENGTH = 5
"""Only short forms are looked at two confusions deep: the very common words
are short, and a longer recurring form two confusions from one is a word."""


def twice_from_common(core: str, know: Knowledge) -> bool:
    """A short recurring form two classic confusions from a very common word
    (``tbc`` for ``the``): OCR repeats its misreadings of the commonest words
    on every page, so recurrence does not vouch for such a form.

    >>> know = knowledge("", Context())
    >>> twice_from_common("tbc", know), twice_from_common("raion", know)
    (True, False)
    """
    lower = core.lower()
    if len(lower) > TWICE_MAX_LENGTH or lower in know.lexicon.words:
        return False
    common = _very_common()
    model = know.model
    for first, _ in model.learned_steps(lower, HARMONIC_MAX_CONFUSION, inserts=False):
        for second, _ in model.learned_steps(first, HARMONIC_MAX_CONFUSION, inserts=False):
            if second in common:
                return True
    return False


@lru_cache(maxsize=1)
def _very_common() -> dict[str, int]:
    """The words counted ``HARMONIC_MIN_COUNT`` times or more, with their
    lengths (the lexicon file is sorted by count, so they come first)."""
    found = {}
    for word, count in load_lexicon().words.items():
        if int(count) < HARMONIC_MIN_COUNT:
            break
        found[word] = len(word)
    return found


@lru_cache(maxsize=1)
def _very_common_words() -> frozenset[str]:
    return frozenset(_very_common())


@lru_cache(maxsize=1)
def _very_common_edges() -> tuple[frozenset[str], frozenset[str]]:
    """Every prefix and every suffix of the very common words (the empty
    one too): a rewrite that leaves another head or tail cannot reach one."""
    words = _very_common()
    heads = frozenset(word[:i] for word in words for i in range(len(word) + 1))
    tails = frozenset(word[i:] for word in words for i in range(len(word) + 1))
    return heads, tails


@lru_cache(maxsize=1)
def _longest_very_common() -> int:
    return max(_very_common().values(), default=0)


def common_neighbours(core: str, know: Knowledge) -> dict[str, float]:
    """Very common words one classic OCR confusion away from ``core``, with
    the confusion cost: ``tho`` is ``the`` misread far more often than a word
    (Guiguts' "harmonics", TICCL's variants).

    >>> know = knowledge("", Context())
    >>> "the" in common_neighbours("tho", know), common_neighbours("council", know)
    (True, {})
    """
    lower = core.lower()
    cached = know.harmonics.get(lower)
    if cached is not None:
        return cached
    found: dict[str, float] = {}
    heads, tails = _very_common_edges()
    if len(lower) <= _longest_very_common() + 2 and _may_neighbour(lower, heads, tails):
        own = max(know.lexicon.count(lower), 1)
        common = _very_common()
        # the learned rewrites in their order; of the insertions only those
        # reaching a very common word, looked up instead of generated
        inserted = know.model.insertions_into(_very_common_words(), HARMONIC_MAX_CONFUSION)
        for form, cost in chain(
                know.model.steps_between(lower, HARMONIC_MAX_CONFUSION, heads, tails),
                inserted.get(lower, ())):
            if form in common and cost < found.get(form, math.inf) and \
                    know.lexicon.count(form) >= HARMONIC_RATIO * own:
                found[form] = cost
    know.harmonics[lower] = found
    return found


def _may_neighbour(lower: str, heads: frozenset[str], tails: frozenset[str]) -> bool:
    """Whether one rewrite of a piece of at most two characters (or an
    insertion) may turn ``lower`` into a very common word: the word would
    share the head before the piece and the tail after it, so the longest
    head of ``lower`` in ``heads`` and its longest tail in ``tails`` must
    leave at most two characters between them. Most rare words fail this
    in a few look-ups, before any rewrite is made.

    >>> heads, tails = _very_common_edges()
    >>> _may_neighbour("tho", heads, tails), _may_neighbour("onslaught", heads, tails)
    (True, False)
    """
    size = len(lower)
    head = 0
    while head < size and lower[:head + 1] in heads:
        head += 1
    tail = 0
    while tail < size and lower[size - tail - 1:] in tails:
        tail += 1
    return head + tail >= size - 2


def trusted_recurring(form: str, know: Knowledge) -> bool:
    """Whether a lower-case form the lexicon lacks may be a candidate because
    the document repeats it (in any letter case): when it holds no junk and
    its recurrence vouches for it as it would for the word itself
    (:func:`recurrence_vouches`)."""
    found = know.trusted.get(form)
    if found is None:
        found = know.trusted[form] = not any(is_junk(c) for c in form) and \
            recurrence_vouches(form, know.doc_lower.get(form, 0), know)
    return found


def candidate_known(form: str, know: Knowledge) -> bool:
    """A lower-case form the user, the document or the lexicon knows; from
    the lexicon only a word common enough to be worth proposing unasked."""
    if form in know.extra:
        return True
    count = know.lexicon.words.get(form)
    if count is not None:
        return know.doc_lower.get(form, 0) >= 1 or len(count) > MIN_CANDIDATE_DIGITS
    if know.doc_lower.get(form, 0) >= 2 and trusted_recurring(form, know):
        return True
    return ("-" in form or "'" in form) and known_form(form, know.lexicon)


@lru_cache(maxsize=1)
def _common_candidates() -> frozenset[str]:
    """The lexicon words common enough to be candidates whatever the
    document says (``candidate_known``'s count test), made once."""
    return frozenset(word for word, count in load_lexicon().words.items()
                     if len(count) > MIN_CANDIDATE_DIGITS and word == word.lower())


def candidate_set(know: Knowledge) -> frozenset[str]:
    """Every lower-case form ``candidate_known`` may accept, save compounds
    and possessives: one set look-up per generated form instead of a call.
    Made on first use in a run (most runs need it), from the common words
    and this document's words. The document's recurring forms are all in
    it; :func:`trusted_recurring` judges one only when it is reached, as
    few are."""
    if know.accepted:
        return know.accepted[0]
    words, doc_lower = know.lexicon.words, know.doc_lower
    own = {word for word, n in doc_lower.items() if (n >= 2 or word in words)}
    own.update(know.extra)
    own = {word for word in own if word == word.lower()}
    common = _common_candidates()
    accepted = common.union(own)
    know.accepted.append(accepted)
    know.edges.append(KnownEdges([_common_edges(), KnownEdges.sort(own - common)]))
    return accepted


def candidate_window(know: Knowledge) -> Window:
    """:meth:`KnownEdges.window` for this run's candidate set."""
    candidate_set(know)
    return know.edges[0].window


@lru_cache(maxsize=1)
def _common_edges() -> tuple[list[str], list[str]]:
    """The common candidates sorted, and sorted written backwards (made
    once, in some tens of milliseconds)."""
    return KnownEdges.sort(_common_candidates())


def language_cost(form: str, left: str | None, right: str | None, know: Knowledge) -> float:
    """``-ln P`` of the form between its neighbours, less the document's vote."""
    next_cost, unigram = know.lexicon.next_cost, know.unigram_cost
    if " " not in form:  # one word (most candidates): the same sums, spelt out
        cost = next_cost(left, form, unigram) if left else unigram(form)
        if right:
            cost += next_cost(form, right, unigram) - unigram(right)
        return cost - DOC_BONUS * math.log1p(know.doc_lower.get(form, 0))
    words = form.split(" ")
    cost = next_cost(left, words[0], unigram) if left else unigram(words[0])
    for first, second in zip(words, words[1:], strict=False):
        cost += next_cost(first, second, unigram)
    if right:
        cost += next_cost(words[-1], right, unigram) - unigram(right)
    return cost - DOC_BONUS * sum(math.log1p(know.doc_lower.get(w, 0)) for w in words)


def neighbour(tokens: list[Token], index: int, step: int, glued: str = "") -> str | None:
    """The word beside token ``index`` if nothing but a space parts them
    (or the ``glued`` mark on that side, read as part of the word)."""
    j = index + step
    if not 0 <= j < len(tokens):
        return None
    here, there = tokens[index], tokens[j]
    between = (here.trail + there.lead) if step > 0 else (there.trail + here.lead)
    if (between and between != glued) or not there.core.isalpha():
        return None
    return there.core


def candidates(core: str, know: Knowledge) -> dict[str, float]:
    """Known printed forms the confusion model reaches from ``core``
    (worked out once per run and form: OCR repeats its misreadings).

    A word with an inner apostrophe (``M'Kenzie``, ``we'have``) is only
    considered for a split: its apostrophe is more often printed than not.
    """
    found = know.candidates.get(core)
    if found is None:
        found = know.candidates[core] = _candidates(core, know)
    return found


MAX_READ_LENGTH = 40
"""No word, nor two run together, is longer: a longer token (a line of
one repeated letter, a run of ligatures) is noise to flag, not to read, and
reading it would cost time that grows with the square of its length."""


def _candidates(core: str, know: Knowledge) -> dict[str, float]:
    found: dict[str, float] = {}
    if len(core) > MAX_READ_LENGTH:
        return found
    if "'" in core or "’" in core:
        return split_candidates(core, know)
    source = core.lower()
    if len(source) >= LONG_WORD:
        found = long_word_candidates(source, know)
    else:
        for two_ops in (False, True):
            if two_ops and (len(source) > MAX_TWO_OP_LENGTH or (core != source and not know.noisy)):
                break  # long words, and capitalised ones in a clean text (mostly names), get one
            found = _merge(found, _generated(source, two_ops, know))
            if any(cost <= ONE_OP_ENOUGH for cost in found.values()) and \
                    not (know.very_noisy and len(source) <= NOISY_TWO_OP_LENGTH):
                break
    if core.islower() and not any(cost <= ONE_OP_ENOUGH for cost in found.values()):
        wide = {f: c for f, c in wide_candidates(source, know).items() if f not in found}
        know.wide[source] = set(wide)
        found = _merge(found, wide)
    if core != source:
        # capitals have confusions of their own (``T`` for ``J``, ``AV`` for ``W``)
        found = _merge(found, _generated(core, False, know, generic=False))
    return _merge(found, split_candidates(core, know))


def _generated(source: str, two_ops: bool, know: Knowledge,
               generic: bool = True) -> dict[str, float]:
    """Known lower-case forms among the model's variants of ``source``."""
    found: dict[str, float] = {}
    accept = lambda form: candidate_known(form.lower(), know)  # noqa: E731
    if "-" in source or "'" in source:
        # such forms may be known as compounds or possessives: ask one by one
        variants = know.model.variants(source, two_ops=two_ops, accept=accept, generic=generic)
    else:
        known, window = candidate_set(know), candidate_window(know)
        first = know.first_ops.get((source, generic))
        if first is None:
            first = know.first_ops[source, generic] = \
                know.model.first_known(source, known, generic, window)
        variants = know.model.second_known(first, known) if two_ops else first.reached()
    for form, cost in variants.items():
        lower = form.lower()
        if cost < found.get(lower, math.inf) and lower != source.lower() and accept(lower):
            found[lower] = cost
    return found


def _merge(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    """Both candidate sets, each form at its cheaper cost."""
    merged = dict(first)
    for form, cost in second.items():
        if cost < merged.get(form, math.inf):
            merged[form] = cost
    return merged


def long_word_candidates(source: str, know: Knowledge) -> dict[str, float]:
    """Candidates of a long word: learned one-step confusions, plus lexicon
    words within two plain edits found by rapidfuzz and costed by the model."""
    accept = lambda form: candidate_known(form, know)  # noqa: E731
    if "-" in source or "'" in source:
        found = {form: cost for form, cost in
                 know.model.variants(source, two_ops=False, generic=False).items() if accept(form)}
    else:
        # the forms candidate_known takes as they are: lower-case ones it
        # knows, and the user's words (a capital from a rewrite stays)
        known, extra = candidate_set(know), know.extra
        variants = know.model.known_variants(source, known, two_ops=False, generic=False,
                                             window=candidate_window(know))
        found = {form: cost for form, cost in variants.items()
                 if (form in known and candidate_known(form, know)) or form in extra}
    pool = _near_pool(source, know)
    for form, _, _ in process.extract(source, pool, scorer=Levenshtein.distance,
                                      score_cutoff=2, limit=None):
        if form not in found and form != source and accept(form):
            found[form] = know.model.aligned_cost(source, form)
    return found


FREQUENT_WORDS = 12_000
"""The most frequent words (the lexicon file is sorted by count) are searched
up to three plain edits away when the confusion model finds nothing near."""
WIDE_EDITS = 3
WIDE_PENALTY = 3.0
"""Added to a wide candidate's cost."""
WIDE_CONFIDENCE = 0.6
"""For a short word this garbled (two of four letters wrong) the printed word
is often not among the candidates at all: its wide candidate is only ever
suggested (flagged), never applied."""
WIDE_APPLY_LENGTH = 5
"""From this length a wide candidate faces the same confidence threshold as
any other: its extra cost already says the reading is far, and on the noisy
newspaper dev set the winning wide reading of a longer word was the printed
word or another misreading, never a change of a correct word."""


@lru_cache(maxsize=1)
def _frequent_by_length() -> dict[int, list[str]]:
    buckets: dict[int, list[str]] = {}
    for word, _ in zip(load_lexicon().words, range(FREQUENT_WORDS), strict=False):
        buckets.setdefault(len(word), []).append(word)
    return buckets


@lru_cache(maxsize=64)
def _frequent_near_length(size: int) -> list[str]:
    """The frequent words two letters shorter to two longer than ``size``
    (built once per length: many garbled words share one)."""
    buckets = _frequent_by_length()
    return [w for n in range(size - 2, size + 3) for w in buckets.get(n, ())]


def wide_candidates(source: str, know: Knowledge) -> dict[str, float]:
    """Frequent words within a few plain edits of a badly garbled word
    (``yvltli``), priced by the confusion model."""
    size = len(source)
    if size < 4:
        return {}
    pool = _frequent_near_length(size)
    edits = WIDE_EDITS if size >= 6 else 2
    return {form: know.model.aligned_cost(source, form) + WIDE_PENALTY for form, _, _ in
            process.extract(source, pool, scorer=Levenshtein.distance, score_cutoff=edits,
                            limit=None) if form != source}


def _near_pool(source: str, know: Knowledge) -> list[str]:
    """The document's and the common words of lengths ``size - 1`` to
    ``size + 1``, in that order, less the common words that cannot be two
    plain edits from ``source``: cut in three, a form two edits away keeps
    one piece whole (its head, its tail, or its middle somewhere), and
    looking for the pieces in the words of a length, joined in one string,
    is a few scans in C instead of an edit distance per word. The words
    kept keep their order, so rapidfuzz ranks its matches as before."""
    size = len(source)
    third = size // 3
    lengths = range(size - 1, size + 2)
    if third:
        head, middle, tail = source[:third], source[third:size - third], source[size - third:]
        commons = know.lexicon.holding(lengths, head, middle, tail)
    else:
        commons = [know.lexicon.of_length(length) for length in lengths]
    pool: list[str] = []
    for length, common in zip(lengths, commons, strict=True):
        pool += _pool(length, know)
        pool += common
    return pool


def _pool(length: int, know: Knowledge) -> list[str]:
    """The document's words of one length (seven letters or more), in the
    order the document has them, sorted by length once per run."""
    pools = know.pools
    if not pools:
        for word in know.doc_lower:
            if len(word) >= LONG_WORD - 2:
                pools.setdefault(len(word), []).append(word)
    return pools.get(length, [])


def split_candidates(core: str, know: Knowledge) -> dict[str, float]:
    """Two words run together (``whichwas``) or parted by junk (``by*the``)."""
    found: dict[str, float] = {}
    lower = core.lower()
    mixed = not core.isupper() and not core.islower()
    for i in range(1, len(lower)):
        if mixed and (_inner_capital(core[:i]) or _inner_capital(core[i:])):
            continue  # a capital inside a part: a word does not start there
        first, second = lower[:i], lower[i:]
        cost = SPLIT_COST
        if is_junk(second[0]) or second[0] in "'’":
            second, cost = second[1:], JUNK_SPLIT_COST
        plausible = know.lexicon.pair_count(first, second) or cost == JUNK_SPLIT_COST
        if plausible and _split_part_ok(first, know) and _split_part_ok(second, know):
            found[f"{first} {second}"] = cost
    return found


JUNK_SPLIT_COST = 3.0


def _inner_capital(part: str) -> bool:
    return any(map(str.isupper, part[1:]))


def _split_part_ok(part: str, know: Knowledge) -> bool:
    if len(part) == 1:
        return part in ("a", "i")
    return not any(is_junk(c) for c in part) and know.lexicon.count(part) >= MIN_JOIN_COUNT


def rank(core: str, left: str | None, right: str | None, name_like: bool,
         know: Knowledge) -> list[Ranked]:
    """Candidates and the keep option, cheapest first."""
    ranked = [Ranked(form, conf + LM_WEIGHT * language_cost(form, left, right, know),
                     f"OCR confusion cost {conf:.1f}")
              for form, conf in candidates(core, know).items()]
    keep = KEEP_COST - (NAME_KEEP_BONUS if name_like else 0.0)
    keep += noise_keep_cost(know.noise)
    if core[0].isupper():
        keep -= CAPITAL_KEEP_BONUS
    if any(is_junk(c) for c in core):
        keep += 2 * KEEP_COST
    keep += LM_WEIGHT * language_cost(core.lower(), left, right, know)
    ranked.append(Ranked(core, keep, "keep as printed"))
    return sorted(ranked, key=itemgetter(1))  # by cost


def confidence(ranked: list[Ranked]) -> float:
    """The winner's share of the probability mass (softmax of -cost/T)."""
    best = ranked[0].cost
    mass = sum(math.exp(-(r.cost - best) / TEMPERATURE) for r in ranked)
    return 1.0 / mass


def correct_word(tokens: list[Token], index: int, know: Knowledge,
                 sentence_start: bool) -> Proposal | Flag | None:
    """Propose a correction for an unknown word, or flag it."""
    token = tokens[index]
    core = token.core
    name_like = core[0].isupper() and not sentence_start and not core.isupper() and \
        not unspellable(core) and not capitals_with_a_small(core)
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    ranked = rank(core, left, right, name_like, know)
    if len(ranked) == 1:
        if any(is_junk(c) for c in core):
            return Flag(token.start, token.end, core, "unreadable-word", 0.0,
                        "not a word, and no reading comes near it")
        return None
    conf = confidence(ranked)
    best = ranked[0]
    if core[0].isupper() and not strong_for_capitals(core, best, know):
        conf = min(conf, WEAK_CAPITAL_CONFIDENCE)
    if name_like:
        conf = conf ** 2  # names: a stricter threshold
    if len(core) < WIDE_APPLY_LENGTH and best.form in know.wide.get(core.lower(), ()):
        conf = min(conf, WIDE_CONFIDENCE)
    suggestions = tuple(islice((case_like(r.form, core) for r in ranked if r.form != core),
                               MAX_SUGGESTIONS))  # only these are shown
    if best.form == core:
        if any(is_junk(c) for c in core):
            return Flag(token.start, token.end, core, "unreadable-word", round(1 - conf, 3),
                        "not a word; no reading is clearly best", suggestions[:MAX_SUGGESTIONS])
        vouched = next((r.form for r in islice(ranked, 1, None)
                        if r.form in know.extra or know.doc_lower.get(r.form, 0) >= 3), None)
        if vouched is not None:
            return Flag(token.start, token.end, core, "near-known-word", round(1 - conf, 3),
                        f"'{core}' is unknown, close to '{case_like(vouched, core)}', which "
                        "the word list or the document uses", suggestions[:MAX_SUGGESTIONS])
        return None
    replacement = capital_restored(case_like(best.form, core), core, sentence_start,
                                   know)
    reason = f"'{core}' is not in the lexicon; '{replacement}' ({best.why}"
    reason += f", second '{ranked[1].form}')" if len(ranked) > 1 else ")"
    rule = "split-run-together" if " " in best.form else "ocr-misreading"
    if conf < know.threshold:
        return Flag(token.start, token.end, core, rule, round(conf, 3),
                    f"not changed (confidence below threshold): {reason}",
                    suggestions[:MAX_SUGGESTIONS])
    return Proposal(token.start, token.end, replacement, rule, conf, reason)


WEAK_CAPITAL_CONFIDENCE = 0.5
CAPITAL_MAX_CONFUSION = 5.0
"""A capitalised word is changed only for one of the classic confusions (this
cheap or cheaper), a repaired junk character, or a form the document uses."""


@lru_cache(maxsize=1)
def proper_names() -> frozenset[str]:
    """Lower-case forms of words written only capitalised (``data/names.txt``)."""
    text = resources.files("clean_scan").joinpath("data/names.txt").read_text("utf-8")
    return frozenset(text.split())


SPELLING_WORDS = 30_000
"""The most frequent lexicon words, whose letter triples show how English
(and the names the list carries) is spelt."""


UNSPELLABLE_MIN_LENGTH = 4


@lru_cache(maxsize=1)
def _letter_triples() -> frozenset[str]:
    """Every run of three letters in the most frequent words, with ``^`` and
    ``$`` marking the word's edges (built once, in about 40 ms)."""
    found: set[str] = set()
    for word in islice(load_lexicon().words, SPELLING_WORDS):
        marked = f"^{word}$"
        found.update(marked[i:i + 3] for i in range(len(marked) - 2))
    return frozenset(found)


def unspellable(core: str) -> bool:
    """A word holding a letter triple no common word has: names are spelt
    with the language's letter sequences, OCR garbles often are not, so a
    capital does not make such a word a name to leave alone.

    >>> unspellable("Rohcrt"), unspellable("Mnrgaret"), unspellable("Hcnry")
    (True, True, True)

    Left alone: names spelt as English is, and short capitalised
    abbreviations (a few real names fail too: ``Ogilvy``).

    >>> unspellable("Wainscott"), unspellable("Trelawny"), unspellable("Jno")
    (False, False, False)
    """
    if len(core) < UNSPELLABLE_MIN_LENGTH and core[0].isupper():
        return False  # abbreviations of names (``Jno``, ``Wm``) break the rule
    marked = f"^{core.lower()}$"
    triples = _letter_triples()
    return any(marked[i:i + 3] not in triples for i in range(len(marked) - 2))


def strong_for_capitals(core: str, best: Ranked, know: Knowledge) -> bool:
    """Evidence strong enough to change a capitalised word (often a name).

    >>> know = knowledge("France and France.", Context())
    >>> strong_for_capitals("Frauce", Ranked("france", 12.0, ""), know)
    True
    >>> strong_for_capitals("Gillett", Ranked("gillette", 12.0, ""), know)
    False
    >>> strong_for_capitals("Leura", Ranked("laura", 9.0, ""), know)
    False
    """
    if best.form == core:
        return True
    if know.doc_lower[best.form] >= 1 or any(is_junk(c) for c in core):
        return True
    if unspellable(core) and not unspellable(best.form):
        return True  # an unspellable form read as a spellable word
    if capitals_with_a_small(core):
        return True  # the small letter is the misreading
    if best.form in proper_names():
        return False  # one name misread as another needs the document's word
    return know.model.aligned_cost(core.lower(), best.form) <= CAPITAL_MAX_CONFUSION


def real_word(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A known word of a real-word confusion set that context rejects."""
    token = tokens[index]
    members = know.confusion_sets.get(token.core)
    if not members:
        return None  # most words: no need to look at the neighbours
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or right is None:
        return None
    if not (known_form(left, know.lexicon) and known_form(right, know.lexicon)):
        return None
    costs = {m: language_cost(m, left, right, know) for m in (token.core, *members)}
    best = min(costs, key=costs.__getitem__)
    margin = costs[token.core] - costs[best]
    if best == token.core or margin < REAL_WORD_MARGIN:
        return None
    if seen_pairs(token.core, left, right, know) or not seen_pairs(best, left, right, know):
        return None  # only observed pairs count as evidence, not backed-off guesses
    conf = 1.0 - math.exp(-(margin - REAL_WORD_MARGIN / 2) / TEMPERATURE)
    return Proposal(token.start, token.end, best, "real-word-confusion", conf,
                    f"'{left} {token.core} {right}': context prefers '{best}' "
                    f"(a common OCR confusion), by {margin:.1f} nats")


def rare_word(tokens: list[Token], index: int, know: Knowledge,
              sentence_start: bool) -> Proposal | Flag | None:
    """A rare word one classic confusion from a very common one (``bo``,
    ``havo``, ``aro``), changed when the context attests the common word (or,
    in a very noisy text, neither word: :func:`attested_or_unread`) and the
    whole score prefers it."""
    token = tokens[index]
    core = token.core
    if core.lower() in know.extra or (core[0].isupper() and not sentence_start) or \
            (core.isupper() and len(core) > 1) or len(know.lexicon.words.get(core.lower(), "")) \
            >= RARE_DIGITS:
        return None
    near = common_neighbours(core, know)
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if not near or (left is None and right is None):
        return None
    best, conf = _near_common(token, left, right, near, know)
    if best is None or not attested_or_unread(best, core.lower(), left or "", right or "", know):
        return None
    replacement = case_like(best, core)
    return _decided(token, replacement, conf, "rare-word-near-common", know,
                    f"'{core}' is a rare word one OCR confusion from the common "
                    f"'{replacement}', which the context prefers")


def attested_or_unread(common: str, rare: str, left: str, right: str, know: Knowledge) -> bool:
    """Whether the bigram list attests the common word beside a neighbour,
    or, in a text with a tenth of its words unknown or more, attests neither
    word there: its neighbours are then mostly garbled too, the list can say
    nothing, and the odds of a misreading, as high as the text's noise,
    decide (``ho`` between ``Committee`` and ``instructed`` is ``he``).

    >>> know = knowledge("", Context())
    >>> attested_or_unread("he", "ho", "Committee", "instructed", know)
    False
    >>> from dataclasses import replace
    >>> know = replace(know, noise=0.2)
    >>> attested_or_unread("he", "ho", "Committee", "instructed", know)
    True
    """
    if seen_pairs(common, left, right, know):
        return True
    return know.very_noisy and not seen_pairs(rare, left, right, know)


def lone_letter(tokens: list[Token], index: int, know: Knowledge) -> Proposal | Flag | None:
    """A small letter standing alone between two words in a noisy text: no
    word but ``a`` is one letter, so it is a short common word misread
    (``m`` for ``in``, ``n`` for ``a``), read as the one a learned confusion
    reaches that the score (confusion, frequency, both neighbours) prefers.
    The bigram list seldom knows the neighbours of such a text, so their
    pairs are not required as they are for a rare word."""
    token = tokens[index]
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or right is None or token.core in know.extra:
        return None
    # the pronoun is printed as a capital: a small letter is never it
    near = {form: cost for form, cost in common_neighbours(token.core, know).items()
            if form != "i"}
    best, conf = _near_common(token, left, right, near, know) if near else (None, 0.0)
    if best is None:
        return None
    return _decided(token, best, conf, "lone-letter", know,
                    f"'{left} {token.core} {right}': a lone letter in OCR this noisy is "
                    f"a misread word; '{best}' is one OCR confusion away")


def _near_common(token: Token, left: str | None, right: str | None, near: dict[str, float],
                 know: Knowledge) -> tuple[str | None, float]:
    """The best of ``near`` (common words and their confusion costs) against
    the word as printed, by the whole score, with the confidence; ``None``
    when keeping the word wins."""
    ranked = [Ranked(form, cost + LM_WEIGHT * language_cost(form, left, right, know),
                     f"OCR confusion cost {cost:.1f}") for form, cost in near.items()]
    ranked.append(Ranked(token.core, LM_WEIGHT * language_cost(token.core.lower(), left, right,
                                                               know), "keep as printed"))
    ranked.sort(key=lambda r: r.cost)
    best = ranked[0].form
    return (None if best == token.core else best), confidence(ranked)


def _decided(token: Token, replacement: str, conf: float, rule: str, know: Knowledge,
             reason: str) -> Proposal | Flag:
    """The change, or a flag when its confidence is below the threshold."""
    if conf < know.threshold:
        return Flag(token.start, token.end, token.core, rule, round(conf, 3),
                    f"not changed (confidence below threshold): {reason}", (replacement,))
    return Proposal(token.start, token.end, replacement, rule, conf, reason)


def capital_i(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A capital ``I`` read for a lower-case ``i`` (the dot lost, the stem
    taken for the capital) inside a sentence: ``was Is not`` is ``was is
    not`` when the word is one of the commonest and both neighbours are
    lower-case words the bigram list attests around the lower-case form.

    >>> know = knowledge("", Context())
    >>> capital_i(LineTokens("was held In the hall", 0), 2, know).replacement
    'in'
    >>> capital_i(LineTokens("Prince Albert In Council", 0), 2, know) is None
    True
    """
    token = tokens[index]
    core = token.core
    lower = core.lower()
    if len(core) < 2 or not core[1:].islower():
        return None
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or right is None or not (left.islower() and right.islower()):
        return None
    very_common = lower in _very_common()
    if very_common and seen_pairs(lower, left, right, know) == 2:
        why = "inside a sentence"
    elif know.noisy and not very_common and capital_i_in_noise(lower, know) and \
            not in_title(tokens, index):
        why = "inside a sentence of a noisy text, where it names nothing"
    else:
        return None
    return Proposal(token.start, token.end, lower, "capital-i-for-small-i", 0.9,
                    f"'{left} {core} {right}': a capital I misread for a small i {why}")


def in_title(tokens: list[Token], index: int) -> bool:
    """Whether the word stands among the capitalised words of a title
    (``for the Improvement of the Social Insurance System``): the nearest
    word on either side that is no short function word is capitalised.

    >>> in_title(LineTokens("Discipline, for the Improvement of the Social", 0), 3)
    True
    >>> in_title(LineTokens("the fees were Included in the bill", 0), 3)
    False
    """
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(tokens) and abs(j - index) <= TITLE_REACH:
            core = tokens[j].core
            if not (core.islower() and len(core) <= 3):
                if core[:1].isupper():
                    return True
                break
            j += step
    return False


TITLE_REACH = 3
"""How many tokens either side are looked at for a title's capitals."""


def capital_i_in_noise(lower: str, know: Knowledge) -> bool:
    """In a noisy text the neighbours of a word are too often garbled for the
    bigram list to attest them, and OCR this bad reads the small ``i`` of
    a word as a capital (``to Include the``). Between two lower-case words,
    the capitalised form is taken for the word it spells, not for a name,
    when the lexicon counts the word a million times or more and no list
    holds it as a name. The very commonest words (``It``, ``In``, ``If``)
    are left to the bigram test: there a capital is far more often a
    sentence start whose full stop the OCR lost."""
    return len(know.lexicon.words.get(lower, "")) >= RARE_DIGITS and \
        lower not in proper_names() and lower not in know.extra


SAME_SHAPE_CAPITALS = frozenset("COSUVWXZ")
"""Capitals whose small letter has the same shape, smaller (``c``, ``o``,
``s``, ``v``, ``w`` ...): OCR tells the two apart by size alone, so a word
set in small letters comes out capitalised (``the building of Vast
armaments``)."""
CASE_SHAPES = SAME_SHAPE_CAPITALS | {"I"}
"""First letters whose capital may be a misread small letter: these and the
``I`` read for an ``i`` (:func:`capital_i`)."""


def same_shape_capital(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A small letter read as its capital of the same shape (``o``/``O``,
    ``v``/``V``, ``w``/``W``) inside a sentence: between a small-letter
    word and a small-letter word or a mark, outside a title, in a word no
    list holds as a name. The document decides, not the lexicon: it must
    print the word in small letters too, and nowhere else capitalised
    inside a sentence (``the State``, ``the Council`` are printed so again
    and again, and stay). Only on a clean page (under ``NOISY_TEXT``): OCR
    that misreads words also drops full stops, and there a capital after a
    small-letter word mostly opens a sentence (on the newspapers, 12 of 13
    such changes were wrong).

    >>> know = knowledge("the vast plain, of vast armaments", Context())
    >>> same_shape_capital(LineTokens("the building of Vast armaments", 0), 3, know).replacement
    'vast'
    >>> know = knowledge("the State and the state of the State", Context())
    >>> same_shape_capital(LineTokens("power of the State is", 0), 3, know) is None
    True
    """
    token = tokens[index]
    core = token.core
    lower = core.lower()
    if know.noisy or len(core) < 2 or not core[1:].islower() or \
            know.doc_lower[lower] <= know.doc[core]:
        return None
    left = neighbour(tokens, index, -1)
    if left is None or not left.islower():
        return None
    right = neighbour(tokens, index, 1)
    if (right is None and index + 1 < len(tokens) and not token.trail) or \
            (right is not None and not right.islower()):
        return None  # a capitalised word follows: a name or a title
    if lower in proper_names() or core in know.extra or lower in know.extra or \
            in_title(tokens, index) or mid_sentence_uses(core, know) > 1:
        return None
    return Proposal(token.start, token.end, lower, "small-letter-read-as-capital", 0.9,
                    f"'{left} {core}': '{core[0]}' and '{lower[0]}' differ only in size, and "
                    f"the text prints '{lower}' in small letters and '{core}' nowhere else "
                    "inside a sentence")


def mid_sentence_uses(form: str, know: Knowledge) -> int:
    """How often the text prints ``form`` inside a sentence: after a word in
    small letters, and a comma or semicolon perhaps (the words opening with
    one of ``SAME_SHAPE_CAPITALS`` are counted in one pass, on first use in
    a run).

    >>> know = knowledge("the Soviet Union, the State and, Soviet Union", Context())
    >>> [mid_sentence_uses(form, know) for form in ("Soviet", "Union", "State")]
    [2, 0, 1]
    """
    counts = know.mid_capitals
    if not counts:
        text = know.text
        for match in SAME_SHAPE_WORD.finditer(text):
            start = match.start()
            after = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
            before = text[after:start].rstrip(",;")
            if before.isalpha() and before.islower():
                counts[match.group(1)] = counts.get(match.group(1), 0) + 1
        counts[""] = 0  # counted, even where none was found
    return counts.get(form, 0)


SAME_SHAPE_WORD = re.compile(rf" ([{''.join(sorted(SAME_SHAPE_CAPITALS))}][a-z]+)\b")
"""A word after a space opening with one of ``SAME_SHAPE_CAPITALS``."""


OPENING_GLUED = '"“«»'
CLOSING_GLUED = '"”«»*'
"""Marks that noisy OCR reads for a letter at a word's edge (``»hip`` for
``ship``, ``earning«`` for ``earnings``, ``Jame*`` for ``James``). English
print sets no guillemets, so glued to a word they are always such a
misreading; on the newspapers a double quote glued to a word is a letter
misread about fifteen times as often as it is anything else. The characters stage has
made most straight quotes typographic by then, so the curly ones count too."""
DOUBLE_QUOTES = '"“”'
MARK_DROP_COST = 2.7
"""What believing the glued mark a speck (the word as printed without it)
costs over reading it as a letter: on the newspapers a glued double quote
is a letter misread fifteen times for once it is a speck (ln 15 = 2.7)."""


class GluedMark(NamedTuple):
    """A word with a mark glued to one edge: the word and mark as one form
    (``»hip``), the span they take and the word without the mark."""

    form: str
    start: int
    end: int
    bare: str
    before: bool


def glued_mark(token: Token) -> GluedMark | None:
    """The token's word with a mark glued to it that may be a misread
    letter: an opening mark before a small letter, or a closing mark
    straight after a word; ``None`` for any other token (a word with marks
    on both sides is quoted).

    >>> [glued_mark(split_text(t, 0)).form for t in ('»hip,', 'kind*.', '“tho', 'earning«')]
    ['»hip', 'kind*', '“tho', 'earning«']
    >>> glued_mark(split_text('“The', 0)), glued_mark(split_text('“now”', 0))
    (None, None)
    """
    core, lead, trail = token.core, token.lead, token.trail
    if len(core) > 1 and core[0] in OPENING_GLUED and core[1:].isalpha():
        core, lead = core[1:], lead + core[0]
        start = token.start + 1
    elif len(core) > 1 and core[-1] in CLOSING_GLUED and core[:-1].isalpha():
        core, trail = core[:-1], core[-1] + trail
        start = token.start
    elif core.isalpha():
        start = token.start
    else:
        return None
    before = bool(lead) and lead[-1] in OPENING_GLUED and core[0].islower()
    after = bool(trail) and trail[0] in CLOSING_GLUED
    if before == after:
        return None
    if before:
        return GluedMark(lead[-1] + core, start - 1, start + len(core), core, True)
    return GluedMark(core + trail[0], start, start + len(core) + 1, core, False)


def mark_for_letter(tokens: LineTokens, index: int, glued: GluedMark,
                    know: Knowledge) -> Proposal | Flag | None:
    """In a noisy text, a mark glued to a word's edge read as the letter it
    hides, when the mark is no double quote or the line holds an odd
    number of them (so one stands unpaired), and the whole score
    (confusion, frequency, both neighbours) prefers a word that only the
    mark read as a letter explains; ``None`` leaves the token to the other
    rules, the mark kept as printed (``“ncgative`` is ``“negative``)."""
    mark = glued.form[0] if glued.before else glued.form[-1]
    if mark in DOUBLE_QUOTES and sum(map(tokens.line.count, DOUBLE_QUOTES)) % 2 == 0:
        return None  # the quotes pair up: this one may well be a quote
    left = neighbour(tokens, index, -1, mark if glued.before else "")
    right = neighbour(tokens, index, 1, "" if glued.before else mark)
    bare = glued.bare.lower()
    readings = candidates(glued.form, know)
    ranked = [Ranked(word, cost + LM_WEIGHT * language_cost(word, left, right, know)
                     + (MARK_DROP_COST if word == bare else 0.0), f"OCR confusion cost {cost:.1f}")
              for word, cost in readings.items()]
    if len(ranked) < 2:
        return None
    ranked.sort(key=itemgetter(1))
    best = ranked[0]
    if best.form == bare or \
            candidates(glued.bare, know).get(best.form, math.inf) <= readings[best.form]:
        return None  # the mark is a mark: the word reads as well without it
    replacement = case_like(best.form, glued.bare)
    conf = confidence(ranked)
    if glued.bare[0].isupper() and not strong_for_capitals(glued.form, best, know):
        conf = min(conf, WEAK_CAPITAL_CONFIDENCE)
    reason = (f"'{glued.form}': the mark stands unpaired at the word's edge, a misread "
              f"letter; '{replacement}' ({best.why}, second '{ranked[1].form}')")
    if conf < know.threshold:
        return Flag(glued.start, glued.end, glued.form, "mark-for-letter", round(conf, 3),
                    f"not changed (confidence below threshold): {reason}",
                    tuple(case_like(r.form, glued.bare) for r in ranked[:MAX_SUGGESTIONS]))
    return Proposal(glued.start, glued.end, replacement, "mark-for-letter", conf, reason)


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
CONTEXT_MARGIN = 2.0
"""How many nats the misreading must beat the word as printed by."""
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


def unknown_share(words: Counter[str], lexicon: Lexicon, extra: frozenset[str]) -> float:
    """The share of words (``words``: the document's word counts in lower
    case; two letters or more) that neither the lexicon nor the user knows:
    how noisy the OCR of this text is (the sample book before this stage:
    about 0.4%; the newspaper articles: 2% to 40%), with ``NOISE_PRIOR_WORDS``
    words of a clean page added."""
    table = lexicon.words
    total = sum(n for word, n in words.items() if len(word) > 1)
    unknown = sum(n for word, n in words.items() if word not in table and len(word) > 1
                  and word not in extra and not known_form(word, lexicon))
    return (unknown + NOISE_PRIOR * NOISE_PRIOR_WORDS) / (total + NOISE_PRIOR_WORDS)


def channel_offset(noise: float) -> float | None:
    """What :func:`context_word` adds to a confusion's cost in a text this
    noisy, or ``None`` where it does not run at all.

    >>> channel_offset(0.01), channel_offset(0.1), channel_offset(0.2)
    (None, 0.0, 0.0)
    >>> round(channel_offset(0.05), 2)
    1.39
    """
    if noise < NOISY_TEXT:
        return None
    return NOISE_WEIGHT * max(0.0, math.log(NOISE_REFERENCE / noise))


def noise_keep_cost(noise: float) -> float:
    """What keeping an unknown word as printed costs on top of ``KEEP_COST``
    in a text noisier than ``NOISE_REFERENCE``: the odds that an unknown
    word is a misreading rather than a word the lexicon lacks grow with the
    share of misreadings in the text (``KEEP_COST`` holds for texts up to
    the reference).

    >>> noise_keep_cost(0.05), round(noise_keep_cost(0.3), 2)
    (0.0, 1.1)
    """
    return max(0.0, math.log(noise / NOISE_REFERENCE)) if noise else 0.0


def frequent_misreadings(word: str, know: Knowledge) -> list[tuple[str, float]]:
    """Known words at least ``CONTEXT_RATIO`` times as frequent as ``word``
    that one learned confusion turns into it (``coiner`` from ``corner``);
    none for a word the document uses ``CONTEXT_DOC_VOTES`` times."""
    count = know.lexicon.count(word)
    if not count or count >= CONTEXT_MAX_COUNT or \
            know.doc_lower.get(word, 0) >= CONTEXT_DOC_VOTES:
        return []
    floor = CONTEXT_RATIO * count
    return [(form, cost) for form, cost in
            know.model.learned_steps(word, HARMONIC_MAX_CONFUSION, inserts=False)
            if know.lexicon.count(form) >= floor]


def context_word(tokens: list[Token], index: int, know: Knowledge) -> Proposal | Flag | None:
    """A known word the OCR made of a much more frequent one (``neal`` for
    ``near``, ``coiner`` for ``corner``, ``largo`` for ``large``), in a noisy
    text, changed where the word bigrams on both sides favour the frequent
    word more than the confusion costs, the more so the cleaner the text.

    The noisy channel: the printed form wins over the word as it stands when
    confusion cost + offset + language cost is lower than its own language
    cost by ``CONTEXT_MARGIN``; the offset (:func:`channel_offset`) makes a
    misreading as likely as the text's own noise says it is."""
    offset = channel_offset(know.noise)
    token = tokens[index]
    word = token.core
    if offset is None or not word.islower():
        return None
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None and right is None:
        return None
    own_pairs = seen_pairs(word, left or "", right or "", know)
    keep = LM_WEIGHT * language_cost(word, left, right, know)
    ranked = [Ranked(form, cost + offset + LM_WEIGHT * language_cost(form, left, right, know),
                     f"OCR confusion cost {cost:.1f}")
              for form, cost in frequent_misreadings(word, know)
              if seen_pairs(form, left or "", right or "", know) > own_pairs]
    if not ranked:
        return None
    best = min(ranked, key=itemgetter(1))
    margin = keep - best.cost
    if margin < CONTEXT_MARGIN:
        return None
    conf = 1.0 / (1.0 + math.exp(-margin))
    return _decided(token, best.form, conf, "real-word-in-noisy-text", know,
                    f"'{left or ''} {word} {right or ''}': in a text this noisy the context "
                    f"makes '{best.form}' ({best.why}) likelier by {margin:.1f} nats")


def seen_pairs(word: str, left: str, right: str, know: Knowledge) -> int:
    """How many of ``left word`` and ``word right`` the bigram list attests
    (pairs the document itself repeats were tried too: on the newspapers they
    changed nothing, as its neighbours are as garbled as the word)."""
    lex = know.lexicon
    return bool(left and lex.pair_count(left, word)) + bool(right and lex.pair_count(word, right))


def join_pieces(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """Letters of one word spaced apart by the OCR: ``Hav ing`` → ``Having``."""
    if index + 1 >= len(tokens):
        return None
    first, second = tokens[index], tokens[index + 1]
    if first.trail or second.lead or not (first.core.isalpha() and second.core.isalpha()):
        return None
    if second.core[0].isupper() and not second.core.isupper():
        return None
    first_known, second_known = is_known(first.core, know), is_known(second.core, know)
    if first_known and second_known:
        return None
    joined = first.core + second.core
    printed = know.doc_lower[joined.lower()]
    if not (known_form(joined, know.lexicon) or joined.lower() in know.extra or
            (printed and not know.noisy)):
        return None  # in a noisy text, a form printed once elsewhere is as likely a misreading
    common = know.lexicon.count(joined) >= MIN_JOIN_COUNT or printed >= 1
    conf = 0.95 if common else 0.85
    return Proposal(first.start, second.end, joined, "join-spaced-word", conf,
                    f"'{first.core} {second.core}' is one word spaced apart: '{joined}'")


def join_three_pieces(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A word spaced apart into three pieces from token ``index`` on (the
    unknown token being read is one of them: ``demo cr atic`` →
    ``democratic``), joined when the whole is a common word of the lexicon
    or, on a clean page, one the document prints.

    >>> know = knowledge("", Context())
    >>> join_three_pieces(LineTokens("the demo cr atic party", 0), 1, know).replacement
    'democratic'
    """
    if index < 0 or index + 2 >= len(tokens):
        return None
    first, middle, last = tokens[index], tokens[index + 1], tokens[index + 2]
    if first.trail or middle.lead or middle.trail or last.lead or \
            not all(t.core.isalpha() for t in (first, middle, last)):
        return None
    if middle.core[0].isupper() or last.core[0].isupper() or \
            max(len(t.core) for t in (first, middle, last)) > THREE_PIECE_LENGTH:
        return None
    joined = first.core + middle.core + last.core
    printed = know.doc_lower[joined.lower()]
    if not (know.lexicon.count(joined) >= MIN_JOIN_COUNT or (printed and not know.noisy)):
        return None
    return Proposal(first.start, last.end, joined, "join-spaced-word", 0.9,
                    f"'{first.core} {middle.core} {last.core}' is one word spaced apart: "
                    f"'{joined}'")


THREE_PIECE_LENGTH = 5
"""The longest piece of a word spaced apart into three: longer ones are words."""


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


def token_kind(text: str, know: Knowledge) -> tuple[bool, bool]:
    """Whether a token needs a look at its context, and whether a sentence
    ends with it. Most need no look: a common word with no real-word
    confusion (whatever punctuation is around it), no word to correct at
    all (a number, an abbreviation, a word at a ``¬``), or a known word
    that no context-dependent check (real-word confusion, capital I, rare
    word near a common one) can apply to. Both answers depend on the text
    alone, so a run works them out once per distinct token.

    >>> know = knowledge("", Context())
    >>> [token_kind(text, know) for text in ("which", "which.", "whicli")]
    [(False, False), (False, True), (True, False)]
    >>> token_kind("1942,", know), token_kind("tire.", know)
    ((False, False), (True, True))
    """
    if text.isalpha():
        if len(know.lexicon.words.get(text.lower(), "")) >= RARE_DIGITS and \
                text not in know.confusion_sets and not may_be_small_letter(text, know):
            return False, False  # the commonest case, first
        lead, core, trail = "", text, ""
    else:
        lead, core, trail = edges(text)
    small = may_be_small_letter(core, know)
    common = core.isalpha() and len(know.lexicon.words.get(core.lower(), "")) >= RARE_DIGITS \
        and core not in know.confusion_sets and not small
    word_like = looks_like_word(core) or compound_parts(core) is not None
    look = not (common or not word_like or "¬" in trail)
    if look and is_known(core, know) and not know.confusion_sets.get(core) and \
            not small and not may_be_rare_misreading(core, know):
        look = False  # _decide would find nothing to do, whatever the context
    return look, ends_sentence(core + trail) or not core


def may_be_small_letter(core: str, know: Knowledge) -> bool:
    """Whether ``core`` opens with a capital that may be a misread small
    letter: an ``I`` (:func:`capital_i`), or, on a clean page, a capital of
    the same shape as its small letter in a word the text also prints in
    small letters and capitalised inside a sentence just once, where
    :func:`same_shape_capital` may find it."""
    first = core[:1]
    if first == "I":
        return True
    return first in SAME_SHAPE_CAPITALS and not know.noisy and \
        know.doc_lower[core.lower()] > know.doc[core] and mid_sentence_uses(core, know) == 1


def may_be_rare_misreading(core: str, know: Knowledge) -> bool:
    """Whether :func:`rare_word` may look at ``core`` in some context: the
    tests it makes before it looks at the neighbours, save the one that
    depends on where the sentence starts."""
    lower = core.lower()
    return not (lower in know.extra or (core.isupper() and len(core) > 1)
                or len(know.lexicon.words.get(lower, "")) >= RARE_DIGITS
                or not common_neighbours(core, know))


@lru_cache(maxsize=1)
def _plain_common() -> frozenset[str]:
    """The tokens :func:`token_kind` answers first, ``(False, False)``: the
    lower-case lexicon words of seven digits or more, save the real-word
    confusions (the lexicon file is sorted by count, so they come first)."""
    sets = _static_lists()[1]
    found = []
    for word, count in load_lexicon().words.items():
        if len(count) < RARE_DIGITS:
            break
        if word.isalpha() and word == word.lower() and word not in sets:
            found.append(word)
    return frozenset(found)


def classify(distinct: Iterable[str], know: Knowledge) -> None:
    """:func:`token_kind` of every distinct token of the text, at once: the
    common lower-case words (most of a book's distinct tokens) are found by
    one set intersection, in C, and only the rest are asked one by one."""
    looks, ends = know.plain, know.ends
    common = _plain_common().intersection(distinct)
    looks.update(dict.fromkeys(common, False))
    ends.update(dict.fromkeys(common, False))
    plain, sets = _plain_common(), know.confusion_sets
    for text in distinct:
        if text not in looks:
            looks[text], ends[text] = quick_kind(text, plain, sets) or token_kind(text, know)


STOPS = frozenset(".!?:")


def quick_kind(text: str, plain: frozenset[str],
               sets: dict[str, tuple[str, ...]]) -> tuple[bool, bool] | None:
    """:func:`token_kind`'s answer for a common word capitalised or with
    one mark after it (``The``, ``war,``, ``Russia.``): a third of a book's
    distinct tokens, answered without splitting off the edges (``None``
    for any other token). ``plain``: :func:`_plain_common`.

    >>> know = knowledge("", Context())
    >>> [quick_kind(t, _plain_common(), know.confusion_sets) for t in ("Peace.", "war)", "In")]
    [(False, True), (False, False), None]

    A capital whose small letter may have been misread for it (``In``,
    ``War``: :func:`capital_i`, :func:`same_shape_capital`) is left to
    :func:`token_kind`.
    """
    core, last = text, ""
    if text[-1] in TRAILING:
        core, last = text[:-1], text[-1]
    if core.isalpha() and core.lower() in plain and core not in sets and \
            core[0] not in CASE_SHAPES:
        return False, last in STOPS
    return None


def scan_line(line: str, offset: int, know: Knowledge,
              texts: list[str] | None = None,
              classified: bool = False) -> tuple[list[Proposal], list[Flag]]:
    """Decide every word of one line (one paragraph in the final layout);
    ``texts``: its tokens, if found already (``classified``: and put
    through :func:`classify`). Only the tokens that need a look are
    visited (``list.index`` finds the next); whether a sentence starts at
    one depends on the token before it alone."""
    tokens = LineTokens(line, offset, texts)
    texts = tokens.texts
    looks, ends = know.plain, know.ends
    if not classified:
        classify(set(texts), know)
    look = list(map(looks.__getitem__, texts))
    proposals: list[Proposal] = []
    flags: list[Flag] = []
    taken = -1  # index of the last token an accepted proposal covers
    i = -1
    while True:
        try:
            i = look.index(True, i + 1)
        except ValueError:
            return proposals, flags
        if i <= taken:
            continue  # replaced already, with the word before it
        sentence_start = i == 0 or ends[texts[i - 1]]
        outcome = _decide(tokens, i, know, sentence_start, free_left=i - 1 - taken)
        if isinstance(outcome, Proposal):
            token = tokens[i]
            if outcome.start < token.start and proposals and proposals[-1].end > outcome.start:
                proposals.pop()
            proposals.append(outcome)
            taken = i + 1 if outcome.end > token.end else i
        elif isinstance(outcome, Flag):
            flags.append(outcome)


def _decide(tokens: list[Token], i: int, know: Knowledge, sentence_start: bool,
            free_left: int) -> Proposal | Flag | None:
    """What becomes of token ``i``; ``free_left``: how many tokens before it
    no accepted proposal covers (a join may take them in)."""
    token = tokens[i]
    if i > 0 and garbled_number_after_label(tokens[i - 1], token):
        return Flag(token.start, token.end, token.core, "number-after-label", 0.0,
                    f"'{tokens[i - 1].core} {token.core}': after '{tokens[i - 1].core}' a number "
                    "stands, which the OCR read as letters; not read as a word",
                    ("".join(DIGIT_FOR_LETTER[c] for c in token.core),))
    glued = glued_mark(token) if know.noisy else None
    if glued is not None:
        found = mark_for_letter(tokens, i, glued, know)
        if found is not None:
            return found
    if len(token.core) == 1:  # looked at only in a noisy text
        return lone_letter(tokens, i, know)
    if is_known(token.core, know):
        if not sentence_start and token.core[0] in CASE_SHAPES:
            found = capital_i(tokens, i, know) if token.core[0] == "I" else \
                same_shape_capital(tokens, i, know)
            if found:
                return found
        return real_word(tokens, i, know) or rare_word(tokens, i, know, sentence_start) or \
            context_word(tokens, i, know)
    parts = compound_parts(token.core)
    if parts is not None:
        return correct_parts(tokens, i, parts, know, sentence_start)
    joined = (join_pieces(tokens, i - 1, know) if free_left >= 1 else None) or \
        join_pieces(tokens, i, know) or \
        (join_three_pieces(tokens, i - 1, know) if free_left >= 1 else None) or \
        (join_three_pieces(tokens, i - 2, know) if free_left >= 2 else None)
    return joined or correct_word(tokens, i, know, sentence_start)


NUMBER_LABELS = frozenset(["chapter", "chap", "ch", "no", "nos", "p", "pp", "page", "part",
                           "vol", "section", "sec", "article", "art", "table", "fig", "clause"])
"""Words a number follows (``Chapter 10``, ``No. 12``, ``p. 14``)."""


def garbled_number_after_label(before: Token, token: Token) -> bool:
    """A token of digit-shaped letters (``lo``, ``l2`` read as letters)
    after a word that a number follows: the number misread, no word, so
    the spelling stage must not make one of it (``Chapter lo`` is not
    ``Chapter to``). A roman numeral (``Chapter IV``) is a number as printed.

    >>> t = LineTokens("in Chapter lo. and Part IV and No. Il", 0)
    >>> [garbled_number_after_label(t[k - 1], t[k]) for k in (2, 5, 8)]
    [True, False, True]
    """
    core = token.core
    return before.core.lower() in NUMBER_LABELS and 0 < len(core) <= 4 and \
        all(c in DIGIT_FOR_LETTER for c in core) and ROMAN.match(core) is None


POSSESSIVES = ("'s", "’s")
MIN_PART_LENGTH = 4
"""The shortest part of a compound that is read for a misreading: shorter
parts are as often the pieces of a word broken at a stray hyphen
(``sugge-ting``, ``Ij-mel``) as words of a compound."""


def compound_parts(core: str) -> list[tuple[int, str]] | None:
    """The words of a hyphenated compound or a possessive, each with its
    offset in ``core``, or ``None`` for any other core. The OCR misreads
    letters inside a compound as anywhere else (``Bathurst-streot``,
    ``boardlng-houso``, ``Queon's``), but the whole is seldom a lexicon
    word, so its parts are read one by one.

    >>> compound_parts("Bathurst-streot"), compound_parts("Queon's")
    ([(0, 'Bathurst'), (9, 'streot')], [(0, 'Queon')])
    >>> compound_parts("whicli"), compound_parts("-tho"), compound_parts("3-maiitcd")
    (None, None, None)
    """
    stem = core[:-2] if core.endswith(POSSESSIVES) else core
    if stem == core and "-" not in core:
        return None
    parts, offset = [], 0
    for part in stem.split("-"):
        if not part.isalpha() or len(part) == 1:
            return None  # a number, a mark or a lone letter: a broken word, not a compound
        parts.append((offset, part))
        offset += len(part) + 1
    return parts


def correct_parts(tokens: list[Token], index: int, parts: list[tuple[int, str]],
                  know: Knowledge, sentence_start: bool) -> Proposal | Flag | None:
    """:func:`correct_word` for each unknown part (``parts``:
    :func:`compound_parts`) of a compound or a possessive, read between the
    parts beside it (the first and last between the compound's own
    neighbours); the parts changed make one change, the least sure part its
    confidence. A compound with no change gives its first flag, if any."""
    token = tokens[index]
    possessive = token.core.endswith(POSSESSIVES)
    inner = [Token(token.start + offset, part,
                   token.lead if k == 0 else "",
                   (token.core[-2:] if possessive else "") + token.trail
                   if k == len(parts) - 1 else "")
             for k, (offset, part) in enumerate(parts)]
    before = [tokens[index - 1]] if index > 0 else []
    after = [tokens[index + 1]] if index + 1 < len(tokens) else []
    seen = [*before, *inner, *after]
    changed: list[Proposal] = []
    flags: list[Flag] = []
    for k, part in enumerate(inner):
        if len(part.core) < MIN_PART_LENGTH or is_known(part.core, know):
            continue
        outcome = correct_word(seen, len(before) + k, know, sentence_start and k == 0)
        if isinstance(outcome, Proposal) and " " not in outcome.replacement:
            changed.append(outcome)
        elif isinstance(outcome, Flag):
            flags.append(outcome)
    if not changed:
        return flags[0] if flags else None
    start, end = changed[0].start, changed[-1].end
    printed = token.core[start - token.start:end - token.start]
    text = printed
    for prop in reversed(changed):
        text = text[:prop.start - start] + prop.replacement + text[prop.end - start:]
    reasons = "; ".join(prop.reason for prop in changed)
    conf = min(prop.confidence for prop in changed)
    reading = {prop.start: prop.replacement for prop in changed}
    if not all(is_known(reading.get(part.start, part.core), know) for part in inner):
        # a part stays unknown: the whole is no surer a compound for the change
        return Flag(start, end, printed, changed[0].rule, round(conf, 3),
                    f"not changed (a part of '{token.core}' stays unknown): {reasons}", (text,))
    return Proposal(start, end, text, changed[0].rule, conf,
                    f"in the compound '{token.core}': {reasons}")


@lru_cache(maxsize=1)
def _static_lists() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    data = resources.files("clean_scan").joinpath("data")
    anachronisms = frozenset(
        w.strip().lower() for w in data.joinpath("anachronisms.txt").read_text("utf-8").split())
    sets: dict[str, tuple[str, ...]] = {}
    for line in data.joinpath("real-word-confusions.txt").read_text("utf-8").splitlines():
        printed, *misreadings = line.split()
        for word in misreadings:
            sets[word] = (*sets.get(word, ()), printed)
            if word.islower() and printed.islower():
                sets[word.capitalize()] = tuple(w.capitalize() for w in sets[word])
    return anachronisms, sets


def user_words(words: frozenset[str]) -> frozenset[str]:
    """The user's words as given and in lower case (candidates are compared
    in lower case).

    >>> sorted(user_words(frozenset({"Kharkoff"})))
    ['Kharkoff', 'kharkoff']
    """
    return frozenset(words) | frozenset(w.lower() for w in words)


def knowledge(text: str, context: Context, tokens: Iterable[str] | None = None,
              noise: float | None = None) -> Knowledge:
    """What the stage knows for this text: the lexicon, the confusion model
    and the votes of the document itself, to which a batch run with
    ``--learn-collection`` adds the words recurring across the collection.
    ``tokens``: the text's tokens, if split already (counted faster);
    ``noise``: how noisy the OCR is, if known already (else measured here,
    :func:`unknown_share`)."""
    doc = document_words(text, context, tokens)
    lexicon, extra = load_lexicon(), user_words(context.extra_words)
    doc_lower = lower_counts(doc)
    if noise is None:
        noise = unknown_share(doc_lower, lexicon, extra)
    collection = context.shared.get("collection_words")
    if collection:
        doc = doc + collection
        doc_lower = lower_counts(doc)
    anachronisms, sets = _static_lists()
    return Knowledge(lexicon, load_confusions(), doc, doc_lower, extra, anachronisms,
                     sets, context.min_confidence, noise=noise, text=text)


def look_for_noisy_text_words(distinct: Counter[str], know: Knowledge) -> None:
    """In a noisy text, mark for a look the known words :func:`context_word`
    may change, the lone small letters :func:`lone_letter` reads and the
    words with a glued mark :func:`mark_for_letter` reads (in a clean one
    none of them runs)."""
    if not know.noisy:
        return
    looks = know.plain
    for text in distinct:
        if not looks[text]:
            core = edges(text)[1]
            if len(core) == 1:
                looks[text] = text == core and core.islower() and core != "a"
            elif (core.isalpha() and core.islower() and frequent_misreadings(core, know)) or \
                    glued_mark(split_text(text, 0)) is not None:
                looks[text] = True


def lines_to_scan(tokens: list[list[str]], know: Knowledge) -> list[int]:
    """The lines holding a token that needs a look (a few in ten): the
    others would give nothing, and a set test in C passes each over
    without the line's tokens being visited in Python."""
    looked = frozenset(text for text, look in know.plain.items() if look)
    return [k for k, skip in enumerate(map(looked.isdisjoint, tokens)) if not skip]


SPLIT_ONLY = "\x1c\x1d\x1e\x1f"
"""The characters ``str.split`` parts words at and ``TOKEN_TEXTS`` does not
(besides the dashes, which ``split_lines`` turns into spaces); looked for
one by one with ``in`` (a scan in C forty times as fast as a regex class)."""


def split_lines(text: str) -> tuple[list[str], list[list[str]]]:
    """The text's lines, and each line's tokens (``TOKEN_TEXTS.findall``).
    With the dashes made spaces (one character for one: the offsets stay),
    ``str.split`` parts a line at exactly the same characters, three times
    as fast, unless the text holds one of ``SPLIT_ONLY`` (a test checks
    that the two agree on every character). The lines are given with the
    dashes made spaces: only their lengths and tokens are used."""
    if any(char in text for char in SPLIT_ONLY):
        lines = text.split("\n")
        return lines, [TOKEN_TEXTS.findall(line) for line in lines]
    lines = text.replace("—", " ").replace("–", " ").split("\n")
    return lines, [line.split() for line in lines]


def run(text: str, context: Context) -> StageResult:
    """Read every word; in a noisy text, read the words again with the
    corrections of the first reading in place (:func:`read_again`)."""
    first, know = read_words(text, context)
    if not know.noisy or not first.proposals:
        return foreign_words_kept(text, first, know)
    return foreign_words_kept(text, read_again(text, first, context, know), know)


def foreign_words_kept(text: str, result: StageResult, know: Knowledge) -> StageResult:
    """A word with letters beyond ASCII is a word of another language or a
    name (``Nîmes``, ``crème``, ``señor``), not a misreading, unless the
    evidence says so: it is changed only into itself without its accents,
    and only where that is a common English word or the text prints it
    elsewhere (``seéing``, ``carriéd``); in a very noisy text, where the OCR
    sets accents at random, as any other word. Any other change is flagged.

    >>> know = knowledge("seeing it", Context())
    >>> result = StageResult([Proposal(0, 6, "seeing", "r", 0.9, ""),
    ...                       Proposal(7, 12, "Names", "r", 0.9, "")])
    >>> kept = foreign_words_kept("seéing Nîmes", result, know)
    >>> [p.replacement for p in kept.proposals], [f.text for f in kept.flags]
    (['seeing'], ['Nîmes'])
    """
    proposals, flags = [], list(result.flags)
    for prop in result.proposals:
        before = text[prop.start:prop.end]
        if know.very_noisy or not accented(before) or (prop.replacement == without_accents(before)
                                and (know.doc[prop.replacement] > 0
                                     or know.lexicon.common(prop.replacement))):
            proposals.append(prop)
        else:
            flags.append(Flag(prop.start, prop.end, before, prop.rule, round(prop.confidence, 3),
                              "not changed: a word with accents is a foreign word or a name "
                              f"unless the text says otherwise; {prop.reason}",
                              (prop.replacement,)))
    return StageResult(proposals, flags)


def accented(word: str) -> bool:
    """Whether a letter of the word lies beyond ASCII (``Nîmes``; a mark
    such as ``¢`` or ``«`` is the OCR's, and says nothing).

    >>> accented("Nîmes"), accented("¢s!ablished"), accented("earning«")
    (True, False, False)
    """
    return not word.isascii() and any(c.isalpha() and not c.isascii() for c in word)


def without_accents(word: str) -> str:
    """The word with its letters' accents taken off (``seéing`` -> ``seeing``)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_words(text: str, context: Context,
               first: Knowledge | None = None) -> tuple[StageResult, Knowledge]:
    """One reading of the text's words: the proposals at or above the
    threshold, and flags for the rest. ``first``: what an earlier reading
    of the text knew, whose candidates this one takes over."""
    lines, tokens = split_lines(text)  # split once, for both uses
    distinct = Counter(chain.from_iterable(tokens))  # counted once, for both uses
    # a second reading of a very noisy text keeps the first one's noise: that
    # is the OCR's, and the words still unknown once the first reading's
    # corrections are in are no likelier printed for it (on the newspapers,
    # 7 more words right). Below a tenth the corrected text is measured
    # afresh: kept there, the real-word rule's second look read the added-
    # noise book's "to mould the" as "would" in 4 of 42 draws
    know = knowledge(text, context, distinct,
                     first.noise if first is not None and first.very_noisy else None)
    if first is not None:
        know.take_candidates(first)
    classify(distinct, know)
    look_for_noisy_text_words(distinct, know)
    proposals: list[Proposal] = []
    flags: list[Flag] = []
    starts = list(accumulate(map(len, lines), initial=0))  # line k starts at starts[k] + k
    for k in lines_to_scan(tokens, know):
        found, flagged = scan_line(lines[k], starts[k] + k, know, tokens[k], classified=True)
        for prop in found:
            if prop.confidence >= context.min_confidence:
                proposals.append(prop)
            else:
                flags.append(Flag(prop.start, prop.end, text[prop.start:prop.end], prop.rule,
                                  round(prop.confidence, 3),
                                  f"not changed (confidence below threshold): {prop.reason}",
                                  (prop.replacement,)))
        flags.extend(flagged)
    return StageResult(proposals, flags), know


SECOND_READING = "; read again once its neighbours were corrected"


def read_again(text: str, first: StageResult, context: Context,
               known: Knowledge) -> StageResult:
    """The first reading's proposals, and what a second reading of the
    corrected text changes. In OCR this bad a word's neighbours are often
    misread too, so the first reading weighs it against garbles; with them
    corrected, the bigrams and the document's counts speak (on the
    newspapers a second reading fixed about 60 more words and harmed none;
    a third added a tenth of that). A word the second reading changes again
    gets the second reading only; a first-reading flag on a word the second
    reading changes goes. The second reading takes the first one's
    candidates (``known``): the document's words hardly change between the
    two, and finding candidates is most of a reading's time."""
    applied = sorted(first.proposals, key=attrgetter("start"))
    corrected = Document.from_raw(text)  # its piece map takes spans back to ``text``
    corrected.splice(applied)
    second, _ = read_words(corrected.text, context, known)
    index = {(prop.start, prop.end): k for k, prop in enumerate(applied)}
    starts = [prop.start for prop in applied]
    added, replaced = [], set()
    for prop in second.proposals:
        start, end = corrected.raw_span(prop.start, prop.end)
        again = index.get((start, end))
        reason = prop.reason + SECOND_READING
        if again is not None:
            replaced.add(again)
            reason += f" (first read as '{applied[again].replacement}')"
        elif _overlaps_one(applied, starts, start, end):
            continue  # it takes in a word the first reading changed, and more
        added.append(prop._replace(start=start, end=end, reason=reason))
    if not added:
        return first
    kept = [prop for k, prop in enumerate(applied) if k not in replaced]
    flags = [flag for flag in first.flags
             if not any(flag.start < prop.end and prop.start < flag.end for prop in added)]
    return StageResult(sorted(kept + added, key=attrgetter("start")), flags)


def _overlaps_one(applied: list[Proposal], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``applied`` (sorted, not
    overlapping; ``starts``: their starts)."""
    i = bisect_right(starts, start) - 1
    return (i >= 0 and start < applied[i].end) or (i + 1 < len(applied) and starts[i + 1] < end)


STAGE = Stage("spelling", "corrects misread words against the era lexicon and the "
              "document's own vocabulary, ranked by an OCR confusion model", run)
