"""The HTML report: one self-contained page a person reads to review a run.

Raw and clean text stand side by side, page by page. In the raw column each
edit's raw stretch is marked in its stage's colour; in the clean column each
changed stretch (a hunk) is. Hovering a mark tells stage, rule, confidence,
reason and what became what. A summary counts edits and flags per stage and
rule, a filter hides stages' marks, and the flagged words are listed with
where they are.

Everything that came from the input or from a stage -- OCR text, file name,
rules, reasons, suggestions -- goes through ``html.escape``: a raw file
containing ``<script>`` shows those characters and runs nothing.

Pages follow the furniture stage's page breaks (its ``page-break`` edits);
without them the raw text is cut into chunks of about sixty lines. The clean
text is cut at the matching offsets, found through the hunks: between hunks
raw and clean are the same text, so a raw offset outside every hunk has a
clean twin at a fixed distance. A cut that falls inside a hunk moves to the
hunk's start, so both columns of a page hold the same stretch of the book.

Whitespace-only edits (line joins: thousands per book) are drawn as a
small line-end sign in the raw column and not at all in the clean one, and a
checkbox hides them, so the real changes stand out.

The page is built with list appends and one join, and marks are spans over
stretches between mark boundaries, never per character: the sample book's
report renders in a few tens of milliseconds.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Any, NamedTuple

from clean_scan.decoding import DecodedInput
from clean_scan.document import Edit, RaisedFlag
from clean_scan.outputs import HTML_GENERATOR_TAG
from clean_scan.pipeline import STAGE_NAMES, Result
from clean_scan.reports.html_assets import BASE_CSS, CSP, SCRIPT, stage_css
from clean_scan.reports.json_report import review_report
from clean_scan.review.items import listed, review_items
from clean_scan.review.page import SCRIPT as REVIEW_SCRIPT
from clean_scan.review.page import asset, report_review_section

GENERATOR_TAG = HTML_GENERATOR_TAG
"""outputs.py recognises our own report files by this exact tag, within the
first 4 KiB: it is the second element of the head."""

CHUNK_LINES = 60
"""Lines per page when the text has no page breaks."""

CHUNK_SLACK = 12
"""How many lines further a chunk may run to end at a blank line."""

PAGE_BREAK = ("furniture", "page-break")

MAX_TITLE_ENTRIES = 6
"""Marks stacked on one stretch beyond this are summed up, not listed."""

FLAGS_OPEN = 40
"""The flag list starts folded when longer, so the pages stay near the top."""

MAX_SHOWN = 60
"""Longer before/after strings are shortened in the middle in tooltips."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_PICTURES = {chr(c): chr(0x2400 + c) for c in (*range(0, 9), 11, 12, *range(14, 32))}
_CONTROL_PICTURES["\x7f"] = "\u2421"
_CONTROL_TABLE = str.maketrans(_CONTROL_PICTURES)


def esc(text: str) -> str:
    """Text content, escaped.

    >>> esc('<script>alert("x") & co</script>')
    '&lt;script&gt;alert(&quot;x&quot;) &amp; co&lt;/script&gt;'
    """
    return html.escape(text, quote=True)


def visible_controls(text: str) -> str:
    """Control characters as their visible Unicode pictures, one for one, so
    offsets do not move and a stray form feed or NUL can be seen.

    >>> visible_controls("a\\x0cb\\x00c")
    'a␌b␀c'
    >>> visible_controls("tab\\tand newline\\n stay")
    'tab\\tand newline\\n stay'
    """
    if len(text) < 1000:  # a tooltip's before or after
        return text.translate(_CONTROL_TABLE) if _CONTROLS.search(text) else text
    # a whole text: thirty searches for one character each take a third of
    # the time of one regex scan for any of them, and texts rarely hold any
    for char, picture in _CONTROL_PICTURES.items():
        if char in text:
            text = text.replace(char, picture)
    return text


def shown(text: str) -> str:
    """A before/after string made readable in a one-line tooltip (see
    ``Memo``: thousands of line joins show the same ``↵``).

    >>> shown("¬ \\n")
    '¬ ↵'
    >>> shown(" \\n")
    '␣↵'
    >>> shown("")
    '∅'
    >>> shown("\\n\\f\\n")
    '[page break]'
    >>> len(shown("x" * 500)) < 70
    True
    """
    if not text:
        return "∅"
    if not text.strip():
        text = text.replace(" ", "␣")
    text = text.replace("\n\f\n", "[page break]").replace("\f", "[page break]")
    text = visible_controls(text.replace("\n", "↵").replace("\t", "⇥"))
    if len(text) > MAX_SHOWN:
        half = MAX_SHOWN // 2 - 2
        text = f"{text[:half]} … {text[-half:]}"
    return text


def is_whitespace_only(before: str, after: str) -> bool:
    """A change of layout only (a line join, a trailing space removed).

    >>> is_whitespace_only("\\n", " "), is_whitespace_only("-\\n", "")
    (True, False)
    """
    return not before.strip() and not after.strip()


def stage_slots(result: Result) -> dict[str, int]:
    """Palette slot per stage: the pipeline's order first, then any other
    stage in order of first appearance, so colours are stable across runs."""
    slots = {name: i for i, name in enumerate(STAGE_NAMES)}
    # the distinct names in order, found in C: a book has thousands of edits
    # (an Edit is a named tuple: its stage comes first)
    for name in dict.fromkeys(itertools.chain(result.stages_run, map(_FIRST, result.edits),
                                              map(STAGE_OF, result.flags))):
        slots.setdefault(name, len(slots))
    return slots


_TITLE_KEY = itemgetter(0, 1, 6, 7, 4, 5)
"""What an edit's tooltip line says: its stage, rule, confidence, reason,
before and after, taken by place (an Edit is a named tuple): several times
quicker than by name for a book's thousands of edits."""


def key_title(key: tuple[Any, ...], show: Callable[[str], str] = shown) -> str:
    """The tooltip line of an edit with this ``_TITLE_KEY``."""
    stage, rule, confidence, reason, before, after = key
    return f"{stage}/{rule} · {confidence:.2f} · {reason} · {show(before)} → {show(after)}"


def flag_title(flag: RaisedFlag) -> str:
    title = f"flagged, unchanged: {flag.stage}/{flag.rule} · {flag.confidence:.2f} · {flag.reason}"
    if flag.suggestions:
        title += " · suggestions: " + ", ".join(shown(s) for s in flag.suggestions)
    return title


# --- raw and clean offsets -------------------------------------------------


_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


class OffsetMap:
    """Raw offsets to clean offsets, through the hunks.

    >>> m = OffsetMap([(4, 5, "\\n\\n\\n")])   # raw "abcd\\n\\n\\nef" -> clean "abcd ef"
    >>> m.raw_starts, m.raw_ends
    ([4], [7])
    >>> [m.to_clean(r) for r in (0, 4, 5, 7, 9)]
    [0, 4, 4, 5, 7]
    >>> m.to_clean(5, right=True)
    5
    """

    def __init__(self, hunks: Iterable[tuple[int, int, str]]) -> None:
        # each hunk's clean and raw span, as four lists of offsets: for a
        # book's thousands of hunks, quicker than tuples
        self.clean_starts: list[int] = []
        self.clean_ends: list[int] = []
        self.raw_starts: list[int] = []
        self.raw_ends: list[int] = []
        delta = 0  # raw offset minus clean offset, outside hunks
        for start, end, raw in hunks:
            raw_start = start + delta
            raw_end = raw_start + len(raw)
            self.clean_starts.append(start)
            self.clean_ends.append(end)
            self.raw_starts.append(raw_start)
            self.raw_ends.append(raw_end)
            delta = raw_end - end

    def hunk_at(self, raw: int) -> int:
        """Index of the last hunk starting at or before ``raw``; -1 if none."""
        return bisect.bisect_right(self.raw_starts, raw) - 1

    def to_clean(self, raw: int, *, right: bool = False) -> int:
        """The clean offset of ``raw``; inside a hunk, the hunk's start (or,
        with ``right``, its end)."""
        i = self.hunk_at(raw)
        if i < 0:
            return raw
        raw_start, raw_end = self.raw_starts[i], self.raw_ends[i]
        clean_start, clean_end = self.clean_starts[i], self.clean_ends[i]
        if raw == raw_start and not right:
            return clean_start
        if raw < raw_end:
            return clean_end if right else clean_start
        return raw - (raw_end - clean_end)

    def snap(self, raw: int) -> int:
        """Move a raw cut out of a hunk, to the hunk's raw start."""
        i = self.hunk_at(raw)
        if i >= 0 and self.raw_starts[i] < raw < self.raw_ends[i]:
            return self.raw_starts[i]
        return raw


def page_cuts(result: Result) -> tuple[list[int], bool]:
    """Raw offsets where pages 2, 3, ... start, and whether they are the
    book's own pages (True) or sixty-line chunks (False)."""
    size = len(result.raw)
    breaks = sorted({e.raw_start for e in result.edits
                     if (e.stage, e.rule) == PAGE_BREAK and 0 < e.raw_start < size})
    if breaks:
        return breaks, True
    return line_chunks(result.raw), False


def line_chunks(raw: str) -> list[int]:
    """Cuts about every sixty lines, at the next blank line when one is near.

    >>> text = "".join(f"line {i}\\n" for i in range(130))
    >>> [text.count("\\n", 0, cut) for cut in line_chunks(text)]
    [60, 120]
    >>> text = "a\\n" * 63 + "\\n" + "b\\n" * 70
    >>> [text.count("\\n", 0, cut) for cut in line_chunks(text)]
    [64, 124]
    """
    starts = [0]
    find, pos = raw.find, raw.find("\n")
    while pos != -1 and pos + 1 < len(raw):
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    cuts, line = [], CHUNK_LINES
    while line < len(starts):
        cut_line = line
        for probe in range(line, min(line + CHUNK_SLACK, len(starts))):
            if raw.startswith("\n", starts[probe - 1]):  # line before it is blank
                cut_line = probe
                break
        cuts.append(starts[cut_line])
        line = cut_line + CHUNK_LINES
    return cuts


def aligned_cuts(raw_cuts: list[int], offsets: OffsetMap, raw_size: int
                 ) -> tuple[list[int], list[int]]:
    """Raw and clean cuts that bound the same stretch of the book."""
    raw_out: list[int] = []
    clean_out: list[int] = []
    for cut in raw_cuts:
        cut = offsets.snap(cut)
        if 0 < cut < raw_size and (not raw_out or cut > raw_out[-1]):
            clean = offsets.to_clean(cut)
            if clean_out and clean < clean_out[-1]:
                continue
            raw_out.append(cut)
            clean_out.append(clean)
    return raw_out, clean_out


# --- marked columns ---------------------------------------------------------


class Mark(NamedTuple):
    """A marked stretch of one column, with its opening tag (made by
    ``Facts.tags``). ``classes`` ends in the stage's palette slot.

    A named tuple: a book's columns have thousands of marks, and the hot
    loops make them with ``new_mark``, in C, from all six fields in order."""

    start: int
    end: int
    classes: str
    title: str
    tag: str
    flag: bool = False


new_mark = functools.partial(tuple.__new__, Mark)
"""``new_mark((start, end, classes, title, tag, flag))`` is ``Mark(start, ...)``,
made without a Python call (see ``Mark``)."""


class Memo(dict[Any, Any]):
    """``memo[key]`` is ``make(key)``, made once per report: thousands of
    line joins share a few titles and tags. A memo lives for one report, so
    nothing carries over from one file to the next."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


def span_tag(key: tuple[str, str]) -> str:
    """The opening tag of a mark with these classes and this title."""
    classes, title = key
    return f'<span class="{classes}" title="{esc(title)}">'


@dataclass(frozen=True)
class Facts:
    """What several parts of the page need per edit, worked out once."""

    slots: dict[str, int]
    spacing: list[bool]  # whitespace-only, by edit index
    titles: list[str]  # tooltip line, by edit index
    tags: Memo  # opening tag by (classes, title)
    looks: list[dict[str, Look | None]]
    """By edit index, the looks of its marks by kind of mark, as they are
    made: one dict for all equal edits (equal but for their place), as
    their marks look the same."""
    distinct: dict[tuple[Any, ...], tuple[str, bool, dict[str, Look | None]]]
    """By ``_TITLE_KEY``, the title, whitespace-only and looks of each
    distinct edit."""

    @classmethod
    def of(cls, result: Result) -> Facts:
        show = Memo(shown).__getitem__
        # worked out once for each distinct edit (line joins repeat), the
        # rest done in C
        keys = list(map(_TITLE_KEY, result.edits))
        made = {key: (key_title(key, show), is_whitespace_only(key[4], key[5]), {})
                for key in dict.fromkeys(keys)}
        facts = list(map(made.__getitem__, keys))
        return cls(stage_slots(result), list(map(_SECOND, facts)), list(map(_FIRST, facts)),
                   Memo(span_tag), list(map(_THIRD, facts)), made)


MarkFields = tuple[int, int, str, str, str, bool]
"""A mark as a plain tuple, its fields in ``Mark``'s order: what the columns
are made of (``Mark`` itself is one too)."""

Look = tuple[str, str, str, bool]
"""A mark's classes, title, tag and flag: the last four fields of a mark."""


def render_column(text: str, marks: Sequence[MarkFields], points: dict[int, list[str]],
                  cuts: list[int]) -> list[str]:
    """The column's HTML, one string per page.

    Each stretch between two boundaries (mark starts and ends, page cuts,
    zero-width markers in ``points``) is one span, classed by the narrowest
    edit covering it, titled by all (see ``Column.sweep``). Most marks
    overlap no other mark and hold no page break: such a mark and the plain
    text before it are written straight away, and only the rest goes
    through the sweep, for a book's thousands of line joins. A run of such
    lone marks up to the next break or character to escape is written in
    one go (``_write_lone``).
    """
    column = Column(text, points, cuts)
    spans = sorted([m for m in marks if m[1] > m[0]], key=_FIRST)  # by start
    count = len(spans)
    starts, ends = list(map(_FIRST, spans)), list(map(_SECOND, spans))
    reach = _furthest(ends)
    # the marks that overlap a neighbour (a mark overlaps the ones before it
    # when it starts before all of them have ended), then a sentinel
    joined = list(map(operator.lt, starts[1:], reach))
    crowded = sorted({*compress(range(1, count), joined), *compress(range(count), joined),
                      count})
    special = column.special
    # the column's page so far, its next break and next character to
    # escape, kept here while lone marks are written (a sweep or an escape
    # moves them)
    out, next_break = column.out, column.break_at[column.next_break]
    next_special = special[column.next_special]
    pos = i = 0
    while i < count:
        # lone marks that end before the next break and character to escape
        stop = min(crowded[bisect.bisect_left(crowded, i)],
                   bisect.bisect_right(reach, min(next_break, next_special), i))
        if stop > i:
            _write_lone(out, text, pos, spans[i:stop])
            pos, i = ends[stop - 1], stop
            continue
        start, end, _, _, tag, _ = spans[i]
        j = i + 1  # spans[i:j]: marks overlapping one another
        while j < count and starts[j] < end:
            end = max(end, ends[j])
            j += 1
        if j > i + 1 or next_break < end:
            column.sweep(pos, end, spans[i:j])
            out, next_break = column.out, column.break_at[column.next_break]
            next_special = special[column.next_special]
        else:  # a lone mark with a character to escape
            out.append(f"{column.escape(text[pos:start], start)}{tag}"
                       f"{column.escape(text[start:end], end)}</span>")
            next_special = special[column.next_special]
        pos, i = end, j
    column.sweep(pos, len(text), [])
    return column.finish()


def _write_lone(out: list[str], text: str, pos: int, run: list[MarkFields]) -> None:
    """Write ``run``, lone marks that need no escape and hold no break,
    each with the text before it (from ``pos`` on)."""
    append = out.append
    for start, end, _, _, tag, _ in run:
        append(f"{text[pos:start]}{tag}{text[start:end]}</span>")
        pos = end


def _furthest(ends: list[int]) -> list[int]:
    """The furthest of ``ends`` so far, at each (a loop: ``accumulate``
    with ``max`` takes several times as long)."""
    reach: list[int] = []
    append, furthest = reach.append, -1
    for end in ends:
        if end > furthest:
            furthest = end
        append(furthest)
    return reach




class Column:
    """One column being written: the pages so far, the page being written,
    the page breaks (cuts and markers) not yet placed, and where the next
    character to escape is. Everything before the next break and the next
    such character is written."""

    def __init__(self, text: str, points: dict[int, list[str]], cuts: list[int]) -> None:
        self.text = text
        self.pages: list[str] = []
        self.out: list[str] = []
        self.breaks: dict[int, tuple[int, list[str]]] = {}
        for pos, count in Counter(cuts).items():
            self.breaks[pos] = (count, [])
        for pos, markers in points.items():
            self.breaks[pos] = (self.breaks.get(pos, (0, []))[0], markers)
        self.break_at: list[float] = [*sorted(self.breaks), math.inf]  # ends in a sentinel
        self.next_break = 0
        # found with str.find: quicker than a regex scan, as they are few
        self.special = []
        for char in "&<>":
            pos = text.find(char)
            while pos >= 0:
                self.special.append(pos)
                pos = text.find(char, pos + 1)
        self.special.sort()
        self.special.append(len(text) + 1)
        self.next_special = 0
        self.stacked: dict[tuple[int, ...], str] = {}

    def escape(self, chunk: str, end: int) -> str:
        """``chunk``, which ends at ``end``, escaped."""
        while self.special[self.next_special] < end:
            self.next_special += 1
        return chunk.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def sweep(self, lo: int, hi: int, group: list[MarkFields]) -> None:
        """Write ``[lo, hi)``, with the marks of ``group`` (which lie in it)
        and the breaks in it, in one sweep over its boundaries. At a
        boundary, marks ending there close, marks starting there open, then
        the page breaks and markers go in, then the text up to the next."""
        starts: dict[int, list[MarkFields]] = defaultdict(list)
        for mark in group:
            starts[mark[0]].append(mark)
        first = self.next_break
        self.next_break = bisect.bisect_left(self.break_at, hi, first)
        bounds = sorted({lo, hi, *starts, *map(_SECOND, group),
                         *self.break_at[first : self.next_break]})
        text, special, breaks = self.text, self.special, self.breaks
        active: list[MarkFields] = []
        for pos, nxt in itertools.pairwise(bounds):
            if active:
                active = [m for m in active if m[1] != pos]
            if pos in starts:
                active.extend(starts[pos])
            if pos in breaks:
                self.out = _page_break(self.pages, self.out, *breaks[pos])
            chunk = text[pos:nxt]
            if special[self.next_special] < nxt:
                chunk = self.escape(chunk, nxt)
            if not active:
                self.out.append(chunk)
            elif len(active) == 1:
                self.out.append(f"{active[0][4]}{chunk}</span>")
            else:
                key = tuple(map(id, active))
                tag = self.stacked.get(key)
                if tag is None:
                    tag = self.stacked[key] = stacked_tag(active)
                self.out.append(f"{tag}{chunk}</span>")

    def finish(self) -> list[str]:
        """Place the breaks at the very end; the pages."""
        for pos in self.break_at[self.next_break : -1]:
            self.out = _page_break(self.pages, self.out, *self.breaks[pos])
        self.pages.append("".join(self.out))
        return self.pages


def _page_break(pages: list[str], out: list[str], cuts: int, markers: list[str]) -> list[str]:
    """End ``cuts`` pages, then start the next with ``markers``; the list
    to write on from here."""
    for _ in range(cuts):
        pages.append("".join(out))
        out = []
    out.extend(markers)
    return out


def stacked_tag(active: list[MarkFields]) -> str:
    """The span for a stretch under several marks (an edit later absorbed
    into a wider one, a flag on an edited word)."""
    edits = [m for m in active if not m[5]]
    classes = [min(edits, key=_length)[2]] if edits else []
    classes += [m[2] for m in active if m[5]]  # the flags'
    ordered = sorted(active, key=_start_widest_first)
    titles = [m[3] for m in ordered[:MAX_TITLE_ENTRIES]]
    if len(ordered) > MAX_TITLE_ENTRIES:
        titles.append(f"… and {len(ordered) - MAX_TITLE_ENTRIES} more")
    return f'<span class="{" ".join(classes)}" title="{esc(chr(10).join(titles))}">'


def _length(mark: MarkFields) -> int:
    return mark[1] - mark[0]


def _start_widest_first(mark: MarkFields) -> tuple[int, int]:
    return mark[0], -mark[1]


def raw_marks(result: Result, raw: str, facts: Facts
              ) -> tuple[list[Mark], dict[int, list[str]]]:
    """Marks of the raw column: each edit's raw stretch, each flag; plus
    zero-width markers for insertions and the flag anchors."""
    marks: list[MarkFields] = []
    points: dict[int, list[str]] = defaultdict(list)
    slots, tags = facts.slots, facts.tags
    append = marks.append
    for (stage, _, start, end, _, after, _, _), title, spacing, looks in zip(
            result.edits, facts.titles, facts.spacing, facts.looks, strict=True):
        if end == start:
            points[start].append(f'<span class="z s{slots[stage]}" title="{esc(title)}"></span>')
            continue
        if spacing:
            # most are one line end: its character tells, with no search
            if raw[start] == "\n" if end - start == 1 else raw.find("\n", start, end) >= 0:
                kind = "e ws nl"
            else:
                kind = "e ws"
        else:
            kind = "e del" if not after else "e"
        look = looks.get(kind)
        if look is None:
            classes = f"{kind} s{slots[stage]}"
            look = looks[kind] = (classes, title, tags[classes, title], False)
        append((start, end) + look)
    for number, flag in enumerate(result.flags, 1):
        points[flag.raw_start].append(f'<a class="anchor" id="f{number}"></a>')
        if flag.raw_end > flag.raw_start:
            classes, title = f"fl fs{slots[flag.stage]}", flag_title(flag)
            marks.append(Mark(flag.raw_start, flag.raw_end, classes, title,
                              tags[classes, title], flag=True))
    return marks, points


def clean_marks(result: Result, clean: str, offsets: OffsetMap, facts: Facts
                ) -> tuple[list[Mark], dict[int, list[str]]]:
    """Marks of the clean column: each hunk, coloured by the stage whose
    change it mostly is (the last non-whitespace edit inside it), titled
    with all its edits; and each flag, where it can be placed.

    A hunk that removed text has no clean stretch to mark: inside a word
    (a joined hyphenation) the whole word is marked; elsewhere a small
    marker stands where the text went; a removed space is not marked."""
    edits = result.edits
    raw_starts = list(map(_RAW_START, edits))
    by_start = sorted(range(len(edits)), key=raw_starts.__getitem__)
    # the edits' starts and ends in the order of their starts
    edit_starts = list(map(raw_starts.__getitem__, by_start))
    edit_ends = list(map(_RAW_END, map(edits.__getitem__, by_start)))
    # the look of a hunk that is one whitespace-only edit, by that edit
    # (most hunks are one line join); None for the other edits
    for (stage, rule, *_), (_, spacing, looks) in facts.distinct.items():
        looks["h"] = _join_look(stage, rule, facts) if spacing else None
    join_looks = list(map(_JOIN_LOOK, map(facts.looks.__getitem__, by_start)))
    # the first edit starting at each raw offset; then a sentinel start
    first_at = dict(zip(reversed(edit_starts), range(len(edit_starts) - 1, -1, -1),
                        strict=True))
    edit_starts.append(len(result.raw) + 1)
    marks: list[MarkFields] = []
    points: dict[int, list[str]] = defaultdict(list)
    tags = facts.tags
    for clean_start, clean_end, raw_start, raw_end in zip(
            offsets.clean_starts, offsets.clean_ends, offsets.raw_starts, offsets.raw_ends,
            strict=True):
        # the edits starting in the hunk are the lo-th to hi-th: mostly
        # one, starting where the hunk starts (found without a search)
        lo = first_at.get(raw_start)
        if lo is not None and edit_starts[lo + 1] > raw_end:
            hi = lo + 1
        else:
            lo = bisect.bisect_left(edit_starts, raw_start)
            hi = bisect.bisect_right(edit_starts, raw_end, lo)
        look = join_looks[lo] if hi - lo == 1 and edit_ends[lo] <= raw_end else None
        if look:
            if clean_end > clean_start:
                marks.append((clean_start, clean_end, *look))
                continue
            classes, title = look[0], look[1]
        else:
            inside = sorted(by_start[k] for k in range(lo, hi) if edit_ends[k] <= raw_end)
            classes, title = hunk_look(result, inside, facts)
        if clean_end > clean_start:
            marks.append((clean_start, clean_end, classes, title, tags[classes, title], False))
        elif "ws" not in classes.split():
            word_start, word_end = word_around(clean, clean_start)
            if word_end > word_start:
                marks.append(Mark(word_start, word_end, classes, title, tags[classes, title]))
            else:
                points[clean_start].append(
                    f'<span class="z {classes.split()[-1]}" title="{esc(title)}">'
                    "</span>")
    for flag in result.flags:
        start = offsets.to_clean(flag.raw_start)
        end = offsets.to_clean(flag.raw_end, right=True)
        if end > start:
            classes, title = f"fl fs{facts.slots[flag.stage]}", flag_title(flag)
            marks.append(Mark(start, end, classes, title, tags[classes, title], flag=True))
    return marks, points


def _join_look(stage: str, rule: str, facts: Facts) -> Look:
    """The look of a clean mark of a hunk that is one whitespace-only edit
    of this stage and rule, as ``hunk_look`` makes it."""
    classes, title = f"h ws s{facts.slots[stage]}", f"whitespace only: {stage}/{rule}"
    return classes, title, facts.tags[classes, title], False


_JOIN_LOOK = itemgetter("h")


_WORD_BEFORE = re.compile(r"\w+$")
_WORD_AFTER = re.compile(r"\w+")


def word_around(text: str, pos: int) -> tuple[int, int]:
    """The word that ``pos`` falls inside, or an empty span at ``pos`` when
    it stands at a word's edge or between words.

    >>> word_around("the Movement was", 8)
    (4, 12)
    >>> word_around("the Movement was", 12)
    (12, 12)
    """
    before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    after = _WORD_AFTER.match(text, pos, pos + 40)
    if before is None or after is None:
        return pos, pos
    return before.start(), after.end()


def hunk_look(result: Result, inside: list[int], facts: Facts) -> tuple[str, str]:
    """A hunk's classes and title: coloured by its last substantive edit,
    titled by all."""
    if not inside:
        return "h", "changed"
    edits = result.edits
    substantive = [i for i in inside if not facts.spacing[i]]
    if not substantive:
        # thousands of line joins per book: name them, do not repeat reasons
        names = dict.fromkeys(f"{edits[i].stage}/{edits[i].rule}" for i in inside)
        return (f"h ws s{facts.slots[edits[inside[-1]].stage]}",
                "whitespace only: " + " + ".join(names))
    titles = [facts.titles[i] for i in inside[:MAX_TITLE_ENTRIES]]
    if len(inside) > MAX_TITLE_ENTRIES:
        titles.append(f"… and {len(inside) - MAX_TITLE_ENTRIES} more")
    return f"h s{facts.slots[edits[substantive[-1]].stage]}", "\n".join(titles)


# --- the page ----------------------------------------------------------------


def render_html(result: Result, source: DecodedInput, name: str,
                decisions_name: str | None = None) -> str:
    """The whole report page as one string; with ``decisions_name``, a
    review box whose decisions export as that file (:mod:`clean_scan.review.page`)."""
    facts = Facts.of(result)
    raw = visible_controls(result.raw)
    clean = visible_controls(result.clean)
    offsets = OffsetMap(result.hunks)
    cuts, real_pages = page_cuts(result)
    raw_cuts, clean_cuts = aligned_cuts(cuts, offsets, len(raw))
    marks, points = raw_marks(result, raw, facts)
    raw_pages = render_column(raw, marks, points, raw_cuts)
    marks, points = clean_marks(result, clean, offsets, facts)
    clean_pages = render_column(clean, marks, points, clean_cuts)

    out: list[str] = []
    head(out, name, facts.slots)
    out.append("<body>\n<header>\n")
    out.append(f"<h1>{esc(name)} <small>clean-scan report</small></h1>\n")
    meta(out, result, source, facts, len(raw_pages), real_pages)
    out.append("</header>\n<main>\n")
    summary(out, result, facts)
    flag_list(out, result)
    if decisions_name is not None:
        items = review_items(review_report(result, listed), result.raw)
        out.append(report_review_section(items, source.sha256, decisions_name))
    pages(out, result, facts, raw_pages, clean_pages, raw_cuts, real_pages)
    out.append("</main>\n<footer>Written by clean-scan. Hover a mark for its stage, rule, "
               "confidence and reason. Page breaks follow the furniture stage; "
               "without them the text is shown in chunks of about sixty lines.</footer>\n")
    out.append(f"<script>{SCRIPT}</script>\n")
    if decisions_name is not None:
        out.append(f"<script>{REVIEW_SCRIPT}</script>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def head(out: list[str], name: str, slots: dict[str, int]) -> None:
    out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    out.append(GENERATOR_TAG + "\n")
    out.append(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n')
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    out.append(f"<title>{esc(name)} · clean-scan report</title>\n<style>{BASE_CSS}")
    out.extend(stage_css(slot) for slot in sorted(set(slots.values())))
    out.append(asset("card.css"))
    out.append("</style>\n</head>\n")


ENCODINGS = {
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "utf-16-le": "UTF-16 (little-endian, with its byte-order mark)",
    "utf-16-be": "UTF-16 (big-endian, with its byte-order mark)",
    "utf-32-le": "UTF-32 (little-endian, with its byte-order mark)",
    "utf-32-be": "UTF-32 (big-endian, with its byte-order mark)",
}
LINE_ENDS = {
    "crlf": ", Windows line ends (CR LF), read as LF",
    "cr": ", old Mac line ends (CR), read as LF",
    "mixed": ", mixed line ends (each converted by the normalise stage)",
}


def meta(out: list[str], result: Result, source: DecodedInput, facts: Facts,
         page_count: int, real_pages: bool) -> None:
    encoding = ENCODINGS.get(source.encoding, source.encoding)
    if source.bom:
        encoding += ", with a byte-order mark"
    encoding += LINE_ENDS.get(source.line_ends, "")
    skipped = [n for n in STAGE_NAMES if n not in result.stages_run]
    whitespace = sum(facts.spacing)
    rows = [
        ("Encoding", esc(encoding)),
        ("Size", f"{source.size:,} bytes · {result.raw.count(chr(10)):,} raw lines · "
                 f"{len(result.raw):,} raw characters → {len(result.clean):,} clean"),
        ("SHA-256", f"<code>{esc(source.sha256)}</code>"),
        ("Changes", f"{len(result.edits):,} edits ({whitespace:,} of them whitespace only) in "
                    f"{len(result.hunks):,} changed stretches · {len(result.flags):,} flagged"),
        ("Stages run", esc(" → ".join(result.stages_run)) or "none"),
        ("Pages", f"{page_count:,}" + ("" if real_pages else
                                        " (no page breaks found: chunks of ~60 lines)")),
    ]
    if skipped:
        rows.insert(5, ("Skipped", esc(", ".join(skipped))))
    out.append('<dl class="meta">\n')
    out.extend(f"<dt>{k}</dt><dd>{v}</dd>\n" for k, v in rows)
    out.append("</dl>\n")
    if source.encoding != "utf-8":
        out.append(f'<p class="warn"><b>Not UTF-8:</b> the file was read as '
                   f"{esc(encoding)}. Check that quotes, dashes and accented letters "
                   "came out as printed; the clean text is written in UTF-8.</p>\n")


def summary(out: list[str], result: Result, facts: Facts) -> None:
    slots = facts.slots
    counts = result.counts_by_stage()
    edit_rules = rule_counts(result.edits, _STAGE_AND_RULE)
    flag_rules = rule_counts(result.flags)
    spaces = Counter(itertools.compress(map(_FIRST, result.edits), facts.spacing))  # stages
    out.append('<section class="box" id="summary">\n<h2>Changes by stage</h2>\n<table>\n'
               '<tr><th class="js-only">Show</th><th>Stage</th><th>Edits</th>'
               "<th>Whitespace only</th><th>Flags</th><th>By rule</th></tr>\n")
    for stage in sorted(counts, key=lambda s: slots[s]):
        slot = slots[stage]
        rules = [f"<b>{esc(r)}</b> {n:,}" for r, n in edit_rules[stage].most_common()]
        rules += [f"<b>{esc(r)}</b> {n:,} flagged" for r, n in flag_rules[stage].most_common()]
        out.append(
            f'<tr class="s{slot}"><td class="js-only"><input type="checkbox" checked '
            f'value="s{slot}" data-filter="{esc(stage)}" id="show-s{slot}" '
            f'aria-label="show {esc(stage)}"></td>'
            f'<td class="stage"><label for="show-s{slot}"><span class="sw"></span>{esc(stage)}'
            "</label></td>"
            f'<td class="n">{counts[stage]["edits"]:,}</td><td class="n">{spaces[stage]:,}</td>'
            f'<td class="n">{counts[stage]["flags"]:,}</td>'
            f'<td class="rules">{" · ".join(rules) or "–"}</td></tr>\n')
    out.append("</table>\n")
    out.append('<p class="js-only"><label class="ws-toggle"><input type="checkbox" checked '
               'value="whitespace" data-filter="whitespace"> mark whitespace-only changes '
               "(line joins: <span class=\"e ws nl demo\"></span>)</label></p>\n")
    out.append('<p class="legend">Raw column: <span class="e demo">tinted</span> changed, '
               '<span class="e del demo">struck</span> removed, <span class="e ws nl demo">'
               '</span> line joined, <span class="z demo"></span> text inserted. '
               'Clean column: <span class="h demo">tinted</span> the changed stretches. '
               '<span class="fl">Wavy</span>: flagged, left unchanged. '
               "Colours follow the stage; hover a mark for details.</p>\n</section>\n")


STAGE_OF = operator.attrgetter("stage")
STAGE_AND_RULE = operator.attrgetter("stage", "rule")
_STAGE_AND_RULE = itemgetter(0, 1)  # of an Edit, a named tuple: quicker
_RAW_START, _RAW_END = itemgetter(2), itemgetter(3)  # of an Edit, a named tuple


def rule_counts(items: Iterable[Edit | RaisedFlag],
                stage_and_rule: Callable[[Any], tuple[str, str]] = STAGE_AND_RULE
                ) -> defaultdict[str, Counter[str]]:
    """How often each rule of each stage occurs; rules in order of first
    appearance, so ``most_common`` breaks ties the same way every run."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for (stage, rule), n in Counter(map(stage_and_rule, items)).items():
        counts[stage][rule] = n
    return counts


def flag_list(out: list[str], result: Result) -> None:
    count = len(result.flags)
    opened = " open" if count <= FLAGS_OPEN else ""
    out.append(f'<section class="box" id="flags">\n<details class="flags"{opened}>'
               f"<summary>Flagged words, left unchanged ({count:,})</summary>\n")
    if not count:
        out.append("<p>No words were flagged.</p>\n</details>\n</section>\n")
        return
    places = line_columns(result.raw, [flag.raw_start for flag in result.flags])
    out.append('<table class="flags">\n<tr><th>Text</th><th>Where</th><th>Stage/rule</th>'
               "<th>Confidence</th><th>Reason</th><th>Suggestions</th></tr>\n")
    for number, (flag, (line, column)) in enumerate(zip(result.flags, places, strict=True), 1):
        out.append(
            f'<tr><td class="w">{esc(shown(flag.text))}</td>'
            f'<td><a href="#f{number}">{line}:{column}</a></td>'
            f"<td>{esc(flag.stage)}/{esc(flag.rule)}</td>"
            f'<td class="n">{flag.confidence:.2f}</td><td>{esc(flag.reason)}</td>'
            f'<td>{esc(", ".join(shown(s) for s in flag.suggestions)) or "–"}</td></tr>\n')
    out.append("</table>\n</details>\n</section>\n")


def line_columns(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """Line and column (from 1) of each offset, as ``LineIndex.locate``
    finds them, without indexing every line of the text: a book's few
    flags need one count of line ends over it, in C.

    >>> line_columns("ab\\ncd\\n", [4, 0, 6, 3])
    [(2, 2), (1, 1), (3, 1), (2, 1)]
    """
    places: dict[int, tuple[int, int]] = {}
    line, last = 1, 0
    for offset in sorted(set(offsets)):
        line += text.count("\n", last, offset)
        places[offset] = line, offset - text.rfind("\n", 0, offset)
        last = offset
    return [places[offset] for offset in offsets]


def pages(out: list[str], result: Result, facts: Facts, raw_pages: list[str],
          clean_pages: list[str], raw_cuts: list[int], real_pages: bool) -> None:
    bounds = [0, *raw_cuts, len(result.raw)]
    starts = list(map(_RAW_START, result.edits))
    counted = (sorted(itertools.compress(starts, map(operator.not_, facts.spacing))),
               sorted(itertools.compress(starts, facts.spacing)),
               sorted(f.raw_start for f in result.flags))
    label = "Page" if real_pages else "Part"
    info = [tuple(bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo)
                  for starts in counted)
            for lo, hi in zip(bounds, bounds[1:], strict=False)]
    out.append(f'<section class="box" id="pages">\n<h2>{label}s</h2>\n<nav class="pages">')
    out.extend(f'<a href="#p{n}"{" class=chg" if info[n - 1][0] else ""}>{n}</a>'
               for n in range(1, len(raw_pages) + 1))
    out.append("</nav>\n")
    out.append('<p class="js-only"><label><input type="checkbox" checked value="quiet" '
               f'data-filter="unchanged"> {label.lower()}s with only whitespace changes and '
               "no flags</label></p>\n</section>\n")
    out.append('<div class="colhead"><div>Raw (as read)</div><div>Clean</div></div>\n')
    line = 1
    for number, (raw_html, clean_html) in enumerate(zip(raw_pages, clean_pages, strict=True), 1):
        lo, hi = bounds[number - 1], bounds[number]
        last = line + result.raw.count("\n", lo, hi) - (1 if result.raw.endswith("\n", lo, hi)
                                                         else 0)
        changes, joins, flags = info[number - 1]
        quiet = "" if changes or flags else " quiet"
        flagged = f", {flags:,} flagged" if flags else ""
        out.extend((f'<section class="page{quiet}" id="p{number}"><h3><a href="#p{number}">'
                    f"{label} {number}</a> · raw lines {line}–{max(line, last)} · "
                    f"{changes:,} changes, {joins:,} whitespace{flagged}</h3>\n"
                    '<div class="cols"><pre class="r">', raw_html,
                    '</pre><pre class="c">', clean_html, "</pre></div></section>\n"))
        line = last + 1
