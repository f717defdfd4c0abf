"""clean-scan's speed against a naive spell-checker, and on a long book.

Three comparisons, each of whole processes started cold, run in turn (A B A
B …, the order swapped every round so a drifting machine weighs on both)
and quoted as medians:

- ``book``: ``clean-scan BOOK`` (both reports written) against the naive
  symspellpy peer (``benchmarks/naive_peer.py``: the same word list, every
  word looked up at edit distance 2) on ``samples/ussr-1942.txt``;
- ``news``: ``clean-scan batch -j 1 --no-report`` against the peer on the
  85 newspaper articles of ``../shared/corpus/overproof-dev`` (the
  ``*.raw.txt``, copied to a temporary folder so nothing is written beside
  the corpus);
- ``scaling``: ``clean-scan`` on the book repeated 16 times in one file
  against the book once: a linear tool takes about 16 times as long for
  the work and once the start-up.

Everything is written under a temporary folder, removed at the end. The
package's bytecode is compiled first (``compileall``), as installing it
does: a run that compiles every module from source (an editable install
with ``PYTHONDONTWRITEBYTECODE`` set) spends a tenth of a second on that.

    python benchmarks/speed.py [--runs 5] [--only book news scaling]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "samples" / "ussr-1942.txt"
NEWS = ROOT.parent / "shared" / "corpus" / "overproof-dev"
PEER = Path(__file__).resolve().parent / "naive_peer.py"
CLEAN_SCAN = [sys.executable, "-m", "clean_scan"]
COPIES = 16


def timed(cmd: list[str], fresh: Path | None = None) -> float:
    """Wall seconds of ``cmd`` as a whole process (``fresh``: an output
    folder emptied first, so every run writes from scratch)."""
    if fresh is not None:
        shutil.rmtree(fresh, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return seconds


def interleaved(runs: int, a: Callable[[], float], b: Callable[[], float]
                ) -> tuple[list[float], list[float]]:
    """``runs`` timings of each, in turn, after one warm-up of each (the
    files read once, so no run pays for the disk)."""
    a(), b()
    times_a: list[float] = []
    times_b: list[float] = []
    for n in range(runs):
        if n % 2:
            times_b.append(b())
            times_a.append(a())
        else:
            times_a.append(a())
            times_b.append(b())
    return times_a, times_b


def show(name: str, label_a: str, label_b: str, times: tuple[list[float], list[float]],
         target: str) -> float:
    """Print both medians and the ratio of the medians (and the median of
    the ratios run by run); return the ratio of the medians."""
    times_a, times_b = times
    med_a, med_b = statistics.median(times_a), statistics.median(times_b)
    pairs = statistics.median(x / y for x, y in zip(times_a, times_b, strict=True))
    print(f"{name}: {label_a} {med_a:.3f} s (min {min(times_a):.3f}, max {max(times_a):.3f}), "
          f"{label_b} {med_b:.3f} s (min {min(times_b):.3f}, max {max(times_b):.3f}); "
          f"ratio {med_a / med_b:.3f} (median of pairs {pairs:.3f}; target {target}; "
          f"{len(times_a)} runs each)", flush=True)
    return med_a / med_b


def has_no_report(work: Path) -> bool:
    """Whether this clean-scan's ``batch`` takes ``--no-report``."""
    proc = subprocess.run([*CLEAN_SCAN, "batch", "--help"], capture_output=True, text=True,
                          cwd=work)
    return "--no-report" in proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=["book", "news", "scaling"],
                        default=["book", "news", "scaling"])
    args = parser.parse_args()
    spec = importlib.util.find_spec("clean_scan")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
    work = Path(tempfile.mkdtemp(prefix="clean-scan-speed-"))
    try:
        if "book" in args.only:
            out = work / "book"
            show("book", "clean-scan", "peer", interleaved(
                args.runs,
                lambda: timed([*CLEAN_SCAN, str(BOOK), "--out-dir", str(out / "cs")], out / "cs"),
                lambda: timed([sys.executable, str(PEER), str(BOOK), "--out-dir",
                               str(out / "peer")], out / "peer")), "<= 0.15")
        if "news" in args.only:
            news = work / "news"
            news.mkdir()
            for path in sorted(NEWS.glob("*.raw.txt")):
                shutil.copy(path, news / path.name)
            inputs = sorted(str(p) for p in news.iterdir())
            out = work / "news-out"
            flags = ["--no-report"] if has_no_report(work) else []
            label = "batch -j 1 " + " ".join(flags)
            show(f"news ({len(inputs)} files)", label.strip(), "peer", interleaved(
                args.runs,
                lambda: timed([*CLEAN_SCAN, "batch", str(news), "--out-dir", str(out / "cs"),
                               "-j", "1", *flags], out / "cs"),
                lambda: timed([sys.executable, str(PEER), *inputs, "--out-dir",
                               str(out / "peer")], out / "peer")), "<= 0.5")
        if "scaling" in args.only:
            text = BOOK.read_text(encoding="utf-8")
            long = work / "book16.txt"
            long.write_text(text * COPIES, encoding="utf-8")
            out = work / "scaling"
            ratio = show(f"scaling ({COPIES} copies)", f"{COPIES}x", "1x", interleaved(
                args.runs,
                lambda: timed([*CLEAN_SCAN, str(long), "--out-dir", str(out / "16")],
                              out / "16"),
                lambda: timed([*CLEAN_SCAN, str(BOOK), "--out-dir", str(out / "1")], out / "1")),
                "<= 2.5")
            print(f"scaling per copy: {ratio / COPIES:.3f} of one copy's time")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
