"""The marks an engine sets as part of a letter: GNU Ocrad, in some faces,
reads the stroke of every ``s`` as a comma before it (``Ru,s,sia``); the
document teaches which letter (``Lines.glyph_mark``), and the marks go.
The learned substitutions read words with the mark taken as part of its
letter (:func:`token_pattern`)."""

from __future__ import annotations

from functools import lru_cache

import regex

from clean_scan.document import Proposal
from clean_scan.stages.characters.lines import Lines


@lru_cache(maxsize=4)
def token_pattern(glyph: str) -> regex.Pattern:
    """A printed word: letters, ``_`` (an engine's unread glyph), ``&``
    and a star between letters (``diR*cult``), with the document's glyph
    mark (``Lines.glyph_mark``: ``,`` before every ``s``) taken as part of
    its letter."""
    mark = rf"[,.;:](?={regex.escape(glyph)})"
    opening, joint = (rf"(?:{mark})?", rf"(?:\*|{mark})") if glyph else ("", r"\*")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_&'’]){opening}[\p{{L}}_&]+(?:{joint}[\p{{L}}_&]+)*"
                         r"(?![\p{L}\p{N}_&])")


def without_marks(printed: str, glyph: str) -> str:
    """A printed word as the learning reads it: without the glyph marks."""
    return regex.sub(r"[,.;:]", "", printed) if glyph else printed


def glyph_strokes(text: str, doc: Lines | None) -> list[Proposal]:
    """Where the document's marks between small letters stand before one
    letter nearly always (``Lines.glyph_mark``: GNU Ocrad's ``,s`` for
    every ``s`` in Nimbus), each mark before that letter in a word is the
    letter's stroke and goes: inside a word (``Ru,s,sia``), at its start
    (``,sociali,st``, ``working-cla,s,s``), in a word no lexicon knows
    (``indu,swiali,sing``, whose ``w`` another rule reads).

    >>> from clean_scan.stage import Context
    >>> text = "Ru,s,sia wa,s the fir,st ,step of the ,sociali,st cla,s,s " * 5
    >>> text += "in working-cla,s,s indu,swiali,sing, as ,such"
    >>> fixed = text
    >>> for p in sorted(glyph_strokes(text, Lines(text, Context())), reverse=True):
    ...     fixed = fixed[:p.start] + p.replacement + fixed[p.end:]
    >>> fixed[-45:]
    'lass in working-class induswialising, as such'

    Left alone: a document whose marks before letters follow no one
    letter (a space lost after a comma, ``however,so``).

    >>> glyph_strokes("however,so it is, and ,so on", Lines("however,so", Context()))
    []
    """
    glyph = doc.glyph_mark if doc is not None else ""
    if not glyph:
        return []
    proposals = []
    for m in token_pattern(glyph).finditer(text):
        printed = m.group()
        for at, c in enumerate(printed):
            if c in ",.;:":
                proposals.append(Proposal(m.start() + at, m.start() + at + 1, "", "glyph-stroke",
                                          0.85, f"'{printed}': this document's engine sets '{c}' "
                                          f"before '{glyph}' nearly every time: its stroke"))
    return proposals
