"""The noisy channel's setting for a text: how noisy it is, and so how
bold the correction may be."""

from __future__ import annotations

import math
from collections import Counter

from clean_scan.lexicon import (
    Lexicon,
    known_form,
)
from clean_scan.stages.spelling.model import (
    CONTEXT_DOC_VOTES,
    CONTEXT_MAX_COUNT,
    CONTEXT_RATIO,
    HARMONIC_MAX_CONFUSION,
    NOISE_PRIOR,
    NOISE_PRIOR_WORDS,
    NOISE_REFERENCE,
    NOISE_WEIGHT,
    NOISY_TEXT,
    Knowledge,
)


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
