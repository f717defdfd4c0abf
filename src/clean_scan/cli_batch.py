"""``clean-scan batch``: clean a whole collection into an output folder.

Exit status: 0 when every file was cleaned (or found already done with
``--resume``), 1 when any file failed (each is listed in the summary with its
error), 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from clean_scan.cli_rules import RuleName
from clean_scan.cli_sizes import ByteSize
from clean_scan.decoding import MAX_INPUT_BYTES
from clean_scan.pipeline import STAGE_NAMES
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE

EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
MAX_LISTED = 20


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@click.command("batch")
@click.argument("inputs", metavar="INPUTS...", nargs=-1, required=True)
@click.option("--out-dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Outputs go here, mirroring each input's path under its root.")
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of cores].")
@click.option("--resume", is_flag=True,
              help="Skip files whose outputs are complete; redo the rest.")
@click.option("--learn-collection", is_flag=True,
              help="First count words over all inputs, so a word recurring across the "
                   "collection is trusted in every file.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Run on local processes or on a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler's address (with --engine dask).")
@click.option("--skip", "skip", multiple=True, type=click.Choice(STAGE_NAMES),
              help="Turn a stage off (repeatable).")
@click.option("--skip-rule", "skip_rules", multiple=True, type=RuleName(),
              help="Turn a rule off, by code or name (repeatable; `clean-scan rules`).")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              default=DEFAULT_MIN_CONFIDENCE, show_default=True,
              help="Changes less sure than this are flagged, not made.")
@click.option("--words", "words_file", type=click.Path(path_type=Path),
              help="Project word list: one word per line, trusted as correct.")
@click.option("--max-size", "max_size", type=ByteSize(), default=MAX_INPUT_BYTES,
              show_default="1G", help="Read no input larger than this (500M, 2G).")
@click.option("--force", is_flag=True, help="Replace outputs that clean-scan did not write.")
def batch_command(inputs: tuple[str, ...], out_dir: Path, workers: int | None, resume: bool,
                  learn_collection: bool, engine: str, scheduler: str | None,
                  skip: tuple[str, ...], skip_rules: tuple[str, ...], min_confidence: float,
                  words_file: Path | None, max_size: int, force: bool) -> None:
    """Clean every file of INPUTS (files, folders searched for *.txt, or glob
    patterns) into --out-dir, with a summary and an index of the reports."""
    from clean_scan.batch.run import run_batch
    from clean_scan.batch.work import BatchOptions
    from clean_scan.cli import fail, read_word_list
    from clean_scan.decoding import InputError

    if engine == "dask" and not scheduler:
        fail("--engine dask needs --scheduler ADDRESS")
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"{out_dir}: exists and is not a folder")
    try:
        words = read_word_list(words_file) if words_file else frozenset()
    except InputError as exc:
        fail(str(exc))
        return
    options = BatchOptions(out_dir=out_dir, skip=skip, min_confidence=min_confidence,
                           extra_words=words, resume=resume, force=force,
                           words_path=words_file, skip_rules=frozenset(skip_rules),
                           max_bytes=max_size)
    runner = _engine(engine, scheduler, workers)
    try:
        result = run_batch(inputs, options, runner, learn_collection=learn_collection,
                           log=lambda m: click.echo(f"clean-scan batch: {m}", err=True))
    except OSError as exc:
        fail(f"{out_dir}: cannot write the outputs ({exc.strerror or exc})")
        return
    finally:
        close = getattr(runner, "close", None)
        if close:
            close()
    _report(result)


def _engine(engine: str, scheduler: str | None, workers: int | None) -> object:
    from clean_scan.batch.engines import DaskEngine, LocalEngine
    from clean_scan.cli import fail

    if engine == "local":
        return LocalEngine(workers or _default_workers())
    try:
        return DaskEngine(str(scheduler))
    except (RuntimeError, OSError, ValueError) as exc:
        fail(f"cannot use the Dask cluster at {scheduler}: {exc}")
        raise  # not reached: fail exits


def _report(result: object) -> None:
    from clean_scan.batch.run import BatchResult

    assert isinstance(result, BatchResult)
    t = result.totals
    if not t["files"]:
        click.echo("clean-scan: error: no input files found (a folder is searched for *.txt)",
                   err=True)
        sys.exit(EXIT_USAGE)
    rate = f", {t['files_per_second']} files/s, {t['mb_per_second']} MB/s" \
        if t.get("files_per_second") else ""
    not_done = f", {t['not_done']} not done" if t["not_done"] else ""
    click.echo(f"clean-scan batch: {t['files']} files: {t['ok']} cleaned, {t['skipped']} "
               f"already done, {t['failed']} failed{not_done}; {t['edits']} edits, "
               f"{t['flags']} flagged; {t['seconds']:.1f}s{rate}", err=True)
    failed = [r for r in result.records if r["status"] == "error"]
    for record in failed[:MAX_LISTED]:
        click.echo(f"  failed: {record['error']}", err=True)
    if len(failed) > MAX_LISTED:
        click.echo(f"  ... and {len(failed) - MAX_LISTED} more (see batch-summary.csv)", err=True)
    for path in result.summary_paths:
        click.echo(f"  wrote {path}", err=True)
    if result.interrupted:
        click.echo("clean-scan batch: interrupted; run again with --resume to finish", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if result.failed:
        sys.exit(EXIT_SOME_FAILED)
