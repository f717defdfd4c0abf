"""The JSON report's text: the fast paths write exactly what ``json.dumps``
item by item would, and fall back when they cannot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clean_scan.decoding import decode_bytes
from clean_scan.document import Edit, RaisedFlag
from clean_scan.pipeline import Result, clean_text
from clean_scan.reports.json_report import (
    LineIndex,
    build_report,
    render_json,
    report_json,
)
from clean_scan.rules import BY_NAME


def reference(report: dict[str, Any]) -> str:
    """The layout written the plain way: every item its own ``json.dumps``."""
    def lines(items: list[Any]) -> str:
        if not items:
            return ""
        return "".join(f"\n  {json.dumps(i, ensure_ascii=False)}," for i in items)[:-1] + "\n "

    head = {k: v for k, v in report.items() if k not in ("edits", "flags", "restore", "pages")}
    return (json.dumps(head, ensure_ascii=False, indent=1)[:-2]
            + f',\n "pages": [{lines(report.get("pages", []))}]'
            + f',\n "edits": [{lines(report["edits"])}]'
            + f',\n "flags": [{lines(report["flags"])}]'
            + f',\n "restore": {{"hunks": [{lines(report["restore"]["hunks"])}]}}\n}}\n')


def result_with(edits: list[Edit], raw: str = "ab\ncd}, {ef], [g\n") -> Result:
    flags = [RaisedFlag("s", "r", 1, 2, "b}, {", 0.5, "why", ("x", "}, {"))]
    return Result(raw, raw, edits, flags, [(0, 1, "a], [b"), (3, 4, "c")], ["s"])


def edit(**changes: Any) -> Edit:
    fields = dict(stage="s", rule="r", raw_start=3, raw_end=5, before="cd", after="c d",
                  confidence=0.9, reason="a reason")
    fields.update(changes)
    return Edit(**fields)


@pytest.mark.parametrize("edits", [
    [],
    [edit()],
    [edit(), edit(raw_start=0, raw_end=0, before="", after="\u00ab\"\\\x00\u2028")],
    [edit(before="x}, {y"), edit(rule="}, {")],  # the joint inside a string
    [edit(confidence=1), edit(confidence=True)],  # an int, a bool
    [edit(confidence=float("nan"))],
    [edit(confidence=float("inf"))],
    [edit(raw_start=True, raw_end=1)],
    [edit(rule=7)],
    [edit(reason=None)],
    [edit(confidence=10 ** 400)],
])
def test_report_text_is_each_item_dumped(edits: list[Edit]) -> None:
    result = result_with(edits)
    source = decode_bytes(result.raw.encode())
    report = build_report(result, source, "n}, {.txt", {"o": 1}, {"clean_sha256": "x"})
    expected = reference(report)
    assert render_json(report) == expected
    assert report_json(result, source, "n}, {.txt", {"o": 1}, {"clean_sha256": "x"}) == expected


def test_report_of_a_real_text_reads_back() -> None:
    raw = "A demonstra¬\ntion of the ( b ) rule, <b> & \"so\" on.\n\f\nNext page.\n"
    result = clean_text(raw)
    source = decode_bytes(raw.encode())
    text = report_json(result, source, "x.txt")
    assert text == reference(build_report(result, source, "x.txt"))
    first = json.loads(text)["edits"][0]
    assert first["id"] == f'{first["stage"]}:{first["rule"]}:{first["start"]}-{first["end"]}'
    items = json.loads(text)["edits"] + json.loads(text)["flags"]
    assert items and all(item["code"] == BY_NAME[item["rule"]].code for item in items)


def test_ids_are_unique_and_the_same_on_every_run() -> None:
    """A reviewer's decisions name edits and flags by id: each id is unique
    in its report and the same when the same text is cleaned again."""
    raw = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ussr-1942" / "raw.txt")
    if not raw.exists():
        pytest.skip("the shared corpus is not beside the repository")
    text = raw.read_text(encoding="utf-8")[:60000]
    source = decode_bytes(text.encode())
    runs = [json.loads(report_json(clean_text(text), source, "x.txt")) for _ in range(2)]
    ids = [item["id"] for item in runs[0]["edits"] + runs[0]["flags"]]
    assert len(ids) == len(set(ids)) > 100
    assert ids == [item["id"] for item in runs[1]["edits"] + runs[1]["flags"]]


def test_line_index() -> None:
    index = LineIndex("ab\n\ncd\n")
    assert [index.locate(i) for i in range(8)] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (3, 1), (3, 2), (3, 3), (4, 1)]
    assert LineIndex("").locate(0) == (1, 1)


def test_flags_are_listed_in_reading_order() -> None:
    """A reviewer works down the text: the report lists its flags by place,
    whichever stage raised them."""
    sample = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"
    text = sample.read_text(encoding="utf-8")
    flags = json.loads(report_json(clean_text(text), decode_bytes(text.encode()), "x.txt"))["flags"]
    assert len({flag["stage"] for flag in flags}) >= 3
    places = [(flag["start"], flag["end"]) for flag in flags]
    assert places == sorted(places)
