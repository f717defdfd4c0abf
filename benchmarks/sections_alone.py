"""Clean each gold section of the sample book on its own and score it.

``dev_corpus.py`` cleans the whole book, so each section is read with the
evidence of all 72 pages: the book's own usage of a word, its run of page
numbers, its running heads. A held-out pamphlet of a few pages has none of
that. Cutting the book at the raw line ranges that the corpus README gives
for its gold sections and cleaning each cut alone measures how the rules do
on such a short text, with real OCR and real ground truth.

Usage::

    python benchmarks/sections_alone.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

from clean_scan import clean_text
from clean_scan.cli_eval import read_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_corpus import DEFAULT_CORPUS, score_book  # noqa: E402

RANGE_ROW = regex.compile(r"^\s*\|\s*(c\d\d)\s*\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|", regex.MULTILINE)
"""A row of the corpus README's table of gold sections: name, first and last raw line."""


def section_ranges(readme: str) -> dict[str, tuple[int, int]]:
    """The raw line range (1-based, inclusive) of each gold section.

    >>> section_ranges("  | c01 | 170–316 | Introduction |")
    {'c01': (170, 316)}
    """
    return {m[1]: (int(m[2]), int(m[3])) for m in RANGE_ROW.finditer(readme)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    book = args.corpus / "ussr-1942"
    lines = read_text(book / "raw.txt").splitlines(keepends=True)
    ranges = section_ranges(read_text(args.corpus / "README.md"))
    if not ranges:
        sys.exit(f"sections_alone: no table of gold sections in {args.corpus / 'README.md'}")
    print("section  gold words  raw WER  clean WER  reduction  harmed")
    edits = raw_edits = words = harmed = 0
    for name, (first, last) in sorted(ranges.items()):
        raw = "".join(lines[first - 1:last])
        result = score_book(raw, clean_text(raw).clean, [book / "gold" / f"{name}.gold.txt"])[0]
        cmp = result.comparison
        print(f"{name:7}  {cmp.hyp.gold_words:10}  {cmp.raw.wer:7.2%}  {cmp.hyp.wer:9.2%}  "
              f"{1 - cmp.hyp.word_edits / cmp.raw.word_edits:9.2%}  {cmp.harmed:6}")
        edits += cmp.hyp.word_edits
        raw_edits += cmp.raw.word_edits
        words += cmp.hyp.gold_words
        harmed += cmp.harmed
    print(f"{'overall':7}  {words:10}  {raw_edits / words:7.2%}  {edits / words:9.2%}  "
          f"{1 - edits / raw_edits:9.2%}  {harmed:6}")


if __name__ == "__main__":
    main()
