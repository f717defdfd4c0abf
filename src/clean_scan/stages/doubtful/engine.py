"""Words the OCR engine itself doubted: a layout file (hOCR, ALTO, PAGE
XML) gives each word the engine's confidence, and a word it read with
little left unchanged by the stages is flagged for the reviewer, whatever
the lexicon says of it (an engine's real-word slips, ``hem`` for ``here``,
read with low confidence, are where no word list looks)."""

from __future__ import annotations

from clean_scan.document import Flag
from clean_scan.stage import Context
from clean_scan.stages.doubtful.words import TOKEN

LOW_CONFIDENCE = 0.3
"""Below this, the engine's reading of a word is doubtful (Tesseract gives
most words it reads right 0.9 and more; on the rough dev pamphlets' hOCR,
a quarter of the words flagged so are errors left, against one in a
hundred of the words at large)."""
WEIGHT = 0.6
"""The flag's confidence is this share of the engine's doubt: such a flag
is less often right than an unknown word's, and ranks after them."""


def engine_flags(text: str, context: Context) -> list[Flag]:
    """Flag each word read with low confidence and left as read.

    >>> from clean_scan.formats.layout import Block, Layout, Line, Page, Word
    >>> layout = Layout("hocr", [Page([Block([Line([Word("the", None, 0.95),
    ...     Word("hem", None, 0.21), Word("was", None, 0.9)])])])])
    >>> text = layout.text()
    >>> context = Context(layout=layout, raw_span=lambda start, end: (start, end))
    >>> [(f.text, f.confidence) for f in engine_flags(text, context)]
    [('hem', 0.47)]
    """
    if context.layout is None:
        return []  # a plain-text input: no confidences
    flags = []
    for m in TOKEN.finditer(text):
        confidence = context.engine_doubt(m.start(), m.end(), m.group(), LOW_CONFIDENCE)
        if confidence is not None:
            flags.append(Flag(m.start(), m.end(), m.group(), "engine-doubt",
                              round(WEIGHT * (1 - confidence), 2),
                              f"the OCR engine read this word with {confidence:.0%} "
                              "confidence", ()))
    return flags
