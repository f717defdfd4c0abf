"""Measure clean-scan on the development corpus in ``../shared/corpus``.

Part 1 (``ussr-1942``) cleans the book's raw OCR with the ``clean-scan`` CLI,
timing it, and scores each gold section against the output, with the raw OCR
as the baseline.  Part 2 (``overproof-dev``) cleans every newspaper article
and sets the raw OCR, Overproof's correction and ours side by side against the
ground truth, line-end hyphens joined in all of them as the corpus README asks.

``--identity`` uses the raw text as the "cleaned" text: it needs no pipeline,
so it checks locating and alignment on the real corpus, and its figures are
the baseline every real run is measured against.

Usage::

    python benchmarks/dev_corpus.py [--identity] [--clean-scan CMD]
        [--skip-stage STAGE ...] [--corpus DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clean_scan.cli_eval import SectionResult, format_table, read_text, result_row, table_rows
from clean_scan.evaluation import (
    ZERO_COMPARISON,
    Comparison,
    compare_tokens,
    join_line_hyphens,
    score_located,
    tokenise,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

Cleaner = Callable[[str], str]


# --- running the cleaner ---------------------------------------------------


def cli_base(command: str | None) -> list[str]:
    """The clean-scan command line: *command* split shell-style, or this Python's module."""
    return shlex.split(command) if command else [sys.executable, "-m", "clean_scan"]


def run_cli(base: Sequence[str], input_path: Path, skip: Sequence[str]) -> str:
    """Clean *input_path* with the CLI and return the clean text."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.clean.txt"
        args = [*base, str(input_path), "-o", str(out), "--no-report"]
        for stage in skip:
            args += ["--skip", stage]
        proc = subprocess.run(args, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.exit(f"dev_corpus: {shlex.join(args)} failed:\n{proc.stderr.strip()}")
        return out.read_text(encoding="utf-8")


def text_cleaner(command: str | None, skip: Sequence[str], identity: bool) -> Cleaner:
    """A function cleaning one text: the identity, the library, or the CLI.

    The library avoids one interpreter start per article; the CLI is used when
    a command was given explicitly or the library is not importable.
    """
    if identity:
        return lambda raw: raw
    if command is None:
        try:
            from clean_scan import clean_text
        except ImportError:
            pass
        else:
            return lambda raw: clean_text(raw, skip=skip).clean
    base = cli_base(command)

    def via_cli(raw: str) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "article.txt"
            path.write_text(raw, encoding="utf-8")
            return run_cli(base, path, skip)

    return via_cli


# --- part 1: the book ------------------------------------------------------


@dataclass
class BookRun:
    clean_seconds: float | None
    score_seconds: float
    results: list[SectionResult]


def score_book(raw_text: str, hyp_text: str, golds: Sequence[Path]) -> list[SectionResult]:
    """Locate and score every gold section in the cleaned book; last item is the total."""
    raw_tokens = tokenise(raw_text)
    hyp_tokens = tokenise(hyp_text)
    results = []
    for gold in golds:
        located = score_located(tokenise(read_text(gold)), hyp_tokens, raw_tokens)
        results.append(
            SectionResult(gold.stem.split(".")[0], located.score, located.comparison, located)
        )
    total = sum((r.comparison for r in results if r.comparison), ZERO_COMPARISON)
    results.append(SectionResult("overall", total.hyp, total))
    return results


def run_book(book_dir: Path, args: argparse.Namespace) -> BookRun:
    raw_path = book_dir / "raw.txt"
    raw_text = read_text(raw_path)
    clean_seconds = None
    if args.identity:
        hyp_text = raw_text
    else:
        started = time.perf_counter()
        hyp_text = run_cli(cli_base(args.clean_scan), raw_path, args.skip_stage)
        clean_seconds = time.perf_counter() - started
    started = time.perf_counter()
    results = score_book(raw_text, hyp_text, sorted(book_dir.glob("gold/c*.gold.txt")))
    return BookRun(clean_seconds, time.perf_counter() - started, results)


# --- part 2: the Overproof newspaper articles ------------------------------


@dataclass
class OverproofRun:
    articles: int
    clean_seconds: float
    overproof: Comparison
    ours: Comparison


def article_ids(op_dir: Path) -> list[str]:
    """IDs that have all three of raw, ground truth and Overproof output."""
    ids = sorted(p.name.removesuffix(".gt.txt") for p in op_dir.glob("*.gt.txt"))
    return [
        i for i in ids if (op_dir / f"{i}.raw.txt").is_file() and (op_dir / f"{i}.op.txt").is_file()
    ]


def run_overproof(op_dir: Path, cleaner: Cleaner) -> OverproofRun:
    """Score raw, Overproof and our output per article (whole documents) and sum."""
    overproof = ours = ZERO_COMPARISON
    clean_seconds = 0.0
    ids = article_ids(op_dir)
    for article in ids:
        raw = read_text(op_dir / f"{article}.raw.txt")
        started = time.perf_counter()
        cleaned = cleaner(raw)
        clean_seconds += time.perf_counter() - started
        gold_t, raw_t, op_t, ours_t = (
            tokenise(join_line_hyphens(t))
            for t in (
                read_text(op_dir / f"{article}.gt.txt"),
                raw,
                read_text(op_dir / f"{article}.op.txt"),
                cleaned,
            )
        )
        overproof += compare_tokens(gold_t, raw_t, op_t)
        ours += compare_tokens(gold_t, raw_t, ours_t)
    return OverproofRun(len(ids), clean_seconds, overproof, ours)


def overproof_rows(run: OverproofRun) -> list[tuple[str, SectionResult]]:
    raw_row = Comparison(run.ours.raw, run.ours.raw, 0, 0)
    return [
        ("raw OCR", SectionResult("raw OCR", raw_row.hyp, raw_row)),
        ("Overproof", SectionResult("Overproof", run.overproof.hyp, run.overproof)),
        ("clean-scan", SectionResult("clean-scan", run.ours.hyp, run.ours)),
    ]


# --- reporting -------------------------------------------------------------


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def print_book(run: BookRun) -> None:
    print("== ussr-1942: gold sections located in the whole book ==")
    print(f"clean: {_seconds(run.clean_seconds)}, scoring: {_seconds(run.score_seconds)}")
    print(format_table(*table_rows(run.results)))
    print()


def print_overproof(run: OverproofRun) -> None:
    print(f"== overproof-dev: {run.articles} articles, line-end hyphens joined ==")
    print(f"clean: {_seconds(run.clean_seconds)}")
    headers, rows = table_rows([result for _, result in overproof_rows(run)])
    headers[0] = "system"
    print(format_table(headers, rows))
    print()


def book_json(run: BookRun) -> dict[str, Any]:
    return {
        "clean_seconds": run.clean_seconds,
        "score_seconds": run.score_seconds,
        "sections": [result_row(r) for r in run.results[:-1]],
        "overall": result_row(run.results[-1]),
    }


def overproof_json(run: OverproofRun) -> dict[str, Any]:
    return {
        "articles": run.articles,
        "clean_seconds": run.clean_seconds,
        "systems": {name: result_row(r) for name, r in overproof_rows(run)},
    }


# --- entry point -----------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--clean-scan",
        metavar="CMD",
        help="clean-scan command line (default: python -m clean_scan)",
    )
    parser.add_argument(
        "--skip-stage",
        metavar="STAGE",
        action="append",
        default=[],
        help="pass --skip STAGE to the cleaner (repeatable)",
    )
    parser.add_argument(
        "--identity",
        action="store_true",
        help="score the raw text as if it were the cleaned output",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"corpus directory (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also save the figures here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run both parts (each skipped when its data is absent); return the figures."""
    args = parse_args(argv)
    figures: dict[str, Any] = {"identity": args.identity, "skip": args.skip_stage}
    book_dir = args.corpus / "ussr-1942"
    if (book_dir / "raw.txt").is_file():
        book = run_book(book_dir, args)
        print_book(book)
        figures["ussr-1942"] = book_json(book)
    else:
        print(f"(skipped ussr-1942: {book_dir} not found)\n")
    op_dir = args.corpus / "overproof-dev"
    if op_dir.is_dir() and article_ids(op_dir):
        cleaner = text_cleaner(args.clean_scan, args.skip_stage, args.identity)
        overproof = run_overproof(op_dir, cleaner)
        print_overproof(overproof)
        figures["overproof-dev"] = overproof_json(overproof)
    else:
        print(f"(skipped overproof-dev: {op_dir} not found)\n")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
