"""Finding the files of a batch, and where each one's outputs go.

An input is a file, a directory (searched recursively for ``*.txt`` and
the layout formats: :func:`clean_scan.formats.batch_input`) or a glob
pattern. The output folder mirrors each file's path relative to its
root: a directory's files keep their path under it, a file given by name is
written at the top, a pattern's matches keep their path under the part of
the pattern before its first wildcard.

What a batch must never do, and how it is prevented here:

* write outside the output folder: relative paths never hold ``..`` and the
  resolved output folder is checked to lie inside the resolved ``--out-dir``
  (a symlinked subfolder pointing elsewhere is refused);
* read a file through a symlink that leads out of the folder being searched
  (a shared folder can hold links anywhere): refused with a recorded error;
* let two inputs write the same outputs: the second is refused, naming the
  first;
* clean its own outputs: the output folder is not searched, nor hidden files,
  nor a ``*.clean.txt`` that has its clean-scan report beside it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from clean_scan.formats import batch_input
from clean_scan.outputs import stem_of

WILDCARDS = frozenset("*?[")


@dataclass(frozen=True)
class Job:
    """One input file of the batch. ``rel`` is its path under its root, which
    the outputs mirror; ``error`` says why it is refused before cleaning."""

    index: int
    source: Path
    rel: PurePosixPath
    error: str | None = None

    @property
    def output_stem(self) -> PurePosixPath:
        """Outputs are ``<stem>.clean.txt`` etc. in this folder of the out dir."""
        return self.rel.parent / stem_of(Path(self.rel.name))


class UnsafeOutputPath(ValueError):
    """An output path that would land outside the output folder."""


def discover(inputs: Sequence[str], out_dir: Path) -> list[Job]:
    """Every input file, in a stable order, each with its relative output path.

    Problems are jobs too (with ``error`` set), so that the summary lists
    them and the exit code reports them.
    """
    out_resolved = out_dir.resolve()
    found: list[tuple[Path, PurePosixPath, str | None]] = []
    for arg in inputs:
        found.extend(_expand(arg, out_resolved))
    return _number(found)


def _expand(arg: str, out_resolved: Path) -> Iterator[tuple[Path, PurePosixPath, str | None]]:
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path, path, out_resolved)
    elif path.exists() or path.is_symlink():
        yield path, PurePosixPath(path.name), None
    elif WILDCARDS & set(arg):
        yield from _glob(arg, out_resolved)
    else:
        yield path, PurePosixPath(path.name or arg), f"{arg}: no such file or directory"


def _glob(pattern: str, out_resolved: Path) -> Iterator[tuple[Path, PurePosixPath, str | None]]:
    root = glob_root(pattern)
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Path(pattern), PurePosixPath(Path(pattern).name), \
            f"{pattern}: the pattern matches no file"
        return
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _walk(path, root, out_resolved)
        elif not _is_hidden(path.relative_to(root)) and not _is_our_output(path):
            yield _checked(path, root)  # a pattern skips the outputs, as a folder does


def glob_root(pattern: str) -> Path:
    """The folder part of a pattern before its first wildcard.

    >>> glob_root("scans/1942/*.txt"), glob_root("scans/**/a?.txt"), glob_root("*.txt")
    (PosixPath('scans/1942'), PosixPath('scans'), PosixPath('.'))
    """
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if WILDCARDS & set(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _walk(folder: Path, root: Path, out_resolved: Path
          ) -> Iterator[tuple[Path, PurePosixPath, str | None]]:
    """The input files under ``folder``, depth first in name order; symlinked
    folders are not entered (they could loop, or lead anywhere)."""
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and (here / d).resolve() != out_resolved)
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or not batch_input(path):
                continue
            if _is_our_output(path):
                continue
            yield _checked(path, root)


def _checked(path: Path, root: Path) -> tuple[Path, PurePosixPath, str | None]:
    rel = PurePosixPath(path.relative_to(root).as_posix())
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            return path, rel, f"{path}: a symlink pointing outside {root} (to {target}); skipped"
    return path, rel, None


def _is_hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _is_our_output(path: Path) -> bool:
    """A clean text written by clean-scan beside its input: not an input."""
    if not path.name.lower().endswith(".clean.txt"):
        return False
    return path.with_name(path.name[: -len(".clean.txt")] + ".report.json").exists()


def _number(found: list[tuple[Path, PurePosixPath, str | None]]) -> list[Job]:
    """Drop repeats of the same file; refuse a second file with the same outputs."""
    jobs: list[Job] = []
    by_source: set[str] = set()
    by_output: dict[str, Path] = {}
    for source, rel, error in found:
        key = _identity(source)
        if key in by_source:
            continue
        by_source.add(key)
        job = Job(len(jobs), source, rel, error)
        taken = by_output.get(str(job.output_stem).casefold())
        if error is None and taken is not None:
            error = (f"{source}: its outputs would overwrite those of {taken} "
                     f"({job.output_stem}.clean.txt); skipped: rename it or batch its "
                     "folder separately")
            job = Job(job.index, source, rel, error)
        elif error is None:
            by_output[str(job.output_stem).casefold()] = source
        jobs.append(job)
    return jobs


def _identity(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def output_folder(out_dir: Path, job: Job) -> Path:
    """The folder for ``job``'s outputs, checked to lie inside ``out_dir``.

    >>> output_folder(Path("/tmp/out"), Job(0, Path("a/b.txt"), PurePosixPath("a/b.txt")))
    PosixPath('/tmp/out/a')
    """
    rel = job.rel.parent
    if rel.is_absolute() or ".." in rel.parts:
        raise UnsafeOutputPath(f"{job.source}: its output path {rel} leaves the output folder")
    folder = out_dir / rel
    resolved, root = folder.resolve(), out_dir.resolve()
    if not resolved.is_relative_to(root):
        raise UnsafeOutputPath(f"{job.source}: its output folder {folder} leads outside "
                               f"{out_dir} (to {resolved})")
    return folder
