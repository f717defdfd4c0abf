"""A per cent sign read as the letters of its shape: ``20/o`` for ``2%``.

The sign is two rings and a stroke, and engines that do not know it read
it as them: GOCR as ``0/o`` (``24.40/o`` for ``24.4%``), Ocrad as ``/o``
(``o.3/o`` for ``0.3%``). Print sets no ``/o`` after a figure, so the
stroke and ring after a number are the sign. Whether the ring before the
stroke is the sign's too or the number's last figure, one reading cannot
tell (``20/o`` is ``2%`` or ``20%``); the document's others can: where it
puts that ring before every stroke, ``HABIT`` times or more, the engine
reads the sign as three characters, and the ring is the sign's.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal

READ_SIGN = regex.compile(r"(?<![\p{L}\d])(?P<number>\d[\dO]*(?:[.,][\dO]+)?|[\dO]*[.,]?\d[\dO]*?)"
                          r"(?P<ring>[0O])??(?P<rest>/[oO0°])(?![\p{L}\d])")
"""A number with a stroke and ring after it, and the ring before the
stroke that may be the sign's (the shortest number that leaves one)."""
HABIT = 3
"""How many readings, every one with the ring before the stroke, show an
engine that reads the sign as three characters."""


def percent_read_as_letters(text: str, doc: object = None) -> list[Proposal]:
    """Read the per cent sign an engine read as ``0/o`` or ``/o``.

    >>> text = "heavy 20/o, timber 30/o, light 0.50/o, building 60/o"
    >>> [text[p.start:p.end] + ">" + p.replacement for p in percent_read_as_letters(text)]
    ['0/o>%', '0/o>%', '0/o>%', '0/o>%']
    >>> text = "or before 1917: o.3/o; and 20/o"
    >>> [text[p.start:p.end] + ">" + p.replacement for p in percent_read_as_letters(text)]
    ['/o>%', '/o>%']

    Left alone: a stroke between words and a fraction (``and/or``, ``1/4``).

    >>> percent_read_as_letters("and/or 1/4 c/o the 2/6 rate")
    []
    """
    found = list(READ_SIGN.finditer(text))
    rings = [m for m in found if m.group("ring") or m.group("number")[-1] in "0O"]
    habit = len(found) >= HABIT and len(rings) == len(found)
    fixes = []
    for m in found:
        number = m.group("number") + (m.group("ring") or "")
        start = m.start("rest")
        if habit and number[-1] in "0O" and len(number) > 1:
            start -= 1  # the ring is the sign's
        fixes.append(Proposal(start, m.end("rest"), "%", "percent-read-as-letters", 0.9,
                              "a per cent sign read as the rings and stroke of its shape"
                              + (" (this document's engine reads it 0/o throughout)"
                                 if start < m.start("rest") else "")))
    return fixes
