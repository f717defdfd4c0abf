"""Figures an engine reads as letters throughout a document: its habit.

Some engines, in some faces, read the figure ``1`` as ``I`` or ``l`` and
``0`` as ``O`` wherever they stand, a face's old-style ``5`` and ``6`` as
``S`` and ``G``, and a pound sign as ``E``: GNU Ocrad in Pagella prints
``I5,OOO``, ``2Ist``, ``E4OO`` for ``15,000``, ``21st``, ``£400``, and in
Garamond ``I87S`` and ``8S4`` for ``1875`` and ``854``.
``letters-in-number`` reads a number of three characters or more with a
letter or two in it anywhere; what it leaves (two characters,
groups of thousands, an ordinal's or a sum's letters after the figures, a
pound sign misread, and an ``S`` it would read as ``5`` or ``8`` by the
document's other numbers) is read here, only in a text that shows the habit:
``HABIT`` numbers or more mixing figures with those letters.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.stages.characters.lines import Lines

FIGURE_LETTERS = {"I": "1", "l": "1", "O": "0", "o": "0", "S": "5", "G": "6"}
"""Letters of a figure's shape that such an engine prints for it (``S`` and ``G``
for an old-style ``5`` and ``6``, ``o`` for an old-style ``0``, which stands
no taller than the small letter: read so only after a figure, ``35.ooo``,
since ``o1d`` is ``old``)."""
FIGURE = regex.compile(r"(?<![\p{L}\d£$])(?P<money>E)?"
                       r"(?P<figure>[\dIlOoSG](?:[\dIlOoSG]|[,.](?=[\dIlOoSG]{3}(?![\dIlOoSG])))*)"
                       r"(?P<suffix>st|nd|rd|th|s|d)?(?![\p{L}\d])")
"""A number as the habit may print it: a pound sign read ``E`` before it,
groups of thousands, an ordinal's or a sum's letters after it. Those that
mix figures with figure-shaped letters show the habit, and are read."""
WHOLE = regex.compile(r"[\dlIO]{3,}")
"""What ``letters-in-number`` reads: three characters or more, no suffix."""
HABIT = 3
"""The fewest mixed numbers that show the habit."""


def _number_of_letters(m: regex.Match[str]) -> bool:
    """A number the habit printed with no figure at all, known by a
    number's marks: a pound sign read ``E`` before three characters or
    more (``EISOO``), or a group of thousands (``IO,OOO``), and no
    leading ``O`` (no number opens with a nought)."""
    figure = m.group("figure")
    if any(c.isdigit() for c in figure) or figure.startswith("O") or "o" in figure:
        return False  # a small ``o`` is a nought only beside a figure
    return bool(m.group("money")) and len(figure) >= 3 or "," in figure


def figure_read_as_letter(text: str, doc: Lines | None) -> list[Proposal]:
    """Read each number the habit garbled, in a text that has it.

    >>> text = "held I7 patients on the 2Ist, and E4OO for I5,OOO tons in I858."
    >>> [text[p.start:p.end] + ">" + p.replacement for p in figure_read_as_letter(text, None)]
    ['I7>17', '2I>21', 'E4OO>£400', 'I5,OOO>15,000']
    >>> text = "married in I87S, with 8S4 acres, on the 2Ist, aged SG"
    >>> [text[p.start:p.end] + ">" + p.replacement for p in figure_read_as_letter(text, None)]
    ['I87S>1875', '8S4>854', '2I>21']

    There a number with no figure left is read by a number's marks: the
    pound sign, a group of thousands.

    >>> text = "I7 and 2Ist and E4OO; EISOO and IO,OOO men; EOS, 35.ooo, o1d"
    >>> [text[p.start:p.end] + ">" + p.replacement for p in figure_read_as_letter(text, None)]
    ['I7>17', '2I>21', 'E4OO>£400', 'EISOO>£1500', 'IO,OOO>10,000', '35.ooo>35.000']

    (``I858`` is ``letters-in-number``'s.) Left alone: a text without the
    habit, and words (``IO``, ``Ill``, ``Eleven``: no figure among them).

    >>> figure_read_as_letter("in I7 cases, the 2Ist day; 1858 and 1914", None)
    []
    >>> text = "I7 and 2Ist and E4OO, IO Ill Eleven"
    >>> [text[p.start:p.end] for p in figure_read_as_letter(text, None)]
    ['I7', '2I', 'E4OO']
    """
    found = list(FIGURE.finditer(text))
    mixed = [m for m in found if any(c.isdigit() for c in m.group("figure"))
             and any(c in FIGURE_LETTERS for c in m.group("figure"))
             and ("o" not in m.group("figure") or m.group("figure")[0].isdigit())]
    if len(mixed) < HABIT:
        return []
    fixes = []
    for m in sorted(mixed + [m for m in found if _number_of_letters(m)], key=lambda m: m.start()):
        figure = m.group("figure")
        if not m.group("money") and not m.group("suffix") and "," not in figure and \
                WHOLE.fullmatch(figure):
            continue  # letters-in-number reads it
        digits = "".join(FIGURE_LETTERS.get(c, c) for c in figure)
        start = m.start("money") if m.group("money") else m.start("figure")
        fixes.append(Proposal(start, m.end("figure"), ("£" if m.group("money") else "") + digits,
                              "figure-read-as-letter", 0.85,
                              "figures this document's engine reads as letters throughout "
                              "(1 as I or l, 0 as O, £ as E)"))
    return fixes
