"""What a footnote's line looks like as OCR reads it: the mark that opens a
note (or the garble an engine makes of one), and a page's last block set in
smaller type whose mark was dropped.

Core, not the footnotes stage's own: the stage finds and moves notes with
it, and the characters stage and the page split must know a note's opening
line to leave it be (``1 Vide`` is no misread word, a page of notes alone
no page of its own).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from clean_scan.charmaps import SUPERSCRIPT_DIGITS
from clean_scan.layout import PAGE_BREAK, median
from clean_scan.lexicon import function_words, known_form, load_lexicon

MARK_GARBLES = "'‘’`\"“”°º©^»«!?>"
"""What an OCR engine gives for a note's raised figure it could not read."""
GARBLED_MARKS = MARK_GARBLES + "Il"
"""Those, and ``I`` and ``l`` read for a ``1`` (taken for one before a
sentence only: ``I In their``)."""

NOTE_START = regex.compile(
    rf"""^(?:(?P<mark>[1-9]\d?|[{SUPERSCRIPT_DIGITS}]{{1,2}})(?:\s+|(?=[\p{{Lu}}“‘"']))
    |(?:[-.,][ \t]?(?=[*•!?>]))?  # a speck before a mark no sentence opens with
    (?P<mark>[*•†‡§¶]|[{regex.escape(MARK_GARBLES)}])(?:\s+|[-.|]?[ \t]*(?=[\p{{Lu}}“‘"']))
    |(?P<mark>[Il])[ \t]+(?=\p{{Lu}}\p{{Ll}}*[ \t]+\p{{Ll}}))  # a figure 1 read as a letter
    (?P<body>\S)""",
    regex.VERBOSE,
)
"""A note's first line: a mark, then its text (``1 Vide``, ``*Then``,
``¹ Census``, ``' Vide``, ``‘In their``, ``I In their``); a speck may stand between a
symbol's or a garbled mark and the text (``*-This``, ``»| Then``), or
before a mark that opens no sentence (``-! Then``)."""

SMALL_TYPE = 1.08
"""A block whose lines run this much longer than the body's is in smaller type."""

MARKLESS_LINES = 3
"""A note whose mark was dropped must run to this many lines: the type of
fewer cannot be told from a short paragraph's."""

SENTENCE_ENDS = (".", ".”", ".’", "?", "!", ":")


def markless_note(texts: Sequence[str], block: list[int], full_width: float,
                  above: str = "", below: str = "") -> bool:
    """Whether a page's last block is a note whose mark was dropped: at
    least ``MARKLESS_LINES`` lines (two where the body's last line ``above``
    it leaves its sentence open: the block cuts the text in two), every one
    but the last in smaller type, opening a sentence. A single line will do
    where it closes its own sentence and the sentence it cut goes on in
    small letters on the next page (``below``): no line of the body both
    opens and closes a sentence inside another.

    >>> body = "x" * 60
    >>> note = ["The note, set small, " + "y" * 60] * 2 + ["ends here."]
    >>> markless_note(note, [0, 1, 2], 60), markless_note([body] * 3, [0, 1, 2], 60)
    (True, False)
    >>> markless_note(["the note, set small, " + "y" * 60] * 3, [0, 1, 2], 60)
    False
    >>> markless_note(note, [1, 2], 60), markless_note(note, [1, 2], 60, "as we saw the")
    (False, True)
    >>> one = ["Vide the Annual Report, 1938, p. 12."]
    >>> markless_note(one, [0], 60, "as we saw the", "year before")
    True
    >>> markless_note(one, [0], 60, "as we saw the", "The year before")
    False
    >>> markless_note(["Vide the Annual Report, 1938, and"], [0], 60, "as we saw the", "year")
    False

    Where the block cuts a sentence in two, its opening may be lost with
    the mark (``specially so Karl`` for ``Quite especially so Karl``): a
    block of ``MARKLESS_LINES`` opening in small letters will do, its lines
    after the first in smaller type.

    >>> lost = ["specially so he"] + ["the note, set small, " + "y" * 60] * 2 + ["ends."]
    >>> markless_note(lost, [0, 1, 2, 3], 60, "travelling into and out of", "the country")
    True
    >>> markless_note(lost, [0, 1, 2, 3], 60, "travelling into and out of", "The country")
    False

    The mark may be garbled past reading (``len ee`` for a raised ``2``),
    and a speck may stand before the next page's text:

    >>> garbled = ["len ee This problem of the " + "y" * 40, "is discussed in Chapter 4."]
    >>> markless_note(garbled, [0, 1], 60, "was not sufficiently developed to", ". regard it")
    True
    >>> markless_note(["x" * 70, "is discussed in Chapter 4."], [0, 1], 60, "was not", ". regard")
    False

    A line is as long as its print: the specks a dirty scan sets before a
    line of the body (a paragraph the engine broke with a blank line) do
    not make it one of smaller type.

    >>> broken = ["gravel, stone, or", "._.. " + "w" * 62, "._.. " + "w" * 62, "ends."]
    >>> markless_note(broken, [0, 1, 2, 3], 60, "general debility,", "form.")
    False
    """
    sentence_open = bool(above) and not above.endswith(SENTENCE_ENDS)
    if len(block) == 1 and sentence_open and below[:1].islower():
        text = texts[block[0]]
        return bool(MARKLESS_OPENING.match(text)) and text.endswith(SENTENCE_ENDS)
    needed = MARKLESS_LINES - 1 if sentence_open else MARKLESS_LINES
    opening = MARKLESS_OPENING.match(texts[block[0]]) is not None or \
        garbled_mark_end(texts[block[0]]) is not None
    below = LEADING_SPECKS.sub("", below)  # ``. regard the``: a speck before the page's text
    cut_in_two = sentence_open and below[:1].islower() and texts[block[0]][:1].islower()
    if len(block) < needed or not (opening or cut_in_two and len(block) >= MARKLESS_LINES):
        return False
    full = block[:-1] if opening else block[1:-1]  # the first line's opening lost with the mark
    return min(print_width(texts[i]) for i in full) >= SMALL_TYPE * full_width


def print_width(text: str) -> int:
    """A line's length without the specks at its edges (marks with no
    letter or figure), which a dirty scan adds to a line of the body and
    would make it look set in smaller type, a longer line.

    >>> print_width("._.. Safe cure is sold by chemists and"), print_width("(5s) bottles ;")
    (33, 12)
    """
    return len(EDGE_SPECKS.sub("", text))


EDGE_SPECKS = regex.compile(r"^(?:[^\p{L}\p{N}\s]+\s+)+|(?:\s+[^\p{L}\p{N}\s]+)+$")
"""Tokens of marks alone at a line's start or end."""


MARKLESS_OPENING = regex.compile(r"[“‘\"']?\p{Lu}\p{Ll}")
GARBLED_OPENING = regex.compile(
    r"((?:[^\s\p{Lu}]{1,3}[ \t]+){1,2})[“‘\"']?\p{Lu}\p{Ll}+[ \t]+\p{Ll}")
"""One or two short pieces with no capital, then a sentence's opening."""
LEADING_SPECKS = regex.compile(r"^[^\p{L}\p{N}“‘\"'(]+")


def garbled_mark_end(text: str) -> int | None:
    """Where the text opens after a garble of a note's mark, if the line
    opens a sentence after one: one or two short pieces of no word before a
    capitalised word and a small one (``len ee This problem``, the engine's
    reading of a raised ``2`` and the specks beside it): not a word of the
    sentence above going on (a function word), and not words alone. None
    for a line that opens otherwise.

    >>> garbled_mark_end("len ee This problem"), garbled_mark_end("of an Allied victory")
    (7, None)
    """
    m = GARBLED_OPENING.match(text)
    if m is None:
        return None
    lexicon, small_words = load_lexicon(), function_words()
    pieces = [regex.sub(r"[^\p{L}]", "", piece).lower() for piece in m.group(1).split()]
    if any(piece in small_words for piece in pieces) or \
            all(piece and known_form(piece, lexicon) for piece in pieces):
        return None
    return m.end(1)


def note_openings(texts: Sequence[str], full_width: float) -> list[int]:
    """The first line of every block that opens a note as the footnotes stage
    reads one: a block after a blank line opening with a mark, or a page's
    last block that is a note whose mark was dropped."""
    openings = [i for i in range(1, len(texts)) if not texts[i - 1] and NOTE_START.match(texts[i])]
    block: list[int] = []
    blocks: list[list[int]] = []
    for idx, text in enumerate([*texts, PAGE_BREAK]):
        if text == PAGE_BREAK:
            if block:
                blocks.append(block)
            if len(blocks) > 1 and markless_note(texts, blocks[-1], full_width,
                                                 texts[blocks[-2][-1]], _text_after(texts, idx)):
                openings.append(blocks[-1][0])
            block, blocks = [], []
        elif not text:
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(idx)
    return sorted(set(openings))


def _text_after(texts: Sequence[str], idx: int) -> str:
    """The first line of text after line ``idx`` (a page break): the next page's."""
    return next((texts[i] for i in range(idx + 1, len(texts))
                 if texts[i] and texts[i] != PAGE_BREAK), "")


def printed_note_openings(lines: Sequence[str]) -> list[int]:
    """:func:`note_openings` of a text's lines as printed, judged against
    the median length of those over 30 characters: the one reading the
    characters stage (which leaves a page's quotes to the notes) and the
    footnotes stage (which takes up those no note claims) both make."""
    lengths = [n for n in map(len, lines) if n > 30]
    return note_openings([line.strip(" \t") for line in lines], median(lengths) if lengths else 0)
