"""The rule registry: every rule a stage uses is registered once, with a
code and a summary; the commands list and explain them; a rule can be
turned off."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

import regex

from clean_scan import clean_text
from clean_scan.rules import BY_NAME, RULES
from clean_scan.stage import Context

SRC = Path(__file__).resolve().parents[1] / "src" / "clean_scan"
STAGE_OF_MODULE = {"normalise": "normalise", "furniture": "furniture", "characters": "characters",
                   "specks": "characters", "margins": "characters", "footnotes": "footnotes",
                   "dehyphenate": "dehyphenate", "paragraphs": "paragraphs",
                   "spelling": "spelling", "doubtful": "doubtful"}
RULE_LIKE = regex.compile(r"^[a-z]+(?:-[a-z]+)+$")


def test_codes_and_names_are_unique_and_every_rule_is_summarised() -> None:
    assert not [n for n, k in Counter(r.name for r in RULES).items() if k > 1]
    assert not [c for c, k in Counter(r.code for r in RULES).items() if k > 1]
    assert all(regex.match(r"^[A-Z]{2}\d{3}$", r.code) and r.summary for r in RULES)


def test_every_rule_name_written_in_a_stage_is_registered_for_that_stage() -> None:
    """Each kebab-case string in a stage's modules is a rule name (the stages
    write no other): it must be in the registry, under that stage."""
    missing = []
    for path in sorted((SRC / "stages").rglob("*.py")):
        stage = next((s for part, s in STAGE_OF_MODULE.items() if part in path.parts[-1]
                      or part in path.parts[-2]), None)
        if stage is None:
            continue  # stages/__init__.py
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and RULE_LIKE.match(node.value):
                rule = BY_NAME.get(node.value)
                if rule is None or rule.stage != stage:
                    missing.append(f"{path.name}:{node.lineno} {node.value}")
    assert not missing


def test_a_rule_with_examples_points_to_a_docstring_that_has_them() -> None:
    for rule in RULES:
        if rule.examples:
            assert ">>>" in rule.documentation(), rule.code


def test_the_commands_list_and_explain_the_rules() -> None:
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True,
                              text=True, timeout=60)

    listed = run("rules").stdout.splitlines()
    assert len(listed) == len(RULES) and listed[0].split()[:3] == ["NM101", "line-ends",
                                                                  "normalise"]
    one = run("rule", "lone-speck")
    assert one.returncode == 0 and "CH1" in one.stdout and ">>> show(lone_speck" in one.stdout
    assert run("rule", BY_NAME["lone-speck"].code.lower()).stdout == one.stdout
    unknown = run("rule", "no-such-rule")
    assert unknown.returncode == 2 and "clean-scan rules" in unknown.stderr


def test_a_rule_turned_off_neither_changes_nor_flags(tmp_path: Path) -> None:
    raw = "The council met in the autumn and agreed\nthat tbe tenants should be heard . the end\n"
    on = clean_text(raw)
    assert any(e.rule == "lone-speck" for e in on.edits)
    off = clean_text(raw, context=Context(skip_rules=frozenset({"lone-speck"})))
    assert not any(e.rule == "lone-speck" for e in off.edits + off.flags)
    assert any(e.rule == "ocr-misreading" for e in off.edits)  # the others still work
    source = tmp_path / "page.txt"
    source.write_text(raw, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "clean_scan", str(source), "--skip-rule",
                           BY_NAME["lone-speck"].code], capture_output=True, timeout=60)
    assert done.returncode == 0
    assert "heard . the" in (tmp_path / "page.clean.txt").read_text(encoding="utf-8") or \
        "heard. the" in (tmp_path / "page.clean.txt").read_text(encoding="utf-8")


def test_only_the_pipeline_turns_a_doubtful_proposal_into_a_flag() -> None:
    """One place for the threshold: no stage writes the threshold's flag
    itself or compares a confidence with the run's threshold; they ask
    ``Context.confident`` when a later decision hangs on what will be made."""
    stages = SRC / "stages"
    for path in stages.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "confidence below threshold" not in source, path
        assert not regex.search(r"[<>]=?\s*(?:context\.)?min_confidence", source), path


def test_a_stretch_is_flagged_once_whatever_the_threshold() -> None:
    """A stricter threshold turns more proposals into flags; where an earlier
    stage flagged the same stretch already (a chapter number both the
    furniture and the characters stage would write in digits), the reviewer
    still sees one flag, not the same doubt twice."""
    sample = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"
    result = clean_text(sample.read_text(encoding="utf-8"), context=Context(min_confidence=0.95))
    places = Counter((f.raw_start, f.raw_end, f.text) for f in result.flags)
    assert len(places) > 100
    assert [place for place, n in places.items() if n > 1] == []
