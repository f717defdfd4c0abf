"""The report's "Rules at work" section: every rule that made a change or
raised a flag in this text, with its code, its stage, what it does and its
documentation (what it fixes and what it leaves alone, by example), so a
reviewer who sees a wrong change finds the rule that made it, reads why,
and learns the code to turn it off (``--skip-rule CODE``), in the page
itself, offline."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from clean_scan.reports.html_text import esc
from clean_scan.rules import find


def rule_link(rule: str) -> str:
    """The rule's name as a link to its entry in the section (plain where
    the registry does not hold it)."""
    found = find(rule)
    if found is None:
        return esc(rule)
    return f'<a class="rule" href="#rule-{found.code}">{esc(rule)}</a>'


def rules_section(out: list[str], used: Iterable[str]) -> None:
    """Append the section for the rule names in ``used`` (each once), in
    registry order."""
    rules = sorted({r for r in (find(name) for name in used) if r is not None},
                   key=lambda r: r.code)
    if not rules:
        return
    out.append('<section class="box" id="rules">\n<details class="rules">'
               f"<summary>Rules at work ({len(rules)})</summary>\n"
               "<p>Each rule can be turned off with <code>--skip-rule CODE</code>; "
               "<code>clean-scan rule CODE</code> prints the same documentation.</p>\n"
               '<table class="rules">\n<tr><th>Code</th><th>Rule</th><th>Stage</th>'
               "<th>What it does</th></tr>\n")
    for rule in rules:
        out.append(
            f'<tr id="rule-{rule.code}"><td>{rule.code}</td><td>{esc(rule.name)}</td>'
            f"<td>{esc(rule.stage)}</td><td>{esc(rule.summary)}"
            f"{_documentation(rule.code)}</td></tr>\n")
    out.append("</table>\n</details>\n</section>\n")


@cache
def _documentation(code: str) -> str:
    """The rule's examples, folded (made once per process: a batch writes
    many reports)."""
    rule = find(code)
    if rule is None or not rule.examples:
        return ""
    text = rule.documentation().split("\n\n", 2)[-1]
    return f'<details><summary>examples</summary><div class="doc">{esc(text)}</div></details>'
