"""Pages and page numbers: how an OCR export carries its page structure.

Two things live here that more than one stage needs:

* splitting a text into lines and the lines into pages, whatever the export
  gives (form feeds, marker lines such as ``[Page 12]``, or gaps of blank
  lines between pages), and
* reading numbers that the OCR garbled. Page numbers are printed small and
  alone, so OCR engines misread their digits as look-alike letters
  (``4i`` is 41, ``i o`` is 10) or as a stray symbol (``*5`` is 15 or 25:
  the symbol is a digit the engine could not read). A garbled number can
  rarely be read alone, but it can be *checked*: ``*5`` is consistent with
  page 25 and not with page 26. :func:`consistent_with_page` answers that
  question, :func:`number_fit` says how sure the answer is, and
  :func:`read_garbled_number` reads a number when every character can be read
  (a chapter number such as ``I 2``).

When no gaps or marks are left, lone numbers rising page by page through the
text are taken as the folios (:func:`rising_folios`; in a text with no blank
lines at all, any short line may be one), or else the running heads whose
page numbers rise so (:func:`rising_heads`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from clean_scan.layout import median
from clean_scan.note_lines import NOTE_START

DIGIT_LOOKALIKES: dict[str, str] = {
    **dict.fromkeys("iIl|!", "1"),
    **dict.fromkeys("oOQ", "0"),
    **dict.fromkeys("Ss", "5"),
    "B": "8",
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Gb", "6"),
    **dict.fromkeys("gq", "9"),
}
"""Letters and marks that OCR engines give for a digit they misread."""

WILDCARDS = frozenset("*$^»«>~#%&")
"""Marks that stand for a digit the engine could not read at all."""

_EDGE_JUNK = frozenset(".,'\"`‘’“”:;-_•·")
"""Specks around a page number that carry no digit (dust, a dot, a quote)."""


def digit_pattern(token: str) -> str | None:
    """Read ``token`` as digits, ``?`` standing for an unreadable digit.

    Spaces between digits are dropped (OCR splits small numbers apart).
    Returns None when any character cannot be part of a number.

    >>> digit_pattern("4i"), digit_pattern("i o"), digit_pattern("*5")
    ('41', '10', '?5')
    >>> digit_pattern("war") is None
    True
    """
    out = []
    for char in token:
        if char.isspace():
            continue
        if char.isdecimal():
            out.append(char)
        elif char in DIGIT_LOOKALIKES:
            out.append(DIGIT_LOOKALIKES[char])
        elif char in WILDCARDS:
            out.append("?")
        else:
            return None
    return "".join(out) or None


def read_garbled_number(text: str) -> int | None:
    """The number ``text`` stands for, if every character can be read.

    >>> read_garbled_number("I 2"), read_garbled_number("1 3"), read_garbled_number("4i")
    (12, 13, 41)
    >>> read_garbled_number("*5") is None   # one digit unreadable: check it instead
    True
    >>> read_garbled_number("The") is None
    True
    """
    pattern = digit_pattern(text.strip())
    if pattern is None or "?" in pattern:
        return None
    return int(pattern)


def pattern_fits(pattern: str, number: int) -> bool:
    """Whether a digit pattern (``?`` = any digit) spells ``number``.

    >>> pattern_fits("?5", 25), pattern_fits("?5", 26), pattern_fits("??", 7)
    (True, False, False)
    """
    digits = str(number)
    return len(pattern) == len(digits) and all(
        p in ("?", d) for p, d in zip(pattern, digits, strict=True))


def number_fit(line: str, number: int) -> float:
    """How well a whole line reads as the page number ``number``.

    1.0: the plain digits; 0.9: the digits through OCR look-alikes and
    unreadable marks; 0.85: the same after dropping specks or a short
    garbled token beside it (``~ 3 * 45``, ``Ci 53``, ``34 '``); 0.0: not
    consistent. A line of wildcards alone fits nothing: it has no evidence.

    >>> number_fit("45", 45), number_fit("4i", 41), number_fit("~ 3 * 45", 45)
    (1.0, 0.9, 0.85)
    >>> number_fit("— 12 —", 12), number_fit("[Page 12]", 12), number_fit("vii", 7)
    (1.0, 1.0, 0.9)
    >>> number_fit("1 3", 60), number_fit("16", 17), number_fit("* *", 11)
    (0.0, 0.0, 0.0)
    """
    text = line.strip()
    bare = folio_text(text)
    if bare == str(number):
        return 1.0
    if roman_value(bare) == number:
        return 0.9
    whole = digit_pattern(text)
    if whole is not None and _has_evidence(whole) and pattern_fits(whole, number):
        return 0.9
    return 0.85 if _part_fits(text.split(), number) else 0.0


def _part_fits(tokens: list[str], number: int) -> bool:
    """Whether a run of the tokens reads as ``number`` once the short
    tokens (one or two characters) either side of it are dropped.

    A run reads as a number only if it has as many characters as the number
    has digits (every character stands for one digit), so only the few runs
    of that length are tried, and each must hold every longer token.
    """
    size = len(str(number))
    count = len(tokens)
    longs = [k for k, token in enumerate(tokens) if len(token) > 2]
    if longs and len(tokens[longs[0]]) > size:
        return False  # a longer token would have to be in the run
    first_max = min(longs[0] if longs else count, count - 1)
    last_min = longs[-1] + 1 if longs else 0
    for first in range(first_max + 1):
        total = 0
        for last in range(first + 1, count + 1):
            total += len(tokens[last - 1])
            if total > size:
                break
            if total < size or last < last_min or (first == 0 and last == count):
                continue
            pattern = digit_pattern("".join(tokens[first:last]))
            if pattern and _has_evidence(pattern) and pattern_fits(pattern, number):
                return True
    return False


_LEADING_DECORATION = re.compile(r"[\s\[(<{\-—–·.,:=~'\"‘’“”]*(?:(?:page|pg\.?|p\.)\s*)?",
                                 re.IGNORECASE)
_TRAILING_DECORATION = re.compile(r"[\s\])>}\-—–·.,:=~'\"‘’“”]*")
"""Matched on the reversed text: the decoration at the end, found without
trying the pattern at every position of a long line."""


def folio_text(text: str) -> str:
    """A folio without its printed decoration: ``— 12 —``, ``[12]``, ``Page 12``.

    >>> folio_text("— 12 —"), folio_text("(vii)"), folio_text("Page 9."), folio_text("*5")
    ('12', 'vii', '9', '*5')
    >>> folio_text("— —"), folio_text(")"), folio_text("[Page 4] ")
    ('', '', '4')

    Specks and the dashes of ``- 13 -`` misread as ``=`` or quotes go too:

    >>> folio_text("= 13-"), folio_text("'14"), folio_text("~ 7 ’")
    ('13', '14', '7')
    """
    text = text.strip()
    start = _LEADING_DECORATION.match(text).end()
    end = len(text) - _TRAILING_DECORATION.match(text[::-1]).end()
    return text[start:max(start, end)]


def plain_folio(text: str) -> int | None:
    """The value of a folio printed plainly (digits or lower-case roman),
    decoration allowed; None for anything garbled or longer.

    >>> plain_folio("— 12 —"), plain_folio("xii"), plain_folio("4i"), plain_folio("I")
    (12, 12, None, None)
    """
    bare = folio_text(text)
    if bare.isdecimal() and len(bare) <= 4:
        return int(bare)
    if bare.islower():
        return roman_value(bare)
    return None


def consistent_with_page(line: str, number: int) -> bool:
    """Whether the line can be the page number ``number`` as OCR gave it.

    >>> consistent_with_page("*5", 25), consistent_with_page("i o", 10)
    (True, True)
    >>> consistent_with_page("*5", 26), consistent_with_page("war.", 1)
    (False, False)
    """
    return number_fit(line, number) > 0


def _has_evidence(pattern: str) -> bool:
    return any(c != "?" for c in pattern)


def near_miss(line: str, number: int) -> bool:
    """A plain number one misread or lost digit away from ``number``
    (``38`` or ``8`` for 28).

    Only meaningful where a page number is expected: OCR confuses 3, 5, 8
    and 6 in small type, and loses a thin 1 or a faint figure altogether.

    >>> near_miss("38", 28), near_miss("63", 65), near_miss("5", 6), near_miss("128", 28)
    (True, True, False, False)
    >>> near_miss("4", 14), near_miss("2.", 23), near_miss("2)", 25), near_miss("3", 14)
    (True, True, True, False)
    """
    text = folio_text(line)
    digits = str(number)
    if not text.isdecimal() or len(digits) < 2:
        return False
    if len(text) == len(digits) - 1:
        return any(digits[:k] + digits[k + 1:] == text for k in range(len(digits)))
    if len(text) != len(digits):
        return False
    return sum(a != b for a, b in zip(text, digits, strict=True)) == 1


_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_value(text: str) -> int | None:
    """The value of a lower- or upper-case roman numeral, else None.

    >>> roman_value("xii"), roman_value("IV"), roman_value("iix")
    (12, 4, None)
    """
    token = text.strip().lower()
    if not token or not _ROMAN.match(token):
        return None
    total = 0
    for char, nxt in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if nxt != " " and _ROMAN_VALUES[nxt] > value else value
    return total


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


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
    gaps of the length this text uses between pages, or, with no such
    gaps, the lines after lone folios rising page by page, or else the
    running heads whose folios rise so (a page starts at its head)."""
    runs = blank_runs(lines)
    gap = page_gap_length(lines, runs)
    if gap:
        return _without_note_pages(lines, {start + length for start, length in runs
                                           if length >= gap})
    if sum(ln.blank for ln in lines) >= BLANK_FREE * len(lines):
        from clean_scan.page_breaks import paragraph_gap_breaks  # it builds on this module
        lengths = [len(ln.text) for ln in lines if len(ln.text) > 30]
        found = paragraph_gap_breaks(lines, int(median(lengths)) if lengths else 60)
        if found:
            return found
    return {i + 1 for i in rising_folios(lines)} or set(rising_heads(lines))


def _without_note_pages(lines: list[Line], cuts: set[int]) -> set[int]:
    """The cuts but those before a page's notes: no page holds notes alone,
    though an engine may set them off by a page's gap. A run between two
    cuts too short for a page, opening with a note's mark (not a head and
    its folio, ``54 KNOWLEDGE``), is the foot of the page above.

    >>> body = [f"line {k} of the page body, set full out" for k in range(14)]
    >>> text = "\\n".join(body) + "\\n\\n\\n* A note at the foot.\\n\\n\\n" + "\\n".join(body)
    >>> sorted(_without_note_pages(split_lines(text), {16, 19}))
    [19]
    """
    ordered = sorted(cuts)
    kept = set(ordered)
    for cut, after in zip(ordered, [*ordered[1:], len(lines)], strict=True):
        content = [lines[i].text for i in range(cut, after) if not lines[i].blank]
        if content and len(content) < SHORT_PAGE and NOTE_START.match(content[0]) \
                and not capitals(content[0]):
            kept.discard(cut)
    return kept


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


def page_gap_length(lines: list[Line], runs: list[tuple[int, int]] | None = None) -> int | None:
    """The shortest blank run that separates pages here, if there is one.

    Paragraphs are set off by one blank line and headings by one or two, so
    they come close together; page gaps come once a page, a printed page's
    worth of lines apart. The shortest run length whose occurrences are
    (nearly) never closer than a short page is taken, unless a longer one
    is never closer and finds two thirds as many (in a short text one
    heading's two blank lines among a handful of page gaps would otherwise
    pass for a page break). ``runs`` are the
    text's :func:`blank_runs`, when the caller has them already.
    """
    if runs is None:
        runs = blank_runs(lines)
    tolerant: tuple[int, int] | None = None  # (length, how many runs)
    for length in range(2, 7):
        starts = [s for s, n in runs if n >= length]
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
        alone = [i for i, ln in enumerate(lines) if not ln.blank and len(ln.text.strip()) <= 8
                 and (i == 0 or lines[i - 1].blank) and (i + 1 == len(lines) or lines[i + 1].blank)
                 and not _heading_follows(lines, i)]  # a number above a heading is a chapter's
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
    none."""
    best: list[list[tuple[int, int]]] = []
    for k, (i, n) in enumerate(numbered):
        chain = [(i, n)]
        for back in range(k - 1, -1, -1):
            j, m = numbered[back]
            if i - j > 150:
                break
            prev = best[back]
            if 1 <= n - m <= 2 and i - j >= 8 and len(prev) + 1 > len(chain):
                chain = [*prev, (i, n)]
        best.append(chain)
    chain = max(best, key=len, default=[])
    return chain if len(chain) >= 3 else []


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
