"""Furniture: find the pages and take away what is not the book's text.

The page is the unit. A line is judged by where it sits (first or last
lines of a page), whether it repeats on nearby pages (running heads, with
OCR noise that varies from page to page, so compared fuzzily), and whether
it reads as the number the page sequence expects there (so garbled folios
like ``*5`` or ``4i`` are recognised by their place in the sequence, not
by their look alone). Some furniture is known by its look wherever it is:
scanning footers, library stamps and lines of pure OCR noise.

What the stage writes (other stages rely on it):

* each page break, the whole gap between the last content line of one page
  and the first of the next with any furniture in it, becomes ``\\n\\f\\n``
  (rule ``page-break``); each removed furniture line is its own proposal
  with its own rule, so the report says what went and why;
* furniture inside a page goes with its line end, leaving one blank line
  where blank lines stood, so paragraphs are never glued together;
* a chapter number garbled by the OCR (``i o``) is kept and written in
  digits (rule ``chapter-number``).

Left alone: headings, chapter numbers, contents entries and their page
numbers, footnotes at a page foot, and anything doubtful, which is flagged
for a person instead (confidence below the threshold).
"""


from __future__ import annotations

from clean_scan.pagination import split_lines, split_pages
from clean_scan.stage import Context, Stage, StageResult
from clean_scan.stages.furniture.by_look import line_furniture
from clean_scan.stages.furniture.by_place import page_furniture
from clean_scan.stages.furniture.geometry import weigh_geometry
from clean_scan.stages.furniture.model import Layout, Verdict
from clean_scan.stages.furniture.noise import noise_runs
from clean_scan.stages.furniture.output import chapter_numbers, layout_proposals
from clean_scan.stages.furniture.scraps import foot_scraps

__all__ = ["STAGE", "Layout", "Verdict", "analyse", "run"]


def run(text: str, context: Context) -> StageResult:
    """Propose removals of furniture, page-break markers and chapter numbers.

    >>> gap = "\\n\\n\\n\\n"
    >>> raw = f"The first page.\\n\\n7{gap}Then the second\\n\\n8{gap}ends here.\\n\\n9\\n"
    >>> from clean_scan.pipeline import clean_text, STAGE_NAMES
    >>> others = [n for n in STAGE_NAMES if n != "furniture"]
    >>> clean_text(raw, skip=others).clean
    'The first page.\\n\\x0c\\nThen the second\\n\\x0c\\nends here.\\n'
    """
    layout = analyse(text)
    weigh_geometry(layout, context)
    rewrites = chapter_numbers(layout)
    proposals = layout_proposals(text, layout, context.confident)
    proposals += rewrites
    return StageResult(sorted(proposals, key=lambda p: (p.start, p.end)))


def analyse(text: str) -> Layout:
    """Split into pages and judge every line that may be furniture."""
    lines = split_lines(text)
    pages, markers = split_pages(lines)
    page_of = [0] * len(lines)
    for page in pages:
        page_of[page.first : page.stop] = [page.index] * (page.stop - page.first)
    layout = Layout(lines, pages, {}, {}, page_of)
    for i in markers:
        layout.verdicts[i] = Verdict("page-marker", 0.97, "page marker written by the export")
    line_furniture(layout)
    noise_runs(layout)
    page_furniture(layout)
    foot_scraps(layout)
    return layout


STAGE = Stage("furniture", "split pages; remove page numbers, running heads, stamps, scan "
              "footers and noise; mark page breaks", run)
