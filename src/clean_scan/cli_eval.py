"""``clean-scan eval``: score a cleaned text against one or more gold files.

Each gold file is located in the hypothesis (and in the raw OCR, with
``--raw``), so gold for a few sections can be scored against a whole book.
Totals are computed from summed edit counts, never from averaged ratios.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from clean_scan.decoding import InputError, read_regular_file
from clean_scan.evaluation.diff import word_differences
from clean_scan.evaluation.locate import LocatedScore
from clean_scan.evaluation.metrics import (
    ZERO_COMPARISON,
    ZERO_SCORE,
    Comparison,
    Score,
    compare_tokens,
    score_tokens,
)
from clean_scan.evaluation.normalise import join_line_hyphens, tokenise
from clean_scan.evaluation.runs import located_runs

__all__ = [
    "EvalError",
    "SectionResult",
    "eval_command",
    "evaluate",
    "format_table",
    "read_text",
    "result_row",
    "table_rows",
]

ERROR_PREFIX = "clean-scan: error: "


class EvalError(Exception):
    """A user-facing problem with the inputs; reported in one line, exit code 2."""


@dataclass(frozen=True)
class SectionResult:
    """One gold file's figures; ``located`` is None for the overall total."""

    name: str
    score: Score
    comparison: Comparison | None
    located: LocatedScore | None = None


def read_text(path: Path, *, join_hyphens: bool = False) -> str:
    """Read *path* as UTF-8 (a leading BOM is dropped), raising :class:`EvalError`."""
    try:
        data = read_regular_file(path)
    except InputError as exc:
        raise EvalError(str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path} is not valid UTF-8 (byte offset {exc.start})") from None
    return join_line_hyphens(text) if join_hyphens else text


def _read_tokens(path: Path, join_hyphens: bool) -> list[str]:
    return tokenise(read_text(path, join_hyphens=join_hyphens))


NOT_FOUND_WER = 0.9
"""A gold section scored this badly was not found in the text (a gold
absent from it scores over 100%, arguments swapped about 99%): the figures
say nothing, and the command says so and exits 1."""


def evaluate(
    hyp: Path, golds: Sequence[Path], raw: Path | None = None, *, join_hyphens: bool = False
) -> list[SectionResult]:
    """Score every gold file against *hyp*; the last result is the overall total."""
    hyp_tokens = _read_tokens(hyp, join_hyphens)
    raw_tokens = _read_tokens(raw, join_hyphens) if raw is not None else None
    results = []
    for gold in golds:
        paragraphs = [tokenise(p) for p in read_text(gold, join_hyphens=join_hyphens)
                      .split("\n\n")]
        gold_tokens = [token for paragraph in paragraphs for token in paragraph]
        if not gold_tokens:
            raise EvalError(f"gold file is empty: {gold}")
        located = _score_runs(paragraphs, gold_tokens, hyp_tokens, raw_tokens)
        results.append(SectionResult(str(gold), located.score, located.comparison, located))
    results.append(_total(results, with_raw=raw_tokens is not None))
    return results


def _score_runs(paragraphs: list[list[str]], gold: list[str], hyp: list[str],
                raw: list[str] | None) -> LocatedScore:
    """The gold located run by run (:func:`located_runs`: one run unless its
    paragraphs stand apart in the text) and scored against those spans."""
    runs = located_runs(paragraphs, hyp)
    scored = tuple(token for run in runs for token in hyp[run.span[0]:run.span[1]])
    span = (runs[0].span[0], runs[-1].span[1])
    spans = tuple(run.span for run in runs) if len(runs) > 1 else ()
    if raw is None:
        return LocatedScore(span, None, score_tokens(gold, scored), None, spans, scored)
    raw_runs = located_runs(paragraphs, raw)
    raw_scored = [token for run in raw_runs for token in raw[run.span[0]:run.span[1]]]
    comparison = compare_tokens(gold, raw_scored, list(scored))
    return LocatedScore(span, (raw_runs[0].span[0], raw_runs[-1].span[1]), comparison.hyp,
                        comparison, spans, scored)


def _total(results: Sequence[SectionResult], *, with_raw: bool) -> SectionResult:
    score = sum((r.score for r in results), ZERO_SCORE)
    if not with_raw:
        return SectionResult("overall", score, None)
    comparison = sum((r.comparison for r in results if r.comparison), ZERO_COMPARISON)
    return SectionResult("overall", score, comparison)


def result_row(result: SectionResult) -> dict[str, Any]:
    """Figures of one result as a JSON-ready dict (ratios as fractions, not percent)."""
    score = result.score
    row: dict[str, Any] = {
        "gold": result.name,
        "gold_words": score.gold_words,
        "gold_chars": score.gold_chars,
        "word_edits": score.word_edits,
        "char_edits": score.char_edits,
        "bow_edits": score.bow_edits,
        "wer": score.wer,
        "cer": score.cer,
        "bow_error": score.bow_error,
    }
    if result.located is not None:
        row["span"] = list(result.located.span)
        if result.located.raw_span is not None:
            row["raw_span"] = list(result.located.raw_span)
        if result.located.runs:
            row["runs"] = [list(span) for span in result.located.runs]
    if result.comparison is not None:
        comp = result.comparison
        row |= {
            "raw_word_edits": comp.raw.word_edits,
            "raw_wer": comp.raw.wer,
            "raw_cer": comp.raw.cer,
            "error_reduction": comp.error_reduction,
            "fixed": comp.fixed,
            "harmed": comp.harmed,
            "harmed_pct": comp.harmed_pct,
        }
    return row


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.2f}%"


def table_rows(results: Sequence[SectionResult]) -> tuple[list[str], list[list[str]]]:
    """Headers and formatted cells of the human-readable report."""
    with_raw = any(r.comparison is not None for r in results)
    headers = ["gold", "words", "WER", "CER", "BoW"]
    if with_raw:
        headers += ["raw WER", "reduction", "fixed", "harmed", "harmed %"]
    rows = []
    for r in results:
        cells = [r.name, str(r.score.gold_words), _pct(r.score.wer), _pct(r.score.cer)]
        cells.append(_pct(r.score.bow_error))
        if r.comparison is not None:
            c = r.comparison
            cells += [_pct(c.raw.wer), _pct(c.error_reduction), str(c.fixed), str(c.harmed)]
            cells.append(f"{c.harmed_pct:.2f}%")
        rows.append(cells)
    return headers, rows


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Plain-text table: first column left-aligned, the numbers right-aligned."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        rest = (str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


@click.command("eval")
@click.argument("hyp", type=click.Path(path_type=Path))
@click.argument(
    "golds", metavar="GOLD...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--raw", type=click.Path(path_type=Path), help="Raw OCR the hypothesis came from.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Also list, per gold file, the words that differ.")
@click.option(
    "--join-hyphens",
    is_flag=True,
    help="Join line-end hyphens (word-\\nword -> wordword) in all inputs first.",
)
def eval_command(
    hyp: Path, golds: tuple[Path, ...], raw: Path | None, as_json: bool, show_diff: bool,
    join_hyphens: bool,
) -> None:
    """Score HYP against each GOLD file (located within HYP) and in total."""
    try:
        results = evaluate(hyp, golds, raw, join_hyphens=join_hyphens)
    except EvalError as exc:
        click.echo(ERROR_PREFIX + str(exc), err=True)
        raise SystemExit(2) from None
    if as_json:
        payload = {
            "hyp": str(hyp),
            "raw": None if raw is None else str(raw),
            "sections": [result_row(r) for r in results[:-1]],
            "overall": result_row(results[-1]),
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(*table_rows(results)))
    if show_diff and not as_json:
        for gold, result in zip(golds, results[:-1], strict=True):
            located = result.located
            gold_tokens = _read_tokens(gold, join_hyphens)
            lines = word_differences(gold_tokens, located.hyp_tokens if located else ())
            click.echo(f"\n{result.name}: {len(lines)} stretches differ")
            for line in lines:
                click.echo(f"  {line}")
    lost = [r for r in results[:-1] if r.score.wer >= NOT_FOUND_WER]
    for result in lost:
        click.echo(f"clean-scan: warning: {result.name} was not found in {hyp} "
                   f"(WER {result.score.wer:.0%}); are the files the right ones, in the "
                   "right order (HYP first)?", err=True)
    if lost:
        raise SystemExit(1)
