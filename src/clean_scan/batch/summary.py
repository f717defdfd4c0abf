"""The batch's own outputs: ``batch-summary.json`` and ``batch-summary.csv``
(one row per file, totals at the end) and ``index.html``, a page linking
every file's reports, sorted so that a reviewer starts with the files that
most need review (the most doubtful words left; the files that failed above
them), with each file's share of doubtful words in its raw and clean text as
an estimate of how well it was read.

"How much a file changed" is the share of its raw characters that lie in a
changed stretch (``changed_chars`` over the input's size): it does not grow
with the length of the file, so a short pamphlet full of OCR damage ranks
above a long clean book.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from clean_scan.batch.work import Record
from clean_scan.outputs import HTML_GENERATOR_TAG, write_atomic

SUMMARY_JSON = "batch-summary.json"
SUMMARY_CSV = "batch-summary.csv"
INDEX_HTML = "index.html"
SCHEMA = "clean-scan/batch-summary"


def change_pct(record: Record) -> float | None:
    """Percent of the input that lies in changed stretches.

    >>> change_pct({"changed_chars": 50, "bytes": 1000})
    5.0
    >>> change_pct({"changed_chars": None, "bytes": 1000}) is None
    True
    """
    changed, size = record.get("changed_chars"), record.get("bytes")
    if changed is None or not size:
        return None
    return round(100.0 * changed / size, 3)


def totals(records: Sequence[Record], seconds: float, stages: Sequence[str]) -> dict[str, Any]:
    done = [r for r in records if r["status"] in ("ok", "skipped")]
    by_stage = {name: sum(r["edits_by_stage"].get(name, 0) for r in done) for name in stages}
    size = sum(r["bytes"] or 0 for r in records if r["status"] == "ok")
    cleaned = sum(1 for r in records if r["status"] == "ok")
    return {
        "files": len(records), "ok": cleaned,
        "skipped": sum(1 for r in records if r["status"] == "skipped"),
        "failed": sum(1 for r in records if r["status"] == "error"),
        "not_done": sum(1 for r in records if r["status"] == "not done"),
        "bytes": sum(r["bytes"] or 0 for r in done), "edits": sum(r["edits"] for r in done),
        "edits_by_stage": by_stage, "flags": sum(r["flags"] for r in done),
        "seconds": round(seconds, 3),
        "files_per_second": round(cleaned / seconds, 3) if seconds else None,
        "mb_per_second": round(size / 1e6 / seconds, 3) if seconds else None,
    }


def write_summary(out_dir: Path, records: Sequence[Record], total: dict[str, Any],
                  run: dict[str, Any], stages: Sequence[str]) -> list[Path]:
    """Write the three summary files atomically; return their paths."""
    rows = sorted(records, key=lambda r: r["index"])
    for row in rows:
        row["change_pct"] = change_pct(row)
    data = {"schema": SCHEMA, "version": 1, "run": run,
            "files": [{k: v for k, v in r.items() if k != "index"} for r in rows],
            "totals": total}
    paths = [out_dir / SUMMARY_JSON, out_dir / SUMMARY_CSV, out_dir / INDEX_HTML]
    # a file name that is not UTF-8 holds lone surrogates: JSON and CSV keep
    # them as \udcXX escapes, the index shows the replacement character
    write_atomic(paths[0], (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode(
        "utf-8", errors="backslashreplace"))
    write_atomic(paths[1], render_csv(rows, total, stages).encode(
        "utf-8", errors="backslashreplace"))
    write_atomic(paths[2], render_index(rows, total, run).encode("utf-8", errors="replace"))
    return paths


CSV_FIELDS = ("input", "status", "error", "encoding", "bytes", "edits", "flags",
              "change_pct", "seconds", "clean", "report_html", "report_json")


def render_csv(rows: Sequence[Record], total: dict[str, Any], stages: Sequence[str]) -> str:
    """One row per file, a column per stage's edits, and a TOTAL row last."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_FIELDS, *(f"edits_{s}" for s in stages)])
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in CSV_FIELDS]
                        + [row["edits_by_stage"].get(s, 0) for s in stages])
    writer.writerow(["TOTAL", f"{total['ok'] + total['skipped']} done, {total['failed']} failed",
                     "", "", total["bytes"], total["edits"], total["flags"], "",
                     total["seconds"], "", "", ""]
                    + [total["edits_by_stage"].get(s, 0) for s in stages])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """A CSV cell; text a spreadsheet would run as a formula (``=HYPERLINK(…)``
    in a file name) is written with a quote first, as text.

    >>> _cell(None), _cell(3), _cell("=HYPERLINK(1)"), _cell("a.txt")
    ('', 3, "'=HYPERLINK(1)", 'a.txt')
    """
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes for the start of a formula (OWASP's CSV injection list)."""


_SORT_SCRIPT = """
document.querySelectorAll("th[data-key]").forEach(function (th, column) {
  th.addEventListener("click", function () {
    var body = document.querySelector("tbody"), rows = Array.from(body.rows);
    var up = th.dataset.dir !== "down"; th.dataset.dir = up ? "down" : "up";
    var num = th.dataset.key === "num";
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
      if (num) { x = parseFloat(x); y = parseFloat(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (up ? -1 : 1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""


INDEX_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
             "img-src 'none'; base-uri 'none'; form-action 'none'")
"""The index page runs only its own inline sorting script and loads nothing;
its links to the reports still work (navigation is not a fetch)."""


def render_index(rows: Sequence[Record], total: dict[str, Any], run: dict[str, Any]) -> str:
    """The collection's front page: failures first, then the files that most
    need review (the most doubtful words left), then by change."""
    ordered = sorted(rows, key=lambda r: (r["status"] != "error", -(r.get("doubtful_left") or 0),
                                          -(change_pct(r) or 0.0)))
    lines = [_index_row(r) for r in ordered]
    head = ("<tr><th data-key='str'>File</th><th data-key='num'>Doubtful left</th>"
            "<th data-key='num'>Doubtful words % raw → clean</th>"
            "<th data-key='num'>Changed %</th>"
            "<th data-key='num'>Edits</th><th data-key='num'>Flagged</th>"
            "<th data-key='str'>Encoding</th><th data-key='str'>Status</th>"
            "<th>Outputs</th></tr>")
    stats = (f"{total['files']} files: {total['ok']} cleaned, {total['skipped']} already done, "
             f"{total['failed']} failed, {total['not_done']} not done (interrupted); "
             f"{total['edits']} edits, {total['flags']} flagged.")
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{INDEX_CSP}\">"
        f"{HTML_GENERATOR_TAG}<title>clean-scan batch</title><style>"
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}"
        "th[data-key]{cursor:pointer}td.n{text-align:right}tr.error td{background:#fdd}"
        "</style></head><body>"
        f"<h1>clean-scan batch</h1><p>{html.escape(stats)} Started "
        f"{html.escape(str(run.get('started', '')))}. Click a column to sort; files that "
        "failed come first, then those with the most doubtful words left to review.</p>"
        f"<table><thead>{head}</thead><tbody>\n" + "\n".join(lines)
        + f"\n</tbody></table><script>{_SORT_SCRIPT}</script></body></html>\n"
    )


def _index_row(r: Record) -> str:
    pct = change_pct(r)
    name = html.escape(r["input"])
    if r["status"] in ("error", "not done"):
        status = f"{r['status']}: {html.escape(r['error'] or '')}"
        links, title = "", name
    else:
        status = "already done" if r["status"] == "skipped" else "cleaned"
        title = f"<a href='{_href(r['report_html'])}'>{name}</a>"
        links = (f"<a href='{_href(r['clean'])}'>clean text</a> "
                 f"<a href='{_href(r['report_json'])}'>JSON</a>")
    left = r.get("doubtful_left")
    before, after = r.get("doubtful_before_pct"), r.get("doubtful_after_pct")
    quality = "" if before is None or after is None else f"{before:.1f} → {after:.1f}"
    cells = [
        (html.escape(r["input"]), title, ""),
        ("-1" if left is None else str(left), "" if left is None else str(left), "n"),
        ("-1" if after is None else f"{after}", quality, "n"),
        ("-1" if pct is None else f"{pct}", "" if pct is None else f"{pct:.2f}", "n"),
        (str(r["edits"]), str(r["edits"]), "n"),
        (str(r["flags"]), str(r["flags"]), "n"),
        (html.escape(r["encoding"] or ""), html.escape(r["encoding"] or ""), ""),
        (r["status"], status, ""),
        ("", links, ""),
    ]
    tds = "".join(f"<td data-v='{v}' class='{c}'>{shown}</td>" for v, shown, c in cells)
    return f"<tr class='{r['status']}'>{tds}</tr>"


def _href(rel: str) -> str:
    """A relative link to an output, safe for spaces and any script.

    >>> _href("a b/é.report.html"), _href("bad\\udcff.report.html")
    ('a%20b/%C3%A9.report.html', 'bad%FF.report.html')
    """
    return html.escape(quote(rel, errors="surrogateescape"), quote=True)
