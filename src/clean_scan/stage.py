"""What a stage is: a name, one line on what it does, and a function that
looks at the current text and proposes edits (and flags) without applying
them. The pipeline applies them, so every change passes one place that logs
it and enforces the confidence threshold: a stage returns every proposal with
its confidence, and only the pipeline turns one below the threshold into a
flag. A stage whose later decisions hang on which of its proposals will be
made (a word taken into a join, the gaps around removed lines) asks
:meth:`Context.confident`, the same test the pipeline applies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clean_scan.document import Flag, Proposal
from clean_scan.review.apply import Review

DEFAULT_MIN_CONFIDENCE = 0.8
"""The confidence a proposal needs to be made rather than flagged, unless
the user sets another (``--min-confidence``)."""


def confident(confidence: float, min_confidence: float) -> bool:
    """Whether a proposal this sure is made (else it is flagged): the one
    definition of the threshold test.

    >>> confident(0.8, 0.8), confident(0.79, 0.8)
    (True, False)
    """
    return confidence >= min_confidence


@dataclass
class Context:
    """What stages may consult besides the text: options, and knowledge shared
    between stages (such as the document's own vocabulary).

    Keys of ``shared`` set from outside the pipeline:

    ``"collection_words"``
        A ``Counter[str]`` of word forms (as ``vocabulary.count_words``
        counts them, case kept) over a whole collection, set by
        ``clean-scan batch --learn-collection``: total occurrences, keeping
        only the words found in at least two files. A form recurring across
        the collection is probably printed that way (a name, a term of the
        period) and may be trusted like a document-frequent form. Absent when
        cleaning a single file. The same Counter object is shared by every
        file's context: read it, never change it.
    """

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    extra_words: frozenset[str] = frozenset()
    shared: dict[str, Any] = field(default_factory=dict)
    review: Review | None = None
    """A reviewer's decisions and rejected corrections (:mod:`clean_scan.review`)."""
    page_markers: bool = False
    """Write ``[Pg N]`` where each printed page begins."""
    skip_rules: frozenset[str] = frozenset()
    """Names of the rules turned off (``--skip-rule``): what they propose is
    neither made nor flagged."""
    layout: Any = None
    """The pages' geometry when the input was a layout file
    (:class:`clean_scan.formats.layout.Layout`), by raw offset."""
    raw_span: Callable[[int, int], tuple[int, int]] | None = None
    """Set by the pipeline: a stretch of the current text -> its raw stretch
    (what a stage needs to look up the layout)."""

    def confident(self, confidence: float) -> bool:
        """Whether the pipeline will make a proposal this sure."""
        return confident(confidence, self.min_confidence)

    def engine_word(self, start: int, end: int, text: str) -> Any:  # formats.layout.Word | None
        """The layout file's word that the current stretch ``[start, end)``
        holding ``text`` is, when the input was a layout file and the stages
        left the word as the engine read it, whole; else None."""
        if self.layout is None or self.raw_span is None:
            return None
        raw_start, raw_end = self.raw_span(start, end)
        word = self.layout.word_at(raw_start)
        if word is None or word.text != text or raw_end - raw_start != len(text):
            return None  # changed by a stage, or not the engine's word as a whole
        return word

    def engine_doubt(self, start: int, end: int, text: str, below: float) -> float | None:
        """The OCR engine's confidence in the word ``text`` at the current
        stretch ``[start, end)``, when the input was a layout file, the stages
        left the word as the engine read it, and the confidence is under
        ``below``; else None."""
        word = self.engine_word(start, end, text)
        if word is None or word.confidence is None or word.confidence >= below:
            return None
        return word.confidence

    def line_place(self, start: int) -> Any:  # formats.layout.LinePlace | None
        """Where the line holding offset ``start`` of the current text stands
        on its page (:class:`clean_scan.formats.layout.LinePlace`), when the
        input was a layout file; else None."""
        if self.layout is None or self.raw_span is None:
            return None
        return self.layout.place(self.raw_span(start, start)[0])

    def recorded_options(self) -> dict[str, Any]:
        """The options that shape a file's outputs, as its report records them
        (a resumed batch redoes a file whose options differ)."""
        words = "\n".join(sorted(self.extra_words))
        return {
            "min_confidence": self.min_confidence,
            "project_words": hashlib.sha256(words.encode("utf-8")).hexdigest() if words else None,
            "collection_words": bool(self.shared.get("collection_words")),
            **({"page_markers": True} if self.page_markers else {}),
            **({"skip_rules": sorted(self.skip_rules)} if self.skip_rules else {}),
        }


@dataclass(frozen=True)
class StageResult:
    proposals: list[Proposal]
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    name: str
    summary: str
    run: Callable[[str, Context], StageResult]
