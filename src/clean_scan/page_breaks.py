"""Page breaks in an export that parts its pages with the same blank line as
its paragraphs.

Internet Archive ``djvu.txt`` files and Tesseract's plain output, pages
joined, leave one blank line between pages, as between paragraphs: the gap
alone tells nothing. The page still shows itself by what is printed at its
edges, and by what the neighbouring pages agree on:

* a **running head** recurs at the top of page after page, garbled
  differently each time (``THE U.S.S.R.``, ``THE U"S, SS:``,
  ``THE? Us SESeR3``), so lines at the edges of blocks are compared by their
  letters, fuzzily, and a line that recurs a page's length apart on three
  pages or more begins a page, unless a line of capitals stands right
  above it (a chapter's title, the running head's words, set over two
  lines: ``HOW A PRIORI`` / ``KNOWLEDGE IS POSSIBLE``);
* **page numbers** rise page by page, alone on a line or at one end of a
  head (``10 THE U"S, SS:``, ``INTRODUCTION 11``), through misread digits;
* pages are about **equally long**: where two breaks found stand two pages
  apart, the page break between them is looked for where a page should end,
  in the gap a short unreadable line (a head or folio misread past reading)
  or a sentence broken off by such a line marks.

Only the breaks are found here; what on each page is furniture the furniture
stage decides, page by page.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz, process

from clean_scan.folio_numbers import (
    digit_pattern,
    number_fit,
    plain_folio,
    read_garbled_number,
    roman_value,
)
from clean_scan.furniture_lines import is_heading, structure_heading
from clean_scan.pagination import (
    SHORT_PAGE,
    Line,
    capitals,
    rising_chain,
)

RECUR_RATIO = 72
"""How alike two lines' letters must be (rapidfuzz ratio) to be one running head."""
RECURRENCES = 2
"""How many other pages a running head must recur on."""
HEAD_WIDTH = 0.8
"""A running head or folio line is shorter than this share of a full line."""
OPEN_SENTENCE = regex.compile(r"[\p{Ll},;—–-]$")
"""A line ending so leaves its sentence open."""


@dataclass(frozen=True, slots=True)
class EdgeLine:
    """The first or last line of a block, short enough to be furniture."""

    index: int
    key: str
    number: int | None
    alone: bool


def letters_key(text: str) -> str:
    """A line's letters in lower case, its page number and specks taken off:
    what two printings of one running head share however the OCR garbled them.

    >>> letters_key("14 THE PEOPLE’S WAR"), letters_key("THE PEOPLES WAR 12")
    ('the people s war', 'the peoples war')
    >>> letters_key("THE PE0PLE'S WAR"), letters_key("PREFACE viii"), letters_key("xi PREFACE")
    ('the people s war', 'preface', 'preface')
    """
    tokens = text.split()
    while tokens and number_like(tokens[0]):
        tokens.pop(0)
    while tokens and number_like(tokens[-1]):
        tokens.pop()
    letters = _NON_LETTERS.sub(" ", " ".join(tokens).translate(_DIGIT_LETTERS)).lower()
    return " ".join(letters.split())


_NON_LETTERS = regex.compile(r"[^\p{L}\s]+")
_DIGIT_LETTERS = str.maketrans("015", "ols")
_WORDISH = regex.compile(r"\p{L}{3,}")
_ALNUM = regex.compile(r"[\p{L}\d]")


def number_like(token: str) -> bool:
    """A folio's token: digits (perhaps garbled), marks alone, or the small
    roman numerals of a book's front matter (``PREFACE viii``).

    >>> [number_like(t) for t in ("12", "*5", "viii", "PREFACE", "civil")]
    [True, True, True, False, False]
    """
    if token.islower() and roman_value(token) is not None:
        return True
    return not _WORDISH.search(token) and (
        digit_pattern(token) is not None or not _ALNUM.search(token))


def paragraph_gap_breaks(lines: Sequence[Line], full_width: int) -> set[int]:
    """Page breaks (a cut before line *i*) of a text whose page gaps are its
    paragraph gaps; empty when its edges show no pages.

    >>> body = "\\n".join(["a line of the body of the page, long enough to be full"] * 14)
    >>> pages = [f"{n} THE WAR\\n\\n{body}" if n % 2 == 0 else f"THE PEACE {n}\\n\\n{body}"
    ...          for n in range(10, 16)]
    >>> from clean_scan.pagination import split_lines
    >>> lines = split_lines("\\n\\n".join(pages))
    >>> [lines[i].text for i in sorted(paragraph_gap_breaks(lines, 55))]
    ['THE PEACE 11', '12 THE WAR', 'THE PEACE 13', '14 THE WAR', 'THE PEACE 15']
    """
    blocks = _blocks(lines)
    if len(blocks) < 4:
        return set()
    edges = _edge_lines(lines, blocks, full_width)
    firsts = [first for first, _ in blocks]
    cuts = {_heading_start(lines, blocks, firsts, e.index) for e in _recurring(lines, edges)}
    cuts |= _numbered_cuts(lines, edges, cuts)
    cuts.discard(blocks[0][0])  # the text's first line begins its first page anyway
    if len(cuts) < 2:
        return set()
    return _fill_in(lines, blocks, edges, cuts, full_width)


def _blocks(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Runs of non-blank lines as ``(first, last)`` indices."""
    blocks: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate(lines):
        if line.blank:
            if start is not None:
                blocks.append((start, i - 1))
                start = None
        elif start is None:
            start = i
    if start is not None:
        blocks.append((start, len(lines) - 1))
    return blocks


def _heading_start(lines: Sequence[Line], blocks: list[tuple[int, int]], firsts: list[int],
                   index: int) -> int:
    """Where the page begins whose running head's words recur at line
    ``index``: there, unless a line of capitals stands right above it (a
    chapter's title set over two lines, ``HOW A PRIORI`` / ``KNOWLEDGE IS
    POSSIBLE``, on a chapter's first page), when the page begins with the
    title's block, or with the chapter's number alone above it. The block
    holding the line is found by its first line (``firsts``, the blocks'
    first lines, rising), not by walking the blocks for every head."""
    at = bisect.bisect_right(firsts, index) - 1
    block = blocks[at] if at >= 0 and index <= blocks[at][1] else None
    if block is None or block[0] == index or not is_heading(lines[index - 1].text):
        return index
    if at and _page_number(lines[blocks[at - 1][0]].text)[1] and blocks[at - 1][0] == \
            blocks[at - 1][1]:
        return blocks[at - 1][0]
    return block[0]


def _edge_lines(lines: Sequence[Line], blocks: list[tuple[int, int]],
                full_width: int) -> list[EdgeLine]:
    """The first and last lines of each block that may be a head or folio;
    also the first and last past the scraps of noise a dark page edge put
    above or below them (``& 5`` / ``Bee: :`` / ``Es 7 THE PARTY 21``)."""
    edges = []
    for first, last in blocks:
        for i in sorted({first, last, *_past_scraps(lines, first, last)}):
            text = lines[i].text.strip()
            if len(text) >= HEAD_WIDTH * full_width:
                continue
            number, alone = _page_number(text)
            if i == last != first and number is None and not is_heading(text):
                continue  # a paragraph's short last line (``totalitarian dictatorship.``)
            edges.append(EdgeLine(i, "".join(letters_key(text).split()), number, alone))
    return edges


SCRAP = regex.compile(r"^(?!.*\p{L}{5})\S.{0,15}$")
"""A short line with no word of five letters: a scrap of noise, a folio, a
short head's stump (``& 5``, ``Bee: :``, ``‘ ; : ered``)."""
SCRAP_REACH = 2
"""How many scraps may stand between a block's edge and its head or folio."""


def _past_scraps(lines: Sequence[Line], first: int, last: int) -> list[int]:
    """The first line below the block's leading scraps and the last above
    its trailing ones, where one or two scraps stand there."""
    found = []
    for start, step, stop in ((first, 1, last), (last, -1, first)):
        i = start
        while i != stop and abs(i - start) < SCRAP_REACH and SCRAP.match(lines[i].text.strip()):
            i += step
        if i != start and not SCRAP.match(lines[i].text.strip()):
            found.append(i)
    return found


def _page_number(text: str) -> tuple[int | None, bool]:
    """The page number a line reads as, alone (through look-alikes) or at
    one end of a short line, and whether it stands alone."""
    alone = plain_folio(text)
    if alone is None and len(text) <= 6:
        alone = read_garbled_number(text)
    if alone is not None:
        return alone, True
    tokens = text.split()
    if 2 <= len(tokens) <= 10:
        for token in (tokens[0], tokens[-1]):
            number = plain_folio(token)
            if number is not None and number < 2000:
                return number, False
    return None, False


def _recurring(lines: Sequence[Line], edges: list[EdgeLine]) -> list[EdgeLine]:
    """Edge lines whose letters recur on ``RECURRENCES`` other pages or more:
    lines of ``MIN_KEY`` letters or more, or shorter heads beside their
    folios (:func:`_short_heads`).

    Each two different keys are compared once (:func:`_alike_keys`), not
    each two edge lines (a running head's key recurs on page after page),
    and an edge line's alike lines are walked in order only until they make
    ``RECURRENCES`` pages: comparing every line with every other one in
    Python took time quadratic in a book's length (eight seconds for a
    pamphlet of 60 pages repeated 64 times).
    """
    short = _short_heads(lines, edges)
    keyed = [e for e in edges if len(e.key) >= MIN_KEY or e.key in short]
    places: dict[str, list[int]] = {}
    for edge in keyed:
        places.setdefault(edge.key, []).append(edge.index)
    alike = _alike_keys(list(places))
    return [edge for edge in keyed
            if _recurrences(edge.index, [places[key] for key in alike[edge.key]])
            >= RECURRENCES]


MIN_KEY = 5
"""The fewest letters a line needs to be taken for a running head by its
recurrence alone: a shorter one recurs by chance (a speaker's name, a
heading of a column)."""
SHORT_KEY = 3
"""The fewest letters of a short running head (``NEWS``, ``WAR``)."""


def _short_heads(lines: Sequence[Line], edges: list[EdgeLine]) -> set[str]:
    """The keys of ``SHORT_KEY`` to ``MIN_KEY`` letters that a short running
    head prints (a pamphlet titled ``NEWS``): a line in capitals standing
    alone, next to a folio (a page number alone on its line, the line before
    or after it past blank lines) on ``RECURRENCES`` + 1 pages or more. The
    folio says it is a page's edge, which a recurring short heading is not.

    >>> text = "\\n\\n".join(f"a line of the body, long enough to be full\\n\\n{n}\\n\\nNEWS"
    ...                      for n in range(11, 16))
    >>> from clean_scan.pagination import split_lines
    >>> lines = split_lines(text)
    >>> edges = _edge_lines(lines, _blocks(lines), 45)
    >>> _short_heads(lines, edges)
    {'news'}
    """
    folios = {e.index for e in edges if e.alone and e.number is not None}
    beside: dict[str, int] = {}
    for edge in edges:
        text = lines[edge.index].text
        if not SHORT_KEY <= len(edge.key) < MIN_KEY or not edge.key.isalpha() or \
                any(c.islower() for c in text):
            continue
        if {_next_content(lines, edge.index, -1), _next_content(lines, edge.index)} & folios:
            beside[edge.key] = beside.get(edge.key, 0) + 1
    return {key for key, n in beside.items() if n > RECURRENCES}


def _alike_keys(keys: list[str]) -> dict[str, list[str]]:
    """For each key, the keys as alike as one running head's
    (``fuzz.ratio`` of the two, in that order, ``RECUR_RATIO`` or more),
    itself among them. The search runs in rapidfuzz over all the keys at
    once; each key it finds is checked again as one pair, so what passes
    is just what ``fuzz.ratio`` passes.

    >>> _alike_keys(["THEWAR", "THEWAB", "PEACE"])["THEWAR"]
    ['THEWAR', 'THEWAB']
    """
    alike = {}
    for key in keys:
        found = process.extract(key, keys, scorer=fuzz.ratio, processor=None, limit=None,
                                score_cutoff=RECUR_RATIO - 1)
        alike[key] = [other for other, _, _ in found if fuzz.ratio(key, other) >= RECUR_RATIO]
    return alike


def _recurrences(index: int, places: list[list[int]]) -> int:
    """How many other pages the line at ``index`` recurs on, counted up to
    ``RECURRENCES``: the lines alike to it (``places``, each list rising)
    taken in order, those within a short page of it or of the last one
    counted passed over (one page counts once)."""
    others = 0
    last = None
    for other in heapq.merge(*places):
        if abs(other - index) < SHORT_PAGE:
            continue
        if last is not None and abs(other - last) < SHORT_PAGE:
            continue  # one page counts once
        others += 1
        last = other
        if others >= RECURRENCES:
            break
    return others


def _numbered_cuts(lines: Sequence[Line], edges: list[EdgeLine], heads: set[int]) -> set[int]:
    """Cuts at the page numbers rising page by page: before a head that
    carries one, after a number standing alone (a folio at the foot). A
    number alone above a heading is a chapter's, unless that heading is a
    running head (one of ``heads``)."""
    listed = _listed_numbers(edges)
    chapters = {e.index for e in edges if e.alone and _chapter_number(lines, e.index, heads)}
    numbered = [(e.index, e.number) for e in edges if e.number is not None
                and e.index not in listed and e.index not in chapters]
    alone = {e.index for e in edges if e.alone}
    indices = [e.index for e in edges]  # rising: the edges between two found by search
    found = []
    for chain in rising_chains(numbered):
        found += [i for i, _ in chain]
        for (i, n), (j, m) in zip(chain, chain[1:], strict=False):
            if m - n == 2:  # the page between: its number garbled past reading alone (``2*``),
                # or read plainly on a page too short for the chain (a chapter's last: one line)
                inside = edges[bisect.bisect_right(indices, i):bisect.bisect_left(indices, j)]
                between = [e.index for e in inside if (
                    e.number is None and len(lines[e.index].text.strip()) <= 8
                    and number_fit(lines[e.index].text, n + 1)
                    or e.number == n + 1 and e.alone and e.index not in chapters
                    or e.index in chapters and e.number == n + 1
                    and _numbered_heading(lines, e.index))]
                found += between[:1]
                alone.update(between[:1])
    cuts = set()
    for i in found:
        if i in alone:
            nxt = _next_content(lines, i)
            if nxt is not None:
                cuts.add(nxt)
        else:
            cuts.add(i)
    return cuts


def rising_chains(numbered: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The longest :func:`rising_chain`, and the chains of three or more
    found before and after it, in turn, that go on its numbering: two misread
    folios in a row break a chain, not the page sequence.

    >>> pairs = [(10, 9), (30, 10), (50, 11), (110, 14), (130, 15), (150, 16), (170, 17)]
    >>> [[n for _, n in chain] for chain in rising_chains(pairs)]
    [[14, 15, 16, 17], [9, 10, 11]]
    >>> [[n for _, n in chain] for chain in rising_chains([(10, 9), (30, 10), (50, 11), (70, 40),
    ...                                                    (90, 41), (110, 42), (130, 43)])]
    [[40, 41, 42, 43]]
    """
    chains: list[list[tuple[int, int]]] = []
    pending = [numbered]
    while pending:
        part = pending.pop()
        chain = rising_chain(part)
        if not chain or (chains and not any(_goes_on(chain, other) for other in chains)):
            continue
        chains.append(chain)
        first, last = chain[0][0], chain[-1][0]
        pending += [[p for p in part if p[0] < first and p[1] < chain[0][1]],
                    [p for p in part if p[0] > last and p[1] > chain[-1][1]]]
    return chains


def _goes_on(chain: list[tuple[int, int]], other: list[tuple[int, int]]) -> bool:
    """Whether ``chain`` numbers on from ``other`` (before or after it) at
    about the lines per page ``other`` shows."""
    (a, n), (b, m) = (other[-1], chain[0]) if chain[0][0] > other[-1][0] else (chain[-1], other[0])
    per_page = (other[-1][0] - other[0][0]) / (other[-1][1] - other[0][1])
    return m > n and 0.5 * per_page <= (b - a) / (m - n) <= 1.5 * per_page


LIST_REACH = 6
"""Lines either side within which other numbers make a number a list's."""


def _listed_numbers(edges: list[EdgeLine]) -> set[int]:
    """Numbers set close together, two or more others within
    ``LIST_REACH`` lines: a table of contents' page numbers or a list's,
    not folios (a page carries one).

    >>> edges = [EdgeLine(i, "", n, True) for i, n in ((10, 9), (13, 13), (16, 16), (40, 12))]
    >>> sorted(_listed_numbers(edges))
    [10, 13, 16]
    """
    numbered = [e.index for e in edges if e.number is not None]  # rising: counted by search
    return {i for i in numbered
            if bisect.bisect_right(numbered, i + LIST_REACH)
            - bisect.bisect_left(numbered, i - LIST_REACH) - 1 >= 2}


def _chapter_number(lines: Sequence[Line], i: int, heads: set[int]) -> bool:
    """Whether the number alone at line ``i`` numbers the chapter whose
    heading stands below it: not where that heading is a running head, nor
    where it numbers itself (``41`` over ``CHAPTER IV`` is the folio of the
    page before, or of the chapter's first page).

    >>> from clean_scan.pagination import split_lines
    >>> lines = split_lines("4\\n\\nTHE PARTY\\n\\n41\\n\\nCHAPTER IV")
    >>> _chapter_number(lines, 0, set()), _chapter_number(lines, 4, set())
    (True, False)
    """
    following = _next_content(lines, i)
    return following is not None and following not in heads \
        and capitals(lines[following].text) and not structure_heading(lines[following].text)


NUMBERED_HEADING = regex.compile(r"\b(?:[IVXLC]+|\d+)\b")
"""A heading that carries its own number (``CHAPTER XV``, ``PART 2``)."""


def _numbered_heading(lines: Sequence[Line], i: int) -> bool:
    """Whether the heading below the number alone at line ``i`` carries its
    own number: then the number above it is no chapter's, but a folio set at
    the top of the chapter's first page.

    >>> from clean_scan.pagination import split_lines
    >>> lines = split_lines("19\\n\\nCHAPTER XV\\n\\n12\\n\\nINTRODUCTION")
    >>> _numbered_heading(lines, 0), _numbered_heading(lines, 4)
    (True, False)
    """
    following = _next_content(lines, i)
    return following is not None and bool(NUMBERED_HEADING.search(lines[following].text))


def _next_content(lines: Sequence[Line], i: int, step: int = 1) -> int | None:
    """The nearest line with text after line ``i`` (before it, ``step`` -1)."""
    ahead = range(i + 1, len(lines)) if step > 0 else range(i - 1, -1, -1)
    return next((k for k in ahead if not lines[k].blank), None)


def _fill_in(lines: Sequence[Line], blocks: list[tuple[int, int]], edges: list[EdgeLine],
             cuts: set[int], full_width: int) -> set[int]:
    """Breaks missed between two found ones that stand two pages or more
    apart: each sought where a page of the usual length would end."""
    ordinal = _content_ordinals(lines)
    found = sorted(cuts)
    lengths = sorted(ordinal[b] - ordinal[a] for a, b in zip(found, found[1:], strict=False))
    lengths = [n for n in lengths if n >= SHORT_PAGE]
    if not lengths:
        return cuts
    page = lengths[len(lengths) // 2]
    starts = [first for first, _ in blocks[1:]]
    keys = list(dict.fromkeys(e.key for e in edges if e.index in cuts and len(e.key) >= 5))
    folios_close = 2 * sum(_lone_number_before(lines, cut) for cut in cuts) > len(cuts)
    filled = set(cuts)
    for a, b in zip(found, found[1:], strict=False):
        span = ordinal[b] - ordinal[a]
        missing = round(span / page) - 1
        for k in range(1, missing + 1):
            expected = ordinal[a] + k * span / (missing + 1)
            best = _best_gap(lines, starts, ordinal, expected, page, keys, full_width)
            if best is not None and folios_close and _lone_number(lines, best):
                best = _next_content(lines, best) or best  # the folio closes its page here
            if best is not None:
                filled.add(best)
    return filled


def _lone_number(lines: Sequence[Line], i: int) -> bool:
    """A short line set apart that reads as digits: a folio, perhaps misread."""
    text = lines[i].text.strip()
    return (len(text) <= 6 and _folio_like(text)
            and (i + 1 >= len(lines) or lines[i + 1].blank) and (i == 0 or lines[i - 1].blank))


def _folio_like(text: str) -> bool:
    """Digits, perhaps misread as look-alikes or decorated (``4i``, ``2)``)."""
    return digit_pattern(text) is not None or plain_folio(text) is not None


def _lone_number_before(lines: Sequence[Line], cut: int) -> bool:
    """Whether the page before the cut at ``cut`` ends with a number alone."""
    before = next((k for k in range(cut - 1, -1, -1) if not lines[k].blank), None)
    return before is not None and _lone_number(lines, before)


def _content_ordinals(lines: Sequence[Line]) -> list[int]:
    """For each line, how many non-blank lines stand before it."""
    out, count = [], 0
    for line in lines:
        out.append(count)
        count += not line.blank
    return out


def _best_gap(lines: Sequence[Line], starts: list[int], ordinal: list[int], expected: float,
              page: int, keys: list[str], full_width: int) -> int | None:
    """The block start near ``expected`` that most looks like a page's top.
    The starts rise and so do their ordinals: those within reach are found
    by search, not by a walk over the whole text for every page sought."""
    best, best_score = None, 1.5
    reach = 0.3 * page
    first = bisect.bisect_left(starts, expected - reach - 1, key=ordinal.__getitem__)
    for start in starts[first:]:
        if ordinal[start] - expected > reach:
            break
        if abs(ordinal[start] - expected) > reach:
            continue
        score = _break_evidence(lines, start, keys, full_width)
        score -= abs(ordinal[start] - expected) / (2 * reach)  # nearer the expected place wins
        if score > best_score:
            best, best_score = start, score
    return best


def _break_evidence(lines: Sequence[Line], start: int, keys: list[str], full_width: int) -> float:
    """How much the gap before line ``start`` looks like a page break: a
    short line set off on its own, unreadable or like the running heads,
    and a sentence broken off across it."""
    score = 0.0
    after = lines[start].text.strip()
    before_index = next((k for k in range(start - 1, -1, -1) if not lines[k].blank), None)
    if before_index is None:
        return 0.0
    before = lines[before_index].text.strip()
    isolated_after = start + 1 >= len(lines) or lines[start + 1].blank
    if len(after) < HEAD_WIDTH * full_width:
        key = "".join(letters_key(after).split())
        if keys and len(key) >= 4 and any(fuzz.ratio(key, k) >= 50 for k in keys):
            score += 2.0
        elif isolated_after and not _has_words(after):
            score += 2.0 if _folio_like(after) else 1.5  # a folio misread
    if len(before) < 12 and not _has_words(before):
        score += 1.0
    # a sentence broken off on one side of the gap and taken up on the other
    resumed = _next_content(lines, start if not isolated_after else start + 1)
    if OPEN_SENTENCE.search(before) and resumed is not None \
            and lines[resumed].text.strip()[:1].islower():
        score += 1.0
    return score


_WORD = regex.compile(r"\p{Ll}{3,}")


def _has_words(text: str) -> bool:
    return bool(_WORD.search(text))
