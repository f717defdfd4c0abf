r"""The JSON report: a versioned, documented record of one cleaning run.

Schema ``clean-scan/report`` version 3 (see docs/report-schema.md):

``schema``, ``version``
    Fixed strings/numbers; a reader checks them first.
``input``
    ``name``, ``sha256`` and ``bytes`` of the raw file; ``encoding`` it was
    read in; ``bom`` whether it began with a UTF-8 byte-order mark;
    ``line_ends`` how it ended its lines (``crlf`` and ``cr`` are read as
    ``\n``, so raw offsets count one character per line end).
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
``pages``
    The page map: per printed page ``index``, ``read`` (its number as the
    OCR read it, or ''), ``number`` (as inferred from the sequence, or
    ''), ``raw_start``/``raw_end``, ``raw_line`` (its first raw line) and
    ``clean_start`` (where it begins in the clean text).
``edits``
    Every applied change: ``id`` (stable across runs, see
    :mod:`clean_scan.review.ids`), ``stage``, ``rule``, ``start``/``end`` (raw
    character offsets), ``line``/``column`` (1-based, in the raw input),
    ``before`` (what the stage saw), ``after``, ``confidence`` (0-1),
    ``reason``.
``flags``
    Every suspicious stretch left unchanged: ``id``, ``stage``, ``rule``, ``start``,
    ``end``, ``line``, ``column``, ``text``, ``confidence``, ``reason``,
    ``suggestions``.
``restore``
    ``hunks``: ``[clean_start, clean_end, raw_text]`` for every changed
    stretch of the clean text (character offsets); with ``input.encoding``,
    ``input.bom`` and ``input.line_ends`` they rebuild the raw file byte for
    byte.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Sequence
from itertools import accumulate, count
from json.encoder import encode_basestring
from operator import add, attrgetter
from typing import Any

from clean_scan.decoding import DecodedInput
from clean_scan.document import Edit
from clean_scan.pipeline import Result
from clean_scan.review.ids import edit_id, flag_id, unique_ids
from clean_scan.rules import code_of

SCHEMA = "clean-scan/report"
VERSION = 3
r"""Version 3: edits and flags have stable string ids (version 2 numbered
the edits 1, 2, 3 and gave flags none). Version 2: a file with ``\r\n``
(or ``\r``) line ends throughout is read with ``\n`` ones, recorded once in
``input.line_ends``; version 1 kept them in the raw text and logged each
conversion as a normalise edit."""


class LineIndex:
    """Offsets to 1-based line and column, by binary search over line starts."""

    def __init__(self, text: str) -> None:
        # line n starts after the lengths of lines 1..n-1 and their n-1 line ends
        lengths = accumulate(map(len, text.split("\n")[:-1]), initial=0)
        self._starts = list(map(add, lengths, count()))

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def build_report(result: Result, source: DecodedInput, name: str,
                 options: dict[str, Any] | None = None,
                 output: dict[str, Any] | None = None) -> dict[str, Any]:
    """The report as plain data, ready for ``json.dumps``; the short fields
    come first, so a reader can take the head of a huge report."""
    index = LineIndex(result.raw)
    return {**_report_head(result, source, name, options, output),
            "edits": edit_items(result.edits, index),
            "flags": _flag_items(result, index),
            "restore": {"hunks": [list(h) for h in result.hunks]}}


def review_report(result: Result, listed: Callable[[Edit], bool]) -> dict[str, Any]:
    """What review needs of the report: the page map, the ``listed`` edits
    and the flags (a book's thousands of line joins are never built)."""
    index = LineIndex(result.raw)
    return {"pages": [page.to_json() for page in result.pages],
            "edits": edit_items(result.edits, index, listed),
            "flags": _flag_items(result, index)}


def edit_items(edits: Sequence[Edit], index: LineIndex,
               listed: Callable[[Edit], bool] | None = None) -> list[dict[str, Any]]:
    """The report's ``edits``, or only the ``listed`` ones (with the ids
    they have among all)."""
    items = []
    for item_id, edit in zip(edit_ids(edits), edits, strict=True):
        if listed is not None and not listed(edit):
            continue
        line, column = index.locate(edit.raw_start)
        items.append(
            {
                "id": item_id,
                "stage": edit.stage,
                "rule": edit.rule,
                "code": code_of(edit.rule),
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
    return items


def _report_head(result: Result, source: DecodedInput, name: str,
                 options: dict[str, Any] | None, output: dict[str, Any] | None
                 ) -> dict[str, Any]:
    """The short fields of the report, in their order."""
    counts = result.counts_by_stage()
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "input": input_record(source, name),
        "options": options or {},
        "output": output or {},
        "stages": [{"name": n, **c} for n, c in counts.items()],
        "pages": [page.to_json() for page in result.pages],
    }


def input_record(source: DecodedInput, name: str) -> dict[str, Any]:
    """The report's ``input`` object: what the file was and how it was read."""
    record = {"name": name, "sha256": source.sha256, "bytes": source.size,
              "encoding": source.encoding, "bom": source.bom, "line_ends": source.line_ends}
    if source.format != "text":  # the text was read out of a layout file or a volume
        record.update(format=source.format, file_sha256=source.file_sha256)
    return record


def edit_ids(edits: Sequence[Edit]) -> list[str]:
    """Each edit's stable id (:mod:`clean_scan.review.ids`)."""
    return unique_ids([edit_id(e.stage, e.rule, e.raw_start, e.raw_end) for e in edits])


def _flag_items(result: Result, index: LineIndex) -> list[dict[str, Any]]:
    flags = []
    ids = unique_ids([flag_id(f.stage, f.rule, f.raw_start, f.raw_end) for f in result.flags])
    for item_id, flag in zip(ids, result.flags, strict=True):
        line, column = index.locate(flag.raw_start)
        flags.append(
            {
                "id": item_id,
                "stage": flag.stage,
                "rule": flag.rule,
                "code": code_of(flag.rule),
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
    return flags


LONG_FIELDS = ("edits", "flags")

ITEM_JOINTS = {"edits": "}, {", "flags": "}, {", "hunks": "], [", "pages": "}, {"}
"""What ``json.dumps`` writes between two items of each long list: the
items are flat (no nested object in an edit or flag, no nested list in a
hunk), so every such joint that is not inside a string is a boundary."""


def render_json(report: dict[str, Any]) -> str:
    """The report as text: the short head indented, then one edit, flag or
    hunk per line. A person can read and grep it, and each list goes through
    the C encoder (``indent`` would force the pure-Python one, three times
    slower on a book).
    """
    head = {k: v for k, v in report.items() if k not in (*LONG_FIELDS, "restore")}
    edits = _one_per_line(report["edits"], ITEM_JOINTS["edits"])
    return _layout(head, edits, report["flags"], report["restore"]["hunks"])


def report_json(result: Result, source: DecodedInput, name: str,
                options: dict[str, Any] | None = None,
                output: dict[str, Any] | None = None) -> str:
    """``render_json(build_report(...))``, the same text, written straight
    from the result: for a book's thousands of edits, building a dict per
    edit and encoding it costs several times more than one f-string each."""
    index = LineIndex(result.raw)
    edits = _edit_lines(result.edits, index)
    if edits is None:
        return render_json(build_report(result, source, name, options, output))
    head = _report_head(result, source, name, options, output)
    # a hunk tuple is written as the list build_report makes of it
    return _layout(head, edits, _flag_items(result, index), result.hunks)


def _layout(head: dict[str, Any], edits: str, flags: list[Any], hunks: list[Any]) -> str:
    """The report's text around its edit lines (already made); the page
    map, a book's hundreds of pages, one page a line after the head."""
    short = {k: v for k, v in head.items() if k != "pages"}
    return "".join((
        json.dumps(short, ensure_ascii=False, indent=1)[:-2],
        f',\n "pages": [{_one_per_line(head.get("pages", []), ITEM_JOINTS["pages"])}]',
        f',\n "edits": [{edits}]',
        f',\n "flags": [{_one_per_line(flags, ITEM_JOINTS["flags"])}]',
        f',\n "restore": {{"hunks": [{_one_per_line(hunks, ITEM_JOINTS["hunks"])}]}}\n}}\n',
    ))


def _one_per_line(items: list[Any], joint: str, indent: str = "  ") -> str:
    """The items one per line, each as ``json.dumps`` writes it.

    The whole list is encoded in one call (thousands of calls, each setting
    up an encoder, cost several times more) and the line breaks go in at the
    joints between items. When a string holds the joint itself the count
    gives it away, and the items are encoded one by one instead.
    """
    if not items:
        return ""
    body = json.dumps(items, ensure_ascii=False)[1:-1]
    if body.count(joint) == len(items) - 1:
        body = body.replace(joint, f"{joint[0]},\n{indent}{joint[-1]}")
    else:
        dumps = json.dumps
        body = f",\n{indent}".join(dumps(item, ensure_ascii=False) for item in items)
    return f"\n{indent}{body}\n "


def _edit_lines(edits: Sequence[Edit], index: LineIndex) -> str | None:
    """The edit items one per line, as ``_one_per_line`` writes their dicts;
    None when a field is not of the plain type whose text an f-string writes
    as ``json.dumps`` does (``encode_basestring`` refuses anything but text
    by itself; an int subclass such as bool, a float subclass, or a NaN
    would be written differently)."""
    if not edits:
        return ""
    enc, starts, find_line = encode_basestring, index._starts, bisect.bisect_right
    names = _Encoded()  # stages, rules and reasons repeat
    lines = []
    try:
        if not (_plain(edits, "raw_start", {int}) and _plain(edits, "raw_end", {int})
                and _plain(edits, "confidence", {int, float})
                and all(map(math.isfinite, map(attrgetter("confidence"), edits)))):
            return None
        for item_id, edit in zip(edit_ids(edits), edits, strict=True):
            start = edit.raw_start
            line = find_line(starts, start)
            lines.append(
                f'{{"id": {enc(item_id)}, "stage": {names[edit.stage]}, '
                f'"rule": {names[edit.rule]}, "code": {names[code_of(edit.rule)]}, '
                f'"start": {start}, "end": {edit.raw_end}, "line": {line}, '
                f'"column": {start - starts[line - 1] + 1}, "before": {enc(edit.before)}, '
                f'"after": {enc(edit.after)}, "confidence": {edit.confidence!r}, '
                f'"reason": {names[edit.reason]}}}')
    except (TypeError, OverflowError):  # not text; an int too large for a float
        return None
    return "\n  " + ",\n  ".join(lines) + "\n "


def _plain(edits: Sequence[Edit], field: str, types: set[type]) -> bool:
    return set(map(type, map(attrgetter(field), edits))) <= types


class _Encoded(dict[str, str]):
    """``encoded[text]``: ``encode_basestring(text)``, made once per text
    (and refusing anything but text as it does)."""

    def __missing__(self, text: str) -> str:
        value = self[text] = encode_basestring(text)
        return value
