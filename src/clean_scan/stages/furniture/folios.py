"""Page numbers misread past reading: a short line of no words in the slot
where the text's pages carry their numbers."""

from __future__ import annotations

from clean_scan.folio_numbers import (
    plain_folio,
    read_garbled_number,
    roman_value,
)
from clean_scan.pagination import (
    SHORT_PAGE,
    Page,
    content_lines,
)
from clean_scan.stages.furniture.model import (
    LIST_LABEL,
    READABLE,
    Layout,
    Slots,
    above_heading,
    stands_alone,
)

LONE_SLOT_SHARE = 0.6
"""The share of pages that must set a short line apart in a slot for the
slot to be taken for the folio's place, however the numbers read."""


def lone_slots(layout: Layout, slots: dict[int, Slots]) -> set[str]:
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


def garbled_folio_shape(text: str) -> bool:
    """Short enough to be a folio misread, or longer but of no word; never
    a line closing a sentence.

    >>> [garbled_folio_shape(t) for t in ("Sie", "Ey a", "= 13-", "217 =", "war.", "the end of")]
    [True, True, True, True, False, False]
    """
    visible = "".join(text.split())
    if not visible or len(visible) > 8 or text.endswith((".", ",", ";", "?", "!")):
        return False
    return len(visible) <= SHORT_GARBLE or not READABLE.search(text)


def _lone_mark_line(layout: Layout, i: int, where: str) -> bool:
    """A short line of no readable word, set apart from the page's text."""
    text = layout.lines[i].text.strip()
    if not garbled_folio_shape(text):
        return False
    if where == "foot":
        return stands_alone(layout, i)
    return i + 1 >= len(layout.lines) or layout.lines[i + 1].blank


def _lone_short_lines(layout: Layout, page: Page) -> int:
    """How many short lines stand alone on the page (a contents page's
    page numbers; a text page has at most its folio)."""
    return sum(1 for i in content_lines(layout.lines, page)
               if len("".join(layout.lines[i].text.split())) <= SHORT_GARBLE
               and stands_alone(layout, i))


def unreadable_folio(layout: Layout, page: Page, i: int, where: str, active: set[str]) -> bool:
    """A short unreadable line where this text prints its page numbers.

    Only when the page has no number yet and a neighbouring page has one in
    the same place, or most pages set such a line apart there
    (:func:`lone_slots`): then the line is that page's number, misread past
    reading (a lone ``H`` for 14, ``Sie`` for ``- 7 -``, or a signature mark
    run into a garbled number).
    """
    # a contents page sets its page numbers alone too: there only the neighbours tell
    by_slot = (where in layout.lone_slots and _lone_short_lines(layout, page) <= 2
               and len(content_lines(layout.lines, page)) >= SHORT_PAGE // 2)
    if (where not in active and not by_slot) or page.index in layout.folios:
        return False
    if roman_value(layout.lines[i].text) or above_heading(layout, i):
        return False  # a chapter number, not a folio
    if LIST_LABEL.match(layout.lines[i].text.strip()):
        return False  # ``(a)``, ``b.``: a list label standing alone
    if not by_slot and not any(n in layout.folios for n in (page.index - 1, page.index + 1)):
        return False
    text = layout.lines[i].text
    visible = "".join(text.split())
    if by_slot:
        if not garbled_folio_shape(text.strip()) or plain_folio(text) is not None:
            return False  # a number printed plainly, not this page's: a contents entry's
    elif len(visible) > 8 or READABLE.search(text) or read_garbled_number(text) is not None:
        return False  # a word, a date, or a number that plainly is another number
    if where == "foot":
        return stands_alone(layout, i)
    return i + 1 >= len(layout.lines) or layout.lines[i + 1].blank
