"""What the stage writes: chapter numbers read through look-alikes, the
removals, and one page-break marker per page break."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from clean_scan.document import Proposal
from clean_scan.folio_numbers import read_garbled_number, roman_value
from clean_scan.pagination import Line
from clean_scan.stages.furniture.model import Layout, above_heading

# --- chapter numbers ----------------------------------------------------------------------

def chapter_numbers(layout: Layout) -> list[Proposal]:
    """Chapter numbers garbled by the OCR, written in digits.

    A chapter number stands alone between blank lines right above a
    heading in capitals; a page number does not. Read through the OCR's
    look-alikes: ``i o`` is 10, ``I 2`` is 12, ``i`` is 1. Where the book
    numbers its chapters in roman numerals, ``II`` stays ``II``.
    """
    found = []
    short = [(i, text) for i, line in enumerate(layout.lines)
             if len(text := line.text.strip()) <= 5 and not line.blank]
    for i, text in short:
        if i in layout.verdicts:
            continue
        number = read_garbled_number(text)
        if number is None or not 0 < number < 200 or not above_heading(layout, i):
            continue
        found.append((i, text, number))
    roman_style = sum(1 for _, t, _ in found if len(t) > 1 and roman_value(t)) > sum(
        1 for _, t, _ in found if any(c.isdecimal() for c in t))
    proposals = []
    for i, text, number in found:
        if text == str(number) or (roman_style and roman_value(text)):
            continue
        start = layout.lines[i].start + layout.lines[i].text.index(text)
        proposals.append(Proposal(start, start + len(text), str(number),
                                  "chapter-number-digits", 0.9,
                                  f"chapter number {number} read through OCR look-alikes"))
    return proposals


# --- proposals ----------------------------------------------------------------------------

def layout_proposals(text: str, layout: Layout,
                     confident: Callable[[float], bool]) -> list[Proposal]:
    """Removals and page-break markers, never overlapping. A removal is
    proposed however sure the stage is; the whitespace around it is cut as
    if it were made only where the pipeline will make it (``confident``),
    and the pipeline flags the rest.

    Between two kept lines the stretch is cut into the removed lines
    (their own proposals) and the whitespace around them; the first
    whitespace piece carries the whole new gap, the others become empty.
    """
    lines, verdicts = layout.lines, layout.verdicts
    removed = {i for i, v in verdicts.items() if confident(v.confidence)}
    proposals = []
    for i, verdict in verdicts.items():
        start, end = _text_span(lines[i])
        proposals.append(Proposal(start, end, "", verdict.rule, verdict.confidence,
                                  verdict.reason))
    kept: list[int | None] = [i for i, ln in enumerate(lines) if not ln.blank and i not in removed]
    for prev, nxt in _gaps_to_judge(layout, kept, removed):
        proposals += _gap(text, layout, prev, nxt, removed)
    return proposals


def _gaps_to_judge(layout: Layout, kept: list[int], removed: set[int]
                   ) -> list[tuple[int | None, int | None]]:
    """The pairs of neighbouring kept lines (``None`` before the first and
    after the last) that :func:`_gap` may have work for, in order: the
    text's two ends and the gaps holding a removed line or a page start.
    Between two lines of one page with only blank lines between, it has none.
    """
    after = {bisect.bisect_left(kept, i) - 1 for i in removed}  # k: the gap after kept[k]
    after.update(bisect.bisect_left(kept, page.first) - 1 for page in layout.pages[1:])
    pairs: list[tuple[int | None, int | None]] = [(None, kept[0] if kept else None)]
    pairs += [(kept[k], kept[k + 1]) for k in sorted(after) if 0 <= k < len(kept) - 1]
    if kept:
        pairs.append((kept[-1], None))
    return pairs


def _text_span(line: Line) -> tuple[int, int]:
    stripped = line.text.strip()
    start = line.start + line.text.index(stripped)
    return start, start + len(stripped)


def _gap(text: str, layout: Layout, prev: int | None, nxt: int | None,
         removed: set[int]) -> list[Proposal]:
    lines = layout.lines
    first = 0 if prev is None else prev + 1
    stop = len(lines) if nxt is None else nxt
    gone = [i for i in range(first, stop) if i in removed]
    boundary = prev is not None and nxt is not None and layout.page_of[prev] != layout.page_of[nxt]
    if not gone and not boundary:
        return []
    if prev is None:
        wanted, rule, reason = "", "page-break", "furniture before the text begins"
    elif nxt is None:
        wanted, rule, reason = "\n", "page-break", "furniture after the text ends"
    elif boundary:
        wanted, rule, reason = "\n\f\n", "page-break", _break_reason(layout, prev, nxt)
    else:
        wanted = "\n" * (1 + _longest_blank_run(lines, first, stop, removed))
        rule = verdict_rule = layout.verdicts[gone[0]].rule
        reason = f"blank lines left by removed furniture ({verdict_rule})"
    pieces, pos = [], (0 if prev is None else _text_span(lines[prev])[1])
    for i in gone:
        start, end = _text_span(lines[i])
        pieces.append((pos, start))
        pos = end
    pieces.append((pos, len(text) if nxt is None else _text_span(lines[nxt])[0]))
    proposals = []
    for start, end in pieces:
        if end <= start:
            continue
        proposals.append(Proposal(start, end, wanted, rule, 0.95, reason))
        wanted, reason = "", "rest of the gap"
    return proposals


def _longest_blank_run(lines: list[Line], first: int, stop: int, removed: set[int]) -> int:
    best = run = 0
    for i in range(first, stop):
        if i in removed:
            run = 0
        else:
            run += 1
            best = max(best, run)
    return best


def _break_reason(layout: Layout, prev: int, nxt: int) -> str:
    a, b = layout.page_of[prev], layout.page_of[nxt]
    fa, fb = layout.folios.get(a), layout.folios.get(b)
    if fa is not None or fb is not None:
        left = fa if fa is not None else (fb - (b - a) if fb is not None else "?")
        right = fb if fb is not None else left + (b - a)
        return f"page {left}/{right} break"
    return f"page break (scan pages {a + 1}/{b + 1})"
