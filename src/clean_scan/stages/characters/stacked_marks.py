"""A mark glued after a word's own comma or stop, before the next word: a
speck where the space should be.

A comma or stop followed at once by a second mark and a word (``class,.and``,
``people.-However``, ``violent,-the``) is set so by no compositor: the word's
own mark is the first, and the second sits where the space belongs, a speck
read as a stop or a hyphen (the space itself lost to it).
"""

from __future__ import annotations

import regex

from clean_scan.document import Proposal
from clean_scan.stages.characters.lines import Lines

STACKED_MARK = regex.compile(r"(?<=\p{L}{2}[,.;:])[.,\-](?=\p{L}{2})")
"""A stop, comma or hyphen glued after a word's comma, stop, semicolon or
colon, before a word of two letters or more."""


def mark_after_own_mark(line: str, doc: Lines) -> list[Proposal]:
    """The second of two marks glued between two words becomes the space.

    >>> from clean_scan.stages.characters import show
    >>> show(mark_after_own_mark, "the class,.and the people.-However, it was violent,-the",
    ...      before="a dash — here\\n")
    'the class, and the people. However, it was violent, the'

    Left alone: abbreviations, whose stops stand between single letters
    (``U.S.S.R.``, ``i.e.,``), a dash after a stop before a line's end,
    and a hyphen in a text that writes no dash anywhere: its engine reads
    every dash as one (``Russia,-a`` is ``Russia,—a``, as print set it).

    >>> show(mark_after_own_mark, "the U.S.S.R., i.e., the Union.-")
    'the U.S.S.R., i.e., the Union.-'
    >>> show(mark_after_own_mark, "In Russia,-a land of peasants,.the state", before="no dash\\n")
    'In Russia,-a land of peasants, the state'
    """
    return [Proposal(m.start(), m.end(), " ", "mark-after-own-mark", 0.85,
                     f"'{m.group()}' glued after the word's own mark, before the next word: a "
                     "speck where the space was")
            for m in STACKED_MARK.finditer(line) if m.group() != "-" or doc.writes_dashes]
