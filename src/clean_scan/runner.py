"""Cleaning one file end to end: read, clean, render, write. Shared by the
single-file command and the batch command, so both write the same outputs."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clean_scan.decoding import read_input
from clean_scan.outputs import OutputPaths, check_writable, plan_outputs, write_atomic
from clean_scan.pipeline import Result, clean_text
from clean_scan.reports.html_report import render_html
from clean_scan.reports.json_report import build_report
from clean_scan.stage import Context


@dataclass(frozen=True)
class FileOutcome:
    input: Path
    outputs: OutputPaths
    encoding: str
    result: Result
    clean_bytes: bytes
    seconds: float


def clean_file(
    input_path: Path,
    *,
    out_dir: Path | None = None,
    clean_path: str | None = None,
    with_reports: bool = True,
    skip: Iterable[str] = (),
    context: Context | None = None,
    force: bool = False,
) -> FileOutcome:
    """Clean ``input_path`` and write its outputs; raise InputError on bad input."""
    started = time.perf_counter()
    source = read_input(input_path)
    paths = plan_outputs(input_path, out_dir, clean_path, with_reports)
    check_writable(paths, input_path, force)
    result = clean_text(source.text, skip=skip, context=context)
    clean_bytes = result.clean.encode("utf-8")
    if paths.json is not None:
        report = build_report(result, source, input_path.name)
        report["output"] = {"clean_sha256": hashlib.sha256(clean_bytes).hexdigest()}
        write_atomic(
            paths.json, (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        )
    if paths.html is not None:
        write_atomic(paths.html, render_html(result, source, input_path.name).encode("utf-8"))
    if paths.clean is not None:
        write_atomic(paths.clean, clean_bytes)
    return FileOutcome(
        input_path, paths, source.encoding, result, clean_bytes, time.perf_counter() - started
    )
