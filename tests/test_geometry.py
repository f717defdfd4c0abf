"""A layout file's geometry settles what the text leaves in doubt: a line
that repeats at the head of the pages after it only is a running head if it
stands in the band where the document's heads stand, in their size of type,
and a chapter's title if it stands lower (the hOCR is written here)."""

from __future__ import annotations

from pathlib import Path

from clean_scan import clean_text
from clean_scan.decoding import read_input
from clean_scan.stage import Context

SENTENCES = [
    "The council met in the spring and heard the reports of the branches on the",
    "state of the roads, the schools and the water supply of the district towns.",
    "Each report was read in full, and the members asked many questions of the",
    "officers who had made them, before the chairman moved to the next business.",
    "The clerk was told to write to the ministry about the cost of the new works.",
    "It was agreed that the matter should come before the next meeting in June.",
]


def _line(top: int, size: int, text: str) -> str:
    words = " ".join(f"<span class='ocrx_word' title='bbox 150 {top} 250 {top + size}; "
                     f"x_wconf 95'>{word}</span>" for word in text.split())
    return (f"<span class='ocr_line' title='bbox 150 {top} 1250 {top + size}; "
            f"x_size {size}'>{words}</span>")


def _block(lines: list[str]) -> str:
    return f"<div class='ocr_carea'><p class='ocr_par'>{''.join(lines)}</p></div>"


def _page(number: int, blocks: list[str]) -> str:
    return (f"<div class='ocr_page' id='page_{number}' title='bbox 0 0 1400 2100'>"
            + "".join(blocks) + "</div>")


def _body(top: int) -> str:
    return _block([_line(top + 50 * k, 40, text) for k, text in enumerate(SENTENCES)])


def _hocr(pages: list[str]) -> str:
    return ("<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'>"
            "<head><title></title><meta name='ocr-system' content='tesseract 5.3.0'/></head>"
            "<body>" + "".join(pages) + "</body></html>")


def _pamphlet(first_head_top: int) -> str:
    """A chapter's first page (its title, the body), then five pages with the
    running head THE COUNCIL at the top in small type, but the first, whose
    line THE COUNCIL stands at ``first_head_top``."""
    pages = [_page(1, [_block([_line(300, 60, "CHAPTER ONE")]), _body(500)])]
    for number in range(2, 7):
        top = first_head_top if number == 2 else 100
        pages.append(_page(number, [_block([_line(top, 28, "THE COUNCIL")]), _body(300)]))
    return _hocr(pages)


def test_a_head_in_doubt_goes_from_the_layout_file_where_it_stands_in_the_heads_band(
        tmp_path: Path) -> None:
    source = tmp_path / "council.hocr"
    source.write_text(_pamphlet(first_head_top=100), encoding="utf-8")
    read = read_input(source)
    from_layout = clean_text(read.text, context=Context(layout=read.layout)).clean
    from_text = clean_text(read.text).clean
    assert "THE COUNCIL" not in from_layout
    assert from_text.count("THE COUNCIL") == 1  # the text alone cannot tell it from a title


def test_a_title_lower_on_its_page_stays_though_the_heads_repeat_it(tmp_path: Path) -> None:
    source = tmp_path / "council.hocr"
    source.write_text(_pamphlet(first_head_top=400), encoding="utf-8")
    read = read_input(source)
    clean = clean_text(read.text, context=Context(layout=read.layout)).clean
    assert clean.count("THE COUNCIL") == 1


def _folio_pamphlet(garbled: str) -> str:
    """Six pages of body with their folios alone at the foot, ``[11]`` to
    ``[16]``, the fourth's read as ``garbled``."""
    pages = []
    for number in range(1, 7):
        folio = garbled if number == 4 else f"[{number + 10}]"
        pages.append(_page(number, [_body(200), _block([_line(1900, 36, folio)])]))
    return _hocr(pages)


def test_a_folio_the_text_cannot_read_goes_where_it_stands_in_the_folios_band(
        tmp_path: Path) -> None:
    """A folio garbled past reading (``[14j.``) is known by its place: the
    foot's band where the document's sure folios stand."""
    source = tmp_path / "folios.hocr"
    source.write_text(_folio_pamphlet("[14j."), encoding="utf-8")
    read = read_input(source)
    assert "[14j." in clean_text(read.text).clean  # the text alone cannot read it
    from_layout = clean_text(read.text, context=Context(layout=read.layout)).clean
    assert "14j" not in from_layout and "[1" not in from_layout
    assert from_layout.count("It was agreed that the matter should come before") == 6


def test_a_short_last_line_above_the_folios_band_stays(tmp_path: Path) -> None:
    """A short line that ends a page's text above the folios' band is the
    body's, figure or not (the fourth page's folio was not read at all)."""
    pages = [_page(n, [_body(200), _block([_line(600, 36, "(1938).")])]
                   + ([] if n == 4 else [_block([_line(1900, 36, f"[{n + 10}]")])]))
             for n in range(1, 7)]
    source = tmp_path / "short.hocr"
    source.write_text(_hocr(pages), encoding="utf-8")
    read = read_input(source)
    from_layout = clean_text(read.text, context=Context(layout=read.layout)).clean
    assert from_layout.count("(1938).") == 6
