"""Write the corrected pages (:mod:`.corrected`) as hOCR.

XHTML as Tesseract writes it (``ocr_page`` > ``ocr_carea`` > ``ocr_par`` >
``ocr_line`` > ``ocrx_word``, each ``title`` with its ``bbox``; ``x_size``
for a line, ``x_wconf`` for a word), the geometry the input's and the words
the clean text's. A word split at a line end is written as printed, its
first half with the hyphen, and carries the whole word in the property
``x_hyphenated`` (hOCR has no property of its own for it). A block the
furniture stage took out is written as hOCR's float it is: ``ocr_header``
(a running head), ``ocr_footer`` (a running foot) or ``ocr_pageno`` (a page
number), and any other furniture (a stamp, noise) as ``ocr_noise``.
"""

from __future__ import annotations

from lxml import etree

from clean_scan.formats.corrected import OutLine, OutPage, OutWord
from clean_scan.formats.layout import Box

XHTML = "http://www.w3.org/1999/xhtml"
DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
FLOATS = {"running-head": "ocr_header", "running-foot": "ocr_footer",
          "page-number": "ocr_pageno"}
"""hOCR's class for the block of each furniture rule; any other is ``ocr_noise``."""


def hocr_bytes(pages: list[OutPage], source_name: str, software: str = "clean-scan") -> bytes:
    """The pages as an hOCR document, UTF-8."""
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})
    head = _sub(html, "head")
    _sub(head, "title").text = source_name
    _sub(head, "meta", {"http-equiv": "Content-Type", "content": "text/html;charset=utf-8"})
    _sub(head, "meta", {"name": "ocr-system", "content": software})
    _sub(head, "meta", {"name": "ocr-capabilities",
                        "content": "ocr_page ocr_carea ocr_par ocr_line ocrx_word "
                                   "ocr_header ocr_footer ocr_pageno ocr_noise"})
    body = _sub(html, "body")
    for number, page in enumerate(pages, 1):
        title = f"ppageno {number - 1}"
        if page.width is not None and page.height is not None:
            title = f"bbox 0 0 {_num(page.width)} {_num(page.height)}; {title}"
        element = _sub(body, "div", {"class": "ocr_page", "id": f"page_{number}",
                                     "title": title})
        for b, block in enumerate(page.blocks, 1):
            kind = FLOATS.get(block.role, "ocr_noise") if block.role else "ocr_carea"
            area = _sub(element, "div", {"class": kind, "id": f"block_{number}_{b}",
                                         **_title(block.box)})
            par = _sub(area, "p", {"class": "ocr_par", "id": f"par_{number}_{b}",
                                   **_title(block.box)})
            for k, line in enumerate(block.lines, 1):
                _line(par, line, f"{number}_{b}_{k}")
    text = etree.tostring(html, encoding="unicode", pretty_print=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + DOCTYPE + "\n" + text).encode("utf-8")


def _sub(parent: etree._Element, name: str, attributes: dict[str, str] | None = None
         ) -> etree._Element:
    return etree.SubElement(parent, f"{{{XHTML}}}{name}", attributes or {})


def _line(par: etree._Element, line: OutLine, line_id: str) -> None:
    properties = _properties(line.box)
    if line.size is not None:
        properties.append(f"x_size {_num(line.size)}")
    element = _sub(par, "span", {"class": "ocr_line", "id": f"line_{line_id}",
                                 **_joined(properties)})
    for k, word in enumerate(line.words, 1):
        span = _sub(element, "span", {"class": "ocrx_word", "id": f"word_{line_id}_{k}",
                                      **_joined(_word_properties(word))})
        span.text = word.text + ("-" if word.part == 1 else "")
        span.tail = " " if k < len(line.words) else None


def _word_properties(word: OutWord) -> list[str]:
    properties = _properties(word.box)
    if word.confidence is not None:
        properties.append(f"x_wconf {round(100 * max(0.0, min(1.0, word.confidence)))}")
    if word.part:
        whole = word.whole.replace("\\", "\\\\").replace('"', '\\"')
        properties.append(f'x_hyphenated "{whole}"')
    return properties


def _properties(box: Box | None) -> list[str]:
    if box is None:
        return []
    return [f"bbox {_num(box.x0)} {_num(box.y0)} {_num(box.x1)} {_num(box.y1)}"]


def _title(box: Box | None) -> dict[str, str]:
    return _joined(_properties(box))


def _joined(properties: list[str]) -> dict[str, str]:
    return {"title": "; ".join(properties)} if properties else {}


def _num(value: float) -> str:
    return str(int(round(value)))
