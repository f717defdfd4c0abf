"""``clean-scan batch`` as a user runs it on a folder: outputs mirrored and
identical to the single-file command's, bad files recorded while the batch
goes on, nothing written outside the output folder, nothing of the input
touched, resume after a kill giving exactly what an uninterrupted run gives.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean_scan.batch.discover import Job, discover, glob_root
from clean_scan.batch.progress import Progress
from clean_scan.batch.run import collection_vocabulary
from clean_scan.batch.work import BatchOptions, process
from clean_scan.cli import cli
from clean_scan.restore import restore_from_report
from clean_scan.runner import clean_file

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ussr-1942.txt"
OUTPUT_SUFFIXES = (".clean.txt", ".report.html", ".report.json")


def page_text(n: int, pages: int = 3) -> str:
    """A small book of a few pages, different for each ``n``."""
    body = []
    for page in range(1, pages + 1):
        body.append(f"THE STORY OF TOWN {n}\n\nThe workers of town {n} built a school in "
                    f"the year 19{n % 90 + 10}, and the\npeople came to see it. It was "
                    f"page {page} of the book.\n\n{page + 10}\n\n\n\n")
    return "".join(body)


def run_batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["batch", *args])
    return result.exit_code, result.output


def restored(out_stem: Path) -> bytes:
    report = json.loads(out_stem.with_name(out_stem.name + ".report.json").read_text("utf-8"))
    with out_stem.with_name(out_stem.name + ".clean.txt").open(encoding="utf-8",
                                                               newline="") as fh:
        clean = fh.read()
    return restore_from_report(clean, report)


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every output file under ``root`` (not the batch's own summary files)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name.endswith(OUTPUT_SUFFIXES) and not p.name.startswith(".")}


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "vol 1").mkdir(parents=True)
    (root / "vol 2" / "é").mkdir(parents=True)
    (root / "vol 1" / "a.txt").write_text(page_text(1), encoding="utf-8")
    (root / "vol 1" / "b.txt").write_text(page_text(2), encoding="utf-8")
    (root / "vol 2" / "é" / "c d.txt").write_text(page_text(3), encoding="utf-8")
    (root / "notes.md").write_text("not a text file of the collection", encoding="utf-8")
    return root


def test_outputs_mirror_the_folder_and_match_the_single_file_command(collection: Path,
                                                                     tmp_path: Path):
    code, output = run_batch(str(collection), "--out-dir", str(tmp_path / "out"), "-j", "1")
    assert code == 0, output
    out = tmp_path / "out"
    produced = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.clean.txt"))
    assert produced == ["vol 1/a.clean.txt", "vol 1/b.clean.txt", "vol 2/é/c d.clean.txt"]
    single = tmp_path / "single"
    clean_file(collection / "vol 2" / "é" / "c d.txt", out_dir=single)
    for suffix in (".clean.txt", ".report.json"):
        assert (out / "vol 2" / "é" / f"c d{suffix}").read_bytes() == \
            (single / f"c d{suffix}").read_bytes()
    assert (out / "vol 2" / "é" / "c d.report.html").exists()
    assert restored(out / "vol 1" / "a") == (collection / "vol 1" / "a.txt").read_bytes()


def test_summary_lists_every_file_with_counts_and_totals(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(str(collection), "--out-dir", str(out), "-j", "1")
    data = json.loads((out / "batch-summary.json").read_text("utf-8"))
    files = {Path(f["input"]).name: f for f in data["files"]}
    assert set(files) == {"a.txt", "b.txt", "c d.txt"}
    entry = files["a.txt"]
    assert entry["status"] == "ok" and entry["encoding"] == "utf-8"
    report = json.loads((out / "vol 1" / "a.report.json").read_text("utf-8"))
    assert entry["edits"] == len(report["edits"]) and entry["flags"] == len(report["flags"])
    assert entry["edits_by_stage"] == {s["name"]: s["edits"] for s in report["stages"]}
    assert data["totals"]["files"] == 3 and data["totals"]["failed"] == 0
    assert data["totals"]["edits"] == sum(f["edits"] for f in data["files"])
    rows = list(csv.DictReader(io.StringIO((out / "batch-summary.csv").read_text("utf-8"))))
    assert [r["input"] for r in rows][-1] == "TOTAL" and len(rows) == 4
    index = (out / "index.html").read_text("utf-8")
    assert "vol%202/%C3%A9/c%20d.report.html" in index


def test_bad_files_are_recorded_and_the_batch_goes_on(tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(page_text(1), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    unreadable = root / "locked.txt"
    unreadable.write_text("text", encoding="utf-8")
    unreadable.chmod(0)
    out = tmp_path / "out"
    try:
        code, output = run_batch(str(root), "--out-dir", str(out), "-j", "2")
    finally:
        unreadable.chmod(0o644)
    assert code == 1, output
    status = {Path(f["input"]).name: f for f in
              json.loads((out / "batch-summary.json").read_text("utf-8"))["files"]}
    assert status["good.txt"]["status"] == "ok"
    assert (out / "good.clean.txt").exists()
    assert "empty" in status["empty.txt"]["error"]
    assert "binary" in status["binary.txt"]["error"]
    if os.geteuid() != 0:  # root reads anything
        assert status["locked.txt"]["status"] == "error"
    index = (out / "index.html").read_text("utf-8")
    assert index.index("binary.txt") < index.index("good.txt"), "failures come first"


def test_a_crash_in_a_stage_is_recorded_for_that_file(tmp_path: Path, monkeypatch):
    import clean_scan.pipeline as pipeline
    from clean_scan.stage import Stage

    def explode(text, context):
        raise RuntimeError("stage bug")

    stages = tuple(Stage(s.name, s.summary, explode) if s.name == "characters" else s
                   for s in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    source = tmp_path / "a.txt"
    source.write_text(page_text(1), encoding="utf-8")
    record = process(Job(0, source, Path("a.txt")), BatchOptions(out_dir=tmp_path / "out"))
    assert record["status"] == "error"
    assert "RuntimeError: stage bug" in record["error"]
    assert not (tmp_path / "out" / "a.clean.txt").exists()


def test_file_and_glob_inputs_and_colliding_names(tmp_path: Path):
    for folder in ("x", "y"):
        (tmp_path / folder / "deep").mkdir(parents=True)
        (tmp_path / folder / "deep" / "same.txt").write_text(page_text(4), encoding="utf-8")
    (tmp_path / "x" / "top.txt").write_text(page_text(5), encoding="utf-8")
    jobs = discover([str(tmp_path / "x" / "top.txt"), str(tmp_path / "x" / "**" / "*.txt"),
                     str(tmp_path / "x" / "deep" / "same.txt"),
                     str(tmp_path / "y" / "deep" / "same.txt")], tmp_path / "out")
    assert [(j.rel.as_posix(), j.error) for j in jobs] == [
        ("top.txt", None),  # a file: its name; matched again by the glob, not repeated
        ("deep/same.txt", None),  # a glob match: its path under the part before the wildcard
        ("same.txt", None),  # y's same.txt given by name: a different output path
    ]
    collide = discover([str(tmp_path / "x" / "deep" / "same.txt"),
                        str(tmp_path / "y" / "deep" / "same.txt")], tmp_path / "out")
    assert collide[0].error is None
    assert "would overwrite" in collide[1].error and str(collide[0].source) in collide[1].error
    assert glob_root(str(tmp_path / "x" / "**" / "*.txt")) == tmp_path / "x"


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path):
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(page_text(6), encoding="utf-8")
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text(page_text(7), encoding="utf-8")
    (root / "link.txt").symlink_to(secret)
    code, _ = run_batch(str(root), "--out-dir", str(tmp_path / "out"), "-j", "1")
    assert code == 1
    files = json.loads((tmp_path / "out" / "batch-summary.json").read_text("utf-8"))["files"]
    link = next(f for f in files if f["input"].endswith("link.txt"))
    assert link["status"] == "error" and "outside" in link["error"]
    assert not (tmp_path / "out" / "link.clean.txt").exists()


def test_output_folder_symlinked_outside_is_refused(tmp_path: Path):
    root = tmp_path / "in" / "sub"
    root.mkdir(parents=True)
    (root / "a.txt").write_text(page_text(8), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    code, _ = run_batch(str(tmp_path / "in"), "--out-dir", str(out), "-j", "1")
    assert code == 1
    assert list(outside.iterdir()) == []


def test_inputs_are_untouched_and_an_out_dir_inside_them_is_not_cleaned_again(
        collection: Path):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in collection.rglob("*")
              if p.is_file()}
    out = collection / "cleaned"
    for _ in range(2):
        code, output = run_batch(str(collection), "--out-dir", str(out), "-j", "1")
        assert code == 0, output
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in collection.rglob("*")
             if p.is_file() and out not in p.parents}
    assert after == before
    assert not list(out.rglob("*.clean.clean.txt"))


def test_resume_skips_complete_files_and_redoes_damaged_ones(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(str(collection), "--out-dir", str(out), "-j", "1")
    first = tree_bytes(out)
    (out / "vol 1" / "a.clean.txt").unlink()
    (out / "vol 1" / "b.report.html").unlink()
    code, output = run_batch(str(collection), "--out-dir", str(out), "-j", "1", "--resume")
    assert code == 0, output
    files = {Path(f["input"]).name: f["status"] for f in
             json.loads((out / "batch-summary.json").read_text("utf-8"))["files"]}
    assert files == {"a.txt": "ok", "b.txt": "ok", "c d.txt": "skipped"}
    assert tree_bytes(out) == first


def test_resume_does_not_overwrite_a_hand_edited_clean_text(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(str(collection), "--out-dir", str(out), "-j", "1")
    edited = out / "vol 1" / "a.clean.txt"
    edited.write_text("corrected by hand\n", encoding="utf-8")
    code, output = run_batch(str(collection), "--out-dir", str(out), "-j", "1", "--resume")
    assert code == 1
    assert "--force" in output
    assert edited.read_text(encoding="utf-8") == "corrected by hand\n"


def test_resume_redoes_a_file_whose_input_changed(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(str(collection), "--out-dir", str(out), "-j", "1")
    (collection / "vol 1" / "a.txt").write_text(page_text(9), encoding="utf-8")
    run_batch(str(collection), "--out-dir", str(out), "-j", "1", "--resume")
    assert restored(out / "vol 1" / "a") == (collection / "vol 1" / "a.txt").read_bytes()


def _wait_for_reports(out: Path, count: int, proc: subprocess.Popen) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        found = len(list(out.glob("*.report.json")))
        if found >= count:
            return found
        time.sleep(0.005)
    return len(list(out.glob("*.report.json")))


def test_killed_batch_resumed_gives_exactly_the_uninterrupted_outputs(tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    book = SAMPLE.read_text(encoding="utf-8")
    for n in range(30):
        start = (n * 4001) % (len(book) - 40000)
        (root / f"book{n:02d}.txt").write_text(book[start:start + 30000], encoding="utf-8")
    env = dict(os.environ)
    whole = tmp_path / "whole"
    # spelling is skipped only to keep the test short: resume does not depend on stages
    cmd = [sys.executable, "-m", "clean_scan", "batch", str(root), "-j", "1",
           "--skip", "spelling", "--out-dir"]
    subprocess.run([*cmd, str(whole)], check=True, capture_output=True, env=env)
    killed = tmp_path / "killed"
    proc = subprocess.Popen([*cmd, str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    found = _wait_for_reports(killed, 5, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 5 <= found < 30, "the batch must be killed halfway"
    assert not (killed / "batch-summary.json").exists()
    resumed = subprocess.run([*cmd, str(killed), "--resume"], capture_output=True, env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert tree_bytes(killed) == tree_bytes(whole)
    assert len(tree_bytes(whole)) == 90
    assert not [p for p in killed.rglob("*.part")], "no temporary files left"
    statuses = Counter(f["status"] for f in
                       json.loads((killed / "batch-summary.json").read_text("utf-8"))["files"])
    assert statuses["skipped"] >= 4 and statuses["ok"] >= 1


def test_progress_is_a_bar_on_a_terminal_and_log_lines_otherwise():
    tty, log = io.StringIO(), io.StringIO()
    bar = Progress(4, 4000, stream=tty, tty=True)
    lines = Progress(4, 4000, stream=log, tty=False)
    for _ in range(4):
        bar.update(1000, "ok")
        lines.update(1000, "ok")
    bar.close()
    assert "\r[" in tty.getvalue() and "4/4 files" in tty.getvalue()
    assert "\r" not in log.getvalue()
    assert log.getvalue().splitlines()[-1].startswith("clean-scan batch: 4/4 files")
    assert "MB/s" in log.getvalue() and "left" in log.getvalue()


class _FakeEngine:
    def count_words(self, paths):
        from clean_scan.batch.work import count_file

        return (count_file(p) for p in paths)


def test_collection_vocabulary_keeps_words_recurring_across_files(tmp_path: Path):
    texts = {"a.txt": "Dzerzhinsky spoke. Tlie end.", "b.txt": "Dzerzhinsky wrote.",
             "c.txt": "Nothing here. Tlie Tlie Tlie."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    words = collection_vocabulary(_FakeEngine(), [tmp_path / n for n in texts])
    assert words["Dzerzhinsky"] == 2
    assert words["Tlie"] == 4  # in two files: recurring, so kept (stages weigh it)
    assert "spoke" not in words  # one file only
    context = BatchOptions(out_dir=tmp_path, collection_words=words).context()
    assert context.shared["collection_words"] is words


def test_learn_collection_runs_a_first_pass(collection: Path, tmp_path: Path):
    code, output = run_batch(str(collection), "--out-dir", str(tmp_path / "out"), "-j", "1",
                             "--learn-collection")
    assert code == 0, output
    assert "collection vocabulary from 3 files" in output
    summary = json.loads((tmp_path / "out" / "batch-summary.json").read_text("utf-8"))
    assert summary["run"]["learn_collection"] is True


def test_missing_input_is_reported_with_a_failing_exit(tmp_path: Path):
    code, output = run_batch(str(tmp_path / "nope"), "--out-dir", str(tmp_path / "out"))
    assert code == 1
    assert "no such file" in output


def test_ctrl_c_stops_cleanly_with_a_summary_and_resume_finishes(tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    book = SAMPLE.read_text(encoding="utf-8")
    for n in range(20):
        (root / f"b{n:02d}.txt").write_text(book[n * 3000:n * 3000 + 20000], encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "clean_scan", "batch", str(root), "-j", "2", "--skip",
           "spelling", "--out-dir", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    _wait_for_reports(out, 3, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert b"--resume" in err
    summary = json.loads((out / "batch-summary.json").read_text("utf-8"))
    assert summary["run"]["interrupted"] is True and summary["totals"]["not_done"] > 0
    with pytest.raises(ProcessLookupError):  # no worker outlives the batch to go on writing
        os.killpg(proc.pid, 0)
    assert not list(out.glob(".*.part"))
    assert subprocess.run([*cmd, "--resume"], capture_output=True).returncode == 0
    assert len(tree_bytes(out)) == 60


def test_a_file_that_kills_its_worker_is_recorded_and_the_others_are_cleaned(
        tmp_path: Path, monkeypatch):
    import clean_scan.pipeline as pipeline
    from clean_scan.stage import Stage

    def die_on_poison(text, context):
        if "POISON" in text:
            os._exit(9)  # as the out-of-memory killer would end the worker
        return original.run(text, context)

    original = next(s for s in pipeline.STAGES if s.name == "characters")
    monkeypatch.setattr(pipeline, "STAGES", tuple(
        Stage(s.name, s.summary, die_on_poison) if s is original else s
        for s in pipeline.STAGES))  # forked workers inherit the patched pipeline
    root = tmp_path / "in"
    root.mkdir()
    for n in range(5):
        (root / f"f{n}.txt").write_text(page_text(n), encoding="utf-8")
    (root / "f2.txt").write_text("POISON\n" + page_text(2), encoding="utf-8")
    code, output = run_batch(str(root), "--out-dir", str(tmp_path / "out"), "-j", "2")
    assert code == 1, output
    files = {Path(f["input"]).name: f for f in
             json.loads((tmp_path / "out" / "batch-summary.json").read_text("utf-8"))["files"]}
    assert files["f2.txt"]["status"] == "error" and "died" in files["f2.txt"]["error"]
    assert all(files[f"f{n}.txt"]["status"] == "ok" for n in (0, 1, 3, 4))


def test_a_folder_without_text_files_is_a_usage_error(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, output = run_batch(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"))
    assert code == 2
    assert "no input files found" in output


def test_resume_with_other_stages_redoes_the_files(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_batch(str(collection), "--out-dir", str(out), "-j", "1", "--skip", "spelling")
    run_batch(str(collection), "--out-dir", str(out), "-j", "1", "--resume")
    data = json.loads((out / "batch-summary.json").read_text("utf-8"))
    assert {f["status"] for f in data["files"]} == {"ok"}
    report = json.loads((out / "vol 1" / "a.report.json").read_text("utf-8"))
    assert "spelling" in [s["name"] for s in report["stages"]]


def test_resume_with_another_confidence_threshold_redoes_the_files(collection: Path,
                                                                  tmp_path: Path):
    out = tmp_path / "out"
    run_batch(str(collection), "--out-dir", str(out), "-j", "1")
    run_batch(str(collection), "--out-dir", str(out), "-j", "1", "--resume",
              "--min-confidence", "0.95")
    data = json.loads((out / "batch-summary.json").read_text("utf-8"))
    assert {f["status"] for f in data["files"]} == {"ok"}
    report = json.loads((out / "vol 1" / "a.report.json").read_text("utf-8"))
    assert report["options"]["min_confidence"] == 0.95
