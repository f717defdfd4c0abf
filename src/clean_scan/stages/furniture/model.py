"""What the furniture stage decides about a text: its lines and pages, and a
verdict on each line that is furniture."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from clean_scan.folio_numbers import number_fit
from clean_scan.furniture_lines import (
    is_heading,
    structure_heading,
)
from clean_scan.pagination import Line, Page
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE

SURE = DEFAULT_MIN_CONFIDENCE
"""A verdict this sure counts as furniture in the stage's later judgements
(where a page's furniture ends, what the next page begins with), whatever
the run's threshold, so a page is read the same under any
``--min-confidence``."""

SLOT_DEPTH = 3
"""How many lines at the top and foot of a page can hold furniture."""

WINDOW = 4
"""How many pages either side a running head is looked for."""

RUNNING = 3
"""A heading printed this often is a running head, whatever its place."""


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
    printed: Counter[str] | None = None  # see times_printed()
    first_printed: dict[str, int] | None = None  # see first_of_many()

    def fit(self, text: str, number: int) -> float:
        """``number_fit(text, number)``, remembered: the second pass over the
        page slots asks again about the lines the first left undecided."""
        key = (text, number)
        fit = self.fits.get(key)
        if fit is None:
            fit = self.fits[key] = number_fit(text, number)
        return fit

    def first_of_many(self, i: int) -> bool:
        """Whether line ``i`` is the first of ``RUNNING`` lines or more that
        read alike (:meth:`times_printed`)."""
        key = _printed_key(self.lines[i].text)
        return self.times_printed(key) >= RUNNING and self._printings()[1][key] == i

    def times_printed(self, text: str) -> int:
        """How many lines of the text read ``text`` (case and spacing aside):
        a running head is printed page after page, a chapter's heading once."""
        return self._printings()[0][_printed_key(text)]

    def _printings(self) -> tuple[Counter[str], dict[str, int]]:
        """How often each reading of a line is printed, and where first (one pass)."""
        if self.printed is None or self.first_printed is None:
            self.printed, self.first_printed = Counter(), {}
            for k, line in enumerate(self.lines):
                if not line.blank:
                    key = _printed_key(line.text)
                    self.printed[key] += 1
                    self.first_printed.setdefault(key, k)
        return self.printed, self.first_printed


def _printed_key(text: str) -> str:
    return " ".join(text.split()).lower()


@dataclass
class Slots:
    heads: list[int]
    feet: list[int]


def stands_alone(layout: Layout, i: int) -> bool:
    """Set off from the text above by a blank line (or the page top)."""
    return i == 0 or layout.lines[i - 1].blank or layout.page_of[i - 1] != layout.page_of[i]


def above_heading(layout: Layout, i: int) -> bool:
    """Whether line ``i`` stands alone above a heading, as a chapter's
    number does: set off above, and the heading next below it, after a
    blank line or right under it (``11`` / ``THE COMMUNIST``). A heading
    that numbers itself (``41`` / ``CHAPTER IV``) has no number above it,
    and a running head, printed again and again, no chapter's number. Nor
    is the first of lines printed again and again (``THE COLONY`` over an
    article's title, on the first page with heads): whether it is the
    running head or a chapter's title the heads go on to repeat is for the
    running heads' rule to say, from the page before. (A later one over a
    heading, the heads printed before it, may be a title they repeat.)"""
    lines = layout.lines
    if i > 0 and not lines[i - 1].blank and layout.page_of[i - 1] == layout.page_of[i]:
        return False
    if i + 1 >= len(lines) or layout.first_of_many(i):
        return False  # printed again and again after: a running head (or a title: see _running)
    for j in range(i + 1, min(i + 4, len(lines))):
        if not lines[j].blank:
            return (j not in layout.verdicts and layout.page_of[j] == layout.page_of[i]
                    and is_heading(lines[j].text) and not structure_heading(lines[j].text)
                    and layout.times_printed(lines[j].text) < RUNNING)
    return False


def prose(text: str) -> bool:
    """Four or more plain lower-case words: running text, cheaply told. A
    word's marks at its edges leave it plain (``were, however, and``): a
    line of names and places has its small words among commas too.

    >>> prose("the country in which to-day every school"), prose("Shelf No :- 7Q")
    (True, False)
    >>> prose("Smith, of Sydney, and Jones, of the Museum, were"), prose("Class No. 3, Vol. ii.")
    (True, False)
    """
    plain = 0
    for word in text.split():
        word = word.strip(EDGE_MARKS)
        if word.isalpha() and word.islower():
            plain += 1
            if plain >= 4:
                return True
    return False


EDGE_MARKS = ",.;:!?()\"'‘’“”"
"""Marks print sets at a word's edges."""
READABLE = regex.compile(r"\p{L}{3,}|\d{3,}")


LIST_LABEL = regex.compile(r"^\(?\w\)\.?$|^\w\.$")
