"""Throughput and memory of ``clean-scan batch``, measured the way a user
runs it (the installed command, in a subprocess).

Default mode: build a collection of 200 files (about 35 MB) from copies and
variants of ``samples/ussr-1942.txt`` (pages shuffled, CRLF and CR line
ends, Windows-1252, a BOM, halves and doubles) in a temporary folder, run
``clean-scan batch`` on it with ``-j 1`` and ``-j 2``, and print files/s,
MB/s and the speed-up.

``--big``: build one 50 MB file and clean it with the single-file command;
print the time and the peak memory (``ru_maxrss`` of the child), for a
first run and for a rerun over its own outputs.

    python benchmarks/batch_throughput.py [--files 200] [--jobs 1 2] [--skip STAGE]
    python benchmarks/batch_throughput.py --big [--size-mb 50]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"
PAGE_SEAM = re.compile(r"(?:[ \t]*\n){3,}")


def pages(text: str) -> list[str]:
    """The sample's pages: the text between runs of three or more blank lines."""
    return [p for p in PAGE_SEAM.split(text) if p.strip()]


def variant(text: str, n: int, rng: random.Random) -> bytes:
    """The n-th file of the collection: a copy of the book, changed in a way
    real collections vary (page order, line ends, encoding, length)."""
    kind = n % 8
    if kind == 1:
        book = pages(text)
        rng.shuffle(book)
        text = "\n\n\n\n".join(book) + "\n"
    elif kind == 2:
        text = text.replace("\n", "\r\n")
    elif kind == 3:
        return text.encode("cp1252", errors="replace")
    elif kind == 4:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    elif kind == 5:
        book = pages(text)
        text = "\n\n\n\n".join(book[: len(book) // 2] + book[: len(book) // 2]) + "\n"
    elif kind == 6:
        text = text.replace("\n", "\r")
    elif kind == 7:
        book = pages(text)
        text = "\n\n\n\n".join(rng.sample(book, len(book))) + "\n"
    return text.encode("utf-8")


def build_collection(folder: Path, files: int) -> int:
    text = SAMPLE.read_text(encoding="utf-8")
    rng = random.Random(1942)
    total = 0
    for n in range(files):
        target = folder / f"box{n // 50:02d}" / f"pamphlet {n:03d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = variant(text, n, rng)
        target.write_bytes(data)
        total += len(data)
    return total


MEASURE = ("import resource, subprocess, sys; "
           "code = subprocess.run(sys.argv[1:]).returncode; "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
           "sys.exit(code)")
"""Runs a command and prints the peak RSS of its process tree (KiB), so
each measurement is of that command alone."""


def run(cmd: list[str]) -> tuple[float, int, str]:
    """Wall time, peak RSS of the command's process tree (bytes) and stderr."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    lines = proc.stderr.strip().splitlines()
    return seconds, int(lines[-1]) * 1024, "\n".join(lines[:-1])


def throughput(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="clean-scan-bench-"))
    try:
        src = work / "collection"
        size = build_collection(src, args.files)
        print(f"collection: {args.files} files, {size / 1e6:.1f} MB in {src}")
        skip = [x for stage in args.skip for x in ("--skip", stage)]
        rates = {}
        for jobs in args.jobs:
            out = work / f"out-j{jobs}"
            seconds, peak, err = run([sys.executable, "-m", "clean_scan", "batch", str(src),
                                       "--out-dir", str(out), "-j", str(jobs), *skip])
            last = err.strip().splitlines()
            summary = next((line for line in last if "files:" in line), "")
            rates[jobs] = args.files / seconds
            print(f"-j {jobs}: {seconds:.1f} s, {args.files / seconds:.2f} files/s, "
                  f"{size / 1e6 / seconds:.2f} MB/s ({size / 1e6 / seconds / jobs:.2f} MB/s "
                  f"per worker); peak RSS {peak / 1e6:.0f} MB\n    {summary}")
        if 1 in rates:
            for jobs, rate in rates.items():
                if jobs != 1:
                    print(f"speed-up -j {jobs} over -j 1: {rate / rates[1]:.2f}x")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def big(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="clean-scan-big-"))
    try:
        text = SAMPLE.read_text(encoding="utf-8")
        rng = random.Random(50)
        target = work / "big.txt"
        size = 0
        with target.open("wb") as fh:
            while size < args.size_mb * 1_000_000:
                book = pages(text)
                rng.shuffle(book)
                data = ("\n\n\n\n".join(book) + "\n\n\n\n").encode("utf-8")
                fh.write(data)
                size += len(data)
        skip = [x for stage in args.skip for x in ("--skip", stage)]
        cmd = [sys.executable, "-m", "clean_scan", str(target), "--out-dir", str(work / "out"),
               *skip]
        for attempt in ("first run", "rerun over its own outputs"):
            seconds, peak, err = run(cmd)
            print(f"big file, {attempt}: {size / 1e6:.1f} MB in {seconds:.1f} s "
                  f"({size / 1e6 / seconds:.2f} MB/s); peak RSS {peak / 1e6:.0f} MB "
                  f"({peak / size:.1f}x the input)\n    {err.strip().splitlines()[0]}")
        for path in sorted((work / "out").iterdir()):
            print(f"    {path.name}: {path.stat().st_size / 1e6:.1f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--skip", action="append", default=[], help="stage to skip")
    parser.add_argument("--big", action="store_true", help="one large file: peak memory")
    parser.add_argument("--size-mb", type=float, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    big(args) if args.big else throughput(args)


if __name__ == "__main__":
    main()
