"""Furniture: find the pages and take away what is not the book's text.

The page is the unit. A line is judged by where it sits (first or last
lines of a page), whether it repeats on nearby pages (running heads, with
OCR noise that varies from page to page, so compared fuzzily), and whether
it reads as the number the page sequence expects there (so garbled folios
like ``*5`` or ``4i`` are recognised by their place in the sequence, not
by their look alone). Some furniture is known by its look wherever it is:
scanning footers, library stamps and lines of pure OCR noise.

What the stage writes (other stages rely on it):

* each page break, the whole gap between the last content line of one page
  and the first of the next with any furniture in it, becomes ``\\n\\f\\n``
  (rule ``page-break``); each removed furniture line is its own proposal
  with its own rule, so the report says what went and why;
* furniture inside a page goes with its line end, leaving one blank line
  where blank lines stood, so paragraphs are never glued together;
* a chapter number garbled by the OCR (``i o``) is kept and written in
  digits (rule ``chapter-number``).

Left alone: headings, chapter numbers, contents entries and their page
numbers, footnotes at a page foot, and anything doubtful, which is flagged
for a person instead (confidence below the threshold).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

import regex
from rapidfuzz import fuzz

from clean_scan.charmaps import SUPERSCRIPT_DIGITS
from clean_scan.document import Proposal
from clean_scan.furniture_lines import (
    date_stamp,
    due_slip,
    footer_candidates,
    is_heading,
    library_stamp,
    lines_holding,
    ocr_noise,
    scan_footer,
    shelf_mark,
    signature_mark,
    structure_heading,
)
from clean_scan.pagination import (
    SHORT_PAGE,
    Line,
    Page,
    content_lines,
    digit_pattern,
    near_miss,
    number_fit,
    plain_folio,
    read_garbled_number,
    roman_value,
    split_lines,
    split_pages,
)
from clean_scan.stage import Context, Stage, StageResult

SLOT_DEPTH = 3
"""How many lines at the top and foot of a page can hold furniture."""

WINDOW = 4
"""How many pages either side a running head is looked for."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a line is furniture, and how sure the stage is."""

    rule: str
    confidence: float
    reason: str


@dataclass
class Layout:
    """The text's lines and pages and what the stage decided about them."""

    lines: list[Line]
    pages: list[Page]
    verdicts: dict[int, Verdict]
    folios: dict[int, int]  # page index -> printed page number found on it
    page_of: list[int]
    folio_slot: dict[int, str] = field(default_factory=dict)  # where that number stood
    lone_slots: set[str] = field(default_factory=set)  # slots most pages fill with a lone mark
    fits: dict[tuple[str, int], float] = field(default_factory=dict)  # see fit()

    def fit(self, text: str, number: int) -> float:
        """``number_fit(text, number)``, remembered: the second pass over the
        page slots asks again about the lines the first left undecided."""
        key = (text, number)
        fit = self.fits.get(key)
        if fit is None:
            fit = self.fits[key] = number_fit(text, number)
        return fit


def run(text: str, context: Context) -> StageResult:
    """Propose removals of furniture, page-break markers and chapter numbers.

    >>> gap = "\\n\\n\\n\\n"
    >>> raw = f"The first page.\\n\\n7{gap}Then the second\\n\\n8{gap}ends here.\\n\\n9\\n"
    >>> from clean_scan.pipeline import clean_text, STAGE_NAMES
    >>> others = [n for n in STAGE_NAMES if n != "furniture"]
    >>> clean_text(raw, skip=others).clean
    'The first page.\\n\\x0c\\nThen the second\\n\\x0c\\nends here.\\n'
    """
    layout = analyse(text)
    rewrites = chapter_numbers(layout)
    proposals = _proposals(text, layout, context.min_confidence)
    proposals += rewrites
    return StageResult(sorted(proposals, key=lambda p: (p.start, p.end)))


def analyse(text: str) -> Layout:
    """Split into pages and judge every line that may be furniture."""
    lines = split_lines(text)
    pages, markers = split_pages(lines)
    page_of = [0] * len(lines)
    for page in pages:
        page_of[page.first : page.stop] = [page.index] * (page.stop - page.first)
    layout = Layout(lines, pages, {}, {}, page_of)
    for i in markers:
        layout.verdicts[i] = Verdict("page-marker", 0.97, "page marker written by the export")
    _line_furniture(layout)
    _page_furniture(layout)
    return layout


# --- furniture known by its look ---------------------------------------------------------

def _line_furniture(layout: Layout) -> None:
    """Scanning footers, library stamps and noise, wherever they stand."""
    stamps = []
    texts = [line.text for line in layout.lines]
    lowered = "\n".join(texts).lower()  # lowering keeps the line ends: hits keep their lines
    footers = footer_candidates(texts, lowered)
    short = len(layout.pages) < 4
    for i, line in enumerate(layout.lines):
        if line.blank or i in layout.verdicts:
            continue
        leaf = _on_end_leaves(layout, i)
        may_be_footer = i in footers
        if leaf and (date_stamp(line.text) or due_slip(line.text)):
            layout.verdicts[i] = Verdict("library-stamp", 0.9, "library's date-due slip")
            stamps.append(i)
            continue
        if leaf and shelf_mark(line.text):
            layout.verdicts[i] = Verdict("shelf-mark", 0.9,
                                         "library's shelf mark or class number on an end leaf")
            continue
        if not may_be_footer and _prose(line.text):
            continue  # what _by_look says of running text that is no footer
        # libraries stamp the first and last leaves: there a garbled stamp word is enough
        # (in a short text, only beside a stamp read plainly: see _stamps_beside_stamps)
        verdict = _by_look(line.text, not leaf or short, may_be_footer=may_be_footer,
                           prose_ruled_out=not may_be_footer)
        if verdict:
            layout.verdicts[i] = verdict
            if verdict.rule == "library-stamp":
                stamps.append(i)
    if short and stamps:
        stamps = _stamps_beside_stamps(layout, stamps)
    _stamp_blocks(layout, stamps)
    _footer_continuations(layout, lowered)


def _stamps_beside_stamps(layout: Layout, stamps: list[int]) -> list[int]:
    """In a text too short to tell its leaves apart, a line read as a stamp
    only through its garbled words (``ilia Central Htbrarn *``) is one when
    it stands within a stamp block's reach of a stamp read plainly
    (``Class No :-``): alone at a short text's top it may be a headline
    (``PUBLIC LIBRARIAN.``). Returns all the stamp lines, in order."""
    found = list(stamps)
    for i, line in enumerate(layout.lines):
        if line.blank or i in layout.verdicts or not _on_end_leaves(layout, i):
            continue
        if any(abs(i - s) <= STAMP_REACH for s in stamps) and not _prose(line.text):
            confidence = library_stamp(line.text, strict=False)
            if confidence:
                layout.verdicts[i] = Verdict("library-stamp", confidence,
                                             "library stamp, garbled, beside another")
                found.append(i)
    return sorted(found)


STAMP_REACH = 6
"""Lines between two lines of one stamp block, blank lines included."""


def _by_look(text: str, strict: bool, *, may_be_footer: bool = True,
             prose_ruled_out: bool = False) -> Verdict | None:
    """The first of the look-only tests that the line passes.

    ``may_be_footer=False`` says that :func:`footer_candidates` has ruled
    the scanning footer out already; ``prose_ruled_out=True`` that the
    caller has found the line is no running text (:func:`_prose`), a test
    not worth making twice on the ~half of a book's lines that get here.

    >>> _by_look("Digitized by Google", True).rule, _by_look("$", True).rule
    ('scan-footer', 'ocr-noise')
    >>> _by_look("the people of the country were tired of war", True) is None
    True
    """
    confidence = scan_footer(text) if may_be_footer else 0.0
    if confidence:
        return Verdict("scan-footer", confidence, "scanning project's notice")
    if not prose_ruled_out and _prose(text):  # running text: only a footer can hide in it
        return None
    confidence = library_stamp(text, strict=strict)
    if confidence:
        return Verdict("library-stamp", confidence, "library stamp or label")
    confidence = ocr_noise(text)
    if confidence:
        return Verdict("ocr-noise", confidence, "OCR noise with no printed text")
    return None


def _footer_continuations(layout: Layout, lowered: str | None = None) -> None:
    """Google's ``Original from`` and the Internet Archive's ``with funding
    from`` are followed by an institution's name on the next line; that
    line is part of the notice.

    >>> lay = analyse("Text.\\n\\nOriginal from\\nHARVARD UNIVERSITY\\n")
    >>> sorted(lay.verdicts)
    [2, 3]
    >>> lay = analyse("in 2011 with funding from\\nUniversity of Toronto\\n\\nText.")
    >>> sorted(lay.verdicts)
    [0, 1]
    """
    lines = layout.lines
    if lowered is None:
        lowered = "\n".join(line.text for line in lines).lower()
    for i in lines_holding(lowered, ("from",)):
        if i + 1 >= len(lines) or not _NAME_FOLLOWS.search(lines[i].text):
            continue
        layout.verdicts[i] = Verdict("scan-footer", 0.95, "scanning project's notice")
        words = lines[i + 1].text.split()
        if 0 < len(words) <= 6 and all(w[0].isupper() or w.islower() and len(w) <= 3
                                       for w in words):
            layout.verdicts[i + 1] = Verdict("scan-footer", 0.95,
                                             "institution named in a scanning notice")


_NAME_FOLLOWS = regex.compile(r"(?i)(?:^\s*original|funding)\s+from\s*$")
"""Every line it matches holds ``from`` in lower case (no other character
matches those letters ignoring case): one search of the lowered text picks
the few lines worth trying."""


def _prose(text: str) -> bool:
    """Four or more plain lower-case words: running text, cheaply told.

    >>> _prose("the country in which to-day every school"), _prose("Shelf No :- 7Q")
    (True, False)
    """
    plain = 0
    for word in text.split():
        if word.isalpha() and word.islower():
            plain += 1
            if plain >= 4:
                return True
    return False


def _stamp_blocks(layout: Layout, stamps: list[int]) -> None:
    """A short line between two stamp lines is part of the same stamp.

    A library stamp reads ``<library>`` / ``<place>`` / ``Class No`` …; the
    place name carries no library word but sits inside the block.
    """
    for a, b in zip(stamps, stamps[1:], strict=False):
        if b - a > STAMP_REACH:
            continue
        for i in range(a + 1, b):
            line = layout.lines[i]
            if not line.blank and i not in layout.verdicts and len(line.text.split()) <= 5:
                layout.verdicts[i] = Verdict("library-stamp", 0.85,
                                             "line inside a library stamp block")
    for stamp in stamps:
        if not _on_end_leaves(layout, stamp):
            continue  # the stamp's own name is looked for on the first and last leaves only
        for i in (stamp - 1, stamp + 1):
            if 0 <= i < len(layout.lines) and i not in layout.verdicts and \
                    _institution(layout.lines[i].text):
                layout.verdicts[i] = Verdict("library-stamp", 0.85,
                                             "the library's name, set against its stamp")


def _on_end_leaves(layout: Layout, line: int) -> bool:
    """On the first two or last two pages of a book of four or more, where
    libraries stamp it; in a text of fewer pages found (a pamphlet, or one
    whose pages the export did not mark), in its first or last
    ``LEAF_LINES`` lines."""
    pages = len(layout.pages)
    if pages < 4:
        return line < LEAF_LINES or line >= len(layout.lines) - LEAF_LINES
    return not 1 < layout.page_of[line] < pages - 2


LEAF_LINES = 40
"""About a printed page's lines, for a text whose pages are not known."""


def _institution(text: str) -> bool:
    """A short line of capitalised words (``UNIVERSITY OF CALIFORNIA``,
    ``Toronto Public``): a library's name set against its stamp.

    >>> _institution("UNIVERSITY OF CALIFORNIA"), _institution("the end of the war")
    (True, False)
    """
    words = text.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() or w in ("of", "and", "the")
                                       for w in words)


# --- furniture known by its place on the page --------------------------------------------

@dataclass
class _Slots:
    heads: list[int]
    feet: list[int]


def _page_furniture(layout: Layout) -> None:
    slots = {p.index: _slots(layout, p) for p in layout.pages}
    layout.lone_slots = _lone_slots(layout, slots)
    expected, active = _expected_numbers(layout, slots)
    keys = _repetition(layout, slots)
    for page in layout.pages:
        _peel(layout, page, slots[page.index], expected.get(page.index, set()), keys, active,
              junk=False)
    for page in layout.pages:
        _peel(layout, page, slots[page.index], expected.get(page.index, set()), keys, active,
              junk=True)


def _slots(layout: Layout, page: Page) -> _Slots:
    lines = [i for i in content_lines(layout.lines, page) if i not in layout.verdicts]
    return _Slots(lines[:SLOT_DEPTH], lines[-SLOT_DEPTH:][::-1])


_PLAIN_NUMBER = regex.compile(r"^\d{1,4}$")
_LIST_LABEL = regex.compile(r"^\(?\w\)\.?$|^\w\.$")


def _number_candidates(layout: Layout, slots: dict[int, _Slots]) -> list[tuple[int, int, str]]:
    """Readable page numbers in the slots: alone on a line (read through
    OCR look-alikes), or plain digits at either end of a short line.

    Returns ``(page index, number, "head"|"foot")``.
    """
    found = []
    for index, slot in slots.items():
        for where, lines in (("head", slot.heads), ("foot", slot.feet)):
            for i in lines:
                text = layout.lines[i].text.strip()
                alone = plain_folio(text)
                if alone is None and len(text) <= 6:
                    alone = read_garbled_number(text)
                tokens = text.split()
                if alone is not None:
                    found.append((index, alone, where))
                elif len(tokens) <= 10:
                    found += [(index, int(t), where) for t in {tokens[0], tokens[-1]}
                              if _PLAIN_NUMBER.match(t)]
    return found


ANCHOR_STEPS = tuple(k for k in range(-12, 13) if k)
"""How many pages apart two numbers may stand and still anchor each other
when they rise with the pages (a text whose folios the OCR mostly read as
letters has few readable ones, far apart)."""


def _expected_numbers(layout: Layout,
                      slots: dict[int, _Slots]) -> tuple[dict[int, set[int]], set[str]]:
    """The page number each page should carry, from the numbers that agree.

    A plain number is an anchor when a number on a page nearby (up to twelve
    pages away) rises with the pages (n on page i, n+2 on page i+2). Every page then expects the
    number its nearest anchors before and after imply; both are kept,
    because a page may be missing from the scan.
    """
    found = _number_candidates(layout, slots)
    by_page: dict[int, set[int]] = {}
    for index, number, _ in found:
        by_page.setdefault(index, set()).add(number)
    anchors: dict[int, int] = {}
    where = Counter()
    for index, number, pos in found:
        for step in ANCHOR_STEPS:
            if number + step in by_page.get(index + step, ()):
                anchors[index] = number
                where[pos] += 1
                break
    total = sum(where.values())
    active = {pos for pos, n in where.items() if n >= 0.25 * total}
    ordered = sorted(anchors)
    expected: dict[int, set[int]] = {}
    for page in layout.pages:
        i = page.index
        values = set()
        before = bisect.bisect_right(ordered, i)  # ordered[:before] are <= i
        if before:
            values.add(anchors[ordered[before - 1]] + i - ordered[before - 1])
        after = bisect.bisect_left(ordered, i)  # ordered[after:] are >= i
        if after < len(ordered):
            values.add(anchors[ordered[after]] - (ordered[after] - i))
        expected[i] = {v for v in values if v > 0}
    return expected, active


def _key(text: str) -> str:
    """A line with its page number and specks taken off, letters only.

    >>> _key("14 THE PEOPLE’S WAR"), _key("THE PEOPLES WAR 12"), _key("THE PE0PLE'S WAR")
    ('the people s war', 'the peoples war', 'the people s war')
    >>> _key("PREFACE viii"), _key("xi PREFACE")
    ('preface', 'preface')
    """
    tokens = text.translate(_DIGIT_LETTERS).split()
    while tokens and _number_like(tokens[0]):
        tokens.pop(0)
    while tokens and _number_like(tokens[-1]):
        tokens.pop()
    letters = _NON_LETTERS.sub(" ", " ".join(tokens)).lower()
    return " ".join(letters.split())


_NON_LETTERS = regex.compile(r"[^\p{L}\s]+")
_DIGIT_LETTERS = str.maketrans("015", "ols")
_WORDISH = regex.compile(r"\p{L}{3,}")
_ALNUM = regex.compile(r"[\p{L}\d]")
_READABLE = regex.compile(r"\p{L}{3,}|\d{3,}")


def _number_like(token: str) -> bool:
    """A folio's token: digits (perhaps garbled), marks alone, or the small
    roman numerals of a book's front matter (``PREFACE viii``).

    >>> [_number_like(t) for t in ("12", "*5", "viii", "PREFACE", "civil")]
    [True, True, True, False, False]
    """
    if token.islower() and roman_value(token) is not None:
        return True
    return not _WORDISH.search(token) and (
        digit_pattern(token) is not None or not _ALNUM.search(token))


def _repetition(layout: Layout, slots: dict[int, _Slots]) -> dict[int, tuple[set[int], str]]:
    """For each slot line: the nearby pages on which the same line recurs.

    Compared fuzzily (rapidfuzz ratio), because running heads carry
    different OCR noise on every page; only the top and foot lines of
    pages within ``WINDOW`` pages are compared, so the work stays linear.
    """
    cands: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for index, slot in slots.items():
        for where, lines in (("head", slot.heads), ("foot", slot.feet)):
            keyed = []
            for i in lines:
                text = layout.lines[i].text
                if len(text.split()) > 10 or _prose(text) or structure_heading(text):
                    continue
                key = _key(text)
                if 4 <= len(key) <= 60:
                    keyed.append((i, key))
            cands[(index, where)] = keyed
    # either end of the other page: OCR zoning may put a head last
    page_keys = {index: [key for _, key in cands[(index, "head")] + cands[(index, "foot")]]
                 for index in slots}
    matches: dict[int, tuple[set[int], str]] = {}
    for (index, where), keyed in cands.items():
        for i, key in keyed:
            pages = set()
            for other in range(index - WINDOW, index + WINDOW + 1):
                if other == index:
                    continue
                for okey in page_keys.get(other, ()):
                    if key == okey or (len(key) >= 8 and fuzz.ratio(key, okey) >= 80):
                        pages.add(other)
                        break
            matches[i] = (pages, where)
    return matches


def _peel(layout: Layout, page: Page, slot: _Slots, expected: set[int],
          repeats: dict[int, tuple[set[int], str]], active: set[str], *, junk: bool) -> None:
    """Judge a page's top lines downward and foot lines upward, stopping at
    the first line that is the book's text."""
    for where, lines in (("head", slot.heads), ("foot", slot.feet)):
        for i in lines:
            if i in layout.verdicts:
                continue
            verdict = _slot_verdict(layout, page, i, where, expected, repeats, active, junk)
            if verdict is None:
                break
            layout.verdicts[i] = verdict
            if verdict.confidence < 0.8:
                break


def _slot_verdict(layout: Layout, page: Page, i: int, where: str, expected: set[int],
                  repeats: dict[int, tuple[set[int], str]], active: set[str],
                  junk: bool) -> Verdict | None:
    text = layout.lines[i].text.strip()
    if where not in active and _above_heading(layout, i):
        return None  # a chapter number at the top of its page, where no folio stands
    for number in sorted(expected):
        fit = layout.fit(text, number)
        if fit:
            layout.folios[page.index] = number
            layout.folio_slot[page.index] = where
            kind = "page number" if fit == 1.0 else "garbled page number"
            return Verdict("page-number", {1.0: 0.97, 0.9: 0.92}.get(fit, 0.9),
                           f"{kind} {number}, fits the page sequence")
    if where in active:
        for number in sorted(expected):
            if near_miss(text, number):
                layout.folios[page.index] = number
                layout.folio_slot[page.index] = where
                return Verdict("page-number", 0.86,
                               f"page number {number} with one digit misread, in the folio's place")
    if (where == "foot" and page.index in layout.folios and signature_mark(text)
            and _stands_alone(layout, i)):
        return Verdict("signature-mark", 0.9, "printer's signature mark at the page foot")
    head = _running(layout, page, i, expected, repeats) or _numbered_head(
        layout, i, where, expected, active)
    if head:
        return head
    if junk and where == "foot" and _catchword(layout, page, i):
        return Verdict("catchword", 0.9 if _stands_alone(layout, i) else 0.82,
                       "catchword: the first word of the next page, printed at this foot")
    if junk and _unreadable_folio(layout, page, i, where, active):
        return Verdict("page-number", 0.85,
                       "unreadable line in the folio's place, neighbours carry page numbers")
    return None


def _running(layout: Layout, page: Page, i: int, expected: set[int],
             repeats: dict[int, tuple[set[int], str]]) -> Verdict | None:
    """A running head or foot: the line recurs on pages nearby.

    Recurring on both sides, or carrying the expected page number (on
    the line or beside it), is sure; recurring only on following pages is
    also how a chapter title looks above its first page, so that is
    flagged, not removed.
    """
    pages, where = repeats.get(i, (set(), ""))
    if not pages or _footnote_like(layout.lines[i].text, expected):
        return None
    rule = "running-head" if where == "head" else "running-foot"
    tokens = layout.lines[i].text.split()
    numbered = any(layout.fit(tok, n) for tok in (tokens[0], tokens[-1]) for n in expected) or (
        layout.folio_slot.get(page.index) == where)
    both_sides = min(pages) < page.index < max(pages)
    if numbered:
        return Verdict(rule, 0.95, f"repeats on {len(pages)} nearby page(s), with the page number")
    if both_sides:
        return Verdict(rule, 0.92, f"repeats on {len(pages)} nearby pages before and after")
    if len(pages) < 2:
        return None
    if where == "foot":  # no chapter title sits at a page foot
        return Verdict(rule, 0.9, f"repeats at the foot of {len(pages)} nearby pages")
    if max(pages) < page.index:  # a title is not repeated by the heads *before* it
        return Verdict(rule, 0.88, f"repeats at the head of {len(pages)} pages before")
    if _inside_a_sentence(layout, i):  # no title stands in the middle of a sentence
        return Verdict(rule, 0.88, f"repeats on {len(pages)} pages after, and stands "
                                   "inside a sentence running over the page")
    return Verdict(rule, 0.75, f"repeats on {len(pages)} page(s) on one side only: "
                               "a running head or a chapter title?")


def _inside_a_sentence(layout: Layout, i: int) -> bool:
    """Whether the text before line ``i`` (on the page before, past any
    furniture) leaves a sentence open that the text after it takes up in
    small letters."""
    lines = layout.lines
    before = next((k for k in range(i - 1, -1, -1)
                   if not lines[k].blank and k not in layout.verdicts
                   and not _garbled_folio_shape(lines[k].text.strip())), None)
    after = next((k for k in range(i + 1, len(lines)) if not lines[k].blank), None)
    if before is None or after is None:
        return False
    return bool(_OPEN_SENTENCE.search(lines[before].text.rstrip())) and \
        lines[after].text.strip()[:1].islower()


_OPEN_SENTENCE = regex.compile(r"[\p{Ll},;—-]$")


def _numbered_head(layout: Layout, i: int, where: str, expected: set[int],
                   active: set[str]) -> Verdict | None:
    """A capitals line carrying the expected page number, where this text
    prints its page numbers: a running head seen only once (a short
    chapter's title), known by its number rather than by repetition."""
    tokens = layout.lines[i].text.split()
    if where not in active or len(tokens) < 2 or len(tokens) > 10:
        return None
    for number_token, rest in ((tokens[0], tokens[1:]), (tokens[-1], tokens[:-1])):
        rest_text = " ".join(rest)
        if (any(layout.fit(number_token, n) >= 0.9 for n in expected)
                and is_heading(rest_text) and not structure_heading(rest_text)):
            rule = "running-head" if where == "head" else "running-foot"
            return Verdict(rule, 0.9, "heading-like line with the page number in the folio's place")
    return None


def _catchword(layout: Layout, page: Page, i: int) -> bool:
    """A lone word at the foot that the next page begins with: the
    printer's catchword (``storm`` at the foot, ``storm broke.`` overleaf).
    """
    word = layout.lines[i].text.strip()
    if " " in word or not word or page.index + 1 >= len(layout.pages):
        return False
    following = [k for k in content_lines(layout.lines, layout.pages[page.index + 1])
                 if k not in layout.verdicts or layout.verdicts[k].confidence < 0.8]
    if not following:
        return False
    first = layout.lines[following[0]].text.split()[0]
    return _bare_word(first) == _bare_word(word) != ""


def _bare_word(word: str) -> str:
    """
    >>> _bare_word("Storm,"), _bare_word("1926")
    ('storm', '')
    """
    return "".join(c for c in word.lower() if c.isalpha())


def _footnote_like(text: str, expected: set[int]) -> bool:
    """A line opening with a reference mark or a number that is not the
    page's: a footnote (``1 Ibid.``) recurs at page feet but is text.

    >>> _footnote_like("1 Ibid.", {12}), _footnote_like("12 THE PEOPLE'S WAR", {12})
    (True, False)
    >>> _footnote_like("* Ibid., p. 4.", {12}), _footnote_like("THE PEOPLE'S WAR", {12})
    (True, False)
    >>> _footnote_like("¹ Ibid.", {12})
    True
    """
    first = text.split()[0]
    if first[0] in "*†‡§¶" or first[0] in SUPERSCRIPT_DIGITS:
        return True
    return first.isdecimal() and not any(number_fit(first, n) for n in expected)


def _stands_alone(layout: Layout, i: int) -> bool:
    """Set off from the text above by a blank line (or the page top)."""
    return i == 0 or layout.lines[i - 1].blank or layout.page_of[i - 1] != layout.page_of[i]


LONE_SLOT_SHARE = 0.6
"""The share of pages that must set a short line apart in a slot for the
slot to be taken for the folio's place, however the numbers read."""


def _lone_slots(layout: Layout, slots: dict[int, _Slots]) -> set[str]:
    """The slots (``head``, ``foot``) where most pages set a short line of
    no words apart: the folio's place in a text whose page numbers the OCR
    read as letters (``- 7 -`` as ``Sie``, ``Bis``, ``Ey a``), where no
    number sequence shows it."""
    if len(layout.pages) < 4:
        return set()
    found = set()
    for where in ("head", "foot"):
        hits = 0
        for slot in slots.values():
            lines = slot.heads if where == "head" else slot.feet
            if lines and _lone_mark_line(layout, lines[0], where):
                hits += 1
        if hits >= 3 and hits >= LONE_SLOT_SHARE * len(layout.pages):
            found.add(where)
    return found


SHORT_GARBLE = 5
"""Visible characters of a line short enough to be a folio whatever it reads."""


def _garbled_folio_shape(text: str) -> bool:
    """Short enough to be a folio misread, or longer but of no word; never
    a line closing a sentence.

    >>> [_garbled_folio_shape(t) for t in ("Sie", "Ey a", "= 13-", "217 =", "war.", "the end of")]
    [True, True, True, True, False, False]
    """
    visible = "".join(text.split())
    if not visible or len(visible) > 8 or text.endswith((".", ",", ";", "?", "!")):
        return False
    return len(visible) <= SHORT_GARBLE or not _READABLE.search(text)


def _lone_mark_line(layout: Layout, i: int, where: str) -> bool:
    """A short line of no readable word, set apart from the page's text."""
    text = layout.lines[i].text.strip()
    if not _garbled_folio_shape(text):
        return False
    if where == "foot":
        return _stands_alone(layout, i)
    return i + 1 >= len(layout.lines) or layout.lines[i + 1].blank


def _lone_short_lines(layout: Layout, page: Page) -> int:
    """How many short lines stand alone on the page (a contents page's
    page numbers; a text page has at most its folio)."""
    return sum(1 for i in content_lines(layout.lines, page)
               if len("".join(layout.lines[i].text.split())) <= SHORT_GARBLE
               and _stands_alone(layout, i))


def _unreadable_folio(layout: Layout, page: Page, i: int, where: str, active: set[str]) -> bool:
    """A short unreadable line where this text prints its page numbers.

    Only when the page has no number yet and a neighbouring page has one in
    the same place, or most pages set such a line apart there
    (:func:`_lone_slots`): then the line is that page's number, misread past
    reading (a lone ``H`` for 14, ``Sie`` for ``- 7 -``, or a signature mark
    run into a garbled number).
    """
    # a contents page sets its page numbers alone too: there only the neighbours tell
    by_slot = (where in layout.lone_slots and _lone_short_lines(layout, page) <= 2
               and len(content_lines(layout.lines, page)) >= SHORT_PAGE // 2)
    if (where not in active and not by_slot) or page.index in layout.folios:
        return False
    if roman_value(layout.lines[i].text) or _above_heading(layout, i):
        return False  # a chapter number, not a folio
    if _LIST_LABEL.match(layout.lines[i].text.strip()):
        return False  # ``(a)``, ``b.``: a list label standing alone
    if not by_slot and not any(n in layout.folios for n in (page.index - 1, page.index + 1)):
        return False
    text = layout.lines[i].text
    visible = "".join(text.split())
    if by_slot:
        if not _garbled_folio_shape(text.strip()) or plain_folio(text) is not None:
            return False  # a number printed plainly, not this page's: a contents entry's
    elif len(visible) > 8 or _READABLE.search(text) or read_garbled_number(text) is not None:
        return False  # a word, a date, or a number that plainly is another number
    if where == "foot":
        return _stands_alone(layout, i)
    return i + 1 >= len(layout.lines) or layout.lines[i + 1].blank


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
        if number is None or not 0 < number < 200 or not _above_heading(layout, i):
            continue
        found.append((i, text, number))
    roman_style = sum(1 for _, t, _ in found if len(t) > 1 and roman_value(t)) > sum(
        1 for _, t, _ in found if any(c.isdecimal() for c in t))
    proposals = []
    for i, text, number in found:
        if text == str(number) or (roman_style and roman_value(text)):
            continue
        start = layout.lines[i].start + layout.lines[i].text.index(text)
        proposals.append(Proposal(start, start + len(text), str(number), "chapter-number", 0.9,
                                  f"chapter number {number} read through OCR look-alikes"))
    return proposals


def _above_heading(layout: Layout, i: int) -> bool:
    lines = layout.lines
    if i > 0 and not lines[i - 1].blank and layout.page_of[i - 1] == layout.page_of[i]:
        return False
    if i + 1 >= len(lines) or not lines[i + 1].blank:
        return False
    for j in range(i + 1, min(i + 4, len(lines))):
        if not lines[j].blank:
            return (j not in layout.verdicts and layout.page_of[j] == layout.page_of[i]
                    and is_heading(lines[j].text))
    return False


# --- proposals ----------------------------------------------------------------------------

def _proposals(text: str, layout: Layout, min_confidence: float) -> list[Proposal]:
    """Removals, flags and page-break markers, never overlapping.

    Between two kept lines the stretch is cut into the removed lines
    (their own proposals) and the whitespace around them; the first
    whitespace piece carries the whole new gap, the others become empty.
    """
    lines, verdicts = layout.lines, layout.verdicts
    removed = {i for i, v in verdicts.items() if v.confidence >= min_confidence}
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


STAGE = Stage("furniture", "split pages; remove page numbers, running heads, stamps, scan "
              "footers and noise; mark page breaks", run)
