"""Cleaning one file end to end: read, clean, render, write. Shared by the
single-file command and the batch command, so both write the same outputs.

A large input (see ``segments``) is cleaned a page run at a time and its JSON
report written as it goes, so memory stays a few times the input's size.
"""

from __future__ import annotations

import gc
import hashlib
import html
import time
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from clean_scan.decoding import (
    MAX_INPUT_BYTES,
    STRAY_BYTE,
    DecodedInput,
    InputError,
    has_stray_bytes,
    read_input,
)
from clean_scan.document import Document
from clean_scan.outputs import (
    HTML_GENERATOR_TAG,
    LAYOUT_EXTENSIONS,
    OutputPaths,
    atomic_file,
    check_writable,
    layout_path,
    plan_outputs,
    write_all_atomic,
    write_atomic,
)
from clean_scan.pipeline import Result, clean_document
from clean_scan.reports.html_report import render_html
from clean_scan.reports.json_report import report_json
from clean_scan.review.apply import Review
from clean_scan.review.decisions import Decisions, read_decisions
from clean_scan.review.words import WordList, add_to_word_list, read_word_list
from clean_scan.segments import clean_segmented, needs_segments
from clean_scan.stage import Context


def _shown(page: str) -> str:
    """The HTML report with each stray byte of the input or of its file name
    (a lone surrogate) shown as the replacement character."""
    return STRAY_BYTE.sub("\ufffd", page) if has_stray_bytes(page) else page
JSON_STRAY = "backslashreplace"
"""A stray byte of the input goes into the JSON report as the escape
``\\udcXX``, which JSON reads back as the same lone surrogate (restore
turns it into the byte)."""


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
    review: ReviewOutcome | None = None


@dataclass(frozen=True)
class ReviewOutcome:
    """What became of a reviewer's decisions and what was learned."""

    decisions: Path | None
    applied: int
    stale: list[str]
    words_file: Path | None
    learned: int


GC_THRESHOLD = 20_000
"""Allocations between two young-generation collections in a command's run
(Python's default is 700)."""


def collect_rarely() -> None:
    """Let the garbage collector run less often, for a command's whole run.
    Cleaning a text makes millions of short-lived strings and tuples and
    next to no reference cycles, so at the default threshold the collector
    runs thousands of times and finds nothing; on the newspaper articles
    that cost about 5% of the time. The few cycles made are freed a little
    later instead (a few megabytes at most). Not done for library callers
    of :func:`clean_text`, whose process is their own."""
    gc.set_threshold(GC_THRESHOLD, 50, 100)


def clean_file(input_path: Path, *, out_dir: Path | None = None, clean_path: str | None = None,
               with_reports: bool = True, skip: Iterable[str] = (),
               context: Context | None = None, force: bool = False,
               review_path: Path | None = None, words_path: Path | None = None,
               source: DecodedInput | None = None,
               max_bytes: int = MAX_INPUT_BYTES, layout_format: str = "same") -> FileOutcome:
    """Clean ``input_path`` and write its outputs; raise InputError on bad input.

    ``review_path`` names a decisions file to apply; ``words_path`` the
    project word list (read for trusted words and rejected corrections,
    and added to with what the decisions teach); ``source``, the input
    already read (standard input), ``input_path`` then only naming it;
    ``max_bytes``, the largest input read (``--max-size``); ``layout_format``,
    the layout format the clean pages of a layout input are also written in
    (``same`` as the input's, ``alto``, ``hocr``, or ``none``)."""
    started = time.perf_counter()
    source = source if source is not None else read_input(input_path, max_bytes)
    paths = plan_outputs(input_path, out_dir, clean_path, with_reports)
    layout_kind = _layout_kind(source, layout_format, input_path)
    if layout_kind:
        paths = replace(paths, layout=layout_path(input_path, out_dir, layout_kind))
    check_writable(paths, input_path, force)
    context, decisions = with_review(context or Context(), source, review_path, words_path)
    if source.layout is not None:
        context = replace(context, layout=source.layout)
    if needs_segments(source.text):
        if decisions is not None:
            raise InputError(f"{input_path}: too large for a decisions file to be applied "
                             "(it is cleaned in segments)")
        return _clean_large(input_path, source, paths, skip, context, started)
    result, doc = clean_document(source.text, skip=skip, context=context)
    clean_bytes = result.clean.encode("utf-8", errors="surrogateescape")  # a stray byte as read
    layout_bytes = _layout_bytes(layout_kind, source, doc, result, input_path)
    review = _learn(context, decisions, review_path, words_path)
    html = None
    if paths.html is not None and len(result.edits) > MAX_MARKED_EDITS:
        html = _short_html(input_path.name, source, paths, len(result.edits), len(result.flags),
                           f"It has {len(result.edits):,} edits, too many to mark one by one "
                           "in a page a browser can open")
    elif paths.html is not None:
        decisions_name = paths.html.name.removesuffix(".report.html") + ".review.json"
        html = _shown(render_html(result, source, input_path.name, decisions_name)).encode("utf-8")
    writes: list[tuple[Path, bytes]] = []
    if paths.json is not None:
        options = context.recorded_options()
        if review_path is not None:
            options["review_sha256"] = decisions_checksum(review_path)
        output = {"clean_sha256": hashlib.sha256(clean_bytes).hexdigest()}
        if html is not None:
            output["html_sha256"] = hashlib.sha256(html).hexdigest()
        if layout_bytes is not None and paths.layout is not None:
            output["layout"] = paths.layout.name
            output["layout_sha256"] = hashlib.sha256(layout_bytes).hexdigest()
        if review is not None and review_path is not None:
            output["review"] = {"decisions": review_path.name, "applied": review.applied,
                                "stale": review.stale}
        report = report_json(result, source, input_path.name, options, output)
        writes.append((paths.json, report.encode("utf-8", errors=JSON_STRAY)))
    if paths.html is not None and html is not None:
        writes.append((paths.html, html))
    if paths.clean is not None:
        writes.append((paths.clean, clean_bytes))
    if paths.layout is not None and layout_bytes is not None:
        writes.append((paths.layout, layout_bytes))
    write_all_atomic(writes)  # all of them, or none on a full disk
    changed = sum([max(end - start, len(raw)) for start, end, raw in result.hunks])
    return FileOutcome(input_path, paths, source.encoding, result, clean_bytes,
                       time.perf_counter() - started, result.counts_by_stage(),
                       len(result.edits), len(result.flags), changed, len(source.text),
                       review=review)


def _layout_kind(source: DecodedInput, wanted: str, input_path: Path) -> str:
    """The layout format to write the clean pages in ('' for none): the
    input's own, or the one asked for, from any layout input. PAGE XML
    holds one page: a longer input is refused it, in one line."""
    if source.layout is None or wanted == "none":
        return ""
    kind = source.layout.format if wanted == "same" else wanted
    if kind == "page" and len(source.layout.pages) != 1:
        raise InputError(f"{input_path}: a PAGE XML file holds one page and this input has "
                         f"{len(source.layout.pages)}; choose --format alto or hocr")
    return kind if kind in LAYOUT_EXTENSIONS else ""


def _layout_bytes(kind: str, source: DecodedInput, doc: Document, result: Result,
                  input_path: Path) -> bytes | None:
    """The clean pages in layout format ``kind``, the input's geometry kept."""
    if not kind or source.layout is None:
        return None
    from clean_scan.formats.corrected import corrected_pages  # lxml: only when asked
    from clean_scan.formats.write_alto import alto_bytes
    from clean_scan.formats.write_hocr import hocr_bytes
    from clean_scan.formats.write_page import page_xml_bytes

    pages = corrected_pages(source.layout, doc, result.edits)
    name = input_path.name
    if kind == "alto":
        return alto_bytes(pages, name, source.layout.unit)
    if kind == "page":
        try:
            made = input_path.stat().st_mtime
        except OSError:
            made = 0.0
        return page_xml_bytes(pages[0], name, made)
    return hocr_bytes(pages, name)


def decisions_checksum(path: Path) -> str | None:
    """The decisions file's SHA-256 (a resumed batch redoes a file whose
    decisions changed); None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def with_review(context: Context, source: DecodedInput, review_path: Path | None,
                words_path: Path | None) -> tuple[Context, Decisions | None]:
    """The context with the project word list's words and rejected
    corrections, and the decisions file's decisions, checked against the
    input (both read before anything is cleaned)."""
    words = read_word_list(words_path) if words_path is not None else WordList()
    decisions = read_decisions(review_path, source.sha256) if review_path is not None else None
    trusted = {d.word for d in decisions.decisions if d.action == "trust"} if decisions else set()
    if not (words.words or words.rejected or decisions):
        return context, None
    return replace(context, extra_words=context.extra_words | words.words | trusted,
                   review=Review.of(decisions, words.rejected)), decisions


def _learn(context: Context, decisions: Decisions | None, review_path: Path | None,
           words_path: Path | None) -> ReviewOutcome | None:
    """Remember what the reviewer taught: trusted words and rejected word
    corrections go to the project word list."""
    review = context.review
    if review is None or decisions is None:
        return None
    trusted = [d.word for d in decisions.decisions if d.action == "trust"]
    learned = add_to_word_list(words_path, trusted, review.learned_pairs) if words_path else 0
    return ReviewOutcome(review_path, len(review.applied), [d.label() for d in review.stale],
                         words_path, learned)


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
            write_atomic(paths.html, _short_html(
                name, source, paths, run.edit_count, run.flag_count,
                f"It was cleaned in {run.segments} segments, cut at page breaks, and is too "
                "large for the edit-by-edit view"))
    clean_bytes = b"".join(run.clean_parts)
    run.clean_parts.clear()
    return FileOutcome(input_path, paths, source.encoding, None, clean_bytes,
                       time.perf_counter() - started, run.counts, run.edit_count,
                       run.flag_count, run.changed_chars, len(source.text), run.segments)


MAX_MARKED_EDITS = 50_000
"""Edits the HTML report marks one by one at most (a book has a few
thousand); past it the page would run to hundreds of megabytes."""


def _short_html(name: str, source: DecodedInput, paths: OutputPaths, edits: int,
                flags: int, why: str) -> bytes:
    """A short page in place of the edit-by-edit view, for an input too large
    (or too much changed) for that view to render or open in a browser."""
    report = html.escape(paths.json.name) if paths.json is not None else ""
    body = (f"<h1>clean-scan report: {html.escape(name)}</h1>"
            f"<p>This input ({source.size / 1e6:.1f} MB, read as {html.escape(source.encoding)})"
            f" is shown here in short. {html.escape(why)}; its {edits:,} edits and {flags:,} "
            f"flags are listed in the JSON report <a href=\"{report}\">{report}</a>.</p>")
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"{HTML_GENERATOR_TAG}<title>clean-scan report: {html.escape(name)}</title>"
            f"</head><body>{body}</body></html>\n").encode()
