"""Where a sentence goes on: the words after a column of a line, or on the
next line, past the specks a rough scan sets before them.

Shared by the rules that judge a stop or a mark by what follows it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines


def word_before(text: str, end: int) -> str:
    """The letters right before ``end``."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def spaced_word_before(text: str, at: int) -> str:
    """The letters of the word before the spaces before ``at``."""
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return word_before(text, end)


def _next_line_start(doc: Lines) -> str:
    """The next printed line's first character ('' at a paragraph's or page's end)."""
    return _next_line(doc)[:1]


def _next_line(doc: Lines) -> str:
    following = doc.lines[doc.index + 1].lstrip() if doc.index + 1 < len(doc.lines) else ""
    return "" if following.startswith("\f") else following


def next_text(doc: Lines) -> str:
    """The next line with text on the page, over the blank lines an engine
    puts where it breaks a paragraph ('' at the page's end)."""
    k = doc.index + 1
    while k < len(doc.lines) and not doc.lines[k].strip():
        k += 1
    following = doc.lines[k].lstrip() if k < len(doc.lines) else ""
    return "" if following.startswith("\f") else following


def following_line(doc: Lines) -> str:
    """The next line of text, past one blank line (an engine may end a block
    at a stop it read as a comma; :func:`next_text` goes past any number);
    '' at a page break."""
    for offset in (1, 2):
        following = doc.line(offset).strip()
        if following:
            return "" if following.startswith("\f") else following
    return ""


def previous_text(doc: Lines) -> str:
    """The last line with text above the current one on its page, over the
    blank lines an engine puts where it breaks a block ('' at the page's
    start): :func:`next_text` looking back."""
    k = doc.index - 1
    while k >= 0 and not doc.lines[k].strip(" \t"):
        k -= 1
    above = doc.lines[k] if k >= 0 else ""
    return "" if above.lstrip(" \t").startswith("\f") else above.rstrip()


NEXT_WORD = regex.compile(r"[“‘\"']?(\p{L}+)")
ABBREVIATION_OPENING = regex.compile(r"(\p{Ll}(?:\.\p{Ll})+)\.")
"""A dotted abbreviation in small letters (``i.e.``, ``e.g.``)."""
SPECK_RUN = r"(?:[°~•·=^]+|-(?=\p{Ll}))"
"""Specks that may stand between a stop and the word after it (``causes. °``, ``. -an``)."""
LEADING_SPECKS = regex.compile(rf"(?:(?:{SPECK_RUN}|[.,:;]+(?=[ \t]|$))[ \t]*)+")
"""Specks standing before a word (:data:`SPECK_RUN`, or stops, commas and
colons standing alone: ``of the. . :``), with the spaces after them."""


def words_after(line: str, end: int, doc: Lines) -> str:
    """What follows column ``end`` of the line, or the next line at the
    line's end, past specks standing before its first word (``causes. °`` /
    ``• others``, ``reduced. -an``): where the sentence goes on, if it does.
    (``|`` is no speck there, an engine's ``I``; nor is ``_`` in a text
    whose engine gives ``_`` for a glyph it could not read: ``_ by``
    there may be ``a by``.)

    >>> from clean_scan.stages.characters import Lines
    >>> from clean_scan.stage import Context
    >>> doc = Lines("natural causes. °\\n• others in the\\n", Context())
    >>> words_after(doc.lines[0], 15, doc), words_after("was reduced. -an official", 12, doc)
    ('others in the', 'an official')
    """
    underscore_speck = not unread_glyphs_as_underscores(doc.text)
    rest = _past_specks(line[end:].lstrip(), underscore_speck)
    return rest or _past_specks(_next_line(doc), underscore_speck)


def _past_specks(text: str, underscore_speck: bool = False) -> str:
    specks = LEADING_SPECKS.match(text)
    text = text[specks.end():] if specks else text
    if underscore_speck and LONE_UNDERSCORE.match(text):
        return _past_specks(text[1:].lstrip(), underscore_speck)
    return text


LONE_UNDERSCORE = regex.compile(r"_+(?=[ \t])")
"""An underscore standing alone before a word."""
UNREAD_GLYPHS = 5
"""Underscores inside words from which a text's engine is taken to give
``_`` for the glyphs it could not read (GOCR: ``u_th``, ``e_ort``)."""


@lru_cache(maxsize=2)
def unread_glyphs_as_underscores(text: str) -> bool:
    """Whether the text holds ``UNREAD_GLYPHS`` underscores inside words."""
    return len(regex.findall(r"\p{L}_+\p{L}", text)) >= UNREAD_GLYPHS


