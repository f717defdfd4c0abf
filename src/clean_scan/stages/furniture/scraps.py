"""Scraps at a page's foot: a folio read past recognition, or a speck, and
a folio read alone.

Where a page's folio stands alone below the text, an engine that cannot
read it gives a few letters of its shape instead (``— 27 —`` as
``Ua (-) ae``, ``a bes``, ``Lnpars``), and a speck in the margin under the
last line is read the same way. Such a line holds no figure for the page
sequence to recognise and no word for the text to own, so neither the
folio rules nor the noise rules (which look for marks inside words) take
it. Its place says what it is: the page's last line, set off by a blank
line, a few letters long, not one of them a common word. A line that
holds a figure is left to the folio and chapter-number rules, and one
before a heading may be the next chapter's garbled number (``ee`` for
``9``): it stays.

A folio read right but alone (an engine that reads the page in one block
drops most folios: no sequence of them to recognise) is known by the same
place and by the ornaments a folio is set in (``— 70 —``, ``(12)``), which
no chapter number before its heading wears; a bare number may be a
chapter's or a contents entry's, and stays.
"""

from __future__ import annotations

import regex

from clean_scan.furniture_lines import is_heading
from clean_scan.lexicon import load_lexicon
from clean_scan.stages.furniture.model import Layout, Verdict, stands_alone

MAX_TOKENS = 4
MAX_CHARACTERS = 16
"""A folio and its ornaments, as read: a few short strings."""
MIN_LINES = 5
"""A page with fewer lines of text is a title, a plate or a chapter's end."""
WORD = regex.compile(r"\p{L}{2,}")
ORNAMENTED_FOLIO = regex.compile(r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|\(\s*\d{1,4}\s*\)|"
                                 r"\[\s*\d{1,4}\s*\])\s*$")
"""A page number set between dashes or in brackets."""


def foot_scraps(layout: Layout) -> None:
    """Judge each page's last line a scrap where it is one (see the module).

    >>> from clean_scan.stages.furniture import analyse
    >>> body = "The council met in the hall and heard the\\nengineer on the state of the roads.\\n"
    >>> text = body * 3 + "\\nUa (-) ae\\n\\f" + body * 3 + "\\na bes\\n\\f" + body * 3
    >>> lay = analyse(text)
    >>> sorted(lay.lines[i].text for i, v in lay.verdicts.items() if v.rule == "foot-scrap")
    ['Ua (-) ae', 'a bes']
    >>> text = body * 3 + "\\n— 70 —\\n\\f" + body * 3
    >>> lay = analyse(text)
    >>> [(lay.lines[i].text, v.rule) for i, v in lay.verdicts.items()]
    [('— 70 —', 'page-number')]

    Left alone: a short last line holding a word (``The end``) or set
    against the text above it, a bare number, and any line before a heading.

    >>> text = body * 3 + "\\nThe end\\n\\f" + body * 3 + "\\nee\\n\\fTHE NEXT CHAPTER\\n" + body
    >>> [v.rule for v in analyse(text).verdicts.values()]
    []
    """
    for page in layout.pages:
        content = [i for i in range(page.first, page.stop) if not layout.lines[i].blank]
        if len(content) < MIN_LINES:
            continue
        last = content[-1]
        if last in layout.verdicts or not stands_alone(layout, last):
            continue
        text = layout.lines[last].text
        if _before_heading(layout, last):
            continue
        if _scrap(text):
            layout.verdicts[last] = Verdict("foot-scrap", 0.85,
                                            "a scrap of letters alone at the page's foot, "
                                            "where a folio stands: the folio garbled, or a speck")
        elif ORNAMENTED_FOLIO.match(text):
            layout.verdicts[last] = Verdict("page-number", 0.85,
                                            "a page number alone at the page's foot, in a "
                                            "folio's ornaments")


def _scrap(text: str) -> bool:
    """A few short strings, no figure among them and no common word."""
    text = text.strip()
    if not text or len(text.split()) > MAX_TOKENS or len(text.replace(" ", "")) > MAX_CHARACTERS:
        return False
    if any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
        return False
    lexicon = load_lexicon()
    return not any(lexicon.common(word) for word in WORD.findall(text))


def _before_heading(layout: Layout, i: int) -> bool:
    """Whether the next line of text is a heading (the scrap may then be
    the chapter's number)."""
    for line in layout.lines[i + 1:]:
        if not line.blank:
            return is_heading(line.text)
    return False
