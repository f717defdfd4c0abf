"""Character tables for the ``characters`` stage.

Each table records a way OCR engines misread type, not the words of any one
book: ligature code points, the digit/letter shapes that look alike in old
founts, and the shapes a garbled quotation mark takes.
"""

from __future__ import annotations

LIGATURES: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
"""Presentation-form ligatures (U+FB00–FB06) and the letters they stand for."""

LIGATURE_LETTERS: tuple[str, ...] = ("ffi", "ffl", "ff", "fi", "fl")
"""Letter groups that old type set as one ligature sort; an OCR engine that
cannot read the sort drops it or splits the word beside it."""

DIGIT_FOR_LETTER: dict[str, str] = {
    "l": "1", "I": "1", "i": "1", "O": "0", "o": "0", "S": "5", "B": "8",
}
"""Letters that an OCR engine gives for a digit of the same shape."""

DIGITS_FOR_LETTER: dict[str, tuple[str, ...]] = {
    "l": ("1",), "I": ("1",), "i": ("1",), "O": ("0",), "o": ("0",), "S": ("5", "8"),
    "B": ("8",),
}
"""The same, where a letter may stand for more than one digit (``S``: 5 or 8)."""

LETTERS_FOR_DIGIT: dict[str, tuple[str, ...]] = {
    "0": ("o", "O"), "1": ("l", "i"), "5": ("s",), "8": ("B",),
}
"""Letters a digit may stand for inside a word (``0f``, ``t0``, ``a1so``)."""

ROMAN_FOR_SHAPE: dict[str, str] = {"1": "I", "l": "I", "i": "I", "|": "I", "H": "II"}
"""Roman numerals' shapes as misread: ``I`` as a digit one or ``l``, and two
``I`` run together into ``H`` (``PART HI``)."""

NUMBER_LABELS: frozenset[str] = frozenset((
    "chapter", "chap", "ch", "page", "p", "pp", "no", "nos", "vol", "volume", "part", "section",
    "sec", "article", "art", "table", "fig", "figure", "clause", "book", "number", "plate"))
"""Words a number follows (``Chapter 10``, ``No. 12``, ``p. 14``): what
stands after them is a number, however it was read."""
NUMBER_GARBLES = "*$§%&#?"
"""Characters an OCR engine gives for one unreadable digit (``194*``)."""

CLOSE_DOUBLE_GARBLES: tuple[str, ...] = ("**", "’*", "'*")
"""A closing double quote read as stars and apostrophes (``Farmers**``)."""

OPEN_DOUBLE_GARBLES: tuple[str, ...] = ("(t", "(i", "(l", "(f", "‘ 4", "‘ ‘")
"""An opening double quote whose two commas were read as ``(`` and a letter,
or as a single quote and a ``4`` or a second single quote (spaces in these
forms may be absent or doubled)."""

FOOTNOTE_MARKS = "*•†"
"""Marks that start a footnote at the page foot."""

SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹"
"""Footnote marks as an OCR engine that keeps superscripts gives them."""

COMMON_SHORT_WORDS: frozenset[str] = frozenset((
    "a", "i", "o", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
    "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "am", "are", "and",
    "but", "can", "for", "had", "has", "her", "him", "his", "its", "may", "not", "now", "one",
    "our", "out", "she", "the", "too", "two", "was", "who", "why", "yet", "you",
))
"""Short English function words: fragments that are these are probably
printed words, so a run of them is not joined into one (``in to``)."""

SAME_SHAPE_CAPITALS = frozenset("COSUVWXZ")
"""Capitals whose small letter has the same shape, smaller (``c``, ``o``,
``s``, ``v``, ``w`` ...): OCR tells the two apart by size alone, so a word
set in small letters comes out capitalised (``the building of Vast
armaments``)."""
