"""The page map: where each printed page of the input lies, in the raw text
and in the clean text, and its printed number, as read and as inferred;
and the ``[Pg N]`` markers that keep page references in the clean text.

Pages are the furniture stage's: each of its page breaks (an edit writing a
form feed) starts a page. Its page numbers (rule ``page-number``) give the
numbers read; a number read at a page's foot stands after the break the
page ends with, one at its top before, so each is tried against both pages
and the offset between page index and printed number that most of them
agree on numbers every page, the unread ones too (a page whose number
would be below 1, a title page, has none).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import regex

from clean_scan.document import Document, Edit, Proposal

PRINTED = regex.compile(r"page number (\d+)")
MARKER = "[Pg {}]"
MARKER_PATTERN = regex.compile(r"\[Pg [0-9ivxlcdm]+\]")
"""A page marker in a clean text (what ``clean-scan eval`` takes out)."""


@dataclass(frozen=True)
class Page:
    """One page: its printed number as read ('' if not read) and as
    inferred ('' if none), its raw stretch and first line, its clean start."""

    index: int
    read: str
    number: str
    raw_start: int
    raw_end: int
    raw_line: int
    clean_start: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def page_map(raw: str, edits: Sequence[Edit], doc: Document) -> list[Page]:
    """The pages of a cleaned text (one page when no break was found)."""
    breaks = [e for e in edits if e.stage == "furniture" and e.rule == "page-break"
              and "\f" in e.after]
    furniture = sorted((e.raw_start, e.raw_end) for e in edits if e.stage == "furniture")
    starts = [0, *(_content_start(raw, e.raw_end, furniture) for e in breaks)]
    ends = [*(e.raw_start for e in breaks), len(raw)]
    offset, read = _numbering([e.raw_start for e in breaks], edits)
    pages = []
    for index, (start, end, line) in enumerate(zip(starts, ends, _line_numbers(raw, starts),
                                                   strict=True)):
        number = index + offset if offset is not None else 0
        span = doc.current_span(start, min(start + 1, len(raw)))
        pages.append(Page(index, read.get(index, ""), str(number) if number > 0 else "",
                          start, end, line, span[0] if span else len(doc.text)))
    return pages


def _line_numbers(raw: str, offsets: list[int]) -> list[int]:
    """The raw line (counted from 1) of each offset: the line ends counted
    from one offset to the next in order, one pass over the text (counted
    from the text's start for every page, a book of two thousand pages took
    a second, time quadratic in its length).

    >>> _line_numbers("a\\nb\\nc\\nd", [6, 0, 2])
    [4, 1, 2]
    """
    numbers = [0] * len(offsets)
    line = 1
    at = 0
    for k in sorted(range(len(offsets)), key=offsets.__getitem__):
        line += raw.count("\n", at, offsets[k])
        at = offsets[k]
        numbers[k] = line
    return numbers


def _content_start(raw: str, pos: int, furniture: list[tuple[int, int]]) -> int:
    """The first character after ``pos`` that is text of the page: past
    blank space and the furniture (running heads, folios) at its top."""
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        k = bisect.bisect_right(furniture, (pos, len(raw) + 1)) - 1
        if k >= 0 and furniture[k][0] <= pos < furniture[k][1]:
            pos = furniture[k][1]
            continue
        return pos


def _numbering(breaks: list[int], edits: Sequence[Edit]) -> tuple[int | None, dict[int, str]]:
    """The offset from page index to printed number most numbers read agree
    on, and the number read on each page."""
    found = []
    for edit in edits:
        if edit.rule != "page-number":
            continue
        match = PRINTED.search(edit.reason)
        if match:
            after = bisect.bisect_right(breaks, edit.raw_start)
            found.append((int(match.group(1)), after))
    votes = Counter(n - page for n, after in found for page in {after, max(0, after - 1)})
    if not votes:
        return None, {}
    offset = votes.most_common(1)[0][0]
    read = {}
    for n, after in found:
        for page in (after, after - 1):
            if page >= 0 and n - page == offset:
                read[page] = str(n)
    return offset, read


def marker_proposals(pages: Sequence[Page], text: str) -> list[Proposal]:
    """A ``[Pg N]`` marker before the first word of every numbered page:
    between paragraphs when the page opens one, inside the paragraph where
    the page turns mid-sentence."""
    proposals = []
    for page in pages:
        if not page.number or page.clean_start >= len(text):
            continue
        at = page.clean_start
        marker = MARKER.format(page.number)
        if at == 0 or text[at - 2:at] == "\n\n":
            proposals.append(Proposal(at, at, marker + "\n\n", "page-start-marker", 1.0,
                                      f"printed page {page.number} begins here"))
        else:
            proposals.append(Proposal(at, at, marker + " ", "page-start-marker", 1.0,
                                      f"printed page {page.number} begins mid-paragraph"))
    return proposals
