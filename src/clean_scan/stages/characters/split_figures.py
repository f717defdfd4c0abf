"""A number parted after its figure 1: an engine's habit.

GNU GOCR, in some faces, takes the gap beside the narrow figure ``1`` for
a space between words and parts every number there (``1 0s 6d``, ``1 875``,
``£1 2,000``), often reading the figure itself as a letter ``l`` (``l 875``).
A text that parts its numbers so more often than it prints a ``1`` before
another figure has the habit, and each such space goes.
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.stages.characters.lines import Lines

PARTED_ONE = regex.compile(r"(?<![\p{L}\p{N}.,'’-])(?P<one>[1l])(?P<gap>[ \t])(?=\d)")
"""A figure 1 (or the letter ``l`` it is read as) standing alone before a
space and a figure: no word is a lone ``l``."""
WHOLE_ONE = regex.compile(r"(?<![\p{L}\p{N}])1\d")
"""A number opening with 1 read whole."""
HABIT = 3
"""The fewest parted numbers that show the habit."""


def gap_after_one(text: str, doc: Lines | None) -> list[Proposal]:
    """Close the space after a lone figure 1 before a figure, in a text
    that parts its numbers there as a habit (``HABIT`` times or more, and
    more often than it prints them whole).

    >>> text = "paid 1 0s 6d in 1 875, and 1 2,000 men; on May 1 0."
    >>> [text[p.start - 1:p.end + 1] for p in gap_after_one(text, None)]
    ['1 0', '1 8', '1 2', '1 0']

    The figure read as a letter is read back (``l 875``: ``1875``):

    >>> text = "born in l 875, away for about l 2 months, in 1 927"
    >>> [(text[p.start:p.end], p.replacement) for p in gap_after_one(text, None)]
    [('l ', '1'), ('l ', '1'), (' ', '')]

    Left alone: a text that prints its numbers whole (its ``1 2`` is two
    figures: a list, a score).

    >>> gap_after_one("in 1914 and 1918 and 1939, a score of 1 2", None)
    []
    """
    parted = list(PARTED_ONE.finditer(text))
    if len(parted) < HABIT or len(parted) <= len(WHOLE_ONE.findall(text)):
        return []
    return [_closed(m) for m in parted]


def _closed(m: regex.Match) -> Proposal:
    """The gap after the figure 1 closed, the figure read back from ``l``."""
    if m.group("one") == "l":
        return Proposal(m.start("one"), m.end("gap"), "1", "gap-after-one", 0.85,
                        "a narrow figure 1 read as 'l' and parted from the figures after "
                        "it, as this text parts its numbers by habit")
    return Proposal(m.start("gap"), m.end("gap"), "", "gap-after-one", 0.85,
                    "the space an engine reads beside a narrow figure 1, which this text "
                    "puts inside its numbers as a habit")
