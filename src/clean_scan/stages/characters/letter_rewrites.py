"""Rewrites of two or three small letters that an engine misreads
together, for :mod:`.learned` to weigh: a letter lost between two
(``realiy`` for ``reality``), one letter split in two (``allonring`` for
``allowing``), a letter added between two (``paurty`` for ``party``).
Small letters are otherwise misread one at a time, and each of these makes
a known word only where the word around them is one."""

from __future__ import annotations

from clean_scan.lexicon import load_lexicon
from clean_scan.stages.characters.words_between import known_between

MIN_LETTERS = 4
"""The shortest known word a rewrite must make to teach a substitution:
three letters leave too many rewrites open to a chance one."""


def lost_letters(word: str, at: int, head: str, tail: str) -> set[tuple[int, str, str]]:
    """The rewrites of the two small letters at ``at`` into three, one lost
    between them put back, that make a known word (``realiy``: ``iy`` is
    ``ity``, an engine that loses the ``t`` of ``ity`` in one face).

    >>> sorted(lost_letters("realiy", 4, "real", ""))
    [(4, 'iy', 'ity')]
    """
    pair, size = word[at:at + 2], len(word) + 1  # the lost letter alone between the two
    found = known_between(head + pair[0], pair[1] + tail, (size,)) if size >= MIN_LETTERS else []
    return {(at, pair, known[at:at + 3]) for known in found}


def split_letter(word: str, at: int, head: str, tail: str) -> set[tuple[int, str, str]]:
    """The rewrites of the two small letters at ``at`` into one letter the
    engine split in two, where that makes a known word (``allonring``:
    ``nr`` is ``w``, GOCR's reading of a ``w`` in some faces).

    >>> sorted(split_letter("allonring", 4, "allo", "ing"))  # which, other words tell
    [(4, 'nr', 'w'), (4, 'nr', 'y')]
    """
    pair, size = word[at:at + 2], len(word) - 1
    found = known_between(head, tail, (size,)) if size >= MIN_LETTERS else []
    return {(at, pair, known[at]) for known in found if known[at] not in pair}


def added_letters(word: str, at: int, head: str, tail: str) -> set[tuple[int, str, str]]:
    """The rewrite of the three small letters at ``at`` into the two around
    a letter the engine added between them, where that makes a known word
    (``paurty``: ``aur`` is ``ar``, GOCR's reading of ``ar`` in some faces).

    >>> sorted(added_letters("paurty", 1, "p", "ty"))
    [(1, 'aur', 'ar')]
    """
    three = word[at:at + 3]
    known = head + three[0] + three[2] + tail
    return {(at, three, three[0] + three[2])} if len(known) >= MIN_LETTERS and \
        known in load_lexicon().words else set()


def puts_back(src: str, letters: str) -> bool:
    """Whether a rewrite puts back a letter lost between two (``iy`` for
    ``ity``) or takes out one added (``aur`` for ``ar``): the two are read,
    so no speck."""
    if len(src) == 3 and len(letters) == 2:
        return src[0] + src[2] == letters
    return len(src) == 2 and len(letters) == 3 and letters[0] + letters[2] == src
