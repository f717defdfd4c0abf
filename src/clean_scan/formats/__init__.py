"""Input formats, recognised by what a file holds, not by its name: plain
OCR text; the layout formats ALTO (v2-v4), hOCR and PAGE XML (2013, 2019),
read into their page model (:mod:`.layout`); a volume of one text file per
page, as a folder or a zip (HathiTrust's layout); and PDF, refused with a
hint. A layout file or a volume is cleaned as the text an engine's plain
export would hold (:meth:`.layout.Layout.text`), pages parted by form feeds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import regex

from clean_scan.decoding import InputError
from clean_scan.formats.layout import Layout

XML_START = regex.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:\?xml|!DOCTYPE|html|alto|PcGts|\w+:)",
                          regex.IGNORECASE)
HEAD = 1 << 16
"""How much of a file is looked at to tell its format."""


def sniff(data: bytes) -> str:
    """``text``, ``pdf``, ``zip`` or ``xml`` (a layout format, or not).

    >>> [sniff(b) for b in (b"The end.", b"%PDF-1.4", b"PK\\x03\\x04", b"<?xml?><a/>")]
    ['text', 'pdf', 'zip', 'xml']
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if XML_START.match(data[:HEAD]):
        return "xml"
    return "text"


def read_layout(data: bytes, name: str) -> Layout:
    """The pages of an ALTO, hOCR or PAGE XML file; anything else that looks
    like XML is refused in one line."""
    from clean_scan.formats.alto import read_alto
    from clean_scan.formats.hocr import read_hocr
    from clean_scan.formats.page_xml import read_page_xml
    from clean_scan.formats.xml import local, parse_xml

    head = data[:HEAD]
    if b"ocr_page" in head or b"ocr-capabilities" in head or b"ocr-system" in head:
        return read_hocr(data, name)  # hOCR's classes, or its meta tags
    root = parse_xml(data, name)
    kind = local(root.tag)
    if kind == "alto":
        return read_alto(root, name)
    if kind == "PcGts":
        return read_page_xml(root, name)
    if kind == "html":
        return read_hocr(data, name)
    raise InputError(f"{name}: XML, but not ALTO, hOCR or PAGE XML (its root is <{kind}>)")


PDF_HINT = ("a PDF: clean-scan reads OCR text, not PDF; extract its text layer "
            "(pdftotext -layout FILE.pdf) or its OCR as hOCR, and clean that")


LAYOUT_MARKS = (b"<alto", b":alto", b"<PcGts", b":PcGts", b"ocr_page")


def batch_input(path: Path) -> bool:
    """Whether a file found in a batch's folder is one to clean: a ``.txt``,
    an ``.hocr``, an ``.xml`` or ``.html`` that holds ALTO, PAGE or hOCR (a
    METS file or a web page beside them is not), or a ``.zip`` of page files.
    """
    name = path.name.lower()
    if name.endswith((".txt", ".hocr")):
        return True
    if name.endswith((".xml", ".html", ".htm", ".xhtml")):
        try:
            with path.open("rb") as handle:
                head = handle.read(HEAD)
        except OSError:
            return True  # let the batch say why it cannot be read
        return any(mark in head for mark in LAYOUT_MARKS)
    if name.endswith(".zip"):
        try:
            with zipfile.ZipFile(path) as archive:
                return any(n.lower().endswith(".txt") for n in archive.namelist())
        except (OSError, zipfile.BadZipFile, ValueError):
            return True
    return False
