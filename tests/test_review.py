"""Review: a reviewer's decisions applied by the command line, learned in
the project word list, hand edits adopted; restore stays byte-exact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PAGE = """The committee met in the autumn and agreed that the tenants
should be heard before the vote. The chairrnan said that tbe council
had lost a third of its houses in the bombing, and the Narkomindel
clerk wrote it down in the minutes of tlie meeting.
"""


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True,
                          text=True)


@pytest.fixture
def cleaned(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    raw = tmp_path / "page.txt"
    raw.write_text(PAGE, encoding="utf-8")
    assert run_cli(str(raw)).returncode == 0
    return raw, json.loads((tmp_path / "page.report.json").read_text(encoding="utf-8"))


def edit_for(report: dict[str, Any], before: str) -> dict[str, Any]:
    return next(e for e in report["edits"] if e["before"] == before)


def write_decisions(raw: Path, report: dict[str, Any], decisions: list[dict]) -> Path:
    path = raw.with_name("page.review.json")
    path.write_text(json.dumps({"version": 1, "input_sha256": report["input"]["sha256"],
                                "decisions": decisions}), encoding="utf-8")
    return path


def restores(raw: Path) -> bool:
    clean, report = raw.with_name("page.clean.txt"), raw.with_name("page.report.json")
    done = subprocess.run([sys.executable, "-m", "clean_scan", "restore", str(clean),
                           str(report)], capture_output=True)
    return done.returncode == 0 and done.stdout == raw.read_bytes()


def test_decisions_beside_the_outputs_are_applied_and_learned(cleaned) -> None:
    raw, report = cleaned
    chairman, the = edit_for(report, "chairrnan"), edit_for(report, "tbe")
    write_decisions(raw, report, [
        {"id": chairman["id"], "action": "reject"},
        {"id": the["id"], "action": "replace", "text": "THE"},
        {"raw_start": PAGE.index("bombing"), "raw_end": PAGE.index("bombing") + 7,
         "action": "replace", "text": "air raids"},
        {"word": "Narkomindel", "action": "trust"},
        {"id": "spelling:ocr-misreading:0-3", "action": "reject"},
    ])
    done = run_cli(str(raw))
    assert done.returncode == 0, done.stderr
    assert "applied 4 decisions from" in done.stderr and "found beside the outputs" in done.stderr
    assert "stale decision, not applied: reject spelling:ocr-misreading:0-3" in done.stderr
    clean = raw.with_name("page.clean.txt").read_text(encoding="utf-8")
    assert "The chairrnan said that THE council" in clean and "in the air raids," in clean
    words = raw.with_name("clean-scan.words").read_text(encoding="utf-8").splitlines()
    assert "Narkomindel" in words and "reject chairrnan -> chairman" in words
    after = json.loads(raw.with_name("page.report.json").read_text(encoding="utf-8"))
    assert {e["rule"] for e in after["edits"] if e["stage"] == "review"} == {"reviewer-replace"}
    assert after["output"]["review"]["stale"] == ["reject spelling:ocr-misreading:0-3"]
    assert restores(raw)


def test_a_rejected_correction_is_not_made_in_another_file(cleaned, tmp_path: Path) -> None:
    raw, report = cleaned
    write_decisions(raw, report, [{"id": edit_for(report, "chairrnan")["id"], "action": "reject"}])
    assert run_cli(str(raw)).returncode == 0
    other = tmp_path / "other.txt"
    other.write_text("The chairrnan of the housing committee spoke first.\n", encoding="utf-8")
    assert run_cli(str(other)).returncode == 0
    assert "The chairrnan of" in tmp_path.joinpath("other.clean.txt").read_text(encoding="utf-8")


def test_an_accepted_suggestion_is_made(tmp_path: Path) -> None:
    raw = tmp_path / "page.txt"
    raw.write_text(PAGE, encoding="utf-8")
    assert run_cli(str(raw), "--min-confidence", "1").returncode == 0
    report = json.loads(raw.with_name("page.report.json").read_text(encoding="utf-8"))
    flag = next(f for f in report["flags"] if f["text"] == "chairrnan")
    write_decisions(raw, report, [{"id": flag["id"], "action": "accept",
                                   "text": flag["suggestions"][0]}])
    assert run_cli(str(raw), "--min-confidence", "1").returncode == 0
    clean = raw.with_name("page.clean.txt").read_text(encoding="utf-8")
    assert "The chairman said" in clean
    assert restores(raw)
    again = json.loads(raw.with_name("page.report.json").read_text(encoding="utf-8"))
    assert not any(f["text"] == "chairrnan" for f in again["flags"])  # the doubt is settled


@pytest.mark.parametrize("decisions, message", [
    ({"version": 9, "input_sha256": "x", "decisions": []}, "version 9 is not supported"),
    ({"version": 1, "input_sha256": "0" * 64, "decisions": []}, "made for another input"),
    ({"version": 1, "input_sha256": None, "decisions": [{"action": "explode"}]},
     "needs a string input_sha256"),
    ("not json", "not JSON"),
])
def test_a_bad_decisions_file_is_refused_in_one_line(cleaned, decisions, message) -> None:
    raw, _ = cleaned
    text = decisions if isinstance(decisions, str) else json.dumps(decisions)
    raw.with_name("page.review.json").write_text(text, encoding="utf-8")
    before = raw.with_name("page.clean.txt").read_bytes()
    done = run_cli(str(raw))
    assert done.returncode == 2 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert raw.with_name("page.clean.txt").read_bytes() == before


def test_a_decision_of_the_wrong_kind_is_refused(cleaned) -> None:
    raw, report = cleaned
    write_decisions(raw, report, [{"id": edit_for(report, "tbe")["id"], "action": "accept",
                                   "text": "the"}])
    done = run_cli(str(raw))
    assert done.returncode == 2 and "accept is for a flag's id" in done.stderr


def test_hand_edits_are_adopted_and_survive_a_rerun(cleaned) -> None:
    raw, _ = cleaned
    clean_path = raw.with_name("page.clean.txt")
    edited = clean_path.read_text(encoding="utf-8").replace("autumn", "spring").replace(
        "the vote.", "the vote was taken.")
    edited_path = raw.with_name("page.edited.txt")
    edited_path.write_text(edited, encoding="utf-8")
    done = run_cli("adopt", str(edited_path), str(raw.with_name("page.report.json")))
    assert done.returncode == 0, done.stderr
    assert "recorded 2 hand edits" in done.stderr
    assert run_cli(str(raw)).returncode == 0
    assert clean_path.read_text(encoding="utf-8") == edited
    assert restores(raw)


def test_adopt_refuses_a_report_of_another_input(cleaned) -> None:
    raw, _ = cleaned
    report = raw.with_name("page.report.json")
    raw.write_text(PAGE.replace("autumn", "winter"), encoding="utf-8")
    done = run_cli("adopt", str(raw.with_name("page.clean.txt")), str(report))
    assert done.returncode == 2 and "not the input" in done.stderr


def test_batch_applies_each_files_decisions_and_redoes_a_file_whose_decisions_changed(
        tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    (src / "other.txt").write_text("The tenants met in the hall.\n", encoding="utf-8")
    assert run_cli("batch", str(src), "--out-dir", str(out), "-j", "1").returncode == 0
    report = json.loads((out / "page.report.json").read_text(encoding="utf-8"))
    write_decisions(out / "page.txt", report,
                    [{"id": edit_for(report, "tbe")["id"], "action": "reject"}])
    done = run_cli("batch", str(src), "--out-dir", str(out), "-j", "1", "--resume")
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    status = {Path(f["input"]).name: f["status"] for f in summary["files"]}
    assert status == {"page.txt": "ok", "other.txt": "skipped"}
    assert "said that tbe council" in (out / "page.clean.txt").read_text(encoding="utf-8")
    rows = {Path(f["input"]).name: f for f in summary["files"]}
    assert rows["page.txt"]["decisions"] == 1
    assert rows["page.txt"]["doubtful_before_pct"] > rows["page.txt"]["doubtful_after_pct"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Doubtful left" in index and "→" in index
