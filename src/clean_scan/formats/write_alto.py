"""Write the corrected pages (:mod:`.corrected`) as ALTO 4.

The geometry is the input's, the words the clean text's. A word split at a
line end is written as ALTO writes one: the first half's ``String`` with
``SUBS_TYPE="HypPart1"``, the hyphen as ``HYP``, the second half's
``String`` with ``SUBS_TYPE="HypPart2"``, both with the whole word in
``SUBS_CONTENT``. A line the furniture stage took out of the text (a
running head, a page number, a stamp) keeps its words as read and points
with ``TAGREFS`` to a ``StructureTag`` labelled with the rule, so a viewer
can hide it; a footnote's lines, at the page foot where they were printed,
point to one labelled ``footnote``. The clean text's words are the rest,
read in order, and the footnotes' words.
"""

from __future__ import annotations

from lxml import etree

from clean_scan.formats.corrected import OutLine, OutPage, OutWord
from clean_scan.formats.layout import Box

NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-4.xsd"


def alto_bytes(pages: list[OutPage], source_name: str, unit: str = "pixel",
               software: str = "clean-scan") -> bytes:
    """The pages as an ALTO 4.4 document, UTF-8."""
    root = etree.Element(f"{{{NS}}}alto", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA)
    root.set("SCHEMAVERSION", "4.4")
    description = _sub(root, "Description")
    _sub(description, "MeasurementUnit").text = unit
    image = _sub(description, "sourceImageInformation")
    _sub(image, "fileName").text = source_name
    step = _sub(_sub(description, "OCRProcessing", ID="OCR_0"), "ocrProcessingStep")
    _sub(_sub(step, "processingSoftware"), "softwareName").text = software
    roles = sorted({_tag(line) for page in pages for block in page.blocks
                    for line in block.lines if _tag(line)})
    if roles:
        tags = _sub(root, "Tags")
        for role in roles:
            _sub(tags, "StructureTag", ID=_tag_id(role), LABEL=role)
    layout = _sub(root, "Layout")
    for number, page in enumerate(pages, 1):
        _page(layout, page, number)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _tag_id(role: str) -> str:
    return f"TAG_{role}"


FOOTNOTE = "footnote"
"""The tag of a footnote's lines: text, but not in the clean text's place."""


def _tag(line: OutLine) -> str:
    return line.role or (FOOTNOTE if line.note else "")


def _sub(parent: etree._Element, name: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{name}", attributes)


def _page(layout: etree._Element, page: OutPage, number: int) -> None:
    attributes = {"ID": f"P{number}", "PHYSICAL_IMG_NR": str(number)}
    if page.width is not None and page.height is not None:
        attributes.update(WIDTH=_num(page.width), HEIGHT=_num(page.height))
    element = _sub(layout, "Page", **attributes)
    space = _sub(element, "PrintSpace")
    for b, block in enumerate(page.blocks, 1):
        block_id = f"P{number}_B{b}"
        text_block = _sub(space, "TextBlock", ID=block_id, **_box(block.box))
        if block.role:
            text_block.set("TAGREFS", _tag_id(block.role))
        for k, line in enumerate(block.lines, 1):
            _line(text_block, line, f"{block_id}_L{k}")


def _line(block: etree._Element, line: OutLine, line_id: str) -> None:
    element = _sub(block, "TextLine", ID=line_id, **_box(line.box))
    if _tag(line):
        element.set("TAGREFS", _tag_id(_tag(line)))
    for k, word in enumerate(line.words, 1):
        if k > 1:
            _sub(element, "SP")
        _sub(element, "String", ID=f"{line_id}_S{k}", **_string(word))
        if word.part == 1:
            _sub(element, "HYP", CONTENT="-")


def _string(word: OutWord) -> dict[str, str]:
    attributes = {"CONTENT": word.text, **_box(word.box)}
    if word.confidence is not None:
        attributes["WC"] = f"{max(0.0, min(1.0, word.confidence)):.2f}"
    if word.part:
        attributes["SUBS_TYPE"] = f"HypPart{word.part}"
        attributes["SUBS_CONTENT"] = word.whole
    return attributes


def _box(box: Box | None) -> dict[str, str]:
    if box is None:
        return {}
    return {"HPOS": _num(box.x0), "VPOS": _num(box.y0), "WIDTH": _num(box.x1 - box.x0),
            "HEIGHT": _num(box.y1 - box.y0)}


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"
