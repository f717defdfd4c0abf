"""The command line: a thin client of the library.

``clean-scan INPUT`` cleans one file; ``stages``, ``restore``, ``eval`` and
``batch`` are subcommands. Every failure the user can cause ends in one line
on standard error and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from clean_scan.cli_rules import RuleName, rule_command, rules_command
from clean_scan.cli_sizes import ByteSize
from clean_scan.decoding import MAX_INPUT_BYTES, InputError, decode_bytes
from clean_scan.outputs import same_file, stem_of, write_atomic
from clean_scan.pipeline import STAGE_NAMES, STAGES
from clean_scan.restore import RestoreError, restore_from_report
from clean_scan.review.words import DEFAULT_NAME as DEFAULT_WORDS
from clean_scan.review.words import read_word_list as read_project_words
from clean_scan.runner import ReviewOutcome, clean_file, collect_rarely
from clean_scan.stage import DEFAULT_MIN_CONFIDENCE, Context

EXIT_BAD_INPUT = 2


def fail(message: str) -> None:
    click.echo(f"clean-scan: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def one_line_errors(doing: str) -> Iterator[None]:
    """Bad input, and a failure to write, end the command in one line."""
    try:
        yield
    except InputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot {doing}: {exc.strerror or exc}")


class DefaultToClean(click.Group):
    """``clean-scan FILE`` means ``clean-scan clean FILE``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = next((a for a in args if not a.startswith("-") or a == "-"), None)
        wants_help = any(a in ("--help", "-h") for a in args)
        if (
            first is not None
            and first not in self.commands
            and not (wants_help and args and args[0].startswith("-"))
        ):
            args = ["clean", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultToClean, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clean-scan")
def cli() -> None:
    """Clean raw OCR text of 1930s-1950s print: `clean-scan INPUT.txt` writes
    INPUT.clean.txt, INPUT.report.html and INPUT.report.json."""


@cli.command("clean")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--out-dir", type=click.Path(path_type=Path), help="Write the outputs here.")
@click.option("-o", "clean_path", metavar="PATH",
              help="The clean text's path; - for stdout (then the reports only with --out-dir).")
@click.option("--no-report", is_flag=True, help="Write only the clean text.")
@click.option(
    "--skip",
    "skip",
    multiple=True,
    type=click.Choice(STAGE_NAMES),
    help="Turn a stage off (repeatable).",
)
@click.option("--skip-rule", "skip_rules", multiple=True, type=RuleName(),
              help="Turn a rule off, by code or name (repeatable; `clean-scan rules`).")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    help="Changes less sure than this are flagged, not made.",
)
@click.option(
    "--words",
    "words_file",
    type=click.Path(path_type=Path),
    help="Project word list: words trusted as correct, corrections rejected "
    "(default: clean-scan.words beside INPUT, if there is one).",
)
@click.option(
    "--review",
    "review_file",
    type=click.Path(path_type=Path),
    help="A reviewer's decisions to apply (default: STEM.review.json beside the "
    "outputs, if there is one).",
)
@click.option("--max-size", "max_size", type=ByteSize(), default=MAX_INPUT_BYTES,
              show_default="1G", help="Read no input larger than this (500M, 2G).")
@click.option("--page-markers", is_flag=True,
              help="Write [Pg N] where each printed page begins (eval ignores them).")
@click.option("--format", "layout_format",
              type=click.Choice(["same", "alto", "hocr", "page", "none"]),
              default="same", show_default=True,
              help="From an ALTO, hOCR or PAGE input, also write the clean pages in this "
                   "format (STEM.clean.alto.xml, .clean.hocr, .clean.page.xml): the "
                   "input's own, another, or none.")
@click.option("--force", is_flag=True, help="Replace outputs that clean-scan did not write.")
def clean_command(
    input_path: Path,
    out_dir: Path | None,
    clean_path: str | None,
    no_report: bool,
    skip: tuple[str, ...],
    skip_rules: tuple[str, ...],
    min_confidence: float,
    words_file: Path | None,
    review_file: Path | None,
    max_size: int,
    page_markers: bool,
    layout_format: str,
    force: bool,
) -> None:
    """Clean INPUT and write the clean text and its reports."""
    source = None
    if str(input_path) == "-":  # standard input: outputs named stdin.* in --out-dir
        if out_dir is None and clean_path != "-":
            fail("reading standard input needs --out-dir DIR, or -o - for the clean text alone")
        with one_line_errors("read standard input"):
            source = decode_bytes(_read_stdin(max_size), "standard input")
        input_path = (out_dir or Path.cwd()) / "stdin.txt"
    if clean_path == "-" and out_dir is None:
        # the clean text goes to standard output; reports and clean pages only to --out-dir
        no_report, layout_format = True, "none"
    review_path = review_file or _decisions_beside(input_path, out_dir)
    words_path = words_file or input_path.parent / DEFAULT_WORDS
    with one_line_errors("write the outputs"):
        outcome = clean_file(
            input_path,
            out_dir=out_dir,
            clean_path=clean_path,
            with_reports=not no_report,
            skip=skip,
            context=Context(min_confidence=min_confidence, page_markers=page_markers,
                            skip_rules=frozenset(skip_rules)),
            force=force,
            review_path=review_path,
            words_path=words_path,
            source=source,
            max_bytes=max_size,
            layout_format=layout_format,
        )
    if outcome.outputs.clean is None:
        sys.stdout.buffer.write(outcome.clean_bytes)
        sys.stdout.flush()
    paths = outcome.outputs
    written = [p for p in (paths.clean, paths.html, paths.json, paths.layout) if p]
    counts = outcome.counts
    summary = ", ".join(f"{name} {c['edits']}" for name, c in counts.items() if c["edits"])
    note = "" if outcome.encoding == "utf-8" else f" (read as {outcome.encoding})"
    click.echo(
        f"{input_path}{note}: {outcome.edit_count} edits ({summary}), "
        f"{outcome.flag_count} flagged",
        err=True,
    )
    for path in written:
        click.echo(f"  wrote {path}", err=True)
    _say_review(outcome.review, review_file is None)


def _read_stdin(max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Standard input's bytes, at most ``max_bytes`` of them."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"standard input: larger than {max_bytes:,} bytes (--max-size)")
    return data


def _decisions_beside(input_path: Path, out_dir: Path | None) -> Path | None:
    """``STEM.review.json`` in the outputs' folder, when there is one."""
    path = (out_dir or input_path.parent) / f"{stem_of(input_path)}.review.json"
    return path if path.is_file() else None


def _say_review(review: ReviewOutcome | None, found: bool) -> None:
    """What became of the decisions: how many applied, each stale one, what
    the word list learned."""
    if review is None:
        return
    how = "found beside the outputs" if found else "given"
    click.echo(f"  applied {review.applied} decisions from {review.decisions} ({how})", err=True)
    for label in review.stale:
        click.echo(f"  stale decision, not applied: {label} (no such edit or flag now, "
                   "or a later decision on the same stretch)", err=True)
    if review.learned:
        click.echo(f"  added {review.learned} entries to {review.words_file}", err=True)


def read_word_list(path: Path) -> frozenset[str]:
    """The trusted words of a project word list (the batch command's)."""
    return read_project_words(path).words


@cli.command("stages")
def stages_command() -> None:
    """List the stages in the order they run."""
    width = max(len(s.name) for s in STAGES)
    for number, stage in enumerate(STAGES, 1):
        click.echo(f"{number}. {stage.name:<{width}}  {stage.summary}")


@cli.command("restore")
@click.argument("clean_path", metavar="CLEAN", type=click.Path(path_type=Path))
@click.argument("report_path", metavar="REPORT.json", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "output",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Write the raw input here instead of standard output.",
)
def restore_command(clean_path: Path, report_path: Path, output: Path | None) -> None:
    """Rebuild the raw input, byte for byte, from CLEAN and its JSON report."""
    try:
        clean = read_text_exact(clean_path)
        report = json.loads(read_text_exact(report_path))
        data = restore_from_report(clean, report)
    except InputError as exc:
        fail(str(exc))
        return
    except (ValueError, KeyError, TypeError) as exc:
        message = (
            str(exc)
            if isinstance(exc, RestoreError)
            else f"{report_path}: not a clean-scan JSON report"
        )
        fail(message)
        return
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if any(same_file(output, given) for given in (clean_path, report_path)):
        fail(f"{output}: refusing to write over an input of restore")
    if output.is_dir():
        fail(f"{output}: is a directory")
    with one_line_errors("write the restored input"):
        write_atomic(output, data)



def read_text_exact(path: Path) -> str:
    """Read UTF-8 without newline translation: offsets must match exactly."""
    try:
        with path.open("r", encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _register_optional_commands() -> None:
    """Subcommands that live in their own modules."""
    try:
        from clean_scan.cli_lexicon import lexicon_command
    except ImportError:
        pass
    else:
        cli.add_command(lexicon_command, "lexicon")
    try:
        from clean_scan.cli_eval import eval_command
    except ImportError:
        pass
    else:
        cli.add_command(eval_command, "eval")
    try:
        from clean_scan.cli_batch import batch_command
    except ImportError:
        pass
    else:
        cli.add_command(batch_command, "batch")
    from clean_scan.cli_review import adopt_command, review_command

    cli.add_command(adopt_command, "adopt")
    cli.add_command(review_command, "review")
    cli.add_command(rules_command, "rules")
    cli.add_command(rule_command, "rule")


_register_optional_commands()


def main() -> None:
    collect_rarely()
    cli(prog_name="clean-scan")
