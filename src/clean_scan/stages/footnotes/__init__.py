"""Footnotes: take each footnote off the foot of its page, give it and its
reference the ``[N]`` form, and put it right after the paragraph that holds
the reference (after the whole paragraph, also when that paragraph runs on
over the page break).

This runs before pages are joined, while the page foot is still a page foot:
afterwards a footnote would sit in the middle of a paragraph.

A block at the foot of a page is a footnote when it opens with a mark and
either the page's text carries a matching reference or the block is set in
the smaller type of notes (:mod:`.notes`). Marks are read as printed
(``1``, ``*``, ``†``, ``¹``) or, garbled (``' Vide``, ``‘In``, ``? Quite``;
``Finland!``, ``dispute.’``), weighed by what ordinary punctuation could not
explain (:mod:`.references`). A note in small type whose reference cannot be
found is still taken off the page foot, out of the paragraph it would
split, and put after the paragraph running at the page foot, flagged for a
person to check. A block at the top of the foot that opens with a mark but
is set in the body's type and has no reference (``* Party which``, a speck
before a block of a paragraph the OCR broke) is the body's: the notes below
it are still paired. Left alone: ``In Chapter 4 we``, ``No. 1``, a list item
``(a) …``, a contents entry ``2. The Bolshevik Party``, a quotation opening a
paragraph at a page foot.
"""

from __future__ import annotations

from functools import cached_property
from itertools import accumulate, repeat

import regex

from clean_scan.document import Flag, Proposal
from clean_scan.layout import PAGE_BREAK, Line, median, runs_on
from clean_scan.lexicon import load_lexicon
from clean_scan.note_lines import MARKLESS_OPENING, printed_note_openings
from clean_scan.quoting import Quoting
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages.footnotes.leftover_quotes import orphaned_quotes, unclaimed_quotes
from clean_scan.stages.footnotes.notes import (
    NOTE_START,
    Note,
    Numbering,
    first_text_after,
    foot_notes,
    next_page_break,
)
from clean_scan.stages.footnotes.references import Reference, assign_references
from clean_scan.stages.footnotes.stray_lines import stray_line_moves

__all__ = ["NOTE_START", "STAGE", "Lines", "run"]


class Lines:
    """The lines of the text as :func:`clean_scan.layout.split_lines` makes
    them, each made only when first used: most pages have no note at their
    foot, and making every line was most of this stage's time. ``texts``
    holds every line's ``Line.text`` (its content without the spaces and tabs
    around it), enough for the first look at every page."""

    def __init__(self, text: str, context: Context | None = None) -> None:
        self.context = context
        self._body_sizes: dict[int, float | None] = {}
        self._text = text
        self._raw = text.split("\n")
        self._length = len(text)
        self._starts = list(accumulate(map((1).__add__, map(len, self._raw[:-1])), initial=0))
        self._made: dict[int, Line] = {}
        self.texts = list(map(str.strip, self._raw, repeat(" \t")))

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, number: int) -> Line:
        line = self._made.get(number)
        if line is None:
            raw, pos, stripped = self._raw[number], self._starts[number], self.texts[number]
            start = pos + len(raw) - len(raw.lstrip(" \t"))
            line = Line(number, start, start + len(stripped), pos,
                        min(pos + len(raw) + 1, self._length), stripped,
                        not stripped, stripped == PAGE_BREAK)
            self._made[number] = line
        return line

    def size_ratio(self, number: int) -> float | None:
        """The size of line ``number``'s type against its page's body type
        (:func:`_body_size`), where a layout file gives sizes the body's
        lines agree on; else None."""
        if self.context is None or self.context.layout is None:
            return None
        place = self.context.line_place(self[number].start)
        if place is None or not place.line.size:
            return None
        if place.page not in self._body_sizes:
            page = self.context.layout.pages[place.page]
            self._body_sizes[place.page] = _body_size(
                [line.size for block in page.blocks for line in block.lines if line.size])
        body = self._body_sizes[place.page]
        return place.line.size / body if body else None

    @cached_property
    def note_openings(self) -> frozenset[int]:
        """The lines that may open a note, as the characters stage reads
        them (:func:`clean_scan.note_lines.printed_note_openings`)."""
        return frozenset(printed_note_openings(self._raw))

    @cached_property
    def double_quoting(self) -> bool:
        """Whether the text quotes with double quotes only
        (:attr:`clean_scan.quoting.Quoting.double`): asked only on a page
        with notes."""
        return Quoting.of(self._text).double

    @cached_property
    def full_width(self) -> int:
        """:func:`clean_scan.layout.typical_line_length` of all the lines."""
        lengths = [n for n in map(len, self.texts) if n > 30]
        return int(median(lengths)) if lengths else 60


STEADY_SIZE = 0.08
"""How far from the median size most of a page's lines stand where the file
gives the size of their type (Tesseract's hOCR ``x_size``: within 3%),
not their height with ascenders and descenders (its ALTO: 0.6 to 1.5)."""
STEADY_SHARE = 0.75


def _body_size(sizes: list[float]) -> float | None:
    """The body type's size on a page, the median of its lines' sizes,
    where ``STEADY_SHARE`` of them stand within ``STEADY_SIZE`` of it: else
    the sizes are boxes' heights, which say nothing of the type.

    >>> _body_size([30, 30, 31, 29, 30, 30, 22, 21]), _body_size([35, 20, 50, 33, 41, 24])
    (30.0, None)
    """
    if not sizes:
        return None
    body = median(sizes)
    steady = sum(abs(size - body) <= STEADY_SIZE * body for size in sizes)
    return body if steady >= STEADY_SHARE * len(sizes) else None


def run(text: str, context: Context) -> StageResult:
    """Find, renumber and move the footnotes of every page."""
    lines = Lines(text, context)
    proposals: list[Proposal] = []
    flags: list[Flag] = []
    numbering = Numbering()
    for page_lines in _pages(lines):
        page_proposals, page_flags = _page_proposals(text, lines, page_lines, numbering)
        proposals += page_proposals
        flags += page_flags
    return StageResult(_merge_insertions(proposals), flags)


def _page_proposals(text: str, lines: Lines, page: list[int],
                    numbering: Numbering) -> tuple[list[Proposal], list[Flag]]:
    blocks = _blocks(lines, page)
    body_blocks, notes = foot_notes(lines, blocks, lines.full_width)
    if not notes:
        return stray_line_moves(lines, blocks) + orphaned_quotes(text, lines, page), []
    if not body_blocks:
        return [], []
    if _outweighs_body(notes, body_blocks):
        return [], []  # a page's text below a misread line start (``5 true`` for ``It is``)
    numbered_before = numbering.last, numbering.runs_on
    found = _paired(text, lines, body_blocks, notes, numbering)
    unsure = _unsure(found)
    lead = unsure.index(False) if False in unsure else len(unsure)
    if lead and lead < len(unsure) and not any(unsure[lead:]):
        # the first blocks of the foot were the body's, a speck opening them
        body_blocks = body_blocks + [[line.number for line in note.lines] for note in notes[:lead]]
        numbering.last, numbering.runs_on = numbered_before
        found = _paired(text, lines, body_blocks, notes[lead:], numbering)
        unsure = _unsure(found)
    if any(unsure):  # neither end is sure it is a note: leave the page alone
        return orphaned_quotes(text, lines, page), []
    places = _places(text, lines, body_blocks, found)
    flags = [Flag(note.lines[0].start, note.lines[0].end, note.lines[0].text, "move-note", 0.6,
                  f"footnote {note.number}: no reference found on its page; placed after "
                  + where, ())
             for (note, ref), (_, where) in zip(found, places, strict=True) if ref is None]
    flags += [Flag(ref.start, ref.end, text[ref.start:ref.end], "reference", 0.6,
                   f"footnote {note.number}: the reference is a mark ordinary punctuation could "
                   "explain, the only one on the page", ())
              for note, ref in found if ref is not None and ref.weak]
    proposals = _moves(text, lines, body_blocks, found, places)
    if lines.double_quoting:
        taken = {at for _, ref in found if ref is not None for at in range(ref.start, ref.end)}
        body = (lines[idx] for block in body_blocks for idx in block)
        proposals += unclaimed_quotes(text, body, taken)
    return proposals, flags


def _paired(text: str, lines: Lines, body_blocks: list[list[int]], notes: list[Note],
            numbering: Numbering) -> list[tuple[Note, Reference | None]]:
    """The notes, numbered, each with its reference in the body (or ``None``)."""
    numbering.number(notes)
    body = [idx for block in body_blocks for idx in block]
    return list(zip(notes, assign_references(text, lines, body, notes), strict=True))


def _unsure(found: list[tuple[Note, Reference | None]]) -> list[bool]:
    """For each note, whether neither end is sure it is one: no reference
    found, and no mark or no small type."""
    return [ref is None and (note.markless or not note.small_type) for note, ref in found]


def _outweighs_body(notes: list[Note], body_blocks: list[list[int]]) -> bool:
    """Whether the notes, set in the body's type, run to ``LONG_NOTES``
    lines or more and to half the body above them: notes are a page's foot,
    not a third of it.

    >>> from clean_scan.layout import Line
    >>> line = Line(0, 0, 1, 0, 1, "x", False, False)
    >>> _outweighs_body([Note([line] * 9, "5")], [[0, 1], [2, 3]])
    True
    """
    if any(note.small_type for note in notes):
        return False
    length = sum(len(note.lines) for note in notes)
    return length >= LONG_NOTES and 2 * length >= sum(map(len, body_blocks))


LONG_NOTES = 6
"""Lines of notes in the body's type that a page's foot hardly holds."""


def _pages(lines: Lines) -> list[list[int]]:
    """Line indexes of each page (page-break lines themselves excluded)."""
    pages: list[list[int]] = [[]]
    for idx, line in enumerate(lines.texts):
        if line == PAGE_BREAK:
            pages.append([])
        else:
            pages[-1].append(idx)
    return [p for p in pages if p]


def _blocks(lines: Lines, indexes: list[int]) -> list[list[int]]:
    """Runs of non-blank lines within a page."""
    blocks: list[list[int]] = []
    current: list[int] = []
    texts = lines.texts
    for idx in indexes:
        if not texts[idx]:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(idx)
    if current:
        blocks.append(current)
    return blocks


def _places(text: str, lines: Lines, body_blocks: list[list[int]],
            found: list[tuple[Note, Reference | None]]) -> list[tuple[int, str]]:
    """Where each note goes, and what a reviewer is told of the place."""
    foot = found[0][0].lines[0].number
    return [(_note_place(text, lines, ref, foot), "its paragraph") if ref else
            _unreferenced_place(text, lines, body_blocks, found, order, foot)
            for order, (_, ref) in enumerate(found)]


def _moves(
    text: str,
    lines: Lines,
    body_blocks: list[list[int]],
    found: list[tuple[Note, Reference | None]],
    places: list[tuple[int, str]],
) -> list[Proposal]:
    """Proposals that rewrite references, take the notes off the page foot and
    insert them at their ``places`` (:func:`_places`)."""
    proposals = []
    foot_start = lines[body_blocks[-1][-1]].end
    foot_end = found[-1][0].lines[-1].end
    placed = sorted(((places[order][0], order, note, ref)
                     for order, (note, ref) in enumerate(found)),
                    key=lambda item: (item[0], item[1]))
    for _, _, note, ref in placed:
        if ref is not None:
            how = "garbled " if ref.garbled else ""
            proposals.append(Proposal(ref.start, ref.end, f"[{note.number}]", "reference",
                                      0.9 if ref.garbled else 0.95,
                                      f"footnote reference {note.number} ({how}mark)"))
    if all(insert_at == foot_start for insert_at, _, _, _ in placed):
        for _, _, note, _ in placed:  # already after their paragraph: only the marks change
            first = note.lines[0]
            proposals.append(Proposal(first.start, note.body_start, f"[{note.number}] ",
                                      "note-mark", 0.95, f"footnote {note.number}"))
            proposals += [Proposal(start, end, "", "note-speck", 0.9,
                                   "a speck read as a mark before a line the note goes on in")
                          for start, end in note.specks]
        return proposals
    for insert_at, order, note, ref in placed:
        where = places[order][1] + ("" if ref else " (no reference found)")
        closing = "" if _ends_paragraph(text, insert_at) else "\n"
        proposals.append(Proposal(insert_at, insert_at, "\n\n" + _note_text(text, note) + closing,
                                  "move-note", 0.9 if ref else 0.85,
                                  f"footnote {note.number} placed after {where}"))
    proposals.append(
        Proposal(foot_start, foot_end, "", "move-note", 0.9, "footnotes taken off the page foot")
    )
    return proposals


def _unreferenced_place(text: str, lines: Lines, body_blocks: list[list[int]],
                        found: list[tuple[Note, Reference | None]], order: int,
                        foot: int) -> tuple[int, str]:
    """Where a note whose reference was not found goes: after the first
    paragraph that closes a sentence on its page (between the references of
    the notes before and after it, where those were found; not one the note
    before's reference closes, as no mark follows it there), or after the
    paragraph holding a line the engine could not read, where the mark may
    be hidden; else after the paragraph running at the page foot. Returns
    the offset and what a reviewer is told of the place.

    The reference must stand on the note's page, and a raised mark is most
    often lost where it stands alone after a paragraph's last stop, in the
    white space of a short line (``dispute.²`` read ``dispute.``). A later
    note whose reference is lost after an earlier one's was found, with no
    later reference to bound it, goes after the paragraph at the page foot:
    its mark stood after the other's, in what is left of the page, and the
    first sentence closed there is no likelier than the last. A note
    opening in small letters is more likely the body's next line behind a
    speck than a note: it stays where it is, after the paragraph at the foot
    (:func:`_reads_on`).
    """
    last_body_line = body_blocks[-1][-1]
    at_foot = (_paragraph_end(lines, last_body_line, lines.full_width, foot),
               "the paragraph at the page foot")
    note = found[order][0]
    if _reads_on(text, note.body_start):
        return at_foot
    before = [ref for _, ref in found[:order] if ref is not None]
    after = [ref for _, ref in found[order + 1:] if ref is not None]
    limit = min(after[0].start if after else at_foot[0], lines[last_body_line].end)
    idx = before[-1].line_index if before else body_blocks[0][0]
    unread = next((i for i in range(idx, last_body_line + 1) if _unread_line(lines.texts[i])
                   and lines[i].end <= limit), None)
    if unread is not None:
        if _opens_paragraph(lines, unread + 1):  # the unread line was its paragraph's last
            return lines[unread].end, "the paragraph a line the engine could not read closes"
        return (_paragraph_end(lines, unread, lines.full_width, foot),
                "the paragraph holding a line the engine could not read")
    if before and not after:
        return at_foot[0], "the paragraph at the page foot, after the page's other references"
    while idx <= last_body_line:
        end = _paragraph_end(lines, idx, lines.full_width, foot)
        if end >= limit:
            break
        last = next(i for i in range(idx, last_body_line + 1) if lines[i].end == end)
        if SENTENCE_CLOSED.search(lines.texts[last]) and \
                not (before and not text[before[-1].end:end].strip(TRAILING_SPECKS + ":;")):
            return end, "the first paragraph closing a sentence on its page"
        idx = last + 1
        while idx <= last_body_line and lines[idx].blank:
            idx += 1
    return at_foot


FIRST_WORD = regex.compile(r"\p{L}+")


def _reads_on(text: str, at: int) -> bool:
    """Whether the note opening at ``at`` opens with a word in small
    letters the lexicon knows, as the body's next line behind a speck
    does; a first word no lexicon knows is a note's capital misread (GOCR's
    ``mis statement`` for ``This statement``).

    >>> _reads_on("the rest of it", 0), _reads_on("mis statement is true", 0)
    (True, False)
    """
    word = FIRST_WORD.match(text, at)
    return word is not None and word.group().islower() and word.group() in load_lexicon()


def _opens_paragraph(lines: Lines, idx: int) -> bool:
    """Whether line ``idx``, right after a line the engine could not read,
    opens a paragraph: set in where the text's lines are flush (an engine
    keeps a first line's indent), or opening with a capital. The unread
    line was then the last of its paragraph, the short line a reference
    mark most often stands on.

    >>> lines = Lines("because of this\\n_    _   l\\n On the other hand\\nthe rest\\n")
    >>> _opens_paragraph(lines, 2), _opens_paragraph(lines, 3)
    (True, False)
    >>> _opens_paragraph(Lines("because of this\\n_    l\\n on the other hand\\nthe rest\\n"), 2)
    True
    """
    return _set_in(lines, idx) or (
        idx < len(lines) and MARKLESS_OPENING.match(lines[idx].text) is not None)


def _capital_opening(text: str) -> bool:
    """Whether a line opens with a capital, a quote before it or none."""
    return text[:1].isupper() or MARKLESS_OPENING.match(text) is not None


def _set_in(lines: Lines, idx: int) -> bool:
    """Whether line ``idx`` is set in where the line after it is flush: a
    paragraph's first line, as an engine keeps its indent."""
    if idx >= len(lines) or lines[idx].blank:
        return False
    line = lines[idx]
    return line.start > line.line_start and (
        idx + 1 >= len(lines) or lines[idx + 1].start == lines[idx + 1].line_start)


def _unread_line(text: str) -> bool:
    """A line the engine could not read, its glyphs given as ``_`` (GOCR's
    way) with a stroke or two read among them: the lost mark may be one.
    The characters stage may have taken the ``_`` away as specks already,
    leaving the stroke alone on its line.

    A line of strokes alone, each read as a character standing apart
    (``t   t  t  1   t``), is one too: no printed line is made of them; so
    is a line of letters read apart in ones and twos (``hi  m l  l k f  m r
    i  n li rl x rin  1``), the engine's reading of a line it lost.

    >>> _unread_line("_    l"), _unread_line("l"), _unread_line("the u_th and e_ort of it")
    (True, True, False)
    >>> _unread_line("   t      t  t  1    t"), _unread_line("(a) b c"), _unread_line("I a")
    (True, False, False)
    >>> _unread_line("hi  m l  l k f  m r i  n li rl x rin  1"), _unread_line("in it as I do so")
    (True, False)
    """
    alnum = sum(c.isalnum() for c in text)
    tokens = text.split()
    strokes = len(tokens) >= UNREAD_STROKES and all(len(token) == 1 for token in tokens)
    apart = len(tokens) >= LETTERS_APART and max(map(len, tokens)) <= 3 and \
        sum(map(len, tokens)) <= APART_LENGTH * len(tokens)
    return strokes or apart or alnum <= 2 and ("_" in text or 0 < len(text.strip()) <= 2)


UNREAD_STROKES = 3
"""The fewest characters standing apart that make a line of strokes."""
LETTERS_APART, APART_LENGTH = 8, 1.5
"""The fewest pieces, and their longest mean length, that make a line of
letters read apart (a printed line of short words runs longer: ``in it as
I do so`` is 1.8 a word)."""


def _ends_paragraph(text: str, at: int) -> bool:
    """Whether a blank line, a page break or the text's end follows ``at``."""
    rest = text[at:at + 4]
    return not rest.strip() or rest.startswith(("\n\n", "\n\f", "\n \n"))


TRAILING_SPECKS = " \t-—_~|.,"
"""What may follow a reference at a line's end and still leave it there:
specks (``unnecessary.' —_-``)."""


def _note_place(text: str, lines: Lines, ref: Reference, foot: int) -> int:
    """Where the note goes: after the paragraph holding its reference; or
    at the end of the line where the reference closes a sentence (specks
    aside) and the next line opens one, since the OCR may have run two paragraphs
    into one block there (a paragraph's indent leaves no blank line)."""
    line = lines[ref.line_index]
    at_end = not text[ref.end:line.end].strip(TRAILING_SPECKS)
    following = ref.line_index + 1
    if at_end and following < len(lines) and (_set_in(lines, following) or (
            text[ref.start - 1:ref.start] in ".!?" and _capital_opening(lines.texts[following]))):
        return line.end  # set in, though its capital (``_is``) or the stop was lost
    return _paragraph_end(lines, ref.line_index, lines.full_width, foot)


def _note_text(text: str, note: Note) -> str:
    """The note as one paragraph: its mark as ``[N]``, and no blank line
    the OCR put inside it, nor a speck it read as a mark before a line."""
    pieces, at = [], note.body_start
    for start, end in note.specks:
        pieces.append(text[at:start])
        at = end
    body = "".join(pieces) + text[at : note.lines[-1].end]
    return f"[{note.number}] " + BLANK_LINES.sub("\n", body)


BLANK_LINES = regex.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")


def _paragraph_end(lines: Lines, index: int, full_width: int, foot: int | None = None) -> int:
    """Offset of the end of the paragraph holding line ``index``: the last
    line before a blank line, or, over a page break (and the notes at the
    page foot, from line ``foot`` on this page), of the paragraph it runs
    on into."""
    idx = index
    while idx + 1 < len(lines):
        nxt = lines[idx + 1]
        if nxt.blank:
            if first_text_after(lines, idx) == foot or _next_nonblank_is_note_foot(lines, idx + 1):
                page_break = next_page_break(lines, idx + 1)
                if page_break is None:
                    return lines[idx].end
                first = first_text_after(lines, page_break)
                if first is None or not runs_on(lines[idx].text, lines[first].text, full_width)[0]:
                    return lines[idx].end
                idx = first
                continue
            following = first_text_after(lines, idx)
            if following is not None and _block_goes_on(lines, idx, following):
                idx = following
                continue
            return lines[idx].end
        if nxt.page_break:
            first = first_text_after(lines, idx + 1)
            if first is None or not runs_on(lines[idx].text, lines[first].text, full_width)[0]:
                return lines[idx].end
            idx = first
            continue
        if idx > index and (_ends_inside_block(lines, idx, full_width) or (
                _unread_line(lines.texts[idx]) and _opens_paragraph(lines, idx + 1))):
            return lines[idx].end  # or a line the engine could not read ends it (``t t 2``)
        idx += 1
    return lines[idx].end


def _ends_inside_block(lines: Lines, idx: int, full_width: int) -> bool:
    """A short line closing a sentence, a capital opening the next: a
    paragraph's end the OCR left no blank line after (an indent shows it
    on the page)."""
    goes_on, sure, _ = runs_on(lines.texts[idx], lines.texts[idx + 1], full_width)
    return not goes_on and sure >= PARAGRAPH_ENDS and SENTENCE_CLOSED.search(lines.texts[idx])


PARAGRAPH_ENDS = 0.8
SENTENCE_CLOSED = regex.compile(r"[.!?][’”'\"]?$")


def _block_goes_on(lines: Lines, last: int, following: int) -> bool:
    """Whether the paragraph goes on over a blank line the OCR put inside
    it, on the same page: a word split, or the next block going on in small
    letters (``which he calls the`` / ``‘phenomenon’.``) after a sentence
    left open, and no note. A block closing its sentence, a reference
    perhaps after the stop (``of dispute.*``), ends the paragraph though
    the next opens in small letters: its capital misread (``it is``)."""
    if any(lines.texts[i] == PAGE_BREAK for i in range(last + 1, following)):
        return False
    if NOTE_START.match(lines.texts[following]):
        return False
    return bool(SPLIT_WORD.search(lines.texts[last]) or (
        GOES_ON.match(lines.texts[following]) and not CLOSES_SENTENCE.search(lines.texts[last])))


SPLIT_WORD = regex.compile(r"\p{L}[-¬]$")
CLOSES_SENTENCE = regex.compile(r"\p{L}{2}[.!?][’”'\"*!?°]?$")
GOES_ON = regex.compile(r"[‘“'\"(.,:;_ ]*\p{Ll}")
"""A line the sentence goes on in: a small letter first, perhaps after a quote
or a speck."""


def _next_nonblank_is_note_foot(lines: Lines, idx: int) -> bool:
    """Is everything from here to the page break footnotes? (Read from
    ``idx`` on in place: a copy of the rest of the lines, made at every
    blank line a paragraph's end is looked for at, took time quadratic in
    a book's length.)"""
    seen_note = False
    texts = lines.texts
    for i in range(idx, len(texts)):
        text = texts[i]
        if text == PAGE_BREAK:
            return seen_note
        if not text:
            continue
        if not seen_note and not NOTE_START.match(text):
            return False
        seen_note = True
    return seen_note


def _merge_insertions(proposals: list[Proposal]) -> list[Proposal]:
    """Notes inserted at one place become one insertion, in mark order."""
    merged: dict[int, Proposal] = {}
    others = []
    for prop in proposals:
        if prop.start == prop.end and prop.rule == "move-note":
            if prop.start in merged:
                prev = merged[prop.start]
                prop = Proposal(
                    prop.start,
                    prop.end,
                    prev.replacement + prop.replacement,
                    prop.rule,
                    min(prev.confidence, prop.confidence),
                    prev.reason + "; " + prop.reason,
                )
            merged[prop.start] = prop
        else:
            others.append(prop)
    return sorted([*others, *merged.values()], key=lambda p: (p.start, p.end))


STAGE = Stage(
    "footnotes",
    "move footnotes from the page foot to after their paragraph, as [N]",
    run,
)
