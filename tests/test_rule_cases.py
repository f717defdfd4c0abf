"""Each rule's cases as data (the ftfy and ruff way): ``tests/cases/<stage>/
<rule>.jsonl``, one case a line, ``{"input", "expected", "status", "why"}``
and, where the rule judges the document as a whole (a specky text, a noisy
margin), a ``"context"`` set before the input: the rule's edits are looked
for in the input alone, the clean text compared whole.

Every case runs the whole pipeline on its input, so a rule is tested where a
user meets it, after the stages before it and with the ones after it:

* ``fixed``: the clean text is ``expected`` and the rule made an edit;
* ``flagged``: the rule raised a flag (a rule that only flags), with the
  clean text ``expected``;
* ``unchanged``: the rule made no edit and raised no flag (and the clean
  text is ``expected``);
* ``known-failure``: what the rule should do and does not yet, kept so the
  gap stays in sight (an expected failure; it fails the run once it passes),
  checked as the status in ``"should"`` (``fixed`` when it is not given).

A failing case names its rule and the reason the case was written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clean_scan.pipeline import clean_text
from clean_scan.rules import RULES

CASES = Path(__file__).parent / "cases"
STATUSES = ("fixed", "flagged", "unchanged", "known-failure")


def _cases() -> list:
    found = []
    for path in sorted(CASES.glob("*/*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                failing = case["status"] == "known-failure"
                marks = [pytest.mark.xfail(strict=True)] if failing else []
                found.append(pytest.param(path.parent.name, path.stem, case, marks=marks,
                                          id=f"{path.stem}:{number}"))
    return found


@pytest.mark.parametrize(("stage", "rule", "case"), _cases())
def test_rule_case(stage: str, rule: str, case: dict) -> None:
    assert case["status"] in STATUSES
    registered = {r.name: r.stage for r in RULES}
    assert registered.get(rule) == stage, f"{rule} is not a registered rule of {stage}"
    context = case.get("context", "")
    result = clean_text(context + case["input"])
    made = [e for e in result.edits if e.rule == rule and e.raw_start >= len(context)]
    raised = [f for f in result.flags if f.rule == rule and f.raw_start >= len(context)]
    about = f"rule {rule} ({case['why']})"
    status = case.get("should", "fixed") if case["status"] == "known-failure" else case["status"]
    if status == "unchanged":
        assert not made, f"{about}: made {[(e.before, e.after) for e in made]}"
        assert not raised, f"{about}: flagged {[f.text for f in raised]}"
    elif status == "flagged":
        assert raised, f"{about}: raised no flag"
    else:
        assert made, f"{about}: made no edit"
    assert result.clean == case["expected"], f"{about}: clean text differs"


def test_every_case_file_names_a_rule() -> None:
    names = {r.name for r in RULES}
    files = list(CASES.glob("*/*.jsonl"))
    assert files
    assert [f.stem for f in files if f.stem not in names] == []
