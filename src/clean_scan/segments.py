"""Cleaning a large input a page run at a time, so memory follows the size of
a segment, not of the file.

The pipeline keeps the whole text, an edit log and a piece map per character
stretch; for a 50 MB scan that is several gigabytes. Books have natural seams
where nothing runs across: page breaks. A large input is cut at page breaks
(a form feed, or a run of three or more blank lines, which is how OCR
exports separate pages) into segments of about ``SEGMENT_TARGET``
characters; each is cleaned on its own and the results are put together:

* the clean text is the segments' clean texts in order, with one paragraph
  break added where a segment's clean text ends without one (the seam is a
  page break, and a page break the tool cannot judge is a paragraph break);
* edits and flags are shifted by the segment's offset in the raw input;
* restore hunks are shifted by the segment's offset in the clean text, and
  every added paragraph break is a hunk of its own that restores to nothing,
  so ``clean-scan restore`` still rebuilds the raw input byte for byte.

Only inputs above ``SEGMENT_THRESHOLD`` characters are cut: everything else
is cleaned whole, as before. The cost of cutting is that a paragraph running
over a seam is not joined, and per-document vote counts come from the
segment (about a thousand pages), not the whole file.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import regex

from clean_scan.decoding import DecodedInput
from clean_scan.document import Edit
from clean_scan.pipeline import Result, clean_text
from clean_scan.reports.json_report import SCHEMA, VERSION, build_report, input_record
from clean_scan.review.ids import edit_id, flag_id
from clean_scan.stage import Context

SEGMENT_THRESHOLD = 3_000_000
"""Inputs longer than this (characters) are cleaned in segments."""

SEGMENT_TARGET = 1_000_000
"""About how long a segment is; it ends at the first page break past this."""

JOIN_STAGE = "segments"
"""Stage name under which the added paragraph breaks at seams are logged."""

_EOL = r"(?:\r\n|\r|\n)"
PAGE_SEAM = regex.compile(rf"{_EOL}(?:[ \t]*{_EOL}){{3,}}|\f[ \t]*{_EOL}?")
"""A page break in raw OCR text: three or more blank lines, or a form feed."""
PARAGRAPH_SEAM = regex.compile(rf"{_EOL}(?:[ \t]*{_EOL})+")
LINE_SEAM = regex.compile(_EOL)
SPACE_SEAM = regex.compile(r"\s+")


def needs_segments(text: str) -> bool:
    """Is ``text`` large enough to be cleaned in segments?"""
    return len(text) > SEGMENT_THRESHOLD


def segment_spans(text: str, target: int | None = None) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` spans of about ``target`` characters.

    Each cut is at the end of a page break past ``target``; failing one within
    another ``target``, at a blank line, then at a line end, then at a space
    (a file of one enormous line), and only then anywhere.

    >>> text = "page one\\n\\n\\n\\npage two\\n\\n\\n\\npage three\\n"
    >>> [text[a:b] for a, b in segment_spans(text, 5)]
    ['page one\\n\\n\\n\\n', 'page two\\n\\n\\n\\n', 'page three\\n']

    Left alone: a text shorter than the target is one span.

    >>> segment_spans("one line\\n", 100)
    [(0, 9)]
    """
    target = target or SEGMENT_TARGET
    spans, start = [], 0
    while len(text) - start > target:
        end = _cut(text, start + target, start + 2 * target)
        spans.append((start, end))
        start = end
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _cut(text: str, lo: int, hi: int) -> int:
    """The end of the first seam that starts in ``[lo, hi]``, best kind first;
    the search looks a little past ``hi`` so a seam starting before it is
    seen whole."""
    for seam in (PAGE_SEAM, PARAGRAPH_SEAM, LINE_SEAM, SPACE_SEAM):
        match = seam.search(text, lo, min(hi + 4096, len(text)))
        if match is not None and match.start() <= hi:
            return match.end()
    return lo if hi < len(text) else len(text)


@dataclass
class SegmentedRun:
    """Counts and outputs of a segmented cleaning, without its edit log."""

    stages_run: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    edit_count: int = 0
    flag_count: int = 0
    changed_chars: int = 0
    segments: int = 0
    clean_parts: list[bytes] = field(default_factory=list)
    clean_sha256: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    ids: Counter[str] = field(default_factory=Counter)


def clean_segmented(source: DecodedInput, name: str, report: IO[bytes] | None, *,
                    clean_out: IO[bytes] | None = None, skip: Iterable[str] = (),
                    context: Context | None = None, target: int | None = None) -> SegmentedRun:
    """Clean ``source`` segment by segment; write the JSON report to
    ``report`` (edits, flags and hunks are spooled to temporary files as they
    come, so only one segment's are in memory) and the clean text to
    ``clean_out``, or keep it in ``clean_parts`` when that is None."""
    base = context or Context()
    run = SegmentedRun(options=(context or Context()).recorded_options())
    digest = hashlib.sha256()
    text = source.text
    with _Spool() as edits, _Spool() as flags, _Spool() as hunks:
        clean_len, lines_before, prev_start, tail = 0, 0, 0, ""
        pending: list[Any] | None = None
        for start, end in segment_spans(text, target):
            lines_before += text.count("\n", prev_start, start)
            prev_start = start
            ctx = Context(base.min_confidence, base.extra_words, dict(base.shared))
            result = clean_text(text[start:end], skip=skip, context=ctx)
            run.segments += 1
            if not run.stages_run:
                run.stages_run = list(result.stages_run)
            join = _seam(tail, result.clean)
            if join:
                edit = Edit(JOIN_STAGE, "segment-join", 0, 0, "", join, 1.0,
                            "paragraph break at a page break where a large input was cut "
                            "into segments")
                result.edits.insert(0, edit)
                result.hunks.insert(0, (-len(join), 0, ""))
            line_col = (lines_before, start - (text.rfind("\n", 0, start) + 1))
            seg_report = build_report(result, source, name)
            for item in seg_report["edits"]:
                edits.write(_with_id(_shift(item, start, line_col), run.ids, edit_id))
            run.edit_count += len(seg_report["edits"])
            for item in seg_report["flags"]:
                flags.write(_with_id(_shift(item, start, line_col), run.ids, flag_id))
            run.flag_count += len(seg_report["flags"])
            offset = clean_len + len(join)
            for h_start, h_end, raw in result.hunks:
                hunk = [h_start + offset, h_end + offset, raw]
                run.changed_chars += max(h_end - h_start, len(raw))
                if pending is not None and pending[1] == hunk[0]:
                    pending = [pending[0], hunk[1], pending[2] + raw]
                    continue
                if pending is not None:
                    hunks.write(pending)
                pending = hunk
            _add_counts(run.counts, result)
            clean = join + result.clean
            clean_len += len(clean)
            tail = (tail + clean)[-2:]
            data = clean.encode("utf-8", errors="surrogateescape")
            digest.update(data)
            if clean_out is not None:
                clean_out.write(data)
            else:
                run.clean_parts.append(data)
        if pending is not None:
            hunks.write(pending)
        run.clean_sha256 = digest.hexdigest()
        if report is not None:
            _write_report(report, source, name, run, edits, flags, hunks)
    return run


def _seam(tail: str, clean: str) -> str:
    """What must go between two segments' clean texts: a paragraph break,
    unless one is there already.

    >>> _seam("end.\\n", "Next"), _seam("end.\\n\\n", "Next"), _seam("", "Start")
    ('\\n', '', '')
    """
    if not tail or not clean or clean.startswith("\n") or tail.endswith("\n\n"):
        return ""
    return "\n" if tail.endswith("\n") else "\n\n"


def _shift(item: dict[str, Any], raw_offset: int, line_col: tuple[int, int]) -> dict[str, Any]:
    """Move a segment's edit or flag to raw-input coordinates."""
    item["start"] += raw_offset
    item["end"] += raw_offset
    if item["line"] == 1:
        item["column"] += line_col[1]
    item["line"] += line_col[0]
    return item


def _with_id(item: dict[str, Any], seen: Counter[str],
             make: Callable[[str, str, int, int], str]) -> dict[str, Any]:
    """The item with its stable id made from its raw-input place (a
    segment's own ids count from the segment's start)."""
    item_id = make(item["stage"], item["rule"], item["start"], item["end"])
    seen[item_id] += 1
    item["id"] = item_id if seen[item_id] == 1 else f"{item_id}#{seen[item_id]}"
    return item


def _add_counts(counts: dict[str, dict[str, int]], result: Result) -> None:
    for stage, numbers in result.counts_by_stage().items():
        total = counts.setdefault(stage, {})
        for key, number in numbers.items():
            total[key] = total.get(key, 0) + number


class _Spool:
    """A temporary file of JSON items, one per line, joined by commas."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by __exit__)
        self.count = 0

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def write(self, item: Any) -> None:
        prefix = b",\n" if self.count else b"\n"
        self.file.write(prefix + json.dumps(item, ensure_ascii=False).encode(
            "utf-8", errors="backslashreplace"))  # a stray byte of the input: \udcXX
        self.count += 1

    def copy_to(self, out: IO[bytes]) -> None:
        self.file.seek(0)
        while chunk := self.file.read(1 << 20):
            out.write(chunk)
        out.write(b"\n")


def _write_report(out: IO[bytes], source: DecodedInput, name: str, run: SegmentedRun,
                  edits: _Spool, flags: _Spool, hunks: _Spool) -> None:
    """The same report as ``json_report.build_report`` makes, written in
    pieces; ``output`` and the stage counts come first (they are known once
    every segment is done), the long lists after."""
    head = {
        "schema": SCHEMA,
        "version": VERSION,
        "input": input_record(source, name),
        "options": run.options,
        "output": {"clean_sha256": run.clean_sha256, "segments": run.segments},
        "stages": [{"name": n, **c} for n, c in run.counts.items()],
        "pages": [],  # a segmented input's pages are not mapped
    }
    dump = json.dumps(head, ensure_ascii=False, indent=1)
    out.write(dump[:-2].encode("utf-8") + b"," + HEAD_MARK.encode())
    edits.copy_to(out)
    out.write(b'],\n "flags": [')
    flags.copy_to(out)
    out.write(b'],\n "restore": {"hunks": [')
    hunks.copy_to(out)
    out.write(b"]}\n}\n")


HEAD_MARK = '\n "edits": ['


def read_report_head(path: Path, limit: int = 65536) -> dict[str, Any] | None:
    """``schema``, ``version``, ``input``, ``output`` and ``stages`` of a
    report written by ``_write_report``, read from its first bytes: a report
    of a 50 MB input is hundreds of megabytes, too large to parse just to
    check whose it is. None when the file does not start that way."""
    try:
        with path.open("rb") as fh:
            head = fh.read(limit).decode("utf-8", errors="replace")
        cut = head.find(HEAD_MARK)
        if cut < 0:
            return None
        data = json.loads(head[:cut].rstrip().rstrip(",") + "\n}")
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("schema") == SCHEMA else None
