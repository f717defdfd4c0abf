"""``clean-scan adopt``: keep a person's hand edits of a clean text.

The edits become ``replace`` decisions in ``STEM.review.json`` beside the
report (added to those there already), which every later run applies; so
the clean text and its report stay one, and ``restore`` stays exact.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import click

from clean_scan.decoding import InputError, read_input
from clean_scan.outputs import write_atomic
from clean_scan.pipeline import STAGE_NAMES, clean_document
from clean_scan.reports.json_report import SCHEMA
from clean_scan.review.adopt import replace_decisions
from clean_scan.review.decisions import Decisions, read_decisions
from clean_scan.review.words import DEFAULT_NAME as DEFAULT_WORDS
from clean_scan.runner import with_review
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE, Context


@click.command("adopt")
@click.argument("edited_path", metavar="EDITED", type=click.Path(path_type=Path))
@click.argument("report_path", metavar="REPORT.json", type=click.Path(path_type=Path))
@click.option("--input", "input_path", type=click.Path(path_type=Path),
              help="The raw input (default: the file the report names, beside the report).")
@click.option("--words", "words_file", type=click.Path(path_type=Path),
              help="The project word list the run used (default: clean-scan.words beside "
              "the input).")
def adopt_command(edited_path: Path, report_path: Path, input_path: Path | None,
                  words_file: Path | None) -> None:
    """Record the differences between EDITED, a hand-edited clean text, and
    the clean text REPORT.json describes, as decisions the next run applies."""
    from clean_scan.cli import one_line_errors

    with one_line_errors("write the decisions"):
        saved, count = adopt(edited_path, report_path, input_path, words_file)
    click.echo(f"recorded {count} hand edits as decisions in {saved}; "
               "clean the input again to apply them", err=True)


def adopt(edited_path: Path, report_path: Path, input_path: Path | None,
          words_file: Path | None) -> tuple[Path, int]:
    """Write the decisions; returns where, and how many were added."""
    report = _read_report(report_path)
    stem = report_path.name.removesuffix(".report.json")
    input_path = input_path or report_path.parent / report["input"]["name"]
    source = read_input(input_path)
    if source.sha256 != report["input"]["sha256"]:
        raise InputError(f"{input_path}: not the input {report_path} was made from")
    decisions_path = report_path.parent / f"{stem}.review.json"
    existing = read_decisions(decisions_path, source.sha256) if decisions_path.is_file() else None
    words_path = words_file or input_path.parent / DEFAULT_WORDS
    options = report.get("options", {})
    context = Context(min_confidence=float(options.get("min_confidence", DEFAULT_MIN_CONFIDENCE)))
    context, _ = with_review(context, source, decisions_path if existing else None, words_path)
    ran = {stage["name"] for stage in report.get("stages", [])}
    result, doc = clean_document(source.text, skip=[s for s in STAGE_NAMES if s not in ran],
                                 context=context)
    expected = report.get("output", {}).get("clean_sha256")
    if hashlib.sha256(result.clean.encode("utf-8")).hexdigest() != expected:
        raise InputError(f"{report_path}: cleaning {input_path} again does not give the clean "
                         "text this report describes (were the options, the word list or "
                         "clean-scan changed?)")
    edited = _read_exact(edited_path)
    new = replace_decisions(doc, edited)
    kept = existing.decisions if existing else ()
    decisions = Decisions(source.sha256, (*kept, *new))
    write_atomic(decisions_path,
                 (json.dumps(decisions.to_json(), ensure_ascii=False, indent=1) + "\n").encode())
    return decisions_path, len(new)


def _read_report(path: Path) -> dict[str, Any]:
    try:
        report = json.loads(_read_exact(path))
    except ValueError:
        raise InputError(f"{path}: not a clean-scan JSON report") from None
    if not isinstance(report, dict) or report.get("schema") != SCHEMA or \
            not isinstance(report.get("input"), dict):
        raise InputError(f"{path}: not a clean-scan JSON report")
    return report


def _read_exact(path: Path) -> str:
    from clean_scan.cli import read_text_exact

    return read_text_exact(path)


@click.command("review")
@click.argument("report_path", metavar="REPORT.json", type=click.Path(path_type=Path))
@click.option("--no-browser", is_flag=True, help="Print the address; do not open a browser.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="The port on 127.0.0.1 (0: any free one).")
def review_command(report_path: Path, no_browser: bool, port: int) -> None:
    """Serve REPORT.json as a review page on 127.0.0.1; each decision is saved
    to STEM.review.json the moment it is made."""
    from clean_scan.cli import one_line_errors
    from clean_scan.review.server import serve

    with one_line_errors("serve the review page"):
        serve(report_path, open_browser=not no_browser, port=port)
