"""The notes at a page's foot: where they begin and what mark opens each.

A note is set in smaller type below the page's last full line, opening with
a small raised mark: a figure, a star or a dagger. OCR engines read that mark
well when they keep superscripts (``¹``), as a plain figure when they do not
(``1 Vide``), and often not at all: Tesseract gives a quote, an apostrophe
or a question mark for a figure too small to read (``' Vide``, ``‘In
their``, ``? Quite``). Such a *garbled* mark is no evidence alone (a
paragraph may open with a quotation); it is taken for a note's mark where the
block is set in smaller type, which the OCR shows as longer lines than the
page's body, or where the page body carries a reference for it (decided in
:mod:`.references`). A note whose mark the engine dropped altogether is known
by its type alone: the page's last block, several lines in smaller type,
opening a sentence; it is taken only where the body carries a reference.

Notes whose mark was garbled are numbered from their neighbours: the note
after a ``1`` on its page is ``2``; a first note is ``1``, unless the text
numbers its notes on from page to page or the garble is no misread ``1``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import regex

from clean_scan.charmaps import SUPERSCRIPT_DIGITS
from clean_scan.layout import PAGE_BREAK, Line
from clean_scan.lexicon import binding_words, known_form, load_lexicon, stop_abbreviations
from clean_scan.note_lines import (
    GARBLED_MARKS,
    NOTE_START,
    SENTENCE_ENDS,
    SMALL_TYPE,
    garbled_mark_end,
    markless_note,
)

SYMBOL_MARKS = "†‡§¶"
"""Marks of the symbol sequence (``*``, ``†``, ``‡`` …): a page whose notes
use one of them marks its first note with a star as printed, not a garbled
``1``."""


class LineSource(Protocol):
    """What the notes need of the stage's lines: each line, and every line's text."""

    texts: list[str]

    def __getitem__(self, number: int) -> Line: ...

    def size_ratio(self, number: int) -> float | None: ...


@dataclass
class Note:
    """A note at a page foot: its lines and the mark it opens with."""

    lines: list[Line]
    mark: str
    small_type: bool = False
    number: str = ""
    specks: list[tuple[int, int]] = field(default_factory=list)
    """Garbled marks opening lines that go on the note (``’ the enemy``)."""

    @property
    def garbled(self) -> bool:
        """Whether the mark is a misreading (or was dropped) rather than the printed mark."""
        return self.markless or self.mark in GARBLED_MARKS

    @property
    def markless(self) -> bool:
        """Whether the engine dropped the mark: the note is known by its type."""
        return not self.mark

    @property
    def body_start(self) -> int:
        """Where the note's text begins, after its mark."""
        first = self.lines[0]
        if self.markless:  # its mark dropped, or garbled past reading (``len ee This``)
            return first.start + (garbled_mark_end(first.text) or 0)
        return first.start + NOTE_START.match(first.text).start("body")


NOTE_WORD = regex.compile(r"\p{L}{2,}")
WORDS_SHARE = 1 / 3
"""The least share of a note's words (two letters or more) that read as
words: a note is read, if badly; a block of noise after a number is not."""


def _reads_as_words(text: str) -> bool:
    """Whether ``text`` (a block past its mark) holds words enough to be a
    note's (``WORDS_SHARE``): words the lexicon knows, names (a citation's
    ``Pravda``, ``Izvestia``) and the abbreviations of references (``op.
    cit.``, ``ibid.``).

    >>> _reads_as_words("See the Jubilee History, p. 12."), _reads_as_words("REET, ee ee a")
    (True, False)
    >>> _reads_as_words("Izvestia, 5.xii.1936, op. cit., p. 3.")
    True
    """
    words = NOTE_WORD.findall(text)
    lexicon, abbreviations = load_lexicon(), stop_abbreviations()
    read = sum(known_form(w, lexicon) or w.lower() in abbreviations or
               (w[0].isupper() and w[1:].islower() and len(w) >= 3) for w in words)
    return bool(words) and read >= WORDS_SHARE * len(words)


def foot_notes(lines: LineSource, blocks: list[list[int]],
               full_width: int) -> tuple[list[list[int]], list[Note]]:
    """Split a page's blocks into its body and the notes at its foot.

    The foot is the run of last blocks that open with a mark, with the
    blocks in smaller type after them (a note the OCR broke with a blank
    line); a block opening with a garbled mark counts only when it is set in
    smaller type, or is a single line (whose type cannot be told), or a
    block below it is a note and it closes its sentence (a line of the
    body, a speck before it, leaves its sentence to the next page). A note
    may run over several lines; a new mark at a line start inside the foot
    starts the next note.

    >>> from clean_scan.stages.footnotes import Lines
    >>> text = "The page body, set full out to its width here.\\n\\n* A note."
    >>> lines = Lines(text)
    >>> body, notes = foot_notes(lines, [[0], [2]], 46)
    >>> body, [(n.mark, n.lines[0].text) for n in notes]
    ([[0]], [('*', '* A note.')])
    """
    end = len(blocks)
    if end > 1 and _stray_mark_block(lines, blocks[-1]):
        end -= 1  # a folio the furniture stage could not read stays below the notes
    end = _before_fragments(lines, blocks, end, full_width)
    cut = end
    k = end
    while k > 1:
        block = blocks[k - 1]
        match = NOTE_START.match(lines.texts[block[0]])
        small = _small_type(lines, block, full_width)
        if match is None:
            if not small and not (k < end and _fragment_over(lines, blocks, k - 1, full_width)) \
                    and not _note_tail(lines, blocks, k - 1, full_width):
                break
            k -= 1  # a note's lines after a blank line the OCR put inside it
            continue
        if not _reads_as_words(" ".join(lines.texts[i] for i in block)[match.end("mark"):]):
            break  # ``1 REET, ee ee a``: a folio garbled with the noise beside it, no note
        garbled = match.group("mark") in GARBLED_MARKS
        if garbled and k == end and len(block) > 1 and not small and \
                not _goes_on_a_note(lines, blocks, k - 1, match):
            break
        if garbled and k < end and not small and \
                not lines.texts[block[-1]].rstrip().endswith(SENTENCE_ENDS):
            break  # a note above another ends its sentence: this is the body, a speck first
        k -= 1
        cut = k
    if cut == end and end > 1 and markless_note(lines.texts, blocks[end - 1], full_width,
                                                lines.texts[blocks[end - 2][-1]],
                                                next_page_text(lines, blocks[end - 1][-1])):
        return blocks[:end - 1], [Note([lines[i] for i in blocks[end - 1]], "", True)]
    notes: list[Note] = []
    for block in blocks[cut:end]:
        small = _small_type(lines, block, full_width)
        for idx in block:
            match = NOTE_START.match(lines[idx].text)
            if match and (not notes or _opens_note(lines[idx].text, match, notes[-1],
                                                   notes[-1].lines[-1].number == idx - 1)):
                notes.append(Note([lines[idx]], match.group("mark"), small))
            else:
                notes[-1].lines.append(lines[idx])
                if match and not _quotation_opens(lines[idx].text, match):
                    line = lines[idx]
                    notes[-1].specks.append((line.start, line.start + match.start("body")))
    return blocks[:cut], notes


QUOTE_PARTNERS = {"‘": "’", "“": "”", "'": "'", '"': '"'}


def _quotation_opens(text: str, match: regex.Match) -> bool:
    """Whether the mark opening a line inside a note is a quotation's own
    opening quote, closed later on the line (``‘Pioneers’ of Rochdale``; an
    apostrophe, ``Lenin’s``, closes nothing): text, no speck.

    >>> def opens(line):
    ...     return _quotation_opens(line, NOTE_START.match(line))
    >>> opens("‘Pioneers’ of Rochdale"), opens("’ the enemy"), opens("‘Lenin’s Old Guard")
    (True, False, False)
    """
    partner = QUOTE_PARTNERS.get(match.group("mark"))
    return partner is not None and match.start("body") == 1 and regex.search(
        rf"{regex.escape(partner)}(?!\p{{L}})", text[match.start("body") + 1:]) is not None


def _goes_on_a_note(lines: LineSource, blocks: list[list[int]], at: int,
                    match: regex.Match) -> bool:
    """Whether block ``at``, opening with a speck read as a mark before
    small letters (``’ weavers of``), goes on the note in the block above:
    one opening with a printed mark whose last line leaves its sentence open
    (the OCR broke the note with a blank line)."""
    if at == 0 or not match.group("body").islower():
        return False
    above = blocks[at - 1]
    opening = NOTE_START.match(lines.texts[above[0]])
    return opening is not None and opening.group("mark") not in GARBLED_MARKS and \
        not lines.texts[above[-1]].rstrip().endswith(SENTENCE_ENDS)


def next_page_break(lines: LineSource, idx: int) -> int | None:
    """The first page-break line from line ``idx`` on."""
    texts = lines.texts
    return next((i for i in range(idx, len(texts)) if texts[i] == PAGE_BREAK), None)


def first_text_after(lines: LineSource, idx: int) -> int | None:
    """The first line of text after line ``idx``, past blank lines and page breaks."""
    texts = lines.texts
    return next(
        (i for i in range(idx + 1, len(texts)) if texts[i] and texts[i] != PAGE_BREAK),
        None,
    )


def next_page_text(lines: LineSource, idx: int) -> str:
    """The first line of text on the page after line ``idx``'s ('' if none):
    what the body's last line runs on into, below the notes."""
    page_break = next_page_break(lines, idx + 1)
    following = None if page_break is None else first_text_after(lines, page_break)
    return "" if following is None else lines.texts[following]


def _stray_mark_block(lines: LineSource, block: list[int]) -> bool:
    """A single short line of no word (``i]``, ``293:`` for ``- 29 -``): a
    misread folio, not text."""
    text = lines.texts[block[0]]
    return len(block) == 1 and len(text.replace(" ", "")) <= 4 and not STRAY_WORD.search(text)


STRAY_WORD = regex.compile(r"\p{L}{3,}|\d{4,}")


FRAGMENT = 0.5
"""A line under half the body's width, alone in its block, may be a piece
of a longer line the OCR split off."""


def _before_fragments(lines: LineSource, blocks: list[list[int]], end: int,
                      full_width: int) -> int:
    """Where the page's blocks end once lone pieces of lines below a note
    are set aside (the body's last line, ``theory of org``, which the OCR
    read after the notes, or the note's own short last line): they stay in
    the body's place. Below a note means below a block in smaller type,
    whether its mark opens it or a blank line the OCR put inside the note
    parts it from the block the mark opens."""
    j = end
    while j > 1 and _line_piece(lines, blocks[j - 1], full_width):
        j -= 1
    return j if j < end and _small_type(lines, blocks[j - 1], full_width) else end


def _fragment_over(lines: LineSource, blocks: list[list[int]], at: int, full_width: int) -> bool:
    """Whether block ``at`` is a lone piece of a line (``terror-``) the OCR
    parted from a note: one short line under a block in smaller type that
    opens with a mark.

    >>> from clean_scan.stages.footnotes import Lines
    >>> note = "* In their sharpest form these tendencies were expressed during the trials"
    >>> lines = Lines("\\n\\n".join([note, "terror-", note]))
    >>> _fragment_over(lines, [[0], [2], [4]], 1, 60), _fragment_over(lines, [[0], [2], [4]], 1, 70)
    (True, False)
    """
    return at > 0 and _line_piece(lines, blocks[at], full_width) and \
        _opens_small_note(lines, blocks[at - 1], full_width)


def _note_tail(lines: LineSource, blocks: list[list[int]], at: int, full_width: int) -> bool:
    """Whether block ``at`` is a note's last line the OCR set apart with a
    blank line: one line, shorter than the body's, closing its sentence,
    right under a block in smaller type that opens with a mark (a page's
    body goes on on the next page, not under its notes).

    >>> from clean_scan.stages.footnotes import Lines
    >>> note = "' This statement is true only, of course, with regard to the general mass of"
    >>> lines = Lines("\\n\\n".join([note, "a very small part of the people.", "a very small"]))
    >>> _note_tail(lines, [[0], [2], [4]], 1, 60), _note_tail(lines, [[0], [2], [4]], 2, 60)
    (True, False)
    """
    text = lines.texts[blocks[at][0]]
    return at > 0 and len(blocks[at]) == 1 and len(text) < full_width and \
        text.rstrip().endswith(SENTENCE_ENDS) and \
        _opens_small_note(lines, blocks[at - 1], full_width)


def _line_piece(lines: LineSource, block: list[int], full_width: int) -> bool:
    """A block of one line under half the body's width opening with no mark."""
    text = lines.texts[block[0]]
    return len(block) == 1 and len(text) < FRAGMENT * full_width and NOTE_START.match(text) is None


def _opens_small_note(lines: LineSource, block: list[int], full_width: int) -> bool:
    """A block in smaller type whose first line opens with a mark."""
    return NOTE_START.match(lines.texts[block[0]]) is not None and \
        _small_type(lines, block, full_width)


def _small_type(lines: LineSource, block: list[int], full_width: int) -> bool:
    """Type smaller than the body's: lines longer than the body's (the last
    line, often short, is left out, unless it is the only one), or, where a
    layout file gives each line's size of type, a block whose lines are
    ``SMALL_SIZE`` of its page's body type or less (the median: of two, the
    smaller), however short (a note of a line or two, ``Ibid.``)."""
    ratios = [lines.size_ratio(i) for i in block]
    if ratios and None not in ratios and sorted(ratios)[(len(ratios) - 1) // 2] <= SMALL_SIZE:
        return True
    lengths = sorted(len(lines.texts[i]) for i in (block[:-1] or block))
    return lengths[len(lengths) // 2] >= SMALL_TYPE * full_width  # of two, the longer


SMALL_SIZE = 0.9
"""The largest size of a note's type against its page's body type, where a
layout file gives sizes (Tesseract's ``x_size`` on the dev pamphlets: notes
0.7-0.85 of the body's)."""


def _opens_note(text: str, match: regex.Match, previous: Note, adjacent: bool) -> bool:
    """Whether a line of the foot opening with a mark starts a new note.

    A note above another on a page ends its sentence, so a star or a garbled
    mark after a note broken off where no sentence can end (after ``the``,
    ``of``, a comma or a hyphen: ``We cannot deal here with the`` / ``*
    Moscow Trials.``) is a speck before the rest of it, which the OCR may
    have parted from it with a blank line; only a figure in sequence (``2``
    after ``1``) opens a new note there. (A note's closing stop the OCR
    lost, ``of the population`` / ``* This problem``, leaves it alone.)

    Otherwise, inside a block, a line starting with a mark is a new note if
    its mark follows the previous one or is a symbol, or the previous note's
    last line closed its sentence; after a blank line, it is, unless a
    garbled mark stands before small letters going on a sentence left open
    (``’ the enemy of``).

    >>> def opens(line, previous_line, previous_mark="'", adjacent=False):
    ...     note = Note([Line(0, 0, 1, 0, 1, previous_line, False, False)], previous_mark)
    ...     return _opens_note(line, NOTE_START.match(line), note, adjacent)
    >>> opens("* Moscow Trials. But", "We cannot deal here with the")
    False
    >>> opens("* See above.", "as Lenin wrote in 1902."), opens("2 Ibid.", "the end of", "1")
    (True, True)
    >>> opens("* This problem is", "form only a small part of the population")
    True
    """
    mark = match.group("mark")
    if not mark.isdecimal() and _broken_off(previous.lines[-1].text):
        return False
    if adjacent:
        return _looks_like_new_note(text, previous)
    goes_on = (mark in GARBLED_MARKS and match.group("body").islower()
               and not previous.lines[-1].text.endswith(SENTENCE_ENDS))
    return not goes_on


LAST_WORD = regex.compile(r"(?<!\p{L})\p{L}+$")


def _broken_off(text: str) -> bool:
    """Whether a line stops where no sentence can end: after a comma, a
    hyphen or a word that binds to the next (``the``, ``of``, ``with``)."""
    text = text.rstrip()
    if text.endswith((",", "-", "—")):
        return True
    word = LAST_WORD.search(text)
    return word is not None and word.group().lower() in binding_words()


def _looks_like_new_note(text: str, previous: Note) -> bool:
    """Inside one block, a line starting with a mark is a new note only if
    its mark follows the previous one (``2`` after ``1``) or is a symbol,
    or the previous note's last line closed its sentence."""
    mark = NOTE_START.match(text).group("mark")
    if previous.mark.isdecimal() and mark.isdecimal():
        return int(mark) == int(previous.mark) + 1
    if mark in GARBLED_MARKS:
        return previous.lines[-1].text.endswith((".", ".”", ".’"))
    return not mark.isdecimal()


ONE_STROKE_GARBLES = "'‘’`\"“”!|"
"""What a raised ``1``, a single stroke, is read as. Any other garbled
mark (``?``, ``>``, a degree sign) is a wider figure misread, so a page's
first note opening with one is not a ``1``: the text numbers its notes on
from page to page. (A star or a bullet may be either: engines read both a
raised 1 and a raised 2 as one; only a star alone on its page after
numbered notes is taken for the next figure.)"""


class Numbering:
    """Numbers notes page by page as the text numbers them.

    The printed number when the mark was read; for a garbled mark the
    number its neighbours on the page imply, or else, for a page's first
    note, ``1``, unless a page was seen whose first note is printed with a
    higher number or the mark is no single stroke misread (the text numbers
    on from page to page), when it follows the last note before it. A star
    alone on its page after numbered notes is a figure misread too (engines
    read a raised 2 so): it follows the last note, or is ``1`` where a
    later page's first note was printed ``1`` (the text numbers page by
    page).

    >>> from clean_scan.layout import Line
    >>> def numbers(*pages):
    ...     numbering = Numbering()
    ...     for marks in pages:
    ...         notes = [Note([Line(0, 0, 1, 0, 1, "x", False, False)], m) for m in marks]
    ...         numbering.number(notes)
    ...         yield " ".join(n.number for n in notes)
    >>> list(numbers("'", "?", "‘")), list(numbers("'", ">")), list(numbers("*", "*"))
    (['1', '2', '1'], ['1', '2'], ['*', '*'])
    >>> list(numbers("'", "'")), list(numbers("'", "*")), list(numbers("'", "**"))
    (['1', '1'], ['1', '2'], ['1', '1 2'])

    Only a number read as printed says the numbers run on (or start again
    on each page), not one guessed for a star:

    >>> list(numbers("!", "*", "‘")), list(numbers("1", "1", "*")), list(numbers("1", "2", "*"))
    (['1', '2', '1'], ['1', '1', '1'], ['1', '2', '3'])
    """

    def __init__(self) -> None:
        self.last = 0
        self.runs_on = False
        self.restarts = False

    def number(self, notes: Sequence[Note]) -> None:
        numbered = any(n.mark.isdigit() for n in notes)
        symbols = any(n.mark in SYMBOL_MARKS for n in notes)
        for place, note in enumerate(notes):
            note.number = self._printed(note, place, notes, numbered, symbols)
        first = notes[0] if notes else None
        if first is not None and first.mark.isdecimal() and not first.garbled:
            # only a number printed legibly says how the text numbers (not
            # one this numbering guessed for a star or a garble)
            self.runs_on = int(first.mark) > 1
            self.restarts = int(first.mark) == 1 and self.last > 0
        for note in notes:
            if note.number.isdecimal():
                self.last = int(note.number)

    def _printed(self, note: Note, place: int, notes: Sequence[Note], numbered: bool,
                 symbols: bool) -> str:
        if note.mark and all(c in SUPERSCRIPT_DIGITS for c in note.mark):
            return "".join(str(SUPERSCRIPT_DIGITS.index(c) + 1) for c in note.mark)
        alone = len(notes) == 1
        if note.mark and note.mark in "*•" and (symbols or not (numbered or not alone)):
            if symbols or not self.last:
                return "*"  # the symbol sequence's first mark, as printed
            if self.restarts and alone:
                return "1"  # a figure misread, on a page of a text that numbers page by page
            return str(self.last + 1)  # after numbered notes, a figure misread
        if not note.garbled and note.mark not in "*•":
            return note.mark
        if place:
            before = notes[place - 1].number
            if before.isdecimal():
                return str(int(before) + 1)
        after = next((n.mark for n in notes[place + 1:] if n.mark.isdecimal()), None)
        if after is not None:
            return str(max(1, int(after) - notes.index(
                next(n for n in notes if n.mark == after)) + place))
        if self.runs_on or (note.mark and note.mark not in ONE_STROKE_GARBLES + "*•"):
            return str(self.last + 1)  # not a 1 misread: the numbers run on to this page
        return "1"
