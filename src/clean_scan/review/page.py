"""The review page: one item at a time, the keyboard to move and decide.

Keys: ``j``/``k`` (or the arrows) next and previous; ``a`` accept the
suggestion; ``r`` reject the change; ``e`` edit (type the text, Enter);
``t`` trust the word; ``u`` undo the decision; ``d`` doubtful items only;
``x`` apply the decisions and reload. Every text from the report is put in
the page as text, never as markup.
"""

from __future__ import annotations

import html
import json
from importlib import resources

ASSETS = resources.files("clean_scan.review").joinpath("assets")


def _asset(name: str) -> str:
    return ASSETS.joinpath(name).read_text(encoding="utf-8")




def review_page(report_name: str, token: str) -> str:
    """The page for one report; the token goes in as JSON data, not code."""
    name = html.escape(report_name)
    data = json.dumps(token).replace("<", "\\u003c")
    buttons = "".join(
        f'<button id="{ident}">{label} <kbd>{key}</kbd></button>'
        for ident, label, key in (
            ("prev", "previous", "k"), ("next", "next", "j"), ("accept", "accept", "a"),
            ("reject", "reject", "r"), ("edit", "edit", "e"), ("trust", "trust word", "t"),
            ("undo", "undo", "u"), ("doubtful-only", "doubtful only", "d"),
            ("apply", "apply and reload", "x")))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Review: {name}</title>
<style>{_asset("review.css")}</style></head><body>
<header><strong>Review: {name}</strong><span id="left"></span><span id="filter"></span></header>
<main>
<p>{buttons}</p>
<div class="card" id="card">
<p class="meta"><span id="position"></span> · <span id="kind"></span> · <span id="where"></span></p>
<p class="context"><span id="before"></span><mark id="raw"></mark><span id="after"></span></p>
<p id="wrote"></p><p id="suggestions"></p><p class="meta" id="reason"></p>
<p class="decided" id="decision"></p>
<p><input id="replacement" size="40" aria-label="replacement text">
<button id="replace">replace <kbd>Enter</kbd></button></p>
</div>
<p id="message" role="status"></p>
</main>
<script type="application/json" id="token">{data}</script>
<script>{_asset("review.js")}</script>
</body></html>
"""
