"""Pages and page numbers: how an OCR export carries its page structure.

Two things live here that more than one stage needs:

* splitting a text into lines and the lines into pages, whatever the export
  gives (form feeds, marker lines such as ``[Page 12]``, or gaps of blank
  lines between pages), and
* finding the page numbers among them, read through OCR look-alikes by
  :mod:`clean_scan.folio_numbers`.

When no gaps or marks are left, lone numbers rising page by page through the
text are taken as the folios (:func:`rising_folios`; in a text with no blank
lines at all, any short line may be one), or else the running heads whose
page numbers rise so (:func:`rising_heads`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from clean_scan.folio_numbers import (
    digit_pattern,
    number_fit,
    plain_folio,
)
from clean_scan.furniture_lines import structure_heading
from clean_scan.layout import median
from clean_scan.note_lines import NOTE_START


class Line(NamedTuple):
    """One line of the text: its span (without the line end), what ends it,
    and whether it is blank (only whitespace); a tuple, because a book has
    thousands of lines and every stage pass reads them."""

    start: int
    end: int
    text: str
    sep: str  # "\n", "\f" or "" at the end of the text
    blank: bool


def split_lines(text: str) -> list[Line]:
    r"""Lines ended by ``\n`` or by a form feed (a page break inside a line).

    >>> [(ln.text, ln.sep) for ln in split_lines("a\n\fb")]
    [('a', '\n'), ('', '\x0c'), ('b', '')]
    """
    if "\f" in text:
        parts = _LINE_END.split(text)
        seps = _LINE_END.findall(text)
    else:
        parts = text.split("\n")
        seps = ["\n"] * (len(parts) - 1)
    seps.append("")
    lines, pos = [], 0
    new = tuple.__new__  # Line._make without its length check: the fields are right here
    for part, sep in zip(parts, seps, strict=True):
        end = pos + len(part)
        lines.append(new(Line, (pos, end, part, sep, not part.strip())))
        pos = end + 1
    return lines


_LINE_END = re.compile(r"[\n\f]")


PAGE_MARKER = re.compile(
    r"""^\s*(?:
        -{3,}\s*File:?\s*\S+.*                       # Distributed Proofreaders
      | [\[<{(]{1,2}\s*(?:page|pg\.?|p\.)\s*[\w]+\s*[\]>})]{1,2}   # [Page 12]
      | [-=_*]{2,}\s*(?:page|pg\.?|p\.)\s*[\w]+\s*[-=_*]{2,}       # --- Page 12 ---
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Lines an export writes between pages. A bare ``page 49`` is not one: a
table of contents prints exactly that."""
DP_MARKER = re.compile(r"^\s*-{3,}\s*File:?\s*\S+")
"""Distributed Proofreaders' page separator (``-----File: 012.png-----``):
one is a page break by itself; the other marker shapes need a second."""
_MARKER_FIRST = frozenset("-[<{(=_*")
"""What a page marker line can start with, after white space."""


@dataclass(frozen=True, slots=True)
class Page:
    """A page as a range of line indices ``[first, stop)``."""

    index: int
    first: int
    stop: int




def split_pages(lines: list[Line]) -> tuple[list[Page], set[int]]:
    """Pages, and the indices of page-marker lines (furniture themselves).

    Form feeds win, unless the gaps below find more than twice as many
    page breaks besides: such a text puts form feeds at only some of them
    (after a scanner's notice page, between files joined into one), and
    gets both. Else marker lines (two or more, or one of Distributed
    Proofreaders'); else gaps of blank lines, of the length this text uses
    between pages (see :func:`page_gap_length`).
    """
    markers = {i for i, ln in enumerate(lines)
               if ln.text.lstrip()[:1] in _MARKER_FIRST and PAGE_MARKER.match(ln.text)}
    cuts: set[int] = set()  # a cut before line i
    if "\f" in map(attrgetter("sep"), lines):  # (compared in C: a book has thousands of lines)
        cuts = {i + 1 for i, ln in enumerate(lines) if ln.sep == "\f"}
        besides = gap_cuts(lines) - cuts
        if len(besides) <= 2 * len(cuts):
            return _pages_from_cuts(lines, cuts), markers
        return _pages_from_cuts(lines, cuts | besides, merge_lone_numbers=True), markers
    if len(markers) >= 2 or any(DP_MARKER.match(lines[i].text) for i in markers):
        return _pages_from_cuts(lines, set(markers)), markers
    return _pages_from_cuts(lines, gap_cuts(lines), merge_lone_numbers=True), set()


def gap_cuts(lines: list[Line]) -> set[int]:
    """Page breaks read from the blank lines alone (a cut before line i):
    gaps of the length this text uses between pages (taken in groups where
    that finds twice as many: :func:`gap_clusters`), or, with no such
    gaps, the lines after lone folios rising page by page, or else the
    running heads whose folios rise so (a page starts at its head)."""
    runs = blank_runs(lines)
    gap = page_gap_length(lines, runs)
    grouped = page_gap_length(lines, runs, grouped=True) if gap else None
    clusters = gap_clusters(lines, runs, grouped) if gap and grouped and grouped < gap else []
    if clusters and len(clusters) >= GROUPED_PAGES * sum(length >= gap for _, length in runs):
        return _without_note_pages(lines, {end for _, end in clusters})
    if gap:
        cuts = {start + length for start, length in runs if length >= gap}
        return _without_note_pages(lines, cuts | _folio_cuts(lines, cuts))
    if sum(ln.blank for ln in lines) >= BLANK_FREE * len(lines):
        from clean_scan.page_breaks import paragraph_gap_breaks  # it builds on this module
        lengths = [len(ln.text) for ln in lines if len(ln.text) > 30]
        found = paragraph_gap_breaks(lines, int(median(lengths)) if lengths else 60)
        if found:
            return found
    return {i + 1 for i in rising_folios(lines)} or set(rising_heads(lines))


def _folio_cuts(lines: list[Line], cuts: set[int]) -> set[int]:
    """Cuts at the folios rising page by page (:func:`rising_folios`) that
    no gap of the page gap's length stands beside: an engine that sets its
    blank lines by the white space it sees gives a page with notes at its
    foot, or a line it could not read, another gap than the rest. Each goes
    where most folios with a gap beside them have it, before them (a folio
    opening its page) or after them (one closing it).

    >>> body = [f"line {k} of the page body, set full out" for k in range(14)]
    >>> pages = [body + ["", "", "", str(n), "", "THE HEAD", ""] for n in (11, 12, 13)]
    >>> pages[1][14:16] = ["", "* A note."]  # that page's gap is shorter
    >>> text = "\\n".join(sum(pages, []) + body)
    >>> sorted(_folio_cuts(split_lines(text), {17, 59}))
    [38]
    """
    folios = rising_folios(lines)
    ordered = sorted(cuts)
    place = {cut: k for k, cut in enumerate(cuts)}  # the set's order, which settles a tie
    near = {}
    for folio in folios:  # the cuts near each folio found by search, not by a walk over all
        beside = sorted((cut for cut in ordered[bisect.bisect_left(ordered, folio - FOLIO_SPAN):
                                                bisect.bisect_right(ordered, folio + FOLIO_SPAN)]
                         if _printed_between(lines, folio, cut) <= FOLIO_REACH),
                        key=place.__getitem__)
        if beside:
            near[folio] = min(beside, key=lambda cut: abs(cut - folio)) > folio
    if len(near) < len(folios) / 2:
        return set()  # the gaps do not agree with the folios: trust neither more
    after = sum(near.values()) > len(near) / 2
    found = set()
    for folio in set(folios) - set(near):
        if not after:
            found.add(folio)
            continue
        following = next((i for i in range(folio + 1, len(lines)) if not lines[i].blank), None)
        if following is not None:
            found.add(following)
    return found


FOLIO_REACH = 1
"""How many lines of print (blank lines aside) may stand between a folio
and the page gap beside it: the running head the gap sets off (``20`` /
``THE PARTY`` / gap), however many blank lines the engine sets."""
FOLIO_SPAN = 8
"""The most lines, blank ones too, a folio and the gap beside it lie apart."""


def _printed_between(lines: list[Line], first: int, second: int) -> int:
    """How many lines of print stand between lines ``first`` and ``second``
    (either way round): not the cut's own line, which opens the page."""
    low, high = sorted((first, second))
    return sum(not line.blank for line in lines[low + 1:high])


def _without_note_pages(lines: list[Line], cuts: set[int]) -> set[int]:
    """The cuts but those before a page's notes: no page holds notes alone,
    though an engine may set them off by a page's gap. A run between two
    cuts too short for a page (under a short page, or under half the
    text's usual page), opening with a note's mark (not a head and its
    folio, ``54 KNOWLEDGE``; an indent before the mark as an engine keeps
    it), is the foot of the page above.

    >>> body = [f"line {k} of the page body, set full out" for k in range(14)]
    >>> text = "\\n".join(body) + "\\n\\n\\n* A note at the foot.\\n\\n\\n" + "\\n".join(body)
    >>> sorted(_without_note_pages(split_lines(text), {16, 19}))
    [19]

    A running head whose folio rises page by page opens the next page, so
    a note's run that holds one counts up to it (GOCR leaves the head
    closer to the note above than to its own page): the page is cut there.

    >>> page = ["", "", "", "1 A note at the foot, set in small type.", "", "THE WAR 12", "", ""]
    >>> lines = split_lines("\\n".join(["THE WAR 11", ""] + body + page + body
    ...                                 + ["", "", "", "THE WAR 13", ""] + body))
    >>> lines[19].text, lines[21].text, sorted(_without_note_pages(lines, {19, 42}))
    ('1 A note at the foot, set in small type.', 'THE WAR 12', [21, 42])
    """
    ordered = sorted(cuts)
    kept = set(ordered)
    runs = [[lines[i].text.lstrip() for i in range(cut, after) if not lines[i].blank]
            for cut, after in zip(ordered, [*ordered[1:], len(lines)], strict=True)]
    short = max(SHORT_PAGE, int(median([len(run) for run in runs] or [0])) // 2)
    marks: tuple[list[int], list[int]] | None = None
    for cut, after, content in zip(ordered, [*ordered[1:], len(lines)], runs, strict=True):
        if not content or not NOTE_START.match(content[0]) or capitals(content[0]):
            continue
        if len(content) >= short:  # a note, then its page's folio or the next page's head?
            marks = (sorted(rising_heads(lines)), sorted(rising_folios(lines))) \
                if marks is None else marks
            page_end = _page_end_after_note(lines, cut, after, short, *marks)
            if page_end is None:
                continue
            kept.add(page_end)
        kept.discard(cut)
    return kept


def _page_end_after_note(lines: list[Line], cut: int, after: int, short: int,
                         heads: list[int], folios: list[int]) -> int | None:
    """Where the page ends whose foot is the note opening a run at ``cut``
    (the run up to ``after``): at the first running head rising page by
    page in the run (it opens the next page), or after the first folio
    rising so (the note's page's own, at its foot), where fewer than
    ``short`` lines stand before it; None if neither does. ``heads`` and
    ``folios`` are in order.

    >>> lines = split_lines("\\n".join(["1 A note, set small.", "", "26", "", "THE WAR"]
    ...                                 + [f"body line {k}" for k in range(20)]))
    >>> after_folio = _page_end_after_note(lines, 0, 25, 12, heads=[], folios=[2])
    >>> after_folio, _page_end_after_note(lines, 0, 25, 12, heads=[4], folios=[])
    (3, 4)
    >>> _page_end_after_note(lines, 0, 25, 12, [], []) is None
    True
    """
    found = [marks[k] + past for marks, past in ((heads, 0), (folios, 1))  # sorted
             if (k := bisect.bisect_right(marks, cut)) < len(marks) and marks[k] < after]
    if not found:
        return None
    end = min(found)
    return end if sum(not ln.blank for ln in lines[cut:end]) < short else None


def blank_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Maximal runs of blank lines as ``(first index, length)``."""
    runs = []
    start = None
    for i, line in enumerate(lines):
        if line.blank:
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i - start))
            start = None
    if start is not None:
        runs.append((start, len(lines) - start))
    return runs


GROUPED_PAGES = 2
"""How many times as many pages the gaps taken in groups
(:func:`gap_clusters`) must find as the gaps alone to be preferred: a
page's foot and the next page's head each set off by blank lines."""


def page_gap_length(lines: list[Line], runs: list[tuple[int, int]] | None = None,
                    grouped: bool = False) -> int | None:
    """The shortest blank run that separates pages here, if there is one.

    Paragraphs are set off by one blank line and headings by one or two, so
    they come close together; page gaps come once a page, a printed page's
    worth of lines apart. The shortest run length whose occurrences are
    (nearly) never closer than a short page is taken, unless a longer one
    is never closer and finds two thirds as many (in a short text one
    heading's two blank lines among a handful of page gaps would otherwise
    pass for a page break). ``runs`` are the
    text's :func:`blank_runs`, when the caller has them already; with
    ``grouped``, runs parted by a few short lines count as one
    (:func:`gap_clusters`).
    """
    if runs is None:
        runs = blank_runs(lines)
    tolerant: tuple[int, int] | None = None  # (length, how many runs)
    for length in range(2, 7):
        starts = [start for start, _ in gap_clusters(lines, runs, length)] if grouped else \
            [start for start, n in runs if n >= length]
        if len(starts) < 2:
            break
        gaps = sorted(b - a for a, b in zip(starts, starts[1:], strict=False))
        if gaps[0] >= SHORT_PAGE and (tolerant is None or 3 * len(starts) >= 2 * tolerant[1]):
            return length  # never closer than a short page, and (nearly) as many pages
        if tolerant is None and gaps[len(gaps) // 5] >= SHORT_PAGE:
            tolerant = (length, len(starts))
    if tolerant is not None:
        return tolerant[0]
    return _gap_beside_numbers(lines, runs)


SHORT_PAGE = 12
"""Fewer lines than any printed page holds between two page gaps."""


def gap_clusters(lines: list[Line], runs: list[tuple[int, int]],
                 length: int) -> list[tuple[int, int]]:
    """The blank runs of ``length`` lines or more, as ``(first blank line,
    line after the gap)``, those parted only by a few short lines taken as
    one gap: a page's foot and the next page's head set off by blank lines
    of their own (``8_`` / ``THE VALUE OF PHILOSOPHY`` between two gaps)
    part one pair of pages, cut where the next page's text begins.

    >>> body = [f"line {k} of the page body, set full out" for k in range(14)]
    >>> text = "\\n".join(body + ["", "", "89", "", "THE HEAD", "", ""] + body)
    >>> gap_clusters(split_lines(text), blank_runs(split_lines(text)), 2)
    [(14, 21)]
    """
    clusters: list[tuple[int, int]] = []
    for start, n in runs:
        if n < length:
            continue
        if clusters and _furniture_between(lines, clusters[-1][1], start):
            clusters[-1] = (clusters[-1][0], start + n)
        else:
            clusters.append((start, start + n))
    return clusters


CLUSTER_LINES = 3
"""The most lines of furniture two blank runs of one page gap part."""
CLUSTER_WIDTH = 40
"""The longest such line (a folio, a running head)."""


def _furniture_between(lines: list[Line], first: int, end: int) -> bool:
    """Whether lines ``first`` to ``end`` hold only a few short lines, none
    a chapter's heading (``CHAPTER IV`` opens the next page: the gap
    before it is the page gap)."""
    texts = [lines[i].text.strip() for i in range(first, end) if not lines[i].blank]
    return 0 < len(texts) <= CLUSTER_LINES and end - first <= 2 * CLUSTER_LINES and \
        all(len(text) <= CLUSTER_WIDTH and not structure_heading(text) for text in texts)


def _gap_beside_numbers(lines: list[Line], runs: list[tuple[int, int]]) -> int | None:
    """In a short text, the gap that most lone number lines stand beside.

    A lone number set off by a longer gap than paragraphs get is a folio;
    the longer of its two gaps is the one between pages.
    """
    after = {start - 1: length for start, length in runs}
    before = {start + length: length for start, length in runs}
    votes = Counter()
    for i, line in enumerate(lines):
        text = line.text.strip()
        if text and len(text) <= 6 and digit_pattern(text) is not None \
                and not _heading_follows(lines, i):
            longest = max(after.get(i, 0), before.get(i, 0))
            if longest >= 2:
                votes[longest] += 1
    if not votes:
        return None
    length, count = votes.most_common(1)[0]
    return length if count >= 2 or length >= 3 else None


def rising_folios(lines: list[Line]) -> list[int]:
    """Lone number lines that rise page by page through a text exported
    without page gaps: the longest chain of standalone numbers rising by
    one or two, a page's worth of lines apart, with the garbled ones
    between them that fit the gap. Fewer than three: none.

    >>> body = "\\n".join(f"text line {k}" for k in range(12))
    >>> text = "\\n\\n".join([body, "14", body, "*5", body, "16", body, "17", body, "12"])
    >>> [split_lines(text)[i].text for i in rising_folios(split_lines(text))]
    ['14', '*5', '16', '17']
    """
    if sum(ln.blank for ln in lines) < BLANK_FREE * len(lines):
        alone = _short_lines_of_a_blank_free_text(lines)
    else:
        recurring = Counter(ln.text.strip() for ln in lines if not ln.blank)
        alone = [i for i, ln in enumerate(lines) if not ln.blank and len(ln.text.strip()) <= 8
                 and (i == 0 or lines[i - 1].blank) and (i + 1 == len(lines) or lines[i + 1].blank)
                 and (not _heading_follows(lines, i)  # a number above a heading is a chapter's,
                      or _head_follows(lines, i, recurring))]  # above a running head a folio
    plain = [(i, n) for i in alone if (n := plain_folio(lines[i].text)) is not None]
    chain = rising_chain(plain)
    found = [i for i, _ in chain]
    for (i, n), (j, m) in zip(chain, chain[1:], strict=False):
        if m - n == 2:
            found += [k for k in alone if i < k < j and number_fit(lines[k].text, n + 1)][:1]
    return sorted(found)


BLANK_FREE = 0.02
"""A text with fewer blank lines than this share sets off nothing by them."""


def _short_lines_of_a_blank_free_text(lines: list[Line]) -> list[int]:
    """The short lines that may be folios in a text exported without blank
    lines, where none stands apart: a number above a capitals line is a
    chapter's unless that line recurs through the text, as a running head
    does (``20`` / ``THE PEOPLE'S WAR``)."""
    recurring = Counter(ln.text for ln in lines if not ln.blank)
    found = []
    for i, line in enumerate(lines):
        if line.blank or len(line.text.strip()) > 8:
            continue
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        if not _heading_follows(lines, i) or recurring[following] >= RECURRING_HEAD:
            found.append(i)
    return found


RECURRING_HEAD = 3
"""How often a capitals line must recur to be a running head, not a title."""


def rising_heads(lines: list[Line]) -> list[int]:
    """Running heads carrying page numbers that rise page by page through a
    text exported without page gaps (``20 THE PEOPLE'S WAR``, ``LABOUR AND
    THE PEACE 21``): short lines in capitals with a plain folio at one end,
    in the longest chain rising by one or two, a page's worth of lines
    apart. Fewer than three: none.

    >>> body = "\\n".join(f"text line {k}" for k in range(12))
    >>> text = "\\n".join(["20 THE WAR", body, "THE PEACE 21", body, "22 THE WAR", body])
    >>> [split_lines(text)[i].text for i in rising_heads(split_lines(text))]
    ['20 THE WAR', 'THE PEACE 21', '22 THE WAR']
    """
    numbered = []
    for i, line in enumerate(lines):
        words = line.text.split()
        if not 2 <= len(words) <= 10:
            continue
        for number_word, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
            number = plain_folio(number_word)
            if number is not None and capitals(" ".join(rest)):
                numbered.append((i, number))
                break
    return [i for i, _ in rising_chain(numbered)]


def capitals(text: str) -> bool:
    """Four letters or more, seven in ten of them capitals: a heading."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def rising_chain(numbered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (line, number) pairs whose numbers rise by one
    or two, a page's worth of lines (8 to 150) apart; fewer than three:
    none. Each pair keeps the length of the longest chain ending in it and
    the pair before it there; the chain is read back once at the end
    (copying every chain as it grew took time quadratic in a book's pages)."""
    lengths: list[int] = []
    links: list[int] = []
    for k, (i, n) in enumerate(numbered):
        length, link = 1, -1
        for back in range(k - 1, -1, -1):
            j, m = numbered[back]
            if i - j > 150:
                break
            if 1 <= n - m <= 2 and i - j >= 8 and lengths[back] + 1 > length:
                length, link = lengths[back] + 1, back
        lengths.append(length)
        links.append(link)
    end = max(range(len(numbered)), key=lengths.__getitem__, default=-1)
    if end < 0 or lengths[end] < 3:
        return []
    chain = []
    while end >= 0:
        chain.append(numbered[end])
        end = links[end]
    return chain[::-1]


def _head_follows(lines: list[Line], i: int, recurring: Counter) -> bool:
    """The next non-blank line recurs through the text as a running head does."""
    following = next((ln.text.strip() for ln in lines[i + 1 : i + 4] if not ln.blank), "")
    return recurring[following] >= RECURRING_HEAD


def _heading_follows(lines: list[Line], i: int) -> bool:
    """The next non-blank line is in capitals: ``i`` is a chapter number."""
    for line in lines[i + 1 : i + 4]:
        if not line.blank:
            return capitals(line.text)
    return False


def _pages_from_cuts(lines: list[Line], cuts: set[int], *,
                     merge_lone_numbers: bool = False) -> list[Page]:
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(lines)), len(lines)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    spans = [s for s in spans if any(not lines[i].blank for i in range(*s))] or spans
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and merge_lone_numbers and _lone_number(lines, span):
            merged[-1] = (merged[-1][0], span[1])  # a folio cut off by its own gap
        else:
            merged.append(span)
    return [Page(k, a, b) for k, (a, b) in enumerate(merged)]


def _lone_number(lines: list[Line], span: tuple[int, int]) -> bool:
    """Is the span's one non-blank line a number? (Looked at up to its second
    non-blank line only: a page of text has one near its top.)"""
    text = None
    for i in range(*span):
        if not lines[i].blank:
            if text is not None:
                return False
            text = lines[i].text
    return text is not None and len(text.strip()) <= 6 and digit_pattern(text) is not None


def content_lines(lines: list[Line], page: Page) -> list[int]:
    """Indices of the page's non-blank lines."""
    return [i for i in range(page.first, page.stop) if not lines[i].blank]
