"""The JSON report: a versioned, documented record of one cleaning run.

Schema ``clean-scan/report`` version 1 (see docs/report-schema.md):

``schema``, ``version``
    Fixed strings/numbers; a reader checks them first.
``input``
    ``name``, ``sha256`` and ``bytes`` of the raw file; ``encoding`` it was
    read in; ``bom`` whether it began with a UTF-8 byte-order mark.
``options``
    What the run was asked for: ``min_confidence``, ``project_words`` (the
    checksum of the ``--words`` list, or null), ``collection_words`` (whether
    a collection vocabulary was learned); a resumed batch redoes a file whose
    options differ.
``output``
    ``clean_sha256``: the checksum of the clean text written with this
    report (how clean-scan recognises its own outputs); ``segments`` for a
    large input cleaned in pieces.
``stages``
    The stages that ran, in order, each ``{"name", "edits", "flags"}``.
``edits``
    Every applied change: ``id``, ``stage``, ``rule``, ``start``/``end`` (raw
    character offsets), ``line``/``column`` (1-based, in the raw input),
    ``before`` (what the stage saw), ``after``, ``confidence`` (0-1),
    ``reason``.
``flags``
    Every suspicious stretch left unchanged: ``stage``, ``rule``, ``start``,
    ``end``, ``line``, ``column``, ``text``, ``confidence``, ``reason``,
    ``suggestions``.
``restore``
    ``hunks``: ``[clean_start, clean_end, raw_text]`` for every changed
    stretch of the clean text (character offsets); with ``input.encoding``
    and ``input.bom`` they rebuild the raw file byte for byte.
"""

from __future__ import annotations

import bisect
import json
from typing import Any

from clean_scan.decoding import DecodedInput
from clean_scan.pipeline import Result

SCHEMA = "clean-scan/report"
VERSION = 1


class LineIndex:
    """Offsets to 1-based line and column, by binary search over line starts."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def build_report(result: Result, source: DecodedInput, name: str,
                 options: dict[str, Any] | None = None,
                 output: dict[str, Any] | None = None) -> dict[str, Any]:
    """The report as plain data, ready for ``json.dumps``; the short fields
    come first, so a reader can take the head of a huge report."""
    index = LineIndex(result.raw)
    counts = result.counts_by_stage()
    edits = []
    for number, edit in enumerate(result.edits, 1):
        line, column = index.locate(edit.raw_start)
        edits.append(
            {
                "id": number,
                "stage": edit.stage,
                "rule": edit.rule,
                "start": edit.raw_start,
                "end": edit.raw_end,
                "line": line,
                "column": column,
                "before": edit.before,
                "after": edit.after,
                "confidence": edit.confidence,
                "reason": edit.reason,
            }
        )
    flags = []
    for flag in result.flags:
        line, column = index.locate(flag.raw_start)
        flags.append(
            {
                "stage": flag.stage,
                "rule": flag.rule,
                "start": flag.raw_start,
                "end": flag.raw_end,
                "line": line,
                "column": column,
                "text": flag.text,
                "confidence": flag.confidence,
                "reason": flag.reason,
                "suggestions": list(flag.suggestions),
            }
        )
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "input": {
            "name": name,
            "sha256": source.sha256,
            "bytes": source.size,
            "encoding": source.encoding,
            "bom": source.bom,
        },
        "options": options or {},
        "output": output or {},
        "stages": [{"name": n, **c} for n, c in counts.items()],
        "edits": edits,
        "flags": flags,
        "restore": {"hunks": [list(h) for h in result.hunks]},
    }


LONG_FIELDS = ("edits", "flags")


def render_json(report: dict[str, Any]) -> str:
    """The report as text: the short head indented, then one edit, flag or
    hunk per line. A person can read and grep it, and each item goes through
    the C encoder (``indent`` would force the pure-Python one, three times
    slower on a book).
    """
    head = {k: v for k, v in report.items() if k not in (*LONG_FIELDS, "restore")}
    parts = [json.dumps(head, ensure_ascii=False, indent=1)[:-2]]
    for key in LONG_FIELDS:
        parts.append(f',\n "{key}": [{_one_per_line(report[key], "  ")}]')
    hunks = report["restore"]["hunks"]
    parts.append(f',\n "restore": {{"hunks": [{_one_per_line(hunks, "  ")}]}}\n}}\n')
    return "".join(parts)


def _one_per_line(items: list[Any], indent: str) -> str:
    if not items:
        return ""
    dumps = json.dumps
    body = ",".join(f"\n{indent}{dumps(item, ensure_ascii=False)}" for item in items)
    return body + "\n "
