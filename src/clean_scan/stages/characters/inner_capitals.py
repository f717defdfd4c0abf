"""A capital after a small letter inside a word: the small letter read as
its capital (``subSequent``, ``oF``), or small letters an engine read as one
glyph (``chieRy``, ``MaMist``).

Print sets a capital after a small letter only in names (``McKay``,
``MacDonald``); an engine reads a small letter as its capital where the two
share a shape (``s`` and ``S``, ``o`` and ``O``) or nearly. A word whose
letters, in their usual case, spell a common word that is no name is that
word misread.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import load_lexicon, proper_names
from clean_scan.stages.characters.lines import LETTERS, Lines
from clean_scan.stages.characters.words_between import known_between

INNER_CAPITAL_WORD = regex.compile(
    r"(?<![\p{L}\p{N}'’])\p{L}\p{Ll}*(?<=\p{Ll})\p{Lu}\p{L}*(?![\p{L}\p{N}])")
"""A word with a capital after a small letter."""
INNER_CAPITAL_NEEDLE = regex.compile(r"\p{Ll}\p{Lu}")
"""What every :data:`INNER_CAPITAL_WORD` holds, found far faster in a whole
text: the rules' gate."""
OWN_FORM_USES = 2
"""How often a text must print the mixed form for it to be the text's own
(a name spelt so, ``McKay``)."""


def inner_capital(line: str, doc: Lines) -> list[Proposal]:
    """Each word with a capital after a small letter that, in its usual
    case (the first letter as printed, the rest small; a name's word
    capitalised), is a common word, and that the text does not print so
    again.

    >>> from clean_scan.stages.characters import show
    >>> show(inner_capital, "Hitler's subSequent assault on rUssian soil, instead oF the")
    "Hitler's subsequent assault on Russian soil, instead of the"

    Among words in capitals (a heading) it is set in capitals.

    >>> show(inner_capital, "THE PROBLEM oF MODERNISATION")
    'THE PROBLEM OF MODERNISATION'

    Left alone: a capitalised word whose letters spell a name (``McKay``,
    ``MacDonald``; so ``RuSsian`` too), a word whose letters make no common
    word (``aaMisation``), a form the text prints again, and a capital the
    text glues inside three different words or more (an engine's habit:
    Ocrad's ``R`` for ``ff``, read by the learned substitutions).

    >>> show(inner_capital, "McKay and MacDonald on aaMisation")
    'McKay and MacDonald on aaMisation'
    >>> show(inner_capital, "the BoPs and the BoPs")
    'the BoPs and the BoPs'
    >>> show(inner_capital, "an eRect diRerence, an eRort")
    'an eRect diRerence, an eRort'
    """
    lexicon, names = load_lexicon(), proper_names()
    fixes = []
    for m in INNER_CAPITAL_WORD.finditer(line):
        word = m.group()
        lower = word.lower()
        if not lexicon.common(lower) or doc.count_as_printed(word) >= OWN_FORM_USES or \
                (word[0].isupper() and lower in names) or \
                _habitual_capital(word, doc):
            continue  # a name may be spelt with a capital inside (``McKay``)
        if _among_capitals(line, m.start(), m.end(), doc):
            read = word.upper()
        elif lower in names:  # a name's word (``Russian``) is capitalised
            read = lower.capitalize()
        else:
            read = word[0] + word[1:].lower()
        fixes.append(Proposal(m.start(), m.end(), read, "inner-capital", 0.85,
                              f"'{word}': a capital after a small letter, set so only in names; "
                              f"'{read}' misread"))
    return fixes


HABIT_WORDS = 3
"""How many different words holding one capital after a small letter show
an engine's habit (GNU Ocrad's ``R`` for ``ff``: ``diRerent``, ``eRect``),
which the learned substitutions read: there the capital is no small
letter misread (``eRect`` is ``effect``, not ``erect``)."""


def _habitual_capital(word: str, doc: Lines) -> bool:
    """Whether the document glues the capital inside ``word`` after a small
    letter in ``HABIT_WORDS`` different words or more."""
    capital = word[_capital_at(word)]
    return len(_inner_capital_words(doc.text).get(capital, ())) >= HABIT_WORDS


def _capital_at(word: str) -> int:
    """Where the first capital after a small letter stands in ``word``."""
    return next(k for k in range(1, len(word)) if word[k - 1].islower() and word[k].isupper())


@lru_cache(maxsize=4)
def _inner_capital_words(text: str) -> dict[str, set[str]]:
    """The text's different words holding a capital after a small letter,
    by that capital (``diRerent`` and ``eRect`` under ``R``), found in one
    pass (a text's hash is kept, so asking again costs nothing)."""
    found: dict[str, set[str]] = defaultdict(set)
    for m in INNER_CAPITAL_IN_TEXT.finditer(text):
        found[m.group("capital")].add(m.group())
    return found


INNER_CAPITAL_IN_TEXT = regex.compile(r"\p{L}*\p{Ll}(?P<capital>\p{Lu})\p{L}*")


CAPITALS_WORD = regex.compile(r"\p{Lu}{2,}")


def _among_capitals(line: str, start: int, end: int, doc: Lines) -> bool:
    """Whether the word before or after ``line[start:end]`` (across the
    line's ends) is in capitals: a heading's word."""
    before = LETTERS.findall(line[:start]) or LETTERS.findall(doc.line(-1))
    after = LETTERS.findall(line[end:]) or LETTERS.findall(doc.line(1))
    return any(CAPITALS_WORD.fullmatch(w) for w in before[-1:] + after[:1])


GLYPH_WORD = 5
"""The shortest word read so on the lexicon alone: in a shorter one a single
common reading is as likely chance (``GuJu``, GOCR's garble, is no
``Guru``), and only a reading the document prints is taken."""


def inner_capital_glyph(line: str, doc: Lines) -> list[Proposal]:
    """A word no lexicon knows, with a capital after a small letter whose
    letters in their usual case make no word either: the capital stands for
    one to three small letters the engine read as one glyph (``chieRy``,
    ``MaMist``, ``superioriS``). Where exactly one such reading is a common
    word (in a word of ``GLYPH_WORD`` letters or more), or exactly one of
    several is a word the document prints, it is that word.

    >>> from clean_scan.stages.characters import show
    >>> show(inner_capital_glyph, "the chieRy Marxist aim, the MaMist view, superioriS")
    'the chiefly Marxist aim, the Marxist view, superiority'

    Left alone: a capital several words could stand for and the document
    prints none of (``heaW``), a word in its usual case (``inner-capital``'s),
    and a name the lexicon knows (``McKay``).

    >>> show(inner_capital_glyph, "a heaW load for McKay and subSequent years")
    'a heaW load for McKay and subSequent years'
    """
    lexicon = load_lexicon()
    fixes = []
    for m in INNER_CAPITAL_WORD.finditer(line):
        word = m.group()
        if word.lower() in lexicon:
            continue  # a known word, misread in case alone, or a name
        readings = _glyph_readings(word)
        if len(readings) > 1 or len(word) < GLYPH_WORD:
            readings = [r for r in readings if doc.counts.get(r.lower(), 0) > 0]
        if len(readings) == 1:
            fixes.append(Proposal(m.start(), m.end(), readings[0], "inner-capital-glyph", 0.85,
                                  f"'{word}': a capital inside a word, read for small letters "
                                  f"that make only '{readings[0]}'"))
    return fixes


def _glyph_readings(word: str) -> list[str]:
    """The common words (a million uses) made by putting one to three small
    letters for the first capital after a small letter in ``word`` (not its
    own small letter: a case misread is ``inner-capital``'s), found by head
    and tail (:func:`~clean_scan.stages.characters.words_between.known_between`)."""
    at = _capital_at(word)
    head, tail = word[:at], word[at + 1:]
    own, common = head.lower() + word[at].lower() + tail.lower(), load_lexicon().common
    return [head + known[at:len(known) - len(tail)] + tail
            for known in known_between(head.lower(), tail.lower())
            if known != own and common(known)]
