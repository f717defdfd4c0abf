"""Single quotes the notes did not take: on a page with notes, the
characters stage leaves every single quote glued to a word, since any of
them may be a note's reference misread (``organisation’ as``). Once the
references are paired, in a text that quotes with double quotes only
(:attr:`clean_scan.quoting.Quoting.double`), the rest are specks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.layout import Line
from clean_scan.quoting import double_quotation_open

if TYPE_CHECKING:
    from clean_scan.stages.footnotes import Lines

GLUED_SINGLE_QUOTE = regex.compile(
    r"(?:(?<=^|[ \t(—])(?P<lead>['‘’])(?=\p{L}))"
    r"|(?:(?<=\p{L})(?P<trail>['’])(?=[ \t.,;:—]|$))", regex.MULTILINE)
QUOTE_LOOKBACK = 300
"""How far back an open double quotation is looked for."""


def unclaimed_quotes(text: str, body: Iterable[Line], taken: set[int]) -> list[Proposal]:
    """The single quotes glued to a word's edge in the page's body lines
    that no note took for its reference (``taken``: offsets of the marks
    taken): specks. Left alone: a plural's possessive (``workers’``), and
    a quote inside a double quotation (a quotation within it).

    >>> from clean_scan.stages.footnotes import Lines
    >>> text = "the organisation’ as an ideal, and’ the workers’ “so ‘it’ was”"
    >>> line = Lines(text)[0]
    >>> taken = {text.index("’")}
    >>> [text[p.start - 3:p.end] for p in unclaimed_quotes(text, [line], taken)]
    ['and’']
    """
    fixes = []
    for line in body:
        for m in GLUED_SINGLE_QUOTE.finditer(text, line.start, line.end):
            if m.start() in taken or _inside_double_quotation(text, m.start()):
                continue
            if m.group("trail") and text[m.start() - 1] in "sS":
                continue  # a plural's possessive
            fixes.append(Proposal(m.start(), m.end(), "", "unclaimed-quote", 0.85,
                                  "a single quote glued to a word on a page with notes, taken "
                                  "by none of them, in a text that quotes with double quotes: "
                                  "a speck"))
    return fixes


def _inside_double_quotation(text: str, at: int) -> bool:
    """Whether a double quotation opened in the paragraph is open at ``at``."""
    window = text[max(0, at - QUOTE_LOOKBACK):at]
    return double_quotation_open(window[window.rfind("\n\n") + 1:])


def orphaned_quotes(text: str, lines: Lines, page: list[int]) -> list[Proposal]:
    """The glued single quotes the characters stage left above a line that
    may open a note (any of them may be its reference misread), on a page
    where no note is found after all, or none surely: specks, as on a page
    with no note (:func:`unclaimed_quotes`)."""
    openings = [idx for idx in page if idx in lines.note_openings]
    if not openings or not lines.double_quoting:
        return []
    return unclaimed_quotes(text, (lines[idx] for idx in page if idx < openings[-1]), set())
