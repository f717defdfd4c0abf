"""The work done for one file of a batch, wherever it runs (a local worker
process or a Dask worker): clean it with ``runner.clean_file``, exactly as
the single-file command does, and return a record of what happened.

Nothing raised by one file stops the batch: every failure becomes the
file's record, with its error. Heavy data (the lexicon and whatever the
stages load) is loaded by the stages on first use and kept by the worker
process, so it is loaded once per worker, not once per file.
"""

from __future__ import annotations

import gc
import hashlib
import json
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clean_scan.batch.discover import Job, UnsafeOutputPath, output_folder
from clean_scan.decoding import MAX_INPUT_BYTES, InputError, read_input
from clean_scan.outputs import JSON_SCHEMA_NAME, OutputPaths, plan_outputs, stem_of
from clean_scan.pipeline import STAGE_NAMES
from clean_scan.reports.json_report import VERSION as REPORT_VERSION
from clean_scan.restore import restore_from_report
from clean_scan.runner import clean_file, collect_rarely, decisions_checksum
from clean_scan.segments import read_report_head
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE, Context
from clean_scan.stages.doubtful import doubtful_share
from clean_scan.vocabulary import count_words

Record = dict[str, Any]

FULL_PARSE_LIMIT = 32 * 1024 * 1024
"""Reports larger than this are checked from their head only (a segmented
report puts ``input`` and ``output`` first), not parsed whole."""


@dataclass(frozen=True)
class BatchOptions:
    """Everything a worker needs besides the job; sent to each worker once."""

    out_dir: Path
    skip: tuple[str, ...] = ()
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    extra_words: frozenset[str] = frozenset()
    collection_words: Counter[str] | None = None
    resume: bool = False
    force: bool = False
    shared: dict[str, Any] = field(default_factory=dict)
    words_path: Path | None = None
    skip_rules: frozenset[str] = frozenset()
    max_bytes: int = MAX_INPUT_BYTES

    def context(self) -> Context:
        """A fresh context per file: stages cache per-text data in ``shared``,
        which must not pile up over thousands of files."""
        shared: dict[str, Any] = {}
        if self.collection_words is not None:
            shared["collection_words"] = self.collection_words
        return Context(self.min_confidence, self.extra_words, shared,
                       skip_rules=self.skip_rules)


def process(job: Job, options: BatchOptions) -> Record:
    """Clean one file (or find its outputs complete, when resuming)."""
    started = time.perf_counter()
    record = base_record(job, options.out_dir)
    if job.error:
        return fail(record, job.error, started)
    try:
        folder = output_folder(options.out_dir, job)
        paths = plan_outputs(Path(job.rel.name), folder, None, True)
        review = folder / f"{stem_of(Path(job.rel.name))}.review.json"
        review_path = review if review.is_file() else None
        if options.resume:
            run_options = options.context().recorded_options()
            if review_path is not None:
                run_options["review_sha256"] = decisions_checksum(review_path)
            done = completed(job.source, paths, run_options)
            if done is not None and _same_stages(done, options.skip):
                record.update(done, status="skipped", seconds=0.0)
                return record
        outcome = clean_file(job.source, out_dir=folder, skip=options.skip,
                             context=options.context(), force=options.force,
                             review_path=review_path, words_path=options.words_path,
                             max_bytes=options.max_bytes)
    except (InputError, UnsafeOutputPath) as exc:
        return fail(record, str(exc), started)
    except OSError as exc:
        return fail(record, f"{job.source}: {exc.strerror or exc}", started)
    except Exception as exc:  # a crash in a stage must not stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return fail(record, f"{job.source}: {type(exc).__name__}: {exc} "
                    f"(at {Path(where.filename).name}:{where.lineno})", started)
    record.update(
        status="ok", encoding=outcome.encoding, bytes=job.source.stat().st_size,
        chars=outcome.raw_chars, edits=outcome.edit_count,
        edits_by_stage={name: c.get("edits", 0) for name, c in outcome.counts.items()},
        flags=outcome.flag_count, changed_chars=outcome.changed_chars,
        segments=outcome.segments, seconds=round(time.perf_counter() - started, 4),
        decisions=outcome.review.applied if outcome.review else 0,
    )
    if outcome.result is not None:  # how much review the file needs (not for a segmented one)
        raw_doubtful, raw_words = doubtful_share(outcome.result.raw)
        left = sum(1 for f in outcome.result.flags if f.stage == "doubtful")
        record.update(doubtful_before_pct=_pct(raw_doubtful, raw_words),
                      doubtful_after_pct=_pct(left, len(outcome.result.clean.split())),
                      doubtful_left=left)
    return record


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def base_record(job: Job, out_dir: Path) -> Record:
    stem = job.output_stem.as_posix()
    return {
        "index": job.index, "input": str(job.source), "status": "pending", "error": None,
        "clean": f"{stem}.clean.txt", "report_html": f"{stem}.report.html",
        "report_json": f"{stem}.report.json", "encoding": None, "bytes": None,
        "chars": None, "edits": 0, "edits_by_stage": {}, "flags": 0, "changed_chars": 0,
        "segments": 0, "seconds": 0.0,
    }


def fail(record: Record, error: str, started: float) -> Record:
    record.update(status="error", error=error,
                  seconds=round(time.perf_counter() - started, 4))
    return record


def completed(source: Path, paths: OutputPaths,
              run_options: dict[str, Any] | None = None) -> Record | None:
    """The record of a previous run whose outputs are all there and belong to
    this very input (its checksum), to each other (the clean text's and the
    HTML report's checksums; the JSON report rebuilding the input from the
    clean text) and to the options of this run (``--min-confidence``,
    ``--words``, ``--learn-collection``, the decisions file); None when the
    file must be redone."""
    outputs = [paths.clean, paths.html, paths.json]
    if not all(p is not None and p.is_file() and not p.is_symlink() for p in outputs):
        return None
    assert paths.json is not None and paths.clean is not None
    head = _report_head(paths.json)
    if head is None or (run_options is not None and head["options"] != run_options):
        return None
    try:
        raw = source.read_bytes()
        if head["input_sha256"] != hashlib.sha256(raw).hexdigest():
            return None
        clean = paths.clean.read_bytes()
        if head["clean_sha256"] != hashlib.sha256(clean).hexdigest():
            return None
        html = head.get("html_sha256")
        if html is not None and html != hashlib.sha256(paths.html.read_bytes()).hexdigest():
            return None  # the HTML report was emptied or changed after the run
        layout, layout_sha = head.get("layout"), head.get("layout_sha256")
        if layout and not _same_checksum(paths.json.with_name(layout), layout_sha):
            return None  # the clean pages (ALTO, hOCR) went or were changed after the run
        if head.get("report") is not None and not _restores(clean, head["report"], raw):
            return None  # the JSON report's record of the changes was tampered with
    except OSError:
        return None
    return head["record"]


def _same_checksum(path: Path, expected: str | None) -> bool:
    return path.is_file() and not path.is_symlink() and \
        expected == hashlib.sha256(path.read_bytes()).hexdigest()


def _restores(clean: bytes, report: dict[str, Any], raw: bytes) -> bool:
    """Whether the report rebuilds the input from the clean text, byte for byte."""
    try:
        return restore_from_report(clean.decode("utf-8"), report) == raw
    except (ValueError, KeyError, TypeError, UnicodeError, LookupError):
        return False


def _same_stages(record: Record, skip: tuple[str, ...]) -> bool:
    """Did the earlier run use the stages this one would? (Resuming with a
    different ``--skip`` must redo the file.)"""
    ran = [name for name in record["edits_by_stage"] if name in STAGE_NAMES]
    return ran == [name for name in STAGE_NAMES if name not in skip]


def _report_head(path: Path) -> dict[str, Any] | None:
    """Checksums and counts from a JSON report, or None if it is not ours."""
    try:
        if path.stat().st_size > FULL_PARSE_LIMIT:
            return _report_head_streamed(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("schema") != JSON_SCHEMA_NAME or \
                data.get("version") != REPORT_VERSION:
            return None  # not ours, or written by a version whose outputs differ
        hunks = data["restore"]["hunks"]
        record = {
            "encoding": data["input"]["encoding"], "bytes": data["input"]["bytes"],
            "edits": len(data["edits"]), "flags": len(data["flags"]),
            "edits_by_stage": {s["name"]: s["edits"] for s in data["stages"]},
            "changed_chars": sum(max(h[1] - h[0], len(h[2])) for h in hunks),
            "segments": data["output"].get("segments", 1),
        }
        return {"input_sha256": data["input"]["sha256"], "options": data.get("options"),
                "clean_sha256": data["output"]["clean_sha256"],
                "html_sha256": data["output"].get("html_sha256"), "report": data,
                "layout": data["output"].get("layout"),
                "layout_sha256": data["output"].get("layout_sha256"), "record": record}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _report_head_streamed(path: Path) -> dict[str, Any] | None:
    """The head of a report too large to parse: a segmented report writes
    ``input``, ``output`` and ``stages`` before its long lists."""
    head = read_report_head(path)
    if head is None or head.get("version") != REPORT_VERSION:
        return None
    stages = head["stages"]
    record = {"encoding": head["input"]["encoding"], "bytes": head["input"]["bytes"],
              "edits": sum(s["edits"] for s in stages), "flags": sum(s["flags"] for s in stages),
              "edits_by_stage": {s["name"]: s["edits"] for s in stages}, "changed_chars": None,
              "segments": head["output"].get("segments", 1)}
    return {"input_sha256": head["input"]["sha256"], "options": head.get("options"),
            "clean_sha256": head["output"]["clean_sha256"], "record": record}


def count_file(path: Path) -> Counter[str]:
    """Word counts of one input, for the collection vocabulary; a file that
    cannot be read counts nothing (its error is recorded by the cleaning)."""
    try:
        return count_words(read_input(path).text)
    except (InputError, OSError, ValueError):
        return Counter()


WARM_UP_TEXT = (
    "THE FIRST PAGE\n\nWe rejected the idea of war when it arose after tbe invasion 1 just\n"
    "as we have always opposed the superficial attitude which identifled the two. The\n"
    "organisa¬\ntion of intcrnationalism is a ( b ) thing of the futuro*\n\n"
    "1 Vide Notes No. 10, April 194*\n\n\n9\n\n\n\nThe next page goes on.\n")
"""A page of typical OCR damage: enough for every stage to build what it
builds on first use (the spelling stage's indexes among them)."""


def warm_up(options: BatchOptions) -> None:
    """Load and build what the stages load on first use, before the first
    real file, so that time is not charged to it; then move all of it out of
    the garbage collector's sight (``gc.freeze``): it lives as long as the
    worker, and every collection would walk it again (about 5% of a
    worker's time on the benchmark collection)."""
    from clean_scan.pipeline import clean_text

    clean_text(WARM_UP_TEXT, skip=options.skip, context=options.context())
    gc.freeze()
    collect_rarely()  # a worker started afresh (spawned) has the default
