"""Page references: the report's page map and ``[Pg N]`` markers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clean_scan.evaluation import tokenise
from clean_scan.pipeline import clean_text
from clean_scan.restore import restore_text
from clean_scan.stage import Context

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"


@pytest.fixture(scope="module")
def marked():
    return clean_text(SAMPLE.read_text(encoding="utf-8"), context=Context(page_markers=True))


def test_every_printed_page_of_the_book_gets_a_marker_in_order(marked) -> None:
    numbers = [int(n) for n in re.findall(r"\[Pg (\d+)\]", marked.clean)]
    assert len(numbers) == len([p for p in marked.pages if p.number]) > 60
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def test_the_page_map_agrees_with_the_folios_taken_away(marked) -> None:
    read = {p.read for p in marked.pages if p.read}
    removed = {m.group(1) for e in marked.edits if e.rule == "page-number"
               for m in [re.search(r"page number (\d+)", e.reason)] if m}
    assert read <= removed and len(read) >= 0.95 * len(removed) > 40  # a misread one is outvoted
    for page in marked.pages:
        assert not page.read or page.read == page.number
        if page.number:
            assert marked.clean[page.clean_start:].startswith(f"[Pg {page.number}]")


def test_markers_restore_exactly_and_are_not_scored(marked) -> None:
    raw = SAMPLE.read_text(encoding="utf-8")
    assert restore_text(marked.clean, marked.hunks) == raw
    plain = clean_text(raw)
    assert tokenise(marked.clean) == tokenise(plain.clean)


def test_a_page_turning_mid_sentence_is_marked_inside_the_paragraph() -> None:
    body = "\n".join(["the workers of the town had learned that planning was no dream"] * 12)
    ends = {7: "and the council", 8: "so the tenants said", 9: "the end."}
    pages = [f"{body}\n{ends[n]}\n\n{n}\n\n\n\n" for n in (7, 8, 9)]
    clean = clean_text("".join(pages), context=Context(page_markers=True)).clean
    assert "and the council [Pg 8] the workers" in clean
