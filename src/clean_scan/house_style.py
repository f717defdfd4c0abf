"""A document's house style in its marks: which marks it sets after a
space as a rule, and how it sets its dashes. Print is consistent where OCR
dirt is not, so a habit shown across the text tells a compositor's mark
from a speck."""

from __future__ import annotations

from collections import Counter

import regex

SPACED_MARK = regex.compile(r"(?<=[\p{L}\p{N}’”\"')][ \t]+)[,.;:!?](?=\s|$)")
"""A mark set after a space after a word (a house style spaces a word's own
mark; a mark after another mark, ``trials. :``, is a speck's). Written to
start at the mark: a search of the whole text is then three times faster
than starting at every space."""


SPACED_MARK_NEEDLES = tuple(space + mark for space in " \t" for mark in ",.;:!?")
"""What a line with a ``SPACED_MARK`` holds."""


HOUSE_SHARE = 0.25


SPECKY_HOUSE_SHARE = 0.5
"""The share of a mark's uses set after a space that makes the spacing a
house style: a quarter; a half in a specky document, where dirt read as a
lone mark spaces a third of them by chance."""


def house_spaced_marks(text: str, spaced_lines: str | None = None,
                        share: float = HOUSE_SHARE) -> str:
    """Marks the document sets after a space as a rule, not by accident: a
    ``share`` of their uses or more, and more than one (older newspapers
    space ``;`` and ``:``; one spaced mark in a short text is italic type's).
    Italic spacing leaves these alone. ``spaced_lines``, if given, are the
    lines of ``text`` that hold a space before a mark (the spaced marks are
    counted there only, which is faster).

    >>> house_spaced_marks("a ; b ; c; d , e, f, g, h, i, j, k, l.")
    ';'
    """
    marks = ""
    spaced_counts = Counter(SPACED_MARK.findall(text if spaced_lines is None else spaced_lines))
    for mark in ",.;:!?":
        spaced = spaced_counts[mark]
        if spaced >= 2 and spaced >= share * text.count(mark):
            marks += mark
    return marks


CLOSED_DASH = regex.compile(r"—(?<=\p{L}—)(?=\p{L})")


SPACED_DASH_ANY = regex.compile(r"[ \t]—|—[ \t]")
SPACED_HYPHEN = regex.compile(r"(?<=\S[ \t])-(?=[ \t]\S)")
"""A hyphen alone between two words, a space either side."""


def closed_dashes(text: str, specky: bool = False) -> bool:
    """Whether the text sets its em dashes closed up (``peace—were``):
    twice as many so as with a space either side (a rough scan's specks
    read as spaced dashes too), or, in a ``specky`` text, where the specks
    give a spaced dash for every one or two the print closed, as many.

    >>> closed_dashes("war—peace—work—rest—home—land"), closed_dashes("war — peace")
    (True, False)
    >>> text = "war—peace—work—rest—home—land and — then — more — here"
    >>> closed_dashes(text), closed_dashes(text, specky=True)
    (False, True)
    """
    closed = len(CLOSED_DASH.findall(text))
    spaced = len(SPACED_DASH_ANY.findall(text))
    return closed >= 5 and closed >= (1 if specky else 2) * spaced


def em_dashes(text: str) -> bool:
    """Whether the text sets its dashes as em dashes: three or more, and
    no fewer than hyphens set alone between words, which are the dash of
    a house style that types its dashes (``HAWKERS. - Some``,
    ``forthwith - perhaps``), an engine reading a few of them long.

    >>> em_dashes("one—two—three—four"), em_dashes("a—b—c, d - e - f - g - h")
    (True, False)
    """
    dashes = text.count("—")
    return dashes >= 3 and dashes >= len(SPACED_HYPHEN.findall(text))
