"""Rebuilding the raw input from the clean text and the report's hunks.

Cleaning must never lose what the user gave us: every changed stretch of the
clean text is recorded with the raw text it replaced, so the raw input comes
back byte for byte (the encoding, byte-order mark and line ends are
recorded too).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from clean_scan.decoding import BOMS, file_line_ends


class RestoreError(ValueError):
    """The clean text and the report do not belong together."""


def restore_text(clean: str, hunks: Iterable[tuple[int, int, str]]) -> str:
    """Put the raw text of each hunk back in place of its clean stretch.

    >>> restore_text("The end", [(0, 3, "X he")])
    'X he end'
    """
    parts: list[str] = []
    pos = 0
    for start, end, raw in hunks:
        if start < pos or end < start or end > len(clean):
            raise RestoreError("the report's changes do not fit this clean text")
        parts.append(clean[pos:start])
        parts.append(raw)
        pos = end
    parts.append(clean[pos:])
    return "".join(parts)


def restore_bytes(
    clean: str,
    hunks: Iterable[tuple[int, int, str]],
    encoding: str,
    bom: bool,
    sha256: str | None = None,
    line_ends: str = "lf",
) -> bytes:
    """The raw input file's bytes; checked against its recorded checksum."""
    text = file_line_ends(restore_text(clean, hunks), line_ends)
    # a stray byte of a UTF-8 file was read as a lone surrogate: it goes back as the byte
    data = text.encode(encoding, errors="surrogateescape" if encoding == "utf-8" else "strict")
    if bom:
        data = BOMS.get(encoding, BOMS["utf-8"]) + data
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise RestoreError(
            "the rebuilt input does not match the checksum in the report "
            "(was the clean text edited?)"
        )
    return data


def restore_from_report(clean: str, report: dict[str, Any]) -> bytes:
    """The raw input file's bytes from the clean text and its parsed JSON
    report (either version: a version 1 report has no ``line_ends``, its raw
    text kept them). KeyError or TypeError when the report lacks a field."""
    source = report["input"]
    if not isinstance(source.get("sha256"), str) or len(source["sha256"]) != 64:
        raise RestoreError("the report records no checksum of the input, so the rebuilt "
                           "input could not be checked; refusing to restore from it")
    return restore_bytes(clean, [tuple(h) for h in report["restore"]["hunks"]],
                         source["encoding"], source["bom"], source["sha256"],
                         source.get("line_ends", "lf"))
