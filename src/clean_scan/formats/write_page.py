"""Write the corrected page (:mod:`.corrected`) as PAGE XML (the 2019
schema), the format of Transkribus and OCR-D: one file for one page.

Each block is a ``TextRegion``, each line a ``TextLine``, each word a
``Word``, each with its ``Coords`` (the box as four points) and its text in
``TextEquiv/Unicode``; a line's and a region's ``TextEquiv`` hold their
words joined. The geometry is the input's, the words the clean text's. A
block the furniture stage took out keeps its words as read and takes the
region type PAGE has for it (``header`` for a running head, ``footer``,
``page-number``, ``signature-mark``, ``catch-word``, else ``other``); a
footnote's block is of type ``footnote``; the rest are ``paragraph``. A
word split at a line end is written in halves as printed, the first with
its hyphen (PAGE has no mark for the whole word).
"""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from clean_scan.formats.corrected import OutLine, OutPage, OutWord
from clean_scan.formats.layout import Box

NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} {NS}/pagecontent.xsd"
REGION_TYPES = {"running-head": "header", "running-foot": "footer",
                "page-number": "page-number", "signature-mark": "signature-mark",
                "catchword": "catch-word"}
"""PAGE's region type for the block of each furniture rule; any other is ``other``."""


def page_xml_bytes(page: OutPage, image_name: str, made: float = 0.0,
                   software: str = "clean-scan") -> bytes:
    """One page as a PAGE XML document, UTF-8; ``made``, the time (POSIX
    seconds) its metadata gives as created: the input's, so that cleaning
    the same file again writes the same bytes."""
    root = etree.Element(f"{{{NS}}}PcGts", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA)
    metadata = _sub(root, "Metadata")
    _sub(metadata, "Creator").text = software
    when = datetime.fromtimestamp(int(made), UTC).isoformat()
    _sub(metadata, "Created").text = when
    _sub(metadata, "LastChange").text = when
    element = _sub(root, "Page", imageFilename=image_name,
                   imageWidth=str(round(page.width or 0)), imageHeight=str(round(page.height or 0)))
    for b, block in enumerate(page.blocks, 1):
        kind = (REGION_TYPES.get(block.role, "other") if block.role else
                "footnote" if all(line.note for line in block.lines) else "paragraph")
        region = _sub(element, "TextRegion", id=f"r{b}", type=kind)
        _coords(region, block.box)
        for k, line in enumerate(block.lines, 1):
            _line(region, line, f"r{b}_l{k}")
        _text(region, "\n".join(_line_text(line) for line in block.lines))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sub(parent: etree._Element, name: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{name}", attributes)


def _line(region: etree._Element, line: OutLine, line_id: str) -> None:
    element = _sub(region, "TextLine", id=line_id)
    _coords(element, line.box)
    for k, word in enumerate(line.words, 1):
        word_element = _sub(element, "Word", id=f"{line_id}_w{k}")
        _coords(word_element, word.box or line.box)
        _text(word_element, _word_text(word), word.confidence)
    _text(element, _line_text(line))


def _word_text(word: OutWord) -> str:
    return word.text + ("-" if word.part == 1 else "")


def _line_text(line: OutLine) -> str:
    return " ".join(map(_word_text, line.words))


def _coords(element: etree._Element, box: Box | None) -> None:
    """The box as PAGE's four points (PAGE requires coordinates: a box
    unknown is the page's corner, a point)."""
    x0, y0, x1, y1 = (box.x0, box.y0, box.x1, box.y1) if box else (0, 0, 0, 0)
    points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    _sub(element, "Coords", points=" ".join(f"{round(x)},{round(y)}" for x, y in points))


def _text(element: etree._Element, text: str, confidence: float | None = None) -> None:
    attributes = {}
    if confidence is not None:
        attributes["conf"] = f"{max(0.0, min(1.0, confidence)):.2f}"
    _sub(_sub(element, "TextEquiv", **attributes), "Unicode").text = text
