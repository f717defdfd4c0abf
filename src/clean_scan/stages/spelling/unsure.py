"""Corrections made but not surely: flagged for the reviewer, so that the
changes most likely wrong are found where the doubts are, not only among
the words left as read."""

from __future__ import annotations

from clean_scan.document import Flag, Proposal
from clean_scan.lexicon import proper_names
from clean_scan.stage import StageResult
from clean_scan.stages.spelling.model import Knowledge

UNSURE_CONFIDENCE = 0.95
"""A correction made with less confidence than this is flagged: on the
looked-at pamphlets, more than half of those were wrong (26 of 44), against
one in six of the others."""
UNSURE_CONFUSION_COST = 9.0
"""A misreading whose confusions cost this much or more (beyond two of the
classic ones: ``pagt`` for ``part``, ``understand>ft``) is flagged, unless
the document prints the word it reads elsewhere: of all such corrections
on the looked-at pamphlets, half were wrong (29 of 56)."""
MISREADING = "ocr-misreading"


def unsure_corrections(text: str, result: StageResult, know: Knowledge) -> StageResult:
    """The stage's result, with a flag on each correction it makes but is
    not sure of (:func:`unsure`), offering the word as read and the other
    readings: the reviewer who rejects it gets the print back.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("the end", Context())
    >>> result = StageResult([Proposal(0, 4, "part", MISREADING, 0.99, "", ("part", "page")),
    ...                       Proposal(5, 9, "rain", MISREADING, 0.99, "")])
    >>> [(f.text, f.suggestions) for f in unsure_corrections("pagt ruin", result, know).flags]
    [('pagt', ('pagt', 'page'))]
    """
    flags = list(result.flags)
    for prop in result.proposals:
        before = text[prop.start:prop.end]
        why = unsure(before, prop, know) if know.confident(prop.confidence) else None
        if why is not None:
            others = tuple(s for s in prop.suggestions if s != prop.replacement)
            flags.append(Flag(prop.start, prop.end, before, "unsure-correction",
                              round(prop.confidence, 3),
                              f"changed to '{prop.replacement}', but {why}",
                              (before, *others)))
    return StageResult(result.proposals, flags)


def unsure(before: str, prop: Proposal, know: Knowledge) -> str | None:
    """Why a correction the stage makes is in doubt, or ``None``: made with
    confidence under ``UNSURE_CONFIDENCE``; a misreading of costly
    confusions; or a word read as a name the text prints nowhere else
    and seldom in print (``Oi^e`` as ``Oise``; not ``British``), where the
    name is as likely the reading's accident.

    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.spelling import knowledge
    >>> know = knowledge("Russia and Russia", Context())
    >>> [unsure(b, Proposal(0, 4, a, MISREADING, c, ""), know) for b, a, c in
    ...  (("pagt", "part", 0.99), ("wark", "work", 0.9), ("Oi^e", "Oise", 1.0),
    ...   ("Russid", "Russia", 1.0), ("betore", "before", 1.0))]  # doctest: +NORMALIZE_WHITESPACE
    ['the reading costs two confusions or more', 'not surely (confidence 0.9)',
     'a rare name, printed nowhere else in the text', None, None]
    """
    if prop.confidence < UNSURE_CONFIDENCE:
        return f"not surely (confidence {prop.confidence:.2g})"
    if prop.rule != MISREADING:
        return None
    lower = prop.replacement.lower()
    if know.model.aligned_cost(before.lower(), lower) >= UNSURE_CONFUSION_COST and \
            know.doc_lower.get(lower, 0) == 0:
        return "the reading costs two confusions or more"
    if lower in proper_names() and not know.lexicon.common(lower) and \
            know.doc_lower.get(lower, 0) == 0:
        return "a rare name, printed nowhere else in the text"
    return None
