"""A volume of one text file per page, as HathiTrust and many digitisation
projects export a book: a folder, or a zip, of ``00000001.txt``,
``00000002.txt`` … in page order. Read as one text, pages parted by form
feeds, each page decoded on its own (one page's stray byte does not make
the others Latin-1)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import regex

from clean_scan.decoding import InputError, read_regular_file, size_text

MAX_PAGES = 100_000
DIGITS = regex.compile(r"(\d+)")


def page_order(name: str) -> tuple:
    """Sort key: numbers by their value (``p2`` before ``p10``).

    >>> sorted(["p10.txt", "p2.txt", "p1.txt"], key=page_order)
    ['p1.txt', 'p2.txt', 'p10.txt']
    """
    return tuple(int(part) if part.isdigit() else part for part in DIGITS.split(name))


def decode_page(data: bytes) -> str:
    """A page's text: UTF-8, else Windows-1252, else Latin-1; lines ended by ``\\n``."""
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def join_pages(pages: list[str]) -> str:
    return "\f".join(pages)


def read_zip(data: bytes, name: str, max_bytes: int) -> str:
    """The pages of a zip of page files, in order; bounded in size and count."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist()
                   if not info.is_dir() and info.filename.lower().endswith(".txt")
                   and not Path(info.filename).name.startswith(".")]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{name}: not a readable zip ({exc})") from None
    if not members:
        raise InputError(f"{name}: a zip without page files (*.txt)")
    if len(members) > MAX_PAGES:
        raise InputError(f"{name}: more than {MAX_PAGES:,} page files")
    pages, total = [], 0
    for info in sorted(members, key=lambda i: page_order(i.filename)):
        try:
            with archive.open(info) as member:
                body = member.read(max_bytes - total + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise InputError(f"{name}: cannot read {info.filename} in the zip ({exc})") from None
        total += len(body)
        if total > max_bytes:
            raise InputError(f"{name}: its pages hold more than {size_text(max_bytes)} "
                             "(--max-size)")
        pages.append(decode_page(body))
    return join_pages(pages)


def read_folder(path: Path, max_bytes: int) -> str:
    """The pages of a folder of page files (``*.txt``, not clean-scan's own
    outputs), in order."""
    files = sorted((p for p in path.iterdir() if p.suffix.lower() == ".txt"
                    and not p.name.startswith(".") and not p.name.endswith(".clean.txt")),
                   key=lambda p: page_order(p.name))
    if not files:
        raise InputError(f"{path}: a folder without page files (*.txt); "
                         "to clean each file of a folder, use clean-scan batch")
    if len(files) > MAX_PAGES:
        raise InputError(f"{path}: more than {MAX_PAGES:,} page files")
    pages, total = [], 0
    for file in files:
        body = read_regular_file(file, max_bytes - total)
        total += len(body)
        pages.append(decode_page(body))
    return join_pages(pages)
