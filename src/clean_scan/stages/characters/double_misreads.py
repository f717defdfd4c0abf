"""Double misreads: a word with an engine's unread glyph (``_``) and one
more letter misread, which no single learned substitution makes known,
read as the word the document prints often that it is nearest to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from string import ascii_lowercase
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clean_scan.lexicon import load_lexicon

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


MERGED_MIN_LENGTH = 4
"""The shortest word an unread glyph is read in as two letters."""
LEXICON_MARGIN = 10
"""How many times as common in the lexicon as any other reading the one
taken must be, where the document prints none of them."""


def merged_glyphs(words: list[str], readings: Counter[str],
                  between: Callable[[str, str, tuple[int, ...]], list[str]]) -> dict[str, str]:
    """Words whose one unread glyph (``_``) no single letter reads, read
    with two letters for it: the engine took two letters set close for one
    glyph it could not read (a ligature, ``fi``; a kerned pair, ``rw``,
    ``az``): ``_ctitious`` is ``fictitious``, ``No_ay`` is ``Norway``. The
    reading (``between(head, tail, lengths)``: the lexicon's words so made,
    kept where common or printed by the document, ``readings``) must be
    the only one, or the one the document prints
    ``DOUBLE_MARGIN`` times as often as any other, or ``LEXICON_MARGIN``
    times as common as any other.

    >>> def between(head, tail, lengths):
    ...     words = ["fictitious", "norway", "bread", "break", "breed", "relic"]
    ...     return [w for w in words if w.startswith(head) and w.endswith(tail)
    ...             and len(w) in lengths]
    >>> merged_glyphs(["_ctitious", "No_ay", "brea_", "su_", "re_c"],
    ...               Counter({"fictitious": 1}), between)
    {'_ctitious': 'fictitious', 'No_ay': 'norway'}

    Left alone: a word with a common reading of one letter for the glyph
    (``brea_``: ``bread``, ``break``; the learned substitutions' question),
    a word of under ``MERGED_MIN_LENGTH`` letters read so (``su_``), a
    reading neither common nor printed in the document (``re_c``: relic),
    two readings equally likely.
    """
    lexicon = load_lexicon()
    found = {}
    for word in words:
        if word.count("_") != 1 or len(word) + 1 < MERGED_MIN_LENGTH:
            continue
        if any(lexicon.common(word.replace("_", c)) for c in ascii_lowercase):
            continue
        head, tail = (part.lower() for part in word.split("_"))
        if not (head + tail).isalpha():
            continue
        candidates = [c for c in between(head, tail, (len(word) + 1,))
                      if lexicon.common(c) or readings[c]]
        if len(candidates) == 1:
            found[word] = candidates[0]
            continue
        for counts, margin in ((readings, DOUBLE_MARGIN), (Counter(
                {c: lexicon.count(c) for c in candidates}), LEXICON_MARGIN)):
            ranked = sorted(candidates, key=lambda c, counts=counts: -counts[c])
            if ranked and counts[ranked[0]] > 0 and \
                    counts[ranked[0]] >= margin * counts[ranked[1]]:
                found[word] = ranked[0]
                break
    return found
