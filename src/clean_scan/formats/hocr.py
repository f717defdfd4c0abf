"""hOCR (Tesseract, OCRopus, Kraken; Internet Archive's ``_hocr.html``):
``ocr_page`` > ``ocr_carea`` > ``ocr_par`` > ``ocr_line`` > ``ocrx_word``,
each element's ``title`` carrying its ``bbox`` and, on lines, ``x_size``
(the size of type), on words ``x_wconf`` (confidence, 0-100)."""

from __future__ import annotations

import regex
from lxml import etree, html

from clean_scan.decoding import InputError
from clean_scan.formats.layout import Block, Box, Layout, Line, Page, Word
from clean_scan.formats.xml import number, parse_xml, refuse_entities

LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
PROPERTY = regex.compile(r"\s*([a-z_]+)\s+([^;]*)")


def properties(element: etree._Element) -> dict[str, str]:
    """The ``title`` properties: ``bbox 1 2 3 4; x_wconf 95`` -> {"bbox": "1 2 3 4", ...}.

    >>> properties(etree.fromstring('<span title="bbox 1 2 3 4; x_wconf 95"/>'))
    {'bbox': '1 2 3 4', 'x_wconf': '95'}
    """
    title = element.get("title") or ""
    return {m.group(1): m.group(2).strip() for part in title.split(";")
            if (m := PROPERTY.match(part))}


def box_of(props: dict[str, str]) -> Box | None:
    values = [number(v) for v in props.get("bbox", "").split()]
    if len(values) != 4 or any(v is None for v in values):
        return None
    return Box(*values)  # type: ignore[arg-type]


def classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def read_hocr(data: bytes, name: str) -> Layout:
    """The pages of an hOCR file (XHTML, or HTML as some engines write it)."""
    refuse_entities(data, name)
    try:
        root = parse_xml(data, name)
    except InputError:  # not XHTML: read as HTML
        root = html.fromstring(data, parser=html.HTMLParser(no_network=True,
                                                            remove_comments=True))
    pages = [_page(element) for element in root.iter()
             if isinstance(element.tag, str) and "ocr_page" in classes(element)]
    if not pages:
        raise InputError(f"{name}: an HTML file without hOCR pages (no ocr_page)")
    return Layout("hocr", pages)


def _page(element: etree._Element) -> Page:
    box = box_of(properties(element))
    blocks: list[Block] = []
    current: list[Line] = []
    owner = None
    for line_element in element.iter():
        if not isinstance(line_element.tag, str) or not classes(line_element) & LINE_CLASSES:
            continue
        paragraph = _paragraph_of(line_element, element)
        if paragraph is not owner and current:
            blocks.append(Block(current))
            current = []
        owner = paragraph
        current.append(_line(line_element))
    if current:
        blocks.append(Block(current))
    return Page(blocks, box.x1 - box.x0 if box else None, box.y1 - box.y0 if box else None)


def _paragraph_of(line: etree._Element, page: etree._Element) -> etree._Element:
    """The line's paragraph (``ocr_par``), or its area, or the page."""
    for ancestor in line.iterancestors():
        if "ocr_par" in classes(ancestor) or "ocr_carea" in classes(ancestor):
            return ancestor
        if ancestor is page:
            break
    return page


def _line(element: etree._Element) -> Line:
    props = properties(element)
    words = []
    for word in element.iter():
        if isinstance(word.tag, str) and "ocrx_word" in classes(word):
            text = " ".join("".join(word.itertext()).split())
            word_props = properties(word)
            confidence = number(word_props.get("x_wconf"))
            words.append(Word(text, box_of(word_props),
                              None if confidence is None else confidence / 100))
    if not words:  # a line without word elements: its own text
        words = [Word(" ".join("".join(element.itertext()).split()))]
    size = number(props.get("x_size", "").split()[0]) if props.get("x_size") else None
    return Line(words, box_of(props), size)

