"""Read a rendered pamphlet's scanned pages with another OCR engine.

``render_pamphlets.py`` (and ``render_more.py``) read every page with
Tesseract. To measure clean-scan on the errors of an engine it was never
tuned on, render with ``--work DIR`` (which keeps the page images), then
read ``DIR/scan/p*.png`` with GNU Ocrad or GOCR (Debian's ``ocrad`` and
``gocr``; ``netpbm`` is not needed: the images are converted with Pillow)
and write ``OUT/NAME.raw.txt`` the way the renderer assembles Tesseract's
pages (a form feed after each page for style B, one blank line between
pages otherwise), with the gold and the page record copied beside it::

    python benchmarks/render_more.py --name x --out made/t --work work/x ...
    python benchmarks/other_engine.py --engine ocrad --work work/x \\
        --pamphlet made/t/x --out made/engines --name x-ocrad

Needs Pillow (as the renderer does) and the engine's command.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ENGINES = {
    "ocrad": lambda image: ["ocrad", "--format=utf8", str(image)],
    "gocr": lambda image: ["gocr", "-i", str(image)],
}


def read_page(engine: str, png: Path, scratch: Path) -> str:
    """The page's text as the engine reads it (from a PGM copy)."""
    pgm = scratch / (png.stem + ".pgm")
    Image.open(png).convert("L").save(pgm)
    done = subprocess.run(ENGINES[engine](pgm), capture_output=True, text=True, check=True)
    return done.stdout


def assemble(texts: list[str], style: str) -> str:
    """The pages joined as the renderer joins Tesseract's."""
    if style == "B":
        return "".join(t.rstrip("\n") + "\n\f" for t in texts)
    parts = [t.strip("\n") for t in texts]
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=sorted(ENGINES), required=True)
    parser.add_argument("--work", type=Path, required=True, help="the renderer's --work folder")
    parser.add_argument("--pamphlet", type=Path, required=True,
                        help="the rendered pamphlet's path without .raw.txt (for its gold)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--unscanned", action="store_true",
                        help="read the pages as typeset, before the scan's degradation")
    args = parser.parse_args(argv)
    if shutil.which(args.engine) is None:
        sys.exit(f"other_engine: {args.engine} not found (apt-get install {args.engine})")
    record = json.loads(args.pamphlet.with_suffix(".pages.json").read_text(encoding="utf-8"))
    pages = sorted((args.work / ("clean" if args.unscanned else "scan")).glob("p*.png"))
    with tempfile.TemporaryDirectory() as scratch:
        texts = [read_page(args.engine, png, Path(scratch)) for png in pages]
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / args.name
    Path(f"{stem}.raw.txt").write_text(assemble(texts, record["style"]), encoding="utf-8")
    shutil.copyfile(f"{args.pamphlet}.gold.txt", f"{stem}.gold.txt")
    record["ocr_engine"] = args.engine
    Path(f"{stem}.pages.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    print(f"{args.name}: {len(pages)} pages read by {args.engine}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
