"""Furniture known by its look wherever it stands: scanning footers, library
stamps, slips and shelf marks on the end leaves, lines of OCR noise."""

from __future__ import annotations

import regex

from clean_scan.furniture_lines import (
    date_stamp,
    due_slip,
    footer_candidates,
    library_stamp,
    lines_holding,
    ocr_noise,
    scan_footer,
    shelf_mark,
)
from clean_scan.stages.furniture.model import Layout, Verdict, prose

# --- furniture known by its look ---------------------------------------------------------

def line_furniture(layout: Layout) -> None:
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
        if not may_be_footer and (prose(line.text) or _ends_a_sentence(layout, i)):
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


def _ends_a_sentence(layout: Layout, i: int) -> bool:
    """Whether the line ends a sentence that a full line of print right
    above it (no blank line between) leaves open: ``(Home University`` /
    ``Library).`` is a note's last line, not a library's label.

    >>> from clean_scan.stages.furniture import analyse
    >>> text = "Cf. Whitehead, An Introduction to Mathematics (Home University\\nLibrary).\\n"
    >>> lay = analyse(text)
    >>> _ends_a_sentence(lay, 1), _ends_a_sentence(lay, 0)
    (True, False)
    >>> _ends_a_sentence(analyse(text.replace(").", ")")), 1)
    True
    """
    if i == 0 or layout.lines[i - 1].blank or layout.page_of[i - 1] != layout.page_of[i]:
        return False
    above = layout.lines[i - 1].text.strip()
    line = layout.lines[i].text.strip()
    if len(above) < RUNNING_LINE or above.endswith((".", ":", "!", "?")):
        return False
    closes_bracket = line.endswith(")") and above.count("(") > above.count(")")
    return closes_bracket or line.endswith((".", ".)", ".”", ".’"))


RUNNING_LINE = 40
"""A line this long is a line of print, not a stamp's."""


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
        if any(abs(i - s) <= STAMP_REACH for s in stamps) and not prose(line.text):
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
    caller has found the line is no running text (:func:`prose`), a test
    not worth making twice on the ~half of a book's lines that get here.

    >>> _by_look("Digitized by Google", True).rule, _by_look("$", True).rule
    ('scan-footer', 'ocr-noise')
    >>> _by_look("the people of the country were tired of war", True) is None
    True
    """
    confidence = scan_footer(text) if may_be_footer else 0.0
    if confidence:
        return Verdict("scan-footer", confidence, "scanning project's notice")
    if not prose_ruled_out and prose(text):  # running text: only a footer can hide in it
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

    >>> from clean_scan.stages.furniture import analyse
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
