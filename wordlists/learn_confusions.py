"""Learn the OCR confusion model from aligned OCR and ground truth.

Run it again with::

    python wordlists/learn_confusions.py [--corpus ../shared/corpus]

It reads the Overproof newspaper articles (``overproof-dev/ID.raw.txt``
against ``ID.gt.txt``), the dev sections of the ``ussr-1942`` book (raw
lines against ``gold/cNN.gold.txt``) and the dev pamphlets that Tesseract
read (``pamphlets-dev/NAME.raw.txt`` against ``NAME.gold.txt``): three
engines' ways of failing, so that no one export's quirks make the model. Line-end
hyphens are joined first, as the corpus README asks. Words are aligned with
Levenshtein opcodes over token lists; within each substituted word pair the
characters are aligned again and each run of differing characters becomes
one substitution of 0-2 printed characters by 0-2 OCR characters (``m`` read
as ``rn``, ``h`` as ``li``). No word pair is kept: only how often a printed
character n-gram was read as another, so the model describes how OCR fails
and knows nothing of the words of the texts.

Output: ``src/clean_scan/data/confusions.tsv``, one line per substitution:
``ocr<TAB>printed<TAB>cost<TAB>count`` with ``cost = -ln P(ocr | printed)``
(add-one smoothed), cheapest first; ``_`` stands for nothing.
"""

from __future__ import annotations

import argparse
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from clean_scan.confusion import differing_runs

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "clean_scan" / "data"
CORPUS = HERE.parent.parent / "shared" / "corpus"

BOOK_SECTIONS = {"c00": (1, 169), "c01": (170, 316), "c02": (317, 677), "c04": (1132, 1465),
                 "c06": (1715, 2063), "c08": (2294, 2584), "c10": (2871, 3152)}
"""Raw line ranges of the book's dev sections (from the corpus README)."""

MIN_COUNT = 2
"""A substitution seen once is as likely a quirk as a pattern."""

MAX_SIDE = 2
PRIOR_COST = 5.0
"""Cost given to a classic confusion of ``supplement/ocr-confusions.txt`` that
the corpus shows rarely or never: about that of ``c`` read for ``e``."""
PRIORS = HERE / "supplement" / "ocr-confusions.txt"
LINE_END_HYPHEN = regex.compile(r"(?<=\p{L})[-¬][ \t]*\n[ \t]*(?=\p{L})")
EDGE_PUNCT = regex.compile(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", LINE_END_HYPHEN.sub("", text))
    return [EDGE_PUNCT.sub("", t) for t in text.split()]


def word_pairs(gold: list[str], ocr: list[str]) -> Iterator[tuple[str, str]]:
    """(printed, ocr) pairs of one-to-one aligned words, equal ones included."""
    for op in Levenshtein.opcodes(gold, ocr):
        if op.tag == "equal":
            yield from ((w, w) for w in gold[op.src_start:op.src_end])
        elif op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start:
            yield from zip(gold[op.src_start:op.src_end], ocr[op.dest_start:op.dest_end],
                           strict=True)


def plausible_pair(printed: str, ocr: str) -> bool:
    """Pairs worth learning from: letters printed, and not a different word."""
    if not printed or not regex.fullmatch(r"\p{L}+", printed):
        return False
    return Levenshtein.normalized_distance(printed, ocr) <= 0.5


def ngram_counts(word: str) -> Iterator[str]:
    for size in (1, 2):
        for i in range(len(word) - size + 1):
            yield word[i:i + size]


def learn(pairs: Iterable[tuple[str, str]]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Count substitutions and, for normalising, every printed n-gram."""
    subs: Counter[tuple[str, str]] = Counter()
    seen: Counter[str] = Counter()
    for printed, ocr in pairs:
        if not plausible_pair(printed, ocr):
            continue
        seen.update(ngram_counts(printed))
        seen[""] += len(printed) + 1
        if printed == ocr:
            continue
        for src, dst in differing_runs(printed, ocr):
            if len(src) <= MAX_SIDE and len(dst) <= MAX_SIDE:
                subs[(src, dst)] += 1
    return subs, seen


def newspaper_pairs(folder: Path) -> Iterator[tuple[str, str]]:
    for gt_path in sorted(folder.glob("*.gt.txt")):
        raw_path = gt_path.with_name(gt_path.name.replace(".gt.", ".raw."))
        yield from word_pairs(tokens(gt_path.read_text(encoding="utf-8")),
                              tokens(raw_path.read_text(encoding="utf-8")))


def book_pairs(folder: Path) -> Iterator[tuple[str, str]]:
    raw_lines = (folder / "raw.txt").read_text(encoding="utf-8").split("\n")
    for name, (first, last) in BOOK_SECTIONS.items():
        gold = folder / "gold" / f"{name}.gold.txt"
        if gold.exists():
            raw = "\n".join(raw_lines[first - 1:last])
            yield from word_pairs(tokens(gold.read_text(encoding="utf-8")), tokens(raw))


def pamphlet_pairs(folder: Path) -> Iterator[tuple[str, str]]:
    for gold_path in sorted(folder.glob("*.gold.txt")):
        raw_path = gold_path.with_name(gold_path.name.replace(".gold.", ".raw."))
        if raw_path.exists():
            yield from word_pairs(tokens(gold_path.read_text(encoding="utf-8")),
                                  tokens(raw_path.read_text(encoding="utf-8")))


def read_priors(path: Path) -> Iterator[tuple[str, str]]:
    """(printed, ocr) pairs of the hand list of classic confusions."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ocr, printed = line.split("\t")
            yield printed, ocr


def corpus_costs(subs: Counter[tuple[str, str]],
                 seen: Counter[str]) -> dict[tuple[str, str], tuple[float, int]]:
    """``-ln P(ocr | printed)`` of each substitution one corpus shows often enough."""
    return {(src, dst): (-math.log((count + 1) / (seen[src] + 2)), count)
            for (src, dst), count in subs.items() if count >= MIN_COUNT}


def merged_costs(per_corpus: Iterable[dict[tuple[str, str], tuple[float, int]]]
                 ) -> dict[tuple[str, str], tuple[float, int]]:
    """Each substitution at the cost of the engine that makes it most
    often: one engine's habit (Tesseract reading ``s`` as ``y``) is not
    diluted by another's clean reading of the same letters, and no corpus's
    size outweighs another's. Counts are summed."""
    merged: dict[tuple[str, str], tuple[float, int]] = {}
    for costs in per_corpus:
        for pair, (cost, count) in costs.items():
            old_cost, old_count = merged.get(pair, (math.inf, 0))
            merged[pair] = (min(cost, old_cost), old_count + count)
    return merged


def write_model(path: Path, costs: dict[tuple[str, str], tuple[float, int]],
                subs: Counter[tuple[str, str]], priors: Iterable[tuple[str, str]] = ()) -> int:
    costs = dict(costs)
    for pair in priors:
        cost, count = costs.get(pair, (PRIOR_COST, subs[pair]))
        costs[pair] = (min(cost, PRIOR_COST), count)
    rows = [(round(cost, 3), dst or "_", src or "_", count)
            for (src, dst), (cost, count) in costs.items()]
    rows.sort()
    path.write_text("".join(f"{o}\t{p}\t{c}\t{n}\n" for c, o, p, n in rows), encoding="utf-8")
    return len(rows)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=DATA / "confusions.tsv")
    args = parser.parse_args(list(argv) if argv is not None else None)
    corpora = [list(newspaper_pairs(args.corpus / "overproof-dev")),
               list(book_pairs(args.corpus / "ussr-1942")),
               list(pamphlet_pairs(args.corpus / "pamphlets-dev"))]
    learned = [learn(pairs) for pairs in corpora]
    costs = merged_costs(corpus_costs(subs, seen) for subs, seen in learned)
    all_subs = sum((subs for subs, _ in learned), Counter())
    n = write_model(args.out, costs, all_subs, read_priors(PRIORS))
    print(f"learned {n} substitutions from {sum(map(len, corpora))} aligned words")


if __name__ == "__main__":
    main()
