"""Letters a document never prints: an engine that reads another for
each of them (GOCR's ``h`` for ``k`` in some faces: ``worhers``; Ocrad's
``k`` for Pagella's ``R``: ``keport``), which the learned substitutions
may then read back."""

from __future__ import annotations

from collections import Counter
from string import ascii_lowercase

UNREAD_SHARE = 0.001
"""A small letter the document prints less often than this share of its
small letters it does not read: English prints every letter but ``j``,
``q``, ``x`` and ``z`` more often than one in a thousand."""
COMMON_CAPITALS = "ABCDEFGHILMNOPRSTW"
"""Capitals English print opens words with often enough (names, sentences,
headings) that a text with ``CAPITALS_MIN`` of them and none of one has an
engine reading that one as something else."""
CAPITALS_MIN = 300
"""The fewest capitals a text must print for a missing one to say so."""


def unread_letters(counts: Counter[str]) -> frozenset[str]:
    """The letters a text (its characters counted) (nearly) never prints,
    in a text long enough to print each of them: small letters, and the
    common capitals it prints none of.

    >>> text = ("the worhers of the borough had no marhet, but the people joined "
    ...         "the union quichly and fixed a prize on every vote. ")
    >>> sorted(unread_letters(Counter(text * 100)))
    ['k']
    >>> text = ("Ann Bob Cal Dan Eve Fay Gus Hal Ivy Lee Max Ned Oto Pat Sam Tom Wes saw "
    ...         "the quick brown fox jump over the lazy dog. ")
    >>> sorted(unread_letters(Counter(text * 20)))
    ['R']
    """
    total = sum(counts[c] for c in ascii_lowercase)
    if total * UNREAD_SHARE < 1:
        return frozenset()
    small = {c for c in ascii_lowercase if counts[c] < UNREAD_SHARE * total}
    capitals = sum(counts[c] for c in ascii_lowercase.upper())
    if capitals >= CAPITALS_MIN:
        small |= {c for c in COMMON_CAPITALS if not counts[c]}
    return frozenset(small)
