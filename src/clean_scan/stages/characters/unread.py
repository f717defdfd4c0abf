"""Letters a document never prints: an engine that reads another for
each of them (GOCR's ``h`` for ``k`` in some faces: ``worhers``; Ocrad's
``k`` for Pagella's ``R``: ``keport``), which the learned substitutions
may then read back, in words in capitals too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from string import ascii_lowercase

from clean_scan.document import Proposal

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


def capitals_read(support: dict[tuple[str, str], int], rewrites: Mapping[str, object],
                  places: dict[str, list[int]]) -> list[Proposal]:
    """A word in capitals whose small letters are each the one the document
    teaches (``support``: the learned substitutions) for a capital it never
    prints (``MOkETON``, ``kOBEkTS``: Ocrad's ``k`` for Pagella's ``R``),
    read with those capitals, a name no list knows too: type of one case
    does not mix, and the document says which capital each small letter
    stands for. ``rewrites``: the words another reading has already;
    ``places``: where each printed word stands.

    >>> found = capitals_read({("k", "R"): 4}, {}, {"MOkETON": [3], "kose": [9]})
    >>> [(p.start, p.replacement) for p in found]
    [(3, 'MORETON')]
    """
    capital_for = {src: letters for src, letters in support
                   if len(src) == len(letters) == 1 and src.islower() and letters.isupper()}
    found = []
    for printed, starts in places.items():
        small = [c for c in printed if c.islower()]
        if not capital_for or rewrites.get(printed) is not None or not printed.isalpha() or \
                sum(map(str.isupper, printed)) < 2 * len(small) + 1 or \
                not all(c in capital_for for c in small):
            continue
        reading = "".join(capital_for.get(c, c) for c in printed)
        found += [Proposal(start, start + len(printed), reading, "learned-substitution", 0.9,
                           f"'{printed}': a word in capitals, its small letters the ones this "
                           "document's engine prints for capitals it never prints")
                  for start in starts]
    return found
