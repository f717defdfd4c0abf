"""The HTML report: one self-contained page a person reads to review a run.

Raw and clean text stand side by side, page by page. In the raw column each
edit's raw stretch is marked in its stage's colour; in the clean column each
changed stretch (a hunk) is. Hovering a mark tells stage, rule, confidence,
reason and what became what. A summary counts edits and flags per stage and
rule, a filter hides stages' marks, and the flagged words are listed with
where they are.

Everything that came from the input or from a stage -- OCR text, file name,
rules, reasons, suggestions -- goes through ``html.escape``: a raw file
containing ``<script>`` shows those characters and runs nothing.

Pages follow the furniture stage's page breaks (its ``page-break`` edits);
without them the raw text is cut into chunks of about sixty lines. The clean
text is cut at the matching offsets, found through the hunks: between hunks
raw and clean are the same text, so a raw offset outside every hunk has a
clean twin at a fixed distance. A cut that falls inside a hunk moves to the
hunk's start, so both columns of a page hold the same stretch of the book.

Whitespace-only edits (line joins: thousands per book) are drawn as a
small line-end sign in the raw column and not at all in the clean one, and a
checkbox hides them, so the real changes stand out.

The page is built with list appends and one join, and marks are spans over
stretches between mark boundaries, never per character: the sample book's
report renders in a few tens of milliseconds.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from clean_scan.decoding import DecodedInput
from clean_scan.document import Edit, RaisedFlag
from clean_scan.pipeline import STAGE_NAMES, Result
from clean_scan.reports.html_assets import BASE_CSS, CSP, SCRIPT, stage_css
from clean_scan.reports.html_columns import (
    Facts,
    OffsetMap,
    aligned_cuts,
    clean_marks,
    page_cuts,
    raw_marks,
    render_column,
)
from clean_scan.reports.html_rules import rule_link, rules_section
from clean_scan.reports.html_text import (
    _FIRST,
    _RAW_START,
    FLAGS_OPEN,
    GENERATOR_TAG,
    esc,
    shown,
    visible_controls,
)
from clean_scan.reports.json_report import review_report
from clean_scan.review.items import listed, review_items
from clean_scan.review.page import SCRIPT as REVIEW_SCRIPT
from clean_scan.review.page import asset, report_review_section

# --- the page ----------------------------------------------------------------


def render_html(result: Result, source: DecodedInput, name: str,
                decisions_name: str | None = None) -> str:
    """The whole report page as one string; with ``decisions_name``, a
    review box whose decisions export as that file (:mod:`clean_scan.review.page`)."""
    facts = Facts.of(result)
    raw = visible_controls(result.raw)
    clean = visible_controls(result.clean)
    offsets = OffsetMap(result.hunks)
    cuts, real_pages = page_cuts(result)
    raw_cuts, clean_cuts = aligned_cuts(cuts, offsets, len(raw))
    marks, points = raw_marks(result, raw, facts)
    raw_pages = render_column(raw, marks, points, raw_cuts)
    marks, points = clean_marks(result, clean, offsets, facts)
    clean_pages = render_column(clean, marks, points, clean_cuts)

    out: list[str] = []
    head(out, name, facts.slots)
    out.append("<body>\n<header>\n")
    out.append(f"<h1>{esc(name)} <small>clean-scan report</small></h1>\n")
    meta(out, result, source, facts, len(raw_pages), real_pages)
    out.append("</header>\n<main>\n")
    summary(out, result, facts)
    flag_list(out, result)
    if decisions_name is not None:
        items = review_items(review_report(result, listed), result.raw)
        out.append(report_review_section(items, source.sha256, decisions_name))
    pages(out, result, facts, raw_pages, clean_pages, raw_cuts, real_pages)
    rules_section(out, itertools.chain(map(_RULE, result.edits), (f.rule for f in result.flags)))
    out.append("</main>\n<footer>Written by clean-scan. Hover a mark for its stage, rule, "
               "confidence and reason. Page breaks follow the furniture stage; "
               "without them the text is shown in chunks of about sixty lines.</footer>\n")
    out.append(f"<script>{SCRIPT}</script>\n")
    if decisions_name is not None:
        out.append(f"<script>{REVIEW_SCRIPT}</script>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def head(out: list[str], name: str, slots: dict[str, int]) -> None:
    out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    out.append(GENERATOR_TAG + "\n")
    out.append(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n')
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    out.append(f"<title>{esc(name)} · clean-scan report</title>\n<style>{BASE_CSS}")
    out.extend(stage_css(slot) for slot in sorted(set(slots.values())))
    out.append(asset("card.css"))
    out.append("</style>\n</head>\n")


ENCODINGS = {
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "utf-16-le": "UTF-16 (little-endian, with its byte-order mark)",
    "utf-16-be": "UTF-16 (big-endian, with its byte-order mark)",
    "utf-32-le": "UTF-32 (little-endian, with its byte-order mark)",
    "utf-32-be": "UTF-32 (big-endian, with its byte-order mark)",
}
LINE_ENDS = {
    "crlf": ", Windows line ends (CR LF), read as LF",
    "cr": ", old Mac line ends (CR), read as LF",
    "mixed": ", mixed line ends (each converted by the normalise stage)",
}


def meta(out: list[str], result: Result, source: DecodedInput, facts: Facts,
         page_count: int, real_pages: bool) -> None:
    encoding = ENCODINGS.get(source.encoding, source.encoding)
    if source.bom:
        encoding += ", with a byte-order mark"
    encoding += LINE_ENDS.get(source.line_ends, "")
    skipped = [n for n in STAGE_NAMES if n not in result.stages_run]
    whitespace = sum(facts.spacing)
    rows = [
        ("Encoding", esc(encoding)),
        ("Size", f"{source.size:,} bytes · {result.raw.count(chr(10)):,} raw lines · "
                 f"{len(result.raw):,} raw characters → {len(result.clean):,} clean"),
        ("SHA-256", f"<code>{esc(source.sha256)}</code>"),
        ("Changes", f"{len(result.edits):,} edits ({whitespace:,} of them whitespace only) in "
                    f"{len(result.hunks):,} changed stretches · {len(result.flags):,} flagged"),
        ("Stages run", esc(" → ".join(result.stages_run)) or "none"),
        ("Pages", f"{page_count:,}" + ("" if real_pages else
                                        " (no page breaks found: chunks of ~60 lines)")),
    ]
    if skipped:
        rows.insert(5, ("Skipped", esc(", ".join(skipped))))
    out.append('<dl class="meta">\n')
    out.extend(f"<dt>{k}</dt><dd>{v}</dd>\n" for k, v in rows)
    out.append("</dl>\n")
    if source.encoding != "utf-8":
        out.append(f'<p class="warn"><b>Not UTF-8:</b> the file was read as '
                   f"{esc(encoding)}. Check that quotes, dashes and accented letters "
                   "came out as printed; the clean text is written in UTF-8.</p>\n")


def summary(out: list[str], result: Result, facts: Facts) -> None:
    slots = facts.slots
    counts = result.counts_by_stage()
    edit_rules = rule_counts(result.edits, _STAGE_AND_RULE)
    flag_rules = rule_counts(result.flags)
    spaces = Counter(itertools.compress(map(_FIRST, result.edits), facts.spacing))  # stages
    out.append('<section class="box" id="summary">\n<h2>Changes by stage</h2>\n<table>\n'
               '<tr><th class="js-only">Show</th><th>Stage</th><th>Edits</th>'
               "<th>Whitespace only</th><th>Flags</th><th>By rule</th></tr>\n")
    for stage in sorted(counts, key=lambda s: slots[s]):
        slot = slots[stage]
        rules = [f"<b>{rule_link(r)}</b> {n:,}" for r, n in edit_rules[stage].most_common()]
        rules += [f"<b>{rule_link(r)}</b> {n:,} flagged"
                  for r, n in flag_rules[stage].most_common()]
        out.append(
            f'<tr class="s{slot}"><td class="js-only"><input type="checkbox" checked '
            f'value="s{slot}" data-filter="{esc(stage)}" id="show-s{slot}" '
            f'aria-label="show {esc(stage)}"></td>'
            f'<td class="stage"><label for="show-s{slot}"><span class="sw"></span>{esc(stage)}'
            "</label></td>"
            f'<td class="n">{counts[stage]["edits"]:,}</td><td class="n">{spaces[stage]:,}</td>'
            f'<td class="n">{counts[stage]["flags"]:,}</td>'
            f'<td class="rules">{" · ".join(rules) or "–"}</td></tr>\n')
    out.append("</table>\n")
    out.append('<p class="js-only"><label class="ws-toggle"><input type="checkbox" checked '
               'value="whitespace" data-filter="whitespace"> mark whitespace-only changes '
               "(line joins: <span class=\"e ws nl demo\"></span>)</label></p>\n")
    out.append('<p class="legend">Raw column: <span class="e demo">tinted</span> changed, '
               '<span class="e del demo">struck</span> removed, <span class="e ws nl demo">'
               '</span> line joined, <span class="z demo"></span> text inserted. '
               'Clean column: <span class="h demo">tinted</span> the changed stretches. '
               '<span class="fl">Wavy</span>: flagged, left unchanged. '
               "Colours follow the stage; hover a mark for details.</p>\n</section>\n")


STAGE_AND_RULE = operator.attrgetter("stage", "rule")
_RULE = itemgetter(1)  # of an Edit
_STAGE_AND_RULE = itemgetter(0, 1)  # of an Edit, a named tuple: quicker


def rule_counts(items: Iterable[Edit | RaisedFlag],
                stage_and_rule: Callable[[Any], tuple[str, str]] = STAGE_AND_RULE
                ) -> defaultdict[str, Counter[str]]:
    """How often each rule of each stage occurs; rules in order of first
    appearance, so ``most_common`` breaks ties the same way every run."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for (stage, rule), n in Counter(map(stage_and_rule, items)).items():
        counts[stage][rule] = n
    return counts


def flag_list(out: list[str], result: Result) -> None:
    count = len(result.flags)
    opened = " open" if count <= FLAGS_OPEN else ""
    out.append(f'<section class="box" id="flags">\n<details class="flags"{opened}>'
               f"<summary>Flagged words, left unchanged ({count:,})</summary>\n")
    if not count:
        out.append("<p>No words were flagged.</p>\n</details>\n</section>\n")
        return
    places = line_columns(result.raw, [flag.raw_start for flag in result.flags])
    out.append('<table class="flags">\n<tr><th>Text</th><th>Where</th><th>Stage/rule</th>'
               "<th>Confidence</th><th>Reason</th><th>Suggestions</th></tr>\n")
    for number, (flag, (line, column)) in enumerate(zip(result.flags, places, strict=True), 1):
        out.append(
            f'<tr><td class="w">{esc(shown(flag.text))}</td>'
            f'<td><a href="#f{number}">{line}:{column}</a></td>'
            f"<td>{esc(flag.stage)}/{rule_link(flag.rule)}</td>"
            f'<td class="n">{flag.confidence:.2f}</td><td>{esc(flag.reason)}</td>'
            f'<td>{esc(", ".join(shown(s) for s in flag.suggestions)) or "–"}</td></tr>\n')
    out.append("</table>\n</details>\n</section>\n")


def line_columns(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """Line and column (from 1) of each offset, as ``LineIndex.locate``
    finds them, without indexing every line of the text: a book's few
    flags need one count of line ends over it, in C.

    >>> line_columns("ab\\ncd\\n", [4, 0, 6, 3])
    [(2, 2), (1, 1), (3, 1), (2, 1)]
    """
    places: dict[int, tuple[int, int]] = {}
    line, last = 1, 0
    for offset in sorted(set(offsets)):
        line += text.count("\n", last, offset)
        places[offset] = line, offset - text.rfind("\n", 0, offset)
        last = offset
    return [places[offset] for offset in offsets]


def pages(out: list[str], result: Result, facts: Facts, raw_pages: list[str],
          clean_pages: list[str], raw_cuts: list[int], real_pages: bool) -> None:
    bounds = [0, *raw_cuts, len(result.raw)]
    starts = list(map(_RAW_START, result.edits))
    counted = (sorted(itertools.compress(starts, map(operator.not_, facts.spacing))),
               sorted(itertools.compress(starts, facts.spacing)),
               sorted(f.raw_start for f in result.flags))
    label = "Page" if real_pages else "Part"
    info = [tuple(bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo)
                  for starts in counted)
            for lo, hi in zip(bounds, bounds[1:], strict=False)]
    out.append(f'<section class="box" id="pages">\n<h2>{label}s</h2>\n<nav class="pages">')
    out.extend(f'<a href="#p{n}"{" class=chg" if info[n - 1][0] else ""}>{n}</a>'
               for n in range(1, len(raw_pages) + 1))
    out.append("</nav>\n")
    out.append('<p class="js-only"><label><input type="checkbox" checked value="quiet" '
               f'data-filter="unchanged"> {label.lower()}s with only whitespace changes and '
               "no flags</label></p>\n</section>\n")
    out.append('<div class="colhead"><div>Raw (as read)</div><div>Clean</div></div>\n')
    line = 1
    for number, (raw_html, clean_html) in enumerate(zip(raw_pages, clean_pages, strict=True), 1):
        lo, hi = bounds[number - 1], bounds[number]
        last = line + result.raw.count("\n", lo, hi) - (1 if result.raw.endswith("\n", lo, hi)
                                                         else 0)
        changes, joins, flags = info[number - 1]
        quiet = "" if changes or flags else " quiet"
        flagged = f", {flags:,} flagged" if flags else ""
        out.extend((f'<section class="page{quiet}" id="p{number}"><h3><a href="#p{number}">'
                    f"{label} {number}</a> · raw lines {line}–{max(line, last)} · "
                    f"{changes:,} changes, {joins:,} whitespace{flagged}</h3>\n"
                    '<div class="cols"><pre class="r">', raw_html,
                    '</pre><pre class="c">', clean_html, "</pre></div></section>\n"))
        line = last + 1
