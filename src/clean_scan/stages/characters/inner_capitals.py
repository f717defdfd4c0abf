"""A capital after a small letter inside a common word: the small letter,
read as its capital (``subSequent``, ``oF``).

Print sets a capital after a small letter only in names (``McKay``,
``MacDonald``); an engine reads a small letter as its capital where the two
share a shape (``s`` and ``S``, ``o`` and ``O``) or nearly. A word whose
letters, in their usual case, spell a common word that is no name is that
word misread.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import load_lexicon, proper_names
from clean_scan.stages.characters.lines import Lines

INNER_CAPITAL_WORD = regex.compile(
    r"(?<![\p{L}\p{N}'’])\p{L}\p{Ll}*(?<=\p{Ll})\p{Lu}\p{L}*(?![\p{L}\p{N}])")
"""A word with a capital after a small letter."""
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
    capital = next(b for a, b in zip(word, word[1:], strict=False) if a.islower() and b.isupper())
    return len(doc.inner_capital_words(capital)) >= HABIT_WORDS


CAPITALS_WORD = regex.compile(r"\p{Lu}{2,}")
WORD = regex.compile(r"\p{L}+")


def _among_capitals(line: str, start: int, end: int, doc: Lines) -> bool:
    """Whether the word before or after ``line[start:end]`` (across the
    line's ends) is in capitals: a heading's word."""
    before = WORD.findall(line[:start]) or WORD.findall(doc.line(-1))
    after = WORD.findall(line[end:]) or WORD.findall(doc.line(1))
    return any(CAPITALS_WORD.fullmatch(w) for w in before[-1:] + after[:1])
