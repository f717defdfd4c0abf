"""Ordinals whose figure 1 was read as a letter: ``Ist``, ``3ist``, ``I9th``.

Engines read a figure ``1`` as ``I``, ``l`` or ``i`` where it stands beside
letters, and an ordinal's suffix is letters: ``the Ist of May``, ``on the
3ist December``. The suffix itself is the evidence: read each such letter
as ``1`` and keep the reading only where the number then takes the suffix
printed (``31`` takes ``st``, ``11`` takes ``th``), so that a word is never
made a number: ``list``, ``lost``, ``lind`` would give ``11st``, ``10st``,
``11nd``, none an ordinal. A text need show no habit for this, unlike
``figure-read-as-letter``: the suffix's agreement is a test each ordinal
passes or fails alone.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal

ONE_LETTERS = "Ili|"
"""Letters and marks of the figure 1's shape."""
ORDINAL = regex.compile(r"(?<![\p{L}\d'’.,-])(?P<figure>[\dIli|]{1,4})(?P<suffix>st|nd|rd|th)"
                        r"(?![\p{L}\d'’-])")
"""A token of one to four figures or 1-shaped letters and an ordinal's
suffix, standing alone."""


def ordinal_suffix(number: int) -> str:
    """The suffix English prints after ``number``: ``st`` for 1, 21, 31,
    ``th`` for 11, 12, 13.

    >>> [ordinal_suffix(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)]
    ['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'nd', 'th']
    """
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def ordinal_read_as_letters(text: str, doc: object = None) -> list[Proposal]:
    """Read the 1-shaped letters of each ordinal as the figure 1 where the
    number then takes the suffix printed.

    >>> text = "on the Ist of May, the 3ist December, the I9th, the 2Ind and the llth"
    >>> [text[p.start:p.end] + ">" + p.replacement for p in ordinal_read_as_letters(text)]
    ['I>1', '3i>31', 'I9>19', 'll>11']

    Left alone: words (``list``, ``lost``, ``Ith``: no ordinal), a small
    ``ist`` with no figure (a word's broken end, ``social- ist``), a number
    whose suffix does not agree (``2Ind`` would be ``21nd``) and ordinals
    printed right.

    >>> ordinal_read_as_letters("a list, lost, the Ith, social- ist, 2Ind, the 21st and 3rd")
    []
    """
    fixes = []
    for m in ORDINAL.finditer(text):
        figure = m.group("figure")
        if not any(c in ONE_LETTERS for c in figure):
            continue
        if not any(c.isdigit() for c in figure) and not set(figure) <= {"I", "l"}:
            continue  # no figure and a small i or a stroke: a word's end as likely
        digits = "".join("1" if c in ONE_LETTERS else c for c in figure)
        if digits.startswith("0") or ordinal_suffix(int(digits)) != m.group("suffix"):
            continue
        fixes.append(Proposal(m.start("figure"), m.end("figure"), digits,
                              "ordinal-read-as-letters", 0.9,
                              "an ordinal whose figure 1 was read as a letter: with 1 it "
                              f"takes the suffix printed ({digits}{m.group('suffix')})"))
    return fixes
