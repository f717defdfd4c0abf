"""What a hostile user broke (issue 14): each test failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "The committee met in the autumn and agreed that tbe tenants\nshould be heard.\n"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True,
                          text=True)


@pytest.fixture
def cleaned(tmp_path: Path) -> Path:
    raw = tmp_path / "a.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert run_cli(str(raw)).returncode == 0
    return raw


@pytest.mark.parametrize("name", ["a.report.json", "a.report.html"])
def test_the_clean_text_may_not_be_named_as_a_report(cleaned: Path, name: str) -> None:
    report = cleaned.with_name(name)
    before = report.read_bytes()
    done = run_cli(str(cleaned), "-o", str(report))
    assert done.returncode == 2 and "named for two of this run's outputs" in done.stderr
    assert report.read_bytes() == before


def test_restore_refuses_a_hard_link_to_its_report(cleaned: Path) -> None:
    report = cleaned.with_name("a.report.json")
    link = cleaned.with_name("link.json")
    os.link(report, link)
    before = report.read_bytes()
    done = run_cli("restore", str(cleaned.with_name("a.clean.txt")), str(report), "-o", str(link))
    assert done.returncode == 2 and "refusing to write over an input" in done.stderr
    assert report.read_bytes() == before


def test_restore_writes_atomically_and_fails_in_one_line(cleaned: Path) -> None:
    clean, report = cleaned.with_name("a.clean.txt"), cleaned.with_name("a.report.json")
    out = cleaned.with_name("restored.txt")
    assert run_cli("restore", str(clean), str(report), "-o", str(out)).returncode == 0
    assert out.read_bytes() == cleaned.read_bytes()
    assert not [p for p in cleaned.parent.iterdir() if p.name.endswith(".part")]
    for target in (str(cleaned.parent), str(cleaned.parent / "missing" / "x.txt")):
        done = run_cli("restore", str(clean), str(report), "-o", target)
        assert done.returncode in (0, 2) and "Traceback" not in done.stderr
    if Path("/dev/full").exists():
        done = run_cli("restore", str(clean), str(report), "-o", "/dev/full")
        assert done.returncode == 2 and "Traceback" not in done.stderr


def test_a_report_without_an_input_checksum_does_not_restore(cleaned: Path) -> None:
    report = cleaned.with_name("a.report.json")
    data = json.loads(report.read_text(encoding="utf-8"))
    data["input"]["sha256"] = None
    report.write_text(json.dumps(data), encoding="utf-8")
    done = run_cli("restore", str(cleaned.with_name("a.clean.txt")), str(report))
    assert done.returncode == 2 and "no checksum of the input" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("tamper", ["empty html", "edit html", "hunk"])
def test_resume_redoes_a_file_whose_outputs_were_tampered_with(tmp_path: Path, tamper) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "b.txt").write_text(TEXT.replace("autumn", "spring"), encoding="utf-8")
    assert run_cli("batch", str(src), "--out-dir", str(out), "-j", "1").returncode == 0
    html, report = out / "a.report.html", out / "a.report.json"
    if tamper == "empty html":
        html.write_bytes(b"")
    elif tamper == "edit html":
        html.write_text(html.read_text(encoding="utf-8").replace("committee", "c0mmittee"),
                        encoding="utf-8")
    else:
        data = json.loads(report.read_text(encoding="utf-8"))
        data["restore"]["hunks"][0][2] += "x"
        report.write_text(json.dumps(data), encoding="utf-8")
    run_cli("batch", str(src), "--out-dir", str(out), "-j", "1", "--resume")
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    status = {Path(f["input"]).name: (f["status"], f["error"]) for f in summary["files"]}
    assert status["b.txt"] == ("skipped", None)
    if tamper == "empty html":  # no longer known for ours: not skipped, and not overwritten
        assert status["a.txt"][0] == "error" and "--force" in status["a.txt"][1]
    else:
        assert status["a.txt"] == ("ok", None)


def test_one_latin1_byte_in_a_utf8_file_is_repaired_alone(tmp_path: Path) -> None:
    """Item 6: the file stays UTF-8 (its dashes are not turned to mojibake);
    the stray byte becomes its Windows-1252 character as a recorded edit,
    and restore gives back the file byte for byte."""
    raw = tmp_path / "mixed.txt"
    data = ("The council—as the tenants said—met in the café of the town hall.\n"
            "They asked for houses, not promises.\n").encode()
    data = data.replace("café".encode(), b"caf\xe9")
    raw.write_bytes(data)
    done = run_cli(str(raw))
    assert done.returncode == 0 and "read as" not in done.stderr
    clean = raw.with_name("mixed.clean.txt").read_text(encoding="utf-8")
    assert "council—as the tenants said—met in the café" in clean
    report = json.loads(raw.with_name("mixed.report.json").read_text(encoding="utf-8"))
    assert report["input"]["encoding"] == "utf-8"
    assert [e["after"] for e in report["edits"] if e["rule"] == "stray-byte"] == ["é"]
    restored = subprocess.run([sys.executable, "-m", "clean_scan", "restore",
                               str(raw.with_name("mixed.clean.txt")),
                               str(raw.with_name("mixed.report.json"))], capture_output=True)
    assert restored.returncode == 0 and restored.stdout == data


def test_a_windows_1252_file_is_still_read_as_such(tmp_path: Path) -> None:
    raw = tmp_path / "old.txt"
    raw.write_bytes("The caf\u00e9 \u2014 the tenants\u2019 hall.\n".encode("cp1252"))
    done = run_cli(str(raw))
    assert done.returncode == 0 and "read as cp1252" in done.stderr


def test_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    """Item 11: a FIFO (alone or in a batch folder) and /dev/zero (as input,
    word list or gold) are refused in one line, without blocking or reading
    without bound."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for args in ([str(fifo)], ["/dev/zero"], [str(tmp_path / "x.txt"), "--words", "/dev/zero"]):
        (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "clean_scan", *args], capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 2 and "not a regular file" in done.stderr, args
    done = subprocess.run([sys.executable, "-m", "clean_scan", "eval", str(tmp_path / "x.txt"),
                           "/dev/zero"], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "not a regular file" in done.stderr
    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "clean_scan", "batch", str(tmp_path / "in"),
                           "--out-dir", str(tmp_path / "out"), "-j", "1"],
                          capture_output=True, text=True, timeout=120)
    summary = json.loads((tmp_path / "out" / "batch-summary.json").read_text(encoding="utf-8"))
    status = {Path(f["input"]).name: f["status"] for f in summary["files"]}
    assert status.get("a.txt") == "ok" and status.get("pipe.txt", "error") == "error"


def test_sigterm_stops_a_batch_with_its_summary_written(tmp_path: Path) -> None:
    """Item 12: SIGTERM ends a batch as Ctrl-C does: summary and index written."""
    import signal
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    book = (Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt").read_text(
        encoding="utf-8")
    for n in range(40):
        (src / f"f{n:02d}.txt").write_text(book, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "clean_scan", "batch", str(src),
                             "--out-dir", str(out), "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(out.glob("*.clean.txt")) and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    assert summary["run"]["interrupted"] is True
    statuses = {f["status"] for f in summary["files"]}
    assert "not done" in statuses and (out / "index.html").exists()


def test_a_pattern_does_not_clean_the_outputs_again(tmp_path: Path) -> None:
    """Item 16: ``batch 'DIR/*.txt' --out-dir DIR`` twice: the second run
    does not take the first run's outputs for inputs."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for _ in range(2):
        done = run_cli("batch", str(tmp_path / "*.txt"), "--out-dir", str(tmp_path), "-j", "1")
        assert done.returncode == 0, done.stderr
    summary = json.loads((tmp_path / "batch-summary.json").read_text(encoding="utf-8"))
    assert [Path(f["input"]).name for f in summary["files"]] == ["a.txt"]
    assert not list(tmp_path.glob("*.clean.clean.txt"))


def test_the_csv_summary_neutralises_formulas_and_the_index_has_a_policy(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "=HYPERLINK(1).txt").write_text(TEXT, encoding="utf-8")
    assert run_cli("batch", str(src), "--out-dir", str(out), "-j", "1").returncode == 0
    csv_text = (out / "batch-summary.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text
    assert "Content-Security-Policy" in (out / "index.html").read_text(encoding="utf-8")


def test_accented_words_of_another_language_are_kept() -> None:
    """Item 8: ``Nîmes``, ``crème``, ``señor`` stay; an English word the OCR
    gave an accent (``seéing``) is still put right."""
    from clean_scan import clean_text

    clean = clean_text("We went to Nîmes and ate a crème brûlée with the señor, seéing\n"
                       "the town.\n").clean
    assert "Nîmes" in clean and "crème brûlée" in clean and "señor" in clean
    assert "seeing the town" in clean


def test_standard_input_is_read_and_stdout_alone_writes_no_reports(tmp_path: Path) -> None:
    """Item 17: ``-`` is standard input; ``-o -`` writes the clean text to
    standard output and no report beside the input (reports go only to
    ``--out-dir``)."""
    done = subprocess.run([sys.executable, "-m", "clean_scan", "-", "-o", "-"], input=TEXT,
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0 and "agreed that the tenants should be heard" in done.stdout
    assert list(tmp_path.iterdir()) == []
    done = subprocess.run([sys.executable, "-m", "clean_scan", "-", "--out-dir", "out"],
                          input=TEXT, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "stdin.clean.txt", "stdin.report.html", "stdin.report.json"]
    raw = tmp_path / "a.txt"
    raw.write_text(TEXT, encoding="utf-8")
    assert run_cli(str(raw), "-o", "-").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out"]


def test_eval_says_when_a_gold_file_is_not_in_the_text(tmp_path: Path) -> None:
    """Item 18: a gold file absent from the text, or the arguments swapped,
    gives a warning and exit 1, not a figure alone."""
    hyp = tmp_path / "hyp.txt"
    hyp.write_text(TEXT * 20, encoding="utf-8")
    gold = tmp_path / "gold.txt"
    gold.write_text("Quite another text about the harvest and the price of bread.\n",
                    encoding="utf-8")
    done = run_cli("eval", str(hyp), str(gold))
    assert done.returncode == 1 and "was not found in" in done.stderr
    right = tmp_path / "right.txt"
    right.write_text(TEXT, encoding="utf-8")
    assert run_cli("eval", str(hyp), str(right)).returncode == 0
    swapped = run_cli("eval", str(right), str(hyp))
    assert swapped.returncode == 1 and "right order" in swapped.stderr


def test_a_file_name_that_is_not_utf8_is_cleaned_and_summarised(tmp_path: Path) -> None:
    """Item 9: a file name that is not valid UTF-8 gives no traceback; in a
    batch the file is cleaned and the summary and index are written."""
    src = tmp_path / "in"
    src.mkdir()
    name = os.fsdecode(b"bad\xffname.txt")
    (src / name).write_text(TEXT, encoding="utf-8")
    single = run_cli(str(src / name))
    assert single.returncode == 0 and "Traceback" not in single.stderr
    out = tmp_path / "out"
    done = run_cli("batch", str(src), "--out-dir", str(out), "-j", "1")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    assert [f["status"] for f in summary["files"]] == ["ok"]
    assert "bad%FFname.report.html" in (out / "index.html").read_text(encoding="utf-8")


SCALING_PATTERNS = {
    "numbered items": "(1) ",
    "lettered items": "(b) x ",
    "lettered items, brackets read as strokes": "(al (bl ",
    "apostrophes": "a' ",
    "one giant word": "a",
    "ligatures": "\ufb01",
    "hyphenated lines": "a-\n",
}


@pytest.mark.parametrize("unit", SCALING_PATTERNS.values(), ids=SCALING_PATTERNS.keys())
def test_cleaning_time_grows_with_the_input_not_its_square(unit: str) -> None:
    """Four times the input must not take sixteen times as long (a line of a
    thousand list marks, apostrophes or ligatures once did)."""
    import time

    from clean_scan import clean_text

    def seconds(repeats: int) -> float:
        text = unit * repeats + "\n"
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            clean_text(text)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(4000), seconds(16000)
    assert large < 8 * small + 0.5, f"{small:.3f} s for 4,000, {large:.3f} s for 16,000"


def test_a_text_with_too_many_edits_to_mark_gets_a_short_report_page(tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("a-\n" * 60000, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "clean_scan", str(source)],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    page = (tmp_path / "lines.report.html").read_text(encoding="utf-8")
    assert len(page) < 10_000 and "too many to mark" in page
    restored = subprocess.run([sys.executable, "-m", "clean_scan", "restore",
                               str(tmp_path / "lines.clean.txt"),
                               str(tmp_path / "lines.report.json")], capture_output=True)
    assert restored.returncode == 0 and restored.stdout == source.read_bytes()


WIDE_TEXT = "The workers’ paper cost 2d. in 1942;\r\nthe Soviet Union’s allies met.\r\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_wide_unicode_with_its_byte_order_mark_is_read_and_restored(tmp_path: Path,
                                                                     codec: str) -> None:
    source = tmp_path / "wide.txt"
    data = WIDE_TEXT.encode(codec)
    source.write_bytes(data if codec != "utf-16-be" else b"\xfe\xff" + data)
    done = subprocess.run([sys.executable, "-m", "clean_scan", str(source)], capture_output=True,
                          timeout=120)
    assert done.returncode == 0 and b"read as utf-" in done.stderr
    assert "Soviet Union’s allies" in (tmp_path / "wide.clean.txt").read_text(encoding="utf-8")
    clean, report = tmp_path / "wide.clean.txt", tmp_path / "wide.report.json"
    restored = subprocess.run([sys.executable, "-m", "clean_scan", "restore", str(clean),
                               str(report)], capture_output=True)
    assert restored.returncode == 0 and restored.stdout == source.read_bytes()


@pytest.mark.parametrize(("data", "question"), [
    (WIDE_TEXT.encode("utf-16-le"), b"without a byte-order mark"),
    (WIDE_TEXT.encode("utf-32-be"), b"without a byte-order mark"),
    (("日本語のテキストです。" * 30).encode("shift_jis"), b"Shift-JIS"),
    (("Советский Союз и рабочие партии. " * 20).encode("cp1251"), b"Cyrillic"),
    (("Советский Союз и рабочие партии. " * 20).encode("koi8_r"), b"Cyrillic"),
])
def test_text_whose_encoding_cannot_be_told_is_refused_naming_the_question(
        tmp_path: Path, data: bytes, question: bytes) -> None:
    source = tmp_path / "foreign.txt"
    source.write_bytes(data)
    done = subprocess.run([sys.executable, "-m", "clean_scan", str(source)], capture_output=True,
                          timeout=120)
    assert done.returncode == 2 and question in done.stderr
    assert b"convert it to UTF-8" in done.stderr and len(done.stderr.splitlines()) == 1


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 400 KB file system (tmpfs; needs root, skips otherwise)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_full_disk_fails_one_file_whole_and_the_batch_goes_on(tmp_path: Path,
                                                                small_disk: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"small{k}.txt").write_text(TEXT, encoding="utf-8")
    (src / "large.txt").write_text(TEXT * 300, encoding="utf-8")  # its JSON fits, its HTML not
    out = small_disk / "out"
    done = run_cli("batch", str(src), "--out-dir", str(out), "-j", "1")
    assert done.returncode != 0 and "No space left" in done.stderr
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    status = {Path(f["input"]).name: f["status"] for f in summary["files"]}
    assert status == {"large.txt": "error", "small0.txt": "ok", "small1.txt": "ok",
                      "small2.txt": "ok"}
    assert not list(out.glob("large.*")) and not list(out.glob(".*.part"))  # none of its outputs
    for k in range(3):
        assert all((out / f"small{k}.{kind}").is_file()
                   for kind in ("clean.txt", "report.html", "report.json"))


def test_the_size_limit_is_an_option_for_a_file_and_a_batch(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT * 200, encoding="utf-8")  # about 17 KB
    small = run_cli(str(source), "--max-size", "8k")
    assert small.returncode == 2 and "larger than 8 KiB" in small.stderr
    assert "--max-size" in small.stderr and not (tmp_path / "a.clean.txt").exists()
    assert run_cli(str(source), "--max-size", "1M").returncode == 0
    assert run_cli(str(source), "--max-size", "lots").returncode == 2
    out = tmp_path / "out"
    run_cli("batch", str(tmp_path / "a.txt"), "--out-dir", str(out), "--max-size", "8k")
    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    assert summary["files"][0]["status"] == "error"
    assert "larger than 8 KiB" in summary["files"][0]["error"]


def test_words_of_many_unread_glyphs_do_not_hang(tmp_path: Path) -> None:
    """An engine's unread glyph (``_``) is tried as every letter to read a
    word; a word holding six of them once meant millions of look-ups, and a
    line of them a run that never ended."""
    glyphs = "The _tory of the _trike wa_ _ad, and the _ucce__ wa_ hi_ al_o. " * 5
    raw = tmp_path / "glyphs.txt"
    raw.write_text(glyphs + "s_t_r_i_k_e_ c_o_n_t_e_s_t_ " * 20 + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "clean_scan", str(raw)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr
