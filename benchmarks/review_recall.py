"""Review recall: how many of the errors left in the clean text a reviewer
finds by reading only the flags.

For each text with gold: clean it, align the clean words with the gold's
(the scoring of ``docs/clean-text-format.md``: whitespace tokens, quotes
folded), and count the clean text's remaining word errors (words wrong or
added; a gold word missing counts at the words beside the gap) and those of
them that fall in a flagged stretch. Prints, per text and in all: errors
left, errors flagged, recall, and flags per 1,000 clean words.

Usage::

    python benchmarks/review_recall.py            # the book's dev sections and
                                                  # the rough dev pamphlets
    python benchmarks/review_recall.py DIR ...    # NAME.raw.txt + NAME.gold.txt
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from clean_scan.decoding import read_input
from clean_scan.evaluation import tokenise
from clean_scan.evaluation.locate import locate
from clean_scan.pipeline import clean_document
from clean_scan.stage import Context

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TOKEN = regex.compile(r"\S+")


@dataclass
class Recall:
    name: str
    errors: int = 0
    flagged: int = 0
    flags: int = 0
    words: int = 0

    def add(self, other: Recall) -> None:
        self.errors += other.errors
        self.flagged += other.flagged
        self.flags += other.flags
        self.words += other.words

    def row(self) -> str:
        recall = self.flagged / self.errors if self.errors else 1.0
        per_k = 1000 * self.flags / self.words if self.words else 0.0
        return (f"{self.name:22s} {self.words:7d} {self.errors:6d} {self.flagged:7d} "
                f"{recall:7.1%} {self.flags:6d} {per_k:8.1f}")


def flagged_spans(raw: str, layout: object = None) -> tuple[str, list[tuple[int, int]]]:
    """The clean text and the clean stretches its flags stand on."""
    result, doc = clean_document(raw, context=Context(layout=layout))
    spans = []
    for flag in result.flags:
        span = doc.current_span(flag.raw_start, flag.raw_end)
        if span is not None:
            spans.append(span)
    return result.clean, spans


def measure(name: str, clean: str, spans: list[tuple[int, int]], golds: list[str]) -> Recall:
    """Recall of the flags over the errors left against each gold text
    (a gold section is located in the clean text)."""
    words = [(m.start(), m.end()) for m in TOKEN.finditer(clean)]
    tokens = tokenise(clean)
    assert len(tokens) == len(words), "tokens must be whitespace-split as the scoring does"
    flagged_word = [any(s < w_end and w_start < e or s == e and w_start <= s <= w_end
                        for s, e in spans) for w_start, w_end in words]
    out = Recall(name)
    for gold in golds:
        gold_tokens = tokenise(gold)
        start, end = locate(gold_tokens, tokens) if len(golds) > 1 else (0, len(tokens))
        hyp = tokens[start:end]
        out.words += len(hyp)
        out.flags += sum(1 for s, e in spans if words and
                         words[start][0] <= s < (words[end - 1][1] if end > start else 0))
        for op in Levenshtein.opcodes(gold_tokens, hyp):
            if op.tag == "equal":
                continue
            if op.tag == "delete":  # gold words missing: the words beside the gap
                beside = [k for k in (op.dest_start - 1, op.dest_start) if 0 <= k < len(hyp)]
                out.errors += 1
                out.flagged += any(flagged_word[start + k] for k in beside)
                continue
            for k in range(op.dest_start, op.dest_end):
                out.errors += 1
                out.flagged += flagged_word[start + k]
    return out


def book() -> list[Recall]:
    raw = (CORPUS / "ussr-1942" / "raw.txt").read_text(encoding="utf-8")
    golds = [p.read_text(encoding="utf-8")
             for p in sorted((CORPUS / "ussr-1942" / "gold").glob("*.gold.txt"))]
    clean, spans = flagged_spans(raw)
    return [measure("book dev sections", clean, spans, golds)]


SOURCES = {"txt": ".raw.txt", "hocr": ".hocr", "alto": ".alto.xml"}


def folder(path: Path, only_rough: bool, source: str = "txt") -> list[Recall]:
    """Each pamphlet of the folder, cleaned from its ``source`` export (a
    layout file's word confidences then flag too)."""
    found = []
    for raw_path in sorted(path.glob("*.raw.txt")):
        name = raw_path.name[: -len(".raw.txt")]
        if only_rough and "rough" not in name:
            continue
        gold = raw_path.with_name(f"{name}.gold.txt").read_text(encoding="utf-8")
        read = read_input(raw_path.with_name(name + SOURCES[source]))
        clean, spans = flagged_spans(read.text, read.layout)
        found.append(measure(name, clean, spans, [gold]))
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--from", dest="source", choices=sorted(SOURCES), default="txt",
                        help="clean each pamphlet from this export (default: the plain text)")
    args = parser.parse_args(argv)
    print(f"{'text':22s} {'words':>7s} {'errors':>6s} {'flagged':>7s} {'recall':>7s} "
          f"{'flags':>6s} {'per 1k':>8s}")
    groups = ([(f.name, folder(f, False, args.source)) for f in args.folders] if args.folders else
              [("book", book()),
               ("rough dev pamphlets", folder(CORPUS / "pamphlets-dev", True, args.source))])
    for title, rows in groups:
        total = Recall(f"= {title}"[:22])
        for row in rows:
            print(row.row())
            total.add(row)
        if len(rows) > 1:
            print(total.row())
    sys.stdout.flush()


if __name__ == "__main__":
    main()
