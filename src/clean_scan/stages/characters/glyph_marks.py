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
    pattern = token_pattern(glyph)
    for start, end in _lines_with_marks(text, glyph):
        for m in pattern.finditer(text, start, end):
            proposals += _strokes(m, glyph)
    return proposals


def _lines_with_marks(text: str, glyph: str) -> list[tuple[int, int]]:
    """The spans of the lines (their ``\\n`` left out) holding a mark before
    ``glyph``, in order: the only lines where a word (:func:`token_pattern`,
    which never reaches past a line's end) holds a mark. Most lines hold
    none (a long book's census may name a letter for its ``i.e.`` alone),
    and reading every word of every line cost a second per 3 MB.

    >>> _lines_with_marks("Ru,s,sia\\nthe sea\\nfir,st", "s")
    [(0, 8), (17, 23)]
    """
    spans: list[tuple[int, int]] = []
    for m in _mark_before(glyph).finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        end = text.find("\n", m.start())
        spans.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return spans


@lru_cache(maxsize=4)
def _mark_before(glyph: str) -> regex.Pattern:
    """A mark standing before ``glyph``: what every word with a mark in it holds."""
    return regex.compile(rf"[,.;:](?={regex.escape(glyph)})")


def _strokes(m: regex.Match, glyph: str) -> list[Proposal]:
    """A proposal taking away each mark of the word ``m`` (its letter's stroke)."""
    proposals = []
    printed = m.group()
    for at, c in enumerate(printed):
        if c in ",.;:":
            proposals.append(Proposal(m.start() + at, m.start() + at + 1, "", "glyph-stroke",
                                      0.85, f"'{printed}': this document's engine sets '{c}' "
                                      f"before '{glyph}' nearly every time: its stroke"))
    return proposals
