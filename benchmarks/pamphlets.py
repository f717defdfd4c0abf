"""Measure clean-scan on OCR'd pamphlets with exact gold.

Every ``NAME.raw.txt`` beside a ``NAME.gold.txt`` in the folders given (by
default ``../shared/corpus/pamphlets-dev``) is cleaned in process and scored
whole against its gold, as ``clean-text-format.md`` says (no line-end hyphens
joined: the clean text must join them itself).  Printed per pamphlet: raw
and clean word error rate, the share of errors removed, gold words fixed and
harmed, and the word edits left, by kind:

``furniture``
    extra tokens left from the page furniture (page numbers, running heads),
    known from ``NAME.pages.json`` where the renderer wrote one, else any
    extra token of no letters;
``footnote``
    edits touching a footnote, its reference, or a note's text left in the
    wrong place, and text displaced (a run of gold words found elsewhere);
``words``
    everything else: misread words, punctuation, split or glued words.

Targets (issue 11): a mild scan at least 0.85 of its errors removed with at
most 0.1% of gold words harmed; a rough one at least 0.65 and 0.3%.  A
pamphlet's level is ``NAME.pages.json``'s, or, without one, "rough" from a
raw WER of 12.5% up.

Usage::

    python benchmarks/pamphlets.py [DIR ...] [--skip-stage STAGE] [--errors N] [--json FILE]

``benchmarks/make_pamphlets.sh OUT`` makes more pamphlets to measure.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from clean_scan import clean_text
from clean_scan.decoding import read_input
from clean_scan.evaluation import compare_tokens, tokenise
from clean_scan.stage import Context

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO_ROOT.parent / "shared" / "corpus" / "pamphlets-dev"
TARGETS = {"mild": (0.85, 0.1), "rough": (0.65, 0.3)}
"""Level: (least error reduction, most words harmed in % of gold words)."""

NOTE_PARAGRAPH = re.compile(r"^\[(?:\d+|\*|†)\] ")
REFERENCE = re.compile(r"\[(?:\d+|\*|†)\]")


@dataclass
class PamphletResult:
    name: str
    level: str
    gold_words: int
    raw_wer: float
    clean_wer: float
    reduction: float | None
    fixed: int
    harmed: int
    furniture: int
    footnote: int
    words: int
    seconds: float

    @property
    def harmed_pct(self) -> float:
        return 100.0 * self.harmed / self.gold_words if self.gold_words else 0.0

    @property
    def meets_target(self) -> bool:
        least, most_harmed = TARGETS[self.level]
        return (self.reduction or 0.0) >= least and self.harmed_pct <= most_harmed


# --- attributing the edits left ----------------------------------------------------


def furniture_tokens(pages_json: Path) -> set[str]:
    """The tokens of every running head, foot and page number the pamphlet printed."""
    if not pages_json.is_file():
        return set()
    record = json.loads(pages_json.read_text(encoding="utf-8"))
    found: set[str] = set()
    for page in record.get("pages", []):
        for item in page.get("furniture", []):
            for key in ("text", "page_number"):
                found.update(tokenise(str(item.get(key, ""))))
    return found


def footnote_tokens(gold: str) -> set[str]:
    """The words of the gold's footnote paragraphs (a note left elsewhere shows them)."""
    words: set[str] = set()
    for paragraph in gold.split("\n"):
        if NOTE_PARAGRAPH.match(paragraph):
            words.update(t for t in tokenise(paragraph)[1:] if len(t) > 3)
    return words


def gold_note_flags(gold: str) -> list[bool]:
    """For each gold token, whether it belongs to a footnote or is a reference."""
    flags: list[bool] = []
    for paragraph in gold.split("\n"):
        tokens = tokenise(paragraph)
        in_note = bool(NOTE_PARAGRAPH.match(paragraph))
        flags += [in_note or bool(REFERENCE.search(t)) for t in tokens]
    return flags


def _moved(tokens: list[str], hyp_grams: set[tuple[str, ...]]) -> bool:
    """A run of gold words missing here but present elsewhere in the clean
    text: displaced, as a misplaced footnote displaces the text around it."""
    grams = list(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))
    return len(tokens) >= 8 and sum(g in hyp_grams for g in grams) >= 0.7 * len(grams)


def _is_furniture(token: str, furniture: set[str]) -> bool:
    if not any(c.isalpha() for c in token):
        return True
    return any(fuzz.ratio(token, f) >= 60 for f in furniture if len(f) > 1)


def attribute(gold: str, gold_tokens: list[str], hyp_tokens: list[str],
              furniture: set[str]) -> dict[str, int]:
    """Split the word edits left into furniture, footnote and word errors."""
    note_flags = gold_note_flags(gold)
    note_words = footnote_tokens(gold)
    kinds = {"furniture": 0, "footnote": 0, "words": 0}
    hyp_grams = set(zip(hyp_tokens, hyp_tokens[1:], hyp_tokens[2:], hyp_tokens[3:], strict=False))
    for op in Levenshtein.opcodes(gold_tokens, hyp_tokens):
        if op.tag == "equal":
            continue
        src = range(op.src_start, op.src_end)
        dest = hyp_tokens[op.dest_start:op.dest_end]
        cost = max(len(src), len(dest))
        if any(note_flags[i] for i in src if i < len(note_flags)) or (
                len(dest) >= 3 and sum(t in note_words for t in dest) >= len(dest) / 2) or (
                _moved(gold_tokens[op.src_start:op.src_end], hyp_grams)):
            kinds["footnote"] += cost
            continue
        extra = dest[len(src):]
        left = sum(_is_furniture(t, furniture) for t in extra)
        kinds["furniture"] += left
        kinds["words"] += cost - left
    return kinds


# --- running ---------------------------------------------------------------------


def level_of(raw_path: Path, raw_wer: float) -> str:
    pages = raw_path.with_name(raw_path.name.removesuffix(".raw.txt") + ".pages.json")
    if pages.is_file():
        level = json.loads(pages.read_text(encoding="utf-8")).get("level")
        if level in TARGETS:
            return level
    return "rough" if raw_wer >= 0.125 else "mild"


FORMATS = {"txt": ".raw.txt", "hocr": ".hocr", "alto": ".alto.xml"}
"""The exports a pamphlet may come in: NAME.raw.txt, NAME.hocr, NAME.alto.xml."""


def measure(raw_path: Path, skip: Sequence[str], show_errors: int,
            source: str = "txt") -> PamphletResult:
    """Clean the pamphlet from its ``source`` export (the plain text, its
    hOCR or its ALTO) and score it against its gold, the plain raw text
    the baseline."""
    name = raw_path.name.removesuffix(".raw.txt")
    raw = raw_path.read_text(encoding="utf-8")
    gold = raw_path.with_name(f"{name}.gold.txt").read_text(encoding="utf-8")
    started = time.perf_counter()
    read = read_input(raw_path.with_name(name + FORMATS[source]))
    context = Context(layout=read.layout)
    clean = clean_text(read.text, skip=skip, context=context).clean
    seconds = time.perf_counter() - started
    gold_t, raw_t, hyp_t = tokenise(gold), tokenise(raw), tokenise(clean)
    comparison = compare_tokens(gold_t, raw_t, hyp_t)
    furniture = furniture_tokens(raw_path.with_name(f"{name}.pages.json"))
    kinds = attribute(gold, gold_t, hyp_t, furniture)
    if show_errors:
        print_errors(name, gold_t, hyp_t, show_errors)
    return PamphletResult(name, level_of(raw_path, comparison.raw.wer), len(gold_t),
                          comparison.raw.wer, comparison.hyp.wer, comparison.error_reduction,
                          comparison.fixed, comparison.harmed, seconds=seconds, **kinds)


def print_errors(name: str, gold_t: list[str], hyp_t: list[str], limit: int) -> None:
    print(f"-- {name}: edits left (gold -> clean) --")
    for n, op in enumerate(o for o in Levenshtein.opcodes(gold_t, hyp_t) if o.tag != "equal"):
        if n >= limit:
            break
        before = " ".join(gold_t[max(0, op.src_start - 3):op.src_start])
        print(f"  [{before}] {' '.join(gold_t[op.src_start:op.src_end])!r} -> "
              f"{' '.join(hyp_t[op.dest_start:op.dest_end])!r}"[:240])


def pamphlets_in(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.glob("*.raw.txt"))
            if p.with_name(p.name.removesuffix(".raw.txt") + ".gold.txt").is_file()]


def print_table(folder: Path, results: list[PamphletResult]) -> None:
    print(f"== {folder} ==")
    header = (f"{'pamphlet':<20} {'level':<5} {'words':>6} {'raw WER':>8} {'clean':>7} "
              f"{'reduced':>7} {'fixed':>5} {'harmed':>12} {'furn.':>5} {'notes':>5} "
              f"{'words':>5} {'time':>6}  target")
    print(header)
    for r in results:
        reduction = "-" if r.reduction is None else f"{r.reduction:.3f}"
        least, most = TARGETS[r.level]
        print(f"{r.name:<20} {r.level:<5} {r.gold_words:>6} {r.raw_wer:>8.2%} {r.clean_wer:>7.2%} "
              f"{reduction:>7} {r.fixed:>5} {r.harmed:>4} ({r.harmed_pct:.2f}%) {r.furniture:>5} "
              f"{r.footnote:>5} {r.words:>5} {r.seconds:>5.2f}s  "
              f"{'met' if r.meets_target else 'MISSED'} (>= {least}, <= {most}%)")
    reductions = sorted(r.reduction or 0.0 for r in results)
    if reductions:
        median = reductions[len(reductions) // 2] if len(reductions) % 2 else \
            (reductions[len(reductions) // 2 - 1] + reductions[len(reductions) // 2]) / 2
        met = sum(r.meets_target for r in results)
        print(f"median reduction {median:.3f}; targets met {met} of {len(results)}")
    print()


def compare_formats(folder: Path, skip: Sequence[str]) -> None:
    """Per pamphlet, the error reduction (and words harmed) cleaning its
    plain text, its hOCR and its ALTO, each against the plain raw text."""
    print(f"== {folder}: error reduction (words harmed) by the export cleaned ==")
    print(f"{'pamphlet':<20} {'level':<5} " + " ".join(f"{k:>13}" for k in FORMATS))
    for path in pamphlets_in(folder):
        name = path.name.removesuffix(".raw.txt")
        cells, level = [], ""
        for source, suffix in FORMATS.items():
            if not path.with_name(name + suffix).is_file():
                cells.append(f"{'-':>13}")
                continue
            result = measure(path, skip, 0, source)
            level = result.level
            cells.append(f"{result.reduction or 0:>7.3f} ({result.harmed:>3})")
        print(f"{name:<20} {level:<5} " + " ".join(cells))
    print()


def main(argv: Sequence[str] | None = None) -> dict[str, list[dict]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_DIR])
    parser.add_argument("--skip-stage", action="append", default=[], metavar="STAGE")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the first N edits left in each pamphlet")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also save the figures here")
    parser.add_argument("--formats", action="store_true",
                        help="clean each pamphlet from its plain text, hOCR and ALTO "
                             "and compare the three")
    args = parser.parse_args(argv)
    if args.formats:
        for folder in args.folders:
            compare_formats(folder, args.skip_stage)
        return {}
    figures: dict[str, list[dict]] = {}
    for folder in args.folders:
        found = pamphlets_in(folder)
        if not found:
            print(f"(no NAME.raw.txt with NAME.gold.txt in {folder})\n", file=sys.stderr)
            continue
        results = [measure(path, args.skip_stage, args.errors) for path in found]
        print_table(folder, results)
        figures[str(folder)] = [asdict(r) | {"harmed_pct": r.harmed_pct,
                                             "meets_target": r.meets_target} for r in results]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
