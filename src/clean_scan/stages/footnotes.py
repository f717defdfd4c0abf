"""Footnotes: take each footnote off the foot of its page, give it and its
reference the ``[N]`` form, and put it right after the paragraph that holds
the reference (after the whole paragraph, also when that paragraph runs on
over the page break).

This runs before pages are joined, while the page foot is still a page foot:
afterwards a footnote would sit in the middle of a paragraph.

A block at the foot of a page is a footnote only when both ends agree: it
starts with a mark (``1``, ``*``, ``†``, or a garbled ``•``) and the page's
text carries a matching reference. Marks the OCR garbled to ``*`` or ``•`` on
a page whose other notes are numbered, or whose references are digits, are
numbered by their place on the page, as books of the period number notes per
page; beside a ``†`` or ``‡`` a star is the printed first mark of the symbol
sequence. Superscript digits (``town¹``) are read as the digits they are.
Left alone: ``In Chapter 4 we``, ``No. 1``, a list item ``(a) …``, a
contents entry ``2. The Bolshevik Party``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, repeat

import regex

from clean_scan.charmaps import LETTERS_FOR_DIGIT, SUPERSCRIPT_DIGITS
from clean_scan.document import Proposal
from clean_scan.layout import PAGE_BREAK, Line, median, runs_on
from clean_scan.lexicon import known_form, load_lexicon
from clean_scan.stage import Context, Stage, StageResult

NOTE_START = regex.compile(
    rf"""^(?P<mark>[1-9]|[*†‡§•¶]|[{SUPERSCRIPT_DIGITS}])(?:\s+|(?=[\p{{Lu}}“‘"']))(?P<body>\S)""")
"""A footnote's first line: a mark, then its text (``1 Vide``, ``*Then``,
``¹ Census``: an OCR that keeps superscripts gives the reference one too)."""

GARBLED_MARKS = "*•"
SYMBOL_MARKS = "†‡§¶"
"""Marks of the symbol sequence (``*``, ``†``, ``‡`` …): a page whose notes
use one of them marks its first note with a star as printed, not a garbled
``1``."""

NOT_A_REFERENCE_BEFORE = regex.compile(
    r"(?i)(?:\b(?:no|nos|p|pp|page|pages|chapter|chap|ch|part|article|art|vol|section|"
    r"sec|table|fig|plan|year|book|act|clause|para|paragraph|point|number)\.?|[£$%§]|\d)\s*$"
)
"""Words after which a lone digit is a number, not a note reference."""

DIGIT_REFERENCE = r"""(?<=[\p{L}\p{Pe}\p{Pf}.,;:!?’”'")])(?P<gap>\s?)(?P<mark>{mark})(?=\s|—|$)"""
GARBLED_REFERENCE = regex.compile(r"(?<=[\p{L}.,;:!?’”])(?P<mark>\*)(?=\s|$)")


@dataclass
class Note:
    lines: list[Line]
    mark: str
    number: str = ""


@dataclass
class Reference:
    start: int
    end: int
    line_index: int


class Lines:
    """The lines of the text as :func:`clean_scan.layout.split_lines` makes
    them, each made only when first used: most pages have no note at their
    foot, and making every line was most of this stage's time. ``texts``
    holds every line's ``Line.text`` (its content without the spaces and tabs
    around it), enough for the first look at every page."""

    def __init__(self, text: str) -> None:
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

    @cached_property
    def full_width(self) -> int:
        """:func:`clean_scan.layout.typical_line_length` of all the lines."""
        lengths = [n for n in map(len, self.texts) if n > 30]
        return int(median(lengths)) if lengths else 60


def run(text: str, context: Context) -> StageResult:
    """Find, renumber and move the footnotes of every page."""
    lines = Lines(text)
    proposals: list[Proposal] = []
    for page_lines in _pages(lines):
        proposals += _page_proposals(text, lines, page_lines)
    return StageResult(_merge_insertions(proposals))


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


def _foot_notes(lines: Lines, blocks: list[list[int]]) -> tuple[list[list[int]], list[Note]]:
    """Split a page's blocks into body and the footnotes at its foot.

    A note may run over several lines; a new mark at a line start inside the
    foot block starts the next note.
    """
    notes: list[Note] = []
    cut = len(blocks)
    while cut > 1 and NOTE_START.match(lines.texts[blocks[cut - 1][0]]):
        cut -= 1
    for block in blocks[cut:]:
        for idx in block:
            match = NOTE_START.match(lines[idx].text)
            if match and (
                not notes
                or notes[-1].lines[-1].number != idx - 1
                or _looks_like_new_note(lines[idx].text, notes[-1])
            ):
                notes.append(Note([lines[idx]], match.group("mark")))
            else:
                notes[-1].lines.append(lines[idx])
    return blocks[:cut], notes


def _looks_like_new_note(text: str, previous: Note) -> bool:
    """Inside one block, a line starting with a mark is a new note only if
    its mark follows the previous one (``2`` after ``1``) or is a symbol."""
    mark = text[0]
    if previous.mark.isdecimal() and mark.isdecimal():
        return int(mark) == int(previous.mark) + 1
    return not mark.isdecimal()


def _number_notes(notes: list[Note]) -> None:
    """Give each note its printed mark; garbled marks get their place on the
    page when the page (or its references) number notes."""
    numbered = any(n.mark.isdigit() for n in notes)
    symbols = any(n.mark in SYMBOL_MARKS for n in notes)
    for place, note in enumerate(notes, 1):
        if note.mark in GARBLED_MARKS and (numbered or (len(notes) > 1 and not symbols)):
            note.number = str(place)
        elif note.mark == "•":
            note.number = "*"
        elif note.mark in SUPERSCRIPT_DIGITS:
            note.number = str(SUPERSCRIPT_DIGITS.index(note.mark) + 1)
        else:
            note.number = note.mark


def _page_proposals(text: str, lines: Lines, page: list[int]) -> list[Proposal]:
    body_blocks, notes = _foot_notes(lines, _blocks(lines, page))
    if not notes or not body_blocks:
        return []
    _number_notes(notes)
    body = [idx for block in body_blocks for idx in block]
    found = []
    used: set[int] = set()
    for note in notes:
        ref = _find_reference(text, lines, body, note, used)
        if ref is None:
            return []  # not every note has its reference: leave the page alone
        used.add(ref.start)
        found.append((note, ref))
    return _moves(text, lines, body_blocks, found)


def _find_reference(
    text: str, lines: Lines, body: list[int], note: Note, used: set[int]
) -> Reference | None:
    """The first place in the page body that carries the note's mark; a
    digit that ends a word as the letter of its shape would (``mythica1``)
    only if no other place does."""
    candidates = [note.number]
    if note.mark in GARBLED_MARKS:
        candidates.append("*")
    elif note.mark in SUPERSCRIPT_DIGITS:
        candidates.insert(0, note.mark)
    letter_like: Reference | None = None
    for mark in candidates:
        pattern = (
            GARBLED_REFERENCE
            if mark == "*"
            else regex.compile(DIGIT_REFERENCE.replace("{mark}", regex.escape(mark)))
        )
        for idx in body:
            line = lines[idx]
            for match in pattern.finditer(text, line.start, line.end):
                if match.start("mark") in used:
                    continue
                before = text[line.line_start : match.start()]
                if mark != "*" and NOT_A_REFERENCE_BEFORE.search(before):
                    continue
                if mark != "*" and _starts_line(text, line, match):
                    continue
                gap_start = match.start("gap") if mark != "*" else match.start("mark")
                found = Reference(gap_start, match.end("mark"), idx)
                if mark == "*" or match.group("gap") or not _reads_as_letter(before, mark):
                    return found
                letter_like = letter_like or found
    return letter_like


def _reads_as_letter(before: str, digit: str) -> bool:
    """Whether ``digit``, set right after the word ending ``before``, makes
    a known word read as the letter of its shape (``mythica`` + ``1`` is
    ``mythical``): the OCR's misread letter, not a note's reference.

    >>> _reads_as_letter("on a mythica", "1"), _reads_as_letter("the organisation", "1")
    (True, False)
    """
    word = regex.search(r"\p{L}+$", before)
    if word is None:
        return False
    lexicon = load_lexicon()
    return any(known_form(word.group() + letter, lexicon)
               for letter in LETTERS_FOR_DIGIT.get(digit, ()))


def _starts_line(text: str, line: Line, match: regex.Match) -> bool:
    return not text[line.start : match.start("mark")].strip()


def _moves(
    text: str,
    lines: Lines,
    body_blocks: list[list[int]],
    found: list[tuple[Note, Reference]],
) -> list[Proposal]:
    """Proposals that rewrite references, take the notes off the page foot and
    insert them after their paragraphs."""
    proposals = []
    foot_start = lines[body_blocks[-1][-1]].end
    foot_end = found[-1][0].lines[-1].end
    placed = sorted(
        ((_paragraph_end(lines, ref.line_index, lines.full_width), note, ref)
         for note, ref in found),
        key=lambda item: item[2].start,
    )
    for _, note, ref in placed:
        proposals.append(
            Proposal(
                ref.start,
                ref.end,
                f"[{note.number}]",
                "reference",
                0.95,
                f"footnote reference {note.number}",
            )
        )
    if all(insert_at == foot_start for insert_at, _, _ in placed):
        for _, note, _ in placed:  # already after their paragraph: only the marks change
            first = note.lines[0]
            mark_end = NOTE_START.match(first.text).start("body")
            proposals.append(
                Proposal(
                    first.start,
                    first.start + mark_end,
                    f"[{note.number}] ",
                    "note-mark",
                    0.95,
                    f"footnote {note.number}",
                )
            )
        return proposals
    for insert_at, note, _ in placed:
        proposals.append(
            Proposal(
                insert_at,
                insert_at,
                "\n\n" + _note_text(text, note),
                "move-note",
                0.9,
                f"footnote {note.number} placed after its paragraph",
            )
        )
    proposals.append(
        Proposal(foot_start, foot_end, "", "move-note", 0.9, "footnotes taken off the page foot")
    )
    return proposals


def _note_text(text: str, note: Note) -> str:
    first = note.lines[0]
    body_start = first.start + NOTE_START.match(first.text).start("body")
    return f"[{note.number}] " + text[body_start : note.lines[-1].end]


def _paragraph_end(lines: Lines, index: int, full_width: int) -> int:
    """Offset of the end of the paragraph holding line ``index``: the last
    line before a blank line, or, over a page break, of the paragraph it
    runs on into."""
    idx = index
    while idx + 1 < len(lines):
        nxt = lines[idx + 1]
        if nxt.blank:
            if _next_nonblank_is_note_foot(lines, idx + 1):
                page_break = _next_page_break(lines, idx + 1)
                if page_break is None:
                    return lines[idx].end
                first = _first_text_after(lines, page_break)
                if first is None or not runs_on(lines[idx].text, lines[first].text, full_width)[0]:
                    return lines[idx].end
                idx = first
                continue
            return lines[idx].end
        if nxt.page_break:
            first = _first_text_after(lines, idx + 1)
            if first is None or not runs_on(lines[idx].text, lines[first].text, full_width)[0]:
                return lines[idx].end
            idx = first
            continue
        idx += 1
    return lines[idx].end


def _next_nonblank_is_note_foot(lines: Lines, idx: int) -> bool:
    """Is everything from here to the page break footnotes?"""
    seen_note = False
    for text in lines.texts[idx:]:
        if text == PAGE_BREAK:
            return seen_note
        if not text:
            continue
        if not seen_note and not NOTE_START.match(text):
            return False
        seen_note = True
    return seen_note


def _next_page_break(lines: Lines, idx: int) -> int | None:
    texts = lines.texts
    return next((i for i in range(idx, len(texts)) if texts[i] == PAGE_BREAK), None)


def _first_text_after(lines: Lines, idx: int) -> int | None:
    texts = lines.texts
    return next(
        (i for i in range(idx + 1, len(texts)) if texts[i] and texts[i] != PAGE_BREAK),
        None,
    )


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
