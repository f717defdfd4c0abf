"""What the review page lists: the report's doubtful items and changes, each
with its line of context and its printed page number.

Layout changes (line joins, page breaks) are not listed: a reviewer checks
words, marks and moved text, not where lines were joined.
"""

from __future__ import annotations

import bisect
from typing import Any

NOT_LISTED = {"line-join", "page-break", "paragraph-break", "segment-join"}
CONTEXT = 70
"""Characters of context either side of an item, at most."""


def listed(edit: Any) -> bool:
    """Whether the review lists an edit (a report entry or an ``Edit``)."""
    if isinstance(edit, dict):
        return edit["rule"] not in NOT_LISTED and edit["stage"] != "review"
    rule, stage = edit.rule, edit.stage
    return rule not in NOT_LISTED and stage != "review"


def review_items(report: dict[str, Any], raw: str) -> list[dict[str, Any]]:
    """The flags (likeliest errors first), then the changes in text order."""
    pages = PageMap(report)
    flags = sorted(report.get("flags", []), key=lambda f: (-f["confidence"], f["start"]))
    items = [_item("flag", f, raw, pages) for f in flags]
    items += [_item("edit", e, raw, pages) for e in report.get("edits", []) if listed(e)]
    return items


def _item(kind: str, entry: dict[str, Any], raw: str, pages: PageMap) -> dict[str, Any]:
    start, end = entry["start"], entry["end"]
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", end)
    line_end = len(raw) if line_end < 0 else line_end
    left = max(line_start, start - CONTEXT)
    right = min(line_end, end + CONTEXT)
    return {
        "id": entry["id"],
        "kind": kind,
        "stage": entry["stage"],
        "rule": entry["rule"],
        "text": entry.get("text", entry.get("before", "")),
        "after": entry.get("after"),
        "suggestions": entry.get("suggestions", []),
        "reason": entry["reason"],
        "confidence": entry["confidence"],
        "doubtful": kind == "flag",
        "before_context": raw[left:start],
        "raw": raw[start:end],
        "after_context": raw[end:right],
        "line": entry["line"],
        "page": pages.printed(start),
    }


class PageMap:
    """Raw offsets to printed page numbers, from the report's ``pages``
    (:mod:`clean_scan.page_map`): an item stands on the first page that
    ends after it."""

    def __init__(self, report: dict[str, Any]) -> None:
        pages = report.get("pages", [])
        self.ends = [page["raw_end"] for page in pages]
        self.numbers = [page["number"] for page in pages]

    def printed(self, offset: int) -> str:
        """The printed number of the page holding ``offset`` ('' if none)."""
        index = bisect.bisect_right(self.ends, offset)
        return self.numbers[index] if index < len(self.numbers) else ""
