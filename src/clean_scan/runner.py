"""Cleaning one file end to end: read, clean, render, write. Shared by the
single-file command and the batch command, so both write the same outputs.

A large input (see ``segments``) is cleaned a page run at a time and its JSON
report written as it goes, so memory stays a few times the input's size.
"""

from __future__ import annotations

import hashlib
import html
import time
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from clean_scan.decoding import DecodedInput, read_input
from clean_scan.outputs import (
    HTML_GENERATOR_TAG,
    OutputPaths,
    atomic_file,
    check_writable,
    plan_outputs,
    write_atomic,
)
from clean_scan.pipeline import Result, clean_text
from clean_scan.reports.html_report import render_html
from clean_scan.reports.json_report import report_json
from clean_scan.segments import clean_segmented, needs_segments
from clean_scan.stage import Context


@dataclass(frozen=True)
class FileOutcome:
    """What cleaning one file did. ``result`` (the full edit log) is kept only
    for inputs cleaned whole, and ``clean_bytes`` for a large input only when
    the clean text went to standard output; the counts are there for every
    input."""

    input: Path
    outputs: OutputPaths
    encoding: str
    result: Result | None
    clean_bytes: bytes
    seconds: float
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    edit_count: int = 0
    flag_count: int = 0
    changed_chars: int = 0
    raw_chars: int = 0
    segments: int = 1


def clean_file(input_path: Path, *, out_dir: Path | None = None, clean_path: str | None = None,
               with_reports: bool = True, skip: Iterable[str] = (),
               context: Context | None = None, force: bool = False) -> FileOutcome:
    """Clean ``input_path`` and write its outputs; raise InputError on bad input."""
    started = time.perf_counter()
    source = read_input(input_path)
    paths = plan_outputs(input_path, out_dir, clean_path, with_reports)
    check_writable(paths, input_path, force)
    if needs_segments(source.text):
        return _clean_large(input_path, source, paths, skip, context, started)
    result = clean_text(source.text, skip=skip, context=context)
    clean_bytes = result.clean.encode("utf-8")
    if paths.json is not None:
        options = (context or Context()).recorded_options()
        output = {"clean_sha256": hashlib.sha256(clean_bytes).hexdigest()}
        report = report_json(result, source, input_path.name, options, output)
        write_atomic(paths.json, report.encode("utf-8"))
    if paths.html is not None:
        write_atomic(paths.html, render_html(result, source, input_path.name).encode("utf-8"))
    if paths.clean is not None:
        write_atomic(paths.clean, clean_bytes)
    changed = sum([max(end - start, len(raw)) for start, end, raw in result.hunks])
    return FileOutcome(input_path, paths, source.encoding, result, clean_bytes,
                       time.perf_counter() - started, result.counts_by_stage(),
                       len(result.edits), len(result.flags), changed, len(source.text))


def _clean_large(input_path: Path, source: DecodedInput, paths: OutputPaths,
                 skip: Iterable[str], context: Context | None, started: float) -> FileOutcome:
    """The same three outputs for an input cleaned in segments, each written
    as it is made; the clean text is kept in memory only for standard output."""
    name = input_path.name
    with ExitStack() as stack:
        report = stack.enter_context(atomic_file(paths.json)) if paths.json else None
        clean_out = stack.enter_context(atomic_file(paths.clean)) if paths.clean else None
        run = clean_segmented(source, name, report, clean_out=clean_out, skip=skip,
                              context=context)
        if paths.html is not None:
            write_atomic(paths.html, _large_input_html(name, source, paths, run.edit_count,
                                                       run.flag_count, run.segments))
    clean_bytes = b"".join(run.clean_parts)
    run.clean_parts.clear()
    return FileOutcome(input_path, paths, source.encoding, None, clean_bytes,
                       time.perf_counter() - started, run.counts, run.edit_count,
                       run.flag_count, run.changed_chars, len(source.text), run.segments)


def _large_input_html(name: str, source: DecodedInput, paths: OutputPaths, edits: int,
                      flags: int, segments: int) -> bytes:
    """A short page in place of the edit-by-edit view, which for an input of
    tens of megabytes would be too large to render or to open in a browser."""
    report = html.escape(paths.json.name) if paths.json is not None else ""
    body = (f"<h1>clean-scan report: {html.escape(name)}</h1>"
            f"<p>This input ({source.size / 1e6:.1f} MB, read as {html.escape(source.encoding)})"
            f" was cleaned in {segments} segments, cut at page breaks. It is too large for "
            f"the edit-by-edit view; its {edits} edits and {flags} flags are listed in the "
            f"JSON report <a href=\"{report}\">{report}</a>.</p>")
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"{HTML_GENERATOR_TAG}<title>clean-scan report: {html.escape(name)}</title>"
            f"</head><body>{body}</body></html>\n").encode()
