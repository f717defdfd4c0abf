"""The HTML report's two columns, raw and clean, with every edit and flag
marked where it stands: the offsets between them, the marks and their
looks, and the sweep that writes each column page by page."""

from __future__ import annotations

import bisect
import functools
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

from clean_scan.pipeline import Result
from clean_scan.reports.html_text import (
    _RAW_END,
    _RAW_START,
    _TITLE_KEY,
    CHUNK_LINES,
    CHUNK_SLACK,
    MAX_TITLE_ENTRIES,
    PAGE_BREAK,
    esc,
    flag_title,
    is_whitespace_only,
    key_title,
    shown,
    stage_slots,
)

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
