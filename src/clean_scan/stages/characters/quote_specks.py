"""A quote mark standing alone where a paragraph ends: a speck.

A scan's dirt beside the last line of a paragraph is read as a quote as
often as a stop (``the task which the Revolution set itself. ‘``). A quote
there opens nothing, for nothing follows it; it can only close one the
paragraph left open, and then it is that quote set apart.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.stages.characters.lines import Lines
from clean_scan.stages.characters.next_words import _next_line

QUOTE_AT_END = regex.compile(r"(?<=\S)(?P<space>[ \t]+)(?P<mark>[‘’'\"“”`]{1,2})[ \t]*$",
                            regex.MULTILINE)
SINGLE_OPENING = regex.compile(r"(?:^|(?<=[\s(—\-]))[‘'`]\p{L}")
"""A single quote before a word's first letter: a quotation opened."""
DOUBLE = regex.compile(r"[“”\"]")


def paragraph_end_quote(line: str, doc: Lines) -> list[Proposal]:
    """A quote standing alone after the last word of a paragraph (the next
    line blank, or the page's end) goes, unless the paragraph leaves a
    quotation of that kind open for it to close.

    >>> from clean_scan.stages.characters import show
    >>> show(paragraph_end_quote, "the task the Revolution set itself. ‘", after="\\n\\nMore")
    'the task the Revolution set itself.'

    Left alone: a quote that may close the paragraph's quotation, one with
    a line after it (it may open that line's quotation), and any on a page
    with a note below (a raised reference figure is read as a quote).

    >>> show(paragraph_end_quote, "he said, “we will fight on. ”", after="\\n\\nMore")
    'he said, “we will fight on. ”'
    >>> show(paragraph_end_quote, "the task the Revolution set itself. ‘", after="\\nWe")
    'the task the Revolution set itself. ‘'
    """
    m = QUOTE_AT_END.search(line)
    if m is None or _next_line(doc) or doc.note_page[doc.index] or \
            _quotation_open(m.group("mark"), doc, m.start()):
        return []
    return [Proposal(m.start("space"), m.end("mark"), "", "paragraph-end-quote", 0.85,
                     f"'{m.group('mark')}' alone where the paragraph ends, no quotation open "
                     "for it to close: a speck")]


def _quotation_open(mark: str, doc: Lines, upto: int) -> bool:
    """Whether the paragraph, up to column ``upto`` of the current line,
    holds a quotation of ``mark``'s kind that the mark may close: for a
    double quote, an odd number of double quotes; for a single one, any
    single quote opening a word (a closing ``’`` is also an apostrophe, so
    the pairs cannot be counted)."""
    text = doc.line()[:upto]
    back = 1
    while doc.index - back >= 0 and doc.line(-back).strip() not in ("", "\f"):
        text = doc.line(-back) + "\n" + text
        back += 1
    if DOUBLE.match(mark):
        return len(DOUBLE.findall(text)) % 2 == 1
    return SINGLE_OPENING.search(text) is not None
