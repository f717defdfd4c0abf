"""What the document's own counts say of a form the lexicon may know: the
words it prints that the form is one misreading from. OCR repeats its
misreadings, so a form's recurrence vouches for it only where no word
near it is printed far more often."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from clean_scan.lexicon import MIN_CANDIDATE_DIGITS
from clean_scan.stages.spelling.model import HARMONIC_MAX_CONFUSION

if TYPE_CHECKING:
    from clean_scan.stages.spelling.model import Knowledge


OUTNUMBERED = 50
"""How many times as often as a form the document must print a word one
classic confusion from it for the form's recurrence to vouch for nothing."""


def outnumbered(lower: str, know: Knowledge) -> bool:
    """Whether the document prints a word one classic confusion from
    ``lower`` ``OUTNUMBERED`` times as often: ``che`` four times beside
    ``the`` a thousand is the engine's steady misreading, not a word of the
    text (an engine misreads one word in a few hundred so).

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> text = "the men and the war " * 80 + "che end, che day, che war"
    >>> outnumbered("che", knowledge(text, Context()))
    True
    >>> outnumbered("che", knowledge("the war " * 20 + "che end, che day, che war", Context()))
    False
    """
    uses = OUTNUMBERED * know.doc_lower.get(lower, 0)
    return any(know.doc_lower.get(form, 0) >= uses
               for form in know.model.variants(lower, two_ops=False, generic=False))


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

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("Creek Creek Cieek Cieek", Context())
    >>> document_neighbours("Cieek", know)
    ['creek']

    A word printed a third as often as the form or less is none:

    >>> know = knowledge("the men were there " * 40 + "Pts Pts " + "Pte " * 21, Context())
    >>> document_neighbours("Pte", know)
    []
    """
    lower = core.lower()
    if lower in know.lexicon.words:
        return []
    # an engine reads a word rightly more often than it repeats a misreading
    # of it (``ete`` thrice beside ``etc`` twice may be one; see MISREAD_SHARE)
    uses = 0 if know.very_noisy else max(2, math.ceil(know.doc_lower[lower] / MISREAD_SHARE))
    near = [form for form, cost in know.model.variants(lower, two_ops=False, generic=False).items()
            if cost <= HARMONIC_MAX_CONFUSION and know.doc_lower[form] >= uses
            and know.lexicon.count(form) >= DOC_NEIGHBOUR_MIN_COUNT]
    return near or outvoting_neighbours(lower, know)


MISREAD_SHARE = 3
"""How many times as often as a word a text may print one misreading of it."""
OUTVOTING_MIN_LENGTH = 7
"""The shortest recurring form a word two edits from it may outvote: a
long word has few near neighbours by chance."""
OUTVOTING_RATIO = 2
"""How many times as often as the form the document must print the word."""


def outvoting_neighbours(lower: str, know: Knowledge) -> list[str]:
    """Common words of the lexicon, two letter edits at most from a long
    recurring unknown form, that the document prints twice as often as it
    (``mowledge`` 17 times beside ``knowledge`` 49: an engine that reads
    ``kn`` as ``m`` in one face, a confusion no table holds). OCR repeats
    its misreadings; a word printed so seldom beside its near twin is one.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("knowledge " * 6 + "mowledge " * 3 + "Bukharin " * 3, Context())
    >>> outvoting_neighbours("mowledge", know), outvoting_neighbours("bukharin", know)
    (['knowledge'], [])
    """
    uses = know.doc_lower.get(lower, 0)
    if len(lower) < OUTVOTING_MIN_LENGTH or not uses:
        return []
    return [form for form, n in know.doc_lower.items()
            if n >= OUTVOTING_RATIO * uses and abs(len(form) - len(lower)) <= 2
            and len(know.lexicon.words.get(form, "")) > MIN_CANDIDATE_DIGITS
            and Levenshtein.distance(form, lower, score_cutoff=2) <= 2]
