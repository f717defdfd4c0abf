"""The HTML report's style sheet, script and stage palette, kept apart from
the code that writes the page so each can be read on its own.

The report is opened from disk, offline, often years later: everything it
needs is inline, and its Content-Security-Policy forbids every remote load.
The script is allowed by its SHA-256 hash rather than by ``'unsafe-inline'``,
so even a slip in escaping could not run a script smuggled in by OCR text.
"""

from __future__ import annotations

import base64
import hashlib

from clean_scan.review.page import SCRIPT_HASH as REVIEW_SCRIPT_HASH

PALETTE: tuple[tuple[str, str], ...] = (
    ("#52637a", "#e2e7ee"),  # slate
    ("#b35806", "#fde3c8"),  # orange
    ("#7b3294", "#ecd9f3"),  # purple
    ("#01806e", "#cdeee8"),  # teal
    ("#2166ac", "#d3e5f6"),  # blue
    ("#4d7c0f", "#e2f0cc"),  # green
    ("#c51b30", "#fbd7dc"),  # red
    ("#8c6d00", "#fff0b3"),  # gold
    ("#c2187a", "#fbd5eb"),  # magenta
    ("#555555", "#e4e4e4"),  # grey
)
"""(ink, tint) per stage, by the stage's place in the pipeline's order, so a
stage keeps its colour from one report to the next. Neighbouring stages get
colours far apart on the wheel."""

BASE_CSS = """
:root{color-scheme:light;--ink:#1d1d1f;--mute:#6a6a70;--line:#d9d9de}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
 background:#fafafa}
header,main>section.box{max-width:1500px;margin:0 auto;padding:0 20px}
header h1{font-size:1.35em;margin:18px 0 6px;overflow-wrap:anywhere}
header h1 small{color:var(--mute);font-weight:normal}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
dl.meta dt{color:var(--mute)}
dl.meta dd{margin:0;overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.92em}
.warn{background:#fff4d6;border:1px solid #e0b43c;border-radius:4px;padding:6px 10px;margin:8px 0}
h2{font-size:1.1em;margin:20px 0 8px}
table{border-collapse:collapse;margin:4px 0 10px;background:#fff}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f3;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-1px;
 background:var(--b);border:2px solid var(--c);margin-right:5px}
.rules{color:var(--mute);font-size:.9em}
td.stage{white-space:nowrap}
.rules b{color:var(--ink);font-weight:600}
.legend{color:var(--mute);font-size:.9em;margin:6px 0}
.legend .e,.legend .h{padding:0 3px}
.demo{--c:#666;--b:#e6e6e6}
.js-only{display:none}
body.js .js-only{display:revert}
label.ws-toggle{margin-left:4px}
details.flags>summary{cursor:pointer;font-weight:600;font-size:1.1em;margin:18px 0 8px}
table.flags td.w{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
details.rules>summary{cursor:pointer;font-weight:600;font-size:1.1em;margin:18px 0 8px}
table.rules div.doc{white-space:pre-wrap;font-size:.85em;margin:4px 0;
 font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
a.rule{color:inherit}
tr[id^="rule-"]:target{background:#fff6d5}
nav.pages{line-height:1.9}
nav.pages a{display:inline-block;min-width:2.2em;text-align:center;border:1px solid var(--line);
 border-radius:3px;margin:0 2px;text-decoration:none;color:var(--mute);background:#fff}
nav.pages a.chg{color:var(--ink);font-weight:600;border-color:#999}
.colhead{position:sticky;top:0;z-index:2;display:grid;grid-template-columns:1fr 1fr;gap:16px;
 max-width:1500px;margin:14px auto 0;padding:6px 20px;background:#fafafa;
 border-bottom:1px solid var(--line);font-weight:600}
section.page{max-width:1500px;margin:0 auto;padding:0 20px;scroll-margin-top:40px}
section.page h3{font-size:.95em;margin:16px 0 4px;color:var(--mute);font-weight:600}
section.page h3 a{color:inherit;text-decoration:none}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}
pre.r,pre.c{margin:0;padding:8px 10px;background:#fff;border:1px solid var(--line);
 border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;
 font:13px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;min-width:0}
pre.c{font-family:Georgia,"DejaVu Serif",serif;font-size:14px}
.e,.h{background:var(--b);box-shadow:inset 0 -2px 0 var(--c);border-radius:2px}
.e.del{text-decoration:line-through;text-decoration-color:var(--c);text-decoration-thickness:2px}
.e.ws,.h.ws{background:none;box-shadow:none}
.e.ws.nl::before{content:"\\21B5";color:var(--c);font-size:.8em;opacity:.75;padding:0 1px}
.h.ws:hover{background:var(--b)}
.z::before{content:"\\2038";color:var(--c);font-weight:bold}
.fl{text-decoration:underline wavy #d11;text-decoration-skip-ink:none}
a.anchor{scroll-margin-top:60px}
body.hide-whitespace pre .e.ws.nl::before{content:none}
body.hide-quiet section.page.quiet{display:none}
footer{max-width:1500px;margin:24px auto;padding:0 20px;color:var(--mute);font-size:.85em}
@media (max-width:800px){.cols,.colhead{grid-template-columns:1fr}}
@media print{.colhead{position:static}.js-only{display:none!important}}
"""


def stage_css(index: int) -> str:
    """Colour and filter rules for the stage in palette slot ``index``.

    >>> "body.hide-s2 .e.s2" in stage_css(2)
    True
    """
    ink, tint = PALETTE[index % len(PALETTE)]
    s = f"s{index}"
    return (f".{s}{{--c:{ink};--b:{tint}}}\n"
            f"body.hide-{s} .e.{s},body.hide-{s} .h.{s}{{background:none;box-shadow:none;"
            f"text-decoration:none}}\n"
            f"body.hide-{s} .e.{s}::before,body.hide-{s} .z.{s}::before{{content:none}}\n"
            f"body.hide-{s} .fl.f{s}{{text-decoration:none}}\n")


SCRIPT = """(function(){
var b=document.body,boxes=document.querySelectorAll('input[data-filter]');
b.classList.add('js');
function paint(){for(var i=0;i<boxes.length;i++){var x=boxes[i];
 b.classList.toggle('hide-'+x.value,!x.checked);}}
function remember(){var off=[];for(var i=0;i<boxes.length;i++){
 if(!boxes[i].checked)off.push(encodeURIComponent(boxes[i].getAttribute('data-filter')));}
 try{history.replaceState(null,'',off.length?'#hide='+off.join(','):
  location.pathname+location.search);}catch(e){}}
var m=/(?:^#|[&;])hide=([^&;]*)/.exec(location.hash);
if(m){var names=m[1].split(',').map(function(s){try{return decodeURIComponent(s);}
 catch(e){return s;}});
 for(var i=0;i<boxes.length;i++){boxes[i].checked=
  names.indexOf(boxes[i].getAttribute('data-filter'))<0;}}
for(var i=0;i<boxes.length;i++){boxes[i].addEventListener('change',function(){
 paint();remember();});}
paint();
b.setAttribute('data-ready','1');
})();"""
"""Stage filter: each checkbox toggles ``hide-<slot>`` on the body; the
state is read from and written to ``#hide=stage,stage`` so a filtered view
can be bookmarked (and tested from a headless browser). With scripts off the
checkboxes stay hidden and the page reads the same, unfiltered."""

SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

CSP = ("default-src 'none'; style-src 'unsafe-inline'; "
       f"script-src 'sha256-{SCRIPT_HASH}' 'sha256-{REVIEW_SCRIPT_HASH}'; "
       "base-uri 'none'; form-action 'none'")
"""Nothing may load from anywhere; only our own inline style and scripts
(the stage filter and the review box) run."""
