"""A small ``l`` read as a capital inside a sentence.

The ``l`` is a bare upright: where its foot or a speck beside it prints,
Tesseract reads a ``J`` or a ``T`` (``Jargely``, ``Tost``, ``standard of
Jiving``, ``not Jess important``), and the word stands capitalised where
the sentence runs on, looking like a name. A name keeps its place in the
sentence's grammar; a misread ``l`` word fits the words beside it.
"""

from __future__ import annotations

from clean_scan.document import Proposal
from clean_scan.stages.spelling.candidates import neighbour
from clean_scan.stages.spelling.known import proper_names
from clean_scan.stages.spelling.known_words import in_title, seen_pairs
from clean_scan.stages.spelling.model import Knowledge, LineTokens, Token  # noqa: F401

L_CAPITALS = "JT"
"""The capitals an engine gives for a small ``l`` with a foot or a speck."""


def capital_for_small_l(tokens: list[Token], index: int, know: Knowledge) -> Proposal | None:
    """A capitalised word inside a sentence, between words in small letters,
    whose capital is one an engine gives for ``l`` (``J``, ``T``), becomes
    the common word an ``l`` makes of it; where the word as printed is a
    name (``Jess``, ``Jed``), only if the word bigrams attest the reading
    beside both its neighbours, and where it is a rare word (``Tater``,
    ``Tost``), beside one (an unknown one, ``Jargely``, is no word to keep,
    and the bigram list lacks most pairs of rarer words: ``so largely``);
    and the text prints the capitalised form nowhere else (a name recurs).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("", Context())
    >>> capital_for_small_l(LineTokens("it could do so Jargely because", 0), 4, know).replacement
    'largely'
    >>> capital_for_small_l(LineTokens("and not Jess important", 0), 2, know).replacement
    'less'
    >>> capital_for_small_l(LineTokens("and Tater be extended", 0), 1, know).replacement
    'later'

    Left alone: a name in a title or before a capital, and a word whose
    ``l`` reading is rare or unattested beside its neighbours.

    >>> capital_for_small_l(LineTokens("he told Jess that", 0), 2, know) is None
    True
    >>> capital_for_small_l(LineTokens("the Treaty of Tilsit", 0), 3, know) is None
    True
    """
    token = tokens[index]
    core = token.core
    if not may_be_small_l(core, know):
        return None
    reading, printed = "l" + core[1:], core.lower()
    left, right = neighbour(tokens, index, -1), neighbour(tokens, index, 1)
    if left is None or not left.islower() or (right is not None and not right.islower()):
        return None
    if in_title(tokens, index):
        return None
    name = printed in proper_names()
    if (name or printed in know.lexicon) and \
            seen_pairs(reading, left, right or "", know) < (2 if name else 1):
        return None  # a name wants both pairs, a rare word (``Tater``, ``Tost``) one
    return Proposal(token.start, token.end, reading, "capital-for-small-l", 0.9,
                    f"'{left} {core}': inside a sentence a small 'l' read as '{core[0]}'; "
                    f"'{reading}' fits the words beside it")


def may_be_small_l(core: str, know: Knowledge) -> bool:
    """The tests of :func:`capital_for_small_l` that the word alone answers:
    a capital an engine gives for ``l``, small letters after it, a common
    word with ``l`` for it, no common word as printed but a name (``Take``
    is no misreading), and no second use in the text."""
    if len(core) < 3 or core[0] not in L_CAPITALS or not core[1:].islower() or \
            core in know.extra:
        return False
    printed = core.lower()
    if not know.lexicon.common("l" + core[1:]) or (
            know.lexicon.common(printed) and printed not in proper_names()):
        return False
    return know.doc.get(core, 0) <= 1
