"""Specks a layout file gives away: marks the OCR engine itself doubted,
and words whose box on the page is too small for any letter. A plain
export hides both (a speck read as ``|`` looks like a bar); an hOCR,
ALTO or PAGE file gives each word its confidence and its box, so these
repairs act only where the input was one."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import regex

from clean_scan.document import Proposal
from clean_scan.lexicon import Lexicon, binding_words, load_lexicon
from clean_scan.stages.characters.lone_specks import reads_as_word
from clean_scan.stages.characters.next_words import spaced_word_before

if TYPE_CHECKING:
    from clean_scan.stages.characters import Lines

ALONE_MARKS = regex.compile(r"(?<=[ \t]|^)(?P<mark>[^\s\p{L}\p{N}]{1,3})(?=[ \t]|$)",
                            regex.MULTILINE)
ENGINE_REFERENCE_LOOKALIKES = frozenset("!|°*'’‘`^")
"""What a raised reference figure, read apart from its word (``experience.
!``), is read as: an engine reads it with little confidence too. (After a
word that binds to the next, ``of *``, no reference stands.)"""
ENGINE_DOUBT = 0.3
"""A mark the engine read with less confidence than this is taken for a
speck (a real mark, a stop or a dash, reads at 0.8 and more)."""


def engine_speck(text: str, doc: Lines) -> list[Proposal]:
    """From a layout file: marks standing alone that the OCR engine itself
    read with little confidence (a speck, or the edge of a blot) go, with
    the space before them. A whole-text repair (it needs no line context).

    >>> from clean_scan.formats.layout import Block, Layout, Line, Page, Word
    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.characters import Lines
    >>> words = [Word("the", None, 0.96), Word("|", None, 0.2), Word("rent", None, 0.93),
    ...          Word("—", None, 0.91), Word("paid", None, 0.95)]
    >>> layout = Layout("hocr", [Page([Block([Line(words)])])])
    >>> text = layout.text()
    >>> doc = Lines(text, Context(layout=layout, raw_span=lambda start, end: (start, end)))
    >>> [text[p.start:p.end] for p in engine_speck(text, doc)]
    [' |']

    A mark so read opening a line inside a paragraph goes with the space
    after it; one opening a block stays (a note's garbled mark, perhaps).

    >>> lines = [Line([Word("the", None, 0.9), Word("power.", None, 0.9)]),
    ...          Line([Word("'", None, 0.1), Word("That", None, 0.9), Word("was", None, 0.9)])]
    >>> layout = Layout("hocr", [Page([Block(lines)])])
    >>> text = layout.text()
    >>> doc = Lines(text, Context(layout=layout, raw_span=lambda start, end: (start, end)))
    >>> [text[p.start:p.end] for p in engine_speck(text, doc)]
    ["' "]

    Left alone: every mark of a plain-text input, and marks read with
    confidence (the dash above).
    """
    if doc.context.layout is None:
        return []  # a plain-text input: no confidences
    fixes = []
    for m in ALONE_MARKS.finditer(text):
        confidence = doc.context.engine_doubt(m.start(), m.end(), m.group(), ENGINE_DOUBT)
        if confidence is not None:
            fix = _speck_removal(text, m, doc, "engine-speck", 0.85,
                                 f"a mark alone that the OCR engine read with "
                                 f"{confidence:.0%} confidence: a speck")
            if fix:
                fixes.append(fix)
    return fixes


def _speck_removal(text: str, m: regex.Match, doc: Lines, rule: str, confidence: float,
                   reason: str) -> Proposal | None:
    """The removal of the speck ``m`` standing alone, with the space before
    it (or after it, opening a line); None where it may be a note's mark:
    a reference's lookalike on a page with a note below, after a word that
    does not bind to the next, or a mark opening a block."""
    at_start = m.start() == 0 or text[m.start() - 1] == "\n"
    line = bisect_right(doc.starts, m.start()) - 1
    if m.group() in ENGINE_REFERENCE_LOOKALIKES and doc.note_page[line] and \
            spaced_word_before(text, m.start()).lower() not in binding_words():
        return None  # on a page with a note below, the mark may be its reference
    if at_start and (line == 0 or not doc.lines[line - 1].strip()):
        return None  # opening a block (or the text): a note's mark, perhaps
    start, end = (m.start(), m.end() + (text[m.end():m.end() + 1] in " \t")) \
        if at_start else (m.start() - 1, m.end())
    return Proposal(start, end, "", rule, confidence, reason)


GLUED_MARK = regex.compile(
    r"(?<![^\s\"“‘(])(?P<word>\p{L}{2,})(?P<mark>[.:;’'\"”!])"
    r"(?=[ \t]*\n?[ \t]*(?P<next>\p{Ll}\p{L}*))")
"""A word with one mark glued after it, the sentence going on in small letters."""
GLUED_DOUBT = 0.6
"""A known word with a mark glued on, read with less confidence than this:
its letters read well, the doubt is the mark's (on the rough dev
pamphlets' hOCR, such marks before a small letter were specks 48 times in
55; real marks read at 0.95)."""


def engine_glued_speck(text: str, doc: Lines) -> list[Proposal]:
    """From a layout file: a stop, colon, semicolon, quote or exclamation
    mark glued after a word the lexicon knows, which the OCR engine read with little
    confidence, before a word in small letters, is a speck: the engine
    doubted the mark, not the word's letters.

    >>> from clean_scan.formats.layout import Block, Layout, Line, Page, Word
    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.characters import Lines
    >>> words = [Word("against:", None, 0.45), Word("its", None, 0.96),
    ...          Word("enemy.", None, 0.93), Word("then", None, 0.9),
    ...          Word("soil.", None, 0.5), Word("The", None, 0.95), Word("end", None, 0.95)]
    >>> layout = Layout("hocr", [Page([Block([Line(words)])])])
    >>> text = layout.text()
    >>> doc = Lines(text, Context(layout=layout, raw_span=lambda start, end: (start, end)))
    >>> [text[p.start - 4:p.end] for p in engine_glued_speck(text, doc)]
    ['inst:']
    >>> words = [Word("Party.", None, 0.41), Word("fi", None, 0.41), Word("the", None, 0.9)]
    >>> layout = Layout("hocr", [Page([Block([Line(words)])])])
    >>> text = layout.text()
    >>> doc = Lines(text, Context(layout=layout, raw_span=lambda start, end: (start, end)))
    >>> engine_glued_speck(text, doc)
    []

    Left alone: a plain-text input, a mark read with confidence (``enemy.``),
    a mark before a capital (``soil. The``), a word the lexicon lacks (its
    letters may be what the engine doubted), a mark before a word the
    lexicon lacks, too short to be a word misread (``Party. fi the end``:
    a capital misread, perhaps, that opened a sentence, as above), and any
    mark on a page with a footnote below, where it may be the note's
    garbled reference.
    """
    if doc.context.layout is None:
        return []
    lexicon = load_lexicon()
    fixes = []
    for m in GLUED_MARK.finditer(text):
        if m.group("word").lower() not in lexicon or _garbled(m.group("next"), lexicon):
            continue  # the next word misread: it may open a sentence (``Party. fi the``)
        if doc.note_page[bisect_right(doc.starts, m.start()) - 1]:
            continue  # on a page with a note below, the mark may be its reference
        confidence = doc.context.engine_doubt(m.start(), m.end(), m.group(), GLUED_DOUBT)
        if confidence is not None:
            fixes.append(Proposal(m.start("mark"), m.end("mark"), "", "engine-glued-speck", 0.85,
                                  f"a mark glued to '{m.group('word')}', read by the OCR engine "
                                  f"with {confidence:.0%} confidence, before a small letter: "
                                  "a speck"))
    return fixes


ALONE_TOKEN = regex.compile(r"(?<=[ \t]|^)(?P<token>\S{1,3})(?=[ \t]|$)", regex.MULTILINE)
SPECK_SHARE = 0.2
"""A word whose box is, both ways, under this share of its line's letter
height (:attr:`clean_scan.formats.layout.Line.letter_height`) is too
small for any letter, figure or mark print sets but a stop, a comma or a
hyphen: a colon stands as tall as an ``x``, a raised reference figure half
an ``x`` tall. (On the rough dev pamphlets' hOCR, read at 200 dpi, such
boxes are 2-4 pixels beside letters 20-30 tall: dirt the engine read as
``|``, ``4``, ``y`` or ``_.``.)"""
SIZELESS = frozenset(".,-")
"""Marks whose size tells nothing: a stop or a comma standing alone is as
small as a speck, and a hyphen, a thin stroke, shrinks to a dot in starved
ink (a newspaper's ``April. - Remaining`` read in a box 1 by 3).
:func:`clean_scan.stages.characters.lone_specks.lone_speck` judges them by
their place."""


def speck_by_size(text: str, doc: Lines) -> list[Proposal]:
    """From a layout file: a token of one to three characters standing
    alone whose box on the page is too small for what it was read as
    (under :data:`SPECK_SHARE` of its line's letter height, both ways) is
    a speck, whatever the engine's confidence; it goes with the space
    before it. A whole-text repair.

    >>> from clean_scan.formats.layout import Block, Box, Layout, Line, Page, Word
    >>> from clean_scan.stage import Context
    >>> from clean_scan.stages.characters import Lines
    >>> words = [Word("answered", Box(0, 10, 90, 32), 0.95),
    ...          Word("by", Box(100, 10, 120, 32), 0.96), Word("4", Box(125, 20, 127, 22), 0.9),
    ...          Word("plain", Box(135, 10, 180, 32), 0.95),
    ...          Word(":", Box(190, 20, 193, 30), 0.9), Word("NO.", Box(200, 10, 240, 32), 0.9),
    ...          Word(".", Box(250, 29, 252, 31), 0.9), Word("|", Box(0, 0, 0, 0), 0.9),
    ...          Word("end", Box(260, 10, 290, 32), 0.9)]
    >>> layout = Layout("hocr", [Page([Block([Line(words)])])])
    >>> text = layout.text()
    >>> doc = Lines(text, Context(layout=layout, raw_span=lambda start, end: (start, end)))
    >>> [text[p.start:p.end] for p in speck_by_size(text, doc)]
    [' 4']

    Left alone: a box of no width or height (a converter's placeholder,
    not a measure), the colon ten pixels tall (a colon's size), the stop (a
    stop is a speck's size, see :data:`SIZELESS`), a word (``a`` in a box
    of two pixels is a faint letter the engine's language model read, not
    dirt read as a letter), every token of a plain-text input, and, as
    for :func:`engine_speck`, a reference's lookalike on a page with a
    note below and a mark opening a block.
    """
    if doc.context.layout is None:
        return []  # a plain-text input: no boxes
    fixes = []
    for m in ALONE_TOKEN.finditer(text):
        token = m.group()
        if set(token) <= SIZELESS or reads_as_word(token):
            continue  # its size tells nothing, or a faint word the engine's model read
        word = doc.context.engine_word(m.start(), m.end(), token)
        if word is None or word.box is None or min(word.box.height, word.box.x1 - word.box.x0) <= 0:
            continue  # no box, or one a converter left empty: it tells nothing
        place = doc.context.line_place(m.start())
        height = place.line.letter_height if place else None
        if not height or max(word.box.height, word.box.x1 - word.box.x0) >= SPECK_SHARE * height:
            continue
        fix = _speck_removal(text, m, doc, "speck-by-size", 0.85,
                             f"'{token}' stands in a box too small for it on the page "
                             f"({word.box.x1 - word.box.x0:.0f} by {word.box.height:.0f}, "
                             f"beside letters {height:.0f} tall): a speck")
        if fix:
            fixes.append(fix)
    return fixes


def _garbled(word: str, lexicon: Lexicon) -> bool:
    """A word of one or two letters the lexicon lacks: too short to be a
    misread word going on in small letters (``fi`` for ``In``); a longer
    one is a word misread (``suffi-``, ``countri¢és``).

    >>> lexicon = load_lexicon()
    >>> _garbled("fi", lexicon), _garbled("of", lexicon), _garbled("suffi", lexicon)
    (True, False, False)
    """
    return len(word) <= 2 and word not in lexicon
