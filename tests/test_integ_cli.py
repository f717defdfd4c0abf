"""The command line end to end, as a user runs it: outputs where promised,
nothing of the user's overwritten, one-line errors, lossless restore."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean_scan.cli import cli
from clean_scan.pipeline import STAGE_NAMES


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True)


def test_clean_writes_three_outputs_beside_input_and_restores(sample_copy: Path):
    result = run_cli(str(sample_copy))
    assert result.returncode == 0, result.stderr
    folder = sample_copy.parent
    clean = folder / "ussr-1942.clean.txt"
    report = folder / "ussr-1942.report.json"
    assert clean.exists() and report.exists() and (folder / "ussr-1942.report.html").exists()
    restored = run_cli("restore", str(clean), str(report))
    assert restored.returncode == 0
    assert restored.stdout == sample_copy.read_bytes()


def test_a_windows_file_gets_the_same_edits_and_restores_with_its_line_ends(
        sample_copy: Path):
    """Line ends are a fact about the file, recorded once: a CR LF copy of the
    book is cleaned exactly as the LF one, with no line-end edits to wade
    through, and restores to its own bytes."""
    windows = sample_copy.with_name("windows.txt")
    windows.write_bytes(sample_copy.read_bytes().replace(b"\n", b"\r\n"))
    for path in (sample_copy, windows):
        assert run_cli(str(path), "--out-dir", str(path.parent / "out")).returncode == 0
    out = sample_copy.parent / "out"
    unix, dos = (json.loads((out / f"{stem}.report.json").read_text(encoding="utf-8"))
                 for stem in ("ussr-1942", "windows"))
    assert (unix["input"]["line_ends"], dos["input"]["line_ends"]) == ("lf", "crlf")
    assert dos["edits"] == unix["edits"] and dos["flags"] == unix["flags"]
    assert (out / "windows.clean.txt").read_bytes() == (out / "ussr-1942.clean.txt").read_bytes()
    restored = run_cli("restore", str(out / "windows.clean.txt"), str(out / "windows.report.json"))
    assert restored.returncode == 0 and restored.stdout == windows.read_bytes()


def test_report_records_every_stage_and_input_checksum(sample_copy: Path):
    run_cli(str(sample_copy), "--out-dir", str(sample_copy.parent / "out"))
    data = json.loads((sample_copy.parent / "out" / "ussr-1942.report.json").read_text())
    assert data["schema"] == "clean-scan/report" and data["version"] == 3
    assert [s["name"] for s in data["stages"]] == list(STAGE_NAMES)
    assert data["input"]["encoding"] == "utf-8"
    edit = data["edits"][0]
    assert {"stage", "rule", "line", "column", "before", "after", "confidence", "reason"} <= set(
        edit
    )


def test_output_is_deterministic(sample_copy: Path, tmp_path: Path):
    outputs = []
    for name in ("a", "b"):
        run_cli(str(sample_copy), "--out-dir", str(tmp_path / name))
        outputs.append(
            [
                (tmp_path / name / f).read_bytes()
                for f in ("ussr-1942.clean.txt", "ussr-1942.report.json", "ussr-1942.report.html")
            ]
        )
    assert outputs[0] == outputs[1]


def test_stdout_and_no_report(tmp_path: Path):
    source = tmp_path / "page.txt"
    source.write_text("X he end of the war.\n", encoding="utf-8")
    result = run_cli(str(source), "-o", "-", "--no-report")
    assert result.returncode == 0
    assert result.stdout.decode().endswith("\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


def test_rerun_replaces_own_outputs_but_not_foreign_files(sample_copy: Path):
    assert run_cli(str(sample_copy)).returncode == 0
    assert run_cli(str(sample_copy)).returncode == 0  # our own outputs: replaced
    clean = sample_copy.parent / "ussr-1942.clean.txt"
    clean.write_text("a person's own edits\n", encoding="utf-8")
    result = run_cli(str(sample_copy))
    assert result.returncode != 0
    assert b"not written by clean-scan" in result.stderr
    assert clean.read_text(encoding="utf-8") == "a person's own edits\n"


def test_never_writes_onto_the_input(sample_copy: Path):
    before = sample_copy.read_bytes()
    result = run_cli(str(sample_copy), "-o", str(sample_copy), "--force")
    assert result.returncode != 0
    assert sample_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, b"no such file"),
        (b"", b"empty"),
        (b"\x00\x01\x02\x03\x89PNG\x00\x00" * 50, b"binary"),
        (b"\xef\xbb\xbfcaf\xe9", b"cannot decode"),
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path: Path, content, message):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run_cli(str(path))
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and message in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_folder_without_page_files_is_refused_with_a_hint(tmp_path: Path):
    (tmp_path / "notes.md").write_text("not a page\n", encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert result.returncode == 2 and b"a folder without page files" in result.stderr
    assert b"clean-scan batch" in result.stderr and len(result.stderr.splitlines()) == 1


def test_windows_1252_is_read_and_said(tmp_path: Path):
    path = tmp_path / "old.txt"
    raw = "The workers\x92 \x93paper\x94 cost 2d.\n".encode("latin-1")
    path.write_bytes(raw)
    result = run_cli(str(path))
    assert result.returncode == 0
    assert b"cp1252" in result.stderr
    assert "’" in (tmp_path / "old.clean.txt").read_text(encoding="utf-8")
    report = json.loads((tmp_path / "old.report.json").read_text(encoding="utf-8"))
    assert report["input"]["encoding"] == "cp1252"
    restored = run_cli(
        "restore", str(tmp_path / "old.clean.txt"), str(tmp_path / "old.report.json")
    )
    assert restored.stdout == raw


def test_restore_refuses_an_edited_clean_text(sample_copy: Path):
    run_cli(str(sample_copy))
    clean = sample_copy.parent / "ussr-1942.clean.txt"
    clean.write_text(clean.read_text(encoding="utf-8").replace("the", "teh", 1), encoding="utf-8")
    result = run_cli("restore", str(clean), str(sample_copy.parent / "ussr-1942.report.json"))
    assert result.returncode == 2 and b"checksum" in result.stderr


def test_stages_lists_every_stage_in_order():
    output = CliRunner().invoke(cli, ["stages"]).output
    names = [line.split()[1] for line in output.strip().splitlines()]
    assert names == list(STAGE_NAMES)


def test_skip_turns_a_stage_off(tmp_path: Path):
    path = tmp_path / "split.txt"
    path.write_text("a demonstra¬\ntion of it\n", encoding="utf-8")
    on = run_cli(str(path), "-o", "-", "--no-report").stdout.decode()
    off = run_cli(str(path), "-o", "-", "--no-report", "--skip", "dehyphenate").stdout.decode()
    assert "demonstration" in on and "demonstration" not in off


def test_json_report_is_one_item_per_line_and_valid(sample_copy: Path):
    run_cli(str(sample_copy))
    text = (sample_copy.parent / "ussr-1942.report.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert text.count('\n  {"id": ') == len(data["edits"]) + len(data["flags"])
    items = (len(data["edits"]) + len(data["flags"]) + len(data["restore"]["hunks"])
             + len(data["pages"]))
    assert len(text.splitlines()) < items + 100  # the head is short; no item spans lines
