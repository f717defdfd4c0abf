"""Double misreads: a word with an engine's unread glyph (``_``) and one
more letter misread, which no single learned substitution makes known,
read as the word the document prints often that it is nearest to."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

if TYPE_CHECKING:
    from clean_scan.stages.characters.learned import Taught

DOUBLE_MIN_USES = 5
"""How often the document must print the word a double misread is read as."""
DOUBLE_MARGIN = 3
"""How many times as often as any other word so reached it must be printed."""
DOUBLE_MIN_LENGTH = 4
"""The shortest word read so: a short one has too many neighbours."""


def double_misreads(words: list[str], taught: Taught,
                    readings: Counter[str]) -> dict[str, tuple[str, int]]:
    """Words with the engine's mark for an unread glyph (``_``) that no
    taught substitution makes known, read as the word the document prints
    often (``readings``: its words in small letters, counted as read, the
    learned rewrites made) that a taught substitution for the glyph and one
    more letter lost, added or misread make of them: ``_ary`` is ``party``
    where the engine reads ``P`` as ``_`` and, in a face that sets ``r``
    and ``t`` close, runs them into one. The word must be printed
    ``DOUBLE_MIN_USES`` times and ``DOUBLE_MARGIN`` times as often as any
    other so reached; given with its count.

    >>> from clean_scan.stages.characters.learned import Taught
    >>> taught = Taught({("_", "p"): 4, ("_", "w"): 3})
    >>> readings = Counter({"party": 20, "could": 9, "would": 8, "pay": 2})
    >>> double_misreads(["_ary", "_ould", "_ay"], taught, readings)
    {'_ary': ('party', 20)}

    Left alone: a word two such words are equally near (``_ould``: could,
    would), and a short one (``_ay``).
    """
    found = {}
    vocabulary = [word for word, n in readings.items() if n >= DOUBLE_MIN_USES]
    for word in words:
        reached: dict[str, int] = {}
        for src, letters in taught.support:
            if "_" not in src or src not in word:
                continue
            near = word.replace(src, letters, 1).lower()
            if len(near) < DOUBLE_MIN_LENGTH or "_" in near:
                continue
            for reading, _, _ in process.extract(near, vocabulary, scorer=Levenshtein.distance,
                                                score_cutoff=1, limit=None):
                if reading != near:
                    reached[reading] = readings[reading]
        ranked = sorted(reached.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] >= DOUBLE_MARGIN * ranked[1][1]):
            found[word] = ranked[0]
    return found
