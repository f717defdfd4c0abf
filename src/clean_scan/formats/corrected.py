"""The layout file's pages again, with the clean text's words in them.

A layout file (ALTO, hOCR, PAGE) was read as text, word by word
(:meth:`~clean_scan.formats.layout.Layout.text`), and cleaned as any text
is: the edits stand on raw offsets, and the document's piece map says which
clean stretch stands for each raw word (:meth:`Document.current_span`). So
each word of the page keeps its box and takes the clean text's reading:

* a word changed (``tbe``) takes its correction; words joined into one
  (``har vest ing``) become one word over their boxes; a word parted
  (``ina``) becomes two, its box shared by their lengths;
* a word split at a line end (``organisa-`` / ``tion``) becomes the two
  halves of one word, each knowing the whole (ALTO's ``HYP`` and
  ``SUBS_CONTENT``, hOCR's joined form);
* what the furniture stage took out (running heads, page numbers, stamps)
  stays where it was printed, as read, marked with its rule, so that a
  reader of the file can show or hide it;
* a footnote stays at the page foot where it was printed, with the words of
  the corrected note the clean text carries after its paragraph;
* a speck the characters stage took out goes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate

import regex
from rapidfuzz.distance import Levenshtein

from clean_scan.document import Document, Edit
from clean_scan.formats.layout import Box, Layout
from clean_scan.formats.layout import Line as LayoutLine
from clean_scan.pipeline import STAGE_NAMES

STAGE_ORDER = {name: k for k, name in enumerate(STAGE_NAMES)}
HYPHENS = ("-", "¬", "­")
"""What a line-end half of a split word ends with as read."""


@dataclass
class OutWord:
    text: str
    box: Box | None
    confidence: float | None = None
    part: int = 0
    """1 or 2 for the halves of a word split at a line end, else 0."""
    whole: str = ""
    """The whole word, for a half."""
    joins: bool = False
    """Whether the clean text joins this word to the next with nothing between."""


@dataclass
class OutLine:
    words: list[OutWord]
    box: Box | None
    size: float | None
    role: str = ""
    """The furniture rule that took the line out of the text (``running-head``), or ''."""
    note: bool = False
    """A line of a footnote the clean text moved after its paragraph."""


@dataclass
class OutBlock:
    lines: list[OutLine]

    @property
    def role(self) -> str:
        """The lines' furniture rule, when every line of the block has one."""
        roles = {line.role for line in self.lines}
        return roles.pop() if len(roles) == 1 else ""

    @property
    def box(self) -> Box | None:
        """The box round the block's lines."""
        boxes = [line.box for line in self.lines if line.box is not None]
        if not boxes:
            return None
        return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
                   max(b.x1 for b in boxes), max(b.y1 for b in boxes))


@dataclass
class OutPage:
    blocks: list[OutBlock]
    width: float | None
    height: float | None


@dataclass
class _Placed:
    """A layout word with its raw span and what the clean text made of it."""

    line: int
    word: int
    raw: str
    box: Box | None
    confidence: float | None
    span: tuple[int, int] | None
    kind: str = "kept"  # kept | furniture | note | dropped
    rule: str = ""
    texts: list[str] = field(default_factory=list)
    joins: bool = False
    in_note: bool = False


def corrected_pages(layout: Layout, doc: Document, edits: list[Edit]) -> list[OutPage]:
    """The layout's pages with the clean text's words (``layout.text()`` must
    be the raw text the document was made from)."""
    lines = [line for page in layout.pages for block in page.blocks for line in block.lines
             if line.text]
    placed = _place_words(layout, lines, doc, edits)
    _read_kept(placed, doc.text, _inserted_spans(doc))
    _mark_note_text(placed, doc.text)
    _read_notes(placed, doc, edits)
    by_line: dict[int, list[_Placed]] = {}
    for item in placed:
        by_line.setdefault(item.line, []).append(item)
    out_pages = []
    index = 0
    for page in layout.pages:
        blocks = []
        for block in page.blocks:
            out_lines = []
            for line in block.lines:
                if not line.text:
                    continue
                out_line = _out_line(line, by_line.get(index, []))
                index += 1
                if out_line.words:  # a line of specks only is gone
                    out_lines.append(out_line)
            if out_lines:
                blocks.append(OutBlock(out_lines))
        out_pages.append(OutPage(blocks, page.width, page.height))
    _mark_halves(out_pages)
    return out_pages


def _place_words(layout: Layout, lines: list[LayoutLine], doc: Document,
                 edits: list[Edit]) -> list[_Placed]:
    """Every word of the layout with its clean span and, where the clean text
    has nothing for it, why (the stage of the edit that took it)."""
    line_of = {id(line): k for k, line in enumerate(lines)}
    removals = Removals(edits)
    placed = []
    count = {}
    for start, word in layout.indexed_words():
        place = layout.place(start)
        k = line_of[id(place.line)] if place is not None else 0
        count[k] = count.get(k, -1) + 1
        end = start + len(word.text)
        span = doc.current_span(start, end)
        item = _Placed(k, count[k], word.text, word.box, word.confidence, span)
        if span is None or not doc.text[span[0]:span[1]].strip():
            stage, rule = removals.over(start, end)
            item.kind = ("furniture" if stage == "furniture" else
                         "note" if rule == "move-note" else "dropped")
            item.rule = rule
        placed.append(item)
    return placed


class Removals:
    """The edits that took text out (replaced it with nothing but space),
    searched by raw stretch."""

    def __init__(self, edits: list[Edit]) -> None:
        self.items = sorted((e.raw_start, e.raw_end, STAGE_ORDER.get(e.stage, len(STAGE_ORDER)),
                             e.stage, e.rule)
                            for e in edits if e.raw_end > e.raw_start and not e.after.strip())
        self.starts = [item[0] for item in self.items]
        self.reach = list(accumulate((item[1] for item in self.items), max))

    def over(self, start: int, end: int) -> tuple[str, str]:
        """The stage and rule of the edit that took out raw ``[start, end)``:
        of the edits over it, the earliest stage's (a later stage's edit
        spans the pieces an earlier one made: the page join over the running
        head the furniture stage took out)."""
        best: tuple[int, str, str] | None = None
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.reach[k] > start:
            r_start, r_end, order, stage, rule = self.items[k]
            if r_end > start and (best is None or order <= best[0]):
                best = (order, stage, rule)
            k -= 1
        return (best[1], best[2]) if best else ("", "")


def _inserted_spans(doc: Document) -> list[tuple[int, int]]:
    """The clean stretches of text put in apart from the words around,
    where the raw text had none (a footnote moved after its paragraph, a
    page marker); a mark glued on (a note's reference) belongs to its word."""
    return [(a, b) for a, b in doc.inserted() if doc.text[a:a + 1].isspace()]


def _read_kept(placed: list[_Placed], clean: str, inserted: list[tuple[int, int]]) -> None:
    """Each kept word's reading, without text put in beside it (a note
    moved after the paragraph this word ends); a clean stretch two words
    share (a word the OCR broke, joined) goes to the first, the others
    become empty."""
    starts = [a for a, _ in inserted]
    last_start = last_end = -1
    last: _Placed | None = None
    for item in placed:
        if item.kind != "kept":
            continue
        start, end = item.span  # type: ignore[misc]
        k = bisect.bisect_right(starts, start)
        if k < len(inserted) and inserted[k][0] < end:
            end = inserted[k][0]  # an insertion after the word: not the word's
        if k and inserted[k - 1][0] <= start < inserted[k - 1][1]:
            start = inserted[k - 1][1]  # an insertion before it
        if "\n" in clean[start:end] or end - start > 2 * len(item.raw) + SLACK:
            own = _own_line(clean, start, end, item.raw)
            if own is None:
                item.kind = "dropped"  # taken out; the stretch holds only text put in
                continue
            start, end = own
        if last is not None and start < last_end:
            item.texts = []  # joined into the word before, which reads the two
            if end > last_end and "\n" not in clean[last_start:end]:
                last_end = end
                last.texts = clean[last_start:last_end].split()
            continue
        if last is not None and last.line != item.line and start == last_end and \
                start > 0 and not clean[start - 1].isspace():
            last.joins = True  # nothing between them in the clean text: one word
        item.texts = clean[start:end].split()
        last_start, last_end, last = start, end, item


def _read_notes(placed: list[_Placed], doc: Document, edits: list[Edit]) -> None:
    """The page-foot words of the notes the footnotes stage moved, read
    from the moved notes in the clean text (aligned word by word; a word
    the alignment cannot pair keeps its reading)."""
    moved = [item for item in placed if item.kind == "note"]
    if not moved:
        return
    inserted: list[str] = []
    for edit in edits:
        if edit.rule == "move-note" and edit.raw_start == edit.raw_end:
            span = doc.current_span(edit.raw_start, edit.raw_end)
            if span is not None:
                inserted += doc.text[span[0]:span[1]].split()
    raw = [_letters(item.raw) for item in moved]
    clean = [_letters(word) for word in inserted]
    for item in moved:
        item.texts = [item.raw]
    for op in Levenshtein.opcodes(raw, clean):
        sources, targets = range(op.src_start, op.src_end), range(op.dest_start, op.dest_end)
        if op.tag in ("equal", "replace") and len(sources) == len(targets):
            for a, b in zip(sources, targets, strict=True):
                moved[a].texts = [inserted[b]]


def _own_line(clean: str, start: int, end: int, raw: str) -> tuple[int, int] | None:
    """Of a clean stretch that runs over a paragraph's end (text put in
    beside the word, merged with it by a later edit), the line most like the
    word as read (no word of the clean text runs over a line end); None when
    no line is like it (the word went, and only the text put in is left).

    >>> clean = "the end.[1]\\n\\n[1] A note."
    >>> _own_line(clean, 4, len(clean), "end.’"), _own_line(clean, 11, len(clean), ":")
    ((4, 11), None)
    """
    best, best_score, at = None, OWN_LINE_LIKENESS, start
    for part in clean[start:end].split("\n"):
        if part.strip():
            score = Levenshtein.normalized_similarity(part.strip()[:len(raw) + 4], raw)
            if score > best_score:
                best, best_score = (at, at + len(part)), score
        at += len(part) + 1
    return best


SLACK = 8
"""A word's clean stretch longer than twice the word and this is text put in
beside it, unless the stretch is like the word."""
OWN_LINE_LIKENESS = 0.3
"""How like the word as read its line must be (a misread word is still
half like its correction; a speck like nothing)."""


NOTE_PARAGRAPH = regex.compile(r"(?m)^\[(?:\d+|[*†‡§¶])\] .*$")
"""A footnote's paragraph in the clean text (``[1] Vide …``)."""


def _mark_note_text(placed: list[_Placed], clean: str) -> None:
    """The kept words the clean text holds inside a footnote (a note's lines
    that run on over the page, joined to it)."""
    notes = [(m.start(), m.end()) for m in NOTE_PARAGRAPH.finditer(clean)]
    if not notes:
        return
    starts = [a for a, _ in notes]
    for item in placed:
        if item.kind == "kept" and item.span is not None:
            k = bisect.bisect_right(starts, item.span[0]) - 1
            item.in_note = k >= 0 and item.span[0] < notes[k][1]


def _letters(word: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]", "", word).lower()


def _out_line(line: LayoutLine, items: list[_Placed]) -> OutLine:
    """The line's words as the clean text reads them; a furniture line (every
    word taken out by the furniture stage) as printed, with its rule."""
    role = items[0].rule if items and all(i.kind == "furniture" for i in items) else ""
    note = bool(items) and all(i.kind in ("note", "dropped") or i.in_note for i in items) and \
        any(i.kind == "note" or i.in_note for i in items)
    words: list[OutWord] = []
    previous: OutWord | None = None
    for item in items:
        if item.kind == "furniture":
            words.append(OutWord(item.raw, item.box, item.confidence))
            continue
        if item.kind == "dropped":
            continue
        if not item.texts:  # joined into the word before: its box grows
            if previous is not None and previous.box is not None and item.box is not None:
                previous.box = _union(previous.box, item.box)
            continue
        for text, box in zip(item.texts, _shares(item.box, item.texts), strict=True):
            previous = OutWord(text, box, item.confidence)
            words.append(previous)
        previous.joins = item.joins  # type: ignore[union-attr]
    return OutLine(words, line.box, line.size, role, note)


def _union(a: Box, b: Box) -> Box:
    return Box(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1))


def _shares(box: Box | None, texts: list[str]) -> list[Box | None]:
    """A word's box parted among the words it became, by their lengths."""
    if box is None or len(texts) == 1:
        return [box] * len(texts)
    total = sum(map(len, texts)) or 1
    boxes, x = [], box.x0
    for text in texts:
        width = (box.x1 - box.x0) * len(text) / total
        boxes.append(Box(x, box.y0, x + width, box.y1))
        x += width
    return boxes


def _mark_halves(pages: list[OutPage]) -> None:
    """A line's last word that the clean text joins to the next line's first
    (``organisa-`` / ``tion``, ``self-`` / ``defence``): the two halves of
    one word, each knowing the whole; the first without its hyphen, which
    the writers set apart as the format does."""
    text_lines = [line for page in pages for block in page.blocks for line in block.lines
                  if not line.role and line.words]
    for line, following in zip(text_lines, text_lines[1:], strict=False):
        first, second = line.words[-1], following.words[0]
        if first.joins and not first.part and not second.part:
            whole = first.text + second.text
            first.text = first.text.rstrip("".join(HYPHENS)) or first.text
            first.part, first.whole = 1, whole
            second.part, second.whole = 2, whole
