"""Writing outputs safely: atomically, never onto the input, and never over
a file that clean-scan did not write itself.

"Ours" is decided from the file itself: a JSON report carries the schema
name, an HTML report a generator tag, and a clean text is ours when the
report beside it records the clean text's checksum.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from clean_scan.decoding import InputError


def _process_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_process_umask()
"""mkstemp makes private files; outputs get the mode any new file would."""

HTML_GENERATOR_TAG = '<meta name="generator" content="clean-scan">'
JSON_SCHEMA_NAME = "clean-scan/report"


@dataclass(frozen=True)
class OutputPaths:
    clean: Path | None  # None: standard output
    html: Path | None
    json: Path | None
    layout: Path | None = None  # the clean pages in a layout format (from a layout input)


LAYOUT_EXTENSIONS = {"alto": "clean.alto.xml", "hocr": "clean.hocr", "page": "clean.page.xml"}
"""The layout formats clean-scan writes, and the end of their file names."""
LAYOUT_SUFFIXES = (".alto.xml", ".page.xml", ".xml", ".hocr", ".html", ".htm", ".txt")


def layout_path(input_path: Path, out_dir: Path | None, kind: str) -> Path:
    """Where the clean pages of ``input_path`` in format ``kind`` go:
    ``book.alto.xml`` -> ``book.clean.alto.xml``, ``book.hocr`` ->
    ``book.clean.hocr``."""
    name = input_path.name
    base = next((name[: -len(s)] for s in LAYOUT_SUFFIXES if name.lower().endswith(s)), name)
    folder = out_dir if out_dir is not None else input_path.parent
    return folder / f"{base}.{LAYOUT_EXTENSIONS[kind]}"


def stem_of(path: Path) -> str:
    """The name without a final ``.txt``: ``a.b.txt`` -> ``a.b``."""
    return path.name[:-4] if path.name.lower().endswith(".txt") else path.name


def plan_outputs(
    input_path: Path, out_dir: Path | None, clean_path: str | None, with_reports: bool
) -> OutputPaths:
    folder = out_dir if out_dir is not None else input_path.parent
    stem = stem_of(input_path)
    if clean_path == "-":
        clean = None
    elif clean_path is not None:
        clean = Path(clean_path)
    else:
        clean = folder / f"{stem}.clean.txt"
    html = folder / f"{stem}.report.html" if with_reports else None
    report = folder / f"{stem}.report.json" if with_reports else None
    return OutputPaths(clean, html, report)


def check_writable(paths: OutputPaths, input_path: Path, force: bool) -> None:
    """Refuse before anything is written, so a refusal leaves no half-done run."""
    targets = [p for p in (paths.clean, paths.html, paths.json, paths.layout) if p is not None]
    reports: dict[Path, dict | None] = {}  # the JSON report, read once for two checks
    for k, target in enumerate(targets):
        if any(same_file(target, other) for other in targets[k + 1:]):
            raise InputError(f"{target}: named for two of this run's outputs (the clean text "
                             "and a report, or the clean pages); give the clean text another "
                             "name")
        if same_file(target, input_path):
            raise InputError(f"{target}: refusing to write over the input file")
        if target.is_dir():
            raise InputError(f"{target}: is a directory")
        if target.exists() and not force and not _is_ours(target, paths, reports):
            raise InputError(
                f"{target}: exists and was not written by clean-scan (use --force to replace it)"
            )


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path once resolved, or a
    hard link to it."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_ours(target: Path, paths: OutputPaths, reports: dict[Path, dict | None]) -> bool:
    try:
        if target == paths.json:
            return _report_data(target, reports) is not None
        if target == paths.html:
            with target.open("r", encoding="utf-8", errors="replace") as fh:
                return HTML_GENERATOR_TAG in fh.read(4096)
        for path, key in ((paths.clean, "clean_sha256"), (paths.layout, "layout_sha256")):
            if target == path and paths.json is not None:
                data = _report_data(paths.json, reports)
                return (
                    data is not None
                    and data.get("output", {}).get(key)
                    == hashlib.sha256(target.read_bytes()).hexdigest()
                )
    except OSError:
        return False
    return False


LARGE_REPORT = 32 * 1024 * 1024
"""Reports larger than this are judged by their head (see segments)."""


def _report_data(path: Path, reports: dict[Path, dict | None]) -> dict | None:
    """The report at ``path`` if it is one of ours, else None; ``reports``
    keeps what was read (a book's report takes milliseconds to parse)."""
    if path not in reports:
        reports[path] = _read_report(path)
    return reports[path]


def _read_report(path: Path) -> dict | None:
    try:
        if path.stat().st_size > LARGE_REPORT:
            from clean_scan.segments import read_report_head

            return read_report_head(path)
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("schema") == JSON_SCHEMA_NAME else None


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it, so a
    reader (or an interrupted run) never sees half a file."""
    with atomic_file(path) as fh:
        fh.write(data)


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """An open binary file that becomes ``path`` only when the block ends
    without an exception; for outputs too large to hold in memory at once."""
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _temp_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in ``path``'s folder (made if need be), open, to
    be renamed over ``path``; refused when ``path`` is not a regular file (a
    device, a pipe or a socket is never replaced by a file: ``/dev/full``)."""
    if (path.exists() or path.is_symlink()) and not path.is_file():
        raise InputError(f"{path}: not a regular file; refusing to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)


def write_all_atomic(outputs: list[tuple[Path, bytes]]) -> None:
    """Write several files as one: each to a temporary file beside its
    target, and only when all are written (the disk may fill on the last)
    each renamed over its target; on any failure none is replaced, so a
    file's outputs are all new or all as they were."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in outputs:
            fd, tmp = _temp_beside(path)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, _FILE_MODE)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def remove_partial_writes(folder: Path) -> int:
    """Delete the temporary files of atomic writes that a killed or
    interrupted run left below ``folder``: a signal can land after
    ``mkstemp`` has made the file and before the write's clean-up is armed."""
    removed = 0
    for parent, _dirs, files in os.walk(folder):
        for name in files:
            if name.startswith(".") and name.endswith(".part"):
                Path(parent, name).unlink(missing_ok=True)
                removed += 1
    return removed
