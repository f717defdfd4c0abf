"""What a layout file's geometry says of a line the text leaves in doubt.

A title printed above a chapter's first page reads like the running head
the following pages repeat (the pamphlet's title set as both), so the text
alone flags such a line instead of removing it (:func:`.by_place._running`).
A layout file (ALTO, hOCR, PAGE XML) gives each line its box and size of
type. A running head stands in the same band at the top of every page, in
type no larger than the body's; a title stands lower, where its page's text
begins, or larger. A line in doubt that stands in the band the document's
sure heads share, in their size of type, is a head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clean_scan.layout import median
from clean_scan.stage import Context
from clean_scan.stages.furniture.model import Layout, Verdict

if TYPE_CHECKING:
    from clean_scan.formats.layout import Layout as LayoutFile
    from clean_scan.formats.layout import LinePlace, Page

HEAD_SIZE = 1.1
"""A running head's type is no larger than this times the page's body type
(the dev pamphlets: heads 0.5-1.0 of it; titles 1.0-1.5, some set in the
body's size of capitals)."""
MIN_HEADS = 3
"""Sure heads needed to know the band they stand in."""
SURE_HEAD = 0.9
"""The confidence of a head the geometry confirms."""


def weigh_geometry(layout: Layout, context: Context) -> None:
    """Make sure of each running head in doubt that stands first on its
    page, in the band of the document's sure heads (within a head's
    height of their median top, as a share of the page's height), in type
    no larger than its page's body (``HEAD_SIZE``); and take a garbled
    folio the text could not read for one where it stands in its folios'
    band (:func:`folios_by_place`)."""
    if context.layout is None or context.raw_span is None:
        return
    folios_by_place(layout, context)
    doubted, sure = [], []
    for i, verdict in layout.verdicts.items():
        if verdict.rule == "running-head":
            place = context.line_place(layout.lines[i].start)
            if place is not None and place.line.box is not None and place.page_height:
                (sure if context.confident(verdict.confidence) else doubted).append((i, place))
    if not doubted or len(sure) < MIN_HEADS:
        return
    band = median([_top(place) for _, place in sure])
    reach = max(place.line.box.height / place.page_height for _, place in sure)
    for i, place in doubted:
        body = _body_size(context.layout.pages[place.page])
        size = place.line.size
        if body is None or size is None or size > HEAD_SIZE * body or \
                abs(_top(place) - band) > reach or not _first_on_page(place, context.layout):
            continue
        verdict = layout.verdicts[i]
        layout.verdicts[i] = Verdict(verdict.rule, SURE_HEAD, verdict.reason.split(":")[0]
                                     + ", first on its page in the band where its heads stand, "
                                     "in their size of type (a title stands lower or larger)")


def _top(place: LinePlace) -> float:
    """The top of the line's box, as a share of its page's height."""
    return place.line.box.y0 / place.page_height


def _body_size(page: Page) -> float | None:
    """The median size of type of the page's lines: its body's."""
    sizes = [line.size for block in page.blocks for line in block.lines
             if line.text and line.size]
    return median(sizes) if len(sizes) >= 5 else None


def _first_on_page(place: LinePlace, layout: LayoutFile) -> bool:
    """Whether the line is the first with text on its page."""
    page = layout.pages[place.page]
    first = next((line for block in page.blocks for line in block.lines if line.text), None)
    return first is place.line


FOLIO_LENGTH = 8
"""The longest line read as a garbled folio by its place: a number and its
ornaments (``[16j.``, ``- 7 -``)."""
FOLIO_SHAPE = "0123456789[]()-—"
"""What a garbled folio keeps of its figures or ornaments, one at least."""


def folios_by_place(layout: Layout, context: Context) -> None:
    """A short line the text could not read as a folio (``[16j.`` for
    ``[16]``), holding a figure or a folio's bracket or dash, that stands
    first or last on its page in the band where the document's sure folios
    stand (within a folio's height of their median top, as a share of the
    page's height; ``MIN_HEADS`` of them at least, at that edge) is one."""
    sure = [context.line_place(layout.lines[i].start) for i, verdict in layout.verdicts.items()
            if verdict.rule == "page-number" and context.confident(verdict.confidence)]
    sure = [place for place in sure
            if place is not None and place.line.box is not None and place.page_height]
    for at_foot in (False, True):
        edge = [place for place in sure if (_top(place) > 0.5) == at_foot]
        if len(edge) < MIN_HEADS:
            continue
        band = median([_top(place) for place in edge])
        reach = max(place.line.box.height / place.page_height for place in edge)
        for page in layout.pages:
            lines = [i for i in range(page.first, page.stop) if not layout.lines[i].blank]
            i = lines[-1 if at_foot else 0] if lines else None
            if i is None or i in layout.verdicts:
                continue
            text = layout.lines[i].text.strip()
            if len(text) > FOLIO_LENGTH or not any(c in FOLIO_SHAPE for c in text):
                continue
            place = context.line_place(layout.lines[i].start)
            if place is None or place.line.box is None or not place.page_height or \
                    abs(_top(place) - band) > reach:
                continue
            layout.verdicts[i] = Verdict("page-number", SURE_HEAD,
                                         "a short line in the band where the document's folios "
                                         "stand, a figure or ornament in it: a folio misread")
