"""The rest of a word the line end parts: what a rule judging one word must
see when the dehyphenate stage, which runs after it, will join two pieces
(``spe-`` / ``cia1`` is ``specia1``, whose ``1`` is an ``l``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from clean_scan.stages.characters.lines import Lines

HEAD = regex.compile(r"(?<![\p{L}\d])([\p{L}\d]+)-$")
"""A word's first piece before a line-end hyphen."""
PARTED_WORD = regex.compile(
    r"(?<![\p{L}_])(?P<head>[\p{L}_]+)-[ \t]*\n[ \t]*(?P<tail>[\p{L}_]+)(?![\p{L}_])")
"""A word parted by a hyphen at a line end, in a whole text, its pieces
letters or an engine's unread glyph (``regul_-`` / ``tions``)."""
TAIL = regex.compile(r"^[ \t]*([\p{L}\d]+)(?![\p{L}\d])")
"""The first word of a line: the rest of a word parted at the line before."""


def parted_pieces(line: str, start: int, end: int, doc: Lines) -> tuple[str, str]:
    """The pieces of the word at ``line[start:end]`` on the lines before and
    after, where a line-end hyphen parts it from them ('' where none).

    >>> class Doc:
    ...     def line(self, offset): return {-1: "a spe-", 1: "ment of it"}[offset]
    >>> parted_pieces("cia1 campaign", 0, 4, Doc())
    ('spe', '')
    >>> parted_pieces("the po1i-", 4, 8, Doc())
    ('', 'ment')
    """
    head = tail = ""
    if not line[:start].strip():
        found = HEAD.search(doc.line(-1).rstrip())
        head = found.group(1) if found else ""
    if line[end:].rstrip() == "-":
        tail = next_piece(doc)
    return head, tail


def next_piece(doc: Lines) -> str:
    """The next line's first word: the rest of a word parted at the current
    line's end ('' where the next line opens with none)."""
    found = TAIL.match(doc.line(1))
    return found.group(1) if found else ""
