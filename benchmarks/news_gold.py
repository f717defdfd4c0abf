"""Gold texts for pamphlets typeset from words the sample book never prints.

Every pamphlet ``make_pamphlets.sh`` makes without ``FRESH_TEXT_DIR`` is
typeset from the sample book's own gold, so its vocabulary, names and house
style are the dev pamphlets'.  This turns the prose articles of the Overproof
newspaper ground truth (``../shared/corpus/overproof-dev/ID.gt.txt``:
Australian newspapers of the 1840s–1950s, printed as column lines) into gold
files in the clean-text format, so the renderer can typeset them as
pamphlets: other words, other names, other punctuation habits.

The conversion is mechanical, and the gold is exact by construction (the
renderer typesets from it):

* an article's first line, when it is set in capitals, is a heading of its
  own; the rest is joined into paragraphs of about ``PARAGRAPH_WORDS``
  words, broken after a sentence's end;
* a column line ending in a hyphen after a small letter, with a small letter
  opening the next, is a word split at the line end and joined without it
  (``Thorns-`` / ``hope``); any other hyphen stays;
* a space before a closing mark or after an opening one, which these
  papers' compositors set and the clean-text format does not, is taken out
  (``objected to ;`` is ``objected to;``), and so are the spaces the
  papers' transcribers left on one side of a dash (``scant —where``), and
  a word run onto ``:-`` gets the space these papers set there
  (``completed:- Telegraph``);
* articles that are mostly figures (shipping lists, sale lots, tables) are
  left out, and so are short ones.

Usage::

    python benchmarks/news_gold.py OUT [--words N] [--count K] [--short]

writes ``OUT/news1.gold.txt`` … ``OUT/newsK.gold.txt``, each about ``N``
words of whole articles in the order of their ids; ``--short`` writes
``OUT/short1.gold.txt`` … from the shorter articles the others leave out.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "overproof-dev"
PARAGRAPH_WORDS = 120
MIN_WORDS = 250
MIN_SHORT = 100
MAX_FIGURE_SHARE = 0.03
SPLIT_AT_LINE_END = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
SPACE_BEFORE_MARK = re.compile(r" +(?=[,.;:!?)\]])")
SPACE_AFTER_MARK = re.compile(r"(?<=[(\[]) +")
SPACED_DASH = re.compile(r" *— *")
RUN_ON = re.compile(r":-(?=\w)")
SENTENCE_END = re.compile(r"(?<=[a-z][.!?]) (?=[A-Z])")


def is_heading(line: str) -> bool:
    """A first line set in capitals (``MUNICIPAL COUNCIL.``)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(line.split()) <= 8


def paragraphs(body: str) -> list[str]:
    """The body's sentences gathered into paragraphs of about
    ``PARAGRAPH_WORDS`` words."""
    out, current = [], []
    for sentence in SENTENCE_END.split(body):
        current.append(sentence)
        if sum(len(s.split()) for s in current) >= PARAGRAPH_WORDS:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def article(text: str, sizes: range) -> list[str] | None:
    """The article as clean-text paragraphs, or None for one left out (of
    a number of words outside ``sizes``, or mostly figures)."""
    words = text.split()
    if len(words) not in sizes:
        return None
    if sum(any(c.isdigit() for c in w) for w in words) / len(words) > MAX_FIGURE_SHARE:
        return None
    lines = text.strip("\n").split("\n")
    head = [lines.pop(0).strip()] if is_heading(lines[0]) else []
    body = SPLIT_AT_LINE_END.sub("", "\n".join(lines))
    body = re.sub(r"\s+", " ", body).strip()
    body = SPACE_AFTER_MARK.sub("", SPACE_BEFORE_MARK.sub("", body))
    body = RUN_ON.sub(":- ", SPACED_DASH.sub("—", body))
    return head + paragraphs(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=2500)
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--short", action="store_true",
                        help=f"only the articles of {MIN_SHORT} to {MIN_WORDS - 1} words, "
                             "which the default leaves out: texts no default gold file holds")
    args = parser.parse_args()
    sizes = range(MIN_SHORT, MIN_WORDS) if args.short else range(MIN_WORDS, 10**9)
    prefix = "short" if args.short else "news"
    args.out.mkdir(parents=True, exist_ok=True)
    made, current, size = 0, [], 0
    for path in sorted(CORPUS.glob("*.gt.txt")):
        found = article(path.read_text(encoding="utf-8"), sizes)
        if found is None:
            continue
        current += found
        size += sum(len(p.split()) for p in found)
        if size >= args.words:
            made += 1
            (args.out / f"{prefix}{made}.gold.txt").write_text("\n\n".join(current) + "\n", "utf-8")
            current, size = [], 0
            if made == args.count:
                break
    print(f"{made} gold texts in {args.out}")


if __name__ == "__main__":
    main()
