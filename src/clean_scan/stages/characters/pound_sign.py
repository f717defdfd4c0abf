"""A pound sign an engine cannot read, before a sum.

GOCR and GNU Ocrad read ASCII only: a ``£`` is outside their alphabet, and
GOCR prints its mark for an unread glyph, ``_``, in its place (``the sum
of _1500``, ``valued at _133,375``). The dollar sign is ASCII, read by
every engine, so an unread glyph glued before a figure is the sign the
engine lacks. Judged by the document: only where the engine shows the
habit of ``_`` for glyphs it cannot read (inside words too), never reads a
``£`` itself (then ``_`` is some other glyph) and prints no ``$`` before a
figure (a text that reckons in dollars).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal

if TYPE_CHECKING:
    from clean_scan.stages.characters.lines import Lines

UNREAD_BEFORE_FIGURE = regex.compile(
    r"(?<![\p{L}\p{N}_\[(])(?<!\d )_(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d[\dOIl]*)"
    r"(?=[\d,OIl]*(?:s\b|d\b)?(?![\p{L}\d_%/])(?![.,]?[ \t]?\d))")
"""``_`` glued before a figure (groups of thousands, an ``O`` or ``l`` the
engine read for a nought or a one, a sum's ``s`` or ``d``), but no figure of
a date or a split number (``19 _27``), a percentage, a bracketed note mark
(``[_1_``) or a word (``_11age``)."""
GLYPH_IN_WORD = regex.compile(r"\p{L}_|_\p{L}")
HABIT = 3
"""The fewest ``_`` beside letters that show the engine's unread-glyph mark."""
DOLLARS = regex.compile(r"\$\s?\d")


def unread_pound_sign(text: str, doc: Lines | None = None) -> list[Proposal]:
    """Each unread glyph before a sum, read as the pound sign, in a text
    whose engine marks the glyphs it cannot read with ``_``.

    >>> text = "e_ort of re_ormers, su_ered; the sum of _1500 and _5, valued at _133,375; 19 _27"
    >>> [p.replacement + text[p.end:].split()[0] for p in unread_pound_sign(text)]
    ['£1500', '£5,', '£133,375;']

    Left alone: a text whose engine reads ``£`` (its ``_`` is another
    glyph), one that reckons in dollars, one with no unread-glyph habit, and
    a percentage, a split figure, a note mark or a word.

    >>> unread_pound_sign("the e_ort of re_ormers, su_ered; _1500 and £5")
    []
    >>> unread_pound_sign("the e_ort of re_ormers, su_ered; _1500 and $5")
    []
    >>> unread_pound_sign("the sum of _1500 was paid")
    []
    >>> unread_pound_sign("the e_ort of re_ormers, su_ered; _1 3%, _2%, [_1_, _11age, 19 _27")
    []
    """
    if "_" not in text or "£" in text or DOLLARS.search(text):
        return []
    if len(GLYPH_IN_WORD.findall(text)) < HABIT:
        return []
    return [Proposal(m.start(), m.end(), "£", "unread-pound-sign", 0.85,
                     "the engine's mark for a glyph it cannot read, before a sum: the "
                     "pound sign, outside its alphabet")
            for m in UNREAD_BEFORE_FIGURE.finditer(text)]
