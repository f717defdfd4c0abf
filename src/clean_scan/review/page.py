"""The review page: one item at a time, the keyboard to move and decide.

Keys: ``j``/``k`` (or the arrows) next and previous; ``a`` accept the
suggestion; ``r`` reject the change; ``e`` edit (type the text, Enter);
``t`` trust the word; ``u`` undo the decision; ``d`` doubtful items only;
``x`` apply the decisions and reload (served) or export them (the HTML
report opened from disk). Every text from the report is put in the page
as text, never as markup.

The same card and script serve twice: ``clean-scan review`` serves the
page and saves each decision the moment it is made; the HTML report
carries the card with its items as data, so a reviewer who has only the
report file decides in the page and exports ``STEM.review.json`` as a
download (nothing on disk changes: a file opened from disk cannot write).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from typing import Any

ASSETS = resources.files("clean_scan.review").joinpath("assets")


def asset(name: str) -> str:
    """One of the page's own files (style sheet, script)."""
    return ASSETS.joinpath(name).read_text(encoding="utf-8")


SCRIPT = asset("review.js")
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
"""For the HTML report's Content-Security-Policy, which runs only scripts
it knows by hash."""


def json_data(ident: str, value: Any) -> str:
    """``value`` as a JSON data block the page reads; ``<`` escaped, so no
    text from the OCR can close the element."""
    data = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{ident}">{data}</script>\n'


def review_card(last_action: tuple[str, str, str]) -> str:
    """The buttons, the item card and the status line; ``last_action`` is
    the ``x`` key's button (apply, or export)."""
    buttons = "".join(
        f'<button id="{ident}" type="button">{label} <kbd>{key}</kbd></button>'
        for ident, label, key in (
            ("prev", "previous", "k"), ("next", "next", "j"), ("accept", "accept", "a"),
            ("reject", "reject", "r"), ("edit", "edit", "e"), ("trust", "trust word", "t"),
            ("undo", "undo", "u"), ("doubtful-only", "doubtful only", "d"), last_action))
    return f"""<p><span id="left"></span> · <span id="filter"></span></p>
<p>{buttons}</p>
<div class="card" id="card">
<p class="meta"><span id="position"></span> · <span id="kind"></span> · <span id="where"></span></p>
<p class="context"><span id="before"></span><mark id="raw"></mark><span id="after"></span></p>
<p id="wrote"></p><p id="suggestions"></p><p class="meta" id="reason"></p>
<p class="decided" id="decision"></p>
<p><input id="replacement" size="40" aria-label="replacement text">
<button id="replace" type="button">replace <kbd>Enter</kbd></button></p>
</div>
<p id="message" role="status"></p>
"""


def review_page(report_name: str, token: str) -> str:
    """The served page for one report; the token goes in as JSON data, not code."""
    name = html.escape(report_name)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Review: {name}</title>
<style>{asset("review.css")}{asset("card.css")}</style></head><body>
<header><strong>Review: {name}</strong></header>
<main class="review">
{review_card(("apply", "apply and reload", "x"))}</main>
{json_data("token", token)}<script>{SCRIPT}</script>
</body></html>
"""


def report_review_section(items: list[dict[str, Any]], input_sha256: str,
                          decisions_name: str) -> str:
    """The HTML report's review box: the card, read-only on disk, with an
    export of the decisions made in it as ``decisions_name``."""
    data = {"items": items, "input_sha256": input_sha256, "decisions_name": decisions_name}
    return (f'<section class="box review" id="review">\n<details id="review-box">'
            f"<summary>Review ({len(items):,} items)</summary>\n"
            f'<p class="meta">Opened from disk, this report is read-only: the decisions '
            f"you make here stay in this browser until you export them. Put the "
            f"exported <code>{html.escape(decisions_name)}</code> beside the outputs and "
            f"run clean-scan again to apply them (or serve the report with "
            f"<code>clean-scan review</code> to save each decision as you make it).</p>\n"
            f'{review_card(("export", "export decisions", "x"))}'
            f"{json_data('review-data', data)}</details>\n</section>\n")
