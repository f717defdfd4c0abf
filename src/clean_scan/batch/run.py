"""Running a batch: find the files, optionally learn the collection's
vocabulary, clean every file on an engine, keep a journal, write the summary.

The journal (``.batch-journal.jsonl`` in the output folder) gets one line per
finished file as it finishes, so a batch killed at any moment leaves a record
of what it did before the summary is written. ``--resume`` does not trust it:
it checks each file's outputs again (see ``work.completed``). Temporary
``.part`` files a killed run left behind are removed on ``--resume``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from clean_scan.batch.discover import Job, discover
from clean_scan.batch.progress import Progress
from clean_scan.batch.summary import totals, write_summary
from clean_scan.batch.work import BatchOptions, Record, base_record
from clean_scan.outputs import remove_partial_writes
from clean_scan.pipeline import STAGE_NAMES

JOURNAL = ".batch-journal.jsonl"

MIN_COLLECTION_FILES = 2
"""A word enters the collection vocabulary when it occurs in at least this
many files: recurring across the collection, not one file's repeated slip."""


class Engine(Protocol):
    def run(self, jobs: Sequence[Job], options: BatchOptions, on_record: Any) -> None: ...

    def count_words(self, paths: list[Path]) -> Any: ...


@dataclass
class BatchResult:
    records: list[Record] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)
    summary_paths: list[Path] = field(default_factory=list)
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return sum(1 for r in self.records if r["status"] == "error")


def run_batch(inputs: Sequence[str], options: BatchOptions, engine: Engine, *,
              learn_collection: bool = False,
              progress: Callable[[int, int], Progress] | None = None,
              log: Callable[[str], None] | None = None) -> BatchResult:
    """Clean every input; return the records (the summary is written too,
    also when the run is interrupted)."""
    started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = discover(inputs, out_dir)
    if options.resume:
        remove_partial_writes(out_dir)
    if learn_collection:
        paths = [j.source for j in jobs if j.error is None]
        if log:
            log(f"learning the collection vocabulary from {len(paths)} files")
        options = replace(options, collection_words=collection_vocabulary(engine, paths))
    result = BatchResult()
    sizes = {j.index: _size(j.source) for j in jobs}
    bar = (progress or Progress)(len(jobs), sum(sizes.values()))
    with _Journal(out_dir / JOURNAL, append=options.resume) as journal:
        def on_record(record: Record) -> None:
            result.records.append(record)
            journal.add(record)
            bar.update(sizes.get(record["index"], 0), record["status"])

        try:
            with _terminated_as_interrupted():
                engine.run(jobs, options, on_record)
        except KeyboardInterrupt:
            result.interrupted = True
        finally:
            bar.close()
            seconds = time.perf_counter() - started
            result.records.extend(_not_done(jobs, result.records, options))
            run = {"started": started_at, "inputs": list(inputs), "out_dir": str(out_dir),
                   "resume": options.resume, "learn_collection": learn_collection,
                   "min_confidence": options.min_confidence, "skip": list(options.skip),
                   "interrupted": result.interrupted}
            stages = [s for s in STAGE_NAMES if s not in options.skip]
            extra = sorted({s for r in result.records for s in r["edits_by_stage"]} - set(stages))
            result.totals = totals(result.records, seconds, stages + extra)
            result.summary_paths = write_summary(out_dir, result.records, result.totals, run,
                                                 stages + extra)
    return result


@contextmanager
def _terminated_as_interrupted() -> Iterator[None]:
    """SIGTERM (a scheduler stopping the job, ``kill``) ends the batch as
    Ctrl-C does: the files not reached are recorded, the summary and the
    index are written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _not_done(jobs: Sequence[Job], records: list[Record], options: BatchOptions) -> list[Record]:
    """Records for files an interrupted run did not reach."""
    seen = {r["index"] for r in records}
    out = []
    for job in jobs:
        if job.index not in seen:
            record = base_record(job, options.out_dir)
            record.update(status="not done", error="the batch was interrupted before this file")
            out.append(record)
    return out


def collection_vocabulary(engine: Engine, paths: list[Path]) -> Counter[str]:
    """Word counts over the whole collection, keeping the words found in at
    least ``MIN_COLLECTION_FILES`` files."""
    total: Counter[str] = Counter()
    files: Counter[str] = Counter()
    for counts in engine.count_words(paths):
        total.update(counts)
        files.update(counts.keys())
    return Counter({w: n for w, n in total.items() if files[w] >= MIN_COLLECTION_FILES})


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Journal:
    """One JSON line per finished file, flushed as it comes."""

    def __init__(self, path: Path, append: bool) -> None:
        self.path, self.append = path, append
        self.broken = False

    def __enter__(self) -> _Journal:
        # a file name that is not UTF-8 (lone surrogates) is kept as \udcXX escapes
        self.file = self.path.open("a" if self.append else "w", encoding="utf-8",
                                   errors="backslashreplace")
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):  # the last buffered bytes, on a full disk
            self.file.close()

    def add(self, record: Record) -> None:
        """Add a line; a journal that cannot be written (a full disk) is
        given up with one warning, and the batch goes on: the summary says
        what was done."""
        if self.broken:
            return
        try:
            self.file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.file.flush()
        except OSError as exc:
            self.broken = True
            print(f"clean-scan: warning: cannot write the journal {self.path} "
                  f"({exc.strerror or exc}); --resume will redo the files after this one",
                  file=sys.stderr)
