"""ALTO XML, versions 2 to 4 (libraries' and Tesseract's): ``Page`` >
``PrintSpace`` (and the margins) > ``TextBlock`` > ``TextLine`` >
``String`` (``CONTENT``, ``WC`` confidence), ``SP`` and ``HYP``; a line's
size of type from its ``TextStyle`` (``FONTSIZE``), else its height."""

from __future__ import annotations

from lxml import etree

from clean_scan.decoding import InputError
from clean_scan.formats.layout import Block, Box, Layout, Line, Page, Word
from clean_scan.formats.xml import known_namespace, local, number

NAMESPACES = {
    "http://www.loc.gov/standards/alto/ns-v2#": 2,
    "http://www.loc.gov/standards/alto/ns-v3#": 3,
    "http://www.loc.gov/standards/alto/ns-v4#": 4,
}


def read_alto(root: etree._Element, name: str) -> Layout:
    q = known_namespace(root, name, NAMESPACES, "ALTO", "ALTO versions 2 to 4")
    sizes = {style.get("ID"): number(style.get("FONTSIZE"))
             for style in root.iter(f"{q}TextStyle")}
    pages = [_page(page, q, sizes) for page in root.iter(f"{q}Page")]
    if not pages:
        raise InputError(f"{name}: an ALTO file without pages")
    unit = root.findtext(f"{q}Description/{q}MeasurementUnit")
    return Layout("alto", pages, (unit or "pixel").strip())


def _box(element: etree._Element) -> Box | None:
    x, y = number(element.get("HPOS")), number(element.get("VPOS"))
    w, h = number(element.get("WIDTH")), number(element.get("HEIGHT"))
    if None in (x, y, w, h):
        return None
    return Box(x, y, x + w, y + h)  # type: ignore[operator]


def _page(page: etree._Element, q: str, sizes: dict[str | None, float | None]) -> Page:
    blocks = [Block([_line(line, q, sizes, block) for line in block.iter(f"{q}TextLine")])
              for block in page.iter(f"{q}TextBlock")]
    return Page(blocks, number(page.get("WIDTH")), number(page.get("HEIGHT")))


def _line(line: etree._Element, q: str, sizes: dict[str | None, float | None],
          block: etree._Element) -> Line:
    words: list[Word] = []
    for child in line:
        kind = local(child.tag)
        if kind == "String":
            confidence = number(child.get("WC"))
            words.append(Word(child.get("CONTENT") or "", _box(child), confidence))
        elif kind == "HYP" and words:  # the line-end hyphen, printed
            last = words[-1]
            words[-1] = Word(last.text + (child.get("CONTENT") or "-"), last.box, last.confidence)
    box = _box(line)
    size = _font_size(line, sizes) or _font_size(block, sizes) or (box.height if box else None)
    return Line(words, box, size)


def _font_size(element: etree._Element, sizes: dict[str | None, float | None]) -> float | None:
    for ref in (element.get("STYLEREFS") or "").split():
        if sizes.get(ref):
            return sizes[ref]
    return None
